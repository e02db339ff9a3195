"""The export's Frictionless Data Package, its organ datasets (organs, checks, panel) and the README example."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from seed_store import build_multi_year_store

from nianbao.export import REPORT_KEYS, export
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("package")
    with build_multi_year_store(base / "nianbao.db") as store:
        export(store.db, base / "data" / "export")
    return base / "nianbao.db", base / "data" / "export"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def validate(path: Path) -> Any:
    from frictionless import validate as frictionless_validate

    return frictionless_validate(str(path))


def test_the_data_package_validates(exported: tuple[Path, Path]) -> None:
    _, out = exported
    report = validate(out / "datapackage.json")
    assert report.valid, [(t.name, [e.note for e in t.errors[:3]]) for t in report.tasks if t.errors]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) >= {"reports", "cells", "table_applications", "organs", "checks", "panel"}
    for resource in resources.values():
        schema = resource["schema"]
        assert resource["description"] and schema["primaryKey"], resource["name"]
        assert all(f["description"] and f["type"] in ("integer", "number", "string") for f in schema["fields"])
    assert resources["panel"]["schema"]["primaryKey"] == ["organ_id", "year", "key"]
    assert {"fields": "report_id", "reference": {"resource": "reports", "fields": "id"}} in resources["cells"][
        "schema"
    ]["foreignKeys"]
    assert {"fields": "parent_id", "reference": {"resource": "", "fields": "id"}} in resources["organs"]["schema"][
        "foreignKeys"
    ]


@pytest.mark.parametrize(
    ("damage", "error"), [("foreign_key", "foreign-key"), ("primary_key", "primary-key"), ("type", "type-error")]
)
def test_the_validation_catches_broken_keys_and_types(
    exported: tuple[Path, Path], tmp_path: Path, damage: str, error: str
) -> None:
    """The same package with one thing broken is invalid (so the validation above can fail)."""
    _, out = exported
    for path in out.iterdir():
        if path.suffix in (".csv", ".json"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    name, column, value = {
        "foreign_key": ("reports.csv", "organ_id", "159999"),  # an organ that does not exist
        "primary_key": ("panel.csv", None, None),  # an organ, year and key twice
        "type": ("checks.csv", "report_id", "x1"),  # not an integer
    }[damage]
    table = rows(tmp_path / name)
    if column is None:
        table.append(table[0])
    else:
        table[0][column] = value
    with (tmp_path / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert error in {e.type for t in report.tasks for e in t.errors}


def test_exports_carry_the_organ_and_its_division_code(exported: tuple[Path, Path]) -> None:
    _, out = exported
    assert REPORT_KEYS[:3] == ("report_id", "organ_id", "division_code")
    reports = rows(out / "reports.csv")
    by_region = {(r["region"], r["year"]): (r["organ_id"], r["division_code"], r["organ_name"]) for r in reports}
    assert by_region[("通辽市", "2021")] == ("150500", "150500", "通辽市人民政府")
    assert by_region[("内蒙古自治区", "2018")] == ("150000", "150000", "内蒙古自治区人民政府")
    assert by_region[("鄂托克前旗", "2022")] == ("150623", "150623", "鄂托克前旗人民政府")
    assert by_region[("青山区", "2022")] == ("", "", "")  # 包头 or 武汉: matched to none, kept as written
    for name in ("cells", "table_applications"):
        first = rows(out / f"{name}.csv")
        assert all(r["organ_id"] == by_region[(r["region"], r["year"])][0] for r in first), name


def test_the_panel_is_one_report_per_organ_and_year(exported: tuple[Path, Path]) -> None:
    db, out = exported
    panel = rows(out / "panel.csv")
    keys = [(r["organ_id"], r["year"], r["key"]) for r in panel]
    assert len(keys) == len(set(keys))
    years = {(r["organ_id"], r["year"]) for r in panel}
    assert {("150500", "2020"), ("150500", "2021"), ("150500", "2022"), ("150000", "2018")} <= years
    with Store(db) as store:
        for organ, year in years:
            report_id = {r["report_id"] for r in panel if (r["organ_id"], r["year"]) == (organ, year)}
            assert len(report_id) == 1
            cells = store.report_cells(int(report_id.pop()))
            mine = {r["key"]: r["value"] for r in panel if (r["organ_id"], r["year"]) == (organ, year)}
            assert mine == {
                k: "" if v is None else str(int(v) if float(v).is_integer() else v) for k, v in cells.items()
            }


def test_checks_hold_the_narrative_with_its_sentence(exported: tuple[Path, Path]) -> None:
    _, out = exported
    checks = rows(out / "checks.csv")
    told = [c for c in checks if c["kind"] == "narrative_vs_table"]
    assert told and all(c["sentence"] and c["left_keys"] == "[]" for c in told)
    assert {c["kind"] for c in checks} == {"identity", "narrative_vs_table"}


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- pandas example -->\s*```python\n(.*?)```", text, re.S)
    assert block, "README: the pandas example block"
    return block.group(1)


def test_the_readme_pandas_example_joins_two_years_per_organ(
    exported: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, out = exported
    code = readme_example()
    assert len([line for line in code.splitlines() if line.strip() and not line.startswith("import")]) == 3
    monkeypatch.chdir(out.parent.parent)
    scope: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), scope)
    both = scope["both"]
    assert list(both.columns) == [2021, 2022]
    with Store(db) as store:
        ids = {
            year: store.db.execute(
                "SELECT r.id FROM reports r JOIN report_organs l ON l.report_id = r.id"
                " WHERE l.organ_id = '150500' AND r.year = ?",
                [year],
            ).fetchone()[0]
            for year in (2021, 2022)
        }
        cells = {year: store.report_cells(ids[year]) for year in ids}
    row = both.loc[("150500", "applications/new_received/total")]
    assert (row[2021], row[2022]) == (
        cells[2021]["applications/new_received/total"],
        cells[2022]["applications/new_received/total"],
    )
    assert {organ for organ, _ in both.index} == {"150500", "150000"}

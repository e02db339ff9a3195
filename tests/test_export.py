"""nianbao export: CSV, JSON Lines and Parquet of reports, tidy cells and wide tables, with a data dictionary."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest
from seed_store import GOLD, build_multi_year_store, seed_url

from nianbao import exitcodes
from nianbao.cli import main
from nianbao.dictionary import STANDARD_TABLES, describe_cell, labels, standard_keys
from nianbao.export import FORMATS, REPORT_KEYS, export
from storage.store import Store

DATASETS = ["reports", "cells", *[f"table_{t}" for t in STANDARD_TABLES], "organs", "checks", "panel"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Path]:
    base = tmp_path_factory.mktemp("export")
    store = build_multi_year_store(base / "nianbao.db")
    export(store.db, base / "out")
    return store, base / "out"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_dataset_in_every_format_and_the_dictionary(exported: tuple[Store, Path]) -> None:
    _, out = exported
    expected = {f"{d}.{fmt}" for d in DATASETS for fmt in FORMATS}
    expected |= {"data_dictionary.md", "data_dictionary.json", "datapackage.json"}
    assert {p.name for p in out.iterdir()} == expected


def test_the_three_formats_hold_the_same_rows(exported: tuple[Store, Path]) -> None:
    _, out = exported
    for name in DATASETS:
        as_csv = read_csv(out / f"{name}.csv")
        as_jsonl = read_jsonl(out / f"{name}.jsonl")
        as_parquet = pq.read_table(out / f"{name}.parquet").to_pylist()
        assert len(as_csv) == len(as_jsonl) == len(as_parquet) > 0, name
        assert list(as_csv[0]) == list(as_jsonl[0]) == list(as_parquet[0]), name
        for c, j, p in zip(as_csv, as_jsonl, as_parquet, strict=True):
            assert j == {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in p.items()}, name
            assert c == {k: "" if v is None else str(v) for k, v in j.items()}, name


def test_reports_and_cells_match_the_database(exported: tuple[Store, Path]) -> None:
    store, out = exported
    reports = pq.read_table(out / "reports.parquet")
    assert reports.num_rows == store.db.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert str(reports.schema.field("year").type) == "int64" and str(reports.schema.field("title").type) == "string"
    cells = pq.read_table(out / "cells.parquet").to_pylist()
    db_cells = {(r, k): v for r, k, v in store.db.execute("SELECT report_id, key, value FROM cells")}
    assert {(c["report_id"], c["key"]): c["value"] for c in cells} == db_cells
    assert any(v is None for v in db_cells.values())  # blank cells (seed 003's 行政复议 row) stay null, never 0
    assert list(cells[0])[: len(REPORT_KEYS)] == list(REPORT_KEYS)


def test_wide_tables_hold_the_gold_cells(exported: tuple[Store, Path]) -> None:
    store, out = exported
    for stem, gold in GOLD.items():
        report_id = store.db.execute("SELECT id FROM reports WHERE url = ?", [seed_url(stem)]).fetchone()[0]
        for table in STANDARD_TABLES:
            wanted = {k.split("/", 1)[1]: v for k, v in gold["cells"].items() if k.startswith(f"{table}/")}
            if not wanted:
                continue
            rows = [r for r in read_jsonl(out / f"table_{table}.jsonl") if r["report_id"] == report_id]
            assert len(rows) == 1, (stem, table)
            assert {k: rows[0][k] for k in wanted} == wanted, (stem, table)


def test_wide_columns_follow_the_templates(exported: tuple[Store, Path]) -> None:
    _, out = exported
    for table, keys in standard_keys().items():
        names = pq.read_schema(out / f"table_{table}.parquet").names
        assert names[: len(REPORT_KEYS)] == list(REPORT_KEYS)
        assert names[len(REPORT_KEYS) : len(REPORT_KEYS) + len(keys)] == keys
    applications = standard_keys()["applications"]
    assert (
        applications.index("other.other/total")
        < applications.index("other/total")
        < applications.index("results_total/total")
    )  # format 2019's single （六）其他处理 row sits with the 2021 ones
    legacy_rows = read_jsonl(out / "table_legacy.jsonl")
    assert [r["year"] for r in legacy_rows] == [2018]


def test_data_dictionary_describes_every_column(exported: tuple[Store, Path]) -> None:
    _, out = exported
    data = json.loads((out / "data_dictionary.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in data["files"]] == DATASETS
    for f in data["files"]:
        assert f["description"] and f["rows"] == len(read_jsonl(out / f"{f['name']}.jsonl"))
        names = pq.read_schema(out / f"{f['name']}.parquet").names
        assert [c["name"] for c in f["columns"]] == names
        for column in f["columns"]:
            assert column["description"], (f["name"], column["name"])
            assert column["type"] in ("integer", "number", "string")
            if "/" in column["name"]:
                assert CJK.search(column["description"]), column
    markdown = (out / "data_dictionary.md").read_text(encoding="utf-8")
    assert "| `new_received/total` | number | 一、本年新收政府信息公开申请数量 — 总计" in markdown


def test_every_template_cell_has_a_label_in_the_data_contract() -> None:
    assert set(labels()) == set(STANDARD_TABLES)
    for table, keys in standard_keys().items():
        for key in keys:
            label = describe_cell(table, key)
            row, col = key.split("/")
            assert CJK.search(label) and row not in label and (col == "value" or col not in label), (table, key)
    assert describe_cell("active", "procurement/amount") == "政府集中采购 — 采购总金额"
    assert describe_cell("active", "fees/amount").endswith("本年收费金额")


def test_cli_export_formats_bom_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nianbao.db"
    build_multi_year_store(db).close()
    out = tmp_path / "csv-only"
    assert main(["export", "--db", str(db), "--out", str(out), "--format", "csv", "--bom"]) == exitcodes.OK
    printed = capsys.readouterr().out
    assert "table_applications" in printed and "data_dictionary.md" in printed
    assert sorted(p.suffix for p in out.iterdir()) == [".csv"] * 9 + [".json", ".json", ".md"]
    assert (out / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbfid,portal")
    assert main(["export", "--db", str(tmp_path / "missing.db"), "--out", str(out)]) == exitcodes.USAGE


def test_an_empty_database_exports_headers_only(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        result = export(store.db, tmp_path / "out")
    assert all(d.count == 0 for d in result.datasets if d.name != "organs")  # organs: the registry's
    assert pq.read_table(tmp_path / "out" / "cells.parquet").num_rows == 0
    assert (tmp_path / "out" / "cells.csv").read_text(encoding="utf-8").startswith("report_id,organ_id,division_code,")

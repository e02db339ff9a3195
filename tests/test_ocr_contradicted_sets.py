"""Two or three OCR'd counts the identities single out together (parsers/ocr/contradicted_sets.py): left blank with a
warning, the values the identities give not taken. Tuning scans' tables 三 and 四 as the parser read them just before
the rule (the engine's pages cached; `tests/fixtures/synth-ocr/contradicted-sets/`): synth_497's two totals under a
red seal (7088 for 2690, 9 for 149) and synth_492's three misreads of a 1-bit fax (a 0 read 9, 515 read 915, 1858
read 1.658) were wrong numbers; the fixtures of `contradicted/` (483, 489, 491: no one set) keep every reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.contradicted import blank_contradicted
from parsers.ocr.contradicted_sets import blank_contradicted_sets
from parsers.review import review_verdict
from tests.identity_tables import table_checks

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr"
A = "applications"


def _load(folder: str, name: str) -> tuple[dict[str, Cell], list[Check]]:
    data: dict[str, Any] = json.loads((FIXTURES / folder / f"{name}.json").read_text(encoding="utf-8"))
    cells = {
        key: Cell(key, value, raw, Where(offset, end, page=page, box=tuple(box) if box else None, read_as=read_as))
        for key, (value, raw, offset, end, page, box, read_as) in data["cells"].items()
    }
    return cells, [Check(*row) for row in data["checks"]]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("synth_497", {f"{A}/new_received/total": (7088, 2690), f"{A}/carried_over/total": (9, 149)}),
        (
            "synth_492",
            {
                f"{A}/other.unpaid_fee/other_org": (9, 0),
                f"{A}/results_total/other_org": (915, 515),
                f"{A}/results_total/total": (1658, 1858),
            },
        ),
    ],
)
def test_the_one_set_of_readings_the_identities_single_out_is_left_blank(
    name: str, read: dict[str, tuple[int, int]]
) -> None:
    cells, checks = _load("contradicted-sets", name)
    before = {k: c.value for k, c in cells.items()}
    raw = {k: c.raw for k, c in cells.items()}
    as_read = [(c.name, c.left, c.right, c.passed) for c in checks]
    for key, (value, _) in read.items():
        assert cells[key].value == value  # a wrong number before the rule
    warnings: list[Warning_] = []
    blank_contradicted_sets(cells, checks, warnings)
    assert {k for k, c in cells.items() if c.value != before[k]} == set(read)
    for key, (_, given) in read.items():
        cell = cells[key]
        assert cell.value is None and cell.where is not None and cell.where.read_as == raw[key]
        said = [w for w in warnings if w.key == key]
        assert [w.code for w in said] == ["ocr_contradicted_set"]
        assert f"({given} by the identities)" in said[0].message and "left blank" in said[0].message
    assert [(c.name, c.left, c.right, c.passed) for c in checks] == as_read  # the checks stay as read
    report = Report({"ocr": True}, "", cells=cells, checks=checks, warnings=warnings)
    assert review_verdict(report)[0] == "required"


@pytest.mark.parametrize("name", ["synth_483", "synth_489", "synth_491"])
def test_tables_where_no_one_set_explains_the_failures_keep_their_readings(name: str) -> None:
    cells, checks = _load("contradicted", name)
    blank_contradicted(cells, checks, [])
    before = {k: c.value for k, c in cells.items()}
    warnings: list[Warning_] = []
    blank_contradicted_sets(cells, checks, warnings)
    assert not warnings
    assert {k: c.value for k, c in cells.items()} == before


def _cells(values: dict[str, int | None]) -> dict[str, Cell]:
    return {
        k: Cell(k, v, "" if v is None else str(v), Where(0, 1, page=2, box=(1.0, 2.0, 3.0, 4.0)))
        for k, v in values.items()
    }


GOOD = {"a1": 3, "a2": 4, "at": 7, "b1": 5, "b2": 6, "bt": 11, "t1": 8, "t2": 10, "tt": 18}


def _run(values: dict[str, int | None]) -> tuple[dict[str, Cell], list[Warning_]]:
    cells = _cells(values)
    warnings: list[Warning_] = []
    blank_contradicted_sets(cells, table_checks(cells), warnings)
    return cells, warnings


def test_a_single_reading_that_explains_every_failure_is_left_to_the_other_rules() -> None:
    # one misread (or a total the report prints wrong): not this rule's
    cells, warnings = _run({**GOOD, "at": 9})
    assert not warnings and cells["at"].value == 9


def test_two_readings_no_one_reading_explains_are_left_blank() -> None:
    # a1 and b2 misread: both rows and two columns fail; only {a1, b2} lets every identity hold
    cells, warnings = _run({**GOOD, "a1": 5, "b2": 4})
    assert {w.key for w in warnings} == {"a1", "b2"}
    assert cells["a1"].value is None and cells["b2"].value is None and cells["at"].value == 7
    assert cells["a1"].where is not None and cells["a1"].where.read_as == "5"
    assert "a1: '5' (3 by the identities), b2: '4' (6 by the identities)" in warnings[0].message


def test_two_sets_that_would_do_leave_every_reading() -> None:
    # a1 and at misread (row a holds as read, columns 1 and t fail): {a1, at} would do, and so would {t1, tt}
    cells, warnings = _run({**GOOD, "a1": 5, "at": 9})
    assert not warnings and cells["a1"].value == 5 and cells["t1"].value == 8


def test_blank_totals_that_could_take_the_difference_leave_every_reading() -> None:
    cells, warnings = _run({**GOOD, "a1": 5, "b2": 4, "t1": None, "t2": None})
    assert not warnings and cells["a1"].value == 5

"""A count OCR read where its row and its column both give it another value (parsers/ocr/contradicted.py): left
blank with a warning, the value the identities give not taken. The tuning scans' tables 三 and 四 as version 83
read them (the engine's pages cached; `tests/fixtures/synth-ocr/contradicted/`): 0 read 10, 7 and 9 and 17 read 7,
each the one cell where a failing row and a failing column cross, were wrong numbers; a 150-dpi fax whose
identities fail all over (483) keeps every reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.contradicted import blank_contradicted, contradicted, implied, printed_sums
from parsers.review import review_verdict
from tests.identity_tables import table_checks

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "contradicted"
A = "applications"


def _load(name: str) -> tuple[dict[str, Cell], list[Check]]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    cells = {
        key: Cell(key, value, raw, Where(offset, end, page=page, box=tuple(box) if box else None, read_as=read_as))
        for key, (value, raw, offset, end, page, box, read_as) in data["cells"].items()
    }
    checks = [Check(*row) for row in data["checks"]]
    return cells, checks


@pytest.mark.parametrize(
    ("name", "key", "read", "other"),
    [
        ("synth_491", f"{A}/withheld.three_safeties/other_org", 10, 0),
        ("synth_491", f"{A}/withheld.prohibited_by_law/research", 7, 0),  # '07' at confidence 12, split 0 7
        ("synth_489", f"{A}/unavailable.needs_creation/research", 9, 0),  # the tie-break's 9 (ambiguous_value)
        ("synth_497", f"{A}/unavailable.not_held/commercial", 7, 17),  # 17 read 7 at confidence 87
    ],
)
def test_a_reading_its_row_and_column_both_contradict_is_left_blank(name: str, key: str, read: int, other: int) -> None:
    cells, checks = _load(name)
    assert cells[key].value == read  # as version 83 kept it: a wrong number
    warnings: list[Warning_] = []
    blank_contradicted(cells, checks, warnings)
    cell = cells[key]
    assert cell.value is None and cell.where is not None and cell.where.read_as == str(read)
    said = [w for w in warnings if w.key == key]
    assert [w.code for w in said] == ["ocr_contradicted"]
    assert f"{read}'" in said[0].message and f"would hold with {other} in that cell" in said[0].message
    report = Report({"ocr": True}, "", cells=cells, checks=checks, warnings=warnings)
    assert review_verdict(report)[0] == "required"


def test_only_those_cells_are_blanked_and_the_checks_stay_as_read() -> None:
    expected = {
        "synth_491": {f"{A}/withheld.three_safeties/other_org", f"{A}/withheld.prohibited_by_law/research"},
        "synth_489": {f"{A}/unavailable.needs_creation/research"},
        "synth_497": {f"{A}/unavailable.not_held/commercial"},
        "synth_483": set(),  # a fax whose identities fail all over: no cell is contradicted alike by all of its
    }
    for name, keys in expected.items():
        cells, checks = _load(name)
        before = {k: c.value for k, c in cells.items()}
        as_read = [(c.name, c.left, c.right, c.passed) for c in checks]
        warnings: list[Warning_] = []
        blank_contradicted(cells, checks, warnings)
        assert {k for k, c in cells.items() if c.value != before[k]} == keys, name
        assert {w.key for w in warnings} == keys
        assert [(c.name, c.left, c.right, c.passed) for c in checks] == as_read


def _cells(values: dict[str, int]) -> dict[str, Cell]:
    return {k: Cell(k, v, str(v), Where(0, 1, page=2, box=(1.0, 2.0, 3.0, 4.0))) for k, v in values.items()}


def _table(values: dict[str, int]) -> tuple[dict[str, Cell], list[Check]]:
    """A 2×2 table of counts with its row and column totals."""
    cells = _cells(values)
    return cells, table_checks(cells)


PUBLISHED = {"a1": 17, "a2": 5, "at": 22, "b1": 3, "b2": 0, "bt": 3, "t1": 20, "t2": 5, "tt": 25}


def test_a_printed_sum_its_identities_contradict_is_kept() -> None:
    # a total that does not add up is as often the report's own as a misread (synth_402 prints 1811 for 1807)
    cells, checks = _table({**PUBLISHED, "at": 21})  # row_a's sum, and in the totals' column col_t
    warnings: list[Warning_] = []
    blank_contradicted(cells, checks, warnings)
    assert cells["at"].value == 21 and warnings == []


def test_the_value_each_identity_leaves_a_cell() -> None:
    _, checks = _table({**PUBLISHED, "a1": 7})
    assert [implied("a1", 7, c) for c in checks] == [17, None, 17, None, None]
    assert implied("at", 22, checks[0]) == 12  # a total, on the right of its row's sum


def test_cells_the_identities_do_not_point_at_alike_are_kept() -> None:
    # a second misread in the row: the row leaves a1 another value than the column does
    cells, checks = _table({**PUBLISHED, "a1": 7, "a2": 6})
    warnings: list[Warning_] = []
    blank_contradicted(cells, checks, warnings)
    assert cells["a1"].value == 7 and warnings == []
    # one identity only fails (the grand total's, its only one; each other cell of it has a row that holds)
    cells, checks = _table({**PUBLISHED, "tt": 24})
    blank_contradicted(cells, checks, warnings)
    assert all(c.value is not None for c in cells.values()) and warnings == []
    # a value below 0 is no count: not the cell's
    cells, checks = _table({**PUBLISHED, "b2": 0, "bt": 2, "t2": 4, "tt": 24})
    blank_contradicted(cells, checks, warnings)
    assert cells["b2"].value == 0 and warnings == []


def test_a_corrected_cell_is_left_as_it_is_and_a_lost_one_counts_0() -> None:
    cells, checks = _table({**PUBLISHED, "a1": 7})
    cells["a1"] = Cell("a1", 7, "7", Where(0, 1, page=2, read_as="1"))  # a correction already changed it
    warnings: list[Warning_] = []
    blank_contradicted(cells, checks, warnings)
    assert cells["a1"].value == 7 and warnings == []
    # a cell lost in its row (a2 blank, counted 0, as the identities count it): the row and the column both still
    # leave a1 one value, 17
    cells, checks = _table({**PUBLISHED, "a1": 7, "a2": 0, "at": 17, "b2": 5, "bt": 8})
    cells["a2"] = Cell("a2", None, "", Where(0, 1, page=2))
    blank_contradicted(cells, checks, warnings)
    assert cells["a1"].value is None and [w.code for w in warnings] == ["ocr_contradicted"]


def test_one_selection_for_the_blank_and_the_one_put_back() -> None:
    # the cells blank_contradicted and lost_ones judge: every identity fails and gives the published value; a
    # printed sum among them (blank_contradicted keeps it, lost_ones may blank it), never a cell a rule changed
    cells, checks = _table({**PUBLISHED, "a1": 7})
    assert [(k, v, len(m)) for k, v, m in contradicted(cells, checks)] == [("a1", PUBLISHED["a1"], 2)]
    cells, checks = _table({**PUBLISHED, "at": 21})
    assert [(k, v) for k, v, _ in contradicted(cells, checks)] == [("at", PUBLISHED["at"])]
    assert "at" in printed_sums(checks) and "a1" not in printed_sums(checks)
    cells["at"] = Cell("at", 21, "21", Where(0, 1, page=2, read_as="27"))
    assert contradicted(cells, checks) == []

"""A count OCR read with a leading zero (parsers/ocr/correct.py, parsers/ocr/counts.py): no count is printed so, a
digit before the zero was lost (synth_483, tuning, 150 dpi fax: 809 read ``09``, taken as 9 until version 66). The
identities try the nine digits it may have been; a reading they do not decide is left blank where an identity of
the cell fails, and kept (the zero a speck) only where every identity of it holds, each with a warning."""

from __future__ import annotations

from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.correct import correct_misreadings, readings
from parsers.ocr.counts import leading_zeros
from parsers.review import review_verdict

A = "applications"


def _cells(values: dict[str, str]) -> dict[str, Cell]:
    return {k: Cell(k, int(v), v, Where(0, 1, page=2, box=(1.0, 2.0, 3.0, 4.0))) for k, v in values.items()}


def _check(name: str, left: list[str], right: list[str], cells: dict[str, Cell]) -> Check:
    lv = sum(cells[k].value or 0 for k in left if k in cells)
    rv = sum(cells[k].value or 0 for k in right if k in cells)
    return Check(name, left, right, lv, rv, lv == rv)


def _table(values: dict[str, str]) -> tuple[dict[str, Cell], list[Check]]:
    """A 2×2 table of counts with row and column totals."""
    cells = _cells({f"{A}/{k}": v for k, v in values.items()})
    k = {name: f"{A}/{name}" for name in values}
    checks = [
        _check("row_a", [k["a1"], k["a2"]], [k["at"]], cells),
        _check("row_b", [k["b1"], k["b2"]], [k["bt"]], cells),
        _check("col_1", [k["a1"], k["b1"]], [k["t1"]], cells),
        _check("col_2", [k["a2"], k["b2"]], [k["t2"]], cells),
        _check("col_t", [k["at"], k["bt"]], [k["tt"]], cells),
    ]
    return cells, checks


PUBLISHED = {"a1": "809", "a2": "5", "at": "814", "b1": "3", "b2": "2", "bt": "5", "t1": "812", "t2": "7", "tt": "819"}


def test_a_reading_with_a_leading_zero_offers_the_digit_lost_before_it() -> None:
    assert {"109", "809", "909"} <= set(readings("09"))
    assert "809" not in readings("9") and "10" not in readings("0")  # only a zero followed by digits


def test_the_digit_lost_before_a_leading_zero_is_found_by_the_identities() -> None:
    cells, checks = _table({**PUBLISHED, "a1": "09"})
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings)
    leading_zeros(cells, checks, warnings)
    cell = cells[f"{A}/a1"]
    assert (cell.value, cell.raw) == (809, "809") and cell.where is not None and cell.where.read_as == "09"
    assert [w.code for w in warnings] == ["ocr_corrected"]


def test_a_leading_zero_the_identities_do_not_decide_is_left_blank() -> None:
    # two cells wrong in one row: no single reading makes the identities hold; 9 would be a wrong number
    cells, checks = _table({**PUBLISHED, "a1": "09", "at": "84"})
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings)
    leading_zeros(cells, checks, warnings)
    cell = cells[f"{A}/a1"]
    assert cell.value is None and cell.where is not None and cell.where.read_as == "09"
    assert [w.code for w in warnings] == ["ocr_leading_zero_blank"] and "'09'" in warnings[0].message
    report = Report({"ocr": True}, "", cells=cells, checks=checks, warnings=warnings)
    assert review_verdict(report)[0] == "required"


def test_a_leading_zero_whose_identities_all_hold_is_a_speck_kept_with_a_warning() -> None:
    values = {**PUBLISHED, "a1": "9", "at": "14", "t1": "12", "tt": "19"}
    cells, checks = _table({**values, "a2": "05"})  # 5 printed, a speck before it read 0
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings)
    leading_zeros(cells, checks, warnings)
    assert cells[f"{A}/a2"].value == 5
    assert [w.code for w in warnings] == ["ocr_leading_zero"]


def test_only_counts_and_only_a_zero_followed_by_digits() -> None:
    where = Where(0, 1, page=2, box=(1.0, 2.0, 3.0, 4.0))
    cells = {
        "active/fees/amount": Cell("active/fees/amount", 0.5, "0.5", where),  # 万元: a fraction below one
        f"{A}/granted/total": Cell(f"{A}/granted/total", 0, "0", where),
        f"{A}/other/total": Cell(f"{A}/other/total", 7, "07", where),
    }
    warnings: list[Warning_] = []
    leading_zeros(cells, [], warnings)
    assert cells["active/fees/amount"].value == 0.5 and cells[f"{A}/granted/total"].value == 0
    assert cells[f"{A}/other/total"].value is None  # no identity checks it: left blank
    assert [w.key for w in warnings] == [f"{A}/other/total"]

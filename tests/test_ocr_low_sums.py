"""Two wrong numbers of damaged scans no identity rule caught, on made-up tables 三 and 四 (no OCR engine needed),
with the identities the parser itself builds (``parsers/tables/checks.py``):

- a sum read below its parts in every identity it is a sum in (``parsers/ocr/low_sums.py``, parser version 311):
  synth_5499's shape, table 三's （七）总计 row read as the values of a row above it (a grid that lost its rules); and
  a cell of that row whose other sum has a part lost (version 312);
- a part of table 四's lone failing row sum that a lookalike reading makes hold (``parsers/ocr/one_sum_lookalikes.py``,
  version 311): synth_5494's shape, a ``1`` read ``4``.

The values are made up; what each test expects is derived from them (the cell the rule names is the one made wrong).
"""

from __future__ import annotations

from parsers.model import Cell, Check, Report, Warning_, Where
from parsers.ocr.low_sums import blank_low_sums
from parsers.ocr.one_sum_lookalikes import blank_lookalike_parts
from parsers.review import review_verdict
from parsers.tables.checks import application_checks, review_checks
from parsers.tables.templates import APPLICANT_COLUMNS, RESULT_ROWS_2021, REVIEW_COLUMNS, REVIEW_ROWS

A = "applications"
R = "review_litigation"


def _cells(values: dict[str, int | None]) -> dict[str, Cell]:
    return {
        k: Cell(k, v, "" if v is None else str(v), Where(i, i + 1, page=1, box=(float(i), 0.0, i + 1.0, 1.0)))
        for i, (k, v) in enumerate(values.items())
    }


def _row(values: list[int]) -> list[int]:
    """A row of table 三: its six counts and their total."""
    return [*values, sum(values)]


def _table_three() -> dict[str, int | None]:
    """A whole table 三 that adds up: the first results row takes the new applications, the last 其他 row a few."""
    rows: dict[str, list[int]] = {r: _row([0] * 6) for r in RESULT_ROWS_2021}
    rows[RESULT_ROWS_2021[0]] = _row([20, 0, 4, 1, 0, 6])
    rows[RESULT_ROWS_2021[-3]] = _row([0, 0, 0, 0, 0, 3])  # （六）'s first row: 0 0 0 0 0 3 | 3
    total = [sum(rows[r][i] for r in RESULT_ROWS_2021) for i in range(len(APPLICANT_COLUMNS))]
    rows["new_received"] = list(total)
    rows["carried_over"] = [0] * len(APPLICANT_COLUMNS)
    rows["results_total"] = total
    rows["carried_forward"] = [0] * len(APPLICANT_COLUMNS)
    return {f"{A}/{r}/{c}": v for r, vals in rows.items() for c, v in zip(APPLICANT_COLUMNS, vals, strict=True)}


def _three_checks(cells: dict[str, Cell]) -> list[Check]:
    return application_checks(lambda k: cells[k].value if k in cells else None, "2021")


def test_a_total_row_read_from_a_row_above_is_left_blank_where_it_is_below_its_parts() -> None:
    printed = _table_three()
    read = dict(printed)
    for c in APPLICANT_COLUMNS:  # the （七）总计 row read as （六）'s first row's values (that row's total holds)
        read[f"{A}/results_total/{c}"] = printed[f"{A}/{RESULT_ROWS_2021[-3]}/{c}"]
    cells = _cells(read)
    checks = _three_checks(cells)
    warnings: list[Warning_] = []
    blank_low_sums(cells, checks, warnings)
    wrong = [k for k in read if k.startswith(f"{A}/results_total/") and read[k] != printed[k]]
    assert wrong  # the made-up shape has wrong cells to find
    assert [k for k, c in cells.items() if c.value is None] == wrong  # each wrong one blank, no other cell
    assert all(cells[k].where.read_as == str(read[k]) for k in wrong)  # type: ignore[union-attr]
    said = [w for w in warnings if w.code == "ocr_sum_below_parts"]
    assert [w.key for w in said] == wrong
    assert "balance" in said[0].message and "left blank" in said[0].message
    verdict, _ = review_verdict(Report(metadata={"ocr": True}, text="", warnings=warnings))
    assert verdict == "required"


def test_a_cell_of_that_row_whose_other_sum_has_a_part_lost_is_left_blank_too() -> None:
    printed = _table_three()
    read: dict[str, int | None] = dict(printed)
    for c in APPLICANT_COLUMNS:
        read[f"{A}/results_total/{c}"] = printed[f"{A}/{RESULT_ROWS_2021[-3]}/{c}"]
    last = APPLICANT_COLUMNS[-2]  # 其他: its 本年新收 lost, so that column's balance says nothing of its 总计
    read[f"{A}/new_received/{last}"] = None
    cells = _cells(read)
    warnings: list[Warning_] = []
    blank_low_sums(cells, _three_checks(cells), warnings)
    wrong = [k for k in read if k.startswith(f"{A}/results_total/") and read[k] != printed[k]]
    assert f"{A}/results_total/{last}" in wrong
    assert [k for k, c in cells.items() if c.value is None and read[k] is not None] == wrong
    assert [w.key for w in warnings] == wrong


def test_a_total_read_right_below_parts_short_of_a_lost_cell_is_kept() -> None:
    # a lost cell lowers a sum's parts, never raises them: the sum is kept where only one identity (or none) has its
    # parts above it
    printed = _table_three()
    read: dict[str, int | None] = dict(printed)
    read[f"{A}/new_received/{APPLICANT_COLUMNS[0]}"] = None  # lost: the balance's parts now under the sum
    read[f"{A}/{RESULT_ROWS_2021[0]}/{APPLICANT_COLUMNS[2]}"] = None
    read[f"{A}/new_received/{APPLICANT_COLUMNS[5]}"] = 60  # noise read as a 6 before the printed digit: one identity
    cells = _cells(read)
    checks = _three_checks(cells)
    warnings: list[Warning_] = []
    blank_low_sums(cells, checks, warnings)
    assert all(cells[k].value == v for k, v in read.items())
    assert not warnings


def _table_four(rows: list[list[int]]) -> dict[str, Cell]:
    values = {
        f"{R}/{r}/{c}": v
        for r, vals in zip(REVIEW_ROWS, rows, strict=True)
        for c, v in zip(REVIEW_COLUMNS, vals, strict=True)
    }
    return _cells(values)  # type: ignore[arg-type]


def _four_checks(cells: dict[str, Cell]) -> list[Check]:
    return review_checks(lambda k: cells[k].value if k in cells else None)


def test_a_part_a_lookalike_of_which_makes_its_lone_row_sum_hold_is_left_blank() -> None:
    printed = [[0, 0, 0, 0, 0], [0, 11, 0, 0, 11], [5, 0, 0, 0, 5]]
    read = [list(r) for r in printed]
    read[1][1] = 41  # a 1 read 4 (a pair the engines confuse): the row's total fails
    cells = _table_four(read)
    warnings: list[Warning_] = []
    blank_lookalike_parts(cells, _four_checks(cells), warnings)
    key = f"{R}/{REVIEW_ROWS[1]}/{REVIEW_COLUMNS[1]}"
    assert cells[key].value is None and cells[key].where.read_as == "41"  # type: ignore[union-attr]
    assert [k for k, c in cells.items() if c.value is None] == [key]  # the total kept as read
    assert [w.key for w in warnings] == [key] and warnings[0].code == "ocr_part_lookalike"
    assert "11" in warnings[0].message
    verdict, _ = review_verdict(Report(metadata={"ocr": True}, text="", warnings=warnings))
    assert verdict == "required"


def test_a_failing_row_no_lookalike_explains_or_several_do_or_with_a_cell_lost_is_kept() -> None:
    cells = _table_four([[0, 0, 0, 0, 0], [0, 5, 0, 0, 20], [5, 0, 0, 0, 5]])  # no single confusion makes 5 | 20 hold
    several = _table_four([[0, 0, 0, 0, 0], [0, 3, 0, 0, 11], [5, 0, 0, 0, 5]])  # each 0 read 8 would make it hold
    lost = _table_four([[0, 0, 0, 0, 0], [8, 0, 0, 0, 0], [5, 0, 0, 0, 5]])
    lost[f"{R}/{REVIEW_ROWS[1]}/{REVIEW_COLUMNS[1]}"] = Cell(
        f"{R}/{REVIEW_ROWS[1]}/{REVIEW_COLUMNS[1]}", None, "", None
    )
    for table in (cells, several, lost):
        before = {k: c.value for k, c in table.items()}
        warnings: list[Warning_] = []
        blank_lookalike_parts(table, _four_checks(table), warnings)
        assert {k: c.value for k, c in table.items()} == before and not warnings

"""Table 三 in pypdf's layout-mode text of Chromium's narrow print (``synth_reports.NARROW_PRINT``: every cell
``break-all``): cells glued where their columns are too narrow for a space, a number broken over two lines printing
its last piece on the next line under its first (parsers/tables/glued_pieces.py), and a row's numbers broken over
two lines whose last pieces print alone on the next (parsers/tables/broken_numbers.py's ``_cells_then_pieces``).
Snippets cut by scripts/build_synth_snippets.py from tuning seeds 6012, 6026 and 6029 (b47's batch, copied to
``/tmp/b51/tune``); the gold rows are the generator's (synth_60xx.json): the rows not named are all 0."""

from __future__ import annotations

from tests.snippet_reports import app_row, snippet_report
from tests.snippet_reports import gold_rows as _gold
from tests.snippet_reports import read_rows as _read
from tests.snippet_reports import wrong_rows as _wrong
from tests.test_snippets_box_sides import GOLD_6012, GOLD_6029  # the same seeds' gold


def _merged(report, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.message for w in report.warnings if w.code == "merged_digits" and w.key == f"applications/{key}"]


def test_glued_cells_split_and_a_piece_below_joined_to_the_cell_it_starts_under() -> None:
    # 6012: ``一、本年新收政府信    139 2 01 014`` / `` 息公开申请数量     0          2``: 13 and 9 glued, 0 and 1,
    # 0 and 14; the 0 below starts under 13's first digit, the 2 under 14's (130 9 2 0 1 0 142). Version 170 split
    # 139 alone (13 9) and left the pieces: 13 read for 130 in 一 and in （七）总计
    report = snippet_report("synth-6012-pypdf-layout-table3.txt")
    assert _wrong(report, GOLD_6012) == {}
    assert app_row(report, "new_received") == [130, 9, 2, 0, 1, 0, 142]
    assert app_row(report, "results_total") == [130, 9, 2, 0, 16, 0, 157]
    assert any("139 2 01 014 0 2" in m and "130 9 2 0 1 0 142" in m for m in _merged(report, "new_received"))


# rows 六 and （七）总计 (a total printed wrong, 68 for 67): not this rule's (see the last test)
ROWS_6029 = ("new_received", "carried_over", "granted", "partially_granted")


def test_glued_cells_whose_pieces_below_make_the_row_seven_values() -> None:
    # 6029: ``5 90 0 01 6`` / ``6 6`` (56 9 0 0 0 1 66) is seven values: version 170 read them as the row's cells
    # (5 90 0 1 6 6 6, twelve wrong numbers in 一 and （一）)
    report = snippet_report("synth-6029-pypdf-layout-table3.txt")
    got = _read(report, GOLD_6029)
    assert {row: got[row] for row in ROWS_6029} == {row: GOLD_6029[row] for row in ROWS_6029}
    assert set(_wrong(report, GOLD_6029)) <= {"other", "results_total"}


GOLD_6026 = _gold(
    {
        "new_received": [7, 5, 0, 11, 3, 5, 31],
        "carried_over": [9, 0, 0, 3, 0, 0, 12],
        "granted": [6, 1, 0, 2, 1, 1, 11],
        "partially_granted": [1, 1, 0, 0, 0, 0, 2],
        "withheld.internal_affairs": [0, 0, 0, 1, 0, 0, 1],
        "unavailable.not_held": [0, 1, 0, 1, 1, 4, 7],
        "unavailable.needs_creation": [9, 0, 0, 0, 0, 0, 9],
        "unavailable.unclear_after_correction": [0, 0, 0, 4, 0, 0, 4],
        "not_processed.petition": [0, 1, 0, 0, 0, 0, 1],
        "not_processed.duplicate": [0, 0, 0, 0, 1, 0, 1],
        "other.no_correction": [0, 0, 0, 6, 0, 0, 6],
        "other.other": [0, 1, 0, 0, 0, 0, 1],
        "results_total": [16, 5, 0, 14, 3, 5, 43],
    }
)


def test_three_pieces_below_a_row_each_under_its_cell() -> None:
    # 6026's （七）总计: ``1 5 0 1 3 5 4`` / ``6 4 3`` (16 5 0 14 3 5 43): three pieces, each starting under the cell
    # it completes; version 170 took two at most and read the row as printed where the rows above read right
    report = snippet_report("synth-6026-pypdf-layout-table3.txt")
    assert _wrong(report, GOLD_6026) == {}
    assert _read(report, GOLD_6026) == GOLD_6026


def test_pieces_below_either_row_could_take_leave_their_cells_blank() -> None:
    # 6029: ``（六）其他处理 1 0 0 0 0 0 1`` / ``4 4`` / ``（七）总计 5 9 0 0 0 2 6`` / ``6 8``: the 4s stand under
    # （六）'s 1s (14 … 14 holds its row total, so does 1 … 1) or are （七）'s first pieces; （七）'s total is printed
    # wrong (68 for 67), so no reading of it holds. Version 182 dropped the pieces silently and read 1 … 1 and
    # 5 … 6 (four wrong numbers); now both rows' cells under the pieces are blank, each row warned
    report = snippet_report("synth-6029-pypdf-layout-table3.txt")
    assert _wrong(report, GOLD_6029) == {}
    assert app_row(report, "other") == [None, 0, 0, 0, 0, 0, None]
    assert app_row(report, "results_total") == [None, 9, 0, 0, 0, 2, None]
    opened = {w.key: w.message for w in report.warnings if w.code == "placement_open"}
    assert {"applications/other", "applications/results_total"} <= set(opened)
    assert "2 placements hold the row total" in opened["applications/other"]
    assert "(0 of them holding the row total)" in opened["applications/results_total"]

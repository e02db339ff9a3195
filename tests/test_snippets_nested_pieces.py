"""Table 三 numbers wrapped over two and three lines in one row, in texts of Chromium's narrow print
(``synth_reports.NARROW_PRINT``: every cell ``break-all``): first pieces after a wrapped label's first piece, last
pieces on the lines below, paired line by line about the row's line, and the next row's first pieces left to it
(parsers/tables/centred_pieces.py, parsers/tables/broken_numbers.py ``handed_down``; parser versions 148–149). Snippets
cut by scripts/build_synth_snippets.py from tuning seeds 6001, 6008, 6010 and 6015 (b47's ``/tmp/b47/tune``, copied
to ``/tmp/b48/tune``); the gold rows are the generator's (synth_60xx.json). Version 147 read every row named here
as a wrong number."""

from __future__ import annotations

from parsers.tables.centred_pieces import interleavings, nested, pieces_orders
from parsers.tables.tokens import TEXT, token
from tests.snippet_reports import REVIEW_KEYS, app_row, snippet_report
from tests.snippet_reports import wrong_rows as _wrong

GOLD_6015 = {"withheld.state_secret": [171, 0, 0, 0, 0, 0, 171]}
GOLD_6010 = {
    "granted": [909, 32, 0, 0, 0, 0, 941],
    "unavailable.needs_creation": [146, 0, 0, 0, 0, 0, 146],
    "other.other": [376, 0, 0, 0, 0, 0, 376],
    "results_total": [1708, 1104, 0, 0, 0, 0, 2812],
    "carried_over": [1329, 0, 0, 0, 0, 0, 1329],
}
GOLD_6008 = {
    "other.other": [0, 0, 0, 0, 0, 21, 21],
    "results_total": [57, 0, 0, 86, 0, 128, 271],
}
GOLD_6001 = {"results_total": [22, 0, 0, 0, 2, 0, 24]}


def test_first_pieces_after_the_first_piece_of_a_label_wrapped_over_the_same_lines() -> None:
    # poppler's layout mode: ``（三） 1、属于 1 1`` / ``不予公 国家秘 7 0 0 0 0 0 7`` / ``开 密 1 1`` for 171 … 171,
    # the row's label found on the middle line; version 147 read 7 0 0 0 0 0 7 (its row total holds)
    report = snippet_report("synth-6015-layout-table3.txt")
    assert app_row(report, "withheld.state_secret") == GOLD_6015["withheld.state_secret"]
    said = [w.message for w in report.warnings if w.code == "merged_digits" and "state_secret" in w.message]
    assert said and "1 1 / 7 0 0 0 0 0 7 / 1 1" in said[0]


def test_the_next_rows_first_pieces_above_its_label_are_left_to_it() -> None:
    # ``3 3`` / ``3.其他 7 0 0 0 0 0 7`` / ``6 6`` / ``1 1 2`` / ``（七）总计 70 10 0 0 0 0 81`` / ``8 4 2``: the line
    # right above （七）总计 is its first pieces, not 3.其他's (version 147: 7 … 7, and （七）总计 blank)
    for name in ("synth-6010-layout-table3.txt", "synth-6010-pymupdf-table3.txt"):
        report = snippet_report(name)
        assert app_row(report, "other.other") == GOLD_6010["other.other"], name
        assert app_row(report, "results_total") == GOLD_6010["results_total"], name
        assert app_row(report, "unavailable.needs_creation") == GOLD_6010["unavailable.needs_creation"], name
        assert not _wrong(report, GOLD_6010), name


def test_pieces_two_lines_above_and_below_pair_with_each_other() -> None:
    # ``1 2`` / ``5`` / ``（七）总计 0 0 86 0 2 7`` / ``7`` / ``8 1`` for 57 0 0 86 0 128 271: 128 and 271 print three
    # lines (the outer ones), 57 two (the inner). Version 147 read 3.其他 as 0 0 1 1 1 2 5 (the next row's pieces its
    # own) and （七）总计 as 0 0 86 0 …; the columns are now the identities' to choose: the cells they leave open blank
    report = snippet_report("synth-6008-layout-table3.txt")
    assert not _wrong(report, GOLD_6008)
    assert app_row(report, "other.other")[-1] == 21
    assert app_row(report, "results_total")[-1] == 271


def test_a_rows_three_lines_merged_into_one_are_not_read_as_its_cells() -> None:
    # PyMuPDF's sorted text: ``2 2 （七）总计 0 0 0 2 0 2 4`` for 22 0 0 0 2 0 24 (version 147: 0 0 0 2 0 2 4, its row
    # total holding); 22's column is the identities' to choose
    report = snippet_report("synth-6001-pymupdf-table3.txt")
    assert not _wrong(report, GOLD_6001)
    assert app_row(report, "results_total")[-1] == 24


def _t(text: str, start: int, line: int) -> tuple:  # type: ignore[type-arg]
    return token(text, start, start + len(text), line, 0, False)


def test_pieces_pair_line_by_line_and_stand_in_their_columns() -> None:
    # ``1 2`` (line 0, columns 3 and 5) / ``5`` (line 1, column 1) / row (line 2) / ``7`` / ``8 1``: the pieces two
    # lines above pair with those two lines below, the one line above with the one below
    text = "   1 2\n 5\n0 0 86 0 2 7\n 7\n   8 1\n"
    top = [_t("1", 3, 0), _t("2", 5, 0), _t("5", 8, 1)]
    bottom = [_t("7", 24, 3), _t("8", 29, 4), _t("1", 31, 4)]
    paired = nested(top, 2, bottom)
    assert paired is not None and [t[TEXT] for t in paired] == ["8", "1", "7"]
    # by their columns: 5/7 first (column 1), then 1/8 and 2/1
    assert pieces_orders(text, top, paired) == [(2, 0, 1)]
    # lines unlike (one piece two lines below for two above): not paired so
    assert nested(top, 2, [_t("7", 24, 3), _t("8", 29, 4), _t("1", 31, 3)]) is None
    assert interleavings([2, 1]) == [(0, 1, 2), (0, 2, 1), (2, 0, 1)]
    assert interleavings([1, 2]) == [(0, 1, 2), (1, 0, 2), (1, 2, 0)]  # the first line first: ties so decided


GOLD_6002_REVIEW = [0, 0, 0, 0, 0, 0, 11, 0, 0, 11, 1, 1, 1, 0, 3]


def test_table_4s_first_line_merged_into_its_row_is_not_read_as_its_cells() -> None:
    # PyMuPDF's sorted text: ``1 1 0 0 0 0 0 0 0 0 1 1 1 0 3`` / ``1 1`` for 11 in two cells of 未经复议直接起诉:
    # version 147 read the line's 15 values as the row (seven wrong numbers); the placements whose totals hold
    # read the cells they agree on, the others blank (``placement_open``)
    report = snippet_report("synth-6002-pymupdf-table4.txt")
    got = [report.cells[k].value if k in report.cells else None for k in REVIEW_KEYS]
    assert all(g is None or g == w for g, w in zip(got, GOLD_6002_REVIEW, strict=True)), got
    assert got[10:] == GOLD_6002_REVIEW[10:]
    assert any(w.code == "placement_open" for w in report.warnings)


GOLD_6011 = {"results_total": [138, 9, 0, 33, 0, 5, 185], "new_received": [138, 9, 0, 34, 0, 5, 186]}


def test_pieces_outside_a_converters_pipe_rows_are_not_placed_by_their_columns() -> None:
    # markitdown: ``| | | | 1 | | | 1 |`` / ``3`` / ``| | （七）总计 | | 3 9 | 0 | 0 5 | 8 |`` / ``3`` /
    # ``| | | | 8 | | | 5 |``: the lone ``3``s print at the line's start, not in 33's column; ordered by the columns
    # they print at, 33 was read as 自然人's (two wrong numbers, before lines not laid out by spaces were left out)
    report = snippet_report("synth-6011-markitdown-pdf-table3.md")
    assert not _wrong(report, GOLD_6011)

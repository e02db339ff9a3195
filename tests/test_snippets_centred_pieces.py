"""Table 三 numbers wrapped a digit or two a line in narrow cells, their lines centred on the row: the pieces above
and below the row's line, with no label of their own, read back into one number each
(parsers/tables/centred_pieces.py; parsers/tables/broken_numbers.py ``MAX_BROKEN``; parser version 138). Snippets
cut by scripts/build_synth_snippets.py from tuning seeds 3715 (``/tmp/t45/tune``) and 3745 (``/tmp/w45/tune``);
the gold rows are the generator's (synth_3715.json, synth_3745.json)."""

from __future__ import annotations

from parsers.tables.centred_pieces import centred_readings
from parsers.tables.tokens import TEXT, token
from tests.snippet_reports import app_row, snippet_report
from tests.snippet_reports import wrong_rows as _wrong

GOLD_3715 = {
    "new_received": [892, 0, 0, 0, 0, 0, 892],
    "withheld.internal_affairs": [86, 0, 0, 0, 0, 0, 86],
    "unavailable.not_held": [749, 0, 0, 0, 0, 0, 749],
    "not_processed.petition": [57, 0, 0, 0, 0, 0, 57],
    "results_total": [892, 0, 0, 0, 0, 0, 892],
}
GOLD_3745 = {
    "new_received": [1042, 0, 0, 0, 0, 355, 1397],
    "carried_over": [2080, 0, 0, 0, 0, 0, 2080],
    "partially_granted": [0, 0, 0, 0, 0, 4, 4],
    "withheld.prohibited_by_law": [294, 0, 0, 0, 0, 0, 294],
    "withheld.third_party_rights": [646, 0, 0, 0, 0, 0, 646],
    "withheld.internal_affairs": [903, 0, 0, 0, 0, 0, 903],
    "unavailable.not_held": [0, 0, 0, 0, 0, 195, 195],
    "unavailable.needs_creation": [43, 0, 0, 0, 0, 0, 43],
    "unavailable.unclear_after_correction": [217, 0, 0, 0, 0, 0, 217],
    "not_processed.duplicate": [0, 0, 0, 0, 0, 66, 66],
    "other": [943, 0, 0, 0, 0, 2, 945],
    "results_total": [3046, 0, 0, 0, 0, 336, 3382],
    "carried_forward": [76, 0, 0, 0, 0, 19, 95],
}


def test_a_number_wrapped_over_three_lines_is_read_whole_in_pdfplumbers_text() -> None:
    # pdfplumber: ``7 7`` / ``1．本机关不掌握`` / ``4 0 0 0 0 0 4`` / ``相关政府信息`` / ``9 9`` for 749 … 749. The
    # middle line holds the row total on its own: version 137 read 4 0 0 0 0 0 4 (two wrong numbers)
    report = snippet_report("synth-3715-pdfplumber-table3.txt")
    assert app_row(report, "unavailable.not_held") == GOLD_3715["unavailable.not_held"]
    assert not _wrong(report, GOLD_3715)
    said = [w.message for w in report.warnings if w.code == "merged_digits" and "unavailable.not_held" in w.message]
    assert said and "7 7 / 4 0 0 0 0 0 4 / 9 9" in said[0]


def test_a_number_wrapped_over_three_lines_is_read_whole_in_content_order() -> None:
    # pypdf: ``7`` / ``4`` / ``9`` / ``0 0 0 0 0`` / ``7`` / ``4`` / ``9``: four pieces more than the row's cells,
    # more than version 137 joined (three); it read 7 4 9 0 0 0 0 (four wrong numbers)
    report = snippet_report("synth-3715-pypdf-table3.txt")
    assert app_row(report, "unavailable.not_held") == GOLD_3715["unavailable.not_held"]
    assert not _wrong(report, GOLD_3715)


def test_pieces_printed_before_the_label_on_its_line_are_a_wrapped_numbers_first() -> None:
    # PyMuPDF's sorted text prints the first pieces, a little higher, before the label on its line:
    # ``89 89 一、本年新收… 0 0 0 0 0`` / ``2 2``. Version 137 read 0 0 0 0 0 2 2; now the placements whose row
    # total holds are several and the identities leave them open: the cells they read alike are read
    report = snippet_report("synth-3715-pymupdf-table3.txt")
    assert app_row(report, "unavailable.not_held") == GOLD_3715["unavailable.not_held"]
    assert app_row(report, "new_received")[-1] == 892
    assert "new_received" not in _wrong(report, GOLD_3715)


def test_two_line_numbers_beside_a_wrapped_label_are_joined_or_left_open() -> None:
    # pdfplumber, cells two digits wide: ``2.其他法`` / ``29 29`` / ``律行政法规禁 0 0 0 0 0`` / ``4 4`` / ``止公开``
    # for 294 … 294. Version 137 left these rows blank; the totals now read, the columns the identities leave
    # open blank (``placement_open``), and no cell read as a wrong number. Version 154 reads 1.属于国家秘密 too (its
    # label beside （三）不予公开: ``（三）不予公 1.属于国家秘`` / ``0 0 0 0 0 0 0`` / ``开 密``,
    # parsers/tables/heading_beside.py), which the row missing had kept out of the results' sum: that sum's 总计 then
    # fails on withheld.process_info's (6 for 69, its first pieces on the row's line, not read), and the open rows'
    # totals no identity that holds confirms are left blank (``placement_unconfirmed``), never another number
    report = snippet_report("synth-3745-pdfplumber-table3.txt")
    assert app_row(report, "withheld.state_secret") == [0, 0, 0, 0, 0, 0, 0]
    for row in ("withheld.prohibited_by_law", "withheld.internal_affairs", "unavailable.not_held", "results_total"):
        assert app_row(report, row)[-1] in (GOLD_3745[row][-1], None), row
    assert any(w.code == "placement_unconfirmed" and "results_total/total" in w.message for w in report.warnings)
    wrong = _wrong(report, GOLD_3745)
    assert set(wrong) <= {"withheld.process_info"}, wrong  # its first pieces on the row's line: not read (left)


def _t(text: str, k: int) -> object:
    return token(text, k * 4, k * 4 + len(text), 0, 0, False)


def test_centred_readings_keep_each_lines_order_and_the_row_total() -> None:
    top, bottom = [_t("7", 0), _t("7", 1)], [_t("9", 2), _t("9", 3)]
    middle = [_t(x, 10 + k) for k, x in enumerate(["4", "0", "0", "0", "0", "0", "4"])]
    readings = centred_readings(top, middle, bottom, 7)  # type: ignore[arg-type]
    assert [[t[TEXT] for t in row] for row in readings] == [["749", "0", "0", "0", "0", "0", "749"]]
    # a first piece starting with 0 is no number's
    assert centred_readings([_t("0", 0)], middle[:6], [_t("9", 2)], 7) == []  # type: ignore[arg-type]
    # as many pieces above as below
    assert centred_readings(top, middle, bottom[:1], 7) == []  # type: ignore[arg-type]


def test_table_four_numbers_wrapped_over_two_lines_are_left_open_not_misread() -> None:
    # pdfplumber: table 四's row ``1 1`` / ``0 0 0 0 0 0 0 0 1 0 0 0 1`` / ``9 9`` (19 in two cells two digits
    # wide). Version 137 dropped two values and read 行政复议's 维持 and 纠正 1 (two wrong numbers), 直接起诉's 其他
    # and 总计 0 for 19; the placements whose totals hold put 19 in 直接起诉's or 行政复议's cells: those are left
    # blank, 复议后起诉's (alike in every placement) read
    report = snippet_report("synth-3745-pdfplumber-table3.txt")
    gold = {"litigation_direct/other": 19, "litigation_direct/total": 19}
    gold |= {"litigation_after_review/upheld": 1, "litigation_after_review/total": 1}
    got = {k: report.cells[f"review_litigation/{k}"].value for k in REVIEW_CELLS}
    assert [got[f"litigation_after_review/{c}"] for c in COLUMNS] == [1, 0, 0, 0, 1]
    assert all(v is None or v == gold.get(k, 0) for k, v in got.items()), got
    assert any(w.code == "placement_open" and "1 1 /" in w.message for w in report.warnings)


COLUMNS = ("upheld", "corrected", "other", "pending", "total")
REVIEW_CELLS = [f"{row}/{c}" for row in ("review", "litigation_direct", "litigation_after_review") for c in COLUMNS]

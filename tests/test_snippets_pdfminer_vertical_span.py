"""Table 三 in pdfminer's text with vertical-text detection (``pdf2txt -V``; issue 8, parser version 346): section
三's heading prints after the table's first page (its labels, and its values before them), so the table is looked
for from the start of its first row's page, table 二's last values printed right before the heading set aside; the
six applicant columns' order is not confirmed by any identity and ``-V`` prints some groups of them right to left,
so only the 总计 column and the rows whose applicant values are one number are read
(``parsers.tables.vertical_span``). The snippets are whole texts of tuning batches (seeds 10620–10639, 10610–10619);
the gold is the generator's (``synth_model.draw``)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, three_against_draw, total_and_one_number_rows


def test_heading_after_the_first_page_table_two_values_set_aside() -> None:
    # 10630: the first page's 总计 column and columns print before 一、本年新收, the heading after the page's labels
    # and table 二's last ten values (144 1 0 0 37 8 4 8 13 162.04); at 345 the table was blank
    _, keys, got, warnings = three_against_draw("synth-10630-pdfminer-vertical.txt", 10630)
    assert "vertical_span" in warnings
    assert "162.04" in warnings["vertical_span"]
    assert {k for k in keys if got[k] is not None} == total_and_one_number_rows(keys, 10630)


def test_columns_printed_right_to_left_no_wrong_number() -> None:
    # 10610: its first page's applicant columns print from 其他 to 自然人; read in bands in the template's column
    # order, every identity holds with 自然人's values under 其他 (10 wrong numbers, measured): the applicant cells
    # of rows whose values differ are left blank (three_against_draw asserts no wrong number)
    _, keys, got, warnings = three_against_draw("synth-10610-pdfminer-vertical.txt", 10610)
    assert "vertical_span" in warnings
    assert {k for k in keys if got[k] is not None} == total_and_one_number_rows(keys, 10610)


def test_heading_on_another_page_not_read_so() -> None:
    # the gate: the heading on the first row's page; with a page break between them, the span is what it was
    name = "synth-10630-pdfminer-vertical.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8").replace("政府集中采购 13", "政府集中采购 13\f", 1)
    report = parse(text.encode("utf-8"), name)
    assert not any(w.code == "vertical_span" for w in report.warnings)

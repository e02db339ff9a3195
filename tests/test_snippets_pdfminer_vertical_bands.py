"""Table 三 in pdfminer's text with vertical-text detection (``pdf2txt -V``; issue 8, parser version 356) printed in
bands whose 总计 column prints first: the box ``总 计``, the band's totals top to bottom, then the six applicant
columns each top to bottom in an order no identity confirms; read in bands (``parsers.tables.vertical_bands``,
``band_order.read_bands(total_first=True)``), the 总计 column and the rows whose applicant values are one number
only. The snippets are whole texts of tuning reports (``synth_reports.py --kinds html,pdf`` then
``synth_extractors.py --conventions pdf-pdfminer-vertical``, seeds 1602 and 10629); the gold is the generator's
(``synth_model.draw``)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, three_against_draw, total_and_one_number_rows


def test_one_band_total_first_last_columns_past_table_four_head() -> None:
    # 1602: 总 计 and the 25 totals, 自然人's 25 values among the labels, the five other columns after table 四's
    # first header row (行政复议 行政诉讼); at 355 the table was blank
    _, keys, got, warnings = three_against_draw("synth-1602-pdfminer-vertical.txt", 1602)
    assert "vertical_bands" in warnings
    assert {k for k in keys if got[k] is not None} == total_and_one_number_rows(keys, 1602)


def test_band_printed_before_the_heading() -> None:
    # 10629 (the 2019 layout, 23 rows): one band (总 计, the totals, 商业企业 … 其他, 自然人 last) prints before
    # section 三's heading on its page
    _, keys, got, warnings = three_against_draw("synth-10629-pdfminer-vertical.txt", 10629)
    assert "vertical_bands" in warnings
    assert "before the table's span" in warnings["vertical_bands"]
    assert {k for k in keys if got[k] is not None} == total_and_one_number_rows(keys, 10629)


def test_no_vertical_box_nottotal_and_one_number_rows() -> None:
    # the gate: without the spaced 总 计 (a vertical box), the text is not read in total-first bands
    name = "synth-1602-pdfminer-vertical.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8").replace("总 计", "总计")
    report = parse(text.encode("utf-8"), name)
    assert not any(w.code == "vertical_bands" for w in report.warnings)

"""A table 三 row cut by a page break printed on both pages in pdfminer's default text of a wkhtmltopdf PDF (issue
8): wkhtmltopdf draws a row it cuts on each page, its values with it, so the values number one row more than the
table's cells, the row's seven at the first page's foot and again at the next page's head. Read in pdfminer's
nested order with that row twice, kept where both prints read the same numbers and every identity holds (synth
10432's wkhtmltopdf PDF, q60's held back, spent: tuning)."""

from __future__ import annotations

from tests.snippet_reports import three_against_draw

NAME = "synth-10432-wk-pdfminer-row-on-both-pages.txt"


def test_row_printed_on_both_pages_read_once() -> None:
    # before (version 334) the 168 values were 7 more than the table's 161 cells, dropping 7 first or last read
    # nothing, and all 161 cells were blank
    _report, keys, got, warnings = three_against_draw(NAME, 10432)
    assert len(keys) == 161
    assert all(got[k] is not None for k in keys)
    assert "printed twice, at a page's foot and again at the next page's head" in warnings["column_blocks"]

"""Table 三's 自然人 column cut in two in pdfminer's default text of wkhtmltopdf's PDFs (issue 8): a band's first rows
of the column print before the band's other groups, its other rows after them (the column's boxes beside the row
labels grouped in two; ``split`` in ``parsers.tables.column_blocks``). Synth 10438 (a named tuning seed), its first
page: 自然人's rows 0–8, then the other six columns' rows 0–19, column after column, then 自然人's rows 9–19 (printed
among the row labels); the order read from the boxes' places in the PDF. Before (version 355) no order held every
identity and table 三 was blank. Gold from ``synth_model.draw``; no wrong number (asserted in
``three_against_draw``)."""

from __future__ import annotations

from tests.snippet_reports import three_against_draw


def test_natural_person_column_cut_around_its_band_read_whole() -> None:
    _report, keys, got, warnings = three_against_draw("synth-10438-wk-pdfminer-column-split.txt", 10438)
    assert len(keys) == 175
    assert all(got[k] is not None for k in keys)
    assert "printed after the rest of their band, the column's first rows before it" in warnings["column_blocks"]
    assert "printed last" not in warnings["column_blocks"]  # not the 自然人-last order's reading

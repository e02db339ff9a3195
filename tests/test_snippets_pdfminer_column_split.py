"""Table 三's 自然人 column cut in two in pdfminer's default text of wkhtmltopdf's PDFs (issue 8): a band's first rows
of the column print before the band's other groups, its other rows after them (the column's boxes beside the row
labels grouped in two; ``split`` in ``parsers.tables.column_blocks``). Synth 10438 (a named tuning seed), its first
page: 自然人's rows 0–8, then the other six columns' rows 0–19, column after column, then 自然人's rows 9–19 (printed
among the row labels: ``column_runs.after_labels``, a row label's line before them); the order read from the boxes'
places in the PDF. Before (version 355) no order held every
identity and table 三 was blank. Gold from ``synth_model.draw``; no wrong number (asserted in
``three_against_draw``)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import cast

from parsers.tables.column_runs import after_labels
from parsers.tables.reading import Reading
from parsers.tables.tokens import Token, token
from tests.snippet_reports import three_against_draw


def test_natural_person_column_cut_around_its_band_read_whole() -> None:
    _report, keys, got, warnings = three_against_draw("synth-10438-wk-pdfminer-column-split.txt", 10438)
    assert len(keys) == 175
    assert all(got[k] is not None for k in keys)
    assert "printed after the rest of their band, the column's first rows before it" in warnings["column_blocks"]
    assert "printed last" not in warnings["column_blocks"]  # not the 自然人-last order's reading


def _values(text: str) -> tuple[Reading, list[Token]]:
    """A stand-in reading of ``text`` (only its text is read) and its numbers as value tokens."""
    found = [token(m.group(), m.start(), m.end(), 0, 0, False) for m in re.finditer(r"(?<![\d.])\d+(?=\s|$)", text)]
    return cast(Reading, SimpleNamespace(text=text)), found


def test_after_labels_names_the_values_a_row_labels_line_precedes() -> None:
    # wkhtmltopdf's PDF (synth 10438): the band's last 总计 value, the labels, then 自然人's rows after the cut
    text = (
        "3\n\n0\n\n1.属于国家秘密\n\n2.其他法律行政法规禁止\n公开\n\n6.属于四类过程性信息\n\n19\n\n"
        "7.属于行政执法案卷\n\n0\n"
    )
    assert after_labels(*_values(text)) == frozenset({2, 3})
    # a head, a page's start, or a label's words alone (its number on the line before): none
    assert not after_labels(*_values("0\n\n总计\n\n3\n\n4\n"))
    assert not after_labels(*_values("0\n\f1.属于国家秘密\n\n2\n"))
    assert not after_labels(*_values("0\n\n公开\n\n2\n"))

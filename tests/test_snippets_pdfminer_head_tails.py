"""Table 二 in pdfminer's boxes, its header cells cut in two (issue 8, parser version 245): Chromium wraps each head
of 第二十条第（一）项 (``本年制发件`` / ``数``); pdfminer prints the heads' first lines, then each head's last piece
followed by its column's values, top down (``数 0 10 数 0 1 数 0 0``). Every column's group holds the same rows, so
pdfminer orders them from the left: the k-th piece's values are the k-th column's
(``parsers.tables.active_head_tails``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7468-pdfminer-table2.txt"
BLOCK = [f"active/{row}/{col}" for row in ("rules", "normative_docs") for col in ("issued", "repealed", "in_force")]


def test_table_two_columns_after_their_heads_last_pieces_read_column_by_column() -> None:
    # tuning seed 7468 (/tmp/g53/tune, pdf-pdfminer): before (version 244) the block's six values were read down the
    # columns or across the rows, the two disagreeing on three cells (0 or 10, 0 or 1, 10 or 0): those left blank
    synth = draw(7468)
    report = snippet_report(NAME)
    got = {k: report.cells[k].value for k in BLOCK}
    assert got == {k: gold_value(synth.cells[k]) for k in BLOCK}
    codes = {w.code for w in report.warnings}
    assert "active_head_tails" in codes
    assert report.metadata["review"] == "required"  # the text prints its tables column by column


def test_a_column_printed_with_fewer_values_than_rows_is_not_read_so() -> None:
    # the same text with 规章's 本年废止件数 value (the second piece's first) cut: that piece's group holds one row,
    # pdfminer may print it before its left neighbour, and the count no longer says whose values follow: not read
    text = (Path(__file__).parent / "fixtures" / "extractor_snippets" / NAME).read_text(encoding="utf-8")
    head = "数\n\n0\n\n1\n\n"
    assert head in text
    report = parse(text.replace(head, "数\n\n1\n\n", 1).encode(), NAME)
    assert "active_head_tails" not in {w.code for w in report.warnings}

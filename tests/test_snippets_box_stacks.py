"""Which stacks of number lines between blank lines make a text OCR's box-per-line text (``parsers.boxes.is_boxes``).

pdfminer.six ends each text box with a blank line. A number broken over lines in a narrow cell (Chromium's
``break-all``) is a box of one piece a line (6015's ``2`` / ``1`` / ``0`` / ``6`` for 2106): such stacks say nothing of
OCR's boxes (parser version 171). A box of cells one a line (pdfminer's default layout of wkhtmltopdf's table 三,
synthetic report 1215: a column's cells ``0`` / ``10`` / ``0`` …) is what box-per-line text looks like, and counts
again (parser version 183): at 171–182 every stack between blank lines was left out."""

from __future__ import annotations

from pathlib import Path

from parsers.boxes import is_boxes, one_number_pieces

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"


def test_a_broken_numbers_pieces_are_no_ocr_boxes() -> None:
    # tuning seed 6015, pdfminer.six with boxes_flow=None: table 三's four-digit numbers in four-line boxes
    text = (SNIPPETS / "synth-6015-flow-none-table3.txt").read_text(encoding="utf-8")
    assert "\n\n2\n1\n0\n6\n\n" in text
    assert one_number_pieces(["2", "1", "0", "6"])
    assert not is_boxes(text)


def test_a_box_of_a_columns_cells_counts_as_ocr_boxes() -> None:
    # synthetic report 1215, wkhtmltopdf's PDF, pdf2txt.py's defaults: table 三's columns each a box of one cell a
    # line (自然人: 0 10 0 0 0 0 1 …, fourteen lines)
    text = (SNIPPETS / "synth-1215-wk-pdfminer.txt").read_text(encoding="utf-8")
    assert "\n\n 0 \n 10 \n 0 \n 0 \n 0 \n 0 \n 1 \n" in text
    assert is_boxes(text)


def test_cells_and_their_total_are_no_pieces() -> None:
    assert not one_number_pieces(["5", "2", "0", "7"])  # a row total: 5 + 2 + 0 = 7
    assert not one_number_pieces(["0", "1", "0", "1"])  # no number starts with 0
    assert not one_number_pieces(["12", "3", "0", "15"])  # lines of other widths: a cell's lines are as wide
    assert not one_number_pieces(["6", "0", "0", "0", "0", "0", "6"])  # seven lines: a row of table 三

"""``text_layer.read_by_ocr`` on converters' markup: the marks it takes for OCR's are not a converter's own."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from parsers.model import Cell, Where
from parsers.tables import text_layer


def _reading(text: str, convention: str = "layout") -> Any:
    """A reading of table 三 whose cells span ``text`` (its first digit to its last)."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    cells = {
        "applications/granted/natural_person": Cell(
            "applications/granted/natural_person", 1, "1", Where(digits[0], digits[0] + 1)
        ),
        "applications/granted/total": Cell("applications/granted/total", 1, "1", Where(digits[-1], digits[-1] + 1)),
    }
    return SimpleNamespace(
        extracted=SimpleNamespace(ocr=False, text=text),
        cells=cells,
        canonical=SimpleNamespace(convention=convention, notes=[]),
    )


def test_pymupdf4llm_column_names_are_no_ocr_letters() -> None:
    """PyMuPDF4LLM names a header row's empty cells ``Col2``, ``Col3``: no OCR letter; another Latin letter is."""
    text = "|1|件|\n|Col1|Col2|Col3|\n|---|---|---|\n|0|0|1|\n"
    assert not text_layer.read_by_ocr(_reading(text, "markdown"))
    assert text_layer.read_by_ocr(_reading(text.replace("Col2", "Cal2"), "markdown"))


def test_pandoc_hard_line_breaks_are_no_ocr_marks() -> None:
    """pandoc's Markdown ends a label's line inside a cell with ``\\`` (a hard break): no OCR mark; a backslash
    between digits is."""
    text = "1  （二）部分公开（区分处理的，只\\   \n  计这一情\\          0\n  3．危及\\      0   1\n"
    assert not text_layer.read_by_ocr(_reading(text))
    assert text_layer.read_by_ocr(_reading(text.replace("0   1", "0 \\ 1")))

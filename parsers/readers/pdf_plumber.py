"""The fallback reading of one PDF page with pdfplumber (pdfminer), for pages PDFium's reading does not cover.

It gives the same parts as the PDFium path (``pdf_layout`` follows pdfplumber's rules): the page's text lines
as glyphs, its ruled tables as rows of cell texts, and a typical glyph width; ``pdf.assemble_page`` turns
them into a page. pdfplumber is imported and the document opened only when a page needs it.
"""

from __future__ import annotations

import io
from typing import Any

from parsers.readers.pdfium_page import Char

Parts = tuple[float, float, list[tuple[list[Char], tuple[float, float, float, float]]], list[Any], float]
_TOLERANCE = 1.0


def _char(c: dict[str, Any]) -> Char:
    return (c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c.get("size", 0.0), 0)


class PlumberDocument:
    """A PDF opened with pdfplumber on first use; ``close()`` when the document is done."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._pdf: Any = None

    def page_parts(self, index: int) -> Parts | None:
        """(width, height, lines, tables, glyph width) of page ``index``; None when it has no text layer.

        ``tables`` are (top, rows, x0, x1); pdfplumber's exceptions propagate.
        """
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.data))
        page = self._pdf.pages[index]
        try:
            return _parts(page)
        finally:
            page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(
        x0 - _TOLERANCE <= cx <= x1 + _TOLERANCE and top - _TOLERANCE <= cy <= bottom + _TOLERANCE
        for x0, top, x1, bottom in boxes
    )


def _parts(page: Any) -> Parts | None:
    from parsers.readers.pdf_layout import has_duplicates

    if not page.chars:
        return None
    if has_duplicates([_char(c) for c in page.chars]):  # fake bold: every glyph printed twice, slightly offset
        page = page.dedupe_chars()
    tables: list[Any] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.lines or page.rects or page.curves:
        for table in page.find_tables():
            tables.append((table.bbox, table.extract()))
            boxes.append(table.bbox)
    rest = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    widths = sorted(c["x1"] - c["x0"] for c in rest.chars[:2000] if c["text"].strip())
    char = widths[len(widths) // 2] if widths else 10.0
    lines = []
    for raw_line in rest.extract_text_lines():
        chars = [_char(c) for c in raw_line.get("chars", []) if c["text"].strip()]
        lines.append((chars, (raw_line["x0"], raw_line["top"], raw_line["x1"], raw_line["bottom"])))
    return float(page.width), float(page.height), lines, tables, char

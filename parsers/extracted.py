"""What a reader hands to the table parser: the document as text, plus where its table cells sit.

Every reader (HTML, DOCX, PDF, XLSX, XLS, DOC, WPS, plain text) turns a document's bytes into one
``Extracted``. The convention for ``text`` is the one the seeds already follow:

- a paragraph is one line;
- a table row is one line whose cells are joined by a TAB (an empty cell is an empty string between two
  TABs, so its position survives); a cell covered by a merge (rowspan/colspan continuation) is emitted
  as an empty cell, never as a copy of the merged text;
- a table ends with a blank line.

For structured sources each emitted non-empty cell is also listed in ``spans`` with its offsets into
``text`` and its page/table/row/column, so that a value read later can say where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class UnreadableDocument(Exception):
    """The bytes cannot be read as the document kind they claim to be (corrupt, encrypted, empty …)."""

    def __init__(self, reason: str, *, code: str = "unreadable") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class Span(NamedTuple):
    """Where one emitted table cell sits. A named tuple, not a frozen dataclass: readers make one per cell,
    and a tuple is built in half the time (immutable and hashable alike)."""

    start: int
    end: int
    page: int | None
    table: int
    row: int
    col: int
    box: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 on the page (OCR: the cell's box)


_new_tuple = tuple.__new__  # what a named tuple's __new__ calls: the same Span, one Python frame less


class GlyphSet(NamedTuple):
    """OCR: table cells of one page (or of several) that print one glyph the engine read in several ways, none winning
    (``parsers/ocr/glyphs.py``); the tables' identities choose the reading (``parsers/ocr/correct.py``)."""

    page: int
    boxes: tuple[tuple[float, float, float, float], ...]  # the cells' boxes, as their spans carry them
    readings: tuple[str, ...]  # the readings to choose among, most frequent first
    unread: tuple[tuple[float, float, float, float], ...]  # cells the engine read nothing in (text: readings[0])
    counts: tuple[tuple[str, int], ...]  # every reading the set's cells got, and how many ("" for nothing)
    # the page of each box and of each unread box when the set spans pages (empty: every one on ``page``)
    pages: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()

    def spots(self) -> set[tuple[int, tuple[float, float, float, float]]]:
        """The set's cells as (page, box)."""
        return set(zip(self.pages or (self.page,) * len(self.boxes), self.boxes, strict=True))

    def unread_spots(self) -> set[tuple[int, tuple[float, float, float, float]]]:
        return set(zip(self.unread_pages or (self.page,) * len(self.unread), self.unread, strict=True))

    def where(self) -> str:
        """``page 3`` or ``pages 2, 3, 4``."""
        numbers = sorted(set(self.pages or (self.page,)))
        return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {', '.join(map(str, numbers))}"


class DoubtfulCell(NamedTuple):
    """OCR: a table cell the engine read as a number unsure of it (``parsers/ocr/doubtful.py``)."""

    page: int
    box: tuple[float, float, float, float]  # the cell's box, as its span carries it
    text: str  # what the engine read
    conf: float  # its confidence, 0–100
    # the readings of the disputed glyph one of its digits prints (parsers/ocr/glyph_digits.py), "" when the engine's
    # confidence alone makes it doubtful
    glyph: str = ""
    digits: str = ""  # the digits read where the number prints that glyph ("" when their places are not known)
    # a cell of the disputed set, (page, box): the set's reading, once the identities choose it, is what its cells hold
    glyph_cell: tuple[int, tuple[float, float, float, float] | None] | None = None


class SureCell(NamedTuple):
    """OCR: a table cell the engine read as one number at a confidence of ``parsers/ocr/doubtful.py``'s
    ``SURE_CONF`` or more, still read so once the glyphs are compared, and not doubtful by a glyph. The identities do
    not read it otherwise (``parsers/ocr/correct.py``): a misread digit reads unsure, and a total a report prints
    wrong reads as surely as any other number (its identities must fail, not be "corrected")."""

    page: int
    box: tuple[float, float, float, float]  # the cell's box, as its span carries it
    text: str  # what the engine read
    conf: float  # its confidence, 0–100


@dataclass
class Extracted:
    kind: str  # html, pdf, docx, doc, xls, xlsx, wps, image, text
    text: str
    spans: list[Span] = field(default_factory=list)
    # metadata the document itself states (HTML meta tags, the page's 发布时间/信息来源, DOCX core props)
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # reader warnings (e.g. "page 3 has no text layer")
    pages: int | None = None
    ocr: bool = False  # some of the text was read by OCR (parsers/readers/ocr.py)
    # the text's TAB rows are the document's own table cells, as its reader took them from a grid (an HTML
    # ``<table>``'s, a DOCX/DOC/WPS table's, a sheet's): a number is whole in its cell, never broken over lines by a
    # narrow column, and the lines beside a row are other rows, not its pieces (parsers/tables/reading.py ``exact``)
    grid: bool = False
    glyph_sets: list[GlyphSet] = field(default_factory=list)  # OCR: cells of one glyph read in several ways
    agreed_glyphs: list[GlyphSet] = field(default_factory=list)  # OCR: cells of one glyph read one digit (agreed.py)
    doubtful: list[DoubtfulCell] = field(default_factory=list)  # OCR: numbers read unsure of (doubtful.py)
    sure: list[SureCell] = field(default_factory=list)  # OCR: numbers read surely, kept as read (doubtful.py)
    # OCR: readings set aside as a digit lost, their ink too wide for their digits (lost_digits.py)
    digits_lost: list[DoubtfulCell] = field(default_factory=list)
    # OCR: numbers read as a count whose ink is wide for its digits, under digits_lost's bound (lost_digits.py)
    short_readings: list[DoubtfulCell] = field(default_factory=list)
    # OCR: table cells printed empty, no word read and no ink (parsers/ocr/empty_cells.py), as (page, box)
    empty_cells: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)


class TextBuilder:
    """Accumulates ``text`` and ``spans`` with the conventions above; readers use it."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[Span] = []
        self._table = -1

    def line(self, text: str) -> None:
        text = text.replace("\r", "").replace("\t", " ")
        for piece in text.split("\n"):
            self._add(piece + "\n")

    def clean_lines(self, lines: list[str]) -> None:
        """Several lines at once, as :meth:`line` writes each: the caller vouches that none holds a TAB, a CR
        or a newline."""
        if lines:
            self._add("\n".join(lines) + "\n")

    def blank(self) -> None:
        self._add("\n")

    def new_table(self) -> int:
        self._table += 1
        return self._table

    def row(
        self,
        cells: list[str],
        *,
        table: int,
        row: int,
        page: int | None = None,
        boxes: list[tuple[float, float, float, float] | None] | None = None,
        clean: bool = False,
    ) -> None:
        """One table row. ``clean``: the caller vouches that every cell is already whitespace-collapsed (no TAB,
        no newline, no run of spaces, nothing at either end), so it is not collapsed again."""
        pieces = cells if clean else [" ".join(cell.replace("\t", " ").split()) for cell in cells]
        pos = self._len
        append = self.spans.append
        for col, cell in enumerate(pieces):
            if cell:
                end = pos + len(cell)
                box = boxes[col] if boxes is not None and col < len(boxes) else None
                append(_new_tuple(Span, (pos, end, page, table, row, col, box)))  # Span(...) without its frame
                pos = end + 1  # past the TAB after the cell, or the line's end
            else:
                pos += 1
        self._add("\t".join(pieces) + "\n")

    def clean_rows(self, grid: list[list[str]], *, table: int) -> bool:
        """A table's rows at once, as :meth:`row` with ``clean=True`` writes each (row ``r`` of ``grid`` numbered
        ``r``, no page, no boxes), rows without any text left out; whether any was written. The caller vouches
        for the cells as for ``clean``."""
        append = self.spans.append
        parts = self._parts
        pos = self._len
        for r, cells in enumerate(grid):
            if not any(cells):
                continue
            for col, cell in enumerate(cells):
                if cell:
                    end = pos + len(cell)
                    append(_new_tuple(Span, (pos, end, None, table, r, col, None)))
                    pos = end + 1  # past the TAB after the cell, or the line's end
                else:
                    pos += 1
            parts.append("\t".join(cells) + "\n")  # as long as the cells and their TABs and newline: pos is its end
        written = pos != self._len
        self._len = pos
        return written

    def _add(self, s: str) -> None:
        self._parts.append(s)
        self._len += len(s)

    def text(self) -> str:
        return "".join(self._parts)

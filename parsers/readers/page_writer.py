"""Laid-out pages → the project's text: the bookkeeping the PDF reader and the OCR layout share.

A page's items are text lines and tables in reading order (:class:`parsers.readers.pdf.Page`'s, from a text layer;
:class:`parsers.ocr.layout.PageLayout`'s, from an engine's words). :class:`PageWriter` writes them into a
:class:`~parsers.extracted.TextBuilder`: the lines of a paragraph wrapped over several lines (or over a page break)
as one line again, a table's rows one TAB line each, the last row held back (``pending``) so that the rest of it cut
off by a page break can be joined to it, and a blank line where a table ends. Where a line continues the paragraph
(:meth:`PageWriter.continues`) and where a table runs on from the page before (:meth:`PageWriter.add_table`) are
each reader's own rules: what a text layer and an engine's boxes tell differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar, cast

from parsers.extracted import TextBuilder
from parsers.readers.chrome import join_wrapped

Box = tuple[float, float, float, float]

# a running page number alone on its line (``- 3 -``, ``第3页 共9页``, ``3/9``): dropped where it stands in a page's
# margin (:func:`in_margin`), or it would cut a table that continues on the next page
PAGE_NUMBER = re.compile(r"^(?:[-—–‒\s]*\d{1,4}[-—–‒\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
# a table cell's text that is a number (a percentage too): what the PDF reader and the OCR layout take for a value
NUMBER_CELL = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*%?$")
# a line that starts a section of the template (``一、``, ``（一）``): it continues no paragraph
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def in_margin(top: float, bottom: float, height: float) -> bool:
    """Whether a line whose box runs from ``top`` to ``bottom`` (down from the page's top) lies wholly in the page's
    bottom or top band (8 % of its height): where running page numbers stand."""
    return top > height * 0.92 or bottom < height * 0.08


Boxes = list[Box | None] | None  # a row's cells' boxes (OCR), or None


class _Text(Protocol):
    text: str


L = TypeVar("L", bound=_Text)  # a text line
P = TypeVar("P")  # a page
T = TypeVar("T")  # a table


class PageWriter(Generic[L, P, T]):
    """Writes pages' lines and tables into ``tb`` (see the module's doc); a reader's writer says where a line
    continues a paragraph (:meth:`continues`) and how a table is added (:meth:`add_table`)."""

    table_class: type[T]

    def __init__(self, tb: TextBuilder) -> None:
        self.tb = tb
        self.table: T | None = None
        self.table_id = -1
        self.row_index = 0
        self.pending: tuple[list[str], int, Boxes] | None = None  # the open table's last row, not yet written
        self.header: list[list[str]] = []
        self.para: list[str] = []
        self.para_end: tuple[L, P] | None = None  # the open paragraph's last line and its page

    def write(self, pages: Iterable[P], items: Callable[[P], Sequence[L | T]]) -> None:
        """Write ``pages``, in order, each page's ``items`` in reading order, and close what is open."""
        for page in pages:
            found = items(page)
            for i, item in enumerate(found):
                if isinstance(item, self.table_class):
                    self.add_table(item, page, first_on_page=i == 0)
                else:
                    self.line(cast(L, item), page, first_on_page=i == 0)  # no table: a line
            if found and not isinstance(found[-1], self.table_class):
                self.close_table()
        self.close()

    # paragraphs
    def continues(self, line: L, page: P, *, first_on_page: bool) -> bool:
        """Whether ``line`` continues the open paragraph (the reader's rule)."""
        raise NotImplementedError

    def flush_para(self) -> None:
        if len(self.para) == 1:
            self.tb.line(self.para[0])  # as it stands: its column gaps, if any, are kept
        elif self.para:
            self.tb.line(join_wrapped(self.para))
        self.para = []
        self.para_end = None

    def line(self, line: L, page: P, *, first_on_page: bool) -> None:
        self.close_table()
        if not self.continues(line, page, first_on_page=first_on_page):
            self.flush_para()
        self.para.append(line.text)
        self.para_end = (line, page)

    # tables
    def add_table(self, table: T, page: P, *, first_on_page: bool) -> None:
        """Write ``table``'s rows: a new table (:meth:`start_table`), or the one open run on (the reader's rule)."""
        raise NotImplementedError

    def flush_row(self) -> None:
        if self.pending is not None:
            cells, page, boxes = self.pending
            self.tb.row(cells, table=self.table_id, row=self.row_index, page=page, boxes=boxes)
            self.row_index += 1
            self.pending = None

    def close_table(self) -> None:
        if self.table is not None:
            self.flush_row()
            self.tb.blank()
            self.table = None

    def start_table(self, header: list[list[str]]) -> None:
        """Close the table open, if any, and start a new one, ``header`` its first rows (dropped where a page
        repeats them)."""
        self.close_table()
        self.table_id = self.tb.new_table()
        self.row_index = 0
        self.header = header

    def join_pending(self, rest: list[str]) -> None:
        """Join ``rest`` (a row's cells cut off by a page break) to the row held back, cell by cell."""
        assert self.pending is not None
        cells, page, boxes = self.pending
        self.pending = ([join_wrapped([a, b]) for a, b in zip(cells, rest, strict=True)], page, boxes)

    def add_rows(self, table: T, rows: Iterable[tuple[list[str], Boxes]], page: int) -> None:
        """``table``'s rows (cells and boxes) on page ``page``, each written when the next one comes."""
        self.table = table
        for cells, boxes in rows:
            self.flush_row()
            self.pending = (cells, page, boxes)

    def close(self) -> None:
        self.flush_para()
        self.close_table()

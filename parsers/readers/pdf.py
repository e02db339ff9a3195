"""PDF → text in the seed convention, with pdfplumber.

On a page with ruled lines, ``find_tables()`` locates the tables; their rows are emitted through
``TextBuilder.row`` (merged-cell positions, which pdfplumber reports as ``None``, become empty cells) and the
page's other text lines are emitted around them in vertical reading order. A page without ruling is plain
text lines. Pages without a text layer (scans) are read by OCR (:mod:`parsers.readers.ocr`). Encrypted and
corrupt files raise :class:`UnreadableDocument` with the codes ``encrypted`` and ``corrupt``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.chrome import join_wrapped

MAX_PAGES = 2000
_TOLERANCE = 1.0
_WORD_GAP = 3.0  # pdfplumber's x_tolerance: a wider gap between glyphs is a space
_PAGE_NUMBER = re.compile(r"^(?:[-—–‒\s]*\d{1,4}[-—–‒\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_NUMBER = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*%?$")


def _classify(exc: BaseException) -> UnreadableDocument:
    chain: list[BaseException] = [exc]
    chain.extend(a for a in getattr(exc, "args", ()) if isinstance(a, BaseException))
    if exc.__cause__ is not None:
        chain.append(exc.__cause__)
    names = " ".join(type(e).__name__ for e in chain)
    message = "; ".join(str(e) for e in chain if str(e)) or names
    if "Password" in names or "Encryption" in names or "encrypt" in message.lower():
        return UnreadableDocument(f"encrypted PDF (a password is needed to read it): {message}", code="encrypted")
    return UnreadableDocument(f"corrupt PDF: {names}: {message}", code="corrupt")


def read_pdf(data: bytes) -> Extracted:
    if not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises a zoo of exceptions on bad input
        raise _classify(exc) from exc
    with pdf:
        if not pages:
            raise UnreadableDocument("PDF without pages", code="empty")
        if len(pages) > MAX_PAGES:
            raise UnreadableDocument(f"PDF with {len(pages)} pages (limit {MAX_PAGES})", code="too_large")
        notes: list[str] = []
        read: list[_Page] = []
        blank: list[int] = []  # pages without a text layer: read by OCR
        for number, page in enumerate(pages, 1):
            try:
                items = _page_items(page, number)
                if items is None:
                    blank.append(number)
                else:
                    read.append(items)
            except Exception as exc:  # one broken page should not lose the others
                if isinstance(exc, UnreadableDocument):
                    raise
                notes.append(f"page {number} could not be read: {type(exc).__name__}: {exc}")
            finally:
                page.close()
        metadata = _metadata(pdf.metadata)
    tb = TextBuilder()
    if blank:  # OCR hook: the pages without a text layer are read by OCR (parsers/readers/ocr.py)
        from parsers.readers.ocr import read_pdf_with_ocr

        notes += read_pdf_with_ocr(data, read, blank, tb, read_pages)
    else:
        read_pages(read, tb)
    return Extracted(
        kind="pdf", text=tb.text(), spans=tb.spans, metadata=metadata, notes=notes, pages=len(pages), ocr=bool(blank)
    )


def _metadata(info: dict[str, Any]) -> dict[str, str]:
    title = info.get("Title")
    if isinstance(title, bytes):
        title = title.decode("utf-16" if title.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1", "replace")
    if isinstance(title, str) and title.strip():
        return {"title": " ".join(title.split())}
    return {}


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(
        x0 - _TOLERANCE <= cx <= x1 + _TOLERANCE and top - _TOLERANCE <= cy <= bottom + _TOLERANCE
        for x0, top, x1, bottom in boxes
    )


@dataclass
class _Table:
    rows: list[list[str]]
    x0: float
    x1: float


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    lead: float = 0.0  # width of the line's first unbreakable token (a Latin word, a CJK char + punctuation)
    gaps: bool = False  # the line has column gaps: a row of a table drawn without ruling


_OPEN, _CLOSE = "[“‘（《〈「『【(\\[]", "[”’）》〉」』】，。、；：？！%％)\\],.;:!?]"
_WORD = r"(?:[A-Za-z0-9@._%％\-#&=?~+]+|.)"
_LEAD = re.compile(rf"{_OPEN}*{_WORD}(?:/{_WORD})*{_CLOSE}*(?:{_OPEN}+{_WORD}{_CLOSE}*)*")


def _lead_width(chars: list[dict[str, Any]], text: str) -> float:
    m = _LEAD.match(text)
    if not m or not chars:
        return 0.0
    n = min(len(m.group(0)), len(chars))
    return float(chars[n - 1]["x1"] - chars[0]["x0"])


@dataclass
class _Page:
    number: int
    left: float = 0.0  # the body text's left and right edges, and a typical character width
    right: float = 0.0
    char: float = 10.0
    width: float = 595.0
    items: list[_Line | _Table] = field(default_factory=list)


def _page_items(page: Any, number: int) -> _Page | None:
    """One page's text lines and tables in vertical order; None when the page has no text at all."""
    if not page.chars:
        return None
    if _has_duplicates(page.chars):  # fake bold: every glyph printed twice, slightly offset
        page = page.dedupe_chars()
    tables: list[tuple[float, _Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.lines or page.rects or page.curves:
        for table in page.find_tables():
            raw = table.extract()
            if len(raw) < 2 and not (raw and len(raw[0]) >= 2):
                continue
            rows = [[join_wrapped((c or "").split("\n")) for c in row] for row in raw]
            tables.append((table.bbox[1], _Table(rows, table.bbox[0], table.bbox[2])))
            boxes.append(table.bbox)
    rest = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    height = float(page.height)
    found: list[tuple[float, int, _Line | _Table]] = []
    widths = sorted(c["x1"] - c["x0"] for c in rest.chars[:2000] if c["text"].strip())
    char = widths[len(widths) // 2] if widths else 10.0
    for raw_line in rest.extract_text_lines():
        chars = [c for c in raw_line.get("chars", []) if c["text"].strip()]
        text, gaps = _line_text(chars, char) if chars else (" ".join(raw_line["text"].split()), False)
        margin = raw_line["top"] > height * 0.92 or raw_line["bottom"] < height * 0.08
        if not text or (margin and _PAGE_NUMBER.match(text)):
            continue  # running page numbers would cut a table that continues on the next page
        lead = _lead_width(chars, "".join(c["text"] for c in chars))
        line = _Line(text, raw_line["x0"], raw_line["x1"], raw_line["top"], raw_line["bottom"], lead, gaps)
        found.append((line.top, 0, line))
    found.extend((top, 1, t) for top, t in tables)
    found.sort(key=lambda f: (round(f[0], 1), f[1]))
    out = _Page(number, width=float(page.width), items=[item for _, _, item in found])
    lines = [item for item in out.items if isinstance(item, _Line)]
    if lines:
        out.left = min(line.x0 for line in lines)
        out.right = max(line.x1 for line in lines)
        out.char = char
    return out


def _line_text(chars: list[dict[str, Any]], char: float) -> tuple[str, bool]:
    """A line's text from its glyphs: a word gap is one space, a column gap (over a character wide) a run of
    spaces as in a layout dump, so that a table without ruling keeps its columns apart. (Justified CJK text
    has next to no gaps, and a Latin word space is about a quarter of a CJK character.)"""
    out: list[str] = []
    gaps = False
    prev: dict[str, Any] | None = None
    for c in chars:
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            if gap > max(1.2 * char, 6.0):
                out.append(" " * max(2, round(gap / (char / 2))))
                gaps = True
            elif gap > _WORD_GAP:
                out.append(" ")
        out.append(c["text"])
        prev = c
    return "".join(out), gaps


def _has_duplicates(chars: list[dict[str, Any]]) -> bool:
    """Is some glyph printed twice at (almost) the same place?"""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        text = char["text"]
        if not text.strip():
            continue
        x, y = round(char["x0"]), round(char["top"])
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            return True
        seen.add((text, x, y))
    return False


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def _is_fragment(prev: list[str], row: list[str]) -> bool:
    """Is ``row`` (first on a page) the rest of ``prev`` (last on the previous page), cut by the page break?

    Only if it holds no number, and text only in columns where ``prev`` has text too: the wrapped tail of a
    label (``3.危及“三安全一稳`` / ``定”``), never a row of its own.
    """
    if len(prev) != len(row) or not any(row) or any(_is_number(c) for c in row if c):
        return False
    return all(not c or (p and not _is_number(p)) for p, c in zip(prev, row, strict=True))


class _Emitter:
    """Writes pages into a TextBuilder.

    A paragraph wrapped over several lines (or over a page break) becomes one line again; a table that runs
    on at the top of the next page stays one table, its header rows repeated there are dropped, and a row cut
    by the page break is joined up again.
    """

    def __init__(self, tb: TextBuilder) -> None:
        self.tb = tb
        self.table: _Table | None = None
        self.table_id = -1
        self.row_index = 0
        self.pending: tuple[list[str], int] | None = None  # the open table's last row, not yet written
        self.header: list[list[str]] = []
        self.para: list[str] = []
        self.para_end: tuple[_Line, _Page] | None = None  # the open paragraph's last line and its page

    # paragraphs
    def _flush_para(self) -> None:
        if len(self.para) == 1:
            self.tb.line(self.para[0])  # as it stands: its column gaps, if any, are kept
        elif self.para:
            self.tb.line(join_wrapped(self.para))
        self.para = []
        self.para_end = None

    def _continues(self, line: _Line, page: _Page, *, first_on_page: bool) -> bool:
        if self.para_end is None:
            return False
        prev, prev_page = self.para_end
        if prev.gaps or line.gaps:
            return False  # rows of a table without ruling are never one paragraph
        # the previous line is full when this line's first word would not have fitted after it
        room = prev_page.right - prev.x1
        full = room < max(2 * prev_page.char, line.lead + prev_page.char)
        wide = prev.x1 >= prev_page.left + 0.6 * (prev_page.width - 2 * prev_page.left)
        if not (full and wide) or line.x0 > page.left + 0.5 * page.char:
            return False  # the previous line stops short, or this one is indented: a new paragraph
        if _HEADING.match(line.text):
            return False
        if prev_page is page:
            return 0 <= line.top - prev.bottom < (prev.bottom - prev.top) * 1.2
        return first_on_page

    def line(self, line: _Line, page: _Page, *, first_on_page: bool) -> None:
        self._close_table()
        if not self._continues(line, page, first_on_page=first_on_page):
            self._flush_para()
        self.para.append(line.text)
        self.para_end = (line, page)

    # tables
    def _flush_row(self) -> None:
        if self.pending is not None:
            cells, page = self.pending
            self.tb.row(cells, table=self.table_id, row=self.row_index, page=page)
            self.row_index += 1
            self.pending = None

    def _close_table(self) -> None:
        if self.table is not None:
            self._flush_row()
            self.tb.blank()
            self.table = None

    def add_table(self, table: _Table, page: int, *, first_on_page: bool) -> None:
        self._flush_para()
        rows = [r for r in table.rows if any(r)]
        prev = self.table
        continues = (
            prev is not None
            and first_on_page
            and len(prev.rows[0]) == len(table.rows[0])
            and abs(prev.x0 - table.x0) < 3
            and abs(prev.x1 - table.x1) < 3
        )
        if not continues:
            self._close_table()
            self.table_id = self.tb.new_table()
            self.row_index = 0
            self.header = rows[:3]
        else:
            for head in self.header:  # a header row repeated on the new page
                if rows and rows[0] == head:
                    rows = rows[1:]
            if rows and self.pending is not None and _is_fragment(self.pending[0], rows[0]):
                cells = self.pending[0]
                joined = [join_wrapped([a, b]) for a, b in zip(cells, rows[0], strict=True)]
                self.pending = (joined, self.pending[1])
                rows = rows[1:]
        self.table = table
        for row in rows:
            self._flush_row()
            self.pending = (row, page)

    def close(self) -> None:
        self._flush_para()
        self._close_table()


def read_pages(pages: list[_Page], tb: TextBuilder) -> None:
    emitter = _Emitter(tb)
    for page in pages:
        for i, item in enumerate(page.items):
            if isinstance(item, _Table):
                emitter.add_table(item, page.number, first_on_page=i == 0)
            else:
                emitter.line(item, page, first_on_page=i == 0)
        if page.items and isinstance(page.items[-1], _Line):
            emitter._close_table()
    emitter.close()

"""PDF → text in the seed convention: glyphs and ruling lines read with PDFium, lines and tables rebuilt here.

Each page is read with pypdfium2 (:mod:`parsers.readers.pdfium_page`: glyph boxes from the text page, painted
paths from the page objects) and laid out by :mod:`parsers.readers.pdf_layout`, which follows pdfplumber's
rules: ruled tables are found from the ruling, their rows emitted through ``TextBuilder.row`` (merged-cell
positions become empty cells), and the page's other text lines are emitted around them in vertical reading
order, on the page as it is shown (``/Rotate`` applied). A page PDFium's reading does not cover (a page set
mostly on its side, a media box off the origin, or a PDFium error) is read with pdfplumber instead
(:mod:`parsers.readers.pdf_plumber`); ``FALLBACK`` counts those pages by reason. One page is held at a time.
Pages without a text layer (scans), and pages whose text layer is garbage (fonts without a Unicode map:
:mod:`parsers.readers.pdf_text_layer`), are read by OCR (:mod:`parsers.readers.ocr`). Encrypted and corrupt
files raise :class:`UnreadableDocument` with the codes ``encrypted`` and ``corrupt``.
"""

from __future__ import annotations

import gc
import itertools
import logging
import operator
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from parsers.extracted import DoubtfulCell, Extracted, GlyphSet, SureCell, TextBuilder, UnreadableDocument
from parsers.readers.cell_lines import table_cell_text, wrapped_note
from parsers.readers.page_edge import past_edge, read_past_edge
from parsers.readers.page_writer import HEADING, NUMBER_CELL, PAGE_NUMBER, PageWriter, in_margin
from parsers.readers.pdf_layout import (
    NATIVE_TEXT,
    Centres,
    cell_text,
    dedupe,
    find_tables,
    has_duplicates,
    text_lines,
    top_lines,
)
from parsers.readers.pdf_plumber import PlumberDocument
from parsers.readers.pdf_text_layer import garbled
from parsers.readers.pdfium_page import PDFIUM_LOCK, TEXT, X0, X1, Box, Char, PageContent, Unsupported, read_page
from parsers.readers.row_tails import read_row_tails, unruled_note

MAX_PAGES = 2000
_TOLERANCE = 1.0
_WORD_GAP = 3.0  # pdfplumber's x_tolerance: a wider gap between glyphs is a space
_PDFIUM_PASSWORD = 4  # FPDF_ERR_PASSWORD

_get_text, _get_x0, _get_x1 = operator.itemgetter(TEXT), operator.itemgetter(X0), operator.itemgetter(X1)
# Since the process started: pages read, and (by reason) those read with pdfplumber instead of PDFium.
PAGES: Counter[str] = Counter()
FALLBACK: Counter[str] = Counter()
log = logging.getLogger(__name__)


def _classify(exc: BaseException) -> UnreadableDocument:
    chain: list[BaseException] = [exc]
    chain.extend(a for a in getattr(exc, "args", ()) if isinstance(a, BaseException))
    if exc.__cause__ is not None:
        chain.append(exc.__cause__)
    names = " ".join(type(e).__name__ for e in chain)
    message = "; ".join(str(e) for e in chain if str(e)) or names
    if (
        "Password" in names
        or "Encryption" in names
        or "encrypt" in message.lower()
        or "password" in message.lower()
        or getattr(exc, "err_code", None) == _PDFIUM_PASSWORD
    ):
        return UnreadableDocument(f"encrypted PDF (a password is needed to read it): {message}", code="encrypted")
    return UnreadableDocument(f"corrupt PDF: {names}: {message}", code="corrupt")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: reading pages allocates tens of thousands of tuples that hold
    no cycles, and the collector's passes over them would cost about a third of the reading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_pdf(data: bytes) -> Extracted:
    if not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    with PDFIUM_LOCK, collector_paused():
        return _read_pdf(data)


def _read_pdf(data: bytes) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError: format, password, security …
        raise _classify(exc) from exc
    plumber = PlumberDocument(data)
    try:
        count = len(pdf)
        if not count:
            raise UnreadableDocument("PDF without pages", code="empty")
        if count > MAX_PAGES:
            raise UnreadableDocument(f"PDF with {count} pages (limit {MAX_PAGES})", code="too_large")
        notes: list[str] = []
        read: list[Page] = []
        blank: list[int] = []  # pages without a text layer: read by OCR
        empty: list[int] = []  # pages with nothing OCR could read (no text, no image, no outlined glyphs)
        small: list[tuple[int, float]] = []  # pages without text whose images are small (see SMALL_IMAGES)
        for number in range(1, count + 1):
            try:
                items = _read_page(pdf, plumber, number, notes)
                if items is None:
                    blank.append(number)
                elif isinstance(items, str):  # EMPTY
                    empty.append(number)
                elif isinstance(items, SmallImages):
                    small.append((number, items.share))
                else:
                    read.append(items)
            except Exception as exc:  # one broken page should not lose the others
                if isinstance(exc, UnreadableDocument):
                    raise
                notes.append(f"page {number} could not be read: {type(exc).__name__}: {exc}")
        metadata = _metadata(pdf)
    finally:
        plumber.close()
        pdf.close()
    if small and not read:  # no text layer anywhere: the small images may be all there is to read
        blank = sorted(blank + [number for number, _share in small])
    elif small:
        shares = ", ".join(f"{number} ({share:.1%})" for number, share in small)
        notes.append(
            f"[images_not_read] page(s) {shares} without text, their images covering that share of the page "
            f"(a seal, a logo, a signature): not read by OCR"
        )
    if empty and not read and not blank:
        raise UnreadableDocument(f"PDF whose {count} page(s) are all empty (nothing printed on them)", code="empty")
    if empty:
        notes.append(f"page(s) {', '.join(map(str, empty))} empty: no text, image or outlined glyphs (not read)")
    tb = TextBuilder()
    glyph_sets: list[GlyphSet] = []
    doubtful: list[DoubtfulCell] = []
    sure: list[SureCell] = []
    agreed: list[GlyphSet] = []
    digits_lost: list[DoubtfulCell] = []
    short: list[DoubtfulCell] = []
    empty_cells: list[tuple[int, tuple[float, float, float, float]]] = []
    if blank:  # OCR hook: the pages without a text layer are read by OCR (parsers/readers/ocr.py)
        from parsers.readers.ocr import read_pdf_with_ocr

        by_ocr = read_pdf_with_ocr(data, read, blank, tb, read_pages)
        glyph_sets, doubtful, sure, agreed, digits_lost, short, empty_cells = by_ocr[1:]
        notes += by_ocr.notes
    else:
        read_pages(read, tb)
    return Extracted(
        kind="pdf", text=tb.text(), spans=tb.spans, metadata=metadata, notes=notes, pages=count, ocr=bool(blank),
        glyph_sets=glyph_sets, doubtful=doubtful, sure=sure, agreed_glyphs=agreed, digits_lost=digits_lost,
        short_readings=short, empty_cells=empty_cells,
    )  # fmt: skip


# a page without text whose paths hold at least this many curves may be text drawn as outlines: read by OCR
OUTLINE_CURVES = 20
EMPTY = "empty"  # what _read_page returns for a page with nothing on it that OCR could read
# A page without text whose images cover less than this share of it holds a seal, a logo, a signature or a QR
# code, not a scanned page: in a PDF with a text layer elsewhere it is not read by OCR (a second a page, and an
# OCR'd report is never trusted outright). In a PDF of such pages only, they are read by OCR all the same.
SMALL_IMAGES = 0.05


# Glyphs not set upright (turned or mirrored: a diagonal watermark, a label set vertically in a narrow cell) are
# left out of a page's reading, with a note naming them, where they are at most this share of its glyphs (a
# watermark on a page's last lines can outnumber them); a page set mostly on its side is read with pdfplumber.
NOT_UPRIGHT_SHARE = 0.5


def _not_upright_note(number: int, glyphs: list[str]) -> str:
    """The note for the glyphs of page ``number`` left out: ``numbers_not_upright`` where digits are among them
    (a number may be missing), else ``text_not_upright``."""
    text = "".join("".join(glyphs).split())
    shown = text if len(text) <= 40 else text[:40] + "…"
    code = "numbers_not_upright" if any(ch.isdigit() for ch in text) else "text_not_upright"
    return (
        f"[{code}] page {number}: {len(text)} character(s) not set upright (a watermark, vertical text) left "
        f"out of the reading: '{shown}'"
    )


# A page an image covers for the most part, whose text layer holds only a few glyphs, is a scan that a portal or a
# scanner stamped with a line of text (the site's name, a page number): read by OCR, the stamp with the rest. A
# page with a text layer of its own over a full-page image (a searchable scan, a letterhead) is read as text.
SCAN_SHARE = 0.5
STAMP_GLYPHS = 40


class SmallImages(NamedTuple):
    """What _read_page returns for a page without text whose images cover only ``share`` of it."""

    share: float


def _read_page(pdf: Any, plumber: PlumberDocument, number: int, notes: list[str]) -> Page | str | SmallImages | None:
    """One page with PDFium; with pdfplumber where PDFium's reading does not cover it (counted). ``None``: the
    page has no text layer (read by OCR); :data:`EMPTY`: nothing on it to read at all (a blank page). Glyphs not
    set upright are left out with a note in ``notes`` (see :data:`NOT_UPRIGHT_SHARE`)."""
    PAGES["read"] += 1
    try:
        page = pdf[number - 1]
        try:
            textpage = page.get_textpage()
            try:
                content = read_page(page, textpage)
            finally:
                textpage.close()
        finally:
            page.close()
        if garbled(content.not_text, content.glyphs):  # fonts without a Unicode map: the text layer is garbage
            notes.append(
                f"[text_layer_garbled] page {number}: {content.not_text} of its {content.glyphs} glyphs are not "
                f"text (a font embedded without a Unicode map): the page is read by OCR"
            )
            return None
        area = content.width * content.height
        if content.images and 0 < content.glyphs < STAMP_GLYPHS and content.image_area >= SCAN_SHARE * area > 0:
            notes.append(
                f"[scan_with_text] page {number}: an image covers {min(content.image_area / area, 1.0):.0%} of it "
                f"and its text layer holds only {content.glyphs} glyph(s) (a stamp, a page number): the page is "
                f"read by OCR"
            )
            return None
        if content.unmapped:
            notes.append(
                f"[glyphs_unmapped] page {number}: {content.unmapped} glyph(s) without a Unicode mapping left out "
                f"of the reading"
            )
        if content.skipped:
            if len(content.skipped) > NOT_UPRIGHT_SHARE * (len(content.skipped) + len(content.chars)):
                raise Unsupported("rotated, skewed or mirrored text")
            notes.append(_not_upright_note(number, content.skipped))
        if not content.chars and len(content.curves) < OUTLINE_CURVES:
            if not content.images:
                return EMPTY  # OCR would read nothing there (and would cost a second a page)
            share = content.image_area / (content.width * content.height) if content.width * content.height else 1.0
            if share < SMALL_IMAGES:
                return SmallImages(share)
        return layout_page(content, number, notes)
    except Unsupported as why:
        reason = str(why)
    except Exception as exc:  # a PDFium error on this page: pdfplumber may still read it
        reason = f"PDFium error: {type(exc).__name__}"
    FALLBACK[reason] += 1
    log.info("PDF page %d read with pdfplumber: %s", number, reason)
    parts = plumber.page_parts(number - 1)
    if parts is None:
        return None
    width, height, lines, tables, char = parts
    joined: list[str] = []
    found = [(bbox[1], _table(rows, bbox, joined)) for bbox, rows in tables]
    if joined:
        notes.append(wrapped_note(number, joined))
    return assemble_page(number, width, height, lines, [(top, t) for top, t in found if t is not None], char)


def _metadata(pdf: Any) -> dict[str, str]:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # a broken info dictionary is no reason to lose the text
        return {}
    if isinstance(title, str) and title.strip():
        return {"title": " ".join(title.split())}
    return {}


def _outside(chars: list[Char], mids: Centres, boxes: list[Box]) -> list[Char]:
    """:func:`outside_by_python`, in C where the native build holds it and covers the values."""
    if NATIVE_TEXT is not None:
        found = NATIVE_TEXT.outside(chars, mids.h, mids.v, boxes, _TOLERANCE)
        if found is not None:
            return found
    return outside_by_python(chars, mids, boxes)


def outside_by_python(chars: list[Char], mids: Centres, boxes: list[Box]) -> list[Char]:
    """The glyphs whose centre is outside every box (1 pt of slack around each), in order."""
    rest = list(zip(chars, mids.h, mids.v, strict=True))
    for x0, top, x1, bottom in boxes:
        left, right, upper, lower = x0 - _TOLERANCE, x1 + _TOLERANCE, top - _TOLERANCE, bottom + _TOLERANCE
        rest = [g for g in rest if not (left <= g[1] <= right and upper <= g[2] <= lower)]
    return [g[0] for g in rest]


def _table(raw: list[list[str | None]], bbox: Box, joined: list[str] | None = None) -> _Table | None:
    """A found table's rows as cells; None for a table of one cell (a frame, not a table). A cell printing one
    number wrapped by its width is read as that number, its printed lines added to ``joined`` (where given)
    (:func:`parsers.readers.cell_lines.table_cell_text`)."""
    if len(raw) < 2 and not (raw and len(raw[0]) >= 2):
        return None
    rows: list[list[str]] = []
    spanned: list[frozenset[int]] = []
    for i, row in enumerate(raw):
        cells = [table_cell_text(c, [] if joined is None else joined) for c in row]
        if i and _spanned_rest(raw[i - 1], row):
            rows[-1] = [p if c is None else cells[j] for j, (p, c) in enumerate(zip(rows[-1], row, strict=True))]
            continue
        rows.append(cells)
        spanned.append(frozenset(j for j, c in enumerate(row) if c is None))
    return _Table(rows, bbox[0], bbox[2], spanned)


def _spanned_rest(prev: list[str | None], row: list[str | None]) -> bool:
    """Is ``row`` the rest of ``prev``: its label cell spans both (``None`` here: covered by the cell above),
    while the value columns cut it in two rows, and ``prev`` is blank in every cell this row prints?

    A value cell whose borders do not line up with its label's (wkhtmltopdf at a page break) reads as a label row
    with blank cells and a label-less row of values under it; it is one row. Only when the label column spans
    (``None``), every other cell of ``row`` is a cell of its own, and ``prev`` prints nothing in those.
    """
    if len(prev) != len(row) or row[0] is not None or not prev[0]:
        return False
    own = [j for j, c in enumerate(row) if c is not None]
    return bool(own) and any(row[j] for j in own) and all(prev[j] == "" for j in own)


def layout_page(content: PageContent, number: int, notes: list[str] | None = None) -> Page | None:
    """One page's text lines and tables in vertical order; None when the page has no text at all. ``notes``: where
    the reader's notes go (a table's cells cut by the page's edge: :mod:`parsers.readers.page_edge`)."""
    chars = content.chars
    if not chars:
        return None
    # the glyphs' lines, which the Python of has_duplicates and text_lines reads (the C clusters them itself)
    lines: list[list[Char]] | None = None if NATIVE_TEXT is not None else top_lines(chars)
    if has_duplicates(chars, lines):  # fake bold: every glyph printed twice, slightly offset
        chars = dedupe(chars, content.font_name)
        lines = None
    tables: list[tuple[float, _Table]] = []
    rest = chars
    if content.lines or content.rects or content.curves:
        found = find_tables(content)
        if found:
            mids = Centres(chars)
            boxes: list[Box] = []
            off = past_edge(chars, content.width) if notes is not None else []
            read_off: set[int] = set()
            joined: list[str] = []
            unruled: list[str] = []
            for table in found:
                raw = table.extract(chars, mids)
                unruled += read_row_tails(
                    table.rows(), raw, table.bbox[2], chars, (mids.keys, mids.order, mids.h, mids.v), cell_text
                )
                if off:
                    assert notes is not None
                    read_off |= read_past_edge(table.rows(), raw, chars, off, content.width, cell_text, number, notes)
                t = _table(raw, table.bbox, joined)
                if t is not None:
                    tables.append((table.bbox[1], t))
                    boxes.append(table.bbox)
            if joined and notes is not None:
                notes.append(wrapped_note(number, joined))
            if unruled and notes is not None:
                notes.append(unruled_note(number, unruled))
            if boxes:  # the glyphs whose centre is outside every table (1 pt of slack) are the text lines'
                rest = _outside(chars, mids, boxes)
                if read_off:  # the glyphs past the page's edge read into a table's cells
                    rest = [c for c in rest if id(c) not in read_off]
                lines = None
    head = rest[:2000]
    widths = list(map(operator.sub, map(_get_x1, head), map(_get_x0, head)))
    blank = {t for t in set(map(_get_text, head)) if not t.strip()}
    if blank:  # spaces do not count
        widths = list(itertools.compress(widths, map(operator.not_, map(blank.__contains__, map(_get_text, head)))))
    widths.sort()
    char = widths[len(widths) // 2] if widths else 10.0
    return assemble_page(number, content.width, content.height, text_lines(rest, lines), tables, char)


@dataclass
class _Table:
    rows: list[list[str]]
    x0: float
    x1: float
    # per row, the columns its cells span from the left or from above (``None`` in the found table's grid)
    spanned: list[frozenset[int]] = field(default_factory=list)


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


def _lead_width(chars: list[Char]) -> float:
    # the pattern's runs are greedy and all optional after the first token: a match that ends inside a prefix
    # of the text read nothing past its end, so it is the match on the whole text
    text = "".join(map(_get_text, chars[:64]))
    m = _LEAD.match(text)
    if m and m.end() == len(text) and len(chars) > 64:
        text = "".join(map(_get_text, chars))
        m = _LEAD.match(text)
    if not m or not chars:
        return 0.0
    n = min(len(m.group(0)), len(chars))
    return float(chars[n - 1][X1] - chars[0][X0])


@dataclass
class Page:
    """A page laid out (:func:`layout_page`): its lines and tables, what :func:`read_pages` writes out."""

    number: int
    left: float = 0.0  # the body text's left and right edges, and a typical character width
    right: float = 0.0
    char: float = 10.0
    width: float = 595.0
    items: list[_Line | _Table] = field(default_factory=list)


def assemble_page(
    number: int,
    width: float,
    height: float,
    lines: list[tuple[list[Char], Box]],
    tables: list[tuple[float, _Table]],
    char: float,
) -> Page:
    """A page from its text lines (glyphs without spaces, and box) and tables (top, table), in vertical order."""
    found: list[tuple[float, int, _Line | _Table]] = []
    for glyphs, (x0, top, x1, bottom) in lines:
        chars = [c for c in glyphs if c[TEXT].strip()]
        if not chars:
            continue
        text, gaps = _line_text(chars, char)
        if not text or (in_margin(top, bottom, height) and PAGE_NUMBER.match(text)):
            continue  # running page numbers would cut a table that continues on the next page
        lead = _lead_width(chars)
        found.append((top, 0, _Line(text, x0, x1, top, bottom, lead, gaps)))
    found.extend((top, 1, t) for top, t in tables)
    found.sort(key=lambda f: (round(f[0], 1), f[1]))
    out = Page(number, width=float(width), items=[item for _, _, item in found])
    body = [item for item in out.items if isinstance(item, _Line)]
    if body:
        out.left = min(line.x0 for line in body)
        out.right = max(line.x1 for line in body)
        out.char = char
    return out


def _line_text(chars: list[Char], char: float) -> tuple[str, bool]:
    """A line's text from its glyphs: a word gap is one space, a column gap (over a character wide) a run of
    spaces as in a layout dump, so that a table without ruling keeps its columns apart. (Justified CJK text
    has next to no gaps, and a Latin word space is about a quarter of a CJK character.)"""
    texts = list(map(_get_text, chars))
    gaps = list(map(operator.sub, map(_get_x0, chars[1:]), map(_get_x1, chars)))
    if not gaps or max(gaps) <= _WORD_GAP:  # no gap to write: the glyphs as they stand
        return "".join(texts), False
    wide = max(1.2 * char, 6.0)
    out = [texts[0]]
    columns = False
    for text, gap in zip(texts[1:], gaps, strict=True):
        if gap > wide:
            out.append(" " * max(2, round(gap / (char / 2))))
            columns = True
        elif gap > _WORD_GAP:
            out.append(" ")
        out.append(text)
    return "".join(out), columns


def _is_number(text: str) -> bool:
    return bool(NUMBER_CELL.match(text))


def _is_fragment(prev: list[str], row: list[str], spanned: frozenset[int] = frozenset()) -> bool:
    """Is ``row`` (first on a page) the rest of ``prev`` (last on the previous page), cut by the page break?

    Only if it holds no number, and text only in columns where ``prev`` has text too: the wrapped tail of a
    label (``3.危及“三安全一稳`` / ``定”``), never a row of its own. A row cut by a page break keeps its cells'
    borders: a cell of ``row`` spanning a column (``spanned``) where ``prev`` printed text in a cell of its own
    is a row of its own (a block's title across the table, ``第二十条第（五）项``, or a row of two cells under a
    header of three: LibreOffice's print of tables set one under another), never the rest of ``prev``.
    """
    if len(prev) != len(row) or not any(row) or any(_is_number(c) for c in row if c):
        return False
    if any(prev[j] for j in spanned):
        return False
    return all(not c or (p and not _is_number(p)) for p, c in zip(prev, row, strict=True))


class _Emitter(PageWriter[_Line, Page, _Table]):
    """Writes pages into a TextBuilder (:class:`~parsers.readers.page_writer.PageWriter`).

    A paragraph wrapped over several lines (or over a page break) becomes one line again; a table that runs
    on at the top of the next page stays one table, its header rows repeated there are dropped, and a row cut
    by the page break is joined up again.
    """

    table_class = _Table

    def continues(self, line: _Line, page: Page, *, first_on_page: bool) -> bool:
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
        if HEADING.match(line.text):
            return False
        if prev_page is page:
            return 0 <= line.top - prev.bottom < (prev.bottom - prev.top) * 1.2
        return first_on_page

    def add_table(self, table: _Table, page: Page, *, first_on_page: bool) -> None:
        self.flush_para()
        kept = [i for i, r in enumerate(table.rows) if any(r)]
        rows = [table.rows[i] for i in kept]
        spans = [table.spanned[i] for i in kept] if table.spanned else [frozenset()] * len(rows)
        prev = self.table
        continues = (
            prev is not None
            and first_on_page
            and len(prev.rows[0]) == len(table.rows[0])
            and abs(prev.x0 - table.x0) < 3
            and abs(prev.x1 - table.x1) < 3
        )
        if not continues:
            self.start_table(rows[:3])
        else:
            for head in self.header:  # a header row repeated on the new page
                if rows and rows[0] == head:
                    rows, spans = rows[1:], spans[1:]
            if rows and self.pending is not None and _is_fragment(self.pending[0], rows[0], spans[0]):
                self.join_pending(rows[0])
                rows = rows[1:]
        self.add_rows(table, [(row, None) for row in rows], page.number)


def read_pages(pages: list[Page], tb: TextBuilder) -> None:
    _Emitter(tb).write(pages, lambda page: page.items)

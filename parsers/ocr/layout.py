"""Words and boxes → the project's extracted text: a paragraph per line, a table row per line (TAB-separated).

:func:`page_layout` turns what an engine read on one page (:class:`~parsers.ocr.engine.Ink`) into the page's
items in reading order: text lines (words grouped into lines by their baseline, a wide gap between words kept
as a run of spaces, as in a layout dump, so that a table drawn without rules keeps its columns apart) and
ruled tables (a row per grid row; a merged cell's text in its first grid unit, the units it covers empty).

:func:`emit` writes the pages of a document into a :class:`~parsers.extracted.TextBuilder`: wrapped
paragraph lines joined again, a table that runs on at the top of the next page kept as one table (its row cut
by the page break joined up, a header row repeated on the new page dropped), and each table cell's span
carrying its page and its box.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from parsers.extracted import TextBuilder
from parsers.ocr.cell_digits import joined_digits, stack_read_as_one
from parsers.ocr.engine import Ink, Line, Word
from parsers.ocr.grid import Table
from parsers.readers.chrome import join_wrapped
from parsers.readers.page_writer import HEADING, NUMBER_CELL, PAGE_NUMBER, Boxes, PageWriter, in_margin

Box = tuple[float, float, float, float]


# glyphs the engine reads for others that reports print: the angle brackets 〈〉 (U+3008/9), which these
# reports do not use, for the full-width parentheses （） of 第二十条第（一）项 (the reader notes how many)
LOOKALIKES = str.maketrans({"〈": "（", "〉": "）"})


# a heading's or label's enumeration mark 、 after its numeral read as a full stop (四。结转下年度继续办理: a label
# holding 。 is body text to the tables' readers, and the row was lost): no template label or heading ends a
# sentence after its numeral
MARK_READ_AS_STOP = re.compile(r"^([一二三四五六七八九十]{1,2})。(?=[\u4e00-\u9fff])")


def _undo_lookalikes(text: str, page: PageLayout) -> str:
    fixed = text.translate(LOOKALIKES)
    page.glyphs_fixed += sum(1 for a, b in zip(text, fixed, strict=True) if a != b)
    marked = MARK_READ_AS_STOP.sub(r"\1、", fixed)
    page.marks_fixed += marked != fixed
    return marked


@dataclass
class TextLine:
    text: str
    box: Box
    gaps: bool  # has a column gap: a row of a table drawn without rules


@dataclass
class TableRows:
    rows: list[list[str]]
    boxes: list[list[Box | None]]
    box: Box
    n_cols: int


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    items: list[TextLine | TableRows] = field(default_factory=list)
    char: float = 10.0  # a typical character height (page units)
    glyphs_fixed: int = 0  # engine glyph confusions undone (LOOKALIKES)
    marks_fixed: int = 0  # enumeration marks read as full stops undone (MARK_READ_AS_STOP)
    named: list[str] = field(default_factory=list)  # tables named by their grid, their heads unread (_name_review)
    joined: list[str] = field(default_factory=list)  # a cell's digits read apart, read as one number (cell_digits)
    stacks: list[str] = field(default_factory=list)  # a cell's stack of digits read as one word, left blank


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines by their vertical middle (a word belongs to the line its middle falls within)."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        mid = (w.box[1] + w.box[3]) / 2
        for line in lines[-3:]:
            top = min(x.box[1] for x in line)
            bottom = max(x.box[3] for x in line)
            if top <= mid <= bottom and abs((top + bottom) / 2 - mid) < (bottom - top) * 0.6:
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.box[0])
    lines.sort(key=lambda line: min(w.box[1] for w in line))
    return lines


def line_text(line: Line, char: float) -> tuple[str, bool]:
    """A line's text: CJK joined without spaces, Latin words and numbers by one, a column gap by several."""
    out = ""
    gaps = False
    prev: Word | None = None
    for w in line:
        if prev is not None:
            gap = w.box[0] - prev.box[2]
            if gap > 1.5 * char:
                out += " " * max(2, round(gap / (char / 2)))
                gaps = True
            elif not (_is_wide(out[-1]) or _is_wide(w.text[0])) and gap > 0.12 * char:
                out += " "  # between Latin words and numbers; never inside Chinese text
        out += w.text
        prev = w
    return out, gaps


def _cell_text(lines: list[Line], char: float, one_column: bool, stacks: bool, page: PageLayout) -> str:
    """A table cell's text; in a cell one grid column wide, a number's digits read apart joined, and on a page
    that prints numbers one digit a line (``stacks``), a stack of digits read as one word left blank
    (:mod:`parsers.ocr.cell_digits`), each named in the page's notes."""
    if one_column and lines:
        joined = joined_digits(lines, char)
        if joined is not None:
            page.joined.append(f"{joined[0]!r} as {joined[1]}")
            return joined[1]
        stack = stack_read_as_one(lines, char) if stacks else None
        if stack is not None:
            page.stacks.append(repr(stack))
            return ""
    return _undo_lookalikes(join_wrapped([line_text(line, char)[0] for line in lines]), page)


def _char_height(ink: Ink) -> float:
    heights = sorted(w.box[3] - w.box[1] for lines in [ink.lines, *ink.cells.values()] for line in lines for w in line)
    return float(heights[len(heights) // 2]) if heights else 20.0


def page_layout(number: int, ink: Ink, tables: list[Table], size: tuple[int, int], scale: float) -> PageLayout:
    """One page's items in reading order; boxes divided by ``scale`` (pixels per page unit)."""
    char = _char_height(ink)

    def box(b: tuple[float, float, float, float]) -> Box:
        return (round(b[0] / scale, 1), round(b[1] / scale, 1), round(b[2] / scale, 1), round(b[3] / scale, 1))

    page = PageLayout(number, size[0] / scale, size[1] / scale, char=char / scale)
    found: list[tuple[float, int, TextLine | TableRows]] = []
    for line in group_lines([w for words in ink.lines for w in words]):
        text, gaps = line_text(line, char)
        text = _undo_lookalikes(text, page)
        b = (
            min(w.box[0] for w in line),
            min(w.box[1] for w in line),
            max(w.box[2] for w in line),
            max(w.box[3] for w in line),
        )
        if in_margin(b[1], b[3], size[1]) and PAGE_NUMBER.match(text.strip()):
            continue  # a running page number would cut a table that continues on the next page
        found.append((b[1], 0, TextLine(text, box(b), gaps)))
    cells = {
        (t, cell.row, cell.col): group_lines([w for line in ink.cells.get((t, cell.row, cell.col), []) for w in line])
        for t, table in enumerate(tables)
        for cell in table.cells
    }
    # a page that prints numbers one digit a line (a stack read apart, joined): there a tall word of digits is a
    # stack read as one
    stacks = any(
        cell.cols == 1 and len(lines := cells[(t, cell.row, cell.col)]) > 1 and joined_digits(lines, char) is not None
        for t, table in enumerate(tables)
        for cell in table.cells
    )
    for t, table in enumerate(tables):
        rows = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
        boxes: list[list[Box | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
        for cell in table.cells:
            rows[cell.row][cell.col] = _cell_text(cells[(t, cell.row, cell.col)], char, cell.cols == 1, stacks, page)
            boxes[cell.row][cell.col] = box(cell.box)
        _name_review(table, rows, page)
        kept = [(r, b) for r, b in zip(rows, boxes, strict=True) if any(r)]
        if kept:
            item = TableRows([r for r, _ in kept], [b for _, b in kept], box(table.box), table.n_cols)
            found.append((table.box[1], 1, item))
    found.sort(key=lambda f: (f[0], f[1]))
    page.items = [item for _, _, item in found]
    return page


# table 四 of the national template: 15 columns under two heads, 行政复议 (its first 5) and 行政诉讼 (the other 10)
REVIEW_COLUMNS = 15
REVIEW_HEADS = (("行政复议", 0, 5), ("行政诉讼", 5, 10))
REVIEW_MIN_NUMBERS = 10  # of the last row's 15 cells, read as numbers
# what the engine makes of a digit under noise: a mark of one or two characters, not a word (和，, 卫, 0.; never 合计)
_UNREAD_MARK = re.compile(r"^(?![\u3400-\u9fff]{2}$).{1,2}$")
# what the tables reader anchors table 四 on (parsers.tables.review.read_review)
_REVIEW_ANCHOR = re.compile(r"行政复议|未经复议直接起诉|复议后起诉")


def _name_review(table: Table, rows: list[list[str]], page: PageLayout) -> None:
    """Table 四 known by its grid where the engine could not read its heads (bold print under toner: 行政复议 read
    币): a ruled table of the template's 15 columns, its first row two cells over its first 5 columns and its other
    10, its last row 15 cells of numbers (ten at least, the others blank or a mark of a character or two that is
    no word: a digit lost under noise), and no head read as the tables reader
    knows the table by. The first row's two cells are named by the template (行政复议, 行政诉讼), what the engine
    read there said in the page's note (``ocr_table_named``); its numbers are as read."""
    if table.n_cols != REVIEW_COLUMNS or table.n_rows < 2:
        return
    first = {(c.col, c.cols): c for c in table.cells if c.row == 0 and c.rows < table.n_rows}
    if any((col, n) not in first for _, col, n in REVIEW_HEADS):
        return
    last = [c for c in table.cells if c.row + c.rows == table.n_rows]
    if len(last) != REVIEW_COLUMNS or any(c.rows != 1 or c.cols != 1 for c in last):
        return
    values = [rows[-1][c] for c in range(REVIEW_COLUMNS)]
    numbers = sum(1 for v in values if NUMBER_CELL.match(v))
    # the row of numbers: two thirds of its cells read as numbers at least, the others blank or a mark the engine
    # made of a digit under noise (the tables reader leaves such a cell blank, and says so)
    unread = (v and not NUMBER_CELL.match(v) and not _UNREAD_MARK.match(v) for v in values)
    if numbers < REVIEW_MIN_NUMBERS or any(unread):
        return
    if any(_REVIEW_ANCHOR.search(text) for row in rows[:-1] for text in row):
        return
    read = " / ".join(repr(rows[0][col]) for _, col, _ in REVIEW_HEADS)
    names = " / ".join(name for name, _, _ in REVIEW_HEADS)
    for name, col, _ in REVIEW_HEADS:
        rows[0][col] = name
    page.named.append(
        f"a ruled table of 15 columns under two heads over 5 and 10 of them, its last row 15 cells of numbers "
        f"({numbers} of them read as numbers; table 四's grid), its heads read {read}: named {names} by the template"
    )


# ------------------------------------------------------------------------------------------------ emitting
def _is_fragment(prev: list[str], row: list[str]) -> bool:
    """Is ``row`` (first on a page) the rest of ``prev`` (last on the page before), cut by the page break?
    Only when it holds no number, and text only in columns where ``prev`` has text that is no number."""
    if len(prev) != len(row) or not any(row) or any(NUMBER_CELL.match(c) for c in row if c):
        return False
    return all(not c or (p and not NUMBER_CELL.match(p)) for p, c in zip(prev, row, strict=True))


def _same_table(a: TableRows, b: TableRows, width: float) -> bool:
    tolerance = width * 0.02
    return a.n_cols == b.n_cols and abs(a.box[0] - b.box[0]) < tolerance and abs(a.box[2] - b.box[2]) < tolerance


class _Emitter(PageWriter[TextLine, PageLayout, TableRows]):
    table_class = TableRows

    def __init__(self, tb: TextBuilder) -> None:
        super().__init__(tb)
        self.left = 0.0
        self.right = 0.0

    def continues(self, line: TextLine, page: PageLayout, *, first_on_page: bool) -> bool:
        if self.para_end is None:
            return False
        prev, prev_page = self.para_end
        if prev.gaps or line.gaps or HEADING.match(line.text):
            return False
        full = prev.box[2] >= self.right - 2.5 * prev_page.char
        flush = line.box[0] <= self.left + 0.8 * page.char
        if not (full and flush):
            return False
        if prev_page is page:
            return 0 <= line.box[1] - prev.box[3] < (prev.box[3] - prev.box[1]) * 1.5
        return first_on_page

    def add_table(self, table: TableRows, page: PageLayout, *, first_on_page: bool) -> None:
        self.flush_para()
        rows: list[tuple[list[str], Boxes]] = list(zip(table.rows, table.boxes, strict=True))
        continues = self.table is not None and first_on_page and _same_table(self.table, table, page.width)
        if not continues:
            self.start_table([r for r, _ in rows[:3]])
        else:
            while rows and rows[0][0] in self.header:  # header rows repeated on the new page
                rows = rows[1:]
            if rows and self.pending is not None and _is_fragment(self.pending[0], rows[0][0]):
                self.join_pending(rows[0][0])
                rows = rows[1:]
        self.add_rows(table, rows, page.number)


def emit(pages: list[PageLayout], tb: TextBuilder) -> None:
    """Write the pages, in order, into ``tb``."""
    emitter = _Emitter(tb)
    lines = [item for page in pages for item in page.items if isinstance(item, TextLine)]
    if lines:
        lefts = sorted(line.box[0] for line in lines)
        rights = sorted(line.box[2] for line in lines)
        emitter.left = lefts[len(lefts) // 10]  # the body's edges, past a stray mark or two
        emitter.right = rights[-1 - len(rights) // 10]
    emitter.write(pages, lambda page: page.items)

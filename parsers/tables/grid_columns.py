"""A row of table 三 short of values, placed by the grid columns its table's whole rows print their values in, in
the parser's own OCR of a ruled table (a scan), or its own PDF reader's (the same fields: see below).

The OCR reader prints each cell of a table's ruled grid as a TAB field, a blank cell (or one whose digit the
engine lost) as an empty field (``parsers/ocr/layout.py``). A scan whose rules are faint, broken or skewed gives a
grid of more lines than the table has columns (rules found twice, a rule drawn apart from the one above it):
every row still prints one field a grid column, but the applicant columns' values stand in fields other than the
last seven (``0 | | 0 | 0 | 0 | | 0 | 0 | | 2 |``), and a row short of values had no reading by position: its
values were fitted to the columns by order alone, a value after a lost cell one column early.

Within one grid (the lines of one TAB run that print as many fields) a row whose every value and unreadable
cell stands in the fields where the nearest whole row above it or below it (one that prints exactly the seven
values, each alone in a field, and no other text after its label) prints its values is read by those fields:
each value the column of its field, the fields it leaves empty blank. Where the whole rows above and below
print their values in different fields and the row fits both, with its values in other columns, there are two
placements: none is taken. Nor is a grid where a value's cell reaches past the whole row's cell of its field
(a cell over several columns, a rule lost inside the row, prints its text in its first field). A grid's rules
lost in some rows only (a skewed page) give the rows above and below a change different fields: the nearest
whole rows are the row's own grid.

The parser's PDF reader prints a ruled table the same way (one field a grid column, found from every row's cells):
a PDF whose header cells stand over two grid columns each (Chromium's 2019 table 三, a report whose cells are
printed empty) prints each row's values in every other field, an empty field between them, and a row short of a
value by order or right-aligned reads the values after its empty cell a column early (a 0 in the cell the report
left blank). There too a short row is read by its whole rows' fields, and a row right-alignment reads otherwise than
those fields is read by them (:func:`off_grid_columns`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, IS_VALUE, LINE, START, TABBED, TEXT, Token

REACH = 12  # lines searched above and below a row for a whole row of its grid


def own_grid(r: Reading) -> bool:
    """Whether the text's TAB rows are the parser's own reading of a page's ruled grid: its OCR of a scan, or its PDF
    reader's tables (pdfplumber's rules for finding a table: one field a grid column, a cell over several columns
    printing its text in its first field and empty fields after it; Chromium's 2019 table 三, its header cells
    over two columns each, prints its values in every other field). A converter's text is no such grid."""
    return r.extracted.ocr or r.extracted.kind == "pdf"


def _line(tokens: Sequence[Token], line: int) -> list[Token]:
    lo = bisect.bisect_left(tokens, line, key=lambda t: t[LINE])
    hi = bisect.bisect_right(tokens, line, lo, key=lambda t: t[LINE])
    return list(tokens[lo:hi])


def _width(cells: Sequence[Token]) -> int:
    return max(t[COL] for t in cells) + 1 if cells and all(t[TABBED] for t in cells) else 0


def whole_row_fields(cells: Sequence[Token], n: int) -> tuple[int, ...] | None:
    """The fields a whole row prints its ``n`` values in: exactly ``n`` values, each alone in its field, and no
    other text after the first of them (None: no whole row)."""
    values = [t for t in cells if t[TEXT] and t[IS_VALUE]]
    if len(values) != n:
        return None
    fields = tuple(t[COL] for t in values)
    if len(set(fields)) != n or any(t[TEXT] and not t[IS_VALUE] and t[COL] >= fields[0] for t in cells):
        return None
    return fields


def _nearest_whole(
    tokens: Sequence[Token], line: int, width: int, step: int, n: int
) -> tuple[tuple[int, ...], list[Token]] | None:
    """The fields of the nearest whole row of ``line``'s grid, walking ``step`` (-1 up, +1 down) over the lines of
    the same TAB run and width, and that row's cells."""
    at = line
    for _ in range(REACH):
        at += step
        cells = _line(tokens, at)
        if _width(cells) != width:
            return None  # the run (or the grid) ends: a blank line, a paragraph, another grid
        if (fields := whole_row_fields(cells, n)) is not None:
            return fields, cells
    return None


def _wider(r: Reading, vals: Sequence[Token], whole: Sequence[Token]) -> bool:
    """A value's grid cell reaches past the whole row's cell of its field by half that cell's width or more on a
    side (their boxes, where the reader gave them): a cell over several columns (a rule the scan lost inside the
    row), whose text stands in its first field, not in the column it prints under."""
    boxes = {t[COL]: b for t in whole if t[TEXT] and (b := r.where(t).box) is not None}
    for t in vals:
        if (b := r.where(t).box) is None or (w := boxes.get(t[COL])) is None:
            continue
        half = (w[2] - w[0]) / 2
        if b[0] < w[0] - half or b[2] > w[2] + half:
            return True
    return False


def _placed(
    cells: Sequence[Token], vals: Sequence[Token], fields: tuple[int, ...]
) -> tuple[tuple[int, ...], list[Token]] | None:
    """Each of ``vals``' column under ``fields`` (its position there), and the unreadable cells (text in a field
    of ``fields``); None unless the row's label (its first text) stands before ``fields``, and every value and
    word after it in a field of ``fields``, one a field, the values those of ``vals``."""
    label = [t for t in cells if t[TEXT]][:1]
    if not label or label[0][IS_VALUE] or label[0][COL] >= fields[0]:
        return None
    where: list[int] = []
    values: list[Token] = []
    unreadable: list[Token] = []
    for t in cells:
        if not t[TEXT] or t[COL] < fields[0]:
            continue
        if t[COL] not in fields:
            return None
        if t[IS_VALUE]:
            where.append(fields.index(t[COL]))
            values.append(t)
        else:
            unreadable.append(t)
    if (
        values != list(vals)
        or len(set(where)) != len(where)
        or any(t[COL] in (v[COL] for v in values) for t in unreadable)
    ):
        return None
    return tuple(where), unreadable


def by_grid_columns(r: Reading, vals: Sequence[Token], n: int) -> tuple[list[Token | None], list[Token]] | None:
    """``vals`` (a row's values, fewer than ``n``, on one TAB line of the parser's own grid: :func:`own_grid`)
    placed by the fields of the nearest whole rows of their grid (see the module's docstring), and the row's
    unreadable cells; None where no whole row of the grid takes the row, or the rows above and below place it
    apart."""
    if not own_grid(r) or not 1 <= len(vals) < n or not all(t[TABBED] for t in vals):
        return None
    line = vals[0][LINE]
    if any(t[LINE] != line for t in vals):
        return None
    tokens = r.tokens
    cells = _line(tokens, line)
    width = _width(cells)
    if not width:
        return None
    placements: set[tuple[int, ...]] = set()
    unreadable: list[Token] = []
    for step in (-1, 1):
        whole = _nearest_whole(tokens, line, width, step, n)
        if whole is None or (placed := _placed(cells, vals, whole[0])) is None or _wider(r, vals, whole[1]):
            continue
        placements.add(placed[0])
        unreadable = placed[1]
    if len(placements) != 1:
        return None
    (where,) = placements
    laid: list[Token | None] = [None] * n
    for t, c in zip(vals, where, strict=True):
        laid[c] = t
    return laid, unreadable


def off_grid_columns(r: Reading, vals: Sequence[Token], row: Sequence[Token | None], n: int) -> bool:
    """Whether ``row`` (``vals``, a row short of values, read right-aligned with the columns: its TAB line's last
    ``n`` fields) puts a value in another column than the fields of its grid's nearest whole rows do
    (:func:`by_grid_columns`): a grid of more fields than columns (the parser's own PDF reader, a cell over two
    grid columns printing an empty field the whole rows print too) whose short row right-alignment reads a column
    off. The row is then placed by the whole rows' fields, or left to the identities. The PDF reader's text only:
    a scan's short rows are left as version 310 read them (not measured on scans)."""
    if r.extracted.ocr or (grid := by_grid_columns(r, vals, n)) is None:
        return False
    placed = [t[START] if t is not None and t[TEXT] else None for t in row]
    return placed != [t[START] if t is not None else None for t in grid[0]]

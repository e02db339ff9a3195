"""A table 三 row whose numbers a narrow cell broke over two lines, in a text that prints the page's lines without
positions (pdfplumber, pdfplumber's layout mode, markitdown's PDF text).

Chromium's ``word-break: break-all`` breaks a number too wide for its cell over two lines (``1`` / ``0`` for 10).
The row's one-line cells stand vertically centred, between the broken cells' two lines, so a text that prints the
page line by line prints the broken numbers' first pieces on the line above the row's other cells and their last
pieces on the line below (``1 1`` / ``一、本年新收… 0 2 0 0 0`` / ``0 2`` for 10 0 2 0 0 0 12); a label wrapped over
two lines prints its pieces beside them (``一、本年 56 58`` / ``0 0 0 14 0`` / ``新收… 6 0``). Read as printed, the
pieces are numbers of their own: ``0 2 0 0 0 0 2`` even holds the row total.

Here the row's values are consecutive lines, one of them the row's other cells (``n - m``), the lines above it and
the lines below it as many values (``m``) in all, all digits (poppler's default mode prints each piece a line:
``1`` / ``1`` / ``0 2 0 0 0`` / ``0`` / ``2``); the first line may be the line right above the row's
label, when no other row printed it, and the first two where the label found is the last line (its first piece
unrecognised). The ``i``-th piece above and the ``i``-th below make the ``i``-th broken number
(no number starts with 0); which columns the broken numbers are is not in the text: every placement (the middle
cells in their order, the broken ones in theirs) is a box order of :mod:`parsers.tables.broken_boxes`."""

from __future__ import annotations

import itertools
import re
from typing import Any

from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

MAX_LINES = 7  # the row's lines at most: its cells' line and three broken numbers' pieces a line each on each side


def stacked_boxes(vals: list[Token], above: list[Token], n: int) -> list[list[Token]] | None:
    """The row's boxes (:func:`parsers.tables.broken_boxes.box_orders`' form: the middle line's cells one box each,
    then each broken number's two pieces as one box), from its values ``vals`` in the text's order and ``above``,
    the value tokens of the two lines right above its label's line that no other row read (empty where there are
    none).
    None where the row is not printed so."""
    if not vals or not all(t[TEXT].isdigit() for t in (*vals, *above)):
        return None
    lines = by_line(vals)
    label_line = lines[0][0][LINE]
    before: list[list[Token]] = [[t for t in above if t[LINE] == label_line - k] for k in (2, 1)]
    if len(lines) == 2 and before[1]:
        lines.insert(0, before[1])
    elif len(lines) == 1 and before[0] and before[1]:
        lines[:0] = before  # the label's first line not found: the row's first two lines above its label's rest
    if not 3 <= len(lines) <= MAX_LINES or any(b[0][LINE] != a[0][LINE] + 1 for a, b in itertools.pairwise(lines)):
        return None
    shapes = [
        (top, lines[j], bottom)
        for j in range(1, len(lines) - 1)
        if len(top := [t for ln in lines[:j] for t in ln]) == len(bottom := [t for ln in lines[j + 1 :] for t in ln])
        and len(top) + len(lines[j]) == n
    ]
    if len(shapes) != 1:
        return None
    top, middle, bottom = shapes[0]
    if any(t[TEXT].startswith("0") for t in top):
        return None  # a broken number's first piece: no number starts with 0
    return [[t] for t in middle] + [[a, b] for a, b in zip(top, bottom, strict=True)]


def by_line(tokens: list[Token]) -> list[list[Token]]:
    """Tokens in the text's order, grouped by the line they print on (a group for each run of one line)."""
    lines: list[list[Token]] = []
    for t in tokens:
        if lines and lines[-1][0][LINE] == t[LINE]:
            lines[-1].append(t)
        else:
            lines.append([t])
    return lines


def end_values(tokens: list[Token]) -> list[Token]:
    """The value tokens a line prints after all of its other text (a label's piece, a group heading): the pieces a
    broken number's first line may print beside a wrapped label."""
    out: list[Token] = []
    for t in tokens:
        if not t[TEXT]:
            continue
        if t[IS_VALUE]:
            out.append(t)
        elif out:
            return []
    return out


def shared_cells(vals: list[Token]) -> bool:
    """Whether two of the values print in one cell of a TAB row (markitdown's pipe cells over several columns:
    ``| 0 2 | 0 0 0 |``): the row's cells are then no columns."""
    seen: set[tuple[int, int]] = set()
    # each token read as an object, three fields looked up: a loop over ``list[Token]`` compiled by mypyc copies
    # every token's 15 fields out of its tuple (about 8 k instructions a call, s44), for the three it reads here
    boxed: list[Any] = vals
    for t in boxed:
        if t[TABBED]:
            if (t[LINE], t[COL]) in seen:
                return True
            seen.add((t[LINE], t[COL]))
    return False


MAX_BELOW = 2  # pieces on the line below the row's cells, at most


def pieces_below(cells: list[Token], below: list[Token], n: int, text: str = "") -> list[list[Token]] | None:
    """Each reading of a row whose ``n`` cells print on one line, their total failing, and the last pieces of one
    or two numbers broken over two lines on the next line, alone or after the rest of a wrapped label (pypdf's
    layout mode prints a cell's first line on the row's: ``一、本年 56 0 0 0 14 0 58`` / ``新收… 6 0`` for 566 … 580):
    every choice of the cells the pieces complete (in their order, no number starting with 0) whose row total
    holds. Where the cells' total holds by chance (``13 0 0 0 0 0 13`` / ``公开申请数量 8 8`` for 138 … 138), the
    one reading :func:`stacked_under` finds in ``text`` (the text the tokens' offsets are in), if any. None where
    the row is not so printed."""
    if len(cells) != n or not below or len(below) > MAX_BELOW:
        return None
    if not all(t[TEXT].isdigit() for t in (*cells, *below)) or len({t[LINE] for t in cells}) != 1:
        return None
    if any(t[LINE] != cells[0][LINE] + 1 for t in below):
        return None
    if row_total_holds([int(t[TEXT]) for t in cells]):
        under = stacked_under(text, cells, below) if text else None
        return None if under is None else [under]
    out: list[list[Token]] = []
    for at in itertools.combinations(range(n), len(below)):
        if any(cells[k][TEXT].startswith("0") for k in at):
            continue
        row = _joined(cells, at, below)
        if row_total_holds([int(t[TEXT]) for t in row]):
            out.append(row)
    return out or None


def _joined(cells: list[Token], at: tuple[int, ...], below: list[Token]) -> list[Token]:
    """``cells`` with the cells at ``at`` completed by the pieces ``below``, in order."""
    row = list(cells)
    for k, piece in zip(at, below, strict=True):
        head = cells[k]
        row[k] = token(
            head[TEXT] + piece[TEXT], head[START], piece[END], head[LINE], head[COL], head[TABBED], split=True
        )
    return row


STACKED_AT = 2  # a number's two pieces start this many characters apart at most, in a text laid out by positions


def stacked_under(text: str, cells: list[Token], below: list[Token]) -> list[Token] | None:
    """The row read with its pieces below joined where its cells' total holds without them (by chance: ``13 0 0 0 0 0
    13`` / ``公开申请数量 8 8`` for 138 0 0 0 0 0 138). pypdf's layout mode lays each text run at its horizontal
    position on a grid of characters, so the two lines of a cell start at about one column; a number broken over
    two lines beside a label wrapped over two prints its pieces on the label's two lines, the row's one-line cells
    (centred between) on the first. Here the next line prints the rest of the row's wrapped label and then the
    pieces, each starting nearest one cell's start, within :data:`STACKED_AT` characters (no TAB on either line: its
    offsets are positions), that cell no 0, and the row total holds with the pieces joined; the pieces may also
    print alone on the next line (a one-line label beside a two-line number prints with the number's first line),
    but for :func:`centred_next`. None otherwise."""
    line_start = text.rfind("\n", 0, below[0][START]) + 1
    head = text[line_start : below[0][START]]
    if any(c.isdigit() for c in head):
        return None  # the pieces print alone or after the rest of the row's label, nothing else
    if not head.strip() and centred_next(text, line_start, below):
        return None
    at = pieces_under(text, cells, below)
    if at is None:
        return None
    row = _joined(cells, tuple(at), below)
    return row if row_total_holds([int(t[TEXT]) for t in row]) else None


def pieces_under(text: str, cells: list[Token], below: list[Token]) -> list[int] | None:
    """The cells (indexes, in order) the pieces ``below`` (the next line's) start under: each the cell whose start
    is nearest the piece's, within :data:`STACKED_AT` characters, no other as near, that cell not 0 (no number
    starts with 0). None where a piece stands under no such cell, or either line prints a TAB (its offsets are no
    positions)."""
    top_start = text.rfind("\n", 0, cells[0][START]) + 1
    line_start = text.rfind("\n", 0, below[0][START]) + 1
    for a, b in ((top_start, text.find("\n", cells[-1][END])), (line_start, text.find("\n", below[-1][END]))):
        if "\t" in text[a : b if b >= 0 else len(text)]:
            return None
    at: list[int] = []
    for piece in below:
        column = piece[START] - line_start
        gaps = sorted((abs(c[START] - top_start - column), k) for k, c in enumerate(cells))
        (gap, k), second = gaps[0], gaps[1][0]
        if gap > STACKED_AT or second == gap or cells[k][TEXT].startswith("0") or (at and k <= at[-1]):
            return None
        at.append(k)
    return at


def open_below(text: str, cells: list[Token], below: list[Token]) -> list[list[Token]] | None:
    """A row whose cells print on one line and, alone on the next, pieces each under one of its cells
    (:func:`pieces_under`) that no reading took: the row read as printed and the row with the pieces joined, both
    (the caller leaves the table's identities to choose, or the cells they read apart blank). The pieces complete
    numbers broken over two lines, or are the first pieces of the next row's numbers (a number of three lines centred
    on it, :func:`centred_next`): where both readings hold the row total (``（六）其他处理 1 0 0 0 0 0 1`` / ``4 4``
    for 14 … 14 or 1 … 1), or neither does, the text does not say which. None where the pieces are not so placed,
    or only the row as printed holds its total (the pieces then are not its)."""
    if not below or len(below) >= len(cells) or len({t[LINE] for t in cells}) != 1:
        return None
    if not all(t[TEXT].isdigit() for t in (*cells, *below)) or any(t[LINE] != cells[0][LINE] + 1 for t in below):
        return None
    line_start = text.rfind("\n", 0, below[0][START]) + 1
    if any(c.isdigit() for c in text[line_start : below[0][START]]):
        return None  # the pieces print alone or after the rest of the row's label, nothing else
    at = pieces_under(text, cells, below)
    if at is None:
        return None
    joined = _joined(cells, tuple(at), below)
    if row_total_holds([int(t[TEXT]) for t in cells]) and not row_total_holds([int(t[TEXT]) for t in joined]):
        return None
    return [list(cells), joined]


_PIECES_LINE = re.compile(r" *\d+(?: +\d+)* *")


def centred_next(text: str, line_start: int, below: list[Token]) -> bool:
    """Whether pieces printed alone on a line (``below``, the line at ``line_start``) may as well be the next row's
    first pieces: the line after the next (past the next row's line) prints as many digits alone, each starting
    where one of them starts (a number of three lines centred on the next row: its first piece above the row's line,
    its last below)."""
    ends = [line_start]
    for _ in range(3):
        nl = text.find("\n", ends[-1])
        if nl < 0:
            return False
        ends.append(nl + 1)
    after_end = text.find("\n", ends[2])
    line = text[ends[2] : after_end if after_end >= 0 else len(text)]
    if not _PIECES_LINE.fullmatch(line):
        return False
    starts = [m.start() for m in re.finditer(r"\d+", line)]
    columns = [t[START] - line_start for t in below]
    return len(starts) == len(columns) and all(abs(a - b) <= STACKED_AT for a, b in zip(starts, columns, strict=True))


def centred_above(text: str, cells: list[Token], completed: list[int]) -> bool:
    """Whether the line right above a row's cells (``cells``, one line) prints pieces alone, one of them starting
    where a cell the pieces below complete (``completed``, indexes) starts (within :data:`STACKED_AT`): those
    numbers are three lines, centred on the row (their first piece above, the middle on the row's line, the last
    below: ``1 1 2`` / ``（七）总计 70 10 0 0 0 0 81`` / ``8 4 2`` for 1708 1104 … 2812), not two, and the row's
    cells and the pieces below hold a row total by chance (708 + 104 = 812)."""
    line_start = text.rfind("\n", 0, cells[0][START]) + 1
    if line_start == 0:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if not _PIECES_LINE.fullmatch(above):
        return False
    starts = [m.start() for m in re.finditer(r"\d+", above)]
    return any(abs(cells[k][START] - line_start - s) <= STACKED_AT for k in completed for s in starts)

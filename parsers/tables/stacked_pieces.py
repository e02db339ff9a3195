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


def pieces_below(cells: list[Token], below: list[Token], n: int) -> list[list[Token]] | None:
    """Each reading of a row whose ``n`` cells print on one line, their total failing, and the last pieces of one
    or two numbers broken over two lines on the next line, alone or after the rest of a wrapped label (pypdf's
    layout mode prints a cell's first line on the row's: ``一、本年 56 0 0 0 14 0 58`` / ``新收… 6 0`` for 566 … 580):
    every choice of the cells the pieces complete (in their order, no number starting with 0) whose row total
    holds. None where the row is not so printed."""
    if len(cells) != n or not below or len(below) > MAX_BELOW:
        return None
    if not all(t[TEXT].isdigit() for t in (*cells, *below)) or len({t[LINE] for t in cells}) != 1:
        return None
    if any(t[LINE] != cells[0][LINE] + 1 for t in below) or row_total_holds([int(t[TEXT]) for t in cells]):
        return None
    out: list[list[Token]] = []
    for at in itertools.combinations(range(n), len(below)):
        if any(cells[k][TEXT].startswith("0") for k in at):
            continue
        row = list(cells)
        for k, piece in zip(at, below, strict=True):
            head = cells[k]
            row[k] = token(
                head[TEXT] + piece[TEXT], head[START], piece[END], head[LINE], head[COL], head[TABBED], split=True
            )
        if row_total_holds([int(t[TEXT]) for t in row]):
            out.append(row)
    return out or None

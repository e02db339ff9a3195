"""A table 三 row whose numbers a narrow cell broke over lines, in a text that prints a cell a paragraph in the order
of the boxes' lower edges (pdfminer.six with ``boxes_flow=None``).

Chromium's ``word-break: break-all`` breaks a number too wide for its cell over two lines (``1`` / ``0`` for 10).
pdfminer makes the cell one text box of two lines; with no layout flow the boxes print by their lower edges, so a
broken cell, reaching lower than the row's other cells, prints after all of them whatever its column
(``0 0 0 0 0 29 4 29 4``: the one-line cells first, then the broken ones). Joining the pieces where the row total
holds then puts a number in another column (0 0 0 0 0 294 294 for 294 0 0 0 0 0 294). Here each broken box is put
back in every column it may stand in (the one-line cells keep their order, the broken ones theirs): every such
placement whose row total holds."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from parsers.tables.align import Value
from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import LINE, TEXT, Token

MAX_PLACEMENTS = 10_000  # placements tried at most (7 cells: 127 at most)


def broken_boxes(vals: list[Token], n: int) -> list[list[Token]] | None:
    """``vals`` (a row's values, in the text's order) as its boxes, a box a list of its tokens: tokens on
    consecutive lines make one paragraph; a paragraph of one line is a box for each of its values (pdfminer joins
    cells side by side into one line: ``0 2 0 0 0``), one of two lines or more, a value alone on each, one box (a
    cell broken over lines: ``1`` / ``0``). None where a paragraph is neither, a value is not all digits, the boxes
    are not ``n``, or no box is broken."""
    if not vals or not all(t[TEXT].isdigit() for t in vals):
        return None
    boxes: list[list[Token]] = []
    for para in paragraphs(vals):
        lines = [t[LINE] for t in para]
        if len(set(lines)) == 1:
            boxes += [[t] for t in para]
        elif len(set(lines)) == len(lines):
            boxes.append(para)
        else:
            return None
    if len(boxes) != n or all(len(b) == 1 for b in boxes):
        return None
    return boxes


def paragraphs(vals: list[Token]) -> list[list[Token]]:
    """``vals`` (values in the text's order) in paragraphs: a run of tokens on consecutive lines (no blank line
    between them)."""
    out: list[list[Token]] = [[vals[0]]] if vals else []
    for prev, t in itertools.pairwise(vals):
        if t[LINE] - prev[LINE] <= 1:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def box_orders(
    boxes: list[list[Token]], holds: Callable[[list[Value]], bool] = row_total_holds
) -> list[tuple[int, ...]] | None:
    """Where the broken boxes (of two lines or more) may stand, printed after every one-line box (pdfminer's order
    by lower edges): the orders of the boxes (indexes into ``boxes``) that keep the one-line boxes' order and the
    broken ones', whose row total holds (``holds``: table 三's row total, or table 四's three), the broken boxes
    read as their pieces joined. None where a broken box
    prints before a one-line box (no such order: the text's order is the row's) or a joined number would start
    with 0."""
    broken = [k for k, b in enumerate(boxes) if len(b) > 1]
    single = [k for k, b in enumerate(boxes) if len(b) == 1]
    if single and min(broken) < max(single):
        return None
    values = ["".join(t[TEXT] for t in b) for b in boxes]
    if any(len(values[k]) > 1 and values[k][0] == "0" for k in broken):
        return None
    n = len(boxes)
    out: list[tuple[int, ...]] = []
    for at in itertools.combinations(range(n), len(broken)):
        order: list[int] = []
        b = iter(broken)
        s = iter(single)
        for pos in range(n):
            order.append(next(b) if pos in at else next(s))
        if holds([int(values[k]) for k in order]):
            out.append(tuple(order))
        if len(out) > MAX_PLACEMENTS:
            break
    return out

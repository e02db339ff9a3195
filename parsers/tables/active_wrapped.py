"""Table 二's numbers broken over two lines in narrow cells, their rest on the line under the row's, under them.

Chromium prints every cell of a narrow table ``break-all``: a number wider than its cell breaks, its first line as
wide as the cell, the rest on the next line. A text laid out in columns (pypdf's layout mode) prints the row's cells'
first lines on the label's line and the rest under them, on the line that prints the rest of the wrapped label, if
any::

    行政处   16
      罚    3

    政府集中采购     1  21.
                  15

for 行政处罚 163 and 政府集中采购 1 21.15. Read as the row's line alone, the first lines were the cells (16), or the
piece under an amount cut at its point was taken for it (15). :func:`wrapped_under` reads each piece on the next
line (within the row: before the next row's label) that starts under one of the row's cells as that cell's number's
rest, where the row's line prints exactly its cells, each piece prints under a cell's first line no narrower than
the piece (a broken number's first line fills its cell), no number then starts with 0 and only the label's rest
prints before the pieces. Table 二 has no identity to confirm it: said ``merged_digits`` (a guess).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

_FIRST = re.compile(r"[1-9]\d*\.?|0\.")  # a broken number's first line: digits, or digits and its point
_REST = re.compile(r"\d+(?:\.\d+)?")  # its rest
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


def _column(r: Reading, offset: int) -> int:
    """The column (in characters) of a text offset within its line."""
    return offset - r.text.rfind("\n", 0, offset) - 1


def wrapped_under(
    r: Reading, i: int, stop: int, line: Sequence[Token], n: int
) -> tuple[list[Token], list[tuple[Token, Token]]] | None:
    """The row whose label is token ``i`` (its tokens up to ``stop``, ``line`` its cells on the label's line) read
    with the pieces under its cells joined to them (see the module's doc): its ``n`` cells and the (first line, piece)
    pairs joined; None where the text does not print exactly that."""
    cells = [t for t in line if t[TEXT]]
    if len(cells) != n or not cells:
        return None
    row_line = cells[0][LINE]
    if any(t[LINE] != row_line or not (t[IS_VALUE] or _FIRST.fullmatch(t[TEXT])) for t in cells):
        return None
    below = [t for t in r.tokens[i + 1 : stop] if t[LINE] == row_line + 1 and t[TEXT]]
    pieces = [t for t in below if _REST.fullmatch(t[TEXT])]
    if not pieces or any(t[IS_VALUE] for t in below if not _REST.fullmatch(t[TEXT])):
        return None
    if below[-len(pieces) :] != pieces:
        return None  # text after a piece: no rest of a cell
    if r.printed(row_line + 1) != below:
        return None  # the line prints tokens past the row's (the next row's label)
    spans = [(_column(r, t[START]), _column(r, t[START]) + len(t[TEXT])) for t in cells]
    out = list(cells)
    joins: list[tuple[Token, Token]] = []
    taken: set[int] = set()
    for p in pieces:
        at = _column(r, p[START])
        under = [k for k, (a, b) in enumerate(spans) if a - 1 <= at < b]
        if len(under) != 1 or under[0] in taken:
            return None
        k = under[0]
        first = cells[k]
        joined = first[TEXT] + p[TEXT]
        if not _FIRST.fullmatch(first[TEXT]) or len(p[TEXT]) > len(first[TEXT]) or not _NUMBER.fullmatch(joined):
            return None
        taken.add(k)
        out[k] = token(joined, first[START], p[END], first[LINE], first[COL], first[TABBED], split=True)
        joins.append((first, p))
    if any(not t[IS_VALUE] for t in out):
        return None  # a cut number left without its rest
    return out, joins

"""Table 四's numbers broken over two lines in narrow cells, their last pieces alone on the line under its row.

Chromium prints every cell of a narrow table ``break-all``: a number wider than its cell breaks, its first line as
wide as the cell (``1`` of 11 in a cell one digit wide), the rest on the next line. A text laid out in columns
(pypdf's layout mode) prints table 四's one row with every cell's first line, and the rest of the broken numbers alone
on the line under it::

    0  0  0  0  0  0  1  0  0  1  1  1  1  0  3
                      1              1

for 0 0 0 0 0 0 11 0 0 11 1 1 1 0 3. Read as values, the row has more than its 15 cells, and the identities dropped
the pieces (``extra_values``: 1 read for 11, its total 1 holding as well). pypdf lays a line of a few pieces on a
scale of its own (6010: ``0`` and ``8`` of 10 and 18 print 3 characters left of the cells they complete), so their
columns place them only roughly.

:func:`pieces_below` reads each piece as the end of one of the row's numbers, in the row's order (the first piece
ends an earlier cell than the second), never after a 0 (no number starts with 0) nor after a first line narrower than
the piece (a broken number's first line fills its cell): every such placement whose three row totals hold is a
reading. Where one holds, it is read; where several do, the one whose pieces print nearest the cells they complete (the
sum of the distances in characters) where one is nearest; else the cells they read alike, the others blank. Said
``merged_digits`` (a guess) or ``placement_open``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from parsers.tables.align import Value
from parsers.tables.read_alike import read_placements
from parsers.tables.reading import Reading
from parsers.tables.stacked_pieces import by_line
from parsers.tables.tokens import COL, END, IS_NUMBER, LINE, START, TABBED, TEXT, Token, number_value, token

MAX_PIECES = 4  # pieces on the line under the row at most
_PIECES = (
    "numbers broken over two lines in narrow cells print their first lines among the row's cells and their rest "
    "alone on the line under it (pieces joined)"
)


def _column(r: Reading, t: Token) -> int:
    """The column (in characters) of a token within its line."""
    return t[START] - r.text.rfind("\n", 0, t[START]) - 1


def _joined(first: Token, piece: Token) -> Token:
    return token(
        first[TEXT] + piece[TEXT], first[START], piece[END], first[LINE], first[COL], first[TABBED], split=True
    )


def _takes(first: Token, piece: Token) -> bool:
    """``piece`` may end the number whose first line prints ``first``: no number starts with 0, and a broken number's
    first line fills its cell (no narrower than its rest), without a point or a sign in either."""
    a, b = first[TEXT], piece[TEXT]
    return a.isdigit() and b.isdigit() and a != "0" and len(b) <= len(a)


def pieces_below(
    r: Reading, vals: list[Token], n: int, holds: Callable[[list[Value]], bool], key: str
) -> list[Token | None] | None:
    """Table 四's row of ``n`` cells printed as exactly ``n`` values on one line and one to :data:`MAX_PIECES` pieces
    alone on the line under it (see the module's doc): the reading, or the cells the readings read alike (warned
    on ``r``); None where the row is not so printed or no placement holds its totals."""
    lines = by_line(vals)
    if len(lines) != 2 or len(lines[0]) != n or not 1 <= len(lines[1]) <= MAX_PIECES:
        return None
    row, pieces = lines
    if pieces[0][LINE] != row[0][LINE] + 1 or any(not t[IS_NUMBER] for t in vals):
        return None
    # only the pieces print on their line (no label, no other text)
    if r.printed(pieces[0][LINE]) != pieces:
        return None
    at = [_column(r, t) for t in row]
    readings: list[tuple[int, list[Token]]] = []
    for cells in itertools.combinations(range(n), len(pieces)):
        if not all(_takes(row[c], p) for c, p in zip(cells, pieces, strict=True)):
            continue
        toks = list(row)
        for c, p in zip(cells, pieces, strict=True):
            toks[c] = _joined(row[c], p)
        if holds([number_value(t[TEXT]) for t in toks]):
            far = sum(abs(_column(r, p) - at[c]) for c, p in zip(cells, pieces, strict=True))
            readings.append((far, toks))
    if not readings:
        return None
    printed = " / ".join(" ".join(t[TEXT] for t in ln) for ln in lines)
    nearest = min(far for far, _ in readings)
    best = [toks for far, toks in readings if far == nearest]
    why = (
        "the one placement whose totals hold"
        if len(readings) == 1
        else f"of {len(readings)} placements holding its totals the one whose pieces print nearest their cells"
    )
    return read_placements(
        r, best, n, key, pieces[0], printed, _PIECES, why=why, alike=", their pieces as near their cells"
    )

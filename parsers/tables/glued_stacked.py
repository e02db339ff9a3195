"""Table 三 read line by line in the template's order (:func:`parsers.tables.merged_rows.fits_by_order`): a row's
line a run short, two of its cells glued where their columns are too narrow for a space, and a number broken over
lines in its narrow cell printing its other piece on the line right above or below (pypdf's layout mode of narrow
print)::

    一、本年新收政                     13
    府信息公开申请   1310  0   0   0  0 1

for 131 0 0 0 0 0 131. Laid as a row of cells that hold two columns (:mod:`parsers.tables.merged_columns`) it read
1310 … 1, its row total failing, the piece above dropped. :func:`glued_stacked` reads such a row: every split of its
runs between their digits (:func:`parsers.tables.glued_pieces.glued_splits`), with and without the pieces of the
lines right above and below it (lines of 1 to :data:`parsers.tables.stacked_lines.MAX_PIECES` numbers, alone or
after a label's text, next to no other data line), each piece joined to the cell whose centre is nearest its own
(pypdf centres a cell's lines; one cell nearest, within :data:`parsers.tables.stacked_pieces.STACKED_AT`), no number
then starting with 0; read where exactly one reading holds the row total and it takes the pieces. Said
``merged_digits`` (a guess the row total confirms).
"""

from __future__ import annotations

import itertools

from parsers.tables.glued_pieces import MAX_SPLITS, glued_splits
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_lines import pieces_of
from parsers.tables.stacked_pieces import STACKED_AT
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token


def _centre(text: str, t: Token) -> float:
    return (t[START] + t[END]) / 2 - text.rfind("\n", 0, t[START]) - 1


def _joined(text: str, cells: list[Token], above: list[Token], below: list[Token]) -> list[Token] | None:
    """The row with each piece joined to the cell it is centred nearest (above: before its digits; below: after);
    None where a piece has no one nearest cell within reach, two pieces of a line share a cell or go out of order, a
    number would start with 0, or the row total fails."""
    centres = [_centre(text, c) for c in cells]
    first: dict[int, Token] = {}
    last: dict[int, Token] = {}
    for pieces, into in ((above, first), (below, last)):
        prev = -1
        for p in pieces:
            gaps = sorted((abs(c - _centre(text, p)), k) for k, c in enumerate(centres))
            (gap, k), second = gaps[0], gaps[1][0]
            if gap > STACKED_AT or second == gap or k <= prev:
                return None
            into[k] = p
            prev = k
    row = list(cells)
    for k, c in enumerate(cells):
        head, tail = first.get(k), last.get(k)
        if head is None and tail is None:
            continue
        digits = (head[TEXT] if head else "") + c[TEXT] + (tail[TEXT] if tail else "")
        if digits.startswith("0"):
            return None
        row[k] = token(digits, (head or c)[START], (tail or c)[END], c[LINE], c[COL], c[TABBED], split=True)
    return row if row_total_holds([int(t[TEXT]) for t in row]) else None


def glued_stacked(
    text: str, lines: dict[int, list[Token]], line: int, data_lines: set[int], n: int
) -> tuple[list[Token], str] | None:
    """The row whose line is ``line`` (``lines``: the table's tokens by line; ``data_lines``: the lines of its rows),
    read as the module says: its cells and how they print; None where the text does not settle one reading."""
    toks = lines[line]
    runs = [t for t in toks if t[IS_VALUE]]
    m = len(runs)
    if not 0 < m < n or toks[-m:] != runs or not all(t[TEXT].isdigit() for t in runs):
        return None
    near: dict[int, list[Token]] = {}
    for d in (-1, 1):
        other = lines.get(line + d)
        if not other or line + d in data_lines or line + 2 * d in data_lines:
            continue  # no line of pieces, or one that another row's line could take as well
        if (pieces := pieces_of(text, other)) is not None:
            near[d] = pieces
    if not near:
        return None
    readings: dict[tuple[str, ...], tuple[list[Token], dict[int, list[Token]]]] = {}
    for use in itertools.product(*([False, True] for _ in near)):
        picked = {d: p for (d, p), u in zip(near.items(), use, strict=True) if u}
        above, below = picked.get(-1, []), picked.get(1, [])
        for cells in itertools.islice(glued_splits(runs, n), MAX_SPLITS):
            if (row := _joined(text, cells, above, below)) is not None:
                readings.setdefault(tuple(t[TEXT] for t in row), (row, picked))
        if len(readings) > 1:
            return None
    if len(readings) != 1:
        return None
    ((row, took),) = readings.values()
    if not took:
        return None  # the row holds as printed, its pieces dropped: not this shape
    parts = [took.get(-1, []), runs, took.get(1, [])]
    printed = " / ".join(" ".join(t[TEXT] for t in part) for part in parts if part)
    return row, printed

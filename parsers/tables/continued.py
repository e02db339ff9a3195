"""A table row whose cells OCR printed on two lines: the cells a little lower than the rest (a page turned in the
scanner, a cell's text set lower) come out as a line of their own under the row, their places in the row left
as gaps (``76 29 21 12 138 13   4 11 32 13   0 11 24`` and below it ``4   0``).

Read in order, the lower line's numbers would land in the row's last cells. Instead they are put back into the
row's gaps (a gap about twice the row's pitch lost one cell), in order, when the gaps account for exactly
those numbers and the row totals then hold; reported ``row_continued`` with what was moved (a guess the
identities confirm). Otherwise nothing is changed here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from parsers.tables.align import Value
from parsers.tables.tokens import LINE, START, TEXT, Token, number_value

MAX_CONTINUED = 4  # numbers on the lower line, at most (each one multiplies the slottings tried)


def continued_row(
    vals: Sequence[Token], n: int, holds: Callable[[list[Value]], bool]
) -> tuple[list[Token | None], str] | None:
    """``vals`` (``n`` numbers on two lines: the row's line, then a short line under it): the row with the lower
    line's numbers put into its gaps, when ``holds`` (the row totals) is then true, and a description; None when
    the values are not so laid out, when they hold in order already, when the row's gaps do not say where
    they go, or when the row totals do not hold once they are there."""
    if len(vals) != n or len({t[LINE] for t in vals}) != 2:
        return None
    first = vals[0][LINE]
    main = [t for t in vals if t[LINE] == first]
    lower = [t for t in vals if t[LINE] != first]
    if not 0 < len(lower) <= MAX_CONTINUED or len(main) < len(lower) or vals[: len(main)] != main:
        return None
    if holds([number_value(t[TEXT]) for t in vals]):
        return None  # read in order, the row holds: nothing to put back
    slots = _gaps(main, len(lower))
    if slots is None:
        return None
    row: list[Token | None] = []
    lower_left = iter(lower)
    for k, tok in enumerate(main):
        row.append(tok)
        row.extend(next(lower_left) for _ in range(slots[k]))
    if not holds([number_value(t[TEXT]) if t is not None else None for t in row]):
        return None
    moved = {id(t) for t in lower}
    where = [i + 1 for i, t in enumerate(row) if id(t) in moved]
    printed = " ".join(t[TEXT] for t in lower)
    return (
        row,
        f"{printed} printed on a line under the row, read into its cells {where} "
        "(where the row leaves gaps; its totals then hold)",
    )


def _gaps(main: list[Token], k: int) -> list[int] | None:
    """How many lost cells sit after each of the row's printed numbers: the row's pitch is its usual distance
    from a number's start to the next one's; a gap of about twice that lost one cell (three times: two). None
    unless the gaps account for exactly ``k`` lost cells (a lost last cell leaves no gap: not placed)."""
    starts = [t[START] for t in main]
    steps = [b - a for a, b in itertools.pairwise(starts)]
    if len(steps) < 3 or any(t[LINE] != main[0][LINE] for t in main):
        return None
    pitch = sorted(steps)[len(steps) // 2]
    if pitch <= 0:
        return None
    lost = [max(0, round(step / pitch) - 1) for step in steps] + [0]
    return lost if sum(lost) == k else None

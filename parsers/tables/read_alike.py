"""A row's cells where several placements of its broken numbers' pieces hold its totals: the cells they read alike.

Numbers broken over lines in narrow cells (:mod:`parsers.tables.centred_pieces`, :mod:`parsers.tables.review_pieces`)
leave pieces whose columns the text does not always say: each placement of them whose totals hold is a reading. Where
there is one, it is read (``merged_digits``, a guess); where there are several, the cells every reading reads alike
are read and the others left blank (``placement_open``)."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import TEXT, Token


def cells_read_alike(readings: Sequence[Sequence[Token]], n: int) -> list[Token | None]:
    """The ``n`` cells of a row its ``readings`` (one or more) all read alike, each the first reading's token; None
    where two readings read a cell differently."""
    first = readings[0]
    return [first[c] if all(x[c][TEXT] == first[c][TEXT] for x in readings) else None for c in range(n)]


def read_placements(
    r: Reading,
    readings: Sequence[Sequence[Token]],
    n: int,
    key: str,
    at: Token,
    printed: str,
    what: str,
    *,
    why: str = "the one placement whose totals hold",
    alike: str = "",
) -> list[Token | None]:
    """The row ``key`` of ``n`` cells read from its ``readings`` (one or more, their totals holding), warned on ``r``
    at token ``at``: the one reading (``merged_digits``, ``why`` it is the one), or the cells they read alike, the
    others blank (``placement_open``; ``alike``: what else the readings share, said after their count). ``printed``:
    the row as the text prints it; ``what``: how its numbers are printed."""
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"{key}: {printed}: {what}; read as {' '.join(t[TEXT] for t in readings[0])}, {why} (a guess)",
            key,
            at,
        )
        return list(readings[0])
    same = cells_read_alike(readings, n)
    r.warn(
        "placement_open",
        f"{key}: {printed}: {what}, and which columns they are is not in the text: {len(readings)} placements hold "
        f"its totals{alike}; the cells they read alike are read, the others left blank",
        key,
        at,
    )
    return same

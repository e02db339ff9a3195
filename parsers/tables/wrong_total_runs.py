"""A table 三 row printed as a run of digits (cells glued: BeautifulSoup's ``get_text()`` with no separator) whose
published 总计 is wrong, so that no split of the run holds the row total (``8555200229211166``: 855 52 0 0 229 21
and a published 1166 where the six add up to 1157).

The table's other identities still decide such a run: each column's cell of （七）总计 is the sum of the result rows
above it, and 一 + 二 = （七） + 四 in each column. Every split of the run is tried (no number but 0 starting with
0), jointly with the other runs' splits, against every identity but those through one cell of the row (the
published cell that is wrong), for each cell in turn. The split is taken only where exactly one reading of all the
runs holds so; the identities through the wrong cell then fail and are reported, as in any report that publishes a
wrong total.
"""

from __future__ import annotations

import itertools
import math

from parsers.tables.align import Value
from parsers.tables.solve import Cell, Identity, choose_rows

MAX_SPLITS = 20_000  # splits of one run tried at most (16 digits into 7 cells: 5,005); a longer run is left as it is


def every_split(digits: str, n: int) -> list[tuple[int, ...]] | None:
    """Every split of ``digits`` into ``n`` numbers, none but 0 starting with 0; None when there are more than
    :data:`MAX_SPLITS` cuts to try."""
    if len(digits) < n or math.comb(len(digits) - 1, n - 1) > MAX_SPLITS:
        return None
    out: list[tuple[int, ...]] = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        pieces = [digits[a:b] for a, b in itertools.pairwise((0, *cuts, len(digits)))]
        if all(len(p) == 1 or p[0] != "0" for p in pieces):
            out.append(tuple(int(p) for p in pieces))
    return out


def one_cell_off(
    row: int,
    splits: list[tuple[Value, ...]],
    candidates: dict[int, list[tuple[Value, ...]]],
    known: dict[Cell, Value],
    identities: list[Identity],
    n_cols: int,
) -> dict[int, int] | None:
    """The one choice of a split for ``row`` (among ``splits``) and of a candidate for each other run (``candidates``)
    under which every identity holds but those through one cell of ``row``; None when there is none, or more than
    one reading of the runs does so, or a search ran out of budget."""
    found: dict[tuple[tuple[int, tuple[Value, ...]], ...], dict[int, int]] = {}
    options = {**candidates, row: splits}
    for col in range(n_cols):
        kept = [ident for ident in identities if (row, col) not in ident.cells]
        choices, complete = choose_rows(options, known, kept)
        if not complete:
            return None
        for choice in choices:
            found.setdefault(tuple(sorted((i, options[i][j]) for i, j in choice.items())), choice)
        if len(found) > 1:
            return None
    return next(iter(found.values())) if len(found) == 1 else None

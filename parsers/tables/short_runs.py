"""Table 三 rows that a text gluing every cell to the next (BeautifulSoup's ``get_text()`` with no separator, convention
``glued``) prints as one run of fewer digits than the row has cells: some of its cells were empty and print as
nothing (``500207`` for 5, a blank, 0 0 2 0 7).

No count prints a leading 0 and every printed cell prints one digit at least, so a run shorter than the row is
the row's printed cells with its empty ones gone. Its splits into pieces whose last (the 总计 column, never the
blank one here) is the sum of the others are tried, each with its other pieces in their order in every choice of
the first six columns; a blank and a 0 are alike to every identity, so the placements fall into groups the
identities cannot tell apart, and the table's identities (with the other rows' readings) choose among the groups.
A cell is read where every placement of every group the identities keep prints it alike (a number, or a blank);
the others are left blank (which cells the report left empty is not in the text where they would hold a 0)."""

from __future__ import annotations

import itertools

from parsers.tables.align import Value

MAX_PLACEMENTS = 2000  # placements of one run looked at at most (past it: the run is not read this way)


def short_run_placements(digits: str, n: int) -> list[tuple[Value, ...]]:
    """Every reading of a run of fewer digits than ``n`` cells as the row's printed cells, its empty cells printed
    as nothing: split into two pieces at least (none but 0 with a leading 0), the last the sum of the others placed
    in the last cell, the others in their order in any of the first ``n - 1`` cells, None in the cells left. Empty
    where the run is not so printed (``digits`` not all digits, as long as the row or longer, or no split's total
    holding), or past :data:`MAX_PLACEMENTS`."""
    if not digits.isdigit() or not 2 <= len(digits) < n:
        return []
    out: list[tuple[Value, ...]] = []
    for k in range(2, len(digits) + 1):
        for cuts in itertools.combinations(range(1, len(digits)), k - 1):
            bounds = [0, *cuts, len(digits)]
            pieces = [digits[a:b] for a, b in itertools.pairwise(bounds)]
            if any(len(p) > 1 and p[0] == "0" for p in pieces):
                continue
            values = [int(p) for p in pieces]
            if sum(values[:-1]) != values[-1]:
                continue
            for cols in itertools.combinations(range(n - 1), k - 1):
                row: list[Value] = [None] * n
                for c, v in zip(cols, values, strict=False):
                    row[c] = v
                row[-1] = values[-1]
                out.append(tuple(row))
                if len(out) > MAX_PLACEMENTS:
                    return []
    return out


def alike_groups(placements: list[tuple[Value, ...]]) -> dict[tuple[Value, ...], list[tuple[Value, ...]]]:
    """The placements grouped by their values with a blank as 0 (what every identity sees), in order."""
    groups: dict[tuple[Value, ...], list[tuple[Value, ...]]] = {}
    for row in placements:
        groups.setdefault(tuple(0 if v is None else v for v in row), []).append(row)
    return groups


def read_alike(placements: list[tuple[Value, ...]]) -> tuple[list[Value], list[int]]:
    """The cells every placement reads alike (a number, or a blank: None), and the columns they do not (None in the
    first list there too)."""
    first = placements[0]
    cells: list[Value] = []
    open_cols: list[int] = []
    for c, v in enumerate(first):
        if all(p[c] == v for p in placements):
            cells.append(v)
        else:
            cells.append(None)
            open_cols.append(c)
    return cells, open_cols

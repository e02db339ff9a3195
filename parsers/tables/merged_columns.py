"""Table cells that hold two columns' values, and rows of them short of a value.

A converter that finds a table's columns from where its words fall (markitdown's Markdown of a PDF) draws fewer
column boundaries than the table has where two narrow columns sit close: one cell holds both columns' values
(``| 13 4 | 0 0 | 0 0 | 17 |``). The boundaries are the same for every row of that table part, so its full rows
(as many values as columns) show how many columns each cell holds. A row that leaves a cell empty prints one value
fewer in the cell that holds that column with another (``| 0 | 1 0 | 0 | 0 | 1 |`` under full rows of
``| 0 | 1 0 | 0 | 0 | 0 1 |``): the blank is in that cell's columns, not where aligning the row's values to its
right end puts it. Which of the cell's columns it is, the table's identities decide (:func:`choose`); where they
do not, both columns are left blank.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from parsers.tables.tokens import COL, IS_NUMBER, IS_VALUE, TABBED, TEXT, Token

# the most readings of the open rows together that are weighed (each open row's placements multiplied)
MAX_READINGS = 256

Placement = list[Token | None]


def column_groups(lines: Sequence[Sequence[Token]], n: int) -> dict[int, int] | None:
    """How many of the ``n`` value columns each cell holds (cell index → columns), learnt from the lines that
    print ``n`` values, where at least one cell holds two values: every such line must agree, and each cell
    hold a value or be empty in it. None where no line shows merged columns or the lines disagree."""
    if not lines or not all(t[TABBED] for toks in lines for t in toks):
        return None
    cells = sorted({t[COL] for toks in lines for t in toks if t[IS_NUMBER]})
    groups: dict[int, int] | None = None
    for toks in lines:
        counts = _counts(toks, cells)
        if counts is None or sum(counts.values()) != n:
            continue
        if groups is None:
            groups = counts
        elif counts != groups:
            return _with_idle_cells(lines, cells, n)
    if groups is None or max(groups.values()) < 2 or max(groups.values()) > 2:
        return _with_idle_cells(lines, cells, n)
    return groups


def _with_idle_cells(lines: Sequence[Sequence[Token]], cells: list[int], n: int) -> dict[int, int] | None:
    """The groups where the lines that print ``n`` values all leave one cell or more empty (pymupdf4llm's layout
    grid, a grid column drawn for no column: ``|0|5|2|0 1||0|8|``): such a cell holds no column (0), the others as
    many as those lines print in them, every such line alike and some cell two. None otherwise."""
    groups: dict[int, int] | None = None
    for toks in lines:
        counts = _counts(toks, cells)
        if counts is None:
            continue
        printed = {c: sum(1 for t in toks if t[COL] == c and t[TEXT]) for c in cells}
        if sum(printed.values()) != n:
            continue
        if groups is None:
            groups = printed
        elif printed != groups:
            return None
    if groups is None or sorted(set(groups.values())) != [0, 1, 2]:
        return None
    return groups


def _counts(toks: Sequence[Token], cells: list[int]) -> dict[int, int] | None:
    """Values a cell prints (an empty cell counts one: a blank column), for the value cells; None where a value
    cell holds text, is not printed, or a value stands outside them."""
    counts: dict[int, int] = {}
    for t in toks:
        if t[COL] in cells:
            if t[TEXT] and not t[IS_VALUE]:
                return None
            counts[t[COL]] = counts.get(t[COL], 0) + 1
        elif t[IS_VALUE] and t[TEXT]:
            return None
    if set(counts) != set(cells):
        return None
    return counts


def placements(toks: Sequence[Token], groups: dict[int, int], n: int) -> list[Placement] | None:
    """The ways of laying a line short of values in the columns: each cell's values in its columns in order,
    an empty cell blank in all of them, a cell of two columns with one value in either (one placement each).
    None where the line is not short in this way (its cells hold values beyond their columns, or text)."""
    cells = sorted(groups)
    counts = _counts(toks, cells)
    if counts is None:
        return None
    if 0 in groups.values():  # a cell that holds no column (:func:`_with_idle_cells`): the values printed count
        counts = {c: sum(1 for t in toks if t[COL] == c and t[TEXT]) for c in cells}
    if sum(counts.values()) >= n:
        return None
    options: list[list[Placement]] = []
    for c in cells:
        vals = [t for t in toks if t[COL] == c and t[TEXT]]
        size = groups[c]
        if len(vals) == size:
            options.append([list(vals)])
        elif not vals:
            options.append([[None] * size])
        elif size == 2 and len(vals) == 1:
            options.append([[vals[0], None], [None, vals[0]]])
        else:
            return None
    out: list[Placement] = []
    for combo in itertools.product(*options):
        out.append([t for part in combo for t in part])
    return out


def choose(
    readings: dict[str, list[Placement]], score: Callable[[dict[str, Placement]], int]
) -> tuple[dict[str, Placement], list[str]] | None:
    """Of each open row's placements, the one every best-scoring reading of the open rows together gives it;
    a row whose best readings differ gets none of them: the cells its placements disagree on left blank (its
    key in the second list). None where too many rows are open to weigh."""
    keys = list(readings)
    if math.prod(len(p) for p in readings.values()) > MAX_READINGS:
        return None
    scored: list[tuple[int, tuple[int, ...]]] = []
    for pick in itertools.product(*(range(len(readings[k])) for k in keys)):
        scored.append((score({k: readings[k][i] for k, i in zip(keys, pick, strict=True)}), pick))
    best = max(s for s, _ in scored)
    picks = [p for s, p in scored if s == best]
    chosen: dict[str, Placement] = {}
    open_rows: list[str] = []
    for j, k in enumerate(keys):
        ways = {p[j] for p in picks}
        if len(ways) == 1:
            chosen[k] = readings[k][ways.pop()]
        else:
            first = readings[k][0]
            chosen[k] = [t if all(p[m] == t for p in readings[k]) else None for m, t in enumerate(first)]
            open_rows.append(k)
    return chosen, open_rows

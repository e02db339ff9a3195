"""Table 三 rows that print their blank cells as nothing, in text that prints a row's values apart from their
columns (pdfminer.six's boxes): their numbers placed by the table's identities, the cells in doubt left blank.

A row of fewer values than its seven cells, its last value its total, may have its blanks in any of its first six
cells: the text keeps the values' order, not their columns. A 0 and a blank are alike to every identity, so which
cells the report left blank is never in the text; where a number stands, the identities may say."""

from __future__ import annotations

from itertools import combinations

from parsers.tables.align import Fit, Value, fit
from parsers.tables.checks import identities_at
from parsers.tables.solve import choose_rows
from parsers.tables.templates import N_APP, RowDef
from parsers.tables.tokens import TEXT, Token, number_value

_TOTALS = ("new_received", "carried_over", "results_total", "carried_forward")  # the rows the identities sum to
MAX_CHOICES = 500  # choices holding every identity looked at at most (past it: each row from all its placements)


def placed_rows(rows: list[RowDef], settled: dict[str, list[Token]], fmt: str) -> dict[str, Fit]:
    """The rows read (``settled``: each row's values), placed in the applicants' columns. A row of all seven is
    read as printed. A row of fewer (its blank cells printed as nothing), its last value its total, is placed by
    the table's identities: where every placement of its values (in their order) of every such row is tried and
    the choices under which every identity holds all read a cell alike, that cell is read; the others are left
    blank (a 0 and a blank are alike to every identity, so which cells the report left blank is not in the text:
    a row of 0s keeps only its total). Where no choice holds every identity, or too many do, each such row keeps
    only the cells all its placements read alike (its total)."""
    at = {row.key: i for i, row in enumerate(rows)}
    fits: dict[str, Fit] = {}
    known: dict[tuple[int, int], Value] = {}
    options: dict[int, list[tuple[Value, ...]]] = {}
    groups: dict[int, dict[tuple[Value, ...], list[list[Token | None]]]] = {}
    for key, vals in settled.items():
        i = at[key]
        if len(vals) >= N_APP:
            fits[key] = fit(vals, N_APP)  # (one value more: :func:`parsers.tables.align.fit` drops one)
            known.update({(i, c): v for c, v in enumerate(fits[key].values())})
            continue
        placements = []
        for cols in combinations(range(N_APP - 1), len(vals) - 1):
            row: list[Token | None] = [None] * N_APP
            for c, t in zip(cols, vals, strict=False):
                row[c] = t
            row[-1] = vals[-1]
            placements.append(row)
        # a placement's values, a blank as 0 (alike to every identity): the distinct ones, each with its placements
        alike: dict[tuple[Value, ...], list[list[Token | None]]] = {}
        for row in placements:
            alike.setdefault(tuple(0 if t is None else number_value(t[TEXT]) for t in row), []).append(row)
        if len(alike) == 1:
            known.update({(i, c): v for c, v in enumerate(next(iter(alike)))})
        else:
            options[i] = list(alike)
        groups[i] = alike
    choices: list[dict[int, int]] = []
    if options:
        totals = [i for i, row in enumerate(rows) if row.key in _TOTALS]
        choices, complete = choose_rows(options, known, identities_at(rows, fmt), first=totals, cap=MAX_CHOICES)
        if not complete or len(choices) >= MAX_CHOICES:
            choices = []
    for i, alike in groups.items():
        chosen = {options[i][c[i]] for c in choices} if i in options and choices else set(alike)
        picked = [row for values in chosen for row in alike[values]]
        # a cell read: a number every choice puts there, or a 0 every placement of them prints there
        kept = [picked[0][c] if all(_same(p[c], picked[0][c]) for p in picked) else None for c in range(N_APP)]
        fits[rows[i].key] = Fit(kept, "padded", [])
    return fits


def _same(a: Token | None, b: Token | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or a[TEXT] == b[TEXT])

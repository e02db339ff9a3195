"""Fitting the values read after a row label to the row's columns.

A damaged row has more values than columns (a page number, a number glued to the label, a sixteenth zero)
or fewer (blank cells whose position the text lost). Each possible fit is scored by the table's own
accounting identities; the best one wins and the fit is reported as a warning, never silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from parsers.tables.tokens import Token, number_value

Value = int | float | None
MAX_COMBINATIONS = 5000


@dataclass
class Fit:
    tokens: list[Token | None]  # one per column; None: the cell is blank/missing
    how: str  # exact, positional, dropped, padded, short, ambiguous
    dropped: list[Token]
    ambiguous: bool = False

    def values(self) -> list[Value]:
        return [number_value(t.text) if t is not None else None for t in self.tokens]


Scorer = Callable[[list[Value]], int]


def positional(line_tokens: Sequence[Token], n: int) -> list[Token | None] | None:
    """Right-align a TAB row's cells with the columns when the row carries its blank cells."""
    if len(line_tokens) < n:
        return None
    extra, tail = line_tokens[:-n], line_tokens[-n:]
    if any(t.is_number for t in extra):
        return None
    if any(not (t.is_value or t.is_empty) for t in tail):
        return None
    # blank cells stay tokens (value None) so that they keep their place in the text
    return list(tail)


def fit(values: Sequence[Token], n: int, score: Scorer | None = None) -> Fit:
    """Choose which ``values`` fill the ``n`` columns."""
    vals = list(values)
    if len(vals) == n:
        return Fit([_cell(t) for t in vals], "exact", [])
    if not vals:
        return Fit([None] * n, "short", [])
    candidates: list[tuple[list[Token | None], list[Token]]] = []
    if len(vals) > n:
        for keep in _bounded(combinations(range(len(vals)), n)):
            kept = [vals[i] for i in keep]
            dropped = [vals[i] for i in range(len(vals)) if i not in keep]
            candidates.append(([_cell(t) for t in kept], dropped))
        how = "dropped"
    else:
        for slots in _bounded(combinations(range(n), len(vals))):
            row: list[Token | None] = [None] * n
            for slot, tok in zip(slots, vals, strict=True):
                row[slot] = _cell(tok)
            candidates.append((row, []))
        how = "padded"
    if score is None:
        row, dropped = candidates[0] if how == "dropped" else candidates[-1]
        return Fit(row, how, dropped, ambiguous=True)

    def rank(item: tuple[list[Token | None], list[Token]]) -> tuple[int, int]:
        row, dropped = item
        vals_ = [number_value(t.text) if t is not None else None for t in row]
        # prefer dropping numbers split off labels and values from other lines
        penalty = sum(0 if t.split else 1 for t in dropped)
        return (score(vals_), -penalty)

    ranked = sorted(candidates, key=lambda c: (*rank(c), _edge(c[0])), reverse=True)
    best = ranked[0]
    # ambiguous: another reading the identities like as much gives other values (the tie-break decided)
    ambiguous = any(rank(c) == rank(best) and _differs(c[0], best[0]) for c in ranked[1:])
    return Fit(best[0], how, best[1], ambiguous=ambiguous)


def _edge(row: list[Token | None]) -> int:
    """Tie-break for blanks whose place the text lost: stripping a line loses the blank cells at its ends,
    while blank cells inside a row survive as doubled separators. So prefer blanks gathered at the start of the
    row (2), then at its end (1), over blanks scattered inside it (0)."""
    blanks = [i for i, t in enumerate(row) if t is None]
    if not blanks:
        return 0
    if blanks == list(range(len(blanks))):
        return 2
    if blanks == list(range(len(row) - len(blanks), len(row))):
        return 1
    return 0


def _cell(t: Token) -> Token | None:
    return t


def _differs(a: list[Token | None], b: list[Token | None]) -> bool:
    va = [number_value(t.text) if t else None for t in a]
    vb = [number_value(t.text) if t else None for t in b]
    return va != vb


def _bounded(it: object) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for item in it:  # type: ignore[attr-defined]
        out.append(item)
        if len(out) >= MAX_COMBINATIONS:
            break
    return out

"""Fitting the values read after a row label to the row's columns.

A damaged row has more values than columns (a page number, a number glued to the label, a sixteenth zero)
or fewer (blank cells whose position the text lost). Each possible fit is scored by the table's own
accounting identities; the best one wins and the fit is reported as a warning, never silently.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

from parsers.tables.tokens import (
    COL,
    END,
    IS_BLANK_MARKER,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    SPLIT,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)

Value = int | float | None
MAX_COMBINATIONS = 5000


@dataclass
class Fit:
    tokens: list[Token | None]  # one per column; None: the cell is blank/missing
    how: str  # exact, positional, dropped, padded, short, split, merged
    dropped: list[Token]
    ambiguous: bool = False
    # the readings the identities like as much put a non-zero value in other columns: {column: values there}
    disputed: dict[int, set[Value]] = field(default_factory=dict)
    guess: str = ""  # for split/merged: what was split or joined, in words
    # the columns where a reading the identities like as much gives another value, 0 or blank included (an
    # ambiguous padded row: the cells outside them are the same in every such reading)
    open: tuple[int, ...] = ()

    def values(self) -> list[Value]:
        return [number_value(t[TEXT]) if t is not None else None for t in self.tokens]


Scorer = Callable[[list[Value]], int]
# a reading :func:`fit` weighs: its rank, its index among the plain readings (a guess: -1 - its index among the
# guesses), its row of tokens, and its values (a plain reading's, kept from its ranking; None: a guess's, read
# from its row)
_Reading = tuple[tuple[int, int, int, int], int, list[Token | None], tuple[Value, ...] | None]


def positional(line_tokens: Sequence[Token], n: int) -> list[Token | None] | None:
    """Right-align a TAB row's cells with the columns when the row carries its blank cells (a row with two
    values in one cell first loses as many blank cells padded at its end: see :func:`merged_cells`).

    A row that cannot be right-aligned because numbers come before its last ``n`` cells, which are blank at its
    end, is aligned again without all its end blanks, where ``n`` cells at least are left and no number before the
    last ``n``: a sheet or page that holds several tables is as wide as the widest, and pads a narrower table's rows
    with blank cells at their end. A row shorter than ``n`` without them is no padded row (a grid OCR read, its
    columns its own): left as it was."""
    fit = _right_aligned(line_tokens, n)
    if fit is None and len(line_tokens) > n and not line_tokens[-1][TEXT]:
        k = len(line_tokens)
        while k > 0 and not line_tokens[k - 1][TEXT]:
            k -= 1
        if k < n or any(t[IS_NUMBER] or t[IS_BLANK_MARKER] for t in line_tokens[: k - n]):
            # too short once unpadded, or numbers (or a dash, a blank cell's mark) before the columns even so: not a
            # padded row (markitdown's ``|  | 规章 |  | — | 1 |  | 1 |  |  |``: its columns drift, its empty cells
            # are no blank cells; the dash is)
            return None
        fit = _right_aligned(line_tokens[:k], n)
    return fit


def _right_aligned(line_tokens: Sequence[Token], n: int) -> list[Token | None] | None:
    line_tokens = unpadded(line_tokens, n)[0]
    if len(line_tokens) < n:
        return None
    extra, tail = line_tokens[:-n], line_tokens[-n:]
    if any(t[IS_NUMBER] for t in extra):
        return None
    # a dash (a blank cell's mark) before the last ``n`` cells where those hold an empty field: the dashes are the
    # row's cells, its empty fields the grid's (markitdown's ``| 规章 | — | — |  |  | 1 |  |``, synth 7661: 1 read as
    # 本年废止件数); a dash before ``n`` printed cells is a label column's placeholder (the corpus's ``| - | 232 |``)
    if any(t[IS_BLANK_MARKER] for t in extra) and any(not t[TEXT] for t in tail):
        return None
    if any(not (t[IS_VALUE] or not t[TEXT]) for t in tail):
        return None
    # blank cells stay tokens (value None) so that they keep their place in the text
    return list(tail)


def unpadded(line_tokens: Sequence[Token], n: int) -> tuple[Sequence[Token], list[Token]]:
    """A TAB row longer than ``n`` cells that ends in blank cells and has values merged in one cell: the row
    without as many of its end blanks as the merged values explain (down to ``n``), and those merged values."""
    if len(line_tokens) <= n or line_tokens[-1][TEXT]:
        return line_tokens, []
    merged = merged_cells(line_tokens)
    k = len(line_tokens)
    used = 0
    while used < len(merged) and k > n and not line_tokens[k - 1][TEXT]:
        k, used = k - 1, used + 1
    return line_tokens[:k], merged[:used]


def merged_cells(line_tokens: Sequence[Token]) -> list[Token]:
    """Values that share a TAB cell with the value before them (``11 24`` in one cell: a table-recognition model
    missed a column boundary, and padded the row's end with a blank cell to the table's width instead)."""
    return [
        b
        for a, b in itertools.pairwise(line_tokens)
        if a[TABBED] and b[COL] == a[COL] and a[LINE] == b[LINE] and a[IS_VALUE] and b[IS_VALUE]
    ]


class Warns(Protocol):
    def warn(self, code: str, message: str, key: str | None = None, tok: Token | None = None) -> None: ...


def warn_merged(r: Warns, line_tokens: Sequence[Token], n: int, key: str) -> None:
    """Report the cells :func:`positional` read as two cells, a blank padded at the row's end dropped for each
    (``merged_cell``)."""
    for tok in unpadded(line_tokens, n)[1]:
        before = line_tokens[line_tokens.index(tok) - 1]
        r.warn(
            "merged_cell",
            f"{key}: {before[TEXT]} {tok[TEXT]} printed in one cell, read as two cells (the row's blank cells kept "
            "in place, the blank padded at its end dropped)",
            key,
            tok,
        )


def fit(
    values: Sequence[Token],
    n: int,
    score: Scorer | None = None,
    *,
    edge: Callable[[list[Token | None]], int] | None = None,
) -> Fit:
    """Choose which ``values`` fill the ``n`` columns.

    Every plain reading (a choice of the values kept, or of the columns the values fill) is ranked on its values
    alone, and its row of tokens is made only for the readings ranked highest: a table 四 row short of five cells
    has 3,003 placements, and all but a few lose (``tests/test_fit_readings.py`` holds this to the plain loop over
    every reading's row)."""
    vals = list(values)
    if len(vals) == n:
        return Fit(list(vals), "exact", [])
    if not vals:
        return Fit([None] * n, "short", [])
    dropping = len(vals) > n
    how = "dropped" if dropping else "padded"
    # the readings: the indexes of the values kept (dropped), or the columns the values fill (padded)
    picks = _bounded(combinations(range(len(vals)), n) if dropping else combinations(range(n), len(vals)))

    def row_of(pick: tuple[int, ...]) -> list[Token | None]:
        if dropping:
            return [vals[i] for i in pick]
        row: list[Token | None] = [None] * n
        for slot, tok in zip(pick, vals, strict=True):
            row[slot] = tok
        return row

    def dropped_by(keep: tuple[int, ...]) -> list[Token]:
        kept = set(keep)
        return [t for i, t in enumerate(vals) if i not in kept] if dropping else []

    if score is None:
        pick = picks[0] if dropping else picks[-1]
        return Fit(row_of(pick), how, dropped_by(pick if dropping else ()), ambiguous=True)
    # guesses only the identities can confirm: digits split by spaces (``1 0``), cells printed without
    # separators (``3100105``)
    guesses = _merges(vals, n) if dropping else _splits(vals, n)

    scored: dict[tuple[Value, ...], int] = {}  # readings that give the same values score the same
    # the values printed with a leading zero, and whether any token of a candidate is (the candidates are made of
    # ``vals`` and the guesses' tokens; asked of each token's text, never of its identity, which compiled code
    # does not keep)
    led = [_leading_zero(t[TEXT]) for t in vals]
    zero_led = any(led) or any(t is not None and _leading_zero(t[TEXT]) for row, _ in guesses for t in row)
    # dropped values not split off a label (the kept ones' complement, counted without listing the dropped)
    unsplit = [0 if t[SPLIT] else 1 for t in vals]
    unsplit_total = sum(unsplit)

    def points(key: tuple[Value, ...]) -> int:
        p = scored.get(key)
        if p is None:
            p = scored[key] = score(list(key))
        return p

    # the plain readings, ranked on their values: (points, natural, 0, -penalty) as for every reading below
    nums = [number_value(t[TEXT]) for t in vals]
    plain: list[tuple[tuple[int, int, int, int], tuple[Value, ...]]] = []
    if dropping:
        for keep in picks:
            key = tuple([nums[i] for i in keep])
            # prefer dropping numbers split off labels and values from other lines
            penalty = unsplit_total - sum([unsplit[i] for i in keep]) if keep else 0
            natural = 0 if any([led[i] for i in keep]) else 1
            plain.append(((points(key), natural, 0, -penalty), key))
    else:
        natural = 0 if any(led) else 1  # a placement keeps every value
        blank: list[Value] = [None] * n
        for slots in picks:
            row_vals = blank.copy()
            for slot, v in zip(slots, nums, strict=True):
                row_vals[slot] = v
            key = tuple(row_vals)
            plain.append(((points(key), natural, 0, 0), key))

    def rank(row: list[Token | None]) -> tuple[int, int, int, int]:
        """A guess's rank: a guess (split, merged digits) only when it satisfies more identities than any plain
        reading, or when the plain readings keep a number no one prints (``0000000``: leading zeros)."""
        key = tuple([number_value(t[TEXT]) if t is not None else None for t in row])
        natural = 0 if zero_led and any(t is not None and _leading_zero(t[TEXT]) for t in row) else 1
        return (points(key), natural, -1, 0)

    guessed = [(rank(row), row) for row, _ in guesses]
    top = max([r for r, _ in plain] + [r for r, _ in guessed])
    tie = edge or _edge
    # the readings that can be the best or tied with it (the same points, naturalness and penalty as the top), in
    # the candidates' order: the plain ones in the order of ``picks``, then the guesses
    near: list[_Reading] = []
    for k, (r, key) in enumerate(plain):
        if r[:2] == top[:2] and r[3] == top[3]:
            near.append((r, k, row_of(picks[k]), key))
    for j, (r, row) in enumerate(guessed):
        if r[:2] == top[:2] and r[3] == top[3]:
            near.append((r, -1 - j, row, None))  # a guess: -1 - its index in ``guesses``
    # the best reading: the first, in the candidates' order, of those ranked highest and then tie-broken highest
    # (what a stable sort by (rank, tie) puts first); the tie-break is computed for the top-ranked only
    best = max((c for c in near if c[0] == top), key=lambda c: tie(c[2]))
    best_plain = best[1] >= 0
    best_values = _values_of(best)
    # ambiguous: another reading the identities like as much gives other values (the tie-break decided)
    # (a plain reading is compared with plain readings only: a guess never makes it ambiguous; ``best`` itself
    # gives ``best_values``; each reading is named by its index, ``c[1]``, not by its identity)
    rivals = [c for c in near if c[1] != best[1] and (c[1] >= 0 or not best_plain) and _values_of(c) != best_values]
    # in the order a stable sort of every candidate by (rank, tie), highest first, gives them
    tied = [c[2] for c in sorted(rivals, key=lambda c: (*c[0], tie(c[2])), reverse=True)]
    ambiguous = bool(tied)
    disputed = _disputed(best[2], tied)
    if not best_plain:
        guess = guesses[-1 - best[1]][1]
        return Fit(best[2], "merged" if dropping else "split", [], ambiguous=ambiguous, guess=guess, disputed=disputed)
    open_ = _open(best[2], tied) if ambiguous and not dropping else ()
    return Fit(
        best[2],
        how,
        dropped_by(picks[best[1]] if dropping else ()),
        ambiguous=ambiguous,
        disputed=disputed,
        open=open_,
    )


def _values_of(reading: _Reading) -> tuple[Value, ...]:
    """A reading's values (a plain reading's kept from its ranking)."""
    if reading[3] is not None:
        return reading[3]
    return tuple([number_value(t[TEXT]) if t is not None else None for t in reading[2]])


def _open(best: list[Token | None], tied: list[list[Token | None]]) -> tuple[int, ...]:
    """The columns where a reading tied with ``best`` gives another value (0 against blank too)."""
    mine = [number_value(t[TEXT]) if t is not None else None for t in best]
    out: set[int] = set()
    for row in tied:
        for i, t in enumerate(row):
            if (number_value(t[TEXT]) if t is not None else None) != mine[i]:
                out.add(i)
    return tuple(sorted(out))


def _disputed(best: list[Token | None], tied: list[list[Token | None]]) -> dict[int, set[Value]]:
    """The columns where a reading tied with ``best`` puts another value and one of the two is not 0 or blank
    (a number whose column the identities leave open), with every value the readings put there."""
    out: dict[int, set[Value]] = {}
    mine = [number_value(t[TEXT]) if t is not None else None for t in best]
    for row in tied:
        theirs = [number_value(t[TEXT]) if t is not None else None for t in row]
        for i, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            if a != b and (a or b):
                out.setdefault(i, {a}).add(b)
    return out


_DIGITS = re.compile(r"\d+")


def _leading_zero(text: str) -> bool:
    """Does ``text`` start with 0 and another digit (regex ``0\\d``, made without one: every candidate reading
    asks it)?"""
    return len(text) > 1 and text[0] == "0" and text[1].isdecimal()


def _merges(vals: list[Token], n: int) -> list[tuple[list[Token | None], str]]:
    """Readings that join digits a space split (``1 0`` → 10) until the row has ``n`` values."""
    extra = len(vals) - n
    gaps = [
        i
        for i in range(len(vals) - 1)
        if vals[i][LINE] == vals[i + 1][LINE]
        and vals[i + 1][START] - vals[i][END] == 1
        and _DIGITS.fullmatch(vals[i][TEXT])
        and _DIGITS.fullmatch(vals[i + 1][TEXT])
    ]
    out: list[tuple[list[Token | None], str]] = []
    for closed in _bounded(combinations(gaps, extra)):
        shut = set(closed)
        # the joined texts first (cheap): most joins make a number with a leading zero, never printed
        texts: list[str] = []
        text = vals[0][TEXT]
        for i in range(1, len(vals)):
            if i - 1 in shut:
                text += vals[i][TEXT]
            else:
                texts.append(text)
                text = vals[i][TEXT]
        texts.append(text)
        if not _DIGITS.fullmatch(texts[0]) or any(t.startswith("0") and len(t) > 1 for t in texts):
            continue
        row: list[Token | None] = []
        joined: list[str] = []
        cur = vals[0]
        printed = vals[0][TEXT]
        for i in range(1, len(vals)):
            if i - 1 in shut:
                printed += " " + vals[i][TEXT]
                cur = token(
                    cur[TEXT] + vals[i][TEXT], cur[START], vals[i][END], cur[LINE], cur[COL], cur[TABBED], split=True
                )
                continue
            if " " in printed:
                joined.append(f"{printed!r} as {cur[TEXT]}")
            row.append(cur)
            cur, printed = vals[i], vals[i][TEXT]
        if " " in printed:
            joined.append(f"{printed!r} as {cur[TEXT]}")
        row.append(cur)
        out.append((row, "digits split by spaces read as one number: " + ", ".join(joined)))
    return out


def _splits(vals: list[Token], n: int) -> list[tuple[list[Token | None], str]]:
    """Readings that split one run of digits printed without separators into the missing cells."""
    parts = n - len(vals) + 1
    out: list[tuple[list[Token | None], str]] = []
    for k, tok in enumerate(vals):
        digits = tok[TEXT]
        if not _DIGITS.fullmatch(digits) or len(digits) < parts or len(digits) > 16:
            continue
        for cuts in _bounded(combinations(range(1, len(digits)), parts - 1)):
            bounds = [0, *cuts, len(digits)]
            pieces = [digits[a:b] for a, b in itertools.pairwise(bounds)]
            if any(len(p) > 1 and p.startswith("0") for p in pieces):
                continue
            made: list[Token | None] = [
                token(p, tok[START] + a, tok[START] + b, tok[LINE], tok[COL], tok[TABBED], split=True)
                for p, (a, b) in zip(pieces, itertools.pairwise(bounds), strict=True)
            ]
            row = [*vals[:k], *made, *vals[k + 1 :]]
            out.append((row, f"{digits!r} split as {' '.join(pieces)}"))
    if parts == 3:
        out.extend(_pair_splits(vals))
    if parts >= 4:
        out.extend(_spread_splits(vals, parts - 1))
    return out


def _spread_splits(vals: list[Token], cuts: int) -> list[tuple[list[Token | None], str]]:
    """Readings that cut ``cuts`` times across two runs of digits or more, each run at least once (``8010 0 0
    78113992``: 801 0 and 78 113 992, a layout mode's narrow gaps lost twice in one row); one run cut alone, or two
    runs in two each, are :func:`_splits`' own. Only the identities can confirm one."""
    # (a run that starts with 0 is one digit a cell, poppler's glued cells: ``glued_cells``' own)
    runs = [
        k for k, t in enumerate(vals) if _DIGITS.fullmatch(t[TEXT]) and 2 <= len(t[TEXT]) <= 16 and t[TEXT][0] != "0"
    ]
    out: list[tuple[list[Token | None], str]] = []
    for chosen in itertools.chain.from_iterable(combinations(runs, m) for m in range(2, min(len(runs), cuts) + 1)):
        for spread in _compositions(cuts, len(chosen)):
            if any(c >= len(vals[k][TEXT]) for k, c in zip(chosen, spread, strict=True)):
                continue
            options = [_pieces(vals[k], c) for k, c in zip(chosen, spread, strict=True)]
            for combo in itertools.product(*options):
                row: list[Token | None] = []
                made = dict(zip(chosen, combo, strict=True))
                for k, t in enumerate(vals):
                    row.extend(made.get(k, [t]))
                how = ", ".join(f"{vals[k][TEXT]!r} split as {' '.join(str(p[TEXT]) for p in made[k])}" for k in chosen)
                if len(row) == len(vals) + cuts and not (spread == (1, 1) and len(chosen) == 2):
                    out.append((row, how))
                if len(out) >= MAX_COMBINATIONS:
                    return out
    return out


def _compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """The ways of writing ``total`` as ``parts`` numbers of 1 or more, in order."""
    return [
        tuple(b - a for a, b in itertools.pairwise((0, *cut, total)))
        for cut in combinations(range(1, total), parts - 1)
    ]


def _pieces(tok: Token, cuts: int) -> list[list[Token]]:
    """Each way of cutting ``tok``'s digits ``cuts`` times into numbers none printed with a leading 0."""
    digits = tok[TEXT]
    out: list[list[Token]] = []
    for at in combinations(range(1, len(digits)), cuts):
        bounds = [0, *at, len(digits)]
        texts = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if any(len(p) > 1 and p.startswith("0") for p in texts):
            continue
        out.append(
            [
                token(p, tok[START] + a, tok[START] + b, tok[LINE], tok[COL], tok[TABBED], split=True)
                for p, (a, b) in zip(texts, itertools.pairwise(bounds), strict=True)
            ]
        )
    return out


def _halves(tok: Token) -> list[tuple[Token, Token]]:
    digits = tok[TEXT]
    if not _DIGITS.fullmatch(digits) or not 2 <= len(digits) <= 16:
        return []
    return [
        (
            token(digits[:c], tok[START], tok[START] + c, tok[LINE], tok[COL], tok[TABBED], split=True),
            token(digits[c:], tok[START] + c, tok[END], tok[LINE], tok[COL], tok[TABBED], split=True),
        )
        for c in range(1, len(digits))
        if not (c > 1 and digits.startswith("0")) and not (len(digits) - c > 1 and digits[c] == "0")
    ]


def _pair_splits(vals: list[Token]) -> list[tuple[list[Token | None], str]]:
    """Readings that split two runs of digits in two cells each: two pairs of neighbouring columns printed
    touching (``3744125 1 28 10 103918``: a PDF-to-text layout mode with narrow gaps). Only the identities can
    confirm one."""
    out: list[tuple[list[Token | None], str]] = []
    halves = {k: _halves(t) for k, t in enumerate(vals)}
    for a, b in combinations([k for k, h in halves.items() if h], 2):
        for ha in halves[a]:
            for hb in halves[b]:
                row: list[Token | None] = [*vals[:a], *ha, *vals[a + 1 : b], *hb, *vals[b + 1 :]]
                how = (
                    f"{vals[a][TEXT]!r} split as {ha[0][TEXT]} {ha[1][TEXT]}, "
                    f"{vals[b][TEXT]!r} as {hb[0][TEXT]} {hb[1][TEXT]}"
                )
                out.append((row, how))
                if len(out) >= MAX_COMBINATIONS:
                    return out
    return out


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


def first_and_total(row: list[Token | None]) -> int:
    """Tie-break for a row of table 三 that lost cells: its first column (natural persons, nearly always the
    largest) and its last (the total) are kept filled, the other values packed to the left after the first.
    Lost cells there sit anywhere (OCR drops lone zeros), not only at the line's ends."""
    values = [number_value(t[TEXT]) if t is not None else None for t in row]
    rest = sum(v for v in values[:-1] if v is not None)
    # a total is never less than what it sums: a last value smaller than the others is not the total
    total = values[-1] is not None and values[-1] >= rest
    return total * 1000 + (row[0] is not None) * 100 - sum(i for i, t in enumerate(row) if t is not None)


def _bounded(it: object) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for item in it:  # type: ignore[attr-defined]
        out.append(item)
        if len(out) >= MAX_COMBINATIONS:
            break
    return out

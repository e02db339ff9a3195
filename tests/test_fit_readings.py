"""``parsers.tables.align.fit`` ranks the plain readings on their values and makes the rows of tokens of the
highest-ranked only; it chooses what ranking every reading's row chose (the plain definition below, the function
as it was), on random rows of values for table 三's 7 cells and table 四's 15: too many values (dropped, digits
split by spaces merged), too few (padded, runs of digits split), 5,000 readings and more (the bound), leading
zeros, values split off labels, blanks, decimals, with the identities' scorers and scorers that tie often.
``scripts/parse_snapshot.py`` compares whole outputs before and after.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from itertools import combinations

import pytest

from parsers.tables import align
from parsers.tables.align import Fit, Scorer, Value
from parsers.tables.checks import application_passed, review_scorer
from parsers.tables.review_cells import N_REVIEW, REVIEW_KEYS
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.tokens import SPLIT, TEXT, Token, number_value, token

N_APP = len(APPLICANT_COLUMNS)


def _values(row: list[Token | None]) -> list[Value]:
    return [number_value(t[TEXT]) if t is not None else None for t in row]


def fit_by_every_row(
    values: Sequence[Token],
    n: int,
    score: Scorer | None = None,
    *,
    edge: Callable[[list[Token | None]], int] | None = None,
) -> Fit:
    """``align.fit`` as it was: every reading's row of tokens made and ranked."""
    vals = list(values)
    if len(vals) == n:
        return Fit(list(vals), "exact", [])
    if not vals:
        return Fit([None] * n, "short", [])
    candidates: list[tuple[list[Token | None], tuple[int, ...]]] = []  # a reading, and the indexes it keeps
    if len(vals) > n:
        for keep in align._bounded(combinations(range(len(vals)), n)):
            candidates.append(([vals[i] for i in keep], keep))
        how = "dropped"
    else:
        blank: list[Token | None] = [None] * n
        for slots in align._bounded(combinations(range(n), len(vals))):
            row = blank.copy()
            for slot, tok in zip(slots, vals, strict=True):
                row[slot] = tok
            candidates.append((row, ()))
        how = "padded"

    def dropped_by(keep: tuple[int, ...]) -> list[Token]:
        kept = set(keep)
        return [t for i, t in enumerate(vals) if i not in kept] if how == "dropped" else []

    if score is None:
        row, keep = candidates[0] if how == "dropped" else candidates[-1]
        return Fit(row, how, dropped_by(keep), ambiguous=True)
    # guesses only the identities can confirm: digits split by spaces (``1 0``), cells printed without
    # separators (``3100105``)
    guesses = align._merges(vals, n) if len(vals) > n else align._splits(vals, n)
    hows = {id(c[0]): how for c in candidates}
    for row, guess in guesses:
        candidates.append((row, ()))
        hows[id(row)] = guess

    scored: dict[tuple[Value, ...], int] = {}  # readings that give the same values score the same
    # the tokens printed with a leading zero (the candidates are made of ``vals`` and the guesses' tokens)
    zero_led = {id(t) for t in vals if align._leading_zero(t[TEXT])}
    zero_led |= {id(t) for row, _ in guesses for t in row if t is not None and align._leading_zero(t[TEXT])}

    # dropped values not split off a label (the kept ones' complement, counted without listing the dropped)
    unsplit = [0 if t[SPLIT] else 1 for t in vals]
    unsplit_total = sum(unsplit)

    def rank(item: tuple[list[Token | None], tuple[int, ...]]) -> tuple[int, int, int, int]:
        row, keep = item
        vals_ = [number_value(t[TEXT]) if t is not None else None for t in row]
        key = tuple(vals_)
        points = scored.get(key)
        if points is None:
            points = scored[key] = score(vals_)
        # prefer dropping numbers split off labels and values from other lines
        penalty = unsplit_total - sum(unsplit[i] for i in keep) if how == "dropped" and keep else 0
        # a guess (split, merged digits) only when it satisfies more identities than any plain reading, or
        # when the plain readings keep a number no one prints (``0000000``: leading zeros)
        natural = 0 if zero_led and any(id(t) in zero_led for t in row if t is not None) else 1
        return (points, natural, 0 if hows[id(row)] == how else -1, -penalty)

    ranks = {id(c[0]): rank(c) for c in candidates}  # each reading scored once
    tie = edge or align._edge
    # the best reading: the first, in the candidates' order, of those ranked highest and then tie-broken highest
    # (what a stable sort by (rank, tie) puts first); the tie-break is computed for the top-ranked only
    top = max(ranks.values())
    best = max((c for c in candidates if ranks[id(c[0])] == top), key=lambda c: tie(c[0]))
    # ambiguous: another reading the identities like as much gives other values (the tie-break decided)
    # (a plain reading is compared with plain readings only: a guess never makes it ambiguous)
    best_plain = hows[id(best[0])] == how
    rivals = [
        c
        for c in candidates
        if c is not best
        and ranks[id(c[0])][:2] == top[:2]
        and ranks[id(c[0])][3] == top[3]
        and (hows[id(c[0])] == how or not best_plain)
        and _values(c[0]) != _values(best[0])
    ]
    # in the order a stable sort of every candidate by (rank, tie), highest first, gives them
    tied = [c[0] for c in sorted(rivals, key=lambda c: (*ranks[id(c[0])], tie(c[0])), reverse=True)]
    ambiguous = bool(tied)
    disputed = align._disputed(best[0], tied)
    guess = hows[id(best[0])]
    if guess != how:
        return Fit(
            best[0], "merged" if len(vals) > n else "split", [], ambiguous=ambiguous, guess=guess, disputed=disputed
        )
    return Fit(best[0], how, dropped_by(best[1]), ambiguous=ambiguous, disputed=disputed)


TEXTS = ["0", "0", "0", "1", "2", "3", "5", "7", "9", "10", "12", "25", "01", "007", "3100105", "1.5", "—", "无", "40"]


def _row(rng: random.Random, count: int) -> list[Token]:
    """``count`` values on one line, most a space apart (digits split by spaces), some split off a label."""
    out: list[Token] = []
    pos = 0
    for _ in range(count):
        text = rng.choice(TEXTS) if rng.random() < 0.3 else str(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 11, 13]))
        out.append(token(text, pos, pos + len(text), 3, 0, False, split=rng.random() < 0.1))
        pos += len(text) + rng.choice([1, 1, 1, 2])
    return out


def _review(vals: list[Value]) -> int:
    return review_scorer(REVIEW_KEYS)(vals)


def _application(rng: random.Random) -> Scorer:
    """Table 三's identities on a row read among others (some of them not read yet)."""
    rows: dict[str, list[Value]] = {}
    for key in ("new_received", "carried_over", "granted", "results_total", "carried_forward"):
        if rng.random() < 0.7:
            rows[key] = [rng.choice([0, 1, 2, 3, 5]) for _ in range(N_APP)]
    key = rng.choice(["new_received", "granted", "results_total"])

    def score(vals: list[Value]) -> int:
        return application_passed({**rows, key: vals}, "2021", read_rows_only=True, reading=key)

    return score


def _often_tied(vals: list[Value]) -> int:
    return sum(1 for v in vals if v) % 3


def _first_and_total(row: list[Token | None]) -> int:
    return align.first_and_total(row)


def _same(a: Fit, b: Fit) -> None:
    assert (a.tokens, a.how, a.dropped, a.ambiguous, a.disputed, a.guess) == (
        b.tokens,
        b.how,
        b.dropped,
        b.ambiguous,
        b.disputed,
        b.guess,
    )


@pytest.mark.parametrize("n", [N_APP, N_REVIEW])
def test_fit_chooses_what_ranking_every_row_chooses(n: int) -> None:
    rng = random.Random(n)
    cases = 0
    for _ in range(500 if n == N_APP else 150):
        count = rng.choice([c for c in range(1, n + 6) if c != n])
        vals = _row(rng, count)
        scorers: list[Scorer | None] = [None, _often_tied, _review if n == N_REVIEW else _application(rng)]
        score = rng.choice(scorers)
        edge: Callable[[list[Token | None]], int] | None = rng.choice([None, _first_and_total])
        _same(align.fit(vals, n, score, edge=edge), fit_by_every_row(vals, n, score, edge=edge))
        cases += 1
    assert cases


def test_fit_over_the_bound() -> None:
    """Readings past ``MAX_COMBINATIONS`` are not weighed, in either."""
    rng = random.Random(5)
    for count in (5, 21, 22):  # 3,003 placements; 54,264 and 170,544 choices of 15 values
        vals = _row(rng, count)
        for score in (_review, _often_tied):
            _same(align.fit(vals, N_REVIEW, score), fit_by_every_row(vals, N_REVIEW, score))


def test_fit_splits_off_labels_dropped_first() -> None:
    """The penalty for keeping values split off labels is ranked as before (a case the random rows may miss)."""
    vals = [
        token(t, k * 3, k * 3 + len(t), 1, 0, False, split=k == 0)
        for k, t in enumerate(["9", "1", "2", "3", "6", "4", "5", "6", "7"])
    ]
    assert vals[0][SPLIT]
    for score in (_often_tied, _application(random.Random(1))):
        _same(align.fit(vals, N_APP, score), fit_by_every_row(vals, N_APP, score))

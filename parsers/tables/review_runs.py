"""Table 四 printed as runs of digits (cells glued by the extractor, rules glued to them, no-break spaces between):
split into its 15 cells where the rows' totals hold."""

from __future__ import annotations

import itertools

from parsers.tables.align import Fit
from parsers.tables.digit_runs import is_run, run_pieces
from parsers.tables.nbsp_runs import blank_rows_by_nbsp
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, R, review_totals_hold
from parsers.tables.review_wrong_total import one_total_failing
from parsers.tables.rules import rule_readings
from parsers.tables.solve import split_rows
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.tokens import (
    COL,
    END,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    normalise,
    token,
)


def review_rules(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四's row printed on one line with the table's rules glued to the digits (``12/138) 13 … |132|``):
    its only reading by :mod:`parsers.tables.rules` whose three row totals hold, if there is one (only on a row
    that prints rule marks, in no markup convention)."""
    if not vals or len({t[LINE] for t in vals}) != 1:
        return None
    begin = vals[0][START]
    stop = r.text.find("\n", begin)
    stop = len(r.text) if stop < 0 else stop
    assert r.canonical is not None
    if r.canonical.convention in ("tab", "markdown", "markdown_html") or not any(
        c in r.text[begin:stop] for c in "|[]{}"
    ):
        return None
    readings = rule_readings(normalise(r.text[begin:stop]), N_REVIEW, lambda values: review_totals_hold(list(values)))
    if not readings or len(readings) != 1:
        return None
    t = vals[0]
    cells: list[Token | None] = [
        token(str(p.value), begin + p.start, begin + p.end, t[LINE], t[COL], t[TABBED], split=True) for p in readings[0]
    ]
    printed = " ".join(r.text[begin:stop].split())
    read = " ".join(c[TEXT] for c in cells if c)
    guess = (
        f"{printed!r} read as {read} (the table's rules printed as 1 or glued to the digits; the only reading "
        "whose row totals hold)"
    )
    return Fit(cells, "rules", [], guess=guess)


def review_nbsp_run(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四 printed on one line as runs of digits with its blank cells as no-break spaces among them
    (BeautifulSoup's glued text: ``0103400000\xa0\xa0\xa0\xa0\xa0``): the blank rows where the no-break spaces
    stand, the digits split into the other rows, where exactly one split holds every row's total
    (:mod:`parsers.tables.nbsp_runs`); reported as ``split_number`` naming the split and the blank rows."""
    if not vals or len({t[LINE] for t in vals}) != 1 or not all(t[TEXT].isdigit() for t in vals):
        return None
    text = r.text
    begin = text.rfind("\n", 0, vals[0][START]) + 1
    stop = text.find("\n", vals[-1][END])
    line = text[begin : len(text) if stop < 0 else stop]
    rows = blank_rows_by_nbsp(line, len(REVIEW_ROWS), len(REVIEW_COLUMNS))
    if rows is None:
        return None
    pieces = run_pieces(vals, tuple(v for row in rows if row is not None for v in row))
    if pieces is None:
        return None
    cells: list[Token | None] = []
    for row in rows:
        cells += [None] * len(REVIEW_COLUMNS) if row is None else pieces[: len(row)]
        pieces = pieces if row is None else pieces[len(row) :]
    names = ("行政复议", "未经复议直接起诉", "复议后起诉")
    blank = ", ".join(name for name, row in zip(names, rows, strict=True) if row is None)
    read = "; ".join(" ".join(str(v) for v in row) for row in rows if row is not None)
    guess = (
        f"{' '.join(t[TEXT] for t in vals)!r} printed with no-break spaces for the blank cells of the {blank} row(s), "
        f"where they stand; the digits split as {read}, the only split whose row totals hold"
    )
    return Fit(cells, "split", [], guess=guess)


def review_run(r: Reading, vals: list[Token]) -> Fit | None:
    """Table 四 printed as one run of digits: split into its three rows so that each row's total holds, when
    exactly one split does (else its cells are blank and the splits reported as ``ambiguous_split``)."""
    if len(vals) == 1:
        if _short_glued_run(vals[0]):
            r.warn(
                "ambiguous_split",
                f"table 四: digits printed without separators, {vals[0][TEXT]!r}: a run of digits that starts with "
                f"0 or holds a row's worth of digits (no one count is printed so) is glued cells, but "
                f"{len(vals[0][TEXT])} digits cannot fill its {N_REVIEW} cells; cells left blank",
                R,
                vals[0],
            )
            return Fit([None] * N_REVIEW, "positional", [])
        if not is_run(vals[0], N_REVIEW):
            return None
    elif not _glued_runs(vals):
        return None
    n_cols = len(REVIEW_COLUMNS)
    text = "".join(t[TEXT] for t in vals)
    cuts = set(itertools.accumulate(len(t[TEXT]) for t in vals))  # a space between two runs is a cell boundary
    found = split_rows(text, len(REVIEW_ROWS), n_cols, limit=MAX_RUN_SPLITS)
    splits = None if found is None or len(found) >= MAX_RUN_SPLITS else [s for s in found if cuts <= _ends(s)]
    printed = " ".join(t[TEXT] for t in vals)
    if splits is not None and len(splits) == 1:
        cells = run_pieces(vals, tuple(v for row in splits[0] for v in row))
        if cells is not None:
            read = "; ".join(" ".join(str(v) for v in row) for row in splits[0])
            guess = f"{printed!r} split as {read}, the only split whose row totals hold"
            return Fit(list(cells), "split", [], guess=guess)
    if splits == [] and (failing := _one_total_failing(r, vals, text, cuts)) is not None:
        return failing
    r.warn(
        "ambiguous_split",
        f"table 四: digits printed without separators, {printed!r}: "
        + ("too many splits to tell" if splits is None else f"{len(splits)} splits" if splits else "no split")
        + " satisfy the row totals; cells left blank",
        R,
        vals[0],
    )
    return Fit([None] * N_REVIEW, "positional", [])


def _one_total_failing(r: Reading, vals: list[Token], text: str, cuts: set[int]) -> Fit | None:
    """Table 四's run where no split holds all three row totals (a published 总计 wrong): the splits whose other two
    rows' totals hold, one row's total failing (tables/review_wrong_total.py). Where every such split fails the same
    row's total, the cells every split reads alike (the same digits of the run, the same number) are read, the others
    blank; None where there is no such split, or the splits fail different rows."""
    found = one_total_failing(text, len(REVIEW_ROWS), len(REVIEW_COLUMNS), limit=MAX_RUN_SPLITS)
    found = [(rows, free) for rows, free in found or [] if cuts <= _ends(rows)]
    if not found or len({free for _, free in found}) != 1:
        return None
    pieces = [run_pieces(vals, tuple(v for row in rows for v in row)) for rows, _ in found]
    if any(p is None for p in pieces):
        return None
    reads = [p for p in pieces if p is not None]
    cells: list[Token | None] = [
        reads[0][k]
        if all(p[k][TEXT] == reads[0][k][TEXT] and p[k][START] == reads[0][k][START] for p in reads)
        else None
        for k in range(N_REVIEW)
    ]
    if all(c is None for c in cells):
        return None
    printed = " ".join(t[TEXT] for t in vals)
    row = ("行政复议", "未经复议直接起诉", "复议后起诉")[found[0][1]]
    if len(found) == 1:
        read = "; ".join(" ".join(str(v) for v in row_) for row_ in found[0][0])
        r.warn(
            "split_number",
            f"table 四: digits printed without separators, {printed!r}: no split holds every row's total; split as "
            f"{read}, the only split whose other rows' totals hold, the {row} row's total failing as printed (a guess)",
            R,
            vals[0],
        )
    else:
        blank = [k + 1 for k in range(N_REVIEW) if cells[k] is None]
        r.warn(
            "ambiguous_split",
            f"table 四: digits printed without separators, {printed!r}: no split holds every row's total; "
            f"{len(found)} splits hold the other rows' totals, the {row} row's failing in each: the cells they read "
            f"alike are read, cells {', '.join(map(str, blank))} left blank",
            R,
            vals[0],
        )
    return Fit(cells, "positional", [])


def _short_glued_run(tok: Token) -> bool:
    """A lone run of digits too short to be table 四's cells that is no one cell's value either: glued cells with
    some lost or printed empty. A run that starts with 0 (``0100100000``: no count is printed ``01``), or one with a
    row's worth of digits or more (``1000110102``, lxml's ``text_content`` of a table whose last row is empty): a
    count of cases with five digits or more, alone in the table, is not what the table holds, and its row's total
    fails under it."""
    text = tok[TEXT]
    if not (text.isdigit() and 1 < len(text) < N_REVIEW):
        return False
    return text[0] == "0" or len(text) >= len(REVIEW_COLUMNS)


MAX_RUN_SPLITS = 24  # splits of table 四's runs searched at most; as many or more: too many to tell


def _glued_runs(vals: list[Token]) -> bool:
    """Table 四 printed as runs of digits, some of them glued cells (a space or a line break here and there:
    ``00000 0100100000``): fewer runs than cells, every one bare digits, enough digits for every cell, and
    either at most half as many runs as cells with one as long as a row, or a run that starts with 0 (no count
    is printed ``01``). Such a run is no one cell's value."""
    if not (1 < len(vals) < N_REVIEW and all(t[TEXT].isdigit() for t in vals)):
        return False
    if sum(len(t[TEXT]) for t in vals) < N_REVIEW:
        return False
    few_long = len(vals) <= N_REVIEW // 2 and any(len(t[TEXT]) >= len(REVIEW_COLUMNS) for t in vals)
    return few_long or any(len(t[TEXT]) > 1 and t[TEXT][0] == "0" for t in vals)


def _ends(rows: list[tuple[int, ...]]) -> set[int]:
    """The offsets, in the digits, where a split's numbers end."""
    return set(itertools.accumulate(len(str(v)) for row in rows for v in row))

"""A row's values that OCR or a layout cut apart by spaces (``100 91``, ``7 649``), joined back into its cells.

Split from :mod:`parsers.tables.reading`.
"""

from __future__ import annotations

import itertools
import re

from parsers.tables.tokens import COL, END, IS_NUMBER, LINE, START, TABBED, TEXT, Token, token


def join_split_digits(text: str, vals: list[Token], n: int) -> tuple[list[Token], str] | None:
    """For a row of ``n`` cells with more values than cells, all on one line and separated by single spaces
    (OCR cut ``10091`` into ``100 91``, ``2772661.517`` into ``277266 1.517``): the values joined into ``n``,
    when only the first may be joined with the rest (one cell: all of them). None when that reading is not
    possible."""
    if n > 1:
        return _join_by_gaps(text, vals, n)
    if n != 1 or len(vals) < 2 or len({t[LINE] for t in vals}) != 1:
        return None
    if any(text[a[END] : b[START]] != " " for a, b in itertools.pairwise(vals)):
        return None
    if not re.fullmatch(r"\d+(?:\.\d+)?", "".join(t[TEXT] for t in vals)):
        return None
    first, last = vals[0], vals[-1]
    joined = token(
        "".join(t[TEXT] for t in vals), first[START], last[END], first[LINE], first[COL], first[TABBED], split=True
    )
    printed = " ".join(t[TEXT] for t in vals)
    return [joined], f"digits split by spaces read as one number: {printed!r} as {joined[TEXT]}"


def _join_by_gaps(text: str, vals: list[Token], n: int) -> tuple[list[Token], str] | None:
    """A row of ``n`` cells laid out with runs of spaces between its cells, more values than cells, and some
    values apart by one space only (OCR cut ``7649`` into ``7 649``): the values one space apart are one number,
    when that leaves exactly ``n``."""
    if len(vals) <= n or len({t[LINE] for t in vals}) != 1 or any(not t[IS_NUMBER] for t in vals):
        return None
    gaps = [text[a[END] : b[START]] for a, b in itertools.pairwise(vals)]
    if any(g.strip() or "\t" in g for g in gaps):
        return None
    inner = [g == " " for g in gaps]
    if not any(inner) or any(len(g) < 2 for g, joined in zip(gaps, inner, strict=True) if not joined):
        return None
    groups: list[list[Token]] = [[vals[0]]]
    for tok, joined in zip(vals[1:], inner, strict=True):
        if joined:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    if len(groups) != n:
        return None
    out: list[Token] = []
    for group in groups:
        digits = "".join(t[TEXT] for t in group)
        if len(group) > 1 and not re.fullmatch(r"\d+(?:\.\d+)?", digits):
            return None
        first, last = group[0], group[-1]
        out.append(
            group[0]
            if len(group) == 1
            else token(digits, first[START], last[END], first[LINE], first[COL], False, split=True)
        )
    printed = ", ".join(" ".join(t[TEXT] for t in g) for g in groups if len(g) > 1)
    return out, f"digits one space apart, in a row whose cells are further apart, read as one number: {printed!r}"

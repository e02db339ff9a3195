"""A number cut at its decimal point across two grid cells of a table 二 row (pymupdf4llm's layout mode).

pymupdf4llm's layout mode cuts a cell's text at every column of the grid it builds from the page's rules; an amount
wider than its grid column is printed in two cells, cut before or after its point (``|政府集中采购|0|910.|37|``
for 910.37, ``|2|.54|``). No report prints a number ending in its point or starting with it, so the cut shows; but
table 二 has no identity that could confirm joining the pieces, so the cut number is left blank (and the cells
before and after it keep their values): read cell by cell, the piece after the point was taken as the amount (37).

An amount printed with its unit (``58.511万元``) and cut at a rule shows the cut too, wherever it falls: the second
piece ends in the unit, or its first part (``|58|511万|元|``: the unit's rest in a cell of its own after it), so the
digits before it are no cell of their own. The grid may lose the character at the rule (the point here: 58.511,
not 58511; or a digit), so the pieces are not joined either: the amount is left blank, the cell before it read as
the row's only value (58) no more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.tables.tokens import COL, IS_VALUE, LINE, TABBED, TEXT, Token

_ENDS_IN_POINT = re.compile(r"\d+\.")
_STARTS_WITH_POINT = re.compile(r"\.\d+")
_DIGITS = re.compile(r"\d+")
_UNIT_END = re.compile(r"\.?\d+(?:\.\d+)?(万元|万|元)")  # a piece ending in the amount's unit (``511万``)
_UNIT_REST = {"万": "元"}  # the unit's rest, printed in the next cell (``|511万|元|``)


def cut_at_point(line: Sequence[Token], n: int) -> tuple[list[Token | None], list[tuple[Token, Token]]] | None:
    """The row's ``n`` cells with each number cut at its point blank (the others in order), and the pieces of each
    cut; None where no cell shows such a cut, or the row's cells (a cut number counted once) are not ``n``."""
    cells = [t for t in line if t[TEXT]]
    if not cells or not all(t[TABBED] for t in cells) or len({t[LINE] for t in cells}) != 1:
        return None
    out: list[Token | None] = []
    cuts: list[tuple[Token, Token]] = []
    k = 0
    while k < len(cells):
        t = cells[k]
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        if nxt is not None and nxt[COL] == t[COL] + 1 and is_cut(t[TEXT], nxt[TEXT]):
            out.append(None)
            cuts.append((t, nxt))
            k += 2
            continue
        if nxt is not None and nxt[COL] == t[COL] + 1 and (unit := unit_cut(t[TEXT], nxt[TEXT])) is not None:
            out.append(None)
            cuts.append((t, nxt))
            k += 2
            rest = cells[k] if k < len(cells) else None
            if rest is not None and rest[COL] == nxt[COL] + 1 and rest[TEXT] == _UNIT_REST.get(unit):
                k += 1  # the unit's rest in a cell of its own
            continue
        if not t[IS_VALUE]:
            return None
        out.append(t)
        k += 1
    if not cuts or len(out) != n:
        return None
    return out, cuts


def unit_cut(a: str, b: str) -> str | None:
    """The unit (``万``, ``万元``, ``元``) where ``a`` and ``b`` are one amount's pieces cut at a rule, its unit after
    the second (``58`` | ``511万``, ``58.`` | ``511万``, ``2`` | ``.54万元``); None otherwise. A piece that prints a
    point of its own (``5`` | ``8.511万``) is no such cut: its digits before the point are no piece of it."""
    m = _UNIT_END.fullmatch(b)
    if m is None or not (_DIGITS.fullmatch(a) or _ENDS_IN_POINT.fullmatch(a)):
        return None
    digits = b[: m.start(1)]
    if "." in digits and (a.endswith(".") or not digits.startswith(".") or digits.count(".") > 1):
        return None
    return m.group(1)


def is_cut(a: str, b: str) -> bool:
    """``a`` and ``b`` are one number's pieces cut at its point: ``910.`` | ``37``, or ``2`` | ``.54``."""
    return bool(
        (_ENDS_IN_POINT.fullmatch(a) and _DIGITS.fullmatch(b))
        or (_DIGITS.fullmatch(a) and _STARTS_WITH_POINT.fullmatch(b))
    )

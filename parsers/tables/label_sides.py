"""Table 二 whose rows print their values some after their label, some before it (pdfminer.six with
``boxes_flow=None``, ``pdf2txt.py -F disabled``).

With no layout flow pdfminer orders a page's text boxes by their lower edges, top to bottom, then left to right. A
row label on one line sits about as low as its row's values and prints first (its box is further left); a label
wrapped over two lines or more reaches lower than its values and prints after them (``规章`` / ``0`` ``0`` ``0`` /
``0`` ``0`` ``450`` / ``行政规范`` ``性文件``: 规章's values after its label, 行政规范性文件's before). A block's title
and header print above all its rows' values, so each 第二十条 block's values stand between its title and the next.

Each block is read on its own from its title on: the values before its first label can only be that row's (before
it), so they must be exactly its cells, or none (then the row's values are the first after its label); what is left
between a label and the next is the next row's, before its label, exactly its cells or none; after the block's last
row nothing may be left; a wrapped label's values are before it (its lower edge is lower). That walk has one outcome
at most. The table is read so only where every block of it is
read this way and its rows take both sides (some before, some after their labels): where all take the same side,
the other readings (row by row; :func:`parsers.tables.values_first.blocks_values_first`) read it, and a table whose
values do not fall into place exactly (a blank cell that prints nothing, a value on a label's line out of order)
is left to them too."""

from __future__ import annotations

import itertools

from parsers.tables.reading import Reading
from parsers.tables.tokens import IS_VALUE, LINE, Token

Row = tuple[int, str, list[str], int]  # the label's token, the row's key, its columns, where its values stop


def values_by_sides(
    r: Reading, rows: list[Row], blocks: list[int], end: int
) -> tuple[dict[str, list[Token | None]], list[str], list[str]] | None:
    """Each row's values read block by block as the module says, the keys read before their label and those read
    after it; None where a block does not fall into place or every row takes the same side."""
    titles = sorted(b for b in blocks if b < end)
    if not titles or not rows:
        return None
    out: dict[str, list[Token | None]] = {}
    before: list[str] = []
    after: list[str] = []
    placed = 0
    for b, title in enumerate(titles):
        stop = titles[b + 1] if b + 1 < len(titles) else end
        mine = [row for row in rows if title < row[0] < stop]
        if not mine:
            continue
        bounds = [title, *(row[0] for row in mine), stop]
        segments = [_values(r, lo, hi) for lo, hi in itertools.pairwise(bounds)]
        carry = segments[0]
        for k, (_, key, cols, _) in enumerate(mine):
            n = len(cols)
            if len(carry) == n:
                out[key] = list(carry)
                before.append(key)
                carry = segments[k + 1]
            elif not carry and len(segments[k + 1]) >= n and not _wrapped(r, mine[k][0]):
                out[key] = list(segments[k + 1][:n])
                after.append(key)
                carry = segments[k + 1][n:]
            else:
                return None
        if carry:
            return None
        placed += len(mine)
    if placed != len(rows) or not before or not after:
        return None
    return out, before, after


def _wrapped(r: Reading, i: int) -> bool:
    """Row label ``i`` is wrapped: its next token, no value, opens the next line (``行政规范`` / ``性文件``). Such a
    label reaches lower than its row's values, so pdfminer prints it after them: a text that prints a wrapped label
    before its row's values is in another order (poppler's blocks), not read here."""
    if i + 1 >= len(r.tokens):
        return False
    t = r.tokens[i + 1]
    return not t[IS_VALUE] and t[LINE] == r.tokens[i][LINE] + 1


def _values(r: Reading, lo: int, hi: int) -> list[Token]:
    """The values from token ``lo`` (not included) to ``hi``, a converter's placeholder dash aside."""
    return [t for t in r.tokens[lo + 1 : hi] if t[IS_VALUE] and not r.placeholder(t)]

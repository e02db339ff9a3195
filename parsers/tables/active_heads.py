"""Table 二's header cells in text: which columns a run of header pieces names, and the column a value's own head
names where the text prints that head whole right before the value's run.

A text extractor that prints each cell of table 二 as a box of its own (pdfminer.six's default text) may print a
one-row block's columns out of the grid's order, each after its own head (tuning seed 7900, ``pdf-pdfminer``:
``第二十条第（八）项 本年增/减 2 上一 年项 目数 量 8``, 上一年项目数量's 8 printed after 本年增/减's 2). Where a run
of exactly as many values as the block has rows follows, with nothing between, header pieces that name one column
whole, those values are that column's: a reading that puts them in another column reads the text against itself.
"""

from __future__ import annotations

import re

from parsers.tables.ideographs import ideographs
from parsers.tables.templates import ACTIVE_HEADER_CELLS, ACTIVE_HEADERS
from parsers.tables.tokens import COMPACT, IS_VALUE, TEXT, Token

_HEADS = [(re.compile(pattern), column) for pattern, column in ACTIVE_HEADERS]
# the header cell of 信息内容 names no column: its pieces are allowed around a column's head
_NO_COLUMN = "信息内容"


def head_piece(tok: Token) -> bool:
    """The token prints header cells of table 二 or pieces of them (a head wrapped or cut into boxes; several heads
    of one line a space apart: ``本年新制作数量 本年新公开数量 对外公开总数量``)."""
    parts = [ideographs(part) for part in tok[TEXT].split()]
    return any(parts) and all(any(part in cell for cell in ACTIVE_HEADER_CELLS) for part in parts if part)


def columns_named(heads: str) -> list[str]:
    """The columns a run of header pieces (joined, ideographs only) names, in the order it names them."""
    found = sorted((m.start(), column) for rx, column in _HEADS if (m := rx.search(heads)) is not None)
    return list(dict.fromkeys(column for _, column in found))


def one_head(heads: str, column: str) -> bool:
    """The header pieces print one column's head whole and nothing else but pieces of 信息内容."""
    for cell in ACTIVE_HEADER_CELLS:
        if cell != _NO_COLUMN and columns_named(cell) == [column] and cell in heads:
            rest = heads.replace(cell, "")  # (wkhtmltopdf's bold type: a head printed twice)
            return all(ch in _NO_COLUMN for ch in rest)
    return False


def own_head_column(tokens: list[Token], first: int, lo: int, n_rows: int) -> str | None:
    """The column whose head the tokens right before value ``first`` print whole and alone (the header pieces
    back from it, to token ``lo`` at most), where the run of values from ``first`` holds exactly ``n_rows``; None
    where the text does not say so (a label or nothing between the heads and the values names no column)."""
    stop = first
    while stop < len(tokens) and tokens[stop][IS_VALUE]:
        stop += 1
    if first == 0 or stop - first != n_rows or tokens[first - 1][IS_VALUE]:
        return None
    k = first
    while k > lo and not tokens[k - 1][IS_VALUE] and head_piece(tokens[k - 1]):
        k -= 1
    heads = ideographs("".join(t[COMPACT] for t in tokens[k:first]))
    named = columns_named(heads)
    return named[0] if len(named) == 1 and one_head(heads, named[0]) else None

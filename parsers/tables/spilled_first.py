"""Table 四's first value printed before its column heads, the others after them: table 三's spill, not a cell.

``pdftotext`` without ``-layout`` prints a ruled table a cell a block, in its own order of blocks, and can print the
last cell of table 三's last row (四、结转下年度继续办理's 总计, a block to the right of the row's others) after
section 四's heading and table 四's group heads, before its column heads (tuning seed 7637: ``行政复议`` /
``行政诉讼`` / ``1`` / a page break / ``未经复议直接起`` ``诉`` / ``复议后起诉`` / the column heads' blocks / then
table 四's 15 values, in the order of those blocks). Table 四 then has sixteen values for fifteen cells; read in the
template's order, the identities dropped one of the fifteen (a 2) and read the rest one cell off, its row totals
failing: four wrong numbers. Poppler's order of table 四's own values (tables/head_blocks.py) was never tried: that
reader wants exactly fifteen.

:func:`spilled_first` names that first value where table 四 printed exactly one value more than its cells in text
printing a cell a paragraph, a column head of table 四 (未经复议直接起诉, 复议后起诉, or a piece of 结果维持 …
总计) stands between it and the second value and none after the second, and the other fifteen, read in the
template's order or in poppler's order of their head blocks, hold the table's three row totals. Table 四 is then
read from those fifteen (the caller), the first said dropped (``extra_values``, where
tables/forward_spill.py looks for it to give it back to table 三's row).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from parsers.tables.head_blocks import head_block_order, totals_hold
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW
from parsers.tables.tokens import COMPACT, START, Token

# table 四's column heads or pieces of them (its group heads 行政复议 / 行政诉讼 excluded: they print before the spill)
_COLUMN_HEAD = re.compile(r"(?:未经复议直接起诉?|诉|复议后起诉|[结果维持纠正其他尚未审总计]+)")


def _heads_between(r: Reading, a: Token, b: Token) -> bool:
    """A table 四 column head (or a piece of one) among the tokens after ``a`` and before ``b``."""
    tokens = r.tokens
    i = bisect_right(tokens, a[START], key=_start)
    j = bisect_left(tokens, b[START], key=_start)
    return any(_COLUMN_HEAD.fullmatch(t[COMPACT]) for t in tokens[i:j])


def _start(t: Token) -> int:
    return t[START]


def spilled_first(r: Reading, vals: list[Token]) -> int | None:
    """The index in ``r.tokens`` of ``vals[0]`` where it is printed apart from table 四's other values as the module
    says, those fifteen holding the row totals (in the template's order, or in poppler's order of the head blocks
    printed after it); None otherwise."""
    if len(vals) != N_REVIEW + 1 or not is_paragraph_cells(r.extracted.text):
        return None
    if not _heads_between(r, vals[0], vals[1]) or _heads_between(r, vals[1], vals[-1]):
        return None
    at_spill = bisect_left(r.tokens, vals[0][START], key=_start)
    rest = vals[1:]
    if totals_hold(rest):
        return at_spill
    at = head_block_order(r, at_spill + 1, rest)
    return at_spill if at is not None and totals_hold([rest[k] for k in at]) else None

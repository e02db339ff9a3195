"""Table 四's 15 values printed after all its heads, in the order poppler gives its head blocks.

``pdftotext`` without ``-layout`` prints a ruled table a block at a time (:mod:`parsers.tables.paragraph_cells`),
blocks apart by a blank line. Table 四's values stand on one line of the page, under its 15 column heads; where
poppler prints every head before any value, the heads come as blocks: a narrow head printed a character a line
(``结`` / ``果`` / ``维`` / ``持``) is a block of one column, and heads standing close together print as one
block of several columns, their characters row by row (``尚`` / ``未 总 结 结`` / ``审 计 果 果`` / ``维 纠`` /
``结`` / ``持 正``: 尚未审结, 总计, 结果维持, 结果纠正). The values then print in the order of those blocks, in
two passes: first the value under each block's first column, block after block; then the values under each
block's other columns, block after block. In the tuning reports that print so (bat32's 1289, 1290, 1300; 1714,
1729 of seeds 1700–1729), every value is where this order puts it. 1714's heads print as the blocks
结果维持 | 结果纠正 | 其他结果 | 尚未审结 总计 结果维持 结果纠正 | 其他结果 | 尚未审结 总计 结果维持 结果纠正 |
其他结果 | 尚未审结 总计, and its values as 行政复议's first four, 未经复议直接起诉's 其他结果 and 尚未审结,
复议后起诉's 其他结果 and 尚未审结; then 行政复议's 总计 and 未经复议直接起诉's first two, its 总计 and
复议后起诉's first two, and 复议后起诉's 总计.

:func:`head_block_order` finds the blocks (each head's column known by the character only its head has: 持
结果维持, 正 结果纠正, 他 其他结果, 审 尚未审结, 总 总计), requires the template's 15 columns to fall into them in
its order (a block takes the next columns, of exactly the kinds its heads name), at least one block of several
columns, and every head before the first value; it gives each cell's value in that order. The table is read so
only where its three row totals (its only identities) then hold, and warned (``head_blocks_order``, review
suggested: the order is poppler's as observed, not proved by the identities).
"""

from __future__ import annotations

from collections import Counter

from parsers.tables.reading import Reading
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_HEAD_KIND, REVIEW_ROWS
from parsers.tables.tokens import IS_VALUE, LINE, TEXT, Token, number_value

N_COLS = len(REVIEW_COLUMNS)
N_CELLS = len(REVIEW_ROWS) * N_COLS


def _blocks(r: Reading, start: int, vals: list[Token]) -> list[Counter[int]] | None:
    """The head blocks printed from token ``start`` up to the first of ``vals`` (lines with no blank line between
    them), each as the kinds of heads it holds; blocks with none (group heads) left out. None where a head prints
    after the first value, or ``vals`` are not found in order."""
    blocks: list[Counter[int]] = []
    kinds: Counter[int] = Counter()
    line = -2
    j = 0
    for tok in r.tokens[start:]:
        if j == len(vals):
            break
        if tok is vals[j]:
            j += 1
            continue
        if tok[IS_VALUE]:
            return None  # another value among them: not one run of the table's values
        found = [k for ch in tok[TEXT] if (k := REVIEW_HEAD_KIND.get(ch)) is not None]
        if j:
            if found:
                return None  # a head after a value: poppler's groups of heads (tables/group_order.py), not this
            continue
        if tok[LINE] > line + 1 and kinds:
            blocks.append(kinds)
            kinds = Counter()
        kinds.update(found)
        line = tok[LINE]
    if j != len(vals):
        return None
    if kinds:
        blocks.append(kinds)
    return blocks


def head_block_order(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """Each cell's index into ``vals`` (row after row) where table 四's 15 values print after all its heads, in the
    order of its head blocks (see the module's doc); None where the heads do not print so."""
    if len(vals) != N_CELLS:
        return None
    blocks = _blocks(r, start, vals)
    if blocks is None or len(blocks) < 2 or all(sum(b.values()) == 1 for b in blocks):
        return None
    columns: list[list[int]] = []
    c = 0
    for b in blocks:
        n = sum(b.values())
        if Counter(k % N_COLS for k in range(c, c + n)) != b:
            return None
        columns.append(list(range(c, c + n)))
        c += n
    if c != N_CELLS:
        return None
    printed = [cols[0] for cols in columns] + [k for cols in columns for k in cols[1:]]
    at = [0] * N_CELLS
    for k, cell in enumerate(printed):
        at[cell] = k
    return at


def totals_hold(toks: list[Token]) -> bool:
    """Table 四's three row totals hold on its 15 cells' tokens."""
    nums = [number_value(t[TEXT]) for t in toks]
    if any(v is None for v in nums):
        return False
    return all(
        abs(sum(float(v or 0) for v in nums[i : i + N_COLS - 1]) - float(nums[i + N_COLS - 1] or 0)) < 1e-6
        for i in range(0, N_CELLS, N_COLS)
    )

"""Table 四's 15 values printed after their heads, in the order poppler gives its head blocks.

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

**Groups.** Poppler can print the heads in groups instead, each group's blocks and then its values, the next
group's heads after them (4066 of ``/tmp/d49/tune``: 行政复议's heads, its five values, then the two litigation
rows' heads and their ten values). The two passes hold within each group: where the four result heads of a row
print as one block of four columns (``结果维 结果纠 其他结 尚未审`` / ``持`` / ``正`` / ``果`` / ``结``, or
``结果 结果 其他 尚未`` / ``维持 纠正 结果 审结``) and its 总计 as a block of its own (``总`` / ``计``), the group
prints 结果维持's value and 总计's first, then the three between (4066's 行政复议 ``0 1 1 0 0`` for 0 1 0 0 1; two
rows: both rows' 结果维持 and 总计, then the first row's three, then the second's). In the tuning texts whose heads
print so (4066 of ``/tmp/d49/tune``; 4003, 4020, 4039 of ``/tmp/a46/tune``; 3713 of ``/tmp/t45/tune``) every
value is where this order puts it (read in the template's order, 4039's 行政复议 ``0 1 0 0 1`` holds its total with
two values in the wrong cells). A group is taken only where it heads whole rows (a group that heads an earlier
row's 总计 prints it elsewhere: :mod:`parsers.tables.group_order`'s) and prints exactly as many values as the
cells its blocks name; the table is read so only where the three row totals hold, warned as above. One earlier
cell is taken in a group: the row before's 总计 where its head is a block of its own, the group's first (3742 of
``/tmp/w45/tune``: ``未经复议直接起诉`` / ``总`` / ``计`` / its result heads, then ``0 0 1 4 0``, 行政复议's 总计
first). Where the blocks' order is the template's own, :mod:`parsers.tables.review` does not move that 总计 after
the group's result values (group_order's shape, whose 总计 head prints among the group's result heads): 3742's
values read in order, every total holding, were right; moved, three were wrong.
"""

from __future__ import annotations

from collections import Counter

from parsers.tables.reading import Reading
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_HEAD_KIND, REVIEW_ROWS
from parsers.tables.tokens import IS_VALUE, LINE, TEXT, Token, number_value

N_COLS = len(REVIEW_COLUMNS)
N_CELLS = len(REVIEW_ROWS) * N_COLS


def _groups(r: Reading, start: int, vals: list[Token]) -> list[tuple[list[Counter[int]], int]] | None:
    """The groups of heads printed from token ``start`` on, each as its head blocks (lines with no blank line
    between them; each as the kinds of heads it holds, blocks with none, group heads, left out) and the number of
    ``vals`` printed after them and before the next group's first head. None where another value prints among them,
    or ``vals`` are not found in order."""
    groups: list[tuple[list[Counter[int]], int]] = []
    blocks: list[Counter[int]] = []
    kinds: Counter[int] = Counter()
    line = -2
    j = 0
    n = 0  # values printed after the current group's heads
    for tok in r.tokens[start:]:
        if j == len(vals):
            break
        if tok is vals[j]:
            if kinds:
                blocks.append(kinds)
                kinds = Counter()
            j += 1
            n += 1
            continue
        if tok[IS_VALUE]:
            return None  # another value among them: not one run of the table's values
        found = [k for ch in tok[TEXT] if (k := REVIEW_HEAD_KIND.get(ch)) is not None]
        if not found and n:
            continue  # a group head (复议后起诉) after a group's values: no column
        if n:
            groups.append((blocks, n))  # a head after values: the next group's
            blocks, n = [], 0
        if tok[LINE] > line + 1 and kinds:
            blocks.append(kinds)
            kinds = Counter()
        kinds.update(found)
        line = tok[LINE]
    if j != len(vals):
        return None
    if kinds:
        blocks.append(kinds)
    groups.append((blocks, n))
    return groups


def head_block_order(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """Each cell's index into ``vals`` (row after row) where table 四's 15 values print after their heads, in the
    order of its head blocks, group after group (see the module's doc); None where the heads do not print so."""
    if len(vals) != N_CELLS:
        return None
    groups = _groups(r, start, vals)
    if groups is None or all(sum(b.values()) == 1 for blocks, _ in groups for b in blocks):
        return None
    if len(groups) == 1 and len(groups[0][0]) < 2:
        return None
    printed: list[int] = []
    c = 0
    for blocks, n in groups:
        lone_total = c % N_COLS == N_COLS - 1 and bool(blocks) and blocks[0] == {N_COLS - 1: 1}
        if len(groups) > 1 and c % N_COLS and not lone_total:
            return None  # a group heading an earlier row's 总计 among its heads: tables/group_order.py's, not this
        columns: list[list[int]] = []
        for b in blocks:
            w = sum(b.values())
            if Counter(k % N_COLS for k in range(c, c + w)) != b:
                return None
            columns.append(list(range(c, c + w)))
            c += w
        if sum(len(cols) for cols in columns) != n:
            return None  # a group whose values are not exactly the cells its heads name
        printed += [cols[0] for cols in columns] + [k for cols in columns for k in cols[1:]]
    if c != N_CELLS:
        return None
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

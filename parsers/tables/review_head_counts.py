"""Table 四's blank row where poppler's blocks print its heads and values interleaved: the heads before each value.

Poppler's default text (``pdftotext`` without ``-layout``) prints table 四's heads (结果维持, 结果纠正, 其他结果,
尚未审结, 总计: fifteen, five a row) and its one line of values a block each, in its reading order: down the flows
it finds, left before right, so a flow's heads print before the values under them. The value of the table's
``c``-th cell (1–15, 行政复议's five, then 未经复议直接起诉's, then 复议后起诉's) then prints after ``c`` heads at
least (its own head and those left of it), and, as the tuning texts print it, before the heads of the row after the
next (``c + 5`` heads at most: 行政复议's 总计 after 未经复议直接起诉's result heads, 未经复议直接起诉's 总计 among
复议后起诉's heads). A row printed as nothing (ten values) leaves a gap: under each placement of the blank row each
value has its cell; the placements whose every value prints within its bounds are kept.

:func:`blank_row_by_head_counts`: the one placement kept, or None where none or several are (all the heads printed
before all the values: every placement breaks the bound; 7307, 7336, 7406). The upper bound is not taken for a value
printed after all fifteen heads where the ten heads of both litigation rows print in one run right before it, no
value among them: such a run orders no value of either row (poppler printed 复议后起诉's heads with
未经复议直接起诉's, both before 未经复议直接起诉's values: 7984, t58); where a value prints among those heads
(7468: 行政复议's 总计 after 未经复议直接起诉's result heads, before 复议后起诉's), or fewer heads print (a value
after them all may stand under a head never printed: the corpus's seed 003, its 行政复议 row blank), it is kept."""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW
from parsers.tables.templates import REVIEW_ROWS
from parsers.tables.tokens import COMPACT, IS_VALUE, START, Token

HEAD_MARKS = frozenset("维纠其尚总")  # one of each head's characters (结果维持, 结果纠正, 其他结果, 尚未审结, 总计)
N_COLS = N_REVIEW // len(REVIEW_ROWS)


def blank_row_by_head_counts(r: Reading, vals: list[Token], at: int, end: int) -> int | None:
    """The index of the blank row (0–2) the heads printed before each of the ten ``vals`` allow alone, among the
    table's tokens ``at`` (its label) to ``end``; None where fewer than ten heads or more than fifteen print there
    (a page's foot may take the last heads past section 五's heading), or no placement, or several, keep every value
    within its bounds (see the module)."""
    starts = {t[START] for t in vals}
    heads = 0
    before: list[int] = []  # the heads printed before each value, in order
    for t in r.tokens[at:end]:
        if t[IS_VALUE]:
            if t[START] in starts:
                before.append(heads)
            continue
        heads += sum(c in HEAD_MARKS for c in t[COMPACT])
    if not N_REVIEW - N_COLS <= heads <= N_REVIEW or len(before) != len(vals) or len(vals) != N_REVIEW - N_COLS:
        return None
    # a value printed after every head, right after a run of both litigation rows' heads (ten, no value among them),
    # is bounded below only: that run orders no value of either row (poppler printed 复议后起诉's heads with
    # 未经复议直接起诉's, both before 未经复议直接起诉's values: 7984); only where all fifteen print (see the module)
    after_run = [
        h == heads == N_REVIEW and h - max((g for g in before if g < h), default=0) >= 2 * N_COLS for h in before
    ]
    kept = []
    for blank in range(len(REVIEW_ROWS)):
        cells = [c for c in range(1, N_REVIEW + 1) if (c - 1) // N_COLS != blank]
        if all(c <= h and (h <= c + N_COLS or a) for c, h, a in zip(cells, before, after_run, strict=True)):
            kept.append(blank)
    return kept[0] if len(kept) == 1 else None

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
after them all may stand under a head never printed: the corpus's seed 003, its 行政复议 row blank), it is kept.

A row printed as nothing has no values under its heads, and poppler may lay its heads in one block with the row's
left of it: a line of that block then prints more single head characters than one row has columns (two rows' heads
side by side, 8131's ``果 果 他 未 总 结 结 其 尚``), and the left row's values print after both rows' heads. There
the left row's values are let print up to five heads later (:func:`head_count_placements`): the text cannot tell
the two rows of such a block apart, so both placements are kept, and :func:`blank_row_by_head_counts` chooses none
(the reader keeps what they read alike: ``review_blank_row``)."""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW
from parsers.tables.templates import REVIEW_ROWS
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE, START, TEXT, Token

HEAD_MARKS = frozenset("维纠其尚总")  # one of each head's characters (结果维持, 结果纠正, 其他结果, 尚未审结, 总计)
N_COLS = N_REVIEW // len(REVIEW_ROWS)


def blank_row_by_head_counts(r: Reading, vals: list[Token], at: int, end: int) -> int | None:
    """The index of the blank row (0–2) the heads printed before each of the ten ``vals`` allow alone, among the
    table's tokens ``at`` (its label) to ``end``; None where fewer than ten heads or more than fifteen print there
    (a page's foot may take the last heads past section 五's heading), or no placement, or several, keep every value
    within its bounds (see the module)."""
    placed = head_count_placements(r, vals, at, end)
    return placed[0][0] if placed is not None and len(placed[0]) == 1 else None


def head_count_placements(r: Reading, vals: list[Token], at: int, end: int) -> tuple[list[int], bool] | None:
    """Every blank row (0–2) under which each of the ten ``vals`` prints within its bounds (see the module), the
    bound of the values left of the blank row five heads wider where a line prints two rows' heads side by side
    (:func:`_rows_side_by_side`), and whether one does; None where fewer than ten heads or more than fifteen print
    there."""
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
    wide = _rows_side_by_side(r, at, end, min(starts))
    # a value printed after every head, right after a run of both litigation rows' heads (ten, no value among them),
    # is bounded below only: that run orders no value of either row (poppler printed 复议后起诉's heads with
    # 未经复议直接起诉's, both before 未经复议直接起诉's values: 7984); only where all fifteen print (see the module)
    after_run = [
        h == heads == N_REVIEW and h - max((g for g in before if g < h), default=0) >= 2 * N_COLS for h in before
    ]
    kept = []
    for blank in range(len(REVIEW_ROWS)):
        cells = [c for c in range(1, N_REVIEW + 1) if (c - 1) // N_COLS != blank]
        if all(
            c <= h and (h <= c + N_COLS + (N_COLS if wide and (c - 1) // N_COLS == blank - 1 else 0) or a)
            for c, h, a in zip(cells, before, after_run, strict=True)
        ):
            kept.append(blank)
    return kept, wide


def _rows_side_by_side(r: Reading, at: int, end: int, first: int) -> bool:
    """A line among the table's tokens ``at`` to ``end``, before its first value (offset ``first``), prints only
    single head characters (poppler's block of narrow head columns, a character a line each) and more of them than
    one row has columns: two rows' heads laid side by side in one block."""
    lines: dict[int, list[str]] = {}
    for t in r.tokens[at:end]:
        if t[START] >= first:
            break
        if not t[IS_VALUE]:
            lines.setdefault(t[LINE], []).extend(t[TEXT].split())
    return any(
        len(pieces) > N_COLS and all(len(p) == 1 and p in _HEAD_CHARS for p in pieces) for pieces in lines.values()
    )


# what the reading that keeps the cells both such placements read alike says (tables/review_blank_row.py), for the
# text read column by column to keep them (tables/column_four.py)
SIDE_BY_SIDE = "a line of them printing two rows' heads side by side"
_HEAD_CHARS = frozenset("结果维持纠正其他尚未审总计")  # the characters of table 四's five column heads

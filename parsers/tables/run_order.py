"""Table 四's values in runs after heads printed a row of characters at a time: each run's 总计 values last.

``pdftotext`` without ``-layout`` prints table 四's narrow column heads a row of characters at a time, across the
columns (``结 结 其 尚 总`` / ``果 果 他 未 计`` / ``维 纠 结 审`` / ``持 正 果 结``, or each character a block of its
own in that order), and the values in runs between those heads. 总计's head is two characters where the other
four are four, so its block ends higher on the page, and poppler prints a run's 总计 values after its result values
(结果维持 … 尚未审结), in row order: t37's rule (:func:`parsers.tables.group_order.after_results`) reads a run of one
earlier row's 总计 and the next row's five cells so (``1 0 0 0 [1] 1``); tuning seed 1725 prints a run of two
rows' ten cells as both rows' four result values, then both 总计 (``0 0 0 0 0 1 0 1 [0] [2]``), which read in order
holds the three row totals too (复议后起诉 ``1 0 1 0 2`` for ``0 1 0 1 2``).

:func:`totals_last` gives that order where the values print in two runs or more, the runs take the template's
cells in its order, and every head before them prints in rows of single characters, none a whole head
(``结果维持``: printed column by column, as 1332 of t37's battery and 1713 of seeds 1700–1729, whose values are in the
template's order); the table is read so only where its three row totals hold (the caller's check).
"""

from __future__ import annotations

import re

from parsers.tables.head_blocks import totals_hold
from parsers.tables.reading import Reading
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.tokens import COMPACT, IS_VALUE, TEXT, Token

N_COLS = len(REVIEW_COLUMNS)
N_CELLS = len(REVIEW_ROWS) * N_COLS
_GROUP_HEAD = re.compile(r"行政复议|行政诉讼|未经复议直接起诉|复议后起诉")
_HEAD_CHARS = set("结果维持纠正其他尚未审总计")
_WHOLE_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _runs(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """The length of each run of ``vals`` (printed after token ``start``, no other text between a run's values),
    where every column head before the last value prints as single characters, none a whole head; else None."""
    runs: list[int] = []
    pieces: list[str] = []
    j = 0
    since_value = True
    for tok in r.tokens[start:]:
        if j == len(vals):
            break
        if tok is vals[j]:
            if since_value or not runs:
                runs.append(0)
                if any(h in "".join(pieces) for h in _WHOLE_HEADS):
                    return None  # heads printed column by column, each whole
                pieces = []
            runs[-1] += 1
            since_value = False
            j += 1
            continue
        if tok[IS_VALUE]:
            return None
        text = _GROUP_HEAD.sub("", tok[COMPACT])
        if not text:
            continue
        if any(ch not in _HEAD_CHARS for ch in text) or any(len(w) > 1 for w in tok[TEXT].split()):
            return None  # other text, or a head printed in words (``结果 结果 其他``): not rows of characters
        pieces.append(text)
        since_value = True
    return runs if j == len(vals) else None


def totals_last(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """Each cell's index into table 四's 15 ``vals`` (row after row) where each run's 总计 values print after its
    result values (see the module's doc); None where the text does not print so, or that is the template's order."""
    if len(vals) != N_CELLS:
        return None
    runs = _runs(r, start, vals)
    if runs is None or len(runs) < 2:
        return None
    at = [0] * N_CELLS
    k = 0
    for n in runs:
        cells = list(range(k, k + n))
        for printed, cell in enumerate(
            [c for c in cells if c % N_COLS != N_COLS - 1] + [c for c in cells if c % N_COLS == N_COLS - 1]
        ):
            at[cell] = k + printed
        k += n
    return None if at == list(range(N_CELLS)) else at


def read_totals_last(r: Reading, start: int, vals: list[Token]) -> tuple[list[Token], str] | None:
    """Table 四's 15 ``vals`` (printed after token ``start``) as :func:`totals_last` orders them, each cell's token,
    and the warning to give (``displaced_values``, a guess), where its three row totals hold so; None otherwise."""
    at = totals_last(r, start, vals)
    if at is None:
        return None
    toks = [vals[k] for k in at]
    if not totals_hold(toks):
        return None
    keys = [f"{row}/{col}" for row in REVIEW_ROWS for col in REVIEW_COLUMNS]
    moved = [f"{keys[c]} = {toks[c][TEXT]} (value {at[c] + 1})" for c in range(N_CELLS) if at[c] != c]
    return toks, (
        f"table 四: its {N_CELLS} values print in runs after heads printed a row of characters at a time "
        "(pdftotext's block order), a run's 总计 values after its result values; read so, its three row totals "
        f"holding: {'; '.join(moved)} (the place is the block order's, not the identities': a guess)"
    )

"""Table 四's values laid in poppler's order where a value prints late: its head printed before an earlier run of
values that did not hold it.

Poppler's default text (``pdftotext`` without ``-layout``) prints table 四's heads and values a block each, in its
reading order, so each run of values (values with no head between them) follows the heads of its columns. A value
whose head printed before the run above it, yet is not in that run, prints late; where it prints in the run, the
run's order is poppler's, not the columns': its block stands under a head block that also held the heads of the run
above (``尚未 总`` / ``审结 计 结果`` / ``维持``), and poppler may put it anywhere among the run's values (7747:
the late 0 of 未经复议直接起诉's 结果维持 printed after that row's 结果纠正 ``1`` and 其他结果 ``0``). The run's other
values keep their order (their heads printed just before them, left to right).

:func:`late_cells`: the cells of a placement (ten values laid in order, one row blank) whose value differs between
the orders that put each run's late values anywhere in the run, the others in order, and keep every read row's total
(its 总计 the sum of its other four); the identities cannot settle those cells."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.review_head_counts import HEAD_MARKS, N_COLS
from parsers.tables.tokens import COMPACT, IS_VALUE, START, TEXT, Token, number_value

_MAX_RUN = 8  # a run longer than this is not searched (its orders too many); no run of the tuning texts is


def late_cells(r: Reading, laid: Sequence[Token | None], at: int, end: int) -> list[int]:
    """Cells (0-based, of the 15) of table 四 as ``laid`` (the values in printed order, blank cells None) whose value
    the late values' places leave open, among the table's tokens ``at`` (its label) to ``end``; empty where no run
    holds a late value, or every order the bounds allow reads the same."""
    cells = [k for k, t in enumerate(laid) if t is not None]
    starts = {t[START]: k for k, t in zip(cells, (laid[k] for k in cells), strict=True) if t is not None}
    runs: list[tuple[int, list[int]]] = []  # (heads printed before the run, its cells in printed order)
    heads = 0
    after_head = True
    for t in r.tokens[at:end]:
        if t[IS_VALUE]:
            if t[START] in starts:
                if after_head:
                    runs.append((heads, []))
                    after_head = False
                runs[-1][1].append(starts[t[START]])
            continue
        n = sum(c in HEAD_MARKS for c in t[COMPACT])
        heads += n
        after_head = after_head or n > 0
    if sum(len(run) for _, run in runs) != len(cells):
        return []
    value: dict[int, int | float | None] = {k: None if t is None else number_value(t[TEXT]) for k, t in enumerate(laid)}
    open_cells: list[int] = []
    for (_, run), (before, _) in zip(runs[1:], runs, strict=False):
        late = [k for k in run if k + 1 <= before]  # its head printed before the run above
        if not late or len(run) > _MAX_RUN or len({value[k] for k in run}) == 1:
            continue
        readings = {
            tuple(dict(zip(order, (value[k] for k in run), strict=True))[k] for k in run)
            for order in _orders(run, late)
            if _totals_hold(value, run, order)
        }
        for j, k in enumerate(run):
            if len({reading[j] for reading in readings}) > 1:
                open_cells.append(k)
    return sorted(open_cells)


def _orders(run: list[int], late: list[int]) -> list[list[int]]:
    """The orders of ``run``'s cells poppler may print: the ``late`` cells anywhere, the others in their order."""
    kept = [k for k in run if k not in late]
    out: list[list[int]] = []
    for places in itertools.permutations(range(len(run)), len(late)):
        order: list[int | None] = [None] * len(run)
        for k, p in zip(late, places, strict=True):
            order[p] = k
        rest = iter(kept)
        out.append([k if k is not None else next(rest) for k in order])
    return out


def _totals_hold(value: dict[int, int | float | None], run: list[int], order: list[int]) -> bool:
    """Whether every table 四 row whose five cells are read keeps its total when ``run``'s printed values are laid
    in ``order`` (the run's values, in printed order, given to ``order``'s cells)."""
    cand = dict(value)
    for k, printed in zip(order, run, strict=True):
        cand[k] = value[printed]
    for row in range(0, len(cand), N_COLS):
        five = [cand[row + c] for c in range(N_COLS)]
        if any(v is None for v in five):
            continue
        if abs(sum(v for v in five[:-1] if v is not None) - (five[-1] or 0)) > 1e-9:
            return False
    return True

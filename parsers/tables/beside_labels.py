"""Table 三's rows whose first cells poppler prints beside their labels, their other cells in one run.

In poppler's default text (``pdftotext`` without ``-layout``) each cell is a block of its own, and the blocks print
in poppler's reading order: down the columns it finds, left before right. Where the label column's wrapped labels
stand tall beside a stretch of rows, poppler may take each row's first cells into the labels' column flow, so
that a row prints its first ``k`` cells after (or between the lines of) its label, and its other cells, a block
each, print later in **one run**, in the rows' order, after some later label's text. ``k`` is the same for every row
(4057's （五）不予处理 and （六）其他处理: one value beside each of four labels, 24 values in one run after
4.无正当理由大量反复申 / 处理 / ``1`` / 请) or falls down the stretch, a staircase (3741's （一）予以公开 …
1.本机关不掌握相关政府信息: ``6 4 4 4 3 2 2 2 2 1 0`` values after the labels, （一）'s six its whole row, 44 values
after the headings 三、本年度办理结果 / （三）不予公开 / （四）无法提供 / （五）不予处理, the last label's text). A cell
printed empty prints nothing, so a row may print one value fewer, and which of its cells is empty the run does not
say.

:func:`beside_labels`: the run is the values after the last text of one row's segment (label to next label), at
least seven; the group is that row and the consecutive rows around it whose segments hold 1–6 values each and no
run, their counts not rising down the group. The run is divided among the group's rows in their order, each row
taking its cells not printed beside its label, or up to two fewer (cells printed empty), where the run's length
leaves at most three cells unprinted; where the row after the group prints fewer values than its cells, the run's
last values, as many as it lacks or fewer, may be its (3741's （六）其他处理 prints its total before its label, at
the end of the run of 4.无正当理由大量反复申请 and 5.要求行政机关确认或重新出具已获取信息, whose six values a cell
printed empty leaves). Each division whose every row total holds (a row short of cells: its last value the sum of
the others) is kept. A row read with all seven cells from the same place of the run by every kept
division is read (said, ``values_after_labels``); a row short of cells in some division, or read differently by two, is
left as it was. Nothing is read where no division holds, where a value is not a whole number, or where a row the
divisions read is read otherwise already with its total holding.

The run may also follow a row that prints no value beside its label, its own seven cells first: 7590's
二、上年结转政府信息公开申请数量 prints its seven values, then （一）予以公开's and （二）部分公开's other six each,
then those two labels with their first cells between their lines (``227``, ``0``). Where the row holding the run has
no group of its own, the run's first seven values are taken as its cells and the rest as the run of the rows after it
(a group as above); not where its cells could as well be the run's last seven, the rest before them (a division of
that whose totals hold)."""

from __future__ import annotations

from collections.abc import Iterator

from parsers.tables.align import Value
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP
from parsers.tables.tokens import IS_VALUE, TEXT, Token

MAX_UNPRINTED = 3  # cells printed empty in one run: more leave too many divisions to say anything
MAX_PER_ROW = 2  # cells printed empty in one row


def beside_labels(
    r: Reading,
    keys: list[str],
    found: list[Found | None],
    stops: dict[int, int],
    read: dict[str, list[Value]],
    table: str,
) -> dict[str, list[Token]]:
    """The rows each such group reads (see the module), by key, with their cells in order; the others not there.
    ``read``: the rows read so far (a row the group reads, read otherwise with its total holding: the group not
    read)."""
    if not is_block_cells(r.extracted.text):
        return {}
    firsts: dict[int, list[Token]] = {}  # each row's values before its segment's last text (or all of them)
    runs: dict[int, list[Token]] = {}  # a row's values after its segment's last text
    for k, f in enumerate(found):
        if f is None or k not in stops:
            continue
        seg = [t for t in r.tokens[f.index + 1 : stops[k]] if t[TEXT]]
        last_text = max((j for j, t in enumerate(seg) if not t[IS_VALUE]), default=-1)
        before = [t for t in seg[: last_text + 1] if t[IS_VALUE]]
        after = seg[last_text + 1 :]
        if last_text >= 0 and len(after) >= N_APP:
            firsts[k], runs[k] = before, after
        else:
            firsts[k] = [t for t in seg if t[IS_VALUE]]
    out: dict[str, list[Token]] = {}
    for at, whole in runs.items():
        heads, run, own = firsts, whole, ""
        group = _group(heads, runs, at)
        if len(group) < 2 and not firsts[at] and len(whole) >= 2 * N_APP:
            # no value beside its label: the row's own seven cells, then the run of the rows after it (7590); not
            # where its cells could as well be the last seven, the run before them
            heads, run = {**firsts, at: whole[:N_APP]}, whole[N_APP:]
            group = _group(heads, runs, at)
            last = {**firsts, at: whole[-N_APP:]}
            if len(group) > 1 and _agreed(group, last, whole[:-N_APP], 0):
                continue
            own = f" (the first {N_APP} values after that label its own cells)"
        if len(group) < 2 or not all(t[TEXT].isdigit() for k in group for t in (*heads[k], *runs.get(k, []))):
            continue
        nxt = group[-1] + 1  # a row after the group short of cells: its missing cells may end the run
        tail = max(0, N_APP - len(heads[nxt])) if nxt in heads and nxt not in runs and heads[nxt] else 0
        rows = _agreed(group, heads, run, tail)
        if not rows:
            continue
        chosen = {keys[k]: vals for k, vals in rows.items()}
        if any(
            key in read and read[key] != [int(t[TEXT]) for t in vals] and row_total_holds(read[key])
            for key, vals in chosen.items()
        ):
            continue  # a row read otherwise, its total holding: not this reading's to undo
        if all(read.get(key) == [int(t[TEXT]) for t in vals] for key, vals in chosen.items()):
            continue  # read so already
        counts = " ".join(str(len(heads[k])) for k in group)
        left = [keys[k] for k in group if k not in rows]
        r.warn(
            "values_after_labels",
            f"{', '.join(f'{table}/{key}' for key in chosen)}: each row's first cells printed beside its label "
            f"({counts} in the rows' order), its other cells in one run of {len(run)} values after the label of "
            f"{table}/{keys[at]}{own}: each row read as its own first cells and its share of the run, in the rows' "
            f"order (a guess: each row's total holds, and every division of the run whose totals hold reads it "
            f"alike; {'; '.join(' '.join(t[TEXT] for t in vals) for vals in chosen.values())})"
            + (
                f"; left as they were (a cell printed empty, or read otherwise by another division): "
                f"{', '.join(f'{table}/{key}' for key in left)}"
                if left
                else ""
            ),
            f"{table}/{next(iter(chosen))}",
            run[0],
        )
        out.update(chosen)
    return out


def _group(firsts: dict[int, list[Token]], runs: dict[int, list[Token]], at: int) -> list[int]:
    """The row holding the run and the consecutive rows around it that print 1–6 cells beside their labels and no
    run, their counts not rising down the group."""

    def fits(k: int) -> bool:
        return k in firsts and k not in runs and 1 <= len(firsts[k]) < N_APP

    group = [at]
    k = at - 1
    while fits(k) and len(firsts[k]) >= len(firsts[group[0]]):
        group.insert(0, k)
        k -= 1
    k = at + 1
    while fits(k) and len(firsts[k]) <= len(firsts[group[-1]]):
        group.append(k)
        k += 1
    return group


def _agreed(group: list[int], firsts: dict[int, list[Token]], run: list[Token], tail: int) -> dict[int, list[Token]]:
    """The rows every division of the run whose row totals hold reads with all their cells, from the same place of
    the run; the run's last ``tail`` values or fewer may be the next row's (their division then the rest's)."""
    wanted = [N_APP - len(firsts[k]) for k in group]
    numbers = [int(t[TEXT]) for t in run]
    readings: dict[int, set[tuple[int, int] | None]] = {k: set() for k in group}
    held = False
    for cut in range(tail + 1):
        unprinted = sum(wanted) - (len(run) - cut)
        if not 0 <= unprinted <= MAX_UNPRINTED:
            continue
        for shorts in _shortfalls(len(group), unprinted, [min(MAX_PER_ROW, w) for w in wanted]):
            division: dict[int, tuple[int, int] | None] = {}
            at = 0
            for j, k in enumerate(group):
                take = wanted[j] - shorts[j]
                cells = [int(t[TEXT]) for t in firsts[k]] + numbers[at : at + take]
                if len(cells) < 2 or not row_total_holds(cells):
                    break
                division[k] = None if shorts[j] else (at, take)
                at += take
            else:
                held = True
                for k, how in division.items():
                    readings[k].add(how)
    out: dict[int, list[Token]] = {}
    for k, seen in readings.items():
        if held and len(seen) == 1 and (how := next(iter(seen))) is not None:
            out[k] = [*firsts[k], *run[how[0] : how[0] + how[1]]]
    return out


def _shortfalls(n: int, total: int, caps: list[int]) -> Iterator[list[int]]:
    """Each way of leaving ``total`` cells unprinted among ``n`` rows, at most ``caps[j]`` in row ``j``."""
    if n == 0:
        if total == 0:
            yield []
        return
    for here in range(min(total, caps[0]) + 1):
        for rest in _shortfalls(n - 1, total - here, caps[1:]):
            yield [here, *rest]

"""Table 三's rows whose first cell poppler prints beside their wrapped labels, their other cells in one run.

In poppler's default text (``pdftotext`` without ``-layout``) a row whose label a narrow cell wrapped over two lines
may print its first cell between the label's lines (``3. 要求提供公开出版物`` / ``0``; ``4. 无正当理由大量反复申`` /
``处理`` / ``1`` / ``请``), the label, its first value and its second line one block; the rows' other cells, a
block each, print in one run after the group's labels, in the rows' order (4057's （五）不予处理 and （六）其他处理:
four labels, four first values, 24 values in one run). Each row then reads one value after its label, the run is
left after an unknown label (``请``) or unread.

:func:`beside_labels`: a group of consecutive rows, each printing one value after its label or a first value between
its label's lines then more, at least one so beside its label, and exactly ``6`` further values a row in their
segments, each after a blank line (a block of its own): each row read as its first value and the run's next six, in
the rows' order, where every row's total holds and no row of the group is read otherwise with its total holding
(said, ``values_after_labels``); else the rows are left as they were."""

from __future__ import annotations

from parsers.tables.align import Value
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import N_APP
from parsers.tables.tokens import END, IS_VALUE, START, TEXT, Token


def beside_labels(
    r: Reading,
    keys: list[str],
    found: list[Found | None],
    stops: dict[int, int],
    read: dict[str, list[Value]],
    table: str,
) -> dict[str, list[Token]]:
    """The rows of each such group (see the module), by key, with their cells in order; the others not there.
    ``read``: the rows read so far (a row of the group read otherwise with its total holding: the group not read)."""
    if not is_block_cells(r.extracted.text):
        return {}
    segments: dict[int, list[Token]] = {}
    for k, f in enumerate(found):
        if f is not None and k in stops:
            segments[k] = [t for t in r.tokens[f.index + 1 : stops[k]] if t[IS_VALUE] and t[TEXT]]
    groups: list[list[int]] = []
    for k, seg in segments.items():
        if not seg or (len(seg) > 1 and not _beside(r, seg[0])):
            continue
        if groups and groups[-1][-1] == k - 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    out: dict[str, list[Token]] = {}
    for group in groups:
        own = [segments[k][0] for k in group]
        run = [t for k in group for t in segments[k][1:]]
        if (
            not any(_beside(r, t) for t in own)
            or len(run) != (N_APP - 1) * len(group)
            or not all(t[TEXT].isdigit() for t in (*own, *run))
            or any(r.text[t[START] - 2 : t[START]] != "\n\n" for t in run)  # each of the run's values a block
        ):
            continue
        rows = {keys[k]: [own[j], *run[(N_APP - 1) * j : (N_APP - 1) * (j + 1)]] for j, k in enumerate(group)}
        if not all(row_total_holds([int(t[TEXT]) for t in vals]) for vals in rows.values()):
            continue
        if any(
            key in read and read[key] != [int(t[TEXT]) for t in vals] and row_total_holds(read[key])
            for key, vals in rows.items()
        ):
            continue  # a row read otherwise, its total holding: not this reading's to undo
        if all(read.get(key) == [int(t[TEXT]) for t in vals] for key, vals in rows.items()):
            continue  # read so already
        r.warn(
            "values_after_labels",
            f"{', '.join(f'{table}/{key}' for key in rows)}: a first cell printed beside a wrapped label, the other "
            f"cells in one run of {len(run)} values among the labels: each row read as its own first value and the "
            f"run's next {N_APP - 1}, in the rows' order (a guess: each row's total holds; "
            f"{'; '.join(' '.join(t[TEXT] for t in vals) for vals in rows.values())})",
            f"{table}/{next(iter(rows))}",
            run[0],
        )
        out.update(rows)
    return out


def _beside(r: Reading, value: Token) -> bool:
    """The value stands between a label's lines: text (no number) on the line before it and on the line after it,
    no blank line between."""
    before = r.text[: value[START]]
    after = r.text[value[END] :]
    if not before.endswith("\n") or before.endswith("\n\n") or not after.startswith("\n") or after.startswith("\n\n"):
        return False
    prev_line = before[:-1].rsplit("\n", 1)[-1].strip()
    next_line = after[1:].split("\n", 1)[0].strip()
    return bool(prev_line and next_line) and not prev_line[-1].isdigit() and not any(c.isdigit() for c in next_line)

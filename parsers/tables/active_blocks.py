"""Table 二 of a text in column order, read block by block where each 第二十条 block's count of values confirms it.

poppler's ``pdftotext`` in its default mode prints each cell of table 二 as a block of its own (a value alone on its
line, a blank line before the next): a block's row labels and its header cells come first or between, its values
after them in the template's order, row after row. The labels do not stand on their values' lines, so a reading
row by row (:func:`parsers.tables.active.read_active`) does not hold there: the text is in column order
(:mod:`parsers.tables.column_order`) and table 二 was left unread.

A block (or a run of blocks whose values all print before the later blocks' titles) is read here only where:

- it names exactly its rows (the template's rows of that 第二十条 item: 规章 and 行政规范性文件 for （一）…, found in
  its text, labels wrapped over lines joined), and no row of another item;
- it prints exactly as many values as those rows have cells in the format (``ACTIVE_DEFAULTS``): a blank cell that
  prints nothing leaves more than one placement, and the block is left blank;
- each value stands alone on its line with a line between it and the next (poppler's cell blocks: a column of
  cells joined into one box, as pdfminer makes, prints its values on adjacent lines and is not read, as its order
  may run down the columns);
- each value is of its column's kind: a count is a whole number (the change of a year may be negative), only an
  amount has a fraction; an explicit blank (``—``) is a blank cell, but not ``一`` (a header printed a character a
  line prints it too).

Its values are then read row after row in the template's order (``active_blocks_in_order``, review suggested,
naming each block read and each left). The same reading completes a text read row by row (its table 三 not in
column order) whose table 二 reading left a row short (a block's values printed apart from its labels, after the
next block's header or before a wrapped label): the short rows the blocks read whole are taken from it, only where
it agrees with every row both readings read whole (:func:`complete_by_blocks`).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from parsers.model import Warning_
from parsers.tables.active_heads import own_head_column
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_ROWS, RowDef, full_labels
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import COMPACT, IS_BLANK_MARKER, IS_VALUE, LINE, TEXT, Token, number_value

ITEM_TITLE = re.compile(r"第二十条第[（(]?([一二三四五六七八九十]{1,2})[）)]?(?:项|$)")
# the rows of each 第二十条 item, by format (SCHEMA.md's table 二)
ITEM_ROWS: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "一": ("rules", "normative_docs"),
        "五": ("licensing",),
        "六": ("penalty", "coercion"),
        "八": ("fees",),
    },
    "2019": {
        "一": ("rules", "normative_docs"),
        "五": ("licensing", "other_services"),
        "六": ("penalty", "coercion"),
        "八": ("fees",),
        "九": ("procurement",),
    },
}
SECTION_THREE = r"收到和处理政府信息公开申请情况"  # section 三's heading: where table 二's tokens end at the latest


def table_two_bounds(r: Reading, fmt: str, start: int, end: int) -> tuple[dict[str, tuple[str, ...]], int] | None:
    """Table 二's 第二十条 blocks in format ``fmt`` (each item's rows) and where its tokens end: at section 三's
    heading where it prints after token ``start`` and before ``end``, else at ``end``; None for a format without
    blocks (legacy)."""
    items = ITEM_ROWS.get(fmt)
    if items is None:
        return None
    three = r.first_index(SECTION_THREE, start + 1, end)
    return items, end if three is None else three


def titled_blocks(r: Reading, start: int, end: int) -> set[str]:
    """The 第二十条 items (一, 五, …) whose block titles print among tokens ``start`` to ``end``."""
    return {m.group(1) for t in r.tokens[start:end] if not t[IS_VALUE] and (m := ITEM_TITLE.search(t[COMPACT]))}


# each row's label as the template prints it, its shortest form (ideographs only; a wrapped label's fragments
# joined find it): 规范性文件 for ``^(行政)?规范性文件$``
def _shortest_label(row: RowDef) -> str:
    labels = full_labels([row])
    if not labels:
        raise ValueError(f"table 二's row {row.key} has no finite set of labels")
    return min(labels, key=len)


_ROW_LABELS = {row.key: _shortest_label(row) for row in ACTIVE_ROWS}
_WHOLE = re.compile(r"\d+")
_SIGNED_WHOLE = re.compile(r"[+-]?\d+")


def kind_fits(column: str, tok: Token) -> bool:
    """The value can be this column's: an explicit blank anywhere, a fraction only in an amount, a sign only in
    the year's change."""
    if tok[IS_BLANK_MARKER]:
        # a dash, never an ideograph the blank markers include (一, ー): a header printed a character a line
        # (上 / 一 / 年 …) prints those too
        return not any("\u4e00" <= ch <= "\u9fff" or ch == "ー" for ch in tok[TEXT])
    if number_value(tok[TEXT]) is None:
        return False
    plain = tok[TEXT].replace(",", "")
    if column == "amount":
        return True
    return (_SIGNED_WHOLE if column == "change" else _WHOLE).fullmatch(plain) is not None


def _own_blocks(r: Reading, values: list[Token]) -> bool:
    """Each value alone on its line, a line between it and the next (poppler's one block per cell)."""
    lines = [t[LINE] for t in values]
    if any(len(r.line_tokens(line)) != 1 for line in lines):
        return False
    return all(b - a >= 2 for a, b in itertools.pairwise(lines))


def _label_spans(tokens: list[Token], lo: int, hi: int, rows: list[str]) -> list[tuple[int, int]] | None:
    """Each row's label, as the tokens (first, last) that print it (a label wrapped over lines: several), found in
    the template's order among the non-value tokens ``lo`` to ``hi``; None where one is not found so."""
    text = ""
    owner: list[int] = []
    for i in range(lo, hi):
        if not tokens[i][IS_VALUE]:
            text += tokens[i][COMPACT]
            owner.extend([i] * len(tokens[i][COMPACT]))
    spans: list[tuple[int, int]] = []
    at = 0
    for row in rows:
        label = _ROW_LABELS[row]
        k = text.find(label, at)
        if k < 0:
            return None
        spans.append((owner[k], owner[k + len(label) - 1]))
        at = k + len(label)
    return spans


def _runs(tokens: list[Token], values: list[int]) -> list[int]:
    """The lengths of the runs of ``values`` (token indices, in order) with no other token between."""
    runs = [1]
    for a, b in itertools.pairwise(values):
        if any(not tokens[i][IS_VALUE] for i in range(a + 1, b)):
            runs.append(1)
        else:
            runs[-1] += 1
    return runs


def _block_order(
    tokens: list[Token], lo: int, hi: int, rows: list[str], columns: dict[str, tuple[str, ...]], values: list[int]
) -> str:
    """How a block's values (token indices ``values``, as many as its rows' cells) go into its cells: ``rows``
    (row after row: each row's values after the label of the row above and before the next row's label, or a single
    row, or rows of one cell),
    ``columns`` (column after column: every label before the values, and the values in runs, one a column, as
    many as the rows, parted by the header's cells: pdfminer's text boxes of a band of rows), or ``open`` (every
    label before one run of values, each label a box of its own, a blank line after it: pdfminer's boxes, ordered
    column after column where rows stand closer than columns and row after row elsewhere; nothing in the text tells
    which, and the cells both orders read alike are read; where the run holds several blocks, pdfminer's boxes may
    also interleave one block's columns with another's, and no cell of the run is read), or ``apart`` (the values
    print both before the first label and after the last: pdfminer's boxes in an order that is neither; no cell is
    read). Where the labels print as one block, a line each (no blank line between: poppler joins a column of label
    cells into one block and prints each value cell as a block of its own, row after row), ``rows``."""
    widths = {len(columns[row]) for row in rows}
    if len(rows) < 2 or widths == {1}:
        return "rows"
    spans = _label_spans(tokens, lo, hi, rows)
    if spans is None:
        return "rows"  # the labels are named (blocks_reading) but not in the template's order: as before
    at = 0
    for k, row in enumerate(rows):
        mine = values[at : at + len(columns[row])]
        at += len(columns[row])
        after = spans[k - 1][1] if k else lo - 1
        before = spans[k + 1][0] if k + 1 < len(rows) else hi
        if not all(after < i < before for i in mine):
            break
    else:
        # each row's values after the row above's label and before the next row's: row after row (its own label
        # before them, or after them where it wraps lower than its values: pdfminer's ``-F disabled``)
        return "rows"
    if len(widths) == 1 and values[0] > spans[-1][1]:
        runs = _runs(tokens, values)
        if len(runs) == widths.pop() and set(runs) == {len(rows)}:
            return "columns"
    if all(tokens[b[0]][LINE] - tokens[a[1]][LINE] == 1 for a, b in itertools.pairwise(spans)):
        return "rows"  # the label column printed as one block, a label a line: poppler's, its cells row after row
    if values[0] < spans[0][0] and values[-1] > spans[-1][1]:
        return "apart"
    return "open"


def _column_cells(blocks: list[tuple[str, ...]], columns: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """The cells of a run of blocks (each its rows), block after block, each block's column after column where its
    rows share their columns (else row after row)."""
    out: list[tuple[str, str]] = []
    for rows in blocks:
        if len({columns[row] for row in rows}) == 1:
            out.extend((row, col) for col in columns[rows[0]] for row in rows)
        else:
            out.extend((row, col) for row in rows for col in columns[row])
    return out


@dataclass
class BlocksReading:
    cells: dict[str, Token]  # key → the value read (an explicit blank's token where it printed one)
    read: list[str]  # the blocks read, as the warning names them
    left: list[str]  # the blocks left, and why
    at: Token  # the first block's title
    # cells left blank as the text does not say whether a block prints row after row or column after column:
    # key → the values the two orders put there
    open: dict[str, tuple[str, str]] = field(default_factory=dict)
    open_at: Token | None = None

    def said(self) -> str:
        return "read " + ", ".join(self.read) + ("; not read: " + ", ".join(self.left) if self.left else "")


def blocks_reading(r: Reading, fmt: str, start: int, end: int) -> BlocksReading | None:
    """Table 二 (tokens ``start`` to ``end``) read block by block as the module says, nothing put into ``r``; None
    where no block is read."""
    items = ITEM_ROWS.get(fmt)
    if items is None:
        return None
    defaults = ACTIVE_DEFAULTS[fmt]
    tokens = r.tokens
    titles: list[tuple[int, str]] = []
    for i in range(start, end):
        m = ITEM_TITLE.search(tokens[i][COMPACT]) if not tokens[i][IS_VALUE] else None
        if m:
            titles.append((i, m.group(1)))
    if not titles or any(t[IS_VALUE] for t in tokens[start : titles[0][0]]):
        return None  # values before the first block's title: whose they are, nothing says
    spans = [(i, item, titles[k + 1][0] if k + 1 < len(titles) else end) for k, (i, item) in enumerate(titles)]
    out: dict[str, Token] = {}
    read: list[str] = []
    left: list[str] = []
    open_cells: dict[str, tuple[str, str]] = {}
    open_at: Token | None = None
    k = 0
    while k < len(spans):
        group = [spans[k]]
        values = [t for t in tokens[group[0][0] : group[0][2]] if t[IS_VALUE]]
        need = sum(len(defaults[row]) for row in items.get(group[0][1], ()))
        # a run of blocks whose values all print before the later titles (those blocks print none of their own)
        while len(values) > need and k + len(group) < len(spans):
            nxt = spans[k + len(group)]
            if any(t[IS_VALUE] for t in tokens[nxt[0] : nxt[2]]) or nxt[1] not in items:
                break
            group.append(nxt)
            need += sum(len(defaults[row]) for row in items[nxt[1]])
        k += len(group)
        names = "、".join(f"（{item}）" for _, item, _ in group)
        rows = [row for _, item, _ in group for row in items.get(item, ())]
        if not rows or any(item not in items for _, item, _ in group):
            left.append(f"第二十条第{names}项 (not the format's)")
            continue
        text = "".join(t[COMPACT] for t in tokens[group[0][0] : group[-1][2]] if not t[IS_VALUE])
        named = [row for row, label in _ROW_LABELS.items() if label in text]
        cells = [(row, col) for row in rows for col in defaults[row]]
        why = None
        if sorted(named) != sorted(rows):
            why = "its row labels are not the template's"
        elif len(values) != len(cells):
            why = f"{len(values)} values for {len(cells)} cells"
        elif not _own_blocks(r, values):
            why = "its values do not each stand alone"
        elif not all(kind_fits(col, tok) for (_, col), tok in zip(cells, values, strict=True)):
            why = "a value is not of its column's kind"
        if why is not None:
            left.append(f"第二十条第{names}项 ({why})")
            continue
        lo, hi = group[0][0], group[-1][2]
        at_values = [i for i in range(lo, hi) if tokens[i][IS_VALUE]]
        order = _block_order(tokens, lo, hi, rows, defaults, at_values)
        by_rows = dict(zip(cells, values, strict=True))
        # each cell's token index (this module is compiled: tokens are never compared by identity here)
        placed_at = dict(zip(cells, at_values, strict=False))
        how = ""
        if order != "rows":
            down = _column_cells([items[item] for _, item, _ in group], defaults)
            by_columns = dict(zip(down, values, strict=True))
            if order != "apart" and not all(kind_fits(col, tok) for (_, col), tok in by_columns.items()):
                order = "rows"  # only row after row puts each value in a column of its kind
            elif order == "columns":
                by_rows = by_columns
                placed_at = dict(zip(down, at_values, strict=False))
                how = ", column after column as its header's cells part them"
            else:
                # a run of several blocks: pdfminer's boxes may interleave one block's columns with another's (a
                # later block's column printed between the first block's), an order neither reading follows; values
                # printed on both sides of the labels: an order of the boxes neither reading is. No cell is read
                # (4057, 4066; 4051, 4064, 4073: the cells the two orders read alike were wrong)
                unread = (
                    "a run of several blocks, whose values pdfminer's boxes may interleave block with block"
                    if len(group) > 1
                    else "its values print both before its labels and after them (pdfminer's boxes), an order "
                    "neither row after row nor column after column"
                    if order == "apart"
                    else None
                )
                for cell in cells:
                    a, b = by_rows[cell], by_columns[cell]
                    if a[TEXT] != b[TEXT] or unread:
                        open_cells[f"{T}/{cell[0]}/{cell[1]}"] = (a[TEXT], b[TEXT])
                        open_at = open_at or a
                kept = sum(1 for cell in cells if f"{T}/{cell[0]}/{cell[1]}" not in open_cells)
                how = (
                    f", none read: {unread}"
                    if unread
                    else f", {kept} cells that row after row and column after column read alike"
                )
        # a run of one column's values right after that column's head, whole, read into another column: the
        # reading goes against the text (pdfminer's boxes print a one-row block's columns each after its own head,
        # in their boxes' order, not the grid's), the block is left (read, if at all, by its runs' heads:
        # parsers/tables/active_boxes.py)
        against = [
            (col, head)
            for (row, col) in by_rows
            if (row, col) in placed_at
            and (head := own_head_column(tokens, placed_at[(row, col)], lo, len(rows))) is not None
            and head != col
        ]
        if against:
            col, head = against[0]
            left.append(f"第二十条第{names}项 (a value printed right after the head of {head}, read into {col})")
            for key in [key for key in open_cells if key.split("/")[1] in rows]:
                del open_cells[key]
            continue
        for (row, col), tok in by_rows.items():
            if f"{T}/{row}/{col}" not in open_cells:
                out[f"{T}/{row}/{col}"] = tok
        read.append(f"第二十条第{names}项 ({len(values)} values, {len(rows)} row{'s' if len(rows) > 1 else ''}{how})")
    if not read:
        return None
    return BlocksReading(out, read, left, tokens[titles[0][0]], open_cells, open_at)


_SAID = (
    "table 二 read from its values in the order the text prints them, row after row of the template, block by block "
    "where a block names its rows, prints exactly as many values as they have cells, each alone on its line, each of "
    "its column's kind (parsers/tables/active_blocks.py)"
)


def read_active_blocks(r: Reading, fmt: str, start: int, end: int) -> bool:
    """Table 二 (tokens ``start`` to ``end``) read into ``r`` block by block as the module says; whether any block
    was read (the warning names those read and those left)."""
    got = blocks_reading(r, fmt, start, end)
    if got is None:
        return False
    for key, tok in got.cells.items():
        r.put(key, tok)
    r.warn("active_blocks_in_order", f"{_SAID}: {got.said()}", T, got.at)
    if got.open:
        for key in got.open:
            r.put(key, None, blank_where=got.open_at)
        r.warn(
            "placement_open",
            "table 二: a block's row labels, each a box of its own, all print before one run of its values, which "
            "row after row and column after column place apart (pdfminer orders its text boxes column after column "
            "where rows stand closer than columns; no identity of table 二 decides): left blank "
            + ", ".join(f"{key} ({' or '.join(dict.fromkeys(pair))})" for key, pair in got.open.items()),
            T,
            got.open_at,
        )
    return True


@functools.cache
def _cell_keys(fmt: str, row: str) -> tuple[str, ...]:
    """The keys of table 二's row ``row``'s cells in format ``fmt`` (made once: every report asks for every row's
    several times)."""
    return tuple(f"{T}/{row}/{col}" for col in ACTIVE_DEFAULTS[fmt][row])


def complete_by_blocks(r: Reading, fmt: str, start: int, end: int, mark: int) -> None:
    """Table 二 read row by row (:func:`parsers.tables.active.read_active`, its warnings from ``mark`` on) with a
    row left short of cells (poppler printed a block's values apart from its labels: after the next block's
    header, before a wrapped label): where the reading block by block agrees with every row both read whole, the
    rows it reads whole in place of the short ones, their warnings of the reading row by row dropped
    (``active_blocks_in_order``, review suggested)."""
    items = ITEM_ROWS.get(fmt)
    if items is None:
        return
    rows = [row for item in items.values() for row in item]
    keys = functools.partial(_cell_keys, fmt)

    def whole(row: str) -> bool:
        """Every cell read: a number, or an explicit blank printed (``—``)."""
        return all((c := r.cells.get(k)) is not None and (c.value is not None or c.raw) for k in keys(row))

    short = [row for row in rows if any(k in r.cells for k in keys(row)) and not whole(row)]
    if not short:
        return
    got = blocks_reading(r, fmt, start, end)
    if got is None:
        return
    both = [row for row in rows if whole(row) and all(k in got.cells for k in keys(row))]
    if any(got.cells[k][TEXT] != r.cells[k].raw for row in both for k in keys(row)):
        return  # the two readings disagree: neither confirms the other
    fill = [row for row in short if all(k in got.cells for k in keys(row))]
    if not fill:
        return
    for row in fill:
        for k in keys(row):
            r.cells.pop(k, None)
            r.put(k, got.cells[k])
    r.warnings[mark:] = [w for w in r.warnings[mark:] if not _about(w, fill)]
    r.warn(
        "active_blocks_in_order",
        f"{_SAID}: {got.said()}; rows {', '.join(fill)} taken from it, as the reading row by row left cells of them "
        f"blank, and it agrees with every row both read whole ({len(both)})",
        T,
        got.at,
    )


def _about(w: Warning_, fill: list[str]) -> bool:
    """Whether the row-by-row reading's warning ``w`` is about rows now read again (``fill``): keyed by one of them,
    or a run's warning (keyed by the table) whose first row is one of them, as when runs were keyed by their first
    row (version 244)."""
    if w.rows:
        return w.rows[0] in fill
    return w.key is not None and w.key.split("/")[:2] in ([T, row] for row in fill)

"""Table 二's one-row blocks whose label cell the engine lost, placed by the template (the parser's own OCR only).

A scan's ruled table prints each grid row as one TAB line (:mod:`parsers.ocr.layout`). Where the engine reads a
row's label cell as nothing (synth_1400 and synth_486: ``\\t1\\t452.4`` under 第二十条第（九）项's header, the label
``政府集中采购`` lost), no label names the row and :func:`parsers.tables.active.read_active` leaves it missing. Some
第二十条 items have one row only in the template (SCHEMA.md: 2021's （五） 行政许可 and （八） 行政事业性收费; 2019's
（八） 行政事业性收费 and （九） 政府集中采购): a line between such a block's title and the next block that prints no
text before its values, exactly as many values as the row has cells, is that row. Taken only where it is the one
line of the block printing a value, its values are each a number or an explicit blank, a count a whole number, and
no row read before took them. Each row so placed is a ``fuzzy_label`` warning naming the guess. A line of fewer
values (synth_1407: ``14.6002``, the count and the amount run together) leaves the row missing.

A run of rows of several blocks may lose their labels together (synth_4114, a photographed page: the engine read the
label column of 第二十条第（一）、（五）、（六）项 as nothing or as ``行政许下``, and two block titles as nothing). The
template fixes the rows' order, and a scan prints each grid row as one line: where the rows found before and after a
run of missing rows (the table's start or end where none is) hold between them exactly as many lines printing values
as the run has rows, each a grid line whose label cell reads nothing or text that names no row (no block's title, no
header's cell, no row found), and each line prints exactly as many values as its row in the template's order has
cells (of its columns' kinds, none read already), the lines are the rows in that order
(:func:`place_lost_runs`). Each row so placed is a ``lost_label_placed`` warning naming the line (review
required): nothing on the page says which row it is but the order.
"""

from __future__ import annotations

import itertools

from parsers.tables.active_blocks import ITEM_ROWS, ITEM_TITLE
from parsers.tables.active_missing_rows import HEADER_WORDS, missing_runs, rows_in_order
from parsers.tables.active_rows import BLOCK_RE
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_ROWS
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import COL, COMPACT, IS_NUMBER, IS_VALUE, LINE, TABBED, TEXT, Token, number_value

GRID_REACH = 12  # lines of a grid, at most, walked back from a table's start to the grid's first line
LABEL_SPECK = 2  # characters, at most, of a number a lost label's cell reads (a speck, a stroke read as a digit)
_AMOUNTS = ("amount",)  # the one column of table 二 whose cells may hold a fraction (SCHEMA.md)
ACTIVE_TITLE = r"主动公开政府信息情况$"  # section 二's heading (its numeral aside), the table's title


def place_lost_single_rows(r: Reading, fmt: str, blocks: list[int], found: set[str], end: int) -> set[str]:
    """The rows placed (their cells put in ``r``): each one-row block's row not found, whose block prints one line of
    values with no text before them (see the module's doc). Only in the parser's own OCR (``Extracted.ocr``)."""
    placed: set[str] = set()
    items = ITEM_ROWS.get(fmt)
    if not r.extracted.ocr or items is None:
        return placed
    columns = ACTIVE_DEFAULTS[fmt]
    bounds = [*sorted(blocks), end]
    for b, stop in itertools.pairwise(bounds):
        title = ITEM_TITLE.search(r.tokens[b][COMPACT])
        rows = items.get(title[1]) if title else None
        if rows is None or len(rows) != 1 or rows[0] in found or rows[0] in placed:
            continue
        key = rows[0]
        line = _values_line(r, b, stop)
        if line is None:
            continue
        vals = line
        cols = columns[key]
        if len(vals) != len(cols) or not _kinds_hold(vals, cols) or _taken(r, vals):
            continue
        for col, tok in zip(cols, vals, strict=True):
            r.put(f"{T}/{key}/{col}", tok)
        label = next(row.label for row in ACTIVE_ROWS if row.key == key)
        r.warn(
            "fuzzy_label",
            f"{T}/{key}: label cell read as nothing, placed as the template's {label!r}, the one row of "
            f"{r.tokens[b][TEXT]!r} (its one line of values: {', '.join(t[TEXT] for t in vals)})",
            f"{T}/{key}",
            vals[0],
        )
        placed.add(key)
    return placed


def _values_line(r: Reading, b: int, stop: int) -> list[Token] | None:
    """The one line after block title ``b`` (before token ``stop``) that prints a value, when it is a grid line whose
    cells before its values are empty: its values; else None."""
    tokens = r.tokens
    by_line: dict[int, list[Token]] = {}
    for tok in tokens[b + 1 : min(stop, len(tokens))]:
        if tok[LINE] != tokens[b][LINE]:
            by_line.setdefault(tok[LINE], []).append(tok)
    printing = [cells for cells in by_line.values() if any(t[IS_VALUE] for t in cells)]
    if len(printing) != 1:
        return None
    (cells,) = printing
    first = next(k for k, t in enumerate(cells) if t[IS_VALUE])
    if not first or not all(t[TABBED] for t in cells) or any(t[TEXT] for t in cells[:first]):
        return None  # a label (a row's, or a header cell read as a number) or a line of no grid
    vals = [t for t in cells[first:] if t[TEXT]]
    if not all(t[IS_VALUE] for t in vals):
        return None
    return vals


def _kinds_hold(vals: list[Token], cols: tuple[str, ...]) -> bool:
    """Each value is a number of its column's kind (a count whole, only an amount with a fraction) or a blank."""
    for tok, col in zip(vals, cols, strict=True):
        if not tok[IS_NUMBER]:
            continue  # an explicit blank (—, /, 无)
        value = number_value(tok[TEXT])
        if value is None or (col not in _AMOUNTS and not float(value).is_integer()):
            return False
    return True


def _taken(r: Reading, vals: list[Token]) -> bool:
    """A value already read as another row's cell (a row before, short of values, reading on past its block)."""
    starts = {r.where(t).offset for t in vals}
    return any(c.where is not None and c.where.offset in starts for c in r.cells.values())


def place_lost_runs(
    r: Reading, fmt: str, labels: list[tuple[int, str]], found: set[str], start: int, end: int
) -> set[str]:
    """The rows placed (their cells put in ``r``): each run of rows not ``found`` whose lines between the found rows
    around it (``labels``: each found row's label token; the table's ``start`` and ``end`` where none is) are as
    many as its rows, in the template's order (see the module's doc). Only in the parser's own OCR."""
    placed: set[str] = set()
    if not r.extracted.ocr or fmt not in ACTIVE_DEFAULTS:
        return placed
    order = rows_in_order(fmt)
    # the table's start: section 二's heading where a block's title was lost before the first one read
    at_title = 0
    while (i := r.first_index(ACTIVE_TITLE, at_title, start)) is not None:
        at_title = i + 1
    start = at_title - 1 if at_title else grid_top(r, start)
    at = {key: i for i, key in labels if key in found}
    claimed = set(at.values())
    for k, j in missing_runs(order, found):
        run = order[k:j]
        lo = at.get(order[k - 1].key) if k else start
        hi = at.get(order[j].key) if j < len(order) else end
        if lo is None or hi is None or lo >= hi:
            continue  # a neighbour found by no label (placed by its values alone): the run's bounds not known
        lines = _run_lines(r, lo, hi, claimed)
        if lines is None or len(lines) != len(run):
            continue
        columns = [ACTIVE_DEFAULTS[fmt][row.key] for row in run]
        lines = [_label_read_as_number(head, vals, len(c)) for (head, vals), c in zip(lines, columns, strict=True)]
        pairs = list(zip(lines, columns, strict=True))
        if any(len(v) != len(c) or not _kinds_hold(v, c) or _taken(r, v) for (_, v), c in pairs):
            continue
        for row, (head, vals), cols in zip(run, lines, columns, strict=True):
            for col, tok in zip(cols, vals, strict=True):
                r.put(f"{T}/{row.key}/{col}", tok)
            read = f"its label read {head!r}" if head else "its label cell read as nothing"
            r.warn(
                "lost_label_placed",
                f"{T}/{row.key}: a grid line placed as the template's {row.label!r} by the template's order alone "
                f"({read}; {len(run)} row(s) missing between the rows found, as many lines of values: "
                f"{', '.join(t[TEXT] for t in vals)})",
                f"{T}/{row.key}",
                vals[0],
            )
            placed.add(row.key)
    return placed


def grid_top(r: Reading, start: int) -> int:
    """Where no section 二 heading was read: the token before the TAB run of grid lines that holds token ``start``
    (the table's start as its reader found it, a block's title), those lines back to a line of no grid (a paragraph)
    being the same grid's; ``start`` where its line is no grid line or the run reaches past :data:`GRID_REACH` lines
    or the text's start (its bounds not known). A block's title the scan lost or misread (``第一十条第(一)项``) makes
    the reader start the table at the next block's: the rows of the first block are the grid's lines before it."""
    tokens = r.tokens
    if not tokens[start][TABBED]:
        return start
    i, line = start, tokens[start][LINE]
    while i > 0 and tokens[i - 1][LINE] == line:
        i -= 1  # the first token of start's line
    for _ in range(GRID_REACH):
        if i == 0:
            return start
        j = i - 1
        above = tokens[j][LINE]
        while i > 0 and tokens[i - 1][LINE] == above:
            i -= 1
        if above != line - 1 or j == i or not all(t[TABBED] for t in tokens[i : j + 1]):
            return j  # a paragraph, a blank line or a line of one cell: the grid starts after it
        line = above
    return start


def _label_read_as_number(head: str, vals: list[Token], cells: int) -> tuple[str, list[Token]]:
    """A grid line whose label cell reads one short number (a speck, or what a fax left of the label: synth_4144's
    规章 read ``2``) and whose other cells print one value more than its row has cells less that one: the label
    cell's reading is its label's, no value of the row (the grid's first column is the labels'). Else as read."""
    if (
        not head
        and len(vals) == cells + 1
        and vals[0][COL] == 0
        and vals[0][IS_NUMBER]
        and len(vals[0][COMPACT]) <= LABEL_SPECK
        and all(t[COL] > 0 for t in vals[1:])
    ):
        return vals[0][TEXT], vals[1:]
    return head, vals


def _run_lines(r: Reading, lo: int, hi: int, claimed: set[int]) -> list[tuple[str, list[Token]]] | None:
    """The lines after token ``lo``'s line and before token ``hi`` that print a value, each as the text before its
    values and the values (None where a line's values follow a block's title, a header's cell or a found row's
    label, or the line is no grid line)."""
    tokens = r.tokens
    by_line: dict[int, list[tuple[int, Token]]] = {}
    for i in range(lo, min(hi, len(tokens))):
        if tokens[i][LINE] != tokens[lo][LINE]:
            by_line.setdefault(tokens[i][LINE], []).append((i, tokens[i]))
    out: list[tuple[str, list[Token]]] = []
    for cells in by_line.values():
        first = next((n for n, (_, t) in enumerate(cells) if t[IS_VALUE]), None)
        if first is None:
            continue
        if not all(t[TABBED] for _, t in cells):
            return None
        head = "".join(t[COMPACT] for _, t in cells[:first])
        if any(i in claimed for i, _ in cells) or BLOCK_RE.search(head) or HEADER_WORDS.search(head):
            return None
        vals = [t for _, t in cells[first:] if t[TEXT]]
        if not all(t[IS_VALUE] for t in vals):
            return None
        out.append((head, vals))
    return out

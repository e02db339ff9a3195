"""Table rows whose rules the scan lost: a grid row holding several of the template's rows, split by its lines.

A fax's threshold or a faint photocopy drops a table's hairline rules between rows: the grid (:mod:`grid`) then
finds one tall row where the template prints two to five, and each of its cells holds a stack of them — a column's
numbers one over another (816 over 0), the labels' lines beside them. Read as one cell, a stack of numbers is read
as one line (21 over 222 read ``2``) and laid out as one row, and the rows' values are lost or run together.

The template prints one number a cell. A grid row is split when two of its cells at least hold two numbers or
more one over another (the engine read them as separate lines of like height; zeros read as letters count; or, where
the engine read the cell as one number, its ink lies in runs as tall as digits a text line apart or more), at
blank bands across the whole row (its cells one grid row tall, the rules left out): between two stacked
numbers at the widest band between them, and elsewhere (a head printing no number, 三、本年度办理结果) at a band as
wide as those at least that is a row's gap, not a wrapped label's: between two rows the cells' padding adds to
the leading (synth_1918, 49 px text: 67–71 px between rows, 35 px between a label's wrapped lines; synth_1916,
41 px text: 24–28 px, 11 px). The split must put each stacked number in a row of its own, else the row is left
as it is. A cell over several grid rows (a label beside them) covers the pieces. The page is then read again
on the split grid (a guess: the page's note says where, ``ocr_rows_split``, and review is required).
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np

from parsers.ocr.engine import CELL_INSET, NUMBER_TEXT, Ink, Line
from parsers.ocr.grid import Cell, Table
from parsers.ocr.preprocess import Grey

ROW_GAP = 1.0  # text heights: a blank band across a grid row at least this tall lies between two template rows
JOIN_GAP = 0.25  # text heights: a thinner blank band (a speck's edge, two lines touching) is no gap


def _char_height(ink: Ink) -> float:
    heights = sorted(w.box[3] - w.box[1] for lines in [ink.lines, *ink.cells.values()] for line in lines for w in line)
    return float(heights[len(heights) // 2]) if heights else 20.0


# zeros the engine reads as letters (a fax's or toner's 0 read O, o, 〇): a line of them is a number's line here
ZERO_LIKE = str.maketrans({"O": "0", "o": "0", "〇": "0"})
# cells of the row holding a stack of numbers, at least: one such cell alone may be two zeros the engine read in a
# row whose other cells it read as no number, and its labels as badly (synth_1916 p1: 规章's 4 and 16 read 母 and 工训,
# the row below's label unread, its values then taken for 规章's)
MIN_STACKS = 2
SHORT = 0.6  # of the tallest: a line of a stack shorter than this is a speck, no number
DIGIT_RUN = 1.5  # text heights: a run of a cell's ink taller than this is no one line of digits


def _numbers(lines: list[Line]) -> list[tuple[int, int]]:
    """The vertical spans of a cell's lines read as numbers (zeros read as letters counted), when two or more lie one
    over another, one at least read as a number as it is, and none much shorter than the others."""
    found = [
        ((min(w.box[1] for w in line), max(w.box[3] for w in line)), text)
        for line in lines
        if line and NUMBER_TEXT.match((text := "".join(w.text for w in line)).translate(ZERO_LIKE))
    ]
    spans = sorted(span for span, _ in found)
    if len(spans) < 2 or not any(NUMBER_TEXT.match(text) for _, text in found):
        return []
    if any(b[0] < a[1] for a, b in itertools.pairwise(spans)):
        return []
    tallest = max(b - a for a, b in spans)
    return [] if any(b - a < SHORT * tallest for a, b in spans) else spans


def _ink_runs(mask: Grey, cells: list[Cell], y0: int, y1: int, char: float) -> list[tuple[int, int]]:
    """The runs of rows of the grid row (``y0``–``y1``) that hold ink in any of its cells (runs closer than
    :data:`JOIN_GAP` text heights joined)."""
    seen = np.zeros(y1 - y0, dtype=bool)
    for cell in cells:
        x0, _, x1, _ = cell.box
        part = mask[y0 + CELL_INSET : y1 - CELL_INSET, x0 + CELL_INSET : x1 - CELL_INSET]
        if part.size:
            seen[CELL_INSET : y1 - y0 - CELL_INSET] |= part.any(axis=1)
    runs: list[tuple[int, int]] = []
    start = None
    for i, v in enumerate([*seen.tolist(), False]):
        if v and start is None:
            start = i
        elif not v and start is not None:
            if runs and y0 + start - runs[-1][1] < JOIN_GAP * char:
                runs[-1] = (runs[-1][0], y0 + i)
            else:
                runs.append((y0 + start, y0 + i))
            start = None
    return runs


def _bands(stacks: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The stacked numbers' lines across the row's cells, those that overlap one band."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(span for spans in stacks for span in spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _cuts(runs: list[tuple[int, int]], bands: list[tuple[int, int]], char: float) -> list[int]:
    """Where the row is cut: between two bands of numbers, at the widest blank band between their middles (none:
    no cut at all); and at every other blank band as wide as nine tenths of the narrowest of those at least, that
    is a row's gap rather than a wrapped label's: :data:`ROW_GAP` text heights, or half as wide again as the
    row's narrowest."""
    gaps = [(a[1], b[0]) for a, b in itertools.pairwise(runs)]
    if not gaps:
        return []
    chosen: list[tuple[int, int]] = []
    for above, below in itertools.pairwise(bands):
        top, bottom = (above[0] + above[1]) / 2, (below[0] + below[1]) / 2
        between = [g for g in gaps if top <= (g[0] + g[1]) / 2 <= bottom]
        if not between:
            return []
        chosen.append(max(between, key=lambda g: g[1] - g[0]))
    narrowest = min(g[1] - g[0] for g in gaps)
    least = min((g[1] - g[0] for g in chosen), default=ROW_GAP * char)
    chosen += [
        g
        for g in gaps
        if g not in chosen
        and g[1] - g[0] >= 0.9 * least
        and (g[1] - g[0] >= ROW_GAP * char or g[1] - g[0] >= 1.5 * narrowest)
    ]
    return sorted((a + b) // 2 for a, b in set(chosen))


def _ink_stack(lines: list[Line], runs: list[tuple[int, int]], char: float) -> list[tuple[int, int]]:
    """The vertical spans of a cell the engine read as one number, one line, where its ink lies in two runs or more
    one over another, each as tall as a digit (:data:`SHORT` to :data:`DIGIT_RUN` text heights) and each
    :data:`ROW_GAP` text heights at least from the next: numbers one over another read as one (synth_4145, a fax:
    two rows' zeros in each cell, 345 px apart at 61 px text, read ``7``)."""
    if len(lines) != 1 or not NUMBER_TEXT.match("".join(w.text for w in lines[0]).translate(ZERO_LIKE)):
        return []
    if len(runs) < 2 or any(not SHORT * char <= b - a <= DIGIT_RUN * char for a, b in runs):
        return []
    if any(b[0] - a[1] < ROW_GAP * char for a, b in itertools.pairwise(runs)):
        return []
    return runs


def _row_cuts(t: int, table: Table, r: int, ink: Ink, mask: Grey, char: float) -> list[int]:
    cells = [c for c in table.cells if c.row == r and c.rows == 1]
    y0, y1 = table.ys[r], table.ys[r + 1]
    stacks = [
        s
        for c in cells
        if (s := _numbers(lines := ink.cells.get((t, r, c.col), [])))
        or (s := _ink_stack(lines, _ink_runs(mask, [c], y0, y1, char), char))
    ]
    if len(stacks) < MIN_STACKS:
        return []
    cuts = _cuts(_ink_runs(mask, cells, y0, y1, char), _bands(stacks), char)
    for spans in stacks:  # each stacked number in a piece of its own
        pieces = [sum(1 for y in cuts if y < (a + b) / 2) for a, b in spans]
        if len(set(pieces)) != len(pieces):
            return []
    return cuts


def split_rows(tables: list[Table], ink: Ink, mask: Grey) -> tuple[list[Table], list[str]]:
    """The tables with each grid row that holds several template rows split (:func:`_row_cuts`), and a note for
    each row split (the tables as they were, and no note, when none is)."""
    char = _char_height(ink)
    out: list[Table] = []
    notes: list[str] = []
    for t, table in enumerate(tables):
        cuts = {r: c for r in range(table.n_rows) if (c := _row_cuts(t, table, r, ink, mask, char))}
        if not cuts:
            out.append(table)
            continue
        shift = [sum(len(c) for row, c in cuts.items() if row < r) for r in range(table.n_rows + 1)]
        ys = sorted([*table.ys, *(y for c in cuts.values() for y in c)])
        cells: list[Cell] = []
        for cell in table.cells:
            row = cell.row + shift[cell.row]
            end = cell.row + cell.rows
            if cell.row not in cuts or cell.rows != 1:  # a cell over several grid rows covers the pieces of each
                cells.append(replace(cell, row=row, rows=end + shift[end] - row))
                continue
            x0, y0, x1, y1 = cell.box
            edges = [y0, *cuts[cell.row], y1]
            cells += [
                Cell(row + i, cell.col, 1, cell.cols, (x0, a, x1, b))
                for i, (a, b) in enumerate(itertools.pairwise(edges))
            ]
        out.append(Table(table.box, list(table.xs), ys, cells))
        for r, c in sorted(cuts.items()):
            notes.append(
                f"table {t + 1}'s grid row {r + 1} held numbers one over another (its rules lost): split into "
                f"{len(c) + 1} rows by its blank bands"
            )
    return out, notes


# ---------------------------------------------------------------------------------------------- heads over values
# cells of a grid row whose last line is a number under lines of text, at least: the rule between a row of heads and
# the row of their values lost (synth_1916 p3, table 四: 结果维持 over 0 in each of its fifteen cells)
MIN_VALUE_CELLS = 4


def _is_number(line: Line) -> bool:
    return bool(NUMBER_TEXT.match("".join(w.text for w in line).translate(ZERO_LIKE)))


def _span(line: Line) -> tuple[int, int]:
    return min(w.box[1] for w in line), max(w.box[3] for w in line)


def _head_cut(t: int, table: Table, r: int, ink: Ink, mask: Grey) -> int | None:
    """Where grid row ``r`` parts a row of heads from the row of their values (None: it does not): the cells ending
    at the row's bottom rule whose last line is a number under a line of text are :data:`MIN_VALUE_CELLS` at least
    (half the grid's columns in a narrower table: table 二's block of a label and three values, synth_4145's fax, one
    value read ``[``) and half the cells holding ink at least; the last lines of the cells lie in one band
    (overlapping), every other line above it, and a band of rows blank across the whole row lies between (the cut at
    its middle)."""
    cells = [c for c in table.cells if c.row + c.rows - 1 == r]
    read = {(c.row, c.col): [line for line in ink.cells.get((t, c.row, c.col), []) if line] for c in cells}
    read = {k: sorted(lines, key=lambda line: _span(line)[0]) for k, lines in read.items() if lines}
    values = [k for k, lines in read.items() if len(lines) >= 2 and _is_number(lines[-1])]
    values = [k for k in values if not any(_is_number(line) for line in read[k][:-1])]
    if len(values) < min(MIN_VALUE_CELLS, max(2, table.n_cols // 2)) or 2 * len(values) < len(read):
        return None
    top = max(_span(read[c][-1])[0] for c in values)
    bottom = min(_span(read[c][-1])[1] for c in values)
    if top >= bottom:  # the values' lines share no band
        return None
    above = 0
    for lines in read.values():
        for i, line in enumerate(lines):
            a, b = _span(line)
            if i == len(lines) - 1 and a < bottom and b > top:  # the cell's value (or its label's last line)
                continue
            if b > top:  # a line across the band, or below it
                return None
            above = max(above, b)
    y0 = max(above, table.ys[r] + CELL_INSET)
    if y0 >= top:
        return None
    blank = np.ones(top - y0, dtype=bool)
    for c in cells:
        x0, _, x1, _ = c.box
        part = mask[y0:top, x0 + CELL_INSET : x1 - CELL_INSET]
        if part.size:
            blank &= ~part.any(axis=1)
    runs = [(k, len(list(g))) for k, g in itertools.groupby(blank.tolist())]
    best, at, pos = 0, None, y0
    for v, n in runs:
        if v and n > best:
            best, at = n, pos + n // 2
        pos += n
    return at


def _cut(table: Table, r: int, y: int) -> Table:
    """The table with grid row ``r`` cut at ``y``: a cell ending at the row parted in two, a cell over it and further
    down one grid row longer, the rows below one further down."""
    cells: list[Cell] = []
    for cell in table.cells:
        end = cell.row + cell.rows - 1
        x0, y0, x1, y1 = cell.box
        if cell.row > r:
            cells.append(replace(cell, row=cell.row + 1))
        elif end == r:
            cells += [replace(cell, box=(x0, y0, x1, y)), Cell(r + 1, cell.col, 1, cell.cols, (x0, y, x1, y1))]
        elif end > r:
            cells.append(replace(cell, rows=cell.rows + 1))
        else:
            cells.append(cell)
    return Table(table.box, list(table.xs), sorted([*table.ys, y]), cells)


def split_heads(tables: list[Table], ink: Ink, mask: Grey, skip: set[int]) -> tuple[list[Table], list[str]]:
    """The tables with each grid row that holds a row of heads over the row of their values (the rule between them
    lost) cut between the two (:func:`_head_cut`), but for the tables ``skip`` names; a note for each cut."""
    out: list[Table] = []
    notes: list[str] = []
    for t, table in enumerate(tables):
        cuts = {} if t in skip else {r: y for r in range(table.n_rows) if (y := _head_cut(t, table, r, ink, mask))}
        for r in sorted(cuts, reverse=True):  # from the bottom: the rows above keep their numbers
            table = _cut(table, r, cuts[r])
        out.append(table)
        notes += [
            f"table {t + 1}'s grid row {r + 1} held a row of heads over their values (the rule between lost): split "
            "into 2 rows by its blank band"
            for r in sorted(cuts)
        ]
    return out, notes

"""Table rows whose rules the scan lost: a grid row holding several of the template's rows, split by its lines.

A fax's threshold or a faint photocopy drops a table's hairline rules between rows: the grid (:mod:`grid`) then
finds one tall row where the template prints two to five, and each of its cells holds a stack of them — a column's
numbers one over another (816 over 0), the labels' lines beside them. Read as one cell, a stack of numbers is read
as one line (21 over 222 read ``2``) and laid out as one row, and the rows' values are lost or run together.

The template prints one number a cell. A grid row is split when a cell of it holds two numbers or more one over
another (the engine read them as separate lines), at every blank band across the whole row (every cell of it, the
rules left out) at least :data:`ROW_GAP` text heights tall: between two rows the cells' padding adds to the
leading, so the blank between rows is about twice the blank between a label's wrapped lines (synth_1918, 49 px
text: 67–71 px between rows, 35 px between wrapped lines). The split must put each stacked number in a row of its
own, else the row is left as it is. The page is then read again on the split grid (a guess: the page's note says
where, ``ocr_rows_split``, and review is required).
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


def _numbers(lines: list[Line]) -> list[tuple[int, int]]:
    """The vertical spans of a cell's lines read as numbers, when two or more lie one over another."""
    spans = sorted(
        (min(w.box[1] for w in line), max(w.box[3] for w in line))
        for line in lines
        if line and NUMBER_TEXT.match("".join(w.text for w in line))
    )
    if len(spans) < 2 or any(b[0] < a[1] for a, b in itertools.pairwise(spans)):
        return []
    return spans


def _ink_runs(mask: Grey, cells: list[Cell], y0: int, y1: int) -> list[tuple[int, int]]:
    """The runs of rows of the grid row (``y0``–``y1``) that hold ink in any of its cells."""
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
            runs.append((y0 + start, y0 + i))
            start = None
    return runs


def _cuts(runs: list[tuple[int, int]], char: float) -> list[int]:
    """The middles of the blank bands between runs at least :data:`ROW_GAP` text heights tall (thinner bands than
    :data:`JOIN_GAP` joined first)."""
    joined: list[tuple[int, int]] = []
    for run in runs:
        if joined and run[0] - joined[-1][1] < JOIN_GAP * char:
            joined[-1] = (joined[-1][0], run[1])
        else:
            joined.append(run)
    return [(a[1] + b[0]) // 2 for a, b in itertools.pairwise(joined) if b[0] - a[1] >= ROW_GAP * char]


def _row_cuts(t: int, table: Table, r: int, ink: Ink, mask: Grey, char: float) -> list[int]:
    cells = [c for c in table.cells if c.row <= r < c.row + c.rows]
    if any(c.row != r or c.rows != 1 for c in cells):
        return []  # a cell over several grid rows: the grid knows its rows there
    stacks = [s for c in cells if (s := _numbers(ink.cells.get((t, r, c.col), [])))]
    if not stacks:
        return []
    cuts = _cuts(_ink_runs(mask, cells, table.ys[r], table.ys[r + 1]), char)
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
            if cell.row not in cuts:
                cells.append(replace(cell, row=row))
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

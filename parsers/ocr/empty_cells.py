"""Table cells a scan prints empty: no word read in them, and no ink off the rules to read.

The scan reader prints a table's grid a row a line, each cell a TAB field (``parsers/ocr/layout.py``): a cell printed
blank and a cell whose digit the engine lost alike print an empty field. The page tells them apart: a lost digit
leaves ink in its cell (``glyphs.unread_cells`` finds it, at least :data:`~parsers.ocr.engine.MIN_INK` pixels off the
rules), a blank leaves none. The rules that read a lost cell as the 0 an identity leaves it
(``parsers/ocr/bounded_zeros.py``) leave these alone: a blank the report published is no lost 0 (synth_5489, a tuning
scan: 科研机构's three blank cells read 0 until parser version 298).
"""

from __future__ import annotations

import numpy as np

from parsers.ocr.engine import CELL_INSET, MIN_INK, CellKey, Ink
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

Box = tuple[float, float, float, float]


def empty_cells(binary: Grey, rules: Grey, tables: list[Table], ink: Ink, aside: set[CellKey]) -> list[CellKey]:
    """The cells of ``tables`` the engine read no word in whose ink, the rules' taken off, is under ``MIN_INK``
    pixels (``aside``: cells a rule set aside, a seal's or a digit lost, never said empty)."""
    mask = binary.copy()
    mask[rules > 0] = 0
    out: list[CellKey] = []
    for t, table in enumerate(tables):
        for cell in table.cells:
            key = (t, cell.row, cell.col)
            if key in aside or any(w.text for line in ink.cells.get(key, []) for w in line):
                continue
            x0, y0, x1, y1 = cell.box
            x0, y0, x1, y1 = x0 + CELL_INSET, y0 + CELL_INSET, x1 - CELL_INSET, y1 - CELL_INSET
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue  # too narrow to tell
            if int(np.count_nonzero(mask[y0:y1, x0:x1])) < MIN_INK:
                out.append(key)
    return out


def page_boxes(number: int, keys: list[CellKey], tables: list[Table], scale: float) -> list[tuple[int, Box]]:
    """``keys``' cells of page ``number`` as (page, box), the box as the cell's span would carry it (page units)."""
    boxes = {(t, c.row, c.col): c.box for t, table in enumerate(tables) for c in table.cells}
    out = []
    for key in keys:
        if key in boxes:
            x0, y0, x1, y1 = boxes[key]
            out.append(
                (number, (round(x0 / scale, 1), round(y0 / scale, 1), round(x1 / scale, 1), round(y1 / scale, 1)))
            )
    return out

"""A table cell a scan prints empty (no word read, no ink off the rules) is no lost cell: the identities do not read
it 0 (parser version 298: ``parsers/ocr/empty_cells.py``, ``parsers/ocr/bounded_zeros.py``), on made-up pages and
cells (no OCR engine needed).

The shape is synth_5489's (a tuning scan, 150 dpi, JPEG and toner): three of 科研机构's cells the report printed
blank, their rows placed by their other values (the blank cell's place the row's label), read 0 by ``deduced_zero``
until version 297, where the generator's gold is blank: three wrong numbers.
"""

from __future__ import annotations

import numpy as np

from parsers.model import Cell, Check, Warning_, Where
from parsers.ocr.engine import Ink, Word
from parsers.ocr.grid import Cell as GridCell
from parsers.ocr.grid import Table

ROW = (100.0, 200.0, 300.0, 220.0)  # the label cell's box: the row's band
COLUMNS = {"a": (300.0, 330.0), "b": (330.0, 360.0), "t": (360.0, 390.0)}


def _cells(row_b: str) -> tuple[dict[str, Cell], list[Check]]:
    """Two rows (r: a b | t, s: a b | t) and a row of column sums (u); r's b lost, placed where its label is."""
    cells: dict[str, Cell] = {}
    for n, (row, values) in enumerate((("r", ("2", row_b, "2")), ("s", ("1", "0", "1")), ("u", ("3", "0", "3")))):
        y0 = ROW[1] + 20 * n
        for col, v in zip(COLUMNS, values, strict=True):
            x0, x1 = COLUMNS[col]
            box = (x0, y0, x1, y0 + 20)
            key = f"t/{row}/{col}"
            if v == "":
                cells[key] = Cell(key, None, "", Where(10, 20, page=1, box=ROW))  # the row's label's place
            else:
                cells[key] = Cell(key, int(v), v, Where(0, 1, page=1, box=box))
    checks = [Check(f"t/row/{r}", [f"t/{r}/a", f"t/{r}/b"], [f"t/{r}/t"], 0, 0, True) for r in "rsu"] + [
        Check(f"t/col/{c}", [f"t/r/{c}", f"t/s/{c}"], [f"t/u/{c}"], 0, 0, True) for c in COLUMNS
    ]
    return cells, checks


def test_a_lost_cell_is_read_as_the_zero_its_identities_leave_it() -> None:
    from parsers.ocr.bounded_zeros import bounded_zeros

    cells, checks = _cells("")
    warnings: list[Warning_] = []
    bounded_zeros(cells, checks, warnings)
    assert cells["t/r/b"].value == 0 and [w.code for w in warnings] == ["deduced_zero"]


def test_a_cell_the_scan_shows_printed_empty_is_left_blank() -> None:
    from parsers.ocr.bounded_zeros import bounded_zeros

    cells, checks = _cells("")
    x0, x1 = COLUMNS["b"]
    empty = [(1, (x0, ROW[1], x1, ROW[3]))]  # r's grid cell under column b: no word, no ink
    warnings: list[Warning_] = []
    bounded_zeros(cells, checks, warnings, empty)
    assert cells["t/r/b"].value is None and not warnings
    # another row's empty cell, or another column's, says nothing of this one
    for elsewhere in ((1, (x0, ROW[1] + 40, x1, ROW[3] + 40)), (1, (COLUMNS["a"][0], ROW[1], COLUMNS["a"][1], ROW[3]))):
        cells, checks = _cells("")
        bounded_zeros(cells, checks, [], [elsewhere])
        assert cells["t/r/b"].value == 0


def test_the_grids_empty_cells_are_those_without_ink() -> None:
    from parsers.ocr.empty_cells import empty_cells, page_boxes

    binary = np.zeros((60, 200), dtype=np.uint8)
    binary[20:40, 15:25] = 255  # a digit's ink in cell 0
    binary[25:27, 80:84] = 255  # a speck (8 pixels) in cell 1: under MIN_INK
    binary[20:40, 150:160] = 255  # ink in cell 3, read as nothing (a lost digit)
    cells = [GridCell(0, i, 1, 1, (50 * i, 10, 50 * i + 50, 50)) for i in range(4)]
    table = Table((0, 10, 200, 50), [0, 50, 100, 150, 200], [10, 50], cells)
    ink = Ink(cells={(0, 0, 0): [[Word("7", (15, 20, 25, 40), 90.0)]]})
    found = empty_cells(binary, np.zeros_like(binary), [table], ink, set())
    assert found == [(0, 0, 1), (0, 0, 2)]
    assert empty_cells(binary, np.zeros_like(binary), [table], ink, {(0, 0, 2)}) == [(0, 0, 1)]  # set aside
    assert page_boxes(2, found, [table], 2.0) == [(2, (25.0, 5.0, 50.0, 25.0)), (2, (50.0, 5.0, 75.0, 25.0))]

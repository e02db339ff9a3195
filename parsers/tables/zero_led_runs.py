"""Cells read as one run of digits that starts with 0 (``0000011``): a row's cells glued, not a number.

No report prints a count with a leading zero. A converter that lost the spaces between a row's one-digit cells
(markitdown's grid of a narrow PDF table: ``| 1.本机关不掌握相关政府信息 | … | 0000011 |``, synthetic report 7661)
prints the whole row as one cell, and a reading by the grid's columns put the run in one cell as a number
(``0000011`` as 其他 11, （七）总计's ``3000069`` as 3000069): a wrong number where the row's seven cells were
printed.

In table 三, a row whose only cell read is a run of exactly seven digits, led by 0 or not (``1000001``: its seven
cells, one digit each, the only split into seven), whose six applicants' digits sum to the seventh (the row's total
holds), is read as those digits (``split_number``: a guess the row total confirms). Any other cell read with a
leading zero, in tables 二, 三 and 四, is left blank (``zero_led_run``: review required): the run is several cells,
which ones the text does not say. In text no OCR read (OCR's own rules read a zero a speck made:
:mod:`parsers.ocr.counts`).
"""

from __future__ import annotations

import re

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_TABLE, APPLICANT_COLUMNS, APPLICATIONS_TABLE, REVIEW_TABLE
from parsers.tables.text_layer import read_by_ocr

_ZERO_LED = re.compile(r"0\d+")
_SEVEN = re.compile(rf"\d{{{len(APPLICANT_COLUMNS)}}}")
_THREE = APPLICATIONS_TABLE + "/"
_TABLES = (ACTIVE_TABLE + "/", APPLICATIONS_TABLE + "/", REVIEW_TABLE + "/")


def split_zero_led_runs(r: Reading) -> None:
    """Each cell of tables 二, 三, 四 read as a digit run led by 0: split into its row's cells where the row is table
    三's and the run its seven digits whose total holds, else left blank; each said (see the module's doc)."""
    led = [
        (key, cell)
        for key, cell in r.cells.items()
        if cell.value is not None
        and key.startswith(_TABLES)
        and (_ZERO_LED.fullmatch(cell.raw) or (key.startswith(_THREE) and _SEVEN.fullmatch(cell.raw)))
    ]
    if not led or r.extracted.ocr or read_by_ocr(r):
        return
    for key, cell in led:
        row = key.rsplit("/", 1)[0]
        keys = [f"{row}/{c}" for c in APPLICANT_COLUMNS]
        digits = [int(d) for d in cell.raw]
        if (
            key.startswith(_THREE)
            and key in keys
            and len(digits) == len(keys)
            and sum(digits[:-1]) == digits[-1]
            and all(r.get(k) is None for k in keys if k != key)
        ):
            for k, d in zip(keys, digits, strict=True):
                r.cells[k] = Cell(k, d, str(d), cell.where)
            r.warn(
                "split_number",
                f"{row}: {cell.raw!r} printed as one cell, read as its {len(keys)} cells one digit each "
                f"({' '.join(cell.raw)}), the only split into {len(keys)}, as its row total holds (a guess)",
                row,
            )
            continue
        if not _ZERO_LED.fullmatch(cell.raw):
            continue  # seven digits not led by 0 that do not split so: a number as printed
        r.cells[key] = Cell(key, None, "", cell.where)
        r.warn(
            "zero_led_run",
            f"{key}: {cell.raw!r} read as one number, led by 0 (no count is printed so): cells glued, which ones the "
            "text does not say; left blank",
            row,
        )

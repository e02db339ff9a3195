"""Table 二's counts read with a fraction: a number read into a count column it is not (left blank).

Table 二's columns are counts (规章's 本年制发件数, 行政许可's 上一年项目数量 and 本年处理决定数量, 政府集中采购's
采购项目数量, …) but for the amounts (行政事业性收费's and 政府集中采购's 金额, in 万元). A count is a whole number:
a fraction read into a count column (``242.136`` as 采购项目数量) is an amount or a number read under another row's
label (a label found by the template's order, its values not its row's): which cell it is the text does not say,
and a wrong number is worse than a blank. The cell is left blank and said (``fraction_in_count``: review
required), in text no OCR read (a point OCR printed may be a speck or a separator misread).
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.text_layer import read_by_ocr


def blank_fraction_counts(r: Reading) -> None:
    """Leave blank every count cell of table 二 read with a fraction (see the module's docstring), in text no OCR
    read (OCR's point may be a speck or a separator misread: its own rules decide)."""
    # (a value with a fraction is a float: the other cells, most of them, asked nothing more)
    fractions = [
        (key, cell)
        for key, cell in r.cells.items()
        if isinstance(cell.value, float)
        and key.startswith(T + "/")
        and not key.endswith("/amount")
        and cell.value != int(cell.value)
    ]
    # whether OCR read the text is asked only of a report with such a cell (most have none: a scan of the table's
    # text for OCR's marks is the costly part)
    if not fractions or r.extracted.ocr or read_by_ocr(r):
        return
    for key, cell in fractions:
        r.cells[key] = Cell(key, None, "", cell.where)
        r.warn(
            "fraction_in_count",
            f"{key}: {cell.raw or cell.value!r} read with a fraction in a count column (a whole number): a number not "
            "its cell's (an amount, or another row's), left blank",
            "/".join(key.split("/")[:2]),
        )

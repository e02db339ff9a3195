"""政府集中采购's amount read without its count on a scanned page (table 二, format 2019: ``items`` 采购项目数量 and
``amount`` 采购总金额).

Reports print the row's two numbers in two cells or in one (``1　12.23``); the engine drops a gap it reads as no
wider than the digits' spacing, and two numbers in one cell, or in two cells whose rule it lost, run together:
``112.23`` for 1 and 12.23 (tuning scan synth_488). Where the count is not read and the amount is, the count's digits
may be the amount's first ones: an amount with two digits or more before its point is then no certain reading, and
the cell is left blank (``ocr_amount_alone``, review required). An amount of one digit before its point (``2.5``)
cannot hold a count's digits too, and is kept; as is any amount read with its count.
"""

from __future__ import annotations

import re

from parsers.model import Cell, Warning_
from parsers.set_aside import set_aside

ITEMS, AMOUNT = "active/procurement/items", "active/procurement/amount"
_TWO_DIGITS_BEFORE_POINT = re.compile(r"^\d[\d,]*\d(?:\.\d*)?$")


def lone_amount(cells: dict[str, Cell], warnings: list[Warning_]) -> None:
    """The procurement amount left blank where its count is not read and its first digits could be the count's."""
    amount, items = cells.get(AMOUNT), cells.get(ITEMS)
    if amount is None or amount.value is None or (items is not None and items.value is not None):
        return
    if not _TWO_DIGITS_BEFORE_POINT.match(amount.raw):
        return
    set_aside(
        cells,
        warnings,
        AMOUNT,
        "ocr_amount_alone",
        f"{AMOUNT}: OCR read {amount.raw!r} with no count of items beside it: the engine runs two numbers together "
        "where it loses the gap between them (1 and 12.23 read 112.23), so its first digits may be the count's; left "
        "blank",
    )

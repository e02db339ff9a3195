"""A count read with a minus sign in OCR'd text: no count of the template is negative (left blank).

The template prints one signed column: 本年增/减 (``change``, table 二), the change of a year's count. Every other
number of tables 二, 三 and 四 counts (items, applications, cases) or is an amount, never below zero. A number
OCR read with a minus sign in such a cell is no reading of it: a dash the engine read, or that the scan reader put
back before the digits (:mod:`parsers.ocr.lost_signs`: a short level dash at the digits' mid-height), where a
speck, a rule's remnant or a stroke of a stamp lay. Which the page prints the text does not say, and a wrong
number is worse than a blank: the cell is left blank and said (``ocr_sign_in_count``, review required). Only in
text the parser's own OCR read (``Extracted.ocr``).
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading

SIGNED = "/change"  # the template's one signed column: 本年增/减


def blank_signed_counts(r: Reading) -> None:
    """Leave blank every cell but 本年增/减 read below zero in OCR'd text (see the module's docstring)."""
    if not r.extracted.ocr:
        return
    for key, cell in list(r.cells.items()):
        if cell.value is None or cell.value >= 0 or key.endswith(SIGNED):
            continue
        r.cells[key] = Cell(key, None, "", cell.where)
        r.warn(
            "ocr_sign_in_count",
            f"{key}: OCR read {cell.raw or cell.value!r}, a number below zero in a column that counts (only "
            "本年增/减 is signed): a dash read as a sign, left blank",
            "/".join(key.split("/")[:2]),
        )

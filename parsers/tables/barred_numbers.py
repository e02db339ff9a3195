"""OCR's page text: a number read with a rule mark between its digits (``1|1``, ``19|1``) is two cells and the rule
between them, not a number.

Tesseract prints a ruled table's rules as ``|``, ``[``, ``]``, ``{`` or ``}`` and, where a rule touches a cell's
digits, glues them: ``|19|1 9`` (t65's batch, synth_1147's psm 4 table 四: 未经复议直接起诉's 总计 9, the rule, and
复议后起诉's first cell 1), read as one number (1911) since the bar reads as the digit 1 (``ocr_digit``). The template
prints no such mark inside a number, so a cell whose text prints one between two digits is not the page's number:
left blank (``ocr_rule_in_number``, review required, the reading kept in ``where.read_as``,
:func:`parsers.set_aside.set_aside`). Only in text OCR read (:func:`parsers.tables.text_layer.read_by_ocr`), never a
scan the parser read itself (``Extracted.ocr``: its cells are its own boxes).
"""

from __future__ import annotations

import re

from parsers.set_aside import set_aside
from parsers.tables.reading import Reading
from parsers.tables.text_layer import read_by_ocr

_BARRED = re.compile(r"\d\s*[|\[\]{}]\s*\d")
TABLES = ("active", "applications", "review_litigation")


def set_aside_barred_numbers(r: Reading) -> None:
    """Cells of tables 二, 三 and 四 read from digits a rule mark splits, in OCR's text: left blank, said."""
    if r.extracted.ocr or not read_by_ocr(r):
        return
    for key in [k for k, c in r.cells.items() if c.value is not None and _BARRED.search(c.raw)]:
        if key.split("/", 1)[0] not in TABLES:
            continue
        set_aside(
            r.cells,
            r.warnings,
            key,
            "ocr_rule_in_number",
            f"{key}: {r.cells[key].raw.strip()!r} prints a rule mark between its digits: two cells and the rule "
            "between them, not one number, left blank",
        )

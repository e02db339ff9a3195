"""OCR's page text: a number read with a rule mark between its digits (``1|1``, ``19|1``) is two cells and the rule
between them, not a number.

Tesseract prints a ruled table's rules as ``|``, ``[``, ``]``, ``{`` or ``}`` and, where a rule touches a cell's
digits, glues them: ``|19|1 9`` (t65's batch, synth_1147's psm 4 table 四: 未经复议直接起诉's 总计 9, the rule, and
复议后起诉's first cell 1), read as one number (1911) since the bar reads as the digit 1 (``ocr_digit``). The template
prints no such mark inside a number, so a cell whose text prints one between two digits is not the page's number:
left blank (``ocr_rule_in_number``, review required, the reading kept in ``where.read_as``,
:func:`parsers.set_aside.set_aside`). Only in text OCR read (:func:`parsers.tables.text_layer.read_by_ocr`), never a
scan the parser read itself (``Extracted.ocr``: its cells are its own boxes).

A table 三 cell printed as a rule mark and digits (``|0``, ``|3``) in the text of a table printed with its rules
(:func:`parsers.tables.text_layer.table_prints_rules`) and read with its mark as the digit 1 (10, 13) is read as its
digits: the mark is the rule before the cell (t65's batch, synth_1148's psm 4 属于行政执法案卷 ``|0`` read 10, gold
0; the slice's synth_400 psm 4 ``|3`` read 13, gold 3), warned ``ocr_corrected``. Not where the row, read whole,
fails so (nothing vouches for the mark then). In the 102 tuning texts no cell so printed read the gold as 1 and its
digits: the four such cells were all the digits alone.
"""

from __future__ import annotations

import re

from parsers.model import Cell
from parsers.set_aside import set_aside
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import read_by_ocr, table_prints_rules

_BARRED = re.compile(r"\d\s*[|\[\]{}]\s*\d")
_LED = re.compile(r"[|\[\]{}](\d+)")  # a rule mark, then the cell's digits
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
    if table_prints_rules(r):
        _read_rule_led(r)


def _read_rule_led(r: Reading) -> None:
    """Table 三's cells printed as a rule mark and digits, read with the mark as 1: read as the digits (docstring)."""
    for key, cell in list(r.cells.items()):
        if not key.startswith(T + "/") or cell.value is None:
            continue
        m = _LED.fullmatch(cell.raw.strip())
        if m is None or cell.value != int("1" + m.group(1)):
            continue
        value = int(m.group(1))
        row = key.rsplit("/", 1)[0]
        values = [value if k == key else r.get(k) for k in (f"{row}/{c}" for c in APPLICANT_COLUMNS)]
        if None not in values and not row_total_holds(values):
            continue
        r.cells[key] = Cell(key, value, cell.raw, cell.where)
        r.warn(
            "ocr_corrected",
            f"{key}: {cell.raw.strip()!r} read as {value}, not {cell.value}: the mark is the table's rule before the "
            "cell, not a 1",
            key,
        )

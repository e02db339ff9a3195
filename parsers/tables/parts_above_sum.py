"""OCR's page text of table 三: a result row's number read above its column's (七)总计, where that row holds.

The template's (七)总计 row is the sum, column by column, of the result rows above it (予以公开 … 其他), and table
三's cells are counts (never negative), so no result row's cell can exceed the (七)总计 of its column. Where the
(七)总计 row is read whole and its own total holds (its seven cells agree with each other: the page's numbers, not
a misread), a result row's cell read above it is not the page's number: Tesseract reads a ruled row's rules as 1s
and 9s among its 0s and glues them into runs (t65's batch, synth_1145's psm 3 属于四类过程性信息
``0 9 129 09  o 15919``: 129 under 科研机构 whose (七)总计 is 0, 15919 under 总计 whose (七)总计 is 671; the
slice's synth_401 psm 4 部分公开 ``44 |0|10101110145``: 110101110145 against 191), or reads a dotted 0 as 8 or 9
(synth_1143's psm 3 属于法律、行政法规禁止公开 ``8  8  8   8   9  0`` against a (七)总计 of 4, 4, 0 and 0).

Such a cell is left blank (``ocr_part_above_sum``, review required, the reading kept in ``where.read_as``,
:func:`parsers.set_aside.set_aside`); no value is put in its place. Only in text OCR read
(:func:`parsers.tables.text_layer.read_by_ocr`), not a scan the parser read itself (``Extracted.ocr``: the scan
reader bounds its sums by its own rules, ``parsers/ocr/low_sums.py``), and where the (七)总计 row is read whole and
holds. Where it does not, 本年新收 and 上年结转 read whole and holding bound the same cells, and (七)总计's and
结转下年度's (the template's 一 + 二 = (七) + 四, column by column): synth_1149's psm 4 属于三安全一稳定 ``117117``
against 94. Text no OCR read loses no digit and glues no rule into a number: its bound is the identities' alone.
"""

from __future__ import annotations

from parsers.set_aside import set_aside
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS, RESULT_ROWS_2019, RESULT_ROWS_2021
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import read_by_ocr


def set_aside_parts_above_sum(r: Reading, fmt: str) -> None:
    """Table 三's result cells read above the (七)总计 of their column (or above 本年新收 and 上年结转 together), in
    OCR's text: left blank, said."""
    if fmt not in ("2021", "2019") or r.extracted.ocr or not read_by_ocr(r):
        return
    results = RESULT_ROWS_2021 if fmt == "2021" else RESULT_ROWS_2019
    whole = _holding_row(r, "results_total")
    if whole is not None:
        _set_aside_above(r, results, whole, "its column's (七)总计")
        return
    new, old = _holding_row(r, "new_received"), _holding_row(r, "carried_over")
    if new is not None and old is not None:
        came = [a + b for a, b in zip(new, old, strict=True)]
        _set_aside_above(r, [*results, "results_total", "carried_forward"], came, "its column's 本年新收 and 上年结转")


def _holding_row(r: Reading, row: str) -> list[int | float] | None:
    """Table 三's ``row`` as read, where every cell is read and its total holds."""
    values = [r.get(f"{T}/{row}/{c}") for c in APPLICANT_COLUMNS]
    held = [v for v in values if v is not None]
    return held if len(held) == len(values) and row_total_holds(held) else None


def _set_aside_above(r: Reading, rows: list[str], bounds: list[int | float], whole: str) -> None:
    """The cells of ``rows`` read above their column's bound: left blank, said (``whole`` names the bound). Not in a
    row read whole whose own total holds: the row vouches for its numbers, and the bound is the row to doubt (synth
    3715's PyMuPDF text, no OCR's though it prints marks of it: its (七)总计 row read ``0 0 0 0 0 2 2`` for 892 … 892,
    its own total holding, and 749 … 749, 86 … 86 and 57 … 57 above it, the page's)."""
    for row in rows:
        if _holding_row(r, row) is not None:
            continue
        for column, bound in zip(APPLICANT_COLUMNS, bounds, strict=True):
            key = f"{T}/{row}/{column}"
            value = r.get(key)
            if value is None or value <= bound:
                continue
            set_aside(
                r.cells,
                r.warnings,
                key,
                "ocr_part_above_sum",
                f"{key}: {r.cells[key].raw.strip()!r} read above {whole} ({bound}), whose rows hold: not the page's "
                "number (OCR glues a ruled row's rules and 0s into runs), left blank",
            )

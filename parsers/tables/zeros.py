"""Cells of an all-zero row that OCR lost, read as 0 where the table's column totals leave them no other value.

Tesseract on a ruled table often prints a row of zeros short (``4.保护第三方合法权益 0 0 0 0 0``: five of seven
cells; a rule swallowed a ``0``, a column was cut off). Which cells the printed zeros are is then open, and the
row is read with its lost cells blank. When every value the row prints is 0, its lost cells are 0 or positive
counts; the column totals of table 三 (``(七)总计`` = the sum of the result rows, column by column) bound them:
where the totals' row is read whole and holds, and the column's other cells already add up to its total, a lost
cell of that column can only be 0. So is every lost cell of a row whose own total is then 0.

A deduction, never silent: each row filled is a ``deduced_zero`` warning naming its cells and the totals that
decided them (review suggested). Only rows the text prints (a label found, at least one 0 printed, no other
value) are filled: a row the text lost, or one printing a blank marker, stays blank; so does every cell of a
column whose total is not confirmed.
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS, RESULT_ROWS_2019, RESULT_ROWS_2021

T = "applications"
_PRINTED_BLANK = {"rule_or_digit", "unreadable_cell"}


def deduce_zeros(r: Reading, fmt: str) -> None:
    """Fill the lost cells of table 三's all-zero result rows that its confirmed column totals force to 0."""
    cells = r.cells
    results = RESULT_ROWS_2019 if fmt == "2019" else RESULT_ROWS_2021
    # the rows with lost cells that print only zeros (a quick test first: most tables lose none)
    short: list[str] = []
    # a row where a printed cell was read as blank (unreadable, a rule or a digit) printed more than zeros
    doubtful = {"/".join(w.key.split("/")[:2]) for w in r.warnings if w.code in _PRINTED_BLANK and w.key}
    for row in results:
        if f"{T}/{row}" in doubtful:
            continue
        row_cells = [cells.get(f"{T}/{row}/{c}") for c in APPLICANT_COLUMNS]
        if any(c is None for c in row_cells):
            continue  # a row the reading never placed (missing): not filled
        lost = [c for c in row_cells if c is not None and c.value is None and c.raw == ""]
        printed = [c for c in row_cells if c is not None and c.value is not None]
        if lost and printed and all(c.value == 0 for c in printed) and len(lost) + len(printed) == len(row_cells):
            short.append(row)
    if not short:
        return
    totals = [r.get(f"{T}/results_total/{c}") for c in APPLICANT_COLUMNS]
    if any(v is None or v < 0 or v != int(v) for v in totals) or not row_total_holds(totals):
        return  # the column totals are not read whole, or do not hold: nothing is confirmed
    zero: dict[str, set[str]] = {row: set() for row in short}
    for k, col in enumerate(APPLICANT_COLUMNS):
        known = [r.get(f"{T}/{row}/{col}") for row in results]
        if any(v is not None and (v < 0 or v != int(v)) for v in known):
            continue
        if sum(v for v in known if v is not None) != totals[k]:
            continue  # the column's lost cells hold the rest of its total: none is bounded to 0
        for row in short:
            if r.get(f"{T}/{row}/{col}") is None:
                zero[row].add(col)
    for row in short:
        if "total" in zero[row]:  # the row's total is 0: so is each of its cells
            zero[row].update(c for c in APPLICANT_COLUMNS if r.get(f"{T}/{row}/{c}") is None)
        if not zero[row]:
            continue
        filled = [c for c in APPLICANT_COLUMNS if c in zero[row]]
        for col in filled:
            key = f"{T}/{row}/{col}"
            cells[key] = Cell(key, 0, "", cells[key].where)
        r.warn(
            "deduced_zero",
            f"{T}/{row}: the row prints only zeros and lost {len(filled)} cell(s); "
            f"{', '.join(filled)} read as 0, the only value the column totals ((七)总计, read whole) leave them "
            "(a deduction, not a printed number)",
            f"{T}/{row}",
        )

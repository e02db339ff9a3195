"""Table 三's rows read as the first seven values of a longer run after their label's rest, their row total failing,
in poppler's default text: left blank.

poppler's ``pdftotext`` (without ``-layout``) prints a narrow table's cells a block each, often a run of several
rows' values after one label, the labels of the others elsewhere. A row whose label wraps prints its label's rest
before its values (``2.其他法律行政法`` / ``规禁止公开`` / the run); the reading by labels
(:func:`parsers.tables.row_values.row_values`) takes the first seven values after that rest for the row and leaves
the rest of the run unassigned (``unknown_row``). Where a report prints some cells empty, or the run begins with the
row before's last values, those seven are not the row's: a row total that fails on them says so (the run offers
other values, so the failure is the reading's, not a misprint the report made), and so does a result row's value
not 0 in an applicant column whose result cells as read already sum past the column's (七)总计 (an empty cell
counts as 0, a blank one only adds: no placement of the table's other cells mends it; the row's seven hold its own
total by chance, a row of zeros and a 1 shifted by one column). Such a row is left blank
(``placement_open``, its seven values named); a row wholly blank whose place the row totals fix is read after this
by :mod:`parsers.tables.unread_rows_by_totals` (where the labels' reading no longer contradicts the run's division).

Gated as measured: poppler's blocks (:func:`parsers.tables.paragraph_pieces.is_block_cells`), text no OCR read, not
the document's own cells; every value of the row after its label's rest, its seven cells read.
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    RESULT_ROWS_2019,
    RESULT_ROWS_2021,
)
from parsers.tables.text_layer import read_by_ocr

_T = "applications"
# row_values' words for the values past a row's seven after a label's rest, left unassigned
RUN_LEFT = "values after an unknown row label"


def cut_rows(r: Reading, fmt: str) -> dict[str, list[Cell]]:
    """Table 三's rows in ``r`` read as the first seven values of a longer run after their label's rest (every cell
    read, every value after the rest), by row key (``applications/…``): their cells."""
    rows = {f"{_T}/{row.key}" for row in (APPLICATION_ROWS_2021 if fmt == "2021" else APPLICATION_ROWS_2019)}
    out: dict[str, list[Cell]] = {}
    for w in r.warnings:
        if w.code != "unknown_row" or w.where is None or w.key not in rows or not w.message.startswith(RUN_LEFT):
            continue
        cells = [r.cells.get(f"{w.key}/{c}") for c in APPLICANT_COLUMNS]
        read = [c for c in cells if c is not None and c.value is not None and c.where is not None]
        if len(read) == len(cells) and all(c.where is not None and c.where.offset >= w.where.offset for c in read):
            out[w.key] = read
    return out


def blank_failing_cut_rows(r: Reading, fmt: str, start: int) -> None:
    """Table 三's rows in ``r`` read from the first seven values of a longer run after their label's rest whose row
    total fails, left blank as the module's doc says; table 三's first row label at token ``start``, ``fmt`` the
    format it was read in."""
    if not any(w.code == "unknown_row" for w in r.warnings):
        return  # (most readings: no row cut from a run)
    if r.exact(r.tokens[start]) or not is_block_cells(r.text) or read_by_ocr(r):
        return
    results = [f"{_T}/{row}" for row in (RESULT_ROWS_2021 if fmt == "2021" else RESULT_ROWS_2019)]
    for key, read in cut_rows(r, fmt).items():
        over = _columns_past_total(r, results, read) if key in results else []
        if row_total_holds([c.value for c in read if c.value is not None]) and not over:
            continue
        let_go(
            r,
            key,
            read,
            " (poppler's blocks: the rest of the run not assigned), "
            + (
                f"its {', '.join(over)} past the column's 总计 (the result cells as read sum beyond it)"
                if over
                else "its row total failing on them"
            )
            + ": the run's values are not the row's as read (a cell printed empty, or the row before's values first): "
            "the row left blank",
        )


def let_go(r: Reading, key: str, read: list[Cell], why: str) -> None:
    """A row ``key`` read from the first values of a longer run after its label's rest (``read``: its cells) left
    blank in ``r``, said (``placement_open``): its values, then ``why``."""
    for c in read:
        r.cells[c.key] = Cell(c.key, None, "", c.where)
    r.warn(
        "placement_open",
        f"{key}: {len(read)} values ({' '.join(c.raw for c in read)}) read as the first of a longer run after its "
        f"label's rest{why}",
        key,
    )


def _columns_past_total(r: Reading, results: list[str], read: list[Cell]) -> list[str]:
    """The applicant columns (not 总计) in which a result row's cells ``read`` (its seven) hold a value not 0 and the
    result rows' cells as ``r`` reads them sum past the column's (七)总计 (read, not blank)."""
    over: list[str] = []
    for col, cell in zip(APPLICANT_COLUMNS[:-1], read, strict=False):
        total = r.get(f"{_T}/results_total/{col}")
        if not cell.value or total is None:
            continue
        if sum(r.get(f"{row}/{col}") or 0 for row in results) > total:
            over.append(col)
    return over

"""Table 三 whose reading the identities do not confirm, in a text that lost its rows' shape: left blank.

A report's table may publish a wrong total: an identity that fails is then the report's, and its numbers are kept
as printed (``identity_failed``, review required). But where the reading itself was in doubt — a row read from
fewer values than its cells (``missing_cell``), values after a label no row has
(``unknown_row``), a row's placement or a number's column open (``ambiguous``, ``ambiguous_value``,
``placement_open``) — in a text no OCR read (a text layer or a page's text loses no digit), a failing identity
says the reading misplaced the values as likely as the report misprinted them. pdfminer.six's text boxes are such
text: a row's label wraps below its values, so the values print before it, or a blank cell prints nothing, and a
reading row after row shifts the numbers into the next row, where each row's total can still hold while the
columns' balances fail (synthetic report 1201, ``pdf2txt.py -F disabled``).

:func:`refuse_unconfirmed` leaves the cells of the failing identities blank there (``placement_unconfirmed``:
review required), naming the identities that failed and the doubts: a wrong number is worse than a blank. A cell
that an identity on cells all read confirms (its column's balance holds where its row's total fails) is kept: the
failure lies in the cells nothing confirms. A table whose identities all hold, or a reading with no doubt, is kept
as it is.

In a PDF's box text (pdfminer's paragraph cells: runs of several rows' values after one label, version 132) an
identity with blank cells fails too where no value of those blanks could mend it (its read cells on one side already
sum to more than the other side's, all read), and a row read as all 0 among more values than its cells, dropping
values not 0 (``extra_values``), confirms nothing by its total: seven 0s hold any row's total (synthetic report
3675, ``pdf-lo-pdfminer``: （七）总计 read 0s, its own 37 and 29 dropped, 1.属于国家秘密 read 一's 27).
"""

from __future__ import annotations

from parsers.model import Cell, Check
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import read_by_ocr
from parsers.tables.tokens import number_value

# what a reading row after row warns when it could not place a row's values as printed: a row short of values, values
# after an unknown label, a placement or a number's column open (``extra_values`` is none: the value dropped is the
# one the identities chose, and a report's own wrong total beside it must keep its numbers)
DOUBTS = ("missing_cell", "unknown_row", "ambiguous", "ambiguous_value", "placement_open")


def refuse_unconfirmed(r: Reading, checks: list[Check]) -> bool:
    """Table 三's cells left blank in ``r`` when one of its identities fails on a reading in doubt, in text no OCR
    read (see the module's doc); whether they were."""
    failed = [
        c.name
        for c in checks
        if c.name.startswith(T + "/")
        and not c.passed
        and (
            all(r.get(k) is not None for k in (*c.left_keys, *c.right_keys))  # a blank cell decides nothing
            or (_past_mending(r, c) and is_paragraph_cells(r.extracted.text))
        )
    ]
    if not failed:
        return False
    doubts = sorted({w.code for w in r.warnings if w.code in DOUBTS and w.key is not None and w.key.startswith(T)})
    if not doubts or read_by_ocr(r):
        return False
    # in a PDF's box text, a row read as all 0 among more values than its cells, dropping values not 0, holds its
    # total whatever row it is: its total confirms nothing
    boxes = is_paragraph_cells(r.extracted.text)
    chosen = {
        f"{T}/row_total/{row.split('/', 1)[1]}"
        for row, dropped in r.dropped.items()
        if boxes
        and row.startswith(T + "/")
        and any(number_value(d) for d in dropped)
        and all(r.get(f"{row}/{c}") == 0 for c in APPLICANT_COLUMNS)
    }
    # a cell of a failing identity that an identity on cells all read confirms (a column's balance where its row's
    # total fails) stays: the failure lies in the cells nothing confirms
    held = {
        k
        for c in checks
        if c.name.startswith(T + "/")
        and c.passed
        and c.name not in chosen
        and not c.blank
        and all(r.get(k) is not None for k in (*c.left_keys, *c.right_keys))
        for k in (*c.left_keys, *c.right_keys)
    }
    named = {k for c in checks if c.name in failed for k in (*c.left_keys, *c.right_keys)} - held
    blanked = 0
    for key in sorted(named):
        if (cell := r.cells.get(key)) is not None and cell.value is not None:
            r.cells[key] = Cell(key, None, "", cell.where)
            blanked += 1
    if not blanked:
        return False
    r.warn(
        "placement_unconfirmed",
        f"table 三: {len(failed)} of its identities fail ({', '.join(failed[:4])}{', …' if len(failed) > 4 else ''}) "
        f"on a reading in doubt ({', '.join(doubts)}) of text no OCR read: the values may be misplaced as likely "
        f"as misprinted, so the {blanked} values of those identities no identity that holds confirms are left blank "
        f"rather than kept in cells they may not be",
        T,
    )
    return True


def _past_mending(r: Reading, c: Check) -> bool:
    """An identity with blank cells that fails whatever they hold: every blank on the side whose read cells already
    sum to more than the other side's, all read (a blank stands for a count, never less than 0)."""
    left = [r.get(k) for k in c.left_keys]
    right = [r.get(k) for k in c.right_keys]
    if not c.left_keys or not c.right_keys:
        return False
    lsum = sum(v for v in left if v is not None)
    rsum = sum(v for v in right if v is not None)
    if lsum > rsum:
        return all(v is not None for v in right) and any(v is not None for v in left)
    if rsum > lsum:
        return all(v is not None for v in left) and any(v is not None for v in right)
    return False


def refuse_lone_totals(r: Reading) -> list[str]:
    """Table 三's rows read from one value put in their total, every applicant cell blank (``missing_cell``), in text
    no OCR read: a total that is not 0 sums cells the row does not print, so the one value is one of those cells as
    likely as the total (a text that prints no empty cell, pdfminer's boxes of a row printed apart from its label).
    Left blank (``placement_open``: review required); the keys blanked."""
    rows = sorted({w.key for w in r.warnings if w.code == "missing_cell" and w.key and w.key.startswith(T + "/")})
    if not rows or read_by_ocr(r):  # (no row to refuse: the text is not looked at; read_by_ocr only reads)
        return []
    out: list[str] = []
    for row in rows:
        key = f"{row}/total"
        cell = r.cells.get(key)
        if cell is None or not cell.value:
            continue
        if any(r.get(f"{row}/{col}") is not None for col in APPLICANT_COLUMNS[:-1]):
            continue
        r.cells[key] = Cell(key, None, "", cell.where)
        out.append(key)
        r.warn(
            "placement_open",
            f"{row}: one value ({cell.raw}) for its {len(APPLICANT_COLUMNS)} cells, read as its total with every "
            "applicant's cell blank: a total that is not 0 sums cells the row does not print, so the value may be "
            "any of them; left blank",
            row,
        )
    return out

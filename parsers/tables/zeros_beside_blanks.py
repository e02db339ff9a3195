"""Table 三's zeros beside a cell a row short of values left blank, in text no OCR read: 0 or blank, not told.

A text that prints no empty cell (poppler's ``pdftotext`` without ``-layout``, a text layer's reading order) gives a
row whose report left a zero cell empty six values for its seven cells; the reading by labels places them
(:func:`parsers.tables.align.fit`, ``missing_cell``: "fewer values than columns") where the table's identities like
them best. A 0 and an empty cell are alike to every identity (an empty cell is counted as 0), so moving the blank
across a 0 beside it gives a reading every identity holds as well: the 0 moves one column, the blank the other way.
The identities' ranking prefers the reading whose blank leaves the most identities decidable, which says nothing of
which cell the report left empty; the fit's other zeros beside the blank are then read as 0 though one of them is
the cell printed empty (a wrong number: the report published no 0 there).

Here, in poppler's blocks (:func:`parsers.tables.paragraph_pieces.is_block_cells`: a cell a block, no position
kept) that no OCR read (:func:`parsers.tables.text_layer.read_by_ocr`: a cell OCR lacks is as likely a 0 it lost,
whose place among zeros does not matter), each row so padded has every 0 in the run of zeros and blanks around
each of its lost cells left blank (a lost cell: blank with nothing printed in its place; a cell whose number the
tied readings leave open, ``ambiguous_value``, counts as one: it is left blank after the tables are read). A
non-zero value bounds the run: moving the blank across it moves a number, which the identities weigh. Said
(``placement_open``, the cells named); the row's other cells stay as read.

Gated as measured (six tuning batches, 105 reports, most drawn for ``empty_zero``, five kinds each): in poppler's
blocks 13 wrong numbers made right (9) or blank (4) for 74 right cells left blank; in laid-out text (``pdftotext
-layout``) and the PDF's own reading 144 right cells left blank for 2 wrong numbers mended, in ``pdftotext -raw``
32 for 3: not taken there.
"""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.text_layer import printed_empty, read_by_ocr

_SHORT = "fewer values than columns"


def blank_zeros_beside_lost(r: Reading) -> None:
    """The zeros of table 三's rows short of values (a ``missing_cell`` padded fit) beside a lost cell, left blank
    in poppler's blocks no OCR read, as the module's doc says."""
    rows = [w.key for w in r.warnings if w.code == "missing_cell" and w.key and w.key.startswith(T + "/")]
    rows = [row for row in rows if any(w.key == row and _SHORT in w.message for w in r.warnings)]
    if not rows or not is_block_cells(r.text) or read_by_ocr(r):
        return
    for row in dict.fromkeys(rows):
        keys = [f"{row}/{c}" for c in APPLICANT_COLUMNS]
        cells = [r.cells.get(key) for key in keys]
        if any(c is None for c in cells):
            continue
        open_ = set(r.disputed.get(row, ()))
        lost = [
            c is not None and (c.key in open_ or (c.value is None and c.raw == "" and not printed_empty(c)))
            for c in cells
        ]
        zero = [c is not None and c.value == 0 and c.key not in open_ for c in cells]
        doubtful: set[int] = set()
        for j, gone in enumerate(lost):
            if not gone:
                continue
            for step in (-1, 1):
                i = j + step
                while 0 <= i < len(cells) and (zero[i] or lost[i]):
                    if zero[i]:
                        doubtful.add(i)
                    i += step
        if not doubtful:
            continue
        named = [APPLICANT_COLUMNS[i] for i in sorted(doubtful)]
        for i in sorted(doubtful):
            c = cells[i]
            assert c is not None
            r.cells[c.key] = Cell(c.key, None, "", c.where)
        r.warn(
            "placement_open",
            f"{row}: fewer values than its cells, in text no OCR read that does not print an empty cell (a cell "
            "printed empty is lost): a 0 and an empty cell are alike to every identity, so which of the zeros beside "
            f"the lost cell the report left empty is not in the text: {len(named)} zero(s) left blank "
            f"({', '.join(named)})",
            row,
        )

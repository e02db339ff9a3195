"""Table 四's numbers broken over lines in narrow cells, in a text that prints a cell a paragraph in the order of the
boxes' lower edges (pdfminer.six with ``boxes_flow=None``).

Table 四 is one row of 15 narrow cells under its heads. Chromium's ``word-break: break-all`` breaks a number too
wide for its cell over two lines or more (``4`` / ``7`` for 47); pdfminer makes the cell one text box of that many
lines, centred on the row as the one-line cells are, so it reaches lower than they do. With no layout flow the boxes
print by their lower edges, so the row prints its one-line cells first, left to right (pdfminer joins cells side
by side into one line: ``0 5 0 0 5 0 0``), and its broken numbers after them, each a paragraph of one piece a line,
left to right among themselves, whatever their columns: ``0 5 0 0 5 0 0`` / ``0`` / ``0 9 0 0 9`` / ``4|7`` /
``4|7`` for 0 5 0 0 5 / 0 0 47 0 47 / 0 9 0 0 9. Read in the text's order the pieces are four values and the row
is 17 values, two of them dropped. Here each broken box is put back in every column it may stand in
(:func:`parsers.tables.broken_boxes.box_orders`: the one-line cells keep their order, the broken ones theirs, no
number starting with 0), every placement under which table 四's three row totals hold: the one there is is read
(``merged_digits``); of several, the cells they all read alike are read and the others left blank
(``placement_open``)."""

from __future__ import annotations

from parsers.tables.broken_boxes import box_orders, broken_boxes
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, R, review_totals_hold
from parsers.tables.tokens import COL, END, LINE, START, TABBED, TEXT, Token, token


def review_boxes_last(r: Reading, vals: list[Token]) -> list[Token | None] | None:
    """Table 四's cells where its ``vals`` (more than its cells, in the text's order) are its one-line cells and then
    its broken numbers' boxes, as the module says; None where they are not so printed or no placement holds its
    totals."""
    text = r.extracted.text
    if len(vals) <= N_REVIEW or ("\f" not in text and not is_paragraph_cells(text)):
        return None  # no PDF's text (pdfminer ends each page with a form feed, poppler's ``-nopgbrk`` does not)
    boxes = broken_boxes(vals, N_REVIEW)
    if boxes is None:
        return None
    orders = box_orders(boxes, review_totals_hold)
    if not orders:
        return None
    cells = [_cell(b) for b in boxes]
    readings = [[cells[k] for k in order] for order in orders]
    printed = " ".join("/".join(t[TEXT] for t in b) for b in boxes)
    how = (
        "its numbers broken over lines (pieces joined) print after its other cells (a PDF's boxes in the order of "
        "their lower edges)"
    )
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"table 四: {printed}: {how}; read as {' '.join(t[TEXT] for t in readings[0])}, the one placement whose "
            "row totals hold (a guess)",
            R,
            vals[0],
        )
        return list(readings[0])
    first = readings[0]
    alike: list[Token | None] = [
        first[c] if all(x[c][TEXT] == first[c][TEXT] for x in readings) else None for c in range(N_REVIEW)
    ]
    r.warn(
        "placement_open",
        f"table 四: {printed}: {how}, and which columns they are is not in the text: {len(readings)} placements "
        "hold its row totals; the cells they read alike are read, the others left blank",
        R,
        vals[0],
    )
    return alike


def _cell(box: list[Token]) -> Token:
    """A box as one value token, its pieces joined."""
    head, last = box[0], box[-1]
    if len(box) == 1:
        return head
    return token("".join(t[TEXT] for t in box), head[START], last[END], head[LINE], head[COL], head[TABBED], split=True)

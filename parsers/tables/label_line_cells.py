"""Table 三 left wholly blank in pdfminer's boxes: a row's first values printed on its label's line, read.

pdfminer.six (``pdf2txt.py`` with its default LAParams) joins into one text line only characters a gap of at most
twice a character's width apart (its ``char_margin``), and ends each text box with a blank line. Where table 三's
values print in an order no reading of :mod:`parsers.tables.box_order` describes (values grouped with the label
column, a column's rows merged last: tuning seeds 7397, 7442, 7495 and others), the table is left blank; but a
label whose cell stands close to its row's first cell prints that cell's value on its own line, a box of its own
(``1.属于国家秘密 0``, ``一、本年新收政府信息公开申请数量 857 130 705``). Those values are the row's first cells,
from 自然人 on: the row's first cell stands between its label and any other cell of the row, so no other cell's
value can join the label's line without the first cell's.

:func:`read_label_lines` reads them, only in a table 三 of which no cell was read, only from a line that is a box
of its own (blank lines around it), whose text before its values names exactly one row of the template (a group
label, ``（三）不予公开``, names none, nor does a column's head, ``总计``) and prints fewer values than the row's
cells, each a whole number, no row printed on two such lines. Reported as ``label_line_cells`` (the table's other
cells stay blank, the review required as before).
"""

from __future__ import annotations

import re

from parsers.tables.active_boxes import box_alone
from parsers.tables.box_order import applications_format, three_span
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, APPLICATION_ROWS_2019, APPLICATION_ROWS_2021
from parsers.tables.tokens import COMPACT, END, IS_VALUE, LINE, START, TEXT, Token, number_value

_T = "applications"
_SPACE = re.compile(r"\s+")
_COLUMN_HEADS = {"总计", "其他", "自然人"}


def read_label_lines(r: Reading, fmt: str, app_start: int) -> bool:
    """Table 三's cells printed on their row labels' lines read into ``r`` as the module says, where no cell of the
    table was read; whether any was read."""
    if any(key.startswith(f"{_T}/") and cell.value is not None for key, cell in r.cells.items()):
        return False
    first, end = three_span(r, app_start)
    rows = APPLICATION_ROWS_2021 if applications_format(r, fmt, first, end) == "2021" else APPLICATION_ROWS_2019
    width = len(APPLICANT_COLUMNS)
    tokens = r.tokens
    found: dict[str, list[list[Token]]] = {}
    k = first
    while k < end:
        line = tokens[k][LINE]
        j = k
        while j < end and tokens[j][LINE] == line:
            j += 1
        on_line = r.line_tokens(line)
        k, toks = j, on_line
        v = len(toks)
        while v and toks[v - 1][IS_VALUE]:
            v -= 1
        values = toks[v:]
        if not v or not values or len(values) >= width or any(t[IS_VALUE] for t in toks[:v]):
            continue
        if not all(isinstance(number_value(t[TEXT]), int) for t in values):
            continue
        if not box_alone(r.text, toks[0][START], toks[-1][END]):
            continue
        label = _SPACE.sub("", "".join(t[COMPACT] for t in toks[:v]))
        if label in _COLUMN_HEADS:
            continue  # a column's head (总计 names the row （七）总计 too): its values are the column's
        named = [row.key for row in rows if row.matches(label)]
        if len(named) == 1:
            found.setdefault(named[0], []).append(values)
    read = {row: lines[0] for row, lines in found.items() if len(lines) == 1}
    if not read:
        return False
    first_tok = min((vals[0] for vals in read.values()), key=lambda t: t[START])
    for row, values in read.items():
        for col, tok in zip(APPLICANT_COLUMNS, values, strict=False):
            key = f"{_T}/{row}/{col}"
            if key in r.cells and r.cells[key].value is None:
                del r.cells[key]
            r.put(key, tok)
    r.warn(
        "label_line_cells",
        "table 三: no reading of its values holds; the values the text prints on a row label's line, a box of its "
        "own, read as that row's first cells (pdfminer joins into a line only characters close together, and a "
        "row's first cell stands between its label and its other cells): "
        + ", ".join(f"{row} {' '.join(t[TEXT] for t in values)}" for row, values in read.items())
        + "; the table's other cells left blank",
        _T,
        first_tok,
    )
    return True

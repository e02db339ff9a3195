"""Table 三 read by labels: a row whose cells print on one line, the last pieces of its numbers broken over two lines
alone on the next, and the next row's broken numbers' first pieces alone on the line after that, right above the
next row's label (pypdf's layout mode of narrow print)::

         3.其他  0 0 0 0  0 2 2
                      1 1
           5          1 2
    （七）总计      7 0 0 86 0 2 7
                      8 1

for 0 0 0 0 0 21 21 (其他) and 57 0 0 86 0 128 271 (总计). Both lines of pieces fall before the next row's label, among
the row's values: twelve values for seven cells, the row read as printed (2 = 2 holds) and the ``1 1`` dropped.
:func:`pieces_before_next` reads such a row without the line right above the next row's label (left to that row, as
:func:`parsers.tables.centred_pieces.centred_row` leaves it), the pieces of its next line each under the cell it
completes (:func:`parsers.tables.stacked_pieces.open_below`). Where the next row's cells, that line above them and
its own pieces below hold its row total, each piece joined to the cell it starts nearest (:func:`stacked_around`),
that line is the next row's first pieces and the pieces between are no piece of the next row's: the row is read with
them joined (said ``merged_digits``), where its row total holds so. Otherwise its two readings, as printed and
joined, go to the table's identities (the caller's ``open_boxes``: read where they single one out, else the cells
the readings differ in blank). The next row is not read here: :func:`stacked_around` only checks its shape (read so,
6008's 总计 is right, but its identities are then no longer in doubt, and rows elsewhere that a reading in doubt
left blank would print wrong numbers).
"""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_lines import join_stacked, pieces_of
from parsers.tables.stacked_pieces import open_below
from parsers.tables.tokens import IS_VALUE, LINE, START, TEXT, Token

BEFORE_NEXT = (
    "the pieces alone on the line below the row's cells, each under one of them, complete numbers broken over two "
    "lines or print nothing of it (the row read as printed and with the pieces joined); the line after them, right "
    "above the next row's label, prints that row's numbers' first pieces, left to it"
)


def pieces_before_next(
    r: Reading, vals: list[Token], after: int, next_vals: list[Token], claimed: set[int], n: int
) -> list[list[Token]] | None:
    """The readings of the row whose values are ``vals`` (the next row's label the token ``after``, its values
    ``next_vals``), as the module says; the values of the line right above that label no longer ``claimed``. Where
    the next row reads that line as its first pieces (:func:`stacked_around`), the pieces between are no number of
    the next row's: the row is read with them joined alone, where its row total holds so. None where the row is not
    so printed."""
    line = r.tokens[after][LINE] - 1
    last = [t for t in vals if t[LINE] == line]
    if not last or len(vals) - len(last) <= n or last != vals[-len(last) :]:
        return None
    if r.printed(line) != last:
        return None  # the line above the next row's label prints other text: no first pieces of that row
    cells, below = vals[:n], vals[n : -len(last)]
    if len({t[LINE] for t in cells}) != 1 or any(t[LINE] != cells[0][LINE] + 1 for t in below):
        return None
    if cells[0][LINE] + 2 != line or r.printed(line - 1) != below:
        return None  # the pieces alone on the line between the row's cells and the next row's first pieces
    readings = open_below(r.text, cells, below)
    if readings is None:
        return None
    claimed.difference_update(t[START] for t in last)
    joined = readings[1]
    if row_total_holds([int(t[TEXT]) for t in joined]) and stacked_around(r, next_vals, after, set(claimed), n):
        return [joined]
    return readings


def stacked_around(r: Reading, vals: list[Token], label: int, claimed: set[int], n: int) -> list[Token] | None:
    """The next row of the module's shape (``（七）总计 7 0 0 86 0 2 7`` / ``8 1``, ``5 1 2`` right above its label):
    its cells on its label's line, the last pieces of its broken numbers alone on the next line (or none), their
    first pieces alone on the line right above, none of them read by another row (``claimed``); each piece joined to
    the cell it starts nearest (:func:`parsers.tables.stacked_lines.join_stacked`): the row where its total holds
    with the pieces above joined and with no other choice of the two lines (the pieces above then added to
    ``claimed``: pass a copy to only ask). None where the row is not so printed."""
    line = r.tokens[label][LINE]
    cells, below = vals[:n], vals[n:]
    if len(cells) != n or any(t[LINE] != line for t in cells) or any(t[LINE] != line + 1 for t in below):
        return None
    if below and r.printed(line + 1) != below:
        return None
    above = r.printed(line - 1)
    if not above or not all(t[IS_VALUE] for t in above) or any(t[START] in claimed for t in above):
        return None
    if pieces_of(r.text, above) != above or (below and pieces_of(r.text, below) != below):
        return None
    holding = [
        (up, row)
        for up in (above, [])
        for down in ((below, []) if below else ([],))
        if (up or down) and (row := join_stacked(cells, up, down, r.text)) is not None
    ]
    if row_total_holds([int(t[TEXT]) for t in cells]) or len(holding) != 1 or not holding[0][0]:
        return None
    claimed.update(t[START] for t in above)
    return holding[0][1]

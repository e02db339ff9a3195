"""Table 三's row total wrapped over two lines in a narrow cell: ``17`` on the row's line and ``5`` alone on the line
below for 175 (Chromium's ``word-break: break-all`` in a PDF a text layer prints line by line: pypdf's and
pdfplumber's layout modes, markitdown), the other cells on the row's line, at times two of them glued where the
layout squeezes their gap (``1660`` for 166 and 0).

Read as printed, the piece below is the row's total and the piece above a cell of its own: two wrong numbers the
row total refuses (``identity_failed``). Where the two pieces joined, and at most one glued pair of cells parted,
make exactly one reading of the row's seven cells whose total holds (the piece above glued to its neighbour
too: ``1319`` / ``9`` for 13 and 199), that reading is taken (``wrapped_digits``, a
guess the row total confirms); where none or several do, the piece below is left blank (``wrapped_digits``): it is
part of a number, never the number.
"""

from __future__ import annotations

import re

from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

_DIGITS = re.compile(r"[1-9]\d*|0")


def _parts(t: Token) -> list[tuple[Token, Token]]:
    """Each way of parting a glued token into two numbers (no leading 0 in either)."""
    text = t[TEXT]
    out: list[tuple[Token, Token]] = []
    for k in range(1, len(text)):
        a, b = text[:k], text[k:]
        if _DIGITS.fullmatch(a) and _DIGITS.fullmatch(b):
            mid = t[START] + k
            out.append(
                (
                    token(a, t[START], mid, t[LINE], t[COL], t[TABBED], split=True),
                    token(b, mid, t[END], t[LINE], t[COL] + k, t[TABBED], split=True),
                )
            )
    return out


def wrapped_total(line_values: list[Token], vals: list[Token], n: int) -> tuple[list[Token | None], str, bool] | None:
    """The row's ``n`` cells where its ``n`` values ``vals`` end in a piece of the total wrapped below the row's
    line: the last value alone among ``line_values`` (the value tokens of its line), on a line after the others',
    which all stand on one line and end with the piece above; only when the row total fails as printed. Returns
    the cells, what was done in words, and whether the row was read (False: the piece left blank). None where
    the row is not such a row."""
    if len(vals) != n or not all(_DIGITS.fullmatch(t[TEXT]) for t in vals):
        return None
    piece, above = vals[-1], vals[-2]
    if len({t[LINE] for t in vals[:-1]}) != 1 or piece[LINE] <= above[LINE]:
        return None
    if [t for t in line_values if t[IS_VALUE]] != [piece]:
        return None  # the piece below shares its line with other values: a row of its own
    if row_total_holds([int(t[TEXT]) for t in vals]):
        return None
    joined = token(
        above[TEXT] + piece[TEXT], above[START], piece[END], above[LINE], above[COL], above[TABBED], split=True
    )
    head = vals[:-2]
    readings: dict[tuple[int, ...], tuple[list[Token | None], str]] = {}
    for k, t in enumerate(head):
        for a, b in _parts(t):
            row: list[Token | None] = [*head[:k], a, b, *head[k + 1 :], joined]
            values = [int(x[TEXT]) for x in row if x is not None]
            if row_total_holds(values):
                how = f"{above[TEXT]!r} and {piece[TEXT]!r} read as {joined[TEXT]}, {t[TEXT]!r} as {a[TEXT]} {b[TEXT]}"
                readings.setdefault(tuple(values), (row, how))
    for a, b in _parts(above):  # the piece above glued to the cell before it (``1319`` / ``9``: 13 and 199)
        tail = token(b[TEXT] + piece[TEXT], b[START], piece[END], b[LINE], b[COL], b[TABBED], split=True)
        row = [*head, a, tail]
        values = [int(x[TEXT]) for x in row if x is not None]
        if row_total_holds(values):
            how = f"{above[TEXT]!r} read as {a[TEXT]} and {b[TEXT]!r}, which with {piece[TEXT]!r} reads {tail[TEXT]}"
            readings.setdefault(tuple(values), (row, how))
    if len(readings) == 1:
        row, how = next(iter(readings.values()))
        return row, how, True
    blanked: list[Token | None] = [*vals[:-1], None]
    return blanked, f"{piece[TEXT]!r} alone below the row's line, the row total failing: left blank", False

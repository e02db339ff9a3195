"""Table 四 as a row of TAB cells fewer than its 15 columns under a header of TAB cells that names each of them.

A word processor's table wider than the page runs past its right edge (LibreOffice Writer's PDF of a report whose
table 四 is too wide for a portrait page): the columns past the edge print nothing, heads and values alike
(:mod:`parsers.readers.page_edge` reads what the file still holds there), and the text has a row of 14 values for
15 cells under a header of 14 columns. The identities cannot tell which cell is lost where the lost one is a row's
total (``0 0 1 1``: 其他 1 and 尚未审结 1 with 总计 blank, or 尚未审结 blank and 总计 1): version 128's tie-break put a
value in the wrong column. The header says it: each column's lowest head names its kind (结果维持, 结果纠正, 其他结果,
尚未审结, 总计); where those kinds, in the row's order, fit the template's 15 columns one way only, each value is read
in its head's column and the columns no head names are blank.
"""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, review_rows
from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import COL, COMPACT, IS_VALUE, LINE, TABBED, TEXT, Token, number_value

# the words of the five heads of each of table 四's rows, in the template's order
_KINDS = (("维持",), ("纠正",), ("其他",), ("尚未", "审结"), ("总计",))


def _kind(compact: str) -> int | None:
    found = [k for k, words in enumerate(_KINDS) if any(w in compact for w in words)]
    return found[0] if len(found) == 1 else None


def _fits(kinds: list[int]) -> list[list[int]]:
    """Every way to put the columns of ``kinds`` in order into the template's 15 columns (each of kind
    ``slot % 5``); stops at two."""
    width = len(_KINDS)
    found: list[list[int]] = []

    def walk(k: int, slot: int, taken: list[int]) -> None:
        if len(found) > 1:
            return
        if k == len(kinds):
            found.append(list(taken))
            return
        for s in range(slot, N_REVIEW - (len(kinds) - k) + 1):
            if s % width == kinds[k]:
                taken.append(s)
                walk(k + 1, s + 1, taken)
                taken.pop()

    walk(0, 0, [])
    return found


def by_tab_heads(r: Reading, anchor_line: int, vals: list[Token]) -> list[Token | None] | None:
    """Table 四's ``vals``, one TAB line of values only, fewer than its cells, read under the heads of the TAB lines
    above it (after ``anchor_line``, its heading's): each column's lowest head that names a kind; None unless the
    header has exactly as many columns as the row, each named, their kinds fitting the template's columns one way
    only, and every row the reading fills whole holds its total."""
    if not vals or len(vals) >= N_REVIEW or not vals[0][TABBED]:
        return None
    line = vals[0][LINE]
    row = r.line_tokens(line)
    if len(row) != len(vals) or any(t[LINE] != line or not t[IS_VALUE] for t in vals) or row != vals:
        return None
    if [t[COL] for t in row] != list(range(len(row))):
        return None
    heads: dict[int, int] = {}
    width = 0
    for k in range(anchor_line + 1, line):
        cells = r.line_tokens(k)
        if not cells:
            continue
        if not all(t[TABBED] for t in cells) or any(t[IS_VALUE] for t in cells):
            return None  # a line of text or of values between the heading and the row: no plain header
        width = max(width, max(t[COL] for t in cells) + 1)
        for t in cells:
            if t[TEXT] and (kind := _kind(t[COMPACT])) is not None:
                heads[t[COL]] = kind  # the lowest head of its column wins
    if width != len(row) or sorted(heads) != list(range(width)):
        return None
    fits = _fits([heads[c] for c in range(width)])
    if len(fits) != 1:
        return None
    out: list[Token | None] = [None] * N_REVIEW
    for tok, slot in zip(row, fits[0], strict=True):
        out[slot] = tok
    values = [number_value(t[TEXT]) if t is not None else None for t in out]
    for row_cells in review_rows(values):
        if None not in row_cells and not row_total_holds(row_cells):
            return None
    return out

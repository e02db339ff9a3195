"""Table 三's grid whose column rules a scan doubled: the fields a row's values print in, told by the rows around it.

A scan's ruled table prints each grid row as one TAB line (:mod:`parsers.ocr.layout`), a field for each cell the
page's rules bound. Where the engine finds a rule twice (a thick or doubled line read as two, synth_5494's table 三),
every other field of a row is empty: ``2、其他法律行政法规禁止公开 | 513 | | 0 | | 0 | … | 0 | 513``. A row whose label
is found is read by its values whatever fields they stand in; a line whose label cell the engine lost is placed by
the template's order (:func:`parsers.tables.lost_labels.place_lost_labels`) only where its last fields are its
values, which such a line's are not. There, where the rows found on both sides print exactly as many values as the
table has columns, each in the same fields, with an empty field between two of them, those fields are the table's
columns: a line between them is a whole row where each of those fields reads a value (one may read nothing, as the
line test allows between two rows found) and every other field after its label cell is empty.
"""

from __future__ import annotations

from parsers.tables.grid_columns import whole_row_fields
from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, IS_VALUE, LINE, TABBED, TEXT, Token


def spaced_fields(r: Reading, label: int, n: int) -> tuple[int, ...] | None:
    """The fields (``COL``) in which the row labelled at token ``label`` prints its ``n`` values, where its line is
    a grid line, its other fields after the label are empty and an empty field stands between two of its values;
    else None (a row printed in its last ``n`` fields, a row short of a value, or one with text after its label)."""
    tokens = r.tokens
    line = tokens[label][LINE]
    after: list[Token] = []
    for tok in tokens[label + 1 :]:
        if tok[LINE] != line:
            break
        after.append(tok)
    if not after or not all(t[TABBED] for t in after) or any(t[TEXT] and not t[IS_VALUE] for t in after):
        return None
    fields = whole_row_fields(after, n)
    if fields is None or fields[-1] - fields[0] == n - 1:
        return None  # no empty field between its values: the plain grid
    return fields


def on_fields(
    idx: list[int], cells: list[Token], fields: tuple[int, ...]
) -> tuple[int, list[Token], list[Token]] | None:
    """A grid line (its tokens ``cells``, their indexes ``idx``) split on ``fields``: the index of the token before its
    values (its label cell), the tokens before the first field, and the token of each field (None where a field is
    missing, the line is no grid line, no label cell stands before the values, or a field outside ``fields`` after
    the label cell reads anything)."""
    if not all(t[TABBED] for t in cells):
        return None
    first = fields[0]
    head = [n for n, t in enumerate(cells) if t[COL] < first]
    if not head:
        return None
    by_col = {t[COL]: t for t in cells}
    if any(f not in by_col for f in fields):
        return None
    wanted = set(fields)
    if any(t[TEXT] for t in cells if t[COL] > first and t[COL] not in wanted):
        return None
    return idx[head[-1]], [cells[n] for n in head], [by_col[f] for f in fields]

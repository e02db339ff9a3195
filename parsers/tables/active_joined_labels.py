"""Table 二's two rows whose label cells a scan's grid joined: the label reads both, the values print on two lines.

The scan reader prints a ruled table one grid row a line (``parsers/ocr/layout.py``). Where the page lost the row
rule between two label cells but not between their value cells (a photographed or turned page, the thin rule
under a label faded), the label column's cell spans both grid rows: its text reads the two labels one after the
other, on the first row's line, and the second row's values print on the line under it, its label field empty
(synth_4150, a 2019-format table: ``规章行政规范性文件 | 1 | 1 | 0`` then `` | 2 | 0 | 0``). Matched by meaning,
the joined label reads as the second row (行政规范性文件, similarity 0.78) and takes the first row's values: two
wrong numbers, the first row missing.

A label that is two of the template's row labels one after the other, in the template's order, on a TAB line with
values, the line right under it a label-less row of values (its first field empty), is read as the two rows: the
first on the label's line, the second on the line under it (:func:`joined_labels`), with a warning
(``joined_labels``). Only in the scan reader's own text (a grid's cells, one a field); another tool's text is read
as before.
"""

from __future__ import annotations

from parsers.tables.active_rows import row_named
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import COMPACT, IS_LABELISH, IS_VALUE, LINE, TABBED, TEXT


def joined_labels(r: Reading, i: int, fmt: str, named: set[str]) -> list[tuple[int, str]] | None:
    """The two rows (token index, row key) that the label token ``i`` joins, the second's index the empty first
    field of the line under it; None unless the text is the scan reader's, the label two rows' labels next to each
    other in format ``fmt``'s order, neither row among ``named``, and both lines print values (see the module's
    doc)."""
    tok = r.tokens[i]
    text = tok[COMPACT]
    if not r.extracted.ocr or not tok[TABBED] or len(text) < 4:
        return None
    order = list(ACTIVE_DEFAULTS.get(fmt, ACTIVE_DEFAULTS["2021"]))
    pair = None
    for cut in range(2, len(text) - 1):
        first, second = row_named(text[:cut]), row_named(text[cut:])
        if first is None or second is None or first.key not in order or second.key not in order:
            continue
        if order.index(second.key) == order.index(first.key) + 1:
            pair = (first.key, second.key)
            break
    if pair is None or pair[0] in named or pair[1] in named:
        return None
    line = r.line_after(i)
    below = i + 1 + len(line)
    if not any(t[IS_VALUE] for t in line) or below >= len(r.tokens):
        return None
    under = r.tokens[below]
    if under[LINE] == tok[LINE] or not under[TABBED] or under[TEXT]:
        return None
    values = r.line_after(below)
    if not any(t[IS_VALUE] for t in values) or any(t[IS_LABELISH] for t in values):
        return None
    r.warn(
        "joined_labels",
        f"{T}/{pair[0]}, {T}/{pair[1]}: one label cell reads both rows' labels ({tok[TEXT]!r}: the scan lost the rule "
        "between them), the second row's values on the line under it with no label: read as the two rows, in the "
        "template's order",
        f"{T}/{pair[1]}",
        tok,
    )
    return [(i, pair[0]), (below, pair[1])]

"""Table 三's data lines, one per row, read in the order its row labels print rather than the template's.

pdfminer's text with vertical-text detection (``-V``) prints a table's rows in the order of its boxes' groups, and a
group holding a vertical box (``总 计``, ``自 然 人``: narrow cells stacked a glyph a line) prints its members right to
left: a group of rows (the 第二十条 reasons, say) can print before table 三's first row, its labels and their data
lines moved together. The reading by order (:func:`parsers.tables.merged_rows.fits_by_order`) takes the data lines in
the template's order; where every row's label is found in the table's span, each at a label of its own, in an order
not the template's, the data lines read in the labels' order are another reading. It is taken only where it holds
every identity of table 三 and the template's order does not: the identities confirm it, the order alone does not.
"""

from __future__ import annotations

from parsers.tables.align import Fit
from parsers.tables.checks import application_identities, application_passed
from parsers.tables.label_heads import in_applicants_header
from parsers.tables.reading import Reading
from parsers.tables.templates import RowDef
from parsers.tables.tokens import Token


def label_order_fits(
    r: Reading, rows: list[RowDef], fits: dict[str, Fit], lines: list[Token], start: int, stop: int, fmt: str
) -> tuple[dict[str, Fit], list[Token], list[str]] | None:
    """The data lines of ``fits`` (the reading by order: line ``k`` is row ``k``'s of the template, ``lines[k]``
    its first token) read in the order the rows' labels print from token ``start`` to ``stop``, where that holds
    every identity of table 三 and the template's order does not: the fits, each row's line's first token (in the
    template's order of rows), and the rows' keys in the labels' order; else None."""
    at: dict[str, int] = {}
    for row in rows:
        f = r.find(row, start, stop)
        while f is not None and in_applicants_header(r.tokens, f.index):
            f = r.find(row, f.index + 1, stop)  # a header cell (总计 over the totals), not the row's label
        if f is None:
            return None
        at[row.key] = f.index
    if len(set(at.values())) != len(rows):
        return None  # two rows found at one label: the labels do not tell the rows apart
    order = sorted(rows, key=lambda row: at[row.key])
    if order == rows:
        return None
    full = application_identities(fmt)
    if application_passed({key: fit.values() for key, fit in fits.items()}, fmt) == full:
        return None
    moved = {row.key: fits[template.key] for row, template in zip(order, rows, strict=True)}
    if application_passed({key: fit.values() for key, fit in moved.items()}, fmt) != full:
        return None
    line_of = {row.key: line for row, line in zip(order, lines, strict=True)}
    return moved, [line_of[row.key] for row in rows], [row.key for row in order]

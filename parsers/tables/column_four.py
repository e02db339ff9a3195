"""Table 四's blank row in a text printed column by column, placed by the heads printed before each value.

Where poppler's default text prints the tables column by column (:func:`parsers.tables.column_order.stacked_labels`),
table 三 is kept from a reading of its own only where every cell is read and every identity holds
(``tables._table_three_whole``), and table 四 is read only where the text's lines of values read it with its totals
holding (tables/box_order.py): else its cells are left blank (``rows_not_read``). A table 四 with a row printed as
nothing (ten values, a blank cell printing nothing) is never read so: ten values fit fifteen cells three ways, each
row's total holding (tuning seeds 7311, 7337, 7409, 7442 of ``/tmp/g53/tune``; 7646 of ``/tmp/t56/tune``).

The reading that kept table 三 read table 四 too (tables/review.py); where that reading placed the blank row by
poppler's heads (``blank_cells_placed``: more than five values before the 复议后起诉 head, which stands above its own
columns, tables/review_blank_row.py; or each value after its own cell's head and before the heads of the row after
next, tables/review_head_counts.py), and said nothing else about table 四, its ten values read and its five cells
blank, each read row's total holding, :func:`four_by_heads` gives its cells and that warning to be kept; None
otherwise (a placement the identities chose, values dropped or open: not a reading of the heads). Where the heads
keep two placements of the blank row (a line printing two rows' heads side by side, ``SIDE_BY_SIDE``), the one row
both read alike is kept with that warning (``placement_open``), the two others blank.
"""

from __future__ import annotations

from parsers.model import Cell, Warning_
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, REVIEW_KEYS
from parsers.tables.review_head_counts import SIDE_BY_SIDE
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_TABLE

_N_COLS = len(REVIEW_COLUMNS)


def four_by_heads(t: Reading) -> tuple[dict[str, Cell], list[Warning_]] | None:
    """Table 四's cells and its one warning from reading ``t``, where it placed a blank row by the heads as the
    module says; None otherwise."""
    said = [w for w in t.warnings if w.key is not None and w.key.startswith(REVIEW_TABLE)]
    # the heads keep two placements of the blank row (two rows' heads side by side): the row both read alike
    open_row = len(said) == 1 and said[0].code == "placement_open" and SIDE_BY_SIDE in said[0].message
    if len(said) != 1 or (said[0].code != "blank_cells_placed" and not open_row):
        return None
    cells = {k: t.cells[k] for k in REVIEW_KEYS if k in t.cells}
    if len(cells) != N_REVIEW:
        return None
    values = [cells[k].value for k in REVIEW_KEYS]
    blank_rows = 0
    for k in range(0, N_REVIEW, _N_COLS):
        row = values[k : k + _N_COLS]
        if all(v is None for v in row):
            blank_rows += 1
        elif any(v is None for v in row) or abs(sum(float(v or 0) for v in row[:-1]) - float(row[-1] or 0)) > 1e-6:
            return None
    return (cells, said) if blank_rows == (2 if open_row else 1) else None

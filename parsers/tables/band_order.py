"""Table 三 printed in bands of rows, each band column by column: pdfminer.six's text of a wide table.

pdfminer (``pdf2txt.py``, ``high_level.extract_text``) makes each cell of a wide table a text box of its own and
orders the boxes by grouping the nearest ones first (its ``boxes_flow`` layout analysis). Where a table's rows
stand closer together than its columns, the cells of one column group first: a run of rows prints column after
column, each column top to bottom (``6 0 / 0 5 / 1 0 / … / 7 5``: two rows, seven columns). A page break, or a row
made tall by a wrapped label, ends such a run: the table prints as consecutive **bands** of rows, each band column
by column (a band of one row: that row left to right). Nothing in the text says where a band ends.

:func:`read_bands` reads table 三's values (its template's cells, exactly as many) that way: every division of
the template's rows into consecutive bands whose rows' totals then hold (总计 is the sum of the six applicant
columns) is a candidate; a candidate is kept when every one of the table's identities holds on it (each column's
balance and its sum of results). The table is read only when all the kept candidates put the same number in
every cell (divisions that differ only where the values are equal, as zeros are, give the same table); else
nothing is read (the placement is open: it stays to the other readings, or blank). Reported as ``rows_by_bands``,
naming the bands.
"""

from __future__ import annotations

from parsers.model import Check
from parsers.tables.checks import application_checks
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, RowDef
from parsers.tables.tokens import TEXT, Token, number_value
from parsers.tables.vertical_span import open_columns

_T = "applications"
MAX_CANDIDATES = 64  # distinct tables the row totals allow, at most, before the placement is called open

Grid = tuple[tuple[int, ...], ...]  # a table's rows, each its values' indexes into the value stream
Num = int | float | None
Table = tuple[tuple[Num, ...], ...]  # a table's rows, each its values
Tables = dict[Table, tuple[Grid, tuple[int, ...]]]  # distinct tables → (one grid giving it, its bands' heights)


def _row_holds(values: list[Num], at: tuple[int, ...]) -> bool:
    """The row (its values' indexes) prints numbers whose 总计 (the last) is the sum of the others."""
    nums = [values[i] for i in at]
    if any(v is None for v in nums):
        return False
    *parts, total = nums
    return abs(sum(parts) - total) < 1e-9  # type: ignore[arg-type, operator]


def _band(first: int, offset: int, height: int, width: int, total_first: bool = False) -> tuple[tuple[int, ...], ...]:
    """The rows ``first`` … ``first + height - 1`` of a band printed column by column from stream index
    ``offset``: each row's value indexes, in the template's column order (总计 last). ``total_first``: the band
    prints its 总计 column first, then the others (pdfminer's ``-V`` order: tables/vertical_bands.py)."""
    if total_first:
        return tuple((*(offset + (c + 1) * height + i for c in range(width - 1)), offset + i) for i in range(height))
    return tuple(tuple(offset + c * height + i for c in range(width)) for i in range(height))


def _divisions(
    values: list[Num], n_rows: int, width: int, total_first: bool = False
) -> list[tuple[Grid, tuple[int, ...]]] | None:
    """Every distinct table (by the values it puts in each cell) a division into bands gives whose rows' totals all
    hold, with one division giving it (the bands' heights); None past :data:`MAX_CANDIDATES`."""
    # suffix[r]: the distinct tables of rows r … n-1, as value tuples → (index rows, heights)
    suffix: list[Tables | None] = [None] * (n_rows + 1)
    suffix[n_rows] = {(): ((), ())}
    for first in range(n_rows - 1, -1, -1):
        found: Tables = {}
        for height in range(1, n_rows - first + 1):
            rest = suffix[first + height]
            if not rest:
                continue
            for layout in (False, True) if total_first else (False,):
                band = _band(first, first * width, height, width, layout)
                if not all(_row_holds(values, at) for at in band):
                    continue
                band_values = tuple(tuple(values[i] for i in at) for at in band)
                for tail_values, (tail, heights) in rest.items():
                    found.setdefault(band_values + tail_values, (band + tail, (height, *heights)))
                    if len(found) > MAX_CANDIDATES:
                        return None
        suffix[first] = found
    top = suffix[0]
    return list(top.values()) if top else []


def _totals_only(check: Check) -> bool:
    """The check's operands are all cells of table 三's 总计 column."""
    return all(k.endswith("/total") for k in (*check.left_keys, *check.right_keys))


def read_bands(
    r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, *, total_first: bool = False
) -> tuple[Reading, list[Check], tuple[int, ...]] | None:
    """Table 三 from ``values`` (exactly its cells, in the text's order) read in bands of rows, each band column by
    column (see the module's doc): its reading, its checks (all holding) and the bands' heights; None when no
    division holds every identity, or divisions that do put different numbers somewhere. ``total_first``: a
    band may also print its 总计 column first, then the six others in an order not known (pdfminer's ``-V``:
    tables/vertical_bands.py): the applicant cells of rows whose values differ are then left blank, and the
    identities of the 总计 column decide."""
    width = len(APPLICANT_COLUMNS)
    if len(values) != len(rows) * width:
        return None
    nums = [number_value(t[TEXT]) for t in values]
    divisions = _divisions(nums, len(rows), width, total_first)
    if not divisions:
        return None
    held: dict[tuple[Num, ...], tuple[Reading, list[Check], tuple[int, ...]]] = {}
    for grid, heights in divisions:
        t = Reading(r.extracted, r.norm, r.canonical)
        for row, at in zip(rows, grid, strict=True):
            cells = [values[i] for i in at]
            t.put_cells([f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS], cells, cells[0])
        if total_first:
            # each band's applicant columns in an order no identity confirms (tables/vertical_bands.py): the cells
            # of rows whose applicant values differ left blank, the 总计 column's identities decide (each row's
            # total the sum of its values: held by every division)
            open_columns(t.cells, APPLICANT_COLUMNS[:-1])
            checks = [c for c in application_checks(t.get, app_fmt) if _totals_only(c)]
            if all(c.passed and not c.blank for c in checks):
                held.setdefault(tuple(c.value for c in t.cells.values()), (t, checks, heights))
            continue
        checks = application_checks(t.get, app_fmt)
        if all(c.passed and not c.blank for c in checks) and all(c.value is not None for c in t.cells.values()):
            held.setdefault(tuple(nums[i] for at in grid for i in at), (t, checks, heights))
    if len(held) != 1:
        return None
    return next(iter(held.values()))

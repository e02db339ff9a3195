"""Table 三's cells of a row that no division of the run reads whole, where every placement the divisions leave
for the row puts the same number in the cell and the table's identities refuse none of them.

poppler's ``pdftotext`` (without ``-layout``) prints a narrow table's cells a block each, row after row, a cell the
report left empty not at all. :func:`parsers.tables.anchored_rows.divisions` divides such a run into the template's
rows leaving the fewest rows open; a row is read whole where every such division reads it alike
(:func:`parsers.tables.anchored_rows.settled_rows`). A row that one division reads as seven values and another as
six (a cell printed empty: which column is empty the run does not say), or that two divisions place at two offsets,
is left blank there, though some of its cells are the same number in every placement.

Here each placement a division leaves for the row is spread into the row's readings: seven values, the row read; six
values, the empty cell in each column in turn where the row total holds with it blank (six values that no empty cell
makes hold give none: the row is not there, as seven whose total fails are not read there); seven values out of
order, nothing (any reading: no cell is read). A reading is dropped where it makes an identity on the row's cells
impossible whatever the blank cells are, or fails one whose cells are all read, with the cells the table holds. A
cell is read where every reading left puts the same number in it; a cell some reading leaves empty stays blank (a
zero printed empty is no 0). A 0 so settled is read only in a row whose total is read and is not 0: seven zeros hold
any row's total, so a row of zeros is placed by nothing, and a row printed out of order shifts the zeros of the rows
near it (measured on five tuning batches: the zeros of rows whose total is 0 or not read were read wrong where a row
of six zeros, a cell printed empty, stood near rows out of order).

Every cell so read is said (``cells_by_division``, naming the rows); the labels' warnings on those rows stay (their
other cells are blank).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.model import Check
from parsers.tables.anchored_rows import divisions, impossible
from parsers.tables.checks import application_checks
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, RowDef
from parsers.tables.tokens import TEXT, Token

Getter = Callable[[str], int | float | None]
_T = "applications"


def fill_settled_cells(
    r: Reading, fmt: str, rows: Sequence[RowDef], values: list[Token], numbers: list[int], at: list[int | None]
) -> None:
    """Table 三's rows ``r`` holds wholly blank that no division reads whole (``at``: each row's offset in
    ``numbers`` where every division reads it alike, :func:`parsers.tables.anchored_rows.settled_rows`): the cells
    every reading left puts the same number in read from ``values`` (the run's tokens, ``numbers`` their counts),
    as the module's doc says, where the identities hold on all the cells so read together; said
    (``cells_by_division``)."""
    width = len(APPLICANT_COLUMNS)
    options = None
    checks = application_checks(r.get, fmt)
    found: dict[str, Token] = {}
    named: list[str] = []
    for k, row in enumerate(rows):
        keys = [f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS]
        if at[k] is not None or any(r.get(key) is not None for key in keys):
            continue
        if options is None and (options := divisions(numbers, len(rows), width)) is None:
            return
        if (readings := row_readings(numbers, options[k], width)) is None or not readings:
            continue
        got = settled_cells(numbers, readings, keys, checks, r.get)
        if got[-1] is None or numbers[got[-1]] == 0:
            # a row whose total is not read, or reads 0: its zeros are no row's in particular (seven zeros hold any
            # row's total, and a row printed out of order moves the zeros of the rows near it); its numbers are read
            got = [i if i is not None and numbers[i] != 0 else None for i in got]
        if any(i is not None for i in got):
            named.append(row.key)
            found.update((key, values[i]) for key, i in zip(keys, got, strict=True) if i is not None)
    if not found:
        return

    def get(key: str) -> int | float | None:
        return int(found[key][TEXT]) if key in found else r.get(key)

    if any(
        c.cell_keys() & found.keys() and (impossible(c, get) or _fails(c, get)) for c in application_checks(get, fmt)
    ):
        return
    order = list(r.cells)
    for key, tok in found.items():
        r.cells.pop(key, None)
        r.put(key, tok)
    cells = {key: r.cells[key] for key in order if key in r.cells} | r.cells
    r.cells.clear()
    r.cells.update(cells)
    r.warn(
        "cells_by_division",
        f"table 三: {len(found)} cells of {len(named)} rows its labels left blank ({', '.join(named)}) read from "
        f"the run of its {len(values)} values for its {len(rows) * width} cells, where no division of the run into "
        "the template's rows that leaves the fewest rows open reads the row whole (a row of six values: a cell "
        "printed empty, or a row placed at two offsets) but every placement they leave, the empty cell in each "
        "column its row total allows, puts the same number in the cell, no identity refusing it (poppler's blocks "
        "print rows' values apart from their labels): a placement the row totals and identities fix, the row's "
        "other cells left blank",
        f"{_T}/{named[0]}",
        next(iter(found.values())),
        rows=tuple(named),
    )


def row_readings(numbers: Sequence[int], placements: set[tuple[int, int]], width: int) -> list[list[int | None]] | None:
    """The readings of one row the ``placements`` of :func:`parsers.tables.anchored_rows.divisions` leave: each a
    list of offsets into ``numbers`` by column, None for a cell printed empty; None where a placement reads the
    row's values out of order (any reading)."""
    out: list[list[int | None]] = []
    for o, w in sorted(placements):
        if w == width:
            out.append(list(range(o, o + width)))
        elif w == 1 - width:
            for j in range(width):
                idx: list[int | None] = [*range(o, o + j), None, *range(o + j, o + width - 1)]
                parts = sum(numbers[i] for i in idx[:-1] if i is not None)
                if parts == (numbers[idx[-1]] if idx[-1] is not None else 0):
                    out.append(idx)
        else:
            return None
    return out


def settled_cells(
    numbers: Sequence[int], readings: list[list[int | None]], keys: Sequence[str], checks: list[Check], get: Getter
) -> list[int | None]:
    """The offset into ``numbers`` of each of a row's cells (``keys``) that every reading the identities leave puts
    the same number in, None for the others; ``checks`` the table's identities (their cells only: each is summed
    again here on each reading), ``get`` the table's cells as read."""
    column = {k: j for j, k in enumerate(keys)}
    # each identity on the row: per side, the sum and the blanks of the cells outside the row, and the row's columns
    sides: list[tuple[_Side, _Side]] = []
    for c in checks:
        if not c.cell_keys() & column.keys():
            continue
        two: list[_Side] = []
        for side in (c.left_keys, c.right_keys):
            given = [v for k in side if k not in column and (v := get(k)) is not None]
            blanks = sum(1 for k in side if k not in column) - len(given)
            two.append((sum(given), blanks, [column[k] for k in side if k in column]))
        sides.append((two[0], two[1]))
    kept: list[list[int | None]] = []
    for idx in readings:
        vals = [numbers[i] if i is not None else None for i in idx]
        if not any(_refused(vals, left, right) for left, right in sides):
            kept.append(idx)
    out: list[int | None] = []
    for j in range(len(keys)):
        got = {numbers[i] if (i := idx[j]) is not None else None for idx in kept}
        out.append(kept[0][j] if kept and len(got) == 1 and None not in got else None)
    return out


def _fails(c: Check, get: Getter) -> bool:
    """The identity ``c`` fails with every one of its cells read."""
    return not c.passed and all(get(k) is not None for k in c.cell_keys())


_Side = tuple[int | float, int, list[int]]


def _refused(vals: list[int | None], left: _Side, right: _Side) -> bool:
    """An identity (its two sides: the sum and blanks of the cells outside the row, the row's columns in it) that
    the row's values ``vals`` make fail with every cell read, or impossible whatever its blank cells are (one side
    all read, the cells read of the other more than it): :func:`parsers.tables.anchored_rows.impossible`."""
    sums: list[int | float] = []
    blanks: list[int] = []
    for base, blank, cols in (left, right):
        given = [v for j in cols if (v := vals[j]) is not None]
        sums.append(base + sum(given))
        blanks.append(blank + len(cols) - len(given))
    if not blanks[0] and not blanks[1]:
        return abs(sums[0] - sums[1]) >= 1e-6
    return (not blanks[0] and sums[1] > sums[0] + 1e-6) or (not blanks[1] and sums[0] > sums[1] + 1e-6)

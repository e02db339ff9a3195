"""Table 三 in poppler's default text where its values print before their labels, a few cells missing, a few rows
out of order: the rows whose place in the run of values the row totals fix.

poppler's ``pdftotext`` (without ``-layout``) prints a narrow table's cells a block each. Where the label column
is stacked apart (``parsers.tables.column_order``), the rows' values print as a run, row after row, each row's
seven values one a block, the labels of the page after them. Such a run is read whole where it holds every
identity (``parsers.tables.box_order``); it does not where a cell is printed empty (a row of six values: which
column is empty the run does not say) or where poppler's column detection printed a few rows' first cells in
other bands (the first rows under the header: their values out of order).

Here the run is divided into the template's rows, each row read from seven values whose total holds, or left
open as seven values out of order or six (a cell printed empty). Of the divisions that leave the fewest rows open,
a row is read where every such division reads it, with the same values; the others stay blank. A row of zeros
among rows of zeros with a row of six values near it is read by one division and open in another: blank. A row of
zeros read alike by every division is still left blank where a row between the nearest rows read with other values
is left open over seven values (out of order: seven zeros of such a run hold any row's place). Nothing is read
unless the identities whose cells were all read hold and none is impossible whatever the blanks are.

A blank cell of the table is one of the run's values or printed empty (0), so it is at most the run's largest value.
Where an identity cannot hold with each blank cell at that most (the result rows read summing past any (七)总计 the
run prints), the division is off from some row on: values printed out of order (poppler prints a block of a few rows'
values after the table's last labels) move the rows after their place, never the rows before it. The rows read after
the last row left open are let go, stretch by stretch from the end, until every identity can hold (said,
``placement_open``); the reading is refused where none is left to let go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from parsers.model import Cell, Check, Warning_
from parsers.tables.box_order import applications_format, lines_with_values, three_span
from parsers.tables.checks import application_checks
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, APPLICATION_ROWS_2019, APPLICATION_ROWS_2021, RowDef
from parsers.tables.tokens import END, START, TEXT, Token

_T = "applications"
MAX_SHORT = 10  # cells printed empty, at most, in the run (a row of six values each)
MIN_READ = 7  # rows read, at least, for the reading to be taken
# two number lines one under the other: a number broken over lines, or cells printed side by side (not one a block);
# not a line of 0 alone, a cell and never a number's first piece (a count prints no leading 0)
NUMBER_PAIR = re.compile(r"(?m)^[ \t]*(?!0[ \t]*\n)\d[\d,.]*[ \t]*\n[ \t]*\d[\d,.]*[ \t]*$")
_INT = re.compile(r"\d+")


def divisions(values: list[int], rows: int, width: int) -> list[set[tuple[int, int]]] | None:
    """For each row, the placements it takes in the divisions of ``values`` into ``rows`` rows that leave the
    fewest rows open: ``(offset, width)`` for a row read there (its total holding), ``(offset, -width)`` for a row
    left open over ``width`` values (out of order), ``(offset, 1 - width)`` over one fewer (a cell printed empty).
    None where no division fits."""
    n = len(values)
    short = rows * width - n
    inf = rows + 1

    def holds(o: int) -> bool:
        return o + width <= n and sum(values[o : o + width - 1]) == values[o + width - 1]

    # fwd[k][o]: fewest open rows among rows < k taking values[:o]; bwd likewise for rows >= k from o
    fwd = [dict[int, int]() for _ in range(rows + 1)]
    fwd[0][0] = 0
    for k in range(rows):
        for o, cost in fwd[k].items():
            for step, open_ in ((width, not holds(o)), (width, True), (width - 1, True)):
                e = o + step
                if e > n or (k + 1) * width - e > short:
                    continue
                c = cost + int(open_)
                if c < fwd[k + 1].get(e, inf):
                    fwd[k + 1][e] = c
    if n not in fwd[rows]:
        return None
    best = fwd[rows][n]
    bwd = [dict[int, int]() for _ in range(rows + 1)]
    bwd[rows][n] = 0
    for k in range(rows - 1, -1, -1):
        for o in fwd[k]:
            got = inf
            for step, open_ in ((width, not holds(o)), (width, True), (width - 1, True)):
                e = o + step
                if e in bwd[k + 1]:
                    got = min(got, bwd[k + 1][e] + int(open_))
            if got < inf:
                bwd[k][o] = got
    out: list[set[tuple[int, int]]] = []
    for k in range(rows):
        taken: set[tuple[int, int]] = set()
        for o, cost in fwd[k].items():
            for step, read in ((width, holds(o)), (width, False), (width - 1, False)):
                e = o + step
                if e in bwd[k + 1] and cost + int(not read) + bwd[k + 1][e] == best:
                    taken.add((o, width if read else -step))
        out.append(taken)
    return out


def read_anchored_rows(r: Reading, fmt: str, start: int) -> tuple[dict[str, Cell], list[Warning_], list[Check]] | None:
    """Table 三 of a text in column order, read from its run of values as the module's doc says: its cells (a row
    left open blank), warnings and checks; None where the text is not poppler's blocks of one value, the run is
    not the table's cells but a few printed empty, fewer than :data:`MIN_READ` rows are read, or an identity whose
    cells were all read fails."""
    if r.exact(r.tokens[start]) or not is_block_cells(r.text):
        return None  # table 三 of the document's own cells (Reading.exact), or not poppler's blocks
    first, end = three_span(r, start)
    lines = lines_with_values(r, first, end)
    if not lines or any(len(toks) != 1 or not _INT.fullmatch(toks[0][TEXT]) for toks in lines):
        return None  # a value beside a label, or not a count: not a run of blocks of one value
    values: list[Token] = [toks[0] for toks in lines]
    if NUMBER_PAIR.search(r.text, values[0][START], values[-1][END]):
        return None
    app_fmt = applications_format(r, fmt, first, end)
    rows = APPLICATION_ROWS_2021 if app_fmt == "2021" else APPLICATION_ROWS_2019
    width = len(APPLICANT_COLUMNS)
    if not 0 < len(rows) * width - len(values) <= MAX_SHORT:
        return None  # as many as the cells: box_order's reading, which proves itself whole
    numbers = [int(v[TEXT]) for v in values]
    if (at := settled_rows(numbers, len(rows), width)) is None:
        return None
    t, read, checks = _put_rows(r, rows, at, values, app_fmt)
    whole = [c for c in checks if all(t.get(k) is not None for k in c.cell_keys())]
    if not all(c.passed for c in whole) or any(impossible(c, t.get) for c in checks):
        return None
    # an identity no blank cell can mend, each blank one of the run's values at most: the division is off from
    # some row on (values printed out of order move the rows after their place, not the rows before it); the
    # rows read after the last row left open are let go, island by island from the end, until none is impossible
    most = max(numbers)
    dropped: list[str] = []
    while any(impossible(c, t.get, most) for c in checks):
        if (island := _last_island(at)) is None:
            return None
        for k in island:
            at[k] = None
            dropped.append(rows[k].key)
        t, read, checks = _put_rows(r, rows, at, values, app_fmt)
    if len(read) < MIN_READ:
        return None
    whole = [c for c in checks if all(t.get(k) is not None for k in c.cell_keys())]
    left = [row.key for row in rows if row.key not in read]
    t.warn(
        "rows_anchored",
        f"table 三: its {len(values)} values print apart from its row labels, row after row, "
        f"{len(rows) * width - len(values)} of its cells printed empty, rows printed out of order (poppler's blocks); "
        f"{len(read)} rows read where every division of the run into the template's {len(rows)} rows that leaves "
        f"the fewest rows open reads them alike (their totals holding, {len(whole)} identities on cells all read "
        f"holding), {len(left)} left blank ({', '.join(left[:6])}{' …' if len(left) > 6 else ''}): a placement "
        "the row totals fix, not printed as such",
        _T,
        values[0],
    )
    if dropped:
        t.warn(
            "placement_open",
            f"table 三: {len(dropped)} rows the run's division read ({', '.join(dropped)}) left blank: read so, the "
            f"cells of an identity sum past what its other side can be, its blank cells each at most the run's "
            f"largest value ({most}): the division is off from some row on (values printed out of order move the "
            "rows after their place); the rows read after the last row left open let go, from the end, until "
            "every identity can hold",
            f"{_T}/{dropped[-1]}",
            values[0],
        )
    return t.cells, t.warnings, checks


def _put_rows(
    r: Reading, rows: Sequence[RowDef], at: list[int | None], values: list[Token], fmt: str
) -> tuple[Reading, list[str], list[Check]]:
    """A reading of table 三's ``rows`` from ``values`` at the offsets ``at`` (None: the row blank): the reading,
    the rows read, the identities on it (format ``fmt``)."""
    t = Reading(r.extracted, r.norm, r.canonical)
    read: list[str] = []
    width = len(APPLICANT_COLUMNS)
    for k, row in enumerate(rows):
        keys = [f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS]
        if (o := at[k]) is not None:
            t.put_cells(keys, values[o : o + width], values[o])
            read.append(row.key)
        else:
            t.put_cells(keys, [None] * width, values[0])
    return t, read, application_checks(t.get, fmt)


def _last_island(at: list[int | None]) -> list[int] | None:
    """The last stretch of rows read (offset not None) that follows a row left open, by index; None where every
    row read precedes the first row left open (no row read after one open)."""
    end = max((k for k, o in enumerate(at) if o is not None), default=None)
    if end is None:
        return None
    begin = end
    while begin > 0 and at[begin - 1] is not None:
        begin -= 1
    if begin == 0:
        return None
    return list(range(begin, end + 1))


def settled_rows(numbers: list[int], rows: int, width: int) -> list[int | None] | None:
    """Each of ``rows`` rows' offset in ``numbers`` (a run of a table's values, row after row, a few rows six values
    long: a cell printed empty) where every division of the run that leaves the fewest rows open reads the row with
    the same values (:func:`divisions`, :func:`_settled`), None for a row left open; None where no division fits."""
    options = divisions(numbers, rows, width)
    return None if options is None else _settled(numbers, options, width)


def _settled(numbers: list[int], divisions: list[set[tuple[int, int]]], width: int) -> list[int | None]:
    """Each row's offset in ``numbers`` where the row is read: every division reads it, with the same values; and,
    for a row of zeros (whose total holding says nothing of its place), every row between the nearest rows read with
    a value other than 0 before and after it (or the run's ends) is read by some division, none of them leaving it
    open over seven values (out of order) or reading it as other values: zeros next to values out of order may be
    any row's (a row of six, a cell printed empty, moves the rows after it, not their values). None for a row left
    blank."""
    at: list[int | None] = []
    for taken in divisions:
        readings = {tuple(numbers[o : o + width]) for o, w in taken if w == width}
        at.append(min(o for o, _ in taken) if len(readings) == 1 and all(w == width for _, w in taken) else None)
    anchors = [k for k, o in enumerate(at) if o is not None and numbers[o + width - 1] != 0]
    out: list[int | None] = []
    for k, o in enumerate(at):
        if o is not None and numbers[o + width - 1] == 0:
            before = max((a for a in anchors if a < k), default=-1)
            after = min((a for a in anchors if a > k), default=len(at))
            if any(_unsettled(numbers, divisions[j], width) for j in range(before + 1, after)):
                o = None
        out.append(o)
    return out


def _unsettled(numbers: list[int], taken: set[tuple[int, int]], width: int) -> bool:
    """A row some division leaves open over ``width`` values (out of order), reads as different values in two, or
    never reads."""
    readings = {tuple(numbers[o : o + width]) for o, w in taken if w == width}
    return len(readings) != 1 or any(w == -width for _, w in taken)


def impossible(c: Check, get: Callable[[str], int | float | None], most: int | None = None) -> bool:
    """The identity ``c`` cannot hold whatever its blank cells are: the cells read of one side (counts, none below
    0) more than the other side can be, all read, or (``most``: the largest value a blank cell can take, the run's
    largest, every cell of the table being one of the run's values or printed empty) with its blank cells each at
    ``most``."""
    left = [get(k) for k in c.left_keys]
    right = [get(k) for k in c.right_keys]
    for whole, part in ((left, right), (right, left)):
        given = [v for v in whole if v is not None]
        if len(given) < len(whole) and most is None:
            continue
        room = sum(given) + (len(whole) - len(given)) * (most or 0)
        if sum(v for v in part if v is not None) > room + 1e-6:
            return True
    return False

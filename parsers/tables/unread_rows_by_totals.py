"""Table 三's rows that its reading by labels left wholly blank, in poppler's default text with cells printed empty:
read where the row totals fix their place in the run of the table's values.

poppler's ``pdftotext`` (without ``-layout``) prints a narrow table's cells a block each, the rows' values in the
template's order but often apart from their labels: a run of several rows' values after one label, the labels of
the rows after it printed after the run, a page's labels stacked together. Where every row prints its seven values
the run is read whole (``parsers.tables.applications``' stream of values); where a cell is printed empty (a zero the
report left blank) the run is a few values short of the cells, which column of a row of six is empty the run does
not say, and the reading by labels gives the rows after such a label too many values and the rows whose labels
follow none: those rows are left blank.

Here the run is divided into the template's rows as :mod:`parsers.tables.anchored_rows` divides a text printed
column by column (:func:`parsers.tables.anchored_rows.settled_rows`: a row read where every division that leaves
the fewest rows open reads it with the same values, its total holding; a row of zeros only where no row near it is
left open over seven values out of order). A row the labels left wholly blank is read from that division where

- the text is poppler's blocks (not pdfminer's boxes), no OCR read it and it is not the document's own cells;
- every value of the table's span is a whole count and no number may be broken over two lines
  (:data:`parsers.tables.anchored_rows.NUMBER_PAIR`);
- the run is fewer values short of the cells than a row has (it cannot have lost a whole row);
- the division agrees with every cell the labels read plainly (a cell read otherwise: the two readings disagree,
  nothing is taken; a row the labels read in doubt, values dropped or missing, is neither weighed nor taken);
- every identity on a cell so read holds where all its cells are read, and none is impossible whatever its blank
  cells are.

A row the labels read as seven zeros, the first of a longer run after its label's rest
(:func:`parsers.tables.rows_cut_from_runs.cut_rows`: seven zeros hold any row's total, so nothing tells them the
row's), is read as the division's where the division settles it with a total other than 0, as a row left blank is.
So is a row cut from a run whose seven values the division settles as the row before's, that row left wholly blank
by the labels: the labels' reading one row behind (poppler prints the two rows' labels together, then both rows'
values: ``（一）予以公开`` / ``（二）部分公开（区分处理的…`` / the run; the first seven read as 部分公开's).

A row cut from a run whose seven values are exactly those the division settles for the row before (that row wholly
blank by the labels), whose own place the division does not settle, is left blank where the row before is read
(said, ``placement_open``): the labels' reading one row behind as above, its own values not told (12196: 部分公开's
``14 0`` printed joined among rows of zeros). Its cells, and the cells of rows the labels read in doubt whose place
the division leaves open or reads with other values (nothing confirms them: 12196's 结转, values dropped), are not
weighed in the identities on the rows read; a row read in doubt that the division settles with the values the labels
read is weighed as read.

Rows still wholly blank that no division reads whole (a row six values long in one division, seven in another, or
placed at two offsets) give the cells every placement reads alike (:mod:`parsers.tables.cells_by_divisions`).

Each row so read is said (``rows_by_totals``: a placement the row totals fix, not printed beside its label), and
what the labels' reading said of it (``missing_row``, ``missing_cell``, ``placement_open`` …: its cells blank) is
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.model import Cell
from parsers.tables.anchored_rows import MAX_SHORT, NUMBER_PAIR, impossible, settled_rows
from parsers.tables.box_order import applications_format, lines_with_values, three_span
from parsers.tables.cells_by_divisions import fill_settled_cells
from parsers.tables.checks import application_checks
from parsers.tables.paragraph_pieces import is_block_cells
from parsers.tables.reading import Reading
from parsers.tables.rows_cut_from_runs import cut_rows, let_go
from parsers.tables.templates import APPLICANT_COLUMNS, APPLICATION_ROWS_2019, APPLICATION_ROWS_2021, RowDef
from parsers.tables.text_layer import read_by_ocr
from parsers.tables.tokens import END, IS_VALUE, START, TEXT, Token

_T = "applications"
_INT = re.compile(r"\d+")
# what a reading by labels warns of a row whose values are in doubt (values dropped or missing, readings tied)
_IN_DOUBT = {"ambiguous_value", "ambiguous", "placement_open", "ambiguous_split", "extra_values", "missing_cell"}


def fill_unread_rows(r: Reading, fmt: str, start: int) -> None:
    """Table 三's rows ``r`` holds wholly blank, read from the run of the table's values where the row totals fix
    their place, as the module's doc says; table 三's first row label at token ``start``, ``fmt`` the format it
    was read in."""
    rows = APPLICATION_ROWS_2021 if fmt == "2021" else APPLICATION_ROWS_2019
    if not any(all(r.get(f"{_T}/{row.key}/{c}") is None for c in APPLICANT_COLUMNS) for row in rows):
        return  # no row left wholly blank (most readings: nothing else is looked at)
    if r.exact(r.tokens[start]) or not is_block_cells(r.text) or read_by_ocr(r):
        return
    # rows read as the first seven values of a longer run after their label's rest (seven zeros, told by nothing:
    # they hold any row's total; or the row before's values), read again where the division settles other values
    cut = cut_rows(r, fmt)
    zeros = {k for k, cells in cut.items() if all(c.value == 0 for c in cells)}
    first, end = three_span(r, start)
    values: list[Token] = [t for toks in lines_with_values(r, first, end) for t in toks if t[IS_VALUE]]
    if not values or not all(_INT.fullmatch(t[TEXT]) for t in values):
        return
    if NUMBER_PAIR.search(r.text, values[0][START], values[-1][END]):
        return
    if applications_format(r, fmt, first, end) != fmt:
        return  # the span prints the other format's rows than the table was read in
    width = len(APPLICANT_COLUMNS)
    if not 0 < len(rows) * width - len(values) <= MAX_SHORT:
        return
    numbers = [int(t[TEXT]) for t in values]
    if (at := settled_rows(numbers, len(rows), width)) is None:
        return
    doubt = {w.key for w in r.warnings if w.code in _IN_DOUBT and w.key}
    taken: dict[str, Token] = {}
    filled: list[str] = []
    moved: list[str] = []  # rows cut from a run read otherwise by the division (zeros, or one row behind)
    behind: list[int] = []  # rows cut from a run holding the row before's values, their own place not settled
    for k, row in enumerate(rows):
        keys = [f"{_T}/{row.key}/{c}" for c in APPLICANT_COLUMNS]
        read = [r.get(key) for key in keys]
        if (o := at[k]) is None:
            if _one_behind(r, cut, rows, at, numbers, k):
                behind.append(k)  # the labels' reading one row behind, the row's own place not settled
            continue
        if any(v is not None and v != numbers[o + j] for j, v in enumerate(read)):
            if f"{_T}/{row.key}" in doubt:
                continue  # a row the labels read in doubt (values dropped or missing): not taken, not weighed
            shifted = _one_behind(r, cut, rows, at, numbers, k)
            if not shifted and (f"{_T}/{row.key}" not in zeros or numbers[o + width - 1] == 0):
                return  # the labels read a cell plainly otherwise: the division is not the text's
            moved.append(row.key)  # a row cut from a run, the division's values other: read as the division
        if all(v is None for v in read) or row.key in moved:
            filled.append(row.key)
            taken.update(zip(keys, values[o : o + width], strict=True))
    behind_rows = [rows[k].key for k in behind if rows[k - 1].key in filled]  # the row before read now
    if filled:
        # rows let go, and rows the labels read in doubt that the division leaves open or reads otherwise (nothing
        # confirms their cells): not weighed in the identities
        unsure = [
            row.key for k, row in enumerate(rows) if f"{_T}/{row.key}" in doubt and not _agrees(r, row, at[k], numbers)
        ]
        gone = {f"{_T}/{key}/{c}" for key in behind_rows + unsure for c in APPLICANT_COLUMNS}

        def get(key: str) -> int | float | None:
            return int(taken[key][TEXT]) if key in taken else None if key in gone else r.get(key)

        for c in application_checks(get, fmt):
            if not c.cell_keys() & taken.keys():
                continue
            if impossible(c, get) or (not c.passed and all(get(k) is not None for k in c.cell_keys())):
                return
        _blank_rows(r, behind_rows, cut)
        _put_rows(r, filled, moved, taken, values, rows, width)
    fill_settled_cells(r, fmt, rows, values, numbers, at)


def _agrees(r: Reading, row: RowDef, o: int | None, numbers: list[int]) -> bool:
    """The division reads ``row`` at offset ``o`` of ``numbers`` (not None) as every cell ``r`` reads of it."""
    if o is None:
        return False
    read = [r.get(f"{_T}/{row.key}/{c}") for c in APPLICANT_COLUMNS]
    return all(v is None or v == numbers[o + j] for j, v in enumerate(read))


def _one_behind(
    r: Reading, cut: dict[str, list[Cell]], rows: Sequence[RowDef], at: list[int | None], numbers: list[int], k: int
) -> bool:
    """Row ``k`` is cut from a run (``cut``) and its seven values are exactly those the division settles for the row
    before (offsets ``at`` in ``numbers``), that row wholly blank in ``r``: the labels' reading one row behind."""
    key = f"{_T}/{rows[k].key}"
    width = len(APPLICANT_COLUMNS)
    return (
        key in cut
        and k > 0
        and (p := at[k - 1]) is not None
        and all(r.get(f"{_T}/{rows[k - 1].key}/{c}") is None for c in APPLICANT_COLUMNS)
        and numbers[p : p + width] == [c.value for c in cut[key]]
    )


def _blank_rows(r: Reading, behind: list[str], cut: dict[str, list[Cell]]) -> None:
    """The rows ``behind`` (cut from a run, holding the row before's values, their own place not settled) left
    blank in ``r``, and said."""
    for name in behind:
        let_go(
            r,
            f"{_T}/{name}",
            cut[f"{_T}/{name}"],
            " are the values the run's division settles for the row before (that row left blank by the labels, read "
            "now from the division): the labels' reading one row behind; the row's own place in the run is not "
            "settled: the row left blank",
        )


def _put_rows(
    r: Reading,
    filled: list[str],
    moved: list[str],
    taken: dict[str, Token],
    values: list[Token],
    rows: Sequence[RowDef],
    width: int,
) -> None:
    """The rows ``filled`` put in ``r`` with their values ``taken`` (``moved``: those the labels read as seven zeros
    cut from a run), in the table's order, and said."""
    order = list(r.cells)
    for name in filled:
        keys = [f"{_T}/{name}/{c}" for c in APPLICANT_COLUMNS]
        for key in keys:
            r.cells.pop(key, None)
        r.put_cells(keys, [taken[key] for key in keys], taken[keys[0]])
    cells = {key: r.cells[key] for key in order if key in r.cells} | r.cells
    r.cells.clear()
    r.cells.update(cells)
    # what the labels' reading said of these rows (not found, no values, left open): read now, said below
    gone = {f"{_T}/{name}" for name in filled}
    r.warnings[:] = [w for w in r.warnings if not (w.key in gone and w.code in _IN_DOUBT | {"missing_row"})]
    r.warn(
        "rows_by_totals",
        f"table 三: {len(filled)} rows its labels left blank{' or read as zeros' if moved else ''} "
        f"({', '.join(filled)}) read from the run of its "
        f"{len(values)} values for its {len(rows) * width} cells (rows of six values: a cell printed empty, or "
        "printed elsewhere), "
        + (
            f"{len(moved)} of them ({', '.join(moved)}) read by the labels as the first seven values of a longer "
            "run after the label's rest (seven zeros, which hold any row's total, or the row before's values, that "
            "row left blank), read again as the division's, "
            if moved
            else ""
        )
        + "where every division of the run into the template's rows that leaves the fewest rows open reads them "
        "alike, their totals holding, as do the identities on their cells (poppler's blocks print rows' values "
        "apart from their labels): a placement the row totals fix, not printed beside the labels",
        f"{_T}/{filled[0]}",
        taken[f"{_T}/{filled[0]}/{APPLICANT_COLUMNS[0]}"],
        rows=tuple(filled),
    )

"""Table 三 (收到和处理政府信息公开申请情况); table 四 is read in :mod:`parsers.tables.review`."""

from __future__ import annotations

import functools
from collections.abc import Callable

from parsers.tables.align import Fit, Value, first_and_total, fit
from parsers.tables.applications_start import merged_other
from parsers.tables.beside_labels import beside_labels
from parsers.tables.box_sides import before_label_fits, read_sides
from parsers.tables.broken_numbers import (
    OPEN_BELOW,
    broken_boxes_read,
    handed_down,
    joined_digits,
    pieces_line,
    pieces_open,
    place_open_boxes,
    reads_above,
    rejoined_values,
    unclaimed_above,
    wrapped_fit,
)
from parsers.tables.centred_pieces import CENTRED, centred_row
from parsers.tables.checks import (
    application_identities,
    application_passed,
    identities_at,
)
from parsers.tables.cut_rows import place_cut_rows
from parsers.tables.digit_runs import is_run
from parsers.tables.displaced import DISPLACED_BUDGET, MAX_MOVES, DisplacedReading, read_displaced
from parsers.tables.extra_in_boxes import put_label_fit
from parsers.tables.four_line_rows import ABOVE_LABEL, above_label_readings, four_line_row
from parsers.tables.glued_cells import split_glued_lines
from parsers.tables.glued_rows import (
    after_text,
    glued_text_layer,
    inside_label,
    is_glued_run,
    nbsp_splits,
    short_glued_row,
    split_runs,
)
from parsers.tables.grid_columns import off_grid_columns
from parsers.tables.joined_values import short_rows_by_joined
from parsers.tables.label_across_break import joined_across_break
from parsers.tables.label_blocks import block_order
from parsers.tables.label_order import label_order_fits
from parsers.tables.label_pairs import split_pair, values_before_labels
from parsers.tables.label_rest_pieces import joined_starts
from parsers.tables.lost_column import shift_lost_column
from parsers.tables.lost_labels import place_lost_labels
from parsers.tables.merged_rows import fits_by_order, glued_in_merged_cells, merged_column_rows
from parsers.tables.named_columns import HEAD_NAMES, by_names, header_cells
from parsers.tables.one_side import OneSide, one_side_fits
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.paragraph_pieces import PARAGRAPH_PIECES, first_cells, taken_over, unjoined_pieces
from parsers.tables.pieces_before_next import BEFORE_NEXT, pieces_before_next, stacked_around
from parsers.tables.reading import Found, Reading
from parsers.tables.realign import realign_rows
from parsers.tables.row_before_label import before_label_rows
from parsers.tables.row_locate import locate, next_found
from parsers.tables.row_values import row_values
from parsers.tables.short_rows import (
    blank_rule_or_digit_cells,
    place_short_rows,
    rule_glued_rows,
    short_rows_by_columns,
    short_rows_by_grid,
    short_rows_by_lines,
    short_rows_by_names,
)
from parsers.tables.solve import (
    Block,
    read_stream,
    row_total_holds,
)
from parsers.tables.tab_heads import short_rows_by_tab_heads
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    N_APP,
    SECTION_FIVE,
    RowDef,
)
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import (
    END,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    START,
    TEXT,
    Token,
    number_value,
)
from parsers.tables.warn_keys import run_key


@functools.lru_cache(maxsize=128)  # the template's rows: a few dozen keys
def _row_keys(row: str) -> tuple[str, ...]:
    """A table 三 row's cell keys, one per applicant column."""
    return tuple(f"{T}/{row}/{c}" for c in APPLICANT_COLUMNS)


def read_applications(r: Reading, fmt: str, start: int, end: int) -> tuple[int, str]:
    """Read table 三 from token ``start``; returns the token index where the table ends, and the layout of
    its rows (``2019`` when a 2021-format table prints （六）其他处理 as one row).

    Two readings are made: by row labels (in template order), and by order alone when the table's data
    lines number exactly the template's rows (labels wrapped into fragments in a narrow column). The one
    that satisfies more identities wins; reading by order is always reported.
    """
    if fmt == "2021" and (merged := merged_other(r, start, end)) is not None:
        fmt = "2019"
        r.warn(
            "merged_row",
            f"table 三: （六）其他处理 is one row ({r.tokens[merged][TEXT]!r}) in a 2021-format table; "
            "read as applications/other/<col>, as in the 2019 format",
            f"{T}/other",
            r.tokens[merged],
        )
    rows = APPLICATION_ROWS_2019 if fmt == "2019" else APPLICATION_ROWS_2021
    mark = len(r.warnings)
    found = locate(r, rows, start, end, T)
    place_lost_labels(r, rows, found, N_APP, T, start, end)
    fits, table_end = _label_fits(r, rows, found, fmt, end, pairs=not values_before_labels(r, found, start))
    label_score = _score(fits, fmt, len(rows))
    # the reading by order (pure: no warning, no state) can only win over a reading by labels that scores less
    # than the most a reading can: every identity holds, every row and every cell read
    top = label_score == (application_identities(fmt), 0, len(rows) * N_APP)
    if not top and (before := before_label_fits(r, rows, found, fmt, start, end)) is not None:
        before_fits, before_end = before
        if _score(before_fits, fmt, len(rows))[0] > label_score[0]:
            del r.warnings[mark:]
            r.warn(
                "label_after_values",
                f"table 三: each row's values print before its label (a PDF's text whose label cells sit lower than "
                f"their values: {N_APP} values before the first label, none after the last): read from the values "
                "before each label, the reading that satisfies more of the table's identities",
                T,
                r.tokens[found[0].index] if found[0] is not None else r.tokens[start],
            )
            for row, f in zip(rows, found, strict=True):
                assert f is not None
                r.put_fit(_row_keys(row.key), before_fits[row.key], r.tokens[f.index], T)
            return before_end, fmt
    if not top and (sides := read_sides(r, rows, found, fmt, start, end)) is not None and sides.passed > label_score[0]:
        del r.warnings[mark:]
        for code, message, key, tok in sides.notes:
            r.warn(code, message, key, tok)
        for row, f in zip(rows, found, strict=True):
            label = r.tokens[f.index if f is not None else start]
            r.put_fit(_row_keys(row.key), Fit(sides.cells[row.key], "positional", []), label, T)
        return sides.stop, fmt
    if (
        not top
        and (one := one_side_fits(r, rows, found, fmt, start, end)) is not None
        and _score(one.fits, fmt, len(rows))[0] > label_score[0]
    ):
        del r.warnings[mark:]
        _put_one_side(r, rows, found, one)
        return one.stop, fmt
    by_order = None if top else fits_by_order(r, rows, start, end, fmt)
    stream_mark = len(r.warnings)
    clean = _clean(fits, found, fmt, len(rows), label_score[0])
    if not clean and (stream := _stream_fits(r, rows, fmt, start, end, found)) is not None:
        r.warnings[mark:] = r.warnings[stream_mark:]  # the label reading's warnings go, the stream's stay
        stream_fits, stream_end = stream
        for row in rows:
            keys = _row_keys(row.key)
            r.put_fit(keys, stream_fits[row.key], r.tokens[start], T)
        return stream_end, fmt
    if by_order is not None:
        order_fits, labels, order_end, unreadable, notes = by_order
        if _score(order_fits, fmt, len(rows)) > label_score:
            del r.warnings[mark:]
            if (moved := label_order_fits(r, rows, order_fits, labels, start, order_end, fmt)) is not None:
                order_fits, labels, printed = moved
                renamed = dict(zip((row.key for row in rows), printed, strict=True))  # each line's row now
                notes = [(code, message, renamed[key], label) for code, message, key, label in notes]
                r.warn(
                    "rows_by_label_order",
                    f"table 三: its {len(rows)} data lines, one per row, read in the order its row labels print "
                    f"({', '.join(printed)}), not the template's (a PDF's text printing groups of boxes out of order, "
                    "pdfminer's vertical-text groups right to left): every identity holds so, not in the "
                    "template's order",
                    T,
                    labels[0],
                )
            else:
                r.warn(
                    "rows_by_order",
                    f"table 三: row labels unreadable (wrapped or broken); its {len(rows)} data lines were read in "
                    "the template's order",
                    T,
                    labels[0],
                )
            for junk in unreadable:
                r.warn("unreadable_cell", f"table 三: cell {junk[TEXT]!r} is not a number; read as blank", T, junk)
            for code, message, key, label in notes:
                r.warn(code, message, f"{T}/{key}", label)
            for row, label in zip(rows, labels, strict=True):
                keys = _row_keys(row.key)
                r.put_fit(keys, order_fits[row.key], label, T)
            return order_end, fmt
    for row, f in zip(rows, found, strict=True):
        keys = _row_keys(row.key)
        if f is None:
            r.warn("missing_row", f"row {row.key} of table 三 not found; its cells are blank", f"{T}/{row.key}")
            for key in keys:
                r.put(key, None)
            continue
        put_label_fit(r, keys, fits[row.key], r.tokens[f.index], T)
    return table_end, fmt


def _put_one_side(r: Reading, rows: list[RowDef], found: list[Found | None], one: OneSide) -> None:
    """Table 三 as :func:`one_side_fits` read it (every label found), said."""
    first = found[0]
    assert first is not None
    r.warn(
        "label_after_values",
        f"table 三: each row's values print whole on one side of its label, its blank cells as nothing (a PDF's "
        f"text in the order of its boxes' lower edges): rows {', '.join(one.before)} before it, the others after "
        "it; each run of values between two labels read as the rows' values so, the one reading of sides and "
        "splits where every row holds its total, the reading that satisfies more of the table's identities",
        T,
        r.tokens[first.index],
    )
    for row, f in zip(rows, found, strict=True):
        assert f is not None
        if row.key in one.open_rows:
            r.warn(
                "placement_open",
                f"{T}/{row.key}: the runs of values between the labels fall into rows in several ways that each "
                "hold every row's total, and they read this row otherwise: its values are not in the text; left "
                "blank",
                f"{T}/{row.key}",
                r.tokens[f.index],
            )
        _warn_unprinted(r, row.key, one.fits[row.key], r.tokens[f.index])
        r.put_fit(_row_keys(row.key), one.fits[row.key], r.tokens[f.index], T)


def _warn_unprinted(r: Reading, key: str, f: Fit, label: Token) -> None:
    """``placement_open`` for a row :func:`parsers.tables.unprinted_blanks.placed_rows` placed (a padded fit not
    ambiguous: the cells in doubt already blank)."""
    if f.how == "padded" and not f.ambiguous:
        r.warn(
            "placement_open",
            f"{T}/{key}: fewer values than its cells (its blank cells printed as nothing): which cells are blank is "
            "not in the text (a 0 and a blank are alike to every identity): its numbers placed where every choice "
            "the table's identities hold puts them, its total read, the cells in doubt left blank",
            f"{T}/{key}",
            label,
        )


def _clean(fits: dict[str, Fit], found: list[Found | None], fmt: str, n_rows: int, passed: int) -> bool:
    """The reading by labels found every row with values, none ambiguous, and every identity holds (``passed``:
    how many identities hold on it, as :func:`_score` counts them)."""
    if any(f is None for f in found) or len(fits) != n_rows:
        return False
    if any(f.how == "short" or f.ambiguous for f in fits.values()):
        return False
    return passed == application_identities(fmt)


def _stream_fits(
    r: Reading, rows: list[RowDef], fmt: str, start: int, end: int, found: list[Found | None]
) -> tuple[dict[str, Fit], int] | None:
    """The table read from the stream of its values alone, in the template's row order (labels and values
    printed apart: ``pdftotext``'s reading order), when that placement is the only one the identities allow
    (:func:`parsers.tables.solve.read_stream`). Reported as ``stream_order``, blocks placed by the identities
    as ``placed_by_identities``. Where that fails on poppler's default-mode text, read again with the values of
    rows whose labels print as one block with their first cells in row order (:func:`_label_blocks`)."""
    stop = r.first_index(r"行政复议|行政诉讼", start + 1, end)
    if stop is None:
        stop = r.first_index(SECTION_FIVE, start + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    values = [t for t in r.tokens[start:stop] if t[IS_VALUE] and not r.placeholder(t)]
    glued: list[str] = []
    if len(values) < len(rows) * N_APP:
        values, glued = split_glued_lines(values, N_APP)
    if len(values) != len(rows) * N_APP:
        return None
    mark = len(r.warnings)
    read = _stream_read(r, rows, fmt, start, stop, values)
    if read is None and not glued:
        failed = r.warnings[mark:]  # the reading in the stream's order, said only where the blocks' fails too
        del r.warnings[mark:]
        read = _label_blocks(r, rows, fmt, start, stop, values, found)
        if read is None:
            r.warnings[mark:mark] = failed
    if read is not None and glued:
        r.warn(
            "split_number",
            f"table 三: {len(glued)} line(s) of values print fewer numbers than the row's {N_APP} cells, neighbouring "
            f"cells' digits glued ({'; '.join(glued)}): each read as one digit a cell, the only reading of "
            f"{N_APP} digits in {N_APP} cells (a number is never printed with a leading 0), its row total holding, "
            "and the table read from the stream holds every identity (a guess)",
            T,
            r.tokens[start],
        )
    return read


def _label_blocks(
    r: Reading,
    rows: list[RowDef],
    fmt: str,
    start: int,
    stop: int,
    values: list[Token],
    found: list[Found | None],
) -> tuple[dict[str, Fit], int] | None:
    """:func:`_stream_read` of ``values`` with the values of each block of row labels and their first cells in row
    order (:func:`parsers.tables.label_blocks.block_order`: poppler's default mode only), reported as
    ``label_block_values``; None (its own warnings dropped) where no block is found or that reading fails too. A
    block two placements hold is said (``label_block_open``) and left as printed."""
    if not is_paragraph_cells(r.extracted.text):
        return None
    labels = [(row.key, f.index) for row, f in zip(rows, found, strict=True) if f is not None]
    done = block_order(r.text, r.tokens, labels, values, N_APP)
    if done is None:
        return None
    for message in done.open:
        r.warn("label_block_open", f"table 三: {message}", T, r.tokens[start])
    if not done.said:
        return None
    mark = len(r.warnings)
    read = _stream_read(r, rows, fmt, start, stop, done.values)
    if read is None:
        del r.warnings[mark:]
        return None
    for note in done.said:
        r.warn(
            "label_block_values",
            f"table 三: {note} (poppler's reading order prints a wrapped label's cell, and cells close to it, as one "
            "block; every row's total holds read so, a guess)",
            T,
            r.tokens[start],
        )
    return read


def _stream_read(
    r: Reading, rows: list[RowDef], fmt: str, start: int, stop: int, values: list[Token]
) -> tuple[dict[str, Fit], int] | None:
    """:func:`_stream_fits`'s reading of ``values``, exactly the table's cells."""
    nums = [number_value(t[TEXT]) for t in values]
    identities = identities_at(rows, fmt)
    reading = read_stream(nums, len(rows), N_APP, identities)
    if reading.status == "none":
        return _displaced_fits(r, rows, values, read_displaced(nums, len(rows), N_APP, identities), start, stop)
    if reading.status == "ambiguous":
        r.warn(
            "ambiguous",
            f"table 三: its {len(values)} values, printed apart from the row labels, can be placed in "
            f"{reading.solutions} ways that satisfy every identity; not read that way",
            T,
            r.tokens[start],
        )
    if reading.status not in ("unique", "by_order"):
        return None
    fits = {row.key: Fit([values[k] for k in reading.cells[i]], "positional", []) for i, row in enumerate(rows)}
    down = [b for b in reading.blocks if b.how == "columns"]
    solved = [b for b in reading.blocks if b.how == "solved"]

    def names(bs: list[Block]) -> str:
        return "; ".join(", ".join(rows[i].key for i in range(b.first, b.first + b.rows)) for b in bs)

    r.warn(
        "stream_order",
        f"table 三: row labels printed apart from the values (text in reading order); its {len(values)} values "
        "read in the template's row order"
        + (f", rows {names(down)} down their columns" if down else "")
        + " (the only reading that satisfies every identity)",
        T,
        r.tokens[start],
    )
    for b in solved:
        keys = [rows[i].key for i in range(b.first, b.first + b.rows)]
        printed = "; ".join(
            " ".join(values[k][TEXT] for k in reading.cells[i]) for i in range(b.first, b.first + b.rows)
        )
        how = (
            "the only placement that satisfies every identity"
            if reading.status == "unique"
            else f"of the {reading.solutions} placements that satisfy every identity, the closest to the text's order"
        )
        r.warn(
            "placed_by_identities",
            f"table 三: the values of rows {', '.join(keys)} come in an order the text does not explain; placed as "
            f"{printed} ({how}: a guess)",
            run_key(T, keys),
            values[reading.cells[b.first][0]],
            rows=tuple(keys),
        )
    return fits, stop


def _displaced_fits(
    r: Reading, rows: list[RowDef], values: list[Token], moved: DisplacedReading, start: int, stop: int
) -> tuple[dict[str, Fit], int] | None:
    """The table read from the stream of its values in the template's row order but for a few single values
    printed elsewhere, put back where every identity then holds (:func:`parsers.tables.displaced.read_displaced`),
    reported as ``displaced_values`` naming each cell moved and where its value printed; where the fewest such moves
    give several tables, or the search reaches its bound, nothing is read (``displaced_open``)."""
    if moved.status in ("ambiguous", "open"):
        why = (
            f"{moved.tables} or more tables satisfy every identity with {moved.moves} value(s) put back"
            if moved.status == "ambiguous"
            else f"the search for {moved.moves} displaced value(s) reached its limit ({DISPLACED_BUDGET} steps)"
        )
        r.warn(
            "displaced_open",
            f"table 三: its {len(values)} values, printed apart from the row labels, fail the identities read in the "
            f"template's row order; {why}: not read that way",
            T,
            r.tokens[start],
        )
        return None
    if moved.status != "unique" or not moved.moved:
        return None
    fits = {row.key: Fit([values[k] for k in moved.cells[i]], "positional", []) for i, row in enumerate(rows)}
    said = "; ".join(
        f"{rows[i].key}/{APPLICANT_COLUMNS[c]} = {values[k][TEXT]} (printed as value {k + 1}, where the order reads "
        f"row {rows[min(k // N_APP, len(rows) - 1)].key})"
        for (i, c), k in sorted(moved.moved)
    )
    (first, _), _ = min(moved.moved)
    r.warn(
        "displaced_values",
        f"table 三: its {len(values)} values print apart from its row labels, in the template's row order but for "
        f"{len(moved.moved)} value(s) printed elsewhere, put back where every identity then holds: {said} (the only "
        f"table so few displaced values give, at most {MAX_MOVES} searched: a guess)",
        f"{T}/{rows[first].key}",
        values[moved.moved[0][1]],
    )
    return fits, stop


def read_displaced_stream(
    r: Reading, rows: list[RowDef], fmt: str, values: list[Token], start: int
) -> dict[str, Fit] | None:
    """Table 三's rows read from ``values`` (exactly its cells, printed apart from its labels after token ``start``)
    in the template's row order but for a few single values put back where every identity then holds
    (:func:`_displaced_fits`, its warnings on ``r``); None where no one such table is found. Text printed box by
    box or block by block (:mod:`parsers.tables.box_order`) can print several neighbouring cells of one row as a
    block of their own elsewhere (poppler's default mode: three cells of a zero row with a repeated header's
    cells, after the table's last row): every displaced value may be of one row."""
    nums = [number_value(t[TEXT]) for t in values]
    moved = read_displaced(nums, len(rows), N_APP, identities_at(rows, fmt), max_row_moves=MAX_MOVES)
    got = _displaced_fits(r, rows, values, moved, start, start)
    return None if got is None else got[0]


def _label_fits(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, end: int, *, pairs: bool = True
) -> tuple[dict[str, Fit], int]:
    state: dict[str, list[Value]] = {}
    pending: dict[str, list[Token]] = {}
    fits: dict[str, Fit] = {}
    table_end = found[0].index if found and found[0] else 0
    stops: dict[int, int] = {}
    for k, (f, later) in enumerate(zip(found, next_found(found), strict=True)):
        if f is not None:
            stops[k] = later if later is not None else _last_row_stop(r, f.index, end, seen=f.glued is not None)
    moved = realign_rows(r, rows, found, stops)
    headers: dict[int, dict[int, int] | None] = {}  # each pipe table's header names, by its first token
    firsts: dict[int, int] = {}  # each row's first token → its pipe table's first token
    on_label_line: set[str] = set()  # the pending rows whose values are printed on one line after label text
    # rows whose numbers broken over lines print after their other cells: each placement whose row total holds
    open_boxes: dict[str, tuple[list[list[Token]], Token, str]] = {}
    claimed: set[int] = set()  # the values rows read so far, by offset: a line above a label no other row read
    label_lines = {r.tokens[x.index][LINE] for x in found if x is not None}
    left_over: list[Token] = []  # a row's values past its cells in poppler's blocks (paragraph_pieces.first_cells)
    every_exact = True  # every row read here is of the document's own cells (Reading.exact_cells)
    around_next = ""  # the row whose first pieces pieces_before_next left it, its reading checked (stacked_around)
    for k, (row, f) in enumerate(zip(rows, found, strict=True)):
        if f is None:
            continue
        stop = stops[k]
        table_end = max(table_end, stop)
        if row.key in moved:
            fits[row.key] = Fit(list(moved[row.key]), "positional", [])
            state[row.key] = fits[row.key].values()
            continue
        if (
            not f.glued
            and not r.exact(r.tokens[f.index])
            and (
                four := four_line_row(
                    r, f.index, stop, N_APP, functools.partial(_read_so_far, rows, k, fits, pending, open_boxes)
                )
            )
        ):
            cells, pieces, printed = four
            r.warn(
                "merged_digits",
                f"{T}/{row.key}: {printed}: numbers broken over four lines in narrow cells, their pieces on the "
                "lines right above and below the row's cells, each on the cell it starts nearest (pieces joined); "
                f"read as {' '.join(t[TEXT] for t in cells)}, the row total holding (a guess)",
                f"{T}/{row.key}",
                cells[0],
            )
            claimed.update(t[START] for t in pieces)
            fits[row.key] = Fit(list(cells), "positional", [])
            state[row.key] = fits[row.key].values()
            left_over = []
            continue
        vals, pos = row_values(r, f, stop, N_APP, f"{T}/{row.key}")
        if (
            not vals
            and (pos is None or all(t is None or not t[TEXT] for t in pos))
            and (lower := next((x.index for x in reversed(found[:k]) if x is not None), None)) is not None
            and (across := joined_across_break(r, f.index, lower, claimed, row, N_APP)) is not None
        ):
            vals, pos, piece = across
            r.warn(
                "label_across_break",
                f"{T}/{row.key}: its label cut by a page break, its first piece {piece!r} beside the row's values "
                f"({' '.join(t[TEXT] for t in vals)}) and its rest {r.tokens[f.index][TEXT]!r} on the next page "
                "printing no value: read as one row, the values its (the template's label joined)",
                f"{T}/{row.key}",
                vals[0],
            )
        if not vals and pos is None and left_over:
            vals = taken_over(r, left_over, f"{T}/{row.key}")  # the row before's run: this row's values, label after
        left_over = []
        # the row before, its label the token right before this one's (one line: not wrapped, see label_pairs)
        prev_f = found[k - 1] if k else None
        before = rows[k - 1].key if prev_f is not None and prev_f.index + 1 == f.index else None
        if (
            pairs
            and pos is None
            and before in pending
            and (pair := split_pair(r, f"{T}/{before}", pending[before], f"{T}/{row.key}", vals, N_APP))
        ):
            pending[before], vals = pair  # two labels one after the other, both rows' values after the second
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and (m := handed_down(r, vals, nxt.index, stops[k + 1])):
            vals = vals[:-m]  # the next row's broken numbers' first pieces, on the line above its label
        if row.key == around_next and (around := stacked_around(r, vals, f.index, claimed, N_APP)) is not None:
            r.warn(
                "merged_digits",
                f"{T}/{row.key}: {' '.join(t[TEXT] for t in vals)}: the first pieces of its numbers broken over lines "
                "alone on the line right above its label (the row before read without them), its last pieces alone "
                "on the line below, each on the cell it starts nearest (pieces joined); read as "
                f"{' '.join(t[TEXT] for t in around)}, the row total holding with them and under no other choice of "
                "the two lines (a guess)",
                f"{T}/{row.key}",
                around[0],
            )
            claimed.update(t[START] for t in vals)
            fits[row.key] = Fit(list(around), "positional", [])
            state[row.key] = fits[row.key].values()
            continue
        # the lines above, before this row's values are claimed; gathered only where the row's reading looks at them
        reads = reads_above(vals, pos)
        above = unclaimed_above(r, f.index, claimed) if reads else []
        claimed.update(t[START] for t in vals)
        # a row of the document's own cells: its numbers whole, the lines beside it other rows (no narrow print's
        # pieces to read: the readers of them are not asked)
        exact = r.exact(r.tokens[f.index]) and r.exact_cells(vals)
        every_exact = every_exact and exact
        if not exact:
            claimed.update(joined_starts(r, vals, f.index, stop))  # pieces joined over lines (label_rest_pieces)
        below = pieces_line(r, vals, label_lines, claimed)
        boxed, how = broken_boxes_read(r, vals, pos, above, below, f"{T}/{row.key}", reads)
        if how == PARAGRAPH_PIECES and (first := first_cells(r, vals, N_APP)) is not None:
            left_over = first[1]  # values after the row's first cells: the next row's, if it reads none
        after = nxt.index if nxt is not None else None
        if (
            boxed is None
            and not exact
            and (centred := centred_row(r, f.index, vals, label_lines, claimed, N_APP, f"{T}/{row.key}", after))
        ):
            boxed, how = centred, CENTRED
        if (
            boxed is None
            and not exact
            and nxt is not None
            and (
                before_next := pieces_before_next(
                    r, vals, nxt.index, [t for t in r.tokens[nxt.index : stops[k + 1]] if t[IS_VALUE]], claimed, N_APP
                )
            )
        ):
            boxed, how = before_next, BEFORE_NEXT  # the pieces below may be its or no number's: the identities choose
            if len(before_next) == 1:
                around_next = rows[k + 1].key  # the next row's reading with the line above it was checked: read so
                r.warn(
                    "merged_digits",
                    f"{T}/{row.key}: {' '.join(t[TEXT] for t in vals)}: {BEFORE_NEXT}: the next row's cells, "
                    "that line above them and the pieces below them hold its row total; read as "
                    f"{' '.join(t[TEXT] for t in before_next[0])}, the pieces below joined, the row total holding "
                    "(a guess)",
                    f"{T}/{row.key}",
                    vals[0],
                )
        if (
            boxed is None
            and not exact
            and (raised := above_label_readings(r, f.index, vals, claimed, N_APP)) is not None
        ):
            boxed, how = raised, ABOVE_LABEL  # several: the identities choose
            claimed.update(t[START] for t in r.line_tokens(r.tokens[f.index][LINE] - 1) if t[IS_VALUE])
            if len(raised) == 1:
                r.warn(
                    "merged_digits",
                    f"{T}/{row.key}: {' '.join(t[TEXT] for t in vals)}: {ABOVE_LABEL}; read as "
                    f"{' '.join(t[TEXT] for t in raised[0])}, the one reading whose row total holds (a guess)",
                    f"{T}/{row.key}",
                    vals[0],
                )
        if boxed is None and not exact and (opened := pieces_open(r, vals, pos, below)):
            boxed, how = opened, OPEN_BELOW  # the pieces below may be its or the next row's: the identities choose
        if boxed is not None:
            if len(boxed) == 1:
                fits[row.key] = Fit(list(boxed[0]), "positional", [])
                state[row.key] = fits[row.key].values()
            else:
                open_boxes[row.key] = (boxed, vals[0], how)  # placed below, by the table's identities
            continue
        if pos is not None and len(vals) < N_APP and glued_in_merged_cells(r.line_after(f.index), pos):
            pos = None  # its cells not the columns: its values fitted below, digits glued split by the identities
        if pos is None and len(vals) > N_APP and (joined := joined_digits(r, vals, f"{T}/{row.key}")) is not None:
            vals = joined
        elif pos is None and len(vals) > N_APP and (rejoined := rejoined_values(r, vals, f"{T}/{row.key}")):
            vals = rejoined
        if (
            pos is not None
            and (header := header_cells(r, f.index, headers, firsts))
            and (named := by_names(pos, r.line_after(f.index), header, N_APP))
        ):
            _warn_named(r, row.key, named, header)
            pos = named
        if pos is not None and len(vals) < N_APP and off_grid_columns(r, vals, pos, N_APP):
            pos = None  # right-aligned off the fields its grid's whole rows print values in: placed below by those
        if pos is not None:
            fits[row.key] = Fit(pos, "positional", [])
        elif len(vals) == N_APP and (wrapped := wrapped_fit(r, vals, f"{T}/{row.key}")) is not None:
            fits[row.key] = wrapped
        elif len(vals) == N_APP:
            fits[row.key] = fit(vals, N_APP)
        else:
            pending[row.key] = vals
            if vals and all(t[LINE] == vals[0][LINE] for t in vals) and after_text(r, vals[0]):
                on_label_line.add(row.key)
            elif vals and is_glued_run(vals) and inside_label(r, r.tokens[f.index], vals):
                on_label_line.add(row.key)  # its values' line between its label's two lines
            continue
        state[row.key] = fits[row.key].values()

    def scorer_for(key: str) -> Callable[[list[Value]], int]:
        def score(vals: list[Value]) -> int:
            trial = {**state, key: vals}
            # only identities whose rows are all read so far: a row still to fit is not a row of zeros; and
            # only those that read this row (the rest add the same to every reading of it)
            return application_passed(trial, fmt, read_rows_only=True, reading=key)

        return score

    # rows printed as a few runs of digits on a line of the label's text, their gaps lost (``3 05 0 008``): split
    # below, never laid by columns; not in OCR's text (its runs are digits read apart or together by chance, a 0
    # among them as likely a speck: :func:`glued_text_layer`)
    glued = {
        key: pending.pop(key)
        for key in [
            k
            for k in pending
            if k in on_label_line
            and (is_glued_run(pending[k]) or nbsp_splits(r, pending[k]) or short_glued_row(r, pending[k]))
        ]
    }
    if glued and not glued_text_layer(r, found, table_end):
        pending.update(glued)
        glued = {}
    # rows printing their first cell beside their wrapped label, their other cells in one run after the labels
    besides = {} if every_exact else beside_labels(r, [row.key for row in rows], found, stops, state, T)
    for key, beside in besides.items():
        fits[key] = Fit(list(beside), "positional", [])
        state[key] = fits[key].values()
        pending.pop(key, None)
        glued.pop(key, None)
    for key, laid in short_rows_by_tab_heads(r, pending).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in short_rows_by_grid(r, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in short_rows_by_names(r, pending).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in short_rows_by_lines(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in short_rows_by_joined(r, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in short_rows_by_columns(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    for key, laid in place_cut_rows(r, fits, pending, scorer_for).items():
        fits[key] = laid
        state[key] = laid.values()
        del pending[key]
    runs = {key: vals for key, vals in pending.items() if len(vals) == 1 and is_run(vals[0], N_APP)}
    for key in runs:
        del pending[key]
    for key, vals in pending.items():
        fits[key] = fit(vals, N_APP, scorer_for(key), edge=first_and_total)
        state[key] = fits[key].values()
    runs.update(glued)
    if runs:
        split = split_runs(r, rows, fmt, runs, state)
        fits.update(split)
        state.update({key: f.values() for key, f in split.items()})
    if open_boxes:
        placed = place_open_boxes(r, rows, fmt, open_boxes, state)
        fits.update(placed)
        state.update({key: f.values() for key, f in placed.items()})
    if len(pending) > 1:
        # once every row has a reading, each row fitted without all of them is fitted again
        for key, vals in pending.items():
            fits[key] = fit(vals, N_APP, scorer_for(key), edge=first_and_total)
            state[key] = fits[key].values()
    short = {key: vals for key, vals in pending.items() if fits[key].how == "padded" and len(vals) > 1}
    if short:
        fits.update(place_short_rows(r, rows, fmt, short, fits))
    fits.update(rule_glued_rows(r, rows, fmt, found, fits, {rows[k].key: v for k, v in stops.items()}))
    fits.update(merged_column_rows(r, rows, found, fmt, fits))
    # a row's values printed before its label, after the row above's
    before_rows = {} if every_exact else before_label_rows(r, [row.key for row in rows], found, stops, fits, T)
    for key, laid in before_rows.items():
        fits[key] = laid
    shift_lost_column(r, fits, fmt)
    blank_rule_or_digit_cells(r, fits)
    if not every_exact:
        # poppler's blocks of a number's two lines (not where a row's label stands between them)
        unjoined_pieces(r, fits, T, sorted(r.tokens[f.index][START] for f in found if f is not None))
    return fits, table_end


def _read_so_far(
    rows: list[RowDef],
    k: int,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    open_boxes: dict[str, tuple[list[list[Token]], Token, str]],
) -> set[int] | None:
    """The offsets of the values the rows before row ``k`` read (their fitted cells, pieces joined included; the
    values of the rows still to place, every reading of those whose readings the identities choose among); None
    where the row right before it is read and its row total fails (it may want the pieces above row ``k``'s label)."""
    prev = rows[k - 1].key if k else None
    if prev is not None and prev in fits and not row_total_holds(fits[prev].values()):
        return None
    toks = [t for f in fits.values() for t in f.tokens if t is not None]
    toks += [t for vals in pending.values() for t in vals]
    toks += [t for boxed, _, _ in open_boxes.values() for row in boxed for t in row]
    return {x for t in toks for x in range(t[START], t[END])}


def _warn_named(r: Reading, row: str, named: list[Token | None], header: dict[int, int]) -> None:
    unnamed = [APPLICANT_COLUMNS[c] for c in range(N_APP) if c not in header.values()]
    first = next(t for t in named if t is not None)
    r.warn(
        "named_columns",
        f"{T}/{row}: its cells read under the header's column names ("
        + " ".join(HEAD_NAMES[c] for c in sorted(header.values()))
        + "), not right-aligned"
        + (f"; the column the header does not name ({', '.join(unnamed)}) has no cell in this row" if unnamed else ""),
        f"{T}/{row}",
        first,
    )


def _score(fits: dict[str, Fit], fmt: str, n_rows: int) -> tuple[int, int, int]:
    """Identities passed, then rows read, then cells read: of two readings that satisfy as many identities,
    the one that leaves fewer printed cells unread (a row whose label stands apart from its numbers)."""
    state = {key: f.values() for key, f in fits.items()}
    filled = sum(len(values) - values.count(None) for values in state.values())
    return application_passed(state, fmt), len(fits) - n_rows, filled


def _last_row_stop(r: Reading, index: int, end: int, *, seen: bool = False) -> int:
    """Where the last row's values end: at the first label after a value (``seen``: the row's label carries
    a value of its own, glued to it)."""
    tokens = r.tokens
    for i in range(index + 1, min(end, len(tokens))):
        t = tokens[i]
        if t[IS_VALUE]:
            seen = True
        elif t[IS_LABELISH] and seen:
            return i
    return min(end, len(r.tokens))

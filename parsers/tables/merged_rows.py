"""Table 三 read from a converter's pipe rows whose cells hold two columns (markitdown's and pymupdf4llm's tables of a
PDF), and from the table's data lines taken in order where there is one line per row: the placements in doubt chosen
jointly over the rows so that the identities hold."""

from __future__ import annotations

from parsers.tables.align import Fit, Value, merged_cells, positional
from parsers.tables.checks import (
    application_passed,
)
from parsers.tables.glued_stacked import glued_stacked
from parsers.tables.merged_columns import choose, column_groups, placements
from parsers.tables.reading import Found, Reading
from parsers.tables.solve import (
    row_total_holds,
)
from parsers.tables.stacked_lines import TOTAL_FAILING, stacked_rows
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import (
    N_APP,
    RowDef,
)
from parsers.tables.tokens import (
    COL,
    COMPACT,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    TABBED,
    TEXT,
    Token,
)


def glued_in_merged_cells(line: list[Token], pos: list[Token | None]) -> bool:
    """A pipe row short of values, two of them in one cell (a converter's table with a column boundary missed:
    markitdown's ``| 12828 | 2115 | 12 | 0 204 |`` for 128 28 21 15 12 0 204, narrow cells' digits glued), whose
    cells right-aligned with the columns break its total: its cells are not the table's columns."""
    return bool(merged_cells(line)) and not row_total_holds(Fit(pos, "positional", []).values())


def merged_column_rows(
    r: Reading, rows: list[RowDef], found: list[Found | None], fmt: str, fits: dict[str, Fit]
) -> dict[str, Fit]:
    """Rows read by their labels whose line is short of a value in a cell that holds two columns, as the full
    lines of the same pipe table show (:mod:`parsers.tables.merged_columns`; markitdown's and pymupdf4llm's
    tables of a PDF): laid in that cell's columns as the identities decide over all such rows together, else
    the cells in doubt left blank (``placement_open``), never right-aligned with the row's end. Only placements
    whose row total holds are weighed (a line whose values break it is another case: digits glued, a value
    lost). Pipe tables only: a text laid out by spaces places its short rows by its own columns."""
    if r.canonical is None or r.canonical.convention != "markdown":
        return {}
    lines: dict[str, list[Token]] = {}
    for row, f in zip(rows, found, strict=True):
        fitted = fits.get(row.key)
        if f is None or fitted is None:
            continue
        toks = [t for t in fitted.tokens if t is not None and t[TEXT]]
        if not toks or len({t[LINE] for t in toks}) != 1 or not all(t[TABBED] for t in toks):
            continue
        line = r.line_tokens(toks[0][LINE])
        if all(t[TABBED] for t in line) and sum(t[IS_VALUE] for t in line) >= N_APP - 2:
            lines[row.key] = line
    if not lines:
        return {}
    widths = _by_width(list(lines.values()))
    groups = {width: column_groups(part, N_APP) for width, part in widths.items()}
    ways: dict[str, list[list[Token | None]]] = {}
    for key, line in lines.items():
        cols = groups.get(max(t[COL] for t in line))
        if cols is None or (laid := placements(line, cols, N_APP)) is None:
            continue
        held = [p for p in laid if row_total_holds(Fit(p, "positional", []).values())]
        if held and any(Fit(p, "positional", []).values() != fits[key].values() for p in held):
            ways[key] = held
    if not ways:
        return {}
    open_rows = {key: laid for key, laid in ways.items() if len(laid) > 1}
    chosen = _choose_jointly({key: f.values() for key, f in fits.items()}, open_rows, fmt)
    if chosen is None:
        return {}
    out: dict[str, Fit] = {}
    for key, laid in ways.items():
        first = next(t for t in laid[0] if t is not None)
        msg = f"{T}/{key}: {_printed(laid[0])} {_SHORT}"
        if key in chosen[1]:
            out[key] = Fit(chosen[0][key], "positional", [])
            r.warn(
                "placement_open",
                f"{msg}; the identities hold as well with the blank in either of its cell's columns: both left "
                "blank (not right-aligned)",
                f"{T}/{key}",
                first,
            )
        else:
            out[key] = Fit(chosen[0].get(key, laid[0]), "positional", [])
            r.warn(
                "merged_columns",
                f"{msg}; the blank placed in the column where the identities hold (not right-aligned)",
                f"{T}/{key}",
                first,
            )
    return out


def fits_by_order(
    r: Reading, rows: list[RowDef], start: int, end: int, fmt: str
) -> tuple[dict[str, Fit], list[Token], int, list[Token], list[tuple[str, str, str, Token]]] | None:
    """Fits from the table's data lines taken in order, when there is exactly one line per row."""
    last = r.first_index(r"结转下年度", start, end)
    stop = r.first_index(r"行政复议|^四[、.]", last + 1 if last is not None else start + 1, end)
    stop = min(stop if stop is not None else end, len(r.tokens))
    lines: dict[int, list[Token]] = {}
    for t in r.tokens[start:stop]:
        lines.setdefault(t[LINE], []).append(t)
    data: list[tuple[Token, list[Token | None]]] = []
    unreadable: list[Token] = []
    kept = [toks for toks in lines.values() if sum(t[IS_VALUE] for t in toks) >= N_APP - 2]
    groups = {width: column_groups(part, N_APP) for width, part in _by_width(kept).items()}
    ways: dict[int, list[list[Token | None]]] = {}
    for toks in kept:
        cols = groups.get(max(t[COL] for t in toks))
        if cols is not None and (laid := placements(toks, cols, N_APP)) is not None:
            ways[len(data)] = laid
            data.append((toks[0], laid[0]))
            continue
        pos = positional(toks, N_APP)
        junk = None
        if pos is None and len(toks) > N_APP and sum(t[IS_VALUE] for t in toks[-N_APP:]) == N_APP - 1:
            # one cell OCR could not read (``了`` for 7): blank, and reported
            tail = toks[-N_APP:]
            at = next(k for k, t in enumerate(tail) if not t[IS_VALUE])  # the one cell that is no value
            junk = tail[at]
            if len(junk[COMPACT]) <= 2 and not any(t[IS_NUMBER] for t in toks[:-N_APP]):
                pos = [None if k == at else t for k, t in enumerate(tail)]
        if pos is not None and sum(t is not None and t[IS_NUMBER] for t in pos) >= N_APP - 2:
            data.append((toks[0], pos))
            if junk is not None:
                unreadable.append(junk)
    if len(data) != len(rows):
        return None
    notes: list[tuple[str, str, str, Token]] = []
    glued: set[int] = set()
    data_lines = {label[LINE] for label, _ in data}
    for i in list(ways):
        if (read := glued_stacked(r.text, lines, data[i][0][LINE], data_lines, N_APP)) is not None:
            joined, printed = read
            del ways[i]
            glued.add(i)
            data[i] = (data[i][0], list(joined))
            notes.append(
                (
                    "merged_digits",
                    f"{printed}: a row a run short, cells glued where their columns are too narrow for a space, and "
                    "numbers broken over lines in narrow cells printing their other pieces on the line above or "
                    "below, centred on the cells they complete; split between its digits and read as "
                    f"{' '.join(t[TEXT] for t in joined)}, the one reading whose row total holds (a guess)",
                    rows[i].key,
                    data[i][0],
                )
            )
    if ways:
        data, more = _merged_columns(rows, data, ways, fmt)
        notes += more
    contested: dict[int, list[tuple[list[Token], str]]] = {}
    for i, readings in stacked_rows(r, lines, [pos for _, pos in data]).items():
        if i in ways or i in glued:
            continue
        if len(readings) > 1:
            contested[i] = readings
            continue
        joined, printed = readings[0]
        data[i] = (data[i][0], list(joined))
        notes.append(
            (
                "merged_digits",
                f"{printed}: numbers broken over lines in narrow cells print their other pieces on the lines above "
                f"and below the row's cells, each under the cell it completes; read as "
                f"{' '.join(t[TEXT] for t in joined)}, the row total holding (a guess)",
                rows[i].key,
                data[i][0],
            )
        )
    if contested:
        notes += _contested_pieces(rows, data, contested, fmt)
    fits = {row.key: Fit(pos, "positional", []) for row, (_, pos) in zip(rows, data, strict=True)}
    return fits, [label for label, _ in data], stop, unreadable, notes


def _contested_pieces(
    rows: list[RowDef],
    data: list[tuple[Token, list[Token | None]]],
    contested: dict[int, list[tuple[list[Token], str]]],
    fmt: str,
) -> list[tuple[str, str, str, Token]]:
    """Rows that could take a line of pieces another row could take as well
    (:func:`parsers.tables.stacked_lines.stacked_rows`): each read as every joint choice under which the most
    identities of table 三 hold reads it, else the cells its readings differ in left blank; ``data`` updated in
    place, the warnings returned."""
    base = {row.key: Fit(pos, "positional", []).values() for row, (_, pos) in zip(rows, data, strict=True)}
    open_rows: dict[str, list[list[Token | None]]] = {
        rows[i].key: [list(row) for row, _ in readings] for i, readings in contested.items()
    }
    chosen = _choose_jointly(base, open_rows, fmt)
    notes: list[tuple[str, str, str, Token]] = []
    for i, readings in contested.items():
        key, label = rows[i].key, data[i][0]
        laid = open_rows[key]
        printed = " or ".join(p for _, p in readings)
        msg = (
            f"{printed}: a line of pieces of numbers broken over lines in narrow cells that this row or another "
            "could take as well"
        )
        if any(p.endswith(TOTAL_FAILING) for _, p in readings):
            msg = f"{printed}: pieces of numbers broken over lines in narrow cells, above and below the row's cells"
        if chosen is None or key in chosen[1]:
            pos = [t if all(w[m] == t for w in laid) else None for m, t in enumerate(laid[0])]
            data[i] = (label, pos)
            notes.append(
                ("placement_open", f"{msg}; the identities do not say which: the cells in doubt blank", key, label)
            )
            continue
        pick = chosen[0][key]
        data[i] = (label, pick)
        notes.append(
            (
                "merged_digits",
                f"{msg}; read as {_printed(pick)}, the reading under which the most identities of the table hold "
                "(a guess)",
                key,
                label,
            )
        )
    return notes


def _by_width(lines: list[list[Token]]) -> dict[int, list[list[Token]]]:
    """Lines by their last cell's index: the parts of a pipe table, each with its own column boundaries."""
    out: dict[int, list[list[Token]]] = {}
    for toks in lines:
        out.setdefault(max(t[COL] for t in toks), []).append(toks)
    return out


def _choose_jointly(
    base: dict[str, list[Value]], open_rows: dict[str, list[list[Token | None]]], fmt: str
) -> tuple[dict[str, list[Token | None]], list[str]] | None:
    """The rows in doubt placed together, the other rows as ``base`` reads them: each the placement every choice
    under which the most identities of table 三 hold gives it; the rows those choices place differently listed
    apart (:func:`parsers.tables.merged_columns.choose`)."""

    def score(picks: dict[str, list[Token | None]]) -> int:
        state = dict(base)
        for key, laid in picks.items():
            state[key] = Fit(laid, "positional", []).values()
        return application_passed(state, fmt)

    return choose(open_rows, score) if open_rows else ({}, [])


def _merged_columns(
    rows: list[RowDef],
    data: list[tuple[Token, list[Token | None]]],
    ways: dict[int, list[list[Token | None]]],
    fmt: str,
) -> tuple[list[tuple[Token, list[Token | None]]], list[tuple[str, str, str, Token]]]:
    """Rows short of a value in cells that hold two columns (:mod:`parsers.tables.merged_columns`): each laid as
    the table's identities decide over all such rows together, else the cells in doubt left blank; with the
    warnings that say so (code, message, label)."""
    base = {row.key: Fit(pos, "positional", []).values() for row, (_, pos) in zip(rows, data, strict=True)}
    open_rows = {rows[j].key: laid for j, laid in ways.items() if len(laid) > 1}
    chosen = _choose_jointly(base, open_rows, fmt)
    out = list(data)
    notes: list[tuple[str, str, str, Token]] = []
    for j, laid in ways.items():
        key = rows[j].key
        label = data[j][0]
        msg = f"table 三: {key}: {_printed(laid[0])} {_SHORT}"
        if chosen is None:
            pos = [t if all(w[m] == t for w in laid) else None for m, t in enumerate(laid[0])]
            out[j] = (label, pos)
            notes.append(
                ("placement_open", f"{msg}; too many such rows to weigh: the cells in doubt left blank", key, label)
            )
        elif key in chosen[1]:
            out[j] = (label, chosen[0][key])
            notes.append(
                (
                    "placement_open",
                    f"{msg}; the identities hold as well with the blank in either of its cell's columns: both "
                    "left blank",
                    key,
                    label,
                )
            )
        elif key in chosen[0]:
            out[j] = (label, chosen[0][key])
            notes.append(
                ("merged_columns", f"{msg}; the blank placed in the column where the identities hold", key, label)
            )
        else:
            out[j] = (label, laid[0])
    return out, notes


_SHORT = (
    "is a value short in a cell that holds two columns (as the table's full rows show: a converter's table "
    "with a column boundary missed)"
)


def _printed(laid: list[Token | None]) -> str:
    return " ".join(t[TEXT] for t in laid if t is not None and t[TEXT])

"""Table 三 rows whose data lines sit under the wrong label (a label printed alone, its numbers in the next
row's line or further down): a run of rows given its full data lines in order."""

from __future__ import annotations

from parsers.tables.reading import Found, Reading
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import (
    N_APP,
    RowDef,
)
from parsers.tables.tokens import (
    IS_BLANK_MARKER,
    IS_VALUE,
    LINE,
    TABBED,
    Token,
)
from parsers.tables.warn_keys import run_key


def realign_rows(
    r: Reading, rows: list[RowDef], found: list[Found | None], stops: dict[int, int]
) -> dict[str, list[Token]]:
    """Rows whose data lines sit under the wrong label (a label printed alone, its numbers in the next row's
    line or in a label-less line further down): where a run of consecutive rows holds exactly as many full
    data lines as it has rows, but not one per row, the lines are given to the rows in order (reported)."""
    if not may_realign(found, stops):
        return {}
    return realign_lines(r, rows, found, stops)


def may_realign(found: list[Found | None], stops: dict[int, int]) -> bool:
    """Whether :func:`realign_rows` can move anything: a run of rows takes lines in order only when one of its rows
    holds two full data lines at least (the others one or none), so more than ``2 × N_APP`` tokens from its
    label to its stop. Most tables have no such row (a row's cells on its label's line): nothing to group by
    line (tests/test_parse_cuts.py holds this to :func:`realign_lines` over the fixtures)."""
    return any(stop - f.index > 2 * N_APP for k, stop in stops.items() if (f := found[k]) is not None)


def realign_lines(
    r: Reading, rows: list[RowDef], found: list[Found | None], stops: dict[int, int]
) -> dict[str, list[Token]]:
    """:func:`realign_rows`'s reading: each row's full data lines, runs of rows given them in order."""
    ks = sorted(stops)
    lines: dict[int, list[list[Token]]] = {}
    for k in ks:
        f = found[k]
        assert f is not None
        by_line: dict[int, list[Token]] = {}
        for t in r.tokens[f.index + 1 : stops[k]]:
            if t[IS_VALUE] and not (t[IS_BLANK_MARKER] and r.placeholder(t)):
                by_line.setdefault(t[LINE], []).append(t)
        for vals in by_line.values():
            while len(vals) > N_APP and vals[0][IS_BLANK_MARKER] and vals[0][TABBED]:
                del vals[0]  # a dash in a label cell of a label-less row (a converter's placeholder)
        full = [vals for vals in by_line.values() if len(vals) == N_APP]
        if sum(len(v) for v in by_line.values()) != len(full) * N_APP:
            full = []  # values that do not come in whole lines: not this case
            lines[k] = [[]]  # blocks any window through this row
        else:
            lines[k] = full
    moved: dict[str, list[Token]] = {}
    j = 0
    while j < len(ks):
        if len(lines[ks[j]]) == 1 or lines[ks[j]] == [[]]:
            j += 1
            continue
        total = 0
        window: list[int] = []
        for e in range(j, min(j + 6, len(ks))):
            if lines[ks[e]] == [[]] or (e > j and ks[e] != ks[e - 1] + 1):
                break
            window.append(ks[e])
            total += len(lines[ks[e]])
            if total >= len(window) and e > j:
                break
        if len(window) > 1 and total == len(window):
            data = [vals for k in window for vals in lines[k]]
            keys = [rows[k].key for k in window]
            for key, vals in zip(keys, data, strict=True):
                moved[key] = vals
            first = found[window[0]]
            assert first is not None
            r.warn(
                "rows_by_order",
                f"table 三: rows {', '.join(keys)} have their numbers under other labels (a label printed alone); "
                "their data lines were read in the template's order",
                run_key(T, keys),
                r.tokens[first.index],
                rows=tuple(keys),
            )
            j += len(window)
        else:
            j += 1
    return moved

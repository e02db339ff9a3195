"""The values of a run of rows printed label after label, then all their values, read back into their rows.

Split from :mod:`parsers.tables.reading`: row by row where the labels' cells stand in as many label-less rows,
one row per line, down the columns (text extracted column by column), or left blank where a cell-per-block
layout reads two ways that disagree.
"""

from __future__ import annotations

import itertools
import re

from parsers.tables.active_heads import columns_named, head_piece
from parsers.tables.ideographs import ideographs
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_TABLE
from parsers.tables.tokens import COMPACT, IS_BLANK_MARKER, IS_LABELISH, IS_NUMBER, IS_VALUE, LINE, TABBED, TEXT, Token
from parsers.tables.warn_keys import run_key


def redistribute(
    r: Reading, rows: list[tuple[int, str, int, int]], table: str, *, skip_blank_markers: bool = False
) -> dict[str, list[Token | None]]:
    """Values of a run of rows printed label after label, then all their values (see
    ``parsers.tables.values_first.in_column_order``). ``rows``: (label index, key, columns, stop) in text order.
    Returns the values each re-read row gets, one token per column."""
    moved: dict[str, list[Token | None]] = {}
    j = 0
    while j < len(rows):
        e = j
        while e < len(rows) and not _values_between(r, rows[e][0], rows[e][3], skip_blank_markers):
            e += 1
        if e == j or e >= len(rows):
            j = e + 1 if e == j else e
            continue
        run = rows[j : e + 1]
        k, c = len(run), run[0][2]
        vals = _values_between(r, rows[e][0], rows[e][3], skip_blank_markers)
        if table == ACTIVE_TABLE and _other_heads_among_values(
            r, rows[e][0], rows[e][3], [key for _, key, _, _ in run]
        ):
            # table 二: header cells between the run's last label and its values of a column none of the run's rows
            # has: the values print under another block's head, as likely that block's (pdfminer's boxes: tuning
            # seed 7898 with wkhtmltopdf's PDF, 规章 / 行政规范性文件, then （五）'s title, heads and values; 行政许可 /
            # 其他对外管理服务事项, then （一）'s 对外公开总数量 14 14); not read into the run's rows. (A later block's
            # title there alone says nothing: pdfminer prints a block's values after the next block's title, 7909.)
            j = e + 1
            continue
        lines = _labelless_lines(r, rows[e][0], rows[e][3])
        if len(lines) == k:
            # the labels printed alone, their cells in as many label-less rows after them: row by row
            for (_, key, _, _), line in zip(run, lines, strict=True):
                nums: list[Token | None] = [t for t in line if t[IS_NUMBER]]
                moved[key] = (nums + [None] * c)[:c]
            keys = [key for _, key, _, _ in run]
            r.warn(
                "rows_by_order",
                f"{table}: rows {', '.join(keys)} are printed label after label, their cells in {k} rows without "
                "labels after them; read in that order",
                run_key(table, keys),
                r.tokens[run[0][0]],
                rows=tuple(keys),
            )
            j = e + 1
            continue
        span = r.tokens[run[0][0] : rows[e][3]]
        if (
            any(t[LINE] == r.tokens[rows[e][0]][LINE] for t in vals)  # values on the label's line: a row
            or any(t[TABBED] and not t[TEXT] for t in span)  # blank cells kept in place: rows as printed
            or any(n != c for _, _, n, _ in run)
        ):
            j = e + 1
            continue
        if c == 1 and len(vals) < k and not _row_wise(r, run) and not _glued_values(r, run):
            # one column with blank cells, which print nothing: the values fill the rows in order
            for n_row, (_, key, _, _) in enumerate(run):
                moved[key] = [vals[n_row] if n_row < len(vals) else None]
            keys = [key for _, key, _, _ in run]
            r.warn(
                "column_order",
                f"{table}: rows {', '.join(keys)} are printed label after label, then {len(vals)} value(s); read in "
                f"order, the last {k - len(vals)} row(s) blank (a guess: a blank cell prints nothing)",
                run_key(table, keys),
                r.tokens[run[0][0]],
                rows=tuple(keys),
            )
            j = e + 1
            continue
        if len(vals) != k * c:
            j = e + 1
            continue
        by_line = len({t[LINE] for t in vals}) == k and all(
            vals[m * c][LINE] == vals[m * c + c - 1][LINE] for m in range(k)
        )
        if not by_line and _cell_blocks(r, vals):
            # each value a block of its own, not a column's box (pdfminer's, its lines adjacent): poppler's default
            # order prints a table a cell a block, row after row (parsers/tables/active_blocks.py), another tool's
            # blocks may run down the columns; the cells where the two orders disagree are left blank
            keys = [key for _, key, _, _ in run]
            opened = []
            for n_row, (_, key, _, _) in enumerate(run):
                down = [vals[m * k + n_row] for m in range(c)]
                across = list(vals[n_row * c : n_row * c + c])
                moved[key] = [a if a[TEXT] == b[TEXT] else None for a, b in zip(down, across, strict=True)]
                opened += [f"{key} column {m + 1}" for m in range(c) if moved[key][m] is None]
            r.warn(
                "placement_open" if opened else "column_order",
                f"{table}: rows {', '.join(keys)} are printed label after label, then their {len(vals)} values, each "
                "a block of its own: read down the columns or across the rows"
                + (f", they disagree on {', '.join(opened)}: left blank" if opened else ", they agree"),
                run_key(table, keys),
                r.tokens[run[0][0]],
                rows=tuple(keys),
            )
            j = e + 1
            continue
        for n_row, (_, key, _, _) in enumerate(run):
            if by_line:
                moved[key] = list(vals[n_row * c : n_row * c + c])
            else:
                moved[key] = [vals[m * k + n_row] for m in range(c)]
        keys = [key for _, key, _, _ in run]
        r.warn(
            "column_order",
            f"{table}: rows {', '.join(keys)} are printed label after label, then their {len(vals)} values; read "
            + ("one row per line" if by_line else "down the columns (text extracted column by column)"),
            run_key(table, keys),
            r.tokens[run[0][0]],
            rows=tuple(keys),
        )
        j = e + 1
    return moved


def _cell_blocks(r: Reading, vals: list[Token]) -> bool:
    """Each of ``vals`` alone on its line, a blank line between it and the next (a block per cell)."""
    lines = [t[LINE] for t in vals]
    if any(len(r.line_tokens(line)) != 1 for line in lines):
        return False
    return all(b - a >= 2 for a, b in itertools.pairwise(lines))


def _row_wise(r: Reading, run: list[tuple[int, str, int, int]]) -> bool:
    """Each label of the run is followed by a cell of its own (the 单位 column's 件) before the next label: the
    rows are printed one after another, a row without a value is blank, not a row whose value comes later."""
    return all(any(t[TEXT] for t in r.tokens[a + 1 : b]) for (a, _, _, _), (b, _, _, _) in itertools.pairwise(run))


_DIGIT_END = re.compile(r"[^\W\d_][0-9]+$")


def _glued_values(r: Reading, run: list[tuple[int, str, int, int]]) -> bool:
    """A label of the run ends in digits glued to it (``行政处罚0``: a text layer that printed the label's cell and
    its value's as one span): its value is printed with it, so the run is no run of labels printed alone, and
    the values after the last label are not the run's to fill in order."""
    return any(_DIGIT_END.search(r.tokens[i][TEXT]) for i, _, _, _ in run)


def _labelless_lines(r: Reading, i: int, stop: int) -> list[list[Token]]:
    """The rows between token ``i`` and ``stop`` that have cells but no label (an empty first cell, or a
    converter's dash placeholder in it, then at most a unit such as 件 before the values)."""
    by_line: dict[int, list[Token]] = {}
    for t in r.tokens[i + 1 : stop]:
        if t[LINE] != r.tokens[i][LINE]:
            by_line.setdefault(t[LINE], []).append(t)
    return [
        toks
        for toks in by_line.values()
        if len(toks) >= 2
        and toks[0][TABBED]
        and (not toks[0][TEXT] or (toks[0][IS_BLANK_MARKER] and any(t[IS_NUMBER] for t in toks[1:])))
        and not any(t[IS_LABELISH] and len(t[COMPACT]) > 2 for t in toks)
    ]


def _other_heads_among_values(r: Reading, label: int, stop: int, keys: list[str]) -> bool:
    """Table 二's header cells printed between token ``label`` and the last value before token ``stop`` name a column
    that none of the rows ``keys`` has in any format."""
    between = r.tokens[label + 1 : stop]
    last = max((k for k, t in enumerate(between) if t[IS_VALUE]), default=0)
    heads = []
    for t in between[:last]:
        if t[IS_VALUE]:
            continue
        if head_piece(t):
            heads.append(t[COMPACT])
    own = {col for fmt in ACTIVE_DEFAULTS.values() for key in keys for col in fmt.get(key, ())}
    return any(col not in own for col in columns_named(ideographs("".join(heads))))


def _values_between(r: Reading, i: int, stop: int, skip_blank_markers: bool = False) -> list[Token]:
    return [t for t in r.tokens[i + 1 : stop] if t[IS_VALUE] and not (skip_blank_markers and t[IS_BLANK_MARKER])]

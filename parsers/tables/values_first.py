"""Table 二 printed with its values apart from their labels: a cell a paragraph, each row's values before or after
its label, rows label after label then all their values, or a block's values before its first row's label."""

from __future__ import annotations

import bisect

from parsers.tables.cut_points import is_cut
from parsers.tables.label_sides import values_by_sides
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading
from parsers.tables.rows_by_order import redistribute
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    IS_BLANK_MARKER,
    IS_VALUE,
    LINE,
    START,
    TEXT,
    Token,
)
from parsers.tables.warn_keys import run_key


def by_sides(
    r: Reading, rows: list[tuple[int, str, list[str], int]], blocks: list[int], end: int
) -> dict[str, list[Token | None]] | None:
    """Table 二 in a text that prints a cell a paragraph, each row's values after its label or before it
    (:mod:`parsers.tables.label_sides`: pdfminer's ``boxes_flow=None``, a wrapped label lower than its values), read
    so where every block falls into place and the rows take both sides (``label_after_values``, naming the rows read
    before their label); None otherwise."""
    if not is_paragraph_cells(r.extracted.text):
        return None
    found = values_by_sides(r, rows, blocks, end)
    if found is None:
        return None
    out, before, after = found
    _blank_cut_points(r, out)
    r.warn(
        "label_after_values",
        f"{T}: rows {', '.join(before)} print their values before their label, rows {', '.join(after)} after it "
        "(a PDF's text in the order of its boxes' lower edges, a wrapped label lower than its values): each block's "
        "values, from its title on, fall to its rows exactly so (a guess)",
        run_key(T, before),
        r.tokens[next(i for i, key, _, _ in rows if key == before[0])],
        rows=tuple(before),
    )
    return out


def _blank_cut_points(r: Reading, out: dict[str, list[Token | None]]) -> None:
    """A value whose box printed the number cut at its point over two lines (``56.`` / ``52`` for 56.52: the piece
    before the point no value): left blank, as :mod:`parsers.tables.cut_points` leaves a number cut across grid
    cells (no identity of table 二 confirms joining the pieces), said (``number_cut_blank``)."""
    starts = [t[START] for t in r.tokens]
    for key, cells in out.items():
        for c, t in enumerate(cells):
            if t is None:
                continue
            i = bisect.bisect_left(starts, t[START])
            prev = r.tokens[i - 1] if i else None
            nxt = r.tokens[i + 1] if i + 1 < len(r.tokens) else None
            if prev is not None and prev[LINE] == t[LINE] - 1 and is_cut(prev[TEXT], t[TEXT]):
                a, b = prev, t
            elif nxt is not None and nxt[LINE] == t[LINE] + 1 and is_cut(t[TEXT], nxt[TEXT]):
                a, b = t, nxt
            else:
                continue
            cells[c] = None
            r.warn(
                "number_cut_blank",
                f"{T}/{key}: {a[TEXT]}|{b[TEXT]}: one number cut at its point over two lines of its box; no identity "
                f"confirms joining them ({a[TEXT]}{b[TEXT]}): left blank",
                f"{T}/{key}",
                a,
            )


def in_column_order(r: Reading, rows: list[tuple[int, str, list[str], int]]) -> dict[str, list[Token | None]]:
    """Rows printed label after label, then all their values (text extracted column by column: ``规章`` /
    ``行政规范性文件`` / ``1`` ``861`` / ``5`` ``379`` / ``133`` ``7649``): the values of a run of ``k`` rows
    of ``c`` columns each, all after the run's last label, are read down the columns (across the rows when
    they are printed one row per line). Reported as ``column_order``."""
    return redistribute(r, [(i, key, len(cols), stop) for i, key, cols, stop in rows], T)


def blocks_values_first(
    r: Reading,
    rows: list[tuple[int, str, list[str], int]],
    blocks: list[int],
    end: int,
    defaults: dict[str, tuple[str, ...]],
    moved: set[str],
) -> dict[str, list[Token | None]]:
    """第二十条 blocks that print values after their title and header but before their first row's label: each
    row's values before its label (pdfminer's boxes in the order of their lower left corners, ``-F disabled``, where a
    label cell's text sits lower than its values'). A reading label first takes each row's values for the next
    row's. Read before the labels where, from the block's title on, each label follows exactly its row's values
    and no value follows the last (``label_after_values``); else, where the values before the first label are as
    many as its row's cells, those rows are left blank (``placement_open``). Only where the block's labels stand in the
    template's order, and where the table's first block prints so too (else the values before a later block's first
    label are the block before's, printed after the next title: poppler's blocks)."""
    tokens = r.tokens
    out: dict[str, list[Token | None]] = {}
    titles = sorted(blocks)
    seen_first = False

    def values(lo: int, hi: int) -> list[Token]:
        """The values from token ``lo`` to ``hi``, a converter's placeholder dash aside."""
        return [t for t in tokens[lo:hi] if t[IS_VALUE] and not r.placeholder(t)]

    for b, title in enumerate(titles):
        stop = titles[b + 1] if b + 1 < len(titles) else end
        mine = [k for k, (i, key, _, _) in enumerate(rows) if title < i < stop and key not in moved]
        if not mine or len(mine) != sum(1 for i, *_ in rows if title < i < stop):
            continue
        first = rows[mine[0]][0]
        if not any(not t[IS_BLANK_MARKER] for t in values(title + 1, first)):
            if not seen_first:
                return out  # the table's first block in the usual order: values before a later block's first label
                # are the block before's, printed after the title (poppler's blocks)
            continue  # the usual order: the block's first values after its first label
        seen_first = True
        keys = [rows[k][1] for k in mine]
        if keys != [key for key in defaults if key in keys]:
            continue  # labels out of the template's order: another layout (poppler's blocks)
        floor = title
        runs: list[list[Token]] = []
        for k in mine:
            i = rows[k][0]
            runs.append(values(floor + 1, i))
            floor = i
        trailing = values(floor + 1, stop)
        fits = not trailing and all(
            len(vals) in (len(rows[k][2]), len(defaults.get(rows[k][1], ())))
            for k, vals in zip(mine, runs, strict=True)
        )
        if not fits and len(runs[0]) not in (len(rows[mine[0]][2]), len(defaults.get(keys[0], ()))):
            continue  # not the first row's values before its label: values of another block printed here
        if fits:
            for k, vals in zip(mine, runs, strict=True):
                i, key, cols, row_stop = rows[k]
                if len(vals) != len(cols):
                    rows[k] = (i, key, list(defaults[key]), row_stop)
                out[key] = list(vals)
            r.warn(
                "label_after_values",
                f"{T}: rows {', '.join(keys)} print each its values before its label (values stand between their "
                "block's title and its first label): read from the values before each label",
                run_key(T, keys),
                tokens[first],
                rows=tuple(keys),
            )
        else:
            for k in mine:
                out[rows[k][1]] = [None] * len(rows[k][2])
            r.warn(
                "placement_open",
                f"{T}: rows {', '.join(keys)} print values between their block's title and its first label, and "
                "their values do not fall before each label as many as its cells: whose values are whose, the text "
                "does not say; left blank",
                run_key(T, keys),
                tokens[first],
                rows=tuple(keys),
            )
    return out

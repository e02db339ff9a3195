"""Table 四's 15 values read by its groups of heads, every place a cell of an earlier row may print in its group.

``pdftotext`` without ``-layout`` prints table 四's column heads in groups, each followed by the values of its
columns (:func:`parsers.tables.review_displaced.head_groups` finds the groups and which cells fall into each).
A group's heads can name a cell of an earlier row: a row's 总计 whose head poppler put with the next row's heads,
whose value prints among that row's values (1240's, 1280's 未经复议直接起诉 总计 after 复议后起诉's four values,
1267's 行政复议 总计 after 未经复议直接起诉's four). Where it prints among them is not in the text, and the row totals,
table 四's only identities, do not always decide it: read in the order the text prints them, 1280's values hold all
three totals in the wrong cells (复议后起诉 ``0 1 0 1`` for ``1 0 1 0``, 未经复议直接起诉's 总计 ``1`` among them),
and so do 1267's (未经复议直接起诉 ``0 0 17 0`` for ``0 0 0 17``).

:func:`group_tables` places each group's values with the cells of its own rows in their order and the cells of
earlier rows (their relative order kept) at every place among them: the tables that hold the three row totals are
the placements the text allows (a value printed early or late within its own row, as 1242's 行政复议 总计 in
``2 0 21 19 0``, is :mod:`parsers.tables.review_displaced`'s: where its search leaves two tables or more, the table
stays unread and this reading is not tried).

:func:`settle` holds them against the table another reading made (in the text's order, or
:mod:`parsers.tables.review_displaced`'s fewest displaced values): where they are that table alone, it stands; where
another holds as well, only the cells every such table gives the same value are read, the others left blank
(``placement_open``, review required, naming each cell and the values it may have). Where no other reading read the
table, one such table is read (``displaced_values``, review suggested), several as above.

Where it prints is poppler's, though: in every report of the tuning parts whose placement the gold decides
(1240, 1249, 1264, 1267, 1280, 1281, 1284, 1285, 1295 of ``/tmp/bat30``–``32``, 1305, 1307, 1312, 1326 of a fresh
battery, seeds 1300–1329) the earlier row's 总计 prints after the group's own cells of the four result columns
(结果维持 … 尚未审结) and before the group's own 总计 (``1 0 1 0 [1] 2``, ``0 0 0 17 [0]``). :func:`after_results`
reads it there; where that table holds the three row totals it is read, even where other places hold them too
(``displaced_values``, review suggested, naming the other tables' count: the place is the block order's, not the
identities'); where it does not hold, the placements are weighed as above. :func:`review_after_results` does the
same for a table another reading put in order, every total holding (1305: in order 复议后起诉 ``0 0 0 1 1``, printed
``1 0 0 0 [1] 1``). All those groups print their heads a row of characters at a time (``结 结 其 尚 总`` / ``果 果 他
未 总 计`` …); a group that prints its heads column by column, each whole (1332 of the fresh battery: ``总计`` /
``结果维持`` / …, its values in the heads' order, the earlier 总计's first) is left to the readings above.
"""

from __future__ import annotations

import itertools
import math

from parsers.tables.align import Fit
from parsers.tables.reading import Reading
from parsers.tables.review_displaced import head_groups, walk_groups
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.templates import REVIEW_TABLE as R
from parsers.tables.tokens import TEXT, Token, number_value

N_COLS = len(REVIEW_COLUMNS)
N_ROWS = len(REVIEW_ROWS)
# the four result columns' heads: a group whose heads print one of them whole prints its heads column by column
_WHOLE_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
MAX_ORDERS = 5000  # the placements tried at most (interleavings of the groups' cells of earlier rows)


Groups = tuple[list[list[int]], list[list[int]], list[list[int]]]


def _groups(r: Reading, start: int, vals: list[Token]) -> Groups | None:
    """Per group of heads (:func:`~parsers.tables.review_displaced.head_groups`): the values it prints (indexes into
    ``vals``), the cells it heads (row-major), and of those the cells of an earlier row (a row's 总计, or more, whose
    row's first cell is in an earlier group); None where the groups are not found."""
    placed = head_groups(r, start, vals)
    if placed is None:
        return None
    printed_in, cell_in = placed[: len(vals)], placed[len(vals) :]
    n_groups = max(printed_in) + 1
    printed = [[k for k, b in enumerate(printed_in) if b == g] for g in range(n_groups)]
    cells = [[c for c, b in enumerate(cell_in) if b == g] for g in range(n_groups)]
    totals = [[c for c in cells[g] if cell_in[c - c % N_COLS] < g] for g in range(n_groups)]
    return printed, cells, totals


def group_tables(r: Reading, start: int, vals: list[Token]) -> list[list[int]] | None:
    """The distinct tables (each the index into ``vals`` of each cell, row after row) that hold table 四's three
    row totals, of every placement its groups of heads allow (see the module's doc). None where the groups are not
    found or the placements are too many to try."""
    groups = _groups(r, start, vals)
    if groups is None:
        return None
    printed, cells, totals = groups
    n_groups = len(cells)
    choices = [list(itertools.combinations(range(len(cells[g])), len(totals[g]))) for g in range(n_groups)]
    if math.prod(len(c) for c in choices) > MAX_ORDERS:
        return None
    nums = [number_value(t[TEXT]) for t in vals]
    if any(v is None for v in nums):
        return None
    tables: dict[tuple[float, ...], list[int]] = {}
    for combo in itertools.product(*choices):
        at = _placed(combo, printed, cells, totals, len(vals))
        values = tuple(float(nums[k] or 0) for k in at)
        if _totals_hold(values):
            tables.setdefault(values, at)
    return list(tables.values())


def after_results(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """The one table (the index into ``vals`` of each cell, row after row) where each group's cells of earlier rows
    print right after the group's own cells of the four result columns (结果维持 … 尚未审结), before its own 总计,
    where that table holds table 四's three row totals (see :func:`settle`); None otherwise."""
    groups = _groups(r, start, vals)
    if groups is None:
        return None
    printed, cells, totals = groups
    n_groups = len(cells)
    if not any(totals):
        return None
    heads = walk_groups(r, start, vals)[1]
    if any(totals[g] and any(h in heads[g] for h in _WHOLE_HEADS) for g in range(n_groups)):
        return None  # a group's heads print column by column, each whole: not the rows of characters seen
    combo = []
    for g in range(n_groups):
        own = [c for c in cells[g] if c not in totals[g]]
        first = next((i for i, c in enumerate(own) if c % N_COLS == N_COLS - 1), len(own))
        combo.append(tuple(range(first, first + len(totals[g]))))
    nums = [number_value(t[TEXT]) for t in vals]
    if any(v is None for v in nums):
        return None
    at = _placed(tuple(combo), printed, cells, totals, len(vals))
    return at if _totals_hold(tuple(float(nums[k] or 0) for k in at)) else None


def _placed(
    combo: tuple[tuple[int, ...], ...],
    printed: list[list[int]],
    cells: list[list[int]],
    totals: list[list[int]],
    n: int,
) -> list[int]:
    """Each cell's index into the values where each group's cells of earlier rows print at the places ``combo``
    names among its values (the group's own cells in their order at the others)."""
    at = [0] * n
    for g, spots in enumerate(combo):
        own = iter([c for c in cells[g] if c not in totals[g]])
        sums = iter(totals[g])
        for place, k in enumerate(printed[g]):
            at[next(sums) if place in spots else next(own)] = k
    return at


def _totals_hold(values: tuple[float, ...]) -> bool:
    return all(abs(sum(values[i : i + N_COLS - 1]) - values[i + N_COLS - 1]) < 1e-6 for i in range(0, 15, N_COLS))


def settle(
    r: Reading, start: int, vals: list[Token], keys: list[str], chosen: list[Token] | None, *, opened: bool = False
) -> Reading | None:
    """Table 四 read from its 15 ``vals`` (printed after token ``start``, its first head) by its groups of heads
    (:func:`group_tables`) into a new reading, with its warning, where that says more than ``chosen`` (the tokens,
    cell by cell, another reading put there; None where none read the table). None where the groups are not found,
    or every placement they allow is ``chosen``'s table, or (``chosen`` None) no placement holds the row totals."""
    found = group_tables(r, start, vals)
    if found is None:
        return None
    nums = [_num(t) for t in vals]
    tables = {tuple(nums[k] for k in at): [vals[k] for k in at] for at in found}
    if (preferred := after_results(r, start, vals)) is not None:
        return _after_results(r, vals, keys, chosen, preferred, len(tables))
    if opened:  # the fewest displaced values left two tables or more: none is read
        return None
    if chosen is not None:
        mine = tuple(map(_num, chosen))
        if set(tables) <= {mine}:
            return None
        tables.setdefault(mine, chosen)
    if not tables:
        return None
    t = Reading(r.extracted, r.norm, r.canonical)
    if len(tables) == 1:
        ((table, toks),) = tables.items()
        moved = [c for c in range(len(keys)) if table[c] != nums[c]]
        t.put_cells(keys, toks, vals[0])
        said = "; ".join(f"{keys[c][len(R) + 1 :]} = {toks[c][TEXT]}" for c in moved)
        t.warn(
            "displaced_values",
            f"table 四: its {len(vals)} values print after groups of heads (pdftotext's block order), a group "
            "holding a cell of an earlier row (a 总计 whose head printed with the next row's), whose value may print "
            "anywhere among the group's; "
            f"of those places one table alone holds its three row totals (its only identities): {said} (a guess)",
            keys[moved[0]].rsplit("/", 1)[0] if moved else R,
            toks[moved[0]] if moved else vals[0],
        )
        return t
    kept: list[Token | None] = []
    open_cells: list[str] = []
    first = next(iter(tables.values()))
    for c, key in enumerate(keys):
        options = sorted({table[c] for table in tables})
        if len(options) == 1:
            kept.append(first[c])
        else:
            kept.append(None)
            open_cells.append(f"{key[len(R) + 1 :]} ({' or '.join(_shown(v) for v in options)})")
    t.put_cells(keys, kept, vals[0])
    t.warn(
        "placement_open",
        f"table 四: its {len(vals)} values print after groups of heads (pdftotext's block order), a group holding "
        "a cell of an earlier row (a 总计 whose head printed with the next row's), whose value may print anywhere "
        "among the group's; "
        f"{len(tables)} tables of those places hold its three row totals: the cells they disagree on are left blank: "
        f"{', '.join(open_cells)}",
        R,
        vals[0],
    )
    return t


def _after_results(
    r: Reading, vals: list[Token], keys: list[str], chosen: list[Token] | None, at: list[int], n_tables: int
) -> Reading | None:
    """Table 四 read with each earlier row's 总计 where poppler prints it, after its group's four result values
    (:func:`after_results`): a new reading with its warning, or None where ``chosen`` is that table already."""
    toks = [vals[k] for k in at]
    if chosen is not None and list(map(_num, chosen)) == list(map(_num, toks)):
        return None
    t = Reading(r.extracted, r.norm, r.canonical)
    t.put_cells(keys, toks, vals[0])
    _warn_after(t, vals, keys, toks, n_tables)
    return t


def review_after_results(r: Reading, start: int, vals: list[Token], read: list[Token | None]) -> Fit | None:
    """Table 四 of poppler's default text whose 15 ``vals`` another reading put in the cells as ``read`` (its
    row totals holding): read instead with each earlier row's 总计 where poppler prints it (:func:`after_results`)
    where its groups of heads hold one and that table is another (warned on ``r``); None otherwise."""
    found = group_tables(r, start, vals)
    if found is None or any(t is None for t in read) or (at := after_results(r, start, vals)) is None:
        return None
    toks: list[Token | None] = [vals[k] for k in at]
    if read == toks or [_num(t) for t in read if t is not None] == [_num(t) for t in toks if t is not None]:
        return None
    keys = [f"{R}/{row}/{c}" for row in REVIEW_ROWS for c in REVIEW_COLUMNS]
    _warn_after(r, vals, keys, [vals[k] for k in at], len({tuple(_num(vals[k]) for k in a) for a in found}))
    return Fit(toks, "positional", [])


def _warn_after(w: Reading, vals: list[Token], keys: list[str], toks: list[Token], n_tables: int) -> None:
    nums = [_num(t) for t in vals]
    moved = [c for c in range(len(keys)) if _num(toks[c]) != nums[c]]
    said = "; ".join(f"{keys[c][len(R) + 1 :]} = {toks[c][TEXT]}" for c in moved)
    w.warn(
        "displaced_values",
        f"table 四: its {len(vals)} values print after groups of heads (pdftotext's block order), a group holding "
        "a cell of an earlier row (a 总计 whose head printed with the next row's); read with that cell after the "
        "group's own four result values (结果维持 … 尚未审结) and before its own 总计, where poppler prints it, and "
        f"its three row totals hold: {said} ({n_tables - 1} other table(s) of its other places hold them too; the "
        "place is the block order's, not the identities': a guess)",
        keys[moved[0]].rsplit("/", 1)[0] if moved else R,
        toks[moved[0]] if moved else vals[0],
    )


def _num(tok: Token) -> float:
    return float(number_value(tok[TEXT]) or 0)


def _shown(v: float) -> str:
    return str(int(v)) if v.is_integer() else str(v)

"""A number cut across grid cells under one header cell of table 二 (pymupdf4llm's layout mode).

pymupdf4llm's layout mode builds a table's grid from every rule the page draws, and cuts the text of a cell at the
grid's columns: a block of table 二 printed under a wider table's rules has its header cell's text in pieces over
several grid cells (``|本|年收|费金额（单位|：万|元）|``) and so has a value wide enough to cross a rule
(``|5.30724|2|``, ``|2|54.65|`` for 254.65). Read cell by cell, the row has more values than columns and the first
ones were kept (``extra_values``): the amount read as 5.30724, or the procurement count's neighbour as its amount.

Where the header line right above the row prints its cells (after the first, 信息内容) in pieces whose ideographs
join into the template's header cells exactly, each grid column belongs to the template header cells its piece
overlaps; values in adjacent grid columns that both belong to one and the same header cell, and to no other, are
one cell's number cut apart, and are joined, when that leaves exactly the row's number of values.

The same mode lays a header cell that wraps over lines (``<br>``) into its grid cells line by line, so its pieces'
characters join in another order (``|本年处<br>定数|理决<br>量|`` for 本年处理决定数量), beside pieces of the block's
title (``|（五）<br>上一<br>|项<br>年项<br>数量|``). Where the pieces do not join into the template's cells in order,
a run of neighbouring grid columns whose ideographs are exactly those of one template header cell, each character
once (no other such run overlapping it), is taken as that cell's (``|4|7|`` under it is 47); columns outside such
runs belong to none.

Where no header line shows the cut (the block's header printed in a grid of its own above, the row's grid another:
``|行政处罚|0||0|||24|3|`` under a 4-column header, 243 cut as ``24|3``, -6 as ``-|6``), :func:`join_lone_cut` joins
the one pair of values in neighbouring grid fields when the row prints exactly one value more than its cells: a
guess, warned as such.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from parsers.tables.ideographs import ideographs
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_HEADER_CELLS
from parsers.tables.tokens import COL, END, IS_NUMBER, LINE, START, TABBED, TEXT, Token, token

_NUMBER = re.compile(r"[-－]?(?:0|[1-9]\d*)(?:\.\d+)?")  # 本年增/减 signed
_SIGN_OR_DIGITS = re.compile(r"[-－]|[-－]?\d+")  # a lone sign, or an integer's first digits
_PIECE = re.compile(r"[-－]?\.?\d+\.?\d*")
# the header cells after 信息内容; 本年收费金额 without its unit too, where the row prints the unit after its amount
# (``|本|年收费|金额|`` over ``|21|06.01|万元|``)
_CELLS = (*(c for c in ACTIVE_HEADER_CELLS if c != "信息内容"), "本年收费金额")
_UNIT = re.compile(r"万元|元")  # a cell that prints the amount's unit alone
_LOOK_UP = 3  # lines above the row's to look for its header line


def _groups(r: Reading, label: int, vals: list[Token], n: int) -> list[list[Token]] | None:
    """The row's cells after its label grouped by the header cell they stand under (pieces of one cell's number in
    one group), where the header shows such a cut and the groups are exactly ``n``; None otherwise."""
    if len(vals) <= n or any(not t[TABBED] or not t[IS_NUMBER] for t in vals) or len({t[LINE] for t in vals}) != 1:
        return None
    owner = _header_owners(r, label, vals[0][LINE])
    if owner is None:
        return None
    # the row's cells after its label: numbers, or pieces of one (``.958`` between ``240`` and ``653``)
    cells = [t for t in r.line_tokens(vals[0][LINE]) if t[COL] > 0 and t[TEXT]]
    if cells and _UNIT.fullmatch(cells[-1][TEXT]) and cells[-1][COL] > vals[-1][COL]:
        cells = cells[:-1]  # the amount's unit in a cell of its own after it
    if not cells or any(not _PIECE.fullmatch(t[TEXT]) for t in cells):
        return None
    groups: list[list[Token]] = [[cells[0]]]
    for a, b in itertools.pairwise(cells):
        if b[COL] == a[COL] + 1 and owner.get(a[COL]) is not None and owner.get(a[COL]) == owner.get(b[COL]):
            groups[-1].append(b)
        else:
            groups.append([b])
    if len(groups) != n or all(len(g) == 1 for g in groups):
        return None
    return groups


def join_cut_cells(r: Reading, label: int, vals: list[Token], n: int) -> tuple[list[Token], str] | None:
    """The row's values with the numbers cut across grid cells of one header cell joined, and what was joined;
    None where the header does not show such a cut, or the joins do not leave exactly ``n`` values."""
    groups = _groups(r, label, vals, n)
    if groups is None or _point_below(r, vals[0][LINE], groups):
        return None
    out: list[Token] = []
    for group in groups:
        digits = "".join(t[TEXT] for t in group)
        if not _NUMBER.fullmatch(digits):
            return None
        first, last = group[0], group[-1]
        out.append(
            group[0]
            if len(group) == 1
            else token(digits, first[START], last[END], first[LINE], first[COL], first[TABBED], split=True)
        )
    cut = ", ".join("|".join(t[TEXT] for t in g) + " as " + "".join(t[TEXT] for t in g) for g in groups if len(g) > 1)
    return out, f"a number printed across grid cells under one header cell, joined: {cut} (a guess)"


def join_lone_cut(r: Reading, vals: list[Token], n: int) -> tuple[list[Token], str] | None:
    """The row's ``n + 1`` values ``vals`` (all grid fields of one line) with the one pair printed in neighbouring
    grid fields joined into one number, and what was joined: a number the grid cut at a rule (``24|3`` for 243,
    ``-|6`` for -6; the header, in another grid, shows no cut). Only where exactly one pair of the values stands in
    neighbouring fields, neither the label's, the first piece a sign or digits and the second digits alone, joined
    into one number (no leading zero), the two not the same number (a merged cell printed in each grid column it
    spans), and no header line in the row's grid above it (:func:`_header_in_grid`: where its pieces show the cut,
    join_cut_cells joins; where they show nothing, the row stays open). Which cells the values are has no identity
    to confirm it in table 二: a guess. None otherwise."""
    if len(vals) != n + 1 or len({t[LINE] for t in vals}) != 1 or not all(t[TABBED] and t[COL] > 0 for t in vals):
        return None
    if _header_in_grid(r, vals[0][LINE]):
        return None
    pairs = [k for k in range(n) if vals[k + 1][COL] == vals[k][COL] + 1]
    if len(pairs) != 1:
        return None
    k = pairs[0]
    a, b = vals[k], vals[k + 1]
    text = a[TEXT] + b[TEXT]
    if a[TEXT] == b[TEXT] or not _SIGN_OR_DIGITS.fullmatch(a[TEXT]) or not b[TEXT].isdigit():
        return None
    if not _NUMBER.fullmatch(text):
        return None
    joined = token(text, a[START], b[END], a[LINE], a[COL], a[TABBED], split=True)
    return [*vals[:k], joined, *vals[k + 2 :]], (
        f"{a[TEXT]}|{b[TEXT]} read as one number {text}, the row's one pair of values in neighbouring grid fields "
        f"and one value more than its {n} cells (a number cut at a rule of the grid, no header line above showing "
        "the cut: a guess)"
    )


_GRID_ROWS = 12  # grid lines above a row to look for its header among


def _header_in_grid(r: Reading, line: int) -> bool:
    """Whether a grid line printing text but no number (a header) stands above ``line`` in the same grid: the
    lines up from it, while they are grid lines, up to :data:`_GRID_ROWS` of them."""
    for above in range(line - 1, max(-1, line - 1 - _GRID_ROWS), -1):
        toks = [t for t in r.line_tokens(above) if t[TABBED]]
        if not toks:
            return False
        fields = [t for t in toks if t[COL] > 0 and t[TEXT]]
        if fields and not any(t[IS_NUMBER] for t in fields):
            return True
    return True


def cut_above_point(r: Reading, label: int, vals: list[Token], n: int) -> tuple[list[Token | None], list[Token]] | None:
    """The row's cells where a number cut across grid cells of one header cell has its decimal point printed alone
    in the grid row under it, in a column of its pieces (``|165|6|40|`` over ``|…|.<br>|``: 6.40's point wrapped to
    its cell's next line, which the layout mode lays into the grid row below): that cell blank (its pieces joined
    without the point would be a wrong number, 640; with it, a reading table 二's lack of identities cannot confirm,
    as ``cut_points`` leaves a number cut at its point), the others read; and the first piece of each cell so left
    blank. None where there is no such cut."""
    groups = _groups(r, label, vals, n)
    if groups is None or not _point_below(r, vals[0][LINE], groups):
        return None
    if any(len(g) == 1 and not _NUMBER.fullmatch(g[0][TEXT]) for g in groups):
        return None
    laid: list[Token | None] = [g[0] if len(g) == 1 else None for g in groups]
    return laid, [g[0] for g in groups if len(g) > 1]


def _point_below(r: Reading, line: int, groups: list[list[Token]]) -> bool:
    """Whether the line under ``line`` prints a point alone in the grid column of a piece of a group of pieces."""
    cols = {t[COL] for g in groups if len(g) > 1 for t in g}
    return any(t[TEXT].strip() == "." and t[COL] in cols for t in r.line_tokens(line + 1))


def _header_owners(r: Reading, label: int, line: int) -> dict[int, int] | None:
    """Grid column → the index of the one template header cell its piece of the header line belongs to (columns
    whose piece overlaps two header cells, or none, are left out); None where no line just above the row is a
    header whose pieces join into the template's header cells."""
    by_line: dict[int, list[Token]] = {}
    for t in r.tokens[max(0, label - 80) : label]:
        if line - _LOOK_UP <= t[LINE] < line and t[TABBED]:
            by_line.setdefault(t[LINE], []).append(t)
    for ln in sorted(by_line, reverse=True):
        cells = [t for t in by_line[ln] if t[COL] > 0 and t[TEXT]]
        if not cells or any(t[IS_NUMBER] for t in cells):
            continue
        owners = _owners(cells)
        if owners is None:
            owners = _stacked_owners(cells)
        if owners is not None:
            return owners
    return None


def _owners(cells: Sequence[Token]) -> dict[int, int] | None:
    pieces = [(t[COL], ideographs(t[TEXT])) for t in cells]
    joined = "".join(p for _, p in pieces)
    bounds = _segment(joined)
    if not bounds:
        return None
    owners: dict[int, int] = {}
    at = 0
    for col, piece in pieces:
        lo, hi = at, at + len(piece)
        at = hi
        hit = [k for k, (a, b) in enumerate(bounds) if a < hi and lo < b]
        if len(hit) == 1:
            owners[col] = hit[0]
    return owners


_CELL_CHARS = [Counter(cell) for cell in _CELLS]
_MAX_RUN = 4  # grid columns one header cell's pieces span at most


def _stacked_owners(cells: Sequence[Token]) -> dict[int, int] | None:
    """Grid column → header cell, from runs of neighbouring columns whose ideographs are one template header cell's
    characters exactly (its wrapped lines laid out line by line); None where no such run of two columns or more
    exists, or two overlap."""
    pieces = [(t[COL], ideographs(t[TEXT])) for t in cells]
    runs: list[tuple[int, int, int]] = []  # (first piece, last piece, header cell)
    for i in range(len(pieces)):
        chars: Counter[str] = Counter()
        for j in range(i, min(len(pieces), i + _MAX_RUN)):
            if j > i and pieces[j][0] != pieces[j - 1][0] + 1:
                break
            chars.update(pieces[j][1])
            hits = [k for k, cell in enumerate(_CELL_CHARS) if cell == chars]
            if j > i and len(hits) == 1 and all(pieces[m][1] for m in range(i, j + 1)):
                runs.append((i, j, hits[0]))
    if not runs:
        return None
    for a, b in itertools.combinations(runs, 2):
        if a[0] <= b[1] and b[0] <= a[1]:
            return None
    return {pieces[m][0]: cell for i, j, cell in runs for m in range(i, j + 1)}


def _segment(joined: str) -> list[tuple[int, int]] | None:
    """The spans of ``joined`` read as a run of the template's header cells, when exactly one reading exists."""
    if not joined:
        return None
    ways: list[list[list[tuple[int, int]]]] = [[] for _ in range(len(joined) + 1)]
    ways[0] = [[]]
    for i in range(len(joined)):
        if not ways[i]:
            continue
        for cell in _CELLS:
            if joined.startswith(cell, i):
                ways[i + len(cell)].extend([*w, (i, i + len(cell))] for w in ways[i][:2])
    done = ways[len(joined)]
    return done[0] if len(done) == 1 else None

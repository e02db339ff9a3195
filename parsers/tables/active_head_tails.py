"""Table 二's header cells cut in two by pdfminer.six's boxes, each column's values printed under its head's last piece.

A header cell that wraps (``本年制发件`` over ``数``: Chromium's print of a narrow column) is two text lines far
enough apart for pdfminer (``pdf2txt.py`` with its default LAParams) to make them two boxes. The heads' first
lines stand in one row and group as one (``本年制发件 / 本年废止件 / 现行有效件``); each last line (``数``) stands
right over its column's values and groups with them, so the text prints each column as its head's last piece and
then the column's values, top down (tuning seed 7468, ``pdf-pdfminer``: ``数 0 10 数 0 1 数 0 0``, the columns of
规章 and 行政规范性文件). Which column a last piece closes its text does not say (``数`` closes all three); where
every column's group holds the same rows (the last piece and every row's value: each piece followed by exactly as
many values as the block has rows), the groups differ only in where they stand across the page, and pdfminer
orders such siblings from the left (``LTTextGroupLRTB``: by ``x0`` where their heights agree): the k-th piece
is the k-th column's. A group of another height (a column printed with fewer or more values after its piece:
7311, ``数 0 数 0 数 14 0``, the other row's values elsewhere) may print before its left neighbour: nothing is read.

:func:`read_head_tails` reads a block of table 二 so, where the text prints, with nothing between, one last piece
a column, each followed by exactly as many values as the block has rows, each value of its column's kind, no two
of a run on one line (one box is one column), no page's end among them; the heads' first pieces, each that
column's head less its last piece, printed before them in the columns' order; and one block present with those
columns and more than one row (2019's （五） and （六） share their heads: left). Only cells left blank are read; a
cell another reading put a value in must agree with this one, or the block is not read. Reported as
``active_head_tails`` (review suggested: the placement is pdfminer's order of equal groups, not printed).
"""

from __future__ import annotations

import itertools

from parsers.tables.active_blocks import kind_fits, table_two_bounds, titled_blocks
from parsers.tables.active_heads import columns_named, head_piece
from parsers.tables.ideographs import ideographs
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_HEADER_CELLS
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE, START, TEXT, Token, number_value

_FIRST_PIECES = 16  # tokens before the first last piece, at most, that the heads' first pieces are looked for in


def _ideographs(tok: Token) -> str:
    return ideographs(tok[COMPACT])


def _head_cell(column: str) -> str | None:
    """The header cell that names ``column`` alone (``本年制发件数``), None where there is not exactly one."""
    cells = [cell for cell in ACTIVE_HEADER_CELLS if columns_named(cell) == [column]]
    return cells[0] if len(cells) == 1 else None


def _columns_at(r: Reading, i: int, end: int, n_cols: int, n_rows: int) -> list[tuple[str, list[Token]]] | None:
    """From token ``i``: ``n_cols`` last pieces, each followed by exactly ``n_rows`` values (each piece's text and
    its values), nothing else between; None where the text does not print that."""
    tokens = r.tokens
    out = []
    for _ in range(n_cols):
        if i >= end or tokens[i][IS_VALUE]:
            return None
        piece = _ideographs(tokens[i])
        if not piece or not head_piece(tokens[i]) or columns_named(piece):
            return None
        values = list(tokens[i + 1 : i + 1 + n_rows])
        if len(values) < n_rows or not all(t[IS_VALUE] for t in values):
            return None
        out.append((piece, values))
        i += 1 + n_rows
    if i < end and tokens[i][IS_VALUE]:
        return None  # a run longer than a column
    return out


def _first_pieces_before(r: Reading, at: int, firsts: list[str]) -> bool:
    """The heads' first pieces print, in the columns' order, among the titles and heads right before token
    ``at`` (no value between)."""
    tokens = r.tokens
    k = at
    while k > max(0, at - _FIRST_PIECES) and not tokens[k - 1][IS_VALUE]:
        k -= 1
    words = "".join(_ideographs(t) for t in tokens[k:at])
    return "".join(firsts) in words


def read_head_tails(r: Reading, fmt: str, start: int, end: int) -> bool:
    """Table 二 (tokens ``start`` to ``end``, or to section 三's heading) read into ``r`` where a block prints as
    the module says, but the cells ``r`` has read already; whether a cell was read."""
    bounds = table_two_bounds(r, fmt, start, end)
    if bounds is None:
        return False
    items, end = bounds
    defaults = ACTIVE_DEFAULTS[fmt]
    titled: set[str] | None = None  # the blocks whose titles print, asked once a block has a cell to read
    read: list[str] = []
    first_tok: Token | None = None
    for item, rows in items.items():
        cols = defaults[rows[0]]
        if len(rows) < 2 or len(cols) < 2 or any(defaults[row] != cols for row in rows):
            continue
        if all((cell := r.cells.get(f"{T}/{row}/{col}")) is not None and cell.raw for row in rows for col in cols):
            continue  # every cell of the block read already: nothing to read (a grid's table, mostly)
        if titled is None:
            titled = titled_blocks(r, start, end)
        if item not in titled or any(
            other != item and other in titled and defaults[items[other][0]] == cols for other in items
        ):
            continue  # the block not named, or another present with the same heads: whose columns, nothing says
        heads = [_head_cell(col) for col in cols]
        found = None
        for i in range(start, end):
            got = _columns_at(r, i, end, len(cols), len(rows))
            if got is None:
                continue
            firsts = []
            for head, (piece, _) in zip(heads, got, strict=True):
                if head is None or not head.endswith(piece) or len(head) == len(piece):
                    break
                firsts.append(head[: -len(piece)])
            else:
                if _first_pieces_before(r, i, firsts):
                    found = got
                    break
        if found is None:
            continue
        values = [tok for _, run in found for tok in run]
        if any("\f" in r.text[a[START] : b[START]] for a, b in itertools.pairwise(values)):
            continue  # a page's end among them: the groups are two pages' boxes
        placed: dict[str, Token] = {}
        for col, (_, run) in zip(cols, found, strict=True):
            if any(a[LINE] == b[LINE] for a, b in itertools.pairwise(run)):
                break  # two values on one line: one row's, not one column's
            if not all(kind_fits(col, tok) for tok in run):
                break
            for row, tok in zip(rows, run, strict=True):
                placed[f"{T}/{row}/{col}"] = tok
        else:
            # a cell read already must agree; the cells left blank are read
            kept = {key: r.cells[key].value for key in placed if key in r.cells and r.cells[key].raw}
            if any(number_value(placed[key][TEXT]) != value for key, value in kept.items()):
                continue
            for key, tok in placed.items():
                if key in kept:
                    continue
                r.cells.pop(key, None)
                r.put(key, tok)
                read.append(f"{key} = {tok[TEXT]}")
                if first_tok is None or tok[START] < first_tok[START]:
                    first_tok = tok
    if first_tok is None:
        return False
    r.warn(
        "active_head_tails",
        "table 二: a block's header cells printed cut in two, each column's values right after its head's last "
        "piece, every column as many as the block's rows (pdfminer's boxes, its groups of one height printed from "
        "the left; parsers/tables/active_head_tails.py): read " + ", ".join(read),
        T,
        first_tok,
    )
    return True

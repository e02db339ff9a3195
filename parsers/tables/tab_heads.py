"""Table 三's rows short of cells in a table of the document's own grid, each value under the column its header names.

A word processor's table wider than the page runs past its right edge (LibreOffice's PDFs of a report whose table 三,
with its label columns, is too wide for a portrait page): the columns past the edge print nothing, heads and values
alike, and the reader's grid (:mod:`parsers.readers.pdf`, the table's ruling) holds a row of five values for seven
cells under a header of five names. Read as text, the identities cannot tell which columns the five are (a row of
zeros but one fits each shift alike: ``placement_open``, every cell blank). The grid can: a value's cell lies under
its column's head, the header's cells being the same grid's. Where the header of the row's own table (its run of TAB
lines, :func:`parsers.tables.named_columns.header_cells`: at least five of the template's applicant names, each in a
cell of its own, in the template's order) names the cell of every value the row prints, and the reader says the
header's names and the row's values are cells of one table (its spans' table), each value is read under its
name, in the template's order; the columns no name heads, or whose cell the row leaves empty, are blank. A guess of
the grid's, so said (``named_columns``). Text without the reader's spans (a converter's Markdown or TAB text, whose
header cells may not stand over the cells they name: colspans dropped) is left to the identities.
"""

from __future__ import annotations

import bisect
import operator

from parsers.tables.align import Fit
from parsers.tables.named_columns import HEAD_NAMES, header_cells
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, N_APP
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import COL, COMPACT, IS_VALUE, LINE, START, TABBED, TEXT, Token

_START = operator.itemgetter(START)


def _index(r: Reading, tok: Token) -> int | None:
    i = bisect.bisect_left(r.tokens, tok[START], key=_START)
    while i < len(r.tokens) and r.tokens[i][START] == tok[START]:
        if r.tokens[i] is tok or r.tokens[i] == tok:
            return i
        i += 1
    return None


def _table_of(r: Reading, tok: Token) -> int | None:
    """The reader's table the token is a cell of (a table run on over a page keeps its number), if it says."""
    return r.where(tok).table


def _names_in(r: Reading, first: int, index: int, header: dict[int, int]) -> list[Token]:
    """The header's name tokens, from the run's first token ``first`` up to ``index``."""
    return [t for t in r.tokens[first:index] if t[COL] in header and t[COMPACT] in HEAD_NAMES]


def short_rows_by_tab_heads(r: Reading, pending: dict[str, list[Token]]) -> dict[str, Fit]:
    """Table 三's rows short of cells (``pending``: their values) read by the names of their grid's header (see the
    module's docstring); the rows not so left in ``pending`` for the identities."""
    if not pending or not r.extracted.spans:
        return {}
    cache: dict[int, dict[int, int] | None] = {}
    firsts: dict[int, int] = {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if not 1 <= len(vals) < N_APP or not all(t[TABBED] for t in vals) or len({t[LINE] for t in vals}) != 1:
            continue
        index = _index(r, vals[0])
        if index is None or (header := header_cells(r, index, cache, firsts)) is None:
            continue
        line = r.line_tokens(vals[0][LINE])
        if [t for t in line if t[TEXT] and t[IS_VALUE]] != vals:
            continue  # the line prints other values (or these are not all of its): not one row of cells
        if any(t[TEXT] and not t[IS_VALUE] and t[COL] in header for t in line):
            continue  # a word under a name: no row of values there
        columns = [header.get(t[COL]) for t in vals]
        if None in columns or len({t[COL] for t in vals}) != len(vals):
            continue  # a value under no name, or two in one cell
        placed = [c for c in columns if c is not None]
        if placed != sorted(set(placed)):
            continue
        table = _table_of(r, vals[0])
        first = firsts.get(index, index)
        names = _names_in(r, first, index, header)
        if table is None or any(_table_of(r, t) != table for t in (*vals, *names)):
            continue  # the reader does not say the names and the values are cells of one table
        laid: list[Token | None] = [None] * N_APP
        for t, c in zip(vals, placed, strict=True):
            laid[c] = t
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "named_columns",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells in a row of the table's own grid, each read under "
            "the column name the grid's header prints over its cell ("
            + " ".join(HEAD_NAMES[c] for c in sorted(header.values()))
            + f"); {', '.join(blank)} blank (no name heads the column, or the row leaves its cell empty: a table "
            "cut at the page's edge prints nothing past it)",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out

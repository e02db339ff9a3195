"""Table 三's cells placed under the columns its header names, where a converter dropped a column.

A table row of cells (TAB/pipe lines) is read right-aligned with the template's seven applicant columns
(:func:`parsers.tables.align.positional`): its last cell is 总计. pandoc's reading of a DOCX whose table 三 begins
with merged header cells (LibreOffice Writer's DOCX of a portal page) drops the table's last column from the rows
above the first page-wide row (``-t gfm`` and grid tables print 自然人 … 其他 over six value cells, and no 总计):
read right-aligned, every such row slides one column right (其他's value read as 总计). Where a header line of the
table's own cells names the applicant columns (at least five of the template's names, in its order, one a cell),
a row whose every value stands in a cell under one of those names is read by the names (``named_columns``, a
warning a row): the column the header does not name is left blank, never summed. A header whose cells stand over
the row's cells where right-alignment puts them changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, COMPACT, IS_VALUE, LINE, TABBED, TEXT, Token

# the template's applicant columns as the header prints them (``APPLICANT_COLUMNS``' order)
HEAD_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
MIN_NAMES = 5


def header_cells(r: Reading, first: int) -> dict[int, int] | None:
    """The cell index → applicant column of the last TAB line of the table's own lines before its first row (token
    ``first``: the TAB lines that run up to it) whose cells name at least :data:`MIN_NAMES` applicant columns, each
    once, in the template's order (None: no such line)."""
    tokens = r.tokens
    start = first
    while start > 0 and tokens[start - 1][TABBED]:
        start -= 1
    by_line: dict[int, list[Token]] = {}
    for t in tokens[start:first]:
        if t[TABBED] and t[TEXT]:
            by_line.setdefault(t[LINE], []).append(t)
    found: dict[int, int] | None = None
    for line in sorted(by_line):
        named = [(t[COL], HEAD_NAMES.index(t[COMPACT])) for t in by_line[line] if t[COMPACT] in HEAD_NAMES]
        columns = [c for _, c in named]
        cells = [k for k, _ in named]
        if (
            len(named) >= MIN_NAMES
            and columns == sorted(set(columns))
            and cells == sorted(set(cells))
            and all(t[COMPACT] in HEAD_NAMES for t in by_line[line][1:])  # the names, and a corner cell at most
        ):
            found = dict(named)
    return found


def by_names(row: Sequence[Token], line: Sequence[Token], header: dict[int, int], n: int) -> list[Token | None] | None:
    """``line``'s cells placed under ``header``'s names, where that differs from ``row`` (its right-aligned
    reading) and every value cell of the line stands under a name; else None."""
    values = [t for t in line if t[TEXT] and t[IS_VALUE]]
    if not values or any(t[COL] not in header for t in values):
        return None
    placed: list[Token | None] = [None] * n
    for t in line:
        if t[COL] in header:
            placed[header[t[COL]]] = t
    if [t[COL] if t is not None else None for t in placed] == [t[COL] if t is not None else None for t in row]:
        return None
    return placed

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

import re
from collections.abc import Sequence

from parsers.tables.blank_rows import terminal_width as _width
from parsers.tables.reading import Reading
from parsers.tables.tokens import COL, COMPACT, IS_VALUE, LINE, TABBED, TEXT, Token

# the template's applicant columns as the header prints them (``APPLICANT_COLUMNS``' order)
HEAD_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
MIN_NAMES = 5


def header_cells(
    r: Reading, index: int, cache: dict[int, dict[int, int] | None], firsts: dict[int, int]
) -> dict[int, int] | None:
    """The cell index → applicant column the header of token ``index``'s table names: the TAB lines that run up to
    its line without a gap (one pipe table; a table split in two, its header repeated, has a header each), their
    cells naming at least :data:`MIN_NAMES` applicant columns together, each name once and in the template's order
    from cell to cell (None: no such header). ``cache`` keeps each table's header by its first token; ``firsts``
    each token asked about before by its table's first token, so that the walk back to a table's first token stops
    at the row asked about before (a table's rows cost one walk over it, not one each)."""
    tokens = r.tokens
    if not tokens[index][TABBED]:
        return None
    first = index
    while first > 0 and tokens[first - 1][TABBED] and tokens[first][LINE] - tokens[first - 1][LINE] <= 1:
        if first in firsts:  # the run from here back is the one walked before
            first = firsts[first]
            break
        first -= 1
    firsts[index] = first
    if first in cache:
        return cache[first]
    named: dict[int, int] = {}  # cell → column
    for t in tokens[first:index]:
        if t[COMPACT] in HEAD_NAMES:
            column = HEAD_NAMES.index(t[COMPACT])
            at = named.get(t[COL])
            if (at is not None and at != column) or (at is None and column in named.values()):
                named = {}  # a name twice, or two names over one cell: no header to go by
                break
            named[t[COL]] = column
    cells = sorted(named)
    ordered = [named[c] for c in cells] == sorted(named.values())
    cache[first] = named if len(named) >= MIN_NAMES and ordered else None
    return cache[first]


def by_names(
    row: Sequence[Token | None], line: Sequence[Token], header: dict[int, int], n: int
) -> list[Token | None] | None:
    """``line``'s cells placed under ``header``'s names, where that differs from ``row`` (its right-aligned
    reading) and every value of the line stands alone in a cell under a name; else None. A cell under a name that
    prints text which is no value (OCR's ``U`` for a 0) leaves ``row`` as it is: ``row`` has read that cell blank
    (``unreadable_cell``) or as the digit it looks like, and no cell may hold a word."""
    # one pass over the line's cells (every row of a table whose header names its columns comes here)
    placed: list[Token | None] = [None] * n
    value_cols: set[int] = set()
    for t in line:
        col = t[COL]
        at = header.get(col)
        if t[TEXT]:
            if t[IS_VALUE]:
                if at is None or col in value_cols:
                    return None  # a value under no name, or two values in one cell (``merged_cells``: positional's)
                value_cols.add(col)
            elif at is not None:
                return None  # a word under a name
        if at is not None:
            placed[at] = t
    if not value_cols:
        return None
    if [t[COL] if t is not None else None for t in placed] == [t[COL] if t is not None else None for t in row]:
        return None
    return placed


# ------------------------------------------------------------------------------ pandoc's tables laid out by spaces
# pandoc's simple and multiline tables (its plain and Markdown writers): a ruler of dash runs, one a column; the
# table's frame a line of one dash run
_RULER_LINE = re.compile(r"^ *-{2,}(?: +-{2,}){2,} *$")
_FRAME_LINE = re.compile(r"^ *-{3,} *$")
NAMES_REACH = 40  # lines above a row searched for its table's frame


def _runs(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"-+", line)]


def _run_of(runs: Sequence[tuple[int, int]], x0: int, x1: int) -> int | None:
    hits = [k for k, (a, b) in enumerate(runs) if a <= x0 and x1 <= b]
    return hits[0] if len(hits) == 1 else None


def names_by_ruler(text: str, spans: Sequence[tuple[int, int]], n: int) -> list[int] | None:
    """The applicant column of each value of a short row of table 三 printed on one line of a pandoc table laid
    out by spaces (``spans``: the values' offsets in the text as printed), by the column names its header prints:
    the lines from the table's frame (a line of one dash run) down to the row hold a ruler (dash runs, one a
    column; a CJK character two columns wide, as pandoc lays them) and at least :data:`MIN_NAMES` of the
    template's applicant column names, each alone in a ruler column, each once, in the template's order. Each
    value must stand in a ruler column that a name stands in, no two values in one. pandoc's reading of a DOCX
    whose table 三 begins with merged header cells prints no 总计 column there: the row's values read right-aligned
    would each slide one column. None when the text is not so."""
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    line_end = text.find("\n", spans[0][0])
    line_end = len(text) if line_end < 0 else line_end
    if spans[-1][1] > line_end or text[line_start : spans[0][0]].strip() == "":
        return None  # not one line, or no label before the values
    lines: list[tuple[int, str]] = []  # the table's lines above the row, nearest first
    at = line_start
    for _ in range(NAMES_REACH):
        if at == 0:
            return None
        begin = text.rfind("\n", 0, at - 1) + 1
        line = text[begin : at - 1]
        if _FRAME_LINE.match(line):
            break
        lines.append((begin, line))
        at = begin
    else:
        return None
    rulers = [line for _, line in lines if _RULER_LINE.match(line)]
    if len(rulers) != 1:
        return None
    runs = _runs(rulers[0])
    named: dict[int, int] = {}  # ruler column → applicant column
    for _, line in lines:
        for m in re.finditer(r"\S+", line):
            if m.group() not in HEAD_NAMES:
                continue
            x0 = _width(line[: m.start()])
            run = _run_of(runs, x0, x0 + _width(m.group()))
            column = HEAD_NAMES.index(m.group())
            if run is None or run in named or column in named.values():
                return None  # a name astride two columns, two names in one, or a name twice: no header to go by
            named[run] = column
    if len(named) < MIN_NAMES or [named[k] for k in sorted(named)] != sorted(named.values()):
        return None
    out: list[int] = []
    for a, b in spans:
        x0 = _width(text[line_start:a])
        run = _run_of(runs, x0, x0 + _width(text[a:b]))
        if run is None or run not in named or named[run] >= n or named[run] in out:
            return None
        out.append(named[run])
    return out if out == sorted(out) else None

"""Table 二's columns: the column keys each 第二十条 block's header names, its cells wrapped, stacked or printed
above the first column's."""

from __future__ import annotations

import functools
import re

from parsers.grid_wraps import display
from parsers.tables.active_rows import LABELS, LABELS_ENDINGS, LABELS_LONGEST_FIRST
from parsers.tables.ideographs import ideographs
from parsers.tables.reading import Reading
from parsers.tables.templates import (
    ACTIVE_DEFAULTS,
    ACTIVE_HEADER_CELLS,
    ACTIVE_HEADERS,
    ACTIVE_ROWS,
    RowDef,
)
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    COL,
    COMPACT,
    IS_LABELISH,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
)


def after_header(label: str) -> tuple[str, RowDef] | None:
    """A row label printed against the end of a header cell (PyMuPDF's sorted text joins the header's last cell
    and the row's label when they share a line: ``本年增/减行政事业性收费``): the header's text and the row, when
    the label ends with a row's whole label and what comes before it names a column."""
    if LABELS is None or not label.endswith(LABELS_ENDINGS):  # most labels end with no row's (one test in C)
        return None
    for whole in LABELS_LONGEST_FIRST:
        head = label[: -len(whole)]
        if label.endswith(whole) and head and header_keys(head):
            row = next((row for row in ACTIVE_ROWS if row.matches(whole)), None)
            return (head, row) if row is not None else None
    return None


def row_columns(
    r: Reading,
    blocks: list[int],
    i: int,
    key: str,
    default: tuple[str, ...] | None,
    head: str | None = None,
    own: list[Token] | None = None,
    glued: Token | None = None,
) -> tuple[str, ...] | None:
    """The row's columns: its block's header, or the format's default when the header lost some of its
    columns (a header cell unreadable) and the row carries a value for every default column (on its label's line,
    or else ``own``: the values between its label and the next label or block, a wrapped label's row; ``glued``, a
    number printed against the row's label, counted as its first: pymupdf4llm's layout grid prints
    ``|行政规范性文件0<br>117<br>132|`` under a header whose cell 对外公开总数量 a grid rule cut). ``head``: the
    header's text printed against the row's label, if any."""
    header = _header_columns(r, blocks, i, head)
    if header is not None and default is not None and header != default and set(header) == set(default):
        if _named_above_first_column(r, blocks, i):
            why = "a cell of it prints above the first column's 信息内容 (a taller cell's first line, read first)"
        elif _header_wrapped(r, blocks, i):
            why = (
                "its cells wrap over several lines, and the order of their fragments is a reading of the text's "
                "lines, not of the page"
            )
        else:
            why = ""
        if why:
            r.warn(
                "header_columns",
                f"{T}/{key}: the header names {', '.join(header)} in that order, but {why}: read with the "
                f"template's order {', '.join(default)}",
                f"{T}/{key}",
                r.tokens[i],
            )
            return default
    valid = {c for cols in ACTIVE_DEFAULTS.values() for c in cols.get(key, ())}
    if header is not None and set(header) & valid and not set(header) <= valid:
        # a block whose title was lost: the header above also names the previous block's columns
        header = tuple(c for c in header if c in valid)
    if header is not None and default is not None and not set(header) & valid:
        # another block's header (a header repeated after a page break): not this row's columns
        r.warn(
            "header_columns",
            f"{T}/{key}: the header above it names {', '.join(header)}, no column of this row; read with the "
            f"template's columns {', '.join(default)}",
            f"{T}/{key}",
            r.tokens[i],
        )
        return default
    if header is None or default is None or len(header) >= len(default) or not set(header) <= set(default):
        return header or default
    values = [t for t in r.line_after(i) if t[IS_VALUE]] or [
        t for t in r.tokens[i + 1 : i + 1 + len(default)] if t[LINE] == r.tokens[i][LINE] and t[IS_VALUE]
    ]
    if not values and own is not None:
        values = own
    if glued is not None and glued[IS_VALUE]:
        values = [glued, *values]
    if len(values) != len(default):
        if r.extracted.ocr and (cell := _unnamed_cell(r, blocks, i, header, default)) is not None:
            r.warn(
                "header_columns",
                f"{T}/{key}: the header names only {', '.join(header)}; its cell {cell!r} names no column (a "
                f"misread) and stands where the template puts the one left: read with the template's columns "
                f"{', '.join(default)}",
                f"{T}/{key}",
                r.tokens[i],
            )
            return default
        return header
    r.warn(
        "header_columns",
        f"{T}/{key}: the header names only {', '.join(header)}; the row has {len(default)} values, read as the "
        f"template's columns {', '.join(default)}",
        f"{T}/{key}",
        r.tokens[i],
    )
    return default


def _unnamed_cell(
    r: Reading, blocks: list[int], i: int, header: tuple[str, ...], default: tuple[str, ...]
) -> str | None:
    """The text of the one cell of the row's block header line (the scan reader's TAB line, one field a grid cell)
    that names no column, where the other cells name every column of ``default`` but one and that cell stands where
    the template's order puts it (an engine's misread header cell, ``本年废上件数``), and the row's line has the
    header line's fields (each value then read under its field: ``header_fields.by_header_fields``); else None."""
    if len(default) - len(header) != 1 or (line := header_line(r, blocks, i)) is None:
        return None
    if len(r.line_after(i)) != len(line) - 1:
        return None
    named = [(tok[COL], keys) for tok in line[1:] if tok[TEXT] for keys in [header_keys(tok[COMPACT])]]
    unnamed = [col for col, keys in named if not keys]
    if len(unnamed) != 1 or any(len(keys) != 1 or keys[0] not in header for _, keys in named if keys):
        return None
    left = next(c for c in default if c not in header)
    after = {c: default.index(c) > default.index(left) for c in header}
    if not all((col > unnamed[0]) == after[keys[0]] for col, keys in named if keys):
        return None
    return next(tok[TEXT] for tok in line[1:] if tok[COL] == unnamed[0])


def _named_above_first_column(r: Reading, blocks: list[int], row_index: int) -> bool:
    """A header cell printed on a line above the one of 信息内容, the template's first column: text that groups a
    page's boxes into lines (OCR services) prints a cell taller than its neighbours (wrapped in more lines, centred)
    from its first line, above the others; its place among the columns is then not what the lines say."""
    block = max((b for b in blocks if b < row_index), default=None)
    if block is None:
        return False
    region = r.tokens[block + 1 : row_index]
    first = next((tok for tok in region if tok[COMPACT].startswith("信息内容")), None)
    return first is not None and any(
        tok[IS_LABELISH] and tok[LINE] < first[LINE] and header_keys(tok[COMPACT]) for tok in region
    )


def _header_wrapped(r: Reading, blocks: list[int], row_index: int) -> bool:
    """The header's cells (信息内容 aside) print on more than one line: wrapped cells, whose fragments text without
    the page's positions (single spaces, a line's words in reading order) joins by guesswork. A header printed on
    one line in another order than the template's is read as printed."""
    block = max((b for b in blocks if b < row_index), default=None)
    if block is None:
        return False
    lines = {
        tok[LINE]
        for tok in r.tokens[block + 1 : row_index]
        if tok[IS_LABELISH] and not tok[COMPACT].startswith("信息内容") and ideographs(tok[TEXT])
    }
    return len(lines) > 1


def _header_columns(r: Reading, blocks: list[int], row_index: int, head: str | None = None) -> tuple[str, ...] | None:
    """The column keys named by the header of the block that holds the row (and by ``head``, the header's text
    printed against the row's label)."""
    block = max((b for b in blocks if b < row_index), default=None)
    if block is None:
        return None
    region = r.tokens[block + 1 : row_index]
    heads = [tok for tok in region if tok[IS_LABELISH]]
    named: list[tuple[int, int, str]] = []  # (line, column, key)
    if len({tok[LINE] for tok in heads}) > 1:
        # the fragments of a cell wrapped in laid-out text are joined first; its columns go left to right
        named = sorted(_stacked_keys(r, region, heads), key=lambda item: item[1])
    if not named:
        named = [(tok[LINE], _column(r, tok[START]), key) for tok in heads for key in header_keys(tok[COMPACT])]
        lines = {line for line, _, _ in named}
        if len(lines) > 1 and max(lines) - min(lines) <= 4 and not _stacked_cells(r, heads):
            # a header whose cells wrap over several lines of laid-out text (``上一年项目数`` ``本年处理决定`` on
            # one line, ``本年增/减`` centred on the next): its columns go left to right, not in the lines' order
            named.sort(key=lambda item: item[1])
        named = _cut_across_cells(r, region, heads) or named
    if head is not None:
        tok = r.tokens[row_index]
        named += [(tok[LINE], _column(r, tok[START]), key) for key in header_keys(head)]
    cols: list[str] = []
    for _, _, key in named:
        if key not in cols:
            cols.append(key)
    return tuple(cols) or None


def _cut_across_cells(r: Reading, region: list[Token], heads: list[Token]) -> list[tuple[int, int, str]]:
    """The header's column keys when its one TAB line's cells, joined, name more columns than each cell alone: a
    grid cut where the page's rules are, through the header's words (pymupdf4llm's layout mode:
    ``|信息内容<br>采购项目数量本年收费金|额|（|单||位||：|万|元|）|``, ``|本|年||增|/|减|``). Empty otherwise."""
    lines = {tok[LINE] for tok in heads}
    if len(lines) != 1 or not all(tok[TABBED] for tok in heads):
        return []
    (line,) = lines
    cells = [tok for tok in region if tok[LINE] == line]
    keys = header_keys("".join(tok[COMPACT] for tok in cells))
    if len(keys) <= sum(len(header_keys(tok[COMPACT])) for tok in heads):
        return []
    return [(line, _column(r, cells[0][START]), key) for key in keys]


def _stacked_cells(r: Reading, heads: list[Token]) -> bool:
    """The header's cells stand one a line, each above the next (lynx, w3m: a narrow table's cells centred on
    lines of their own): two cells of different lines overlap across the page, which the cells of one row laid
    out side by side never do. Read in the lines' order, the template's order of the cells."""
    cells = [t for t in heads if header_keys(t[COMPACT])]
    spans = [(t[LINE], _column(r, t[START]), _column(r, t[START]) + display(t[TEXT])) for t in cells]
    return any(a[0] != b[0] and a[1] < b[2] and b[1] < a[2] for i, a in enumerate(spans) for b in spans[i + 1 :])


def _column(r: Reading, offset: int) -> int:
    """The column of a text offset within its line."""
    return offset - r.text.rfind("\n", 0, offset)


_STACK_LINES = 4  # a cell's next fragment is at most this many lines below (other cells' centred text between)


_STACK_SLACK = 6  # laid-out text shifts a fragment that follows other text on its line by a few columns


@functools.lru_cache(maxsize=1024)
def _begins_header_cell(ideographs: str) -> bool:
    return any(cell.startswith(ideographs) for cell in ACTIVE_HEADER_CELLS)


class _Stack:
    """The fragments of one header cell joined so far."""

    __slots__ = ("column", "hi", "ideographs", "line", "lo", "text", "top")

    def __init__(self, line: int, lo: int, hi: int, text: str, ideographs: str) -> None:
        self.line, self.column, self.lo, self.hi, self.text, self.ideographs = line, lo, lo, hi, text, ideographs
        self.top = line


def _stacked_keys(r: Reading, region: list[Token], heads: list[Token]) -> list[tuple[int, int, str]]:
    """The header's column keys (line, column, key) when the fragments of cells wrapped in laid-out text are
    joined first: each fragment (a token's whitespace-separated parts: ``信息内 新制 新公 公开``) continues the cell
    above it — a line or a few further up — when the joined text begins a header cell of the template (``上一`` /
    ``年项`` / ``目数`` / ``量``; ``本`` / ``年`` / ``增/`` / ``减``). A line's fragments continue the cells above in
    their left-to-right order (laid-out text shifts a fragment that follows other text on its line by a few
    columns, never past its neighbour): the most continuations, then the nearest columns. Empty when joining
    names no more columns than the tokens do alone."""
    lines: dict[int, list[tuple[int, int, str, str]]] = {}  # line → (first column, end column, text, ideographs)
    for tok in region:
        if tok[IS_NUMBER] or (not tok[IS_LABELISH] and not ideographs(tok[TEXT])):
            continue  # values (a lone 一 of a wrapped 上一年 reads as a dash: it is a fragment here)
        x = _column(r, tok[START])
        for m in re.finditer(r"\S+", tok[TEXT]):
            kept = ideographs(m.group())
            if kept:
                lines.setdefault(tok[LINE], []).append((x + m.start(), x + m.end(), m.group(), kept))
    stacks: list[_Stack] = []
    for line in sorted(lines):
        pieces = sorted(lines[line])
        open_ = sorted((s for s in stacks if 0 < line - s.line <= _STACK_LINES), key=lambda s: s.lo)
        taken: set[int] = set()
        for s, j in _continuations(open_, pieces):
            lo, hi, text, kept = pieces[j]
            s.line, s.lo, s.hi, s.text, s.ideographs = line, lo, hi, s.text + text, s.ideographs + kept
            taken.add(j)
        stacks += [_Stack(line, *p) for j, p in enumerate(pieces) if j not in taken and _begins_header_cell(p[3])]
    out = [(s.top, s.column, key) for s in stacks for key in header_keys(s.text)]
    alone = sum(len(header_keys(tok[COMPACT])) for tok in heads)
    return out if len(out) > alone else []


def _continuations(stacks: list[_Stack], pieces: list[tuple[int, int, str, str]]) -> list[tuple[_Stack, int]]:
    """The pieces of one line (their indexes) that continue the cells above, matched in left-to-right order on
    both sides: the most matches, then the least distance between columns (a small dynamic programme)."""
    m, n = len(stacks), len(pieces)

    def gain(i: int, j: int) -> int | None:  # minus the distance, or None when the piece cannot continue it
        s, (a, b, _, ideographs) = stacks[i], pieces[j]
        distance = max(a - s.hi, s.lo - b, 0)
        ok = distance <= _STACK_SLACK and _begins_header_cell(s.ideographs + ideographs)
        return -distance if ok else None

    # best[i][j]: (matches, minus the distance) with stacks[i:] and pieces[j:]
    best = [[(0, 0)] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            g = gain(i, j)
            after = best[i + 1][j + 1]
            best[i][j] = max(best[i + 1][j], best[i][j + 1], (after[0] + 1, after[1] + g) if g is not None else (0, 0))
    out: list[tuple[_Stack, int]] = []
    i = j = 0
    while i < m and j < n:
        g = gain(i, j)
        after = best[i + 1][j + 1]
        if g is not None and best[i][j] == (after[0] + 1, after[1] + g):
            out.append((stacks[i], j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


@functools.lru_cache(maxsize=2048)
def header_keys(compact: str) -> tuple[str, ...]:
    """The column keys a header cell names, in their order (one cell may hold several headers: a row printed
    without cell separators). Cached: every row of a block reads the same header cells."""
    hits: dict[int, str] = {}
    for pattern, key in ACTIVE_HEADERS:
        for m in re.finditer(pattern, compact):
            if not any(abs(m.start() - at) < 2 for at in hits):
                hits[m.start()] = key
    return tuple(key for _, key in sorted(hits.items()))


def header_line(r: Reading, blocks: list[int], row_index: int) -> list[Token] | None:
    """The TAB line of the header of the block that holds the row (信息内容 and the cells after it), when the row's
    label is on a TAB line too; else None."""
    block = max((b for b in blocks if b < row_index), default=None)
    ocr = r.extracted.ocr
    if (block is None and not ocr) or not r.tokens[row_index][TABBED]:
        return None
    start = -1 if block is None else block
    heads = [k for k in range(start + 1, row_index) if r.tokens[k][COMPACT].startswith("信息内容")]
    # the scan reader's text: the nearest header above the row, the block's heading read or not (synth_5471: the
    # headings of (一), (五) and (六) read only in a run of the table's text above its grid, the grid's rows and
    # headers with none); other text: the first after the block's heading, as before
    head = (heads[-1] if ocr else heads[0]) if heads else None
    if head is None or not r.tokens[head][TABBED]:
        return None
    return [r.tokens[head], *r.line_after(head)]

"""Table 二 printed as pdfminer.six's text boxes: each block's values in a run right after its header's cells.

pdfminer (``pdf2txt.py`` with its default LAParams, ``high_level.extract_text``) makes each cell of table 二 a box
and prints the tree of its merges of the nearest boxes (:mod:`parsers.tables.column_blocks`): a block's row labels,
its header cells and its values come apart, the blocks' titles and labels anywhere among them (tuning seeds
3200–3219: every label of every block first, then each block's header and values; or a block's values after the
next block's title; or each column's head followed by that column's values, wkhtmltopdf's narrow tables). What
the text does show: a run of values printed right after header cells is the values of the cells under them.

:func:`read_active_boxes` reads such runs only (tokens ``start`` to section 三's title), each where the text decides
it:

- the run follows its header's cells directly (the token before its first value a piece of a header cell; a row
  label right before the values, 3209 with LibreOffice/Web's PDF: ``其他对外管理服务事项 63 434 …`` where 63 is the
  second row's, is no such run), and those pieces joined name either every column of one block (``本年制发件数 本年
  废止件数 现行有效件数``), or one column of it alone;
- the block is the only one present (by its title or its row labels, anywhere in the table) with those columns
  and that many cells, or the only such block the text names (title or whole label column) among the titles, heads
  and labels right before the run (2021's （五） and （六） share their one column, 本年处理决定数量; a title printed
  before the run names nothing where its block has other heads); where several runs fit several blocks alike
  (2019's （五） and （六）: the same three heads, two rows each) and are as many as they, the blocks in the order
  the text prints their titles (else the template's) take the runs in the text's order (pdfminer prints a block's
  boxes in its groups' order, the block's title among them: the upper block's first on a plain page, but not
  always: tuning seeds 7926 and 10437), the warning saying so;
- a value printed on its row label's line (``行政处罚 305``) is that row's, where the line prints exactly the
  row's cells;
- the run has exactly as many values as the cells under those heads (a blank cell that prints nothing leaves the
  run short: the block is left blank, ``placement_open``), each of its column's kind
  (:func:`parsers.tables.active_blocks.kind_fits`).

A column's values, or a row's, print in the grid's order. A block of several rows and columns prints in one of
the orders pdfminer's nested boxes make (:func:`box_orders`: bands of rows, groups of columns in them, bands of
rows in those, each printed column after column); orders that put two values of one text line in other than
neighbouring cells of one row, or two values on adjacent lines (one box) in other than neighbouring cells of one
column, are set aside. A cell on which every order left agrees is read; the others are left blank
(``placement_open``, naming the values): table 二 has no identity to choose among them. Reported as
``active_boxes`` (review suggested); the text's ``column_order`` warning keeps the report's review required.
"""

from __future__ import annotations

import functools
import itertools
import re

from parsers.tables.active_blocks import ITEM_ROWS, ITEM_TITLE, kind_fits, table_two_bounds, titled_blocks
from parsers.tables.active_heads import columns_named, head_piece, one_head
from parsers.tables.ideographs import ideographs
from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_DEFAULTS, ACTIVE_ROWS, full_labels
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import COMPACT, END, IS_VALUE, LINE, START, TEXT, Token

GridCell = tuple[int, int]  # (row, column) within a block
_SECTION_TWO = r"主动公开政府信息情况$"
_BEFORE = 40  # tokens before the first block's title, at most, that section 二's heading is looked for in
_LABELS = {row.key: min(full_labels([row]) or {row.key}, key=len) for row in ACTIVE_ROWS}
_FULL_LABELS = full_labels(ACTIVE_ROWS) or frozenset()


def _label_piece(tok: Token) -> bool:
    """The token prints a row label of table 二 or a piece of one (a label wrapped into lines)."""
    text = ideographs(tok[COMPACT])
    return bool(text) and any(text in label for label in _FULL_LABELS)


def _in_head(tok: Token) -> bool:
    """The token is a block's title, a piece of a header cell or of a row label."""
    return not tok[IS_VALUE] and (head_piece(tok) or _label_piece(tok) or ITEM_TITLE.search(tok[COMPACT]) is not None)


@functools.cache
def _label_column(fmt: str) -> dict[str, re.Pattern[str]]:
    """Each block's label column: its row labels in the template's order."""
    rows = {row.key: row for row in ACTIVE_ROWS}
    return {
        item: re.compile("".join("(?:" + "|".join(p.strip("^$") for p in rows[key].patterns) + ")" for key in keys))
        for item, keys in ITEM_ROWS[fmt].items()
    }


@functools.cache
def _label_columns(fmt: str) -> re.Pattern[str]:
    """Whole label columns of blocks, one after another."""
    return re.compile("(?:" + "|".join(f"(?:{c.pattern})" for c in _label_column(fmt).values()) + ")+")


def _whole_label_columns(span: list[Token], fmt: str) -> bool:
    """The label pieces ``span`` ends with, if any, print whole label columns of blocks (a block's labels printed
    as one box or one after another, not a label alone before its row's values: 3209 ``其他对外管理服务事项 63``)."""
    k = len(span)
    while k and _label_piece(span[k - 1]):
        k -= 1
    labels = ideographs("".join(t[COMPACT] for t in span[k:]))
    return not labels or _label_columns(fmt).fullmatch(labels) is not None


def _row_on_its_line(
    r: Reading,
    first: int,
    stop: int,
    items: dict[str, tuple[str, ...]],
    defaults: dict[str, tuple[str, ...]],
    present: list[str],
) -> tuple[str, list[Token]] | None:
    """A run of values printed on the line of its row's label (``行政处罚 305``): the row and its values, where
    the line prints the label whole and exactly the row's cells; None otherwise. A line that is a box of its own
    may print fewer values than the row has cells, the row's other values in boxes elsewhere (``行政规范性文件 7``,
    then ``0``, ``0``, ``1``, ``19``: pdfminer's box of a long label and its row's first cell, tuning seeds 7397,
    7503, 7505, 7514, 7620, 7626): those on the line are the row's first cells, as pdfminer joins into one text
    line only characters a gap of at most twice a character's width apart (its ``char_margin``), and a row's first
    cell, a column of table 二 as wide as its head at least, stands between its label and any other cell of the
    row. The run's values below the line are left (the caller reads the line only where the run fits no block)."""
    tokens = r.tokens
    line = tokens[first][LINE]
    if first == 0 or tokens[first - 1][LINE] != line:
        return None
    k = first
    while k < stop and tokens[k][LINE] == line:
        k += 1
    on_line = r.line_tokens(line)
    if on_line[-1] is not tokens[k - 1]:
        return None
    label = ideographs("".join(t[COMPACT] for t in on_line if not t[IS_VALUE]))
    rows = {row.key: row for row in ACTIVE_ROWS}
    found = [key for item in present for key in items[item] if rows[key].matches(label)]
    n = len(defaults[found[0]]) if len(found) == 1 else 0
    # the line prints the row's cells, or its first cells, where it is a box of its own (pdfminer ends each box
    # with a blank line): a line of other text that prints fewer values than the row's cells may print a blank
    # cell as nothing, and then which cells it prints, the line does not say
    whole = k - first == n and k == stop
    if not whole and not (0 < k - first < n and box_alone(r.text, on_line[0][START], on_line[-1][END])):
        return None
    placed = list(tokens[first:k])
    if not all(kind_fits(col, tok) for col, tok in zip(defaults[found[0]][: len(placed)], placed, strict=True)):
        return None
    return found[0], placed


def box_alone(text: str, start: int, end: int) -> bool:
    """The line from offset ``start`` to ``end`` stands between blank lines (or the text's start): a text box of
    one line in pdfminer's text."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or line_end < 0 or text[end:line_end].strip():
        return False
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
    following = text.find("\n", line_end + 1)
    return not previous.strip() and not text[line_end + 1 : following if following >= 0 else len(text)].strip()


@functools.cache
def box_orders(n_rows: int, n_cols: int) -> tuple[tuple[GridCell, ...], ...]:
    """The orders pdfminer's nested boxes print a grid of ``n_rows`` × ``n_cols`` cells in (the model of
    :mod:`parsers.tables.column_blocks`): the rows in bands, each band's columns in groups from the left, each
    group's rows in bands, each printed column after column. Distinct orders, each the cells in print order."""

    def divisions(lo: int, hi: int) -> list[list[tuple[int, int]]]:
        """Every division of ``lo`` … ``hi - 1`` into consecutive spans."""
        out = []
        for cuts in itertools.product((False, True), repeat=hi - lo - 1):
            edges = [lo, *(lo + k + 1 for k, cut in enumerate(cuts) if cut), hi]
            out.append(list(itertools.pairwise(edges)))
        return out

    def group(r0: int, r1: int, c0: int, c1: int) -> set[tuple[GridCell, ...]]:
        if c1 - c0 == 1:
            return {tuple((r, c0) for r in range(r0, r1))}
        return {
            tuple((r, c) for a, b in bands for c in range(c0, c1) for r in range(a, b)) for bands in divisions(r0, r1)
        }

    def band(r0: int, r1: int) -> set[tuple[GridCell, ...]]:
        out: set[tuple[GridCell, ...]] = set()
        for spans in divisions(0, n_cols):
            for parts in itertools.product(*(group(r0, r1, c0, c1) for c0, c1 in spans)):
                out.add(tuple(cell for part in parts for cell in part))
        return out

    orders: set[tuple[GridCell, ...]] = set()
    for bands in divisions(0, n_rows):
        for parts in itertools.product(*(band(a, b) for a, b in bands)):
            orders.add(tuple(cell for part in parts for cell in part))
    return tuple(sorted(orders))


@functools.cache
def any_column_order(n_rows: int, n_cols: int) -> tuple[tuple[GridCell, ...], ...]:
    """:func:`box_orders` with the columns taken in any order: pdfminer can print a block's right column first
    (tuning seed 3271, ``pdf-lo-pdfminer``: 现行有效件数's 265 176, then 本年制发件数's, then 本年废止件数's), its
    groups ordered by their boxes' places, not the grid's."""
    out = set()
    for perm in itertools.permutations(range(n_cols)):
        for order in box_orders(n_rows, n_cols):
            out.add(tuple((i, perm[j]) for i, j in order))
    return tuple(sorted(out))


def _fits_lines(order: tuple[GridCell, ...], values: list[Token]) -> bool:
    """The order puts two values of one line in neighbouring cells of one row (left to right), two values on
    adjacent lines (one box) in neighbouring cells of one column (top down)."""
    for (a, b), (ta, tb) in zip(itertools.pairwise(order), itertools.pairwise(values), strict=True):
        if tb[LINE] == ta[LINE] and (b[0] != a[0] or b[1] != a[1] + 1):
            return False
        if tb[LINE] == ta[LINE] + 1 and (b[1] != a[1] or b[0] != a[0] + 1):
            return False
    return True


def _runs(r: Reading, start: int, end: int) -> list[tuple[int, int, int]]:
    """The runs of values between tokens ``start`` and ``end``: (first token of the context since the run before,
    first value, end of the run)."""
    out = []
    tokens = r.tokens
    context = start
    i = start
    while i < end:
        if tokens[i][IS_VALUE]:
            j = i
            while j < end and tokens[j][IS_VALUE]:
                j += 1
            out.append((context, i, j))
            context = i = j
        else:
            i += 1
    return out


def _resolved(
    runs: list[tuple[list[tuple[str, list[str]]], list[Token]]],
    titles: dict[str, int],
) -> list[tuple[str, list[str], list[Token], str]]:
    """Each run with the one block (and its columns) it is, and the order that placed it, if one did: the one it
    fits, or, where several runs fit the same several blocks alike (2019's （五） and （六）: the same heads, two rows
    each) and are as many as those blocks, the blocks in the order the text prints their titles (``titles``: each
    block's first title token), where it prints each one's, else in the template's order, one a run in the text's
    order (pdfminer prints a block's boxes in the order of its groups, its title's with them: the upper block's
    first on a plain page; tuning seeds 7926 with pdfminer and 10437 with wkhtmltopdf's PDF print （六）'s title and
    its runs before （五）'s); a run that fits several blocks otherwise is left."""
    alike: dict[tuple[tuple[str, tuple[str, ...]], ...], int] = {}
    for fits, _ in runs:
        if len(fits) > 1:
            key = tuple((item, tuple(columns)) for item, columns in fits)
            alike[key] = alike.get(key, 0) + 1
    seen: dict[tuple[tuple[str, tuple[str, ...]], ...], int] = {}
    out: list[tuple[str, list[str], list[Token], str]] = []
    for fits, values in runs:
        if len(fits) == 1:
            out.append((fits[0][0], fits[0][1], values, ""))
            continue
        key = tuple((item, tuple(columns)) for item, columns in fits)
        if alike[key] == len(fits):
            n = seen.get(key, 0)
            seen[key] = n + 1
            by_titles = all(item in titles for item, _ in fits)
            if by_titles:
                fits = sorted(fits, key=lambda fit: titles[fit[0]])
            out.append((fits[n][0], fits[n][1], values, "their titles'" if by_titles else "the template's"))
    return out


def _run_fits(
    r: Reading,
    fmt: str,
    context: int,
    first: int,
    values: list[Token],
    items: dict[str, tuple[str, ...]],
    defaults: dict[str, tuple[str, ...]],
    present: list[str],
) -> list[tuple[str, list[str]]]:
    """The blocks (and their columns) a run of ``values`` (its first token ``first``, the context since the run
    before from token ``context``) may be, printed right after their header's cells: none where nothing decides."""
    tokens = r.tokens
    k = first
    while k > context and _in_head(tokens[k - 1]):
        k -= 1
    span = tokens[k:first]
    if not span or not _whole_label_columns(span, fmt):
        return []  # no header cell before the values, or a label between (its row's box): nothing decides
    heads = ideographs("".join(t[COMPACT] for t in span if head_piece(t) and not _label_piece(t)))
    named_columns = columns_named(heads)
    if not named_columns:
        return []
    # the blocks the span names: by a title, or by a whole label column
    named_items = {m.group(1) for t in span if (m := ITEM_TITLE.search(t[COMPACT]))}
    labels = ideographs("".join(t[COMPACT] for t in span if _label_piece(t)))
    labelled = {item for item, column in _label_column(fmt).items() if column.search(labels)}
    named_items |= labelled
    fits: list[tuple[str, list[str]]] = []
    for item in present:
        cols = defaults[items[item][0]]
        if any(defaults[row] != cols for row in items[item]):
            continue
        if set(named_columns) == set(cols):
            fits.append((item, list(cols)))
        elif len(named_columns) == 1 and named_columns[0] in cols and one_head(heads, named_columns[0]):
            fits.append((item, named_columns))
    # a block the span names among those with these heads, but not the one the count fits: whose values, nothing
    # says (a title of a block without these heads names nothing here)
    if any(item in named_items for item, _ in fits):
        fits = [fit for fit in fits if fit[0] in named_items]
    elif labelled and _label_piece(span[-1]):
        # the run right after a block's whole label column, a block without these heads (3558 with
        # LibreOffice's PDF: 本年处理决定数量 / 本年处理决定数量 / 行政事业性收费 / 0 万元, the 0 行政事业性收费's):
        # the label's own values as likely as the heads', nothing decides
        fits = []
    return [(item, columns) for item, columns in fits if len(values) == len(items[item]) * len(columns)]


def read_active_boxes(r: Reading, fmt: str, start: int, end: int) -> bool:
    """Table 二 (tokens ``start`` to ``end``, or from section 二's heading to section 三's) read into ``r`` from its
    runs of values as the module says, but the cells ``r`` has read already; whether a cell was read."""
    bounds = table_two_bounds(r, fmt, start, end)
    if bounds is None:
        return False
    items, end = bounds
    # a block's header cells can print before the first block's title, after section 二's heading
    two = r.first_index(_SECTION_TWO, max(0, start - _BEFORE), start)
    if two is not None and not any(t[IS_VALUE] for t in r.tokens[two:start]):
        start = two + 1
    defaults = ACTIVE_DEFAULTS[fmt]
    tokens = r.tokens
    words = "".join(t[COMPACT] for t in tokens[start:end] if not t[IS_VALUE])
    titled = titled_blocks(r, start, end)
    present = [item for item, rows in items.items() if item in titled or all(_LABELS[row] in words for row in rows)]
    got: dict[str, Token] = {}
    opened: dict[str, set[str]] = {}
    said: list[str] = []
    twice: set[str] = set()
    runs: list[tuple[list[tuple[str, list[str]]], list[Token]]] = []  # each run's blocks (and columns) it may be
    for context, first, stop in _runs(r, start, end):
        values = list(tokens[first:stop])
        row_read = _row_on_its_line(r, first, stop, items, defaults, present)
        fits: list[tuple[str, list[str]]] | None = None
        if row_read is not None and len(row_read[1]) == len(defaults[row_read[0]]):
            fits = []  # the row whole on its label's line
        if fits is None:
            fits = _run_fits(r, fmt, context, first, values, items, defaults, present)
            if fits:
                runs.append((fits, values))
                continue
        if row_read is None:
            continue
        # a row's values on its label's line (all its cells, or, a box of its own, its first cells where the run
        # fits no block after its heads)
        row, placed = row_read
        for col, tok in zip(defaults[row][: len(placed)], placed, strict=True):
            key = f"{T}/{row}/{col}"
            if key in got or key in opened:
                twice.add(key)
            got[key] = tok
        if len(placed) == len(defaults[row]):
            said.append(f"{row} ({len(values)} values on its label's line)")
        else:
            printed = " ".join(t[TEXT] for t in placed)
            said.append(
                f"{row} (its first {len(placed)} of {len(defaults[row])} cells, {printed}, on its label's line, "
                "a box of its own)"
            )
    titles: dict[str, int] = {}
    for i in range(start, end):
        if not tokens[i][IS_VALUE] and (m := ITEM_TITLE.search(tokens[i][COMPACT])):
            titles.setdefault(m.group(1), i)
    for item, columns, values, placed_by in _resolved(runs, titles):
        rows = items[item]
        all_columns = list(defaults[rows[0]])
        grid = [(row, col) for row in rows for col in columns]
        if len(rows) > 1 and len(columns) > 1:
            if any("\f" in r.text[a[START] : b[START]] for a, b in itertools.pairwise(values)):
                continue  # a page's end among the block's values: bands the model does not bound
            orders = [o for o in any_column_order(len(rows), len(columns)) if _fits_lines(o, values)]
        else:
            orders = [tuple((i, j) for j in range(len(columns)) for i in range(len(rows)))]
        tables: list[dict[tuple[str, str], Token]] = []
        for order in orders:
            table = {grid[i * len(columns) + j]: tok for (i, j), tok in zip(order, values, strict=True)}
            if all(kind_fits(col, tok) for (_, col), tok in table.items()):
                tables.append(table)
        if not tables:
            continue
        n_read = 0
        for cell in grid:
            key = f"{T}/{cell[0]}/{cell[1]}"
            found = {t[cell][TEXT] for t in tables}
            if key in got or key in opened:
                twice.add(key)
            if len(found) == 1:
                got[key] = tables[0][cell]
                n_read += 1
            else:
                opened[key] = found
        part = "" if columns == all_columns else f" column {columns[0]}"
        said.append(
            f"第二十条第（{item}）项{part} ({len(values)} values after its header's cells"
            + (
                f", one of the runs that fit several blocks alike, placed in the order of {placed_by} blocks"
                if placed_by
                else ""
            )
            + (
                f", {n_read} of its cells alike in the {len(tables)} orders pdfminer's boxes allow"
                if len(tables) > 1
                else ""
            )
            + ")"
        )
    # two runs for one cell: neither decides it; a cell read before (parsers/tables/active_blocks.py) is kept
    for key in twice | r.cells.keys():
        got.pop(key, None)
        opened.pop(key, None)
    if not got:
        return False
    first_tok = min(got.values(), key=lambda t: t[START])
    for key, tok in got.items():
        r.put(key, tok)
    r.warn(
        "active_boxes",
        "table 二 read from the runs of values the text prints right after a block's header cells (pdfminer's text "
        "boxes; parsers/tables/active_boxes.py): " + ", ".join(said),
        T,
        first_tok,
    )
    if opened:
        for key in opened:
            r.put(key, None, blank_where=first_tok)
        r.warn(
            "placement_open",
            "table 二: the orders pdfminer prints a block's boxes in put other values in these cells (no identity "
            "of table 二 decides): left blank "
            + ", ".join(f"{key} ({' or '.join(sorted(found))})" for key, found in opened.items()),
            T,
            first_tok,
        )
    return True

"""Table 二 (主动公开政府信息情况): 第二十条 blocks, each with its own column headers."""

from __future__ import annotations

import bisect
import functools
import re

from parsers.grid_wraps import display
from parsers.tables.active_lost_labels import place_lost_single_rows
from parsers.tables.align import fit, positional, warn_merged
from parsers.tables.cut_cells import join_cut_cells
from parsers.tables.cut_count_amount import joined_count_and_amount
from parsers.tables.cut_points import cut_at_point
from parsers.tables.header_fields import by_header_fields
from parsers.tables.label_sides import values_by_sides
from parsers.tables.labels import similarity
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.reading import Reading, join_split_digits, redistribute
from parsers.tables.run_splits import DASHES, RUN, count_and_amount, split_marked, split_run
from parsers.tables.solve import split_any
from parsers.tables.templates import (
    ACTIVE_DEFAULTS,
    ACTIVE_HEADER_CELLS,
    ACTIVE_HEADERS,
    ACTIVE_REQUIRED,
    ACTIVE_ROWS,
    RowDef,
    full_labels,
    union,
)
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    token,
)
from parsers.tables.wrapped_sign import SIGNED, sign_wrapped

T = "active"
_GLUED = re.compile(r"^(?P<label>.*?[^\d\s.,])(?P<num>\d[\d,]*(?:\.\d+)?)$")
# in text that glues every row's cells to its label (convention ``glued``): a run whose cells hold a negative
# change (行政事业性收费58-2: 58 and -2), split by :func:`parsers.tables.run_splits.split_run`
_GLUED_SIGNED = re.compile(r"^(?P<label>.*?[^\d\s.,\-])(?P<num>\d[\d,.]*(?:-\d[\d,.]*)+)$")
# and a run printed with the template's dash for an empty cell (规章0—1), or 2019's 政府集中采购 count and amount in one
# cell with units or a separator (政府集中采购1项/29万元): :func:`_split_glued` reads them
_GLUED_MARKED = re.compile(
    rf"^(?P<label>.*?[^\d\s.,\-{DASHES}])(?P<num>\d[\d,.{DASHES}]*|[{DASHES}]+\d[\d,.{DASHES}]*)$"
)
_GLUED_UNITS = re.compile(
    r"^(?P<label>.*?[\u4e00-\u9fff])(?P<num>\d[\d,]*(?:项|个|件)?(?:\s*[/;；]\s*|\s+)\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)?)$"
)
# a run whose last cell prints its amount's unit (行政事业性收费0万元, 政府集中采购32万元): the unit set aside
_GLUED_MONEY = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff])(?P<num>\d[\d,]*(?:\.\d+)?)(?:万元|亿元|元)$")
# the rows whose one cell is an amount in 万元, by format (2019's 行政事业性收费 counts its items; 2019's 政府集中采购
# prints a count before its amount, whose digits glued to it no one split tells: ``政府集中采购32万元``)
_MONEY_ROWS = {("fees", "2021")}
ACTIVE_FUZZY_MIN = 0.7  # the active table's labels are short: a closer match is needed
# a block's title; OCR misreads its numeral (（六） → (A), （八） → 〈八), UN)), so any short numeral is taken
_BLOCK = r"第二十条第\S{0,4}项"
_BLOCK_RE = re.compile(_BLOCK)
# the procurement block of format 2019: its number (第二十条第（九）项) or a cell of its header
_PROCUREMENT_BLOCK = r"第二十条第[(（]?九[)）]?项|采购项目数量|采购总金额"
_SECTION_THREE = r"^三[、.．]\s*收到和处理政府信息公开申请"
_ANY_ROW = union(ACTIVE_ROWS)  # a label no row matches is passed over with one search
_LABELS = full_labels(ACTIVE_ROWS)  # every label the rows match whole (their patterns run from ^ to $)
_LABELS_LONGEST_FIRST = sorted(_LABELS or (), key=len, reverse=True)
_LABELS_ENDINGS = tuple(_LABELS_LONGEST_FIRST)
# a wrapped label's first line is shorter than the longest label (其他对外管理服务事 / 项)
_LONGEST = max(map(len, _LABELS)) if _LABELS else 9


@functools.lru_cache(maxsize=2048)
def _may_begin_label(compact: str) -> bool:
    """False when no label wrapped from this one (``compact`` and the fragments after it) can be a row's: no row
    label starts with it and runs on (a header cell, ``本年制发件数``, is not joined with what follows)."""
    return _LABELS is None or any(label.startswith(compact) and len(label) > len(compact) for label in _LABELS)


@functools.lru_cache(maxsize=2048)
def _row_named(label: str) -> RowDef | None:
    """The first row of table 二 whose patterns find ``label`` (compact), if any (cached: labels repeat)."""
    return next((row for row in ACTIVE_ROWS if row.matches(label)), None) if _ANY_ROW.search(label) else None


def rows_on_their_lines(r: Reading, start: int, end: int) -> bool:
    """Every line of table 二 (tokens ``start`` to ``end``) that prints a value starts with a row's label or a
    block's title, and at least one value is printed so: the table is printed row by row, each row's values on its
    label's line. A text whose table 三 prints column by column (Tesseract reading the ruled table in blocks) can still
    print table 二 so; a PDF extractor's text boxes stack table 二's labels and print its values on lines of
    their own (a line that starts with a value, or with text that names no row, fails this)."""
    tokens = r.tokens
    heads: dict[int, Token] = {}  # the first token of each line
    rows = 0
    for tok in tokens[start:end]:
        head = heads.setdefault(tok[LINE], tok)
        if not tok[IS_VALUE]:
            continue
        if head[IS_VALUE]:
            return False
        label = head[COMPACT]
        if _BLOCK_RE.search(label):
            continue
        if _row_named(label) is None:
            return False
        rows += 1
    return rows > 0


def _next_above(bounds: list[int], i: int) -> int:
    """The first of ``bounds`` (sorted) above ``i``: ``next(b for b in bounds if b > i)`` found by bisection (in C),
    StopIteration where there is none, as that raises."""
    k = bisect.bisect_right(bounds, i)
    if k == len(bounds):
        raise StopIteration
    return bounds[k]


def read_active(r: Reading, fmt: str, start: int, end: int) -> None:
    """Read the rows of table 二 found between tokens ``start`` and ``end``."""
    defaults = ACTIVE_DEFAULTS.get(fmt, ACTIVE_DEFAULTS["2021"])
    first_block = r.first_index(_BLOCK, start, end)
    if first_block is not None and r.first_index(r"^(?:规章|(?:行政)?规范性文件)\d*$", start, first_block) is None:
        start = first_block  # else the first block's title was lost: its rows come before the next block's
    # where every row label sits
    labels: list[tuple[int, str]] = []
    named: set[str] = set()  # the rows in ``labels``
    glued: dict[int, Token] = {}  # a row's number printed against its label (行政许可1708)
    heads: dict[int, str] = {}  # a row's label printed against the header's last cell (本年增/减行政事业性收费)
    tokens = r.tokens
    in_range = r._label_indexes(start, end)  # the label tokens from start to end (no other token is a row's)
    glued_text = r.canonical is not None and r.canonical.convention == "glued"
    money_glued = False  # an amount glued to its label with its unit: the row's one value, none after it
    for i in in_range:
        tok = tokens[i]
        m = _GLUED.match(tok[TEXT]) if tok[TEXT][-1:].isdigit() else None
        if m is not None and glued_text and (signed := _GLUED_SIGNED.match(tok[TEXT])) is not None:
            m = signed
        if glued_text and any(d in tok[TEXT] for d in DASHES) and (marked := _GLUED_MARKED.match(tok[TEXT])):
            m = marked
        elif m is None and glued_text and (units := _GLUED_UNITS.match(tok[TEXT])) is not None:
            m = units if _is_procurement("".join(units.group("label").split())) else None
        if m is None and glued_text and tok[TEXT][-1:] == "元":
            m = _GLUED_MONEY.match(tok[TEXT])
        elif m is None and tok[TEXT][-1:] == "元" and (money := _GLUED_MONEY.match(tok[TEXT])) is not None:
            # an amount and its unit against the label of a row of one amount (PyMuPDF's ``行政事业性收费0万元``)
            money_row = _row_named("".join(money.group("label").split()))
            m = money if money_row is not None and (money_row.key, fmt) in _MONEY_ROWS else None
            money_glued = money_glued or m is not None
        label = "".join(m.group("label").split()) if m else tok[COMPACT]
        row_found = _row_named(label)
        if row_found is None and (split := _after_header(label)) is not None:
            head, row_found = split
            heads[i] = head
            r.warn(
                "glued_label",
                f"{T}/{row_found.key}: row label printed against the header cell before it ({tok[TEXT]!r}: the "
                f"text's extraction joined them); read as the header {head!r} and the row's label",
                f"{T}/{row_found.key}",
                tok,
            )
        if (
            row_found is None
            and not m
            and len(tok[COMPACT]) < _LONGEST
            and _may_begin_label(tok[COMPACT])
            and r.wrapped_may_match(_ANY_ROW, i)
        ):
            row_found = next((row for row in ACTIVE_ROWS if r.matches_wrapped(row, i)), None)
        if row_found is not None and row_found.key not in named:
            labels.append((i, row_found.key))
            named.add(row_found.key)
            if m:
                at = tok[START] + m.start("num")
                end = tok[START] + m.end("num")  # (a unit after it set aside)
                glued[i] = token(m.group("num"), at, end, tok[LINE], tok[COL], tok[TABBED], split=True)
    _labels_by_meaning(r, labels, start, end)
    _labels_by_order(r, labels, fmt, start, end)
    blocks = [i for i in in_range if _BLOCK_RE.search(tokens[i][COMPACT])]
    label_stops = sorted({i for i, _ in labels} | {end})
    boundaries = sorted({i for i, _ in labels} | set(blocks) | {end})
    if (glued_text or money_glued) and (three_at := r.first_index(_SECTION_THREE, start + 1, end)) is not None:
        # text that glues each row's cells to its label prints no value of table 二 after section 三's heading:
        # the last row's values end there (table 三's rows are glued runs, table 四's a run of its own)
        boundaries = sorted({*boundaries, three_at})
    rows: list[tuple[int, str, list[str], int]] = []
    for i, key in labels:
        # a row's values end at the next block; a row with none before it (text printed column by column
        # puts them after the next block's header) reads on to the next row label
        stop = _next_above(boundaries, i)
        own = [t for t in r.tokens[i + 1 : stop] if t[IS_VALUE]]
        # (a number glued to the label is the row's own)
        if not own and not ((glued_text or money_glued) and i in glued):
            stop = _next_above(label_stops, i)
        columns = _columns(r, blocks, i, key, defaults.get(key), heads.get(i), own)
        default = defaults.get(key)
        if (
            columns
            and default
            and set(columns) < set(default)
            and (wrapped := sign_wrapped(r, i, stop, default)) is not None
        ):
            r.warn(
                "header_columns",
                f"{T}/{key}: the header names only {', '.join(columns)}; the row prints a value for each of the "
                f"template's columns {', '.join(default)}, its {SIGNED} a minus sign wrapped away from its digits "
                f"{wrapped[2][TEXT]}: read with the template's columns",
                f"{T}/{key}",
                r.tokens[i],
            )
            columns = default
        if not columns:
            r.warn("unknown_row", f"row {key} has no columns in format {fmt}", f"{T}/{key}", r.tokens[i])
            continue
        rows.append((i, key, list(columns), stop))
    # (the values after the table's last label end at section 三's heading too: the next table's never come in)
    three = r.first_index(_SECTION_THREE, start + 1, end)
    sides = _by_sides(r, rows, blocks, end if three is None else three)
    if sides is not None:
        moved = sides
    else:
        moved = _column_order(r, rows)
        moved.update(
            _labels_after_values(r, rows, boundaries if three is None else sorted({*boundaries, three}), defaults)
        )
        moved.update(_blocks_values_first(r, rows, blocks, end if three is None else three, defaults, set(moved)))
    for i, key, cols, stop in rows:
        if key in moved:
            keys = [f"{T}/{key}/{c}" for c in cols]
            for k, cell in zip(keys, moved[key], strict=True):
                r.put(k, cell, blank_where=r.tokens[i])
            continue
        _read_row(r, i, stop, key, cols, glued.get(i), blocks)
    found = {k for _, k in labels}
    found |= place_lost_single_rows(r, fmt, blocks, found, end)  # a one-row block's lost label (OCR only)
    for key in ACTIVE_REQUIRED.get(fmt, ()):
        if key not in found:
            r.warn("missing_row", f"row {key} of table 二 not found; its cells are blank", f"{T}/{key}")
            for col in defaults[key]:
                r.put(f"{T}/{key}/{col}", None)
    if (
        fmt == "2019"
        and "procurement" not in found
        and not any(f"{T}/procurement/{col}" in r.cells for col in defaults["procurement"])
        and (block := r.first_index(_PROCUREMENT_BLOCK, start, end)) is not None
        and not (glued_text and _glued_procurement(r, block, end, list(defaults["procurement"])))
    ):
        # 2019's 政府集中采购 row is optional, but where its block (第二十条第（九）项, or its header's cells) is
        # printed, the row is too: a row not read there is a missing row, not an absent one
        r.warn(
            "missing_row",
            f"row procurement of table 二 not found, though its block is printed ({r.tokens[block][TEXT]!r}); "
            "its cells are blank",
            f"{T}/procurement",
            r.tokens[block],
        )
        for col in defaults["procurement"]:
            r.put(f"{T}/procurement/{col}", None)


def _is_procurement(label: str) -> bool:
    """``label`` (compact) is 2019's 政府集中采购 row's."""
    row = _row_named(label)
    return row is not None and row.key == "procurement"


def _glued_procurement(r: Reading, block: int, end: int, columns: list[str]) -> bool:
    """2019's 政府集中采购 row in glued text, its count and amount in one cell apart by a semicolon
    (``政府集中采购2；4693.39``: no row label to the tokenizer, which takes a token with ``；`` for prose), found
    after its block's title (token ``block``) and read as :func:`_split_glued` reads ``1项/29万元``. False when
    there is none."""
    for i in range(block, min(end, len(r.tokens))):
        tok = r.tokens[i]
        m = _GLUED_UNITS.match(tok[TEXT])
        if m is None or not _is_procurement("".join(m.group("label").split())):
            continue
        at = tok[START] + m.start("num")
        run = token(m.group("num"), at, tok[END], tok[LINE], tok[COL], tok[TABBED], split=True)
        r.warn(
            "glued_number",
            f"{T}/procurement: number {run[TEXT]} split from the row label {tok[TEXT]!r}",
            f"{T}/procurement",
            run,
        )
        return _split_glued(r, run, [f"{T}/procurement/{c}" for c in columns], tok)
    return False


def _count_and_amount_cell(r: Reading, line: list[Token]) -> list[Token]:
    """2019's 政府集中采购 row's line, a cell that prints its count and its amount apart by a space
    (``103　77.60万元``: one cell of the table, no slash or semicolon between them, so the tokenizer keeps it one
    word) cut into its two numbers, each where it is printed, with a ``split_number`` warning naming the cell; the
    blank cells after it on its line dropped (the cell spans the count's and the amount's columns, and a converter
    pads the row to the table's width). The line as it is where no cell is printed so."""
    if (cut := joined_count_and_amount(line)) is not None:
        pieces, used, text = cut
        r.warn(
            "number_across_cells",
            f"{T}/procurement: its cells {' | '.join(t[TEXT] for t in line[:used])} joined as one cell {text!r}, "
            f"read as its count {pieces[0][TEXT]} and its amount {pieces[1][TEXT]} (a cell cut across grid cells)",
            f"{T}/procurement",
            line[0],
        )
        return [*pieces, *line[used:]]
    at = next((k for k, t in enumerate(line) if _count_space_amount(t)), None)
    if at is None:
        return line
    t = line[at]
    text = t[TEXT]
    pair = count_and_amount(text)
    assert pair is not None
    pieces = [token(text[a:b], t[START] + a, t[START] + b, t[LINE], t[COL], t[TABBED], split=True) for a, b in pair]
    r.warn(
        "split_number",
        f"{T}/procurement: one cell {text!r} read as its count {pieces[0][TEXT]} and its amount "
        f"{pieces[1][TEXT]} (apart by a space)",
        f"{T}/procurement",
        t,
    )
    # the cell spans the row's columns: the blank cells after it on its line are the span's, not cells of their own
    end = at + 1
    while end < len(line) and line[end][LINE] == t[LINE] and not line[end][TEXT]:
        end += 1
    if end < len(line) and line[end][LINE] == t[LINE]:
        end = at + 1  # a cell printed after the blanks: they are cells
    return [*line[:at], *pieces, *line[end:]]


# a count and an amount in one cell apart by a space, told from one number whose digits a space splits (OCR's
# ``1 0万元``) by a unit on the count (``12项 30万元``) or a decimal point in the amount (``103 77.60万元``)
_COUNT_SPACE_AMOUNT = re.compile(r"\d[\d,]*(?:(?:项|个|件)\s+\d[\d,]*(?:\.\d+)?|\s+\d[\d,]*\.\d+)(?:万元|亿元|元)")


def _count_space_amount(t: Token) -> bool:
    """Whether ``t`` is one cell printing 政府集中采购's count and amount apart by a space (``103 77.60万元``)."""
    return (
        not t[IS_VALUE] and _COUNT_SPACE_AMOUNT.fullmatch(t[TEXT]) is not None and count_and_amount(t[TEXT]) is not None
    )


def _by_sides(
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
    r.warn(
        "label_after_values",
        f"{T}: rows {', '.join(before)} print their values before their label, rows {', '.join(after)} after it "
        "(a PDF's text in the order of its boxes' lower edges, a wrapped label lower than its values): each block's "
        "values, from its title on, fall to its rows exactly so (a guess)",
        f"{T}/{before[0]}",
        r.tokens[next(i for i, key, _, _ in rows if key == before[0])],
    )
    return out


def _column_order(r: Reading, rows: list[tuple[int, str, list[str], int]]) -> dict[str, list[Token | None]]:
    """Rows printed label after label, then all their values (text extracted column by column: ``规章`` /
    ``行政规范性文件`` / ``1`` ``861`` / ``5`` ``379`` / ``133`` ``7649``): the values of a run of ``k`` rows
    of ``c`` columns each, all after the run's last label, are read down the columns (across the rows when
    they are printed one row per line). Reported as ``column_order``."""
    return redistribute(r, [(i, key, len(cols), stop) for i, key, cols, stop in rows], T)


def _blocks_values_first(
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
                f"{T}/{keys[0]}",
                tokens[first],
            )
        else:
            for k in mine:
                out[rows[k][1]] = [None] * len(rows[k][2])
            r.warn(
                "placement_open",
                f"{T}: rows {', '.join(keys)} print values between their block's title and its first label, and "
                "their values do not fall before each label as many as its cells: whose values are whose, the text "
                "does not say; left blank",
                f"{T}/{keys[0]}",
                tokens[first],
            )
    return out


def _values_line_before(r: Reading, i: int, floor: int) -> list[Token] | None:
    """The values of the line right above label ``i`` (after token ``floor``), when that line holds values and
    nothing else (no label, a Markdown row's empty cells aside)."""
    if i == 0 or i - 1 <= floor:
        return None
    prev = r.tokens[i - 1]
    if prev[LINE] == r.tokens[i][LINE]:
        return None
    line = r.line_tokens(prev[LINE])  # ``prev`` ends its line: the line starts len(line) tokens before ``i``
    if i - len(line) <= floor or any(not (t[IS_VALUE] or not t[TEXT]) for t in line):
        return None
    return [t for t in line if t[IS_VALUE]] or None


def _value_lines_before(r: Reading, i: int, floor: int) -> list[Token] | None:
    """The values of the lines right above label ``i`` (after token ``floor``) that hold values and nothing else,
    as many such lines as stand together (pdfminer's text boxes, one value a line), in their order."""
    out: list[Token] = []
    while (vals := _values_line_before(r, i, floor)) is not None:
        out[:0] = vals
        i -= len(r.line_tokens(r.tokens[i - 1][LINE]))
    return out or None


def _labels_after_values(
    r: Reading,
    rows: list[tuple[int, str, list[str], int]],
    boundaries: list[int],
    defaults: dict[str, tuple[str, ...]],
) -> dict[str, list[Token | None]]:
    """Rows whose label is printed after their values (markitdown's text of a PDF: a row's label cell, set in
    another font than its numbers, sits a little lower on the page, and its line comes after theirs):
    a label alone on its line, right under a line that holds a whole row of values and nothing else, with no value
    of its own after it — or only the next such row's. The line's values are the row's when the row before it in
    its block is read on its own line (or the same way, or there is none), so that no line is read twice. Each run
    of such rows is reported as ``label_after_values``."""
    tokens = r.tokens
    inline = [any(t[IS_VALUE] for t in tokens[i + 1 : stop] if t[LINE] == tokens[i][LINE]) for i, _, _, stop in rows]
    if all(inline):
        # every row has a value on its label's line (most texts): none is read from the line above (held to
        # the whole reading in tests/test_parse_cuts.py)
        return {}
    return _read_labels_after_values(r, rows, boundaries, defaults, inline)


def _rows_after(
    r: Reading,
    rows: list[tuple[int, str, list[str], int]],
    boundaries: list[int],
    before: list[list[Token] | None],
    inline: list[bool],
    block_first: list[bool],
) -> list[bool]:
    """Which rows read ``before[k]`` (the values above their label): no value after the label, or only the next
    such row's; and the row before it in its block read on its own line or the same way (no line read twice)."""
    tokens = r.tokens
    n = len(rows)
    after = [False] * n
    for k in range(n - 1, -1, -1):
        if before[k] is None:
            continue
        i = rows[k][0]
        nxt = min(b for b in boundaries if b > i)  # the next row's label, the next block's title, or the end
        following = [t for t in tokens[i + 1 : nxt] if t[IS_VALUE]]
        if following and not (k + 1 < n and after[k + 1] and following == before[k + 1]):
            continue
        after[k] = True
    # a row read from the line above keeps that line only when the row before it does not read it
    for k in range(n):
        if after[k] and k and not block_first[k] and not (inline[k - 1] or after[k - 1]):
            after[k] = False
    return after


def _read_labels_after_values(
    r: Reading,
    rows: list[tuple[int, str, list[str], int]],
    boundaries: list[int],
    defaults: dict[str, tuple[str, ...]],
    inline: list[bool],
) -> dict[str, list[Token | None]]:
    """:func:`_labels_after_values`' reading, ``inline[k]``: row ``k`` has a value on its label's line."""
    tokens = r.tokens
    n = len(rows)
    # the boundary (a row's label, a block's title) before each row, and whether it is the previous row's label
    floors = [max((b for b in boundaries if b < i), default=-1) for i, _, _, _ in rows]
    block_first = [k == 0 or floors[k] != rows[k - 1][0] for k in range(n)]
    before: list[list[Token] | None] = [None] * n
    single: list[list[Token] | None] = [None] * n  # the line above alone
    for k, (i, key, cols, _) in enumerate(rows):
        if inline[k]:
            continue
        default = defaults.get(key)
        # the line above; else the lines of values above, together (one value a line: pdfminer's boxes)
        for n_lines, vals in enumerate((_values_line_before(r, i, floors[k]), _value_lines_before(r, i, floors[k]))):
            if vals is not None and (len(vals) == len(cols) or (default is not None and len(vals) == len(default))):
                before[k] = vals
                if not n_lines:
                    single[k] = vals
                break
    after = _rows_after(r, rows, boundaries, before, inline, block_first)
    if before != single and not all(after):
        # lines of one value each are read as a row only where every row of the table is printed that way
        before = single
        after = _rows_after(r, rows, boundaries, before, inline, block_first)
    out: dict[str, list[Token | None]] = {}
    read: list[int] = []
    for k in range(n):
        vals = before[k]
        if not after[k] or vals is None:
            continue
        i, key, cols, _ = rows[k]
        if len(vals) != len(cols):
            default = defaults[key]
            r.warn(
                "header_columns",
                f"{T}/{key}: the header names {', '.join(cols)}; the row has {len(default)} values, read as the "
                f"template's columns {', '.join(default)}",
                f"{T}/{key}",
                tokens[i],
            )
            rows[k] = (i, key, list(default), rows[k][3])
        out[key] = list(vals)
        read.append(k)
    if read:
        r.warn(
            "label_after_values",
            f"{T}: rows {', '.join(rows[k][1] for k in read)} print their label on a line of its own after a line of "
            "their values, or lines of one value each (a PDF's text whose label cells sit lower than their values) "
            "and no value after it: read from the line(s) above the label",
            f"{T}/{rows[read[0]][1]}",
            tokens[rows[read[0]][0]],
        )
    return out


def _labels_by_meaning(r: Reading, labels: list[tuple[int, str]], start: int, end: int) -> None:
    """Rows no pattern found, matched by meaning among the unclaimed labels that carry values on their line
    (OCR's wrong characters: ``行政许叮``); each match is a ``fuzzy_label`` warning."""
    found = {k for _, k in labels}
    missing = [row for row in ACTIVE_ROWS if row.key not in found]
    if not missing:
        return
    claimed = {i for i, _ in labels}
    # a row printed under the previous row's label (a converter repeated the label): the next row, by order
    first = {k: i for i, k in labels}
    in_range = r._label_indexes(start, end)  # only labels are asked below
    for i in in_range:
        tok = r.tokens[i]
        # (no row's pattern in the label: the one search that rules it out before the row is looked at)
        if i in claimed or not _ANY_ROW.search(tok[COMPACT]) or not r.row_like(i, same_line=True):
            continue
        dup = next((k for k, row in enumerate(ACTIVE_ROWS) if row.matches(tok[COMPACT])), None)
        if dup is None or dup + 1 >= len(ACTIVE_ROWS) or first.get(ACTIVE_ROWS[dup].key, i) >= i:
            continue
        if r.tokens[first[ACTIVE_ROWS[dup].key]][LINE] == tok[LINE]:
            continue  # the label's cell repeated on its own row's line (a converter's grid columns): the same row
        nxt = ACTIVE_ROWS[dup + 1]
        if nxt not in missing:
            continue
        missing.remove(nxt)
        labels.append((i, nxt.key))
        claimed.add(i)
        r.warn(
            "fuzzy_label",
            f"{T}/{nxt.key}: a second row labelled {tok[TEXT]!r} read as the template's next row {nxt.label!r}",
            f"{T}/{nxt.key}",
            tok,
        )
    for i in in_range:
        tok = r.tokens[i]
        if i in claimed or not 2 <= len(tok[COMPACT]) <= 14 or not _row_like(r, i):
            continue
        scores = sorted(((similarity(tok[COMPACT], row.label), row) for row in ACTIVE_ROWS), key=lambda x: -x[0])
        score, row = scores[0]
        runner_up = scores[1][0]
        if row not in missing or score < ACTIVE_FUZZY_MIN or score - runner_up < 0.2:
            continue
        missing.remove(row)
        labels.append((i, row.key))
        r.warn(
            "fuzzy_label",
            f"{T}/{row.key}: label {tok[TEXT]!r} read as the template's {row.label!r} "
            f"(similarity {min(score, 1.0):.2f})",
            f"{T}/{row.key}",
            tok,
        )
    labels.sort()


def _row_like(r: Reading, i: int) -> bool:
    """Label ``i`` carries a value on its line, or (alone on its line: a text that prints a cell a line, lynx's and
    docx2txt's) within the next two lines."""
    if r.row_like(i, same_line=True):
        return True
    tokens, line = r.tokens, r.tokens[i][LINE]
    alone = (i == 0 or tokens[i - 1][LINE] != line) and (i + 1 == len(tokens) or tokens[i + 1][LINE] != line)
    return alone and r.row_like(i)


_HEADER_WORDS = re.compile("|".join([r"信息内容", *(p for p, _ in ACTIVE_HEADERS)]))


@functools.cache
def _rows_in_order(fmt: str) -> tuple[RowDef, ...]:
    """The format's rows of table 二, in the template's order (made once per format)."""
    return tuple(row for row in ACTIVE_ROWS if row.key in ACTIVE_DEFAULTS.get(fmt, ACTIVE_DEFAULTS["2021"]))


def _labels_by_order(r: Reading, labels: list[tuple[int, str]], fmt: str, start: int, end: int) -> None:
    """Rows still missing, read by the template's order alone: where the rows found before and after them in
    the template leave a run of rows missing, and as many unrecognised label lines carrying numbers sit
    between those two rows' labels (labels OCR garbled beyond recognition, ``观竞`` for 规章, or a converter's
    repeat of a neighbour's label), the lines are the rows, in order. Each is a ``fuzzy_label`` warning naming
    the label read."""
    order = _rows_in_order(fmt)
    at = {key: i for i, key in labels}
    if all(row.key in at for row in order):
        return
    claimed = set(at.values())
    required = set(ACTIVE_REQUIRED.get(fmt, ()))
    k = 0
    while k < len(order):
        if order[k].key in at:
            k += 1
            continue
        j = k
        while j < len(order) and order[j].key not in at:
            j += 1
        lo = at[order[k - 1].key] + 1 if k else start
        hi = at[order[j].key] if j < len(order) else end
        lines: dict[int, int] = {}
        for i in range(lo, min(hi, len(r.tokens))):
            tok = r.tokens[i]
            if i in claimed or not tok[IS_LABELISH] or len(tok[COMPACT]) > 14:
                continue
            if _BLOCK_RE.search(tok[COMPACT]) or _HEADER_WORDS.search(tok[COMPACT]):
                continue
            if _in_found_row(r, i, claimed):
                continue
            if k and _label_rest(r, lo - 1, i, order[k - 1].label):
                continue  # the rest of the row before's label, wrapped onto the line of its values
            if _piece_of_another(tok[COMPACT], order, order[k:j]):
                continue
            if _numbers_follow(r, i):
                lines[tok[LINE]] = i  # the last label on a line (a group heading may come first)
        missing = list(order[k:j])
        if len(lines) != len(missing):
            missing = [row for row in missing if row.key in required]
        if lines and len(lines) == len(missing):
            for row, i in zip(missing, sorted(lines.values()), strict=True):
                labels.append((i, row.key))
                claimed.add(i)
                r.warn(
                    "fuzzy_label",
                    f"{T}/{row.key}: label {r.tokens[i][TEXT]!r} read as the template's {row.label!r} (template "
                    f"order: {len(missing)} row(s) missing between its neighbours, as many label lines with numbers)",
                    f"{T}/{row.key}",
                    r.tokens[i],
                )
        k = j
    labels.sort()


def _piece_of_another(text: str, order: tuple[RowDef, ...], missing: tuple[RowDef, ...]) -> bool:
    """``text`` is a piece of another row's label, not of a missing row's (``管理`` of 其他对外管理服务事项, its label
    wrapped over lines in a narrow column): no label of the missing rows by their order."""
    if len(text) < 2:
        return False
    if any(text in row.label for row in missing):
        return False
    return any(text in row.label and text != row.label for row in order if row not in missing)


def _numbers_follow(r: Reading, i: int) -> bool:
    """Label ``i`` carries numbers on its line: a number within its next eleven tokens there, and no other label
    between (a header's cells before a row's numbers, ``其他 | 总计 | 商业企业 … | 一、本年新收… | 0``, where a page's
    tables print on one line: markdownify's and markitdown's text of a layout table whose one cell holds them)."""
    line = r.tokens[i][LINE]
    for t in r.tokens[i + 1 : i + 12]:
        if t[LINE] != line:
            return False
        if t[IS_NUMBER]:
            return True
        if t[IS_LABELISH]:
            return False
    return False


def _in_found_row(r: Reading, i: int, found: set[int]) -> bool:
    """Whether token ``i`` stands after a found row's label on its line with no number between: where that row's
    values are printed (OCR: 126 read ``人一1全`` in the value cell of 行政处罚), never a row label of its own. A
    line that prints a found row's values before the text (two rows on one line) leaves it a label."""
    line = r.tokens[i][LINE]
    for j in range(i - 1, -1, -1):
        tok = r.tokens[j]
        if tok[LINE] != line or tok[IS_NUMBER]:
            return False
        if j in found:
            return True
    return False


def _label_rest(r: Reading, before: int, i: int, label: str) -> bool:
    """Token ``i`` is a later piece of the label of the row found at token ``before``, wrapped onto a line of its
    own (``行政事业性收`` / ``费 3 0``, ``|行政事业|性收费|0|1|``, ``行政事`` / ``业性收 5 0`` / ``费``): the two,
    joined, run on in the template's label ``label``, the row before's, which its own label token alone does not
    complete. Such a piece is no row's label: the template's order would read it as the next row's, and that row's
    numbers as the row before's."""
    head, rest = r.tokens[before][COMPACT], r.tokens[i][COMPACT]
    return rest in label and not label.endswith(head) and head[-2:] + rest in label


def _after_header(label: str) -> tuple[str, RowDef] | None:
    """A row label printed against the end of a header cell (PyMuPDF's sorted text joins the header's last cell
    and the row's label when they share a line: ``本年增/减行政事业性收费``): the header's text and the row, when
    the label ends with a row's whole label and what comes before it names a column."""
    if _LABELS is None or not label.endswith(_LABELS_ENDINGS):  # most labels end with no row's (one test in C)
        return None
    for whole in _LABELS_LONGEST_FIRST:
        head = label[: -len(whole)]
        if label.endswith(whole) and head and _header_keys(head):
            row = next((row for row in ACTIVE_ROWS if row.matches(whole)), None)
            return (head, row) if row is not None else None
    return None


def _columns(
    r: Reading,
    blocks: list[int],
    i: int,
    key: str,
    default: tuple[str, ...] | None,
    head: str | None = None,
    own: list[Token] | None = None,
) -> tuple[str, ...] | None:
    """The row's columns: its block's header, or the format's default when the header lost some of its
    columns (a header cell unreadable) and the row carries a value for every default column (on its label's line,
    or else ``own``: the values between its label and the next label or block, a wrapped label's row). ``head``:
    the header's text printed against the row's label, if any."""
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
    if len(values) != len(default):
        return header
    r.warn(
        "header_columns",
        f"{T}/{key}: the header names only {', '.join(header)}; the row has {len(default)} values, read as the "
        f"template's columns {', '.join(default)}",
        f"{T}/{key}",
        r.tokens[i],
    )
    return default


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
        tok[IS_LABELISH] and tok[LINE] < first[LINE] and _header_keys(tok[COMPACT]) for tok in region
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
        if tok[IS_LABELISH] and not tok[COMPACT].startswith("信息内容") and _NOT_IDEOGRAPH.sub("", tok[TEXT])
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
        named = [(tok[LINE], _column(r, tok[START]), key) for tok in heads for key in _header_keys(tok[COMPACT])]
        lines = {line for line, _, _ in named}
        if len(lines) > 1 and max(lines) - min(lines) <= 4 and not _stacked_cells(r, heads):
            # a header whose cells wrap over several lines of laid-out text (``上一年项目数`` ``本年处理决定`` on
            # one line, ``本年增/减`` centred on the next): its columns go left to right, not in the lines' order
            named.sort(key=lambda item: item[1])
    if head is not None:
        tok = r.tokens[row_index]
        named += [(tok[LINE], _column(r, tok[START]), key) for key in _header_keys(head)]
    cols: list[str] = []
    for _, _, key in named:
        if key not in cols:
            cols.append(key)
    return tuple(cols) or None


def _stacked_cells(r: Reading, heads: list[Token]) -> bool:
    """The header's cells stand one a line, each above the next (lynx, w3m: a narrow table's cells centred on
    lines of their own): two cells of different lines overlap across the page, which the cells of one row laid
    out side by side never do. Read in the lines' order, the template's order of the cells."""
    cells = [t for t in heads if _header_keys(t[COMPACT])]
    spans = [(t[LINE], _column(r, t[START]), _column(r, t[START]) + display(t[TEXT])) for t in cells]
    return any(a[0] != b[0] and a[1] < b[2] and b[1] < a[2] for i, a in enumerate(spans) for b in spans[i + 1 :])


def _column(r: Reading, offset: int) -> int:
    """The column of a text offset within its line."""
    return offset - r.text.rfind("\n", 0, offset)


_NOT_IDEOGRAPH = re.compile(r"[^\u4e00-\u9fff]+")
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
        if tok[IS_NUMBER] or (not tok[IS_LABELISH] and not _NOT_IDEOGRAPH.sub("", tok[TEXT])):
            continue  # values (a lone 一 of a wrapped 上一年 reads as a dash: it is a fragment here)
        x = _column(r, tok[START])
        for m in re.finditer(r"\S+", tok[TEXT]):
            ideographs = _NOT_IDEOGRAPH.sub("", m.group())
            if ideographs:
                lines.setdefault(tok[LINE], []).append((x + m.start(), x + m.end(), m.group(), ideographs))
    stacks: list[_Stack] = []
    for line in sorted(lines):
        pieces = sorted(lines[line])
        open_ = sorted((s for s in stacks if 0 < line - s.line <= _STACK_LINES), key=lambda s: s.lo)
        taken: set[int] = set()
        for s, j in _continuations(open_, pieces):
            lo, hi, text, ideographs = pieces[j]
            s.line, s.lo, s.hi, s.text, s.ideographs = line, lo, hi, s.text + text, s.ideographs + ideographs
            taken.add(j)
        stacks += [_Stack(line, *p) for j, p in enumerate(pieces) if j not in taken and _begins_header_cell(p[3])]
    out = [(s.top, s.column, key) for s in stacks for key in _header_keys(s.text)]
    alone = sum(len(_header_keys(tok[COMPACT])) for tok in heads)
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
def _header_keys(compact: str) -> tuple[str, ...]:
    """The column keys a header cell names, in their order (one cell may hold several headers: a row printed
    without cell separators). Cached: every row of a block reads the same header cells."""
    hits: dict[int, str] = {}
    for pattern, key in ACTIVE_HEADERS:
        for m in re.finditer(pattern, compact):
            if not any(abs(m.start() - at) < 2 for at in hits):
                hits[m.start()] = key
    return tuple(key for _, key in sorted(hits.items()))


def _split_glued(r: Reading, run: Token, keys: list[str], label: Token) -> bool:
    """A row whose cells are printed as one run of digits against its label, in a text that prints its table
    rows that way (convention ``glued``). Table 二's rows have no identity to check a split against: the run is
    split only when a single split is possible (``000`` → 0 0 0; a run with a decimal point or a minus sign, each
    piece printed as its column prints a number: ``74.2`` → 7 4.2; a run with the dash of an empty cell, each dash
    a cell: ``0—1`` → 0 — 1, :mod:`parsers.tables.run_splits`; 政府集中采购's count and amount with units or a
    separator: ``1项/29万元`` → 1 29); otherwise every cell is blank and the run is reported as ``ambiguous_split``
    (never a guess). False when the run is not a row printed that way."""
    assert r.canonical is not None
    n = len(keys)
    text = run[TEXT]
    # a run against its label that starts with 0 is no number, whatever the convention (pymupdf4llm's cell of a
    # line each, its lines joined: ``行政规范性文件0<br>2<br>171``): cells printed without separators
    zero_led = len(text) > 1 and text[0] == "0" and text.isdigit()
    if (r.canonical.convention != "glued" and not zero_led) or (len(text) < n and not any(d in text for d in DASHES)):
        return False
    columns = [key.rsplit("/", 1)[1] for key in keys]
    spans: list[list[tuple[int, int]]] = []  # each split's pieces, as spans of ``text``
    if text.isdigit():
        splits: list[tuple[str, ...]] = [tuple(map(str, s)) for s in split_any(text, n)]
    elif any(d in text for d in DASHES):
        splits = split_marked(text, columns)
        if not splits:
            for key in keys:
                r.put(key, None, blank_where=label)
            r.warn(
                "ambiguous_split",
                f"{keys[0].rsplit('/', 1)[0]}: digits and dashes printed without separators, {text!r}, that no "
                f"split lays into the row's {n} cells; cells left blank",
                keys[0].rsplit("/", 1)[0],
                run,
            )
            return True
    elif RUN.fullmatch(text):
        splits = split_run(text, columns)
        if not splits:
            return False  # no cut gives every column a number of its shape: not a row printed that way
    elif keys[0].startswith(f"{T}/procurement/") and n == 2 and (pair := count_and_amount(text)) is not None:
        splits, spans = [tuple(text[a:b] for a, b in pair)], [list(pair)]
    else:
        return False
    for s in splits[len(spans) :]:
        at, laid = 0, []
        for piece in s:
            laid.append((at, at + len(piece)))
            at += len(piece)
        spans.append(laid)
    row = keys[0].rsplit("/", 1)[0]
    if len(splits) == 1:
        for key, piece, (a, b) in zip(keys, splits[0], spans[0], strict=True):
            tok = token(piece, run[START] + a, run[START] + b, run[LINE], run[COL], run[TABBED], split=True)
            r.put(key, tok, blank_where=label)
        r.warn("split_number", f"{row}: {text!r} split as {' '.join(splits[0])}, its only split", row, run)
        return True
    for key in keys:
        r.put(key, None, blank_where=label)
    shown = "; ".join(" ".join(s) for s in splits[:4]) + ("; …" if len(splits) > 4 else "")
    r.warn(
        "ambiguous_split",
        f"{row}: digits printed without separators, {text!r}, split {len(splits)}{'+' if len(splits) > 4 else ''} "
        f"ways ({shown}) and no identity of table 二 decides; cells left blank",
        row,
        run,
    )
    return True


def _unmarked(r: Reading) -> bool:
    """The text marks no cell boundaries (no TABs, no Markdown): text laid out by spaces, or OCR's."""
    assert r.canonical is not None
    return r.canonical.convention not in ("tab", "markdown", "markdown_html")


def _header_joins(r: Reading, i: int, line: list[Token], n: int) -> bool:
    """Whether :func:`join_cut_cells` joins the row's values (its header line shows where a number was cut)."""
    vals = [t for t in line if t[IS_VALUE]]
    return len(vals) > n and join_cut_cells(r, i, vals, n) is not None


def _read_row(
    r: Reading,
    i: int,
    stop: int,
    key: str,
    columns: list[str],
    glued: Token | None = None,
    blocks: list[int] | None = None,
) -> None:
    n = len(columns)
    label = r.tokens[i]
    line = r.line_after(i)
    if key == "procurement" and n == 2 and glued is None:
        line = _count_and_amount_cell(r, line)
    if glued is None and (wrapped := sign_wrapped(r, i, stop, columns)) is not None:
        cells, sign, digits = wrapped
        r.warn(
            "sign_wrapped",
            f"{T}/{key}/{SIGNED}: a minus sign printed apart from its digits {digits[TEXT]} (alone on its line, the "
            f"digits on the next: a negative 本年增/减 wrapped in its narrow cell; or a space before them): read as "
            "one number, " + " | ".join(t[TEXT] for t in cells) + " (the template's one signed column; a guess)",
            f"{T}/{key}",
            sign,
        )
        r.put_cells([f"{T}/{key}/{c}" for c in columns], cells, label)
        return
    if (
        glued is None
        and (at_point := cut_at_point(line, n)) is not None
        and not _header_joins(r, i, line, n)  # the header shows the pieces under one cell: join_cut_cells joins
    ):
        laid, pieces = at_point
        for a, b in pieces:
            r.warn(
                "number_cut_blank",
                f"{T}/{key}: {a[TEXT]}|{b[TEXT]}: one number cut at its point across two grid cells; no identity "
                f"confirms joining them ({a[TEXT]}{b[TEXT]}): left blank",
                f"{T}/{key}",
                a,
            )
        r.put_cells([f"{T}/{key}/{c}" for c in columns], laid, label)
        return
    pos = positional(line, n) if len(line) >= n else None
    keys = [f"{T}/{key}/{c}" for c in columns]
    if pos is not None and glued is not None and all(t is None or not t[TEXT] for t in pos):
        pos = None  # the row's number printed against its label, in the label's cell (行政处罚292 | | |): read below
    placed = [t for t in pos if t is not None and t[IS_VALUE]] if pos is not None else []
    if placed and _blank_garbled(r, key, keys, line, placed):
        return
    if pos is not None:
        warn_merged(r, line, n, f"{T}/{key}")
        if all(t is None or not t[TEXT] for t in pos) and (below := _row_below(r, i, stop, n)) is not None:
            shown = " ".join(t[TEXT] if t is not None and t[TEXT] else "(blank)" for t in below)
            r.warn(
                "row_continued",
                f"{T}/{key}: no value on the label's line; read from the label-less row under it ({shown})",
                f"{T}/{key}",
                next(t for t in below if t is not None and t[IS_VALUE]),
            )
            pos = below
        r.put_cells(keys, pos, label)
        return
    if (
        len(line) > n
        and glued is None
        and sum(1 for t in line if t[TEXT] and t[IS_VALUE]) < n  # a cell blank or unreadable: whose are the values
        and not _garbled_before_values(line)  # a number misread before the values: _blank_garbled's
        and (header := _header_line(r, blocks or [], i)) is not None
        and (named := by_header_fields(header, [label, *line], columns, _header_keys)) is not None
    ):
        laid, words = named
        shown = " | ".join(t[TEXT] for t in line)
        r.warn(
            "named_columns",
            f"{T}/{key}: {len(line)} cells for {n} columns ({shown}); each value read as the column the header's "
            "cell above it names (the header line has the row's cells)",
            f"{T}/{key}",
            label,
        )
        for word in words:
            r.warn(
                "unreadable_cell",
                f"{T}/{key}: the cell under a column's name prints {word[TEXT]!r}, no number (a number misread): "
                "left blank",
                f"{T}/{key}",
                word,
            )
        r.put_cells(keys, laid, label)
        return
    after = r.tokens[i + 1 : stop]
    if key == "procurement" and n == 2 and glued is None:
        after = _count_and_amount_cell(r, after)
    vals: list[Token] = [t for t in after if t[IS_VALUE]]
    if glued is not None:
        vals.insert(0, glued)
        r.warn(
            "glued_number",
            f"{T}/{key}: number {glued[TEXT]} split from the row label {label[TEXT]!r}",
            f"{T}/{key}",
            glued,
        )
    if glued is not None and vals == [glued] and (n > 1 or not glued[IS_VALUE]) and _split_glued(r, glued, keys, label):
        return
    if vals and _blank_garbled(r, key, keys, line, vals):
        return
    if len(vals) > n and (cut := join_cut_cells(r, i, vals, n)) is not None:
        vals, guess = cut
        r.warn("number_across_cells", f"{T}/{key}: {guess}", f"{T}/{key}", vals[0])
    if len(vals) > n and (joined := join_split_digits(r.text, vals, n)) is not None:
        vals, guess = joined
        r.warn("merged_digits", f"{T}/{key}: {guess} (a guess)", f"{T}/{key}", vals[0])
    if len(vals) > n:
        r.warn(
            "extra_values",
            f"{T}/{key}: {len(vals)} values for {n} columns; the first {n} are used "
            f"(ignored: {', '.join(t[TEXT] for t in vals[n:])})",
            f"{T}/{key}",
            vals[n],
        )
        vals = vals[:n]
    if 0 < len(vals) < n and _unmarked(r):
        # no rule, no TAB, no pipe marks where the lost cell was, and no identity over the row's cells: which
        # cells the values are is a guess (OCR drops a 0, runs 5 and 133 into 5133), so none is placed
        shown = " ".join(t[TEXT] for t in vals)
        r.warn(
            "cells_unplaced",
            f"{T}/{key}: {len(vals)} values for {n} columns ({shown}) and nothing tells which cells they are; "
            "the row is left blank",
            f"{T}/{key}",
            vals[0],
        )
        for k in keys:
            r.put(k, None)
        return
    r.put_fit(keys, fit(vals, n), label, T)


def _garbled_before_values(line: list[Token]) -> bool:
    """A TAB cell of text holding a digit before the line's first value (:func:`_blank_garbled`'s case)."""
    first = next((t for t in line if t[TEXT] and t[IS_VALUE]), None)
    return first is not None and _digits_in_text_before(line, first) is not None


def _header_line(r: Reading, blocks: list[int], row_index: int) -> list[Token] | None:
    """The TAB line of the header of the block that holds the row (信息内容 and the cells after it), when the row's
    label is on a TAB line too; else None."""
    block = max((b for b in blocks if b < row_index), default=None)
    if block is None or not r.tokens[row_index][TABBED]:
        return None
    head = next((k for k in range(block + 1, row_index) if r.tokens[k][COMPACT].startswith("信息内容")), None)
    if head is None or not r.tokens[head][TABBED]:
        return None
    return [r.tokens[head], *r.line_after(head)]


def _blank_garbled(r: Reading, key: str, keys: list[str], line: list[Token], vals: list[Token]) -> bool:
    """A TAB cell before the row's numbers reads as text with a digit in it: a number OCR read with characters for
    some of its digits (126 read ``人一1全``), the numbers after it another cell's or a stray reading. Which cells
    they are is a guess: the row is left blank, with a warning (``unreadable_cell``). False when there is none."""
    garbled = _digits_in_text_before(line, vals[0])
    if garbled is None:
        return False
    shown = " ".join(t[TEXT] for t in vals)
    r.warn(
        "unreadable_cell",
        f"{T}/{key}: cell {garbled[TEXT]!r} before the row's number(s) ({shown}) is no number but holds a digit "
        "(a number misread); which cells the numbers are is a guess, the row is left blank",
        f"{T}/{key}",
        garbled,
    )
    for k in keys:
        r.put(k, None)
    return True


def _digits_in_text_before(line: list[Token], first: Token) -> Token | None:
    """The first cell of a TAB line, before the value ``first``, that is text holding a digit (no value, no
    number): ``人一1全``. None when there is none (or the line is no TAB line)."""
    for tok in line:
        if tok[START] >= first[START]:
            return None
        if not tok[IS_VALUE] and any(ch.isdigit() for ch in tok[TEXT]):
            return tok
    return None


def _row_below(r: Reading, i: int, stop: int, n: int) -> list[Token | None] | None:
    """The cells of the label-less row right under the label at token ``i`` (a blank first cell, then ``n``
    cells, at least one a number), when that row is before ``stop``: a row whose label cell spans two rows of
    the value columns, printed as a label row of blank cells and a row of values without a label."""
    line = r.tokens[i][LINE]
    below = [t for t in r.tokens[i + 1 : stop] if t[LINE] != line]
    if not below:
        return None
    first = below[0][LINE]
    toks = [t for t in below if t[LINE] == first]
    if not (toks[0][TABBED] and not toks[0][TEXT]) or any(t[IS_LABELISH] for t in toks):
        return None
    pos = positional(toks[1:], n)
    if pos is None or not any(t is not None and t[IS_VALUE] for t in pos):
        return None
    return pos

"""Table 二 (主动公开政府信息情况): 第二十条 blocks, each with its own column headers."""

from __future__ import annotations

import bisect

from parsers.tables.active_columns import after_header, header_keys, header_line, row_columns
from parsers.tables.active_glued import (
    GLUED,
    GLUED_MARKED,
    GLUED_MONEY,
    GLUED_SIGNED,
    GLUED_UNITS,
    MONEY_ROWS,
    split_glued,
    unmarked,
)
from parsers.tables.active_joined_labels import joined_labels
from parsers.tables.active_lost_labels import place_lost_runs, place_lost_single_rows
from parsers.tables.active_missing_rows import labels_by_meaning, labels_by_order
from parsers.tables.active_rows import (
    ANY_ROW,
    BLOCK,
    BLOCK_RE,
    LONGEST,
    PROCUREMENT_BLOCK,
    SECTION_THREE,
    may_begin_label,
    row_named,
)
from parsers.tables.active_wrapped import wrapped_under
from parsers.tables.align import fit, positional, warn_merged
from parsers.tables.cut_cells import cut_above_point, join_cut_cells, join_lone_cut
from parsers.tables.cut_points import cut_at_point, unit_cut
from parsers.tables.extra_in_boxes import table_three_row, values_apart
from parsers.tables.header_fields import by_header_fields
from parsers.tables.labels_after_values import labels_after_values
from parsers.tables.procurement_cells import count_and_amount_cell, glued_procurement, is_procurement
from parsers.tables.reading import Reading
from parsers.tables.run_splits import DASHES
from parsers.tables.split_digits import join_split_digits
from parsers.tables.templates import (
    ACTIVE_DEFAULTS,
    ACTIVE_REQUIRED,
    ACTIVE_ROWS,
)
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    COL,
    COMPACT,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)
from parsers.tables.values_first import blocks_values_first, by_sides, in_column_order
from parsers.tables.wrapped_sign import SIGNED, sign_wrapped


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
        if BLOCK_RE.search(label):
            continue
        if row_named(label) is None:
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
    first_block = r.first_index(BLOCK, start, end)
    table_start = start
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
        m = GLUED.match(tok[TEXT]) if tok[TEXT][-1:].isdigit() else None
        if m is not None and glued_text and (signed := GLUED_SIGNED.match(tok[TEXT])) is not None:
            m = signed
        if glued_text and any(d in tok[TEXT] for d in DASHES) and (marked := GLUED_MARKED.match(tok[TEXT])):
            m = marked
        elif m is None and glued_text and (units := GLUED_UNITS.match(tok[TEXT])) is not None:
            m = units if is_procurement("".join(units.group("label").split())) else None
        if m is None and glued_text and tok[TEXT][-1:] == "元":
            m = GLUED_MONEY.match(tok[TEXT])
        elif m is None and tok[TEXT][-1:] == "元" and (money := GLUED_MONEY.match(tok[TEXT])) is not None:
            # an amount and its unit against the label of a row of one amount (PyMuPDF's ``行政事业性收费0万元``)
            money_row = row_named("".join(money.group("label").split()))
            m = money if money_row is not None and (money_row.key, fmt) in MONEY_ROWS else None
            money_glued = money_glued or m is not None
        label = "".join(m.group("label").split()) if m else tok[COMPACT]
        row_found = row_named(label)
        if row_found is None and (split := after_header(label)) is not None:
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
            and len(tok[COMPACT]) < LONGEST
            and may_begin_label(tok[COMPACT])
            and r.wrapped_may_match(ANY_ROW, i)
        ):
            row_found = next((row for row in ACTIVE_ROWS if r.matches_wrapped(row, i)), None)
        if row_found is None and m is None and r.extracted.ocr and (pair := joined_labels(r, i, fmt, named)):
            labels.extend(pair)  # two rows' labels in one cell, the second row's values on the line under it
            named.update(key for _, key in pair)
            continue
        if row_found is not None and row_found.key not in named:
            labels.append((i, row_found.key))
            named.add(row_found.key)
            if m:
                at = tok[START] + m.start("num")
                end = tok[START] + m.end("num")  # (a unit after it set aside)
                glued[i] = token(m.group("num"), at, end, tok[LINE], tok[COL], tok[TABBED], split=True)
    labels_by_meaning(r, labels, start, end)
    labels_by_order(r, labels, fmt, start, end)
    blocks = [i for i in in_range if BLOCK_RE.search(tokens[i][COMPACT])]
    label_stops = sorted({i for i, _ in labels} | {end})
    boundaries = sorted({i for i, _ in labels} | set(blocks) | {end})
    if (glued_text or money_glued) and (three_at := r.first_index(SECTION_THREE, start + 1, end)) is not None:
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
        columns = row_columns(r, blocks, i, key, defaults.get(key), heads.get(i), own, glued.get(i))
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
    three = r.first_index(SECTION_THREE, start + 1, end)
    sides = by_sides(r, rows, blocks, end if three is None else three)
    if sides is not None:
        moved = sides
    else:
        moved = in_column_order(r, rows)
        moved.update(
            labels_after_values(r, rows, boundaries if three is None else sorted({*boundaries, three}), defaults)
        )
        moved.update(blocks_values_first(r, rows, blocks, end if three is None else three, defaults, set(moved)))
    for i, key, cols, stop in rows:
        if key in moved:
            keys = [f"{T}/{key}/{c}" for c in cols]
            for k, cell in zip(keys, moved[key], strict=True):
                r.put(k, cell, blank_where=r.tokens[i])
            continue
        _read_row(r, i, stop, key, cols, glued.get(i), blocks)
    found = {k for _, k in labels}
    found |= place_lost_single_rows(r, fmt, blocks, found, end)  # a one-row block's lost label (OCR only)
    found |= place_lost_runs(r, fmt, labels, found, table_start, end if three is None else three)  # by order (OCR only)
    for key in ACTIVE_REQUIRED.get(fmt, ()):
        if key not in found:
            r.warn("missing_row", f"row {key} of table 二 not found; its cells are blank", f"{T}/{key}")
            for col in defaults[key]:
                r.put(f"{T}/{key}/{col}", None)
    if (
        fmt == "2019"
        and "procurement" not in found
        and not any(f"{T}/procurement/{col}" in r.cells for col in defaults["procurement"])
        and (block := r.first_index(PROCUREMENT_BLOCK, start, end)) is not None
        and not (glued_text and glued_procurement(r, block, end, list(defaults["procurement"])))
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


def _header_joins(r: Reading, i: int, line: list[Token], n: int) -> bool:
    """Whether :func:`join_cut_cells` joins the row's values (its header line shows where a number was cut)."""
    vals = [t for t in line if t[IS_VALUE]]
    return len(vals) > n and join_cut_cells(r, i, vals, n) is not None


def _grid_named(
    r: Reading, i: int, line: list[Token], n: int, blocks: list[int] | None, columns: list[str]
) -> tuple[list[Token | None], list[Token], str | None, str | None] | None:
    """In the scan reader's own text, a row whose values the header line above places otherwise than right-aligned:
    the placement by the header's names (:func:`by_header_fields`), else None.

    The scan reader prints a ruled table one grid row a line, one TAB field per grid column of the whole table
    (``parsers/ocr/layout.py``); table 二's 第二十条 blocks draw their column rules at different places, so the
    table's grid has more columns than any block, and a block's row prints its cells at its own rules' fields, as
    its header line prints the columns' names, with blank fields between and after. A row with a cell blank
    (其他对外管理服务事项's 上一年项目数量 printed empty, synth_4113: ``13`` under 本年增/减 and ``8`` under
    本年处理决定数量, five blank fields after) is then no padded row: right-aligned it reads 13 as 上一年项目数量. Where
    the header line has the row's fields and names each column over one of them, and the row prints a value in
    fewer than all of its columns, each value is read under the name above it (``named_columns``, as a row of more
    fields than columns that right alignment cannot place is read)."""
    if (
        not r.extracted.ocr
        or len(line) <= n
        or sum(1 for t in line if t[TEXT] and t[IS_VALUE]) >= n
        or _garbled_before_values(line)
        or (header := header_line(r, blocks or [], i)) is None
        or (named := by_header_fields(header, [r.tokens[i], *line], columns, header_keys, unnamed_blank=True)) is None
    ):
        return None
    return named


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
        line = count_and_amount_cell(r, line)
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
    # a row of the document's own cells (Reading.exact): no narrow cell broke its numbers, no piece under them
    if glued is None and not r.exact(label) and (under := wrapped_under(r, i, stop, line, n)) is not None:
        cells, joins = under
        r.warn(
            "merged_digits",
            f"{T}/{key}: "
            + ", ".join(f"{a[TEXT]} / {b[TEXT]}" for a, b in joins)
            + ": a number broken over two lines in its narrow cell, its rest on the line under the row's, under it: "
            "read as " + " | ".join(t[TEXT] for t in cells) + " (table 二 has no identity to confirm it: a guess)",
            f"{T}/{key}",
            joins[0][0],
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
            how = (
                "one number cut at its point across two grid cells"
                if unit_cut(a[TEXT], b[TEXT]) is None
                else "one amount cut across two grid cells, its unit after the second piece (the grid may have lost "
                "a character at the rule: its point, or a digit)"
            )
            r.warn(
                "number_cut_blank",
                f"{T}/{key}: {a[TEXT]}|{b[TEXT]}: {how}; no identity confirms joining them ({a[TEXT]}{b[TEXT]}): "
                "left blank",
                f"{T}/{key}",
                a,
            )
        r.put_cells([f"{T}/{key}/{c}" for c in columns], laid, label)
        return
    pos = positional(line, n) if len(line) >= n else None
    if pos is not None and glued is None and _grid_named(r, i, line, n, blocks, columns) is not None:
        pos = None  # a scan's grid row: its values under the header's names (read below), not right-aligned
    keys = [f"{T}/{key}/{c}" for c in columns]
    if pos is not None and glued is not None and all(t is None or not t[TEXT] for t in pos):
        pos = None  # the row's number printed against its label, in the label's cell (行政处罚292 | | |): read below
    elif pos is not None and glued is not None and n > 1 and (first := _glued_first_cell(glued, pos, line)) is not None:
        r.warn(
            "glued_number",
            f"{T}/{key}: number {glued[TEXT]} printed in the row label's cell, the row's other cells printed after it "
            f"(its first cell empty, or one number fewer than its cells among empty grid fields): read as its first "
            f"cell ({' | '.join(t[TEXT] for t in first)})",
            f"{T}/{key}",
            glued,
        )
        r.put_cells(keys, first, label)
        return
    placed = [t for t in pos if t is not None and t[IS_VALUE]] if pos is not None else []
    if placed and _blank_garbled(r, key, keys, line, placed):
        return
    if pos is not None:
        warn_merged(r, line, n, f"{T}/{key}")
        blank = all(t is None or not t[TEXT] for t in pos)  # the label's line prints no cell
        if blank and (found := _row_below(r, i, stop, n, key)) is not None:
            below, rest = found
            shown = " ".join(t[TEXT] if t is not None and t[TEXT] else "(blank)" for t in below)
            whence = (
                "the label-less row under it"
                if rest is None
                else f"the row under it, whose first cell prints the label's rest ({label[TEXT]!r} + {rest[TEXT]!r})"
            )
            r.warn(
                "row_continued",
                f"{T}/{key}: no value on the label's line; read from {whence} ({shown})",
                f"{T}/{key}",
                next(t for t in below if t is not None and t[IS_VALUE]),
            )
            pos = below
        elif blank and (unread := printed_unread(r, i, stop)):
            r.warn(
                "printed_not_read",
                f"{T}/{key}: its cells print nothing on the label's line, but "
                + " | ".join(t[TEXT] for t in unread)
                + " print after the label, before the next row's: not read as the row's cells (no reading of them "
                "is certain); the row's cells left blank",
                f"{T}/{key}",
                unread[0],
            )
        r.put_cells(keys, pos, label)
        return
    if (
        len(line) >= n  # more fields than columns, or as many, one of them text (no value: right alignment refused)
        and glued is None
        and sum(1 for t in line if t[TEXT] and t[IS_VALUE]) < n  # a cell blank or unreadable: whose are the values
        and not _garbled_before_values(line)  # a number misread before the values: _blank_garbled's
        and (header := header_line(r, blocks or [], i)) is not None
        and (named := by_header_fields(header, [label, *line], columns, header_keys, r.extracted.ocr)) is not None
    ):
        laid, words, guessed, lost = named
        shown = " | ".join(t[TEXT] for t in line)
        r.warn(
            "named_columns",
            f"{T}/{key}: {len(line)} cells for {n} columns ({shown}); each value read as the column the header's "
            "cell above it names (the header line has the row's cells)"
            + (
                f"; the header cell naming no column taken for {guessed}, the one column no other names, where it "
                "stands in the template's order"
                if guessed
                else ""
            )
            + (
                f"; the header names no field for {lost} (its name not read) and no value stands under a field "
                f"without a name: {lost} left blank"
                if lost
                else ""
            ),
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
        after = count_and_amount_cell(r, after)
    vals: list[Token] = [t for t in after if t[IS_VALUE]]
    if glued is not None:
        vals.insert(0, glued)
        r.warn(
            "glued_number",
            f"{T}/{key}: number {glued[TEXT]} split from the row label {label[TEXT]!r}",
            f"{T}/{key}",
            glued,
        )
    if glued is not None and vals == [glued] and (n > 1 or not glued[IS_VALUE]) and split_glued(r, glued, keys, label):
        return
    if vals and _blank_garbled(r, key, keys, line, vals):
        return
    if len(vals) > n and (above := cut_above_point(r, i, vals, n)) is not None:
        laid, cut_at = above
        for piece in cut_at:
            r.warn(
                "number_cut_blank",
                f"{T}/{key}: a number printed across grid cells under one header cell from {piece[TEXT]!r} on, its "
                "decimal point alone in the grid row under it: cut at its point; no identity confirms joining the "
                "pieces with it: left blank",
                f"{T}/{key}",
                piece,
            )
        r.put_cells([f"{T}/{key}/{c}" for c in columns], laid, label)
        return
    if len(vals) > n and (cut := join_cut_cells(r, i, vals, n)) is not None:
        vals, guess = cut
        r.warn("number_across_cells", f"{T}/{key}: {guess}", f"{T}/{key}", vals[0])
    if len(vals) > n and (joined := join_split_digits(r.text, vals, n)) is not None:
        vals, guess = joined
        r.warn("merged_digits", f"{T}/{key}: {guess} (a guess)", f"{T}/{key}", vals[0])
    if len(vals) > n and (lone := join_lone_cut(r, vals, n)) is not None:
        vals, guess = lone
        r.warn("number_across_cells", f"{T}/{key}: {guess}", f"{T}/{key}", vals[0])
    if len(vals) > n and (why := _row_open(r, line if glued is None else [glued, *line], vals, n)) is not None:
        shown = " ".join(t[TEXT] for t in vals)
        r.warn(
            "placement_open",
            f"{T}/{key}: {len(vals)} values for {n} columns ({shown}), {why}: which of them are the row's cells is "
            "not in the text, and table 二 has no identity to tell; the row is left blank",
            f"{T}/{key}",
            vals[0],
        )
        for k in keys:
            r.put(k, None)
        return
    if len(vals) > n:
        r.warn(
            "extra_values",
            f"{T}/{key}: {len(vals)} values for {n} columns; the first {n} are used "
            f"(ignored: {', '.join(t[TEXT] for t in vals[n:])})",
            f"{T}/{key}",
            vals[n],
        )
        vals = vals[:n]
    if 0 < len(vals) < n and unmarked(r):
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


def _row_open(r: Reading, line: list[Token], vals: list[Token], n: int) -> str | None:
    """Why table 二's row of ``n`` cells, with more values ``vals`` after its label than cells, cannot be read (the
    first ``n`` are no more the row's than any other ``n``, and table 二 has no identity to tell; version 128 took
    the first ``n``: wrong numbers), or None where the first ``n`` are the row's:

    - a text that marks no cell (poppler's blocks print a row's cells after the next row's label: 规章's 0 470 after
      行政规范性文件 29), the row of several cells, unless the values past the row's begin with table 三's first row
      (its six cells summing to its total: the row's values are then the first, as in tables/extra_in_boxes.py);
    - more values than cells on the label's own ``line`` (a grid cell holding a number's piece and the next cell's
      value, ``|2|9<br>0|280|``; a number cut over grid cells, ``|行政处罚|||5|350|``);
    - pdfminer's boxes: other rows' values after the label in the boxes' order, each a line of its own (3669 with
      wkhtmltopdf's PDF, 3558 with LibreOffice's; tables/extra_in_boxes.py)."""
    if n > 1 and unmarked(r) and not table_three_row(vals[n:]):
        return "in a text that marks no cell"
    if _more_on_line(line, vals, n):
        return "on the label's line"
    if values_apart(r, vals, n):
        return "each a line of its own in a PDF's text (an extractor's boxes, in their order, not the table's)"
    return None


def _glued_first_cell(glued: Token, pos: list[Token | None], line: list[Token]) -> list[Token] | None:
    """The row's cells with ``glued`` (a number printed in its label's cell: pymupdf4llm's layout mode cuts the grid
    at the page's rules, ``|政府集中采购<br>7||11|``) in its first cell, where that cell is empty and every other
    prints a number; None otherwise.

    So too where the row's line has as many grid fields as the row has cells, or more, and prints, beside the
    label's cell, exactly one number fewer than its cells, every other field empty (``|行政规范性文件<br>53|||9||13|``
    under ``|信息内容|本年制|发件数||本年废止件数|现行有效件数|``: the grid cut at rules the header's cells do not
    share, a cell's number in the field where it starts; ``|行政处罚10|20<br>5||``: the header's cells cut across
    the grid's, each number a field to the left of its column's): the label's cell is the first cell's, the others
    follow in order (read right-aligned, the fields' count says nothing of which cells they are: 9 read as the first
    cell; the label's number dropped, 20 read as the first)."""
    if not glued[IS_VALUE]:
        return None
    if len(line) >= len(pos) and all(not t[TEXT] or t[IS_VALUE] for t in line):
        nums = [t for t in line if t[TEXT]]
        if len(nums) == len(pos) - 1 and all(number_value(t[TEXT]) is not None for t in nums):
            return [glued, *nums]
    if pos[0] is not None and pos[0][TEXT]:
        return None
    rest = pos[1:]
    if not all(t is not None and t[IS_VALUE] and number_value(t[TEXT]) is not None for t in rest):
        return None
    return [glued, *(t for t in rest if t is not None)]


def _more_on_line(line: list[Token], vals: list[Token], n: int) -> bool:
    """More of the row's numbers ``vals`` than its ``n`` cells on its label's ``line``, not its first ``n`` printed
    again (pymupdf4llm prints a merged cell's number in each grid column it spans: ``1382 60.21 1382 60.21``), and
    more even when a number printed twice in a row counts once (a converter's cell spanning two grid columns printed
    in each); dashes not counted."""
    on_line = {t[START] for t in line}
    nums = [t[TEXT] for t in vals if t[START] in on_line and number_value(t[TEXT]) is not None]
    distinct = [v for k, v in enumerate(nums) if k == 0 or v != nums[k - 1]]
    return len(distinct) > n and any(v != nums[k % n] for k, v in enumerate(nums))


def _garbled_before_values(line: list[Token]) -> bool:
    """A TAB cell of text holding a digit before the line's first value (:func:`_blank_garbled`'s case)."""
    first = next((t for t in line if t[TEXT] and t[IS_VALUE]), None)
    return first is not None and _digits_in_text_before(line, first) is not None


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


UNREAD_MAX = 12  # a token longer than this is text (a sentence with a number), not a cell the row prints


def printed_unread(r: Reading, i: int, stop: int) -> list[Token]:
    """The cell-sized tokens holding a digit that print after the label at token ``i``, on its line or the line
    below it, before ``stop`` (the next row's label): what a row read blank on its label's line leaves unread."""
    line = r.tokens[i][LINE]
    return [
        t
        for t in r.tokens[i + 1 : stop]
        if t[LINE] - line in (0, 1) and len(t[TEXT]) <= UNREAD_MAX and any(c.isdigit() for c in t[TEXT])
    ]


def _row_below(r: Reading, i: int, stop: int, n: int, key: str) -> tuple[list[Token | None], Token | None] | None:
    """The cells of the label-less row right under the label at token ``i`` (a blank first cell, then ``n``
    cells, at least one a number), when that row is before ``stop``: a row whose label cell spans two rows of
    the value columns, printed as a label row of blank cells and a row of values without a label. So too where
    that row's first cell is the label's rest, the two reading row ``key``'s label joined (pymupdf4llm's layout grid
    cutting a wrapped label cell at the line between its lines: ``|行政规||||`` / ``|范性文<br>件|0|6|187|``): the
    cells, and that first cell (None where it is blank)."""
    line = r.tokens[i][LINE]
    below = [t for t in r.tokens[i + 1 : stop] if t[LINE] != line]
    if not below:
        return None
    first = below[0][LINE]
    toks = [t for t in below if t[LINE] == first]
    rest = toks[0] if toks[0][TABBED] and toks[0][TEXT] and _label_rest(r.tokens[i], toks[0], key) else None
    if not (toks[0][TABBED] and (rest is not None or not toks[0][TEXT])) or any(t[IS_LABELISH] for t in toks[1:]):
        return None
    pos = positional(toks[1:], n)
    if pos is None or not any(t is not None and t[IS_VALUE] for t in pos):
        return None
    return pos, rest


def _label_rest(label: Token, cell: Token, key: str) -> bool:
    """Whether grid cell ``cell``, on the line under the row label ``label``, is that label's rest: neither reads a
    row alone, the two joined read row ``key``'s label."""
    if row_named(label[COMPACT]) is not None or row_named(cell[COMPACT]) is not None:
        return False
    joined = row_named(label[COMPACT] + cell[COMPACT])
    return joined is not None and joined.key == key

"""Table 二 rows whose values a text prints above their label (markitdown's text of a PDF, a cell a line): which
rows read the values above them."""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    IS_VALUE,
    LINE,
    TEXT,
    Token,
)
from parsers.tables.warn_keys import run_key


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


def labels_after_values(
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
    """:func:`labels_after_values`' reading, ``inline[k]``: row ``k`` has a value on its label's line."""
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
            run_key(T, [rows[k][1] for k in read]),
            tokens[rows[read[0]][0]],
            rows=tuple([rows[k][1] for k in read]),
        )
    return out

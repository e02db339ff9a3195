"""The legacy 统计指标 / 单位 / 统计数 table of reports up to 2018: one value per row."""

from __future__ import annotations

import re

from parsers.tables.checks import LEGACY_IDENTITIES
from parsers.tables.reading import Found, Reading
from parsers.tables.row_locate import locate, next_found
from parsers.tables.rows_by_order import redistribute
from parsers.tables.split_digits import join_split_digits
from parsers.tables.templates import LEGACY_ROWS
from parsers.tables.templates import LEGACY_TABLE as T
from parsers.tables.tokens import (
    COL,
    COMPACT,
    IS_BLANK_MARKER,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)


def find_legacy_start(r: Reading) -> int | None:
    """The table's header (统计指标), or its first row when that comes earlier: a header printed in fragments
    (``统计指单位统计数``) is not recognised, and the first header recognised may be one repeated mid-table."""
    anchor = r.first_index(r"^统计指标$")
    first = fallback = r.find(LEGACY_ROWS[0], 0, anchor)
    for _ in range(8):  # the first row's wording may come up in the text before the table: the row carries a value
        if first is None or first.glued or r.row_like(first.index, same_line=True):
            break
        first = r.find(LEGACY_ROWS[0], first.index + 1, anchor)
    if first is not None and (anchor is None or first.index < anchor):
        return first.index
    if anchor is None and fallback is not None:
        return fallback.index
    return anchor


def read_legacy(r: Reading, start: int) -> None:
    found = locate(r, LEGACY_ROWS, start, None, T)
    stops: dict[int, int] = {}
    for k, (f, later) in enumerate(zip(found, next_found(found), strict=True)):
        if f is not None:
            stops[k] = later if later is not None else min(f.index + 12, len(r.tokens))
    runs = [(f.index, LEGACY_ROWS[k].key, 1, stops[k]) for k, f in enumerate(found) if f is not None and not f.glued]
    moved = redistribute(r, runs, T, skip_blank_markers=True)
    numbers_of: dict[int, list[Token]] = {}
    for k, (row, f) in enumerate(zip(LEGACY_ROWS, found, strict=True)):
        if f is None or row.key in moved:
            continue
        stop = stops[k]
        numbers = [f.glued] if f.glued else []
        if not f.glued and _printed_blank(r, f.index, stop):
            stop = f.index + 1  # the row prints its value cell, empty: what follows belongs to other rows
        numbers += [t for t in r.tokens[f.index + 1 : stop] if t[IS_VALUE] and not t[IS_BLANK_MARKER]]
        numbers_of[k] = numbers
    for k, numbers in numbers_of.items():
        after = numbers_of.get(k + 1)
        if len(numbers) == 2 and after == [] and _value_before_label(r, numbers, found[k + 1]):
            # the next row's value printed on a line of its own above its label (a PDF's vertically centred
            # label cell: ``件 61`` / ``2.延期办结数``)
            numbers_of[k + 1] = [numbers.pop()]
            key = f"{T}/{LEGACY_ROWS[k + 1].key}/value"
            r.warn(
                "value_before_label",
                f"{key}: {numbers_of[k + 1][0][TEXT]} printed on a line of its own between row "
                f"{LEGACY_ROWS[k].key}'s value and this row's label, which has none: read as this row's",
                key,
                numbers_of[k + 1][0],
            )
    glued = _glued_before_text(r, found, stops, numbers_of)
    for k, (row, f) in enumerate(zip(LEGACY_ROWS, found, strict=True)):
        key = f"{T}/{row.key}/value"
        if k in glued:
            token, why = glued[k]
            numbers_of[k] = [token]
            r.warn("glued_number", f"{key}: number {token[TEXT]} {why}", key, token)
        if f is None:
            r.warn("missing_row", f"row {row.key} of the 统计指标 table not found; its cell is blank", key)
            r.put(key, None)
            continue
        label = r.tokens[f.index]
        if row.key in moved:
            r.put(key, moved[row.key][0], blank_where=label)
            continue
        numbers = numbers_of[k]
        if f.glued:
            r.warn("glued_number", f"{key}: number {f.glued[TEXT]} split from the row label", key, f.glued)
        if len(numbers) > 1 and (joined := join_split_digits(r.text, numbers, 1)) is not None:
            numbers, guess = joined
            r.warn("merged_digits", f"{key}: {guess} (a guess)", key, numbers[0])
        if len(numbers) > 1:
            r.warn("extra_values", f"{key}: {len(numbers)} values for one cell; the first is used", key, numbers[1])
        r.put(key, numbers[0] if numbers else None, blank_where=label)


def _value_before_label(r: Reading, numbers: list[Token], nxt: Found | None) -> bool:
    """The second of a row's two values stands on a line below the first, with no label on it (numbers and
    units only), and the next row's label comes right after it, on a later line."""
    first, second = numbers
    if nxt is None or nxt.glued or second[LINE] == first[LINE]:
        return False
    label = r.tokens[nxt.index]
    if label[LINE] <= second[LINE]:
        return False
    on_line = [t for t in r.tokens if t[LINE] == second[LINE]]
    if any(not (t[IS_VALUE] or t[COMPACT] in _UNITS) for t in on_line):
        return False
    between = r.tokens[r.tokens.index(second) + 1 : nxt.index]
    return not between


_NUMBER_THEN_TEXT = re.compile(r"^(\d+)(?=[\u4e00-\u9fff（(])")
_NUMBER_THEN_NUMBERING = re.compile(r"^(\d+)[.．、](?=[\u4e00-\u9fff])")


def _glued_before_text(
    r: Reading, found: list[Found | None], stops: dict[int, int], numbers_of: dict[int, list[Token]]
) -> dict[int, tuple[Token, str]]:
    """Rows with no value whose number is printed against the text after it (pymupdf's sorted spans):

    - against the rest of the row's own label, wrapped (``8447数（不同方式…``): the text after the number begins
      with the end of the template's label (its last character at least), so the number is this row's;
    - against the next row's numbered label (``17141.专职人员数``): the digits end with that label's numbering;
      taken only when exactly one cut leaves a number that makes an identity of the table hold with the cells
      read (``1714`` = 382 + 1332).

    Row index -> (the number's token, what decided it)."""
    out: dict[int, tuple[Token, str]] = {}
    for k, numbers in numbers_of.items():
        f = found[k]
        if numbers or f is None or f.glued:
            continue
        label = r.tokens[f.index]
        after = [t for t in r.tokens[f.index + 1 : stops[k]] if t[LINE] == label[LINE]]
        rest = next((t for t in after if not t[IS_VALUE] and t[COMPACT] not in _UNITS), None)
        if rest is not None and (m := _NUMBER_THEN_TEXT.match(rest[TEXT])):
            tail = rest[TEXT][m.end() :].split("（")[0].split("(")[0]
            template = LEGACY_ROWS[k].label or ""
            if tail and template.endswith(tail[: len(tail)]) and len(tail) <= len(template):
                cut = token(
                    m.group(1), rest[START], rest[START] + m.end(), rest[LINE], rest[COL], rest[TABBED], split=True
                )
                out[k] = (cut, f"printed against the rest of its label ({rest[TEXT][:12]!r})")
                continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is None or r.tokens[nxt.index][LINE] != label[LINE]:
            continue
        head = r.tokens[nxt.index]
        if not (m := _NUMBER_THEN_NUMBERING.match(head[TEXT])) or len(m.group(1)) < 2:
            continue
        digits = m.group(1)
        fits = [n for n in (1, 2) if len(digits) > n and _identity_holds(r, found, numbers_of, k, int(digits[:-n]))]
        if len(fits) == 1:
            n = fits[0]
            cut = token(
                digits[:-n], head[START], head[START] + len(digits) - n, head[LINE], head[COL], head[TABBED], True
            )
            out[k] = (
                cut,
                f"printed against the next row's numbering {digits[-n:]}. ({head[TEXT][:12]!r}): the only cut an "
                "identity of the table confirms",
            )
    return out


def _identity_holds(
    r: Reading, found: list[Found | None], numbers_of: dict[int, list[Token]], k: int, value: int
) -> bool:
    """An identity of the legacy table that row ``k`` is part of holds with ``value`` in it and the others' first
    values (every one read)."""
    keys = [row.key for row in LEGACY_ROWS]
    row = keys[k]
    for _, parts, total in LEGACY_IDENTITIES:
        if row != total and row not in parts:
            continue
        cells: dict[str, float] = {row: value}
        for other in [*parts, total]:
            if other == row:
                continue
            j = keys.index(other)
            nums = numbers_of.get(j)
            if not nums or nums[0][IS_BLANK_MARKER] or (v := number_value(nums[0][TEXT])) is None:
                break
            cells[other] = v
        else:
            if abs(sum(cells[p] for p in parts) - cells[total]) < 1e-9:
                return True
    return False


_UNITS = frozenset({"件", "条", "个", "次", "人", "人次", "篇", "项", "万元", "元", "场", "期", "家", "份"})


def _printed_blank(r: Reading, label: int, stop: int) -> bool:
    """A TAB row whose cells after the label are all printed and none holds a value (``（三）申请答复数 | 件 |``):
    its value cell is blank, so no number on a later line (a page number, the next row's) is its value —
    unless the next line is a table row holding a value, the rest of a label wrapped into two table rows."""
    cells = r.line_after(label)
    if not cells or cells[-1][TEXT] or any(t[IS_VALUE] for t in cells):
        return False
    after = [t for t in r.tokens[label + len(cells) + 1 : stop] if t[LINE] == cells[-1][LINE] + 1]
    return not any(t[TABBED] and t[IS_VALUE] for t in after)

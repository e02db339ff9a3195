"""A table grid that splits the template's columns: one column read from the grid columns its header gives it.

pymupdf4llm builds a table's grid from every rule the page draws, so a column the header divides (法人或其他组织
over 商业企业 … 其他, 总计 beside them) or a page's wider cell above splits the value columns under it into two or
more grid columns, and prints a merged cell's text in every grid column it covers: the header's texts and each
value row's number, repeated (``|商业企业|商业企业|`` over ``|0|0|``). Two grid columns belong to one column of the
table when the header rows above give them the same text in every row (the column's whole header, not its last
cell: ``法人或其他组织 / 其他`` and ``总计 / 其他`` are two columns). In a value row such a group is one cell: its
number when every grid column prints the same number (or all are empty, or all print one dash, a blank cell's
mark), and **blank** when they disagree (a number beside an empty grid column, or two numbers): which one is the
cell's the text cannot say, and a wrong number is worse than a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_NUMBER = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")
# a report's full-width digits and signs (``－7``, ``１２``), which the tokenizer reads as numbers
# (parsers.tables.tokens' normalise): compared as ASCII, so their grid columns group as any number's
_FULL_WIDTH = str.maketrans({"－": "-", "．": ".", "，": ",", **{chr(0xFF10 + i): str(i) for i in range(10)}})
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_DASH = re.compile(r"[—–]{1,2}")  # a blank cell's mark (no hyphen or minus: a sign)
# the header pymupdf4llm and pandas write for a column that has none (``Col3``)
PLACEHOLDER = re.compile(r"^(?:Col|Column)\s*\d{1,3}$")
BR = re.compile(r"<br\s*/?>", re.I)  # a line break a Markdown table's cell prints (``<br>``)


@dataclass
class GridColumns:
    """Per pipe row (line index): grid columns left out (read in the group's first) and columns made blank."""

    skip: dict[int, set[int]] = field(default_factory=dict)
    blank: dict[int, set[int]] = field(default_factory=dict)
    merged: int = 0  # grid columns read into the one before
    disagreeing: list[str] = field(default_factory=list)  # "row label: a/b" for each group left blank
    placeholders: list[str] = field(default_factory=list)  # "header: n grid columns" grouped by their ColN
    off_header: set[int] = field(default_factory=set)  # value rows whose label lies over the header's value columns


def _text(cell: str) -> str:
    text = " ".join(BR.sub("", cell).split()).translate(_FULL_WIDTH)
    return "" if PLACEHOLDER.match(text) else text


def _inherited(row: list[str], raw: list[str]) -> list[str]:
    """A header row whose placeholder cells (pymupdf4llm's ``ColN``: a grid column its header cell printed no text
    in) take the text of the cell on their left: a merged header cell's text is printed in its first grid column
    only, the placeholder in each other one it covers."""
    out = list(row)
    for c in range(1, len(out)):
        if not out[c] and c < len(raw) and PLACEHOLDER.match(" ".join(BR.sub("", raw[c]).split())):
            out[c] = out[c - 1]
    return out


def split_columns(
    lines: list[str], cells_of: Callable[[str], list[tuple[int, int]]], is_row: Callable[[str], bool]
) -> GridColumns:
    """The grid columns to read as one, per pipe row of ``lines`` (``cells_of``: a row's cells' bounds,
    ``is_row``: whether a line is a pipe row; a table ends at a line that is none)."""
    out = GridColumns()
    header: list[list[str]] = []  # the header rows above the current value rows (their texts by column)
    raw_header: list[list[str]] = []  # the same rows' cells as printed (placeholders kept)
    rows: list[tuple[int, list[str]]] = []  # the value rows under ``header``
    numbered: list[str] | None = None  # a row of values pymupdf4llm took for the header (its cells as printed)
    under: list[tuple[int, list[str]]] = []  # the value rows under ``numbered``
    for k, line in enumerate(lines):
        if "|" not in line or not is_row(line):
            _block(out, header, raw_header, rows)
            _numbered_block(out, numbered, under)
            header, raw_header, rows, numbered, under = [], [], [], None, []
            continue
        raw = [line[s:e] for s, e in cells_of(line)]
        texts = [_text(cell) for cell in raw]
        if all(not t or set(t) <= set("-:") for t in texts):
            continue  # the |---| rule, or a row of empty cells
        values = any(_NUMBER.match(t) for t in texts[1:])
        if not values:
            if len({t for t in texts if t}) == 1:
                continue  # one text across the row (a title over the whole table, 第二十条第（五）项): no column's
            if any(_IDEOGRAPH.search(t) for t in texts[1:]):
                if rows:
                    _block(out, header, raw_header, rows)  # a new header after value rows
                    header, raw_header, rows = [], [], []
                _numbered_block(out, numbered, under)
                numbered, under = None, []
                header.append(texts)
                raw_header.append(raw)
            continue  # a label row (text in its first cell only) keeps the header
        if header:
            rows.append((k, texts))
        elif numbered is not None:
            start = _first_number([_text(c) for c in numbered])
            if len(texts) == len(numbered) and not any(_IDEOGRAPH.search(t) for t in texts[start:]):
                under.append((k, texts))  # (a row whose label runs into the value columns lies under other ones)
        elif any(PLACEHOLDER.match(" ".join(BR.sub("", cell).split())) for cell in raw[2:]):
            numbered = raw
    _block(out, header, raw_header, rows)
    _numbered_block(out, numbered, under)
    return out


def _numbered_block(out: GridColumns, first: list[str] | None, rows: list[tuple[int, list[str]]]) -> None:
    """A table whose first row pymupdf4llm took for its header is a row of values (a table 二 block after a page
    break: ``|行政处罚|2|Col3|Col4|0|Col6|7|Col8|``): each of its cells prints its number in its first grid column and
    a placeholder in the others it covers, and the rows under it repeat each cell's number across its grid columns
    (``|行政强制|5|5|5|0|0|12|12|``). Each number and the placeholders after it are read as one cell in those rows
    when every row prints one number across every such run (or nothing) and some run a number other than 0: the
    grid repeating merged cells' numbers, not columns that happen to print alike (``placeholder_columns``)."""
    if first is None or not rows:
        return
    held = [" ".join(BR.sub("", cell).split()) for cell in first]
    runs: list[tuple[int, int]] = []
    c = 1
    while c < len(held):
        end = c + 1
        while end < len(held) and PLACEHOLDER.match(held[end]):
            end += 1
        if end - c > 1 and _NUMBER.match(_text(first[c])):
            runs.append((c, end))
        c = end
    if not runs or not all(_one_number_in_every_row(rows, c, end) for c, end in runs):
        return
    if not any(_repeated_in_every_row(rows, c, end) for c, end in runs):
        return
    for k, _ in rows:
        for c, end in runs:
            out.skip.setdefault(k, set()).update(range(c + 1, end))
    out.merged += len(rows) * sum(end - c - 1 for c, end in runs)
    label = _text(first[0])[:12]
    out.placeholders.extend(f"{label} {_text(first[c])} (a row of values): {end - c} grid columns" for c, end in runs)


def _one_number_in_every_row(rows: list[tuple[int, list[str]]], c: int, end: int) -> bool:
    """Every value row prints one number in each of grid columns ``c`` to ``end`` (or nothing in all)."""
    for _, texts in rows:
        group = {texts[j] if j < len(texts) else "" for j in range(c, end)}
        if len(group) != 1:
            return False
        (value,) = group
        if value and not _NUMBER.match(value):
            return False
    return True


def _block(
    out: GridColumns, header: list[list[str]], raw_header: list[list[str]], rows: list[tuple[int, list[str]]]
) -> None:
    """The value rows under one header: grid columns whose whole header is the same read as one. Where a header
    row prints placeholders (``ColN``), a run of grid columns that only the placeholders' inheriting the text on
    their left makes one column is read as one only when every value row prints one number across it (or
    nothing) and some row a number other than 0: a merged cell's number repeated, which no two columns of the
    template print in every row (``placeholder_columns``)."""
    if not header or not rows:
        return
    width = max(len(texts) for _, texts in rows)
    inherited = [_inherited(row, raw) for row, raw in zip(header, raw_header, strict=True)]
    wide = [tuple(row[c] if c < len(row) else "" for row in inherited) for c in range(width)]
    # the header's first value column: the first whose header texts (a placeholder's its left neighbour's: a merged
    # cell) are not the label column's
    first_value = next((c for c in range(1, width) if wide[c] != wide[0]), width)
    # a row whose label runs over grid columns the header gives values lies under other columns (another grid's):
    # its numbers neither part two grid columns the header names alike nor group any (read as printed)
    off = {k for k, texts in rows if _off_header(texts, first_value)}
    under = [(k, texts) for k, texts in rows if k not in off]
    # the placeholders' runs are asked of the rows whose numbers start in the header's value columns; a row whose
    # numbers start left of them (its label cells narrower: another grid's columns) is read by the keys every row
    # gives (as where no row is so)
    aligned = [(k, texts) for k, texts in under if _first_number(texts) >= first_value]
    keys = _keys(out, header, wide, under, aligned, first_value)
    printed = keys if len(aligned) == len(under) else _keys(GridColumns(), header, wide, under, under, first_value)
    for k, texts in rows:
        at = _first_number(texts)
        if k in off:
            out.off_header.add(k)
            continue
        own = keys if at >= first_value else printed
        c = 1
        while c < len(texts):
            end = c + 1
            while (
                end < len(texts)
                and own[end] == own[c]
                and any(_IDEOGRAPH.search(t) for t in own[c])
                and all(not t or _NUMBER.match(t) for t in texts[c : end + 1])
            ) or _same_dash(texts, c, end, own):
                end += 1
            if end - c > 1:
                group = texts[c:end]
                out.skip.setdefault(k, set()).update(range(c + 1, end))
                out.merged += end - c - 1
                if len(set(group)) > 1:
                    out.blank.setdefault(k, set()).add(c)
                    out.disagreeing.append(f"{texts[0][:12]}: {'/'.join(t or '·' for t in group)}")
            c = end


def _keys(
    out: GridColumns,
    header: list[list[str]],
    wide: list[tuple[str, ...]],
    rows: list[tuple[int, list[str]]],
    asked: list[tuple[int, list[str]]],
    first_value: int,
) -> list[tuple[str, ...]]:
    """Each grid column's header texts, a placeholders' run made one column where every row of ``asked`` repeats
    one number across it (said in ``out``) and the run is no column and its row total (:func:`_total_after_zeros`),
    two columns the header names alike parted where ``rows`` print them apart."""
    width = len(wide)
    keys = [tuple(row[c] if c < len(row) else "" for row in header) for c in range(width)]
    if wide != keys:
        c = 1
        while c < width:
            end = c + 1
            while end < width and wide[end] == wide[c] and keys[end] != keys[c]:
                end += 1
            if (
                end - c > 1
                and asked
                and _repeated_in_every_row(asked, c, end)
                and not _total_after_zeros(asked, first_value, c, end)
            ):
                for j in range(c + 1, end):
                    keys[j] = keys[c]
                out.placeholders.append(f"{'/'.join(t for t in wide[c] if t)[:16]}: {end - c} grid columns")
            c = end
    for c in range(1, width - 1):
        if keys[c + 1] == keys[c] and _two_columns(rows, c):
            keys[c + 1] = (*keys[c + 1], "")  # two columns the header names alike, not one split (below)
    return keys


def _off_header(texts: list[str], first_value: int) -> bool:
    """A value row whose label's cells run over grid columns the header gives values (text between the header's
    first value column and the row's first number)."""
    at = _first_number(texts)
    return at > first_value and any(_IDEOGRAPH.search(t) for t in texts[first_value:at])


def _first_number(texts: list[str]) -> int:
    """The first cell after the label's that prints a number (the row's length where none does)."""
    return next((c for c, t in enumerate(texts) if c and _NUMBER.match(t)), len(texts))


def _same_dash(texts: list[str], c: int, end: int, keys: list[tuple[str, ...]]) -> bool:
    """Grid column ``end`` continues the group from ``c`` under one header cell, every grid column of it printing
    one dash (a blank cell's mark, repeated as a merged cell's number is: ``|—|—|`` under ``本年增/减`` twice)."""
    return (
        end < len(texts)
        and keys[end] == keys[c]
        and any(_IDEOGRAPH.search(t) for t in keys[c])
        and len(set(texts[c : end + 1])) == 1
        and _DASH.fullmatch(texts[c]) is not None
    )


def _two_columns(rows: list[tuple[int, list[str]]], c: int) -> bool:
    """Grid columns ``c`` and ``c + 1`` are two of the table's columns, whatever their header prints (pymupdf4llm's
    ``|其他|其他|`` over 其他 and 总计): some value row prints two different numbers in them, and no row one number
    other than 0 in both (a merged cell split into grid columns prints its number in each)."""
    pairs = [(texts[c], texts[c + 1]) for _, texts in rows if c + 1 < len(texts)]
    numbers = [(a, b) for a, b in pairs if _NUMBER.match(a) and _NUMBER.match(b)]
    return any(a != b for a, b in numbers) and not any(a == b and a.strip("0.,+-") for a, b in numbers)


def _total_after_zeros(rows: list[tuple[int, list[str]]], first_value: int, c: int, end: int) -> bool:
    """Grid columns ``c`` to ``end`` are the rows' last, and every row prints 0 (or nothing) in every value column
    before them: the run's repeated number is a column's and the row's total after it (the header lost the total's
    name: ``|其他|Col10|`` over ``|0|0|0|0|0|18|18|``, every applicant of one kind), which holds each row's sum, not
    one merged cell, which would read a total of 0 against 18."""
    for _, texts in rows:
        if len(texts) != end or any(t and (not _NUMBER.match(t) or t.strip("0.,+-")) for t in texts[first_value:c]):
            return False
    return True


def _repeated_in_every_row(rows: list[tuple[int, list[str]]], c: int, end: int) -> bool:
    """Every value row prints one number in each of grid columns ``c`` to ``end`` (or nothing in all), and some
    row a number other than 0."""
    return _one_number_in_every_row(rows, c, end) and any(
        c < len(texts) and texts[c].strip("0.,+-") != "" for _, texts in rows
    )

"""A table grid that splits the template's columns: one column read from the grid columns its header gives it.

pymupdf4llm builds a table's grid from every rule the page draws, so a column the header divides (法人或其他组织
over 商业企业 … 其他, 总计 beside them) or a page's wider cell above splits the value columns under it into two or
more grid columns, and prints a merged cell's text in every grid column it covers: the header's texts and each
value row's number, repeated (``|商业企业|商业企业|`` over ``|0|0|``). Two grid columns belong to one column of the
table when the header rows above give them the same text in every row (the column's whole header, not its last
cell: ``法人或其他组织 / 其他`` and ``总计 / 其他`` are two columns). In a value row such a group is one cell: its
number when every grid column prints the same number (or all are empty), and **blank** when they disagree (a
number beside an empty grid column, or two numbers): which one is the cell's the text cannot say, and a wrong
number is worse than a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_NUMBER = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_PLACEHOLDER = re.compile(r"^(?:Col|Column)\s*\d{1,3}$")
_BR = re.compile(r"<br\s*/?>", re.I)


@dataclass
class GridColumns:
    """Per pipe row (line index): grid columns left out (read in the group's first) and columns made blank."""

    skip: dict[int, set[int]] = field(default_factory=dict)
    blank: dict[int, set[int]] = field(default_factory=dict)
    merged: int = 0  # grid columns read into the one before
    disagreeing: list[str] = field(default_factory=list)  # "row label: a/b" for each group left blank


def _text(cell: str) -> str:
    text = " ".join(_BR.sub("", cell).split())
    return "" if _PLACEHOLDER.match(text) else text


def split_columns(
    lines: list[str], cells_of: Callable[[str], list[tuple[int, int]]], is_row: Callable[[str], bool]
) -> GridColumns:
    """The grid columns to read as one, per pipe row of ``lines`` (``cells_of``: a row's cells' bounds,
    ``is_row``: whether a line is a pipe row; a table ends at a line that is none)."""
    out = GridColumns()
    header: list[list[str]] = []  # the header rows above the current value rows (their texts by column)
    in_values = False
    for k, line in enumerate(lines):
        if "|" not in line or not is_row(line):
            header, in_values = [], False
            continue
        texts = [_text(line[s:e]) for s, e in cells_of(line)]
        if all(not t or set(t) <= set("-:") for t in texts):
            continue  # the |---| rule, or a row of empty cells
        values = any(_NUMBER.match(t) for t in texts[1:])
        if not values:
            if len({t for t in texts if t}) == 1:
                continue  # one text across the row (a title over the whole table, 第二十条第（五）项): no column's
            if any(_IDEOGRAPH.search(t) for t in texts[1:]):
                if in_values:
                    header, in_values = [], False  # a new header after value rows
                header.append(texts)
            continue  # a label row (text in its first cell only) keeps the header
        in_values = True
        if not header:
            continue
        keys = [tuple(row[c] if c < len(row) else "" for row in header) for c in range(len(texts))]
        c = 1
        while c < len(texts):
            end = c + 1
            while (
                end < len(texts)
                and keys[end] == keys[c]
                and any(_IDEOGRAPH.search(t) for t in keys[c])
                and all(not t or _NUMBER.match(t) for t in texts[c : end + 1])
            ):
                end += 1
            if end - c > 1:
                group = texts[c:end]
                out.skip.setdefault(k, set()).update(range(c + 1, end))
                out.merged += end - c - 1
                if len(set(group)) > 1:
                    out.blank.setdefault(k, set()).add(c)
                    out.disagreeing.append(f"{texts[0][:12]}: {'/'.join(t or '·' for t in group)}")
            c = end
    return out

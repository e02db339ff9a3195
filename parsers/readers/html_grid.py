"""An HTML table's cells placed on a full grid: rowspan and colspan resolved, merged positions left empty.

Shared by the reader's two ways of reading a table (``html._grid`` from the element tree, ``html_stream`` from
the marked text): each gives its cells row by row with their ``rowspan``/``colspan`` values as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

MAX_SPAN = 200  # a colspan/rowspan above this is treated as a typo (or an attack)
_LEADING_INT = re.compile(r"\s*(\d+)")

Cell = TypeVar("Cell")


@functools.lru_cache(maxsize=1024)
def span_value(raw: str) -> int:
    """A written rowspan/colspan → the span: its leading integer, 1 without one, at most :data:`MAX_SPAN`.
    (Cached: a page repeats a handful of values.)"""
    m = _LEADING_INT.match(raw)
    n = int(m.group(1)) if m else 1
    return max(1, min(n, MAX_SPAN))


Row = list[tuple[str | None, str | None, Cell]]


def place(rows: Sequence[Row[Cell] | list[str]], text_of: Callable[[Cell], str] | None) -> list[list[str]]:
    """A table's cells by row, each (rowspan, colspan, what ``text_of`` reads its text from; ``None``: the cell
    is its text), a span not written ``None`` → the full grid: a merged cell's text at its top-left, every
    position it covers beside that "", rows padded to the widest. A row may also be given as its cells' texts (no
    span written in it)."""
    n = len(rows)
    lines: list[list[str | None]] = [[] for _ in range(n)]  # None: a position no cell covers (yet)
    width = 0
    for r, given in enumerate(rows):
        cells: list[Any] = given
        line = lines[r]
        if cells and cells[0].__class__ is str:  # texts: their own positions where nothing spans into the row
            if not line:
                lines[r] = line = cells
                if len(line) > width:
                    width = len(line)
                continue
            if None not in line:  # every position so far is spanned into: the texts follow them
                line.extend(cells)
                if len(line) > width:
                    width = len(line)
                continue
            c = 0  # each text takes the next position nothing spans into
            end = len(line)
            for text in cells:
                while c < end and line[c] is not None:
                    c += 1
                if c == end:
                    line.append(text)
                    end += 1
                else:
                    line[c] = text
                c += 1
            if c > width:
                width = c
            continue
        c = 0
        size = len(line)  # the line's length, kept as it grows
        for raw_rowspan, raw_colspan, content in cells:
            while c < size and line[c] is not None:
                c += 1
            text = content if text_of is None else text_of(content)
            if not raw_rowspan and not raw_colspan:  # "" or None: no number, 1
                if c == size:
                    line.append(text)
                    size += 1
                else:
                    line[c] = text
                c += 1
            else:
                rowspan = 1 if not raw_rowspan else min(span_value(raw_rowspan), n - r)
                colspan = 1 if not raw_colspan else span_value(raw_colspan)
                if rowspan == 1 and colspan == 1:
                    if c == size:
                        line.append(text)
                        size += 1
                    else:
                        line[c] = text
                else:
                    end = c + colspan
                    covered = [""] * colspan
                    for dr in range(rowspan):
                        target = lines[r + dr]
                        if len(target) < end:
                            target.extend([None] * (end - len(target)))
                        target[c:end] = covered
                    line[c] = text
                    size = len(line)
                c += colspan
            if c > width:
                width = c
    return [  # a line without a hole is copied as it stands
        (line if None not in line else [x if x is not None else "" for x in line])  # type: ignore[misc]
        + [""] * (width - len(line))
        for line in lines
    ]

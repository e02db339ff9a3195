"""A section's heading cut across a grid row's cells, a piece a cell (pymupdf4llm's layout mode, where the heading
stands close above a table's header or under its last row and the page's rules run through it).

- Above a header: each cell's first line a piece (``|四、政府信息<br>行|公开行政复<br>政复议|议、行政诉讼|情况|…``, or
  cells of one line each, ``|四|、政府|信息公|开行政|…|情况||``); the header's words are the cells' other lines.
- Under a row: each cell's second line a piece (``|0|2<br>五、|10<br>存在|0<br>的主|12<br>要|…|0<br>况|``); the row's
  values are the cells' first lines.

The pieces, joined in the cells' order, must be one section's heading exactly as the template titles it
(``sections.TITLES``: 二 to 六, its numeral and 、 first), no digit in any piece, in two cells at least that follow
one another. The heading is then written on a line of its own, the row's other lines as the row.
"""

from __future__ import annotations

import re

from parsers.sections import TITLES

_NUMERALS = "一二三四五六"
# every heading a table's grid may cut: sections 二 to 六, numeral and 、 first (spaces dropped)
HEADINGS = frozenset(f"{_NUMERALS[n - 1]}、{TITLES[n]}" for n in range(2, 7))
_PREFIXES = frozenset(h[:k] for h in HEADINGS for k in range(1, len(h) + 1))

# a heading's first piece opens a cell or one of its lines: a numeral of 二…六 after a bar or a <br> (spaces, bold)
_OPENING = re.compile(r"(?:\||<br\s*/?>)[\s*]*[二三四五六]", re.I)

Cell = list[tuple[int, str]]  # a cell's lines: (offset in the cell, text cleaned), empty lines left out
Row = list[tuple[str, tuple[int, int]]]  # a written row's cells: (text, (cell, offset in it))


def _compact(text: str) -> str:
    return "".join(text.split())


def _pieces(cells: list[Cell], line: int) -> tuple[int, int, str] | None:
    """The cells (first, end) whose ``line``-th lines, joined from the first cell whose line opens a heading (its
    numeral first: a header's word may stand in a cell before it, ``|结|四、<br>行<br>结|政府<br>…``), are a
    heading whole, and the heading; None where none are."""
    start = next((c for c, cell in enumerate(cells) if len(cell) > line and _compact(cell[line][1]) in _PREFIXES), None)
    if start is None:
        return None
    joined = ""
    for c in range(start, len(cells)):
        if len(cells[c]) <= line:
            return None
        piece = _compact(cells[c][line][1])
        if not piece or any(ch.isdigit() for ch in piece) or (joined + piece) not in _PREFIXES:
            return None
        joined += piece
        if joined in HEADINGS:
            return (start, c + 1, joined) if c > start else None
    return None


def may_hold_heading(line: str) -> bool:
    """A pipe row where a cell or a cell's line opens with a heading's numeral (a test of the raw line, before its
    cells' lines are read for :func:`heading_across_cells`)."""
    return _OPENING.search(line) is not None


def heading_across_cells(cells: list[Cell]) -> list[Row] | None:
    """The row's lines as rows to write: the heading first, then the cells' other lines (a heading above a
    header), or the cells' first lines, then the heading (a heading under a row of values); None for any other
    row."""
    if len(cells) < 2:
        return None
    above = _pieces(cells, 0)
    if above is not None:
        start, end, heading = above
        rest: Row = []
        for c, cell in enumerate(cells):
            kept = cell[1:] if start <= c < end else cell
            rest.append(("".join(t for _, t in kept), (c, kept[0][0] if kept else 0)))
        head: Row = [(heading, (start, cells[start][0][0]))]
        return [head, rest] if any(text for text, _ in rest) else [head]
    under = _pieces(cells, 1)
    if under is None:
        return None
    start, end, heading = under
    if any(len(cells[c]) != 2 for c in range(start, end)) or any(len(cell) > 1 for cell in cells[end:]):
        return None
    if any(len(cell) > 1 for cell in cells[:start]):
        return None
    row: Row = [(cell[0][1] if cell else "", (c, cell[0][0] if cell else 0)) for c, cell in enumerate(cells)]
    return [row, [(heading, (start, cells[start][1][0]))]]

"""Table 四's blank row where a tool lays the table out by position: the room its five empty cells keep.

A tool that lays a PDF's text out by position (poppler's ``-layout``, pypdf's and pdfplumber's layout modes) keeps
an empty cell's room: a blank first row shows as an indent before the row's first value, a blank middle row as a gap
between its fifth value and its sixth. A blank last row shows nothing (the line ends), so where neither other place
has room the last row is the one left: the reading by elimination. The rooms are not always wide against the gaps
between printed values (poppler counts a CJK head as one character a glyph, so a narrow table's columns print at
uneven pitches: 14 spaces of indent beside gaps of 8), which :func:`parsers.tables.blank_rows.blank_row_by_spaces`
asks for; here an indent of five cells' room (two characters a cell) beyond the table's left edge is the first
row's room where the middle gap does not stand out, and a row at the left edge whose middle gap is no wider than
its widest other gap has no blank first or middle row.

Only where the header is laid out by position too: one of its lines starts five cells' room or more right of the
table's left edge (the litigation rows' heads over their own columns). Text whose cells are joined by runs of
spaces with every line at the left margin (a converter's plain text, the corpus's ``plain-spaces``) keeps no room
for empty cells: the row's start and gaps tell nothing there.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.tables.blank_rows import EDGE_SLACK, N_COLS, WIDE, row_under_header

Span = tuple[int, int]  # a value's offsets in the text as printed

ROOM = 2 * N_COLS  # five cells' room: two characters a cell at least


def blank_row_by_room(text: str, spans: Sequence[Span], begin: int) -> tuple[list[int], list[int]] | None:
    """The rows (0, 1, 2) that may be blank of ten values printed on one line laid out by spaces (``spans``: their
    offsets in ``text``), under a header laid out by position from offset ``begin`` (the table's first head): one
    row where the room tells it, the middle and the last (``[1, 2]``) where the row starts at the table's left edge
    and its middle gap stands out a little (wider than every other gap, not five cells' room); None where the text
    lays nothing out or its indent is neither at the edge nor five cells' room. Also returns the figures: the row's
    indent beyond the table's left edge, its middle gap, the widest other gap, the header's deepest indent."""
    if (row := row_under_header(text, spans, begin)) is None:
        return None
    line_start, between, lines = row
    if any("\xa0" in gap for gap in between) or "\xa0" in text[line_start : spans[0][0]]:
        return None  # no-break spaces: a cell's own padding, no layout's
    if not lines or any("|" in line or "\xa0" in line or "\t" in line for line in lines):
        return None  # a grid's rules, a page's no-break spaces, TAB cells: no layout by position
    indents = [len(line) - len(line.lstrip(" ")) for line in lines]
    left = min(indents)
    deepest = max(indents) - left
    if deepest < ROOM:
        return None  # every head line at the table's left margin: cells joined by spaces, not laid out
    indent = spans[0][0] - line_start - left
    widths = [len(gap) for gap in between]
    middle = widths.pop(N_COLS - 1)
    widest = max(widths)
    figures = [indent, middle, widest, deepest]
    if indent >= ROOM and middle <= widest:
        return [0], figures
    if indent > EDGE_SLACK:
        return None
    if middle <= widest:
        return [2], figures
    if middle >= max(ROOM, WIDE * widest):
        return [1], figures
    return [1, 2], figures

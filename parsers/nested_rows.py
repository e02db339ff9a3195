"""Where a nested table that markitdown flattened into one pipe line ends each of its rows.

markitdown writes an HTML table as a Markdown pipe table, each cell padded by one space (``| 0 |``), a ``<td>``
with nothing in it as two spaces (``|  |``). A table nested in another table's cell (a portal page laid out in
a one-column table) is written into that cell, and a cell holds one line: the nested table's rows are joined by a
space, so a row's closing bar and the next row's opening bar print ``| |``, a field of one space (so do the
empty cells markitdown pads a ``colspan`` with). Read as cells, the row ends are empty cells like the report's
own blank cells, and a row that prints one blank cell shows one more empty field on either side than its
columns: which is its blank cell is lost.

A field of one space between a row's last cell (a number, or a ``<td>`` left empty: two spaces) and a label
(the next row's first cell) is a row's end; the line is split there, each row a line of its own with its empty
cells in place. Only a line that prints markitdown's ``|  |`` (an empty ``<td>``) is read so: other writers pad
an empty cell with one space (html2text's ``0| | 1``), and there a one-space field is a cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
_EMPTY_TD = "  "  # markitdown's empty <td>: its one-space padding on both sides of nothing
_ROW_END = " "  # a row's closing bar and the next row's opening bar, a space between


def _padded(raw: str) -> bool:
    """A field as markitdown pads a cell: one space each side of text that neither begins nor ends with one."""
    return len(raw) >= 3 and raw[0] == " " and raw[-1] == " " and raw[1] != " " and raw[-2] != " "


def _label(raw: str) -> bool:
    text = raw.strip()
    return _padded(raw) and _NUMBER.fullmatch(text) is None and text.strip("-:") != ""


def _row_last(raw: str) -> bool:
    return raw == _EMPTY_TD or (_padded(raw) and _NUMBER.fullmatch(raw.strip()) is not None)


def row_ends(raw_cells: Sequence[str]) -> frozenset[int]:
    """The fields of a pipe line (each as printed between its bars, spaces kept) that end a flattened nested
    table's row: a one-space field after a number or an empty ``<td>`` and before a label, in a line that prints
    an empty ``<td>`` (markitdown's two spaces) between two numbers or a label and a number. Empty when the line
    is no such line."""
    n = len(raw_cells)
    if n < 5 or _EMPTY_TD not in raw_cells or not _empty_cell_in_row(raw_cells):
        return frozenset()
    return frozenset(
        k
        for k in range(1, n - 1)
        if raw_cells[k] == _ROW_END and _row_last(raw_cells[k - 1]) and _label(raw_cells[k + 1])
    )


def title_after(raw_cells: Sequence[str], ends: frozenset[int]) -> int | None:
    """The field after the last row of a flattened nested table (``ends``: :func:`row_ends`) that is no cell of
    it: text after the row's last number padded by two spaces or more (a heading between the page's tables,
    ``|  四、政府信息公开行政复议、行政诉讼情况  |``), on the line from there on. None when there is none."""
    if not ends:
        return None
    for k in range(max(ends) + 2, len(raw_cells)):
        raw = raw_cells[k]
        if raw.startswith(_EMPTY_TD) and raw.strip() and _row_last(raw_cells[k - 1]) and raw_cells[k - 1] != _EMPTY_TD:
            return k
    return None


def _empty_cell_in_row(raw_cells: Sequence[str]) -> bool:
    """An empty ``<td>`` among a row's cells: after a cell (text, or another empty ``<td>``) and before a number
    (not the empty cells of a Markdown table's head row, which stand between empty cells and bars)."""
    return any(
        raw_cells[k] == _EMPTY_TD
        and (_padded(raw_cells[k - 1]) or raw_cells[k - 1] == _EMPTY_TD)
        and _padded(raw_cells[k + 1])
        and _NUMBER.fullmatch(raw_cells[k + 1].strip()) is not None
        for k in range(1, len(raw_cells) - 1)
    )

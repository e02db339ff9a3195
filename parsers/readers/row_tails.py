"""A ruled table's row whose last cell the table search did not find: its text read into that cell, not lost.

The table search (:mod:`parsers.readers.pdf_layout`, pdfplumber's rules) finds a cell where four ruling lines
meet at its corners. A row whose last cell lacks a rule on a side (Chromium prints a row a page break moved to the
next page's top without the top rule of its cells right of a column: seen where table 二's 第二十条第（五）项 block
begins a page) has no cell there, and the glyphs in it fell inside the table's box but in no cell: the text lost
them (the block's 本年处理决定数量 printed, read as nothing, and the row's other values read a column off by
order). Here such a row's glyphs right of its last cell, within the table's box and the row's height, are read as
the cell of the row's first grid column at or after that cell's end (a column where the table's other rows have a
cell start), and said (``cell_unruled``). Only where the row has no cell there at all, and only right of its last
cell: a cell over several columns holds its own glyphs; and only a number (a value lost): a header's glyph there
(Chromium's 总计 head over several header rows) is left out as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from parsers.readers.pdfium_page import Box, Char

CELL_UNRULED = "cell_unruled"
_SLACK = 1.0  # points a grid column's start may stand before the row's last cell's end
# what is read so: a number (a value cell's text). A header's glyph beside its cells (Chromium's 总计 head over
# several rows, found in none: three PDFs in four) is left out as before
_VALUE = re.compile(r"[+\-－]?\d[\d,.]*%?")


def read_row_tails(
    rows: Sequence[Sequence[Box | None]],
    raw: list[list[str | None]],
    table_x1: float,
    chars: Sequence[Char],
    centres: tuple[Sequence[float], Sequence[int], Sequence[float], Sequence[float]],
    cell_text: Callable[[Sequence[Char]], str],
) -> list[str]:
    """Fill ``raw`` (the table's cell texts, rows as ``rows``: its cells' boxes, ``None`` where no cell starts in
    a grid column) with the text of each row's glyphs right of its last cell, up to ``table_x1`` (the table's right
    edge), in the row's first grid column at or after that cell's end that holds no cell; ``centres`` the glyphs'
    (sorted vertical centres, their glyph indexes, horizontal and vertical centres by index). Returns the texts
    read so (for the reader's note); ``raw`` is left as it was where no row has such glyphs."""
    keys, order, hs, vs = centres
    starts = sorted({c[0] for row in rows for c in row if c is not None})
    read: list[str] = []
    for i, row in enumerate(rows):
        present = [c for c in row if c is not None]
        if not present:
            continue
        end = max(c[2] for c in present)
        if end >= table_x1 - _SLACK:
            continue  # the row's cells reach the table's right edge (most rows: nothing to look at)
        top = min(c[1] for c in present)
        bottom = max(c[3] for c in present)
        lo, hi = bisect.bisect_left(keys, top), bisect.bisect_left(keys, bottom)
        found = sorted(k for k in order[lo:hi] if end <= hs[k] < table_x1 and top <= vs[k] < bottom)
        if not found:
            continue
        slot = next((j for j, x in enumerate(starts) if x >= end - _SLACK and row[j] is None), None)
        if slot is None or slot >= len(raw[i]) or raw[i][slot]:
            continue
        text = cell_text([chars[k] for k in found])
        if _VALUE.fullmatch(text.strip()):
            raw[i][slot] = text
            read.append(text)
    return read


def unruled_note(page: int, read: list[str]) -> str:
    """The reader's note of the cells :func:`read_row_tails` read on page ``page``."""
    return (
        f"[{CELL_UNRULED}] page {page}: {len(read)} table cell(s) found with no rule on a side (a row's last cell, "
        f"its text inside the table's box but in none of its cells): read as the row's cell in the grid column "
        f"after its last one: {'; '.join(read[:12])}"
    )

"""Table cells cut by the page's right edge.

A word processor lets a table run past the page when it is wider than the page (LibreOffice Writer's PDF of a
report whose table 三 or 四 has more columns than a portrait page holds): the columns past the edge print nothing,
their ruling lines are clipped at the edge, but their glyphs stay in the file. The reader reads a page as it
prints, so those columns are blank; the cell at the edge is worse: a number whose last digits lie past the edge
reads cut (``12`` as ``1``), a wrong number a user would trust.

:func:`cut_cells` finds such cells: a glyph whose centre is past the page's right edge that continues, on the same
line and within a fraction of a glyph's width, the text of a table cell that reaches the edge. The cell is left
blank when it prints a number (a label cut short is still matched by meaning), and a note names it
(``cut_at_page_edge``, review required); the glyphs past the edge inside a table's rows
are named too (``text_past_page_edge``), read by no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from parsers.readers.pdfium_page import BOTTOM, TEXT, TOP, X0, X1, Box, Char

_get_x1 = itemgetter(X1)

# a glyph past the edge continues a cell's word when the gap between them is under this share of a glyph's height
# (digits of one number are set with no gap, or a fraction of a point; cells are padded by several points)
_WORD_GAP = 0.35
# a table reaches the page's edge when its box ends within this many points of it
_AT_EDGE = 2.0


def past_edge(chars: Sequence[Char], width: float) -> list[Char]:
    """The printed glyphs whose centre is past the page's right edge (none on almost every page: one C-level
    maximum decides)."""
    if not chars or max(map(_get_x1, chars)) <= width:
        return []
    return [c for c in chars if (c[X0] + c[X1]) / 2 > width and c[TEXT].strip()]


def cut_cells(
    rows: list[list[Box | None]],
    texts: list[list[str | None]],
    chars: Sequence[Char],
    off: list[Char],
    width: float,
    number: int,
    notes: list[str],
) -> None:
    """Blank the cells of one table (its cells' boxes ``rows``, their texts ``texts``, changed in place) whose
    text runs on past the page's edge (``off``: :func:`past_edge`), and note what was blanked and what lies past
    the edge in the table's rows."""
    if not off or not rows:
        return
    right = max(c[2] for row in rows for c in row if c is not None)
    if right < width - _AT_EDGE:
        return
    top = min(c[1] for row in rows for c in row if c is not None)
    bottom = max(c[3] for row in rows for c in row if c is not None)
    inside = [g for g in off if top <= (g[TOP] + g[BOTTOM]) / 2 < bottom]
    if not inside:
        return
    cut: list[str] = []
    for i, row in enumerate(rows):
        last = max((j for j, c in enumerate(row) if c is not None), default=None)
        if last is None:
            continue
        box = row[last]
        assert box is not None
        text = texts[i][last]
        if box[2] < width - _AT_EDGE or not text or not text.rstrip()[-1:].isdigit():
            continue  # a label cut short is still matched by meaning; a number cut short is a wrong number
        mine = [
            c
            for c in chars
            if box[0] <= (c[X0] + c[X1]) / 2 < box[2]
            and box[1] <= (c[TOP] + c[BOTTOM]) / 2 < box[3]
            and c[TEXT].strip()
        ]
        if any(_continues(c, g) for g in inside for c in mine):
            cut.append(f"'{texts[i][last]}'")
            texts[i][last] = ""
    shown = "".join((" " if k and not _continues(inside[k - 1], g) else "") + g[TEXT] for k, g in enumerate(inside))
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    notes.append(
        f"[text_past_page_edge] page {number}: {len(inside)} glyph(s) of a table's rows lie past the page's right "
        f"edge (a table wider than the page; not read): '{shown}'"
    )
    if cut:
        notes.append(
            f"[cut_at_page_edge] page {number}: {len(cut)} cell(s) at the page's right edge whose text runs on past "
            f"it, read cut ({', '.join(cut)}): left blank"
        )


def _continues(c: Char, g: Char) -> bool:
    """Does glyph ``g`` continue ``c``'s word: on its line, right after it?"""
    height = c[BOTTOM] - c[TOP]
    if height <= 0 or abs((c[TOP] + c[BOTTOM]) - (g[TOP] + g[BOTTOM])) / 2 > height / 2:
        return False
    gap = g[X0] - c[X1]
    return -height * 0.2 <= gap < height * _WORD_GAP

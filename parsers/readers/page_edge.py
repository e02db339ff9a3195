"""Tables that run past the page's right edge.

A word processor lets a table run past the page when it is wider than the page (LibreOffice Writer's PDF of a
report whose table 三 or 四 has more columns than a portrait page holds): the columns past the edge print nothing,
their ruling lines are clipped at the edge, but their glyphs stay in the file. Read as the page prints, those
columns are blank, and the cell at the edge is worse: a number whose last digits lie past the edge reads cut
(``12`` as ``1``), a wrong number a user would trust.

:func:`read_past_edge` reads what the file holds there, and says so (``text_past_page_edge``, review suggested):

- a glyph past the edge that continues, on its line and within a fraction of a glyph's height, the last glyph of a
  cell at the edge is that cell's text (``1`` and ``2`` are ``12``; ``结`` and ``果维持`` are ``结果维持``);
- the other glyphs past the edge within the table's rows are cells of columns the page does not print: their
  columns are the spans of x that the glyphs of every row leave apart (no ruling line is drawn there), each row's
  glyphs in those spans its cells, blank where a row has none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def read_past_edge(
    rows: list[list[Box | None]],
    texts: list[list[str | None]],
    chars: Sequence[Char],
    off: list[Char],
    width: float,
    cell_text: Callable[[Sequence[Char]], str],
    number: int,
    notes: list[str],
) -> set[int]:
    """Read one table's glyphs past the page's edge (``off``: :func:`past_edge`) into its cells: ``texts`` (the
    cells' texts, one row per row of boxes ``rows``) changed in place, the rows widened by the columns past the
    edge. Returns the ids of the glyphs read (the page's text lines must not read them again)."""
    if not off or not rows:
        return set()
    present = [c for row in rows for c in row if c is not None]
    if max(c[2] for c in present) < width - _AT_EDGE:
        return set()
    tops = [min(c[1] for c in row if c is not None) for row in rows]
    bands = [(top, tops[i + 1] if i + 1 < len(rows) else max(c[3] for c in present)) for i, top in enumerate(tops)]
    by_row: list[list[Char]] = [[] for _ in rows]
    for g in off:
        v = (g[TOP] + g[BOTTOM]) / 2
        for i, (top, bottom) in enumerate(bands):
            if top <= v < bottom:
                by_row[i].append(g)
                break
    if not any(by_row):
        return set()
    used: set[int] = set()
    joined: list[str] = []
    for i, row in enumerate(rows):
        if not by_row[i]:
            continue
        last = max(j for j, c in enumerate(row) if c is not None)
        box = row[last]
        assert box is not None
        if box[2] < width - _AT_EDGE:
            continue
        mine = [c for c in chars if _inside(c, box) and c[TEXT].strip()]
        run = _continuation(mine, by_row[i])
        if run:
            texts[i][last] = cell_text(mine + run)
            joined.append(f"'{texts[i][last]}'")
            used.update(map(id, run))
            by_row[i] = [g for g in by_row[i] if id(g) not in used]
    spans = _columns([g for gs in by_row for g in gs])
    if spans:
        for i, row_texts in enumerate(texts):
            for x0, x1 in spans:
                cell = [g for g in by_row[i] if x0 <= g[X0] and g[X1] <= x1]
                row_texts.append(cell_text(cell) if cell else "")
                used.update(map(id, cell))
    read = [g for g in off if id(g) in used]
    if read:
        shown = "".join((" " if k and not _continues(read[k - 1], g) else "") + g[TEXT] for k, g in enumerate(read))
        shown = shown if len(shown) <= 60 else shown[:60] + "…"
        what = []
        if joined:
            what.append(f"{len(joined)} cell(s) at the edge read whole ({', '.join(joined)})")
        if spans:
            what.append(f"{len(spans)} column(s) past the edge read by the glyphs' positions")
        notes.append(
            f"[text_past_page_edge] page {number}: a table runs past the page's right edge, {len(read)} glyph(s) "
            f"there that the page does not print read from the file ('{shown}'): {'; '.join(what)}"
        )
    return used


def _inside(c: Char, box: Box) -> bool:
    return box[0] <= (c[X0] + c[X1]) / 2 < box[2] and box[1] <= (c[TOP] + c[BOTTOM]) / 2 < box[3]


def _continuation(mine: list[Char], past: list[Char]) -> list[Char]:
    """The glyphs of ``past`` that continue the cell's glyphs ``mine`` word-wise, each after the one before."""
    if not mine:
        return []
    run: list[Char] = []
    ends = list(mine)
    rest = sorted(past, key=itemgetter(X0))
    progress = True
    while progress:
        progress = False
        for g in rest:
            if any(_continues(c, g) for c in ends):
                run.append(g)
                ends = [g]
                rest.remove(g)
                progress = True
                break
    return run


def _columns(glyphs: list[Char]) -> list[tuple[float, float]]:
    """The spans of x that ``glyphs`` fill, apart from each other by more than a glyph's height: the columns."""
    if not glyphs:
        return []
    gap = max(g[BOTTOM] - g[TOP] for g in glyphs)
    spans: list[list[float]] = []
    for g in sorted(glyphs, key=itemgetter(X0)):
        if spans and g[X0] <= spans[-1][1] + gap:
            spans[-1][1] = max(spans[-1][1], g[X1])
        else:
            spans.append([g[X0], g[X1]])
    return [(a, b) for a, b in spans]


def _continues(c: Char, g: Char) -> bool:
    """Does glyph ``g`` continue ``c``'s word: on its line, right after it?"""
    height = c[BOTTOM] - c[TOP]
    if height <= 0 or abs((c[TOP] + c[BOTTOM]) - (g[TOP] + g[BOTTOM])) / 2 > height / 2:
        return False
    gap = g[X0] - c[X1]
    return -height * 0.2 <= gap < height * _WORD_GAP

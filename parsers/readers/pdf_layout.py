"""Text lines and ruled tables rebuilt from glyph and path positions (the output of ``pdfium_page``).

The rules are pdfplumber's (0.11), the reading this project was tuned on, applied to plain tuples and with
indexes instead of scans:

- **lines**: glyphs clustered by their top (3 pt, chained), sorted left to right, cut into words at spaces
  and at gaps over 3 pt; the words clustered again by their top (``extract_text_lines``);
- **tables**: the edges of lines, rectangles and curves (horizontal and vertical, at least 1 pt), snapped
  (3 pt) and joined (3 pt), kept from 3 pt; their crossings (3 pt); the smallest cell from each crossing;
  cells sharing a corner form a table (``find_tables``). A cell's text is its glyphs (by their centre) read
  as lines of words (``Table.extract``).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from parsers.readers.pdfium_page import BOTTOM, FONT, SIZE, TEXT, TOP, X0, X1, Box, Char, PageContent

T = TypeVar("T")
TOLERANCE = 3.0  # pdfplumber's x/y tolerance, snap, join and intersection tolerances
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


# ---------------------------------------------------------------------------------------------- clustering
def cluster_index(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """Each distinct value → its cluster's number; a cluster chains values at most ``tolerance`` apart."""
    out: dict[float, int] = {}
    last: float | None = None
    n = -1
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            n += 1
        out[v] = n
        last = v
    return out


def cluster(items: Sequence[T], key: Callable[[T], float], tolerance: float) -> list[list[T]]:
    """Items grouped by cluster of ``key``, clusters in order, items in their given order within one."""
    keys = list(map(key, items))
    if not keys:
        return []
    if max(keys) <= min(keys) + tolerance:  # one cluster (the test cluster_index makes, on the extremes)
        return [list(items)]
    index = cluster_index(keys, tolerance)
    ids = list(map(index.__getitem__, keys))
    # the items ordered by cluster (a stable sort: in their given order within one), cut where the cluster changes
    order = sorted(range(len(ids)), key=ids.__getitem__)
    ordered = list(map(items.__getitem__, order))
    ids = list(map(ids.__getitem__, order))
    bounds = [bisect.bisect_left(ids, n) for n in range(ids[-1] + 1)]
    bounds.append(len(ids))
    return [ordered[a:b] for a, b in itertools.pairwise(bounds)]


# ---------------------------------------------------------------------------------------------- words
_get_text, _get_x0, _get_x1 = itemgetter(TEXT), itemgetter(X0), itemgetter(X1)
_get_top, _get_bottom = itemgetter(TOP), itemgetter(BOTTOM)


def top_lines(chars: Sequence[Char]) -> list[list[Char]]:
    """The glyphs' clusters of tops (3 pt), each sorted left to right: the lines both :func:`word_glyphs` and
    :func:`has_duplicates` read (a page without tables computes them once for both)."""
    lines = cluster(chars, _get_top, TOLERANCE)
    for line in lines:
        line.sort(key=_get_x0)
    return lines


def word_glyphs(chars: Sequence[Char], lines: list[list[Char]] | None = None) -> list[list[Char]]:
    """Glyphs → words (their glyphs), line by line (pdfplumber's ``WordExtractor`` for upright text): a line
    is a cluster of tops, read left to right; a word ends at a space, a gap over 3 pt, a step back or a jump
    of the top over 3 pt. ``lines``: :func:`top_lines` of ``chars``, where already computed."""
    out: list[list[Char]] = []
    for line in top_lines(chars) if lines is None else lines:
        current: list[Char] = []
        px0 = px1 = ptop = 0.0
        for c in line:
            x0, top = c[X0], c[TOP]
            if c[TEXT] in _WHITESPACE:  # a glyph is one character: the same test as str.isspace()
                if current:
                    out.append(current)
                    current = []
                continue
            if current and (x0 < px0 or x0 > px1 + TOLERANCE or abs(top - ptop) > TOLERANCE):
                out.append(current)
                current = [c]
            else:
                current.append(c)
            px0, px1, ptop = x0, c[X1], top
        if current:
            out.append(current)
    return out


def _text(glyphs: list[Char]) -> str:
    return "".join(map(_get_text, glyphs)).translate(_LIGATURE_TABLE)  # a glyph is one character


_LIGATURE_TABLE = str.maketrans(LIGATURES)
_WHITESPACE = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())  # U+3000 is the last


def text_lines(chars: Sequence[Char], lines: list[list[Char]] | None = None) -> list[tuple[list[Char], Box]]:
    """:func:`text_lines_by_python`, in C where the native build holds it and covers the glyphs (it clusters the
    glyphs' tops itself: ``lines`` serves the Python)."""
    if NATIVE_TEXT is not None:
        found = NATIVE_TEXT.text_lines(chars)
        if found is not None:
            return found
    return text_lines_by_python(chars, lines)


def text_lines_by_python(chars: Sequence[Char], lines: list[list[Char]] | None = None) -> list[tuple[list[Char], Box]]:
    """The page's text lines (``extract_text_lines``): each line's glyphs in reading order, and its box.
    ``lines``: :func:`top_lines` of ``chars``, where already computed."""
    ws = word_glyphs(chars, lines)
    tops = [min(map(_get_top, w)) for w in ws]
    index = cluster_index(tops, TOLERANCE)
    ligatures = any(map(LIGATURES.__contains__, map(itemgetter(TEXT), chars)))
    out: list[tuple[list[Char], Box]] = []
    for _, group in itertools.groupby(zip(ws, tops, strict=True), key=lambda wt: index[wt[1]]):
        line = list(itertools.chain.from_iterable(w for w, _ in group))
        if ligatures:  # a ligature's letters each point at the glyph, as in pdfplumber's text map
            line = [c for g in line for c in [g] * len(LIGATURES.get(g[TEXT], g[TEXT]))]
        box = (
            min(map(_get_x0, line)),
            min(map(_get_top, line)),
            max(map(_get_x1, line)),
            max(map(_get_bottom, line)),
        )
        out.append((line, box))
    return out


def cell_text(chars: Sequence[Char]) -> str:
    """:func:`cell_text_by_clusters`, with the words' lines taken from the glyphs' lines where each of those
    spans at most the tolerance (the words' tops then cluster as their glyphs' lines do: a word's top is one
    of its line's glyph tops, and lines lie more than the tolerance apart)."""
    if len(chars) == 1:  # a digit, most often: one word of one glyph, or nothing if it is a space
        glyph = chars[0]
        return "" if glyph[TEXT] in _WHITESPACE else _text([glyph])
    tops = list(map(_get_top, chars))
    if max(tops) <= min(tops) + TOLERANCE:  # one line (cluster's own test): read as top_lines would sort it
        line = sorted(chars, key=_get_x0)
        return " ".join(map(_text, word_glyphs(line, [line])))
    lines = top_lines(chars)
    for line in lines:
        tops = list(map(_get_top, line))
        if max(tops) > min(tops) + TOLERANCE:
            return cell_text_by_clusters(chars)
    out = []
    for line in lines:
        ws = word_glyphs(line, [line])
        if ws:
            out.append(" ".join(map(_text, ws)))
    return "\n".join(out)


def cell_text_by_clusters(chars: Sequence[Char]) -> str:
    """A table cell's glyphs as text: words joined by spaces, lines by newlines (``extract_text``)."""
    if len(chars) == 1:
        glyph = chars[0]
        return "" if glyph[TEXT] in _WHITESPACE else _text([glyph])
    ws = word_glyphs(chars)
    if len(ws) == 1:
        return _text(ws[0])
    tops = [min(map(_get_top, w)) for w in ws]
    lines = cluster(list(zip(ws, tops, strict=True)), itemgetter(1), TOLERANCE)
    return "\n".join(" ".join(_text(w) for w, _ in line) for line in lines)


# ---------------------------------------------------------------------------------------------- edges
class Edge:
    """A horizontal or vertical ruling edge in top-down coordinates."""

    __slots__ = ("bottom", "horizontal", "top", "x0", "x1")

    def __init__(self, x0: float, top: float, x1: float, bottom: float, horizontal: bool) -> None:
        self.x0, self.top, self.x1, self.bottom, self.horizontal = x0, top, x1, bottom, horizontal

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.horizontal else self.bottom - self.top

    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def page_edges(content: PageContent) -> list[Edge]:
    """Every edge of the page's lines, rectangles and curves (pdfplumber's ``page.edges``, oriented only)."""
    out: list[Edge] = []
    for x0, top, x1, bottom in content.lines:
        out.append(Edge(x0, top, x1, bottom, top == bottom))  # pdfplumber: a sloped line counts as vertical
    for x0, top, x1, bottom in content.rects:
        out.append(Edge(x0, top, x1, top, True))
        out.append(Edge(x0, bottom, x1, bottom, True))
        out.append(Edge(x0, top, x0, bottom, False))
        out.append(Edge(x1, top, x1, bottom, False))
    for pts in content.curves:
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            if ax == bx:
                out.append(Edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), False))
            elif ay == by:
                out.append(Edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), True))
    return out


def _snap(edges: list[Edge], horizontal: bool) -> list[Edge]:
    """Edges within the tolerance of one another moved to their cluster's mean position."""

    def key(e: Edge) -> float:
        return e.top if horizontal else e.x0

    out: list[Edge] = []
    for group in cluster(edges, key, TOLERANCE):
        avg = sum(map(key, group)) / len(group)
        for e in group:
            shift = avg - key(e)  # pdfplumber's arithmetic, to the last bit: position + (mean - position)
            if horizontal:
                out.append(Edge(e.x0, e.top + shift, e.x1, e.bottom + shift, True))
            else:
                out.append(Edge(e.x0 + shift, e.top, e.x1 + shift, e.bottom, False))
    return out


def _join(edges: list[Edge], horizontal: bool) -> list[Edge]:
    """Collinear edges that touch or nearly touch, joined."""
    edges = sorted(edges, key=(lambda e: e.x0) if horizontal else (lambda e: e.top))
    joined = [edges[0]]
    for e in edges[1:]:
        last = joined[-1]
        if horizontal:
            if e.x0 <= last.x1 + TOLERANCE:
                if e.x1 > last.x1:
                    joined[-1] = Edge(last.x0, last.top, e.x1, last.bottom, True)
            else:
                joined.append(e)
        elif e.top <= last.bottom + TOLERANCE:
            if e.bottom > last.bottom:
                joined[-1] = Edge(last.x0, last.top, last.x1, e.bottom, False)
        else:
            joined.append(e)
    return joined


_box_x0, _box_top, _box_x1, _box_bottom = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)
_box_top_x0 = itemgetter(1, 0)


def table_edges(content: PageContent) -> list[Edge]:
    """:func:`table_edges_by_objects`, on plain boxes: an edge is made an object only once joined (a page drawn
    with a rectangle per cell border holds thousands of edges that snapping and joining merge into tens)."""
    hs: list[Box] = []  # horizontal and vertical edges (x0, top, x1, bottom) at least 1 pt long, in page order
    vs: list[Box] = []
    for line in content.lines:
        x0, top, x1, bottom = line
        if top == bottom:
            if x1 - x0 >= 1:
                hs.append(line)
        elif bottom - top >= 1:  # pdfplumber: a sloped line counts as vertical
            vs.append(line)
    for x0, top, x1, bottom in content.rects:
        if x1 - x0 >= 1:
            hs.append((x0, top, x1, top))
            hs.append((x0, bottom, x1, bottom))
        if bottom - top >= 1:
            vs.append((x0, top, x0, bottom))
            vs.append((x1, top, x1, bottom))
    for pts in content.curves:
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            if ax == bx:
                if max(ay, by) - min(ay, by) >= 1:
                    vs.append((ax, min(ay, by), ax, max(ay, by)))
            elif ay == by and max(ax, bx) - min(ax, bx) >= 1:
                hs.append((min(ax, bx), ay, max(ax, bx), ay))
    out: list[Edge] = []
    for edges, horizontal in ((hs, True), (vs, False)):
        position = _box_top if horizontal else _box_x0
        groups: dict[float, list[Box]] = {}  # snapped: each edge moved to its cluster's mean position
        for group in cluster(edges, position, TOLERANCE):
            avg = sum(map(position, group)) / len(group)
            for e in group:
                x0, top, x1, bottom = e
                if horizontal:
                    shift = avg - top  # pdfplumber's arithmetic, to the last bit: position + (mean - position)
                    snapped = (x0, top + shift, x1, bottom + shift)
                else:
                    shift = avg - x0
                    snapped = (x0 + shift, top, x1 + shift, bottom)
                key = snapped[1] if horizontal else snapped[0]
                same = groups.get(key)
                if same is None:
                    groups[key] = [snapped]
                else:
                    same.append(snapped)
        for key in sorted(groups):  # collinear edges that touch or nearly touch, joined
            run = sorted(groups[key], key=_box_x0 if horizontal else _box_top)
            x0, top, x1, bottom = run[0]
            for e in run[1:]:
                if horizontal:
                    if e[0] <= x1 + TOLERANCE:
                        x1 = max(x1, e[2])
                        continue
                elif e[1] <= bottom + TOLERANCE:
                    bottom = max(bottom, e[3])
                    continue
                if (x1 - x0 if horizontal else bottom - top) >= TOLERANCE:
                    out.append(Edge(x0, top, x1, bottom, horizontal))
                x0, top, x1, bottom = e
            if (x1 - x0 if horizontal else bottom - top) >= TOLERANCE:
                out.append(Edge(x0, top, x1, bottom, horizontal))
    return out


def table_edges_by_objects(content: PageContent) -> list[Edge]:
    """The edges a table is found from: filtered, snapped, joined, filtered again (``TableFinder.get_edges``)."""
    edges = page_edges(content)
    vertical = [e for e in edges if not e.horizontal and e.length >= 1]
    horizontal = [e for e in edges if e.horizontal and e.length >= 1]
    snapped = _snap(vertical, False) + _snap(horizontal, True)
    groups: dict[tuple[bool, float], list[Edge]] = {}
    for e in snapped:
        groups.setdefault((not e.horizontal, e.top if e.horizontal else e.x0), []).append(e)
    merged: list[Edge] = []
    for (vertical_group, _), group in sorted(groups.items(), key=lambda kv: kv[0]):
        merged.extend(_join(group, not vertical_group))
    return [e for e in merged if e.length >= TOLERANCE]


# ---------------------------------------------------------------------------------------------- tables
Vertex = tuple[float, float]


def _intersections(edges: list[Edge]) -> dict[Vertex, tuple[set[int], set[int]]]:
    """Where vertical and horizontal edges cross (within the tolerance): vertex → (its v-edges, its h-edges), an
    edge named by a number that stands for its box (equal boxes, one number: the sets meet as sets of boxes
    would, and a number hashes at no cost where a box of four floats is hashed at every test)."""
    vs = sorted((e for e in edges if not e.horizontal), key=lambda e: (e.x0, e.top))
    hs = sorted((e for e in edges if e.horizontal), key=lambda e: (e.top, e.x0))
    tops = [h.top for h in hs]
    numbers: dict[Box, int] = {}
    h_boxes = [numbers.setdefault(h.box(), len(numbers)) for h in hs]
    out: dict[Vertex, tuple[set[int], set[int]]] = {}
    for v in vs:
        lo = bisect.bisect_left(tops, v.top - TOLERANCE - 1e-6)  # a wider range: the test below decides
        hi = bisect.bisect_right(tops, v.bottom + TOLERANCE + 1e-6)
        v_box = numbers.setdefault(v.box(), len(numbers))
        x, v_top, v_bottom = v.x0, v.top, v.bottom
        for k in range(lo, hi):
            h = hs[k]
            h_top = h.top
            if (
                v_top <= h_top + TOLERANCE
                and v_bottom >= h_top - TOLERANCE
                and h.x0 - TOLERANCE <= x <= h.x1 + TOLERANCE
            ):
                vertex = (x, h_top)
                entry = out.get(vertex)
                if entry is None:
                    entry = out[vertex] = (set(), set())
                entry[0].add(v_box)
                entry[1].add(h_boxes[k])
    return out


def _cells(intersections: dict[Vertex, tuple[set[int], set[int]]]) -> list[Box]:
    """The smallest cell below and right of each crossing (``intersections_to_cells``). A crossing is named by
    its rank in ``points``: its column's and row's crossings are lists of ranks, its edges found by rank, and a
    vertex is hashed only where a corner is looked up (:func:`cells_by_vertices`, the same search on vertices)."""
    points = sorted(intersections)
    rank = {p: i for i, p in enumerate(points)}
    v_sets = [intersections[p][0] for p in points]  # the edges through each crossing
    h_sets = [intersections[p][1] for p in points]
    columns: dict[float, list[int]] = {}
    rows: dict[float, list[int]] = {}
    column_of: list[list[int]] = []
    row_of: list[list[int]] = []
    for i, (x, y) in enumerate(points):  # sorted by x, then y: a column's crossings by y, a row's by x
        column = columns.get(x)
        if column is None:
            column = columns[x] = []
        column.append(i)
        column_of.append(column)
        row = rows.get(y)
        if row is None:
            row = rows[y] = []
        row.append(i)
        row_of.append(row)
    at_in_column = [0] * len(points)
    at_in_row = [0] * len(points)
    for column in columns.values():
        for k, i in enumerate(column):
            at_in_column[i] = k
    for row in rows.values():
        for k, i in enumerate(row):
            at_in_row[i] = k

    cells: list[Box] = []
    for i, pt in enumerate(points):
        column, row = column_of[i], row_of[i]
        right = row[at_in_row[i] + 1 :]
        if not right:  # no crossing to its right: no cell starts here
            continue
        pt_v, pt_h = v_sets[i], h_sets[i]
        found = None
        for b in column[at_in_column[i] + 1 :]:
            if pt_v.isdisjoint(v_sets[b]):
                continue
            below_h = h_sets[b]
            below_y = points[b][1]
            for r in right:
                if pt_h.isdisjoint(h_sets[r]):
                    continue
                corner = rank.get((points[r][0], below_y))
                if (
                    corner is not None
                    and not v_sets[corner].isdisjoint(v_sets[r])
                    and not h_sets[corner].isdisjoint(below_h)
                ):
                    found = (pt[0], pt[1], points[r][0], below_y)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def cells_by_vertices(intersections: dict[Vertex, tuple[set[int], set[int]]]) -> list[Box]:
    """The smallest cell below and right of each crossing (``intersections_to_cells``), crossings named by vertex."""
    points = sorted(intersections)
    below_of: dict[float, list[Vertex]] = {}
    right_of: dict[float, list[Vertex]] = {}
    at_in_column: dict[Vertex, int] = {}
    at_in_row: dict[Vertex, int] = {}
    for p in points:  # sorted by x, then y: a column's points by y, a row's by x
        column = below_of.setdefault(p[0], [])
        at_in_column[p] = len(column)
        column.append(p)
        row = right_of.setdefault(p[1], [])
        at_in_row[p] = len(row)
        row.append(p)
    v_sets = {p: sets[0] for p, sets in intersections.items()}  # the edges through each crossing
    h_sets = {p: sets[1] for p, sets in intersections.items()}

    cells: list[Box] = []
    for pt in points:
        below = below_of[pt[0]][at_in_column[pt] + 1 :]
        right = right_of[pt[1]][at_in_row[pt] + 1 :]
        pt_v, pt_h = v_sets[pt], h_sets[pt]
        found = None
        for below_pt in below:
            if pt_v.isdisjoint(v_sets[below_pt]):
                continue
            below_h = h_sets[below_pt]
            for right_pt in right:
                if pt_h.isdisjoint(h_sets[right_pt]):
                    continue
                corner = (right_pt[0], below_pt[1])
                corner_v = v_sets.get(corner)
                if (
                    corner_v is not None
                    and not corner_v.isdisjoint(v_sets[right_pt])
                    and not h_sets[corner].isdisjoint(below_h)
                ):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner, transitively, form a table; tables of one cell are dropped."""
    parent = list(range(len(cells)))  # union-find, its find written out (a call per corner cost a third)
    owner: dict[Vertex, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                a = i
                while parent[a] != a:
                    parent[a] = a = parent[parent[a]]
                b = j
                while parent[b] != b:
                    parent[b] = b = parent[parent[b]]
                parent[a] = b
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        a = i
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        group = groups.get(a)
        if group is None:
            groups[a] = [cell]
        else:
            group.append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


class Table:
    """A ruled table: its cells (x0, top, x1, bottom) and its box."""

    def __init__(self, cells: list[Box]) -> None:
        self.cells = cells
        self.bbox: Box = (
            min(map(_box_x0, cells)),
            min(map(_box_top, cells)),
            max(map(_box_x1, cells)),
            max(map(_box_bottom, cells)),
        )

    def rows(self) -> list[list[Box | None]]:
        """Rows of cells by top; a column position no cell of the row starts at is ``None``."""
        xs = sorted(set(map(_box_x0, self.cells)))
        out: list[list[Box | None]] = []
        for _, row in itertools.groupby(sorted(self.cells, key=_box_top_x0), key=_box_top):
            by_x = {c[0]: c for c in row}
            out.append([by_x.get(x) for x in xs])
        return out

    def extract(self, chars: Sequence[Char], mids: Centres) -> list[list[str | None]]:
        """:meth:`extract_by_python`, in C where the native build holds it and covers the glyphs and cells."""
        rows = self.rows()
        if NATIVE_TEXT is not None:
            found = NATIVE_TEXT.extract(rows, chars, mids.keys, mids.order, mids.h, mids.v, cell_text, _LIGATURE_TABLE)
            if found is not None:
                return found
        return self.extract_by_python(chars, mids, rows)

    def extract_by_python(
        self, chars: Sequence[Char], mids: Centres, rows: list[list[Box | None]] | None = None
    ) -> list[list[str | None]]:
        """Each cell's text (``None`` where no cell starts): the glyphs whose centre is inside it."""
        keys, order, hs, vs = mids.keys, mids.order, mids.h, mids.v
        out: list[list[str | None]] = []
        for row in self.rows() if rows is None else rows:
            present = [c for c in row if c is not None]
            x0 = min(map(_box_x0, present))
            top = min(map(_box_top, present))
            x1 = max(map(_box_x1, present))
            bottom = max(map(_box_bottom, present))
            lo = bisect.bisect_left(keys, top)
            hi = bisect.bisect_left(keys, bottom)
            inside = sorted(i for i in order[lo:hi] if x0 <= hs[i] < x1)
            found: list[list[Char]] = [[] for _ in present]  # each present cell's glyphs
            starts = [c[0] for c in present]
            if all(a[2] <= b[0] for a, b in itertools.pairwise(present)):  # disjoint: one cell can hold a centre
                for i in inside:
                    h = hs[i]
                    k = bisect.bisect_right(starts, h) - 1
                    if k >= 0:
                        cell = present[k]
                        if cell[0] <= h < cell[2] and cell[1] <= vs[i] < cell[3]:
                            found[k].append(chars[i])
            else:
                for i in inside:
                    h, v = hs[i], vs[i]
                    for k, cell in enumerate(present):
                        if cell[0] <= h < cell[2] and cell[1] <= v < cell[3]:
                            found[k].append(chars[i])
            texts: list[str | None] = []
            k = 0
            for slot in row:
                if slot is None:
                    texts.append(None)
                else:
                    mine = found[k]
                    k += 1
                    texts.append(cell_text(mine) if mine else "")
            out.append(texts)
        return out


def _native_tables() -> Any:
    """The table search in C (``_layout_tables.c``, built by ``scripts/build_native.py``), or None where it is not
    built."""
    try:
        from parsers.readers import _layout_tables
    except ImportError:
        return None
    return _layout_tables


def _native_text() -> Any:
    """The cell texts in C (``_layout_text.c``, built by ``scripts/build_native.py``), or None where it is not built."""
    try:
        from parsers.readers import _layout_text
    except ImportError:
        return None
    return _layout_text


# Table.extract_by_python and pdf._outside in C where the native build holds them (None: not built, or
# NIANBAO_PURE_PYTHON); tests/test_layout_text.py holds the two to each other
NATIVE_TEXT = _native_text()

# find_tables_by_python in one C call where the native build holds it (None: not built, or NIANBAO_PURE_PYTHON);
# tests/test_layout_tables.py holds the two to each other
NATIVE = _native_tables()


def find_tables(content: PageContent) -> list[Table]:
    """The page's ruled tables: :func:`find_tables_by_python`, in C where the native build holds it and covers
    the ruling (every coordinate a finite float, no negative zero)."""
    if NATIVE is not None:
        found = NATIVE.tables(content.lines, content.rects, content.curves)
        if found is not None:
            return [Table(cells) for cells in found]
    return find_tables_by_python(content)


def find_tables_by_python(content: PageContent) -> list[Table]:
    """Edges (:func:`table_edges`), their crossings, the smallest cell from each crossing, cells sharing a corner
    as tables."""
    edges = table_edges(content)
    if not edges:
        return []
    return [Table(cells) for cells in _tables(_cells(_intersections(edges)))]


_HALF: Callable[[float], float] = (2.0).__rtruediv__  # _HALF(s) is s / 2.0


class Centres:
    """The glyphs' centres (vertical ``v``, horizontal ``h``, by glyph index) and the indexes sorted by ``v``."""

    def __init__(self, chars: Sequence[Char]) -> None:
        # (top + bottom) / 2 and (x0 + x1) / 2, in C loops (the same two float operations on each glyph)
        self.v = list(map(_HALF, map(operator.add, map(_get_top, chars), map(_get_bottom, chars))))
        self.h = list(map(_HALF, map(operator.add, map(_get_x0, chars), map(_get_x1, chars))))
        self.order = sorted(range(len(chars)), key=self.v.__getitem__)
        self.keys = [self.v[i] for i in self.order]


# ---------------------------------------------------------------------------------------------- fake bold
def has_duplicates(chars: Sequence[Char], lines: list[list[Char]] | None = None) -> bool:
    """:func:`has_duplicates_by_python`, in C where the native build holds it and covers the glyphs (it clusters
    the glyphs' tops itself: ``lines`` serves the Python)."""
    if NATIVE_TEXT is not None:
        found = NATIVE_TEXT.has_duplicates(chars)
        if found is not None:
            return found
    return has_duplicates_by_python(chars, lines)


def has_duplicates_by_python(chars: Sequence[Char], lines: list[list[Char]] | None = None) -> bool:
    """Is some glyph printed twice at (almost) the same place (fake bold): the same text, its left and top
    within 1 pt once rounded?

    Two such glyphs are at most 2 pt apart both ways: they fall in one cluster of tops (3 pt), and within the
    cluster sorted by left edge every glyph between them is less than 2 pt from the first. ``lines``:
    :func:`top_lines` of ``chars``, where already computed.
    """
    for line in top_lines(chars) if lines is None else lines:
        n = len(line)
        xs = list(map(_get_x0, line))
        # a pair 2 pt apart at most has its first glyph's next neighbour 2 pt away at most: start only there
        for i in itertools.compress(range(n - 1), map((2.0).__ge__, map(operator.sub, xs[1:], xs))):
            c = line[i]
            x = c[X0]
            j = i + 1
            while j < n and line[j][X0] - x <= 2.0:
                d = line[j]
                if (
                    d[TEXT] == c[TEXT]
                    and c[TEXT].strip()
                    and abs(round(d[X0]) - round(x)) <= 1
                    and abs(round(d[TOP]) - round(c[TOP])) <= 1
                ):
                    return True
                j += 1
    return False


def dedupe(chars: Sequence[Char], font_name: Callable[[int], str]) -> list[Char]:
    """One glyph of each group printed at the same place (1 pt) with the same text, font and size
    (pdfplumber's ``dedupe_chars``), in content order."""

    def key(i: int) -> tuple[str, str, float]:
        c = chars[i]
        return (c[TEXT], font_name(c[FONT]), c[SIZE])

    def top(i: int) -> float:
        return chars[i][TOP]

    def x0(i: int) -> float:
        return chars[i][X0]

    kept: list[int] = []
    for _, group in itertools.groupby(sorted(range(len(chars)), key=key), key=key):
        for row in cluster(list(group), top, 1.0):
            for same in cluster(row, x0, 1.0):
                kept.append(min(same, key=lambda i: (chars[i][TOP], chars[i][X0], i)))
    return [chars[i] for i in sorted(kept)]

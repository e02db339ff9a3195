"""The PDF reader's shortcuts against their plain definitions, on the rendered seeds' pages and on jittered
copies of them (glyphs moved across the clustering tolerances, spaces and duplicates thrown in).

- a page's lines clustered once serve both the fake-bold test and the text lines (``top_lines``);
- the glyphs outside the tables filtered one box at a time (``pdf._outside``) are those whose centre is in
  no box (1 pt of slack);
- a table row's glyphs given to its cells by position (``Table.extract``) are each cell's glyphs whose
  centre is inside it;
- a one-glyph table cell is read without clustering (``cell_text``);
- a path's segments read from PDFium's array of points in one piece (``segments``) are those its calls give
  one by one, and a line or a rectangle read directly (``path_segments``) is what cutting the path into
  subpaths makes of it, on every path of the rendered, wkhtmltopdf and synthetic PDFs and on shapes made
  around the two;
- a page's table edges snapped and joined as plain boxes (``table_edges``) are those made of ``Edge`` objects
  (``table_edges_by_objects``), on the rendered pages and on 3,000 pages of ruling made near the tolerances;
- a cell's lines of words taken from its lines of glyphs (``cell_text``) where those span at most the
  tolerance are those the words' own clustering makes (``cell_text_by_clusters``);
- clusters cut from one stable sort by cluster (``cluster``) are the groups each item is put in one by one;
- tables joined by their cells' shared corners with the union-find written out (``_tables``) are those of the
  union-find with a ``find`` function;
- a page's text read in one call (``_page_text``) is its characters read one by one;
- the smallest cells found with crossings named by rank (``_cells``) are those found on the vertices
  (``cells_by_vertices``);
- the glyphs' centres computed in C loops (``Centres``) are ``(top + bottom) / 2`` and ``(x0 + x1) / 2``, bit
  for bit.
``scripts/reader_snapshot.py --pdf-dir`` compares whole outputs before and after a change.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest

from parsers.readers.pdf import _outside
from parsers.readers.pdf_layout import (
    BOTTOM,
    TEXT,
    TOP,
    X0,
    X1,
    Centres,
    _cells,
    _intersections,
    _tables,
    _text,
    cell_text,
    cell_text_by_clusters,
    cells_by_vertices,
    cluster,
    cluster_index,
    find_tables,
    has_duplicates,
    table_edges,
    table_edges_by_objects,
    text_lines,
    top_lines,
    word_glyphs,
)
from parsers.readers.pdfium_page import (
    _SEGMENT_ARRAY,
    PDFIUM_LOCK,
    Box,
    Char,
    Matrix,
    PageContent,
    Segment,
    _count_segments,
    _Handle,
    path_by_subpaths,
    path_segments,
    read_page,
    segments,
    segments_by_call,
)

RENDERED = Path(__file__).parent / "fixtures" / "rendered"


def _contents() -> list[PageContent]:
    import pypdfium2 as pdfium

    out: list[PageContent] = []
    with PDFIUM_LOCK:
        for path in sorted(RENDERED.glob("*.pdf")):
            pdf = pdfium.PdfDocument(path.read_bytes())
            try:
                for page in pdf:
                    textpage = page.get_textpage()
                    out.append(read_page(page, textpage))
                    textpage.close()
                    page.close()
            finally:
                pdf.close()
    return out


def _jittered(chars: list[Char], seed: int) -> list[Char]:
    rng = random.Random(seed)
    out: list[Char] = []
    for c in chars:
        text = " " if rng.random() < 0.05 else c[TEXT]
        dx = rng.choice([0.0, 0.0, 0.4, -2.9, 3.1])
        dy = rng.choice([0.0, 0.0, 0.0, 1.0, 2.9, 3.0001, -3.5])
        glyph = (text, c[X0] + dx, c[X1] + dx, c[TOP] + dy, c[BOTTOM] + dy, *c[5:])
        out.append(glyph)  # type: ignore[arg-type]
        if rng.random() < 0.03:  # printed twice, a hair apart
            out.append((text, c[X0] + dx + 0.3, c[X1] + dx + 0.3, c[TOP] + dy, c[BOTTOM] + dy, *c[5:]))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def contents() -> list[PageContent]:
    return _contents()


@pytest.fixture(scope="module")
def pages(contents: list[PageContent]) -> list[list[Char]]:
    found = [c.chars for c in contents]
    assert len(found) > 20
    return found + [_jittered(p, i) for i, p in enumerate(found)]


def test_lines_clustered_once_read_alike(pages: list[list[Char]]) -> None:
    duplicates = 0
    for chars in pages:
        lines = top_lines(chars)
        dup = has_duplicates(chars, lines)
        assert dup == has_duplicates(chars)
        duplicates += dup
        assert text_lines(chars, lines) == text_lines(chars)
    assert duplicates  # the jittered copies hold some


def test_glyphs_outside_tables(pages: list[list[Char]]) -> None:
    rng = random.Random(7)
    for chars in pages:
        mids = Centres(chars)
        for n in (1, 2, 3):
            boxes = []
            for _ in range(n):
                x0, top = rng.uniform(0, 500), rng.uniform(0, 700)
                boxes.append((x0, top, x0 + rng.uniform(1, 300), top + rng.uniform(1, 300)))
            plain = [
                c
                for c, h, v in zip(chars, mids.h, mids.v, strict=True)
                if not any(b[0] - 1.0 <= h <= b[2] + 1.0 and b[1] - 1.0 <= v <= b[3] + 1.0 for b in boxes)
            ]
            assert _outside(chars, mids, boxes) == plain


def test_one_glyph_cell(pages: list[list[Char]]) -> None:
    seen = set()
    for chars in pages:
        for c in chars[:300]:
            ws = word_glyphs([c])
            plain = _text(ws[0]) if ws else ""
            assert cell_text([c]) == plain
            seen.add(bool(ws))
    assert seen == {True, False}  # spaces and printing glyphs both met


def test_cells_get_the_glyphs_centred_in_them(contents: list[PageContent]) -> None:
    tables = 0
    for i, content in enumerate(contents):
        for chars in (content.chars, _jittered(content.chars, i)):
            mids = Centres(chars)
            for table in find_tables(content):
                tables += 1
                plain: list[list[str | None]] = []
                for row in table.rows():
                    present = [c for c in row if c is not None]
                    x0, x1 = min(c[0] for c in present), max(c[2] for c in present)
                    top, bottom = min(c[1] for c in present), max(c[3] for c in present)
                    texts: list[str | None] = []
                    for cell in row:
                        if cell is None:
                            texts.append(None)
                            continue
                        mine = [
                            c
                            for c, h, v in zip(chars, mids.h, mids.v, strict=True)
                            if top <= v < bottom and x0 <= h < x1 and cell[0] <= h < cell[2] and cell[1] <= v < cell[3]
                        ]
                        texts.append(cell_text(mine) if mine else "")
                    plain.append(texts)
                assert table.extract(chars, mids) == plain
    assert tables > 10


# ---------------------------------------------------------------------------------------------- paths
PATH_PDFS = [
    *sorted(RENDERED.glob("*.pdf")),
    *sorted((RENDERED.parent / "pdf_producers").glob("*.pdf")),  # wkhtmltopdf: tables as rectangles
    *sorted((RENDERED.parent / "synth").glob("*.pdf")),
]


def _path_segments() -> list[list[Segment]]:
    """Every path object's segments in the PDFs above, read both ways (they must agree)."""
    import ctypes

    import pypdfium2 as pdfium

    out: list[list[Segment]] = []
    with PDFIUM_LOCK:
        for path in PATH_PDFS:
            pdf = pdfium.PdfDocument(path.read_bytes())
            try:
                for page in pdf:
                    for obj in page.get_objects(max_depth=15):
                        if obj.type != 2:  # FPDF_PAGEOBJ_PATH
                            continue
                        handle = _Handle(ctypes.cast(obj.raw, ctypes.c_void_p).value)
                        count = _count_segments(handle)
                        segs = segments(handle, count)
                        assert segs == segments_by_call(handle, count), path.name
                        out.append(segs)
            finally:
                pdf.close()
    return out


def test_path_segments_read_in_one_piece() -> None:
    found = _path_segments()
    assert len(found) > 1000
    assert _SEGMENT_ARRAY[0] is True  # the array was read (its layout matched the calls), not the calls only


def _classified(fn: Callable[[list[Segment], Matrix, float, PageContent], None], segs: list[Segment], m: Matrix) -> Any:
    content = PageContent(595.0, 842.0)
    fn(segs, m, 842.0, content)
    return content.lines, content.rects, content.curves


def test_lines_and_rectangles_read_directly() -> None:
    real = _path_segments()
    kinds = {tuple(v for s in segs for v in s[2:]) for segs in real}
    assert {(2, 0, 0, 0), (2, 0, 0, 0, 0, 0, 0, 0, 0, 1)} <= kinds  # lines and rectangles are met
    rng = random.Random(11)
    made: list[list[Segment]] = []
    for _ in range(3000):  # the shapes around the two direct readings: degenerate, open, skewed, closed elsewhere
        x0, y0 = rng.choice([0.0, 10.5, 100.25]), rng.choice([0.0, 20.5, 300.75])
        x1, y1 = x0 + rng.choice([0.0, 0.5, 50.0]), y0 + rng.choice([0.0, 0.5, 30.0])
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        if rng.random() < 0.5:
            corners = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
        if rng.random() < 0.2:
            corners[rng.randrange(4)] = (rng.choice([x0, x1, 7.0]), rng.choice([y0, y1, 9.0]))
        last = corners[0] if rng.random() < 0.8 else (rng.choice([x0, x1]), rng.choice([y0, y1]))
        types = [2, 0, 0, 0, 0]
        closes = [0, 0, 0, 0, 1]
        if rng.random() < 0.2:
            types[rng.randrange(5)] = rng.choice([0, 1, 2])
        if rng.random() < 0.2:
            closes[rng.randrange(5)] = rng.choice([0, 1])
        pts = [*corners, last]
        made.append([(x, y, t, c) for (x, y), t, c in zip(pts, types, closes, strict=True)])
        line = [
            (x0, y0, rng.choice([2, 2, 0]), rng.choice([0, 0, 1])),
            (x1, y1, rng.choice([0, 0, 1]), rng.choice([0, 0, 1])),
        ]
        made.append(line)
    matrices: list[Matrix] = [
        (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        (0.0, -1.0, 1.0, 0.0, 0.0, 595.0),
        (0.75, 0.0, 0.0, 0.75, 3.3, 7.1),
    ]
    for segs in [*real, *made]:
        for m in matrices:
            assert _classified(path_segments, segs, m) == _classified(path_by_subpaths, segs, m), segs


def _ruled(rng: random.Random) -> PageContent:
    """A page of ruling: lines (level, upright, sloped), rectangles and curves near the tolerances (1 pt long,
    3 pt apart), in random order."""
    content = PageContent(595.0, 842.0)
    grid = [rng.choice([0.0, 0.5, 1.0, 2.9, 3.0, 3.1, 6.0]) + 50.0 * k for k in range(6)]
    for _ in range(rng.randint(0, 40)):
        a, b = rng.choice(grid) + rng.choice([0.0, 0.2, -0.7]), rng.choice(grid)
        c = b + rng.choice([0.0, 0.5, 1.0, 2.0, 30.0, 100.0])
        kind = rng.random()
        if kind < 0.45:
            content.lines.append((b, a, c, a))  # level
        elif kind < 0.9:
            content.lines.append((a, b, a, c))  # upright
        else:
            content.lines.append((a, b, a + 2.0, c))  # sloped
    for _ in range(rng.randint(0, 40)):
        x0, top = rng.choice(grid) + rng.choice([0.0, 1.5, -2.5]), rng.choice(grid) + rng.choice([0.0, 0.3])
        content.rects.append((x0, top, x0 + rng.choice([0.0, 0.5, 1.0, 0.7, 40.0]), top + rng.choice([0.0, 1.0, 25.0])))
    for _ in range(rng.randint(0, 5)):
        pts = [(rng.choice(grid), rng.choice(grid)) for _ in range(rng.randint(2, 6))]
        content.curves.append(pts)
    return content


def test_table_edges_from_boxes(contents: list[PageContent]) -> None:
    rng = random.Random(5)
    pages = [*contents, *(_ruled(rng) for _ in range(3000))]
    found = 0
    for content in pages:
        plain = [(e.box(), e.horizontal) for e in table_edges_by_objects(content)]
        assert [(e.box(), e.horizontal) for e in table_edges(content)] == plain
        found += len(plain)
    assert found > 10000


def test_cell_text_lines_from_glyph_lines(pages: list[list[Char]]) -> None:
    rng = random.Random(3)
    multi = 0
    for chars in pages:
        for _ in range(60):  # windows of glyphs as a cell holds them: one to a few lines, in content order
            start = rng.randrange(len(chars))
            cell = chars[start : start + rng.choice([2, 3, 5, 12, 40, 90])]
            if rng.random() < 0.3:
                cell = sorted(cell, key=lambda c: rng.random())
            plain = cell_text_by_clusters(cell)
            assert cell_text(cell) == plain
            multi += "\n" in plain
    assert multi > 100


# ---------------------------------------------------------------------------------------------- clusters, tables
def _cluster_by_dict(items: list[Any], key: Callable[[Any], float], tolerance: float) -> list[list[Any]]:
    """The plain definition :func:`cluster` is held to: each item put in its cluster's group, in given order."""
    keys = [key(item) for item in items]
    if not keys:
        return []
    index = cluster_index(keys, tolerance)
    groups: dict[int, list[Any]] = {}
    for item, k in zip(items, keys, strict=True):
        groups.setdefault(index[k], []).append(item)
    return [groups[k] for k in sorted(groups)]


def test_clusters_cut_from_one_sort(pages: list[list[Char]]) -> None:
    rng = random.Random(13)
    split = 0
    for chars in pages:
        for key in (itemgetter(TOP), itemgetter(X0)):
            for tolerance in (1.0, 3.0):
                assert cluster(chars, key, tolerance) == _cluster_by_dict(chars, key, tolerance)
    for _ in range(3000):  # values on and around the tolerance, ties, items in random order
        values = [rng.choice([0.0, 1.0, 2.9, 3.0, 3.0001, 6.0, 6.5, 10.0, 100.0]) + rng.choice([0.0, 0.0, 0.25])
                  for _ in range(rng.randint(0, 30))]  # fmt: skip
        items = [(v, k) for k, v in enumerate(values)]
        rng.shuffle(items)
        got = cluster(items, itemgetter(0), 3.0)
        assert got == _cluster_by_dict(items, itemgetter(0), 3.0)
        split += len(got) > 1
    assert split > 1000


def _tables_by_calls(cells: list[Box]) -> list[list[Box]]:
    """The plain definition ``_tables`` is held to: union-find with its ``find`` as a function."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(find(i), []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def test_tables_joined_by_corners(contents: list[PageContent]) -> None:
    real = [_cells(_intersections(table_edges(content))) for content in contents]
    assert sum(map(len, real)) > 200
    rng = random.Random(17)
    made: list[list[Box]] = []
    for _ in range(2000):  # grids with cells left out, merged and shuffled: several tables a page, or none
        xs = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 8)))
        ys = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 8)))
        cells = [(float(a), float(c), float(b), float(d)) for a, b in itertools.pairwise(xs)
                 for c, d in itertools.pairwise(ys) if rng.random() < 0.7]  # fmt: skip
        rng.shuffle(cells)
        made.append(cells)
    several = 0
    for cells in [*real, *made]:
        got = _tables(cells)
        assert got == _tables_by_calls(cells)
        several += len(got) > 1
    assert several > 100


def _intersections_by_boxes(edges: list[Any]) -> dict[tuple[float, float], tuple[set[Box], set[Box]]]:
    """The plain definition ``_intersections`` is held to: each crossing's edges as sets of their boxes."""
    out: dict[tuple[float, float], tuple[set[Box], set[Box]]] = {}
    for v in (e for e in edges if not e.horizontal):
        for h in (e for e in edges if e.horizontal):
            if v.top <= h.top + 3.0 and v.bottom >= h.top - 3.0 and h.x0 - 3.0 <= v.x0 <= h.x1 + 3.0:
                entry = out.setdefault((v.x0, h.top), (set(), set()))
                entry[0].add(v.box())
                entry[1].add(h.box())
    return out


def test_crossings_name_their_edges_by_number(contents: list[PageContent]) -> None:
    rng = random.Random(19)
    cells = 0
    for content in [*contents, *(_ruled(rng) for _ in range(3000))]:
        edges = table_edges(content)
        plain = _intersections_by_boxes(edges)
        got = _intersections(edges)
        assert sorted(got) == sorted(plain)
        found = _cells(got)
        assert found == _cells(plain)  # type: ignore[arg-type]  # the same search on sets of boxes
        cells += len(found)
    assert cells > 3000


def test_page_text_read_in_one_call_is_its_characters_one_by_one() -> None:
    import ctypes

    import pypdfium2 as pdfium

    from parsers.readers.pdfium_page import _count_chars, _handle_arg, _page_text, _unicode

    read = 0
    with PDFIUM_LOCK:
        for path in PATH_PDFS:
            pdf = pdfium.PdfDocument(path.read_bytes())
            try:
                for page in pdf:
                    textpage = page.get_textpage()
                    tp = _handle_arg(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
                    n = _count_chars(tp)
                    assert _page_text(tp, n) == "".join(chr(_unicode(tp, i)) for i in range(n)), path.name
                    read += n
                    textpage.close()
                    page.close()
            finally:
                pdf.close()
    assert read > 10000


def test_cells_found_by_rank_are_those_found_by_vertex(contents: list[PageContent]) -> None:
    rng = random.Random(23)
    cells = 0
    for content in [*contents, *(_ruled(rng) for _ in range(3000))]:
        crossings = _intersections(table_edges(content))
        found = _cells(crossings)
        assert found == cells_by_vertices(crossings)
        cells += len(found)
    for _ in range(2000):  # grids whose crossings miss edges at random: cells that must look further
        xs = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 7)))
        ys = sorted(rng.sample(range(0, 60, 5), rng.randint(2, 7)))
        made: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
        for x in xs:
            for y in ys:
                if rng.random() < 0.85:
                    v = {xs.index(x) * 2 + rng.choice([0, 0, 0, 1])}
                    h = {100 + ys.index(y) * 2 + rng.choice([0, 0, 0, 1])}
                    made[(float(x), float(y))] = (v, h)
        found = _cells(made)
        assert found == cells_by_vertices(made)
        cells += len(found)
    assert cells > 10000


def test_centres_computed_in_c_loops_bit_for_bit(pages: list[list[Char]]) -> None:
    extremes: list[Char] = [
        ("a", x0, x1, t, b, 1.0, 0)
        for x0, x1, t, b in [(5e-324, 5e-324, -0.0, 0.0), (1.7e308, 1.7e308, -1.7e308, -1.7e308),
                             (0.1, 0.2, 1 / 3, 2 / 3), (-0.0, -0.0, 1e-320, 3e-320)]
    ]  # fmt: skip
    n = 0
    for chars in [*pages, extremes]:
        mids = Centres(chars)
        assert list(map(float.hex, mids.v)) == [float.hex((c[TOP] + c[BOTTOM]) / 2) for c in chars]
        assert list(map(float.hex, mids.h)) == [float.hex((c[X0] + c[X1]) / 2) for c in chars]
        n += len(chars)
    assert n > 10000

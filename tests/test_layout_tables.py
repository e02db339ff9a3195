"""The ruled-table search in C (``parsers/readers/_layout_tables.c``) against the Python it stands for
(``pdf_layout.find_tables_by_python``: ``table_edges``, ``_intersections``, ``_cells``, ``_tables``): on every
page of the fixtures' PDFs, on 3,000 pages of ruling made near the tolerances (lines level, upright and
sloped, rectangles, curves) and on 2,000 pages of grids (borders jittered across the tolerances, missing, cut,
drawn as lines, rectangles or a closed curve), each also shuffled and with its ruling drawn twice, the tables
and their cells must
be the same, every float to the last bit; a ruling the C does not cover (a negative zero, an int, a value not
finite or beyond 1e12) is read by the Python."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from fixture_pages import fixture_pages
from test_pdf_fast_paths import _ruled

from parsers.readers import pdf_layout
from parsers.readers.pdfium_page import PageContent

pytestmark = pytest.mark.skipif(
    pdf_layout.NATIVE is None,
    reason="no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)",
)


def _hex(tables: list[list[tuple[float, float, float, float]]]) -> list[list[tuple[str, ...]]]:
    return [[tuple(map(float.hex, cell)) for cell in table] for table in tables]


def _plain(content: PageContent) -> list[list[tuple[float, float, float, float]]]:
    return [table.cells for table in pdf_layout.find_tables_by_python(content)]


def _variants(content: PageContent, rng: random.Random) -> list[PageContent]:
    """The page, its ruling in another order, and its ruling drawn twice."""
    shuffled = PageContent(content.width, content.height)
    shuffled.lines = rng.sample(content.lines, len(content.lines))
    shuffled.rects = rng.sample(content.rects, len(content.rects))
    shuffled.curves = rng.sample(content.curves, len(content.curves))
    twice = PageContent(content.width, content.height)
    twice.lines = content.lines * 2
    twice.rects = content.rects + content.rects[::-1]
    twice.curves = content.curves * 2
    return [content, shuffled, twice]


def _grid(rng: random.Random) -> PageContent:
    """A page of one to three ruled grids: cell borders as lines or as a rectangle per cell, their positions
    jittered across the tolerances, some borders missing, some drawn twice or in pieces."""
    content = PageContent(595.0, 842.0)
    for _ in range(rng.randint(1, 3)):
        left, top = rng.uniform(0, 300), rng.uniform(0, 600)
        xs = [left + 40.0 * k + rng.choice([0.0, 0.0, 0.5, 2.9, 3.1]) for k in range(rng.randint(2, 6))]
        ys = [top + 18.0 * k + rng.choice([0.0, 0.0, 1.0, 3.0]) for k in range(rng.randint(2, 8))]
        if rng.random() < 0.3:
            for x0, x1 in itertools.pairwise(xs):
                for y0, y1 in itertools.pairwise(ys):
                    if rng.random() < 0.95:
                        content.rects.append((x0, y0, x1, y1))
            continue
        for y in ys:
            if rng.random() < 0.9:
                cut = rng.uniform(xs[0], xs[-1]) if rng.random() < 0.2 else xs[-1]
                content.lines.append((xs[0], y, cut, y))
                if cut < xs[-1]:
                    content.lines.append((cut + rng.choice([0.0, 2.0, 4.0]), y, xs[-1], y))
        for x in xs:  # some stopping short of the outer borders, by the tolerance or a hair more
            if rng.random() < 0.9:
                reach = [0.0, 0.0, 3.0, 3.0001]
                content.lines.append((x, ys[0] + rng.choice(reach), x, ys[-1] - rng.choice(reach)))
        if rng.random() < 0.2:
            content.curves.append([(xs[0], ys[0]), (xs[-1], ys[0]), (xs[-1], ys[-1]), (xs[0], ys[-1]), (xs[0], ys[0])])
    return content


def test_tables_found_in_c_are_those_found_in_python() -> None:
    rng = random.Random(31)
    pages = fixture_pages()
    assert len(pages) > 50
    made = [_ruled(rng) for _ in range(3000)] + [_grid(rng) for _ in range(2000)]
    tables = cells = 0
    for content in [*pages, *made]:
        for variant in _variants(content, rng):
            found = pdf_layout.NATIVE.tables(variant.lines, variant.rects, variant.curves)
            assert found is not None
            plain = _plain(variant)
            assert _hex(found) == _hex(plain)
            assert _hex([t.cells for t in pdf_layout.find_tables(variant)]) == _hex(plain)
            tables += len(plain)
            cells += sum(map(len, plain))
    assert tables > 9000 and cells > 100000


def test_ruling_the_c_does_not_cover_is_read_by_the_python() -> None:
    grid = PageContent(595.0, 842.0)
    grid.rects = [(50.0 + 40 * i, 60.0 + 20 * j, 90.0 + 40 * i, 80.0 + 20 * j) for i in range(3) for j in range(4)]
    assert pdf_layout.NATIVE.tables(grid.lines, grid.rects, grid.curves) is not None
    assert len(_plain(grid)) == 1
    for odd in (-0.0, 0, math.nan, math.inf, 2e12):
        content = PageContent(595.0, 842.0)
        content.rects = [*grid.rects, (odd, 60.0, 90.0, 80.0)]  # type: ignore[list-item]
        assert pdf_layout.NATIVE.tables(content.lines, content.rects, content.curves) is None
        assert _hex([t.cells for t in pdf_layout.find_tables(content)]) == _hex(_plain(content))
    content = PageContent(595.0, 842.0)
    content.curves = [[(10.0, 10.0), (10.0, -0.0)]]
    assert pdf_layout.NATIVE.tables(content.lines, content.rects, content.curves) is None
    content.curves = [[(10.0, 10.0), [10.0, 40.0]]]  # type: ignore[list-item]
    assert pdf_layout.NATIVE.tables(content.lines, content.rects, content.curves) is None

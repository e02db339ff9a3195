"""The text side of the PDF layout in C (``parsers/readers/_layout_text.c``: ``Table.extract`` with ``cell_text``,
``pdf._outside``, ``text_lines``) against the Python it stands for (``Table.extract_by_python``,
``pdf.outside_by_python``, ``text_lines_by_python``, ``has_duplicates_by_python``): the text lines of every fixture
page and of 3,000 made pages must be the same glyphs and boxes (every float by ``repr``), and fake bold found on the
same pages of 3,000 more (glyphs printed again 0 to 2.5 pt away, at halves that round either way); on
every table of the fixtures' PDFs and on 4,000 made tables (rows of cells, some spanning, some overlapping,
glyphs placed across the tolerances: tops 3 pt apart and a hair more, lines whose tops span more than 3 pt,
gaps and steps back, ties in x0 and top, spaces of several kinds, ligatures, texts of two characters), every
cell's text must be the same string, and ``None`` where no cell starts; glyphs the C does not cover (an int
coordinate, a NaN, a text not a str) are read by the Python."""

from __future__ import annotations

import math
import random

import pytest
from fixture_pages import fixture_pages

from parsers.readers import pdf, pdf_layout
from parsers.readers.pdfium_page import Box, Char

pytestmark = pytest.mark.skipif(
    pdf_layout.NATIVE_TEXT is None,
    reason="no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)",
)

TEXTS = ["一", "二", "年", "度", "1", "2", "0", ".", "a", "B", " ", " ", "\u3000", "\xa0", "\t", "ab"]
TEXTS += ["ﬁ", "ﬀ", "ﬃ", "ﬄ", "ﬂ", "ﬅ", "ﬆ"]  # U+FB00 to U+FB06, pdf_layout.LIGATURES


def _same(a: list[list[str | None]], b: list[list[str | None]]) -> bool:
    return [[repr(x) for x in row] for row in a] == [[repr(x) for x in row] for row in b]


def _native(table: pdf_layout.Table, chars: list[Char], mids: pdf_layout.Centres) -> list[list[str | None]] | None:
    """The table's cell texts by the C extension (None where it declines)."""
    return pdf_layout.NATIVE_TEXT.extract(
        table.rows(), chars, mids.keys, mids.order, mids.h, mids.v, pdf_layout.cell_text, pdf_layout._LIGATURE_TABLE
    )


def _table(rng: random.Random) -> tuple[pdf_layout.Table, list[Char]]:
    """A grid of cells, some spanning two columns or two rows, some overlapping their neighbour, and glyphs
    scattered over it and around it."""
    left, top = rng.choice([50.0, 72.5, 100.25]), rng.choice([60.0, 100.5, 300.0])
    xs = [left + 60.0 * k + rng.choice([0.0, 0.0, 0.5]) for k in range(rng.randint(2, 6))]
    ys = [top + rng.choice([14.0, 20.0, 30.0]) * k for k in range(rng.randint(2, 6))]
    cells: list[Box] = []
    taken: set[tuple[int, int]] = set()
    for j in range(len(ys) - 1):
        for i in range(len(xs) - 1):
            if (i, j) in taken:
                continue
            i1, j1 = i + 1, j + 1
            roll = rng.random()
            if roll < 0.1 and i + 2 < len(xs):
                i1 = i + 2
            elif roll < 0.2 and j + 2 < len(ys):
                j1 = j + 2
            taken.update((a, b) for a in range(i, i1) for b in range(j, j1))
            x1 = xs[i1] + (rng.choice([5.0, 0.5]) if rng.random() < 0.05 else 0.0)  # overlapping the next
            cells.append((xs[i], ys[j], x1, ys[j1]))
    chars: list[Char] = []
    for _ in range(rng.randint(0, 120)):
        j = rng.randrange(len(ys) - 1)
        line = ys[j] + rng.choice([2.0, 2.0, 8.0, 8.0, 11.0])
        glyph_top = line + rng.choice([0.0, 0.0, 0.0, 1.5, 3.0, 3.0 + 1e-12, 3.0001, -3.0, 2.99, 6.5])
        x0 = rng.choice([round(rng.uniform(xs[0] - 20, xs[-1] + 20), 0), rng.uniform(xs[0], xs[-1])])
        width = rng.choice([5.0, 10.0, 10.0, 2.0, 0.0])
        size = rng.choice([10.0, 10.0, 9.0])
        chars.append((rng.choice(TEXTS), x0, x0 + width, glyph_top, glyph_top + size, size, 0))
    if rng.random() < 0.3:  # a run of glyphs left to right, with gaps under and over 3 pt, some stepping back
        x = xs[0] + 2.0
        line = ys[0] + 3.0
        for _ in range(rng.randint(1, 40)):
            chars.append((rng.choice(TEXTS), x, x + 5.0, line, line + 10.0, 10.0, 0))
            x += rng.choice([5.0, 5.0, 7.9, 8.0, 8.0001, 9.0, -2.0])
    rng.shuffle(chars)
    return pdf_layout.Table(cells), chars


def test_cell_texts_in_c_are_those_in_python() -> None:
    rng = random.Random(13)
    tables = cells = texts = 0
    for content in fixture_pages():
        chars = content.chars
        if not chars:
            continue
        if pdf_layout.has_duplicates(chars):
            chars = pdf_layout.dedupe(chars, content.font_name)
        found = pdf_layout.find_tables(content)
        if not found:
            continue
        mids = pdf_layout.Centres(chars)
        for table in found:
            native = _native(table, chars, mids)
            assert native is not None
            plain = table.extract_by_python(chars, mids)
            assert _same(native, plain)
            tables += 1
            cells += sum(map(len, plain))
            texts += sum(1 for row in plain for text in row if text)
        boxes = [table.bbox for table in found]
        assert pdf._outside(chars, mids, boxes) == pdf.outside_by_python(chars, mids, boxes)
    assert tables > 50 and cells > 4000 and texts > 1000
    spans = 0
    for _ in range(4000):
        table, chars = _table(rng)
        mids = pdf_layout.Centres(chars)
        plain = table.extract_by_python(chars, mids)
        native = _native(table, chars, mids)
        assert native is not None
        assert _same(native, plain), table.cells
        assert _same(table.extract(chars, mids), plain)
        spans += sum(1 for row in plain for text in row if text and "\n" in text)
        boxes = [table.bbox, (table.bbox[0] + 30.0, table.bbox[1], table.bbox[2], table.bbox[1] + 20.0)]
        assert pdf._outside(chars, mids, boxes) == pdf.outside_by_python(chars, mids, boxes)
    assert spans > 1000


def test_values_the_c_does_not_cover_are_read_by_the_python() -> None:
    table = pdf_layout.Table([(10.0, 10.0, 50.0, 30.0), (50.0, 10.0, 90.0, 30.0)])
    chars: list[Char] = [("1", 12.0, 17.0, 12.0, 22.0, 10.0, 0), ("ﬁ", 52.0, 57.0, 12.0, 22.0, 10.0, 0)]
    mids = pdf_layout.Centres(chars)
    rows = table.rows()
    args = (mids.keys, mids.order, mids.h, mids.v, pdf_layout.cell_text, pdf_layout._LIGATURE_TABLE)
    assert pdf_layout.NATIVE_TEXT.extract(rows, chars, *args) == [["1", "fi"]]
    int_top: list[Char] = [chars[0], ("2", 53.0, 56.0, 12, 22.0, 10.0, 0)]  # type: ignore[list-item]
    int_text: list[Char] = [chars[0], (7, 53.0, 56.0, 12.0, 22.0, 10.0, 0)]  # type: ignore[list-item]
    for weird in (int_top, int_text):
        wmids = pdf_layout.Centres(weird)
        wargs = (wmids.keys, wmids.order, wmids.h, wmids.v, pdf_layout.cell_text, pdf_layout._LIGATURE_TABLE)
        assert pdf_layout.NATIVE_TEXT.extract(rows, weird, *wargs) is None
    assert table.extract(int_top, pdf_layout.Centres(int_top)) == [["1", "2"]]
    for nan_at in (1, 3):  # a glyph with a NaN: its centre is in no cell, the same both ways
        glyph = list(chars[1])
        glyph[nan_at] = math.nan
        nan_glyph: list[Char] = [chars[0], tuple(glyph)]  # type: ignore[list-item]
        nmids = pdf_layout.Centres(nan_glyph)
        nargs = (nmids.keys, nmids.order, nmids.h, nmids.v, pdf_layout.cell_text, pdf_layout._LIGATURE_TABLE)
        assert pdf_layout.NATIVE_TEXT.extract(rows, nan_glyph, *nargs) == [["1", ""]]
        assert table.extract_by_python(nan_glyph, nmids) == [["1", ""]]
    nan_cell = pdf_layout.Table([(10.0, 10.0, 50.0, 30.0), (50.0, 10.0, math.nan, 30.0)])
    assert pdf_layout.NATIVE_TEXT.extract(nan_cell.rows(), chars, *args) is None
    assert pdf_layout.NATIVE_TEXT.outside(chars, mids.h, mids.v, [(0, 0.0, 1.0, 1.0)], 1.0) is None
    assert pdf_layout.NATIVE_TEXT.outside(chars, mids.h, mids.v, [(0.0, 0.0, 15.0, 40.0)], 1.0) == [chars[1]]
    # a cell whose one line spans more than the tolerance in tops: the Python reads it word by word
    tall = [
        ("a", 12.0, 17.0, 12.0, 22.0, 10.0, 0),
        ("b", 16.0, 21.0, 14.0, 24.0, 10.0, 0),
        ("c", 20.0, 25.0, 16.0, 26.0, 10.0, 0),
    ]
    tmids = pdf_layout.Centres(tall)
    targs = (tmids.keys, tmids.order, tmids.h, tmids.v, pdf_layout.cell_text, pdf_layout._LIGATURE_TABLE)
    native = pdf_layout.NATIVE_TEXT.extract(rows, tall, *targs)
    assert native == table.extract_by_python(tall, tmids) == [[pdf_layout.cell_text_by_clusters(tall), ""]]


def _page_glyphs(rng: random.Random) -> list[Char]:
    """Glyphs on a few lines, their tops jittered across the tolerances, left to right with gaps and steps back,
    spaces between, ligatures on some pages only, a glyph of no text now and then."""
    texts = TEXTS if rng.random() < 0.5 else [t for t in TEXTS if not "\ufb00" <= t <= "\ufb06"]
    if rng.random() < 0.1:
        texts = [*texts, ""]
    chars: list[Char] = []
    for k in range(rng.randint(0, 8)):
        line = 60.0 + k * rng.choice([3.0, 5.0, 12.0, 14.0])
        x = rng.choice([50.0, 72.25])
        for _ in range(rng.randint(1, 30)):
            top = line + rng.choice([0.0, 0.0, 0.0, 1.5, 3.0, 3.0 + 1e-12, -2.99, 4.0])
            width = rng.choice([5.0, 10.0, 2.0, 0.0])
            chars.append((rng.choice(texts), x, x + width, top, top + rng.choice([9.0, 10.0, 12.5]), 10.0, 0))
            x += rng.choice([width, width, width + 3.0, width + 3.0001, width + 8.0, -1.0, 0.0])
    if rng.random() < 0.5:
        rng.shuffle(chars)
    return chars


def test_text_lines_in_c_are_those_in_python() -> None:
    rng = random.Random(17)
    lines = 0
    for content in fixture_pages():
        chars = content.chars
        native = pdf_layout.NATIVE_TEXT.text_lines(chars)
        assert native is not None
        assert repr(native) == repr(pdf_layout.text_lines_by_python(chars))
        assert repr(native) == repr(pdf_layout.text_lines_by_python(chars, pdf_layout.top_lines(chars)))
        lines += len(native)
    assert lines > 1000, lines
    refused = 0
    for _ in range(3000):
        chars = _page_glyphs(rng)
        native = pdf_layout.NATIVE_TEXT.text_lines(chars)
        if native is None:  # a glyph of no text on a page with a ligature: the Python's (it may raise)
            refused += 1
            try:
                plain = pdf_layout.text_lines_by_python(chars)
            except ValueError:
                with pytest.raises(ValueError):
                    pdf_layout.text_lines(chars)
                continue
        else:
            plain = pdf_layout.text_lines_by_python(chars)
            assert repr(native) == repr(plain), chars
        assert repr(pdf_layout.text_lines(chars)) == repr(plain)
    assert 0 < refused < 300
    for odd in (12, "x"):
        glyph = ("1", 12.0, 17.0, 12.0, 22.0, 10.0, 0) if odd == 12 else (7, 12.0, 17.0, 12.0, 22.0, 10.0, 0)
        weird: list[Char] = [("1", 12.0, 17.0, 12, 22.0, 10.0, 0) if odd == 12 else glyph]  # type: ignore[list-item]
        assert pdf_layout.NATIVE_TEXT.text_lines(weird) is None
    nan_top: list[Char] = [("1", 12.0, 17.0, math.nan, 22.0, 10.0, 0), ("2", 18.0, 23.0, 12.0, 22.0, 10.0, 0)]
    assert pdf_layout.NATIVE_TEXT.text_lines(nan_top) is None
    assert repr(pdf_layout.text_lines(nan_top)) == repr(pdf_layout.text_lines_by_python(nan_top))


def test_fake_bold_found_in_c_as_in_python() -> None:
    rng = random.Random(19)
    for content in fixture_pages():
        assert pdf_layout.NATIVE_TEXT.has_duplicates(content.chars) == pdf_layout.has_duplicates_by_python(
            content.chars
        )
    counts = {True: 0, False: 0}
    for _ in range(3000):
        chars = _page_glyphs(rng)
        for _ in range(rng.randint(0, 3)):  # some glyph printed again nearby
            if chars:
                text, x0, x1, top, bottom, size, font = rng.choice(chars)
                dx, dy = rng.choice([0.0, 0.5, 1.0, 1.5, 2.0, 2.0001, 2.5]), rng.choice([0.0, 0.5, 1.0, 1.5, 3.5])
                text = rng.choice([text, text, "x"])
                chars.append((text, x0 + dx, x1 + dx, top + dy, bottom + dy, size, font))
        if rng.random() < 0.3:  # at halves, which round() takes to the even side
            chars = [(t, math.floor(x0) + 0.5, x1, math.floor(top) + 0.5, b, s, f) for t, x0, x1, top, b, s, f in chars]
        plain = pdf_layout.has_duplicates_by_python(chars)
        assert pdf_layout.NATIVE_TEXT.has_duplicates(chars) is plain
        assert pdf_layout.has_duplicates(chars) is plain
        counts[plain] += 1
    assert min(counts.values()) > 500, counts
    for odd in (math.inf, math.nan, 1e16):
        weird: list[Char] = [("1", 12.0, 17.0, 12.0, 22.0, 10.0, 0), ("1", odd, 17.0, 12.0, 22.0, 10.0, 0)]
        assert pdf_layout.NATIVE_TEXT.has_duplicates(weird) is None

"""The PDF reader's shortcuts against their plain definitions, on the rendered seeds' pages and on jittered
copies of them (glyphs moved across the clustering tolerances, spaces and duplicates thrown in).

- a page's lines clustered once serve both the fake-bold test and the text lines (``top_lines``);
- the glyphs outside the tables filtered one box at a time (``pdf._outside``) are those whose centre is in
  no box (1 pt of slack);
- a table row's glyphs given to its cells by position (``Table.extract``) are each cell's glyphs whose
  centre is inside it;
- a one-glyph table cell is read without clustering (``cell_text``).
``scripts/reader_snapshot.py --pdf-dir`` compares whole outputs before and after a change.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parsers.readers.pdf import _outside
from parsers.readers.pdf_layout import (
    BOTTOM,
    TEXT,
    TOP,
    X0,
    X1,
    Centres,
    _text,
    cell_text,
    find_tables,
    has_duplicates,
    text_lines,
    top_lines,
    word_glyphs,
)
from parsers.readers.pdfium_page import PDFIUM_LOCK, Char, PageContent, read_page

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

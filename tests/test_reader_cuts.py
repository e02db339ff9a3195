"""The readers' shortcuts of issue 13's fifth pass give what the plain definitions give.

Each test holds one shortcut to the definition it replaces. ``scripts/reader_snapshot.py`` and
``scripts/parse_snapshot.py`` compare whole outputs before and after.
"""

from __future__ import annotations

import contextlib
import io
import random
import zipfile
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest

from parsers import zip_members
from parsers.detect import detect_kind
from parsers.extracted import UnreadableDocument
from parsers.readers import pdf_layout
from parsers.readers.docx import check_package
from parsers.readers.pdfium_page import PDFIUM_LOCK, Char, read_page

FIXTURES = Path(__file__).parent / "fixtures"
PACKAGES = sorted((FIXTURES / "rendered").glob("*.docx")) + sorted((FIXTURES / "rendered").glob("*.xlsx"))


def _listing(infos: list[zipfile.ZipInfo]) -> list[tuple[object, ...]]:
    return [(i.filename, i.header_offset, i.compress_size, i.file_size, i.CRC, i.flag_bits) for i in infos]


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_the_member_list_left_by_the_detection_is_zipfiles_for_those_bytes() -> None:
    assert len(PACKAGES) >= 10
    for path in PACKAGES:
        data = path.read_bytes()
        plain = _listing(zipfile.ZipFile(io.BytesIO(data)).infolist())
        assert detect_kind(data, path.name) in {"docx", "xlsx"}
        assert zip_members._LEFT.entry[0] is data
        assert _listing(zip_members.members(data)) == plain  # the list left, taken
        assert zip_members._LEFT.entry is None  # nothing held once taken
        assert _listing(zip_members.members(data)) == plain  # read again


def test_a_list_left_for_other_bytes_is_not_taken() -> None:
    a = _zip({"word/document.xml": b"<w:document/>", "a.xml": b"<a/>"})
    b = _zip({"xl/workbook.xml": b"<workbook/>", "b.xml": b"<b/>"})
    same = bytes(bytearray(a))  # equal bytes, another object
    assert same == a and same is not a
    assert detect_kind(a) == "docx"
    assert [i.filename for i in zip_members.members(b)] == ["xl/workbook.xml", "b.xml"]
    assert zip_members._LEFT.entry is None  # taken and dropped by the call for other bytes
    assert detect_kind(a) == "docx"
    listed = zip_members.members(same)
    assert _listing(listed) == _listing(zipfile.ZipFile(io.BytesIO(a)).infolist())


def test_a_zip_of_another_kind_leaves_nothing() -> None:
    other = _zip({"content.xml": b"<office/>"})
    with pytest.raises(UnreadableDocument) as err:
        detect_kind(other)
    assert err.value.code == "unknown_kind"
    assert getattr(zip_members._LEFT, "entry", None) is None


def test_the_package_check_judges_alike_with_the_list_left_or_not() -> None:
    hostile = _zip({"word/document.xml": b"<w:document/>", "word/x.xml": b'<!DOCTYPE x [<!ENTITY e "e">]><x/>'})
    missing = _zip({"word/document.xml": b"<w:document/>"})
    cases = [(p.read_bytes(), "word/document.xml" if p.suffix == ".docx" else "xl/workbook.xml") for p in PACKAGES]
    cases += [(hostile, "word/document.xml"), (missing, "xl/workbook.xml")]
    for data, required in cases:
        outcomes = []
        for detect_first in (False, True):
            if detect_first:
                detect_kind(data)
            try:
                check_package(data, required=required)
                outcomes.append(None)
            except UnreadableDocument as exc:
                outcomes.append((exc.code, exc.reason))
        assert outcomes[0] == outcomes[1]
    assert outcomes[0] is not None and outcomes[0][0] == "corrupt"


# ---------------------------------------------------------------------------------------------- PDF layout
def _plain_cluster(items: list[object], key: Callable[[Any], float], tolerance: float) -> list[list[object]]:
    """pdf_layout.cluster's definition: each item to its cluster of keys, one by one."""
    keys = [key(i) for i in items]
    if not keys:
        return []
    index = pdf_layout.cluster_index(keys, tolerance)
    groups: dict[int, list[object]] = {}
    for item, k in zip(items, keys, strict=True):
        groups.setdefault(index[k], []).append(item)
    return [groups[k] for k in sorted(groups)]


def _plain_words(line: list[Char]) -> list[list[Char]]:
    """word_glyphs' definition on one line, glyph by glyph."""
    out: list[list[Char]] = []
    current: list[Char] = []
    px0 = px1 = ptop = 0.0
    for c in line:
        if c[0].isspace():
            if current:
                out.append(current)
                current = []
            continue
        if current and (c[1] < px0 or c[1] > px1 + 3.0 or abs(c[3] - ptop) > 3.0):
            out.append(current)
            current = [c]
        else:
            current.append(c)
        px0, px1, ptop = c[1], c[2], c[3]
    if current:
        out.append(current)
    return out


def _random_glyphs(rnd: random.Random, n: int) -> list[Char]:
    glyphs: list[Char] = []
    x = rnd.uniform(0, 50)
    top = rnd.choice([100.0, 100.5, 103.0, 103.25, 110.0])
    for _ in range(n):
        if rnd.random() < 0.15:  # a new run: another top, maybe a step back
            top = rnd.choice([top, top + 0.5, top + 2.9, top + 3.0, top + 3.1, top - 4.0, 250.0, float("nan")])
            x += rnd.choice([-30.0, 0.0, 2.0, 3.0, 3.0000001, 12.0])
        text = rnd.choice(["年", "度", "1", "a", " ", "\u3000", ".", "报"])
        width = rnd.choice([10.5, 5.25, 0.0, 3.0])
        glyphs.append((text, x, x + width, top, top + 10.5, 10.5, 1))
        x += width + rnd.choice([0.0, 0.0, 0.0, 0.5, 3.0, 4.0])
    return glyphs


def _fixture_pages() -> list[list[Char]]:
    import pypdfium2 as pdfium

    pages = []
    with PDFIUM_LOCK:
        for path in sorted(FIXTURES.rglob("*.pdf")):
            pdf = pdfium.PdfDocument(path.read_bytes())
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                with contextlib.suppress(Exception):  # a page this reading does not cover (pdfplumber's)
                    pages.append(read_page(page, textpage).chars)
                textpage.close()
                page.close()
            pdf.close()
    return pages


PAGES = _fixture_pages()


def test_clusters_moved_by_runs_are_the_clusters_made_item_by_item() -> None:
    rnd = random.Random(13)
    cases: list[tuple[list[Any], Callable[[Any], float], float]] = []
    for chars in PAGES:
        cases += [(chars, itemgetter(3), 3.0), (chars, itemgetter(1), 1.0), (chars[::-1], itemgetter(3), 3.0)]
    for _ in range(3000):
        choices = [0.0, -0.0, 1.0, 2.5, 3.0, 3.5, 7.0, 7.0, 20.0, float("nan")]
        values = [rnd.choice(choices) for _ in range(rnd.randint(0, 30))]
        cases.append(([(v, k) for k, v in enumerate(values)], itemgetter(0), rnd.choice([0.0, 1.0, 3.0])))
    assert len(PAGES) > 30
    for items, key, tolerance in cases:
        made = pdf_layout.cluster(items, key, tolerance)
        plain = _plain_cluster(items, key, tolerance)
        if made != plain:  # NaN keys: equal only item by item (nan != nan)
            assert [[id(i) for i in g] for g in made] == [[id(i) for i in g] for g in plain]
        assert pdf_layout.cluster(tuple(items), key, tolerance) == made


def test_a_line_read_as_one_word_at_once_is_one_word_glyph_by_glyph() -> None:
    rnd = random.Random(31)
    lines = [line for chars in PAGES for line in pdf_layout.top_lines(chars)]
    for _ in range(4000):
        lines += pdf_layout.top_lines(_random_glyphs(rnd, rnd.randint(0, 25)))
    whole = 0
    for line in lines:
        plain = _plain_words(line)
        assert pdf_layout.word_glyphs(line, [line]) == plain
        if pdf_layout._one_word(line):
            assert plain == [line]
            whole += 1
    assert 1000 < whole < len(lines)

"""The readers' shortcuts of issue 13's fifth pass give what the plain definitions give.

Each test holds one shortcut to the definition it replaces. ``scripts/reader_snapshot.py`` and
``scripts/parse_snapshot.py`` compare whole outputs before and after.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from parsers import zip_members
from parsers.detect import detect_kind
from parsers.extracted import UnreadableDocument
from parsers.readers.package_check import check_package

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
def test_a_page_read_with_prepared_handle_references_is_the_page_read_with_handles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's and text page's handles passed as prepared references (pdfium_page._handle_arg) read what
    the same handles passed as _Handle objects read, glyph for glyph and path for path."""
    import pypdfium2 as pdfium

    from parsers.readers import pdfium_page

    def both(page: Any, textpage: Any) -> tuple[Any, Any]:
        fast = pdfium_page.read_page(page, textpage)
        with monkeypatch.context() as m:
            m.setattr(pdfium_page, "_handle_arg", pdfium_page._Handle)
            plain = pdfium_page.read_page(page, textpage)
        return fast, plain

    glyphs = 0
    with pdfium_page.PDFIUM_LOCK:
        for path in sorted(FIXTURES.rglob("*.pdf")):
            pdf = pdfium.PdfDocument(path.read_bytes())
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                try:
                    fast, plain = both(page, textpage)
                except pdfium_page.Unsupported:
                    continue
                finally:
                    textpage.close()
                    page.close()
                assert repr(fast) == repr(plain)
                glyphs += len(fast.chars)
            pdf.close()
    assert glyphs > 20000
    with pytest.raises(ValueError):
        pdfium_page._handle_arg(0)


# ---------------------------------------------------------------------------------------------- HTML containers
_NESTED = [
    "<html><body> a <div>b<div class='x'> c  d </div>e</div>\n<div>f<!-- note --> g</div> tail </body></html>",
    "<html><body><div>x<div>y</div>z<div> </div>w<p>p <b>q</b> r</p></div><td>1</td></body></html>",
    "<html><body><div><div>glued</div><div>words</div> <div> spaced </div>\t<div>\n</div><div>end</div></div>"
    "</body></html>",
    "<html><body>" + "<div>" * 30 + "deep " + "</div>" * 30 + "</body></html>",
    "<html><body><div>" + "<span>s</span>" * 40 + "<div>many children</div></div></body></html>",
    "<html><body><div><?pi x?><div>pi</div></div><table><tr><td><div>a cell holding a block, long enough</div>"
    "</td></tr></table></body></html>",
]


def test_the_candidates_texts_put_together_are_their_serialised_texts() -> None:
    """chrome._texts puts a candidate's raw and visible texts together from its children's: the same strings
    ``raw_text`` and ``" ".join(raw.split())`` give, on every HTML fixture and on nestings made to test the
    joins (comments, processing instructions, white space at the boundaries, many children)."""
    from parsers.readers import chrome, html

    pages = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.htm*"))] + [s.encode() for s in _NESTED]
    put_together = 0
    for page in pages:
        try:
            tree = html.parse_tree(page)
        except UnreadableDocument:
            continue
        taken = list(tree.iter(*chrome._CANDIDATE_TAGS))
        known = chrome._texts(taken)
        for el in taken:
            raw = chrome.raw_text(el)
            assert known[el] == (raw, " ".join(raw.split()))
        put_together += sum(1 for el in taken if len(el) and any(child in known for child in el))
    assert len(pages) > 40 and put_together > 50

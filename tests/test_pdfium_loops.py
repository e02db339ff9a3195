"""The C loops over a page's glyphs and objects (``parsers/readers/_pdfium_loops.c``) against the ctypes loops
they stand for (``pdfium_page._read_chars`` and ``pdfium_page._visit``): every page of the fixtures' PDFs of
five producers (LibreOffice, Chromium, wkhtmltopdf, ReportLab scans, PDFium), the same pages turned by
``/Rotate``, and pages of form XObjects (placed, shrunk and turned: glyphs not upright), read both ways, must
give the same ``PageContent`` to the last bit of every float (``repr``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from parsers import compiled
from parsers.readers import pdfium_page

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.skipif(
    pdfium_page.NATIVE is None,
    reason="no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)",
)


def _both(page: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, int] | None:
    textpage = page.get_textpage()
    try:
        try:
            native = pdfium_page.read_page(page, textpage)
        except pdfium_page.Unsupported as e:
            native_error = str(e)
        else:
            native_error = ""
        with monkeypatch.context() as m:
            m.setattr(pdfium_page, "NATIVE", None)
            try:
                plain = pdfium_page.read_page(page, textpage)
            except pdfium_page.Unsupported as e:
                assert native_error == str(e)
                return None
        assert native_error == ""
        return repr(native), repr(plain), len(native.chars)
    finally:
        textpage.close()


def _pdfs() -> list[Path]:
    return sorted(FIXTURES.rglob("*.pdf"))


def _forms(path: Path) -> Iterator[pdfium.PdfDocument]:
    """Two pages of form XObjects made from the document's first page: placed whole, and shrunk and turned by
    30° (its glyphs then not upright) beside a copy nested in another form."""
    src = pdfium.PdfDocument(path.read_bytes())
    dest = pdfium.PdfDocument.new()
    try:
        xobject = src.page_as_xobject(0, dest)
        page = dest.new_page(595, 842)
        page.insert_obj(xobject.as_pageobject())
        page.gen_content()
        page = dest.new_page(842, 595)
        turned = xobject.as_pageobject()
        turned.transform(pdfium.PdfMatrix().scale(0.5, 0.5).rotate(30).translate(300, 50))
        page.insert_obj(turned)
        placed = xobject.as_pageobject()
        placed.transform(pdfium.PdfMatrix().scale(0.4, 0.4).translate(20, 20))
        page.insert_obj(placed)
        page.gen_content()
        yield dest
    finally:
        dest.close()
        src.close()


def test_the_c_loops_read_every_page_as_the_ctypes_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = glyphs = turned = 0
    producers: set[str] = set()
    with pdfium_page.PDFIUM_LOCK:
        for path in _pdfs():
            pdf = pdfium.PdfDocument(path.read_bytes())
            producers.add(str(pdf.get_metadata_dict().get("Producer", "")).split(" ")[0])
            try:
                for i in range(len(pdf)):
                    page = pdf[i]
                    for rotation in (0, 90, 180, 270) if i == 0 else (0,):
                        page.set_rotation(rotation)
                        got = _both(page, monkeypatch)
                        if got is not None:
                            native, plain, count = got
                            assert native == plain, f"{path.name} page {i + 1} turned {rotation}°"
                            pages += 1
                            glyphs += count
                    page.close()
            finally:
                pdf.close()
        for path in [p for p in _pdfs() if "rendered" in p.parts or "pdf_producers" in p.parts][:4]:
            for doc in _forms(path):
                for i in range(len(doc)):
                    page = doc[i]
                    got = _both(page, monkeypatch)
                    assert got is not None
                    native, plain, count = got
                    assert native == plain, f"{path.name} as a form, page {i + 1}"
                    turned += native.count("skipped=[]") == 0
                    glyphs += count
                    page.close()
    assert {"LibreOffice", "Skia/PDF", "Qt", "ReportLab", "PDFium"} <= producers
    assert pages > 60 and glyphs > 40000
    assert turned >= 4  # the turned forms' glyphs were set aside by both loops


def test_the_c_loops_are_what_read_page_runs_when_built() -> None:
    """The build holds the extension and the reader binds it (else the test above would compare ctypes with
    itself)."""
    key = compiled.source_key()
    files = compiled.build_files(compiled.BUILDS / key, key)
    assert files["parsers.readers._pdfium_loops"].is_file()
    assert pdfium_page.NATIVE is not None and pdfium_page.NATIVE.__file__ == str(files["parsers.readers._pdfium_loops"])

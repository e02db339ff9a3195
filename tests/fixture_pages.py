"""Every page of the test fixtures' PDFs as the PDFium reader reads it (``read_page``): the real pages the C layout
modules' tests (``test_layout_tables``, ``test_layout_text``) hold against their Python versions."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from parsers.readers.pdfium_page import PDFIUM_LOCK, PageContent, Unsupported, read_page

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_pages() -> list[PageContent]:
    """Each page of every ``*.pdf`` under ``tests/fixtures``, in path order; a page the reader does not support
    (``Unsupported``) is left out."""
    out: list[PageContent] = []
    with PDFIUM_LOCK:
        for path in sorted(FIXTURES.rglob("*.pdf")):
            doc = pdfium.PdfDocument(path.read_bytes())
            try:
                for page in doc:
                    textpage = page.get_textpage()
                    try:
                        out.append(read_page(page, textpage))
                    except Unsupported:
                        pass
                    finally:
                        textpage.close()
                        page.close()
            finally:
                doc.close()
    return out

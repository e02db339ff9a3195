"""Pages with ``/Rotate``: a media box drawn on its side (or upside down) and turned for display, as PDF printer
drivers print landscape pages. They are read in the page's shown frame by the PDFium reading; before parser
version 28 each went whole to pdfplumber (17–28× slower for the same cells).

The rotated PDFs are made here with PDFium: each page of a rendered seed is laid, as a form XObject turned the
other way, on a page whose media box is turned, and the page gets its ``/Rotate``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from parsers.extracted import Extracted
from parsers.readers import pdf as pdf_reader
from parsers.readers import read

SEED = Path(__file__).parent / "fixtures" / "rendered" / "000_ac91ced63409bf38.pdf"

# the matrix that draws a page turned the other way: shown with /Rotate r, it is upright again
_UNDO = {
    90: lambda w, h: pdfium.PdfMatrix(0, 1, -1, 0, h, 0),
    180: lambda w, h: pdfium.PdfMatrix(-1, 0, 0, -1, w, h),
    270: lambda w, h: pdfium.PdfMatrix(0, -1, 1, 0, 0, w),
}


def rotated(data: bytes, rotation: int) -> bytes:
    src = pdfium.PdfDocument(data)
    dest = pdfium.PdfDocument.new()
    for i in range(len(src)):
        w, h = src[i].get_size()
        page = dest.new_page(h, w) if rotation != 180 else dest.new_page(w, h)
        obj = src.page_as_xobject(i, dest).as_pageobject()
        obj.transform(_UNDO[rotation](w, h))
        page.insert_obj(obj)
        page.gen_content()
        page.set_rotation(rotation)
    out = io.BytesIO()
    dest.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def upright() -> Extracted:
    return read(SEED.read_bytes(), "pdf")


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_page(upright: Extracted, rotation: int) -> None:
    pdf_reader.FALLBACK.clear()
    extracted = read(rotated(SEED.read_bytes(), rotation), "pdf")
    assert not pdf_reader.FALLBACK  # no page went to pdfplumber
    assert extracted.text == upright.text
    assert extracted.notes == upright.notes
    assert extracted.spans == upright.spans  # cells at the same pages, tables, rows


def test_a_page_shown_on_its_side_keeps_its_frame() -> None:
    """The rendered seed's page given /Rotate 90 without being drawn the other way: the page as shown lies on
    its side, so its lines run top to bottom: the reading does not pretend otherwise (its glyphs are not
    upright in the shown frame) and the page goes to pdfplumber, as a page set mostly on its side."""
    src = pdfium.PdfDocument(SEED.read_bytes())
    src[0].set_rotation(90)
    out = io.BytesIO()
    src.save(out)
    pdf_reader.FALLBACK.clear()
    read(out.getvalue(), "pdf")
    assert pdf_reader.FALLBACK["rotated, skewed or mirrored text"] == 1

"""A PDF whose fonts are embedded without a Unicode map: its text layer is garbage, its pages are read by OCR.

Made the way such PDFs come about: the rendered seed's fonts lose their ``/ToUnicode`` maps (the key renamed in
place, so the file stays valid), and PDFium's text page then holds glyph ids for characters. Before parser
version 28 the reader sent such pages to pdfplumber (1.7–5.5 s a document, the same garbage) and read no cell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import parsers
from parsers.readers import pdf as pdf_reader
from parsers.readers.pdf_text_layer import garbled, not_text

FIXTURES = Path(__file__).parent / "fixtures"
STEM = "000_ac91ced63409bf38"


def without_unicode_maps(data: bytes) -> bytes:
    assert b"/ToUnicode" in data
    return data.replace(b"/ToUnicode", b"/ToUnicodX")


def test_a_report_whose_fonts_have_no_unicode_map_is_read_by_ocr() -> None:
    pdf_reader.FALLBACK.clear()
    data = without_unicode_maps((FIXTURES / "rendered" / f"{STEM}.pdf").read_bytes())
    report = parsers.parse(data, "garbled.pdf")
    assert not pdf_reader.FALLBACK
    gold = json.loads((FIXTURES / "gold" / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    right = sum(1 for k, v in gold.items() if k in report.cells and report.cells[k].value == v)
    assert right >= 0.98 * len(gold)
    assert report.metadata["ocr"] is True
    garbled_notes = [w.message for w in report.warnings if w.code == "text_layer_garbled"]
    assert [m.split(":")[0] for m in garbled_notes] == ["page 1", "page 2", "page 3", "page 4"]
    assert "glyphs are not text (a font embedded without a Unicode map): the page is read by OCR" in garbled_notes[0]


def test_the_seeds_text_layers_are_text() -> None:
    """Not one glyph of the seeds' own PDFs is counted as not text."""
    import pypdfium2 as pdfium

    for path in sorted((FIXTURES / "rendered").glob("*.pdf")):
        pdf = pdfium.PdfDocument(path.read_bytes())
        for i in range(len(pdf)):
            bad, total = not_text(pdf[i].get_textpage().get_text_range())
            assert bad == 0 and total > 0, (path.name, i + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年新收申请 12 件，同比增长 3.5%。王·阿凡提 × 2 ° ± §", (0, 29)),  # middle dot, ×, °, ±, § are text
        ("Lǚ Xiǎo 吕晓", (0, 8)),  # pinyin with its tones is text
        ("\x01\x04\x05\x06 ÿċƟƠ \ue05f\ufffe 人", (10, 11)),  # glyph ids: controls, Latin Extended, private use
    ],
)
def test_what_counts_as_not_text(text: str, expected: tuple[int, int]) -> None:
    assert not_text(text) == expected


def test_a_few_glyphs_that_are_not_text_keep_the_page_on_its_text_layer() -> None:
    assert not garbled(9, 10)  # under the minimum count: a few bullets from a symbol font
    assert not garbled(30, 1000)  # 3 %
    assert garbled(30, 100)


def _scan_with_line(text: str, lines: int = 1) -> bytes:
    """A page a scan covers, over which a portal printed ``text`` (``lines`` times) as real text."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    png = (FIXTURES / "scans" / "001_641fc7d161c03c36-200-clean-p2.png").read_bytes()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=595, height=842)
    c.setFont("STSong-Light", 9)
    for i in range(lines):
        c.drawString(60, 20 + 12 * i, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_scan_stamped_with_a_line_of_text_is_read_by_ocr() -> None:
    """Before parser version 28 the stamp was the page's whole reading: 0 of table 三's new-received cells."""
    report = parsers.parse(_scan_with_line("本文件来源于某某县人民政府网站  第 2 页"), "stamped.pdf")
    gold = json.loads((FIXTURES / "gold" / "001_641fc7d161c03c36.json").read_text(encoding="utf-8"))["cells"]
    expected = {k: v for k, v in gold.items() if k.startswith("applications/new_received")}
    assert {k: report.cells[k].value for k in expected if k in report.cells} == expected
    assert report.metadata["ocr"] is True
    (note,) = [w.message for w in report.warnings if w.code == "scan_with_text"]
    assert note == (
        "page 1: an image covers 100% of it and its text layer holds only 18 glyph(s) (a stamp, a page number): "
        "the page is read by OCR"
    )


def test_a_bare_scan_is_read_by_ocr_without_the_stamp_warning() -> None:
    from parsers.readers import read

    extracted = read(_scan_with_line("", lines=0), "pdf")
    assert extracted.ocr is True
    assert not any("scan_with_text" in n for n in extracted.notes)


def test_a_searchable_scan_is_read_from_its_text_layer() -> None:
    """A full-page image under a text layer of its own (a scanner's OCR, a letterhead) is read as text."""
    from parsers.readers import read

    extracted = read(_scan_with_line("（一）予以公开 本年新收政府信息公开申请数量", lines=4), "pdf")
    assert extracted.ocr is False
    assert extracted.text.count("予以公开") == 4

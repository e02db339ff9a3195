"""Glyphs not set upright in a text PDF: a diagonal watermark, a label turned in a narrow cell.

They are left out of the page's reading with a note that names them, and the page stays on the PDFium reading
(before, such a page went whole to pdfplumber: 8–16× slower, and its watermark glyphs mixed into the table text).
A page set mostly on its side still goes to pdfplumber; a shear alone (a synthetic italic) is read as upright.
The watermarked PDFs are made here by real tools: reportlab draws the turned text, PDFium lays the page of a
committed wkhtmltopdf print over it as a form XObject.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import parsers
from parsers.readers import pdf as pdf_reader
from parsers.readers import read

FIXTURES = Path(__file__).parent / "fixtures"
PRINT = FIXTURES / "pdf_producers" / "wkhtmltopdf-000_ac91ced63409bf38.pdf"
GOLD = json.loads((FIXTURES / "gold" / "000_ac91ced63409bf38.json").read_text(encoding="utf-8"))["cells"]


def _canvas(buf: io.BytesIO) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(buf, pagesize=(595, 842))


def watermarked(data: bytes, text: str, angle: float) -> bytes:
    """``data``'s pages, each over a page that carries ``text`` turned by ``angle`` degrees."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(data)
    buf = io.BytesIO()
    c = _canvas(buf)
    for i in range(len(src)):
        w, h = src[i].get_size()
        c.setPageSize((w, h))
        c.setFont("STSong-Light", 36)
        c.setFillGray(0.85)
        c.saveState()
        c.translate(w * 0.15, h * 0.35)
        c.rotate(angle)
        c.drawString(0, 0, text)
        c.restoreState()
        c.showPage()
    c.save()
    dest = pdfium.PdfDocument(buf.getvalue())
    for i in range(len(src)):
        page = dest[i]
        page.insert_obj(src.page_as_xobject(i, dest).as_pageobject())
        page.gen_content()
    out = io.BytesIO()
    dest.save(out)
    return out.getvalue()


def _right(report: parsers.Report) -> int:
    return sum(1 for k, v in GOLD.items() if k in report.cells and report.cells[k].value == v)


def test_a_diagonal_watermark_is_left_out_with_a_note_per_page_and_the_cells_read_to_gold() -> None:
    pdf_reader.FALLBACK.clear()
    report = parsers.parse(watermarked(PRINT.read_bytes(), "某某县人民政府 2023年1月31日", 30), "wm.pdf")
    assert not pdf_reader.FALLBACK  # every page stayed on the PDFium reading
    assert _right(report) == len(GOLD)
    notes = [w for w in report.warnings if w.code == "numbers_not_upright"]
    assert [w.message.split(":")[0] for w in notes] == ["page 1", "page 2", "page 3"]
    assert "'某某县人民政府2023年1月31日'" in notes[0].message
    assert report.metadata["review"] == "suggested"  # digits were left out: a person may look
    assert "numbers_not_upright ×3" in report.metadata["review_reasons"]


def test_a_watermark_without_digits_does_not_touch_the_verdict() -> None:
    plain = parsers.parse(PRINT.read_bytes(), "plain.pdf")
    report = parsers.parse(watermarked(PRINT.read_bytes(), "仅供参考", -45), "wm.pdf")
    assert _right(report) == len(GOLD)
    assert [w.code for w in report.warnings if "upright" in w.code] == ["text_not_upright"] * 3
    assert report.metadata["review"] == plain.metadata["review"]


def _page(draw: Callable[[Any], object]) -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("STSong-Light", 12)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _lines(c: Any, n: int = 30) -> None:
    for i in range(n):
        c.drawString(72, 800 - i * 18, f"（{i}）本年新收政府信息公开申请数量 {i * 7}。")


def _turned(c: Any, text: str, angle: float) -> None:
    c.saveState()
    c.translate(40, 300)
    c.rotate(angle)
    c.drawString(0, 0, text)
    c.restoreState()


@pytest.mark.parametrize("angle", [90, 270, 180])
def test_a_turned_label_is_named_and_the_rest_of_the_page_read(angle: int) -> None:
    pdf_reader.FALLBACK.clear()
    extracted = read(_page(lambda c: (_lines(c), _turned(c, "申请人情况", angle))), "pdf")
    assert not pdf_reader.FALLBACK
    assert "申请人情况" not in extracted.text and "本年新收政府信息公开申请数量203" in extracted.text
    assert extracted.notes == [
        "[text_not_upright] page 1: 5 character(s) not set upright (a watermark, vertical text) left out of the "
        "reading: '申请人情况'"
    ]


def test_a_page_set_mostly_on_its_side_goes_to_pdfplumber() -> None:
    pdf_reader.FALLBACK.clear()
    read(_page(lambda c: (_lines(c, 1), _turned(c, "本年新收政府信息公开申请数量" * 2, 90))), "pdf")
    assert pdf_reader.FALLBACK["rotated, skewed or mirrored text"] == 1


def test_a_synthetic_italic_is_read_as_upright_text() -> None:
    def italic(c: Any) -> None:
        c.saveState()
        c.skew(0, 12)  # a shear of x by y: the oblique a missing italic face gets
        _lines(c, 5)
        c.restoreState()

    pdf_reader.FALLBACK.clear()
    extracted = read(_page(italic), "pdf")
    assert not pdf_reader.FALLBACK and not extracted.notes
    assert "本年新收政府信息公开申请数量28" in extracted.text

"""Build the OFD fixtures (``tests/fixtures/ofd/``): the rendered seed PDFs converted to OFD by a real writer.

    .venv/bin/pip install -e '.[corpus]'    # easyofd, build-time only
    .venv/bin/python scripts/build_ofd_fixtures.py

``<stem>.easyofd.ofd``: easyofd's ``OFD.pdf2ofd`` (PyMuPDF reads the PDF; one ``TextObject`` per text span, placed
with ``DeltaX``). What this writer does, and the reader must cope with: its namespace URI is not the standard's, it
sets the glyphs at 0.36 of their size in millimetres while writing the page box in points, it writes no paths
(a table's ruling is lost: the tables read as a layout dump's), and it drops the text past the page's right edge
(seed 003's table 四 runs past it: five of its values are not in the OFD).
``<stem>-p2.scan.ofd``: easyofd's ``OFD.jpg2ofd``: a scanned page as OFD (one ``ImageObject`` a page, its JPEG in
``Res/``), read by OCR.
``<stem>-p2scan.mixed.ofd``: easyofd's ``OFD.pdf2ofd`` of seed 001's PDF whose page 2 is replaced by that page's
200-dpi print (an image page among text pages, as a report with a scanned, stamped page is published). This
writer places the image in millimetres inside a page box it writes in points.
``<stem>-p2.pdf2ofd.ofd``: ``pdf2ofd`` (another PyPI writer, in a venv of its own): it writes no text at all, every
glyph a filled outline (``PathObject``), the ruling as paths: the page is drawn and read by OCR.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
OUT = ROOT / "tests" / "fixtures" / "ofd"
SCANS = ROOT / "tests" / "fixtures" / "scans"
SCAN = "001_641fc7d161c03c36"
PDF2OFD = "pdf2ofd==0.1.0"


def easyofd(pdf: Path) -> bytes:
    from easyofd.ofd import OFD

    here = Path.cwd()
    with tempfile.TemporaryDirectory() as work:  # the writer leaves a ./test folder behind in the working directory
        os.chdir(work)
        try:
            data: bytes = OFD().pdf2ofd(pdf.read_bytes(), optional_text=True)
        finally:
            os.chdir(here)
    return data


def easyofd_scan(pages: list[Path]) -> bytes:
    from easyofd.ofd import OFD
    from PIL import Image

    here = Path.cwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        try:
            data: bytes = OFD().jpg2ofd([Image.open(p).convert("RGB") for p in pages])
        finally:
            os.chdir(here)
    return data


def with_scanned_page(pdf: Path, image: Path, page: int) -> bytes:
    """``pdf`` with its page ``page`` (1-based) replaced by ``image`` (a page printed at 200 dpi), as a PDF."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    source = pdfium.PdfDocument(pdf.read_bytes())
    buf = io.BytesIO()
    Image.open(image).convert("RGB").save(buf, "PDF", resolution=200)
    scan = pdfium.PdfDocument(buf.getvalue())
    out = pdfium.PdfDocument.new()
    out.import_pages(source, list(range(page - 1)))
    out.import_pages(scan, [0])
    out.import_pages(source, list(range(page, len(source))))
    result = io.BytesIO()
    out.save(result)
    return result.getvalue()


def pdf2ofd(pdf: Path, pages: str) -> bytes:
    """pdf2ofd's conversion (PyPI ``pdf2ofd``; it pins PyMuPDF below 1.25, the corpus tools above: its own venv)."""
    with tempfile.TemporaryDirectory() as work:
        venv = Path(work) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", PDF2OFD], check=True)
        out = Path(work) / "out.ofd"
        run = [str(venv / "bin" / "python"), "-m", "pdf2ofd", "-q", "--pages", pages, str(pdf), str(out)]
        subprocess.run(run, check=True)
        return out.read_bytes()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(RENDERED.glob("*.pdf")):
        target = OUT / f"{pdf.stem}.easyofd.ofd"
        target.write_bytes(easyofd(pdf))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    # a scan saved as OFD: seed 001's second page printed at 200 dpi (tests/fixtures/scans), one JPEG per page
    target = OUT / f"{SCAN}-p2.scan.ofd"
    target.write_bytes(easyofd_scan([SCANS / f"{SCAN}-200-clean-p2.png"]))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    # a scanned page among text pages: seed 001 with its page 2 printed at 200 dpi, converted by easyofd
    with tempfile.TemporaryDirectory() as work:
        mixed = Path(work) / "mixed.pdf"
        mixed.write_bytes(with_scanned_page(RENDERED / f"{SCAN}.pdf", SCANS / f"{SCAN}-200-clean-p2.png", 2))
        target = OUT / f"{SCAN}-p2scan.mixed.ofd"
        target.write_bytes(easyofd(mixed))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    # text drawn as glyph outlines: pdf2ofd's conversion of seed 001's page 2 (the end of table 二, table 三)
    target = OUT / f"{SCAN}-p2.pdf2ofd.ofd"
    target.write_bytes(pdf2ofd(RENDERED / f"{SCAN}.pdf", "1"))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()

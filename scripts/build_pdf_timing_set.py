"""A timing set for the PDF reader beside the benchmark's own five seeds, made by real tools, split into a tuning
part (profiled) and a held-back part (only timed), for ``benchmarks/parse.py --pdf-dir``:

- the PDFs the repository holds: wkhtmltopdf's prints of the seeds (``tests/fixtures/pdf_producers``), Chromium's
  prints of synthetic reports (``tests/fixtures/synth``);
- LibreOffice's PDFs of synthetic reports (``scripts/synth_reports.py``), two per report, as organs export them:
  Writer's PDF export of the report's DOCX (the DOCX made by Writer from the print page, as
  ``scripts/synth_extractors.py`` makes it: embedded subset TrueType fonts, every cell border a ruling line), and
  Writer/Web's PDF of the print page (its own table layout);
- long documents: 40 and 24 pages, the LibreOffice PDFs of several reports in one file (pypdfium2
  ``import_pages``), as a bound volume of an organ's departments' reports;
- scans and mixed documents (``scans/``, timed apart: OCR is another floor): the committed OCR fixtures and a
  LibreOffice report with a scanned page put in.

Synthetic reports split by their seed (``synth_reports.split_of``: 30–59 held back); the repository's PDFs by a
fixed list. Tune on ``tuning/``, only time ``held_back/``.

    .venv/bin/python scripts/build_pdf_timing_set.py --out /tmp/pdf-timing
    .venv/bin/python benchmarks/parse.py --kinds pdf --pdf-dir /tmp/pdf-timing/tuning --per-doc 8

Deterministic but for LibreOffice's own creation dates; not committed (it is rebuilt with the tools
``scripts/setup.sh`` installs).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

FIXTURES = ROOT / "tests" / "fixtures"
TUNING_SEEDS = tuple(range(0, 12))
HELD_BACK_SEEDS = tuple(range(30, 42))
# the repository's PDFs: (path under tests/fixtures, part)
REPO_PDFS = (
    ("pdf_producers/wkhtmltopdf-000_ac91ced63409bf38.pdf", "tuning"),
    ("pdf_producers/wkhtmltopdf-001_641fc7d161c03c36.pdf", "tuning"),
    ("pdf_producers/wkhtmltopdf-002_153f5bf49180240b.pdf", "tuning"),
    ("pdf_producers/wkhtmltopdf-003_b42612b20553a5ab.pdf", "held_back"),
    ("pdf_producers/wkhtmltopdf-004_779f9be447f66d1d.pdf", "held_back"),
    ("synth/synth_002.pdf", "tuning"),
    ("synth/synth_030.pdf", "held_back"),
)
SCANS = (
    "synth-ocr/synth_402.scan.pdf",
    "synth-ocr/synth_802.scan.pdf",
    "scans/003_b42612b20553a5ab-200-scan.pdf",
)


def soffice(args: list[str], work: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless", *args],
        check=True, capture_output=True, timeout=900,
    )  # fmt: skip


def lo_pdfs(seeds: tuple[int, ...], out: Path, work: Path) -> list[Path]:
    """Two LibreOffice PDFs per seed: ``synth_NNN.lo-docx.pdf`` (HTML → DOCX → PDF, Writer) and
    ``synth_NNN.lo-web.pdf`` (HTML → PDF, Writer/Web)."""
    from synth_reports import body_html, build, print_page

    pages = work / f"pages-{out.name}"
    pages.mkdir()
    for seed in seeds:
        s, m = build(seed)
        (pages / f"synth_{seed:03d}.html").write_text(print_page(s, m, body_html(s, m)), encoding="utf-8")
    htmls = sorted(str(p) for p in pages.glob("*.html"))
    docx_dir, docx_pdf, web_pdf = work / f"docx-{out.name}", work / f"dpdf-{out.name}", work / f"wpdf-{out.name}"
    soffice(["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(docx_dir),
             *htmls], work)  # fmt: skip
    soffice(["--convert-to", "pdf:writer_pdf_Export", "--outdir", str(docx_pdf),
             *sorted(str(p) for p in docx_dir.glob("*.docx"))], work)  # fmt: skip
    soffice(["--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(web_pdf), *htmls], work)
    made = []
    for pdf in sorted(docx_pdf.glob("*.pdf")):
        made.append(shutil.copy(pdf, out / f"{pdf.stem}.lo-docx.pdf"))
    for pdf in sorted(web_pdf.glob("*.pdf")):
        made.append(shutil.copy(pdf, out / f"{pdf.stem}.lo-web.pdf"))
    return [Path(p) for p in made]


def mixed(text_pdf: Path, scan_pdf: Path) -> bytes:
    """The text PDF with the scan's first page put in after its first page (a signed page scanned in)."""
    import pypdfium2 as pdfium

    text, scan = pdfium.PdfDocument(text_pdf.read_bytes()), pdfium.PdfDocument(scan_pdf.read_bytes())
    out = pdfium.PdfDocument.new()
    out.import_pages(text, [0])
    out.import_pages(scan, [0])
    out.import_pages(text, list(range(1, len(text))))
    buf = io.BytesIO()
    out.save(buf)
    for d in (text, scan, out):
        d.close()
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    from parse import pdf_volume  # benchmarks/parse.py: the benchmark's own large PDF is made the same way

    parts = {"tuning": TUNING_SEEDS, "held_back": HELD_BACK_SEEDS}
    for name in (*parts, "scans"):
        (args.out / name).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pdf-timing-") as tmp:
        work = Path(tmp)
        for part, seeds in parts.items():
            out = args.out / part
            made = lo_pdfs(seeds, out, work)
            docx_pdfs = [p for p in made if p.name.endswith(".lo-docx.pdf")]
            length = 40 if part == "tuning" else 24
            (out / f"volume-{length}pages.lo-docx.pdf").write_bytes(pdf_volume(docx_pdfs, length))
        for rel, part in REPO_PDFS:
            shutil.copy(FIXTURES / rel, args.out / part / Path(rel).name)
        for rel in SCANS:
            shutil.copy(FIXTURES / rel, args.out / "scans" / Path(rel).name)
        scan = FIXTURES / SCANS[0]
        for part, seed in (("tuning", TUNING_SEEDS[0]), ("held_back", HELD_BACK_SEEDS[0])):
            text = args.out / part / f"synth_{seed:03d}.lo-docx.pdf"
            (args.out / "scans" / f"mixed-{part}-synth_{seed:03d}.pdf").write_bytes(mixed(text, scan))
    for name in (*parts, "scans"):
        print(f"{name}: {len(list((args.out / name).glob('*.pdf')))} PDFs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

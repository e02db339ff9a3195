"""PDFs of the seeds printed by other programs than the rendered ones, to time and check the PDF reader on
layouts it was not tuned on: Chromium's ``--print-to-pdf`` of the HTML rendering, and LibreOffice Writer/Web's
print of it (its own table layout, and a blank first page), Chromium's print with a diagonal watermark on every
page, and, when it is installed (Debian ``wkhtmltopdf``; not
in ``scripts/setup.sh``: Qt WebKit is large), wkhtmltopdf's print of it (its own page breaks: a value cell whose
borders no longer line up with its label's). ``tests/fixtures/pdf_producers/`` holds this script's wkhtmltopdf
prints, so the tests read them without the tool.

    .venv/bin/python scripts/build_pdf_variants.py --out /tmp/pdf-variants
    .venv/bin/python benchmarks/parse.py --kinds pdf --pdf-dir /tmp/pdf-variants

The PDFs are not committed (they are rebuilt by this script, with the tools ``scripts/setup.sh`` installs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_ocr_text import RENDERED, chrome_pdf, lo_html_pdf  # noqa: E402


def wkhtmltopdf_pdf(html: Path, out: Path) -> Path:
    """wkhtmltopdf 0.12 (Qt WebKit) on the HTML rendering, without a display (the page's links to the portal's
    scripts and styles fail offline: it prints what it has, and says so on stderr)."""
    pdf = out / f"{html.stem}.wk.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        ["wkhtmltopdf", "-q", "--encoding", "utf-8", str(html), str(pdf)], env=env, capture_output=True, timeout=120
    )
    if not pdf.exists():
        raise RuntimeError(f"wkhtmltopdf printed nothing for {html}")
    return pdf


WATERMARK = (
    "<style>.nianbao-wm{position:fixed;top:45%;left:10%;font-size:40pt;color:rgba(0,0,0,.12);"
    "transform:rotate(-30deg);z-index:9;pointer-events:none}</style>"
    '<div class="nianbao-wm">某某县人民政府信息公开 2023-01-31</div>'
)


def watermarked_pdf(html: Path, out: Path) -> Path:
    """Chromium's print of the HTML rendering with a diagonal watermark on every page (a ``position: fixed``
    block turned 30°: the organ's name and a date, as portals stamp their downloads): its glyphs are set
    aside, the page's other glyphs read as without it."""
    raw = html.read_bytes()
    try:
        raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:  # a GBK page (as its portal serves it)
        encoding = "gb18030"
    page = raw.replace(b"</body>", WATERMARK.encode(encoding) + b"</body>", 1)
    copy = out / "wm" / html.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(page)
    return chrome_pdf(copy, copy.parent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for html in sorted(RENDERED.glob("*.html")):
        with tempfile.TemporaryDirectory(prefix="pdf-variants-") as tmp:
            work = Path(tmp)
            makers = [(chrome_pdf, "chrome"), (lo_html_pdf, "lohtml"), (watermarked_pdf, "chrome_watermark")]
            if shutil.which("wkhtmltopdf"):
                makers.append((wkhtmltopdf_pdf, "wk"))
            for maker, prefix in makers:
                target = args.out / f"{prefix}-{html.stem}.pdf"
                if target.exists():
                    continue
                shutil.copyfile(maker(html, work), target)
                print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""PDFs of the seeds printed by other programs than the rendered ones, to time and check the PDF reader on
layouts it was not tuned on: Chromium's ``--print-to-pdf`` of the HTML rendering, and LibreOffice Writer/Web's
print of it (its own table layout, and a blank first page).

    .venv/bin/python scripts/build_pdf_variants.py --out /tmp/pdf-variants
    .venv/bin/python benchmarks/parse.py --kinds pdf --pdf-dir /tmp/pdf-variants

The PDFs are not committed (they are rebuilt by this script, with the tools ``scripts/setup.sh`` installs).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_ocr_text import RENDERED, chrome_pdf, lo_html_pdf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for html in sorted(RENDERED.glob("*.html")):
        with tempfile.TemporaryDirectory(prefix="pdf-variants-") as tmp:
            work = Path(tmp)
            for maker, prefix in ((chrome_pdf, "chrome"), (lo_html_pdf, "lohtml")):
                target = args.out / f"{prefix}-{html.stem}.pdf"
                if target.exists():
                    continue
                shutil.copyfile(maker(html, work), target)
                print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

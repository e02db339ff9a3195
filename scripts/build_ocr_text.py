"""More OCR'd text to tune the OCR-text reading on: the tuning seeds OCR'd in ways the corpus does not hold.

The generalisation corpus (``scripts/build_corpus.py``) has Tesseract 5 ``chi_sim+eng`` at 200 dpi grey with page
segmentation modes 3, 4 and 6 only. Tuning the reading on those three texts fits it to how they break. This
script makes other real OCR text of the same reports, so that a rule has to hold across renderings, resolutions,
segmentation modes and scan damage:

- renderings: LibreOffice's print of the DOCX (``tests/fixtures/rendered/<seed>.pdf``), Chromium's
  ``--print-to-pdf`` of the HTML rendering and LibreOffice Writer/Web's print of it (other layouts: other
  column widths, other line breaks, rules OCR glues to the digits);
- page images: ``pdftoppm`` at 150, 200 or 300 dpi, grey or ``-mono``; the scan-damaged pages of
  ``scripts/build_scans.py`` (turned, noisy, blurred, JPEG);
- Tesseract: ``--psm`` 3, 4, 6 or 11, with or without ``-c preserve_interword_spaces=1``.

Output: ``<out>/<convention>/<seed>.txt`` and ``<out>/manifest.json`` in the corpus manifest's shape, so the
corpus scorer reads it::

    .venv/bin/python scripts/build_ocr_text.py --out /tmp/ocr-text             # seeds 000–002 (tuning)
    .venv/bin/python scripts/score_corpus.py --corpus /tmp/ocr-text
    .venv/bin/python scripts/build_ocr_text.py --out /tmp/ocr-held --held-back  # seeds 003–004: a whole figure only

``--engine rapidocr`` makes OCR-service text instead (``scripts/rapidocr_text.py``): RapidOCR's boxes of the
:data:`RAPID_VARIANTS` page images, one box per line (``ocr-rapidocr-<render>-<dpi>-<image>-boxes``) and grouped
into lines (``…-lines``); the boxes are kept as JSON beside the page images::

    .venv/bin/python scripts/build_ocr_text.py --engine rapidocr --out /tmp/rapid-text

Texts already built are kept (the OCR is slow: a few seconds a page); ``--force`` rebuilds them. Tesseract runs
one thread (``OMP_THREAD_LIMIT=1``). The output is not committed: it is large and rebuilt by this script.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
GOLD = ROOT / "tests" / "fixtures" / "gold"
TUNING = ("000", "001", "002")


@dataclass(frozen=True)
class Variant:
    """One way of OCR-ing a report: which PDF, how it is printed to images, how Tesseract reads them."""

    render: str  # "lo": LibreOffice's PDF of the DOCX; "chrome", "lohtml": Chromium's, LibreOffice's print of the HTML
    dpi: int
    image: str  # "gray", "mono", or a build_scans damage kind ("scan", "rotate", "noise", "jpeg")
    psm: int
    spaces: bool = False  # -c preserve_interword_spaces=1

    @property
    def convention(self) -> str:
        name = f"ocr-{self.render}-{self.dpi}-{self.image}-psm{self.psm}"
        return name + ("-spaces" if self.spaces else "")


VARIANTS = (
    Variant("lo", 300, "gray", 4),
    Variant("lo", 150, "gray", 4),
    Variant("lo", 200, "gray", 11),
    Variant("lo", 200, "gray", 4, spaces=True),
    Variant("lo", 200, "mono", 3),
    Variant("lo", 300, "gray", 6),
    Variant("chrome", 200, "gray", 4),
    Variant("chrome", 200, "gray", 3),
    Variant("lo", 200, "scan", 4),
    Variant("lo", 300, "rotate", 3),
    Variant("lohtml", 200, "gray", 4),
    Variant("lohtml", 300, "gray", 3),
    Variant("lohtml", 150, "gray", 4),
    Variant("chrome", 300, "gray", 4, spaces=True),
)


# RapidOCR: the corpus has LibreOffice's PDF at 200 dpi grey; these are other renderings and resolutions.
RAPID_VARIANTS = (
    Variant("chrome", 200, "gray", 0),
    Variant("lo", 300, "gray", 0),
    Variant("lohtml", 200, "gray", 0),
    Variant("lo", 150, "gray", 0),
    Variant("lo", 200, "scan", 0),
)


def chrome_pdf(html: Path, out: Path) -> Path:
    pdf = out / f"{html.stem}.chrome.pdf"
    if not pdf.exists():
        from chromium_browser import PRINT_TO_PDF

        subprocess.run(
            [*PRINT_TO_PDF, f"--print-to-pdf={pdf}", html.resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return pdf


def lo_html_pdf(html: Path, out: Path) -> Path:
    """LibreOffice Writer/Web's print of the HTML rendering (its own table layout: wider label columns)."""
    pdf = out / f"{html.stem}.pdf"
    if not pdf.exists():
        with tempfile.TemporaryDirectory(prefix="lohtml-") as tmp:
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                 "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(out), str(html)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
    return pdf


def page_images(stem: str, v: Variant, cache: Path) -> list[Path]:
    """The report's pages as images for this variant (cached under ``cache``)."""
    d = cache / f"{stem}-{v.render}-{v.dpi}-{v.image}"
    done = d / "done"
    if not done.exists():
        d.mkdir(parents=True, exist_ok=True)
        if v.image in ("gray", "mono"):
            html = RENDERED / f"{stem}.html"
            pdf = {
                "lo": lambda: RENDERED / f"{stem}.pdf",
                "chrome": lambda: chrome_pdf(html, cache),
                "lohtml": lambda: lo_html_pdf(html, cache / "lohtml"),
            }[v.render]()
            flag = "-gray" if v.image == "gray" else "-mono"
            subprocess.run(["pdftoppm", "-r", str(v.dpi), flag, str(pdf), str(d / "p")], check=True)
        else:
            sys.path.insert(0, str(ROOT / "scripts"))
            import build_scans

            scan = build_scans.build(stem, v.dpi, v.image)
            for i, data in enumerate(scan.pages, 1):
                (d / f"p-{i:02d}{scan.suffix}").write_bytes(data)
        done.write_text("")
    return sorted((p for p in d.iterdir() if p.name != "done"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def tesseract(pages: list[Path], v: Variant, work: Path) -> str:
    listing = work / "pages.list"
    listing.write_text("".join(f"{p}\n" for p in pages))
    cmd = ["tesseract", str(listing), "stdout", "-l", "chi_sim+eng", "--psm", str(v.psm)]
    if v.spaces:
        cmd += ["-c", "preserve_interword_spaces=1"]
    out = subprocess.run(cmd, capture_output=True, check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    return out.stdout.decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--held-back", action="store_true", help="seeds 003–004 instead of the tuning seeds")
    ap.add_argument("--force", action="store_true", help="rebuild texts already built")
    ap.add_argument("--only", action="append", help="only these conventions (repeatable)")
    ap.add_argument("--engine", choices=("tesseract", "rapidocr"), default="tesseract")
    args = ap.parse_args(argv)
    stems = sorted(p.stem for p in GOLD.glob("*.json") if (p.stem[:3] in TUNING) != args.held_back)
    cache = args.out / ".pages"
    cache.mkdir(parents=True, exist_ok=True)
    if args.engine == "rapidocr":
        return rapid_main(args, stems, cache)
    entries = []
    tool = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    for v in VARIANTS:
        if args.only and v.convention not in args.only:
            continue
        for stem in stems:
            rel = Path(v.convention) / f"{stem}.txt"
            path = args.out / rel
            if args.force or not path.exists():
                print(f"  {rel}", file=sys.stderr)
                with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
                    text = tesseract(page_images(stem, v, cache), v, Path(tmp))
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            entries.append({
                "path": str(rel),
                "seed_report": stem,
                "split": "held_back" if args.held_back else "tuning",
                "convention": v.convention,
                "source": f"rendered/{stem}.{'pdf' if v.render == 'lo' else 'html'}",
                "tool": f"{tool} -l chi_sim+eng --psm {v.psm}{' preserve_interword_spaces=1' if v.spaces else ''}; "
                f"{v.render} {v.dpi} dpi {v.image}",
                "damage": [],
            })  # fmt: skip
        write_manifest(args.out, entries)  # after each variant: the texts built so far can be scored
    return 0


def rapid_main(args: argparse.Namespace, stems: list[str], cache: Path) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    import rapidocr_text

    entries = []
    for v in RAPID_VARIANTS:
        base = f"ocr-rapidocr-{v.render}-{v.dpi}-{v.image}"
        for stem in stems:
            boxes = cache / "rapidocr" / f"{stem}-{v.render}-{v.dpi}-{v.image}.json"
            for name, make in rapidocr_text.CONVENTIONS.items():
                convention = f"{base}-{name}"
                if args.only and convention not in args.only:
                    continue
                rel = Path(convention) / f"{stem}.txt"
                path = args.out / rel
                if args.force or not path.exists():
                    print(f"  {rel}", file=sys.stderr)
                    if args.force and boxes.exists():
                        boxes.unlink()
                    pages = rapidocr_text.read_pages(page_images(stem, v, cache), cache=boxes)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(make(pages), encoding="utf-8")
                entries.append({
                    "path": str(rel),
                    "seed_report": stem,
                    "split": "held_back" if args.held_back else "tuning",
                    "convention": convention,
                    "source": f"rendered/{stem}.{'pdf' if v.render == 'lo' else 'html'}",
                    "tool": f"{rapidocr_text.tool()}; {v.render} {v.dpi} dpi {v.image}; {name}",
                    "damage": [],
                })  # fmt: skip
        write_manifest(args.out, entries)
    return 0


def write_manifest(out: Path, entries: list[dict[str, object]]) -> None:
    manifest = {"about": "OCR'd text for tuning (scripts/build_ocr_text.py); not committed.", "variants": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())

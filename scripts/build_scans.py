"""The scan corpus: the seeds' rendered PDFs printed to page images, damaged as scanners damage them.

Real tools only: poppler's ``pdftoppm`` prints each page of ``tests/fixtures/rendered/<seed>.pdf`` (LibreOffice's
print of the seed's DOCX) to a grey image at 150, 200 or 300 dpi; the damage is then applied with a seeded
random generator (the same corpus every run):

- ``clean``: as printed;
- ``rotate``: turned by +1° (odd pages) or −1° (even pages), as a sheet lies crooked on the glass;
- ``noise``: Gaussian sensor noise (σ 14), a blur of 0.8 px and salt-and-pepper specks;
- ``jpeg``: through a JPEG at quality 50;
- ``scan``: all three at once (turned, noisy and blurred, then JPEG at quality 50);
- ``turn90``, ``turn180``, ``turn270``: the even pages turned clockwise by a quarter, a half or three
  quarters of a turn (a landscape table page scanned on its side, a sheet fed upside down), the odd pages
  as printed;
- ``crooked``: every page lying crooked by 6° to 10° (seeded; odd pages counter-clockwise, even pages
  clockwise), on a canvas grown to hold the turned sheet.

Each damaged document is written as an image-only PDF (reportlab: JPEG pages passed through, other pages
stored losslessly, the page size from the image's dpi) and as one image file per page (PNG, or JPEG for
the JPEG kinds).

Runs:

    .venv/bin/python scripts/build_scans.py --out data/scans            # 3 dpi × the first 5 kinds
    .venv/bin/python scripts/build_scans.py --kind turn90 crooked       # pages turned, sheets crooked
    .venv/bin/python scripts/build_scans.py --fixtures                  # the subset committed under tests/

``--fixtures`` writes ``tests/fixtures/scans/``: seed 003 at 200 dpi as a ``scan`` PDF, and two PNG pages
of seed 001. The tests build the rest of what they read at test time with :func:`build` (pdftoppm and numpy
take well under a second a page). Seeds 000–002 are the tuning part of the corpus, 003–004 the held-back part
(``SPLITS``).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
FIXTURES = ROOT / "tests" / "fixtures" / "scans"
DPIS = (150, 200, 300)
KINDS = ("clean", "rotate", "noise", "jpeg", "scan", "turn90", "turn180", "turn270", "crooked")
DAMAGE_KINDS = KINDS[:5]  # the corpus's kinds before pages turned a quarter or half turn (the default run)
TURN_KINDS = KINDS[5:]
JPEG_KINDS = {"jpeg", "scan"}
STEMS = tuple(sorted(p.stem for p in RENDERED.glob("*.pdf")))
SPLITS = {"tune": tuple(s for s in STEMS if s[:3] in {"000", "001", "002"}), "held_back": ()}
SPLITS["held_back"] = tuple(s for s in STEMS if s not in SPLITS["tune"])


@dataclass
class Scan:
    stem: str
    dpi: int
    kind: str
    pages: list[bytes]  # one encoded image per page (PNG or JPEG)
    suffix: str  # ".png" or ".jpg"

    def pdf(self) -> bytes:
        return image_pdf(self.pages, self.dpi)


def print_pages(pdf: Path, dpi: int) -> list[Image.Image]:
    """The PDF's pages as grey images at ``dpi``, printed by poppler's pdftoppm."""
    if not shutil.which("pdftoppm"):
        raise RuntimeError("pdftoppm (Debian poppler-utils) is needed to print the seeds to images")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        out = []
        for path in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(path) as im:
                out.append(im.convert("L"))
        return out


def damage(page: Image.Image, kind: str, number: int, rng: np.random.Generator) -> Image.Image:
    """One page damaged as ``kind`` says (``number``: the 1-based page number, for the rotation's sign)."""
    if kind in ("rotate", "scan"):
        angle = 1.0 if number % 2 else -1.0
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if kind == "crooked":
        angle = float(rng.uniform(6.0, 10.0)) * (1 if number % 2 else -1)
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if kind.startswith("turn") and number % 2 == 0:
        page = page.rotate(-int(kind[4:]), expand=True)  # PIL turns counter-clockwise
    if kind in ("noise", "scan"):
        page = page.filter(ImageFilter.GaussianBlur(0.8))
        pixels = np.asarray(page, dtype=np.float32)
        pixels = pixels + rng.normal(0.0, 14.0, pixels.shape)
        specks = rng.random(pixels.shape)
        pixels[specks < 0.0015] = 0
        pixels[specks > 0.9985] = 255
        page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    return page


def encode(page: Image.Image, kind: str, dpi: int) -> bytes:
    buf = io.BytesIO()
    if kind in JPEG_KINDS:
        page.save(buf, "JPEG", quality=50, dpi=(dpi, dpi))
    else:
        page.save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def build(stem: str, dpi: int, kind: str) -> Scan:
    """One seed's scan at ``dpi`` damaged as ``kind`` (deterministic)."""
    rng = np.random.default_rng(int(stem[:3]) * 1000 + dpi + KINDS.index(kind))
    pages = [
        encode(damage(p, kind, i, rng), kind, dpi) for i, p in enumerate(print_pages(RENDERED / f"{stem}.pdf", dpi), 1)
    ]
    return Scan(stem, dpi, kind, pages, ".jpg" if kind in JPEG_KINDS else ".png")


def image_pdf(pages: list[bytes], dpi: int) -> bytes:
    """An image-only PDF: one page per image, each page the image's size at ``dpi`` (no text layer)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=True)
    for data in pages:
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
        width, height = w * 72 / dpi, h * 72 / dpi
        c.setPageSize((width, height))
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    return buf.getvalue()


def corpus(
    dpis: tuple[int, ...] = DPIS, kinds: tuple[str, ...] = KINDS, stems: tuple[str, ...] = STEMS
) -> Iterator[Scan]:
    for dpi in dpis:
        for kind in kinds:
            for stem in stems:
                yield build(stem, dpi, kind)


def write(scan: Scan, out: Path, *, pages: bool = True) -> None:
    folder = out / f"{scan.dpi}" / scan.kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{scan.stem}.pdf").write_bytes(scan.pdf())
    if pages:
        for i, data in enumerate(scan.pages, 1):
            (folder / f"{scan.stem}-p{i}{scan.suffix}").write_bytes(data)


def write_fixtures() -> None:
    """The committed subset (about 2 MB): what the tests read without building it first."""
    if FIXTURES.exists():
        shutil.rmtree(FIXTURES)
    FIXTURES.mkdir(parents=True)
    scan = build("003_b42612b20553a5ab", 200, "scan")
    (FIXTURES / "003_b42612b20553a5ab-200-scan.pdf").write_bytes(scan.pdf())
    png = build("001_641fc7d161c03c36", 200, "clean")
    for i in (1, 2):
        (FIXTURES / f"001_641fc7d161c03c36-200-clean-p{i}.png").write_bytes(png.pages[i - 1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "scans")
    ap.add_argument("--dpi", type=int, nargs="*", default=list(DPIS))
    ap.add_argument("--kind", nargs="*", default=list(DAMAGE_KINDS), choices=KINDS)
    ap.add_argument("--no-pages", action="store_true", help="write the PDFs only, not the page images")
    ap.add_argument("--fixtures", action="store_true", help="write the committed subset to tests/fixtures/scans")
    args = ap.parse_args(argv)
    if args.fixtures:
        write_fixtures()
        return 0
    for scan in corpus(tuple(args.dpi), tuple(args.kind)):
        write(scan, args.out, pages=not args.no_pages)
        print(f"{scan.dpi} {scan.kind:6} {scan.stem}: {len(scan.pages)} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

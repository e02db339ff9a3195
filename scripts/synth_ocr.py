"""Synthetic reports as scans and as OCR text: new reports, never seen, with exact gold, for issue 8.

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth-ocr --seeds 400-409,800-809 --kinds html,pdf
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr                  # every report of the folder
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --kinds tess-psm4 scan
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --kinds scan --damage fax jpegq photo stamp toner  # forced
    .venv/bin/python scripts/synth_score.py /tmp/synth-ocr --kind tess-psm4 --kind scan
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --slice          # the committed slice
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --grid-pages     # the grid's pages (tests/test_ocr_grid.py)

Each report's Chromium PDF (``synth_reports.py``) is printed to page images by poppler's ``pdftoppm`` (200 dpi,
grey) and damaged as a scanner damages it, the damage drawn from the report's seed (``build_scans.damage``:
``clean`` twice as often as ``rotate`` ±1°, ``noise``, ``jpeg`` or ``scan``, all three). From those pages:

- ``<stem>.scan.pdf`` (kind ``scan``): an image-only PDF, for the project's own scan reader (``parsers/ocr``);
- ``<stem>.tess-psm3.txt``, ``-psm4``, ``-psm6`` (kinds ``tess-psm3`` …): ``tesseract … -l chi_sim+eng --psm N``,
  pages one after the other, as users run it;
- ``<stem>.rapid-lines.txt``, ``<stem>.rapid-boxes.txt`` (kinds ``rapid-lines``, ``rapid-boxes``): RapidOCR's boxes
  grouped into lines, or one box a line (``scripts/rapidocr_text.py``), when the ``ocr-rapidocr`` extra is installed.

The report's gold (``<stem>.json``) gets the new kinds in ``inputs``, so ``synth_score.py`` scores them like the
others. Outputs already made are kept (OCR takes seconds a page; ``--force`` remakes them); page images are
cached in ``<folder>/.pages``. The split is the generator's (``synth_reports.split_of``): seeds 800–899 are
held back.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

SLICE = ROOT / "tests" / "fixtures" / "synth-ocr"
# the committed slice: the text kinds of 3 tuning and 3 held-back reports, one scan of each split
SLICE_SEEDS = (400, 401, 402, 800, 801, 802)
SLICE_SCANS = (402, 802)  # the small ones (a noisy page does not compress: 8–14 MB a report)
# the second OCR round's scans, scan only (no text kinds): a red seal over a table corner, 200 dpi (413: clean;
# 813 held back: tinted paper, JPEG 50); the third round's: 406 (the dotted zero read 0, 6, 4 and nothing, no
# reading winning: the glyph sets the identities read, parser version 37); the fourth round's: 433 (150 dpi,
# photographed: its table lost to the perspective until version 40) and 438 (150 dpi, skewed: one page voting its
# zeros 6 alone until version 40)
SLICE_SCAN_ONLY = (413, 813, 406, 433, 438)
# pages of tuning scans kept as their prepared binary page (the grid's input, parsers/ocr/preprocess.py), for the
# grid's tests without OCR (tests/test_ocr_grid.py): 440 (150 dpi, photocopy toner: the strokes of bold text
# passed as rules, tables made of running text and columns inside cells until version 43); 460 page 3 (toner, a fax:
# table 四's bold head 行政复议 glued to the columns' rules below it, its cell split in three until version 48)
GRID_PAGES = ((440, 1), (440, 2), (460, 3))
SLICE_KINDS = ("tess-psm3", "tess-psm4", "tess-psm6", "rapid-lines", "rapid-boxes")
DPI = 200
DAMAGES = ("clean", "clean", "rotate", "noise", "jpeg", "scan")
PSMS = (3, 4, 6)
TEXT_KINDS = (*(f"tess-psm{p}" for p in PSMS), "rapid-lines", "rapid-boxes")
KINDS = ("scan", *TEXT_KINDS)
SUFFIX = {"scan": ".scan.pdf", **{k: f".{k}.txt" for k in TEXT_KINDS}}


# the second OCR round's batches (406–499, 806–899) are scanned nearer to real scans, drawn from the seed apart from
# the first damage (earlier seeds scan as before): 150, 200 or 300 dpi; a red round seal over a table's corner; a
# light tinted background (a colour scan of off-white paper); photocopy toner (strokes thickened, grey specks)
WIDE_SCANS = (range(406, 500), range(806, 900))
WIDE_DPIS = (150, 200, 200, 300)


def damage_of(seed: int) -> str:
    return random.Random(seed * 7919 + 8).choice(DAMAGES)


# the third OCR round's batches (418–499, 818–899) add, drawn apart: a page skewed by 1.2–2.2° either way (a sheet
# fed crooked, not the first damage's ±1°), and uneven lighting (a photographed or a curled page: one side or one
# corner darker by up to a third)
THIRD_SCANS = (range(418, 500), range(818, 900))


def extras_of(seed: int) -> tuple[int, tuple[str, ...]]:
    """The page's dpi and the extra damage (``seal``, ``tint``, ``toner``; ``skew``, ``light`` from the third round)
    of a seed of the second round."""
    if not any(seed in part for part in WIDE_SCANS):
        return DPI, ()
    rng = random.Random(seed * 7919 + 9)
    dpi = rng.choice(WIDE_DPIS)
    extras = tuple(name for name, rate in (("seal", 0.45), ("tint", 0.35), ("toner", 0.25)) if rng.random() < rate)
    if any(seed in part for part in THIRD_SCANS):
        third = random.Random(seed * 7919 + 10)
        extras += tuple(name for name, rate in (("skew", 0.4), ("light", 0.4)) if third.random() < rate)
    return dpi, extras


# the fourth OCR round's batches (424–499, 830–899) add, drawn apart (dpi too: 150 as often as 200): a JPEG at a low
# quality (20–35: blocks and ringing around the strokes); a photographed page (a mild perspective, the corners moved
# by up to 2 % of the page, and a soft shadow band across it); a stamp over the numbers (the red seal inside a table's
# body, not at its corner); a fax (1-bit, half the vertical resolution as a fax's standard mode half the time)
FOURTH_SCANS = (range(424, 500), range(830, 900))
FOURTH_DPIS = (150, 150, 200, 200, 300)


def fourth_of(seed: int) -> tuple[int, tuple[str, ...]]:
    """The dpi and the fourth round's extra damage (``jpegq``, ``photo``, ``stamp``, ``fax``) of a seed of that
    round (a fax is never photographed)."""
    rng = random.Random(seed * 7919 + 11)
    dpi = rng.choice(FOURTH_DPIS)
    extras = tuple(
        name for name, rate in (("jpegq", 0.3), ("photo", 0.3), ("stamp", 0.35), ("fax", 0.2)) if rng.random() < rate
    )
    if "fax" in extras:
        extras = tuple(e for e in extras if e not in ("photo", "jpegq"))
    return dpi, extras


# a run's damage forced (``--damage``): fresh tuning material of the damaged kinds only. Each name is a first damage
# (``build_scans``: rotate, noise, jpeg, scan) or an extra one; ``+`` joins several into one draw (``fax+stamp``)
BASE_DAMAGES = ("clean", "rotate", "noise", "jpeg", "scan")
EXTRA_DAMAGES = ("seal", "tint", "toner", "skew", "light", "jpegq", "photo", "stamp", "fax")


def forced_damage(names: list[str]) -> tuple[str, ...]:
    """The ``--damage`` names checked (each a damage, or several joined by ``+``)."""
    for name in names:
        for part in name.split("+"):
            if part not in BASE_DAMAGES + EXTRA_DAMAGES:
                raise SystemExit(f"unknown damage {part!r}: one of {', '.join(BASE_DAMAGES + EXTRA_DAMAGES)}")
    return tuple(names)


def draw(seed: int, forced: tuple[str, ...] = ()) -> tuple[str, int, tuple[str, ...]]:
    """A seed's first damage, dpi and extra damage. Unforced, as each round draws it. Forced (``--damage``), the
    report takes the forced names in turn by its seed (``forced[seed % len(forced)]``, so a run of consecutive seeds
    covers them all evenly): its extras are that name's extras alone (none drawn), its first damage the name's when
    it names one, else drawn as now (``damage_of``), its dpi drawn as the fourth round's (``fourth_of``)."""
    if not forced:
        kind = damage_of(seed)
        dpi, extras = extras_of(seed)
        if any(seed in part for part in FOURTH_SCANS):
            dpi, fourth = fourth_of(seed)
            extras += fourth
        return kind, dpi, extras
    parts = forced[seed % len(forced)].split("+")
    bases = [p for p in parts if p in BASE_DAMAGES]
    kind = bases[0] if bases else damage_of(seed)
    extras = tuple(p for p in EXTRA_DAMAGES if p in parts)  # applied in page_images' order anyway
    return kind, fourth_of(seed)[0], extras


def photo(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A photographed page: a mild perspective (each corner moved by up to 2 % of the page, paper beyond it grey)
    and a soft shadow band (a hand or a phone) darkening a strip across the page by 25–40 %."""
    w, h = page.size
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    moved = [(x + float(rng.uniform(-0.02, 0.02)) * w, y + float(rng.uniform(-0.02, 0.02)) * h) for x, y in corners]
    # PIL's PERSPECTIVE maps output to input: solve for the 8 coefficients taking the moved corners to the corners
    a = []
    b = []
    for (x, y), (u, v) in zip(moved, corners, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.extend((u, v))
    coeffs = np.linalg.solve(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    fill = 200 if page.mode == "L" else (200, 200, 200)
    page = page.transform(page.size, Image.Transform.PERSPECTIVE, tuple(float(c) for c in coeffs),
                          resample=Image.Resampling.BICUBIC, fillcolor=fill)  # fmt: skip
    pixels = np.asarray(page, dtype=np.float32)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    a_ = float(rng.uniform(0, np.pi))
    dist = np.cos(a_) * (xs - w * float(rng.uniform(0.2, 0.8))) + np.sin(a_) * (ys - h * float(rng.uniform(0.2, 0.8)))
    half = float(rng.uniform(0.04, 0.12)) * max(w, h)
    soft = float(rng.uniform(0.02, 0.06)) * max(w, h)
    band = 1.0 / (1.0 + np.exp((np.abs(dist) - half) / soft))
    shade = 1.0 - float(rng.uniform(0.25, 0.4)) * band
    if pixels.ndim == 3:
        shade = shade[..., None]
    return Image.fromarray(np.clip(pixels * shade, 0, 255).astype(np.uint8), page.mode)


def fax(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A fax: 1-bit at a threshold around the middle grey, half the vertical resolution half the time (standard
    mode: every line twice), a few dropped scan lines."""
    grey = np.asarray(page.convert("L"), dtype=np.float32)
    if rng.random() < 0.5:
        grey = np.repeat(grey[::2], 2, axis=0)[: grey.shape[0]]
    ink = grey < float(rng.uniform(115, 150))
    dropped = rng.random(ink.shape[0]) < 0.003
    ink[dropped] = False
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8), "L")


def skew(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """The page turned by 1.2–2.2° either way, the corners filled white."""
    angle = float(rng.uniform(1.2, 2.2)) * float(rng.choice((-1.0, 1.0)))
    fill = 255 if page.mode == "L" else (255, 255, 255)
    return page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)


def light(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Uneven lighting: the paper and ink darkened by a smooth ramp, up to a third at one side or one corner."""
    pixels = np.asarray(page, dtype=np.float32)
    h, w = pixels.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    a = float(rng.uniform(0, 2 * np.pi))
    ramp = np.cos(a) * xs / w + np.sin(a) * ys / h
    ramp = (ramp - ramp.min()) / max(float(ramp.max() - ramp.min()), 1e-6)
    shade = 1.0 - float(rng.uniform(0.18, 0.33)) * ramp ** float(rng.uniform(1.0, 2.0))
    if pixels.ndim == 3:
        shade = shade[..., None]
    return Image.fromarray(np.clip(pixels * shade, 0, 255).astype(np.uint8), page.mode)


def table_rule(grey: np.ndarray) -> list[tuple[int, int]]:
    """Rows of a page that hold a table's horizontal rule (dark over half the width), with the rule's right end."""
    dark = grey < 128
    rows = np.flatnonzero(dark.sum(axis=1) > grey.shape[1] // 2)
    return [(int(r), int(np.flatnonzero(dark[r])[-1])) for r in rows]


def seal(page: Image.Image, dpi: int, rng: np.random.Generator, over_numbers: bool = False) -> Image.Image:
    """A red round seal (ring, star, the ring's text as short strokes) multiplied over a table's corner, or (a
    stamp, ``over_numbers``) inside the table's body, over its number columns."""
    from PIL import ImageDraw

    grey = np.asarray(page.convert("L"))
    rules = table_rule(grey)
    r = int(21 / 25.4 * dpi)  # a 42 mm seal
    if rules and over_numbers:
        top, bottom = rules[0][0], rules[-1][0]
        right = max(x for _, x in rules)
        cy = int(rng.uniform(top + 0.2 * (bottom - top), top + 0.8 * (bottom - top)))
        cx = int(rng.uniform(0.55, 0.85) * right)
    elif rules:
        y, x = rules[int(rng.integers(len(rules)))]
        cx, cy = x - int(r * rng.uniform(0.2, 0.8)), y + int(r * rng.uniform(-0.5, 0.5))
    else:
        cx, cy = int(page.width * 0.7), int(page.height * 0.8)
    layer = Image.new("RGB", page.size, (255, 255, 255))
    d = ImageDraw.Draw(layer)
    red = (int(rng.integers(190, 235)), int(rng.integers(20, 70)), int(rng.integers(20, 70)))
    w = max(2, dpi // 50)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=w)
    star = [
        (cx + (r * (0.3 if i % 2 == 0 else 0.12)) * np.sin(i * np.pi / 5),
         cy - (r * (0.3 if i % 2 == 0 else 0.12)) * np.cos(i * np.pi / 5))
        for i in range(10)
    ]  # fmt: skip
    d.polygon(star, fill=red)
    for k in range(16):  # the ring's characters: short strokes along an arc of 240°
        a = np.pi * (-2 / 3 + k * (4 / 3) / 15) - np.pi / 2
        for _ in range(3):
            da = rng.uniform(-0.06, 0.06)
            r1, r2 = r * rng.uniform(0.62, 0.72), r * rng.uniform(0.74, 0.84)
            ends = (
                cx + r1 * np.cos(a + da),
                cy + r1 * np.sin(a + da),
                cx + r2 * np.cos(a - da),
                cy + r2 * np.sin(a - da),
            )
            d.line(ends, fill=red, width=max(1, w // 2))
    ink = np.asarray(page.convert("RGB"), dtype=np.float32) * np.asarray(layer, dtype=np.float32) / 255.0
    return Image.fromarray(ink.astype(np.uint8), "RGB")


def tint(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A light tinted background: white paper read as grey, cream or blue-grey (the ink stays dark)."""
    paper = np.array([rng.uniform(215, 240), rng.uniform(210, 238), rng.uniform(195, 235)], dtype=np.float32)
    pixels = np.asarray(page.convert("RGB"), dtype=np.float32)
    return Image.fromarray((pixels * paper / 255.0).astype(np.uint8), "RGB")


def toner(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A photocopy: strokes thickened by a pixel, grey toner specks scattered over the page."""
    from PIL import ImageFilter

    page = page.filter(ImageFilter.MinFilter(3))
    pixels = np.asarray(page, dtype=np.float32).copy()
    specks = rng.random(pixels.shape[:2]) < 0.0008
    pixels[specks] = pixels[specks] * 0.35
    return Image.fromarray(pixels.astype(np.uint8), page.mode)


def page_images(pdf: Path, seed: int, cache: Path, forced: tuple[str, ...] = ()) -> tuple[list[Path], str]:
    """The PDF's pages printed grey (200 dpi, or as ``extras_of`` says) and damaged as the seed says (or as
    ``forced`` says, :func:`draw`); cached (PNG or JPEG files)."""
    import build_scans

    kind, dpi, extras = draw(seed, forced)
    name = "-".join((kind, *extras))
    folder = cache / f"{pdf.name.split('.')[0]}-{dpi}-{name}"
    done = folder / "done"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(seed * 1000 + dpi)
        sealed = int(random.Random(seed).choice((1, 2)))  # the seal on the first or second page
        for i, page in enumerate(build_scans.print_pages(pdf, dpi), 1):
            page = build_scans.damage(page, kind, i, rng)
            if "toner" in extras:
                page = toner(page, rng)
            if "tint" in extras:
                page = tint(page, rng)
            if "seal" in extras and i == sealed:
                page = seal(page, dpi, rng)
            if "stamp" in extras and i == 3 - sealed:  # the stamp on the other page of the two
                page = seal(page, dpi, rng, over_numbers=True)
            if "skew" in extras:
                page = skew(page, rng)
            if "light" in extras:
                page = light(page, rng)
            if "photo" in extras:
                page = photo(page, rng)
            if "fax" in extras:
                page = fax(page, rng)
            suffix = ".jpg" if kind in build_scans.JPEG_KINDS else ".png"
            if "jpegq" in extras:
                buf = io.BytesIO()
                page.save(buf, "JPEG", quality=int(rng.integers(20, 36)), dpi=(dpi, dpi))
                data, suffix = buf.getvalue(), ".jpg"
            elif "fax" in extras:
                buf = io.BytesIO()
                page.convert("1", dither=Image.Dither.NONE).save(buf, "PNG", dpi=(dpi, dpi))
                data, suffix = buf.getvalue(), ".png"
            else:
                data = build_scans.encode(page, kind, dpi)
            (folder / f"p-{i:02d}{suffix}").write_bytes(data)
        done.write_text(name)
    pages = sorted((p for p in folder.iterdir() if p.name != "done"), key=lambda p: int(p.stem.split("-")[1]))
    return pages, name


def tesseract(pages: list[Path], psm: int) -> str:
    with tempfile.TemporaryDirectory(prefix="synth-ocr-") as tmp:
        listing = Path(tmp) / "pages.list"
        listing.write_text("".join(f"{p}\n" for p in pages))
        out = subprocess.run(
            ["tesseract", str(listing), "stdout", "-l", "chi_sim+eng", "--psm", str(psm)],
            capture_output=True, check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": os.environ.get("PATH", "/usr/bin")},
        )  # fmt: skip
    return out.stdout.decode("utf-8")


def have_rapidocr() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def make(
    folder: Path, stem: str, kinds: tuple[str, ...], force: bool, out: Path | None = None, forced: tuple[str, ...] = ()
) -> list[str]:
    """The OCR kinds of one report (written to ``out``, default its folder), its damage drawn by :func:`draw`;
    returns the kinds made."""
    out = out or folder
    gold_file = folder / f"{stem}.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    seed = int(gold["synth"]["seed"])
    pdf = folder / f"{stem}.pdf"
    pages, damage = page_images(pdf, seed, folder / ".pages", forced)
    dpi = draw(seed, forced)[1]
    made = []
    for kind in kinds:
        path = out / (stem + SUFFIX[kind])
        if kind.startswith("rapid") and not have_rapidocr():
            continue
        if force or not path.exists():
            print(f"  {path.name} ({damage})", file=sys.stderr)
            if kind == "scan":
                from build_scans import image_pdf

                path.write_bytes(image_pdf([p.read_bytes() for p in pages], dpi))
            elif kind.startswith("tess-psm"):
                path.write_text(tesseract(pages, int(kind.removeprefix("tess-psm"))), encoding="utf-8")
            else:
                import rapidocr_text

                boxes = folder / ".pages" / "rapidocr" / f"{stem}-{dpi}-{damage}.json"
                read = rapidocr_text.read_pages(pages, cache=boxes)
                path.write_text(rapidocr_text.CONVENTIONS[kind.removeprefix("rapid-")](read), encoding="utf-8")
        made.append(kind)
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["inputs"] = {**gold["inputs"], **{k: stem + SUFFIX[k] for k in made}}
    parts = set(damage.split("-"))
    colour = "1-bit" if "fax" in parts else "colour" if {"seal", "stamp", "tint"} & parts else "grey"
    gold["synth"]["scan_damage"] = f"{dpi} dpi {colour}, {damage}"
    (out / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    return made


def write_slice(source: Path) -> None:
    """The committed slice from a folder already built: the text kinds, two scans, the gold (HTML and PDF left out)."""
    SLICE.mkdir(parents=True, exist_ok=True)
    for seed in (*SLICE_SEEDS, *SLICE_SCAN_ONLY):
        stem = f"synth_{seed:03d}"
        kinds = ("scan",) if seed in SLICE_SCAN_ONLY else SLICE_KINDS + (("scan",) if seed in SLICE_SCANS else ())
        made = make(source, stem, kinds, force=False)
        gold = json.loads((source / f"{stem}.json").read_text(encoding="utf-8"))
        gold["input"] = stem + SUFFIX[made[0]]
        gold["inputs"] = {k: stem + SUFFIX[k] for k in made}
        for k in made:
            shutil.copyfile(source / (stem + SUFFIX[k]), SLICE / (stem + SUFFIX[k]))
        (SLICE / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(SLICE_SEEDS) + len(SLICE_SCAN_ONLY)} reports → {SLICE}")


def write_grid_pages(source: Path) -> None:
    """The prepared binary pages of :data:`GRID_PAGES` from a folder's scans, as 1-bit PNGs in the slice."""
    sys.path.insert(0, str(ROOT))
    from parsers.ocr.pages import render_pdf_page
    from parsers.ocr.preprocess import prepare

    (SLICE / "grid").mkdir(parents=True, exist_ok=True)
    for seed, page in GRID_PAGES:
        stem = f"synth_{seed:03d}"
        make(source, stem, ("scan",), force=False)
        image = render_pdf_page((source / (stem + SUFFIX["scan"])).read_bytes(), page - 1)
        binary = prepare(image.pixels, image.dpi).binary
        Image.fromarray(binary).convert("1").save(SLICE / "grid" / f"{stem}-p{page}.png", optimize=True)
    print(f"{len(GRID_PAGES)} pages → {SLICE / 'grid'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, nargs="?", default=None, help="a synth_reports.py folder (with PDFs)")
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    ap.add_argument("--stems", nargs="+", default=None, help="only these reports (synth_400 …)")
    ap.add_argument("--force", action="store_true")
    ap.add_argument(
        "--damage", nargs="+", default=None, metavar="DAMAGE",
        help="force the damage: each report takes one of these in turn by its seed (fax, jpegq, photo, stamp, toner, "
        "noise …; fax+stamp joins two); dpi and the first damage drawn as before",
    )  # fmt: skip
    ap.add_argument("--slice", action="store_true", help=f"copy the slice from FOLDER into {SLICE}")
    ap.add_argument("--grid-pages", action="store_true", help=f"write the grid's pages from FOLDER into {SLICE}/grid")
    args = ap.parse_args(argv)
    if not shutil.which("tesseract") or not shutil.which("pdftoppm"):
        raise SystemExit("tesseract and pdftoppm are needed (scripts/setup.sh installs them)")
    folder = args.folder or Path("/tmp/synth-ocr")
    if args.slice:
        write_slice(folder)
        return 0
    if args.grid_pages:
        write_grid_pages(folder)
        return 0
    stems = args.stems or sorted(p.stem for p in folder.glob("synth_*.json") if (folder / f"{p.stem}.pdf").exists())
    forced = forced_damage(args.damage) if args.damage else ()
    for stem in stems:
        make(folder, stem, tuple(args.kinds), args.force, forced=forced)
    print(f"{len(stems)} reports → {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Synthetic reports as scans and as OCR text: new reports, never seen, with exact gold, for issue 8.

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth-ocr --seeds 400-409,800-809 --kinds html,pdf
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr                  # every report of the folder
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --kinds tess-psm4 scan
    .venv/bin/python scripts/synth_score.py /tmp/synth-ocr --kind tess-psm4 --kind scan
    .venv/bin/python scripts/synth_ocr.py /tmp/synth-ocr --slice          # the committed slice

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
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

SLICE = ROOT / "tests" / "fixtures" / "synth-ocr"
# the committed slice: the text kinds of 3 tuning and 3 held-back reports, one scan of each split
SLICE_SEEDS = (400, 401, 402, 800, 801, 802)
SLICE_SCANS = (402, 802)  # the small ones (a noisy page does not compress: 8–14 MB a report)
SLICE_KINDS = ("tess-psm3", "tess-psm4", "tess-psm6", "rapid-lines", "rapid-boxes")
DPI = 200
DAMAGES = ("clean", "clean", "rotate", "noise", "jpeg", "scan")
PSMS = (3, 4, 6)
TEXT_KINDS = (*(f"tess-psm{p}" for p in PSMS), "rapid-lines", "rapid-boxes")
KINDS = ("scan", *TEXT_KINDS)
SUFFIX = {"scan": ".scan.pdf", **{k: f".{k}.txt" for k in TEXT_KINDS}}


def damage_of(seed: int) -> str:
    return random.Random(seed * 7919 + 8).choice(DAMAGES)


def page_images(pdf: Path, seed: int, cache: Path) -> tuple[list[Path], str]:
    """The PDF's pages printed at 200 dpi grey and damaged as the seed says; cached (PNG or JPEG files)."""
    import build_scans

    kind = damage_of(seed)
    folder = cache / f"{pdf.name.split('.')[0]}-{DPI}-{kind}"
    done = folder / "done"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(seed * 1000 + DPI)
        for i, page in enumerate(build_scans.print_pages(pdf, DPI), 1):
            data = build_scans.encode(build_scans.damage(page, kind, i, rng), kind, DPI)
            suffix = ".jpg" if kind in build_scans.JPEG_KINDS else ".png"
            (folder / f"p-{i:02d}{suffix}").write_bytes(data)
        done.write_text(kind)
    pages = sorted((p for p in folder.iterdir() if p.name != "done"), key=lambda p: int(p.stem.split("-")[1]))
    return pages, kind


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


def make(folder: Path, stem: str, kinds: tuple[str, ...], force: bool, out: Path | None = None) -> list[str]:
    """The OCR kinds of one report (written to ``out``, default its folder); returns the kinds made."""
    out = out or folder
    gold_file = folder / f"{stem}.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    seed = int(gold["synth"]["seed"])
    pdf = folder / f"{stem}.pdf"
    pages, damage = page_images(pdf, seed, folder / ".pages")
    made = []
    for kind in kinds:
        path = out / (stem + SUFFIX[kind])
        if kind.startswith("rapid") and not have_rapidocr():
            continue
        if force or not path.exists():
            print(f"  {path.name} ({damage})", file=sys.stderr)
            if kind == "scan":
                from build_scans import image_pdf

                path.write_bytes(image_pdf([p.read_bytes() for p in pages], DPI))
            elif kind.startswith("tess-psm"):
                path.write_text(tesseract(pages, int(kind.removeprefix("tess-psm"))), encoding="utf-8")
            else:
                import rapidocr_text

                boxes = folder / ".pages" / "rapidocr" / f"{stem}-{DPI}-{damage}.json"
                read = rapidocr_text.read_pages(pages, cache=boxes)
                path.write_text(rapidocr_text.CONVENTIONS[kind.removeprefix("rapid-")](read), encoding="utf-8")
        made.append(kind)
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    gold["inputs"] = {**gold["inputs"], **{k: stem + SUFFIX[k] for k in made}}
    gold["synth"]["scan_damage"] = f"{DPI} dpi grey, {damage}"
    (out / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    return made


def write_slice(source: Path) -> None:
    """The committed slice from a folder already built: the text kinds, two scans, the gold (HTML and PDF left out)."""
    SLICE.mkdir(parents=True, exist_ok=True)
    for seed in SLICE_SEEDS:
        stem = f"synth_{seed:03d}"
        kinds = SLICE_KINDS + (("scan",) if seed in SLICE_SCANS else ())
        made = make(source, stem, kinds, force=False)
        gold = json.loads((source / f"{stem}.json").read_text(encoding="utf-8"))
        gold["input"] = stem + SUFFIX[made[0]]
        gold["inputs"] = {k: stem + SUFFIX[k] for k in made}
        for k in made:
            shutil.copyfile(source / (stem + SUFFIX[k]), SLICE / (stem + SUFFIX[k]))
        (SLICE / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(SLICE_SEEDS)} reports → {SLICE}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, nargs="?", default=None, help="a synth_reports.py folder (with PDFs)")
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    ap.add_argument("--stems", nargs="+", default=None, help="only these reports (synth_400 …)")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--slice", action="store_true", help=f"copy the slice from FOLDER into {SLICE}")
    args = ap.parse_args(argv)
    if not shutil.which("tesseract") or not shutil.which("pdftoppm"):
        raise SystemExit("tesseract and pdftoppm are needed (scripts/setup.sh installs them)")
    folder = args.folder or Path("/tmp/synth-ocr")
    if args.slice:
        write_slice(folder)
        return 0
    stems = args.stems or sorted(p.stem for p in folder.glob("synth_*.json") if (folder / f"{p.stem}.pdf").exists())
    for stem in stems:
        make(folder, stem, tuple(args.kinds), args.force)
    print(f"{len(stems)} reports → {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

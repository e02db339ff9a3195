"""Record a scan page as the scan reader read it, for tests that run no OCR (``tests/ocr_records.py``).

    .venv/bin/python scripts/build_ocr_records.py /tmp/y38/scans synth_1901 2
    .venv/bin/python scripts/build_ocr_records.py /tmp/y38/scans synth_1901 1 3 --no-image   # glyphs only

The page of ``<folder>/<stem>.scan.pdf`` is read by the scan reader (``parsers.ocr.document.ocr_page``: rendering,
preprocessing, the grid, the engine, the glyphs) and written to ``tests/fixtures/synth-ocr/read/``:

- ``<stem>-p<page>.png`` (not with ``--no-image``): the prepared binary page (ink white), 1-bit: the grid is
  found on it again at test time, and the digits' blobs of numbers are cut from it (``parsers/ocr/glyph_digits.py``);
- ``<stem>-p<page>.ink.json``: the engine's words by cell (text, box, confidence), the lines outside the tables,
  the lone digits' glyphs, the grid's unit, the tables' shapes, the page's size and scale; where the reader split
  grid rows whose rules were lost (``parsers/ocr/lost_rules.py``), the split tables whole (``split``);
- ``<stem>.json``: the report's gold.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
READ = ROOT / "tests" / "fixtures" / "synth-ocr" / "read"


def record(folder: Path, stem: str, page: int, image_too: bool = True) -> Path:
    from parsers.ocr import document
    from parsers.ocr.engine import Word
    from parsers.ocr.pages import render_pdf_page
    from parsers.ocr.preprocess import prepare, without_lone_specks

    data = (folder / f"{stem}.scan.pdf").read_bytes()
    job = document.jobs_for(data, "pdf", [page - 1])[0]
    result = document.ocr_page(job)
    pending = result.pending
    if pending is None:
        raise SystemExit(f"{stem} page {page} was not read: {result.note}")
    if result.turn:
        raise SystemExit(f"{stem} page {page} lay turned: not recorded (the binary page would be the turned one)")
    image = render_pdf_page(data, page - 1)
    unit = max(8, round(10.5 / 72 * image.dpi))
    prepared = prepare(image.pixels, image.dpi)
    tables, rules = document.find_tables(prepared.binary, unit)
    prepared = without_lone_specks(prepared, rules, unit, image.dpi)
    READ.mkdir(parents=True, exist_ok=True)
    name = f"{stem}-p{page}"
    if image_too:
        Image.fromarray(prepared.binary).convert("1").save(READ / f"{name}.png", optimize=True)

    def words(line: list[Word]) -> list[list[object]]:
        return [[w.text, list(w.box), w.conf] for w in line]

    rec = {
        "dpi": image.dpi,
        "unit": unit,
        "tables": [[t.n_rows, t.n_cols] for t in tables],
        "size": list(pending.size),
        "scale": pending.scale,
        "cells": [[list(k), [words(line) for line in lines]] for k, lines in sorted(pending.ink.cells.items())],
        "lines": [words(line) for line in pending.ink.lines],
        "glyphs": [
            [
                list(g.key),
                g.text,
                list(g.box),
                [round(float(x), 6) for x in np.ravel(g.vector)],
                list(g.vector.shape),
                list(g.shape),
            ]
            for g in pending.glyphs
        ],
    }
    if [t.ys for t in pending.tables] != [t.ys for t in tables]:
        # grid rows the reader split (``parsers/ocr/lost_rules.py``: their rules lost), the engine's cells keyed by
        # the split grid: the split tables recorded whole (``tests/ocr_records.settled_pages`` reads them)
        rec["split"] = [
            {
                "box": list(t.box), "xs": t.xs, "ys": t.ys,
                "cells": [[c.row, c.col, c.rows, c.cols, list(c.box)] for c in t.cells],
            }
            for t in pending.tables
        ]  # fmt: skip
    (READ / f"{name}.ink.json").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copyfile(folder / f"{stem}.json", READ / f"{stem}.json")
    return READ / f"{name}.ink.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_ocr.py folder (with <stem>.scan.pdf and <stem>.json)")
    ap.add_argument("stem")
    ap.add_argument("pages", type=int, nargs="+", help="1-based")
    ap.add_argument("--no-image", action="store_true", help="the engine's words and glyphs only, no page image")
    args = ap.parse_args(argv)
    for page in args.pages:
        print(record(args.folder, args.stem, page, not args.no_image))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

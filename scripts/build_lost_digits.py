"""Record a scan page and the engine's reading of its table cells, before any reading is set aside, for the test of
numbers read with fewer digits than their ink is wide (``tests/test_ocr_lost_digits.py``,
``parsers/ocr/lost_digits.py``).

    .venv/bin/python scripts/build_lost_digits.py /tmp/y40/scans synth_1902 1

The page of ``<folder>/<stem>.scan.pdf`` is rendered, prepared and read as the scan reader reads it
(``parsers.ocr.document._read``: preprocessing, the grid, the engine) and written to
``tests/fixtures/synth-ocr/lost-digits/``: ``<stem>-p<page>.png`` (the prepared page, 1-bit, ink black),
``<stem>-p<page>.ink.json`` (the words the engine read in each table cell: text, box, confidence; and the gold key
of the cells named in :data:`KEYS`, read off the page image once) and ``<stem>.json`` (the report's gold).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from page_fixture_cli import run  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "synth-ocr" / "lost-digits"

# synth_1902 page 1 (a fax under a stamp): table 二's 其他对外管理服务事项, its 上一年项目数量 printed 25 (the 2 and
# the 5 one blob), read 2
KEYS = {"synth_1902-p1": {"0,7,1": "active/other_services/prior_items"}}


def record(folder: Path, stem: str, page: int) -> Path:
    from parsers.ocr import budget, document
    from parsers.ocr.pages import render_pdf_page

    data = (folder / f"{stem}.scan.pdf").read_bytes()
    image = render_pdf_page(data, page - 1)
    prepared, _, _, ink, _ = document._read(image.pixels, image, budget.deadline_after(600.0), "tesseract")
    OUT.mkdir(parents=True, exist_ok=True)
    name = f"{stem}-p{page}"
    Image.fromarray(prepared.grey).convert("1").save(OUT / f"{name}.png", optimize=True)
    rec = {
        "cells": [
            [list(key), [[[w.text, list(w.box), w.conf] for w in line] for line in lines]]
            for key, lines in sorted(ink.cells.items())
        ],
        "keys": KEYS.get(name, {}),
    }
    (OUT / f"{name}.ink.json").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copyfile(folder / f"{stem}.json", OUT / f"{stem}.json")
    return OUT / f"{name}.ink.json"


def main(argv: list[str] | None = None) -> int:
    return run(record, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())

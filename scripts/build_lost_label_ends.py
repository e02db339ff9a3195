"""Record what the scan reader hands the tables' readers for a whole scan, for the tests of table 三's rows whose label
cells the engine lost at the table's start or end, or whose values print a disputed glyph
(``tests/test_ocr_lost_label_ends.py``; ``parsers/tables/lost_labels.py``).

    .venv/bin/python scripts/build_lost_label_ends.py /tmp/y43/scans3 synth_1922
    .venv/bin/python scripts/build_lost_label_ends.py /tmp/y43/scans2 synth_1915

The scan ``<folder>/<stem>.scan.pdf`` is read by the scan reader (the engine on every page, the glyphs compared across
the pages: ``parsers.readers.ocr``) and its ``Extracted`` written to
``tests/fixtures/synth-ocr/lost-label-ends/<stem>.extracted.json``: the text, the cells' spans (offsets, page, table,
row, column, box), the disputed glyph sets, the doubtful cells and the sure ones, with the report's gold
``<stem>.json`` beside it. The test builds the same ``Extracted`` again and parses it: no OCR at test time. Tuning
scans (``scripts/synth_ocr.py --damage``): synth_1922 (toner: its zeros read 6, 8 or nothing, table 三's first two
rows' labels lost), synth_1915 (toner: the label of 四、结转下年度继续办理 lost, a value of 3.危及“三安全一稳定”
read ``外.``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "tests" / "fixtures" / "synth-ocr" / "lost-label-ends"


def record(folder: Path, stem: str) -> Path:
    import pypdfium2

    from parsers.readers.ocr import extracted_from, read_pdf_pages

    data = (folder / f"{stem}.scan.pdf").read_bytes()
    n = len(pypdfium2.PdfDocument(data))
    extracted = extracted_from(read_pdf_pages(data, list(range(n))), "pdf", n)
    out: dict[str, Any] = {
        "kind": extracted.kind,
        "pages": extracted.pages,
        "text": extracted.text,
        "spans": [list(s) for s in extracted.spans],
        "glyph_sets": [g._asdict() for g in extracted.glyph_sets],
        "doubtful": [d._asdict() for d in extracted.doubtful],
        "sure": [d._asdict() for d in extracted.sure],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{stem}.extracted.json"
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.copyfile(folder / f"{stem}.json", OUT / f"{stem}.json")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_ocr.py folder (with <stem>.scan.pdf and <stem>.json)")
    ap.add_argument("stem")
    args = ap.parse_args(argv)
    print(record(args.folder, args.stem))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

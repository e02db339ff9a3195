"""Record part of a scan page as the engine is given it, for tests that run the engine on a column of digits that the
Chinese model reads as glyphs (``tests/test_ocr_glyph_columns.py``; ``parsers/ocr/engine.py``, ``_glyph_columns``).

    .venv/bin/python scripts/build_glyph_columns.py /tmp/y40/scans2 synth_1916 2

Page 2 of ``synth_1916`` (a fax under a stamp, seed 1916 of ``scripts/synth_ocr.py --damage``): table 三's zeros in
the column 自然人 read 癌@0, 站@7, 韶@0 … by the Chinese model. The page of ``<folder>/<stem>.scan.pdf`` is rendered
and prepared as the scan reader prepares it (``parsers.ocr.document``: rendering, preprocessing, the grid, the lone
specks), and its left part (the table's label columns and its first two columns of numbers, to the rule after them)
written 1-bit to ``tests/fixtures/synth-ocr/glyph-columns/<stem>-p<page>.png``, with ``<stem>.json`` (the report's
gold) and ``<stem>-p<page>.rows.json``: the gold key of each grid row of the column 自然人 whose cell holds one
template row (rows the fax's lost rules merged are left out), read off the page image once.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from page_fixture_cli import prepared_page, run, save_fixture  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "synth-ocr" / "glyph-columns"

# synth_1916 page 2, table 三: the grid rows whose cell in the column 自然人 holds one template row, and that row
ROWS = {
    "synth_1916-p2": {
        2: "new_received",
        3: "carried_over",
        6: "withheld.state_secret",
        7: "withheld.prohibited_by_law",
        8: "withheld.three_safeties",
        10: "withheld.process_info",
        11: "withheld.enforcement_files",
        12: "withheld.query_matters",
        14: "unavailable.unclear_after_correction",
        15: "not_processed.petition",
        16: "not_processed.duplicate",
        17: "not_processed.publication",
        18: "not_processed.excessive",
        19: "not_processed.confirm_existing",
        21: "carried_forward",
    }
}
COLUMNS = 5  # grid columns kept from the table's left edge: its labels' three, 自然人 and 商业企业


def record(folder: Path, stem: str, page: int) -> Path:
    prepared, tables, unit, dpi = prepared_page(folder, stem, page)
    table = max(tables, key=lambda t: t.n_rows * t.n_cols)
    x0, y0, _, y1 = table.box
    x1 = table.xs[COLUMNS] + unit  # past the rule after the kept columns
    crop = prepared.binary[max(0, y0 - unit) : y1 + unit, max(0, x0 - unit) : x1]
    name = f"{stem}-p{page}"
    meta = {"dpi": dpi, "unit": unit, "column": "natural_person", "rows": ROWS[name]}
    return save_fixture(OUT, name, crop, meta, folder / f"{stem}.json")


def main(argv: list[str] | None = None) -> int:
    return run(record, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())

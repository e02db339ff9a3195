"""Print the fixture ``tests/fixtures/wrapped_cells/synth-<seed>.pdf``: a narrow-print tuning report
(``synth_reports.NARROW_PRINT``: every cell ``word-break: break-all``, wide margins, large cell type) as Chromium
prints it (``synth_reports.print_page``), with its gold (``synth-<seed>.json``: every cell, from the synthetic model).

    .venv/bin/python scripts/build_wrapped_cells_fixture.py            # seed 6010 (tuning: never a held-back one)

Chromium wraps table 三's numbers wider than their cells digit by digit (``1`` / ``3`` / ``2`` / ``9`` for 1329):
the PDF reader reads each such cell as one number (``parsers/readers/cell_lines.py``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synth_reports  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "wrapped_cells"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=6010)
    args = ap.parse_args(argv)
    seed = args.seed
    if synth_reports.split_of(seed) != "tuning" or not any(seed in r for r in synth_reports.NARROW_PRINT):
        raise SystemExit(f"seed {seed} is not a narrow-print tuning seed")
    s, m = synth_reports.build(seed)
    page = synth_reports.print_page(s, m, synth_reports.body_html(s, m))
    OUT.mkdir(parents=True, exist_ok=True)
    stem = f"synth-{seed}"
    synth_reports.chromium_pdf(page, OUT / f"{stem}.pdf")
    gold = {
        "seed": seed,
        "title": synth_reports.title_of(s),
        "cells": synth_reports.gold(s, m, stem, "pdf", "")["cells"],
    }
    (OUT / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{stem}: {len(gold['cells'])} cells → {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

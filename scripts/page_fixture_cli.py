"""The command line the OCR fixture scripts share: one page of one synthetic scan recorded by the script's
``record(folder, stem, page)`` (``scripts/build_glyph_columns.py``, ``scripts/build_lost_digits.py``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def run(record: Callable[[Path, str, int], Path], doc: str | None, argv: list[str] | None = None) -> int:
    """Parse ``argv`` (a ``synth_ocr.py`` folder, a stem, a 1-based page), record that page, print the file made."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_ocr.py folder (with <stem>.scan.pdf and <stem>.json)")
    ap.add_argument("stem")
    ap.add_argument("page", type=int, help="1-based")
    args = ap.parse_args(argv)
    print(record(args.folder, args.stem, args.page))
    return 0

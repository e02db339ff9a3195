"""What the OCR fixture scripts share: the command line (one page of one synthetic scan recorded by the script's
``record(folder, stem, page)``: ``scripts/build_glyph_columns.py``, ``scripts/build_lost_digits.py``,
``scripts/build_lost_rules.py``), a page prepared as the engine is given it (:func:`prepared_page`), and a
fixture page written with its facts (:func:`save_fixture`)."""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any


def run(record: Callable[[Path, str, int], Path], doc: str | None, argv: list[str] | None = None) -> int:
    """Parse ``argv`` (a ``synth_ocr.py`` folder, a stem, a 1-based page), record that page, print the file made."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_ocr.py folder (with <stem>.scan.pdf and <stem>.json)")
    ap.add_argument("stem")
    ap.add_argument("page", type=int, help="1-based")
    args = ap.parse_args(argv)
    print(record(args.folder, args.stem, args.page))
    return 0


def prepared_page(folder: Path, stem: str, page: int) -> tuple[Any, list[Any], int, int]:
    """Page ``page`` (1-based) of ``<stem>.scan.pdf`` in ``folder`` as the OCR reader prepares it: the prepared
    page (lone specks away from the rules), the ruled tables found on it, the text unit in pixels and the dpi."""
    from parsers.ocr import document
    from parsers.ocr.pages import render_pdf_page
    from parsers.ocr.preprocess import prepare, without_lone_specks

    image = render_pdf_page((folder / f"{stem}.scan.pdf").read_bytes(), page - 1)
    unit = max(8, round(10.5 / 72 * image.dpi))
    prepared = prepare(image.pixels, image.dpi)
    tables, rules = document.find_tables(prepared.binary, unit)
    return without_lone_specks(prepared, rules, unit, image.dpi), tables, unit, image.dpi


def save_fixture(out: Path, name: str, binary: Any, meta: dict[str, Any], gold: Path | None = None) -> Path:
    """Write ``<name>.png`` (the binary page or crop ``binary``) and ``<name>.rows.json`` (``meta``) to ``out``, and
    copy the report's gold ``gold`` beside them; the PNG's path."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    Image.fromarray(binary).convert("1").save(out / f"{name}.png", optimize=True)
    (out / f"{name}.rows.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if gold is not None:
        shutil.copyfile(gold, out / gold.name)
    return out / f"{name}.png"

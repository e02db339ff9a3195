"""The scan reader's recorded engine output (``tests/fixtures/synth-ocr/read/<page>.ink.json``) read back into the
objects the reader made of it: the words of each cell and line, and the glyph images."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Report
from parsers.ocr.engine import Ink, Word
from parsers.ocr.glyphs import Glyph

READ = Path(__file__).parent / "fixtures" / "synth-ocr" / "read"


def words(record: list[Any]) -> list[Word]:
    return [Word(text, (box[0], box[1], box[2], box[3]), conf) for text, box, conf in record]


def ink_and_glyphs(rec: dict[str, Any]) -> tuple[Ink, list[Glyph]]:
    """The page's ink (words by cell, and the lines outside tables) and its glyphs, as recorded."""
    ink = Ink(
        {tuple(k): [words(line) for line in lines] for k, lines in rec["cells"]},
        [words(line) for line in rec["lines"]],
    )
    glyphs = [
        Glyph(tuple(k), text, tuple(box), np.asarray(v, dtype=np.float32).reshape(shape), tuple(s))
        for k, text, box, v, shape, s in rec["glyphs"]
    ]
    return ink, glyphs


def settled_pages(stem: str, pages: tuple[int, ...]) -> list[Any]:
    """The recorded pages of ``stem`` read as the scan reader reads them, from the engine's output on: each page's
    grid found again on its binary image (the grid rows the reader split, their rules lost, as recorded), its
    digits' blobs cut, then the pages settled together (``parsers.ocr.document.settle``: the glyphs compared across
    them). ``parsers.readers.ocr.extracted_from`` makes the ``Extracted`` of them."""
    from PIL import Image

    from parsers.ocr.document import PageResult, Pending, settle
    from parsers.ocr.glyph_digits import number_parts
    from parsers.ocr.grid import Cell, Table, find_tables
    from parsers.ocr.lost_signs import lost_signs

    results = []
    for page in pages:
        name = f"{stem}-p{page}"
        rec = json.loads((READ / f"{name}.ink.json").read_text(encoding="utf-8"))
        binary = np.where(np.asarray(Image.open(READ / f"{name}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
        tables, _ = find_tables(binary, rec["unit"])
        assert [[t.n_rows, t.n_cols] for t in tables] == rec["tables"]
        if "split" in rec:  # grid rows the reader split (their rules lost), as it split them
            tables = [
                Table(tuple(t["box"]), t["xs"], t["ys"], [Cell(*c[:4], tuple(c[4])) for c in t["cells"]])
                for t in rec["split"]
            ]
        ink, glyphs = ink_and_glyphs(rec)
        grey = np.where(binary > 0, 0, 255).astype(np.uint8)
        # a minus put back (a record made since version 154 holds its signs already): no lone digit, as the reader
        # finds its glyphs after it
        sign_note, signed = lost_signs(grey, ink, tables, set())
        glyphs = [g for g in glyphs if g.key not in signed]
        parts = number_parts(grey, ink)
        pending = Pending(ink, tables, tuple(rec["size"]), rec["scale"], glyphs, parts)
        results.append(PageResult(page, None, sign_note=sign_note, pending=pending))
    return settle(results)


def text_report(path: Path, *, ocr: bool = True) -> Report:
    """The report of a scan reader's recorded text (``tests/fixtures/synth-ocr/<case>/<stem>.txt``), parsed as the
    scan reader's text (``ocr``) or as a PDF's text layer."""
    return parse_extracted(Extracted("pdf", path.read_text(encoding="utf-8"), ocr=ocr))


def gold_cells(path: Path) -> dict[str, Any]:
    """The cells of a generator's gold JSON beside a fixture."""
    return json.loads(path.read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def text_fixture(case: str, stem: str) -> tuple[Path, Path]:
    """A recorded scan text and its gold: ``tests/fixtures/synth-ocr/<case>/<stem>.txt`` and ``<stem>-gold.json``."""
    folder = READ.parent / case
    return folder / f"{stem}.txt", folder / f"{stem}-gold.json"

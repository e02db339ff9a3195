"""The scan reader's recorded engine output (``tests/fixtures/synth-ocr/read/<page>.ink.json``) read back into the
objects the reader made of it: the words of each cell and line, and the glyph images."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

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

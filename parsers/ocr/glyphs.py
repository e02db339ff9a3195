"""One glyph, one reading: a lone digit read unlike the same glyph printed elsewhere on the page is read as they are.

Some faces draw a digit the engine misreads over and over: WenQuanYi Zen Hei Mono's dotted zero is read 6, 8
or 4, one column one way, the next another (a column's glyphs share their sub-pixel phase, so the engine sees
the same pixels down the column), while the zeros of other columns read right. A table cell that holds one digit
is a glyph of the page's face at the page's size. Every lone digit of the page is compared with every other
(:func:`agree`): its ink scaled down to :data:`GLYPH_SIZE` (coarse, so that the phase washes out), the likeness
their normalised correlation; boxes of another height or shape are never compared. The same digit printed
twice scores 0.9–1.0; two different digits of one face stay under 0.7 in every face the synthetic scans print,
save the dotted zero against 6, 8 and 4 (0.9: what the engine sees too). Where the glyphs at least
:data:`LIKENESS` alike (the cell's own among them) are read as another digit by at least :data:`MIN_VOTES`, and
by at least twice as many as read the cell's own digit, the cell is read as they are.

Never silent: the page gets a note (warning ``ocr_glyphs``) counting each change (``6→0 ×12``), and the
identities still check the result (:mod:`parsers.ocr.correct`): a wrong vote fails them, and the report is
``review: required``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import numpy as np

from parsers.ocr.engine import Ink, Word
from parsers.ocr.preprocess import Grey

# width, height a glyph is scaled to before comparing: coarse, so that the sub-pixel phase of a column washes out
GLYPH_SIZE = (8, 12)
# normalised correlation of two crops of the same glyph (0.9–1.0 mostly; different digits of a face stay under 0.7)
LIKENESS = 0.85
MIN_VOTES = 3  # glyphs that must agree on another reading
SHAPE_TOLERANCE = 0.25  # |log| of the ratio of heights, and of width ratios, within which two boxes are compared
_DIGIT = re.compile(r"^\d$")


def _glyph(grey: Grey, box: tuple[int, int, int, int]) -> np.ndarray | None:
    import cv2

    x0, y0, x1, y1 = box
    crop = 255.0 - grey[max(0, y0) : y1, max(0, x0) : x1].astype(np.float32)
    if crop.shape[0] < 4 or crop.shape[1] < 2:
        return None
    v = np.asarray(cv2.resize(crop, GLYPH_SIZE, interpolation=cv2.INTER_AREA), dtype=np.float32).ravel()
    v = v - v.mean()
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None


def agree(grey: Grey, ink: Ink) -> tuple[Ink, str | None]:
    """The page's ink with its lone digits read as the same glyph reads elsewhere on the page, and a note
    naming the changes (None when there are none)."""
    keys: list[tuple[int, int, int]] = []
    texts: list[str] = []
    vectors: list[np.ndarray] = []
    shapes: list[tuple[float, float]] = []
    for key, lines in ink.cells.items():
        words = [w for line in lines for w in line]
        if len(words) != 1 or not _DIGIT.match(words[0].text):
            continue
        x0, y0, x1, y1 = words[0].box
        v = _glyph(grey, words[0].box)
        if v is None:
            continue
        keys.append(key)
        texts.append(words[0].text)
        vectors.append(v)
        shapes.append((np.log(max(1, y1 - y0)), np.log(max(1, x1 - x0) / max(1, y1 - y0))))
    if len(keys) <= MIN_VOTES:
        return ink, None
    likeness = np.stack(vectors) @ np.stack(vectors).T
    shape: np.ndarray = np.array(shapes)
    comparable = (np.abs(shape[:, None, 0] - shape[None, :, 0]) <= SHAPE_TOLERANCE) & (
        np.abs(shape[:, None, 1] - shape[None, :, 1]) <= SHAPE_TOLERANCE
    )
    alike = (likeness >= LIKENESS) & comparable
    changes: Counter[str] = Counter()
    cells = dict(ink.cells)
    for i, key in enumerate(keys):
        votes = Counter(texts[j] for j in np.flatnonzero(alike[i]))
        reading, count = votes.most_common(1)[0]
        if reading == texts[i] or count < MIN_VOTES or count < 2 * votes[texts[i]]:
            continue
        word = next(w for line in cells[key] for w in line)
        cells[key] = [[Word(reading, word.box, word.conf)]]
        changes[f"{texts[i]}→{reading}"] += 1
    if not changes:
        return ink, None
    said = ", ".join(f"{c} ×{n}" for c, n in sorted(changes.items()))
    note = (
        f"{sum(changes.values())} lone digit(s) read as the same glyph reads elsewhere on the page ({said}): "
        "the engine read them otherwise"
    )
    return replace(ink, cells=cells), note

"""Pages lying a quarter or half turn off: found from how badly the upright reading went, then turned upright.

A scanned report often has a landscape table page turned by 90° (or 270°), or a sheet fed upside down.
Read as it lies, such a page gives the engine glyphs it cannot match: its words come back with low
confidence, or (Tesseract reads Chinese set in columns too) as columns of words taller than wide. So the
common case costs nothing: every page is first read as it lies, and only a page whose reading is doubtful
(:func:`doubtful`: the characters' mean confidence under :data:`DOUBT`, more than :data:`COLUMNS` of them in
vertical words, or next to nothing read) is looked at again:

1. Tesseract's orientation detection (OSD, ``osd.traineddata`` from Debian's ``tesseract-ocr``) on the
   straightened page, reduced to :data:`OSD_DPI`, says how far the text lies turned (0, 90, 180, 270);
2. when it says the page is turned, the page is turned back and read again, and the reading kept is the one
   the engine is surer of (:func:`quality`: its mean confidence, discounted by the share read in columns) —
   so a wrong OSD answer costs time, never a worse reading.

The turn is reported by the caller (a ``page_turned`` warning naming the page and the angle).
"""

from __future__ import annotations

import numpy as np

from parsers.ocr.engine import Ink, Word
from parsers.ocr.preprocess import Grey

DOUBT = 80.0  # a reading whose characters' mean confidence is under this is looked at again
COLUMNS = 0.25  # a reading with more of its characters in vertical words than this is looked at again
MIN_CHARS = 8  # a page with ink that reads to fewer characters than this is looked at again
OSD_DPI = 200  # OSD reads the page at this resolution (reliable on these pages; faster than 300)


def _words(ink: Ink) -> list[Word]:
    lines = [*ink.lines, *(line for lines in ink.cells.values() for line in lines)]
    return [w for line in lines for w in line if w.text.strip()]


def characters(ink: Ink) -> list[tuple[int, float]]:
    """(characters, confidence) of every word the engine read on the page."""
    return [(len(w.text), w.conf) for w in _words(ink)]


def upright_share(ink: Ink) -> float:
    """The share of characters, among words of several, read in words taller than wide: text lines running
    down the page (Tesseract reads Chinese set vertically, so a page on its side can read with fair
    confidence, in columns)."""
    several = [w for w in _words(ink) if len(w.text) >= 2]
    total = sum(len(w.text) for w in several)
    tall = sum(len(w.text) for w in several if w.box[3] - w.box[1] > w.box[2] - w.box[0])
    return tall / total if total else 0.0


def score(ink: Ink) -> tuple[float, int]:
    """The reading's mean confidence per character (0–100) and how many characters it read."""
    words = characters(ink)
    count = sum(n for n, _ in words)
    if not count:
        return 0.0, 0
    return sum(n * c for n, c in words) / count, count


def doubtful(ink: Ink) -> bool:
    mean, count = score(ink)
    return count < MIN_CHARS or mean < DOUBT or upright_share(ink) > COLUMNS


def quality(ink: Ink) -> float:
    """How sure the engine is of a reading: its mean confidence, less the share read in vertical words."""
    return score(ink)[0] * (1.0 - upright_share(ink))


def better(turned: Ink, upright: Ink) -> bool:
    """Whether the reading of the turned page beats the reading of the page as it lay."""
    return score(turned)[1] >= MIN_CHARS and quality(turned) > quality(upright)


def reduced(grey: Grey, dpi: float) -> Grey:
    """The page at :data:`OSD_DPI` (as it is when it is read at that or less)."""
    import cv2

    if dpi <= OSD_DPI * 1.05:
        return grey
    factor = OSD_DPI / dpi
    h, w = grey.shape
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    return np.asarray(cv2.resize(grey, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def turn_back(pixels: Grey, clockwise: int) -> Grey:
    """The page turned counter-clockwise by ``clockwise`` degrees (a multiple of 90): upright again."""
    return np.ascontiguousarray(np.rot90(pixels, k=(clockwise // 90) % 4))

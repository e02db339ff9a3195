"""A minus sign the engine read away: a short dash before a table cell's digits, put back on the number.

A negative number prints its minus sign as a short level dash just before its first digit, at the digits'
mid-height (``-1``, ``-18``: 本年增/减, the change of a year, in table 二). Tesseract reads the digits and drops the
dash far more often than it keeps it (a stroke a third of a digit wide and a fifth as high: the thing it most often
takes for a speck): synth_4114's ``-1`` read ``1``, synth_4115's ``-18`` read ``18``, each a wrong number nobody is
told to check (no identity holds a 本年增/减).

:func:`lost_signs` looks, in each table cell whose line starts with a word of digits, at the ink just before the
digits: one blob as a minus prints, level and solid (at least :data:`LEVEL` times as wide as it is high, at most
:data:`THIN` of the digits' height high, :data:`SHORT` to :data:`LONG` of it wide, its middle within the digits'
middle band :data:`MIDDLE`), at most :data:`GAP` of the digits' height before them, and no other ink between the
cell's left and the digits on their line but specks (at most :data:`SPECK` of the digits' height across). The word
is then read with its sign (``-18``) and the page's note names each cell (``ocr_sign_read``, review suggested).
Only one column of the template is signed: a sign put back before a count makes a negative count, which is left
blank (:func:`parsers.ocr.counts.negative_counts`).
"""

from __future__ import annotations

import re

import numpy as np

from parsers.ocr.engine import CellKey, Ink, Word
from parsers.ocr.glyph_digits import PART_HEIGHT
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

LEVEL = 1.4  # a minus is this many times as wide as it is high, or more
THIN = 0.32  # … at most this share of the digits' height high
SHORT, LONG = 0.2, 0.8  # … and this share of the digits' height wide, at least and at most
MIDDLE = (0.3, 0.75)  # its middle lies within this band of the digits' height, from their top
GAP = 0.6  # at most this share of the digits' height between the dash and the first digit
SOLID = 0.6  # at least this share of the dash's box is ink
SPECK = 0.2  # a blob at most this share of the digits' height wide and high is a speck
EDGE = 4  # pixels of a cell next to its rules left out (a rule's remnant)
_DIGITS = re.compile(r"^[0-9][0-9,.]*$")


def _components(mask: np.ndarray) -> tuple[int, np.ndarray]:
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    return n, stats


def _sign_before(grey: Grey, word: Word, cell: tuple[int, int, int, int]) -> bool:
    """Whether a minus prints before ``word`` (digits) inside the cell's box ``cell`` (see the module's docstring)."""
    import cv2

    h, w = grey.shape
    x0, y0, x1, y1 = max(0, word.box[0]), max(0, word.box[1]), min(w, word.box[2]), min(h, word.box[3])
    if x1 - x0 < 2 or y1 - y0 < 2:
        return False
    n, stats = _components(grey[y0:y1, x0:x1] < 128)
    if n <= 1:
        return False
    tallest = int(stats[1:, cv2.CC_STAT_HEIGHT].max())
    big = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= PART_HEIGHT * tallest]
    top = y0 + min(int(stats[i, cv2.CC_STAT_TOP]) for i in big)
    bottom = y0 + max(int(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT]) for i in big)
    first = x0 + min(int(stats[i, cv2.CC_STAT_LEFT]) for i in big)
    height = bottom - top
    # the cell's ink on the digits' line, from the cell's left to the first digit
    lx0, lx1 = cell[0] + EDGE, first
    ly0, ly1 = max(cell[1] + EDGE, top - height // 2), min(cell[3] - EDGE, bottom + height // 2)
    if lx1 - lx0 < 2 or ly1 - ly0 < height:
        return False
    n, stats = _components(grey[ly0:ly1, lx0:lx1] < 128)
    # the blobs on the digits' line (a rule's remnant or a line above or below lies outside it)
    blobs = [
        tuple(int(v) for v in stats[i])
        for i in range(1, n)
        if ly0 + stats[i, 1] < bottom and ly0 + stats[i, 1] + stats[i, 3] > top
    ]

    def dash(bx: int, by: int, bw: int, bh: int, area: int) -> bool:
        middle = (ly0 + by + bh / 2 - top) / max(1, height)
        return (
            bw >= LEVEL * bh
            and bh <= THIN * height
            and SHORT * height <= bw <= LONG * height
            and MIDDLE[0] <= middle <= MIDDLE[1]
            and lx1 - (lx0 + bx + bw) <= GAP * height
            and area >= SOLID * bw * bh
        )

    dashes = [b for b in blobs if dash(*b)]
    # a toner's or a fax's speck beside it is no other mark; anything bigger (a word, a digit, a second dash) is
    specks = [b for b in blobs if b not in dashes and max(b[2], b[3]) <= SPECK * height]
    return len(dashes) == 1 and len(dashes) + len(specks) == len(blobs)


def lost_signs(grey: Grey, ink: Ink, tables: list[Table], leave: set[CellKey]) -> tuple[str | None, list[CellKey]]:
    """The cells of ``ink`` whose first word of digits prints a minus the engine did not read, read with it (their
    words in ``ink`` changed); the page's note (None when there is none) and those cells. ``grey``: the prepared page
    (black ink on white); ``leave``: cells left alone (under a stamp, a digit lost)."""
    boxes = {(t, c.row, c.col): c.box for t, table in enumerate(tables) for c in table.cells}
    signed: list[CellKey] = []
    for key, lines in ink.cells.items():
        if key in leave or key not in boxes:
            continue
        for i, line in enumerate(lines):
            if not line:
                continue
            first = min(range(len(line)), key=lambda j: line[j].box[0])
            word = line[first]
            if not _DIGITS.match(word.text) or not _sign_before(grey, word, boxes[key]):
                continue
            lines[i] = [*line[:first], Word("-" + word.text, word.box, word.conf), *line[first + 1 :]]
            signed.append(key)
    if not signed:
        return None, []
    read = ", ".join(repr(w.text) for k in signed for line in ink.cells[k] for w in line if w.text.startswith("-"))
    note = (
        f"{len(signed)} table cell(s) print a minus sign before their digits that OCR did not read (a short level dash "
        f"at the digits' mid-height): read with it, {read}"
    )
    return note, signed

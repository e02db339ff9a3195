"""A number read with fewer digits than its ink is wide: a digit lost, the reading set aside.

The engine reads a number's digits one by one; where two of them touch (a fax's or a JPEG's ink run together) it may
read the pair as one digit: synth_1902 (a fax under a stamp) printed 25, its 2 and 5 one blob of ink, read ``2`` by
the Chinese model and at two heights of three by the digits model. The reading is a number, no identity checks the
cell (table 二's counts), and a wrong number is worse than a blank.

A page prints its numbers in one face, so each digit is about as wide as the page's others: :func:`lost_digits`
measures each table cell read as one word of digits by its ink (the blobs at least :data:`PART_HEIGHT` of the
tallest, as :mod:`parsers.ocr.glyph_digits` cuts numbers: a speck beside the digits does not widen it), and where a
cell's width per digit is :data:`WIDE` times the page's median or more (the page read :data:`MIN_NUMBERS` such cells
at least), its reading is set aside (the cell read blank) and the page's note names it (``ocr_digits_lost``, review
required). On the tuning scans the widths per digit lie within 0.77–1.23 times their page's median in 99.5 % of
cells; past 1.4 are the misreadings (25 read 2 at 1.84). A cell so wide must be wide among its row's numbers too (a
row printed in bold is wide throughout), or among those of its row of the page's width (synth_4139, a fax: two of a
row's three numbers, 20 and 24, read ``0`` and ``4``, the row's median a wide one). A change of a count read with
its minus (``-3`` for -25) is measured by its digits (the minus is no digit's height).

Tuning scans 4140–4163 (4660 readings measured): every right reading lies at 1.33 times the page's median or less
(table 二's 295 at 1.22 or less), and two short readings lie under 1.7, at 1.67 (``2`` for 12, synth_4158) and 1.69
(``5`` for a printed 总计 15, synth_4157), both in table 三. :func:`short_readings` gives the readings from
:data:`SHORT` (1.45) up, for the parser to leave blank where they are counts of table 二, which no identity checks
(``parsers/ocr/short_counts.py``; a lost ``1`` between two digits, 35 for 315, widens a reading about 1.5 times);
table 三's and 四's are left to their identities (the 2 set aside, 4158's contradicted set of 122 and 2 would no
longer be found).
"""

from __future__ import annotations

import re
import statistics
from typing import Any

import numpy as np
from numpy.typing import NDArray

from parsers.ocr.engine import SURE_DIGITS, Box, CellKey, Ink
from parsers.ocr.glyph_digits import PART_HEIGHT
from parsers.ocr.preprocess import Grey

WIDE = 1.7  # a reading whose width per digit is this many times the page's median (and its row's) lost a digit
# a count of table 二 (no identity checks it) this many times as wide per digit or more, under WIDE: read short
SHORT = 1.45
ROW_NUMBERS = 3  # cells read as digits a row needs for its own median
MIN_NUMBERS = 8  # cells read as digits a page needs for its median
BESIDE_WIDTH = 6  # pixels: a blob beside a lone digit's reading thinner than this is a speck or a rule's remnant
BESIDE_GAP = 1.0  # of the reading's height: ink beside it further than this is apart from it (not its characters)
BESIDE_PART = 0.3  # of the reading's height: a part of a character beside it is at least this long (总's 口, 心)
_DIGITS = re.compile(r"^-?[0-9]+$")  # a count, or a change of one (本年增/减) with its minus


def _blobs(grey: Grey, box: Box) -> tuple[int, NDArray[np.integer[Any] | np.floating[Any]]] | None:
    """The box clamped to the page: its left edge and the stats of its blobs of dark ink (8-connected, OpenCV's
    ``connectedComponentsWithStats`` rows without the background's); None where it is under 2 pixels either way."""
    import cv2

    h, w = grey.shape
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    mask = (grey[y0:y1, x0:x1] < 128).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return x0, stats[1:]


def _width_per_digit(grey: Grey, box: tuple[int, int, int, int], digits: int) -> float | None:
    """The ink's width per digit, relative to its height, inside a word's box (None: no ink)."""
    import cv2

    blobs = _blobs(grey, box)
    if blobs is None or not len(blobs[1]):
        return None
    stats = blobs[1]
    tallest = int(stats[:, cv2.CC_STAT_HEIGHT].max())
    big = [s for s in stats if s[cv2.CC_STAT_HEIGHT] >= PART_HEIGHT * tallest]
    left = min(int(s[cv2.CC_STAT_LEFT]) for s in big)
    right = max(int(s[cv2.CC_STAT_LEFT] + s[cv2.CC_STAT_WIDTH]) for s in big)
    return (right - left) / max(1, tallest) / digits


def _beside(grey: Grey, word: Box, cell: Box) -> Box:
    """The word's box widened to the cell's ink in the word's rows (parts of characters: blobs :data:`BESIDE_WIDTH`
    pixels thick or more, :data:`BESIDE_PART` of the word's height long; rules left out: ``grey`` is the page without
    them) that runs on from it (each part within :data:`BESIDE_GAP` of the word's height of the box grown so far),
    so that a reading of part of the cell's text is measured by all of it, and ink apart from it is not."""
    import cv2

    blobs = _blobs(grey, (cell[0], word[1], cell[2], word[3]))
    if blobs is None:
        return word
    x0, stats = blobs
    tall = [
        s
        for s in stats
        if min(s[cv2.CC_STAT_HEIGHT], s[cv2.CC_STAT_WIDTH]) >= BESIDE_WIDTH
        and max(s[cv2.CC_STAT_HEIGHT], s[cv2.CC_STAT_WIDTH]) >= BESIDE_PART * (word[3] - word[1])
    ]
    # only ink that runs on from the reading, a gap of a character's height at most (the rest of a head's characters,
    # chained), not ink apart across the cell (a seal's remnants 64 and 113 px beside zeros 45 and 31 px tall)
    reach = BESIDE_GAP * (word[3] - word[1])
    spans = sorted((x0 + int(s[cv2.CC_STAT_LEFT]), x0 + int(s[cv2.CC_STAT_LEFT] + s[cv2.CC_STAT_WIDTH])) for s in tall)
    left, right = word[0], word[2]
    grown = True
    while grown:
        grown = False
        for a, b in spans:
            if a <= right + reach and b >= left - reach and (a < left or b > right):
                left, right, grown = min(left, a), max(right, b), True
    return (left, word[1], right, word[3])


def _wide(
    grey: Grey,
    ink: Ink,
    leave: set[CellKey],
    cells: dict[CellKey, Box] | None,
    clean: Grey | None,
    bound: float,
) -> dict[CellKey, tuple[str, float]]:
    """The cells of ``ink`` read as one word of digits whose ink is ``bound`` times as wide per digit as the page's
    median or more (and among their row's: :func:`lost_digits`' measure): each reading and its width over the
    median."""
    widths: dict[CellKey, tuple[str, float]] = {}
    for key, lines in ink.cells.items():
        words = [w for line in lines for w in line]
        if key in leave or len(words) != 1 or not _DIGITS.match(words[0].text):
            continue
        box = words[0].box
        width = _width_per_digit(grey, box, len(words[0].text.lstrip("-")))  # (a minus: no digit's height)
        if (
            width is not None
            and cells is not None
            and clean is not None
            and key in cells
            and len(words[0].text) == 1
            and words[0].conf < SURE_DIGITS
            and (wider := _beside(clean, box, cells[key])) != box
        ):
            width = max(width, (wider[2] - wider[0]) / max(1, wider[3] - wider[1]))
        if width is not None:
            widths[key] = (words[0].text, width)
    if len(widths) < MIN_NUMBERS:
        return {}
    median = statistics.median(width for _, width in widths.values())
    rows: dict[tuple[int, int], list[float]] = {}
    for (table, row, _), (_, width) in widths.items():
        rows.setdefault((table, row), []).append(width)

    def alone(key: CellKey, width: float) -> bool:
        """Wide among its row's numbers too (a row printed wider, in bold, is no digit lost), or among those of its
        row that are not wide on the page (two of a row's three numbers may each have lost a digit)."""
        mine = rows[(key[0], key[1])]
        plain = [w for w in mine if w < bound * median]
        return (
            len(mine) < ROW_NUMBERS
            or width >= bound * statistics.median(mine)
            or (bool(plain) and width >= bound * statistics.median(plain))
        )

    wide = {
        key: (text, width / median)
        for key, (text, width) in widths.items()
        if width >= bound * median and alone(key, width)
    }
    return wide


def lost_digits(
    grey: Grey, ink: Ink, leave: set[CellKey], cells: dict[CellKey, Box] | None = None, clean: Grey | None = None
) -> tuple[str | None, set[CellKey]]:
    """The cells of ``ink`` read as one word of digits whose ink is :data:`WIDE` times as wide per digit as the page's
    median, their readings removed from ``ink``; the page's note (None when there is none) and those cells. ``grey``:
    the prepared page (black ink on white); ``leave``: cells left alone (under a stamp). With ``cells`` (the cells'
    boxes inside their rules) and ``clean`` (the page without its rules), a reading of one digit the engine was unsure
    of (under :data:`parsers.ocr.engine.SURE_DIGITS`) is measured by the cell's ink in its rows too (:func:`_beside`):
    a two-character head, 总计, read as one digit (synth_4160's fax, ``4`` at 47) is set aside as a digit run together
    would be. A sure digit is not: a zero read at 60-85 beside a red seal's black remnants (synth_4158) is a zero."""
    wide = _wide(grey, ink, leave, cells, clean, WIDE)
    if not wide:
        return None, set()
    for key in wide:
        del ink.cells[key]
    named = ", ".join(f"{text!r} ({times:.1f}×)" for text, times in (wide[k] for k in sorted(wide)))
    note = (
        f"{len(wide)} table cell(s) read as fewer digits than their ink is wide (each digit {WIDE:g} times as wide as "
        f"the page's others or more: digits run together read as one): {named}; set aside, those cells blank"
    )
    return note, set(wide)


def short_readings(
    grey: Grey, ink: Ink, leave: set[CellKey], cells: dict[CellKey, Box] | None = None, clean: Grey | None = None
) -> dict[CellKey, tuple[str, float]]:
    """The cells of ``ink`` (after :func:`lost_digits`) read as one word of digits whose ink is :data:`SHORT` times as
    wide per digit as the page's median or more (measured as :func:`lost_digits` measures): each reading and its
    width over the median. Nothing is removed: the parser leaves those of table 二 blank (see the module's doc)."""
    return _wide(grey, ink, leave, cells, clean, SHORT)

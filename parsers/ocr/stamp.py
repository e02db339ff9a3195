"""A round stamp printed in black over a table: what the engine read in the cells under it is set aside.

A red seal is lifted off the page by its colour (:mod:`parsers.ocr.pages`); a fax or a 1-bit scan prints it black,
and its ring, the text around the ring and the star inside are ink like the table's digits. A cell the stamp lies
over reads the ring's strokes and letters beside its digit, or instead of it: synth_474's zeros under a stamp read
1, 4, 5 and 7. Nothing in the cell tells the digit from the stamp's print, and a wrong number is worse than a blank.

:func:`find_stamps` finds the stamp by its ring: a circle of an official stamp's size (:data:`DIAMETERS_CM`, 4.2 cm
for a government organ's) found by the Hough transform on the page without its rules, at a quarter of the
resolution, and kept only where ink lies on :data:`RING` of its circumference (no text or table makes a closed circle
that size). :func:`set_aside` blanks what was read as numbers in the cells whose box meets the stamp's disc (not a
label, nor one number read at :data:`SURE_CONF` or more), and says which.
"""

from __future__ import annotations

import re

import numpy as np

from parsers.ocr.engine import NUMBER_TEXT, CellKey, Ink
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

DIAMETERS_CM = (3.2, 5.2)  # a round stamp's diameter: 3.8–4.5 cm for an organ's seal, some room either side
RING = 0.8  # share of the circle's circumference that must be ink
REDUCED = 4  # the circle is looked for at a quarter of the resolution
# a cell under the stamp read as one number at this confidence or more is kept: on the tuning scans the zeros the
# stamp's print leaves alone read at 91–97 (474, 481 at 300 dpi) and 73–90 (499, a fax at 150 dpi), what its
# ring and lettering make of a cell at 0–60, one 7 for 0 at 77 (499)
SURE_CONF = 70.0
_CJK = re.compile(r"[\u3400-\u9fff]")
Stamp = tuple[int, int, int]  # centre x, y and radius, page pixels


def find_stamps(binary: Grey, rules: Grey, dpi: float) -> list[Stamp]:
    """The round stamps on a prepared page (binary: ink > 0; rules: the tables' rules, left out)."""
    import cv2

    ink = np.where((binary > 0) & (rules == 0), 255, 0).astype(np.uint8)
    h, w = ink.shape
    small = cv2.resize(ink, (max(1, w // REDUCED), max(1, h // REDUCED)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    low, high = (round(d / 2 / 2.54 * dpi / REDUCED) for d in DIAMETERS_CM)
    found = cv2.HoughCircles(
        small, cv2.HOUGH_GRADIENT, dp=1, minDist=2 * high, param1=100, param2=30, minRadius=low, maxRadius=high
    )
    if found is None:
        return []
    return [
        (round(float(x) * REDUCED), round(float(y) * REDUCED), round(float(r) * REDUCED))
        for x, y, r in found[0][:5]
        if _ring(binary, float(x) * REDUCED, float(y) * REDUCED, float(r) * REDUCED) >= RING
    ]


def _ring(binary: Grey, x: float, y: float, r: float) -> float:
    """Share of the circle's circumference (720 points) with ink within 3 % of its radius."""
    h, w = binary.shape
    angles = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    hit = np.zeros(len(angles), dtype=bool)
    for dr in np.linspace(-0.03 * r, 0.03 * r, 7):
        px = np.round(x + (r + dr) * np.cos(angles)).astype(int)
        py = np.round(y + (r + dr) * np.sin(angles)).astype(int)
        inside = (px >= 0) & (px < w) & (py >= 0) & (py < h)
        hit[inside] |= binary[py[inside], px[inside]] > 0
    return float(hit.mean())


def set_aside(ink: Ink, tables: list[Table], stamps: list[Stamp], dpi: float) -> tuple[str | None, set[CellKey]]:
    """The numbers read in the cells a stamp lies over removed from ``ink`` (the cells read blank); the note that
    says so (None when no cell read a number there), and every cell the stamp lies over (the glyph comparison
    leaves them alone: their ink is partly the stamp's)."""
    dropped: list[str] = []
    under: set[CellKey] = set()
    for t, table in enumerate(tables):
        for cell in table.cells:
            key = (t, cell.row, cell.col)
            if not any(_meets(cell.box, s) for s in stamps):
                continue
            under.add(key)
            lines = ink.cells.get(key)
            if not lines:
                continue
            words = [w for line in lines for w in line]
            text = "".join(w.text for w in words)
            if len(_CJK.findall(text)) > 1 or not any(c.isdigit() for c in text):
                continue  # a label (1.属于国家秘密) or no number: the tables reader judges it
            if len(words) == 1 and NUMBER_TEXT.match(text) and words[0].conf >= SURE_CONF:
                continue  # one number the engine is sure of: the stamp's print reads as no such thing
            dropped.append(text)
            del ink.cells[key]
    if not dropped:
        return None, under
    cm = ", ".join(
        f"{2 * r / dpi * 2.54:.1f} cm across at ({x / dpi * 2.54:.1f}, {y / dpi * 2.54:.1f}) cm" for x, y, r in stamps
    )
    return (
        f"a round stamp printed in black ({cm}) lies over {len(dropped)} table cell(s) read as numbers "
        f"({' / '.join(dropped)}): set aside, those cells blank, as its ring and lettering read as digits"
    ), under


def _meets(box: tuple[int, int, int, int], stamp: Stamp) -> bool:
    """Does the cell's box meet the stamp's disc?"""
    x0, y0, x1, y1 = box
    x, y, r = stamp
    nx, ny = min(max(x, x0), x1), min(max(y, y0), y1)
    return (nx - x) ** 2 + (ny - y) ** 2 <= r * r

"""A page photographed at a slant: its table rules, straight but no longer parallel, made parallel again.

A page photographed rather than scanned is seen in perspective: its table's vertical rules lean towards each
other (a keystone), its horizontal rules fan out, and no single skew angle straightens them all. The grid
(:mod:`parsers.ocr.grid`) then finds no rule that runs the table's height or width, and a table is lost.

Every ruling line of a table was a horizontal or a vertical line of the printed page, and perspective keeps
straight lines straight. The page's long near-horizontal rules (:func:`rules`: at least :data:`MIN_ACROSS` of
the page's width) and long near-vertical rules (:data:`MIN_DOWN` of its height), found on the binary page as the
connected runs of the ink's horizontal (vertical) strokes, each fitted by least squares, give the top-most and
bottom-most, left-most and right-most rule. Their four crossings are the corners of a rectangle of the printed
page; :func:`keystone` maps them back onto a rectangle (the perspective transform of the four points) when one
of them is off by at least :data:`MIN_SHIFT` mm and none by more than :data:`MAX_SHIFT` of the page (a mild
slant: a page held crooked in front of the camera is read as it is), and when the transform squares the page's
other long rules too (:data:`SQUARED` of them left leaning under :data:`STRAIGHT` degrees, and less in all than
before): four lines that were no table's rules leave the table's rules leaning, and the page is read as it is.
A page without two rules each way (text only) is left as it is.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Grey = NDArray[np.uint8]

MIN_ACROSS = 0.3  # a horizontal rule at least this share of the page's width
MIN_DOWN = 0.12  # a vertical rule at least this share of the page's height
MAX_LEAN = 4.0  # degrees a rule may lean (after the deskew) and count
MIN_SHIFT = 0.5  # mm: a corner off by less than this is no perspective (the deskew's rounding, a rule's width)
MAX_SHIFT = 0.05  # of the page's width or height: a corner off by more is no mild slant (left as it is)
STRAIGHT = 0.3  # degrees: a rule the transform squares leans less than this off its axis after it
SQUARED = 0.8  # share of the page's long rules the transform must square (a stray line or two aside)
LEANING = 80  # the vertical rules' opening is this share of the page's shorter side (1/80: 31 px at 300 dpi)
EDGE = 0.01  # of the page: rules this near the image's border are the photo's page edge, not a table's

Line = tuple[float, float, float, float]  # x0, y0, x1, y1


def rules(binary: Grey) -> tuple[list[Line], list[Line]]:
    """The page's long horizontal and vertical rules, each fitted to its ink: the ink's horizontal (vertical)
    strokes kept by an opening, each stroke's connected run that spans :data:`MIN_ACROSS` of the page's width
    (:data:`MIN_DOWN` of its height) and leans at most :data:`MAX_LEAN`, the least-squares line through its
    pixels."""
    import cv2

    h, w = binary.shape
    found: list[list[Line]] = []
    for across in (True, False):
        # the vertical rules' kernel is half as long: the deskew levels the horizontal rules, so a photo's slant
        # is left in the verticals, and a rule 4 px wide leaning 3.8° (synth_475) drifts its width in 62 px
        stroke = max(20, min(h, w) // (40 if across else LEANING))
        kernel = (stroke, 1) if across else (1, stroke)
        strokes = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(np.asarray(strokes, np.uint8), connectivity=8)
        out: list[Line] = []
        for i in range(1, count):
            x, y, bw, bh = (int(v) for v in stats[i, :4])
            length, thick = (bw, bh) if across else (bh, bw)
            if length < (MIN_ACROSS * w if across else MIN_DOWN * h):
                continue
            if thick > length * np.tan(np.radians(MAX_LEAN)) + stroke:
                continue
            if (y < EDGE * h or y + bh > (1 - EDGE) * h) if across else (x < EDGE * w or x + bw > (1 - EDGE) * w):
                continue
            ys, xs = np.nonzero(labels[y : y + bh, x : x + bw] == i)
            along, off = (xs + x, ys + y) if across else (ys + y, xs + x)
            slope, offset = np.polyfit(along.astype(np.float64), off.astype(np.float64), 1)
            a, b = float(along.min()), float(along.max())
            ya, yb = float(slope * a + offset), float(slope * b + offset)
            out.append((a, ya, b, yb) if across else (ya, a, yb, b))
        found.append(out)
    return found[0], found[1]


def _cross(a: Line, b: Line) -> tuple[float, float] | None:
    x1, y1, x2, y2 = a
    x3, y3, x4, y4 = b
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(d) < 1e-9:
        return None
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
    return x1 + t * (x2 - x1), y1 + t * (y2 - y1)


def _at(line: Line, coordinate: float, horizontal: bool) -> float:
    """A horizontal line's y at x = ``coordinate``, or a vertical line's x at y = ``coordinate``."""
    x0, y0, x1, y1 = line
    if horizontal:
        return y0 + (y1 - y0) * (coordinate - x0) / ((x1 - x0) or 1e-9)
    return x0 + (x1 - x0) * (coordinate - y0) / ((y1 - y0) or 1e-9)


def keystone(binary: Grey, dpi: float) -> tuple[NDArray[np.float64], float] | None:
    """The perspective transform (3×3) that makes the page's outermost rules a rectangle again, and the most
    a corner moves (pixels); None when the page has no such rules or they already are one."""
    import cv2

    h, w = binary.shape
    across, down = rules(binary)
    if len(across) < 2 or len(down) < 2:
        return None
    top = min(across, key=lambda s: _at(s, w / 2, True))
    bottom = max(across, key=lambda s: _at(s, w / 2, True))
    left = min(down, key=lambda s: _at(s, h / 2, False))
    right = max(down, key=lambda s: _at(s, h / 2, False))
    if _at(bottom, w / 2, True) - _at(top, w / 2, True) < MIN_DOWN * h:
        return None
    if _at(right, h / 2, False) - _at(left, h / 2, False) < MIN_ACROSS * w:
        return None
    corners = [_cross(top, left), _cross(top, right), _cross(bottom, right), _cross(bottom, left)]
    if any(c is None for c in corners):
        return None
    quad = np.array(corners, dtype=np.float64)
    x0 = (quad[0, 0] + quad[3, 0]) / 2
    x1 = (quad[1, 0] + quad[2, 0]) / 2
    y0 = (quad[0, 1] + quad[1, 1]) / 2
    y1 = (quad[2, 1] + quad[3, 1]) / 2
    target = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=np.float64)
    shift = float(np.abs(quad - target).max())
    if shift < MIN_SHIFT * dpi / 25.4 or shift > MAX_SHIFT * min(h, w):
        return None
    matrix = np.asarray(cv2.getPerspectiveTransform(quad.astype(np.float32), target.astype(np.float32)), np.float64)
    # the transform was drawn from four lines: it is taken only when it squares the page's other rules too (four
    # lines that were no table's rules, a page edge or a shadow's, would leave the table's rules leaning)
    before = [abs(_lean(r, True)) for r in across] + [abs(_lean(r, False)) for r in down]
    after = [abs(_lean(_mapped(r, matrix), True)) for r in across] + [
        abs(_lean(_mapped(r, matrix), False)) for r in down
    ]
    if sum(a <= STRAIGHT for a in after) < SQUARED * len(after) or sum(after) >= sum(before):
        return None
    return matrix, shift


def _lean(line: Line, across: bool) -> float:
    """Degrees a horizontal (``across``) or vertical rule leans off its axis."""
    x0, y0, x1, y1 = line
    return float(np.degrees(np.arctan2(y1 - y0, x1 - x0) if across else np.arctan2(x1 - x0, y1 - y0)))


def _mapped(line: Line, matrix: NDArray[np.float64]) -> Line:
    x0, y0, x1, y1 = line
    ends = np.array([[x0, y0, 1.0], [x1, y1, 1.0]]) @ matrix.T
    ends = ends[:, :2] / ends[:, 2:3]
    return float(ends[0, 0]), float(ends[0, 1]), float(ends[1, 0]), float(ends[1, 1])


def warp(grey: Grey, matrix: NDArray[np.float64], fill: int = 255) -> Grey:
    import cv2

    h, w = grey.shape
    out = cv2.warpPerspective(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)
    return np.asarray(out, dtype=np.uint8)

"""Cleaning a page image before OCR: grey, deskewed, denoised, and a binary copy for finding ruling lines.

Scans arrive turned by a degree or two, speckled, blurred and JPEG-compressed. The steps:

- **grey**: colour carries nothing in these reports;
- **flatten**: a page lit unevenly (photographed, or curled on the glass: its paper darker at one side) is
  divided by its paper's brightness, so that one threshold fits the whole page;
- **deskew**: the angle (within ±15°: a sheet lying crooked) that makes the ink's row and column profiles
  sharpest (text lines and table rules then fall on pixel rows and columns), searched coarsely then finely on
  reduced copies and applied to the full page (a page lying a quarter or half turn off is found after its
  first reading: :mod:`parsers.ocr.orient`);
- **keystone**: a page photographed at a slant (its table rules straight but not parallel) is mapped back so
  that its outermost rules make a rectangle (:mod:`parsers.ocr.perspective`), then thresholded anew;
- **denoise**: a median filter removes salt-and-pepper speckle without thinning strokes;
- **binarise**: Otsu's threshold on the denoised page; the binary copy finds the tables' ruling lines, while the
  OCR engine reads the grey page (its own binarisation copes better with blur);
- **lone specks**: once the tables' rules are known, specks of toner or noise too large for the despeckle (a
  decimal point is no larger) are lifted where they lie apart from any text (:func:`without_lone_specks`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from parsers.ocr.perspective import keystone, warp

Grey = NDArray[np.uint8]

MAX_SKEW = 15.0  # degrees: the widest skew searched (a sheet lying crooked on the glass)
REPORTED_SKEW = 5.0  # degrees: a page straightened by more than this is reported on its own (page_turned)


@dataclass
class Prepared:
    grey: Grey  # deskewed, denoised, binarised: black ink on white, what the engine reads
    binary: Grey  # 255 where there is ink
    angle: float  # degrees the page was turned back by
    keystone: float = 0.0  # pixels a corner of the page's rules moved, photographed at a slant (perspective.py)


def to_grey(image: NDArray[np.uint8]) -> Grey:
    import cv2

    if image.ndim == 3:
        if image.shape[2] == 4:
            return np.asarray(cv2.cvtColor(image, cv2.COLOR_RGBA2GRAY), dtype=np.uint8)
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    return image


def binarise(grey: Grey) -> Grey:
    import cv2

    _, out = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return np.asarray(out, dtype=np.uint8)


def _reduced(binary: Grey, longest: int) -> Grey:
    import cv2

    h, w = binary.shape
    scale = min(1.0, longest / max(h, w))
    size = (max(1, int(w * scale)), max(1, int(h * scale)))
    return np.asarray(cv2.resize(binary, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _sharpness(small: Grey, angle: float) -> tuple[float, float]:
    """How sharp the ink's row and column profiles are with the page turned by ``angle`` degrees."""
    import cv2

    sh, sw = small.shape
    m = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    turned = cv2.warpAffine(small, m, (sw, sh), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = turned.sum(axis=1, dtype=np.float64)
    cols = turned.sum(axis=0, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum()), float(np.square(np.diff(cols)).sum())


def skew_angle(binary: Grey) -> float:
    """The page's skew in degrees (positive: turned counter-clockwise), to a tenth of a degree, within
    ±:data:`MAX_SKEW`.

    Turning the page by the right angle makes the ink's profiles sharpest (text lines and rules fall on pixel
    rows, the vertical rules on pixel columns): the angle is searched coarsely (0.5°) on a copy reduced to
    500 pixels, then finely (0.1°) around the best on a copy of 1000 pixels. Both profiles count, so that a
    page lying a quarter turn off (its lines running down the page) is straightened as well.
    """
    fine_copy = _reduced(binary, 1000)
    if int(np.count_nonzero(fine_copy)) < 50:
        return 0.0
    coarse_copy = _reduced(fine_copy, 500)
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=lambda a: sum(_sharpness(coarse_copy, a)))
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=lambda a: sum(_sharpness(fine_copy, a)))
    return round(float(fine), 1)


def rotate(image: Grey, angle: float, fill: int) -> Grey:
    import cv2

    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)
    return np.asarray(out, dtype=np.uint8)


# levels (0–255) by which the paper's brightness may vary over a page before the page is flattened: a photographed
# or curled page lit from one side reads dark at that side, and one threshold makes its paper ink there
UNEVEN = 24


def flatten(grey: Grey) -> Grey | None:
    """The page divided by its paper's brightness, where that varies by more than :data:`UNEVEN` levels over
    the page (None when the lighting is even: the page is read as it is). The paper's brightness: the page
    reduced to 1/8, its ink closed over (the brightest pixel of a 9×9 neighbourhood, wider than a character's
    strokes there), smoothed, and scaled back."""
    import cv2

    h, w = grey.shape
    small = np.asarray(cv2.resize(grey, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA), np.uint8)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
    paper = cv2.medianBlur(np.asarray(paper, np.uint8), 9)
    low, high = np.percentile(paper, [2, 98])
    if high - low <= UNEVEN:
        return None
    full = np.asarray(cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR), dtype=np.float32)
    return np.asarray(np.clip(grey.astype(np.float32) / np.maximum(full, 1.0) * 255.0, 0, 255), dtype=np.uint8)


def prepare(image: NDArray[np.uint8], dpi: float = 300) -> Prepared:
    """Deskewed, denoised page: the binary page as an image for the engine, and the ink mask."""
    import cv2

    grey = to_grey(image)
    flat = flatten(grey)
    if flat is not None:
        grey = flat
    angle = skew_angle(binarise(grey))
    if abs(angle) >= 0.1:
        grey = rotate(grey, angle, 255)
    # thresholding a lightly smoothed page: sensor noise averages out, a thin rule stays one dark line
    smooth = np.asarray(cv2.GaussianBlur(grey, (3, 3), 0), dtype=np.uint8)
    binary = despeckle(binarise(smooth), max(2, round((dpi / 100) ** 2 * 1.3)))
    slant = keystone(binary, dpi)
    moved = 0.0
    if slant is not None:  # photographed at a slant: the rules made parallel again, the page thresholded anew
        matrix, moved = slant
        grey = warp(grey, matrix)
        smooth = np.asarray(cv2.GaussianBlur(grey, (3, 3), 0), dtype=np.uint8)
        binary = despeckle(binarise(smooth), max(2, round((dpi / 100) ** 2 * 1.3)))
    clean = np.where(binary > 0, 0, 255).astype(np.uint8)
    return Prepared(clean, binary, angle, moved)


def despeckle(binary: Grey, max_area: int = 4) -> Grey:
    """The binary page without specks of ink of at most ``max_area`` pixels (scanner noise)."""
    import cv2

    _, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= max_area
    small[0] = False
    if not small.any():
        return binary
    out = binary.copy()
    out[small[labels]] = 0
    return out


# a lone speck: at most this many pixels at 100 dpi (scaled by the square of the dpi: a decimal point or a full stop
# is 4–5 at 100 dpi, and a photocopy's or a fax's toner specks as large), no side over SPECK_SIDE of a character,
# and nothing of the page's text beside it on its line (SPECK_REACH of a character to the left or right, SPECK_RISE
# above or below)
SPECK_AREA = 6.0
SPECK_SIDE = 0.4
SPECK_REACH = 0.5
SPECK_RISE = 0.15


def without_lone_specks(page: Prepared, rules: Grey, unit: int, dpi: float) -> Prepared:
    """The page without its lone specks: small blobs (a decimal point's size, no dash: a mark twice as wide as tall
    stays) with no other ink beside them on a line of text (within :data:`SPECK_REACH` of a character to the left
    or right, :data:`SPECK_RISE` above or below) but the tables' rules (``rules``) and other specks. A decimal
    point, a full stop or a colon's dot sits beside the characters of its line; toner specks and a fax's noise
    lie anywhere, between the lines too, and a page strewn with them reads as garbage lines (the engine takes
    the specks for text, and a whole page's headings are lost with them)."""
    import cv2

    ink = np.where(rules > 0, 0, page.binary).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return page
    w, h, area = (stats[:, i] for i in (cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT, cv2.CC_STAT_AREA))
    side = SPECK_SIDE * unit
    small = (area <= SPECK_AREA * (dpi / 100) ** 2) & (w <= side) & (h <= side) & (w < 2 * h)
    small[0] = False
    if not small.any():
        return page
    text = ((labels > 0) & ~small[labels]).astype(np.uint8)
    reach, rise = max(2, round(SPECK_REACH * unit)), max(1, round(SPECK_RISE * unit))
    near = cv2.dilate(text, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 2 * rise + 1)))
    touched = np.bincount(labels[near > 0].ravel(), minlength=count) > 0
    lone = small & ~touched
    if not lone.any():
        return page
    gone = lone[labels]
    binary = page.binary.copy()
    binary[gone] = 0
    grey = page.grey.copy()
    grey[gone] = 255
    return Prepared(grey, binary, page.angle, page.keystone)

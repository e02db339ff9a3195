"""Rules drawn dotted: a tinted rule a fax sampled into clusters of short dashes, with paper between the clusters.

No dash reaches the kernels' length (half a character, ``grid.rule_masks``), so the rule is lost before the grid
looks for it, and the cells on both sides of it merge (synth_499's page 3 found no table at all). Here the
page's thin pieces of ink, each no thicker than :data:`THIN` of a character, longer along the rule than across and
at most two characters long, are put in rows: pieces within 3 pixels of the row's line across, at most :data:`GAP`
characters of paper apart. A row is a dotted rule when it is at least :data:`LONG` characters long, holds at least
:data:`DOTS` pieces that ink at least :data:`COVER` of its length, at least half of them in clusters (at most a
quarter character of paper to the next: a stroke in each cell of a column, the 1s of a column of digits, is not),
and has paper beside it: ink in the band beside it (from 2 pixels off its edge to a quarter character beyond) along
under :data:`BESIDE` of its length on each side (a line of text's strokes have the characters above them). The row
is drawn as one straight rule, from its first piece to its last, into the rule mask; what the grid then requires of
any rule (it runs from rule to rule) still decides whether it is one.
"""

from __future__ import annotations

import itertools

import numpy as np
from numpy.typing import NDArray

Mask = NDArray[np.uint8]

THIN = 0.25  # of a character: a dash of a dotted rule is no thicker (a stroke of bold text is)
GAP = 5.0  # characters of paper between two pieces of one dotted rule at most (a fax's clusters lie 2.5-4.6 apart)
LONG = 2.5  # characters: a dotted rule is at least this long (longer than a character's stroke)
DOTS = 6  # pieces in a dotted rule at least
COVER = 0.2  # share of its length the pieces ink at least
BESIDE = 0.5  # share of its length with ink in the band beside it, on each side, under this (tuning: 0.34 at most on
# the dotted rules of synth_499 and synth_491, 0.93 on the line of bold text of synth_460 its strokes' bottoms made)


def dotted_rules(binary: Mask, unit: int) -> tuple[Mask, Mask]:
    """The dotted rules of a binary page, horizontal and vertical, as masks."""
    import cv2

    count, _labels, stats, centroids = cv2.connectedComponentsWithStats((binary > 0).astype(np.uint8), connectivity=8)
    ink = binary > 0
    boxes, centres = np.asarray(stats[1:count], dtype=np.int32), np.asarray(centroids[1:count], dtype=np.float64)
    h, v = (_draw(_rows(boxes, centres, ink, unit, along), binary.shape, along) for along in (0, 1))
    return h, v


Row = tuple[float, float, int, int, int]  # position across at the start and at the end, start, end, thickness


def _rows(
    stats: NDArray[np.int32], centroids: NDArray[np.float64], ink: NDArray[np.bool_], unit: int, along: int
) -> list[Row]:
    """The rows of thin pieces that may be dotted rules (all but the ends met: :func:`dotted_rules`)."""
    thin = max(3, THIN * unit)
    close = max(3, unit // 4)
    pieces: list[tuple[float, int, int, int]] = []  # position across, start and end along, thickness
    for (x, y, w, h, _area), centre in zip(stats.tolist(), centroids.tolist(), strict=True):
        length, thick = (w, h) if along == 0 else (h, w)
        if thick > thin or length < thick or length > 2 * unit:
            continue
        lo = x if along == 0 else y
        pieces.append((float(centre[1] if along == 0 else centre[0]), lo, lo + length - 1, thick))
    runs: list[list[tuple[float, int, int, int]]] = []
    for piece in sorted(pieces, key=lambda p: p[1]):
        ends = [r for r in runs if abs(r[-1][0] - piece[0]) <= 3 and piece[1] - max(p[2] for p in r) <= GAP * unit]
        if ends:
            min(ends, key=lambda r: abs(r[-1][0] - piece[0])).append(piece)
        else:
            runs.append([piece])
    out: list[Row] = []
    for run in runs:
        lo, hi = run[0][1], max(p[2] for p in run)
        if len(run) < DOTS or hi - lo < LONG * unit:
            continue
        covered = np.zeros(hi - lo + 1, dtype=bool)
        for _, a, b, _ in run:
            covered[a - lo : b - lo + 1] = True
        if float(covered.mean()) < COVER:
            continue
        gaps = [b[1] - a[2] for a, b in itertools.pairwise(sorted(run, key=lambda p: p[1]))]
        if sum(g <= close for g in gaps) * 2 < len(gaps):
            continue  # a stroke in each cell of a column (the 1s of a column of digits), not clusters of dashes
        pos = sum(p[0] for p in run) / len(run)
        thick = max(p[3] for p in run)
        if _inked_beside(ink, pos, lo, hi, thick, unit, along):
            continue
        out.append((run[0][0], run[-1][0], lo, hi, thick))
    return out


def _draw(rows: list[Row], shape: tuple[int, ...], along: int) -> Mask:
    import cv2

    out = np.zeros(shape[:2], dtype=np.uint8)
    for a, b, lo, hi, thick in rows:
        start, end = ((lo, round(a)), (hi, round(b))) if along == 0 else ((round(a), lo), (round(b), hi))
        cv2.line(out, start, end, 255, thickness=max(2, thick))
    return out


def _inked_beside(ink: NDArray[np.bool_], pos: float, lo: int, hi: int, thick: int, unit: int, along: int) -> bool:
    """Ink in the band beside the row (2 pixels off its edge to a quarter character beyond) along at least
    :data:`BESIDE` of its length, on either side (the strokes of a line of text have the characters above them)."""
    size = ink.shape[along]
    reach = max(3, unit // 4)
    for sign in (-1, 1):
        a = round(pos + sign * (thick / 2 + 2))
        b = round(pos + sign * (thick / 2 + 2 + reach))
        a, b = max(0, min(a, b)), min(size, max(a, b))
        band = ink[a:b, lo : hi + 1] if along == 0 else ink[lo : hi + 1, a:b].T
        if band.size and float(band.any(axis=0).mean()) >= BESIDE:
            return True
    return False

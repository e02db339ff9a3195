"""Tables from the ruling lines drawn in a page image.

The binary page is opened with long thin kernels: what survives a horizontal kernel is a horizontal rule, a
vertical kernel a vertical one. Rules that touch form a table. Within a table the rules' positions, clustered,
give the grid lines; a grid unit's border is drawn when most of its pixels along that border are ink, so that
a rule broken by noise or a faded scan still separates two cells. Units with no border between them are one
(merged) cell, as in the published template's rowspans and colspans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Mask = NDArray[np.uint8]

BORDER_INK = 0.5  # share of a border's length that must be ink for the border to be drawn


@dataclass
class Cell:
    row: int  # first grid row
    col: int  # first grid column
    rows: int  # rows covered
    cols: int  # columns covered
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels (inside the rules)


@dataclass
class Table:
    box: tuple[int, int, int, int]
    xs: list[int]  # grid line positions
    ys: list[int]
    cells: list[Cell] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def cell_at(self, x: float, y: float) -> Cell | None:
        c = _interval(self.xs, x)
        r = _interval(self.ys, y)
        if c is None or r is None:
            return None
        for cell in self.cells:
            if cell.row <= r < cell.row + cell.rows and cell.col <= c < cell.col + cell.cols:
                return cell
        return None


def _interval(lines: list[int], v: float) -> int | None:
    for i in range(len(lines) - 1):
        if lines[i] <= v < lines[i + 1]:
            return i
    return None


def rule_masks(binary: Mask, unit: int) -> tuple[Mask, Mask]:
    """Horizontal and vertical rules of a binary page (``unit``: a typical character height in pixels)."""
    import cv2

    length = max(10, round(unit * 1.5))  # longer than a character's strokes
    h = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    v = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    # bridge small breaks (noise, a faded scan) and a rule's one-pixel wobble after deskewing
    h = cv2.dilate(h, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    v = cv2.dilate(v, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return np.asarray(h, dtype=np.uint8), np.asarray(v, dtype=np.uint8)


def _cluster(values: list[tuple[float, float]], gap: float) -> list[int]:
    """Weighted centres of runs of positions closer than ``gap``."""
    out: list[int] = []
    run: list[tuple[float, float]] = []
    for v in sorted(values):
        if run and v[0] - run[-1][0] > gap:
            out.append(round(sum(p * w for p, w in run) / sum(w for _, w in run)))
            run = []
        run.append(v)
    if run:
        out.append(round(sum(p * w for p, w in run) / sum(w for _, w in run)))
    return out


def find_tables(binary: Mask, unit: int) -> tuple[list[Table], Mask]:
    """The ruled tables of a page, and the mask of all their rules (to keep rules out of OCR)."""
    import cv2

    hmask, vmask = rule_masks(binary, unit)
    rules = cv2.bitwise_or(hmask, vmask)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    tables: list[Table] = []
    for i in range(1, n):
        x, y, w, h, _area = (int(s) for s in stats[i])
        if w < unit * 4 or h < unit * 2:
            continue
        region = labels[y : y + h, x : x + w] == i
        table = _grid(hmask[y : y + h, x : x + w] * region, vmask[y : y + h, x : x + w] * region, unit, x, y)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: t.box[1])
    return tables, np.asarray(rules, dtype=np.uint8)


def _segments(mask: NDArray[np.uint8], axis: int) -> list[tuple[float, float]]:
    """(position, length) of each rule segment in a mask: axis 0 for horizontal rules (position = y)."""
    import cv2

    n, _, stats, centroids = cv2.connectedComponentsWithStats((mask > 0).astype(np.uint8), connectivity=8)
    out = []
    for i in range(1, n):
        length = stats[i][cv2.CC_STAT_WIDTH] if axis == 0 else stats[i][cv2.CC_STAT_HEIGHT]
        out.append((float(centroids[i][1] if axis == 0 else centroids[i][0]), float(length)))
    return out


def _grid(hmask: NDArray[np.uint8], vmask: NDArray[np.uint8], unit: int, ox: int, oy: int) -> Table | None:
    gap = max(4.0, unit / 3)
    ys = _cluster(_segments(hmask, 0), gap)
    xs = _cluster(_segments(vmask, 1), gap)
    if len(ys) < 2 or len(xs) < 2:
        return None
    h, w = hmask.shape
    nr, nc = len(ys) - 1, len(xs) - 1
    band = max(2, unit // 6)

    def ink(mask: NDArray[np.uint8], y0: int, y1: int, x0: int, x1: int, along: int) -> bool:
        part = mask[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)]
        if part.size == 0:
            return False
        covered = (part > 0).any(axis=along)  # along 0: per column; along 1: per row
        return float(covered.mean()) >= BORDER_INK

    # right[r][c]: a border between unit (r, c) and (r, c+1); below[r][c]: between (r, c) and (r+1, c)
    right = [
        [ink(vmask, ys[r] + band, ys[r + 1] - band, xs[c + 1] - band, xs[c + 1] + band + 1, 1) for c in range(nc - 1)]
        for r in range(nr)
    ]
    below = [
        [ink(hmask, ys[r + 1] - band, ys[r + 1] + band + 1, xs[c] + band, xs[c + 1] - band, 0) for c in range(nc)]
        for r in range(nr - 1)
    ]
    parent = list(range(nr * nc))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for r in range(nr):
        for c in range(nc):
            if c < nc - 1 and not right[r][c]:
                parent[find(r * nc + c)] = find(r * nc + c + 1)
            if r < nr - 1 and not below[r][c]:
                parent[find(r * nc + c)] = find((r + 1) * nc + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(find(r * nc + c), []).append((r, c))
    table = Table((ox + xs[0], oy + ys[0], ox + xs[-1], oy + ys[-1]), [ox + x for x in xs], [oy + y for y in ys])
    for units in groups.values():
        r0 = min(r for r, _ in units)
        r1 = max(r for r, _ in units)
        c0 = min(c for _, c in units)
        c1 = max(c for _, c in units)
        box = (ox + xs[c0], oy + ys[r0], ox + xs[c1 + 1], oy + ys[r1 + 1])
        table.cells.append(Cell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    table.cells.sort(key=lambda c: (c.row, c.col))
    return table

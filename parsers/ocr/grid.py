"""Tables from the ruling lines drawn in a page image.

The binary page is opened with long thin kernels: what survives a horizontal kernel is a horizontal rule, a
vertical kernel a vertical one. Rules that touch form a table. Within a table the rules' positions, clustered,
give the grid lines; a grid unit's border is drawn when most of its pixels along that border are ink, so that
a rule broken by noise or a faded scan still separates two cells. Units with no border between them are one
(merged) cell, as in the published template's rowspans and colspans.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from parsers.ocr.dotted import dotted_rules
from parsers.ocr.grid_ends import CLOSING_RULES, CUT_LENGTH, _closing, _lost_across, _open_ends, _Segment

Mask = NDArray[np.uint8]

BORDER_INK = 0.5  # share of a border's length that must be ink for the border to be drawn
NARROWEST = 0.5  # no column is narrower than this share of the spacing (a double border's two rules are)


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
    h, v, _, _ = _rules_and_joins(binary, unit)
    return h, v


def _rules_and_joins(binary: Mask, unit: int) -> tuple[Mask, Mask, Mask, Mask]:
    """:func:`rule_masks`, and the paper between the pieces of each rule kept (:func:`_without_text`)."""
    import cv2

    length = max(10, round(unit * 0.75))  # shorter than a one-line row is tall; strokes of text pass too (see _grid)

    def rules(kernel: tuple[int, int], along: int) -> Mask:
        # pieces of rule at least half a character long, joined across gaps (a rule broken by noise or a faded
        # scan), then kept where a character long. The pieces are found first, so that a stroke of text is
        # never bridged to the rule it stops short of (text can only join text, and is dropped below unless
        # it runs from rule to rule).
        def kern(n: int) -> Mask:
            return np.asarray(cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1) if along == 0 else (1, n)))

        out = cv2.morphologyEx(binary, cv2.MORPH_OPEN, kern(max(5, unit // 2)))
        out = cv2.morphologyEx(out, cv2.MORPH_CLOSE, kern(max(3, unit // 4)))
        out = cv2.morphologyEx(out, cv2.MORPH_OPEN, kern(length))
        return np.asarray(cv2.dilate(out, cv2.getStructuringElement(cv2.MORPH_RECT, kernel)), dtype=np.uint8)

    h = rules((1, 3), 0)  # the dilation: a rule's one-pixel wobble after deskewing
    v = rules((3, 1), 1)
    hd, vd = dotted_rules(binary, unit)
    if not (hd.any() or vd.any()):
        hm, vm, _, _ = _without_text(h, v, binary, unit)
        return hm, vm, np.zeros_like(hm), np.zeros_like(vm)
    # a page whose rules came dotted (a fax's tint): its whole rules come broken too, and are joined across their gaps
    return _without_text(np.maximum(h, hd), np.maximum(v, vd), binary, unit)


# a photocopy's toner (strokes thickened, characters touching) at a low resolution lets the strokes of text pass the
# rule kernels: a line of bold characters becomes a thick band of "rule", the long strokes of characters short rules
# that anchor each other, and they make tables of running text, rows and columns inside a table's cells (the text
# there split, or whitened away as a rule's ink before the engine reads it)
TEXT_THICK = 0.4  # of the character height: a rule's mean thickness above this is a band of text
TEXT_FLANK = 0.6  # share of a rule's length with ink close beside it on both sides: a stroke among strokes
SURE = 2.5  # characters: a rule at least this long is no stroke of a character (nor two lines' strokes in a row)
FLANKED = 5.0  # characters: a rule under this long with ink beside it on both sides is strokes of text


# a thin rule a fax sampled at half the vertical resolution, a degree or so off level, comes as dashes: pieces of
# equal length (80 px at 300 dpi for synth_477's), paper between them (60 px), each a pixel off the last. No piece
# reaches the rules across it, the pieces are dropped as strokes of text, and the rows on both sides merge. Only the
# horizontal rules are joined so: a fax keeps the vertical resolution (synth_489, toner: a column of strokes in
# a column of digits made a column of the table when the vertical pieces were joined too).
DASH = 1.2  # characters: a dash is at least this long (a character's longest stroke, 一, is under one)
DASH_GAP = 1.5  # characters: at most this much paper between two dashes
DASH_THIN = 0.25  # of a character: a dash is no thicker (a stroke of bold text thickened by toner is)
DASH_GAP_SHARE = 0.75  # of the shorter dash: the paper between long dashes (the period grows with the dashes)
DASH_GAP_MOST = 2.5  # characters: never more paper than this between two dashes
LOST_ENDS = 2  # dashed rules at least that stop short of the same rule across together: a band the fax lost
DASHES = 3  # dashes in a row at least: one gap of paper between two long rules is a merged cell's, not a fax's


@dataclass(eq=False)
class _Piece:
    pos: float  # y of a horizontal rule, x of a vertical one
    lo: int
    hi: int
    thick: int
    ids: list[int]
    bridges: list[tuple[int, float, int, float]] = field(default_factory=list)  # dashes' gaps: lo, pos, hi, pos
    joins: list[tuple[int, float, int, float]] = field(default_factory=list)  # other gaps between its pieces


def _pieces(mask: Mask, unit: int, along: int) -> tuple[NDArray[np.int32], list[_Piece]]:
    """The mask's connected pieces of rule, collinear ones (gaps up to 0.8 of a character) joined; a band of
    text (mean thickness over :data:`TEXT_THICK` of a character) left out."""
    import cv2

    count, labels, stats, centroids = cv2.connectedComponentsWithStats((mask > 0).astype(np.uint8), connectivity=8)
    found: list[_Piece] = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        length, thick = (w, h) if along == 0 else (h, w)
        if area > TEXT_THICK * unit * length:
            continue
        lo = x if along == 0 else y
        found.append(_Piece(float(centroids[i][1] if along == 0 else centroids[i][0]), lo, lo + length - 1, thick, [i]))
    out: list[_Piece] = []
    for piece in sorted(found, key=lambda p: p.lo):  # along the rule: each piece joins the chain it continues
        chains = [c for c in out if abs(c.pos - piece.pos) <= max(3, piece.thick / 2) and piece.lo - c.hi <= unit * 0.8]
        if not chains:
            out.append(piece)
            continue
        chain = min(chains, key=lambda c: abs(c.pos - piece.pos))
        if piece.lo > chain.hi + 1:
            chain.joins.append((chain.hi, chain.pos, piece.lo, piece.pos))
        chain.pos = (chain.pos + piece.pos) / 2
        chain.hi, chain.thick, chain.ids = max(chain.hi, piece.hi), max(chain.thick, piece.thick), chain.ids + piece.ids
    # a fax halves the vertical resolution only: its thin rules break into dashes across, never down
    return np.asarray(labels, dtype=np.int32), _dashes_joined(out, unit) if along == 0 else out


def _dashes_joined(pieces: list[_Piece], unit: int) -> list[_Piece]:
    """Runs of at least :data:`DASHES` dashes (pieces at least :data:`DASH` characters long and at most
    :data:`DASH_THIN` thick, each within 3 pixels of the last across, at most :data:`DASH_GAP` characters of paper
    apart) joined into one rule, the gaps noted as bridges (drawn into the rule's mask)."""

    def dash(p: _Piece) -> bool:
        return p.hi - p.lo >= DASH * unit and p.thick <= max(3, DASH_THIN * unit)

    runs: list[list[_Piece]] = []
    for piece in sorted((p for p in pieces if dash(p)), key=lambda p: p.lo):
        ends = [
            run
            for run in runs
            if abs(run[-1].pos - piece.pos) <= 3 and 0 < piece.lo - run[-1].hi <= _dash_gap(run[-1], piece, unit)
        ]
        if ends:
            min(ends, key=lambda run: abs(run[-1].pos - piece.pos)).append(piece)
        else:
            runs.append([piece])
    out = [p for p in pieces if not dash(p)]
    for run in runs:
        if len(run) < DASHES:
            out.extend(run)
            continue
        bridges = [(a.hi, a.pos, b.lo, b.pos) for a, b in itertools.pairwise(run)]
        out.append(
            _Piece(
                sum(p.pos for p in run) / len(run), run[0].lo, run[-1].hi, max(p.thick for p in run),
                [i for p in run for i in p.ids], [b for p in run for b in p.bridges] + bridges,
                [j for p in run for j in p.joins],
            )
        )  # fmt: skip
    return out


def _dash_gap(a: _Piece, b: _Piece, unit: int) -> float:
    """The paper allowed between two dashes: :data:`DASH_GAP` characters, or :data:`DASH_GAP_SHARE` of the shorter
    dash when both are long (a fax's dashes and gaps both grow as the rule lies nearer level: synth_4160's 146 px
    dashes, 82 px gaps), at most :data:`DASH_GAP_MOST` characters."""
    shorter = min(a.hi - a.lo, b.hi - b.lo)
    return max(DASH_GAP * unit, min(DASH_GAP_SHARE * shorter, DASH_GAP_MOST * unit))


def _flanked(piece: _Piece, ink: NDArray[np.bool_], unit: int, along: int) -> bool:
    """Ink close beside the piece (a band from 2 pixels off its edge to a quarter character beyond) along
    :data:`TEXT_FLANK` of its length, on both sides."""
    size = ink.shape[along]
    reach = max(3, unit // 4)
    for sign in (-1, 1):
        a = round(piece.pos + sign * (piece.thick / 2 + 2))
        b = round(piece.pos + sign * (piece.thick / 2 + 2 + reach))
        a, b = max(0, min(a, b)), min(size, max(a, b))
        band = ink[a:b, piece.lo : piece.hi + 1] if along == 0 else ink[piece.lo : piece.hi + 1, a:b].T
        if band.size == 0 or float(band.any(axis=0).mean()) < TEXT_FLANK:
            return False
    return True


def _meets(piece: _Piece, across: list[_Piece], unit: int) -> int:
    """How many of the rules across the piece it reaches (within a quarter character of its ends, a third for a
    long piece: the end of a rule lost to noise) or runs through."""
    reach = max(3, unit // 3 if piece.hi - piece.lo >= SURE * unit else unit // 4)
    return sum(
        1
        for c in across
        if piece.lo - c.thick / 2 - reach <= c.pos <= piece.hi + c.thick / 2 + reach
        and c.lo - reach - piece.thick / 2 <= piece.pos <= c.hi + reach + piece.thick / 2
    )


def _without_text(hmask: Mask, vmask: Mask, binary: Mask, unit: int) -> tuple[Mask, Mask, Mask, Mask]:
    """The rule masks without the strokes of text (toner, a low resolution): a band of text (:func:`_pieces`); a
    piece under :data:`FLANKED` characters long with ink beside it on both sides (a rule has paper beside it, save
    where text touches it on one side; a character's stroke has the character's other strokes, or the line's next
    character, on both); and a piece that does not reach two sure rules across it: a table's rule runs from rule to
    rule, a stroke of a character stops short of them by the cell's padding, or meets only other strokes. A sure
    rule is at least :data:`SURE` characters long (longer than a character's stroke) and reaches two such rules
    across it (a line of digits' flat bottoms, joined by the toner, reaches the one rule it starts at), or is at
    least :data:`FLANKED` characters long with paper beside it (a table of one row, cut by a page break: its
    rules across are a row short). The third and fourth masks: the paper between the pieces of each rule kept (its
    gaps; horizontal, vertical), which holds the table's parts together (:func:`find_tables`) and is no ink."""
    ink = binary > 0
    found: list[tuple[NDArray[np.int32], list[_Piece]]] = []
    for along, mask in ((0, hmask), (1, vmask)):
        labels, pieces = _pieces(mask, unit, along)
        pieces = [p for p in pieces if p.hi - p.lo >= FLANKED * unit or not _flanked(p, ink, unit, along)]
        found.append((labels, pieces))
    long_ = [[p for p in pieces if p.hi - p.lo >= SURE * unit] for _, pieces in found]
    _dash_ends(found[0][1], long_[1], unit)
    sure = [
        [
            p
            for p in long_[a]
            if _meets(p, long_[1 - a], unit) >= 2 or (p.hi - p.lo >= FLANKED * unit and not _flanked(p, ink, unit, a))
        ]
        for a in (0, 1)
    ]
    sure[1] += [p for p in _cut_columns(found[1][1], sure[0], ink, unit) if p not in sure[1]]
    out: list[Mask] = []
    joins = [np.zeros(binary.shape, dtype=np.uint8) for _ in found]
    for along, (labels, pieces) in enumerate(found):
        kept = set(sure[along])
        chosen = [p for p in pieces if p in kept or _meets(p, sure[1 - along], unit) >= 2]
        mask = np.where(np.isin(labels, [i for p in chosen for i in p.ids]), 255, 0).astype(np.uint8)
        for p in chosen:
            _bridge(mask, p.bridges, p.thick, along)
            _bridge(joins[along], p.joins, p.thick, along)
        out.append(mask)
    return out[0], out[1], joins[0], joins[1]


def _dash_ends(pieces: list[_Piece], across: list[_Piece], unit: int) -> None:
    """Fax's dashed rules (:func:`_dashes_joined`) that stop short of a long rule across them by no more paper than
    between their dashes and a character (the last dash fell in a gap, or was cut shorter than the rule kernel keeps),
    carried on to that rule (the paper noted as a bridge), so that they close the cells at the table's ends: where
    :data:`LOST_ENDS` rules at least stop so together (their ends within a third of a character, carried to the same
    rule: a band of the page the fax lost down the table; synth_4160's table 四, five rules 85-112 px short of its
    outer rules, their gaps 80-85 px). One rule alone that stops short so ends at a rule across (a rule branching off
    another inside the table, ├), as tables draw."""
    meets = max(3, unit // 3)
    found: list[tuple[_Piece, int, int, int]] = []  # the piece, its end (0 lo, 1 hi), where it ends, the rule it meets
    for piece in pieces:
        if not piece.bridges:
            continue
        reach = max(hi - lo for lo, _, hi, _ in piece.bridges) + unit  # a last piece shorter than a rule's kernel
        near = [c for c in across if c.lo - reach <= piece.pos <= c.hi + reach]
        before = [round(c.pos) for c in near if piece.lo - reach <= c.pos < piece.lo - 1]
        after = [round(c.pos) for c in near if piece.hi + 1 < c.pos <= piece.hi + reach]
        if before:
            found.append((piece, 0, piece.lo, max(before)))
        if after:
            found.append((piece, 1, piece.hi, min(after)))
    for piece, side, end, to in found:
        if sum(1 for _, s, e, t in found if s == side and t == to and abs(e - end) <= meets) < LOST_ENDS:
            continue
        if side == 0:
            piece.bridges.append((to, piece.pos, piece.lo, piece.pos))
            piece.lo = to
        else:
            piece.bridges.append((piece.hi, piece.pos, to, piece.pos))
            piece.hi = to


def _cut_columns(verticals: list[_Piece], sure: list[_Piece], ink: NDArray[np.bool_], unit: int) -> list[_Piece]:
    """The column rules of a row that a page break cut from its table: at least :data:`CLOSING_RULES` vertical pieces
    :data:`CUT_LENGTH` characters long or more, paper beside them (not :func:`_flanked`), each with one end at the
    same sure rule across (within a quarter character) and their other ends together (within a third of a
    character): the cut. A rule runs from rule to rule, and such a row has one rule across; strokes of text glued
    to a rule by toner are a character long at most, and do not end together at a row's height."""
    reach = max(3, unit // 4)
    out: list[_Piece] = []
    for rule in sure:
        for end in (0, 1):  # the rule at the pieces' upper end (0: the cut below it) or at their lower end (1)
            at = [
                p
                for p in verticals
                if p.hi - p.lo >= CUT_LENGTH * unit
                and rule.lo - reach <= p.pos <= rule.hi + reach
                and abs((p.lo if end == 0 else p.hi) - rule.pos) <= reach + rule.thick / 2
            ]
            if len(at) < CLOSING_RULES:
                continue
            ends = [p.hi if end == 0 else p.lo for p in at]
            edge = float(np.median(ends))
            cut = [p for p, e in zip(at, ends, strict=True) if abs(e - edge) <= max(4, unit / 3)]
            cut = [p for p in cut if not _flanked(p, ink, unit, 1)]
            if len(cut) >= CLOSING_RULES:
                out += [p for p in cut if p not in out]
    return out


def _bridge(mask: Mask, gaps: list[tuple[int, float, int, float]], thick: int, along: int) -> None:
    """The paper between a rule's pieces (a dashed rule's dashes) drawn into ``mask`` (a straight line from piece
    to piece)."""
    import cv2

    half = max(1, thick // 2)
    for lo, a, hi, b in gaps:
        start, end = ((lo, round(a)), (hi, round(b))) if along == 0 else ((round(a), lo), (round(b), hi))
        cv2.line(mask, start, end, 255, thickness=2 * half)


Span = tuple[float, float] | None  # the extent of a rule that runs through a rule across it (else None)


def _cluster(
    values: list[tuple[float, float, Span]], gap: float, spacing: float, reach: dict[int, int] | None = None
) -> list[int]:
    """Weighted centres of runs of positions (with the length of rule there, and its extent where it runs through
    a rule across it) closer than ``gap``; of two centres closer than ``spacing`` (no line of text fits between
    them) the one with less rule behind it goes: a stroke of text, not a rule. Unless both run through a rule
    across them, over twice ``spacing`` (two rows) at least: no stroke of text crosses a rule, nor is it that long.
    Two rules that close are the borders of a narrow column (a column of lone digits is narrower than a character
    is tall), or the rules of two parts of the table laid out apart (the grid's units merge where a part draws no
    border); two closer than :data:`NARROWEST` of ``spacing`` are a double border, or the rules of two parts of the
    table laid out apart, one a few pixels beside the other (synth_427's 第二十条第（五）项 beside the （一）项): the
    line kept, ``reach`` notes how far from it the other lay (its border looked for that far)."""
    out: list[tuple[int, float, list[tuple[float, float]]]] = []  # centre, rule behind it, extents through
    run: list[tuple[float, float, Span]] = []
    for v in [*sorted(values, key=lambda v: v[0]), (float("inf"), 0.0, None)]:
        if run and v[0] - run[-1][0] > gap:
            weight = sum(w for _, w, _ in run)
            out.append((round(sum(p * w for p, w, _ in run) / weight), weight, [e for _, _, e in run if e]))
            run = []
        run.append(v)

    def rule(extents: list[tuple[float, float]]) -> bool:
        return any(hi - lo >= 2 * spacing for lo, hi in extents)

    while len(out) > 1:
        close = [
            i
            for i in range(len(out) - 1)
            if out[i + 1][0] - out[i][0] < spacing
            and (out[i + 1][0] - out[i][0] < NARROWEST * spacing or not (rule(out[i][2]) and rule(out[i + 1][2])))
        ]
        if not close:
            break
        i = close[0]
        gone, kept = (i, i + 1) if out[i][1] < out[i + 1][1] else (i + 1, i)
        if reach is not None and out[i + 1][0] - out[i][0] < NARROWEST * spacing:
            reach[out[kept][0]] = max(
                reach.get(out[kept][0], 0), abs(out[gone][0] - out[kept][0]), reach.pop(out[gone][0], 0)
            )
        del out[gone]
    return [p for p, _, _ in out]


def _through(segment: _Segment, across: list[_Segment], tol: float) -> Span:
    """The segment's extent when it runs through a rule across it (the rule met inside its length, not at its
    ends), else None."""
    crosses = any(
        segment.lo + 2 * tol + c.thick < c.pos < segment.hi - 2 * tol - c.thick
        and c.lo - tol <= segment.pos <= c.hi + tol
        for c in across
    )
    return (segment.lo, segment.hi) if crosses else None


def find_tables(binary: Mask, unit: int) -> tuple[list[Table], Mask]:
    """The ruled tables of a page, and the mask of their rules (to keep the rules out of OCR; a long stroke of
    text outside a table is not in it)."""
    import cv2

    hmask, vmask, hjoins, vjoins = _rules_and_joins(binary, unit)
    rules = cv2.bitwise_or(hmask, vmask)
    # the parts of a table are those its rules join, across the gaps in a rule (noise, a fax's tint, a dotted rule);
    # the gaps count as rule for the grid, and are no rule's ink in the mask returned (the engine's page)
    hmask, vmask = np.maximum(hmask, hjoins), np.maximum(vmask, vjoins)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_or(hmask, vmask), connectivity=8)
    tables: list[Table] = []
    kept = np.zeros(rules.shape, dtype=np.uint8)
    for i in range(1, n):
        x, y, w, h, _area = (int(s) for s in stats[i])
        if w < unit * 4 or h < unit * 0.8:  # a table of one row is as tall as a line of text and its padding
            continue
        region = labels[y : y + h, x : x + w] == i
        hm, vm = hmask[y : y + h, x : x + w] * region, vmask[y : y + h, x : x + w] * region
        table = _grid(hm, vm, unit, x, y, binary[y : y + h, x : x + w] > 0)
        if table is not None:
            tables.append(table)
            inked = rules[y : y + h, x : x + w] > 0  # the region, less the strokes of text cut off, less the gaps
            kept[y : y + h, x : x + w][((hm > 0) | (vm > 0)) & inked] = 255
    tables.sort(key=lambda t: t.box[1])
    return tables, kept


def _segments(mask: NDArray[np.uint8], axis: int) -> list[_Segment]:
    """The rule segments of a mask: axis 0 for horizontal rules (position = y, extent along x)."""
    import cv2

    n, _, stats, centroids = cv2.connectedComponentsWithStats((mask > 0).astype(np.uint8), connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if axis == 0:
            out.append(_Segment(float(centroids[i][1]), x, x + w - 1, h))
        else:
            out.append(_Segment(float(centroids[i][0]), y, y + h - 1, w))
    return out


def _joined(segments: list[_Segment], gap: float) -> list[_Segment]:
    """Collinear pieces of one rule, broken by noise (gaps up to ``gap``), as one segment."""
    out: list[_Segment] = []
    for sg in sorted(segments, key=lambda sg: (round(sg.pos / 3), sg.lo)):
        last = out[-1] if out else None
        if last is not None and abs(last.pos - sg.pos) <= 3 and sg.lo - last.hi <= gap:
            out[-1] = _Segment((last.pos + sg.pos) / 2, last.lo, max(last.hi, sg.hi), max(last.thick, sg.thick))
        else:
            out.append(sg)
    return out


def _anchored(segment: _Segment, across: list[_Segment], tol: float, unit: int) -> bool:
    """Does the segment reach two rules across it (it runs from rule to rule, or through them)? A stroke of
    text stops short of the rules by the cell's padding, and touches at most the one rule it is written
    against. A long segment (no stroke of text is) may stop a third of a character short of a rule: the end
    of a rule lost to noise."""
    reach = tol if segment.hi - segment.lo < 2.5 * unit else max(tol, unit / 3)
    side = tol + segment.thick / 2
    met = 0
    for c in across:
        if segment.lo - c.thick / 2 - reach <= c.pos <= segment.hi + c.thick / 2 + reach and (
            c.lo - side <= segment.pos <= c.hi + side
        ):
            met += 1
            if met == 2:
                return True
    return False


# a rule's end past the last rule across it, inside the table (short of the next rule), with ink beside it on both
# sides along this share of its length: strokes of text glued to the rule by toner (行's stroke on a column's rule)
DANGLE_FLANK = 0.4


def _dangling(
    segments: list[_Segment],
    across: list[_Segment],
    mask: NDArray[np.uint8],
    ink: NDArray[np.bool_],
    tol: float,
    unit: int,
    axis: int,
) -> None:
    """Cut off ``mask``'s ends of rule that are strokes of text: a rule runs from rule to rule, so where a segment
    runs on past the last rule it crosses, into a row (a column) of the table it does not cross, and that end has
    ink close beside it on both sides along :data:`DANGLE_FLANK` of its length, the end is a character's stroke the
    toner glued to the rule (a bold header's 行 on a column's rule: its cell split in two). An end with paper
    beside it (a rule broken by noise) stays; an end past the table's outermost rules is a page break's
    (:func:`_open_ends`)."""
    reach = max(3, unit // 4)
    size = mask.shape[axis]  # along the position: x for a vertical rule (axis 1), y for a horizontal one
    for sg in segments:
        met = sorted(
            c.pos
            for c in across
            if c.lo - tol - sg.thick / 2 <= sg.pos <= c.hi + tol + sg.thick / 2
            and sg.lo - tol - c.thick / 2 <= c.pos <= sg.hi + tol + c.thick / 2
        )
        if not met:
            continue
        for a, b, beyond in ((sg.lo, met[0] - tol - 1, -1), (met[-1] + tol + 1, sg.hi, 1)):
            lo, hi = round(a), round(b)
            if hi - lo < 2 * tol:
                continue
            end = lo if beyond < 0 else hi
            inside = any(
                (c.pos < end if beyond < 0 else c.pos > end) and c.lo - tol <= sg.pos <= c.hi + tol for c in across
            )
            if not inside:
                continue
            sides = []
            for sign in (-1, 1):
                p0 = round(sg.pos + sign * (sg.thick / 2 + 2))
                p1 = round(sg.pos + sign * (sg.thick / 2 + 2 + reach))
                p0, p1 = max(0, min(p0, p1)), min(size, max(p0, p1))
                band = ink[lo : hi + 1, p0:p1] if axis == 1 else ink[p0:p1, lo : hi + 1].T
                sides.append(float(band.any(axis=1).mean()) if band.size else 0.0)
            if min(sides) < DANGLE_FLANK:
                continue
            t0, t1 = max(0, round(sg.pos - sg.thick / 2 - 2)), round(sg.pos + sg.thick / 2 + 3)
            if axis == 1:
                mask[lo : hi + 1, t0:t1] = 0
            else:
                mask[t0:t1, lo : hi + 1] = 0


def _grid(
    hmask: NDArray[np.uint8],
    vmask: NDArray[np.uint8],
    unit: int,
    ox: int,
    oy: int,
    inked: NDArray[np.bool_] | None = None,
) -> Table | None:
    gap = max(4.0, unit / 3)
    tol = 3.0  # a rule's end meets the rule across it (a stroke of text stops short by the cell's padding)
    hs, vs = _joined(_segments(hmask, 0), unit * 0.8), _joined(_segments(vmask, 1), unit * 0.8)
    hs_ok = [sg for sg in hs if _anchored(sg, vs, tol, unit)]
    vs_ok = [sg for sg in vs if _anchored(sg, hs, tol, unit)]
    if len(hs_ok) == 1 and not vs_ok and (closed := _closing(hs_ok[0], vs, tol, unit, gap)) is not None:
        hs, hs_ok = [*hs, closed], [*hs_ok, closed]  # a table the scan kept one rule across of: its columns end it
        vs_ok = [sg for sg in vs if _anchored(sg, hs, tol, unit)]
    if lost := _lost_across(hs_ok, vs, vs_ok, tol, unit, gap):  # a rule lost inside the table: columns end at it
        hs, hs_ok = [*hs, *lost], [*hs_ok, *lost]
        vs_ok = [sg for sg in vs if _anchored(sg, hs, tol, unit)]
        for sg in lost:  # drawn for the borders below (the rule's ink is not in the rules returned: no ink whitened)
            y0 = max(0, round(sg.pos - sg.thick / 2))
            hmask[y0 : round(sg.pos + sg.thick / 2) + 1, max(0, round(sg.lo)) : round(sg.hi) + 1] = 255
    if inked is not None:  # strokes of text glued to the rules cut off (the masks are the caller's, changed in place)
        _dangling(vs_ok, hs_ok, vmask, inked, tol, unit, 1)
        _dangling(hs_ok, vs_ok, hmask, inked, tol, unit, 0)
    y_reach: dict[int, int] = {}
    x_reach: dict[int, int] = {}
    ys = _cluster([(sg.pos, sg.hi - sg.lo, None) for sg in hs_ok], gap, 0.8 * unit, y_reach)
    xs = _cluster([(sg.pos, sg.hi - sg.lo, _through(sg, hs_ok, tol)) for sg in vs_ok], gap, 1.2 * unit, x_reach)
    if len(ys) < 2 or len(xs) < 2 or len(ys) + len(xs) < 5:
        return None  # a frame around some text is no table
    if (len(ys) - 1) * (len(xs) - 1) < 4 and xs[-1] - xs[0] < 8 * unit:
        return None  # two or three small boxes: the strokes of large characters (a title, 国 口), not a table
    ys = _open_ends(ys, vs_ok, unit, gap, len(xs))  # only a table already (a title's strokes never become one)
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
    # a border looked for within the band around its line, wider where a rule of another part lay beside the line
    xb = [band + x_reach.get(x, 0) for x in xs]
    yb = [band + y_reach.get(y, 0) for y in ys]
    right = [
        [
            ink(vmask, ys[r] + yb[r], ys[r + 1] - yb[r + 1], xs[c + 1] - xb[c + 1], xs[c + 1] + xb[c + 1] + 1, 1)
            for c in range(nc - 1)
        ]
        for r in range(nr)
    ]
    below = [
        [
            ink(hmask, ys[r + 1] - yb[r + 1], ys[r + 1] + yb[r + 1] + 1, xs[c] + xb[c], xs[c + 1] - xb[c + 1], 0)
            for c in range(nc)
        ]
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

    def beside(mask: NDArray[np.uint8], lo: int, hi: int, at: int, reach: int, along: int) -> int | None:
        """Where a border whose line has a rule of another part beside it (``reach``) is drawn between ``lo`` and
        ``hi``: the middle of its ink across the band (None where the line has no such rule, or no ink)."""
        if not reach:
            return None
        reach += band
        lo, hi = lo + band, hi - band
        part = mask[lo:hi, at - reach : at + reach + 1] if along == 1 else mask[at - reach : at + reach + 1, lo:hi]
        inked = np.flatnonzero((part > 0).mean(axis=0 if along == 1 else 1) >= BORDER_INK)
        return None if inked.size == 0 else at - reach + round(float(np.median(inked)))

    def edge(found: list[int | None], line: int) -> int:
        drawn = sorted(v for v in found if v is not None)
        return drawn[len(drawn) // 2] if drawn else line

    for units in groups.values():
        r0 = min(r for r, _ in units)
        r1 = max(r for r, _ in units)
        c0 = min(c for _, c in units)
        c1 = max(c for _, c in units)
        # a cell's side where a part's own rule lies beside the grid line (two parts laid out apart): at that rule,
        # so that a value printed against it is inside the cell
        rows, cols = range(r0, r1 + 1), range(c0, c1 + 1)
        left = [beside(vmask, ys[r], ys[r + 1], xs[c0], x_reach.get(xs[c0], 0), 1) for r in rows] if c0 else []
        right_ = [beside(vmask, ys[r], ys[r + 1], xs[c1 + 1], x_reach.get(xs[c1 + 1], 0), 1) for r in rows]
        top = [beside(hmask, xs[c], xs[c + 1], ys[r0], y_reach.get(ys[r0], 0), 0) for c in cols] if r0 else []
        bottom = [beside(hmask, xs[c], xs[c + 1], ys[r1 + 1], y_reach.get(ys[r1 + 1], 0), 0) for c in cols]
        box = (
            ox + edge(left, xs[c0]),
            oy + edge(top, ys[r0]),
            ox + edge(right_ if c1 < nc - 1 else [], xs[c1 + 1]),
            oy + edge(bottom if r1 < nr - 1 else [], ys[r1 + 1]),
        )
        table.cells.append(Cell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    table.cells.sort(key=lambda c: (c.row, c.col))
    return table

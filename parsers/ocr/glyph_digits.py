"""Numbers of several digits one of which prints a disputed glyph: in doubt, as the lone digits of that glyph are.

The page's lone digits are compared glyph with glyph (:mod:`parsers.ocr.glyphs`): where a glyph of the face reads
as several digits, none winning (a dotted or slashed zero thickened by a photocopy's toner, read 0, 4, 6, 8, 9 or
nothing), its cells are a disputed set and the tables' identities choose its reading. The same glyph printed inside
a number of two or more digits (the 0 of 50, of 90, of 10) is read by the same engine in the same ways, but no set
holds it: synth_1901 (noise and toner) read 50 as 58 and 56, 90 as 98; synth_1908 10 as 18, each a wrong number
nobody was told to check.

:func:`number_parts` cuts each cell read as a number of two or more digits into its digits' blobs of ink (the
components at least :data:`PART_HEIGHT` of the tallest: a point, a comma or a speck left out), each as a glyph
(:func:`parsers.ocr.glyphs.glyph_vector`); :func:`glyph_doubtful` finds the numbers one of whose digits is alike
(:data:`parsers.ocr.glyphs.LIKENESS`, a box of the same shape) to at least :data:`parsers.ocr.glyphs.MIN_VOTES`
cells of a disputed set: such a number is doubtful (a :class:`~parsers.extracted.DoubtfulCell` naming the set's
readings), and :func:`parsers.ocr.doubtful.blank_doubtful` leaves it blank where every identity that checks it
fails (``ocr_glyph_doubtful``), once the corrections are made. A number whose identity holds is kept as read.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from parsers.extracted import DoubtfulCell
from parsers.ocr.engine import NUMBER_TEXT, CellKey, Ink
from parsers.ocr.glyphs import LIKENESS, MIN_VOTES, SHAPE_TOLERANCE, Disputed, Glyph, glyph_vector
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

PART_HEIGHT = 0.6  # a digit's blob is at least this share of the number's tallest blob (a point or comma is less)


class Part(NamedTuple):
    """One digit's blob of a number read in a table cell."""

    key: CellKey
    text: str  # the number as the engine read it
    vector: np.ndarray  # the blob scaled to GLYPH_SIZE, centred and normalised (as glyphs.Glyph.vector)
    shape: tuple[float, float]  # log height, log width/height
    digit: str  # the digit read at the blob's place ("" where the blobs are not one a digit)


def number_parts(grey: Grey, ink: Ink) -> list[Part]:
    """The digits' blobs of each cell the engine read as a number of two or more digits (``grey``: the prepared
    page, black ink on white)."""
    import cv2

    out: list[Part] = []
    h, w = grey.shape
    for key, lines in ink.cells.items():
        words = [word for line in lines for word in line]
        text = "".join(word.text for word in words)
        if not words or not NUMBER_TEXT.match(text) or sum(c.isdigit() for c in text) < 2:
            continue
        x0 = max(0, min(word.box[0] for word in words))
        y0 = max(0, min(word.box[1] for word in words))
        x1 = min(w, max(word.box[2] for word in words))
        y1 = min(h, max(word.box[3] for word in words))
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        mask = (grey[y0:y1, x0:x1] < 128).astype(np.uint8)
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        if n <= 2:
            continue
        tallest = int(stats[1:, cv2.CC_STAT_HEIGHT].max())
        blobs = sorted((tuple(int(stats[i, k]) for k in range(4)) for i in range(1, n)), key=lambda b: b[0])
        blobs = [b for b in blobs if b[3] >= PART_HEIGHT * tallest]
        digits = [c for c in text if c.isdigit()]
        placed = len(blobs) == len(digits)  # one blob a digit: each blob's digit is known
        for i, (left, top, width, height) in enumerate(blobs):
            box = (x0 + left, y0 + top, x0 + left + width, y0 + top + height)
            vector = glyph_vector(grey, box)
            if vector is not None:
                shape = (float(np.log(max(1, height))), float(np.log(max(1, width) / max(1, height))))
                out.append(Part(key, text, vector, shape, digits[i] if placed else ""))
    return out


def glyph_doubtful(
    parts: dict[int, list[Part]],
    glyphs: dict[int, list[Glyph]],
    sets: list[tuple[tuple[int, ...], Disputed]],
    tables: dict[int, list[Table]],
    scales: dict[int, float],
) -> dict[int, list[DoubtfulCell]]:
    """Per page, the numbers (``parts``) one of whose digits prints the glyph of a disputed set (``sets``, each cell
    with its page; ``glyphs``: the pages' lone-digit glyphs), as doubtful cells naming the set's readings, the
    digits read at the glyph's places and one cell of the set (its reading, once chosen, is the set's)."""
    if not sets:
        return {}
    where = {(n, g.key): g for n, page in glyphs.items() for g in page}
    out: dict[int, list[DoubtfulCell]] = {}
    for numbers, disputed in sets:
        members = [where[(n, k)] for n, k in zip(numbers, disputed.cells, strict=True) if (n, k) in where]
        if len(members) < MIN_VOTES:
            continue
        vectors = np.stack([g.vector for g in members])
        shapes = np.array([g.shape for g in members])
        said = "/".join(disputed.readings)
        first = next((n, k) for n, k in zip(numbers, disputed.cells, strict=True) if (n, k) in where)
        spot = (first[0], _page_box(tables[first[0]], first[1], scales[first[0]]))
        found: dict[tuple[int, CellKey], list[str]] = {}  # the number's cell → the digits read at the glyph's places
        for n, page in parts.items():
            for part in page:
                alike = (
                    (vectors @ part.vector >= LIKENESS)
                    & (np.abs(shapes[:, 0] - part.shape[0]) <= SHAPE_TOLERANCE)
                    & (np.abs(shapes[:, 1] - part.shape[1]) <= SHAPE_TOLERANCE)
                )
                if int(alike.sum()) >= MIN_VOTES:
                    found.setdefault((n, part.key), []).append(part.digit)
        for (n, key), digits in found.items():
            box = _page_box(tables[n], key, scales[n])
            if box is None or any(d.box == box for d in out.get(n, [])):
                continue
            text = next(p.text for p in parts[n] if p.key == key)
            read = "" if "" in digits else "".join(digits)  # a place unknown: doubtful whatever the set's reading
            out.setdefault(n, []).append(DoubtfulCell(n, box, text, 0.0, said, read, spot))
    return out


def voted_doubtful(
    parts: dict[int, list[Part]],
    glyphs: dict[int, list[Glyph]],
    inks: dict[int, Ink],
    tables: dict[int, list[Table]],
    scales: dict[int, float],
    known: dict[int, list[DoubtfulCell]],
) -> dict[int, list[DoubtfulCell]]:
    """Per page, the numbers (``parts``) one of whose digits, read ``d``, is alike to at least
    :data:`parsers.ocr.glyphs.MIN_VOTES` lone digits the engine read ``d`` too and the vote read as another digit
    (``inks``: the pages once compared; a fax's zeros read 8, 6 or 4 in some cells, 0 in most): the same glyph, read
    as wrongly inside the number (synth_1937: 10 read 18 and 16, zeros read 4 in 14 0 4 0 4), and no set holds it.
    Such a number is doubtful as the disputed sets' are (a :class:`~parsers.extracted.DoubtfulCell` naming what the
    glyph was read and what the vote read it: ``8/0``), and left blank where every identity that checks it fails.
    Cells ``known`` doubtful already are left out."""
    where: dict[str, list[Glyph]] = {}  # "d/x" → the lone digits read d that the vote read x
    for n, lone in glyphs.items():
        cells = inks[n].cells
        for g in lone:
            if len(g.text) != 1 or not g.text.isdigit() or g.key not in cells:
                continue
            now = "".join(w.text for line in cells[g.key] for w in line)
            if len(now) == 1 and now.isdigit() and now != g.text:
                where.setdefault(f"{g.text}/{now}", []).append(g)
    out: dict[int, list[DoubtfulCell]] = {}
    for said, members in where.items():
        if len(members) < MIN_VOTES:
            continue
        vectors = np.stack([g.vector for g in members])
        shapes = np.array([g.shape for g in members])
        for n, page in parts.items():
            for part in page:
                if part.digit != said[0]:
                    continue
                alike = (
                    (vectors @ part.vector >= LIKENESS)
                    & (np.abs(shapes[:, 0] - part.shape[0]) <= SHAPE_TOLERANCE)
                    & (np.abs(shapes[:, 1] - part.shape[1]) <= SHAPE_TOLERANCE)
                )
                if int(alike.sum()) < MIN_VOTES:
                    continue
                box = _page_box(tables[n], part.key, scales[n])
                mine = [*known.get(n, []), *out.get(n, [])]
                if box is None or any(d.box == box for d in mine):
                    continue
                out.setdefault(n, []).append(DoubtfulCell(n, box, part.text, 0.0, said))
    return out


def _page_box(tables: list[Table], key: CellKey, scale: float) -> tuple[float, float, float, float] | None:
    """A cell's box as its span carries it (page units)."""
    for t, table in enumerate(tables):
        for c in table.cells:
            if (t, c.row, c.col) == key:
                x0, y0, x1, y1 = c.box
                return (round(x0 / scale, 1), round(y0 / scale, 1), round(x1 / scale, 1), round(y1 / scale, 1))
    return None

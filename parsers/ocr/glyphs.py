"""One glyph, one reading: a lone digit read unlike the same glyph printed elsewhere on the page is read as they are.

Some faces draw a digit the engine misreads over and over: WenQuanYi Zen Hei Mono's dotted zero is read 6, 8
or 4, one column one way, the next another (a column's glyphs share their sub-pixel phase, so the engine sees
the same pixels down the column), while the zeros of other columns read right. A table cell that holds one digit
is a glyph of the page's face at the page's size. Every lone digit of the page is compared with every other
(:func:`agree`): its ink scaled down to :data:`GLYPH_SIZE` (coarse, so that the phase washes out), the likeness
their normalised correlation; boxes of another height or shape are never compared. The same digit printed
twice scores 0.9–1.0; two different digits of one face stay under 0.7 in every face the synthetic scans print,
save the dotted zero against 6, 8 and 4 (0.9: what the engine sees too). Where the glyphs at least
:data:`LIKENESS` alike (the cell's own among them) are read as another digit by at least :data:`MIN_VOTES`, and
by at least twice as many as read the cell's own digit, the cell is read as they are.

Never silent: the page gets a note (warning ``ocr_glyphs``) counting each change (``6→0 ×12``), and the
identities still check the result (:mod:`parsers.ocr.correct`): a wrong vote fails them, and the report is
``review: required``.

Where the vote finds no winner (the dotted zero read 0, 6 and 4 in near-equal numbers: no reading twice the
next), the page's image cannot say which reading is right, but it does say that those cells print one glyph:
they are gathered in a :class:`Disputed` set (the glyphs alike, linked), with the readings at least two of them
got, and the tables' identities choose among those readings for the whole set at once
(:func:`parsers.ocr.correct.choose_glyphs`), or none, and the set's cells are left blank.

A cell that holds ink the engine read nothing in (a lone dotted zero, often) is compared too, its ink's box as
its glyph: read as its likes are where they agree (counted in the note as ``?→0``), a member of a disputed set
where they do not (its placeholder reading the set's most frequent, until the identities choose).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from parsers.ocr.engine import CELL_INSET, MIN_INK, Box, CellKey, Ink, Word, _ink_box
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

# width, height a glyph is scaled to before comparing: coarse, so that the sub-pixel phase of a column washes out
GLYPH_SIZE = (8, 12)
# normalised correlation of two crops of the same glyph (0.9–1.0 mostly; different digits of a face stay under 0.7)
LIKENESS = 0.85
MIN_VOTES = 3  # glyphs that must agree on another reading
SHAPE_TOLERANCE = 0.25  # |log| of the ratio of heights, and of width ratios, within which two boxes are compared
_DIGIT = re.compile(r"^\d$")
_NUMBER = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
MAX_MISREAD = 3  # characters a cell read as no number may hold and be a misread lone digit (四四7 for a 0)
# what a cell read as one character may print and be no misread digit: a blank's or a not-applicable mark
NOT_A_GLYPH = set("-—–―~/\\／、，,.．。·*×xX")


def _glyph(grey: Grey, box: tuple[int, int, int, int]) -> np.ndarray | None:
    import cv2

    x0, y0, x1, y1 = box
    crop = 255.0 - grey[max(0, y0) : y1, max(0, x0) : x1].astype(np.float32)
    if crop.shape[0] < 4 or crop.shape[1] < 2:
        return None
    v = np.asarray(cv2.resize(crop, GLYPH_SIZE, interpolation=cv2.INTER_AREA), dtype=np.float32).ravel()
    v = v - v.mean()
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None


@dataclass(frozen=True)
class Disputed:
    """Lone-digit cells of one page that print one glyph the engine read in several ways, no reading winning."""

    cells: tuple[CellKey, ...]
    readings: tuple[str, ...]  # the readings at least two of the cells got, most frequent first
    unread: tuple[CellKey, ...]  # the cells the engine read nothing in (their placeholder: ``readings[0]``)
    counts: tuple[tuple[str, int], ...]  # every reading of the set and how many cells got it ("" for unread)


def unread_cells(binary: Grey, rules: Grey, tables: list[Table], ink: Ink) -> dict[CellKey, Box]:
    """Table cells that hold ink (at least :data:`~parsers.ocr.engine.MIN_INK` pixels off the rules) the
    engine read nothing in, or read as a few characters that are no number (a lone 1 read 革, a 0 read 四四7),
    with the box of their ink (as the engine's number reader cuts it): the glyph is what the ink's box holds,
    specks left out."""
    mask = binary.copy()
    mask[rules > 0] = 0
    out: dict[CellKey, Box] = {}
    for t, table in enumerate(tables):
        for cell in table.cells:
            key = (t, cell.row, cell.col)
            text = "".join(w.text for line in ink.cells.get(key, []) for w in line)
            if text and (len(text) > MAX_MISREAD or text in NOT_A_GLYPH or _NUMBER.match(text)):
                continue
            x0, y0, x1, y1 = cell.box
            x0, y0, x1, y1 = x0 + CELL_INSET, y0 + CELL_INSET, x1 - CELL_INSET, y1 - CELL_INSET
            if x1 - x0 < 4 or y1 - y0 < 4 or int(np.count_nonzero(mask[y0:y1, x0:x1])) < MIN_INK:
                continue
            found = _ink_box(mask[y0:y1, x0:x1])
            if found is not None:
                out[key] = (x0 + found[0], y0 + found[1], x0 + found[2], y0 + found[3])
    return out


def agree(grey: Grey, ink: Ink, unread: dict[CellKey, Box] | None = None) -> tuple[Ink, str | None]:
    """The page's ink with its lone digits read as the same glyph reads elsewhere on the page, and a note
    naming the changes (None when there are none)."""
    agreed, note, _ = agree_sets(grey, ink, unread)
    return agreed, note


def agree_sets(
    grey: Grey, ink: Ink, unread: dict[CellKey, Box] | None = None
) -> tuple[Ink, str | None, list[Disputed]]:
    """:func:`agree`, and the page's disputed sets (their unread cells given the placeholder reading)."""
    keys: list[CellKey] = []
    texts: list[str] = []  # "" for a cell the engine read nothing in
    boxes: list[Box] = []
    vectors: list[np.ndarray] = []
    shapes: list[tuple[float, float]] = []
    glyphs = [(key, words[0].text, words[0].box) for key, words in _lone(ink)]
    glyphs += [(key, "", box) for key, box in sorted((unread or {}).items())]  # read as nothing, or no digit
    for key, text, box in glyphs:
        x0, y0, x1, y1 = box
        v = _glyph(grey, box)
        if v is None:
            continue
        keys.append(key)
        texts.append(text)
        boxes.append(box)
        vectors.append(v)
        shapes.append((np.log(max(1, y1 - y0)), np.log(max(1, x1 - x0) / max(1, y1 - y0))))
    if sum(1 for t in texts if t) <= MIN_VOTES:
        return ink, None, []
    likeness = np.stack(vectors) @ np.stack(vectors).T
    shape: np.ndarray = np.array(shapes)
    comparable = (np.abs(shape[:, None, 0] - shape[None, :, 0]) <= SHAPE_TOLERANCE) & (
        np.abs(shape[:, None, 1] - shape[None, :, 1]) <= SHAPE_TOLERANCE
    )
    alike = (likeness >= LIKENESS) & comparable
    changes: Counter[str] = Counter()
    cells = dict(ink.cells)
    votes = [Counter(texts[j] for j in np.flatnonzero(alike[i]) if texts[j]) for i in range(len(keys))]
    # no reading twice the next: the identities choose (correct.choose_glyphs); and so for a glyph alike to at
    # least MIN_VOTES such glyphs, whatever its own vote says (the likeness is not quite transitive: a vote
    # that a few of the set's glyphs win would read them otherwise than the rest)
    unsure = [
        len(v) > 1 and (r := v.most_common(2))[1][1] >= 2 and r[0][1] < 2 * r[1][1] and v.total() >= MIN_VOTES
        for v in votes
    ]
    near = alike[:, np.flatnonzero(unsure)].sum(axis=1) if any(unsure) else np.zeros(len(keys), dtype=int)
    disputed = [i for i in range(len(keys)) if unsure[i] or (votes[i] and near[i] >= MIN_VOTES)]
    for i, key in enumerate(keys):
        if not votes[i] or i in disputed:
            continue
        reading, count = votes[i].most_common(1)[0]
        if reading == texts[i] or count < MIN_VOTES or count < 2 * votes[i][texts[i]]:
            continue
        word = Word(reading, boxes[i], 0.0) if not texts[i] else next(w for line in cells[key] for w in line)
        cells[key] = [[Word(reading, word.box, word.conf)]]
        changes[f"{texts[i] or '?'}→{reading}"] += 1
    sets = _disputed_sets(disputed, alike, keys, texts)
    for d in sets:
        for key in d.unread:
            cells[key] = [[Word(d.readings[0], boxes[keys.index(key)], 0.0)]]
    notes = []
    if changes:
        said = ", ".join(f"{c} ×{n}" for c, n in sorted(changes.items()))
        notes.append(
            f"{sum(changes.values())} lone digit(s) read as the same glyph reads elsewhere on the page ({said}): "
            "the engine read them otherwise"
            + (
                " (?: read as nothing, or as characters that are no number)"
                if any(c.startswith("?") for c in changes)
                else ""
            )
        )
    for d in sets:
        said = ", ".join(f"{r or 'nothing'} ×{n}" for r, n in d.counts)
        notes.append(
            f"{len(d.cells)} lone digit(s) print one glyph the engine read in several ways ({said}): "
            f"the tables' identities choose among {', '.join(d.readings)}, or the cells are left blank"
        )
    if not changes and not sets:
        return ink, None, []
    return replace(ink, cells=cells), "; ".join(notes), sets


def _lone(ink: Ink) -> list[tuple[CellKey, list[Word]]]:
    out = []
    for key, lines in ink.cells.items():
        words = [w for line in lines for w in line]
        if len(words) == 1 and _DIGIT.match(words[0].text):
            out.append((key, words))
    return out


def _disputed_sets(disputed: list[int], alike: np.ndarray, keys: list[CellKey], texts: list[str]) -> list[Disputed]:
    """The disputed glyphs linked by likeness into sets; a set needs two readings of two cells each."""
    parent = {i: i for i in disputed}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a in disputed:
        for b in disputed:
            if a < b and alike[a, b]:
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in disputed:
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        counts = Counter(texts[i] for i in members)
        readings = tuple(r for r, n in counts.most_common() if r and n >= 2)
        if len(readings) < 2:
            continue
        out.append(
            Disputed(
                tuple(keys[i] for i in members),
                readings,
                tuple(keys[i] for i in members if not texts[i]),
                tuple(sorted(counts.items(), key=lambda rc: (-rc[1], rc[0]))),
            )
        )
    return out

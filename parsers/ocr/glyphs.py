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
got, and the tables' identities choose among those readings (and, where they do not decide, their lookalikes)
for the whole set at once (:func:`parsers.ocr.correct.choose_glyphs`), or cell by cell where a cell's own
identities decide, and the cells left undecided are left blank.

A cell that holds ink the engine read nothing in (a lone dotted zero, often) is compared too, its ink's box as
its glyph: read as its likes are where they agree (counted in the note as ``?→0``), a member of a disputed set
where they do not (its placeholder reading the set's most frequent, until the identities choose).

A glyph the engine read nothing in more often than anything, and as one digit in two cells at least (a zero
filled in by toner: a solid bar, read 6 now and then), is no evidence of any digit: it is a disputed set too,
whose readings are the digits read and the digits an engine confuses them with (``correct.lookalikes``: for a
6, 0, 5 and 8), and the identities choose among them, or the cells are left blank.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from parsers.ocr.correct import lookalikes
from parsers.ocr.engine import CELL_INSET, MIN_INK, NUMBER_TEXT, Box, CellKey, Ink, Word, ink_box
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey

# width, height a glyph is scaled to before comparing: coarse, so that the sub-pixel phase of a column washes out
GLYPH_SIZE = (8, 12)
# normalised correlation of two crops of the same glyph (0.9–1.0 mostly; different digits of a face stay under 0.7)
LIKENESS = 0.85
MIN_VOTES = 3  # glyphs that must agree on another reading
SHAPE_TOLERANCE = 0.25  # |log| of the ratio of heights, and of width ratios, within which two boxes are compared
_DIGIT = re.compile(r"^\d$")
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


def glyph_vector(grey: Grey, box: tuple[int, int, int, int]) -> np.ndarray | None:
    """The ink in ``box`` as the vote compares glyphs: scaled to :data:`GLYPH_SIZE`, centred and normalised (None
    for a box too small)."""
    return _glyph(grey, box)


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
            if text and (len(text) > MAX_MISREAD or text in NOT_A_GLYPH or NUMBER_TEXT.match(text)):
                continue
            x0, y0, x1, y1 = cell.box
            x0, y0, x1, y1 = x0 + CELL_INSET, y0 + CELL_INSET, x1 - CELL_INSET, y1 - CELL_INSET
            if x1 - x0 < 4 or y1 - y0 < 4 or int(np.count_nonzero(mask[y0:y1, x0:x1])) < MIN_INK:
                continue
            found = ink_box(mask[y0:y1, x0:x1])
            if found is not None:
                out[key] = (x0 + found[0], y0 + found[1], x0 + found[2], y0 + found[3])
    return out


def agree(grey: Grey, ink: Ink, unread: dict[CellKey, Box] | None = None) -> tuple[Ink, str | None]:
    """The page's ink with its lone digits read as the same glyph reads elsewhere on the page, and a note
    naming the changes (None when there are none)."""
    agreed, note, _ = agree_sets(grey, ink, unread)
    return agreed, note


class Glyph(NamedTuple):
    """A lone-digit cell's glyph as the vote compares it (computed where the page's image is)."""

    key: CellKey
    text: str  # the engine's reading, "" for a cell read as nothing (or as characters that are no number)
    box: Box
    vector: np.ndarray  # the ink scaled to GLYPH_SIZE, centred and normalised
    shape: tuple[float, float]  # log height, log width/height


def glyphs_of(grey: Grey, ink: Ink, unread: dict[CellKey, Box] | None = None) -> list[Glyph]:
    """The page's lone digits, and its cells read as nothing (``unread``), as glyphs to compare."""
    out = []
    found = [(key, words[0].text, words[0].box) for key, words in _lone(ink)]
    found += [(key, "", box) for key, box in sorted((unread or {}).items())]  # read as nothing, or no digit
    for key, text, box in found:
        x0, y0, x1, y1 = box
        v = _glyph(grey, box)
        if v is not None:
            out.append(Glyph(key, text, box, v, (np.log(max(1, y1 - y0)), np.log(max(1, x1 - x0) / max(1, y1 - y0)))))
    return out


@dataclass(frozen=True)
class Vote:
    """What the glyphs of one page, or of a whole document's pages, say: a reading for the cells whose likes
    agree on another (index into the glyphs → reading), and the disputed sets (indexes, readings, counts)."""

    changed: dict[int, str]
    sets: list[tuple[list[int], tuple[str, ...], tuple[tuple[str, int], ...]]]


def likes(glyphs: Sequence[Glyph]) -> np.ndarray:
    """Which glyphs are alike (a boolean matrix, each glyph alike to itself): their likeness (the correlation of
    their vectors) at least :data:`LIKENESS`, their heights and width ratios within :data:`SHAPE_TOLERANCE`
    (boxes of another height or shape are never compared)."""
    vectors = np.stack([g.vector for g in glyphs])
    shape: np.ndarray = np.array([g.shape for g in glyphs])
    comparable = (np.abs(shape[:, None, 0] - shape[None, :, 0]) <= SHAPE_TOLERANCE) & (
        np.abs(shape[:, None, 1] - shape[None, :, 1]) <= SHAPE_TOLERANCE
    )
    return np.asarray((vectors @ vectors.T >= LIKENESS) & comparable)


def linked(items: Sequence[int], pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """``items`` joined into sets by ``pairs`` (each pair links its two items, and so in turn: a union-find), the
    sets in the order of their first item in ``items``, each set's items in their order there."""
    parent = {i: i for i in items}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in items:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def vote(glyphs: list[Glyph]) -> Vote:
    """Every glyph compared with every other: read as its likes are where they agree, else disputed."""
    texts = [g.text for g in glyphs]
    if sum(1 for t in texts if t) <= MIN_VOTES:
        return Vote({}, [])
    alike = likes(glyphs)
    votes = [Counter(texts[j] for j in np.flatnonzero(alike[i]) if texts[j]) for i in range(len(glyphs))]
    # no reading twice the next: the identities choose (correct.choose_glyphs); and so for a glyph alike to at
    # least MIN_VOTES such glyphs, whatever its own vote says (the likeness is not quite transitive: a vote
    # that a few of the set's glyphs win would read them otherwise than the rest)
    # … and where the engine read most of a glyph's likes as nothing (a zero filled in by toner), the few that
    # read as a digit (two at least) are no evidence of what it prints either: the glyph is ambiguous, and its
    # readings and their lookalikes are the identities' to choose among (_disputed_sets)
    blanks = [sum(1 for j in np.flatnonzero(alike[i]) if not texts[j]) for i in range(len(glyphs))]
    unsure = [
        (len(v) > 1 and (r := v.most_common(2))[1][1] >= 2 and r[0][1] < 2 * r[1][1] and v.total() >= MIN_VOTES)
        or (v.total() >= 2 and blanks[i] >= 2 and blanks[i] > v.total())
        for i, v in enumerate(votes)
    ]
    # … and so, in turn, for a glyph alike to at least MIN_VOTES of the glyphs so joined (until none joins): a few
    # of the set's glyphs alike to one another more than to the unsure ones (synth_1901's slashed zeros under
    # toner, read 6 by most of their closest likes) were read as those likes, 0 and 4 and unread cells as 6
    inside = np.array(unsure, dtype=bool)
    while True:
        near = alike[:, inside].sum(axis=1) if inside.any() else np.zeros(len(glyphs), dtype=int)
        grown = inside | np.array([bool(votes[i]) and near[i] >= MIN_VOTES for i in range(len(glyphs))], dtype=bool)
        if (grown == inside).all():
            break
        inside = grown
    disputed = [i for i in range(len(glyphs)) if inside[i]]
    changed: dict[int, str] = {}
    for i in range(len(glyphs)):
        if not votes[i] or i in disputed:
            continue
        reading, count = votes[i].most_common(1)[0]
        if reading == texts[i] or count < MIN_VOTES or count < 2 * votes[i][texts[i]]:
            continue
        if not texts[i] and sum(1 for j in np.flatnonzero(alike[i]) if not texts[j]) > votes[i].total():
            # a glyph the engine read nothing in more often than anything (a zero filled in by toner): the few
            # readings it got are no evidence of what it prints, the cells stay unread (blank, never a guess)
            continue
        changed[i] = reading
    return Vote(changed, _disputed_sets(disputed, alike, texts))


def agree_sets(
    grey: Grey, ink: Ink, unread: dict[CellKey, Box] | None = None
) -> tuple[Ink, str | None, list[Disputed]]:
    """:func:`agree`, and the page's disputed sets (their unread cells given the placeholder reading)."""
    glyphs = glyphs_of(grey, ink, unread)
    inks, notes, sets = agree_pages({0: (ink, glyphs)})
    return inks[0], notes.get(0), [d for _, d in sets]


def agree_pages(
    pages: dict[int, tuple[Ink, list[Glyph]]],
) -> tuple[dict[int, Ink], dict[int, str], list[tuple[tuple[int, ...], Disputed]]]:
    """The glyphs of several pages of one document compared together (a report prints its tables in one face:
    a page whose zeros the engine reads 6 more often than 0 is read with the pages that read them 0), each
    page's ink with its changes, a note per page changed, and the disputed sets (with the page of each cell:
    a set may span pages)."""
    where = [(number, g) for number, (_, glyphs) in sorted(pages.items()) for g in glyphs]
    result = vote([g for _, g in where])
    inks = {number: ink for number, (ink, _) in pages.items()}
    cells = {number: dict(ink.cells) for number, ink in inks.items()}
    changes: dict[int, Counter[str]] = {}
    for i, reading in result.changed.items():
        number, g = where[i]
        word = Word(reading, g.box, 0.0) if not g.text else next(w for line in cells[number][g.key] for w in line)
        cells[number][g.key] = [[Word(reading, word.box, word.conf)]]
        changes.setdefault(number, Counter())[f"{g.text or '?'}→{reading}"] += 1
    out_sets: list[tuple[tuple[int, ...], Disputed]] = []
    set_notes: dict[int, list[str]] = {}
    several = len(pages) > 1
    for members, readings, counts in result.sets:
        for i in members:
            number, g = where[i]
            if not g.text:
                cells[number][g.key] = [[Word(readings[0], g.box, 0.0)]]
        numbers = tuple(where[i][0] for i in members)
        d = Disputed(
            tuple(where[i][1].key for i in members),
            readings,
            tuple(where[i][1].key for i in members if not where[i][1].text),
            counts,
        )
        out_sets.append((numbers, d))
        said = ", ".join(f"{r or 'nothing'} ×{n}" for r, n in counts)
        spread = sorted(set(numbers))
        on = f" on pages {', '.join(map(str, spread))}" if several and len(spread) > 1 else ""
        for number in spread:
            mine = sum(1 for n in numbers if n == number)
            set_notes.setdefault(number, []).append(
                f"{mine} lone digit(s) print one glyph the engine read in several ways"
                + (f" (of {len(members)}{on}: {said})" if on else f" ({said})")
                + f": the tables' identities choose among {', '.join(readings)}, or the cells are left blank"
            )
    notes: dict[int, str] = {}
    for number in sorted(set(changes) | set(set_notes)):
        parts = []
        if number in changes:
            c = changes[number]
            said = ", ".join(f"{k} ×{n}" for k, n in sorted(c.items()))
            parts.append(
                f"{sum(c.values())} lone digit(s) read as the same glyph reads elsewhere on the "
                f"{'pages' if several else 'page'} ({said}): the engine read them otherwise"
                + (
                    " (?: read as nothing, or as characters that are no number)"
                    if any(k.startswith("?") for k in c)
                    else ""
                )
            )
        parts += set_notes.get(number, [])
        notes[number] = "; ".join(parts)
    return {n: replace(inks[n], cells=cells[n]) if n in notes else inks[n] for n in inks}, notes, out_sets


def _lone(ink: Ink) -> list[tuple[CellKey, list[Word]]]:
    out = []
    for key, lines in ink.cells.items():
        words = [w for line in lines for w in line]
        if len(words) == 1 and _DIGIT.match(words[0].text):
            out.append((key, words))
    return out


def _disputed_sets(
    disputed: list[int], alike: np.ndarray, texts: list[str]
) -> list[tuple[list[int], tuple[str, ...], tuple[tuple[str, int], ...]]]:
    """The disputed glyphs linked by likeness into sets; a set needs two readings of two cells each."""
    out = []
    for members in linked(disputed, ((a, b) for a in disputed for b in disputed if a < b and alike[a, b])):
        counts = Counter(texts[i] for i in members)
        readings = tuple(r for r, n in counts.most_common() if r and n >= 2)
        if readings and counts[""] > counts.total() - counts[""]:
            # read as nothing more often than as anything: the digits read are guesses, their lookalikes as likely
            readings += tuple(d for r in readings for d in lookalikes(r) if d not in readings)
            readings = tuple(dict.fromkeys(readings))
        if len(readings) < 2:
            continue
        out.append((members, readings, tuple(sorted(counts.items(), key=lambda rc: (-rc[1], rc[0])))))
    return out

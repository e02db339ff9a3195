"""A glyph the engine read alike in every cell, yet as a digit the tables' identities refuse: contested, never silently.

The vote (:mod:`parsers.ocr.glyphs`) trusts a reading its glyphs agree on: where the engine read a glyph one way in
most cells, the few cells read otherwise are read as the rest. But the engine can read a glyph of the face wrong
in *every* cell: a zero thickened by a photocopy's toner on a page scanned at 150 dpi and turned by a degree is
read 6 throughout (synth_4144: 150 lone zeros of table 三 and 四 read 6, the vote unanimous, every row total of
table 三 failing as ``6 + 6 + … = 36 ≠ 6``). A unanimous misreading is no rarer than a split one where the ink is
damaged alike all over the page; only the identities can tell.

Here (:func:`agreed_sets`) the lone digits the vote left read one way (its disputed sets aside) are linked by
likeness, as the vote links them, into sets of at least :data:`AGREED_MIN` cells that print one glyph read one
digit. Once the tables are read (:func:`contest_agreed`), each set's identities are counted failing under its
reading and under each digit the engines confuse it with (:func:`parsers.ocr.correct.lookalikes`: for a 6, 0, 5 and
8), every cell of the set read alike. A lookalike is taken only where it makes at least :data:`AGREED_MARGIN` more
of them hold than the engine's reading and than every other lookalike, and at most half as many fail under it as
under the engine's reading: a report may print a wrong total, which fails an identity or two whatever a glyph reads.
A cell whose own identities all hold as the engine read it and one fails under the lookalike keeps the engine's
reading (a real 6 among zeros read 6: its row and column vouch for it). Warning ``ocr_glyph_contested`` names the
set, the readings' failures and every cell changed (review required: identities that failed as read made to hold by
taking a digit as another, as ``ocr_corrected``); each cell changed keeps the engine's reading in ``where.read_as``
("" where the engine read nothing and the vote gave it the set's reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from parsers.extracted import GlyphSet
from parsers.model import Cell, Check, Warning_
from parsers.ocr.correct import holds_under, lookalikes, recheck_identities, set_members
from parsers.ocr.engine import CellKey, Ink
from parsers.ocr.glyphs import Glyph, likes, linked

AGREED_MIN = 5  # cells of one glyph read alike before the identities may contest their reading
AGREED_MARGIN = 4  # identities a lookalike must make hold beyond the engine's reading and every other lookalike


def agreed_sets(
    pages: dict[int, list[Glyph]], inks: dict[int, Ink], disputed: set[tuple[int, CellKey]]
) -> list[tuple[list[tuple[int, CellKey]], str, list[tuple[int, CellKey]]]]:
    """The lone-digit cells of the document's pages (``pages``: their glyphs; ``inks``: the words once the vote read
    them) that print one glyph read one digit, in sets of at least :data:`AGREED_MIN`: (the cells as (page, key),
    the reading, the cells the engine read nothing in). The disputed sets' cells (``disputed``) are left out."""
    where: list[tuple[int, Glyph, str]] = []
    for number, glyphs in sorted(pages.items()):
        cells = inks[number].cells
        for g in glyphs:
            if (number, g.key) in disputed:
                continue
            words = [w for line in cells.get(g.key, []) for w in line]
            if len(words) == 1 and len(words[0].text) == 1 and words[0].text.isdigit():
                where.append((number, g, words[0].text))
    if len(where) < AGREED_MIN:
        return []
    alike = likes([g for _, g, _ in where])
    pairs = ((int(a), int(b)) for a, b in zip(*np.nonzero(np.triu(alike, 1)), strict=True))
    out = []
    for members in linked(range(len(where)), ((a, b) for a, b in pairs if where[a][2] == where[b][2])):
        if len(members) >= AGREED_MIN:
            spots = [(where[i][0], where[i][1].key) for i in members]
            unread = [(where[i][0], where[i][1].key) for i in members if not where[i][1].text]
            out.append((spots, where[members[0]][2], unread))
    return out


def contest_agreed(
    cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_], agreed: Sequence[GlyphSet]
) -> list[Check]:
    """Each agreed set (``Extracted.agreed_glyphs``) read as the lookalike the identities single out, where one is
    (see the module's doc); returns the checks, recomputed."""
    identities = [c for c in checks if c.kind == "identity"]
    changed = False
    for glyph_set in agreed:
        reading = glyph_set.readings[0]
        members = [k for k in set_members(glyph_set, cells) if cells[k].raw == reading]
        if len(members) < AGREED_MIN:
            continue
        touching = [c for c in identities if any(k in c.cell_keys() for k in members)]
        if not touching or all(holds_under(c, cells, {}) for c in touching):
            continue

        def failing(digit: str, members: list[str] = members, touching: list[Check] = touching) -> int:
            return sum(1 for c in touching if not holds_under(c, cells, {k: int(digit) for k in members}))

        tried = {d: failing(d) for d in (reading, *lookalikes(reading))}
        top = min(tried, key=lambda d: (tried[d], d != reading))
        rest = [f for d, f in tried.items() if d != top]
        if top == reading or any(f - tried[top] < AGREED_MARGIN for f in rest) or 2 * tried[top] > tried[reading]:
            continue
        flip: dict[str, int | float] = {k: int(top) for k in members}
        kept = []
        for key in members:
            own = [c for c in touching if key in c.cell_keys()]
            vouched = own and all(holds_under(c, cells, {**flip, key: int(reading)}) for c in own)
            if vouched and any(not holds_under(c, cells, flip) for c in own):
                kept.append(key)
        unread = glyph_set.unread_spots()
        done = []
        for key in members:
            if key in kept:
                continue
            cell = cells[key]
            assert cell.where is not None
            engine = "" if (cell.where.page, cell.where.box) in unread else cell.raw
            cells[key] = Cell(key, int(top), top, replace(cell.where, read_as=engine))
            done.append(f"{key} ({engine or 'nothing'})")
        changed = True
        against = ", ".join(f"{n} read as {d}" for d, n in tried.items() if d != top)
        warnings.append(
            Warning_(
                "ocr_glyph_contested",
                f"{glyph_set.where()}: {len(members)} cell(s) print one glyph the engine read {reading} in every "
                f"one, under which {tried[reading]} of the {len(touching)} identities that check them fail: taken as "
                f"{top}, a digit the engines confuse with {reading}, under which {tried[top]} fail (against "
                f"{against}); {len(done)} cell(s) changed: {', '.join(done)}"
                + (f"; kept as read, their own identities holding so: {', '.join(kept)}" if kept else ""),
            )
        )
    return recheck_identities(cells, checks, warnings) if changed else checks

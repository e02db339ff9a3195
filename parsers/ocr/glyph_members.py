"""A disputed glyph set's cell the engine read as another digit, that no identity confirms as the set's reading:
left blank, never the set's reading silently.

A disputed set (``parsers/ocr/glyphs.py``) gathers the cells that print one glyph by their likeness, linked in
turn: under toner a zero is a filled blot, and a printed 6 blotted alike joins the zeros' set, read 6 as many of
them are (synth_5489: the set's 173 cells read nothing ×95, 6 ×75; 本年新收's 自然人 and 总计, printed 6, among them).
The identities choose the set's reading for all its cells at once (:func:`parsers.ocr.correct.choose_glyphs`):
right for the zeros, and the printed 6 is read 0 with them. The set's reading is then the glyph comparison's
word, not the cell's own evidence.

So a cell of a set whose reading was taken, which the engine read as another digit (its ``where.read_as``), and
which is in an identity that fails once the set is read, is kept only where an identity confirms the set's
reading for it: one that can hold as the cells now read, and cannot when the cell takes the engine's reading, nor
when every cell of the set in it that the engine read otherwise does (a blank cell counted as any count, 0 or
more: it may hold what a side lacks). 本年新收's row of zeros holds whether its 自然人 and 总计 read 0 or 6: no
confirmation; a row the engine read 6 6 6 0 0 0 | 6 confirms each of its zeros. Otherwise the cell is left blank
(``ocr_glyph_unconfirmed``, naming the engine's reading, the set's and the failing identities; review required);
the later rules read the checks summed again.
A cell no identity checks, or whose every identity holds, keeps the set's reading: the glyph comparison is then
all the evidence there is, and nothing contradicts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.extracted import GlyphSet
from parsers.model import Cell, Check, Number, Warning_


def _holds(check: Check, cells: dict[str, Cell], changes: dict[str, Number]) -> bool:
    def get(k: str) -> Number:
        if k in changes:
            return changes[k]
        c = cells.get(k)
        return c.value if c is not None and c.value is not None else 0

    return abs(sum(get(k) for k in check.left_keys) - sum(get(k) for k in check.right_keys)) < 1e-6


def _possible(check: Check, cells: dict[str, Cell], changes: dict[str, Number]) -> bool:
    """Whether ``check`` holds for some value of its blank cells, counts (0 or more): a blank on the side short of
    the other may hold the difference."""
    sides = []
    for keys in (check.left_keys, check.right_keys):
        total: Number = 0
        blank = False
        for k in keys:
            v = changes[k] if k in changes else (c.value if (c := cells.get(k)) is not None else None)
            if v is None:
                blank = True
            else:
                total += v
        sides.append((total, blank))
    (left, left_blank), (right, right_blank) = sides
    diff = left - right
    return abs(diff) < 1e-6 or (left_blank and diff < 0) or (right_blank and diff > 0)


def blank_unconfirmed_members(
    cells: dict[str, Cell],
    identities: list[Check],
    warnings: list[Warning_],
    glyph_sets: Sequence[GlyphSet],
    members_of: dict[int, list[str]],
) -> bool:
    """Blank each cell of a set whose reading was taken that the engine read as another digit, is in a failing
    identity, and no identity confirms as the set's reading (see the module's doc). ``members_of``: each set's
    cells (by its index in ``glyph_sets``), as :func:`parsers.ocr.correct.set_members` finds them once the sets are
    decided. Returns whether a cell was blanked."""
    blanked = False
    for i, glyph_set in enumerate(glyph_sets):
        members = [k for k in members_of.get(i, []) if (c := cells.get(k)) is not None and c.value is not None]
        values = {cells[k].raw for k in members}
        if len(values) != 1:
            continue  # the set was not taken whole: its cells were decided one by one, or left blank
        (reading,) = values
        other = {
            k: int(read_as)
            for k in members
            if (w := cells[k].where) is not None and (read_as := w.read_as) and read_as.isdigit() and read_as != reading
        }
        doubted: list[tuple[str, list[Check]]] = []
        for key in other:
            mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
            failing = [c for c in mine if not _holds(c, cells, {})]
            if not failing:
                continue
            confirmed = any(
                _possible(c, cells, {})
                and not _possible(c, cells, {key: other[key]})
                and not _possible(c, cells, {k: v for k, v in other.items() if k in c.cell_keys()})
                for c in mine
            )
            if not confirmed:
                doubted.append((key, failing))
        for key, failing in doubted:
            cell = cells[key]
            assert cell.where is not None
            engine = cell.where.read_as
            cells[key] = Cell(key, None, "", replace(cell.where, read_as=engine))
            names = ", ".join(sorted(c.name for c in failing))
            warnings.append(
                Warning_(
                    "ocr_glyph_unconfirmed",
                    f"{key}: OCR read {engine!r}, a cell of the glyph set {glyph_set.where()} taken as {reading}; "
                    f"an identity of it fails ({names}) and none confirms {reading} for it (each holds or fails "
                    f"alike with the engine's readings): left blank, the set's reading not taken",
                    key,
                    cell.where,
                )
            )
            blanked = True
    return blanked

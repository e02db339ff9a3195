"""Numbers the engine read unsure of, where every identity checking them fails: left blank, never silently.

A misread digit the identities can repair is repaired (:mod:`parsers.ocr.correct`). What is left after that is
a number that makes an identity fail and that no single plausible confusion explains: a digit lost (17 read 7), a
stroke of noise read as a digit (0 read 9), a cell read one column over. When the engine itself was unsure of the
reading (its confidence under :data:`DOUBT_CONF`) and every identity that checks the cell (its row's sum, its
column's) fails, the cell where they cross is the one they point at: it is left blank (``ocr_doubtful`` names the
reading, its confidence and the identities), since a wrong number is worse than a blank. A number read surely, or
one with an identity that holds, is kept as read.

An identity that holds tells a number's reading only where it would fail with the number read otherwise. A number
one of whose digits prints a disputed glyph (:mod:`parsers.ocr.glyph_digits`), read there otherwise than the
identities read the set (a toner's zero read 8 inside 20, the page's lone zeros read 0), is checked with the set's
reading in the glyph's places: the same glyph printed in a part and in its total is misread alike on both sides
(synth_4108: 新收 and 办理结果总计 of one column, 20 read 28 in both, their balance holding with 28 as with 20). Where
every identity of it that holds holds so too (every such number of the report read so at once), the identities do
not vouch for the digit read: it is left blank (``ocr_glyph_doubtful``). A number no identity checks (table 二's
counts and amounts) so read has nothing to vouch for the digit read: it is left blank too (synth_4117: 行政强制's
940 read 948, the page's lone zeros, read 0, 4, 8 and 6, taken as 0).

:func:`doubtful_cells` collects, per page, the table cells read as one number below the confidence (on the
engine's own reading: a cell the comparison of glyphs changed, ``parsers/ocr/glyphs.py``, is not the engine's
reading and is left to it); :func:`blank_doubtful` blanks them in a report once the corrections are made.
:func:`sure_cells` collects the opposite: the cells read as one number at :data:`SURE_CONF` or more, which the
corrections do not read otherwise (``Extracted.sure``, :class:`~parsers.extracted.SureCell`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers.extracted import DoubtfulCell, GlyphSet, SureCell
from parsers.model import Cell, Check, Warning_
from parsers.ocr.engine import NUMBER_TEXT, CellKey, Ink
from parsers.ocr.grid import Table

# the engine's confidence (0–100) under which a number it read is doubtful: on the tuning scans (478–499) the numbers
# that make identities fail after the corrections read at 0–67 where wrong (their lost digits, noise read as digits)
DOUBT_CONF = 60.0


def _digits(text: str) -> str:
    return text.replace(",", "")


def numbers_read(ink: Ink) -> dict[CellKey, tuple[str, float]]:
    """Each table cell read as one number: its text and the engine's least confidence in its words."""
    out: dict[CellKey, tuple[str, float]] = {}
    for key, lines in ink.cells.items():
        words = [w for line in lines for w in line]
        text = "".join(w.text for w in words)
        if words and NUMBER_TEXT.match(text):
            out[key] = (text, min(w.conf for w in words))
    return out


def doubtful_cells(
    number: int, before: dict[CellKey, tuple[str, float]], after: Ink, tables: list[Table], scale: float
) -> list[DoubtfulCell]:
    """The cells of page ``number`` the engine read as a number under :data:`DOUBT_CONF` (``before``: what it
    read) and that still read so (``after``: the page once its glyphs are compared), each with its box as its
    span carries it (page units: pixels / ``scale``)."""
    read = _read_cells(before, after, tables, scale, lambda conf: conf < DOUBT_CONF)
    return [DoubtfulCell(number, box, text, conf) for box, text, conf in read]


def set_aside_cells(
    number: int, readings: dict[CellKey, tuple[str, float]], tables: list[Table], scale: float
) -> list[DoubtfulCell]:
    """The cells of page ``number`` whose readings a rule set aside (``readings``: each cell's text and confidence, as
    :mod:`parsers.ocr.lost_digits` found them), each with its box as its span carries it (page units)."""
    boxes = {(t, c.row, c.col): c.box for t, table in enumerate(tables) for c in table.cells}
    out = []
    for key, (text, conf) in sorted(readings.items()):
        if key in boxes:
            x0, y0, x1, y1 = boxes[key]
            box = (round(x0 / scale, 1), round(y0 / scale, 1), round(x1 / scale, 1), round(y1 / scale, 1))
            out.append(DoubtfulCell(number, box, text, conf))
    return out


# the engine's confidence (0–100) at or over which a number it read is sure: the identities do not read it otherwise
# (``parsers/ocr/correct.py``). A misread digit reads unsure (tuning scans 1938–1961: the misreads the identities
# repaired read 75–77), a total a report prints wrong reads as surely as any (1366 at 97, 409 at 97), and a digit
# changed to make its identities hold turns it into a wrong number no identity then flags
SURE_CONF = 90.0


def sure_cells(
    number: int,
    before: dict[CellKey, tuple[str, float]],
    after: Ink,
    tables: list[Table],
    scale: float,
    taken: set[tuple[float, float, float, float]],
) -> list[SureCell]:
    """The cells of page ``number`` the engine read as a number at :data:`SURE_CONF` or more that still read so once
    the glyphs are compared (none whose box is in ``taken``: a cell doubtful by its glyphs stays doubtful)."""
    read = _read_cells(before, after, tables, scale, lambda conf: conf >= SURE_CONF)
    return [SureCell(number, box, text, conf) for box, text, conf in read if box not in taken]


def _read_cells(
    before: dict[CellKey, tuple[str, float]],
    after: Ink,
    tables: list[Table],
    scale: float,
    wanted: Callable[[float], bool],
) -> list[tuple[tuple[float, float, float, float], str, float]]:
    """The cells of the page read as a number at a confidence ``wanted`` takes, still read so in ``after``: each
    cell's box (page units), text and confidence."""
    now = numbers_read(after)
    boxes = {(t, c.row, c.col): c.box for t, table in enumerate(tables) for c in table.cells}
    out = []
    for key, (text, conf) in sorted(before.items()):
        if not wanted(conf) or now.get(key, ("", 0.0))[0] != text or key not in boxes:
            continue
        x0, y0, x1, y1 = boxes[key]
        box = (round(x0 / scale, 1), round(y0 / scale, 1), round(x1 / scale, 1), round(y1 / scale, 1))
        out.append((box, text, conf))
    return out


def blank_doubtful(
    cells: dict[str, Cell],
    checks: list[Check],
    warnings: list[Warning_],
    doubtful: Sequence[DoubtfulCell],
    glyph_sets: Sequence[GlyphSet] = (),
) -> None:
    """Blank each cell read from a doubtful reading (as the engine read it: no correction taken) whose every identity
    fails (a row's sum and a column's: the cell where they cross is the one they point at), or, for a number that
    reads a disputed glyph otherwise than the identities read the set, whose every identity that holds holds with
    the set's reading too (see the module's doc). The checks stay as read (the identities failed on the number the
    page was read as)."""
    if not doubtful:
        return
    spots = {(d.page, d.box): d for d in doubtful}
    identities = [c for c in checks if c.kind == "identity"]
    found_at: dict[str, DoubtfulCell] = {}
    for key, cell in cells.items():
        where = cell.where
        if cell.value is None or where is None or where.read_as is not None:
            continue
        found = spots.get((where.page, where.box))  # type: ignore[arg-type]
        if found is None or _digits(found.text) != _digits(cell.raw):
            continue  # not the engine's reading (a count's point taken as a separator: parsers/ocr/counts.py)
        found_at[key] = found
    readings = {key: _set_reading(found, cells, glyph_sets) for key, found in found_at.items() if found.glyph}
    as_set = _as_the_set_reads(found_at, readings)  # (the set's reading as the corrections left it)
    moved = {key: value - float(cells[key].value or 0) for key, value in as_set.items()}  # (from the values as read)
    for key, found in found_at.items():
        cell = cells[key]
        where = cell.where
        assert where is not None
        if found.glyph and found.digits and set(found.digits) == {_set_reading(found, cells, glyph_sets)}:
            continue  # the number reads the glyph as the identities read the set: no doubt left
        mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
        held = [c for c in mine if c.passed or c.blank]
        if not mine and not (found.glyph and found.digits and readings[key] is not None):
            continue  # no identity checks it, and nothing says its digits are misread: kept as read
        if held and (key not in as_set or not all(_holds_with(c, moved) for c in held)):
            continue  # an identity of the cell holds, and tells its reading from the set's: the failure lies elsewhere
        cells[key] = Cell(key, None, "", replace(where, read_as=cell.raw))
        names = sorted(c.name for c in mine)
        if not mine:  # a digit at the glyph read otherwise than the set, and no identity to vouch for it (table 二)
            code = "ocr_glyph_doubtful"
            why = (
                f", its digit at the glyph the page's lone digits read in several ways ({found.glyph}) read "
                f"{found.digits} where the identities read the set {readings[key]}, and no identity checks it: left "
                "blank, the reading doubtful"
            )
        elif held:  # each identity that holds holds with the glyph read as the identities read the set too
            code = "ocr_glyph_doubtful"
            why = (
                f", its digit at the glyph the page's lone digits read in several ways ({found.glyph}) read "
                f"{found.digits} where the identities read the set {readings[key]}, and the identities it is in "
                f"hold with {as_set[key]:g} as with it or fail ({', '.join(names)}): left blank, the reading doubtful"
            )
        elif found.glyph:  # a digit of it prints a glyph the engine read in several ways (ocr/glyph_digits.py)
            code = "ocr_glyph_doubtful"
            why = (
                f", a digit of it printing the glyph the page's lone digits read in several ways ({found.glyph}), and "
                f"the identities it is in fail ({', '.join(names)}): left blank, the reading doubtful"
            )
        else:
            code = "ocr_doubtful"
            why = (
                f" at confidence {found.conf:.0f} (under {DOUBT_CONF:.0f}), and the identities it is in fail "
                f"({', '.join(names)}): left blank, the reading doubtful"
            )
        warnings.append(Warning_(code, f"{key}: OCR read {found.text!r}{why}", key, cells[key].where))


def _as_the_set_reads(found_at: dict[str, DoubtfulCell], readings: dict[str, str | None]) -> dict[str, float]:
    """The numbers printing a disputed glyph whose digits there read otherwise than the identities read the set,
    each as it reads with the set's reading at those places (``28`` → 20 where the set reads 0): every place of the
    digit read there is the glyph's (a number that prints that digit elsewhere too is left out: its places are not
    known)."""
    out: dict[str, float] = {}
    for key, found in found_at.items():
        reading = readings.get(key)
        if not found.glyph or not found.digits or reading is None or len(set(found.digits)) != 1:
            continue
        digit = found.digits[0]
        text = _digits(found.text)
        if digit == reading or text.count(digit) != len(found.digits):
            continue
        try:
            out[key] = float(text.replace(digit, reading))
        except ValueError:
            continue
    return out


def _holds_with(check: Check, moved: dict[str, float]) -> bool:
    """Whether ``check``, which holds as read, holds with the numbers ``moved`` names read as the set reads them
    (each by how much: all of them at once, as a misread glyph in a total and in its part reads alike on both
    sides)."""
    if check.blank:
        return True
    left = float(check.left) + sum(moved.get(k, 0.0) for k in check.left_keys)
    right = float(check.right) + sum(moved.get(k, 0.0) for k in check.right_keys)
    return abs(left - right) < 1e-9


def _set_reading(found: DoubtfulCell, cells: dict[str, Cell], glyph_sets: Sequence[GlyphSet]) -> str | None:
    """The reading the cells of the disputed set that ``found`` prints hold now (the identities' choice), None when
    they hold none (the set left blank) or the set is not found."""
    glyph_set = next((g for g in glyph_sets if found.glyph_cell in g.spots()), None)
    if glyph_set is None:
        return None
    spots = glyph_set.spots()
    values = Counter(
        str(c.value)
        for c in cells.values()
        if c.value is not None and c.where is not None and (c.where.page, c.where.box) in spots
    )
    return values.most_common(1)[0][0] if values else None

"""A part of a lone failing sum whose lookalike reading makes that sum hold: left blank, never silently.

The corrections (:mod:`parsers.ocr.correct`) take a lookalike reading only where two identities (a row and a
column) agree on it: one sum cannot tell which of its cells was misread. Table 四's cells have one identity, their
row's total. Where it fails, its cells all read as numbers no rule changed, and a part of it read one plausible
confusion away from a reading that makes it hold (synth_5494: 直接起诉's 结果纠正 read ``41`` where the page prints
11, the row's total ``11``, 4 and 1 a pair the engines confuse), and no other part's does, that part is a suspect
the row names, though not a proven one: the total may be the cell misread instead. The part is left blank
(``ocr_part_lookalike``, review required, the reading kept in ``where.read_as``), the lookalike not taken, the total
kept as read (a printed sum that does not add up is as often the report's own). A right part so blanked is a blank; a
wrong one kept would be a wrong number no identity flags once read. The checks stay as read.
"""

from __future__ import annotations

from parsers.model import Cell, Check, Warning_
from parsers.ocr.contradicted import as_read
from parsers.ocr.correct import readings
from parsers.ocr.counts import COUNT_TABLES
from parsers.set_aside import set_aside


def lookalike_parts(cells: dict[str, Cell], checks: list[Check]) -> list[tuple[str, str, Check]]:
    """Each count read as a number no rule changed, a part (left-hand cell) of exactly one identity, which fails with
    every cell of it so read, and which a lookalike reading of that part (:func:`parsers.ocr.correct.readings`), and
    of no other part, makes hold: (its key, that reading, the identity), judged on ``checks`` as they stand. Where
    several parts' lookalikes make it hold (``0 3 0 0`` for a total ``11``: each 0 read 8 would), the sum names none."""
    identities = [c for c in checks if c.kind == "identity"]
    fitting: dict[str, list[tuple[str, str]]] = {}
    for key, cell in cells.items():
        if key.split("/", 1)[0] not in COUNT_TABLES or not as_read(cell) or not isinstance(cell.value, int):
            continue
        mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
        if len(mine) != 1 or key not in mine[0].left_keys or mine[0].passed or mine[0].blank:
            continue
        (check,) = mine
        if not all(as_read(cells.get(k)) for k in check.cell_keys()):
            continue  # a cell lost or changed: the sum as read does not say what this one should be
        rest = check.left - cell.value
        fits = [r for r in readings(cell.raw) if r.isdigit() and rest + int(r) == check.right]
        if fits:
            fitting.setdefault(check.name, []).append((key, fits[0]))
    by_name = {c.name: c for c in identities}
    return [(parts[0][0], parts[0][1], by_name[name]) for name, parts in fitting.items() if len(parts) == 1]


def blank_lookalike_parts(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> None:
    """Blank each part of a lone failing sum that a lookalike reading of it makes hold (see the module's doc)."""
    for key, fit, check in lookalike_parts(cells, checks):  # judged on the checks as read, then blanked together
        set_aside(
            cells,
            warnings,
            key,
            "ocr_part_lookalike",
            f"{key}: OCR read {cells[key].raw!r}; its one identity ({check.name}) fails ({check.left:g} ≠ "
            f"{check.right:g}) and would hold with it read {fit} (a digit the engines confuse), but one sum "
            "cannot tell this cell from its total: left blank, neither reading taken",
        )

"""A sum read below what two of its identities' parts already add up to: left blank, never silently.

A damaged scan loses cells far more often than it invents them, so the parts of a sum as read (the cells of its
column above ``（七）总计``; 本年新收 and 上年结转 less 结转下年度) add up to the printed sum or less. A sum read below
its parts in one identity may be the report's own slip or one part read too high; a sum read below its parts in
every identity it is the sum of, two at least, is the cell those identities have in common: it is not the page's
number. On a scan whose grid lost the rules between table 三's last rows, a whole row's values were read as the
（七）总计 row (synth_5499: ``0 0 0 0 0 3 3``, the （六） block's first row, where the page prints 206 … 325): the
row's own total holds (the values are a row's), and each column's two identities give its cell more than it reads.

Such a cell is left blank (``ocr_sum_below_parts``, review required, the reading kept in ``where.read_as``); the
value the identities give is not taken (its parts may be short of cells lost). The checks stay as read. An identity
of which the cell is a part (its row's total) is not looked at: a whole row read from another row keeps its sum; nor
is one it is the sum of that holds only with such a found cell among its parts (the row's total, synth_5499's ``3``).
A cell of a row so found (its row's total holding with half its cells or more found) is found too where one identity
it is a sum in has its parts more than it and every other fails with a part lost and its parts less, which says
nothing of it (synth_5499's 其他 ``3``, printed 68: 本年新收's 其他 lost, its column's results 65).
"""

from __future__ import annotations

from parsers.model import Cell, Check, Warning_
from parsers.ocr.contradicted import as_read
from parsers.ocr.counts import COUNT_TABLES
from parsers.set_aside import set_aside

MIN_SUMS = 2  # identities, the cell a sum in each, that must all give it more than it reads


def below_parts(cells: dict[str, Cell], checks: list[Check]) -> list[tuple[str, list[Check]]]:
    """Each count read as a number no rule changed that is on the right-hand side of :data:`MIN_SUMS` identities at
    least, each of which fails with its left-hand side (the parts, as read) more than its right: (its key, those
    identities), judged on ``checks`` as they stand. Every other identity it is a sum in must fail so too, or hold
    only with a part that is itself so found (a row's total read with its row from another row: the row holds)."""
    identities = [c for c in checks if c.kind == "identity"]
    low: dict[str, tuple[list[Check], list[Check]]] = {}
    for key, cell in cells.items():
        if key.split("/", 1)[0] not in COUNT_TABLES or not as_read(cell) or not isinstance(cell.value, int):
            continue
        sums = [c for c in identities if key in c.right_keys]
        below = [c for c in sums if not c.passed and not c.blank and c.left > c.right]
        if len(below) >= MIN_SUMS:
            low[key] = (below, [c for c in sums if c not in below])
    found = {key: below for key, (below, rest) in low.items() if not rest}
    for key, (below, rest) in low.items():
        if rest and all(c.passed and any(k in found for k in c.left_keys) for c in rest):
            found[key] = below
    for key, cell in cells.items():  # a cell of a row so found, its other sums silent for a part lost
        if key in found or key.split("/", 1)[0] not in COUNT_TABLES or not as_read(cell):
            continue
        if not any(_found_row(c, found) for c in identities if key in c.left_keys):
            continue
        sums = [c for c in identities if key in c.right_keys]
        below = [c for c in sums if not c.passed and not c.blank and c.left > c.right]
        if below and all(c in below or _silent(c, cells) for c in sums):
            found[key] = below
    return [(key, found[key]) for key in cells if key in found]


def _found_row(check: Check, found: dict[str, list[Check]]) -> bool:
    """Whether ``check`` holds with half its cells or more found below their parts (a row read from another row)."""
    keys = check.cell_keys()
    return check.passed and 2 * sum(k in found for k in keys) >= len(keys)


def _silent(check: Check, cells: dict[str, Cell]) -> bool:
    """Whether ``check`` fails with its parts as read less than its sum and a part lost: it says nothing of the sum."""
    lost = any((c := cells.get(k)) is None or c.value is None for k in check.left_keys)
    return not check.passed and check.left < check.right and lost


def blank_low_sums(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> None:
    """Blank each count read below the parts of every identity it is a sum in (see the module's doc)."""
    for key, sums in below_parts(cells, checks):  # judged on the checks as read, then blanked together
        raw = cells[key].raw
        said = "; ".join(
            f"{c.name}: its parts {c.left:g} against {c.right:g}" for c in sorted(sums, key=lambda c: c.name)
        )
        set_aside(
            cells,
            warnings,
            key,
            "ocr_sum_below_parts",
            f"{key}: OCR read {raw!r}, and the identities it is a sum in fail with their parts as read more "
            f"than it ({said}; any other holds only with a part so found, or has a part lost and its parts "
            "less): a scan loses cells, it does not add them, so the reading is not the page's number; left blank "
            "(the value the parts give not taken)",
        )

"""Cells a scan lost where an identity, its other cells confirmed, leaves them only 0.

The rules before blank what OCR misread or could not read (``ocr_doubtful``, ``unreadable_cell``,
``ocr_contradicted``, ``missing_cell``: a seal's remnants over table 三's corner, synth_4148: 部分公开 read
``26 7 0 一0 0 0 26``, its 7 and 0 set aside, its ``一0`` no number). The counts are 0 or more, so where the cells of
an identity's one side that are read already add up to its other side, every lost cell of that side is 0: 部分公开's
自然人 26 is its 总计 26. That holds only if the numbers it rests on are right, so each of them but the zeros (a
number misread can be too large, a count never below 0) must be confirmed: in another identity whose every cell is
read and which holds. Then the lost cells are read 0 (``deduced_zero``: a deduction, not a printed number, named with
the identity that decides it), and the identities filled so confirm in their turn. A cell the reading found printed
empty (a blank the report published) is no lost cell, nor one whose grid cell the scan shows empty, no word read
and no ink in it (``parsers/ocr/empty_cells.py``: synth_5489's three blank 科研机构 cells read 0 until version 298);
a side holding an amount, a negative or a fraction bounds nothing. Run after the identities' rules (the checks stay
as read).
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.model import Cell, Check, Number, Warning_

Box = tuple[float, float, float, float]


def _lost(cell: Cell | None) -> bool:
    """A cell the reading lost or set aside (not one printed empty in its place, a blank the report published)."""
    if cell is None or cell.value is not None:
        return False
    where = cell.where
    return where is None or where.read_as is not None or where.offset != where.end


def _column_box(key: str, cells: dict[str, Cell], page: int, middle: float) -> Box | None:
    """The box of the cell of ``key``'s column (its table, its last part) on ``page`` nearest the height
    ``middle``."""
    table, column = key.split("/", 1)[0], key.rsplit("/", 1)[-1]
    best: tuple[float, Box] | None = None
    for other, cell in cells.items():
        w = cell.where
        if other == key or w is None or w.page != page or w.box is None or cell.value is None:
            continue
        if other.split("/", 1)[0] != table or other.rsplit("/", 1)[-1] != column:
            continue
        far = abs((w.box[1] + w.box[3]) / 2 - middle)
        if best is None or far < best[0]:
            best = (far, w.box)
    return None if best is None else best[1]


def printed_empty(key: str, cells: dict[str, Cell], empty: Sequence[tuple[int, Box]]) -> bool:
    """Whether the scan shows ``key``'s cell printed empty (``empty``: the grid's cells with no word and no ink,
    ``parsers/ocr/empty_cells.py``): its own box, or, where the cell was placed by its row's other values (its
    ``where`` the row's label), the grid cell of its row's band under its column's cell nearest above or below."""
    cell = cells.get(key)
    w = cell.where if cell is not None else None
    if w is None or w.page is None or w.box is None or w.read_as is not None:
        return False
    if (w.page, w.box) in empty:
        return True
    column = _column_box(key, cells, w.page, (w.box[1] + w.box[3]) / 2)
    if column is None:
        return False
    for page, (x0, y0, x1, y1) in empty:
        if page != w.page or abs(y0 - w.box[1]) > 1 or abs(y1 - w.box[3]) > 1:
            continue  # another row's band
        if column[0] <= (x0 + x1) / 2 <= column[2]:
            return True
    return False


def bounded_zeros(
    cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_], empty: Sequence[tuple[int, Box]] = ()
) -> None:
    """Read 0 each lost cell an identity bounds to 0 (see the module's doc), with a ``deduced_zero`` warning; a
    cell the scan shows printed empty (``empty``, :func:`printed_empty`) is no lost cell."""
    identities = [c for c in checks if c.kind == "identity"]
    blank_printed = {k for k, c in cells.items() if _lost(c) and empty and printed_empty(k, cells, empty)}

    def value(key: str) -> Number | None:
        cell = cells.get(key)
        return None if cell is None else cell.value

    def holds(check: Check) -> bool:
        left = [value(k) for k in check.left_keys]
        right = [value(k) for k in check.right_keys]
        if any(v is None for v in left + right):
            return False
        return sum(v for v in left if v is not None) == sum(v for v in right if v is not None)

    def confirmed(key: str, other: Check) -> bool:
        return any(c is not other and key in c.cell_keys() and holds(c) for c in identities)

    changed = True
    while changed:
        changed = False
        for check in identities:
            for side, rest in ((check.left_keys, check.right_keys), (check.right_keys, check.left_keys)):
                lost = [k for k in side if _lost(cells.get(k)) and k not in blank_printed]
                known = [k for k in side if k not in lost]
                if not lost or any(value(k) is None for k in known) or any(value(k) is None for k in rest):
                    continue
                numbers = [value(k) for k in known + rest]
                if any(not isinstance(v, int) or v < 0 for v in numbers):
                    continue  # an amount, a fraction or a negative bounds nothing
                if sum(value(k) or 0 for k in known) != sum(value(k) or 0 for k in rest):
                    continue  # the lost cells hold the rest
                resting = [k for k in known + rest if value(k) != 0]
                if not all(confirmed(k, check) for k in resting):
                    continue
                for key in lost:
                    cell = cells[key]
                    cells[key] = Cell(key, 0, "", cell.where)
                    shown = ", ".join(f"{k.rsplit('/', 1)[-1]} {value(k)}" for k in resting) or "zeros only"
                    warnings.append(
                        Warning_(
                            "deduced_zero",
                            f"{key}: lost by the scan's reading; read as 0, the only value {check.name} leaves it "
                            f"(the counts read on its side already add up to the other, each confirmed by another "
                            f"identity that holds: {shown}): a deduction, not a printed number",
                            key,
                            cell.where,
                        )
                    )
                changed = True

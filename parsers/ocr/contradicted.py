"""A number read where its row and its column both give it another value: left blank, never silently.

A cell of tables 三 and 四 is checked by two identities at least: its row's sum (the row total) and its column's
(``（七）总计``, or 本年新收 + 上年结转 = 总计 + 结转下年度). Where every one of them fails and each, taken alone,
would hold with one and the same other value in the cell (the value its row's other cells and its column's other
cells leave it: ``implied``), the identities point at that cell: its reading is not the number the page prints
(noise read as a digit on a printed 0, ``10`` for ``0``; a digit lost, ``7`` for ``17``). One wrong cell elsewhere
fails only one of the cell's identities, so a right reading is so contradicted only where a second misread in its
row and a third in its column are out by the same amount. A printed sum (a row's total, a column's 总计) is left
as read: a total that does not add up is as often the report's own as the engine's (synth_402 prints 1811 where
its cells add up to 1807, and the gold keeps 1811).

The corrections (:mod:`parsers.ocr.correct`) take a plausible confusion of the reading that makes a whole group of
identities hold; this comes after them, for what they leave: the reading is no lookalike of the value the
identities give, or other identities of the group still fail. The value the identities give is not taken (on a
noisy page two misreads can be out by the same amount, and a wrong number is worse than a blank): the cell is left
blank, the reading kept in ``where.read_as``, and ``ocr_contradicted`` names the reading, the value and the
identities (review required). The checks stay as read.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.model import Cell, Check, Number, Warning_, Where

MIN_IDENTITIES = 2  # a row and a column: one sum alone cannot tell which of its cells is wrong


def implied(key: str, value: Number, check: Check) -> Number | None:
    """The value of ``key`` under which ``check`` would hold, the other cells as read (None: not one of its)."""
    if key in check.left_keys:
        return value - (check.left - check.right)
    if key in check.right_keys:
        return value + (check.left - check.right)
    return None


def printed_sums(identities: list[Check]) -> set[str]:
    """The printed sums: each identity's one right-hand cell (a row's 合计, a column's 总计)."""
    return {c.right_keys[0] for c in identities if len(c.right_keys) == 1}


def contradicted(cells: dict[str, Cell], checks: list[Check]) -> list[tuple[str, Number, list[Check]]]:
    """Each whole number read (no rule has changed or set it aside) whose every identity, two at least, fails and
    would hold with one same value in it, judged on ``checks`` as they stand: (its key, that value, those
    identities), in the order of ``cells``. :func:`blank_contradicted` blanks them (a printed sum and a value below 0
    aside); :func:`parsers.ocr.lost_ones.lost_ones` takes those whose value is the reading with a ``1`` put back."""
    identities = [c for c in checks if c.kind == "identity"]
    found: list[tuple[str, Number, list[Check]]] = []
    for key, cell in cells.items():
        value = cell.value
        if value is None or not isinstance(value, int) or cell.where is None or cell.where.read_as is not None:
            continue  # blank, an amount, or a reading a rule has already changed or set aside
        mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
        if len(mine) < MIN_IDENTITIES or any(c.passed or c.blank for c in mine):
            continue
        values = {implied(key, value, c) for c in mine}
        if len(values) != 1:
            continue
        (other,) = values
        if other is not None:  # never: each of ``mine`` holds the key
            found.append((key, other, mine))
    return found


def as_read(cell: Cell | None) -> bool:
    """Whether ``cell`` holds a number as read: no rule has changed it or set its reading aside."""
    return cell is not None and cell.value is not None and (cell.where is None or cell.where.read_as is None)


def take_corrected(
    cells: dict[str, Cell], warnings: list[Warning_], key: str, value: int, where: Where, why: str
) -> None:
    """Cell ``key`` takes ``value``, ``where`` keeping the engine's reading (``read_as``), warned ``ocr_corrected``
    with ``why`` (the reading, the value and the identities that give it)."""
    cells[key] = Cell(key, value, str(value), where)
    warnings.append(Warning_("ocr_corrected", why, key, where))


def blank_contradicted(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> None:
    """Blank each count read whose every identity (two at least) fails and would hold with one same other value,
    not below 0, in that cell (a cell lost counts 0 in its sums, as in the identities' own figures)."""
    # a printed sum (an identity's one right-hand cell: a row's 合计, a column's 总计) is left as read: a total that
    # does not add up is as often the report's own (synth_402's published 1811 for 1807) as the engine's misread
    sums = printed_sums([c for c in checks if c.kind == "identity"])
    found = [
        (key, other, mine)
        for key, other, mine in contradicted(cells, checks)
        if key not in sums and other != cells[key].value and other >= 0
    ]
    for key, other, mine in found:  # judged on the checks as read, then blanked together
        cell = cells[key]
        assert cell.where is not None
        where = replace(cell.where, read_as=cell.raw)
        cells[key] = Cell(key, None, "", where)
        names = ", ".join(sorted(c.name for c in mine))
        warnings.append(
            Warning_(
                "ocr_contradicted",
                f"{key}: OCR read {cell.raw!r}, and each of its identities ({names}) fails and would hold with "
                f"{other} in that cell: the reading is not the page's number; left blank ({other} not taken)",
                key,
                where,
            )
        )

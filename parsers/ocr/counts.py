"""A decimal point read in a count: tables 三 and 四 count applications and cases, whole numbers.

A scan at a low resolution or under noise reads the comma of ``1,343`` as a point (synth_492: ``1.343``, ``1.658``),
and the tables reader takes ``1.343``. In a cell that counts, a point followed by exactly three digits after one to
three digits is the thousands separator misread: the number is taken without it (``ocr_thousands``, the reading
and the number named; the identities then check it like any other). Any other fraction in a count (a speck read
as a point, ``1.3``) is no reading of a whole number: the cell is left blank (``ocr_fraction_in_count``). Table
二's counts (every column but the amounts, SCHEMA.md) read with a point are left blank too, even as ``1.492``
(synth_1921's 行政许可 本年处理决定数量, 1,492): the table prints amounts of three decimals (``242.136`` 万元), and one
read under a count's head would be taken for a count a thousand times too large.
"""

from __future__ import annotations

import re

from parsers.model import Cell, Check, Warning_
from parsers.set_aside import set_aside

COUNT_TABLES = ("applications", "review_litigation")  # SCHEMA.md: tables 三 and 四 count, whole numbers
ACTIVE = "active"  # table 二: counts but for its amounts (行政事业性收费's, 政府集中采购's)
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def whole_counts(cells: dict[str, Cell], warnings: list[Warning_]) -> None:
    """Each count read with a decimal point: its point taken as the thousands separator where it stands as one,
    else the cell left blank; each with a warning."""
    for key, cell in list(cells.items()):
        if cell.value is None or "." not in cell.raw:
            continue
        table = key.split("/", 1)[0]
        if table not in COUNT_TABLES and (table != ACTIVE or key.endswith("/amount")):
            continue
        raw = cell.raw
        if table in COUNT_TABLES and _THOUSANDS.match(raw):
            whole = raw.replace(".", "")
            cells[key] = Cell(key, int(whole), whole, cell.where)
            warnings.append(
                Warning_(
                    "ocr_thousands",
                    f"{key}: OCR read {raw!r} in a count (whole numbers): its point, followed by three digits, taken "
                    f"as the thousands separator misread: {whole}",
                    key,
                    cell.where,
                )
            )
            continue
        set_aside(
            cells,
            warnings,
            key,
            "ocr_fraction_in_count",
            f"{key}: OCR read {raw!r} in a count (whole numbers): no reading of a whole number, left blank",
        )


_LEADING_ZERO = re.compile(r"^0\d")


def _is_count(key: str) -> bool:
    """A cell printed as a whole count: tables 三 and 四, and table 二 but for its amounts (version 288: synth_5478's
    table 二 行政处罚 2032 read ``032`` under a stamp, no identity to check it, was kept as 32)."""
    table = key.split("/", 1)[0]
    return table in COUNT_TABLES or (table == ACTIVE and not key.endswith("/amount"))


def leading_zeros(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> None:
    """Each count still read with a leading zero once the identities had their say (``09``: no count is printed so;
    :mod:`parsers.ocr.correct` tries the digit lost before it): kept as the number without the zero only where
    every identity of the cell holds (the zero a speck read as a digit), with a warning (``ocr_leading_zero``);
    else left blank (``ocr_leading_zero_blank``, review required): a digit lost, the value read not the printed one."""
    identities = [c for c in checks if c.kind == "identity"]
    for key, cell in list(cells.items()):
        if cell.value is None or not _LEADING_ZERO.match(cell.raw) or not _is_count(key):
            continue
        if cell.where is not None and cell.where.read_as is not None:
            continue  # a reading the identities chose (parsers/ocr/correct.py)
        mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
        if mine and all(c.passed for c in mine):
            warnings.append(
                Warning_(
                    "ocr_leading_zero",
                    f"{key}: OCR read {cell.raw!r} (no count is printed with a leading zero): taken as {cell.value}, "
                    f"every identity of the cell holding under it ({', '.join(sorted(c.name for c in mine))})",
                    key,
                    cell.where,
                )
            )
            continue
        failing = sorted(c.name for c in mine if not c.passed)
        set_aside(
            cells,
            warnings,
            key,
            "ocr_leading_zero_blank",
            f"{key}: OCR read {cell.raw!r} (no count is printed with a leading zero: a digit lost before it), and "
            + (f"the identities it is in fail ({', '.join(failing)})" if failing else "no identity checks it")
            + ": left blank",
        )


SIGNED = "/change"  # the template's one signed column: 本年增/减 (table 二)


def negative_counts(cells: dict[str, Cell], warnings: list[Warning_]) -> None:
    """Each cell but 本年增/减 still read below zero once the identities had their say: left blank
    (``ocr_sign_in_count``, review required).

    The template prints one signed column, 本年增/减, the change of a year's count; every other number of tables 二, 三
    and 四 counts (items, applications, cases) or is an amount, never below zero. A number OCR read with a minus in
    such a cell is no reading of it: a dash the engine read (synth_498: ``-4`` for 0), or one the scan reader put back
    before the digits (:mod:`parsers.ocr.lost_signs`) where a speck, a rule's remnant or a stamp's stroke lay. Which
    the page prints is not known, and a wrong number is worse than a blank. The identities check the number as read
    first (it fails them, and their rules may blank it, saying why); the checks stay as read."""
    for key, cell in list(cells.items()):
        if cell.value is None or cell.value >= 0 or key.endswith(SIGNED):
            continue
        set_aside(
            cells,
            warnings,
            key,
            "ocr_sign_in_count",
            f"{key}: OCR read {cell.raw!r}, a number below zero in a column that counts (only 本年增/减 is signed): a "
            "dash read as a sign, left blank",
        )

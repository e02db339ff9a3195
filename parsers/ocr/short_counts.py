"""Table 二's counts read with their ink too wide for their digits: a digit lost, left blank.

Table 二 has no identity: a count the engine read one digit short (35 for 315, its ``1`` lost; a fax's or a JPEG's
digits run together read as one) is a wrong number nothing flags. :mod:`parsers.ocr.lost_digits` measures each
reading's ink per digit against the page's others, and gives the readings :data:`parsers.ocr.lost_digits.SHORT`
times as wide or more (``Extracted.short_readings``: those :data:`~parsers.ocr.lost_digits.WIDE` wide or more are set
aside already). On the tuning scans 4140–4163 every right reading of table 二 lies at 1.22 times or less, every right
reading at all at 1.33 or less. A cell of table 二 read from such a reading is left blank (``ocr_digits_lost``, naming
the reading; review required); tables 三 and 四 are left to their identities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.extracted import DoubtfulCell
from parsers.model import Cell, Warning_
from parsers.ocr.lost_digits import SHORT

ACTIVE = "active"  # table 二's cells' keys begin so (``parsers.tables.templates.ACTIVE_TABLE``)


def blank_short_counts(cells: dict[str, Cell], warnings: list[Warning_], short: Sequence[DoubtfulCell]) -> None:
    """Blank each count of table 二 read from a reading in ``short`` (by its page and box, the same digits)."""
    if not short:
        return
    spots = {(d.page, d.box): d for d in short}
    for key, cell in cells.items():
        where = cell.where
        if not key.startswith(f"{ACTIVE}/") or cell.value is None or where is None or where.box is None:
            continue
        spot = spots.get((where.page, where.box))  # type: ignore[arg-type]
        if spot is None or "".join(ch for ch in cell.raw if ch.isdigit()) != spot.text.lstrip("-"):
            continue
        cells[key] = Cell(key, None, "", replace(where, read_as=cell.raw))
        warnings.append(
            Warning_(
                "ocr_digits_lost",
                f"{key}: OCR read {cell.raw!r}, its ink {SHORT:g} times as wide per digit as the page's others or "
                "more: a digit lost (digits run together read as fewer), and no identity checks table 二's counts; "
                "left blank",
                key,
                where,
            )
        )

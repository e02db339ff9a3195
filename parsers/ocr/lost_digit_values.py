"""A count whose reading was set aside as a digit lost, given back where every identity of it gives it one value.

:mod:`parsers.ocr.lost_digits` sets aside a reading whose ink is too wide for its digits (digits run together read
as one: synth_4142's fax, two 25s of table 三 read ``2`` at 1.7 times the page's width per digit), and the cell reads
blank. The page says a digit is missing; its identities may say which. Where the cell is checked by two identities at
least (a row's sum and a column's), every other cell of each is read as a number no rule changed, and each identity
alone would hold with one same value in the cell, a whole count, that is the set-aside reading with one digit put
back (``2`` → ``25``), the value is taken (``ocr_corrected``, naming the reading, the ink and the identities; review
required). Two independent sums agreeing and the ink's width agreeing with them: a misread cell elsewhere fails only
one of the identities. As for :mod:`parsers.ocr.lost_ones`, a printed sum (an identity's one right-hand cell: a
row's 总计, a column's 总计) is left blank: a report may print a total that does not add up. A value that is not the
reading with a digit put back (another digit misread too) is not taken. The checks are summed again after.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from parsers.extracted import DoubtfulCell, Span
from parsers.model import Cell, Check, Warning_
from parsers.ocr.contradicted import MIN_IDENTITIES, as_read, printed_sums, take_corrected
from parsers.ocr.correct import recheck_identities
from parsers.ocr.counts import COUNT_TABLES


def with_a_digit(raw: str) -> set[int]:
    """Every number ``raw`` (digits) becomes with one digit put back anywhere (no number printed with a leading
    zero)."""
    return {int(s) for i in range(len(raw) + 1) for d in "0123456789" if (s := raw[:i] + d + raw[i:])[0] != "0"}


EDGE = 0.5  # page units: a reading's box and a neighbouring cell's share the grid line between them


def _reading_at(
    offset: int, text: str, spans: Sequence[Span], starts: list[int], spots: Sequence[DoubtfulCell]
) -> DoubtfulCell | None:
    """The reading set aside in the blank cell at ``offset`` of a TAB row (no span marks a blank cell): the one whose
    box lies in the row of the cell beside it (one TAB before or after) and shares the grid line between them."""
    i = bisect.bisect_right(starts, offset) - 1
    edges: list[tuple[Span, int, int]] = []  # (a neighbour, its box's edge facing the cell, the cell's facing it)
    if i >= 0 and text[spans[i].end : offset] == "\t":
        edges.append((spans[i], 2, 0))
    if i + 1 < len(spans) and text[offset : spans[i + 1].start] == "\t":
        edges.append((spans[i + 1], 0, 2))
    found = {
        spot
        for span, theirs, mine in edges
        if span.box is not None
        for spot in spots
        if spot.page == span.page
        and abs(spot.box[1] - span.box[1]) <= EDGE
        and abs(spot.box[3] - span.box[3]) <= EDGE
        and abs(spot.box[mine] - span.box[theirs]) <= EDGE
    }
    return found.pop() if len(found) == 1 else None


def lost_digit_values(
    cells: dict[str, Cell],
    checks: list[Check],
    warnings: list[Warning_],
    digits_lost: Sequence[DoubtfulCell],
    text: str,
    spans: Sequence[Span],
) -> list[Check]:
    """Take each count set aside as a digit lost (``digits_lost``: the readings, by page and box; ``text`` and
    ``spans``: the reader's, where the blank cells lie beside read ones) whose identities give it one value, the
    reading with a digit put back (see the module's doc); returns the checks, summed again where a value was
    taken."""
    if not digits_lost:
        return checks
    starts = [s.start for s in spans]
    identities = [c for c in checks if c.kind == "identity"]
    sums = printed_sums(identities)
    found: list[tuple[str, int, DoubtfulCell, list[Check]]] = []
    for key, cell in cells.items():
        where = cell.where
        if cell.value is not None or where is None or key.split("/", 1)[0] not in COUNT_TABLES:
            continue
        spot = _reading_at(where.offset, text, spans, starts, digits_lost) if where.offset == where.end else None
        if spot is None or not spot.text.isdigit():
            continue
        mine = [c for c in identities if key in c.left_keys or key in c.right_keys]
        if len(mine) < MIN_IDENTITIES:
            continue
        others = set().union(*(c.cell_keys() for c in mine)) - {key}
        if not all(as_read(cells.get(k)) and isinstance(cells[k].value, int) for k in others):
            continue  # a cell lost or changed: the sums as read do not give this one's value
        values = set()
        for c in mine:
            left = sum(cells[k].value or 0 for k in c.left_keys if k != key)
            right = sum(cells[k].value or 0 for k in c.right_keys if k != key)
            values.add(right - left if key in c.left_keys else left - right)
        if len(values) != 1:
            continue
        (value,) = values
        if not isinstance(value, int) or value < 0 or value not in with_a_digit(spot.text):
            continue
        found.append((key, value, spot, mine))
    taken = False
    for key, value, spot, mine in found:
        cell = cells[key]
        assert cell.where is not None
        where = replace(cell.where, read_as=spot.text)
        names = ", ".join(sorted(c.name for c in mine))
        if key in sums:
            warnings.append(
                Warning_(
                    "ocr_contradicted",
                    f"{key}: OCR read {spot.text!r}, set aside as a digit lost (its ink too wide for its digits); "
                    f"each of its identities ({names}) would hold with {value}, the reading with a digit put back: "
                    f"a printed total, which a report may print wrong; left blank ({value} not taken)",
                    key,
                    where,
                )
            )
            cells[key] = Cell(key, None, "", where)
            continue
        taken = True
        take_corrected(
            cells,
            warnings,
            key,
            value,
            where,
            f"{key}: OCR read {spot.text!r}, set aside as a digit lost (its ink too wide for its digits); taken as "
            f"{value}: each of its identities ({names}) gives it that value, the other cells as read, and it is "
            f"the reading with one digit put back",
        )
    if not taken:
        return checks
    return recheck_identities(cells, checks, warnings)

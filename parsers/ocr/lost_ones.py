"""A count read with a ``1`` lost: its every identity gives it the reading with a ``1`` put back, never silently.

Tesseract drops a ``1`` (one thin upright stroke, the glyph it most often takes for a speck or a rule's remnant, and
the one the removal of a table's vertical rules thins most): synth_1403's ``（七）总计`` read ``2`` for 12, synth_497's
``17`` read ``7``. The corrections (:mod:`parsers.ocr.correct`) try a lookalike digit and a digit doubled, not a
``1`` lost. Here a count (tables 三 and 四) whose every identity, two at least, fails and would hold with one same
value in it, that value the reading with one ``1`` put back (``2`` → ``12``, ``7`` → ``17``, ``15`` → ``115``), the
other cells of those identities each read as a number no rule changed, is:

- taken (``ocr_corrected``, review required) where the cell is no printed sum: a row and a column that both fail by
  the same amount point at their crossing cell, and the value is the engine's reading with the glyph it loses;
- left blank (``ocr_contradicted``, review required, the reading in ``where.read_as``) where it is a printed sum (an
  identity's one right-hand cell: a row's 总计, a column's 总计): a report may print a total that does not add up
  (synth_402's 1811), and the page cannot tell that from a ``1`` lost.

The checks are recomputed after a value is taken; a blanked sum leaves them as read.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.model import Cell, Check, Warning_
from parsers.ocr.contradicted import as_read, contradicted, printed_sums, take_corrected
from parsers.ocr.correct import recheck_identities
from parsers.ocr.counts import COUNT_TABLES


def with_a_one(raw: str) -> set[int]:
    """Every number ``raw`` (digits) becomes with one ``1`` put back (no number printed with a leading zero)."""
    return {int(s) for i in range(len(raw) + 1) if (s := raw[:i] + "1" + raw[i:])[0] != "0"}


def lost_ones(cells: dict[str, Cell], checks: list[Check], warnings: list[Warning_]) -> list[Check]:
    """Take (or, a printed sum, blank) each count read with a ``1`` lost (see the module's doc); returns the checks,
    recomputed where a value was taken."""
    sums = printed_sums([c for c in checks if c.kind == "identity"])
    found: list[tuple[str, int, list[Check]]] = []
    for key, other, mine in contradicted(cells, checks):
        cell = cells[key]
        if key.split("/", 1)[0] not in COUNT_TABLES or not cell.raw.isdigit():
            continue
        others = set().union(*(c.cell_keys() for c in mine)) - {key}
        if not all(as_read(cells.get(k)) for k in others):
            continue  # a cell lost or changed: the sums as read do not give this one's value
        if not isinstance(other, int) or other not in with_a_one(cell.raw):
            continue
        found.append((key, other, mine))
    taken = False
    for key, other, mine in found:  # judged on the checks as read, then changed together
        cell = cells[key]
        assert cell.where is not None
        where = replace(cell.where, read_as=cell.raw)
        names = ", ".join(sorted(c.name for c in mine))
        if key in sums:
            cells[key] = Cell(key, None, "", where)
            warnings.append(
                Warning_(
                    "ocr_contradicted",
                    f"{key}: OCR read {cell.raw!r}, and each of its identities ({names}) fails and would hold with "
                    f"{other}, the reading with a 1 lost: a printed total, which a report may print wrong; left blank "
                    f"({other} not taken)",
                    key,
                    where,
                )
            )
            continue
        taken = True
        take_corrected(
            cells,
            warnings,
            key,
            other,
            where,
            f"{key}: OCR read {cell.raw!r}, taken as {other}: each of its identities ({names}) fails as read and "
            "holds with it, the reading with a 1 lost (the glyph the engine drops)",
        )
    if not taken:
        return checks
    return recheck_identities(cells, checks, warnings)

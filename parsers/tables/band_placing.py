"""A short row of table 三 laid in the columns the table's whole rows print their values at (the column bands of
:func:`parsers.tables.blank_rows.column_bands`), when the identities like that placement as well as the
tie-break's: the step :mod:`parsers.tables.applications`' rows laid out by spaces and :mod:`parsers.tables.cut_rows`'
rows a layout frame cut in two share. Reported as ``blank_cells_placed`` (a guess: the cells no value stands in
read as blank)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.tables.align import Fit, Value, first_and_total, fit
from parsers.tables.blank_rows import Span, columns_by_bands
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, N_APP
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import Token

# a grid of column bands (:func:`parsers.tables.blank_rows.column_bands`): whether it counts terminal columns (a CJK
# character two), and its runs of whole rows (each: the columns' bands, the run's first and last offsets)
Grid = tuple[bool, list[tuple[list[Span], int, int]]]


def lay_by_bands(
    r: Reading,
    key: str,
    vals: list[Token],
    k: int,
    spans: Sequence[Span],
    grids: Sequence[Grid],
    score: Callable[[list[Value]], int],
    how: str,
) -> Fit | None:
    """``vals[k:]`` (their offsets ``spans``) each in the column whose band on the nearest run of whole rows
    (around the row, or the nearest before and after it) holds it, ``vals[:k]`` in the first ``k`` cells, the
    first grid that places them at all; None when no grid or several placements do, or when ``score`` likes the
    placement less than the tie-break's. ``how`` says how the row is printed, in the warning."""
    text, at = r.extracted.text, spans[0][0]
    placed: set[tuple[int, ...]] = set()
    for wide, runs in grids:
        near = [run for run in runs if run[1] <= at <= run[2]]  # the run of whole rows around the row
        if not near:  # or the nearest before and after it (a page break between)
            near = [run for run in runs if run[2] < at][-1:] + [run for run in runs if run[1] > at][:1]
        placed = {tuple(c) for run in near if (c := columns_by_bands(text, spans, run[0], wide)) is not None}
        if placed:
            break
    if len(placed) != 1:
        return None
    laid: list[Token | None] = [*vals[:k], *[None] * (N_APP - k)]
    for t, col in zip(vals[k:], placed.pop(), strict=True):
        laid[k + col] = t
    if score(Fit(laid, "padded", []).values()) < score(fit(vals, N_APP, score, edge=first_and_total).values()):
        return None
    blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
    r.warn(
        "blank_cells_placed",
        f"{T}/{key}: {len(vals)} values for its {N_APP} cells, {how}; {', '.join(blank)} read as blank (printed "
        "empty: nothing stands in their room; a guess)",
        f"{T}/{key}",
        vals[0],
    )
    return Fit(laid, "positional", [])

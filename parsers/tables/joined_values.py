"""Table 三 rows short of values whose values print two or three to a line, one space between, the rest on lines of
their own (poppler's default text of a narrow table: cells close side by side joined on a line;
:func:`parsers.tables.poppler_blocks.is_poppler_blocks` tells it): a cell printed
empty between two values leaves a gap wider than a space, and the tool parts the line there, so values joined on a
line by one space are cells of neighbouring columns. Measured on poppler's default text of 41 reports with zero cells
printed empty (``empty_zero``): 680 of 680 pairs of a row's values (read right) joined on a line stand in
neighbouring columns; the 36 pairs with an empty cell between them all print on lines of their own. Not in
pdfminer's text of the same PDFs: 2 of its 163 joined pairs have an empty cell between them.

The row's placements are narrowed to those that keep each joined pair in neighbouring columns; where the
identities like one of them best, as well as any placement of the values at all, and no other narrowed placement
as much, it is read, its other cells blank (cells printed empty). Only where the row's values stand on more than
one line (a tool that prints a whole row on a line, ``pdftotext -raw``, joins its values whatever lies between)
and not in text that keeps a blank cell's place (TABs, Markdown's pipes, a layout by spaces). Reported as
``blank_cells_placed`` (a guess: the line breaks, not the identities alone, place the values)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TypeVar

from parsers.tables.align import Fit, Value, first_and_total, fit
from parsers.tables.poppler_blocks import is_poppler_blocks
from parsers.tables.reading import Reading, original_spans
from parsers.tables.templates import APPLICANT_COLUMNS, N_APP
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.tokens import TEXT, Token, number_value

# conventions whose text keeps a blank cell's place (a TAB, a pipe, columns of spaces): read by their own readers
_V = TypeVar("_V")

_PLACED = ("tab", "markdown", "markdown_html", "layout")


def joined_pairs(text: str, spans: Sequence[tuple[int, int]]) -> list[bool] | None:
    """For each two values in a row, whether one space alone stands between them (joined on a line); None where
    no two are joined or where the values all stand on one line."""
    gaps = [text[a[1] : b[0]] for a, b in itertools.pairwise(spans)]
    joined = [g == " " for g in gaps]
    if not any(joined) or not any("\n" in g for g in gaps):
        return None
    return joined


def narrowed(n: int, joined: list[bool]) -> list[tuple[int, ...]]:
    """The columns ``len(joined) + 1`` values may fill among ``n``, in order, each joined pair side by side."""
    return [
        slots
        for slots in itertools.combinations(range(n), len(joined) + 1)
        if all(b == a + 1 for (a, b), j in zip(itertools.pairwise(slots), joined, strict=True) if j)
    ]


def laid_in(slots: Sequence[int], items: Sequence[_V]) -> list[_V | None]:
    """A row of ``N_APP`` cells with ``items`` in the columns ``slots`` names, in order, the others None."""
    row: list[_V | None] = [None] * N_APP
    for s, item in zip(slots, items, strict=True):
        row[s] = item
    return row


def short_rows_by_joined(
    r: Reading,
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """Rows of table 三 short of cells whose values print partly joined on lines (see the module's words): read
    where the narrowed placements leave one reading the identities like best, as well as any placement."""
    assert r.canonical is not None
    if not pending or r.canonical.convention in _PLACED:
        return {}
    text = r.extracted.text
    out: dict[str, Fit] = {}
    poppler: bool | None = None  # asked once, where a row's values are joined
    for key, vals in pending.items():
        if not 2 <= len(vals) < N_APP or (spans := original_spans(r, vals)) is None:
            continue
        if (joined := joined_pairs(text, spans)) is None:
            continue
        if poppler is None:
            poppler = is_poppler_blocks(text)  # pdfminer's lines join values an empty cell parts (2 of 163 pairs)
        if not poppler:
            continue
        score = scorer_for(key)
        nums = [number_value(t[TEXT]) for t in vals]
        best: int | None = None
        tops: list[tuple[int, ...]] = []
        seen: set[tuple[Value, ...]] = set()
        for slots in narrowed(N_APP, joined):
            row = laid_in(slots, nums)
            p = score(row)
            if best is None or p > best:
                best, tops, seen = p, [slots], {tuple(row)}
            elif p == best and tuple(row) not in seen:
                tops.append(slots)
                seen.add(tuple(row))
        if best is None or len(tops) != 1 or best < score(fit(vals, N_APP, score, edge=first_and_total).values()):
            continue
        laid = laid_in(tops[0], vals)
        blank = [APPLICANT_COLUMNS[c] for c in range(N_APP) if laid[c] is None]
        r.warn(
            "blank_cells_placed",
            f"{T}/{key}: {len(vals)} values for its {N_APP} cells, some printed side by side on a line (neighbouring "
            f"columns: an empty cell parts the line): the one placement that keeps them so and fits the identities "
            f"best; {', '.join(blank)} read as printed empty (a guess)",
            f"{T}/{key}",
            vals[0],
        )
        out[key] = Fit(laid, "positional", [])
    return out

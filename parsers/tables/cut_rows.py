"""Rows of table 三 short of cells, in a table a page layout's frame cut in two: each value in the column the
table's whole rows print at its place.

pandoc's plain and Markdown writers print a portal's one-column layout table (the table a CMS puts the whole report
in) as a frame of ``| … |`` lines (``parsers.conventions``' ``layout_table``), and the report's tables inside it
as tables laid out by spaces, wider than the frame: each of their lines is cut at the frame's width and goes on
on the next line. A row of table 三 prints its label and its first values on one line (``1、属于国家秘密   0``)
and the rest on the next (``0   0      1   0   1``). A blank cell prints nothing but keeps its room there, as in
any table laid out by spaces, and the cut falls at the same place on every line: the values the whole rows print
on their second line stand at the same places, line after line
(:func:`parsers.tables.blank_rows.column_bands`, a run of three such rows at least). A short row whose first line
prints as many values as the whole rows' first lines (those cells) has each value of its second line read in the
column whose place it stands in, when the identities like that placement as well as any other. The cells no
value stands in are blanks the report printed. Reported as ``blank_cells_placed`` (a guess).
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.tables.align import Fit, Value
from parsers.tables.band_placing import lay_by_bands
from parsers.tables.blank_rows import Span, column_bands
from parsers.tables.reading import Reading, original_spans
from parsers.tables.templates import N_APP
from parsers.tables.tokens import LINE, Token


def _two_lines(tokens: list[Token]) -> int | None:
    """How many of a row's values stand on its first line, when they print on two lines (the first ones on one
    line, the rest on a later one); else None."""
    lines = [t[LINE] for t in tokens]
    cut = next((k for k in range(1, len(lines)) if lines[k] != lines[0]), None)
    if cut is None or len(set(lines[cut:])) != 1:
        return None
    return cut


def place_cut_rows(
    r: Reading,
    fits: dict[str, Fit],
    pending: dict[str, list[Token]],
    scorer_for: Callable[[str], Callable[[list[Value]], int]],
) -> dict[str, Fit]:
    """The short rows placed by the places the whole rows' second lines print their values at (see the module's
    docstring): row → its fit."""
    assert r.canonical is not None
    if not pending or not any(code == "layout_table" for code, _ in r.canonical.notes):
        return {}
    text = r.extracted.text
    seconds: dict[int, list[list[Span]]] = {}  # values on the first line → the whole rows' second lines
    for f in fits.values():
        if f.how not in ("exact", "positional") or None in f.tokens:
            continue
        toks = [t for t in f.tokens if t is not None]
        k = _two_lines(toks)
        if k is not None and (spans := original_spans(r, toks[k:])) is not None:
            seconds.setdefault(k, []).append(list(spans))
    if len(seconds) != 1:
        return {}  # no whole row cut in two, or rows cut at different places: no one layout
    ((k, rows),) = seconds.items()
    grids = [(wide, runs) for wide in (False, True) if (runs := column_bands(text, sorted(rows), N_APP - k, wide,
                                                                              labelled=False))]  # fmt: skip
    if not grids:
        return {}
    out: dict[str, Fit] = {}
    for key, vals in pending.items():
        if len(vals) >= N_APP or _two_lines(vals) != k or (spans := original_spans(r, vals[k:])) is None:
            continue
        how = (
            f"the row cut in two by a page layout's frame ({k} on its label's line, the rest on the next): each "
            "value of the next line read in the column the table's whole rows print at its place"
        )
        if (laid := lay_by_bands(r, key, vals, k, spans, grids, scorer_for(key), how)) is not None:
            out[key] = laid
    return out

"""Table 三 read in bands of rows (:mod:`parsers.tables.band_order`) whose order a row label contradicts.

The bands' reading takes the value stream's rows in the template's order; the identities confirm it only up to an
exchange of rows they sum alike: table 三's result rows (予以公开 … the last 其他), which (七)总计 adds up column by
column and no other identity names, can trade places whole and every identity still holds. pdfminer's text with
vertical-text detection (``-V``) prints groups of boxes out of the page's order (groups holding a vertical box
right to left), so a row's values can print among other rows' (tuning 10632: 本机关不掌握相关政府信息's values
read under 属于三类内部事务信息, 予以公开's under 属于行政执法案卷, every identity holding). Where a row the bands
read alone (a band of one row, left to right) prints its values right after another result row's label (nothing
but label text between), and the two rows read differently, the stream's order of the result rows is shown wrong
and nothing confirms the reading's: in every column where the result rows do not all read alike, their cells are
left blank (``placement_open``, naming the rows). Columns where they all read alike (all 0) read the same under
any exchange.
"""

from __future__ import annotations

import dataclasses

from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, RESULT_ROWS_2019, RESULT_ROWS_2021, RowDef
from parsers.tables.tokens import IS_LABELISH, IS_VALUE, Token

_T = "applications"


def _after_label(r: Reading, rows: list[RowDef], at: int) -> str | None:
    """The row whose label prints right before token ``at`` (label text only between them), if one row's does."""
    k = at - 1
    while k >= 0 and not r.tokens[k][IS_VALUE] and not r.tokens[k][IS_LABELISH]:
        k -= 1
    if k < 0 or not r.tokens[k][IS_LABELISH]:
        return None
    named = [row.key for row in rows if r.find(row, k, k + 1) is not None]
    return named[0] if len(named) == 1 else None


def blank_label_contradicted(
    r: Reading, t: Reading, rows: list[RowDef], values: list[Token], heights: tuple[int, ...], app_fmt: str
) -> list[str]:
    """Blank ``t``'s result-row cells the bands' order leaves unconfirmed (see the module's doc), warned; returns
    the cells' keys (none: nothing shown wrong)."""
    results = set(RESULT_ROWS_2021 if app_fmt == "2021" else RESULT_ROWS_2019)
    at = {id(v): i for i, v in enumerate(r.tokens)}
    width = len(APPLICANT_COLUMNS)

    def read(row: str) -> list[object]:
        return [t.cells[f"{_T}/{row}/{c}"].value if f"{_T}/{row}/{c}" in t.cells else None for c in APPLICANT_COLUMNS]

    pairs: list[tuple[str, str]] = []
    first = 0
    for height in heights:
        row = rows[first].key
        if height == 1 and row in results and id(values[first * width]) in at:
            named = _after_label(r, rows, at[id(values[first * width])])
            if named is not None and named != row and named in results and read(named) != read(row):
                pairs.append((row, named))
        first += height
    if not pairs:
        return []
    blanked: list[str] = []
    for col in APPLICANT_COLUMNS:
        keys = [f"{_T}/{row}/{col}" for row in sorted(results)]
        if len({t.cells[k].value if k in t.cells else None for k in keys}) > 1:
            for k in keys:
                if k in t.cells and t.cells[k].value is not None:
                    t.cells[k] = dataclasses.replace(t.cells[k], value=None, raw="")
                    blanked.append(k)
    said = "; ".join(f"{row}'s values print after {named}'s label" for row, named in pairs)
    t.warn(
        "placement_open",
        f"table 三: read in bands of rows, {said}: the text prints the result rows out of the template's order, "
        "and every identity holds under any exchange of them (（七）总计 sums them alike); their "
        f"{len(blanked)} cells in the columns where they do not all read alike left blank",
        _T,
        values[0],
    )
    return blanked

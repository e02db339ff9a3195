"""Table 三's （六）其他处理 left unread in both of its shapes: said of the one-row shape too.

A 2021-format table 三 prints （六）其他处理 as three rows (``other.no_correction``, ``other.unpaid_fee``,
``other.other``); some reports of the 2021 format print it as one row, the 2019 format's shape
(``applications/other/<col>``, read so where :func:`parsers.tables.applications_start.merged_other` finds that row).
Where the table was read with 2021's rows and none of the three was read, each said lost already (a warning
naming it), the text may print the one row that no reading found (synth_8014's markitdown Markdown: labels one
character a line): its cells are lost as well, and :func:`warn_other_unread` says so, keyed by that row, so that no
cell of either shape is left blank unsaid."""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICATION_ROWS_2021, APPLICATIONS_TABLE

T = APPLICATIONS_TABLE
_OTHER_2021 = tuple(row.key for row in APPLICATION_ROWS_2021 if row.key.startswith("other."))
_OTHER_2019 = "other"  # the 2019 format's one row (templates.APPLICATION_ROWS_2019)


def _named(r: Reading, row: str) -> bool:
    """Whether a warning's key names the row (the row, one of its cells, or the table)."""
    full = f"{T}/{row}"
    return any(w.key is not None and (w.key in (T, full) or w.key.startswith(f"{full}/")) for w in r.warnings)


def warn_other_unread(r: Reading, app_fmt: str) -> None:
    """``missing_row`` keyed ``applications/other`` where table 三, read with 2021's rows, read no cell of
    （六）其他处理's three rows and a warning names each of them: the one-row shape's cells are blank too."""
    if app_fmt != "2021" or f"{T}/{_OTHER_2019}" in {w.key for w in r.warnings}:
        return
    prefixes = tuple(f"{T}/{row}/" for row in _OTHER_2021)
    if any(cell.value is not None for key, cell in r.cells.items() if key.startswith(prefixes)):
        return
    if not all(_named(r, row) for row in _OTHER_2021):
        return
    r.warn(
        "missing_row",
        f"table 三: none of （六）其他处理's rows ({', '.join(_OTHER_2021)}) read; were it printed as one row (the "
        f"2019 format's shape, {T}/{_OTHER_2019}/<col>), that row was not found either: its cells are blank",
        f"{T}/{_OTHER_2019}",
    )

"""XLSX and XLS → text: every non-empty sheet is one table, its rows TAB-joined.

python-calamine reads both formats. Numbers are written as the sheet shows them: an integral float is an
integer (``5``, not ``5.0``), other floats keep their shortest exact form (``113369.3126``). Cells covered by
a merge are empty (calamine reports the value at the merge's top-left only).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.chrome import join_wrapped
from parsers.readers.package_check import check_workbook


def format_value(value: Any) -> str:
    """One cell value as text, numbers as written."""
    kind = value.__class__
    if kind is str:  # most cells: a label, or "" for an empty cell
        if "\n" not in value and "\r" not in value:
            return " ".join(value.split())
    elif kind is float and value == value and abs(value) < 1e15:  # a finite number
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return (
            value.isoformat(sep=" ")
            if (value.hour, value.minute, value.second) != (0, 0, 0)
            else (value.date().isoformat())
        )
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return join_wrapped(str(value).replace("\r", "").split("\n"))


Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first column), (last row, last column))


def _sheets_calamine(data: bytes) -> list[tuple[str, list[list[Any]], list[Merge]]]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [wb.get_sheet_by_name(name) for name in wb.sheet_names]
        return [
            (sheet.name, sheet.to_python(skip_empty_area=False), list(sheet.merged_cell_ranges or ()))
            for sheet in sheets
        ]
    except pc.PasswordError as exc:
        raise UnreadableDocument(f"password-protected workbook: {exc}", code="encrypted") from exc
    except Exception as exc:  # CalamineError, XmlError, ZipError and friends
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise UnreadableDocument(f"password-protected workbook: {exc}", code="encrypted") from exc
        raise UnreadableDocument(f"workbook that calamine cannot read: {exc}", code="corrupt") from exc


# the text of a whole float from 0 to 1023 (most of a report's counts), as format_value writes it: one dictionary
# look-up instead of is_integer, int and str (-0.0 is 0.0 as a key, and written "0" too; NaN is no key)
_WHOLE_TEXT = {float(i): str(i) for i in range(1024)}


def _sheet_rows(rows: Iterable[list[Any]]) -> list[list[str]]:
    whole = _WHOLE_TEXT
    out = [
        [  # format_value, its common cases (an empty or one-line string, a finite float) written out: no call per cell
            (v if not v else " ".join(v.split()) if "\n" not in v and "\r" not in v else format_value(v))
            if v.__class__ is str
            else whole.get(v)
            or (
                (str(int(v)) if v.is_integer() else repr(v)) if -1e15 < v < 1e15 else format_value(v)
            )  # finite, not NaN (NaN compares False)
            if v.__class__ is float
            else format_value(v)
            for v in row
        ]
        for row in rows
    ]
    width = 0
    for r in out:
        if len(r) > width:  # a row no longer than the widest so far cannot widen the grid
            filled = _filled_width(r)
            if filled > width:
                width = filled
    return [r if len(r) == width else r[:width] + [""] * (width - len(r)) for r in out]


def _without_covered(rows: list[list[Any]], merges: list[Merge]) -> list[list[Any]]:
    """The rows without the cells a merge covers from its left: a cell merged across columns is one cell.

    A sheet holding several tables (LibreOffice Calc's import of an HTML page, an organ's sheet with its tables
    one under another) has the union of their columns: a table's cell spans as many sheet columns as other
    tables' borders fall inside it, so its row has more cells than the table has columns, blanks between its
    values. Its merges say which cells are one: kept as one, the row has the table's own cells again, blanks
    where the table printed none (a merge spanning rows keeps its first column in each row it covers).
    """
    covered: dict[int, set[int]] = {}
    for (r0, c0), (r1, c1) in merges:
        if c1 > c0:
            for r in range(r0, r1 + 1):
                covered.setdefault(r, set()).update(range(c0 + 1, c1 + 1))
    if not covered:
        return rows
    return [
        [v for c, v in enumerate(row) if c not in covered[i]] if i in covered else row for i, row in enumerate(rows)
    ]


def _filled_width(row: list[str]) -> int:
    """The row's length up to its last non-empty cell."""
    for i in range(len(row) - 1, -1, -1):
        if row[i]:
            return i + 1
    return 0


def read_sheet(data: bytes) -> Extracted:
    if not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    kind = "xlsx" if data.startswith(b"PK") else "xls"
    if kind == "xlsx":
        data = check_workbook(data)
    tb = TextBuilder()
    for _name, rows, merges in _sheets_calamine(data):
        grid = _sheet_rows(_without_covered(rows, merges))
        if not any(any(r) for r in grid):
            continue
        tb.clean_rows(grid, table=tb.new_table())  # format_value collapses every cell already
        tb.blank()
    text = tb.text()
    if not text.strip():
        raise UnreadableDocument("workbook without any cell values", code="empty")
    return Extracted(kind=kind, text=text, spans=tb.spans, grid=True)

"""One table's reading kept from losing the whole report: an exception raised inside a table's reader (a bug the
text found, as an OCR word under a header name once stopped ``named_columns.by_names`` and two scans read nothing)
leaves that table's cells blank (no other reading of it is tried) and the other tables read. The warning
``table_read_error`` names the table and the exception (its type, message and the line that raised it) so the bug
can be found, and makes the report ``review: required``.

Tests and CI must still see such a bug: with ``NIANBAO_TABLE_ERRORS=raise`` (tests/conftest.py sets it) the
exception is raised as before; ``scripts/synth_score.py`` names the reports that warn ``table_read_error``.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from parsers.tables.reading import Reading

CODE = "table_read_error"
ENV = "NIANBAO_TABLE_ERRORS"
_R = TypeVar("_R")


def guarded(r: Reading, name: str, table: str, read: Callable[[], _R]) -> tuple[bool, _R | None]:
    """``read()`` (table ``name``, whose cells' keys start with ``table/``), and whether it ended without an
    exception, with what it returned. Where it raised, the cells it had put under ``table/`` and the warnings it
    had made are taken away (a reading stopped half-way is no reading), ``r`` warns ``table_read_error`` and
    ``(False, None)`` is returned; with ``NIANBAO_TABLE_ERRORS=raise`` the exception is raised instead."""
    warned = len(r.warnings)
    try:
        return True, read()
    except Exception as exc:  # one table's reader only: the report's other tables are read
        if os.environ.get(ENV, "").strip().lower() == "raise":
            raise
        for key in [k for k in r.cells if k.startswith(table + "/")]:
            del r.cells[key]
        for row in [k for k in r.disputed if k.startswith(table + "/")]:
            del r.disputed[row]
        del r.warnings[warned:]
        r.warn(CODE, f"{name} ({table}) not read, its cells blank: {describe(exc)}", table)
        return False, None


def describe(exc: BaseException) -> str:
    """The exception as a bug report's line: its type, message and where it was raised (file:line in function)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"

"""A cell read, left blank where it was printed, and said: the rules that find a reading is no reading of its cell."""

from __future__ import annotations

from parsers.model import Cell
from parsers.tables.reading import Reading


def blank_read_cell(r: Reading, key: str, code: str, message: str) -> None:
    """Leave the cell ``key`` of ``r`` blank, where it was printed, and say why (``code``, keyed by its row)."""
    r.cells[key] = Cell(key, None, "", r.cells[key].where)
    r.warn(code, message, "/".join(key.split("/")[:2]))

"""A cell set aside: left blank after the tables are read, what was read kept on its provenance, and said.

Rules that find a reading no cell of the table can hold (a scan's fraction in a count, ``parsers/ocr/counts.py``; a
count printed as a spaced decimal in text, ``parsers/tables/spaced_counts.py``; a sum read below its parts,
``parsers/ocr/low_sums.py`` …) blank the cell the same way: its value and raw text gone, the raw text kept on its
provenance as ``read_as``, and a warning with the rule's code. One function for all of them, so that the OCR rules
and the text rules share it without one package importing the other.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.model import Cell, Warning_


def set_aside(cells: dict[str, Cell], warnings: list[Warning_], key: str, code: str, message: str) -> None:
    """The cell ``key`` left blank, what was read kept on it (``read_as``), and said (``code``)."""
    cell = cells[key]
    where = replace(cell.where, read_as=cell.raw) if cell.where is not None else None
    cells[key] = Cell(key, None, "", where)
    warnings.append(Warning_(code, message, key, where))

"""A count printed as a spaced decimal, left blank: tables 三 and 四 count whole numbers (SCHEMA.md).

Text tools print a number's point with spaces around it (``7 4. 2``), and the tables reader joins such a piece into
one number (``spaced_number``). In a cell that counts, a fraction is no reading of the table: the spaces around the
point belong to something else, as where a wrapped label's item number stands on its row's line of values (a label
column one glyph wide, ``2． 649   0 …`` in a tuning report's Chromium PDF, 649 read as 2.649). Such a cell is set aside
after the tables are read (``spaced_fraction_in_count``, review required), what was read kept on its provenance
(``read_as``; :func:`parsers.set_aside.set_aside`, which the scan rules share): a blank, not a guess at the number
after the point. Set aside after the reading, as a scan's fraction in a count is (``parsers/ocr/counts.py``), not while
the rows are read: a blank cell there sends the tables to the readings by text boxes, whose cost (seconds on one
report) no cell repays.
"""

from __future__ import annotations

from parsers.model import Cell, Warning_
from parsers.set_aside import set_aside
from parsers.tables.templates import APPLICATIONS_TABLE, REVIEW_TABLE

_COUNT_TABLES = (APPLICATIONS_TABLE + "/", REVIEW_TABLE + "/")


def blank_spaced_fractions(cells: dict[str, Cell], warnings: list[Warning_]) -> None:
    """Each count of tables 三 and 四 read from a number printed with a space at its point: left blank, said. So
    too where the digits after the point are 0 (``1．  0``, an item's number before its row's value 0, read 1.0):
    a count prints no point, whatever the digits after it."""
    for key, cell in list(cells.items()):
        value = cell.value
        if not isinstance(value, float) or " " not in cell.raw:
            continue
        if not key.startswith(_COUNT_TABLES):
            continue
        set_aside(
            cells,
            warnings,
            key,
            "spaced_fraction_in_count",
            f"{key}: {cell.raw!r} would read {value}, a decimal, in a count (tables 三 and 四 count whole "
            "numbers): the spaces around its point are no decimal's (an item number before a value?); left blank",
        )

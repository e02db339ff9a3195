"""Empty grid fields between a row's label and its values where the grid is the page's rules, not the table's cells.

markitdown reads a PDF's tables with pdfplumber, on a grid of the rules the page draws: where a table's columns
are narrow, one grid field holds the values of two or three of the template's columns, a space apart
(``| 20 0 | 23 0 | 0 0 43 |`` for table 三's seven cells), and the fields left of the value fields are the label
columns' room, empty in the rows whose label the page prints elsewhere (``| 三、本年度办理结 |     | (一)予以公开 |
    | 8 0 | 1 0 | 0 9 |``). The Markdown reader reads an empty field just before a row's first value as a value
column printed empty (自然人 blank: :func:`parsers.conventions._n_label_cells`), which holds for a grid of the
table's own cells; on this grid it puts the row's values a column off (8 read as 商业企业's).

The grid is the same in every row of the table: a field that is a value field (自然人 and 商业企业's, printed empty
where both are blank) prints numbers in other rows of as many fields. So in a row any of whose fields holds two
numbers or more a space apart, the empty fields between its last label field and its first value field in which
no pipe row of as many fields prints a number are the label columns' room and no cell: they are left out, so a row
that prints fewer values than cells is read as a short row (placed where the identities decide, else left blank and
said so), never as a whole row shifted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_NUMBER = r"[+\-－−]?\d[\d,]*(?:\.\d+)?"
_NUMBERS = re.compile(rf"^\s*{_NUMBER}(?:\s+{_NUMBER})*\s*$")
_SEVERAL = re.compile(rf"^\s*{_NUMBER}(?:\s+{_NUMBER})+\s*$")

ValueFields = dict[int, set[int]]  # a pipe row's number of fields → the fields that print numbers in some such row
NO_FIELDS: ValueFields = {}


def value_fields(lines: Sequence[str], cells: Callable[[str], list[tuple[int, int]]]) -> ValueFields:
    """Per number of fields, the fields in which some pipe row of ``lines`` with that many prints numbers only."""
    out: ValueFields = {}
    for line in lines:
        if "|" not in line:
            continue
        fields = [line[s:e] for s, e in cells(line)]
        found = {k for k, field in enumerate(fields) if _NUMBERS.match(field)}
        if found:
            out.setdefault(len(fields), set()).update(found)
    return out


def label_room(raw: list[str], fields: ValueFields) -> set[int]:
    """The indexes of ``raw`` (a pipe row's cells as printed) that are empty fields between the row's last label
    field (a field printing anything but numbers) and its first value field, in which no row of as many fields
    prints a number (``fields``: :func:`value_fields`), where some field of the row holds two numbers or more a
    space apart; empty otherwise."""
    if not any(_SEVERAL.match(cell) for cell in raw):
        return set()
    first = next((k for k, cell in enumerate(raw) if _NUMBERS.match(cell)), None)
    if first is None:
        return set()
    numbered = fields.get(len(raw), set())
    room: set[int] = set()
    for k in range(first - 1, -1, -1):
        if raw[k].strip():
            return room  # the label's field: the empty ones after it are its room
        if k in numbered:
            return set()  # a value field printed empty: the row's empty cells are not told apart
        room.add(k)
    return set()  # no label before the values: the row's own empty cells are not told apart

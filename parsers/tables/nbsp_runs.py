"""Table 四's row printed as runs of digits with its blank cells as no-break spaces among them, on one line
(BeautifulSoup's ``get_text()`` with no separator: each cell's text glued to the next, an empty cell's ``&nbsp;`` one
no-break space: ``0103400000\xa0\xa0\xa0\xa0\xa0`` for 0 1 0 3 4, 0 0 0 0 0 and a blank 复议后起诉 row).

The no-break spaces are the blank cells where they are printed: a run of five (or ten) makes a whole row (two) blank,
and the digits before and after it fill the rows before and after it. Each stretch of digits is split into its rows
so that every row's total holds; the row is read only where exactly one such split of the whole line exists. A run
of no-break spaces that is not whole rows (a blank cell inside a row), a line that prints anything else, or a split
the totals leave open: nothing is read here (the caller's other readings go on)."""

from __future__ import annotations

import re

from parsers.tables.solve import split_rows

_LINE = re.compile(r"[0-9\xa0]+")
_PIECE = re.compile(r"[0-9]+|\xa0+")
MAX_SPLITS = 8  # splits of one stretch searched at most; as many: too many to tell


def blank_rows_by_nbsp(line: str, n_rows: int, n_cols: int) -> list[tuple[int, ...] | None] | None:
    """The rows of a table whose one data row ``line`` prints (spaces at its ends aside) as stretches of digits and
    runs of no-break spaces, each no-break space a blank cell and each run whole rows: each row's numbers (None for
    a blank row), where exactly one split of the digits into the other rows holds every row's total. None where the
    line is not so printed, no run of no-break spaces is there, or no split or several hold."""
    body = line.strip(" \t\r\n")
    if "\xa0" not in body or not _LINE.fullmatch(body):
        return None
    pieces = _PIECE.findall(body)
    layout: list[str | int] = []  # a stretch of digits, or the number of blank rows a run of no-break spaces makes
    for piece in pieces:
        if piece[0] == "\xa0":
            if len(piece) % n_cols:
                return None  # a blank cell inside a row: not whole rows
            layout.append(len(piece) // n_cols)
        else:
            layout.append(piece)
    blank = sum(p for p in layout if isinstance(p, int))
    stretches = [p for p in layout if isinstance(p, str)]
    if not stretches or blank + len(stretches) > n_rows:
        return None
    found: list[list[tuple[int, ...] | None]] = []
    for counts in _row_counts(len(stretches), n_rows - blank):
        readings: list[list[tuple[int, ...] | None]] = [[]]
        for digits, rows in zip(stretches, counts, strict=True):
            splits = split_rows(digits, rows, n_cols, limit=MAX_SPLITS)
            if splits is None or len(splits) >= MAX_SPLITS:
                return None  # too many to tell
            readings = [[*done, *split] for done in readings for split in splits]
        for reading in readings:
            out: list[tuple[int, ...] | None] = []
            at = 0
            stretch = 0
            for piece in layout:
                if isinstance(piece, int):
                    out += [None] * piece
                else:
                    out += reading[at : at + counts[stretch]]
                    at += counts[stretch]
                    stretch += 1
            found.append(out)
    distinct = {tuple(r) for r in found}
    return list(next(iter(distinct))) if len(distinct) == 1 else None


def _row_counts(stretches: int, rows: int) -> list[tuple[int, ...]]:
    """The ways to give ``rows`` rows to ``stretches`` stretches of digits in order, one row each at least."""
    if stretches == 1:
        return [(rows,)] if rows >= 1 else []
    return [(first, *rest) for first in range(1, rows) for rest in _row_counts(stretches - 1, rows - first)]

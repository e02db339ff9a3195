"""Table 四's row printed as runs of digits with its blank cells as no-break spaces among them, on one line
(BeautifulSoup's ``get_text()`` with no separator: each cell's text glued to the next, an empty cell's ``&nbsp;`` one
no-break space: ``0103400000\xa0\xa0\xa0\xa0\xa0`` for 0 1 0 3 4, 0 0 0 0 0 and a blank 复议后起诉 row).

The no-break spaces are the blank cells where they are printed: a run of five (or ten) makes a whole row (two) blank,
and the digits before and after it fill the rows before and after it. Each stretch of digits is split into its rows
so that every row's total holds; the row is read only where exactly one such split of the whole line exists. A run
of no-break spaces that is not whole rows (a blank cell inside a row), a line that prints anything else, or a split
the totals leave open: nothing is read here (the caller's other readings go on)."""

from __future__ import annotations

import itertools
import math
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


MAX_ROW_SPLITS = 20_000  # splits of one row's digits tried at most; past it: too many to tell


def row_splits_by_nbsp(printed: str, n: int) -> list[tuple[int | None, ...]] | None:
    """A table row of ``n`` cells printed (``printed``: from its first digit to its line's end, spaces at the ends
    aside) as stretches of digits and no-break spaces, each no-break space a blank cell where it stands
    (``22\\xa0000022`` for 22, a blank, 0 0 0 0 22): every split of the stretches into the other cells, each stretch
    one number at least (none but 0 printed with a leading 0), whose last cell is the sum of the others (the row's
    总计; a blank counts nothing). None where the row is not so printed (no no-break space, anything but digits
    and them), or past :data:`MAX_ROW_SPLITS` splits."""
    body = printed.strip(" \t\r\n")
    if "\xa0" not in body or not _LINE.fullmatch(body):
        return None
    pieces = _PIECE.findall(body)
    blanks = sum(len(p) for p in pieces if p[0] == "\xa0")
    stretches = [p for p in pieces if p[0] != "\xa0"]
    if not stretches or blanks + len(stretches) > n:
        return None
    out: dict[tuple[int | None, ...], None] = {}
    tried = 0
    for counts in _row_counts(len(stretches), n - blanks):
        if any(c > len(s) for c, s in zip(counts, stretches, strict=True)):
            continue
        if any(math.comb(len(s) - 1, c - 1) > MAX_ROW_SPLITS for c, s in zip(counts, stretches, strict=True)):
            return None
        parts: list[list[tuple[int, ...]]] = []
        for digits, c in zip(stretches, counts, strict=True):
            parts.append(list(_numbers(digits, c)))
        for combo in itertools.product(*parts):
            tried += 1
            if tried > MAX_ROW_SPLITS:
                return None
            numbers = iter(v for part in combo for v in part)
            row: list[int | None] = []
            stretch = 0
            for piece in pieces:
                if piece[0] == "\xa0":
                    row += [None] * len(piece)
                else:
                    row += [next(numbers) for _ in range(counts[stretch])]
                    stretch += 1
            if row[-1] is not None and sum(v for v in row[:-1] if v is not None) == row[-1]:
                out[tuple(row)] = None
    return list(out)


def _numbers(digits: str, count: int) -> list[tuple[int, ...]]:
    """The ways to cut ``digits`` into ``count`` numbers, none but 0 printed with a leading 0."""
    found: list[tuple[int, ...]] = []
    for cuts in itertools.combinations(range(1, len(digits)), count - 1):
        bounds = (0, *cuts, len(digits))
        pieces = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if all(p == "0" or p[0] != "0" for p in pieces):
            found.append(tuple(int(p) for p in pieces))
    return found

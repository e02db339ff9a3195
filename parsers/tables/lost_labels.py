"""Table 三's rows whose label cell the engine lost, placed by the template's order (the parser's own OCR only).

A scan's ruled table prints each grid row as one TAB line (:mod:`parsers.ocr.layout`). Where the engine reads a
row's label cell as nothing, or as a mark or two (synth_492: ``1,`` and ``3`` for ``1.属于国家秘密`` and
``3.危及“三安全一稳定”``, an empty field for ``2.其他法律行政法规禁止公开``), no label names the row, and
:func:`parsers.tables.row_locate.locate` leaves it missing; a garbled label of its own (the lines carrying
values that ``locate`` places by order) is not needed here. The rows found on either side fix the run of rows missing
between them; when exactly as many lines between them print a whole row (a value in each of the table's last
``n`` fields), every other line between them printing no value, each line is one of those rows in the template's
order. A line is taken only where its total holds (the row's identity as printed) and nothing before its values
names another row of the table. Each row so placed is a ``fuzzy_label`` warning naming the guess.

At the table's start or end (no row found before the run, or none after it: a toner's scan lost the labels of
新收 and 上年结转, synth_1922) the table's own bounds stand for the missing neighbour: the reader's start of table 三
(its heading) and its end. There the lines must print no value before their last ``n`` fields (a row of another
table's values is no row of this one), and each placed row is a ``lost_label_placed`` warning (review required).

A value that prints a disputed glyph (``Extracted.glyph_sets``: a toner's zeros read 6 in one cell, 8 in another,
nothing in a third; the tables' identities choose the glyph's reading after the tables are read,
:func:`parsers.ocr.correct.choose_glyphs`) is no number yet: a line's total holds when it holds under one of the
glyph's readings (every cell of one glyph read alike, as the identities will choose). A row placed so is a
``lost_label_placed`` warning too.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from parsers.tables.applications_start import THREE_TITLE
from parsers.tables.lost_label_fields import on_fields, spaced_fields
from parsers.tables.reading import Found, Reading
from parsers.tables.row_locate import place_in_order
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import RowDef
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE, TABBED, TEXT, Token, number_value

MAX_GLYPH_TRIALS = 64  # combinations of the disputed glyphs' readings a line's total is tried under
TOP_LOOK_BACK = 80  # tokens before one anchor that another of the table's anchors is looked for in
# why a line's row is a guess beyond its place (the third field of :func:`_row_lines`' lines; "": its total holds)
GLYPHED = "its total holding under a disputed glyph's reading"
FIELDS_SAID = " in the fields its neighbours print their values in, every field between them empty"
UNCHECKED = "one cell read as no number, its total unchecked"


def place_lost_labels(
    r: Reading,
    rows: list[RowDef],
    found: list[Found | None],
    n: int,
    table: str,
    start: int | None = None,
    end: int | None = None,
) -> None:
    """Fill ``found`` in place: each run of rows missing between two rows found (or between the table's ``start``
    or ``end`` and a row found), whose lines print exactly as many whole rows (see the module's doc; the walk is
    :func:`parsers.tables.row_locate.place_in_order`). Only in the parser's own OCR (``Extracted.ocr``)."""
    if not r.extracted.ocr:
        return
    glyphs = _glyph_readings(r)
    guessed: dict[int, str] = {}  # the rows placed by a table's bound or a disputed glyph: why
    spaced: set[int] = set()  # the rows read from their neighbours' fields (:func:`spaced_fields`)

    def whole_rows(k: int, j: int, prev: Found | None, nxt: Found | None) -> list[tuple[int, list[Token]]] | None:
        lo = prev.index if prev is not None else (None if start is None else _table_top(r, start))
        hi = nxt.index if nxt is not None else end
        if lo is None or hi is None or (prev is None and nxt is None):
            return None
        lines = _row_lines(r, rows, lo, hi, n, glyphs, open_end=prev is None or nxt is None)
        if lines is None and prev is not None and nxt is not None:
            # a grid whose rule lines the scan doubled: each row's values in every other field, the fields between
            # empty; a line's values read from the fields both neighbours print theirs in
            fields = spaced_fields(r, prev.index, n)
            if fields is not None and fields == spaced_fields(r, nxt.index, n):
                lines = _row_lines(r, rows, lo, hi, n, glyphs, fields=fields)
                spaced.update(range(k, j) if lines is not None else ())
        if lines is None:
            return None
        for row_k, (_, _, how) in zip(range(k, j), lines, strict=False):
            why = [how] if how else []
            if prev is None or nxt is None:
                why.insert(0, "at the table's " + ("start" if prev is None else "end"))
            if why:
                guessed[row_k] = "; ".join(why)
        return [(i, values) for i, values, _ in lines]

    def placed(row_k: int, label: int, k: int, j: int, values: list[Token]) -> None:
        read = r.tokens[label][TEXT]
        why = guessed.get(row_k)
        r.warn(
            "lost_label_placed" if why else "fuzzy_label",
            f"{table}/{rows[row_k].key}: label cell "
            + (f"read as {read!r}" if read else "read as nothing")
            + f", placed as the template's {rows[row_k].label!r} by the template's order (the {j - k} "
            f"row(s) missing between its neighbours, as many lines printing a whole row"
            + (FIELDS_SAID if row_k in spaced else "")
            + (f"; {why}: " if why else "; the row's total holds: ")
            + f"{', '.join(v[TEXT] or '(nothing)' for v in values)})",
            f"{table}/{rows[row_k].key}",
            next((v for v in values if v[TEXT]), values[0]),
        )

    place_in_order(found, whole_rows, placed)


def _table_top(r: Reading, start: int) -> int:
    """The table's first anchor: from ``start``, the title or 勾稽关系 note printed before it
    (:data:`parsers.tables.applications_start.THREE_TITLE`), close enough to be the same table's (its first page's,
    where ``start`` is the note repeated over its part on the next page: the reader starts the table at the anchor
    nearest the rows it found), chained back."""
    top = start
    for _ in range(3):
        i = r.first_index(THREE_TITLE, max(0, top - TOP_LOOK_BACK), top)
        if i is None:
            break
        top = i
    return top


def _glyph_readings(r: Reading) -> dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]]:
    """Each cell of a disputed glyph set (page, box) → the set's number and its readings."""
    out: dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]] = {}
    for g, glyph_set in enumerate(r.extracted.glyph_sets):
        for spot in glyph_set.spots():
            out.setdefault(spot, (g, glyph_set.readings))
    return out


def _row_lines(
    r: Reading,
    rows: list[RowDef],
    prev: int,
    nxt: int,
    n: int,
    glyphs: dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]],
    *,
    open_end: bool = False,
    fields: tuple[int, ...] | None = None,
) -> list[tuple[int, list[Token], str]] | None:
    """The lines strictly between the lines of tokens ``prev`` and ``nxt`` (``nxt`` may be past the last token)
    that print a value: each a whole row (the index of the token before its values, its values, and why it is a
    guess: "" where its total holds as read, :data:`GLYPHED`, :data:`UNCHECKED` for a line one of whose cells, between
    rows found on both sides, holds nothing or no number), else None (a line printing values otherwise)."""
    tokens = r.tokens
    first = tokens[prev][LINE]
    last = tokens[nxt][LINE] if nxt < len(tokens) else tokens[-1][LINE] + 1
    by_line: dict[int, list[int]] = {}
    for i in range(prev + 1, min(nxt, len(tokens))):
        line = tokens[i][LINE]
        if first < line < last:
            by_line.setdefault(line, []).append(i)
    out: list[tuple[int, list[Token], str]] = []
    for idx in by_line.values():
        cells = [tokens[i] for i in idx]
        if not any(t[IS_VALUE] for t in cells):
            continue  # a group heading, a label's wrapped rest: no value
        if fields is not None:
            split = on_fields(idx, cells, fields)
            if split is None:
                return None
            at, head, tail = split
        elif len(idx) <= n or not all(t[TABBED] for t in cells):
            return None
        else:
            at, head, tail = idx[-n - 1], cells[:-n], cells[-n:]
        unread = [t for t in tail if not (t[IS_VALUE] and t[TEXT])]
        if len(unread) > (0 if open_end else 1):
            return None
        if open_end and any(t[IS_VALUE] for t in head):
            return None  # more values than the table's columns: no row of it
        marks = [t for t in head if t[TEXT] and not r.placeholder(t)]
        if any(any(row.matches(t[COMPACT]) for row in rows) for t in marks):
            return None  # a label of the table: :func:`~parsers.tables.row_locate.locate` judged it
        if unread:
            # one cell read as nothing or as no number (a toner's zero): the total cannot be checked, the line is
            # placed by its place alone between two rows found, where the cells read do not sum past the total
            if not _within_total(r, tail, glyphs):
                return None
            out.append((at, tail, UNCHECKED))
            continue
        values = [number_value(t[TEXT]) for t in tail]
        if any(v is None for v in values):
            return None
        if row_total_holds(values):
            out.append((at, tail, ""))
        elif glyphs and _holds_under_glyphs(r, tail, values, glyphs):
            out.append((at, tail, GLYPHED))
        else:
            return None
    return out


def _within_total(
    r: Reading,
    tail: list[Token],
    glyphs: dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]],
) -> bool:
    """A line one of whose cells reads no number: its other cells sum to no more than its total (a disputed glyph
    counted at its least reading, in the total at its most), or the unread cell is the total."""
    low: list[float] = []
    high: list[float] = []
    for t in tail:
        v = number_value(t[TEXT]) if t[IS_VALUE] and t[TEXT] else None
        if v is None:
            low.append(0.0)
            high.append(float("inf"))
            continue
        readings = _readings(r, t, glyphs)
        low.append(min(readings, default=v))
        high.append(max(readings, default=v))
    return sum(low[:-1]) <= high[-1]


def _readings(
    r: Reading,
    t: Token,
    glyphs: dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]],
) -> list[float]:
    """The readings of a disputed glyph value ``t`` may take (none for a value of no disputed glyph)."""
    if not glyphs or not (len(t[TEXT]) == 1 and t[TEXT].isdigit()):
        return []
    w = r.where(t)
    hit = None if w.page is None or w.box is None else glyphs.get((w.page, w.box))
    return [] if hit is None else [float(x) for x in hit[1] if x.isdigit()]


def _holds_under_glyphs(
    r: Reading,
    tail: list[Token],
    values: Sequence[int | float | None],
    glyphs: dict[tuple[int, tuple[float, float, float, float]], tuple[int, tuple[str, ...]]],
) -> bool:
    """The row's total holds when each disputed glyph among its values is read as one of its set's readings (every
    cell of one set alike)."""
    members: dict[int, list[int]] = {}
    readings: dict[int, tuple[str, ...]] = {}
    for c, t in enumerate(tail):
        w = r.where(t)
        if w.page is None or w.box is None or not (len(t[TEXT]) == 1 and t[TEXT].isdigit()):
            continue
        hit = glyphs.get((w.page, w.box))
        if hit is not None:
            members.setdefault(hit[0], []).append(c)
            readings[hit[0]] = tuple(x for x in hit[1] if x.isdigit())
    if not members:
        return False
    sets = sorted(members)
    for trials, combo in enumerate(itertools.product(*(readings[s] for s in sets)), 1):
        if trials > MAX_GLYPH_TRIALS:
            return False
        trial = list(values)
        for s, reading in zip(sets, combo, strict=True):
            for c in members[s]:
                trial[c] = int(reading)
        if row_total_holds(trial):
            return True
    return False

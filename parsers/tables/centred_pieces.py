"""Table 三 numbers wrapped a digit or two a line inside a cell too narrow for them, their lines centred on the row.

A browser's or an office suite's line breaking inside a table cell (Chromium prints with ``word-break: break-all``)
breaks a number wider than its cell over as many lines as it needs: 749 in a cell one digit wide prints ``7`` /
``4`` / ``9``, 892 in a cell two digits wide ``89`` / ``2``. A cell's lines are centred vertically on the row, as
the row's one-line cells are: a number of three lines prints its middle piece on the row's line, among the one-line
cells, and its first and last pieces on a line above and a line below it; a number of two lines its first piece
above and its last below, nothing on the row's line. A text that prints the page line by line (pdfplumber, PyMuPDF's
sorted text, poppler's layout and default modes, pypdf's layout mode, markitdown's PDF text) prints::

    7 7
    1．本机关不掌握
    4 0 0 0 0 0 4
    相关政府信息
    9 9

for 749 0 0 0 0 0 749: the pieces above and below have no label of their own, and the middle line, read alone, even
holds the row total (``4 0 0 0 0 0 4``). Here the row's cells are the middle line's values, the pieces printed on
the lines above it (up to the row's label) and the pieces printed on the lines below it (past the rest of its
wrapped label, up to the next row's label), as many above as below: the ``i``-th piece above and the ``i``-th below
are one number's first and last pieces, and its middle piece, if it has one, is among the middle line's values in
its column's order. Which columns the wrapped numbers are, and which of them print a middle piece, is not in a text
without positions: every placement that keeps each line's order, starts no number with 0 and holds the row total
is a reading (:func:`centred_readings`); the caller reads the one there is, or lets the table's identities choose
among several, or leaves the cells they read differently blank."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from parsers.tables.align import Value
from parsers.tables.read_alike import read_placements
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_pieces import by_line, end_values
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

MAX_READINGS = 24  # placements kept at most: more say the text does not place the pieces
MAX_PIECES = 4  # wrapped numbers of one row at most (pieces above, and as many below)
BELOW_LINES = 3  # lines below the row's values looked at: its label's rest (one or two lines), then the pieces


def centred_readings(
    top: list[Token],
    middle: list[Token],
    bottom: list[Token],
    n: int,
    holds: Callable[[list[Value]], bool] = row_total_holds,
    orders: list[tuple[int, ...]] | None = None,
) -> list[list[Token]]:
    """Each reading of a row of ``n`` cells printed as ``middle`` (its line) with the first pieces of its wrapped
    numbers ``top`` (above) and their last pieces ``bottom`` (below), as many of each: the broken numbers' columns
    and which of them print a middle piece on the row's line chosen every way that keeps each line's order; a
    reading is kept where no number starts with 0 and the row's totals hold (``holds``: table 三's row total, or
    table 四's three). ``orders``: the columns' orders of the wrapped numbers (``top``'s indices) to try, where their
    first pieces print on several lines (:func:`pieces_orders`); ``top``'s own order otherwise. Empty where the
    shape does not fit."""
    k, m = len(top), len(middle)
    mids = m + k - n  # wrapped numbers of three lines: their middle piece is on the row's line
    if not 1 <= k <= MAX_PIECES or len(bottom) != k or not 0 <= mids <= k:
        return []
    if not all(t[TEXT].isdigit() for t in (*top, *middle, *bottom)) or any(t[TEXT].startswith("0") for t in top):
        return []
    seen: set[tuple[int, ...]] = set()
    out: list[list[Token]] = []
    pairs = list(zip(top, bottom, strict=True))
    for order, cols in itertools.product(
        orders or [tuple(range(k))],
        itertools.combinations(range(n), k),
    ):
        for with_mid in itertools.combinations(range(k), mids):
            row: list[Token] = []
            mid = iter(middle)
            wrapped = dict(zip(cols, order, strict=True))
            for c in range(n):
                if c not in wrapped:
                    row.append(next(mid))
                    continue
                i = wrapped[c]
                up, down = pairs[i]
                pieces = [up, next(mid), down] if i in with_mid else [up, down]
                head, last = pieces[0], pieces[-1]
                row.append(
                    token(
                        "".join(t[TEXT] for t in pieces),
                        head[START],
                        last[END],
                        head[LINE],
                        head[COL],
                        head[TABBED],
                        split=True,
                    )
                )
            values = tuple(int(t[TEXT]) for t in row)
            if values not in seen and holds(list(values)):
                seen.add(values)
                out.append(row)
                if len(out) > MAX_READINGS:
                    return []
    return out


STACKED = 2  # a number's pieces print this many characters apart at most in a text that keeps their positions


def pieces_orders(text: str, top: list[Token], bottom: list[Token]) -> list[tuple[int, ...]]:
    """The columns' orders of wrapped numbers whose first pieces ``top`` print on several lines (their last pieces
    ``bottom``, paired: :func:`nested`). A number's pieces stack in one column, top to bottom: in a text that keeps
    the page's horizontal positions (poppler's layout mode, PyMuPDF's sorted text) each number's first and last
    pieces start at about one column of their lines (``STACKED``), and the numbers stand in the order of those
    columns: the one order where every number's pieces so stack and each number's columns lie before the next
    one's. Otherwise, or where a piece's line is not laid out by spaces (:func:`_laid_out`), every order that
    keeps each line's (:func:`interleavings`)."""

    def column(t: Token) -> int:
        return t[START] - text.rfind("\n", 0, t[START])

    if not all(_laid_out(text, t[START]) for t in (*top, *bottom)):
        return interleavings([len(ln) for ln in by_line(top)])
    spans = [sorted((column(a), column(b))) for a, b in zip(top, bottom, strict=True)]
    ranked = sorted(range(len(top)), key=lambda i: spans[i])
    if all(hi - lo <= STACKED for lo, hi in spans) and all(
        spans[a][1] < spans[b][0] for a, b in itertools.pairwise(ranked)
    ):
        return [tuple(ranked)]
    return interleavings([len(ln) for ln in by_line(top)])


def _laid_out(text: str, at: int) -> bool:
    """Whether the piece at offset ``at`` prints where the page put it: its line laid out by spaces (no TAB: a TAB
    row's offsets count its cells, as a converter's pipe row read), the piece not at the line's start (a value
    column stands right of the label column: a line that starts with a piece lost its leading spaces, as
    markitdown prints a wrapped number's lone pieces outside its pipe rows)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return at > start and "\t" not in text[start : end if end >= 0 else len(text)]


def interleavings(sizes: list[int]) -> list[tuple[int, ...]]:
    """The column orders of first pieces printed on several lines (``sizes``: how many on each, in the text's
    order, numbered in that order): each line's pieces stand in its order, but a line does not say where its pieces
    stand among another line's (a number of three lines and one of two print their first pieces on different
    lines). One order, the text's, where they are on one line. The orders come in a fixed order, which can decide
    a tie between readings: lexicographic in the lines each place takes its piece from, an earlier line first (so
    the first order is the text's). Also a block's broken numbers and one-line cells in poppler's text
    (``paragraph_pieces``: sizes ``[broken, one-line]``)."""
    groups: list[list[int]] = []
    at = 0
    for size in sizes:
        groups.append(list(range(at, at + size)))
        at += size
    out: list[tuple[int, ...]] = []

    def merge(rest: list[list[int]], done: tuple[int, ...]) -> None:
        if not any(rest):
            out.append(done)
            return
        for g, group in enumerate(rest):
            if group:
                merge([*rest[:g], group[1:], *rest[g + 1 :]], (*done, group[0]))

    merge(groups, ())
    return out


def pieces_below(
    line_tokens: list[list[Token]], want: int, label_lines: set[int], claimed: set[int]
) -> list[Token] | None:
    """The last pieces of a row's wrapped numbers, ``want`` of them, printed on the lines after its values' line
    (``line_tokens``: those lines' tokens, in order): lines of text only (the rest of the row's wrapped label, on no
    row's label line) are passed over, and the pieces gathered from lines that print values only, or after such
    text, none of them read by a row (``claimed``, by offset), until ``want`` are found. None where a row's label
    line, a line of anything else or more pieces come first."""
    got: list[Token] = []
    for tokens in line_tokens:
        texts = [t for t in tokens if t[TEXT]]
        if not texts:
            continue
        if texts[0][LINE] in label_lines:
            return None
        values = end_values(texts)
        if not values:
            if any(t[IS_VALUE] for t in texts):
                return None
            if got:
                return None  # text after the pieces: they end before ``want``
            continue  # the rest of the row's wrapped label
        if any(t[START] in claimed for t in values) or len(got) + len(values) > want:
            return None
        got.extend(values)
        if len(got) == want:
            return got
    return None


CENTRED = (
    "numbers wrapped over lines in narrow cells print their first pieces on the lines above the row's other cells, "
    "their middle pieces (if any) among them and their last pieces on the lines below (pieces joined)"
)


def centred_row(
    r: Reading,
    label: int,
    vals: list[Token],
    label_lines: set[int],
    claimed: set[int],
    n: int,
    key: str,
    after: int | None = None,
) -> list[list[Token]] | None:
    """The readings of a row printed as wrapped numbers centred on it (:func:`_centred_row`), or, where there are
    none, of the row without the values of the line right above the next row's label (token ``after``) where that
    line prints values alone: the next row's wrapped numbers' first pieces, printed above its label as this row's
    are above its own (``3 3`` / ``3.其他 7 0 0 0 0 0 7`` / ``6 6`` / ``1 1 2`` / ``（七）总计 …``); those are
    left to the next row (no longer ``claimed``)."""
    readings = _centred_row(r, label, vals, label_lines, claimed, n, key)
    if readings is not None or after is None:
        return readings
    line = r.tokens[after][LINE] - 1
    last = [t for t in vals if t[LINE] == line]
    if not last or len(last) == len(vals) or last != vals[-len(last) :]:
        return None
    if [t for t in r.line_tokens(line) if t[TEXT]] != last:
        return None
    readings = _centred_row(r, label, vals[: -len(last)], label_lines, claimed, n, key)
    if readings is not None:
        claimed.difference_update(t[START] for t in last)
    return readings


def _centred_row(
    r: Reading, label: int, vals: list[Token], label_lines: set[int], claimed: set[int], n: int, key: str
) -> list[list[Token]] | None:
    """The readings of a row (:func:`centred_readings`) whose values ``vals`` print its middle line, with the first
    pieces of its wrapped numbers above it and as many last pieces below it, none of them read by another row
    (``claimed``, by offset: the pieces are added to it). The first pieces are on lines of values only among the two
    above its label (token ``label``), or on the label's own line before the label (PyMuPDF's sorted text prints a
    line a little higher first), or on the label's line after it (``vals``' first line, its middle line next); the
    last pieces are the rest of ``vals`` on the next line, or the pieces of the lines after the middle line
    (:func:`pieces_below`). Where there is one reading it is said (``merged_digits``). None where the row is not so
    printed."""
    if not vals:
        return None
    if vals[0][LINE] == vals[-1][LINE] and not first_pieces_beside(r, label, label_lines):
        return None  # its values on one line, and no line beside it prints a wrapped number's first pieces
    lines = by_line(vals)
    if len(lines) > 1 + BELOW_LINES or lines[-1][0][LINE] > lines[0][0][LINE] + BELOW_LINES:
        return None
    rest = [t for ln in lines[1:] for t in ln]  # the row's values below its middle line: last pieces, all of them
    adjacent = len(lines) == 2 and lines[1][0][LINE] == lines[0][0][LINE] + 1
    head = r.tokens[label]
    line = head[LINE]
    lead = [t for t in r.line_tokens(line) if t[START] < head[START] and t[TEXT]]
    if not all(t[IS_VALUE] for t in lead):
        lead = []
    above = [t for d in (2, 1) for t in _pieces_above(r.line_tokens(line - d), label_lines)]
    top = [t for t in (*above, *lead) if t[START] not in claimed and t[LINE] < lines[0][0][LINE]] + lead
    top = list(dict.fromkeys(top))  # the lead may be both
    shapes: list[tuple[list[Token], list[Token], list[Token] | None]] = []
    if top:
        shapes.append((top, lines[0], rest if adjacent and len(rest) == len(top) else None))
    if adjacent:
        shapes.append((lines[0], lines[1], None))  # the first pieces on the row's first line, its middle line next
    if lead and top == lead and len(lines) == 1 and len(vals) > len(lead):
        # the three lines of the row merged into its label's (PyMuPDF's sorted text, lines a little apart read as
        # one): the first pieces before the label, the middle line's values after it, then the last pieces
        shapes.append((lead, vals[: -len(lead)], vals[-len(lead) :]))
    for top, middle, below in shapes:
        orders = None
        if below is None:
            after = [r.line_tokens(middle[0][LINE] + d) for d in range(1, BELOW_LINES + 1)]
            own = {t[START] for t in vals}  # the row's own values, claimed as it is read
            below = pieces_below(after, len(top), label_lines, claimed - own)
            if below is not None and middle[0][START] == vals[0][START] and below[: len(rest)] != rest:
                continue  # the row's values below its middle line are last pieces, all of them
            if below is not None and (paired := nested(top, middle[0][LINE], below)) is not None:
                below, orders = paired, pieces_orders(r.text, top, paired)
        if below is not None and (readings := centred_readings(top, middle, below, n, orders=orders)):
            bottom = below
            break
    else:
        return None
    claimed.update(t[START] for t in (*top, *bottom))
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"{key}: {' '.join(t[TEXT] for t in top)} / {' '.join(t[TEXT] for t in middle)} / "
            f"{' '.join(t[TEXT] for t in bottom)}: {CENTRED}; read as {' '.join(t[TEXT] for t in readings[0])}, the "
            "one placement whose row total holds (a guess)",
            key,
            vals[0],
        )
    return readings


def nested(top: list[Token], middle: int, bottom: list[Token]) -> list[Token] | None:
    """The last pieces ``bottom`` in the order of the first pieces ``top`` they complete, the row's values on line
    ``middle``: a cell's lines are centred on the row, so a number's first piece prints as many lines above the
    middle line as its last piece prints below it (a number of three lines ``1`` / ``2`` / ``8`` two lines above
    and below, one of two lines ``5`` / ``7`` one line above and below: ``1 2`` / ``5`` / row / ``7`` / ``8 1``
    for 57 … 128 271). Where each line above has as many pieces as the line as far below, the pieces pair line by
    line (in each line's order); None where the pieces are not so printed (one line above, or lines unlike)."""
    ups = by_line(top)
    downs = {middle - ln[0][LINE]: ln for ln in by_line(bottom)}
    if len(ups) < 2 or any(len(downs.get(ln[0][LINE] - middle, ())) != len(ln) for ln in ups):
        return None
    return [t for ln in ups for t in downs[ln[0][LINE] - middle]]


def first_pieces_beside(r: Reading, label: int, label_lines: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether a line beside the row of label token ``label`` can print its wrapped numbers' first pieces, as
    :func:`centred_row` looks for them: values before the label on its own line and no other text there, or a
    line among the two above the label's line that prints values only (empty cells aside), or values after all of
    its other text where it is no row's label line (``label_lines``; :func:`_pieces_above`). A number wrapped in a
    narrow cell leaves a line of pieces with no row label of their own beside its row; a row whose values print on
    one line (its label's, or the next) with no such line has no wrapped number of that form (an HTML table, a
    sheet, a page whose numbers fit their cells: the line above a row is the row above's label line), and is not
    looked at further. The tokens run in the text's order: those before the label on its line, then the lines
    above, are the tokens just before it, walked back (no list of a line's tokens made: the question is asked of
    every table 三 row no other reading placed)."""
    # each token read as an object, three fields looked up (see ``stacked_pieces.shared_cells``)
    tokens: list[Any] = r.tokens
    line = tokens[label][LINE]
    k = label - 1
    for want in (line, line - 1, line - 2):
        trailing = other = broken = False  # walked back: values at the line's end, text, values before text
        while k >= 0 and (t := tokens[k])[LINE] == want:
            if t[TEXT]:
                if not t[IS_VALUE]:
                    other = True
                elif other:
                    broken = True
                else:
                    trailing = True
            k -= 1
        if trailing and (not other or (want != line and not broken and want not in label_lines)):
            return True
    return False


def _pieces_above(tokens: list[Token], label_lines: set[int]) -> list[Token]:
    """A line's values where it prints nothing else (:func:`_values_only`), or where it prints them after text that
    is no row's label (``label_lines``: the lines row labels were found on): the first piece of the row's own label,
    wrapped in a narrow label column (``（三） 1、属于 1 1`` / ``不予公 国家秘 7 0 0 0 0 0 7`` / ``开 密 1 1`` for
    171 0 0 0 0 0 171, its label found on the middle line), the wrapped numbers' first pieces after it."""
    texts = [t for t in tokens if t[TEXT]]
    if texts and not texts[0][IS_VALUE] and texts[0][LINE] not in label_lines:
        return end_values(texts)
    return _values_only(tokens)


def _values_only(tokens: list[Token]) -> list[Token]:
    """A line's values where it prints nothing else (empty cells aside): a wrapped number's pieces with no label of
    their own. A line that prints text before its values is the rest of some row's label: its values are that
    row's."""
    texts = [t for t in tokens if t[TEXT]]
    return texts if texts and all(t[IS_VALUE] for t in texts) else []


def centred_review(
    r: Reading, vals: list[Token], n: int, holds: Callable[[list[Value]], bool], key: str
) -> list[Token | None] | None:
    """Table 四's row of ``n`` cells printed on three lines, its wrapped numbers' first pieces on the first, its
    other cells (and the middle pieces of numbers of three lines) on the second, their last pieces on the third
    (pdfplumber, markitdown's PDF text: ``1 1`` / ``0 0 0 0 0 0 0 0 1 0 0 0 1`` / ``9 9`` for 19 in two cells):
    the one reading whose totals hold (``holds``), said ``merged_digits``; where several hold, the cells they all
    read alike and the others blank, said ``placement_open``. None where the row is not so printed."""
    lines = by_line(vals)
    if len(lines) == 2 and lines[1][0][LINE] == lines[0][0][LINE] + 1 and len(lines[1]) < len(lines[0]):
        # the first line merged into the second (PyMuPDF's sorted text reads lines a little apart as one, the
        # higher's words first): ``1 1 0 0 0 0 0 0 0 0 1 1 1 0 3`` / ``1 1`` for 11 in two cells
        k = len(lines[1])
        lines = [lines[0][:k], lines[0][k:], lines[1]]
    elif len(lines) != 3 or lines[2][0][LINE] != lines[0][0][LINE] + 2:
        return None
    top, middle, bottom = lines
    readings = centred_readings(top, middle, bottom, n, holds)
    if not readings:
        return None
    printed = " / ".join(" ".join(t[TEXT] for t in ln) for ln in lines)
    return read_placements(r, readings, n, key, vals[0], printed, CENTRED)

"""Table 三 numbers a narrow cell broke over lines: a row of more values than cells whose pieces, joined back,
make the row total hold (``1`` over ``234`` for 1234), and the boxes of such numbers pdfminer's
``boxes_flow=None`` prints after the row's other cells."""

from __future__ import annotations

import itertools
import re

from parsers.tables.align import Fit, Value
from parsers.tables.broken_boxes import box_orders, broken_boxes
from parsers.tables.centred_pieces import BELOW_LINES, centred_readings, nested, pieces_orders
from parsers.tables.checks import (
    identities_at,
)
from parsers.tables.glued_pieces import glued_under
from parsers.tables.paragraph_cells import is_paragraph_cells
from parsers.tables.paragraph_pieces import PARAGRAPH_PIECES, first_cells, is_block_cells, paragraph_readings
from parsers.tables.reading import Reading
from parsers.tables.solve import (
    choose_rows,
    row_total_holds,
)
from parsers.tables.split_digits import join_split_digits
from parsers.tables.stacked_pieces import (
    by_line,
    centred_above,
    end_values,
    open_below,
    pieces_below,
    shared_cells,
    stacked_boxes,
    stacked_under,
)
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import (
    N_APP,
    RowDef,
)
from parsers.tables.tokens import (
    COL,
    END,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)
from parsers.tables.wrapped_digits import wrapped_total


def joined_digits(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row with more values than columns whose values one space apart, in a row laid out with wider gaps,
    make one number each and leave a row whose total holds (``2 0 … 2 0`` for 20 … 20): that reading, reported
    as ``merged_digits``."""
    joined = join_split_digits(r.text, vals, N_APP)
    if joined is None or not row_total_holds([number_value(t[TEXT]) for t in joined[0]]):
        return None
    r.warn("merged_digits", f"{key}: {joined[1]} (a guess; the row total holds)", key, joined[0][0])
    return joined[0]


DIGITS = re.compile(r"[1-9]\d*|0")


def wrapped_fit(r: Reading, vals: list[Token], key: str) -> Fit | None:
    """A row whose total is wrapped below its line (:mod:`parsers.tables.wrapped_digits`): its reading with the
    pieces joined, or the piece below left blank, said as ``wrapped_digits``; None for any other row."""
    found = wrapped_total(r.line_tokens(vals[-1][LINE]), vals, N_APP)
    if found is None:
        return None
    cells, how, read = found
    r.warn(
        "wrapped_digits" if read else "wrapped_digits_blank",
        f"{key}: a piece of a number alone on the line below the row's values, the row total failing as printed; "
        + (f"{how}, the one reading whose row total holds (a guess)" if read else how),
        key,
        vals[-1],
    )
    return Fit(cells, "positional", [])


def rejoin_broken(r: Reading, vals: list[Token]) -> tuple[list[Token], Token, Token, bool] | None:
    """The reading of :func:`_broken_cell` (the row, the two pieces joined, whether the line break chose it among
    several the row total holds), or None."""
    texts = [t[TEXT] for t in vals]
    if not all(DIGITS.fullmatch(x) for x in texts):
        return None
    readings: dict[tuple[int, ...], tuple[list[Token], Token, Token]] = {}
    pairs = [(k, k + 1) for k in range(len(vals) - 1)] + [(0, len(vals) - 1)]
    for a, b in pairs:
        if texts[a] == "0":
            continue  # no number is printed with a leading 0
        first, second = vals[a], vals[b]
        joined = token(
            texts[a] + texts[b], first[START], second[END], first[LINE], first[COL], first[TABBED], split=True
        )
        row = [*vals[:a], joined, *vals[a + 1 : b], *vals[b + 1 :]] if b == a + 1 else [*vals[1:b], joined]
        values = [int(t[TEXT]) for t in row]
        if row_total_holds(values):
            readings.setdefault(tuple(values), (row, first, second))
    if len(readings) == 1:
        return (*next(iter(readings.values())), False)
    broken = [x for x in readings.values() if _across_break(r, x[1], x[2])]
    return (*broken[0], True) if len(readings) > 1 and len(broken) == 1 else None


def rejoined_values(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row of more values than cells read with the pieces of its broken numbers joined (:func:`_broken_cell` for
    one, :func:`_broken_cells` for two to :data:`MAX_BROKEN`), or None."""
    return _broken_cell(r, vals, key) if len(vals) == N_APP + 1 else _broken_cells(r, vals, key)


# pieces more than a row's cells, at most, that its numbers a narrow column broke over lines print, read back by the
# row total: a number wrapped over three lines prints two more (``7`` / ``4`` / ``9`` for 749, a cell one digit wide,
# the row's first and last cells so wrapped: ``7 4 9 0 0 0 0 0 7 4 9``), three such numbers six
MAX_BROKEN = 6


def _broken_cells(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row printing two to :data:`MAX_BROKEN` values more than its cells, each extra one a piece of a cell's number
    that a narrow column broke over lines (Chromium's ``word-break: break-all`` in every cell too narrow for its
    number: ``41`` / ``6`` for 416, ``4`` / ``91`` for 491, ``7`` / ``4`` / ``9`` for 749), the pieces printed one
    after another (pypdf, pypdfium2, ``pdftotext -raw``): the neighbouring pieces joined (no number starts with 0)
    where exactly one such reading of the row holds its total. Reported as ``merged_digits`` (a guess the row total
    confirms); None when no reading or several hold."""
    texts = [t[TEXT] for t in vals]
    extra = len(vals) - N_APP
    if not 1 < extra <= MAX_BROKEN or not all(DIGITS.fullmatch(x) for x in texts):
        return None
    readings = broken_readings(vals)
    if len(readings) != 1:
        return None
    row = next(iter(readings.values()))
    r.warn(
        "merged_digits",
        f"{key}: {len(vals)} values for {N_APP} cells ({' '.join(texts)}); read as "
        f"{' '.join(t[TEXT] for t in row)}, neighbouring pieces joined as one number each (a cell's digits broken "
        "over lines): the one such reading whose row total holds (a guess)",
        key,
        row[0],
    )
    return row


def broken_readings(vals: list[Token]) -> dict[tuple[int, ...], list[Token]]:
    """The readings of a row of digit runs, two or three more than its cells, with neighbouring pieces joined (no
    number starts with 0) whose row total holds, by their values (:func:`_broken_cells`)."""
    extra = len(vals) - N_APP
    readings: dict[tuple[int, ...], list[Token]] = {}
    for joins in itertools.combinations(range(len(vals) - 1), extra):
        row: list[Token] = []
        for k, t in enumerate(vals):
            if k - 1 in joins:
                prev = row[-1]
                if prev[TEXT] == "0":
                    break  # no number is printed with a leading 0
                row[-1] = token(
                    prev[TEXT] + t[TEXT], prev[START], t[END], prev[LINE], prev[COL], prev[TABBED], split=True
                )
            else:
                row.append(t)
        else:
            values = [int(t[TEXT]) for t in row]
            if row_total_holds(values):
                readings.setdefault(tuple(values), row)
    return readings


def pieces_after_label_rest(r: Reading, label_rest: Token, vals: list[Token], k: int, stop: int, n: int) -> int:
    """Values past a row's ``n`` cells that are no unknown row's: the rest of the row's wrapped label (``一、本年`` /
    ``新收政府信息公开申请数量``) printed before all of the row's values, and the values from token ``k`` on, up to
    the next token that is no value (or ``stop``), one to :data:`MAX_BROKEN` more than its cells, where joining
    neighbouring pieces reads the row one way only with its total holding (Chromium's ``word-break: break-all``
    broke numbers in narrow cells over lines: ``56`` / ``6  0  0  0  14  0  58 0`` for 566 … 580, as pypdf,
    pypdfium2, PyMuPDF and ``pdftotext -raw`` print them; :func:`_broken_cell`, :func:`_broken_cells` then read it,
    ``merged_digits``). The index of the token after those values; 0 where they are not so, and in a text that
    prints a cell a paragraph (pdfminer's boxes, poppler's default mode), whose order is not the row's: pdfminer's
    ``boxes_flow=None`` prints a row's broken cells after its others, whose pieces, joined, hold the row's total
    in other columns (1610's 其他处理 row, read as another's). In poppler's default text whose blocks hold a
    broken number's two pieces and the row's neighbouring cells (:mod:`parsers.tables.paragraph_pieces`), a label's
    lines among them (``1、本机关不掌握相关 15`` / ``政府信息`` / ``4``), the values go on where those blocks make the
    row's cells with its total holding."""
    if n != N_APP or not vals:
        return 0
    end = k
    while end < stop and (r.tokens[end][IS_VALUE] or not r.tokens[end][TEXT]):
        end += 1
    row = [*vals, *(t for t in r.tokens[k:end] if t[TEXT])]
    if is_block_cells(r.extracted.text) and paragraph_readings(r, row, n) is not None:
        return end  # poppler's blocks of a broken number's pieces and its neighbours, a label's lines among them
    if label_rest[END] > vals[0][START] or is_paragraph_cells(r.extracted.text):
        return 0
    if not n < len(row) <= n + MAX_BROKEN or not all(DIGITS.fullmatch(t[TEXT]) for t in row):
        return 0
    if len(row) == n + 1:
        return end if rejoin_broken(r, row) is not None else 0
    return end if len(broken_readings(row)) == 1 else 0


def _across_break(r: Reading, first: Token, second: Token) -> bool:
    """``first`` ends its line and ``second`` starts a later one (no number between them on either line): two
    pieces a line's wrap may have broken one number into. Values one line prints apart are two cells."""
    if first[LINE] >= second[LINE]:
        return False
    after = [t for t in r.line_tokens(first[LINE]) if t[START] > first[START] and DIGITS.fullmatch(t[TEXT])]
    before = [t for t in r.line_tokens(second[LINE]) if t[START] < second[START] and DIGITS.fullmatch(t[TEXT])]
    return not after and not before


def _broken_cell(r: Reading, vals: list[Token], key: str) -> list[Token] | None:
    """A row printing one value more than its cells, where one cell's digits were broken over two lines (a narrow
    cell wrapping a number digit by digit: Chromium's ``word-break: break-all``, ``1`` above the row's line and
    ``4`` below it for 14): the two pieces joined, when exactly one reading holds the row total. The pieces stand
    next to each other (pypdf, ``pdftotext -raw``: ``0 0 0 12 2 0 1 4``), or, the broken cell being the row's
    total, first and last (pdfplumber: ``1`` on the label's line, the other values on the next, ``4`` after them).
    Where several readings hold it (``1`` / ``1 0 1 0 0 0 12``: 11 and 0, or 1 and 10), the one whose pieces a
    line break parts (the first ends its line, the second starts the next: a text wrapped at a width, pandoc's
    plain and Markdown writers in a page's layout table), when only one does: two values one line prints apart
    are two cells. Reported as ``merged_digits`` (a guess the row total confirms); None when no reading or
    several hold."""
    found = rejoin_broken(r, vals)
    if found is None:
        return None
    row, first, second, by_break = found
    r.warn(
        "merged_digits",
        f"{key}: {len(vals)} values for {N_APP} cells; {first[TEXT]!r} and {second[TEXT]!r} read as one number "
        f"{first[TEXT]}{second[TEXT]} (a cell's digits broken over two lines), "
        + (
            "of the readings whose row total holds the one whose two pieces a line break parts (a guess)"
            if by_break
            else "the one reading whose row total holds (a guess)"
        ),
        key,
        first,
    )
    return row


def boxes_last(r: Reading, vals: list[Token], key: str) -> list[list[Token]] | None:
    """A row of more values than cells in a text that prints a cell a paragraph, whose numbers broken over lines
    (boxes of two lines or more) print after its other cells (:mod:`parsers.tables.broken_boxes`: pdfminer's
    ``boxes_flow=None``): its readings, one for each placement of the broken boxes (pieces joined) whose row total
    holds; where there is one, it is said (``merged_digits``). None where the row is not so printed."""
    if not is_paragraph_cells(r.extracted.text):
        return None
    boxes = broken_boxes(vals, N_APP)
    if boxes is None:
        return None
    return _box_readings(r, boxes, key, vals[0], BOXES_LAST)


BOXES_LAST = (
    "the numbers broken over lines (pieces joined) print after the row's other cells (a PDF's boxes in the order of "
    "their lower edges)"
)
STACKED = (
    "the numbers broken over two lines print their first pieces on the line above the row's other cells and their "
    "last on the line below (pieces joined)"
)


def paragraph_pieces(r: Reading, vals: list[Token], key: str) -> list[list[Token]] | None:
    """A row of more values than cells in poppler's default text whose numbers broken over two lines print in
    blocks with their neighbouring cells (:mod:`parsers.tables.paragraph_pieces`): its readings whose row total
    holds; where there is one, it is said (``merged_digits``). None where the row is not so printed."""
    if not is_block_cells(r.extracted.text):
        return None
    readings = paragraph_readings(r, vals, N_APP)
    rest: list[Token] = []
    if readings is None and (first := first_cells(r, vals, N_APP)) is not None:
        readings, rest = first
    if readings is None:
        return None
    left = f"; the {len(rest)} values after them ({' '.join(t[TEXT] for t in rest)}) left unread" if rest else ""
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"{key}: {' '.join(t[TEXT] for t in vals)}: {PARAGRAPH_PIECES}; read as "
            f"{' '.join(t[TEXT] for t in readings[0])}, the one reading whose row total holds (a guess){left}",
            key,
            vals[0],
        )
    elif rest:
        r.warn("extra_values", f"{key}: the row's first cells {PARAGRAPH_PIECES}{left}", key, rest[0])
    return readings


def stacked_readings(r: Reading, vals: list[Token], above: list[Token], key: str) -> list[list[Token]] | None:
    """A row whose numbers broken over two lines print their pieces on the lines above and below its other cells
    (:mod:`parsers.tables.stacked_pieces`): its readings, one for each placement of the broken numbers whose row
    total holds; where there is one, it is said (``merged_digits``). None where the row is not so printed."""
    boxes = stacked_boxes(vals, above, N_APP)
    if boxes is None:
        return None
    return _box_readings(r, boxes, key, vals[0], STACKED)


def broken_boxes_read(
    r: Reading,
    vals: list[Token],
    pos: list[Token | None] | None,
    above: list[Token],
    below: list[Token],
    key: str,
    reads: bool,
) -> tuple[list[list[Token]] | None, str]:
    """A row's readings where its numbers broken over lines print apart from its other cells (:func:`boxes_last`,
    :func:`stacked_readings`), and how they print in words; (None, "") for any other row. ``reads``:
    ``reads_above(vals, pos)``, which the caller asked before gathering ``above`` (not asked twice)."""
    if pos is None and len(vals) > N_APP and (boxed := boxes_last(r, vals, key)) is not None:
        return boxed, BOXES_LAST
    if pos is None and len(vals) > N_APP and (para := paragraph_pieces(r, vals, key)) is not None:
        return para, PARAGRAPH_PIECES
    if reads and (boxed := stacked_readings(r, vals, above, key)) is not None:
        return boxed, STACKED
    if pos is not None and len(vals) > N_APP and (under := _cells_then_pieces(r, vals)) is not None:
        cells, pieces = vals[:N_APP], vals[N_APP:]
        r.warn(
            "merged_digits",
            f"{key}: {' '.join(t[TEXT] for t in cells)} / {' '.join(t[TEXT] for t in pieces)}: {BELOW}; read as "
            f"{' '.join(t[TEXT] for t in under)}, each piece starting under the cell it completes and the row total "
            "holding (a guess)",
            key,
            vals[0],
        )
        return [under], BELOW
    if (
        pos is None
        and len(vals) > 1
        and vals[-1][LINE] != vals[0][LINE]
        and (glued := glued_under(r.text, vals, N_APP))
    ):
        if len(glued) == 1:
            r.warn(
                "merged_digits",
                f"{key}: {' '.join(t[TEXT] for t in vals)}: {GLUED_BELOW}; read as "
                f"{' '.join(t[TEXT] for t in glued[0])}, the one reading whose row total holds (a guess)",
                key,
                vals[0],
            )
        return glued, GLUED_BELOW
    if (readings := pieces_below(vals, below, N_APP, r.text)) is not None:
        if len(readings) == 1:
            how = (
                "each piece starting under the cell it completes, the cells' total holding without them by chance"
                if row_total_holds([int(t[TEXT]) for t in vals])
                else "the one reading whose row total holds"
            )
            r.warn(
                "merged_digits",
                f"{key}: {' '.join(t[TEXT] for t in vals)} / {' '.join(t[TEXT] for t in below)}: {BELOW}; read as "
                f"{' '.join(t[TEXT] for t in readings[0])}, {how} (a guess)",
                key,
                vals[0],
            )
        return readings, BELOW
    return None, ""


GLUED_BELOW = (
    "cells side by side glued where their columns are too narrow for a space, split between their digits, and the "
    "pieces on the next line complete numbers broken over two lines, each under the cell it completes (pieces joined)"
)


def _cells_then_pieces(r: Reading, vals: list[Token]) -> list[Token] | None:
    """A row laid out by columns whose values are its cells on one line and, alone on the next, the last pieces of
    some of its numbers broken over two lines (``（七）总计 11 0 0 0 0 0 11`` / ``1 1`` for 111 … 111: a one-line
    label beside a two-line number prints with the number's first line, pypdf's layout mode): the row read by
    :func:`parsers.tables.stacked_pieces.stacked_under` (each piece under the cell it completes, the row total
    holding), else None (the cells read as they print, as before). Each piece is placed by its column, not chosen
    among the cells, so the pieces are not bounded as :func:`parsers.tables.stacked_pieces.pieces_below`'s are: as
    many as the row's cells less one (``1 5 0 1 3 5 4`` / ``6 4 3`` for 16 5 0 14 3 5 43)."""
    cells, pieces = vals[:N_APP], vals[N_APP:]
    line = cells[0][LINE]
    if len(pieces) >= N_APP or any(t[LINE] != line for t in cells) or any(t[LINE] != line + 1 for t in pieces):
        return None
    if not all(t[TEXT].isdigit() for t in vals):
        return None
    under = stacked_under(r.text, cells, pieces)
    if under is None or centred_above(r.text, cells, [k for k, t in enumerate(under) if t[END] != cells[k][END]]):
        return None  # numbers of three lines: their first pieces on the line above (tables/centred_pieces.py)
    return under


BELOW = (
    "the pieces on the line below the row's cells complete numbers broken over two lines whose first pieces print "
    "among the cells (pieces joined)"
)
OPEN_BELOW = (
    "the pieces alone on the line below the row's cells, each under one of them, complete numbers broken over two "
    "lines or are the next row's numbers' first pieces (the row read as printed and with the pieces joined)"
)


def pieces_open(
    r: Reading, vals: list[Token], pos: list[Token | None] | None, below: list[Token]
) -> list[list[Token]] | None:
    """A row no reading took whose cells print on one line and pieces alone on the next, each under one of its cells
    (:func:`parsers.tables.stacked_pieces.open_below`): among its values (a row laid out by columns, ``pos``) or the
    line after it (``below``, :func:`pieces_line`). Its two readings, as printed and with the pieces joined, for the
    table's identities to choose between; None for any other row."""
    if pos is not None and len(vals) > N_APP:
        return open_below(r.text, vals[:N_APP], vals[N_APP:])
    if below and len(vals) == N_APP:
        return open_below(r.text, vals, below)
    return None


def pieces_line(r: Reading, vals: list[Token], label_lines: set[int], claimed: set[int]) -> list[Token]:
    """The digits the line after the row's one line of values prints alone or after text that is no row's label
    (a wrapped label's rest), none of them read by a row: where its broken numbers' last pieces may print."""
    if not vals or len({t[LINE] for t in vals}) != 1 or vals[0][LINE] + 1 in label_lines:
        return []
    got = end_values(r.line_tokens(vals[0][LINE] + 1))
    return [] if any(t[START] in claimed for t in got) else got


def reads_above(vals: list[Token], pos: list[Token | None] | None) -> bool:
    """Whether :func:`broken_boxes_read` looks at the lines above a row (its ``above``): a row of cells (a pipe or
    TAB row) only where its cells are no columns: values sharing a cell, or fewer values than cells with the lines
    above completing the shape. Elsewhere ``above`` is not read, and the caller need not gather it."""
    return pos is None or shared_cells(vals) or len(vals) < N_APP


def unclaimed_above(r: Reading, label: int, claimed: set[int]) -> list[Token]:
    """The values the two lines above the line of the label at token ``label`` print after their other text, but
    those a row read already (``claimed``, by offset): where a row's broken numbers' first pieces may print."""
    line = r.tokens[label][LINE]
    return [t for d in (2, 1) for t in end_values(r.line_tokens(line - d)) if t[START] not in claimed]


def handed_down(r: Reading, vals: list[Token], after: int, stop: int) -> int:
    """How many of a row's values ``vals`` (their last lines) are the first pieces of the next row's broken numbers
    (:mod:`parsers.tables.stacked_pieces`, :mod:`parsers.tables.centred_pieces`): its last line, or its last two
    (a number of three lines prints its first piece two lines above the row's middle line, one of two lines one
    line above), right above the next row's label (token ``after``), print digits only, the row keeps exactly its
    cells without them, and the next row's values (up to token ``stop``) print the rest of the shape with a
    placement whose row total holds. 0 where they are not."""
    if len(vals) <= N_APP:
        return 0
    line = r.tokens[after][LINE] - 1
    nxt = [t for t in r.tokens[after + 1 : stop] if t[IS_VALUE]]
    for up in (1, 2):
        last = [t for t in vals if line - up < t[LINE] <= line]
        if not last or len(vals) - len(last) != N_APP or last != vals[-len(last) :]:
            continue
        if any(r.printed(line - d) != [t for t in last if t[LINE] == line - d] for d in range(up)):
            return 0  # a line of other text above the next row's label: no pieces of it
        if up == 1:
            boxes = stacked_boxes(nxt, last, N_APP)
            if boxes is not None and box_orders(boxes):
                return len(last)
        elif _centred_below(r.text, last, nxt):
            return len(last)
    return 0


def _centred_below(text: str, top: list[Token], nxt: list[Token]) -> bool:
    """Whether ``nxt`` (a row's values) prints a middle line and as many last pieces below it as ``top``, first
    pieces on the lines above it, with a placement whose row total holds (:func:`centred_pieces.centred_readings`,
    the pieces paired line by line about the middle line: :func:`centred_pieces.nested`)."""
    lines = by_line(nxt)
    if len(lines) < 2 or not all(t[TEXT].isdigit() for t in nxt):
        return False
    middle, bottom = lines[0], [t for ln in lines[1:] for t in ln]
    if len(bottom) != len(top) or bottom[-1][LINE] > middle[0][LINE] + BELOW_LINES:
        return False
    paired = nested(top, middle[0][LINE], bottom)
    return paired is not None and bool(
        centred_readings(top, middle, paired, N_APP, orders=pieces_orders(text, top, paired))
    )


def _box_readings(r: Reading, boxes: list[list[Token]], key: str, first: Token, how: str) -> list[list[Token]] | None:
    orders = box_orders(boxes)
    if not orders:
        return None
    readings: list[list[Token]] = []
    for order in orders:
        cells: list[Token] = []
        for k in order:
            box = boxes[k]
            head, last = box[0], box[-1]
            text = "".join(t[TEXT] for t in box)
            cells.append(
                head
                if len(box) == 1
                else token(text, head[START], last[END], head[LINE], head[COL], head[TABBED], split=True)
            )
        readings.append(cells)
    if len(readings) == 1:
        r.warn(
            "merged_digits",
            f"{key}: {_boxes_printed(boxes)}: {how}; read as {' '.join(t[TEXT] for t in readings[0])}, the one "
            "placement whose row total holds (a guess)",
            key,
            first,
        )
    return readings


def _boxes_printed(boxes: list[list[Token]]) -> str:
    return " ".join("/".join(t[TEXT] for t in b) for b in boxes)


def place_open_boxes(
    r: Reading,
    rows: list[RowDef],
    fmt: str,
    open_boxes: dict[str, tuple[list[list[Token]], Token, str]],
    state: dict[str, list[Value]],
) -> dict[str, Fit]:
    """Rows of :func:`boxes_last` with several placements: the placements chosen jointly so that every identity of
    the table holds (the other rows as read); a row is read where every such choice gives it one placement
    (``merged_digits``), else the cells its placements all read alike are read and the others left blank
    (``placement_open``: the text does not say which columns the broken numbers are)."""
    at = {row.key: i for i, row in enumerate(rows)}
    options = {
        at[key]: [tuple(number_value(t[TEXT]) for t in cells) for cells in readings]
        for key, (readings, _, _) in open_boxes.items()
    }
    known = {(at[key], c): v for key, vals in state.items() if key not in open_boxes for c, v in enumerate(vals)}
    choices, complete = choose_rows(options, known, identities_at(rows, fmt))
    out: dict[str, Fit] = {}
    for key, (readings, first, how) in open_boxes.items():
        i = at[key]
        picked = {choice[i] for choice in choices} if complete else set()
        if len(picked) == 1:
            cells = readings[picked.pop()]
            r.warn(
                "merged_digits",
                f"{T}/{key}: {how}; read as {' '.join(t[TEXT] for t in cells)}, the one "
                f"placement of {len(readings)} whose row total holds under which every identity of the table holds "
                "(a guess)",
                f"{T}/{key}",
                first,
            )
            out[key] = Fit(list(cells), "positional", [])
            continue
        same = [
            readings[0][c] if all(x[c][TEXT] == readings[0][c][TEXT] for x in readings) else None for c in range(N_APP)
        ]
        holding = sum(row_total_holds([number_value(t[TEXT]) for t in x]) for x in readings)
        held = (
            f"{len(readings)} placements hold the row total"
            if holding == len(readings)
            else (f"{len(readings)} placements ({holding} of them holding the row total)")
        )
        r.warn(
            "placement_open",
            f"{T}/{key}: {how}, and which columns they are is not in the text: {held} and the table's identities do "
            "not single one out; the cells they read alike are read, the others left blank",
            f"{T}/{key}",
            first,
        )
        out[key] = Fit(list(same), "positional", [])
    return out

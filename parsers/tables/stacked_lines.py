"""Table 三 read line by line in the template's order (:func:`parsers.tables.merged_rows.fits_by_order`), where
numbers a narrow cell broke over lines print their other pieces on lines of their own, above or below the row's line.

pypdf's layout mode lays each text run at its horizontal position on a grid of characters and prints the runs of
one height on one line. A cell's lines are centred vertically on its row: a number broken over two lines beside a
label of two lines prints its pieces on the label's two lines (``4 0 0 0 0 0 4`` / ``开申请数量 5 5`` for 45 … 45),
one broken over three its first piece on the line above the row's cells, its middle piece among them and its last
on the line below (``1 1`` / ``3 0 0 0 0 0 3`` / ``0 0`` for 130 … 130). A line of a few digits alone, or after
text that holds none (the rest of a wrapped label), is no row: read in the template's order, its pieces were
dropped and the row read its first or middle pieces alone, often with its total holding by chance (4 = 4).

Here a row's line of the table's cells takes the pieces of the line right above it and of the line right below
it where each piece starts nearest one of its cells, within :data:`STACKED_AT` characters (a cell's lines start at
about one column), each line's pieces in its cells' order, no number then starting with 0, and the row total
holds with them joined. A line that prints text before its pieces is one of its row's label's lines (the label
cell and the number's cell are of one row): the row whose label starts nearest above it or on it (numbered as the
template numbers its rows: ``一、``, ``（三）``, ``1.``) is the row of the first line of cells at or after that
start; only that row takes its pieces. A line of pieces alone between two rows' lines that either row could so
take is taken by neither outright (which row's it is is not in the text): each of the two rows is read with it and
without it, and the table's identities choose (``1 1`` / ``（七）总计 7 0 0 0 0 0 7`` / ``5 5`` /
``四、结转… 0 0 0 0 0 0 0``: 175 … 175 and 0 … 0, or 17 … 17 and 50 … 50), the cells they leave in doubt
blank. Each row so read is reported (``merged_digits``, ``placement_open``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_pieces import STACKED_AT, by_line
from parsers.tables.tokens import COL, COMPACT, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token

# a row label's first line: numbered as the template numbers its rows (``row_values``' own pattern)
_NUMBERED = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
MAX_PIECES = 3  # pieces a line of them prints at most (three numbers of a row broken over lines)


def _column(text: str, t: Token) -> int:
    return t[START] - text.rfind("\n", 0, t[START]) - 1


def _laid(text: str, toks: list[Token]) -> bool:
    """The line of ``toks`` prints by positions: no TAB in it (a TAB line's offsets count its cells)."""
    a = text.rfind("\n", 0, toks[0][START]) + 1
    b = text.find("\n", toks[-1][END])
    return "\t" not in text[a : b if b >= 0 else len(text)]


def pieces_of(text: str, toks: list[Token]) -> list[Token] | None:
    """The pieces a line prints: 1 to :data:`MAX_PIECES` numbers of digits at its end, after text that holds no
    digit but a row label's numbering (``8.属于 1 1``: the first line of ``8.属于行政查询事项``), or nothing, the
    line laid out by positions; None where it is no such line."""
    vals = [t for t in toks if t[IS_VALUE]]
    if not 0 < len(vals) <= MAX_PIECES or toks[-len(vals) :] != vals or not all(t[TEXT].isdigit() for t in vals):
        return None
    if any(any(c.isdigit() for c in _NUMBERED.sub("", t[COMPACT], count=1)) for t in toks[: -len(vals)]):
        return None
    return vals if _laid(text, toks) else None


def cells_under(text: str, cells: list[Token], pieces: list[Token]) -> list[int] | None:
    """The cell each piece stacks on (nearest its start, within :data:`STACKED_AT`, one cell nearest), in order."""
    cols = [_column(text, c) for c in cells]
    at: list[int] = []
    for piece in pieces:
        col = _column(text, piece)
        gaps = sorted((abs(c - col), k) for k, c in enumerate(cols))
        (gap, k), second = gaps[0], gaps[1][0]
        if gap > STACKED_AT or second == gap or (at and k <= at[-1]):
            return None
        at.append(k)
    return at


def join_stacked(
    cells: list[Token], above: list[Token], below: list[Token], text: str, *, total: bool = True
) -> list[Token] | None:
    """The row with the pieces above and below joined to the cells they stack on; None where a piece stacks on
    no cell, a number would start with 0 or (``total``) the row total fails."""
    up = cells_under(text, cells, above) if above else []
    down = cells_under(text, cells, below) if below else []
    if up is None or down is None:
        return None
    row = joined_at(cells, [(above, up)], [(below, down)])
    return row if row is None or not total or row_total_holds([int(t[TEXT]) for t in row]) else None


def joined_at(
    cells: list[Token],
    before: Sequence[tuple[list[Token], list[int]]],
    after: Sequence[tuple[list[Token], list[int]]],
) -> list[Token] | None:
    """The row with each piece of the lines ``before`` joined before, each of the lines ``after`` after the cell it
    stacks on (each line: its pieces and the cells' indexes they stack on, piece by piece; the lines top down);
    None where a number would start with 0."""
    row = list(cells)
    for k, c in enumerate(cells):
        heads = [p for pieces, at in before for p, a in zip(pieces, at, strict=True) if a == k]
        tails = [p for pieces, at in after for p, a in zip(pieces, at, strict=True) if a == k]
        if not heads and not tails:
            continue
        digits = "".join(p[TEXT] for p in heads) + c[TEXT] + "".join(p[TEXT] for p in tails)
        if digits.startswith("0"):
            return None
        start, end = (heads[0] if heads else c)[START], (tails[-1] if tails else c)[END]
        row[k] = token(digits, start, end, c[LINE], c[COL], c[TABBED], split=True)
    return row


MAX_LABEL_LINES = 8  # a wrapped label's lines at most (a label cell a few characters wide)


def _owner(lines: dict[int, list[Token]], line: int, at_line: dict[int, int]) -> int | None:
    """The line of the row whose label the text of ``line`` is part of: the first row's line at or after the
    nearest line, up from ``line``, where a numbered label starts; None where there is none near."""
    for up in range(line, line - MAX_LABEL_LINES, -1):
        if any(_NUMBERED.match(t[COMPACT]) for t in lines.get(up, ())):
            return min((x for x in at_line if x >= up), default=None)
    return None


def stacked_rows(
    r: Reading, lines: dict[int, list[Token]], rows: list[list[Token | None]]
) -> dict[int, list[tuple[list[Token], str]]]:
    """The rows (``rows``: each data line's cells, read positionally, in order) that take the pieces of the lines
    right above and below them, as the module says: each one's new cells and how they print, by its index. A row
    that could take a line of pieces another row could take as well has several readings: without those pieces
    (its cells, or the pieces only it takes joined) and with them, each holding its row total, the first the
    one without."""
    if not any(
        0 < sum(t[IS_VALUE] for t in toks) <= MAX_PIECES for toks in lines.values()
    ):  # no line of pieces: nothing to join (a table of whole rows, as HTML's and XLSX's)
        return {}
    text = r.text
    at_line: dict[int, int] = {}
    whole: dict[int, list[Token]] = {}  # each row read whole, all digits: its cells
    for i, row_cells in enumerate(rows):
        full = [c for c in row_cells if c is not None and c[TEXT].isdigit()]
        if full and len(full) == len(row_cells):
            whole[i] = full
            at_line[full[0][LINE]] = i
    if not at_line:
        return {}
    # the lines of pieces next to a row's line, and the rows each could go to
    options: dict[int, list[tuple[list[Token], list[Token]]]] = {}
    takers: dict[int, list[int]] = {}
    failing: dict[int, tuple[list[Token], list[Token]]] = {}
    for line, i in at_line.items():
        cells = whole[i]
        if not _laid(text, cells):
            continue
        near: dict[int, list[Token]] = {}
        for d in (-1, 1):
            toks = lines.get(line + d)
            if toks and line + d not in at_line and (pieces := pieces_of(text, toks)) is not None:
                if len(pieces) < len(toks) and _owner(lines, line + d, at_line) != line:
                    continue  # the text before the pieces says whose row they are: not this one's
                near[d] = pieces
        if not near:
            continue
        got = []
        for use in itertools.product(*([False, True] for _ in near)):
            picked = {d: p for (d, p), u in zip(near.items(), use, strict=True) if u}
            if not picked:
                continue
            above, below = picked.get(-1, []), picked.get(1, [])
            if (row := join_stacked(cells, above, below, text)) is not None:
                got.append((row, [*above, *below]))
                for d in picked:
                    takers.setdefault(line + d, []).append(i)
        if 1 in near and -1 not in near and not any(len(x[1]) == len(near[1]) for x in got):
            third = _third_line(text, lines, at_line, whole, line, near[1])
            if third is not None:
                got.append(third)
                for p in third[1]:
                    takers.setdefault(p[LINE], []).append(i)
        if got:
            options[i] = got
        elif -1 in near and 1 in near and (row := join_stacked(cells, near[-1], near[1], text, total=False)):
            failing[i] = row, [*near[-1], *near[1]]
    out: dict[int, list[tuple[list[Token], str]]] = {}
    for i, got in options.items():
        cells = whole[i]
        mine = [x for x in got if all(len(set(takers[p[LINE]])) == 1 for p in x[1])]
        theirs = [x for x in got if x not in mine]  # readings with pieces another row could take as well
        settled: tuple[list[Token], list[Token]] | None = None
        if mine:
            most = max(len(x[1]) for x in mine)
            widest = [x for x in mine if len(x[1]) == most]
            if len({tuple(t[TEXT] for t in x[0]) for x in widest}) == 1:
                settled = widest[0]
        if not theirs:
            if settled is not None:
                out[i] = [(settled[0], _printed(cells, settled[1]))]
            continue
        # the pieces either row could take: the row read without them and with them, for the identities to choose
        readings = [settled or (cells, [])]
        for x in theirs:
            if all(tuple(t[TEXT] for t in x[0]) != tuple(t[TEXT] for t in y[0]) for y in readings):
                readings.append(x)
        out[i] = [(row, _printed(cells, pieces)) for row, pieces in readings]
    for i, (row, pieces) in failing.items():
        if all(set(takers.get(p[LINE], [])) <= {i} for p in pieces):
            out[i] = [(whole[i], _printed(whole[i], [])), (row, _printed(whole[i], pieces) + TOTAL_FAILING)]
    return out


# said of a row read with pieces above and below its cells, its row total failing either way (a misprinted total)
TOTAL_FAILING = " (its row total failing, as printed and with the pieces joined)"


def _third_line(
    text: str,
    lines: dict[int, list[Token]],
    at_line: dict[int, int],
    whole: dict[int, list[Token]],
    line: int,
    second: list[Token],
) -> tuple[list[Token], list[Token]] | None:
    """A row (its cells on ``line``, the first of its label's lines) whose numbers broken over three lines print
    their second pieces (``second``) on the next line, after the rest of its label, and their third alone on the
    line after (``一、本年新收… 1 14 0 0 0 0 1`` / ``息公开申请数量 03 5 18`` / ``5 0`` for 1035 145 0 0 0 0 1180).
    pypdf's layout mode may lay that third line on another scale than the row's first two (the row's cells span 20
    characters, the third line's pieces the 25 of the table's full rows), so the third pieces are placed by the
    nearest other full row's columns, each under a cell the second line completes; the row read with both lines
    joined, where its row total holds (it failed with the second line alone: the caller asks only then); None
    otherwise."""
    toks = lines.get(line + 2)
    if not toks or line + 2 in at_line or (third := pieces_of(text, toks)) is None or len(third) != len(toks):
        return None
    cells = whole[at_line[line]]
    down = cells_under(text, cells, second)
    others = [x for x in at_line if x != line]
    if down is None or not others or len(third) > len(second):
        return None
    grid = whole[at_line[min(others, key=lambda x: (abs(x - line - 2), x))]]
    if len(grid) != len(cells) or not _laid(text, grid):
        return None
    at = cells_under(text, grid, third)
    if at is None or not set(at) <= set(down):
        return None
    row = list(cells)
    for k, c in enumerate(cells):
        mid = next((p for p, j in zip(second, down, strict=True) if j == k), None)
        last = next((p for p, j in zip(third, at, strict=True) if j == k), None)
        if mid is None:
            continue
        digits = c[TEXT] + mid[TEXT] + (last[TEXT] if last else "")
        if digits.startswith("0"):
            return None
        row[k] = token(digits, c[START], (last or mid)[END], c[LINE], c[4], c[5], split=True)
    return (row, [*second, *third]) if row_total_holds([int(t[TEXT]) for t in row]) else None


def _printed(cells: list[Token], pieces: list[Token]) -> str:
    """A row's cells and the pieces above and below them, as they print, a line each (``1 1 / 7 0 0 0 0 0 7 /
    5 5``)."""
    return " / ".join(
        " ".join(t[TEXT] for t in part) for part in by_line(sorted([*cells, *pieces], key=lambda t: t[START]))
    )

"""Table 三's row whose numbers a narrow cell broke over four lines, read by labels (pypdf's layout mode of narrow
print).

pypdf's layout mode centres a cell's lines on its row: a number broken over four lines prints its first piece on the
line above the row's cells, its second among them, its third and fourth on the two lines below, each piece at its
cell's column, a number of three lines on the first three of them, of two on the cells' line and the next::

                  2  2       2
    一、本年新收政府信     10 5 0 0 0 3
    息公开申请数量       0  7       6
                  6          3

for 2106 0 257 0 0 0 2363 (``10``: 2106's second piece glued to 商业企业's 0). Read by labels, the pieces above were
no row's (they print before the label), the cells' line was short of a run and the lines below ran into the next
row's reading (``unknown_row``), the row left blank. :func:`four_line_row` reads such a row as the lines print it:
the values from its label to the next row's are one line of more than
:data:`parsers.tables.stacked_lines.MAX_PIECES` runs, the cells' line (fewer runs than cells where cells glue: split
between their digits every way, :func:`parsers.tables.glued_pieces.glued_splits`), and lines of pieces (alone, or
after the label's text: :func:`parsers.tables.stacked_lines.pieces_of`) on the two lines below it and, maybe, the
line above it; the line above, where it prints before the label, is taken only where no row read it before and as
well left out (both tried). Each piece stacks on the cell it starts nearest
(:func:`parsers.tables.stacked_lines.cells_under`), a fourth line's only on a cell the third line's completes, no
number then starting with 0: read where exactly one reading holds the row total with every piece below joined (said
``merged_digits``, a guess the row total confirms)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from parsers.tables.glued_pieces import MAX_SPLITS, glued_splits
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_lines import MAX_PIECES, cells_under, joined_at, pieces_of
from parsers.tables.stacked_pieces import STACKED_AT
from parsers.tables.tokens import END, IS_VALUE, LINE, START, TEXT, Token


def _joined(
    text: str, cells: list[Token], above: list[Token], mid: list[Token], low: list[Token]
) -> list[Token] | None:
    """The row with each line's pieces joined to the cell it stacks on (``above`` first, then the cell, ``mid`` and
    ``low``), ``low``'s only under cells ``mid`` completes; None where a piece stacks on no cell or a number would
    start with 0."""
    up = cells_under(text, cells, above) if above else []
    down = cells_under(text, cells, mid)
    last = cells_under(text, cells, low)
    if up is None or down is None or last is None or not set(last) <= set(down):
        return None
    return joined_at(cells, [(above, up)], [(mid, down), (low, last)])


def four_line_row(
    r: Reading, index: int, stop: int, n: int, read_so_far: Callable[[], set[int] | None]
) -> tuple[list[Token], list[Token], str] | None:
    """The row whose label is token ``index`` (the next row's label token ``stop``) read as the module says: its
    cells, the pieces joined to them, and how they print; None where the text does not print exactly that, or no
    reading, or several, hold its row total. ``read_so_far()``: the offsets of the values the rows before it read
    (None: the pieces above its label's line are not its), asked only where such pieces print."""
    text = r.text
    label = r.tokens[index]
    seg = [t for t in r.tokens[index + 1 : stop] if t[IS_VALUE] and t[TEXT]]
    on_line: dict[int, list[Token]] = {}
    for t in seg:
        on_line.setdefault(t[LINE], []).append(t)
    wide = [line for line, toks in on_line.items() if len(toks) > MAX_PIECES]
    if len(wide) != 1:
        return None
    line = wide[0]
    if not {line, line + 1, line + 2} <= set(on_line) <= {line - 1, line, line + 1, line + 2}:
        return None
    runs = on_line[line]
    toks = r.printed(line)
    if len(runs) > n or toks[-len(runs) :] != runs or not all(t[TEXT].isdigit() for t in runs):
        return None
    mid, low = pieces_of(text, r.printed(line + 1)), pieces_of(text, r.printed(line + 2))
    if mid is None or low is None or mid != on_line[line + 1] or low != on_line[line + 2]:
        return None
    options: list[list[Token]] = []
    if line - 1 in on_line:
        if pieces_of(text, r.printed(line - 1)) != on_line[line - 1]:
            return None
        options.append(on_line[line - 1])
    else:
        options.append([])
        before = r.printed(line - 1) if line - 1 >= 0 else []
        up = pieces_of(text, before) if before else None
        read = read_so_far() if up is not None and up[-1][END] <= label[START] else None
        if up is not None and read is not None and not any(t[START] in read for t in up):
            options.append(up)  # pieces alone above the label's line: its first pieces, or none of its
    readings: dict[tuple[str, ...], tuple[list[Token], list[Token]]] = {}
    splits = [runs] if len(runs) == n else itertools.islice(glued_splits(runs, n), MAX_SPLITS)
    for cells, above in itertools.product(list(splits), options):
        row = _joined(text, cells, above, mid, low)
        if row is not None and row_total_holds([int(t[TEXT]) for t in row]):
            readings.setdefault(tuple(t[TEXT] for t in row), (row, above))
    if len(readings) != 1:
        return None
    ((row, above),) = readings.values()
    printed = " / ".join(" ".join(t[TEXT] for t in part) for part in (above, runs, mid, low) if part)
    if len(runs) < n:
        printed += (
            f" ({len(runs)} runs for {n} cells: runs of glued cells split between their digits, one split holding)"
        )
    return row, [*above, *runs, *mid, *low], printed


# said of a row read from the pieces above its label's line (:func:`above_label_readings`)
ABOVE_LABEL = (
    "the first pieces of its numbers broken over lines alone on the line right above its label, no row's, its last "
    "pieces alone on the line below, each on a cell it starts nearest (pieces joined; a piece as near two cells "
    "tried on each)"
)


def _nearest(text: str, cells: list[Token], piece: Token) -> list[int]:
    """The cells ``piece`` starts nearest (two where it stands between them), within
    :data:`parsers.tables.stacked_pieces.STACKED_AT` characters."""
    col = piece[START] - text.rfind("\n", 0, piece[START]) - 1
    gaps = [abs(c[START] - text.rfind("\n", 0, c[START]) - 1 - col) for c in cells]
    least = min(gaps)
    return [k for k, g in enumerate(gaps) if g == least] if least <= STACKED_AT else []


def _placements(text: str, cells: list[Token], pieces: list[Token]) -> list[list[int]]:
    """Every placement of ``pieces`` (one line's) on the cells they start nearest, in the cells' order."""
    out: list[list[int]] = [[]]
    for piece in pieces:
        out = [[*at, k] for at in out for k in _nearest(text, cells, piece) if not at or k > at[-1]]
    return out


def above_label_readings(
    r: Reading, index: int, vals: list[Token], claimed: set[int], n: int
) -> list[list[Token]] | None:
    """The readings of the row whose label is token ``index``, its values ``vals`` its ``n`` cells on the label's
    line and the pieces alone on the next (or none), its row total failing as printed, with the pieces alone on the
    line right above its label, none of them read by another row (``claimed``: offsets), joined: each piece on a
    cell it starts nearest, both where it stands between two (pypdf lays a line of pieces on its own scale:
    ``1 3 1`` / ``（七）总计 3 9 0 3 0 5 8`` / ``8 5`` for 138 9 0 33 0 5 185, the 3 one character right of
    科研机构's 0 and left of 社会公益组织's 3), every reading whose row total holds; None where the row is not so
    printed or none holds."""
    label = r.tokens[index]
    line = label[LINE]
    cells, below = vals[:n], vals[n:]
    if len(cells) != n or any(t[LINE] != line or not t[TEXT].isdigit() for t in cells):
        return None
    if row_total_holds([int(t[TEXT]) for t in cells]) or r.printed(line)[-n:] != cells:
        return None
    if below and pieces_of(r.text, r.printed(line + 1)) != below:
        return None
    printed = r.printed(line - 1) if line else []
    above = pieces_of(r.text, printed) if printed else None
    if above is None or above != printed or any(t[START] in claimed for t in above):
        return None
    readings: dict[tuple[str, ...], list[Token]] = {}
    for up in _placements(r.text, cells, above):
        for down in _placements(r.text, cells, below):
            row = joined_at(cells, [(above, up)], [(below, down)])
            if row is not None and row_total_holds([int(t[TEXT]) for t in row]):
                readings.setdefault(tuple(t[TEXT] for t in row), row)
    return list(readings.values()) or None

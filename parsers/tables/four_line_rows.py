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
from parsers.tables.stacked_lines import MAX_PIECES, cells_under, pieces_of
from parsers.tables.tokens import COL, END, IS_VALUE, LINE, START, TABBED, TEXT, Token, token


def _printed(r: Reading, line: int) -> list[Token]:
    return [t for t in r.line_tokens(line) if t[TEXT]]


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
    row = list(cells)
    for k, c in enumerate(cells):
        parts = [
            next((p for p, at in zip(pieces, where, strict=True) if at == k), None)
            for pieces, where in ((above, up), (mid, down), (low, last))
        ]
        first, second, third = parts
        if first is None and second is None:
            continue
        digits = (
            (first[TEXT] if first else "") + c[TEXT] + (second[TEXT] if second else "") + (third[TEXT] if third else "")
        )
        if digits.startswith("0"):
            return None
        end = (third or second or c)[END]
        row[k] = token(digits, (first or c)[START], end, c[LINE], c[COL], c[TABBED], split=True)
    return row


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
    toks = _printed(r, line)
    if len(runs) > n or toks[-len(runs) :] != runs or not all(t[TEXT].isdigit() for t in runs):
        return None
    mid, low = pieces_of(text, _printed(r, line + 1)), pieces_of(text, _printed(r, line + 2))
    if mid is None or low is None or mid != on_line[line + 1] or low != on_line[line + 2]:
        return None
    options: list[list[Token]] = []
    if line - 1 in on_line:
        if pieces_of(text, _printed(r, line - 1)) != on_line[line - 1]:
            return None
        options.append(on_line[line - 1])
    else:
        options.append([])
        before = _printed(r, line - 1) if line - 1 >= 0 else []
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

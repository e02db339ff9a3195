"""Table 三's rows whose labels print as one block with their first cells: poppler's default reading order.

``pdftotext`` without ``-layout`` groups a page's words into lines and the lines into blocks, and prints block
after block (:mod:`parsers.tables.paragraph_cells`). A table's cell is mostly a block of its own, printed between
blank lines. Where a row label's cell wraps over several lines and the first value cells stand close to it, poppler
joins those cells' words into the label's lines: the label cells of several rows and their first ``k`` values are
one block (no blank line in it), and the rows' other cells, each a block, print after it, row after row::

    （一）予以公开
    20 3
    （二）部分公开（区
    分处理的，只计这一情形，不计其 30 1
    他情形）

    0
    …  (（一）'s five other cells, then （二）'s five)

Read in the stream's order, row after row, the values of the first row's other cells go to the second row.

:func:`block_order` finds such blocks: two or more of the table's row labels (found in the template's order) in one
block, the same number ``k`` (1 to 6) of values after each label in it, and right after the block exactly the
rows' other cells (``rows × (7 − k)`` values, no text among them). The rows are read with their ``k`` values, then
the values after the block, row after row, where every row's total then holds. Where reading those values down the
columns (each column's cells of the rows in turn) holds every row's total too and gives other numbers, two
placements hold: the block is left as printed (the stream reading fails there, its cells stay blank) and said.
The caller reads the reordered stream as any other, every identity of the table holding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import END, IS_VALUE, START, TEXT, Token, number_value

_BREAK = re.compile(r"\n[ \t]*\n")  # a blank line: the end of a block (poppler prints one after each)


class Reordered:
    """A stream of values with its label blocks' values put in row order, and what was done."""

    def __init__(self, values: list[Token], said: list[str], open_: list[str]) -> None:
        self.values = values
        self.said = said  # per block reordered: its rows, k, and the values read into each row
        self.open = open_  # per block left as printed: two placements hold


def _block_end(text: str, at: int) -> int:
    """The offset where the block holding offset ``at`` ends (its blank line), else the text's end."""
    m = _BREAK.search(text, at)
    return len(text) if m is None else m.start()


def block_order(
    text: str,
    tokens: Sequence[Token],
    labels: Sequence[tuple[str, int]],
    values: list[Token],
    width: int,
) -> Reordered | None:
    """``values`` (the table's value tokens in the text's order, tokens of ``tokens`` whose offsets point into
    ``text``) with each label block's values in row order (see the module's doc); ``labels``: each row found, its
    key and its label's token index, in the template's order. None where no block is found."""
    at_value = {v[START]: n for n, v in enumerate(values)}
    out = list(values)
    said: list[str] = []
    open_: list[str] = []
    i = 0
    while i < len(labels) - 1:
        group = [labels[i]]
        while (
            i + len(group) < len(labels)
            and (nxt := labels[i + len(group)])[1] > group[-1][1]
            and not _BREAK.search(text, tokens[group[-1][1]][END], tokens[nxt[1]][START])
        ):
            group.append(nxt)
        if len(group) < 2:
            i += 1
            continue
        i += len(group)
        done = _one_block(text, tokens, group, values, at_value, width)
        if done is None:
            continue
        if isinstance(done, str):
            open_.append(done)
            continue
        first, order, note = done
        out[first : first + len(order)] = order
        said.append(note)
    if not said and not open_:
        return None
    return Reordered(out, said, open_)


def _one_block(
    text: str,
    tokens: Sequence[Token],
    group: list[tuple[str, int]],
    values: list[Token],
    at_value: dict[int, int],
    width: int,
) -> tuple[int, list[Token], str] | str | None:
    """One block of row labels ``group``: the index in ``values`` of its first value, its values in row order and
    what was read; a message where two placements hold; None where it is no such block."""
    end = _block_end(text, tokens[group[-1][1]][END])
    bounds = [tokens[k][START] for _, k in group] + [end]
    own: list[list[int]] = []  # per row, the indexes in ``values`` of its values in the block
    for lo, hi in pairwise(bounds):
        own.append([n for n, v in enumerate(values) if lo <= v[START] < hi])
    k = len(own[0])
    if not 1 <= k < width or any(len(o) != k for o in own):
        return None
    m = len(group)
    flat = [n for o in own for n in o]
    first = flat[0]
    rest = width - k
    if flat != list(range(first, first + m * k)) or first + m * width > len(values):
        return None  # the block's values are not one run of the stream
    run = values[first + m * k : first + m * width]
    # nothing but values from the block's end to the last of the rows' other cells (each a block of its own)
    last = run[-1]
    between = [t for t in tokens if end <= t[START] <= last[START]]
    if not between or any(not t[IS_VALUE] for t in between) or between[0][START] != run[0][START]:
        return None
    if at_value.get(run[0][START]) != first + m * k:
        return None
    block = [[values[n] for n in o] for o in own]
    by_rows = [block[j] + run[j * rest : (j + 1) * rest] for j in range(m)]
    down = [block[j] + [run[c * m + j] for c in range(rest)] for j in range(m)]

    def holds(rows: list[list[Token]]) -> bool:
        return all(row_total_holds([number_value(t[TEXT]) for t in row]) for row in rows)

    def nums(rows: list[list[Token]]) -> list[list[str]]:
        return [[t[TEXT] for t in row] for row in rows]

    keys = ", ".join(key for key, _ in group)
    if not holds(by_rows):
        return None
    if holds(down) and nums(down) != nums(by_rows):
        return (
            f"rows {keys} print their labels and first {k} value(s) as one block, their other {m * rest} values "
            "after it; read row after row or down the columns, every row's total holds: left as printed"
        )
    printed = "; ".join(" ".join(row) for row in nums(by_rows))
    note = (
        f"rows {keys} print their labels and first {k} value(s) as one block, their other {m * rest} values after "
        f"it, row after row: read as {printed}"
    )
    return first, [t for row in by_rows for t in row], note

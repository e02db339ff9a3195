"""Table 三's row whose cells print on a line of its wrapped label's, the pieces of its broken numbers on the lines of
its label right above and right below them (pypdf's layout mode of narrow print).

A label of several lines (``一、本年新收政府信`` / ``息公开申请数量``) and numbers a narrow cell broke over lines,
centred on the row: pypdf's layout mode prints the numbers' first pieces on a line of the label, the row's cells
(and the numbers' middle or last pieces) on the next, and the last pieces of numbers of three lines on the line
after, alone or after the label's rest::

    一、本年新收政府信      88            8
    息公开申请数量        2  0  0  0  0  0  8
                                          2

for 882 0 0 0 0 0 882 (``3.危`` / ``及 64 6`` / ``“三安 4 0 0 0 0 0 4`` / ``全一 4`` for 644 … 644). Read by labels,
the first line's pieces were the row's values and the cells after text that is no row's label an unknown row's
(``unknown_row``: the row left short, then blank). :func:`pieces_around_rest` reads such a row as the lines print
it: the line above the cells prints only pieces after the label's text (1 to
:data:`parsers.tables.stacked_lines.MAX_PIECES`), the cells' line the label's rest and exactly the row's cells, the
line below pieces after the label's rest or none, and no other value prints before the next row's label (pdfplumber's
layout text puts blank lines between, and a third piece past one); each piece stacks on the cell it
starts nearest (:func:`parsers.tables.stacked_lines.join_stacked`), no number then starts with 0, and the row total
holds with every piece joined. A cells' line of fewer runs than cells (cells glued where their columns are too
narrow for a space, ``3 9 0 40 5 8``: :mod:`parsers.tables.glued_pieces`) is split between its digits every way
(:func:`parsers.tables.glued_pieces.glued_splits`), read where one split alone holds. Said ``merged_digits`` (a guess
the row total confirms).
"""

from __future__ import annotations

import itertools

from parsers.tables.glued_pieces import MAX_SPLITS, glued_splits
from parsers.tables.labels import numbering
from parsers.tables.reading import Reading
from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_lines import join_stacked, pieces_of
from parsers.tables.tokens import COMPACT, END, IS_LABELISH, IS_VALUE, LINE, START, TEXT, Token


def pieces_around_rest(
    r: Reading, label: Token, vals: list[Token], k: int, stop: int, n: int
) -> tuple[list[Token], str] | None:
    """The row whose label is ``label``, its values so far ``vals`` (the pieces on the line above its cells', then
    the first of its cells), the token ``k`` the next value of the cells' line, read as the module says: its cells
    and how they print; None where the text does not print exactly that."""
    text = r.text
    if not vals:
        return None
    line = vals[0][LINE] + 1
    above = [t for t in vals if t[LINE] == line - 1]
    if line - 1 < label[LINE] or vals[: len(above)] != above or r.tokens[k][LINE] not in (line, line + 1):
        return None
    if pieces_of(text, r.printed(line - 1)) != above:
        return None
    toks = r.printed(line)
    runs = [t for t in toks if t[IS_VALUE]]
    m = len(runs)
    if not 0 < m <= n or toks[-m:] != runs or any(t[IS_VALUE] for t in toks[:-m]):
        return None
    if vals[len(above) :] != runs[: len(vals) - len(above)] or not all(t[TEXT].isdigit() for t in runs):
        return None
    below: list[Token] = []
    after = r.printed(line + 1)
    last = r.tokens[stop - 1][END] if stop <= len(r.tokens) else len(text)
    if after and (pieces := pieces_of(text, after)) is not None and after[-1][END] <= last:
        below = pieces
    if r.tokens[k][LINE] == line + 1 and (not below or r.tokens[k] is not below[0]):
        return None
    return _joined_reading(r, above, runs, below, k, stop, n)


def glued_below_pieces(r: Reading, index: int, vals: list[Token], stop: int, n: int) -> tuple[list[Token], str] | None:
    """The row whose label is token ``index`` read as exactly its ``n`` values ``vals`` over two lines: the pieces on
    the line above its cells (after the label's text), then every run of the cells' line, fewer than its cells (cells
    glued where their columns are too narrow for a space: ``3.要求提 1`` / ``供公开出 0 0 0 130 0 3`` for 0 0 0 13 0 0
    13, ``不掌 8`` / ``握相 840 0 0 0 0 4`` for 84 0 0 0 0 0 84), its row total failing as printed: read as
    :func:`pieces_around_rest` reads the row whose cells' line prints them all (the runs split between their digits,
    the pieces joined, one reading holding its row total); None otherwise."""
    if len(vals) != n or r.tokens[index][LINE] > vals[0][LINE]:
        return None
    line = vals[0][LINE] + 1
    above = [t for t in vals if t[LINE] == line - 1]
    runs = vals[len(above) :]
    if not 0 < len(runs) < n or any(t[LINE] != line for t in runs) or not all(t[TEXT].isdigit() for t in vals):
        return None
    if pieces_of(r.text, r.printed(line - 1)) != above or row_total_holds([int(t[TEXT]) for t in vals]):
        return None
    toks = r.printed(line)
    if toks[-len(runs) :] != runs or any(t[IS_VALUE] for t in toks[: -len(runs)]):
        return None
    k = next((j for j in range(index, min(stop, len(r.tokens))) if r.tokens[j] is runs[-1]), None)
    if k is None:
        return None
    after = r.printed(line + 1)
    last = r.tokens[stop - 1][END] if stop <= len(r.tokens) else len(r.text)
    below: list[Token] = []
    if after and (pieces := pieces_of(r.text, after)) is not None and after[-1][END] <= last:
        below = pieces
    return _joined_reading(r, above, runs, below, k + 1, stop, n)


def _joined_reading(
    r: Reading, above: list[Token], runs: list[Token], below: list[Token], k: int, stop: int, n: int
) -> tuple[list[Token], str] | None:
    """The one reading of a row's cells' line ``runs`` (split between their digits where fewer than ``n``) with the
    pieces ``above`` and ``below`` joined whose row total holds, and how it prints; None where the tokens ``k`` to
    ``stop`` print other values or no reading, or several, hold."""
    m = len(runs)
    seen = {id(t) for t in (*runs, *below)}
    stop = _next_numbered(r, k, stop, (below or runs)[-1][LINE])
    if any(t[IS_VALUE] and t[TEXT] and id(t) not in seen for t in r.tokens[k:stop]):
        return None  # more values before the next row's label (a third line past a blank one): not this shape
    readings: dict[tuple[str, ...], list[Token]] = {}
    splits = [runs] if m == n else itertools.islice(glued_splits(runs, n), MAX_SPLITS)
    for cells in splits:
        if (row := join_stacked(cells, above, below, r.text)) is not None:
            readings.setdefault(tuple(t[TEXT] for t in row), row)
    if len(readings) != 1:
        return None
    (row,) = readings.values()
    printed = " / ".join(" ".join(t[TEXT] for t in part) for part in (above, runs, below) if part)
    if m < n:  # cells glued where their columns are too narrow for a space (glued_pieces), split between their digits
        printed += f" ({m} runs for {n} cells: runs of glued cells split between their digits, one split holding)"
    return row, printed


def _next_numbered(r: Reading, k: int, stop: int, line: int) -> int:
    """The first of the tokens ``k`` to ``stop`` that opens a line after ``line`` with a label numbered as the
    template numbers its rows (``（六） 1、申请``: the first line of a row whose pattern finds a later piece of its
    label, a typo in it: ``预期不补正``): the values from there are that row's; ``stop`` where there is none."""
    for j in range(k, stop):
        t = r.tokens[j]
        if t[LINE] > line and t[IS_LABELISH] and r.tokens[j - 1][LINE] != t[LINE] and numbering(t[COMPACT]):
            return j
    return stop


def joined_starts(r: Reading, vals: list[Token], first: int, stop: int) -> list[int]:
    """The offsets of the tokens ``first`` to ``stop`` inside the row's values joined over lines (a value whose text
    spans a line break: :func:`pieces_around_rest`'s): pieces a row read, for no other reading to take again."""
    spans = [(t[START], t[END]) for t in vals if "\n" in r.text[t[START] : t[END]]]
    if not spans:
        return []
    return [u[START] for u in r.tokens[first:stop] if any(a <= u[START] < b for a, b in spans)]

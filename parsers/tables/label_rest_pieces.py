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
line below (before the next row's label) pieces after the label's rest or none; each piece stacks on the cell it
starts nearest (:func:`parsers.tables.stacked_lines.join_stacked`), no number then starts with 0, and the row total
holds with every piece joined. Said ``merged_digits`` (a guess the row total confirms).
"""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.stacked_lines import join_stacked, pieces_of
from parsers.tables.tokens import END, IS_VALUE, LINE, START, TEXT, Token


def _printed(r: Reading, line: int) -> list[Token]:
    return [t for t in r.line_tokens(line) if t[TEXT]]


def pieces_around_rest(
    r: Reading, label: Token, vals: list[Token], k: int, stop: int, n: int
) -> tuple[list[Token], str] | None:
    """The row whose label is ``label``, its values so far ``vals`` (the pieces on the line above its cells', then
    the first of its cells), the token ``k`` the next value of the cells' line, read as the module says: its cells
    and how they print; None where the text does not print exactly that."""
    text = r.text
    line = r.tokens[k][LINE]
    above = [t for t in vals if t[LINE] == line - 1]
    if not above or line - 1 < label[LINE] or vals[: len(above)] != above:
        return None
    if pieces_of(text, _printed(r, line - 1)) != above:
        return None
    toks = _printed(r, line)
    cells = [t for t in toks if t[IS_VALUE]]
    if len(cells) != n or toks[-n:] != cells or vals[len(above) :] != cells[: len(vals) - len(above)]:
        return None
    if not all(t[TEXT].isdigit() for t in cells):
        return None
    below: list[Token] = []
    after = _printed(r, line + 1)
    last = r.tokens[stop - 1][END] if stop <= len(r.tokens) else len(text)
    if after and (pieces := pieces_of(text, after)) is not None and after[-1][END] <= last:
        below = pieces
    row = join_stacked(cells, above, below, text)
    if row is None:
        return None
    printed = " / ".join(" ".join(t[TEXT] for t in part) for part in (above, cells, below) if part)
    return row, printed


def joined_starts(r: Reading, vals: list[Token], first: int, stop: int) -> list[int]:
    """The offsets of the tokens ``first`` to ``stop`` inside the row's values joined over lines (a value whose text
    spans a line break: :func:`pieces_around_rest`'s): pieces a row read, for no other reading to take again."""
    spans = [(t[START], t[END]) for t in vals if "\n" in r.text[t[START] : t[END]]]
    if not spans:
        return []
    return [u[START] for u in r.tokens[first:stop] if any(a <= u[START] < b for a, b in spans)]

"""A row printed with its neighbouring cells' digits glued: ``0 00 0000`` for seven cells of 0.

poppler's ``pdftotext`` joins characters into words by the gaps between them: where a table's cells are narrow and
each holds one digit, the digits of neighbouring cells stand closer than a word break and print as one word
(``3 05 0008`` for 3 0 5 0 0 0 8). Such a line prints fewer numbers than the row's cells, and a word of two digits
or more begins with 0, which no number is printed with. :func:`split_glued_lines` reads such a line as one digit a
cell where its digits number exactly the row's cells (the only way to give each cell a digit at least) and the row's
total, its last cell, is then the sum of the others; any other line is kept as printed.
"""

from __future__ import annotations

import re

from parsers.tables.solve import row_total_holds
from parsers.tables.tokens import COL, LINE, START, TABBED, TEXT, Token, token

_DIGITS = re.compile(r"\d+")


def _glued(line: list[Token], width: int) -> bool:
    texts = [t[TEXT] for t in line]
    return (
        len(line) < width
        and all(_DIGITS.fullmatch(x) for x in texts)
        and sum(map(len, texts)) == width
        and any(len(x) > 1 and x[0] == "0" for x in texts)
        and row_total_holds([int(ch) for x in texts for ch in x])
    )


def split_glued_lines(values: list[Token], width: int) -> tuple[list[Token], list[str]]:
    """``values`` with every line of glued cells (see the module's doc) read as one digit a cell, and those lines'
    texts as printed (none: ``values`` as given)."""
    lines: dict[int, list[Token]] = {}
    for t in values:
        lines.setdefault(t[LINE], []).append(t)
    glued = {n for n, line in lines.items() if _glued(line, width)}
    if not glued:
        return values, []
    out: list[Token] = []
    for t in values:
        if t[LINE] not in glued:
            out.append(t)
            continue
        at = t[START]
        out.extend(
            token(ch, at + k, at + k + 1, t[LINE], t[COL] + k, t[TABBED], split=True) for k, ch in enumerate(t[TEXT])
        )
    return out, [" ".join(t[TEXT] for t in lines[n]) for n in sorted(glued)]

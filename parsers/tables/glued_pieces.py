"""A table 三 row in pypdf's layout text whose cells glue where a column is too narrow for a space, and whose numbers
broken over two lines print their last pieces on the next line.

pypdf's layout mode lays each text run at its horizontal position on a grid of characters. A table of narrow
columns (every cell printed ``word-break: break-all``) puts two cells' runs next to each other with no character
between them where the columns are narrower than a digit and a gap: ``139 2 01 014`` prints 13, 9, 2, 0, 1, 0 and
14, the cells 商业企业 and 科研机构 glued as ``01`` … A number too wide for its cell breaks over two lines, its first
piece on the row's line, its last on the next (the line of the row's wrapped label), starting at about its first
piece's column (:func:`parsers.tables.stacked_pieces.stacked_under`): ``139 2 01 014`` / ``息公开申请数量 0 2`` for
130 9 2 0 1 0 142. Read as printed, the row is seven values, none of them its cells, or its glued runs split alone,
the pieces left over.

Here a row whose values are one line of fewer runs than cells and, on the next line, one or two pieces alone or
after the rest of the label, is read by splitting the runs into the row's cells (each run cut between its digits;
no cell of more than one digit starting with 0) and joining each piece to the cell it starts nearest, within
:data:`parsers.tables.stacked_pieces.STACKED_AT` characters of that cell's start (its column), no cell nearer by the
same, in the cells' order, that cell not 0: every such reading whose row total holds (no TAB on either line: the
offsets are positions). The caller reads the one there is (``merged_digits``), or lets the table's identities choose
among several, or leaves the cells they read differently blank."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from parsers.tables.solve import row_total_holds
from parsers.tables.stacked_pieces import MAX_BELOW, STACKED_AT, centred_next
from parsers.tables.tokens import COL, END, LINE, START, TABBED, TEXT, Token, token

MAX_SPLITS = 2_000  # splits of the runs into cells tried at most


def glued_under(text: str, vals: list[Token], n: int) -> list[list[Token]] | None:
    """Each reading of a row of ``n`` cells printed as the module says (``vals``: its values in order, offsets into
    ``text``), pieces joined; None where the row is not so printed or no reading's row total holds."""
    line = vals[0][LINE]
    runs = [t for t in vals if t[LINE] == line]
    below = vals[len(runs) :]
    if not below or len(below) > MAX_BELOW or len(runs) >= n or any(t[LINE] != line + 1 for t in below):
        return None
    if not all(t[TEXT].isdigit() for t in vals) or sum(len(t[TEXT]) for t in runs) < n:
        return None
    top_start = text.rfind("\n", 0, runs[0][START]) + 1
    line_start = text.rfind("\n", 0, below[0][START]) + 1
    if any(c.isdigit() for c in text[line_start : below[0][START]]):
        return None  # the pieces print alone or after the rest of the row's label, nothing else
    if not text[line_start : below[0][START]].strip() and centred_next(text, line_start, below):
        return None  # alone on their line, they may as well be the next row's first pieces
    for a, b in ((top_start, text.find("\n", runs[-1][END])), (line_start, text.find("\n", below[-1][END]))):
        if "\t" in text[a : b if b >= 0 else len(text)]:
            return None
    columns = [t[START] - line_start for t in below]
    seen: set[tuple[int, ...]] = set()
    out: list[list[Token]] = []
    for tried, cells in enumerate(glued_splits(runs, n)):
        if tried >= MAX_SPLITS:
            return None
        at: list[int] = []
        for column in columns:
            gaps = sorted((abs(c[START] - top_start - column), k) for k, c in enumerate(cells))
            (gap, k), second = gaps[0], gaps[1][0]
            if gap > STACKED_AT or second == gap or cells[k][TEXT].startswith("0") or (at and k <= at[-1]):
                break
            at.append(k)
        else:
            row = list(cells)
            for k, piece in zip(at, below, strict=True):
                head = cells[k]
                row[k] = token(
                    head[TEXT] + piece[TEXT], head[START], piece[END], head[LINE], head[COL], head[TABBED], split=True
                )
            values = tuple(int(t[TEXT]) for t in row)
            if values not in seen and row_total_holds(list(values)):
                seen.add(values)
                out.append(row)
    return out or None


def glued_splits(runs: list[Token], n: int) -> Iterator[list[Token]]:
    """Every way of cutting ``runs`` (digits) into ``n`` cells, each run between its digits, no cell of more than
    one digit starting with 0."""
    options: list[list[list[Token]]] = []
    extra = n - len(runs)
    for t in runs:
        digits = t[TEXT]
        cuts: list[list[Token]] = []
        for k in range(min(len(digits) - 1, extra) + 1):
            for at in itertools.combinations(range(1, len(digits)), k):
                bounds = [0, *at, len(digits)]
                parts = [digits[a:b] for a, b in itertools.pairwise(bounds)]
                if any(len(p) > 1 and p[0] == "0" for p in parts):
                    continue
                cuts.append(
                    [
                        token(p, t[START] + a, t[START] + b, t[LINE], t[COL], t[TABBED], split=True)
                        if len(parts) > 1
                        else t
                        for p, a, b in zip(parts, bounds, bounds[1:], strict=False)
                    ]
                )
        if not cuts:
            return
        options.append(cuts)
    for pick in itertools.product(*options):
        if sum(len(c) for c in pick) == n:
            yield [cell for c in pick for cell in c]

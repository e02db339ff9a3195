"""2019's 政府集中采购 row (table 二): its count and amount printed in one cell, apart by a space or a semicolon, or
glued to its label."""

from __future__ import annotations

from parsers.tables.active_glued import GLUED_UNITS, split_glued
from parsers.tables.active_rows import row_named
from parsers.tables.cut_count_amount import joined_count_and_amount
from parsers.tables.reading import Reading
from parsers.tables.run_splits import count_and_amount, count_space_amount
from parsers.tables.templates import ACTIVE_TABLE as T
from parsers.tables.tokens import (
    COL,
    END,
    IS_VALUE,
    LINE,
    START,
    TABBED,
    TEXT,
    Token,
    token,
)


def is_procurement(label: str) -> bool:
    """``label`` (compact) is 2019's 政府集中采购 row's."""
    row = row_named(label)
    return row is not None and row.key == "procurement"


def glued_procurement(r: Reading, block: int, end: int, columns: list[str]) -> bool:
    """2019's 政府集中采购 row in glued text, its count and amount in one cell apart by a semicolon
    (``政府集中采购2；4693.39``: no row label to the tokenizer, which takes a token with ``；`` for prose), found
    after its block's title (token ``block``) and read as :func:`split_glued` reads ``1项/29万元``. False when
    there is none."""
    for i in range(block, min(end, len(r.tokens))):
        tok = r.tokens[i]
        m = GLUED_UNITS.match(tok[TEXT])
        if m is None or not is_procurement("".join(m.group("label").split())):
            continue
        at = tok[START] + m.start("num")
        run = token(m.group("num"), at, tok[END], tok[LINE], tok[COL], tok[TABBED], split=True)
        r.warn(
            "glued_number",
            f"{T}/procurement: number {run[TEXT]} split from the row label {tok[TEXT]!r}",
            f"{T}/procurement",
            run,
        )
        return split_glued(r, run, [f"{T}/procurement/{c}" for c in columns], tok)
    return False


def count_and_amount_cell(r: Reading, line: list[Token]) -> list[Token]:
    """2019's 政府集中采购 row's line, a cell that prints its count and its amount apart by a space
    (``103　77.60万元``: one cell of the table, no slash or semicolon between them, so the tokenizer keeps it one
    word) cut into its two numbers, each where it is printed, with a ``split_number`` warning naming the cell; the
    blank cells after it on its line dropped (the cell spans the count's and the amount's columns, and a converter
    pads the row to the table's width). The line as it is where no cell is printed so."""
    if (cut := joined_count_and_amount(line)) is not None:
        pieces, used, text = cut
        r.warn(
            "number_across_cells",
            f"{T}/procurement: its cells {' | '.join(t[TEXT] for t in line[:used])} joined as one cell {text!r}, "
            f"read as its count {pieces[0][TEXT]} and its amount {pieces[1][TEXT]} (a cell cut across grid cells)",
            f"{T}/procurement",
            line[0],
        )
        return [*pieces, *line[used:]]
    at = next((k for k, t in enumerate(line) if _count_space_amount(t)), None)
    if at is None:
        return line
    t = line[at]
    text = t[TEXT]
    pair = count_and_amount(text)
    assert pair is not None
    pieces = [token(text[a:b], t[START] + a, t[START] + b, t[LINE], t[COL], t[TABBED], split=True) for a, b in pair]
    r.warn(
        "split_number",
        f"{T}/procurement: one cell {text!r} read as its count {pieces[0][TEXT]} and its amount "
        f"{pieces[1][TEXT]} (apart by a space)",
        f"{T}/procurement",
        t,
    )
    # the cell spans the row's columns: the blank cells after it on its line are the span's, not cells of their own
    end = at + 1
    while end < len(line) and line[end][LINE] == t[LINE] and not line[end][TEXT]:
        end += 1
    if end < len(line) and line[end][LINE] == t[LINE]:
        end = at + 1  # a cell printed after the blanks: they are cells
    return [*line[:at], *pieces, *line[end:]]


# a count and an amount in one cell apart by a space, told from one number whose digits a space splits (OCR's
# ``1 0万元``) by a unit on the count (``12项 30万元``) or a decimal point in the amount (``103 77.60万元``)
def _count_space_amount(t: Token) -> bool:
    """Whether ``t`` is one cell printing 政府集中采购's count and amount apart by a space (``103 77.60万元``)."""
    return not t[IS_VALUE] and count_space_amount(t[TEXT])

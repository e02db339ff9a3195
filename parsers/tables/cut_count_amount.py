"""2019's 政府集中采购 printing its count and its amount in one cell (``334项/25.1485万元``) that a tool cut across
grid cells (pymupdf4llm's layout mode cuts a cell's text at every rule the page draws: ``|334|项/25.1485万|元|``).

Read cell by cell, the count is taken for the amount and the cut unit is no number (``amount`` 334, the count
blank: a wrong number). Where the row's cells on its label's line, joined, print exactly one count and amount cell
(:func:`parsers.tables.run_splits.count_and_amount`) with its unit or separator in a cell of no number, they are
read as that cell's two numbers; so too where empty grid fields come before its first piece
(``|政府集中采购||294|项/13|.712|万元|||``: the grid's rules cut the row before the cell's text too)."""

from __future__ import annotations

from parsers.tables.run_splits import count_and_amount
from parsers.tables.tokens import COL, IS_NUMBER, LINE, START, TABBED, TEXT, Token, token


def joined_count_and_amount(line: list[Token]) -> tuple[list[Token], int, str] | None:
    """The count's and the amount's tokens where the cells of ``line`` (the row's cells after its label) on its
    first line, two or more and not all numbers (empty fields before them set aside), join into one
    count-and-amount cell; with how many of the line's
    tokens they stand for and the text joined. None where they do not."""
    if not line:
        return None
    cells: list[Token] = []
    for t in line:
        if t[LINE] != line[0][LINE] or not t[TABBED]:
            break
        cells.append(t)
    while cells and not cells[-1][TEXT]:
        cells.pop()
    lead = next((k for k, t in enumerate(cells) if t[TEXT]), len(cells))  # empty grid fields before the cell's text
    cells = cells[lead:]
    if len(cells) < 2 or any(not t[TEXT] for t in cells) or all(t[IS_NUMBER] for t in cells):
        return None
    text = "".join(t[TEXT] for t in cells)
    if not any(unit in text for unit in ("项", "万元", "/")):
        return None  # the count's unit, the amount's or their separator: the cells are one such cell's pieces
    pair = count_and_amount(text)
    if pair is None:
        return None
    pieces: list[Token] = []
    for a, b in pair:
        at, cell = _cell_at(cells, a)
        end_at, end_cell = _cell_at(cells, b - 1)
        pieces.append(
            token(
                text[a:b],
                cell[START] + a - at,
                end_cell[START] + b - end_at,
                cell[LINE],
                cell[COL],
                cell[TABBED],
                split=True,
            )
        )
    return pieces, lead + len(cells), text


def _cell_at(cells: list[Token], offset: int) -> tuple[int, Token]:
    """The cell whose text holds character ``offset`` of the cells' joined text, and where its text starts."""
    at = 0
    for t in cells:
        if offset < at + len(t[TEXT]):
            return at, t
        at += len(t[TEXT])
    return at - len(cells[-1][TEXT]), cells[-1]

"""parsers/tables/merged_columns.py: cells holding two columns' values, and rows short of a value in them."""

from __future__ import annotations

from parsers.tables.merged_columns import choose, column_groups, placements
from parsers.tables.tokens import TEXT, Token, token


def _row(line: int, cells: list[str]) -> list[Token]:
    """A pipe row's tokens: each cell's values (space-separated) a token each in that cell, an empty cell one empty
    token."""
    out: list[Token] = []
    at = 0
    for col, cell in enumerate(cells):
        for text in cell.split() or [""]:
            out.append(token(text, at, at + len(text), line, col, True))
            at += len(text) + 1
    return out


def _texts(laid: list[Token | None]) -> list[str | None]:
    return [None if t is None else t[TEXT] or None for t in laid]


def test_groups_come_from_the_full_rows_and_must_agree() -> None:
    full = _row(0, ["", "0", "1 0", "0", "0", "0 1"])
    short = _row(1, ["", "0", "1 0", "0", "0", "1"])
    assert column_groups([full, short], 7) == {1: 1, 2: 2, 3: 1, 4: 1, 5: 2}
    other = _row(2, ["", "0 1", "0", "0", "0", "0 1"])  # another split of the same width: no grouping to trust
    assert column_groups([full, other], 7) is None
    plain = _row(3, ["", "0", "1", "0", "0", "0", "0", "1"])  # a cell a column: nothing merged
    assert column_groups([plain], 7) is None


def test_a_cell_every_full_row_leaves_empty_holds_no_column() -> None:
    # pymupdf4llm's layout grid: a grid column drawn for no column, empty in the rows of seven values, a number's
    # last digit in others (``15 1|2`` for 15 and 12)
    full = _row(0, ["", "0", "5", "2", "0 1", "", "0", "8"])
    short = _row(1, ["", "0", "0", "0", "6", "", "0", "6"])
    cut = _row(2, ["", "128", "28", "21", "15 1", "2", "0", "204"])
    groups = column_groups([full, short, cut], 7)
    assert groups == {1: 1, 2: 1, 3: 1, 4: 2, 5: 0, 6: 1, 7: 1}
    laid = placements(short, groups, 7)
    assert laid is not None and [_texts(p) for p in laid] == [
        ["0", "0", "0", "6", None, "0", "6"],
        ["0", "0", "0", None, "6", "0", "6"],
    ]
    assert placements(_row(3, ["", "0", "0", "0", "6", "1", "0", "6"]), groups, 7) is None  # a value in it: no
    other = _row(4, ["", "0 5", "2", "0", "1", "", "0", "8"])  # full rows that disagree: no grouping
    assert column_groups([full, other, cut], 7) is None


def test_a_short_cell_of_two_columns_gives_two_placements_an_empty_one_none() -> None:
    groups = {1: 1, 2: 2, 3: 1, 4: 1, 5: 2}
    laid = placements(_row(1, ["", "0", "1 0", "0", "0", "1"]), groups, 7)
    assert laid is not None and [_texts(p) for p in laid] == [
        ["0", "1", "0", "0", "0", "1", None],
        ["0", "1", "0", "0", "0", None, "1"],
    ]
    assert placements(_row(1, ["", "0", "1 0", "0", "0", "0 1"]), groups, 7) is None  # full: not short
    assert placements(_row(1, ["", "0", "1 0 2", "0", "1"]), groups, 7) is None  # a cell beyond its columns


def test_choose_keeps_the_placement_every_best_reading_gives_and_blanks_a_tie() -> None:
    a, b = _row(0, ["1"])[0], _row(1, ["0"])[0]
    readings = {"x": [[a, None], [None, a]], "y": [[b, None], [None, b]]}

    def score(picks: dict[str, list[Token | None]]) -> int:
        return 1 if picks["x"][1] is a else 0  # only x's second placement holds an identity; y's never matters

    got = choose(readings, score)
    assert got is not None
    chosen, open_rows = got
    assert chosen["x"] == [None, a] and open_rows == ["y"] and chosen["y"] == [None, None]

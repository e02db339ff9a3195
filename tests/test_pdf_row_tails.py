"""A ruled table's row whose last cell the table search did not find (``parsers/readers/row_tails.py``, version
311): its glyphs, inside the table's box and the row's height but in no cell, read as the cell of the grid column
after the row's last cell. Tuning report synth_8087's Chromium PDF begins page 2 with table 二's row
其他对外管理服务事项 ``54 0 8``, its last cell printed without its top rule: version 310 lost the 8 and read the row
``54 0`` by order (本年增/减 54, 本年处理决定数量 0: two wrong numbers). The boxes below are that row's and the row
under it (points, as the reader found them)."""

from __future__ import annotations

from parsers.readers.pdf_layout import Centres, cell_text
from parsers.readers.pdfium_page import Char
from parsers.readers.row_tails import read_row_tails, unruled_note

ROWS = [
    [(91.1, 85.1, 216.9, 105.0), None, (216.9, 85.1, 302.6, 105.0), (302.6, 85.1, 361.7, 105.0), None],
    [(91.1, 105.0, 163.1, 124.9), (163.1, 105.0, 216.9, 124.9), None, (302.6, 105.0, 361.7, 124.9),
     (361.7, 105.0, 503.6, 124.9)],
]  # fmt: skip
RIGHT = 503.6


def _char(text: str, x0: float, top: float) -> Char:
    return (text, x0, x0 + 7.2, top, top + 12.0, 12.0, 0)


def _read(chars: list[Char]) -> tuple[list[list[str | None]], list[str]]:
    raw: list[list[str | None]] = [["其他对外管理服务事项", None, "54", "0", None], ["a", "b", None, "c", "d"]]
    mids = Centres(chars)
    return raw, read_row_tails(ROWS, raw, RIGHT, chars, (mids.keys, mids.order, mids.h, mids.v), cell_text)


def test_a_rows_glyphs_right_of_its_last_cell_are_its_last_columns_cell() -> None:
    raw, read = _read([_char("5", 250.0, 89.8), _char("4", 257.2, 89.8), _char("8", 362.5, 89.8)])
    assert raw[0] == ["其他对外管理服务事项", None, "54", "0", "8"]
    assert read == ["8"]
    assert "[cell_unruled] page 2: 1 table cell(s)" in unruled_note(2, read)


def test_rows_whose_cells_reach_the_tables_edge_or_print_nothing_there_are_left_as_read() -> None:
    raw, read = _read([_char("9", 420.0, 109.0)])  # a glyph of the second row: inside its own last cell
    assert raw[1] == ["a", "b", None, "c", "d"] and raw[0][4] is None
    assert read == []

"""Snippets of u63's spent held back (seeds 11630–11659, tuning in session 29), ``scripts/build_synth_snippets.py``,
gold from the generator (``synth_model.draw``), no wrong number asserted (``three_against_draw``):

- 11648 ``md-pymupdf4llm``: table 三 in a split grid, each value printed in two grid columns, 自然人 printed blank
  in both (``|二、上年结转…|||0|0|0|0|0|0|32|32|0|32|``): the grouping by the rows' numbers (``grid_repeats``) read
  the row from its first number and the blank was lost (version 345: 0 read for it in two rows, wrong numbers);
- 11630 ``md-pymupdf4llm-layout``: （二）部分公开, the group head （三）不予公开 and its first item 1.属于国家秘密
  laid into one grid row, two values a cell: three labels for two rows (version 345: 12 cells blank);
- 11640 ``md-markitdown-pdf``: ``1．  0`` (an item's number before its row's first value) read as 1.0 in a count
  (version 345: a wrong number);
- 11630 ``md-markitdown-pdf``: table 二's first block, its header's lower row ``件数|件数|件数`` in a table of its
  own, taken for a merged cell's copies over 规章's ``1|0|0`` (version 345: 规章's 0 read 1, two cells blank).
"""

from __future__ import annotations

from parsers.grid_repeats import columns_by_repeats
from parsers.pipe_rows import PIPE_ROW, pipe_cells, repeated_values, stacked_rows
from tests.snippet_reports import against_draw, three_against_draw


def test_a_blank_cell_printed_empty_in_its_grid_columns_is_read_blank() -> None:
    _, _, got, _ = three_against_draw("synth-11648-pymupdf4llm-table3.md", 11648)  # asserts no wrong number
    assert got["applications/carried_over/natural_person"] is None
    assert got["applications/withheld.internal_affairs/natural_person"] is None
    assert got["applications/carried_over/legal_service"] == 32
    assert got["applications/withheld.internal_affairs/total"] == 107


def test_leading_empty_cells_join_a_run_only_under_rows_that_print_numbers_there() -> None:
    head = "|一、本年新收|一、本年新收|5|5|0|0|0|0|0|0|1|1|0|6|"
    blank = "|二、上年结转|二、上年结转|||0|0|0|0|0|0|3|3|0|3|"
    lines = [head, blank]
    out = columns_by_repeats(lines, pipe_cells, lambda ln: bool(PIPE_ROW.match(ln)))
    # the blank row read in the run's grouping: grid columns 2–3 (自然人) one blank cell, the first kept
    assert out == {0: {3, 7, 8, 9, 11}, 1: {3, 7, 8, 9, 11}}
    # alone, nothing says its empty cells are not the label's: read from its first number, as before
    assert columns_by_repeats([blank], pipe_cells, lambda ln: bool(PIPE_ROW.match(ln))) == {0: {8, 9, 11}}


def test_a_group_head_and_its_first_item_stacked_with_another_row_are_one_label() -> None:
    _, keys, got, _ = three_against_draw("synth-11630-pymupdf4llm-layout-table3.md", 11630)  # no wrong number
    assert [k for k in keys if got[k] is None] == []
    labels = "（二）部分<br>公开<br>（三）不<br>予公开<br>1.属于国<br>家秘密"
    rows = stacked_rows([labels, "0<br>0", "1<br>0", "1<br>0"])
    assert rows is not None and [r[0][0] for r in rows] == ["（二）部分公开", "（三）不予公开1.属于国家秘密"]


def test_an_items_number_before_a_value_is_no_decimal_in_a_count() -> None:
    report, _, got, _ = three_against_draw("synth-11640-markitdown-pdf-table3.md", 11640)  # asserts no wrong number
    assert got["applications/unavailable.not_held/natural_person"] is None
    assert "spaced_fraction_in_count" in [w.code for w in report.warnings]


def test_one_header_text_over_columns_that_do_not_all_repeat_is_each_columns_own() -> None:
    _, got, gold = against_draw("synth-11630-markitdown-pdf-table2.md", 11630, "active/")  # no wrong number
    first_block = [k for k in gold if k.startswith(("active/rules/", "active/normative_docs/"))]
    assert [got[k] for k in first_block] == [gold[k] for k in first_block]
    head = "|  |  | 件数 | 件数 | 件数 |"
    assert repeated_values([head, "|  | 规章 | 1 | 0 | 0 |", "| 行政规范性文件 |  | 1 | 1 | 1 |"]) == {}
    # one merged cell's three grid columns, every row repeating: read once, as before
    rows = [head, "|  | 规章 | 1 | 1 | 1 |", "| 行政规范性文件 |  | 2 | 2 | 2 |"]
    assert repeated_values(rows) == {1: {3, 4}, 2: {3, 4}}

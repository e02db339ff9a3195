"""pymupdf4llm's Markdown, table 三 in a split grid that prints a merged label cell in each grid column it covers,
on snippets of u61's held back (seeds 10670–10699, spent: tuning in session 28), ``scripts/build_synth_snippets.py``,
gold from the generator (``synth_model.draw``):

- 10671: ``|一、本年新收政府信息公<br>开申请数量|一、本年新收政府信息公<br>开申请数量|99|0|0|0|0|151|151|…|``, the rows
  printing more values than cells: the two copies read line by line into one label that matches nothing, the rows'
  values unassigned (version 342: 12 cells blank, 11 read 0 for 11 twice);
- 10683: ``|（五）不<br>予处理|（五）不<br>予处理|1.信访举<br>报投诉类<br>申请|1.信访举<br>…|0|0|0|0|1|1|…|``:
  two labels each wrapped in its own cell read line by line into one (``（五）不（五）不1.信访举…``) (version 342: 3
  cells blank).

The copies are read once, and labels that each open with the template's numbering are not read line by line.
"""

from __future__ import annotations

from parsers.pipe_rows import repeated_label_cells
from tests.snippet_reports import three_against_draw


def test_a_merged_label_cell_printed_in_two_grid_columns_is_read_once() -> None:
    _, keys, got, _ = three_against_draw("synth-10671-pymupdf4llm-table3.md", 10671)  # asserts no wrong number
    rows = ("new_received", "carried_over", "granted", "withheld.third_party_rights")
    read = [k for k in keys if k.split("/")[1] in rows]
    assert len(read) == 28
    assert [k for k in read if got[k] is None] == []


def test_labels_each_wrapped_in_their_own_cells_are_not_read_line_by_line() -> None:
    _, keys, got, _ = three_against_draw("synth-10683-pymupdf4llm-table3.md", 10683)  # asserts no wrong number
    assert [k for k in keys if got[k] is None] == []


def test_only_a_labels_copies_before_the_first_value() -> None:
    label = "（五）不<br>予处理"
    assert repeated_label_cells(["", label, label, "1.信访举<br>申请", "1.信访举<br>申请", "0", "0"]) == {2, 4}
    assert repeated_label_cells([label, label, "总计", "总计"]) == set()  # a header row: no value
    assert repeated_label_cells(["行政许可", "0<br>5", "0<br>5", "1"]) == set()  # values stacked: no label's copy

"""markitdown's grid of a PDF's rules over table 三's narrow columns: an empty field of the label columns' room
before a row's first value is no blank cell (parsers/grid_label_room.py; parser version 134). Snippet cut by
scripts/build_synth_snippets.py from tuning seed 3741; the gold is the generator's (synth_3741.json)."""

from __future__ import annotations

from parsers.grid_label_room import label_room
from tests.snippet_reports import app_row, snippet_report


def test_empty_label_room_before_values_in_fields_of_several_values_is_no_cell() -> None:
    # （一）予以公开 prints six values for its seven cells, its 法律服务机构 blank (gold 8 0 1 0 — 0 9), after an
    # empty field of the label columns' room (``| 三、本年度办理结 |     | (一)予以公开 |     | 8 0 | 1 0 | 0 9 |``).
    # Version 133 read that field as 自然人 printed empty and the six values a column off: 8 under 商业企业, 1 under
    # 社会公益组织, 0 under 法律服务机构 (four wrong numbers). Now the row is short: 自然人 8, 商业企业 0, 科研机构 1
    # and 总计 9 are read, the cells the placements differ in are left blank and said so (review required)
    report = snippet_report("synth-3741-markitdown-pdf-table3.md")
    assert app_row(report, "granted") == [8, 0, 1, None, None, None, 9]
    (open_row,) = [w for w in report.warnings if w.code == "placement_open" and "applications/granted" in w.message]
    assert "8 0 1 0 0 9" in open_row.message
    assert report.metadata["review"] == "required"
    # the rows that print all seven values read as before
    assert app_row(report, "new_received") == [20, 0, 23, 0, 0, 0, 43]
    assert app_row(report, "partially_granted") == [10, 0, 0, 0, 0, 0, 10]


def test_label_room_only_where_a_field_holds_several_values() -> None:
    assert label_room(["三、本年度办理结", "  ", "(一)予以公开", "  ", " 8 0 ", " 1 0 ", " 0 9 "], {}) == {3}
    # a grid of the table's own cells (one value a field): an empty field before the values is 自然人 printed empty
    assert label_room(["(一)予以公开", "  ", "0", "1", "0", "0", "0", "1"], {}) == set()
    # no label before the values: nothing told apart
    assert label_room(["  ", " 8 0 ", " 1 0 "], {}) == set()
    # an empty field in which other rows of as many fields print numbers: a value field printed empty (two blank cells)
    row = [" ", " （一）予以公开 ", " ", " ", " 0 ", " 1 ", " 1 ", " 0 2 "]
    assert label_room(row, {8: {3, 4, 5, 6, 7}}) == set()
    assert label_room(row, {8: {4, 5, 6, 7}}) == {2, 3}

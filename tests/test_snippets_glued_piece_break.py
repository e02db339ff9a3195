"""pymupdf4llm's layout grid (issue 8): table 二's 其他对外管理服务事项 label cut across two grid cells, the row's first
value printed against its last piece and an empty line after it (``|其他对外管理服务|事项357<br>|—|361||``, tuning
seed 7835, ``/tmp/u57/tune``). The empty line made the cell a wrapped one: the label was read line by line across
its cells with 357 in it, and the row's other values one grid column to the left (本年增/减 read 361, a wrong
number). A piece whose cell holds one line, the value against it, and empty lines after it is now read as a label
cut on one line: the label's pieces joined, the value in its piece's cell (上一年项目数量)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7835-pymupdf4llm-layout-table2.md"
LINE = "|其他对外管理服务|事项357<br>|—|361||"
ROW = ("active/other_services/prior_items", "active/other_services/change", "active/other_services/decisions")
OTHERS = ("active/licensing/prior_items", "active/licensing/change", "active/licensing/decisions")


def test_value_against_a_cut_labels_piece_before_an_empty_line_is_read_in_its_cell() -> None:
    # version 275 read 本年增/减 361 (gold: blank, printed —) and left 357 and 361 blank
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert LINE in text
    report = snippet_report(NAME)
    gold = draw(7835).cells
    for key in (*ROW, *OTHERS):
        assert report.cells[key].value == gold_value(gold[key]), key
    assert report.cells["active/other_services/prior_items"].value == 357


def test_a_piece_with_a_value_and_more_lines_is_not_so_read() -> None:
    # a second printed line in the piece's cell: a wrapped label, read as before (not as a label cut on one line)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8").replace(LINE, "|其他对外管理服务|事项357<br>8|—|361||")
    report = parse(text.encode("utf-8"), NAME)
    assert report.cells["active/other_services/prior_items"].value != 357

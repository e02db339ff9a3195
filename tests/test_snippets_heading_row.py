"""Table 二's last row and section 三's heading laid into one grid row by pymupdf4llm's layout mode (issue 8, parser
version 186): ``|行政事业性收<br>费<br>三、收到|0<br>和处理政府信息公开申请情况|||申<br>法人<br>|…``, the row's value
the first line of a cell, the heading's pieces and table 三's first header cells around it."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import APPLICANTS, draw, gold_value

NAME = "synth-7208-pymupdf4llm-layout-table2.md"
ROW = "|行政事业性收<br>费<br>三、收到|0<br>和处理政府信息公开申请情况|||申<br>法人<br>|"


def test_the_row_s_value_is_read_apart_from_the_heading_laid_into_its_grid_row() -> None:
    # version 185 joined each cell's lines: the value 0 glued to the heading's piece (``0和处理政府…``), the fee
    # blank. Now the row is its label and the first-line numbers, the heading a line of its own (said)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert ROW in text
    report = snippet_report(NAME)
    gold = draw(7208).cells  # tuning seed 7208 (/tmp/d52/tune): the generator's gold
    assert report.cells["active/fees/amount"].value == gold_value(gold["active/fees/amount"])
    assert [w for w in report.warnings if w.code == "heading_in_row"]
    # table 三 under the heading reads as before
    row = [gold_value(gold[f"applications/new_received/{c}"]) for c in (*APPLICANTS, "total")]
    assert app_row(report, "new_received") == row


def test_a_number_below_the_first_line_of_a_cell_keeps_the_row_as_it_was() -> None:
    # a cell printing a number under a line of text: no row value stands first in its cell, and the row is not
    # parted from the heading (nothing said of it)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    report = parse(text.replace(ROW, ROW.replace("|0<br>和处理", "|和处理<br>0<br>", 1)).encode(), NAME)
    assert not [w for w in report.warnings if w.code == "heading_in_row"]

"""A row's first value glued to its label under a header whose cell a grid rule cut (issue 8, parser version 298):
pymupdf4llm's layout grid prints table 二's 第二十条第（一）项 header as ``对外公|开总数量`` (no field names
对外公开总数量) and ``|行政规范性文件0<br>117<br>132|``. The header's two names gave the row two columns; the glued
0 was not counted among the row's values, so 117 and 132 were read a column left and 对外公开总数量 left blank, no
warning naming either (version 296). The glued number now counts as the row's first value: three values, the
template's three columns (``header_columns``), the 0 split from the label (``glued_number``). And a number cut
across grid cells under one header cell whose point prints alone in the grid row under it is no number whose pieces
join (version 300): left blank, said."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-8032-pymupdf4llm-layout-table2.md"


def test_a_glued_first_value_counts_among_the_rows_values() -> None:
    # tuning seed 8032 (/tmp/u58/tune, md-pymupdf4llm-layout)
    gold = {k: gold_value(v) for k, v in draw(8032).cells.items() if k.startswith("active/")}
    report = snippet_report(NAME)
    got = {k: report.cells[k].value if k in report.cells else None for k in gold}
    assert not [k for k in gold if got[k] is not None and got[k] != gold[k]]  # no wrong number
    row = [k for k in gold if k.startswith("active/normative_docs/")]
    assert len(row) == 3 and [got[k] for k in row] == [gold[k] for k in row]
    codes = {w.code for w in report.warnings if w.key == "active/normative_docs"}
    assert {"header_columns", "glued_number"} <= codes


POINT_BELOW = "synth-7999-pymupdf4llm-layout-table2.md"


def test_a_number_cut_across_grid_cells_with_its_point_below_is_left_blank() -> None:
    # tuning seed 7999 (/tmp/u58/tune, md-pymupdf4llm-layout): 政府集中采购's amount printed ``|6|40|`` under one
    # header cell, its point alone in the grid row below; version 297 joined the pieces as 640 (a wrong number).
    # Now the amount is blank, said (number_cut_blank), and the count beside it read
    gold = {k: gold_value(v) for k, v in draw(7999).cells.items() if k.startswith("active/procurement/")}
    report = snippet_report(POINT_BELOW)
    got = {k: report.cells[k].value if k in report.cells else None for k in gold}
    assert got["active/procurement/amount"] is None and gold["active/procurement/amount"] is not None
    assert got["active/procurement/items"] == gold["active/procurement/items"]
    assert [w for w in report.warnings if w.code == "number_cut_blank" and w.key == "active/procurement"]

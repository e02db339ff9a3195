"""Snippet tests of table 二 (主动公开政府信息情况), for rules the synthetic extractor round found missing (issue 8,
``scripts/synth_extractors.py``). The texts are real extractors' output of short reports written in
``scripts/build_extractor_snippets.py`` or cut from synthetic reports by ``scripts/build_synth_snippets.py``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from parsers import parse
from parsers.tables.templates import (
    ACTIVE_DEFAULTS,
)
from parsers.tables.templates import APPLICANT_COLUMNS as APPLICANT
from tests.snippet_reports import (
    FEES_AND_PROCUREMENT,
    FULL_FOUR,
    FULL_THREE,
    OTHER_SERVICES,
    REVIEW_KEYS,
    SNIPPETS,
    cell_values,
    row_or_none,
    snippet_report,
)


def test_fee_row_on_one_line_with_its_unit_is_read() -> None:
    # lynx and pypdf print table 二's last row as one line, one space between its label and ``2.5万元``
    for name, line in (("own-lynx.txt", "行政事业性收费 2.5万元"), ("own-pypdf.txt", "行政事业性收费 2.5 万元")):
        assert line in (SNIPPETS / name).read_text(encoding="utf-8")
        report = snippet_report(name)
        assert report.cells["active/fees/amount"].value == 2.5, name
        assert not [w for w in report.warnings if w.key == "active/fees"], name


def test_header_cells_one_a_line_keep_their_order() -> None:
    # lynx prints each cell of the 2019 table 二 (a paragraph each, centred) on a line of its own: the header's
    # cells stand one above the other, overlapping across the page; their order is the lines' order
    text = (SNIPPETS / "own-2019-lynx.txt").read_text(encoding="utf-8")
    assert "上一年项目数量\n" in text and "本年处理决定数量\n" in text
    cells = snippet_report("own-2019-lynx.txt").cells
    read = {row: [cells[f"active/{row}/{c}"].value for c in ("prior_items", "change", "decisions")]
            for row in ("licensing", "other_services", "penalty", "coercion")}  # fmt: skip
    assert read == {
        "licensing": [57, -2, 1290],
        "other_services": [12, 0, 388],
        "penalty": [41, 3, 76],
        "coercion": [8, 0, 5],
    }


def test_pymupdf4llm_picture_text_lines_joined_by_br_are_read() -> None:
    # pymupdf4llm's layout mode took table 二 for a picture: its lines joined by <br> between two comments
    text = (SNIPPETS / "own-pymupdf4llm-layout.md").read_text(encoding="utf-8")
    assert "<!-- Start of picture text -->" in text and "<br>规章 0 0 0<br>" in text
    report = snippet_report("own-pymupdf4llm-layout.md")
    cells = report.cells
    assert [cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")] == [7, 2, 31]
    assert cells["active/licensing/decisions"].value == 208
    assert cells["active/fees/amount"].value == 2.5
    (note,) = [w for w in report.warnings if w.code == "picture_text"]
    assert "<br> read as line breaks" in note.message


def test_labels_on_a_line_after_their_values_read_with_the_line_above() -> None:
    # markitdown's text of Chromium's print of a Word-styled 2019 table 二: the left-aligned labels of some rows
    # sit lower than their centred values, and come on a line of their own after them
    text = (SNIPPETS / "own-2019-word-markitdown.md").read_text(encoding="utf-8")
    assert "|      | 5       | 5       | 42      |\n规范性文件\n" in text
    assert "| 57      | -2  | 1290     |\n行政许可\n" in text
    report = snippet_report("own-2019-word-markitdown.md")
    cells = report.cells
    docs, items = ("new_made", "new_published", "total_published"), ("prior_items", "change", "decisions")
    read = {row: [cells[f"active/{row}/{c}"].value for c in (docs if row in ("rules", "normative_docs") else items)]
            for row in ("rules", "normative_docs", "licensing", "other_services")}  # fmt: skip
    assert read == {
        "rules": [0, 0, 3],
        "normative_docs": [5, 5, 42],
        "licensing": [57, -2, 1290],
        "other_services": [12, 0, 388],
    }
    (note,) = [w for w in report.warnings if w.code == "label_after_values"]
    assert "normative_docs, licensing" in note.message


def test_html2text_rows_without_outer_pipes_and_a_block_title_run_into_the_paragraph() -> None:
    # html2text of the page framed by a layout table: the frame's cell prints as one line, table 二's one-cell first
    # row (第二十条第（一）项) at its end; the rows print without the outer pipes (规章| 0| 0| 0) under ``---`` rules
    text = (SNIPPETS / "own-framed-html2text.md").read_text(encoding="utf-8")
    assert "实效性 二、主动公开政府信息情况 | 第二十条第（一）项  \n---  \n信息内容| 本年制发件数|" in text
    assert "\n规章| 0| 0| 0  \n行政规范性文件| 7| 2| 31  \n" in text
    report = snippet_report("own-framed-html2text.md")
    assert report.metadata["convention"] == "markdown"
    cells = report.cells
    cols = ("issued", "repealed", "in_force")
    assert [cells[f"active/rules/{c}"].value for c in cols] == [0, 0, 0]
    assert [cells[f"active/normative_docs/{c}"].value for c in cols] == [7, 2, 31]
    assert cells["active/licensing/decisions"].value == 208
    assert [cells[f"applications/new_received/{c}"].value for c in ("natural_person", "commercial", "total")] == [
        21,
        4,
        26,
    ]
    assert not [w for w in report.warnings if w.code == "ocr_digit"]  # the pipes are Markdown's, not OCR's rules


def test_pdfminer_stacked_labels_and_rows_lines_read_in_order() -> None:
    # table 三 at 45 %: its numbered labels stacked (column order: version 51 read no cell), the rows' lines apart
    text = (SNIPPETS / "own-boxes-stacked-pdfminer.txt").read_text(encoding="utf-8")
    assert "\n1．属\n" in text and "\n5 1 0 0 0 0 6\n" in text
    report = snippet_report("own-boxes-stacked-pdfminer.txt")
    for row, want in FULL_THREE.items():
        assert row_or_none(report, row) == want, row
    assert [report.cells[k].value for k in REVIEW_KEYS] == FULL_FOUR
    (warned,) = [w for w in report.warnings if w.code == "column_order"]
    assert "table 三 and table 四 read from the text's lines of values" in warned.message
    # table 二: only 行政许可's one value, on its label's line (version 110: active_boxes), the gold's, and
    # 行政规范性文件's first, on its label's line, a box of its own (version 264; the page's HTML row: 7 2 31)
    assert [(k, c.value) for k, c in report.cells.items() if k.startswith("active/") and c.value is not None] == [
        ("active/normative_docs/issued", 7),
        ("active/licensing/decisions", 208),
    ]


def test_pdfminer_flow_disabled_table_two_values_before_their_labels() -> None:
    # ``pdf2txt.py -F disabled`` (boxes_flow=None): boxes in the order of their lower left corners, so each of
    # table 二's values (one box, one line each) prints before its row's label, which wraps lower (version 58 read
    # 规章 from 行政规范性文件's values and left that row blank)
    name = "synth-1200-flow-none-pdfminer.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "\n0\n\n1\n\n0\n\n规章\n\n2\n\n0\n\n36\n\n行政规范性文件\n" in text
    report = snippet_report(name)
    want = {"rules/issued": 0, "rules/repealed": 1, "rules/in_force": 0, "normative_docs/issued": 2,
            "normative_docs/repealed": 0, "normative_docs/in_force": 36, "licensing/decisions": 33,
            "penalty/decisions": 20, "coercion/decisions": 1, "fees/amount": 86.63}  # fmt: skip
    assert {k: report.cells[f"active/{k}"].value for k in want} == want
    # table 三 prints so too (its own ``label_after_values``, parsers/tables/box_sides.py): table 二's is the one here
    (warned,) = [w for w in report.warnings if w.code == "label_after_values" and w.message.startswith("active")]
    assert "rules, normative_docs, licensing, penalty, coercion, fees" in warned.message


def test_layout_frame_that_cut_span_markup_is_rejoined() -> None:
    # pandoc -t markdown: the layout frame cuts each table row of spans inside its attribute blocks and brackets,
    # and once between two cells (the next cell's span further in than the row)
    text = (SNIPPETS / "own-framed-long-spans-pandoc-markdown.md").read_text(encoding="utf-8")
    assert '|   [规章]{style="font-size:12pt;font-family:微软雅黑;mso-hansi         |' in text
    assert "\n|              [0]{style=" in text
    report = snippet_report("own-framed-long-spans-pandoc-markdown.md")
    active = {k: c.value for k, c in report.cells.items() if k.startswith("active/")}
    assert active["active/rules/issued"] == 0 and active["active/rules/in_force"] == 0
    assert [active[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [7, 2, 31]
    assert active["active/licensing/decisions"] == 208 and active["active/fees/amount"] == 2.5
    for row, values in (
        ("new_received", [21, 4, 0, 0, 1, 0, 26]),
        ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
        ("granted", [17, 3, 0, 0, 1, 0, 21]),
        ("results_total", [22, 4, 0, 0, 1, 0, 27]),
        ("carried_forward", [1, 0, 0, 0, 0, 0, 1]),
    ):
        assert [report.cells[f"applications/{row}/{c}"].value for c in APPLICANT] == values, row
    (note,) = [w for w in report.warnings if w.code == "frame_rejoined"]
    assert "piece(s) joined back" in note.message
    # table 四 (a multiline table the frame cut, its 复议后起诉 row printed as nothing): the blank row is not in
    # the text, its reading is said to be a guess
    assert report.metadata["review"] == "required"
    assert [w for w in report.warnings if w.code == "placement_open" and w.key == "review_litigation"]


def test_values_glued_to_their_labels_are_no_run_of_labels_printed_alone() -> None:
    # PyMuPDF's get_text(): table 二's narrow rows come as one span each (``行政处罚0``), the wide fee row's label
    # and value a line each: the fee's value is the fee row's, not the first of a run of labels printed alone
    text = (SNIPPETS / "own-six-auto-pymupdf.txt").read_text(encoding="utf-8")
    assert "行政许可208\n第二十条第（六）项\n信息内容本年处理决定数量\n行政处罚0\n行政强制18\n" in text
    report = snippet_report("own-six-auto-pymupdf.txt")
    got = [report.cells[f"active/{k}"].value for k in ("licensing/decisions", "penalty/decisions",
                                                         "coercion/decisions", "fees/amount")]  # fmt: skip
    assert got == [208, 0, 18, 2.5]
    assert not [w for w in report.warnings if w.code == "column_order"]


def test_number_cut_across_grid_cells_under_one_header_cell_is_joined() -> None:
    # pymupdf4llm's layout mode cuts a cell's text at the grid's columns: table 二's amounts print in two grid cells
    # under a header cell cut the same way (version 65: the first piece kept, 5.30724 for 5.307242, and the
    # procurement count's neighbour 2 for 254.65, review suggested)
    text = (SNIPPETS / "synth-1241-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|本|年收|费金额（单位|：万|元）|\n|行政事业性收费||||5.30724|2||" in text
    report = snippet_report("synth-1241-pymupdf4llm-layout-table2.md")
    assert report.cells["active/fees/amount"].value == 5.307242
    (cut,) = [w for w in report.warnings if w.code == "number_across_cells"]
    assert cut.key == "active/fees" and "5.30724|2 as 5.307242" in cut.message
    assert not [w for w in report.warnings if w.code == "extra_values" and w.key == "active/fees"]
    text = (SNIPPETS / "synth-1246-pymupdf4llm-layout-table3.md").read_text(encoding="utf-8")
    assert "|采购项目数量本|年收费金额|（单位：万元）||\n|政府集<br>中采购|4|2|54.65||" in text
    report = snippet_report("synth-1246-pymupdf4llm-layout-table3.md")
    assert [report.cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [4, 254.65]
    (cut,) = [w for w in report.warnings if w.code == "number_across_cells"]
    assert cut.key == "active/procurement" and "2|54.65 as 254.65" in cut.message
    text = (SNIPPETS / "synth-1249-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|行政许可|||2|4689||||" in text and "|行政事业性收费|||240|.958|653|||" in text
    report = snippet_report("synth-1249-pymupdf4llm-layout-table2.md")
    assert report.cells["active/licensing/decisions"].value == 24689
    assert report.cells["active/fees/amount"].value == 240.958653
    assert len([w for w in report.warnings if w.code == "number_across_cells"]) == 2


def test_number_cut_under_a_header_cell_laid_out_line_by_line_is_joined() -> None:
    # pymupdf4llm's layout mode (tuning seed 3472) lays a header cell wrapped over lines into its grid cells line by
    # line (本年处理决定数量 as ``|本年处<br>定数|理决<br>量|``), beside the block title's pieces; 行政许可's 47 and
    # 其他对外管理服务事项's 17 print across the same two grid cells (version 118: 4 and 1 read, 7 ignored)
    text = (SNIPPETS / "synth-3472-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|本年处<br>定数|理决<br>量|\n|行政许可||305||－9||4|7|\n|其他对外管理服务事项||20||1||1|7|" in text
    report = snippet_report("synth-3472-pymupdf4llm-layout-table2.md")
    got = {c: report.cells[f"active/licensing/{c}"].value for c in ("prior_items", "change", "decisions")}
    assert got == {"prior_items": 305, "change": -9, "decisions": 47}
    assert report.cells["active/other_services/decisions"].value == 17
    cuts = [w for w in report.warnings if w.code == "number_across_cells"]
    assert sorted(w.key for w in cuts) == ["active/licensing", "active/other_services"]
    assert "4|7 as 47" in next(w.message for w in cuts if w.key == "active/licensing")
    assert not [w for w in report.warnings if w.code == "extra_values"]


def test_amount_cut_under_a_header_cell_without_its_unit_is_joined() -> None:
    # pymupdf4llm's layout mode (tuning seed 3515) prints 本年收费金额 cut over three grid cells (``|本|年收费|金额|``)
    # and the row's amount cut the same way, its unit in a cell of its own (``|21|06.01|万元|``): version 118 read 21
    text = (SNIPPETS / "synth-3515-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|信息内容||||本|年收费|金额||\n|行政事业性收费||||21|06.01|万元||" in text
    report = snippet_report("synth-3515-pymupdf4llm-layout-table2.md")
    assert report.cells["active/fees/amount"].value == 2106.01
    (cut,) = [w for w in report.warnings if w.code == "number_across_cells" and w.key == "active/fees"]
    assert "21|06.01 as 2106.01" in cut.message


def test_run_led_by_zero_against_its_label_is_no_number() -> None:
    # pymupdf4llm's layout mode (tuning seed 3506) prints a table 二 block a grid cell a row, its lines joined:
    # ``行政规范性文件0<br>2<br>171`` (0 2 171). Version 118 read the run 02171 as 现行有效件数 2171, a wrong number;
    # joined, it splits three ways (0 2 171, 0 21 71, 0 217 1) and no identity decides: blank, ``ambiguous_split``.
    # Since d52's version 183 the cell's ``<br>`` lines are kept apart (the label's line with its glued 0, then 2,
    # then 171), and the row reads as printed, the 0 parted from the label (``glued_number``)
    name = "synth-3506-pymupdf4llm-layout-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|行政规范性文件0<br>2<br>171|" in text and "|规章<br>0<br>0<br>0|" in text
    report = snippet_report(name)
    got = [report.cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")]
    assert got == [0, 2, 171]
    assert [w for w in report.warnings if w.code == "glued_number" and w.key == "active/normative_docs"]
    assert [report.cells[f"active/rules/{c}"].value for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    # the same numbers printed as one run (no line between them): blank, the split ambiguous
    joined = parse(text.replace("|行政规范性文件0<br>2<br>171|", "|行政规范性文件02171|").encode(), name)
    got = [joined.cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")]
    assert got == [None, None, None]
    assert [w for w in joined.warnings if w.code == "ambiguous_split" and w.key == "active/normative_docs"]


def test_piece_of_another_rows_label_is_no_missing_rows_label_by_order() -> None:
    # pdfplumber's layout mode (tuning seed 3520) wraps a 2019 table 二's labels a few characters a line:
    # 其他对外管理服务事项's values print on its ``管理`` line, and no line of 行政事业性收费's label holds a word of
    # it. Version 118 took ``管理`` for the missing 行政事业性收费 by the template's order: 19 read as its 上一年项目
    # 数量 (a wrong number)
    name = "synth-3520-pdfplumber-layout-table2.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "\n         管理     19    0      0" in text and "\n         事业" in text
    report = snippet_report(name)
    got = [report.cells[f"active/other_services/{c}"].value for c in ("prior_items", "change", "decisions")]
    assert got == [19, 0, 0]
    assert report.cells["active/fees/prior_items"].value is None  # (the gold's 1: its label is nowhere whole)
    assert not [w for w in report.warnings if w.code == "fuzzy_label" and "'管理'" in w.message]


def test_first_row_of_values_with_placeholders_groups_the_grid_columns_below() -> None:
    # 1278: a table 二 block whose first row (values) pymupdf4llm took for the header prints ColN after each number,
    # the row under it each number across those grid columns; read 5 5 5 (the first three of seven) before
    text = (SNIPPETS / "synth-1278-pymupdf4llm-table2.md").read_text(encoding="utf-8")
    assert "|行政处罚|2|Col3|Col4|0|Col6|7|Col8|\n|---|---|---|---|---|---|---|---|\n|行政强制|5|5|5|0|0|12|12|" in text
    report = snippet_report("synth-1278-pymupdf4llm-table2.md")
    penalty = [f"active/penalty/{c}" for c in ("prior_items", "change", "decisions")]
    coercion = [f"active/coercion/{c}" for c in ("prior_items", "change", "decisions")]
    assert cell_values(report, penalty) == [2, 0, 7]
    assert cell_values(report, coercion) == [5, 0, 12]
    (warned,) = [w for w in report.warnings if w.code == "placeholder_columns"]
    assert "行政处罚 2 (a row of values): 3 grid columns" in warned.message


def test_label_cut_across_grid_cells_is_not_the_next_rows_label() -> None:
    # 1261 (pymupdf4llm's layout mode): ``|行政事业|性收费|0|1|||``: 性收费 is the fee label's end, not the missing
    # 政府集中采购 (whose row prints elsewhere: blank, not 0 and 1)
    text = (SNIPPETS / "synth-1261-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|行政事业|性收费|0|1|||" in text
    report = snippet_report("synth-1261-pymupdf4llm-layout-table2.md")
    assert cell_values(report, FEES_AND_PROCUREMENT) == [0, 1, None, None]
    assert not [w for w in report.warnings if w.key == "active/procurement" and w.code == "fuzzy_label"]


def test_procurement_row_printed_but_not_read_is_a_missing_row() -> None:
    # 1261 (pymupdf4llm's layout mode): the 政府集中采购 block is printed (第二十条第（九）项, its header) but its row
    # is one pipe cell of label and values (``|政府集中采购<br>3<br>2万元|``) no rule reads: its two cells blank, a
    # missing row, review required (the row was optional in format 2019, so blank without a warning before)
    text = (SNIPPETS / "synth-1261-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|||第二十条第|（九）|项||" in text and "|政府集中采购<br>3<br>2万元|" in text
    report = snippet_report("synth-1261-pymupdf4llm-layout-table2.md")
    assert cell_values(report, FEES_AND_PROCUREMENT[2:]) == [None, None]
    assert [w.code for w in report.warnings if w.key == "active/procurement"] == ["missing_row"]
    assert report.metadata["review"] == "required"


def test_procurement_row_absent_with_its_block_is_no_missing_row() -> None:
    # the same text without the block and its row (format 2019's 政府集中采购 is optional): no warning
    text = (SNIPPETS / "synth-1261-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    block = text.index("|||第二十条第|（九）|项||")
    cut = text[:block] + text[text.index("## 三、收到和处理政府信息公开申请情况") :]
    assert "采购" not in cut
    report = parse(cut.encode("utf-8"), "synth-1261-pymupdf4llm-layout-table2.md")
    assert cell_values(report, FEES_AND_PROCUREMENT) == [0, 1, None, None]
    assert not [w for w in report.warnings if w.key == "active/procurement"]


def test_procurement_row_on_one_line_with_a_unit_or_a_spaced_point_is_read() -> None:
    # 1261 and 1262 (pypdf): 政府集中采购's row on one line, single-spaced, its amount printed with its unit
    # (``3 2万元``) or with a space after its decimal point (``7 4. 2``): one token before, the row not found
    for name, line, want in (
        ("synth-1261-pypdf-table2.txt", "\n政府集中采购 3 2万元\n", [3, 2]),
        ("synth-1262-pypdf-table2.txt", "\n政府集中采购 7 4. 2\n", [7, 4.2]),
    ):
        assert line in (SNIPPETS / name).read_text(encoding="utf-8"), name
        report = snippet_report(name)
        assert cell_values(report, FEES_AND_PROCUREMENT[2:]) == want, name
        assert not [w for w in report.warnings if w.key == "active/procurement"], name
    spaced = [w for w in snippet_report("synth-1262-pypdf-table2.txt").warnings if w.code == "spaced_number"]
    assert [w.key for w in spaced] == ["active/procurement/amount"]


def test_label_end_and_values_in_one_grid_cell_are_not_joined_to_the_label() -> None:
    # 1278 (pymupdf4llm's layout mode): ``|其他对外管|理服务事项<br>5<br>0||3|``: the label's end and two values a line
    # each in one grid cell, after the label's first cell: read line by line across the cells before, the values
    # joined the label (其他对外管理服务事项50: 50 read); and ``|行政处罚<br>2|0|7||``: the row's first value under its
    # label, the next cell a number (read 0 7 before: 2 taken for the label's numbering)
    text = (SNIPPETS / "synth-1278-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|其他对外管|理服务事项<br>5<br>0||3|" in text and "|行政处罚<br>2|0|7||" in text
    report = snippet_report("synth-1278-pymupdf4llm-layout-table2.md")
    assert cell_values(report, OTHER_SERVICES) == [5, 0, 3]
    penalty = [f"active/penalty/{c}" for c in ("prior_items", "change", "decisions")]
    coercion = [f"active/coercion/{c}" for c in ("prior_items", "change", "decisions")]
    assert cell_values(report, penalty) == [2, 0, 7]
    assert cell_values(report, coercion) == [5, 0, 12]


def test_middle_piece_of_a_label_wrapped_over_three_lines_is_not_the_next_rows_label() -> None:
    # 1246 (markitdown, a PDF): 行政事业性收费 wrapped over three lines, its values on the middle one: 业性收 is the
    # fee label's piece, not 政府集中采购's by the template's order (read 5 0 as the procurement's before, the fee
    # row blank); 政府集中采购's 4 and 254.65 are read from its own label's first piece, 政府集 alone on its line, its
    # values on the next: read since versions 81 (by similarity, a fuzzy_label naming 政府集) and 82 (政府集 / its
    # pipe row / 中采购, the label joined across its row of values as the whole report's is); merged, the join
    # reads it (the gold's values), and no warning names the fee label's piece
    text = (SNIPPETS / "synth-1246-markitdown-pdf-table2.md").read_text(encoding="utf-8")
    assert "\n行政事\n| 业性收 |     | 5   |     | 0   |" in text and "\n费\n" in text
    report = snippet_report("synth-1246-markitdown-pdf-table2.md")
    assert cell_values(report, FEES_AND_PROCUREMENT) == [5, 0, 4, 254.65]
    assert not [w for w in report.warnings if w.key == "active/procurement" and "业性收" in w.message]
    assert not [w for w in report.warnings if w.key == "active/procurement" and w.code == "fuzzy_label"]


def _table_two(report, rows: tuple[str, ...]) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    from parsers.tables.templates import ACTIVE_DEFAULTS

    fmt = report.metadata["format"]
    return {
        row: [(c.value if (c := report.cells.get(f"active/{row}/{col}")) else "-") for col in ACTIVE_DEFAULTS[fmt][row]]
        for row in rows
    }


def test_pdftotext_default_table_two_read_block_by_block() -> None:
    # pdftotext's default mode (tuning seeds 1240, 1264, 1267) prints each cell of table 二 as a block of its own, a
    # block's values after its labels, row after row; the text is in column order (table 三's labels stacked) and
    # table 二 was not read at version 73. Each 第二十条 block prints exactly its cells' count of values, each alone
    text = (SNIPPETS / "synth-1264-pdftotext-default-table2.txt").read_text(encoding="utf-8")
    assert "规章\n\n0\n\n0\n\n88\n\n41\n\n35\n\n0\n\n行政规范性文件" in text
    report = snippet_report("synth-1264-pdftotext-default-table2.txt")
    rows = ("rules", "normative_docs", "licensing", "other_services", "penalty", "coercion", "fees", "procurement")
    assert _table_two(report, rows) == {
        "rules": [0, 0, 88],
        "normative_docs": [41, 35, 0],
        "licensing": [2216, 0, 4433],
        "other_services": [117, 0, 3601],
        "penalty": [160, 0, 1974],
        "coercion": [None, 0, 0],
        "fees": [0, 0],
        "procurement": [0, 50.94],
    }
    (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "第二十条第（一）项 (6 values, 2 rows)" in blocks.message and "not read" not in blocks.message
    assert report.metadata["review"] == "required"  # column_order: table 四 is not read
    report = snippet_report("synth-1240-pdftotext-default-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "licensing", "penalty", "coercion", "fees")) == {
        "rules": [0, 4, 18],
        "normative_docs": [5, 2, 31],
        "licensing": [0],
        "penalty": [0],
        "coercion": [0],
        "fees": [0.14],
    }
    # 1267: items （一） and （五） print their 12 values before （五）'s title, read as one run; （九） prints its
    # count and amount on one line (``169项/2.983万元``): not read
    report = snippet_report("synth-1267-pdftotext-default-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "licensing", "other_services", "procurement")) == {
        "rules": [11, 15, 38],
        "normative_docs": [0, 441, 3620],
        "licensing": [17632, -28, 166100],
        "other_services": [0, 0, 243],
        "procurement": ["-", "-"],
    }
    (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "第二十条第（一）、（五）项 (12 values, 4 rows)" in blocks.message
    assert "not read: 第二十条第（九）项 (its values do not each stand alone)" in blocks.message


def test_pdftotext_default_table_two_block_open_stays_blank() -> None:
    # hand-made from seed 1264's text: item （一） prints 5 values for its 6 cells (a cell printing nothing: which one
    # is open), or its values a column a box on adjacent lines (pdfminer's boxes: the order may run down the
    # columns). That block stays blank; the others are read
    for name, why in (
        ("own-active-blocks-cell-missing-pdftotext.txt", "5 values for 6 cells"),
        ("own-active-blocks-column-boxes-pdftotext.txt", "its values do not each stand alone"),
    ):
        report = snippet_report(name)
        assert _table_two(report, ("rules", "normative_docs", "licensing")) == {
            "rules": ["-", "-", "-"],
            "normative_docs": ["-", "-", "-"],
            "licensing": [2216, 0, 4433],
        }, name
        (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
        assert f"not read: 第二十条第（一）项 ({why})" in blocks.message, name


def test_pdftotext_default_table_two_short_rows_completed_by_blocks() -> None:
    # tuning seeds 1260 and 1276: texts read row by row (table 三's labels not stacked) whose table 二 prints a block's
    # values apart from its labels: items （一） and （五） print their 12 values before （五）'s title (1260: 规章 and
    # 行政规范性文件 left blank at version 73), 其他对外管理服务事项's values before its label wrapped over four lines
    # (1276: 行政许可's row read 0 29 2973, its 3 further values dropped). The reading block by block agrees with every
    # row both read whole: the short rows are taken from it
    report = snippet_report("synth-1260-pdftotext-default-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "licensing")) == {
        "rules": [9, 20, 12],
        "normative_docs": [25, 171, 0],
        "licensing": [2483, 0, 0],
    }
    (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "rows rules, normative_docs taken from it" in blocks.message
    assert "not read: 第二十条第（八）项 (3 values for 2 cells)" in blocks.message  # 上 / 一 / 年 …: 一 is no blank
    text = (SNIPPETS / "synth-1276-pdftotext-default-table2.txt").read_text(encoding="utf-8")
    assert "\n2973\n\n496\n\n0\n\n290\n\n其他对\n外管理\n" in text  # 服务事 / 项 after a page break
    report = snippet_report("synth-1276-pdftotext-default-table2.txt")
    assert _table_two(report, ("licensing", "other_services")) == {
        "licensing": [0, 29, 2973],
        "other_services": [496, 0, 290],
    }
    assert report.metadata["review"] == "suggested"


def test_pdftotext_default_table_two_title_wrapped_before_its_item_word_is_a_block() -> None:
    # tuning seed 1703 (/tmp/t38/bat): poppler wraps 第二十条第（五）项's title before its 项, and prints item （五）
    # after （六）. Version 100 took no title there, so （六）'s block ran on into （五）'s label and value: "its row
    # labels are not the template's", and 行政处罚, 行政强制 and 行政许可 stayed blank
    text = (SNIPPETS / "synth-1703-pdftotext-default-table2.txt").read_text(encoding="utf-8")
    assert "\n第二十条第（五）\n项\n" in text and "\n行政许可\n\n6484\n" in text
    report = snippet_report("synth-1703-pdftotext-default-table2.txt")
    assert _table_two(report, ("penalty", "coercion", "licensing", "fees")) == {
        "penalty": [120],
        "coercion": [0],
        "licensing": [6484],
        "fees": [31.93],
    }
    (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "第二十条第（六）项 (2 values, 2 rows), 第二十条第（五）项 (1 values, 1 row)" in blocks.message


def test_pdftotext_default_table_two_readings_disagree_nothing_completed() -> None:
    # hand-made from seed 1276's text: 行政处罚's label moved after its values, so the reading row by row reads those
    # values as 其他对外管理服务事项's (207 0 2097) and leaves 行政处罚 short, where the reading block by block reads
    # 496 0 290: the readings disagree on a row both read whole, and no short row is taken from the blocks
    report = snippet_report("own-active-blocks-readings-disagree-pdftotext.txt")
    assert _table_two(report, ("penalty",)) == {"penalty": [None, None, None]}
    assert not [w for w in report.warnings if w.code == "active_blocks_in_order"]


def test_glued_table_two_runs_split_by_their_columns_number_shapes() -> None:
    # BeautifulSoup's get_text() with no separator (tuning seeds 1260, 1262), table 二 of format 2019: a run holding
    # a negative change or a decimal amount has one split where each piece is printed as its column prints a number
    # (a count, a change, an amount): 58-2 is 58 and -2, 74.2 is 7 and 4.2. Version 76 read 行政事业性收费58- as a
    # label (the row missing) and left 政府集中采购's run unplaced; runs split more ways stay blank
    text = (SNIPPETS / "synth-1260-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n行政事业性收费58-2\n" in text and "\n政府集中采购01.68\n" in text
    cells = snippet_report("synth-1260-bs4-glued-table2.txt").cells
    assert [cells[f"active/fees/{c}"].value for c in ("prior_items", "change")] == [58, -2]
    assert [cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [0, 1.68]
    text = (SNIPPETS / "synth-1262-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n其他对外管理服务事项28－70\n" in text and "\n政府集中采购74.2\n" in text
    report = snippet_report("synth-1262-bs4-glued-table2.txt")
    cells = report.cells
    assert [cells[f"active/other_services/{c}"].value for c in ("prior_items", "change", "decisions")] == [28, -7, 0]
    assert [cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [7, 4.2]
    assert [cells[f"active/fees/{c}"].value for c in ("prior_items", "change")] == [None, None]  # 270: 2 70 or 27 0
    split = {w.key: w.message for w in report.warnings if w.code == "split_number"}
    assert "'74.2' split as 7 4.2, its only split" in split["active/procurement"]
    assert not [w for w in report.warnings if w.code in ("missing_row", "cells_unplaced")]


def test_no_break_spaces_are_no_evidence_of_catdoc_mojibake() -> None:
    # BeautifulSoup's text of a Word-saved page whose cells are padded with &nbsp; (tuning seed 1264): a dash between
    # two no-break spaces (\xa0—\xa0) is no run of cp1252 characters printed for UTF-16 bytes (catdoc's); version 76
    # read it back as 鞠 (A0 97), so 行政强制's dash was lost and its two values left unplaced
    text = (SNIPPETS / "synth-1264-bs4-lines-table2.txt").read_text(encoding="utf-8")
    assert "行政强制\xa0\n\xa0—\xa0\n\xa00\xa0\n\xa00\xa0\n" in text
    report = snippet_report("synth-1264-bs4-lines-table2.txt")
    assert not [w for w in report.warnings if w.code in ("mojibake_reversed", "cells_unplaced")]
    assert [report.cells[f"active/coercion/{c}"].value for c in ("prior_items", "change", "decisions")] == [None, 0, 0]


def test_pdftotext_default_table_two_cell_blocks_not_read_down_the_columns() -> None:
    # tuning seed 1287 (/tmp/bat32): table 二's （一） block prints its two labels on adjacent lines, then its six
    # values each a block of its own (1 / 0 / 8 / 0 / 14 / 0). Version 78 read them down the columns, as pdfminer's
    # box of a column prints them (规章 1 8 14, 行政规范性文件 0 0 0: 3 wrong numbers); poppler prints a cell a block,
    # row after row, and another tool's blocks may run down the columns: the cells where the two orders disagree are
    # left open, and the rows, left short, are taken from the block reading as it agrees with every row both read
    # whole
    text = (SNIPPETS / "synth-1287-pdftotext-default-table2.txt").read_text(encoding="utf-8")
    assert "规章\n行政规范性文件\n\n1\n\n0\n\n8\n\n0\n\n14\n\n0\n" in text
    report = snippet_report("synth-1287-pdftotext-default-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "penalty", "coercion")) == {
        "rules": [1, 0, 8],
        "normative_docs": [0, 14, 0],
        "penalty": [139],
        "coercion": [2],
    }
    (blocks,) = [w for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "rows rules, normative_docs taken from it" in blocks.message
    assert not [w for w in report.warnings if w.code == "column_order" and (w.key or "").startswith("active")]
    # hand-made from it: 8 printed 8.5 (no count of the block's kind: the block reading leaves the block): the cells
    # the two orders disagree on stay blank (placement_open), those they agree on read
    changed = text.replace("\n\n8\n\n0\n\n14\n", "\n\n8.5\n\n0\n\n14\n", 1)
    assert changed != text
    report = parse(changed.encode(), "synth-1287-pdftotext-default-table2.txt")
    assert _table_two(report, ("rules", "normative_docs")) == {"rules": [1, None, None], "normative_docs": [0, None, 0]}
    # keyed by the table: the warning is about both rows' cells (version 245; keyed by the run's first row before)
    (opened,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "active"]
    assert "rules column 2, rules column 3, normative_docs column 2: left blank" in opened.message


def test_table_two_block_row_labels_come_from_the_template() -> None:
    # active_blocks names each block's rows by the template's labels (ACTIVE_ROWS), each in its shortest form: a
    # label the template matches, and no shorter one it matches (行政规范性文件's block finds 规范性文件 in it)
    from parsers.tables.active_blocks import _ROW_LABELS
    from parsers.tables.templates import ACTIVE_ROWS

    assert list(_ROW_LABELS) == [row.key for row in ACTIVE_ROWS]
    for row in ACTIVE_ROWS:
        assert row.matches(_ROW_LABELS[row.key]), row.key
    assert _ROW_LABELS["normative_docs"] == "规范性文件" and _ROW_LABELS["rules"] == "规章"


def test_label_wrapped_around_a_pipe_row_of_values_is_joined_across_it() -> None:
    # markitdown's text of a PDF (tuning seed 1282 of /tmp/bat32): table 二's label cells set lower than their
    # values, so each label's lines wrap around the pipe row of its values (`` 行政许`` / ``| | | 1808 | | 0 | |
    # 827 |`` / ``可``), the row's empty cells printing nothing: joined across the row as across a line of values
    # only. Version 78 found none of 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 政府集中采购 (missing_row ×5)
    text = (SNIPPETS / "synth-1282-markitdown-pdf-table2.md").read_text(encoding="utf-8")
    assert "\n 行政许\n|     |     |  1808  |     |  0  |     |  827  |\n| --- |" in text
    report = snippet_report("synth-1282-markitdown-pdf-table2.md")
    cols = ("prior_items", "change", "decisions")
    got = {
        row: cell_values(report, [f"active/{row}/{c}" for c in cols]) for row in ("licensing", "penalty", "coercion")
    }
    assert got == {"licensing": [1808, 0, 827], "penalty": [5, 22, 40], "coercion": [1, 0, 3]}
    assert cell_values(report, [f"active/other_services/{c}" for c in cols]) == [0, 0, 11]
    assert cell_values(report, ["active/procurement/items", "active/procurement/amount"]) == [0, 242.136]
    assert not [w for w in report.warnings if w.code == "missing_row" and w.key and w.key.startswith("active/")]


def test_label_wrapped_around_a_row_of_cells_holding_several_values_is_not_joined() -> None:
    # the same layout of table 三 where a pipe cell holds two columns' values (``| 13 4 | 0 0 |``: columns merged):
    # the label is not joined across it (the reading of merged columns keeps the row): 行政许 alone on its line is
    # matched by similarity instead (version 81), its values on the next line, and said (a fuzzy_label naming 行政许;
    # a joined label would be the template's whole and say nothing)
    text = (SNIPPETS / "synth-1282-markitdown-pdf-table2.md").read_text(encoding="utf-8")
    row = "|     |     |  1808  |     |  0  |     |  827  |"
    text = text.replace(row, "|     |     |  1808 0  |     |     |  827  |")
    report = parse(text.encode("utf-8"), "synth-1282-markitdown-pdf-table2.md")
    keys = ["active/licensing/prior_items", "active/licensing/change", "active/licensing/decisions"]
    assert cell_values(report, keys) == [1808, 0, 827]
    (fuzzy,) = [w for w in report.warnings if w.key == "active/licensing" and w.code == "fuzzy_label"]
    assert "'行政许'" in fuzzy.message


def test_dash_before_a_rows_last_cells_is_no_padding() -> None:
    # markitdown's table 二 of a PDF (tuning seed 3474) whose cells drift from its header's: 规章's dash (its blank
    # 本年制发件数) then 1 and 1 a cell apart, two empty cells after. Version 118 read the row as a padded one (its
    # end blanks dropped, its last three cells ``1 | | 1``): 本年制发件数 1, a wrong number, and 本年废止件数 blank
    name = "synth-3474-markitdown-pdf-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "| 规章      |        | —   | 1      |        | 1   |     |     |" in text
    report = snippet_report(name)
    got = [report.cells[f"active/rules/{c}"].value for c in ("issued", "repealed", "in_force")]
    assert got == [None, 1, 1]
    got = [report.cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")]
    assert got == [6, None, 222]


def test_pymupdf4llm_layout_em_dash_stacked_with_a_number_in_one_grid_cell_is_a_cell_of_its_own() -> None:
    # pymupdf4llm's layout grid lays an empty cell's dash and the next column's value into one cell, a line each
    # (`|规章||0||—<br>1||`, bat31 tuning 1265; `|0<br>1<br>—|`, 1275): read as one token `—1`, no value, the row
    # was one value short and its 1 went to no cell, its 0 to 对外公开总数量 (a wrong number)
    text = (SNIPPETS / "synth-1265-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "||规章||0||—<br>1||" in text
    report = snippet_report("synth-1265-pymupdf4llm-layout-table2.md")
    assert [report.cells[f"active/rules/{c}"].value for c in ("new_made", "new_published", "total_published")] == [
        0,
        None,
        1,
    ]
    text = (SNIPPETS / "synth-1275-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|0<br>1<br>—|" in text
    report = snippet_report("synth-1275-pymupdf4llm-layout-table2.md")
    cells = [report.cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")]
    assert cells == [0, 1, None]


def test_pymupdf4llm_layout_number_cut_at_its_point_across_grid_cells_is_left_blank() -> None:
    # `|政府集中采购|0|910.|37|` (bat31 tuning 1265): 910.37 cut at its point by a grid column; 910. is no number,
    # so 37 was read as the amount. Table 二 has no identity to confirm the join: blank, and said
    text = (SNIPPETS / "synth-1265-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    assert "|政府集中采购|0|910.|37||||" in text
    report = snippet_report("synth-1265-pymupdf4llm-layout-table2.md")
    assert [report.cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [0, None]
    (cut,) = [w for w in report.warnings if w.code == "number_cut_blank"]
    assert cut.key == "active/procurement" and "910.|37" in cut.message
    assert report.metadata["review"] == "required"


def test_glued_table_two_runs_with_an_empty_cells_dash_split_around_it() -> None:
    # BeautifulSoup's get_text() with no separator (tuning seeds 1265, 1275): a dash prints a cell with nothing to
    # report and is a cell of its own, never part of a number, so 0—1 has one split (0 — 1) and 01— one (0 1 —).
    # Version 92 read 规章0— as a label (no row: missing_row) and left 行政规范性文件01— unread
    text = (SNIPPETS / "synth-1265-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n规章0—1\n" in text
    report = snippet_report("synth-1265-bs4-glued-table2.txt")
    cells = report.cells
    assert [cells[f"active/rules/{c}"].value for c in ("new_made", "new_published", "total_published")] == [0, None, 1]
    split = {w.key: w.message for w in report.warnings if w.code == "split_number"}
    assert "'0—1' split as 0 — 1, its only split" in split["active/rules"]
    assert "active/rules" not in {w.key for w in report.warnings if w.code == "missing_row"}
    text = (SNIPPETS / "synth-1275-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n行政规范性文件01—\n" in text
    report = snippet_report("synth-1275-bs4-glued-table2.txt")
    cells = report.cells
    assert [cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")] == [0, 1, None]
    split = {w.key: w.message for w in report.warnings if w.code == "split_number"}
    assert "'01—' split as 0 1 —, its only split" in split["active/normative_docs"]


def test_glued_procurement_count_and_amount_in_one_cell_split_at_their_unit_or_separator() -> None:
    # 2019's 政府集中采购 printing its count and amount in one cell, glued to its label by get_text() (tuning seeds
    # 1258, 1274): the separator (；, /) or the count's unit ends the count. Version 92 found no row (a token with ；
    # is no label to the tokenizer; 1项/29万元 ends in no digit) and left both cells blank
    for name, line, want in (
        ("synth-1258-bs4-glued-table2.txt", "\n政府集中采购1；4.904693\n", [1, 4.904693]),
        ("synth-1274-bs4-glued-table2.txt", "\n政府集中采购1项/29万元\n", [1, 29]),
    ):
        assert line in (SNIPPETS / name).read_text(encoding="utf-8"), name
        report = snippet_report(name)
        assert [report.cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == want, name
        split = {w.key: w.message for w in report.warnings if w.code == "split_number"}
        assert "its only split" in split["active/procurement"], name
        assert not [w for w in report.warnings if w.code == "missing_row"], name


def test_glued_run_whose_amount_prints_its_unit_ends_its_row() -> None:
    # get_text()'s table 二 whose last row prints its amount's unit (tuning seeds 1261, 1286): 政府集中采购32万元 is
    # the run 32 (3 and 2, its only split) and 行政事业性收费0万元 the amount 0. Version 92 found no such row (its
    # token ends in no digit); read from its label on, the row's values would run on into table 四's run
    # (100010000000000 for 1261's amount): a number glued to its label is the row's own, and table 二's values end
    # at section 三's heading
    text = (SNIPPETS / "synth-1261-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n政府集中采购32万元\n" in text
    report = snippet_report("synth-1261-bs4-glued-table2.txt")
    assert [report.cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [3, 2]
    assert not [w for w in report.warnings if w.code in ("missing_row", "extra_values")]
    text = (SNIPPETS / "synth-1286-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "\n行政事业性收费0万元\n" in text
    report = snippet_report("synth-1286-bs4-glued-table2.txt")
    assert report.cells["active/fees/amount"].value == 0
    assert not [w for w in report.warnings if w.code in ("missing_row", "extra_values")]


def test_pdfminer_table_two_block_labels_then_one_run_of_values_left_blank_where_orders_differ() -> None:
    # tuning seed 1806 (pdf-pdfminer): each cell a text box, a blank line after each; items （一） and （五） print both
    # row labels, then the six values in one run, column after column (规章 0 14 181, 行政规范性文件 6 0 143 as
    # ``0 6 14 0 181 143``). Read row after row (version 100) they put 6, 14 and 181 in the wrong cells; nothing in the
    # run says which order it is: the cells the two orders place alike are read, the others left blank
    report = snippet_report("synth-1806-pdfminer-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "licensing", "other_services")) == {
        "rules": [0, None, None],
        "normative_docs": [None, None, 143],
        "licensing": [7197, None, None],
        "other_services": [None, None, 23],
    }
    (opened,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "active"]
    assert "active/rules/new_published (6 or 14)" in opened.message
    assert report.metadata["review"] == "required"
    # 1800 (pdf-pdfminer, a 2021 table): the values come a column at a time, each run after its column's head
    # (``—`` ``—``, ``1`` ``9``, ``2`` ``1``); the reading block by block no longer fills the rows read row by row
    # left open (version 100: 规章 — 9 … read row after row, 9 and 2 in the wrong cells)
    report = snippet_report("synth-1800-pdfminer-table2.txt")
    gold = {"rules": [None, 1, 2], "normative_docs": [None, 9, 1]}
    got = _table_two(report, ("rules", "normative_docs"))
    assert all(g in (None, w) for row in gold for w, g in zip(gold[row], got[row], strict=True)), got
    assert got["normative_docs"][2] == 1


def test_pdfminer_table_two_row_order_told_by_where_each_label_stands_among_the_values() -> None:
    # tuning seed 1813 (pdfminer on LibreOffice Writer's PDF): the second row's label stands inside the first column's
    # run (``规章 0 行政规范性文件 105 0 0 54 1046``: 规章 0 0 54, 行政规范性文件 105 0 1046, column after column). Read
    # row after row (version 100) 105 and 54 went into the wrong cells: the first row's values do not all stand
    # before the next row's label, so the order is open and only the cells both orders read alike are kept
    report = snippet_report("synth-1813-lo-pdfminer-table2.txt")
    assert _table_two(report, ("rules", "normative_docs")) == {
        "rules": [0, None, None],
        "normative_docs": [None, None, 1046],
    }
    assert any(w.code == "placement_open" and "active/rules/repealed (105 or 0)" in w.message for w in report.warnings)
    # 1808 (``pdf2txt.py -F disabled``): 行政规范性文件 wraps lower than its values and prints after them
    # (``规章 5 0 36 35 0 0 行政规范性文`` / ``件``): each row's values stand after the label above and before the
    # next row's label, row after row, and the block is read so
    report = snippet_report("synth-1808-pdfminer-flow-none-table2.txt")
    assert _table_two(report, ("rules", "normative_docs", "licensing", "other_services")) == {
        "rules": [5, 0, 36],
        "normative_docs": [35, 0, 0],
        "licensing": [641, 0, 1431],
        "other_services": [123, 0, 0],
    }


def test_pdfminer_flow_none_table_two_values_before_each_label_read_from_before_it() -> None:
    # tuning seed 1820 (``pdf2txt.py -F disabled``): each label cell's text sits lower than its row's values, so every
    # row prints its values, then its label (``0 0 1 规章 1 1 1 行政规范性文件``), values standing between each block's
    # title and its first label. Read label first (version 100), each row took the next row's values (11 wrong
    # numbers, review only suggested); read before each label, every row is the gold
    report = snippet_report("synth-1820-pdfminer-flow-none-table2.txt")
    rows = ("rules", "normative_docs", "licensing", "other_services", "penalty", "coercion", "fees")
    assert _table_two(report, rows) == {
        "rules": [0, 0, 1],
        "normative_docs": [1, 1, 1],
        "licensing": [6, 0, 54],
        "other_services": [0, 0, 3],
        "penalty": [79, 0, 19],
        "coercion": [1, 0, 1],
        "fees": [3, 0],
    }
    said = [w.message for w in report.warnings if w.code == "label_after_values"]
    assert any("rules, normative_docs print each its values before its label" in m for m in said)


def test_row_on_one_line_with_a_dash_among_its_values_is_read_by_its_cells() -> None:
    # pypdf and pdfplumber print table 二's row as one line, single spaces: ``规章 — 0 —`` (the page's <td>—</td>,
    # an explicit blank). Version 104 read the line as one label and lost the row (missing_row)
    for name in ("own-dash-pypdf.txt", "own-dash-pdfplumber.txt"):
        assert "\n规章 — 0 —\n" in (SNIPPETS / name).read_text(encoding="utf-8"), name
        report = snippet_report(name)
        cells = [report.cells[f"active/rules/{c}"].value for c in ("issued", "repealed", "in_force")]
        assert cells == [None, 0, None], name
        assert [report.cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")] == [
            7, 2, 31,
        ], name  # fmt: skip
        assert not [w for w in report.warnings if w.code == "missing_row" and w.key == "active/rules"], name


def test_glued_procurement_count_and_amount_apart_by_a_space_at_the_table_end() -> None:
    # BeautifulSoup's get_text() of a 2019-format page (lead's tuning seed 3395): the last row of table 二,
    # 政府集中采购, prints its count and its amount in two cells apart by an ideographic space
    # (``政府集中采购103　77.60万元``), and table 二's block search ran to the text's end. Version 109 raised
    # IndexError there (table 二 lost, ``table_read_error``); the row is read as its count and its amount, the split
    # said (``split_number``)
    text = (SNIPPETS / "synth-3395-bs4-glued-table2.txt").read_text(encoding="utf-8")
    assert "政府集中采购103\u300077.60万元" in text
    report = snippet_report("synth-3395-bs4-glued-table2.txt")
    assert report.cells["active/procurement/items"].value == 103
    assert report.cells["active/procurement/amount"].value == 77.6
    assert not [w for w in report.warnings if w.code in ("table_read_error", "missing_row")]
    assert any(w.code == "split_number" and "103 77.60" in w.message for w in report.warnings)
    # the table's first rows: 规章020 has one split, the gold's
    # (行政规范性文件52710 splits several ways: blank, as ambiguous_split says)
    cols = ("new_made", "new_published", "total_published")
    assert [report.cells[f"active/rules/{c}"].value for c in cols] == [0, 2, 0]
    assert [report.cells[f"active/normative_docs/{c}"].value for c in cols] == [None, None, None]


@pytest.mark.parametrize("name", ["synth-3395-markdownify-table2.md", "synth-3395-bs4-lines-table2.txt"])
def test_procurement_count_and_amount_in_one_cell_apart_by_a_space(name: str) -> None:
    # a 2019-format page whose 政府集中采购 row prints its count and its amount in one cell spanning both columns,
    # apart by an ideographic space (``<td colspan="3">103　77.60万元</td>``; lead's tuning seed 3395), as markdownify
    # (a pipe row padded with blank cells) and BeautifulSoup's lines (a line of its own) print it. Version 109 left
    # both cells blank with no warning (review none); they are read, the cut said (``split_number``)
    assert "103\u300077.60万元" in (SNIPPETS / name).read_text(encoding="utf-8")
    report = snippet_report(name)
    assert report.cells["active/procurement/items"].value == 103
    assert report.cells["active/procurement/amount"].value == 77.6
    assert any(w.code == "split_number" and "'103 77.60万元'" in w.message for w in report.warnings)
    assert not [w for w in report.warnings if w.code in ("missing_cell", "missing_row", "extra_values")]


def test_pdfminer_flow_none_table_two_wrapped_labels_after_their_values() -> None:
    # tuning seeds 3507, 1604 (pdfminer's boxes_flow=None): boxes in the order of their lower edges, so a one-line
    # label prints before its values and a wrapped one (行政规范 / 性文件) after them. Version 118 read the blocks down
    # their columns and dropped values: 3507 read 7048 for normative_docs' 0, 191 for 0, 84 for 20, 238 for 84 (6 wrong
    # numbers, 8 blanks). The gold: synth_reports' synth_3507.json, synth_1604.json
    gold = {
        "synth-3507-pdfminer-flow-none-table2.txt": [
            *(0, 0, 0, 0, 0, 450, 7048, 0, 0, 20, 28, 191, 590, 0, 47),
            *(16, 30, 11, 20, 0, 84, 6.9395),
        ],
        "synth-1604-pdfminer-flow-none-table2.txt": [
            *(0, 1, 1, 1, 1, 2, 13, 0, 5, 4, 0, 4, 4, 0, 0, 7, 0, 1, 1, 0),
            *(3, 40.63),
        ],
    }
    keys = [f"active/{row}/{col}" for row, cols in ACTIVE_DEFAULTS["2019"].items() for col in cols]  # 2019 format
    for name, values in gold.items():
        assert "\n\n行政规范\n性文件\n\n" in (SNIPPETS / name).read_text(encoding="utf-8")
        report = snippet_report(name)
        assert [c.value if (c := report.cells.get(k)) else None for k in keys] == values, name
        (sides,) = [w for w in report.warnings if w.code == "label_after_values" and w.key.startswith("active")]
        assert "rows normative_docs, other_services, fees, procurement print their values before" in sides.message
        assert not [w for w in report.warnings if w.code == "placement_open" and w.key.startswith("active")]


# the gold of tuning seeds 3201, 3213 and 3210's table 二 (synth_reports.py)
_GOLD_3201_ACTIVE = {
    "rules/issued": 0,
    "rules/repealed": 0,
    "rules/in_force": 1,
    "normative_docs/issued": 1,
    "normative_docs/repealed": 0,
    "normative_docs/in_force": 7,
    "licensing/decisions": 107,
    "penalty/decisions": 3,
    "coercion/decisions": 15,
    "fees/amount": 61.06,
}


def test_pdfminer_table_two_each_column_after_its_head_is_read() -> None:
    # tuning seed 3201 (pdf-wk-pdfminer: wkhtmltopdf's PDF): pdfminer prints each head of 第二十条第（一）项 followed
    # by that column's two values (本年制发件数 0 1 … 本年废止件数 0 0 … 现行有效件数 1 7), the other blocks between;
    # version 109 read no cell of table 二 (column_order)
    report = snippet_report("synth-3201-wk-pdfminer-table2.txt")
    for key, want in _GOLD_3201_ACTIVE.items():
        assert report.cells[f"active/{key}"].value == want, key
    (said,) = [w.message for w in report.warnings if w.code == "active_boxes"]
    assert "column repealed (2 values" in said
    assert report.metadata["review"] == "required"  # the text's column order


def test_pdfminer_table_two_block_after_every_label_left_blank_where_the_orders_dispute() -> None:
    # tuning seed 3213 (pdf-pdfminer): the heads before the first block's title, every block's labels, then
    # 第二十条第（一）项's six values 1 0 0 0 0 0 (the gold: 规章 1 0 0, 行政规范性文件 0 0 0). pdfminer can print a
    # block's columns in any order (3271 with LibreOffice's PDF: 现行有效件数's values first), so the 1 may be any
    # column's first row: 规章's cells are left blank (placement_open, naming the values), 行政规范性文件's read;
    # 第二十条第（六）项 and （八） read from the runs after their heads
    report = snippet_report("synth-3213-pdfminer-table2.txt")
    gold = {"penalty/decisions": 12, "coercion/decisions": 8, "fees/amount": 52.12}
    for key, want in gold.items():
        assert report.cells[f"active/{key}"].value == want, key
    for col in ("issued", "repealed", "in_force"):
        # the 1 prints first: a first row's, whichever column; the second row's zeros in every order
        assert report.cells[f"active/rules/{col}"].value is None
        assert report.cells[f"active/normative_docs/{col}"].value == 0
    (opened,) = [w.message for w in report.warnings if w.code == "placement_open" and w.key == "active"]
    assert "active/rules/issued (0 or 1)" in opened
    assert report.metadata["review"] == "required"


def test_pdfminer_table_two_run_of_several_blocks_whose_boxes_interleave_is_left_blank() -> None:
    # tuning seed 4066 (pdf-pdfminer): every block's labels, then one run of values 1 1 22 5 1 — / 1 1 — 3 that
    # pdfminer's boxes print 第二十条第（一）项's first column (1 1), then （五）、（六）、（八）'s values
    # (22 5 1 —), then （一）'s other two columns: neither row after row (规章 1 1 22) nor block after block
    # column after column (行政许可 1). Version 141 read the cells the two orders read alike: 行政许可 1,
    # 行政处罚 1, 行政事业性收费 3 (three wrong numbers for 22, 5, —); no cell of the run is read now, each named open
    report = snippet_report("synth-4066-pdfminer-table2.txt")
    for row, col in (("licensing", "decisions"), ("penalty", "decisions"), ("fees", "amount"), ("rules", "issued")):
        assert report.cells[f"active/{row}/{col}"].value is None, row
    (said,) = [w.message for w in report.warnings if w.code == "active_blocks_in_order"]
    assert "none read" in said and "interleave block with block" in said
    (opened,) = [w.message for w in report.warnings if w.code == "placement_open" and w.key == "active"]
    assert "active/licensing/decisions (1)" in opened  # both orders read 1 there: neither is the text's
    assert report.metadata["review"] == "required"


def test_pdfminer_table_two_run_holding_another_blocks_values_is_left_blank() -> None:
    # tuning seed 4057 (pdf-pdfminer, the 2019 format): 第二十条第（一）项's six values print after （六）'s title,
    # so the run after （六）、（五）'s labels holds twelve values, six of them （一）'s. Version 141 read seven
    # cells the two orders read alike, all wrong (行政许可's 上一年项目数量 4 for 102, …); the run is not read now
    report = snippet_report("synth-4057-pdfminer-table2.txt")
    for row in ("penalty", "coercion", "licensing", "other_services"):
        for col in ("prior_items", "change", "decisions"):
            assert report.cells[f"active/{row}/{col}"].value is None, (row, col)
    assert report.cells["active/fees/prior_items"].value == 1
    assert report.cells["active/fees/change"].value == 30


def test_pdfminer_table_two_block_whose_values_print_on_both_sides_of_its_labels_is_left_blank() -> None:
    # tuning seed 4051 (pdf-pdfminer): 第二十条第（一）项's values 2 0 0 17 before its labels 规章, 行政规范性文件 and
    # 0 2 after them (the gold: 规章 0 2 0, 行政规范性文件 2 0 17), an order of pdfminer's boxes that is neither row
    # after row nor column after column. Version 141 read the cells the two orders read alike: 规章 2 0 0 (two
    # wrong numbers); the block is not read so now, and the row reading leaves both rows blank (missing_cell,
    # cells_unplaced: 0 2 for three columns)
    text = (SNIPPETS / "synth-4051-pdfminer-table2.txt").read_text(encoding="utf-8")
    assert re.search(r"2\s+0\s+0\s+17\s+规章\s+行政规范性文件\s+0\s+2\s", text)
    report = snippet_report("synth-4051-pdfminer-table2.txt")
    for row in ("rules", "normative_docs"):
        for col in ("issued", "repealed", "in_force"):
            assert report.cells[f"active/{row}/{col}"].value is None, (row, col)
    assert report.cells["active/fees/amount"].value == 80.71
    assert report.metadata["review"] != "none"


def test_pdfminer_table_two_cells_the_orders_dispute_are_blank() -> None:
    # tuning seed 3210 (pdf-pdfminer): 第二十条第（一）项's labels right before its six values 0 0 3 2 5 39 (down the
    # columns, the gold's: 规章 0 3 5, 行政规范性文件 0 2 39; across the rows: 0 0 3, 2 5 39): only the first and the
    # last cell read, the four others blank (placement_open); 行政许可's 1281 after the labels of （五） and （六）, its
    # one cell the only one of one value
    report = snippet_report("synth-3210-pdfminer-table2.txt")
    want = {
        "rules/issued": 0,
        "normative_docs/in_force": 39,
        "licensing/decisions": 1281,
        "penalty/decisions": 650,
        "coercion/decisions": 14,
        "fees/amount": 0,
    }
    for key in ("rules/repealed", "rules/in_force", "normative_docs/issued", "normative_docs/repealed"):
        want[key] = None  # type: ignore[assignment]
    for key, value in want.items():
        assert report.cells[f"active/{key}"].value == value, key
    assert any(w.code == "placement_open" and w.key == "active" for w in report.warnings)
    assert report.metadata["review"] == "required"


def test_a_minus_sign_wrapped_away_from_its_digits_is_joined_in_the_signed_column() -> None:
    # tuning seed 3425 (2019 format): 行政处罚's 本年增/减 ``－27`` wraps after its sign in its narrow cell. Version 113
    # read 27 as the 本年处理决定数量 and 0 as the 本年增/减 (pdfplumber, markitdown: two wrong numbers), or the sign as
    # a blank and 27 as the decisions (pypdf: the header's spaced 增 / 减 lost the column; pypdf-layout: a blank)
    for name, printed in (
        ("synth-3425-pdfplumber-table2.txt", "\n－\n行政处罚 56 0\n27\n行政强制 0 22 4\n"),
        (
            "synth-3425-markitdown-pdf-table2.md",
            "\n\xa0－\n| \xa0行政处罚\xa0 | \xa056\xa0 | \xa00\xa0 |     |\n| ------ | ---- | --- | --- |\n27\n",
        ),
        ("synth-3425-pypdf-table2.txt", "\xa0 行政处罚 \xa0 \xa056\xa0\n\xa0 －\n27\xa0\n\xa00\xa0\n"),
        ("synth-3425-pypdf-layout-table2.txt", "\xa056\xa0   \xa0－     \xa00\n                              27\n"),
    ):
        assert printed in (SNIPPETS / name).read_text(encoding="utf-8"), name
        report = snippet_report(name)
        assert _table_two(report, ("penalty", "coercion")) == {"penalty": [56, -27, 0], "coercion": [0, 22, 4]}, name
        (joined,) = [w for w in report.warnings if w.code == "sign_wrapped"]
        assert joined.key == "active/penalty" and "56 | -27 | 0" in joined.message, name
        assert report.cells["active/penalty/change"].raw == "-27", name


def test_a_lone_dash_is_a_blank_cell_where_no_digits_print_under_it() -> None:
    # the same rows, the digits under the sign gone: the dash is the cell's blank, as before (nothing joined)
    text = (SNIPPETS / "synth-3425-pypdf-layout-table2.txt").read_text(encoding="utf-8")
    cut = text.replace("\n                              27\n", "\n\n", 1)
    assert cut != text
    report = parse(cut.encode(), "synth-3425-pypdf-layout-table2.txt")
    assert _table_two(report, ("penalty",)) == {"penalty": [56, None, 0]}
    assert not [w for w in report.warnings if w.code == "sign_wrapped"]
    # pdfplumber's lines: the sign above, but no number alone below the row: not joined
    text = (SNIPPETS / "synth-3425-pdfplumber-table2.txt").read_text(encoding="utf-8")
    cut = text.replace("\n行政处罚 56 0\n27\n", "\n行政处罚 56 0 1\n", 1)
    assert cut != text
    report = parse(cut.encode(), "synth-3425-pdfplumber-table2.txt")
    assert _table_two(report, ("penalty",)) == {"penalty": [56, 0, 1]}
    assert not [w for w in report.warnings if w.code == "sign_wrapped"]


def test_a_row_label_repeated_in_grid_columns_on_its_line_is_one_row() -> None:
    # tuning seed 3421: pymupdf4llm's plain mode repeats 行政事业性收费 in five grid columns of its row. Version 113
    # took the second copy for the template's next row (政府集中采购, which a 2021 table has not): its amount went
    # there and 行政事业性收费's was left blank
    name = "synth-3421-pymupdf4llm-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|行政事业性收费|行政事业性收费|行政事业性收费|行政事业性收费|行政事业性收费|17.08万元|17.08万元|" in text
    report = snippet_report(name)
    assert report.cells["active/fees/amount"].value == 17.08
    assert _table_two(report, ("licensing", "penalty", "coercion")) == {
        "licensing": [11702],
        "penalty": [1122],
        "coercion": [16],
    }
    assert not [w for w in report.warnings if w.code == "fuzzy_label"]
    assert "active/procurement/amount" not in report.cells


def test_an_amount_and_its_unit_glued_to_the_fee_rows_label() -> None:
    # tuning seed 3437: PyMuPDF's text prints ``行政事业性收费0万元`` (no space), section 三's heading next. Version 113
    # read the row as missing (the glued amount with a unit read only in the glued convention), review required
    name = "synth-3437-pymupdf-table2.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "\n行政事业性收费0万元\n三、收到和处理政府信息公开申请情况\n" in text
    report = snippet_report(name)
    assert report.cells["active/fees/amount"].value == 0
    assert not [w for w in report.warnings if w.code in ("missing_row", "extra_values")]
    (glued,) = [w for w in report.warnings if w.code == "glued_number" and w.key == "active/fees"]
    assert "行政事业性收费0万元" in glued.message


def test_a_grid_cell_of_two_values_the_second_with_a_full_width_minus_is_parted() -> None:
    # tuning seed 3431: pymupdf4llm's layout mode lays 行政许可's 上一年项目数量 and its negative 本年增/减 in one grid
    # cell (``136<br>－20``). Version 113 parted such a cell only with an ASCII minus: the two joined (``136-20``), no
    # number, and the row left blank (unreadable_cell)
    name = "synth-3431-pymupdf4llm-layout-table2.md"
    assert "|行政许可|136<br>－20||906|" in (SNIPPETS / name).read_text(encoding="utf-8")
    report = snippet_report(name)
    assert _table_two(report, ("licensing",)) == {"licensing": [136, -20, 906]}
    assert not [w for w in report.warnings if w.code == "unreadable_cell"]


def test_a_minus_sign_printed_a_space_before_its_digits_is_joined_in_the_signed_column() -> None:
    # tuning seed 3451 (/tmp/t41/bat2): pypdf prints 行政处罚's 本年增/减 -1 with a space after its sign (pypdfium2 and
    # pdftotext -raw too). Version 113 read the sign as a blank 本年增/减 and 1 as the 本年处理决定数量 (a wrong
    # number), 21 dropped (extra_values)
    name = "synth-3451-pypdf-table2.txt"
    assert "\n行政处罚 9 - 1 21\n" in (SNIPPETS / name).read_text(encoding="utf-8")
    report = snippet_report(name)
    assert _table_two(report, ("penalty", "coercion")) == {"penalty": [9, -1, 21], "coercion": [1, 0, 1]}
    (joined,) = [w for w in report.warnings if w.code == "sign_wrapped"]
    assert joined.key == "active/penalty" and "9 | -1 | 21" in joined.message
    assert not [w for w in report.warnings if w.code == "extra_values" and w.key == "active/penalty"]


def test_a_header_cell_after_the_last_row_on_one_line_is_no_missing_row_by_order() -> None:
    # markdownify (tuning seed 3458): a page's tables printed on one line, table 二 without its 第二十条第（八）项
    # block; table 三's header cells (其他 | 总计 | …) follow 行政强制's row, then table 三's numbers. 其他 was read as
    # the missing 行政事业性收费 row by the template's order (numbers within eleven tokens on its line), which hid
    # the missing row: the review only suggested
    name = "synth-3458-markdownify-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "第二十条第（八）项" not in text and "| 行政强制 | 1 | | |" in text
    report = snippet_report(name)
    assert [w.key for w in report.warnings if w.code == "missing_row"] == ["active/fees"]
    assert not [w for w in report.warnings if w.code == "fuzzy_label" and w.key == "active/fees"]
    assert report.metadata["review"] == "required"
    gold = {  # the report's gold (synth_reports' synth_3458.json)
        "active/rules/in_force": 1,
        "active/normative_docs/in_force": 3,
        "active/licensing/decisions": 29,
        "active/penalty/decisions": 0,
        "active/coercion/decisions": 1,
    }
    assert {k: report.cells[k].value for k in gold} == gold


def test_a_count_and_amount_cell_cut_across_grid_cells_is_read_joined() -> None:
    # tuning seed 1608 (pymupdf4llm's layout mode): 2019's 政府集中采购 prints its count and amount in one cell,
    # which the grid cuts at the page's rules (``|334|项/25.1485万|元||``). Version 121 read the count 334 as the
    # amount (a wrong number) and left the count blank. Gold: synth_1608.json
    assert "|334|项/25.1485万|元|" in (SNIPPETS / "synth-1608-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    report = snippet_report("synth-1608-pymupdf4llm-layout-table2.md")
    assert report.cells["active/procurement/items"].value == 334
    assert report.cells["active/procurement/amount"].value == 25.1485
    assert any(w.code == "number_across_cells" and w.key == "active/procurement" for w in report.warnings)


def _synth_gold(seed: int, prefix: str) -> dict[str, object]:
    """The generator's gold of ``seed``'s cells whose keys start with ``prefix`` (cells printed empty: None)."""
    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import gold_value
    from synth_reports import build

    synth, _ = build(seed)
    return {k: gold_value(v) for k, v in synth.cells.items() if k.startswith(prefix)}


@pytest.mark.parametrize(
    ("seed", "wrapped"),
    [(7583, "本年制发\n件数\n"), (7604, "本年制发件\n\n本年废止件\n\n现行有效件\n\n数\n\n数\n\n数\n")],
)
def test_pdftotext_default_a_2021_table_two_head_wrapped_a_line_a_piece_tells_the_format(
    seed: int, wrapped: str
) -> None:
    # tuning seeds 7583, 7604 (/tmp/t55/tune, pdftotext-default): 2021 reports whose table 三 prints （六）其他处理 as
    # one row (2019's shape); poppler prints table 二's narrow head cells a line a piece, so no token holds a 2021
    # mark (本年制发件数, 现行有效件数) whole. Version 244 took them for 2019 reports and read table 二 with 2019's
    # columns (rules/new_made …) or not at all: 6 and 10 cells blank
    name = f"synth-{seed}-pdftotext-default-table2.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert wrapped in text and "本年制发件数" not in text and "不补正" not in text
    report = snippet_report(name)
    assert report.metadata["format"] == "2021"
    gold = _synth_gold(seed, "active/rules/") | _synth_gold(seed, "active/normative_docs/")
    assert len(gold) == 6
    assert {k: report.cells[k].value for k in gold} == gold


def test_a_run_read_again_by_its_blocks_withdraws_the_runs_warning() -> None:
    # tuning seed 7583 (/tmp/t55/tune, pdftotext-default): rules and normative_docs printed label after label, then
    # their six values a block each; the row-by-row reading leaves two of rules' cells open (placement_open, keyed by
    # the table since version 259: a run's warning names every row's cells), and the blocks' reading
    # (active_blocks_in_order) reads both rows whole. Version 260 kept the run's placement_open after that (its key no
    # row's), making the report review: required with every cell read; version 261 withdraws it by the run's rows
    report = snippet_report("synth-7583-pdftotext-default-table2.txt")
    gold = _synth_gold(7583, "active/rules/") | _synth_gold(7583, "active/normative_docs/")
    assert {k: report.cells[k].value for k in gold} == gold
    codes = [w.code for w in report.warnings]
    assert "active_blocks_in_order" in codes and "placement_open" not in codes
    assert report.metadata["review"] != "required"

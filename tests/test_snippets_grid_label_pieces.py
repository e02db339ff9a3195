"""pymupdf4llm's layout grid (issue 8): a row label cut by the grid's rules, its values where the label's last piece
is. A label cell cut over two grid rows, the first of empty cells, the second with the label's rest and the values
(``|行政规||||`` / ``|范性文<br>件|0|6|187|``): the values read from the row under the label's line (version 246;
the first row's empty cells were read, three silent blanks). A label cut across two grid cells, the row's values
stacked under its last piece, the first glued to it (``|行政规范性|文件1<br>0<br>102|``): the pieces read as one
label, the glued number parted from it, the stacked numbers cells after it (version 247; the piece ``文件1`` was an
unreadable cell and the row left blank). A row of table 二 and the next block's title laid into one grid row
(``|行政强制|第二十条第|（八|8<br>）项|``): the label and the row's one number read as the row (version 248; the row's
empty cells were read, or the row not found)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from parsers.pipe_rows import stacked_label_end
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NORMATIVE = [f"active/normative_docs/{c}" for c in ("issued", "repealed", "in_force")]
OTHERS = ("active/rules/issued", "active/rules/in_force", "active/licensing/decisions", "active/penalty/decisions")

TWO_ROWS = "synth-7210-pymupdf4llm-layout-table2.md"


def test_a_label_cell_cut_over_two_grid_rows_reads_the_values_beside_its_rest() -> None:
    # tuning seed 7210 (/tmp/d52/tune, md-pymupdf4llm-layout): 行政规范性文件 0, 6, 187
    text = (SNIPPETS / TWO_ROWS).read_text(encoding="utf-8")
    assert "|行政规||||\n|范性文<br>件|0|6|187|" in text
    report = snippet_report(TWO_ROWS)
    gold = draw(7210).cells
    assert [report.cells[k].value for k in NORMATIVE] == [gold_value(gold[k]) for k in NORMATIVE] == [0, 6, 187]
    (said,) = [w for w in report.warnings if w.code == "row_continued" and w.key == "active/normative_docs"]
    assert "范性文件" in said.message
    for key in OTHERS:
        assert report.cells[key].value == gold_value(gold[key])


def test_a_row_under_the_label_whose_first_cell_is_another_label_is_not_taken() -> None:
    # the same grid, the second row's first cell a label of its own (a row of the template): not the label's rest
    text = (SNIPPETS / TWO_ROWS).read_text(encoding="utf-8")
    report = parse(text.replace("|范性文<br>件|0|6|187|", "|行政许可|0|6|187|").encode(), TWO_ROWS)
    assert not [w for w in report.warnings if w.code == "row_continued" and w.key == "active/normative_docs"]
    assert [report.cells[k].value for k in NORMATIVE] != [0, 6, 187]


STACKED = "synth-7217-pymupdf4llm-layout-table2.md"


def test_a_label_cut_across_cells_with_the_values_stacked_under_its_last_piece_is_read() -> None:
    # tuning seed 7217 (/tmp/d52/tune, md-pymupdf4llm-layout): 行政规范性文件 1, 0, 102
    text = (SNIPPETS / STACKED).read_text(encoding="utf-8")
    assert "|行政规范性|文件1<br>0<br>102|" in text
    report = snippet_report(STACKED)
    gold = draw(7217).cells
    assert [report.cells[k].value for k in NORMATIVE] == [gold_value(gold[k]) for k in NORMATIVE] == [1, 0, 102]
    assert [w for w in report.warnings if w.code == "glued_number" and w.key == "active/normative_docs"]
    for key in OTHERS:
        assert report.cells[key].value == gold_value(gold[key])


def test_the_stacked_pieces_that_are_no_label_end() -> None:
    assert stacked_label_end("文件1<br>0<br>102") == "文件1"
    assert stacked_label_end("性文件<br>0<br>102") == "性文件"
    assert stacked_label_end("1.属于国家秘密<br>0<br>0") is None  # a numbered label of its own
    assert stacked_label_end("76<br>29<br>21") is None  # numbers only
    assert stacked_label_end("文件1") is None  # no stack


TITLED = "synth-7201-pymupdf4llm-layout-table2.md"
TITLED_ROW = "|行政强制|第二十条第|（八|8<br>）项||||||"
GRID_CUTS = "synth-7337-pymupdf4llm-layout-table2.md"


def test_a_row_laid_into_the_next_block_title_reads_its_number() -> None:
    # tuning seed 7201 (/tmp/d52/tune, md-pymupdf4llm-layout): 行政强制 8, its number the first line of a cell of
    # 第二十条第（八）项's pieces. Version 247 read the row's own empty cells: a silent blank
    text = (SNIPPETS / TITLED).read_text(encoding="utf-8")
    assert TITLED_ROW in text
    report = snippet_report(TITLED)
    gold = draw(7201).cells
    assert report.cells["active/coercion/decisions"].value == gold_value(gold["active/coercion/decisions"]) == 8
    assert [w for w in report.warnings if w.code == "title_in_row"]
    for key in (*OTHERS, "active/fees/amount"):
        assert report.cells[key].value == gold_value(gold[key])


def test_a_row_with_the_title_and_header_words_in_its_label_cell_reads_its_number() -> None:
    # tuning seed 7337 (/tmp/g53/tune, md-pymupdf4llm-layout; the committed snippet): 行政许可 103, printed under
    # 本年处 in a cell ``103<br>理决定``, the title 第二十条第 and 信息内容 under the label in its cell. Version 247
    # found no row 行政许可 (missing_row)
    text = (SNIPPETS / GRID_CUTS).read_text(encoding="utf-8")
    assert "|行政许可<br>第二十条第<br>信息内容|（六）|项|本年处|103<br>理决定|" in text
    report = snippet_report(GRID_CUTS)
    gold = draw(7337).cells
    assert report.cells["active/licensing/decisions"].value == gold_value(gold["active/licensing/decisions"]) == 103
    for key in ("active/penalty/decisions", "active/coercion/decisions", "active/rules/in_force"):
        assert report.cells[key].value == gold_value(gold[key])


def test_a_title_row_with_two_numbers_is_not_parted() -> None:
    # two numbers among the title's pieces: which is the row's is not in the row; left as before
    text = (SNIPPETS / TITLED).read_text(encoding="utf-8")
    report = parse(text.replace(TITLED_ROW, "|行政强制|第二十条第|（八|8<br>）项|5|||||").encode(), TITLED)
    assert not [w for w in report.warnings if w.code == "title_in_row"]

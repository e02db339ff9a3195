"""pymupdf4llm's layout grid (issue 8): an amount cut at a rule with its unit after the second piece, the point lost
at the rule (``|58|511万|元|`` for 58.511万元: left blank, version 224); a group heading's cell beside its rows' label
cells, whose pieces are no continuation of a label in another grid column (version 225); a label cut across cells
with the row's value printed against its last piece (``|行政事业|性收费0|``, version 226); a decimal printed with a
space after its point against its label (``|行政事业性收费6. 310|``, version 227)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

from parsers.tables.templates import APPLICANT_COLUMNS

CUT = "synth-7337-pymupdf4llm-layout-table2.md"
CUT_ROW = "|行政事业性收费|||58|511万|元|||"


def test_an_amount_cut_before_its_unit_piece_is_left_blank_not_read_as_its_first_piece() -> None:
    # tuning seed 7337 (/tmp/g53/tune, md-pymupdf4llm-layout): 58.511万元 printed across two grid cells, its point
    # lost at the rule. Version 223 read the first piece, 58, as the amount, and said nothing; the pieces joined
    # would read 58511. The text cannot tell 58.511 from 58511: the amount is left blank, the cut said
    text = (SNIPPETS / CUT).read_text(encoding="utf-8")
    assert CUT_ROW in text
    report = snippet_report(CUT)
    gold = draw(7337).cells
    assert gold_value(gold["active/fees/amount"]) == 58.511
    assert report.cells["active/fees/amount"].value is None
    (cut,) = [w for w in report.warnings if w.code == "number_cut_blank" and w.key == "active/fees"]
    assert "58|511万" in cut.message and "unit" in cut.message
    assert report.metadata["review"] == "required"
    # the table's other cells as the generator drew them
    for key in ("active/rules/in_force", "active/normative_docs/issued", "active/normative_docs/in_force"):
        assert report.cells[key].value == gold_value(gold[key])


def test_an_amount_printed_whole_beside_its_unit_cell_is_read() -> None:
    # the same row with the amount whole in one grid cell, the rule between it and its unit: no cut, read as printed
    text = (SNIPPETS / CUT).read_text(encoding="utf-8")
    report = parse(text.replace(CUT_ROW, "|行政事业性收费|||58.511|万元|||").encode(), CUT)
    assert report.cells["active/fees/amount"].value == 58.511
    assert not [w for w in report.warnings if w.code == "number_cut_blank"]


HEADING = "synth-7223-pymupdf4llm-layout-table3.md"


def test_a_group_heading_cell_beside_the_row_labels_does_not_take_a_row_label_in_another_column() -> None:
    # tuning seed 7223 (/tmp/d52/tune, md-pymupdf4llm-layout): （四）无法提供 printed a piece a grid row in the
    # first cell (``|（四）<br>无法提|1.本机关不掌握…``, ``|供|2.没有现成信息<br>|…``), 2.没有现成信息's rest
    # 需要另行制作 on a grid row of its own in the label column. Version 223 joined （四）无法提 + 供 + 需要另行制作
    # across the columns, found 2.没有现成信息's row at the group heading, before 1.本机关不掌握's, lost
    # 1.本机关不掌握's row and read its values as 2.没有现成信息's (3 wrong numbers, 7 blanks)
    text = (SNIPPETS / HEADING).read_text(encoding="utf-8")
    assert "|（四）<br>无法提|1.本机关不掌握<br>相关政府信息|" in text and "||需要另行制作|" in text
    report = snippet_report(HEADING)
    gold = draw(7223).cells
    for row in ("unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction"):
        assert app_row(report, row) == [gold_value(gold[f"applications/{row}/{c}"]) for c in APPLICANT_COLUMNS]
    assert not [w for w in report.warnings if w.code == "missing_row" and "unavailable" in (w.key or "")]


GLUED_PIECE = "synth-7229-pymupdf4llm-layout-table2.md"
GLUED_ROW = "|行政事业|性收费0||||"


def test_a_label_cut_across_cells_with_the_value_against_its_last_piece_reads_the_value() -> None:
    # tuning seed 7229 (/tmp/d52/tune, md-pymupdf4llm-layout): the 行政事业性收费 label cut across two grid cells,
    # the amount printed against the last piece, no space between (``性收费0``). Version 225 read neither the label
    # (行政事业 alone) nor the amount: the row missing, its cell blank. Now the pieces are read as one label with the
    # number glued to it, which the table reader parts (``glued_number``, said)
    text = (SNIPPETS / GLUED_PIECE).read_text(encoding="utf-8")
    assert GLUED_ROW in text
    report = snippet_report(GLUED_PIECE)
    assert report.cells["active/fees/amount"].value == gold_value(draw(7229).cells["active/fees/amount"])
    assert [w for w in report.warnings if w.code == "glued_number" and w.key == "active/fees"]
    assert not [w for w in report.warnings if w.code == "missing_row" and w.key == "active/fees"]


def test_a_piece_with_a_digit_inside_its_text_is_no_label_piece_with_a_glued_value() -> None:
    # a last piece whose text holds a digit before its ideographs (``性收2费0``) is not parted: nothing read there
    text = (SNIPPETS / GLUED_PIECE).read_text(encoding="utf-8")
    report = parse(text.replace(GLUED_ROW, "|行政事业|性收2费0||||").encode(), GLUED_PIECE)
    assert report.cells["active/fees/amount"].value is None


SPACED = "synth-7232-pymupdf4llm-layout-table2.md"


def test_a_spaced_decimal_printed_against_its_label_is_read_whole() -> None:
    # tuning seed 7232 (/tmp/d52/tune, md-pymupdf4llm-layout): ``|行政事业性收费6. 310|``, the amount against its
    # label, a space after its point. Version 226 found no 行政事业性收费 row (the cell one label). Now the label and
    # the number are parted, the number read whole (``glued_number``, ``spaced_number``, said)
    text = (SNIPPETS / SPACED).read_text(encoding="utf-8")
    assert "|行政事业性收费6. 310|" in text
    report = snippet_report(SPACED)
    assert report.cells["active/fees/amount"].value == gold_value(draw(7232).cells["active/fees/amount"])
    codes = {w.code for w in report.warnings if (w.key or "").startswith("active/fees")}
    assert {"glued_number", "spaced_number"} <= codes

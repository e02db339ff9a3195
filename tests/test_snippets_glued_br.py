"""Table 二 read from pymupdf4llm's layout grid (issue 8): a one-field row whose values print a ``<br>`` line each,
the label's line with the row's first value glued to it (``|行政规范性文件1<br>0<br>0|``, parser version 183); an
amount cut at its decimal point into the next grid cell (``|44<br><br>|. 77|``, version 184)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7232-pymupdf4llm-layout-table2.md"
ROW = "|行政规范性文件1<br>0<br>0|"
COLUMNS = ("issued", "repealed", "in_force")


def _row(report) -> list[object]:  # type: ignore[no-untyped-def]
    return [report.cells[f"active/normative_docs/{c}"].value for c in COLUMNS]


def test_the_number_glued_to_the_label_line_is_the_first_value_and_the_br_lines_the_others() -> None:
    # version 182 joined the cell's lines into one piece, ``行政规范性文件100``: 100 read as 现行有效件数, the
    # other two cells blank. Now the label's line is kept apart from the lines below it, and the table reader
    # parts the glued number from the label (``glued_number``, said)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert ROW in text and "|规章<br>1<br>0<br>1|" in text
    report = snippet_report(NAME)
    gold = draw(7232).cells  # tuning seed 7232 (/tmp/d52/tune): the generator's gold
    assert _row(report) == [gold_value(gold[f"active/normative_docs/{c}"]) for c in COLUMNS]
    assert [report.cells[f"active/rules/{c}"].value for c in COLUMNS] == [
        gold_value(gold[f"active/rules/{c}"]) for c in COLUMNS
    ]
    (glued,) = [w for w in report.warnings if w.code == "glued_number" and w.key == "active/normative_docs"]
    assert "行政规范性文件1" in glued.message


def test_a_label_line_with_a_number_inside_it_is_not_parted() -> None:
    # a line whose digits stand inside its text (``第1项文件``) is no label with a value glued to its end: the
    # cell read as before, its lines joined, and no value of it taken for 本年制发件数
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    report = parse(text.replace(ROW, "|行政规范性文件第1项文<br>0<br>0|").encode(), NAME)
    assert report.cells["active/normative_docs/issued"].value != 1
    assert not [w for w in report.warnings if w.code == "glued_number" and w.key == "active/normative_docs"]


CUT = "synth-7205-pymupdf4llm-layout-table2.md"


def test_an_amount_cut_at_its_decimal_point_into_the_next_grid_cell_is_read_whole() -> None:
    # tuning seed 7205 (/tmp/d52/tune, md-pymupdf4llm-layout): a rule of section 三's table drawn through the
    # 行政事业性收费 line cuts its amount at the point (``|44<br><br>|. 77|``). Version 183 read 44 (a wrong
    # number); version 184 joins the two pieces (``cut_decimal``, said)
    text = (SNIPPETS / CUT).read_text(encoding="utf-8")
    assert "|44<br><br>|. 77|" in text
    report = snippet_report(CUT)
    assert report.cells["active/fees/amount"].value == gold_value(draw(7205).cells["active/fees/amount"])
    assert [w for w in report.warnings if w.code == "cut_decimal"]


def test_a_point_piece_after_a_cell_of_two_lines_is_not_joined() -> None:
    # the whole number's cell printing another line (a label's piece, or a second number) is no cut amount:
    # the amount is not read as 44.77, and nothing is said of a cut
    text = (SNIPPETS / CUT).read_text(encoding="utf-8")
    report = parse(text.replace("|44<br><br>|. 77|", "|44<br>3<br>|. 77|").encode(), CUT)
    assert report.cells["active/fees/amount"].value != 44.77
    assert not [w for w in report.warnings if w.code == "cut_decimal"]

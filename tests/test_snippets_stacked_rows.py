"""Table 三 read from pymupdf4llm's layout grid (issue 8, parser version 185): two rows laid into one grid row where
no rule parts them, a ``<br>`` line each (``|（一）予以公开<br>（二）部分公开（区分处理的，<br>只计这一情形，不计其他
情形）|3<br>14|0<br>1|…``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import APPLICANT, SNIPPETS, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7211-pymupdf4llm-layout-table3.md"
ROW = "|（一）予以公开<br>（二）部分公开（区分处理的，<br>只计这一情形，不计其他情形）|3<br>14|0<br>1|"


def _gold(row: str) -> list[object]:
    cells = draw(7211).cells  # tuning seed 7211 (/tmp/d52/tune): the generator's gold
    return [gold_value(cells[f"applications/{row}/{c}"]) for c in APPLICANT]


def test_each_br_line_of_a_grid_row_holding_two_rows_is_a_row() -> None:
    # version 184 read the fourteen numbers as one row's: 予以公开 and 部分公开 blank (eleven cells of them blank,
    # review required). Now each line is a row of its own: label, then each cell's number on that line
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert ROW in text
    report = snippet_report(NAME)
    assert app_row(report, "granted") == _gold("granted")
    assert app_row(report, "partially_granted") == _gold("partially_granted")
    assert [w for w in report.warnings if w.code == "stacked_rows"]


def test_a_value_cell_with_one_number_fewer_keeps_the_row_whole() -> None:
    # a value cell printing one number where the others print two: which row's number it is nobody can say, so
    # the grid row is not parted (no row read from it, nothing said of it)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    report = parse(text.replace(ROW, ROW.replace("|0<br>1|", "|1|", 1)).encode(), NAME)
    assert not [w for w in report.warnings if w.code == "stacked_rows"]
    assert app_row(report, "granted") != _gold("granted")

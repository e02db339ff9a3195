"""pymupdf4llm's layout grid (issue 8): rows laid into one grid row, their values stacked a ``<br>`` line each in
the same cells (``|0 0 0<br>申请0 0 0<br>0 0 0|0 0<br> 0 0<br> 0 0|…``, table 三's （六）其他处理 rows of tuning
seed 7708, ``/tmp/u56/tune``). A cell's lines were joined with nothing between them, so ``0<br>0`` read as ``00``,
a count led by 0, which ``zero_led_run`` leaves blank: two stacked values, not one number (no number is printed
with a leading zero). A digit run led by 0 that ends a line printing values apart, before a ``<br>`` and a digit
after it, is now parted by a space; a number cut over two lines (``12<br>34``, a narrow print's break-all) is still
joined."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.pipe_rows import clean_cell
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7708-pymupdf4llm-layout-table3.md"
LINE = "|0 0 0<br>申请0 0 0<br>0 0 0|0 0<br> 0 0<br> 0 0|0 0<br> 0 0<br> 0 0|"
ROW = "applications/other.no_correction"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_stacked_zeros_are_two_values_not_a_zero_led_count() -> None:
    # version 274 read 科研机构 from `0<br>0` as `00` and left it blank (zero_led_run)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert LINE in text
    report = snippet_report(NAME)
    gold = draw(7708).cells
    keys = [f"{ROW}/{c}" for c in COLUMNS]
    assert [report.cells[k].value for k in keys] == [gold_value(gold[k]) for k in keys]
    assert not [w for w in report.warnings if w.code == "zero_led_run"]


def test_a_break_after_a_zero_led_run_parts_it_and_no_other() -> None:
    assert clean_cell("0 0 0<br>申请0 0 0<br>0 0 0") == "0 0 0申请0 0 0 0 0 0"
    assert clean_cell("17147 0<br>0") == "17147 0 0"
    assert clean_cell("文<br>0<br>0") == "文00"  # a run alone on its line: joined as before (test_snippets_glued_br)
    assert clean_cell("12<br>34") == "1234"  # a number cut over two lines: joined
    assert clean_cell("10<br>5") == "105"
    assert clean_cell("3.0<br>5") == "3.05"  # a decimal's digits after its point
    assert clean_cell("申请<br>人") == "申请人"

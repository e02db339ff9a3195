"""Table 二 in pdfminer's boxes, a row's first values on its label's line (issue 8, parser version 264): the long
label 行政规范性文件 and its row's first cell stand close enough for pdfminer to join them into one text line, a
box of its own (``行政规范性文件 7``), the row's other values in boxes elsewhere. pdfminer joins characters into a
line only a gap of at most twice a character's width apart (its ``char_margin``), and the row's first cell, as wide
as its column's head at least, stands between the label and any other cell of the row: the values on the line are
the row's first cells (``parsers.tables.active_boxes``); the rest of the block is left as before."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

BLOCK = [f"active/{row}/{col}" for row in ("rules", "normative_docs") for col in ("issued", "repealed", "in_force")]


def _active_boxes(report) -> str:  # type: ignore[no-untyped-def]
    return " ".join(w.message for w in report.warnings if w.code == "active_boxes")


def test_first_value_on_the_label_line_with_the_run_going_on_below_is_the_rows_first_cell() -> None:
    # tuning seed 7397 (/tmp/g53/tune, pdf-pdfminer): 规章 / 0 / 行政规范性文件 7 / 0 / 0 / 1 / 19; before (version
    # 261) the whole block was blank (the line prints 1 of the row's 3 values, the run goes on below it)
    synth = draw(7397)
    report = snippet_report("synth-7397-pdfminer-table2.txt")
    key = "active/normative_docs/issued"
    assert report.cells[key].value == gold_value(synth.cells[key])
    assert "its first 1 of 3 cells" in _active_boxes(report)
    # no other cell of the block read: which of the values below is whose, the text does not say
    assert all(k not in report.cells or report.cells[k].value is None for k in BLOCK if k != key)
    assert report.metadata["review"] == "required"


def test_first_value_on_the_label_line_ending_the_run_is_the_rows_first_cell() -> None:
    # tuning seed 7505 (/tmp/q55/tune, pdf-lo-pdfminer): ... 28 / 行政规范性文件 44 / 第二十条第（五）项; blank at 261
    synth = draw(7505)
    report = snippet_report("synth-7505-lo-pdfminer-table2.txt")
    key = "active/normative_docs/issued"
    assert report.cells[key].value == gold_value(synth.cells[key])
    assert all(k not in report.cells or report.cells[k].value is None for k in BLOCK if k != key)


def test_a_short_label_line_that_is_no_box_of_its_own_is_not_read() -> None:
    # the same line with the next box's text run onto the line below it (no blank line: not pdfminer's box of one
    # line): a row line printing fewer values than cells may print a blank cell as nothing, so it is not read
    name = "synth-7505-lo-pdfminer-table2.txt"
    text = (Path(__file__).parent / "fixtures" / "extractor_snippets" / name).read_text(encoding="utf-8")
    line = "行政规范性文件 44\n\n"
    assert line in text
    report = parse(text.replace(line, "行政规范性文件 44\n", 1).encode(), name)
    key = "active/normative_docs/issued"
    assert key not in report.cells or report.cells[key].value is None

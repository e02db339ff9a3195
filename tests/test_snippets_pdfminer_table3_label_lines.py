"""Table 三 in pdfminer's boxes that no reading of their order holds (issue 8, parser version 265): the rows whose
label's cell stands close to their first cell print that cell's value on the label's line, a box of its own
(``一、本年新收政府信息公开申请数量 857 130 705``, ``1.属于国家秘密 0``). pdfminer joins characters into a line only
over gaps under twice a character's width, and a row's first cell stands between its label and its other cells:
those values are the row's first cells, 自然人 on (``parsers.tables.label_line_cells``), read where no other cell of
the table is; the rest stays blank."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from parsers.tables.templates import APPLICANT_COLUMNS
from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7495-pdfminer-table3.txt"


def _read(report) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {k: c.value for k, c in report.cells.items() if k.startswith("applications/") and c.value is not None}


def test_values_on_row_labels_lines_read_as_the_rows_first_cells() -> None:
    # tuning seed 7495 (/tmp/g53/tune, pdf-pdfminer): at version 264 table 三 was wholly blank (no candidate of
    # pdfminer's nested order holds its row totals)
    synth = draw(7495)
    report = snippet_report(NAME)
    got = _read(report)
    assert got == {k: gold_value(synth.cells[k]) for k in got}  # no wrong number
    first = [f"applications/new_received/{c}" for c in APPLICANT_COLUMNS[:3]]
    assert set(first) | {"applications/carried_over/natural_person"} <= got.keys()
    assert "label_line_cells" in {w.code for w in report.warnings}
    assert report.metadata["review"] == "required"


def test_a_label_line_that_is_no_box_of_its_own_is_not_read() -> None:
    # the line with the next box's text run onto it below (no blank line after it): not read
    text = (Path(__file__).parent / "fixtures" / "extractor_snippets" / NAME).read_text(encoding="utf-8")
    line = "一、本年新收政府信息公开申请数量 857 130 705\n\n"
    assert line in text
    report = parse(text.replace(line, line[:-1], 1).encode(), NAME)
    assert not any(k.startswith("applications/new_received/") for k in _read(report))

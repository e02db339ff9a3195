"""Table 二 read from PDF extractors' cells (issue 8): a negative 本年增/减 printed as one piece of text with a space
after its sign (``- 29``, parser version 171); a row's first number printed in its label's grid cell, the grid cut
into more fields than the row has cells (version 172)."""

from __future__ import annotations

import pytest

from parsers import parse
from tests.snippet_reports import SNIPPETS, snippet_report

# tuning seed 7206 (/tmp/a51/tune, 2019 format): 行政事业性收费 326, 本年增/减 -29, whose sign the PDF draws apart
# from its digits. Each tool keeps the cell's text whole, ``- 29``: pymupdf4llm's grid cell (repeated in each grid
# column the cell spans), poppler's -layout run between two gaps, pdfminer's box alone on its line. Version 170 took
# the piece for no number: the row one value short, 326 read as the 本年增/减 (pymupdf4llm: a wrong number) or the
# row left blank (poppler, pdfminer)
CASES = [
    ("synth-7206-pymupdf4llm-table2.md", "|行政事业性收费|行政事业性收费|326|326|326|- 29|- 29|"),
    ("synth-7206-layout-table2.txt", "行政事业性收费 326                - 29\n"),
    ("synth-7206-flow-none-table2.txt", "行政事业性收费 326\n\n- 29\n"),
]


@pytest.mark.parametrize(("name", "printed"), CASES)
def test_a_sign_a_space_and_digits_in_one_cell_are_the_negative_change(name: str, printed: str) -> None:
    assert printed in (SNIPPETS / name).read_text(encoding="utf-8")
    report = snippet_report(name)
    assert report.cells["active/fees/prior_items"].value == 326
    assert report.cells["active/fees/change"].value == -29
    (joined,) = [w for w in report.warnings if w.code == "sign_wrapped"]
    assert joined.key == "active/fees" and "326 | -29" in joined.message


@pytest.mark.parametrize(("name", "printed"), CASES)
def test_the_piece_is_not_read_where_the_row_prints_all_its_values(name: str, printed: str) -> None:
    # the same row with its 上一年项目数量 printed twice (a value for each of its two cells): the piece could be
    # either cell's, and is not joined (nothing said of a sign)
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    cut = text.replace(printed, printed.replace("326", "326 5", 1), 1)
    assert cut != text
    report = parse(cut.encode(), name)
    assert report.cells["active/fees/change"].value != -29
    assert not [w for w in report.warnings if w.code == "sign_wrapped"]


def test_a_number_in_the_label_cell_is_the_first_cell_where_the_grid_has_more_fields_than_cells() -> None:
    # tuning seed 7216 (md-pymupdf4llm-layout, /tmp/a51/tune): pymupdf4llm's layout mode cuts table 二's first block
    # at rules its header's cells do not share, six grid fields for three cells, and prints each row's first number
    # in its label's cell. Version 171 read the fields right-aligned: 9 (本年废止件数) as 本年制发件数, 53 lost, the
    # 本年废止件数 blank (规章's 1 | 1 | 14 read 1 | blank | 14)
    name = "synth-7216-pymupdf4llm-layout-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|规章<br>1|||1||14|\n|行政规范性文件<br>53|||9||13|\n" in text
    report = snippet_report(name)
    got = {row: [report.cells[f"active/{row}/{c}"].value for c in ("issued", "repealed", "in_force")]
           for row in ("rules", "normative_docs")}  # fmt: skip
    assert got == {"rules": [1, 1, 14], "normative_docs": [53, 9, 13]}
    (glued,) = [w for w in report.warnings if w.code == "glued_number" and w.key == "active/normative_docs"]
    assert "(53 | 9 | 13)" in glued.message
    # a row printing two numbers fewer than its cells beside the label's (a cell blank): not placed so
    cut = parse(text.replace("|行政规范性文件<br>53|||9||13|", "|行政规范性文件<br>53|||||13|").encode(), name)
    assert cut.cells["active/normative_docs/repealed"].value is None
    assert cut.cells["active/normative_docs/issued"].value != 13

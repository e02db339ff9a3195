"""Table 四 with one row of Word's ``&nbsp;`` cells in pdfminer's text (issue 8, parser version 221): pdfminer puts a
page's lines of white space after all its text boxes (``LTLayoutContainer.analyze``), so five lines of no-break spaces
after the ten values, ending the page, say nothing of where the blank row is; they are not read in place as the
last row."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import REVIEW_KEYS, SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7409-pdfminer-flow-none-table4.txt"
EMPTIES = "\n0\n\n" + "\xa0\n" * 5 + "\f"


def test_table_four_pdfminer_empty_lines_at_the_page_end_are_not_read_as_the_last_row() -> None:
    # tuning seed 7409 (/tmp/g53/tune, pdf-pdfminer-flow-none): its 行政复议 row blank, the ten values (zeros) a
    # paragraph each, then pdfminer's five empty lines before the form feed. Before (version 220) they were read in
    # place as the 复议后起诉 row: 行政复议 read as zeros where the gold is blank (five wrong numbers)
    synth = draw(7409)
    assert synth.knobs["blank_review_row"] == "review"
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert text.endswith(EMPTIES + "\n")
    report = snippet_report(NAME)
    got = [report.cells[k].value for k in REVIEW_KEYS]
    gold = [gold_value(synth.cells[k]) for k in REVIEW_KEYS]
    assert all(g is None or g == w for g, w in zip(got, gold, strict=True))  # no wrong number
    codes = {w.code for w in report.warnings if w.key == "review_litigation"}
    assert "blank_cells_not_placed" in codes and "blank_cells_in_place" not in codes
    assert "placement_open" in codes  # whichever row is read blank, it is said a guess
    assert report.metadata["review"] == "required"


def test_table_four_no_break_space_lines_before_more_text_on_the_page_are_read_in_place() -> None:
    # the same lines with the page going on after them (no form feed, section 五 next): not pdfminer's page-end
    # lines, read in place
    text = (SNIPPETS / NAME).read_text(encoding="utf-8").replace(EMPTIES, EMPTIES[:-1]) + "五、存在的主要问题\n"
    report = parse(text.encode(), "t.txt")
    got = [report.cells[k].value for k in REVIEW_KEYS]
    assert got == [0] * 10 + [None] * 5
    assert "blank_cells_in_place" in {w.code for w in report.warnings if w.key == "review_litigation"}

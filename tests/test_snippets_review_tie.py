"""Table 四 with one row printed as nothing and a published total that fails wherever the blank row goes (issue 8,
parser version 202): the identities tie, and the tie-break's reading (the 行政复议 row blank) is left blank where it
would read suits after a review (复议后起诉) with no review, the reading ``review_blank_row`` refuses where the
totals hold."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from tests.snippet_reports import REVIEW_KEYS, SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7307-pdfplumber-table4.txt"
ROW = "\n0 1 0 1 4 1 1 9 0 11\n"


def test_table_four_tie_reading_suits_after_a_review_with_no_review_is_left_blank() -> None:
    # tuning seed 7307 (/tmp/g53/tune, pdf-pdfplumber): its 复议后起诉 row blank (an empty cell printing nothing),
    # its 行政复议 total published wrong, the ten values one line a space apart. Before (version 201) the tie-break
    # read the 行政复议 row blank: 直接起诉 read as 行政复议's values and 复议后起诉 as 直接起诉's (nine wrong numbers)
    synth = draw(7307)
    assert synth.knobs["blank_review_row"] == "litigation_after_review"
    assert synth.knobs["wrong_total"] == "review_litigation/review/total"
    assert ROW in (SNIPPETS / NAME).read_text(encoding="utf-8")
    report = snippet_report(NAME)
    got = [report.cells[k].value for k in REVIEW_KEYS]
    gold = [gold_value(synth.cells[k]) for k in REVIEW_KEYS]
    assert all(g is None or g == w for g, w in zip(got, gold, strict=True))  # no wrong number
    assert got == [None] * 15
    (warned,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "review_litigation"]
    assert "would read 11 复议后起诉 suit(s)" in warned.message and "the table left blank" in warned.message
    assert report.metadata["review"] == "required"


def test_table_four_tie_reading_no_suit_after_a_review_keeps_the_tie_break() -> None:
    # the same text, its last five values zeros: the tie-break's reading (行政复议 blank) reads no suit after a
    # review, and is kept as before (said ambiguous: review required)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8").replace(ROW, "\n0 1 0 1 4 0 0 0 0 0\n")
    report = parse(text.encode(), "t.txt")
    got = [report.cells[k].value for k in REVIEW_KEYS]
    assert got == [*[None] * 5, 0, 1, 0, 1, 4, 0, 0, 0, 0, 0]
    assert not [w for w in report.warnings if w.code == "placement_open" and "suit(s)" in w.message]
    assert report.metadata["review"] == "required"

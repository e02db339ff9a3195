"""Table 三's rows read as the first seven values of a longer run after their label's rest, in poppler's default text
(``parsers/tables/rows_cut_from_runs.py``): left blank where a value of the row, not 0, puts its column's result
cells as read past the column's (七)总计, though the row's own total holds. The text of one report of e64's tuning
batch (``/tmp/e64/tune2``, drawn with zero cells printed empty, ``empty_zero``), whole and unchanged; gold from the
generator (``synth_model.draw``: the row prints no empty cell)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-13125-pdftotext-default.txt"
ROW = "unavailable.unclear_after_correction"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_a_cut_row_whose_value_puts_its_column_past_the_total_is_left_blank() -> None:
    # ``3.补正后申请内容仍不明确`` prints its label's rest (``明确``) before a run of 20 values; the first seven,
    # ``0 0 0 0 0 1 1``, hold the row's total, but the row's 1 is 社会公益组织's, not 其他's: the run begins one
    # value early. At 350 the row read 社会公益组织 0 and 其他 1 (two wrong numbers), 其他's result cells then
    # summing to 1 past its 总计 0
    gold = [gold_value(draw(13125).cells[f"applications/{ROW}/{c}"]) for c in COLUMNS]
    assert gold == [0, 0, 0, 1, 0, 0, 1]
    report = snippet_report(NAME)
    got = app_row(report, ROW)
    assert not [c for c, v, g in zip(COLUMNS, got, gold, strict=True) if v is not None and v != g]  # no wrong number
    assert got[:6] == [None] * 6
    said = [w.message for w in report.warnings if w.code == "placement_open" and w.key == f"applications/{ROW}"]
    assert said and "other_org past the column's 总计" in said[0]

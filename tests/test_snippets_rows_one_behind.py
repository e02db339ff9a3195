"""Table 三's rows the reading by labels reads one row behind, in poppler's default text
(``parsers/tables/unread_rows_by_totals.py``): two rows' labels printed together (``(一)予以公开`` /
``(二)部分公开(区分处理的，…``), then both rows' values; the first seven read as the second row's, the first row left
blank. Read again as the division of the table's run settles them, where it settles the row before with exactly those
seven values. The text of one report of e65's tuning batch (``/tmp/e65/tune3``, drawn with zero cells printed empty,
``empty_zero``), whole and unchanged; gold from the generator (``synth_model.draw``: neither row prints an empty
cell)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-13356-pdftotext-default.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_a_row_cut_from_a_run_one_row_behind_read_as_the_division() -> None:
    drawn = draw(13356).cells
    gold = {
        row: [gold_value(drawn[f"applications/{row}/{c}"]) for c in COLUMNS] for row in ("granted", "partially_granted")
    }
    assert gold == {"granted": [5, 1, 0, 0, 0, 0, 6], "partially_granted": [0, 8, 0, 0, 0, 0, 8]}
    report = snippet_report(NAME)
    # at 350: 予以公开 blank, 部分公开 read as 5 1 0 0 0 0 6 (予以公开's values: three wrong numbers)
    assert {row: app_row(report, row) for row in gold} == gold
    said = [w.message for w in report.warnings if w.code == "rows_by_totals"]
    assert any("partially_granted" in m and "the row before's values" in m for m in said)

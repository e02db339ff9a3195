"""Table 三's rows its labels left blank, read from the run's division in poppler's default text
(``parsers/tables/unread_rows_by_totals.py``), where a row the labels read in doubt (values missing, readings tied)
holds a value the division reads otherwise: that row's cells are not weighed in the identities on the rows read (nothing
confirms them), so a cell it holds no longer refuses the division. The text of one report drawn with zero cells
printed empty (``empty_zero``, seed 11581, of the tuning seeds 11000–11779), whole and unchanged; gold from the
generator (``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-11581-pdftotext-default.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_rows_in_doubt_read_otherwise_not_weighed() -> None:
    drawn = draw(11581).cells
    rows = ("granted", "results_total")
    gold = {row: [gold_value(drawn[f"applications/{row}/{c}"]) for c in COLUMNS] for row in rows}
    assert gold["results_total"] == [6, 0, 4, 0, 0, 4, 14]
    report = snippet_report(NAME)
    # at 355: both rows blank (an identity on a cell of a row read in doubt refused the division)
    for row in rows:
        assert app_row(report, row) == gold[row], row
    said = [w for w in report.warnings if w.code == "rows_by_totals"]
    assert any(w.key == "applications/granted" and "results_total" in w.message for w in said)

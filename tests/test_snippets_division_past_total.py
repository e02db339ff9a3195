"""Table 三's run of values divided into the template's rows (``parsers/tables/anchored_rows.py``) in poppler's
default text where a block of rows' values prints after the table's last labels: the division, in the template's
order, reads the rows after that block's place one row off (``4.无正当理由大量反复申请`` read with (六)其他处理's
values, ``5.要求行政机关确认…`` with (七)总计's: ``52 0 0 0 0 3 55``, printed twice as 本年新收 and 总计 are alike).
Read so, the result rows sum past any (七)总计 the run prints (a blank cell is one of the run's values at most): the
rows read after the last row left open are let go, and said. The text of one report of e65's tuning batch
(``/tmp/e65/tune3``, drawn with zero cells printed empty, ``empty_zero``), whole and unchanged; gold from the generator
(``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-13732-pdftotext-default.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
LET_GO = ("not_processed.excessive", "not_processed.confirm_existing")
KEPT = ("granted", "partially_granted", "withheld.query_matters", "unavailable.not_held", "unavailable.needs_creation")


def test_rows_read_past_the_runs_largest_total_let_go() -> None:
    drawn = draw(13732).cells
    gold = {row: [gold_value(drawn[f"applications/{row}/{c}"]) for c in COLUMNS] for row in LET_GO + KEPT}
    assert gold["not_processed.confirm_existing"] == [0] * 7
    report = snippet_report(NAME)
    # at 355: 4. read 1 0 0 0 0 0 1 and 5. read 52 0 0 0 0 3 55 (five wrong numbers, no warning on the rows)
    for row in LET_GO:
        assert app_row(report, row) == [None] * 7, row
    for row in KEPT:
        assert app_row(report, row) == gold[row], row
    said = [w.message for w in report.warnings if w.code == "placement_open"]
    assert any("not_processed.confirm_existing" in m and "largest value (55)" in m for m in said)

"""Table 三 read in the template's order, a row's line a run short (two cells glued where their columns are too
narrow for a space) with a number's other piece on the line above (pypdf's layout mode of narrow print:
``parsers/tables/glued_stacked.py``). Snippet cut from a52's tuning batch (``/tmp/a52/tune``) by
``scripts/build_synth_snippets.py``'s ``excerpt``; gold rows from the generator's ``synth_6004.json``."""

from __future__ import annotations

from tests.snippet_reports import app_row, snippet_report

GOLD_6004 = {
    "new_received": [131, 0, 0, 0, 0, 0, 131],
    "carried_over": [0, 0, 0, 0, 0, 0, 0],
    "results_total": [131, 0, 0, 0, 0, 0, 131],
}


def test_glued_row_with_its_totals_first_piece_above() -> None:
    # ``一、本年新收政 13`` / ``府信息公开申请 1310 0 0 0 0 1``: 131 and 0 glued, the total's 13 above its 1. Version
    # 220 laid it as a row of merged columns, 1310 _ 0 0 0 0 1 (two wrong numbers)
    report = snippet_report("synth-6004-pypdf-layout-table3.txt")
    assert {row: app_row(report, row) for row in GOLD_6004} == GOLD_6004
    said = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "applications/new_received"]
    assert any("13 / 1310 0 0 0 0 1" in m and "131 0 0 0 0 0 131" in m for m in said)

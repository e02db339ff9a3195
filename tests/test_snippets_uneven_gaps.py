"""Table 三's short rows in pypdf's layout text of narrow print, placed by the columns of whole rows whose wrapped
labels fill their column (every row's label ends at one place, so that the rows agree by their labels as well as by
the grid): ``parsers/tables/blank_rows.column_bands`` takes such a run where every row prints gaps of two widths.
Snippet cut from a52's tuning batch (``/tmp/a52/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold
from the generator's ``synth_6002.json`` (its cells printed empty are None)."""

from __future__ import annotations

from tests.snippet_reports import app_row, snippet_report

GOLD_6002 = {
    "partially_granted": [None, 0, 1, 0, 0, 0, 1],
    "withheld.process_info": [0, 0, None, 0, 0, 0, 0],
    "unavailable.needs_creation": [0, None, 1, 0, 0, None, 1],
    "carried_forward": [0, None, 0, 0, 0, 0, 0],
}


def test_short_rows_placed_by_whole_rows_whose_labels_end_alike() -> None:
    # ``不予公  国家秘   0  0  0  0  0   0  0`` …: the whole rows' values at 15 18 21 24 27 31 34, every label ending
    # at 12; ``的，只计这一      0  1  0  0   0  1`` (部分公开, its 自然人 printed empty) was read 0 in 自然人 at 201
    report = snippet_report("synth-6002-pypdf-layout-table4.txt")
    assert {row: app_row(report, row) for row in GOLD_6002} == GOLD_6002
    said = [w.message for w in report.warnings if w.code == "blank_cells_placed"]
    assert any("partially_granted" in m and "natural_person read as blank" in m for m in said)

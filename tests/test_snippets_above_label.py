"""Table 三 read by labels in pypdf's layout text of narrow print: a row's numbers broken over three lines, their
first pieces alone on the line right above its label, after the row before's wrapped label (``3.其0 0 0 00 0 0`` /
``他`` / ``1 3 1`` / ``（七）总计 3 9 0 3 0 5 8`` / ``8 5`` for 0 … 0 and 138 9 0 33 0 5 185): the line is left to the
row it is above (``parsers/tables/row_values.py``), and that row read with it joined, a piece as near two cells
tried on each (pypdf lays the line on the full rows' scale), where its row total holds
(``parsers/tables/four_line_rows.above_label_readings``, issue 8). Snippet cut from a52's tuning batch
(``/tmp/a52/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator
(``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import APPLICANT, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value


def _gold(row: str) -> list[object]:
    cells = draw(6011).cells
    return [gold_value(cells[f"applications/{row}/{c}"]) for c in APPLICANT]


def test_pieces_above_a_label_are_the_next_rows_and_joined_there() -> None:
    # before (version 230) ``1 3 1`` were read as 3.其他's (after its label's rest 他: unknown_row) and 总计 was
    # read as printed or with ``8 5`` joined, neither holding its total: 6 cells blank (placement_open)
    report = snippet_report("synth-6011-pypdf-layout-table3.txt")
    assert app_row(report, "other.other") == _gold("other.other")
    assert app_row(report, "results_total") == _gold("results_total")
    said = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "applications/results_total"]
    assert any("138 9 0 33 0 5 185" in m and "above its label" in m for m in said)

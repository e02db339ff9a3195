"""Table 四's numbers broken over two lines in narrow cells, their rest alone on the line under its row (pypdf's
layout mode of the narrow-print battery: ``parsers/tables/review_pieces.py``). Snippets cut from a52's tuning batch
(``/tmp/a52/tune``, seeds 6000–6029) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold rows from the
generator's ``synth_<seed>.json``."""

from __future__ import annotations

from tests.snippet_reports import REVIEW_KEYS, cell_values, snippet_report

# the generator's gold (synth_6002.json, synth_6010.json, synth_6015.json): table 四's 15 cells
GOLD_6002 = [0, 0, 0, 0, 0, 0, 11, 0, 0, 11, 1, 1, 1, 0, 3]
GOLD_6010 = [0, 0, 0, 2, 2, 7, 10, 1, 0, 18, 1, 4, 0, 0, 5]
GOLD_6015 = [0, 5, 0, 0, 5, 0, 0, 47, 0, 47, 0, 9, 0, 0, 9]


def _said(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "review_litigation"]


def test_one_placement_holds_the_totals() -> None:
    # ``0 0 0 0 0 0 1 0 0 1 1 1 1 0 3`` / ``1 1`` (each 1 under a 1): 11 and 11; the pieces dropped, the totals
    # held too (1 … 1), so version 201 read 1 and 1
    report = snippet_report("synth-6002-pypdf-layout-table4.txt")
    assert cell_values(report, REVIEW_KEYS) == GOLD_6002
    assert any("the one placement whose totals hold" in m for m in _said(report))


def test_pieces_laid_on_their_own_scale_go_to_the_nearest_placement() -> None:
    # ``… 7 1 1 0 1 …`` / ``0 8``, pypdf's lone line laid 3 characters left: 10 or the other result's 10 both hold
    # (7 10 1 0 18, 7 1 10 0 18); the 0 prints nearer the 纠正 cell
    report = snippet_report("synth-6010-pypdf-layout-table4.txt")
    assert cell_values(report, REVIEW_KEYS) == GOLD_6010
    assert any("of 2 placements holding its totals the one whose pieces print nearest" in m for m in _said(report))


def test_pieces_under_their_cells() -> None:
    # ``0 5 0 0 5 0 0 4 0 4 0 9 0 0 9`` / ``7 7`` under the 4s: 57 … 57 and 97 … 97 hold too
    report = snippet_report("synth-6015-pypdf-layout-table4.txt")
    assert cell_values(report, REVIEW_KEYS) == GOLD_6015
    assert not any(w.code == "identity_failed" and w.key.startswith("review_litigation") for w in report.warnings)

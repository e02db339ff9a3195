"""Table 三 in pdfplumber's layout text (``extract_text(layout=True)``) of a narrow table: its columns two
characters apart, so a row's values print a single space apart, and a row short of a cell (an empty cell prints
nothing) keeps the empty cell's room. The text is laid out on a character grid as a whole (``layout``), and the
table's whole rows print their values at the same places under labels of unlike lengths: the short rows are read by
those places (``column_bands`` with ``single_spaced``, issue 8, parser version 287), their empty cells blanks
printed (``blank_cells_placed``). Snippet cut from tuning seed 8084's pdfplumber layout text of its Chromium PDF
(the title line and sections 二 to 四); the gold is the generator's (``synth_reports.build(8084)``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import gold_value
from synth_reports import build

NAME = "synth-8084-pdfplumber-layout-table3.txt"


def test_short_rows_of_a_single_spaced_grid_read_by_the_whole_rows_places() -> None:
    # before (version 286) the runs of whole rows were no grid (values mostly a single space apart): seven rows short
    # of one cell left blank (placement_open), 34 cells of 0 among them
    synth, _ = build(8084)
    report = snippet_report(NAME)
    keys = [k for k in synth.cells if k.startswith("applications/")]
    got = {k: report.cells[k].value if k in report.cells else None for k in keys}
    gold = {k: gold_value(synth.cells[k]) for k in keys}
    assert [k for k in keys if gold[k] is None]  # the report left cells of table 三 empty
    assert not [k for k in keys if got[k] is not None and got[k] != gold[k]]  # no wrong number
    assert not [k for k in keys if got[k] is None and gold[k] is not None and "/other/" not in k]
    placed = [w for w in report.warnings if w.code == "blank_cells_placed"]
    assert len(placed) == 6  # each row so read said
    # the row whose three-digit value pushes the next ones off their places stays open, honestly
    assert [w for w in report.warnings if w.code == "placement_open" and w.key == "applications/other"]

"""Table 四 with its middle row (未经复议直接起诉) blank, printed by pypdf's layout mode of narrow print as one line
whose neighbouring values stand one or two spaces apart, and the blank row's five cells as thirteen spaces between
the fifth value and the sixth (``0 1  0 0 1             0  1 0 0  1``): the blank middle row is read from that room
(``parsers/tables/blank_rows.blank_row_by_spaces``, issue 8). Snippet cut from a52's tuning batch (``/tmp/a52/tune``)
by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator (``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import REVIEW_KEYS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value


def test_a_blank_middle_row_read_from_its_room_in_a_squeezed_line() -> None:
    # before (version 229) nothing was read where the blank cells are, and the one guess left (行政复议 blank) would
    # read a suit after a review with no review: every cell left blank (placement_open)
    report = snippet_report("synth-6011-pypdf-layout-table3.txt")
    cells = draw(6011).cells
    assert [report.cells[k].value for k in REVIEW_KEYS] == [gold_value(cells[k]) for k in REVIEW_KEYS]
    said = [w.message for w in report.warnings if w.code == "blank_cells_placed" and w.key == "review_litigation"]
    assert any("between the fifth value and the sixth" in m for m in said)

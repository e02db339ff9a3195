"""Table 三 read by labels in pypdf's layout text of narrow print: a row's cells glued where their columns are too
narrow for a space on its label's first line, the last pieces of its numbers broken over two lines on the next
line, after the rest of its label (``三、  （一）予以公 5 1 0 20 2 5`` / ``本年 开 3 8`` for 53 1 0 2 0 2 58): the
row's values are that line and those pieces, read as :mod:`parsers.tables.glued_pieces` reads them
(``parsers/tables/row_values.py``, issue 8). Snippet cut from a52's tuning batch (``/tmp/a52/tune``) by
``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator (``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import APPLICANT, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value


def test_glued_cells_then_pieces_after_the_labels_rest() -> None:
    # before (version 226) the pieces after the label's rest (``开``) were an unknown row's (unknown_row): the row
    # read 5 1 0 20 2 5 3, its row total failing, left blank by the table's identities
    report = snippet_report("synth-6011-pypdf-layout-table3.txt")
    cells = draw(6011).cells
    gold = [gold_value(cells[f"applications/granted/{c}"]) for c in APPLICANT]
    assert app_row(report, "granted") == gold
    msgs = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "applications/granted"]
    assert any("5 1 0 20 2 5 3 8" in m for m in msgs)

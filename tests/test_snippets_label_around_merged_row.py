"""A row label wrapped around its row's values printed in a pipe row of merged cells (issue 8, parser version 288):
markitdown's text of a PDF with a narrow label column prints ``5．属于`` / ``三类内`` / ``|     | 0 0 | 0 0 | 0 0 | 0
|`` / ``部事务`` / ``信息``. The label's lines are joined across that row as across a row of one value a cell
(``Reading._joins``: a line of values only, the label's lines so far printing none), so the row is found; its values
are read by the readings of merged columns as before."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-8027-markitdown-pdf-table3.md"


def test_label_wrapped_around_a_pipe_row_of_merged_cells_finds_its_row() -> None:
    # tuning seed 8027 (/tmp/u58/tune, md-markitdown-pdf); at 287 the two rows were not found (missing_row)
    synth = draw(8027)
    report = snippet_report(NAME)
    keys = [k for k in synth.cells if k.startswith("applications/")]
    got = {k: report.cells[k].value if k in report.cells else None for k in keys}
    gold = {k: gold_value(synth.cells[k]) for k in keys}
    assert not [k for k in keys if got[k] is not None and got[k] != gold[k]]  # no wrong number
    for row in ("withheld.internal_affairs", "withheld.process_info"):
        row_keys = [k for k in keys if k.split("/")[1] == row]
        assert len(row_keys) == 7
        assert [got[k] for k in row_keys] == [gold[k] for k in row_keys], row
    assert not [w for w in report.warnings if w.code == "missing_row" and "applications" in (w.key or "")]

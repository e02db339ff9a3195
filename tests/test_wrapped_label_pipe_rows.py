"""A table 三 row whose label wraps onto the line of its cells, in pipe rows that print blank cells empty
(html2text's rows without outer pipes: ``3．危及`` / ``“三安全一稳定”| 0| 0| 0| | 0| 0| 0``): the cells are read in
place from the row that prints them, not placed by the identities (which a wrong published 总计 leaves open).
The snippet is cut from a synthetic report's html2text text (``scripts/build_synth_snippets.py``, bat32's tuning
part); the expected values are its gold, written by the generator."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.tables.templates import APPLICANT_COLUMNS

SNIPPET = Path(__file__).parent / "fixtures" / "extractor_snippets" / "synth-1283-html2text-table3.md"

GOLD = {
    "withheld.three_safeties": [0, 0, 0, None, 0, 0, 0],
    "withheld.internal_affairs": [None, 0, 0, 0, 0, 0, 0],
    "withheld.query_matters": [0, None, 0, 0, 0, 0, 0],
    "not_processed.petition": [0, 1, 0, 0, 0, None, 1],
    "not_processed.excessive": [0, 0, 0, 0, 0, None, 0],
    "not_processed.confirm_existing": [None, 0, 0, 0, 0, 0, 0],
    "results_total": [12, 7, 0, 0, 0, 0, 25],
    "carried_forward": [1, 0, 0, 0, None, 0, 1],
}


def test_wrapped_labels_rows_read_in_place_from_their_pipe_cells() -> None:
    text = SNIPPET.read_text(encoding="utf-8")
    assert "3．危及  \n“三安全一稳定”| 0| 0| 0| | 0| 0| 0  \n" in text
    report = parse(SNIPPET.read_bytes(), SNIPPET.name)
    for row, gold in GOLD.items():
        got = [report.cells[f"applications/{row}/{col}"].value for col in APPLICANT_COLUMNS]
        assert got == gold, row
    codes = {w.code for w in report.warnings if (w.key or "").startswith("applications/")}
    assert "placement_open" not in codes and "ambiguous" not in codes
    # the published 总计 (19 ≠ 25) is kept and fails its identity
    assert any(w.code == "identity_failed" and w.key == "applications/results_total/total" for w in report.warnings)
    assert report.metadata["review"] == "required"

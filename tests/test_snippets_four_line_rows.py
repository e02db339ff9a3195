"""Table 三 read by labels in pypdf's layout text of narrow print: numbers broken over four lines, their first
pieces on the line above the row's cells (alone, before the row's label, or after a group heading's text), their
third and fourth on the two lines below (``parsers/tables/four_line_rows.py``, issue 8). Snippet cut from a52's
tuning batch (``/tmp/a52/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator
(``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.snippet_reports import APPLICANT, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-6015-pypdf-layout-table3.txt"


def _gold(seed: int, row: str) -> list[object]:
    cells = draw(seed).cells
    return [gold_value(cells[f"applications/{row}/{c}"]) for c in APPLICANT]


@pytest.mark.parametrize(
    ("row", "said"),
    [
        # ``2 2 2`` / ``一、本年新收政府信 10 5 0 0 0 3`` / ``息公开申请数量 0 7 6`` / ``6 3``: the pieces above print
        # before the label (the table's first row); 2106's second piece glued to 商业企业's 0
        ("new_received", "2 2 2 / 10 5 0 0 0 3 / 0 7 6 / 6 3"),
        # ``三、 1 1`` / ``本年 （一）予以公开 20 6 0 0 0 2`` / ``度办 0 3 7`` / ``理结 7 0``: 1207 0 63 0 0 0 1270
        ("granted", "1 1 / 20 6 0 0 0 2 / 0 3 7 / 7 0"),
        # ``2 2 3`` below 3、其他's zeros (which take no piece) / ``（七）总计 7 0 5 0 0 0 0`` / ``9 7 5`` / ``7 4``
        ("results_total", "2 2 3 / 7 0 5 0 0 0 0 / 9 7 5 / 7 4"),
    ],
)
def test_numbers_broken_over_four_lines_are_joined(row: str, said: str) -> None:
    # before (version 225) the three rows were left blank (unknown_row, then placement_unconfirmed)
    report = snippet_report(NAME)
    assert app_row(report, row) == _gold(6015, row)
    msgs = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == f"applications/{row}"]
    assert any(said in m and "four lines" in m for m in msgs)


def test_no_wrong_number_in_the_table() -> None:
    report = snippet_report(NAME)
    for row in ("new_received", "carried_over", "granted", "withheld.state_secret", "results_total"):
        got, want = app_row(report, row), _gold(6015, row)
        assert all(g is None or g == w for g, w in zip(got, want, strict=True)), row

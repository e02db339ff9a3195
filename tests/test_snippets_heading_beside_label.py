"""Table 三's row whose long label wraps two characters a line beside its group heading's pieces, its cells on the
label's first line (pypdf's layout mode of narrow print: ``（六） 1、申 0 00 0 0 00`` / ``其他处 请人`` / ``理   无正``
/ … / ``正、``): the row's pattern (不补正) finds a later piece of the label; read back over the heading's pieces
(``其他处``, ``理``, ``（六）``) set aside, the pieces before it join into the template's wording, so the row starts at
its first line (``parsers/tables/label_heads.py``, issue 8). Snippets cut from a52's tuning batch (``/tmp/a52/tune``)
by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator (``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.snippet_reports import APPLICANT, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value


def _gold(seed: int, row: str) -> list[object]:
    cells = draw(seed).cells
    return [gold_value(cells[f"applications/{row}/{c}"]) for c in APPLICANT]


@pytest.mark.parametrize(
    ("seed", "name"),
    [
        # ``（六） 1、申 0 00 0 0 00`` / ``其他处 请人`` / ``理   无正``: heading and label one token, one space apart
        (6009, "synth-6009-pypdf-layout-table3.txt"),
        # ``（六）  1.申0 00 0 00 0`` / ``其他处  请人`` / `` 理   无正``: the heading's numbering a token of its own
        (6011, "synth-6011-pypdf-layout-table3.txt"),
    ],
)
def test_a_label_wrapped_beside_its_group_heading_starts_at_its_first_line(seed: int, name: str) -> None:
    # before (version 223) the row was found at ``当理``, after its values: the row before it stopped at the unknown
    # numbered label ``（六） 1、申`` and 1.申请人无正当理由逾期不补正…'s cells were left blank (missing_cell)
    report = snippet_report(name)
    assert app_row(report, "other.no_correction") == _gold(seed, "other.no_correction")
    assert app_row(report, "not_processed.confirm_existing") == _gold(seed, "not_processed.confirm_existing")
    missing = [w for w in report.warnings if w.code == "missing_cell" and "no_correction" in (w.key or "")]
    assert not missing

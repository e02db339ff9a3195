"""Table 三 read by labels in pypdf's layout text of narrow print: a row's cells glued where their columns are too
narrow for a space on the second line of its wrapped label, the first piece of its broken total on the label's first
line above them (``3.要求提 1`` / ``供公开出 0 0 0 130 0 3`` for 0 0 0 13 0 0 13): the row's runs split between their
digits and the piece joined to the cell it starts nearest, one reading holding the row total
(``parsers/tables/label_rest_pieces.glued_below_pieces``, issue 8). Snippets cut from a52's tuning batch
(``/tmp/a52/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator
(``synth_model.draw``)."""

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
    ("seed", "name", "row", "said"),
    [
        # ``不掌 8`` / ``握相 840 0 0 0 0 4``: 84 0 0 0 0 0 84 (84 glued to 商业企业's 0, the total's 8 above its 4)
        (6019, "synth-6019-pypdf-layout-table3.txt", "unavailable.not_held", "8 / 840 0 0 0 0 4"),
        # ``3.要求提 1`` / ``供公开出 0 0 0 130 0 3``: 0 0 0 13 0 0 13 (the total's 1 on the label's first line)
        (6008, "synth-6008-pypdf-layout-table3.txt", "not_processed.publication", "1 / 0 0 0 130 0 3"),
    ],
)
def test_glued_cells_below_their_totals_first_piece_are_split_and_joined(
    seed: int, name: str, row: str, said: str
) -> None:
    # before (version 224) the row was read as its seven values as printed (8 840 0 0 0 0 4), its row total failing,
    # and left blank by the table's identities (placement_unconfirmed)
    report = snippet_report(name)
    assert app_row(report, row) == _gold(seed, row)
    msgs = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == f"applications/{row}"]
    assert any(said in m and "row total holding" in m for m in msgs)


def test_a_row_the_split_reading_confirms_is_read_too() -> None:
    # 6008's 4.保护第三方合法权益 (``4.保护第 3`` / ``三方合法 0 0 0 260 4 0``, 0 0 0 26 0 4 30): its 3 starts as
    # near 4 as 0, so it is joined to neither; with 3.要求提供公开出版物 read, the table's identities confirm the
    # split the identities chose (blank before)
    report = snippet_report("synth-6008-pypdf-layout-table3.txt")
    assert app_row(report, "withheld.third_party_rights") == _gold(6008, "withheld.third_party_rights")

"""Table 三's rows whose cells print on a line of their wrapped label, the pieces of their broken numbers on the
label's lines right above and below (pypdf's layout mode of narrow print: ``parsers/tables/label_rest_pieces.py``).
Snippets cut from a52's tuning batch (``/tmp/a52/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold
rows from the generator's ``synth_6019.json``, ``synth_6015.json`` and ``synth_6011.json``."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import APPLICANT, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

GOLD_6019 = {
    "new_received": [882, 0, 0, 0, 0, 0, 882],
    "carried_over": [322, 0, 0, 0, 0, 0, 322],
    "withheld.three_safeties": [644, 0, 0, 0, 0, 0, 644],
    "withheld.third_party_rights": [470, 0, 0, 0, 0, 0, 470],
}
GOLD_6015 = {
    "withheld.state_secret": [171, 0, 0, 0, 0, 0, 171],
    "withheld.process_info": [238, 0, 0, 0, 0, 0, 238],
    "not_processed.petition": [420, 0, 0, 0, 0, 0, 420],
    "other.unpaid_fee": [761, 0, 0, 0, 0, 0, 761],
}

GOLD_6011 = {
    "new_received": [138, 9, 0, 34, 0, 5, 186],
    "partially_granted": [42, 0, 0, 0, 0, 3, 45],
    "withheld.prohibited_by_law": [0, 0, 0, 31, 0, 0, 31],
    "unavailable.not_held": [23, 1, 0, 0, 0, 0, 24],
    "not_processed.duplicate": [12, 1, 0, 0, 0, 0, 13],
}


def _said(report, row: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.message for w in report.warnings if w.code == "merged_digits" and w.key == f"applications/{row}"]


def test_pieces_on_the_labels_first_line_and_alone_below() -> None:
    # ``一、本年新收政府信 88 8`` / ``息公开申请数量 2 0 0 0 0 0 8`` / ``2``: 882 … 882; ``3.危`` / ``及 64 6`` /
    # ``“三安 4 0 0 0 0 0 4`` / ``全一 4``: 644 … 644. Version 204 read the cells' lines as unknown rows, the rows blank
    report = snippet_report("synth-6019-pypdf-layout-table3.txt")
    assert {row: app_row(report, row) for row in GOLD_6019} == GOLD_6019
    assert any("88 8 / 2 0 0 0 0 0 8 / 2" in m and "882 0 0 0 0 0 882" in m for m in _said(report, "new_received"))


def test_pieces_below_are_not_joined_twice() -> None:
    # ``1、属于 1 1`` / ``国家秘 7 0 0 0 0 0 7`` / ``密 1 1``: 171 … 171, the pieces below read once (not 1711)
    report = snippet_report("synth-6015-pypdf-layout-table4.txt")
    assert {row: app_row(report, row) for row in GOLD_6015} == GOLD_6015


def test_cells_glued_on_the_cells_line_split_where_one_split_holds() -> None:
    # ``一、本年新收政府信 1 3 1`` / ``息公开申请数量 3 9 0 40 5 8`` / ``8 6``: 34 and 0 glued as ``40`` (6 runs for 7
    # cells), split every way: only 138 9 0 34 0 5 186 holds its total. Version 205 read the cells' line as an
    # unknown row's, the row blank
    report = snippet_report("synth-6011-pypdf-layout-table3.txt")
    assert {row: app_row(report, row) for row in GOLD_6011} == GOLD_6011
    assert any("6 runs for 7 cells" in m and "138 9 0 34 0 5 186" in m for m in _said(report, "new_received"))


def test_values_on_the_next_rows_first_line_are_not_this_rows() -> None:
    # 6015's 5、要求行政机关确认或重新出具已获取信息 (``关确认 1 1`` / ``或重新 0 0 1 0 0 01`` / ``出具已 9 9``:
    # 0 0 119 0 0 0 119), then ``（六） 1、申请 0 0 0 0 0 00``: the next row's first line, its pattern (不补正) not
    # finding it (a typo: ``预期不补正``). Before (version 227) those values were more values before the next row's
    # label, and the row was left blank (unknown_row)
    report = snippet_report("synth-6015-pypdf-layout-table3.txt")
    cells = draw(6015).cells
    gold = [gold_value(cells[f"applications/not_processed.confirm_existing/{c}"]) for c in APPLICANT]
    assert app_row(report, "not_processed.confirm_existing") == gold
    msgs = [
        w.message
        for w in report.warnings
        if w.code == "merged_digits" and w.key == "applications/not_processed.confirm_existing"
    ]
    assert any("1 1 / 0 0 1 0 0 01 / 9 9" in m for m in msgs)

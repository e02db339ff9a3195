"""Table 三 in BeautifulSoup's lines (convention ``html-bs4-lines``) where some zero cells are empty (bare ``<td>``,
printed as nothing): a row printed with two values fewer than its seven cells, whose placement the identities leave
open, keeps the cells every placement they like alike reads the same (its non-zero value, placed by its column's
identity, and its total); the cells the placements differ in stay blank (``placement_open``;
``parsers/tables/text_layer.refuse_open_rows``; issue 8, s57). Gold from the generator (``synth_reports.build``:
``synth_model.draw`` with the ``empty_zero`` cells blanked)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import gold_value
from synth_reports import build

NAME = "synth-7780-bs4-lines-table3.txt"


def test_rows_short_of_two_cells_keep_what_every_placement_reads() -> None:
    # tuning seed 7780 (/tmp/s57/tune, html-bs4-lines): 二、上年结转 prints 0 0 3 0 3 and 7.属于行政执法案卷 0 0 0 1 1
    # for seven cells (two of each row's zero cells printed empty). At 274 both rows were left blank whole (a row
    # short of more than one cell); the 3 stands in 社会公益组织 and the 1 in 法律服务机构 in every placement the
    # table's identities keep (each column's balance), with each row's total
    synth, markup = build(7780)
    assert markup.knobs["empty_zero"]
    gold = synth.cells
    report = snippet_report(NAME)
    for key, cell in report.cells.items():
        if key.startswith("applications/") and cell.value is not None:
            assert cell.value == gold_value(gold[key]), key  # no wrong number, no 0 where the report left it empty
    kept = {
        "carried_over": ("social_org", "total"),
        "withheld.enforcement_files": ("legal_service", "total"),
    }
    for row, cols in kept.items():
        for col in cols:
            key = f"applications/{row}/{col}"
            assert gold[key] and report.cells[key].value == gold_value(gold[key]), key
        # the zeros: which of them the report left empty is not in the text
        assert [
            c
            for c in ("natural_person", "commercial", "research")
            if report.cells[f"applications/{row}/{c}"].value is not None
        ] == []
    opened = {w.key: w.message for w in report.warnings if w.code == "placement_open"}
    assert "those every placement reads alike kept (social_org, total)" in opened["applications/carried_over"]
    assert (
        "those every placement reads alike kept (legal_service, total)"
        in opened["applications/withheld.enforcement_files"]
    )

"""Table 三 in BeautifulSoup's ``get_text()`` with no separator (convention ``glued``) where some zero cells are empty:
a row printed as a run of fewer digits than its seven cells, its empty cells printed as nothing, read by the
placements of its pieces the table's identities keep (``parsers/tables/short_runs.py``; issue 8, s55). Gold from
the generator (``synth_reports.build``: ``synth_model.draw`` with the ``empty_zero`` cells blanked)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.tables.short_runs import read_alike, short_run_placements
from parsers.tables.templates import APPLICANT_COLUMNS as APPLICANT
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import gold_value
from synth_reports import build

NAME = "synth-7549-bs4-glued-table3.txt"


def _gold_row(cells: dict[str, object], row: str) -> list[object]:
    return [gold_value(cells[f"applications/{row}/{c}"]) for c in APPLICANT]


def test_short_glued_runs_read_by_the_placements_the_identities_keep() -> None:
    # tuning seed 7549 (/tmp/s55/tune, html-bs4-glued): eight zero cells of table 三 printed empty (bare <td>),
    # so 2.重复申请 prints 500207 (5, a blank, 0 0 2 0 7) and 四、结转下年度继续办理 600107 (6 0 0 1 0, a blank,
    # 7). At 244 those rows were one number each, placed nowhere (placement_open), and 一、本年新收 (420542053) and
    # 二、上年结转 (000424046), split two ways each that hold their totals, were left blank
    synth, markup = build(7549)
    assert markup.knobs["empty_zero"]
    gold = synth.cells
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "\n2.重复申请500207\n" in text and "\n四、结转下年度继续办理600107\n" in text
    report = snippet_report(NAME)
    for key, cell in report.cells.items():
        if key.startswith("applications/") and cell.value is not None:
            assert cell.value == gold_value(gold[key]), key  # no wrong number, no 0 where the report left it empty
    for row in ("new_received", "carried_over", "results_total"):
        assert app_row(report, row) == _gold_row(gold, row), row
    # the empty cell among zeros: which one is not in the text; the numbers are
    assert app_row(report, "not_processed.duplicate") == [5, None, None, None, 2, 0, 7]
    assert app_row(report, "carried_forward") == [6, 0, 0, 1, None, None, 7]
    opened = {w.key: w.message for w in report.warnings if w.code == "placement_open"}
    assert "'600107', fewer digits than the row's 7 cells" in opened["applications/carried_forward"]
    assert not [w for w in report.warnings if w.code == "ambiguous_split" and (w.key or "").startswith("applic")]


def test_short_run_placements_hold_the_row_total() -> None:
    # 600107: only 6 0 0 1 0 | 7 holds its total (60 0 1 0 7, 6 0 0 10 7 … do not); its five pieces in any five of
    # the first six cells
    placements = short_run_placements("600107", 7)
    assert len(placements) == 6 and all(p[-1] == 7 for p in placements)
    cells, open_cols = read_alike(placements)
    assert cells == [None] * 6 + [7] and open_cols == [0, 1, 2, 3, 4, 5]
    assert short_run_placements("0000000", 7) == []  # as long as the row: no empty cell needed
    assert short_run_placements("12", 7) == []  # 1 ≠ 2: no total holds

"""A table nested in a page's one-column layout table, as markitdown prints it: the whole page one pipe line, the
nested table's rows joined in it, a row's end and the next row's start ``| |`` (one space), an empty ``<td>``
``|  |`` (two spaces). The line is split at the row ends, so each row's empty cells stand in place
(``parsers.nested_rows``). The snippets are cut from synthetic reports' markitdown texts
(``scripts/build_synth_snippets.py``: bat32's tuning 1283, bat31's tuning 1275); the expected values are their gold,
written by the generator."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_wrapped_label_pipe_rows import GOLD as GOLD_1283

from parsers import parse
from parsers.nested_rows import row_ends, title_after
from parsers.tables.templates import APPLICANT_COLUMNS

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"

# GOLD_1283: the rows of table 三 with a blank cell (the gold's None), as for html2text's text of the same page;
# every other row prints all seven cells
GOLD_1275 = {
    "withheld.state_secret": [0, 0, 0, None, 1, 0, 1],
    "withheld.prohibited_by_law": [0, 0, 0, 0, None, 0, 0],
    "withheld.internal_affairs": [0, 0, 0, None, 0, 0, 0],
    "not_processed.duplicate": [None, 0, 0, 0, 0, 0, 0],
    "not_processed.confirm_existing": [0, None, 0, 0, 0, 0, 0],
    "other.other": [0, 0, 0, 0, 1, None, 1],
}


@pytest.mark.parametrize(
    ("name", "gold", "failed"),
    [
        # 1283's published 总计 is wrong (19 ≠ 25): kept, its identity fails
        ("synth-1283-markitdown-html-table3.md", GOLD_1283, {"applications/results_total/total"}),
        ("synth-1275-markitdown-html-table3.md", GOLD_1275, set()),
    ],
)
def test_flattened_rows_keep_their_empty_cells_in_place(
    name: str, gold: dict[str, list[int | None]], failed: set[str]
) -> None:
    path = SNIPPETS / name
    text = path.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if "三、收到和处理政府信息公开申请情况" in ln)
    assert "|  | 0 |" in line and "| | " in line and "（七）总计" in line  # one pipe line holds the table
    report = parse(path.read_bytes(), path.name)
    for row, want in gold.items():
        got = [report.cells[f"applications/{row}/{col}"].value for col in APPLICANT_COLUMNS]
        assert got == want, row
    codes = {w.code for w in report.warnings if (w.key or "").startswith("applications/")}
    assert not codes & {"missing_cell", "ambiguous", "placement_open", "deduced_zero", "placed_by_identities"}
    # (the snippet holds no table 二: its rows are missing, so the report is review: required either way)
    assert {w.key for w in report.warnings if w.code == "identity_failed" and w.key} >= failed
    if not failed:
        assert not any(w.code == "identity_failed" for w in report.warnings)


def test_row_ends_are_one_space_fields_between_a_rows_last_cell_and_a_label() -> None:
    raw = [" 规章 ", " 0 ", "  ", " 1 ", " ", " 行政规范性文件 ", "  ", " 2 ", " 0 ", " ", " ", " 标题 "]
    assert row_ends(raw) == {4}  # field 9 is followed by a one-space field (a colspan's padding), not a label
    # html2text pads an empty cell with one space and prints no empty <td> as two: no row ends there
    assert row_ends([" 规章 ", " 0 ", " ", " 1 ", " ", " 行政规范性文件 ", " 0 ", " ", " 0 "]) == frozenset()
    assert title_after([*raw[:9], "  四、政府信息公开行政复议  "], frozenset({4})) == 9

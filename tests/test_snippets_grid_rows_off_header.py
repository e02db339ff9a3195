"""pymupdf4llm's plain mode (issue 8): table 三 in a grid whose header splits 法律服务机构 and 其他 over several grid
columns, and rows whose label is repeated over six or seven grid columns, their values in the last eight or nine
(``|6．属于四类过程性信息|…|0|0|0|0|1|0|0|1|``). Those rows lie under other grid columns than the header's: neither
the header's grouping (``grid_columns``) nor its repeated cells (``repeated_value``) are theirs. Version 272 read
them by the header and put 社会公益组织's 1 under 法律服务机构 (7714: 6 wrong numbers), or left them blank (7238:
57 blanks); version 273 read them by the header's repeats (7238: 2 wrong numbers). Now the header groups, and its
repeats drop, only the columns of rows whose label stays in the header's label columns (a placeholder ``ColN``
counts as its left neighbour's: a merged cell); the other rows are read by their numbers alone, or left blank
with the rows' warnings."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.grid_columns import split_columns
from parsers.pipe_rows import PIPE_ROW, pipe_cells
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

SPLIT = "synth-7714-pymupdf4llm-table3.md"
WIDE = "synth-7238-pymupdf4llm-table3.md"


def _table_three(name: str, seed: int) -> tuple[list[str], list[str], list[str]]:
    """The snippet's table 三 cells read right, read wrong, and left blank, against the generator's gold."""
    report = snippet_report(name)
    gold = draw(seed).cells
    right, wrong, blank = [], [], []
    for key, want in gold.items():
        if not key.startswith("applications/"):
            continue
        got = report.cells[key].value if key in report.cells else None
        if got is None:
            blank.append(key)
        elif got == gold_value(want):
            right.append(key)
        else:
            wrong.append(key)
    return right, wrong, blank


def test_rows_under_other_grid_columns_than_the_header_read_no_wrong_number() -> None:
    # tuning seed 7714 (/tmp/u56/tune, md-pymupdf4llm): 6.属于四类过程性信息 0 0 0 1 0 0 1, …: eight numbers for seven
    # cells, two groupings keep every row's total and read 社会公益组织 and 法律服务机构 differently: blank, said
    text = (SNIPPETS / SPLIT).read_text(encoding="utf-8")
    assert "过程性信息|0|0|0|0|1|0|0|1|" in text
    right, wrong, blank = _table_three(SPLIT, 7714)
    assert wrong == []
    assert "applications/withheld.process_info/social_org" in blank
    assert len(right) == 169  # 163 at 342: 6 more at 343, the rows' label copies read once (pipe_rows)
    report = snippet_report(SPLIT)
    for key in blank:
        row = key.rsplit("/", 1)[0]
        assert [w for w in report.warnings if w.key in (key, row, "applications")], key


def test_rows_under_other_grid_columns_are_read_by_their_numbers() -> None:
    # tuning seed 7238 (/tmp/d52/tune, md-pymupdf4llm): rows 4.保护第三方合法权益 to （四）2 with labels over seven grid
    # columns, nine numbers each; version 272 left 57 cells blank, 273 read two wrong; 322 left 7 blank, 323 3 (those
    # rows' numbers no longer part two grid columns the header names alike for the rows under it), 343 none (the
    # rows' label copies read once: pipe_rows.repeated_label_cells)
    text = (SNIPPETS / WIDE).read_text(encoding="utf-8")
    assert "|5.属于三类内部<br>事务信息|0|0|0|0|0|1|0|0|1|" in text
    right, wrong, blank = _table_three(WIDE, 7238)
    assert wrong == []
    assert blank == []
    assert "applications/unavailable.not_held/total" in right


def test_a_label_over_the_headers_placeholder_columns_keeps_the_grouping() -> None:
    # tuning seed 7712 (md-pymupdf4llm): the label repeated over the grid columns whose header cells are
    # placeholders after 信息内容 (its merged cell): the row lies under the header, 92|92 read as one cell
    lines = [
        "|信息内容|Col2|Col3|Col4|本年新制作数<br>量|本年新公开数<br>量|Col7|对外公开总数<br>量|",
        "|---|---|---|---|---|---|---|---|",
        "|规章|规章|规章|规章|0|92|92|387|",
        "|行政规范性文件|行政规范性文件|行政规范性文件|行政规范性文件|92|197|197|262|",
    ]
    grid = split_columns(lines, pipe_cells, lambda ln: bool(PIPE_ROW.match(ln)))
    assert grid.skip == {2: {6}, 3: {6}}
    assert not grid.off_header

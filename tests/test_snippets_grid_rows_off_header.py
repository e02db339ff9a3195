"""pymupdf4llm's plain mode (issue 8): table 三 in a grid whose header splits 法律服务机构 and 其他 over several grid
columns, and rows whose label is repeated over six grid columns, their values in the last eight
(``|6．属于四类过程性信息|…|0|0|0|0|1|0|0|1|``). Those rows lie under other grid columns than the header's: the
header's grouping (``grid_columns``) is not theirs. Version 263 grouped them by it and read 社会公益组织's 1 as
法律服务机构's (6 wrong numbers, 4 blanks); now the header groups only the rows whose label stays in the header's
label columns (a placeholder ``ColN`` counts as its left neighbour's: a merged cell)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.grid_columns import split_columns
from parsers.pipe_rows import PIPE_ROW, pipe_cells
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7714-pymupdf4llm-table3.md"
ROWS = ("withheld.process_info", "withheld.query_matters", "unavailable.not_held", "not_processed.publication")
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_rows_under_other_grid_columns_than_the_header_are_read() -> None:
    # tuning seed 7714 (/tmp/u56/tune, md-pymupdf4llm): 6.属于四类过程性信息 0 0 0 1 0 0 1, …
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "过程性信息|0|0|0|0|1|0|0|1|" in text
    report = snippet_report(NAME)
    gold = draw(7714).cells
    for row in ROWS:
        want = [gold_value(gold[f"applications/{row}/{c}"]) for c in COLUMNS]
        assert app_row(report, row) == want, row
    assert app_row(report, "unavailable.not_held") == [35, 0, 0, 1, 0, 0, 36]


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

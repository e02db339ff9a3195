"""pymupdf4llm's layout grid (issue 8): table 二's rows 行政许可, 行政处罚, 行政强制 and the blocks' titles between
them laid into one grid row, where no rule parts them: the first cell's lines the labels and the header's 信息内容,
the rows' numbers stacked in one cell among the titles' pieces (``决定数<br>0<br>决定数<br>2<br>2<br>（单位：``).
Each label is read with the number in its place among them, top to bottom, and said (``rows_in_title_row``: a
guess). Version 261 found none of these rows (``missing_row``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from parsers.pipe_rows import titled_rows
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

ROWS = ("active/licensing/decisions", "active/penalty/decisions", "active/coercion/decisions")
OTHERS = ("active/rules/issued", "active/normative_docs/in_force", "active/fees/amount")

ONE_ROW = "synth-7699-pymupdf4llm-layout-table2.md"
ONE_ROW_LINE = (
    "|信息内容<br>行政许可<br>信息内容<br>行政处罚<br>行政强制<br>信息内容|第二十条第<br>第二十条第|（六）<br>（八）|"
    "项<br>项<br>本年|本年处理<br>本年处理<br>收费金额|决定数<br>0<br>决定数<br>2<br>2<br>（单位：|量<br>量<br>万元）|||"
)
TWO_ROWS = "synth-7212-pymupdf4llm-layout-table2.md"


def test_three_rows_and_two_titles_in_one_grid_row_are_read() -> None:
    # tuning seed 7699 (/tmp/u56/tune, md-pymupdf4llm-layout): 行政许可 0, 行政处罚 2, 行政强制 2
    text = (SNIPPETS / ONE_ROW).read_text(encoding="utf-8")
    assert ONE_ROW_LINE in text
    report = snippet_report(ONE_ROW)
    gold = draw(7699).cells
    assert [report.cells[k].value for k in ROWS] == [gold_value(gold[k]) for k in ROWS] == [0, 2, 2]
    assert [w for w in report.warnings if w.code == "rows_in_title_row"]
    for key in OTHERS:
        assert report.cells[key].value == gold_value(gold[key])


def test_rows_and_titles_over_two_grid_rows_are_read() -> None:
    # tuning seed 7212 (/tmp/d52/tune, md-pymupdf4llm-layout): 行政许可 3422 in one grid row with 信息内容 twice,
    # 行政处罚 344 and 行政强制 46 in the next with the fee block's title
    text = (SNIPPETS / TWO_ROWS).read_text(encoding="utf-8")
    assert "|行政处罚<br> 行政强制<br> <br> 信息内容|第二十条第|（八）<br> 本年|<br>项<br>收费金|344<br>46<br>" in text
    report = snippet_report(TWO_ROWS)
    gold = draw(7212).cells
    assert [report.cells[k].value for k in ROWS] == [gold_value(gold[k]) for k in ROWS] == [3422, 344, 46]
    for key in OTHERS:
        assert report.cells[key].value == gold_value(gold[key])


def test_as_many_numbers_as_labels_in_one_cell_only() -> None:
    # a number more than the labels, or the numbers in two cells: which is whose is not in the row; not parted
    cells = ONE_ROW_LINE.strip("|").split("|")
    assert titled_rows(cells) is not None
    more = [*cells[:5], "决定数<br>0<br>决定数<br>2<br>2<br>5", *cells[6:]]
    assert titled_rows(more) is None
    apart = [*cells[:5], "决定数<br>0<br>决定数<br>2<br>（单位：", "量<br>2", *cells[7:]]
    assert titled_rows(apart) is None
    no_title = [c.replace("第二十条第", "") for c in cells]
    assert titled_rows(no_title) is None
    text = (SNIPPETS / ONE_ROW).read_text(encoding="utf-8")
    report = parse(text.replace(ONE_ROW_LINE, "|" + "|".join(more) + "|").encode(), ONE_ROW)
    assert not [w for w in report.warnings if w.code == "rows_in_title_row"]

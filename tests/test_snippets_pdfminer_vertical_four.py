"""Table 四 in pdfminer's text with vertical-text detection (``pdf2txt -V``; issue 8, parser version 323): its 总计
heads are vertical boxes (``总 计``), so the groups holding them print right to left: 复议后起诉's block first, then
未经复议直接起诉's, then 行政复议's heads and values (``parsers.tables.review_vertical``). The snippets are whole texts
of the tuning batch ``/tmp/v61/tune`` (seeds 10620–10639); the gold is the generator's (``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parsers import parse
from tests.snippet_reports import REVIEW_KEYS, SNIPPETS, snippet_report


def _gold(seed: int) -> list[object]:
    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import draw, gold_value

    cells = draw(seed).cells
    return [gold_value(cells[k]) for k in REVIEW_KEYS]


def _four(report) -> list[object]:  # type: ignore[no-untyped-def]
    return [report.cells[k].value if k in report.cells else None for k in REVIEW_KEYS]


def test_total_heads_not_spaced_not_read_so() -> None:
    # the order is pdfminer's vertical boxes' only: 总计 printed as horizontal text is not read by it
    name = "synth-10630-pdfminer-vertical.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8").replace("总 计", "总计")
    report = parse(text.encode("utf-8"), name)
    assert not any(w.code == "review_vertical" for w in report.warnings)
    got, gold = _four(report), _gold(10630)
    assert not [k for k, g, w in zip(REVIEW_KEYS, got, gold, strict=True) if g is not None and g != w]


def test_table_three_ends_at_table_four_heads_when_its_row_heads_print_after_section_five() -> None:
    # 10621 (version 324): -V prints section 四's heading and table 四's 行政复议 / 行政诉讼 after section 五's heading;
    # table 三's span ran to that 行政复议, past table 四's 15 values, and no reading held (161 cells blank at 323).
    # It now ends at table 四's first column head before section 五 (parsers/tables/box_order.py)
    from tests.snippet_reports import three_against_draw

    _, keys, got, _ = three_against_draw("synth-10621-pdfminer-vertical.txt", 10621)
    assert len(keys) == 161
    assert all(got[k] is not None for k in keys)


# (snippet, seed, a phrase of the warning): every shape measured (tuning /tmp/v61/tune), each a whole text
SHAPES = [
    # 10630 (323): 复议后起诉's ``总 计`` 5, its heads, 5 0 0 0; 未经复议直接起诉's ``总 计`` 0, its heads; the
    # labels; 行政复议's heads; 0 0 0 2 2 (行政复议), 0 0 0 0 (未经复议直接起诉). At 322 the text, printed column by
    # column, left it blank
    ("synth-10630-pdfminer-vertical.txt", 10630, "result heads on a line"),
    # 10627 (323): each head a vertical box followed by its value, the blocks from the right. At 322 read in the
    # template's order of blocks: 行政复议's and 复议后起诉's rows exchanged (6 wrong numbers)
    ("synth-10627-pdfminer-vertical.txt", 10627, "each column's head followed by its value"),
    # 10638 (325): the first shape, 行政复议 / 行政诉讼 and section 四's heading printed after section 五's: read from
    # table 三's last row label to section 五's heading (table 三's last values before the first 总 计 set aside)
    ("synth-10638-pdfminer-vertical.txt", 10638, "result heads on a line"),
    # 10621 (325): 复议后起诉's heads with no value (its row blank in the report), then 未经复议直接起诉's and
    # 行政复议's blocks each as 总 计, its total, its result heads, their values
    ("synth-10621-pdfminer-vertical.txt", 10621, "blank row"),
    # 10623 (326): the report's signature, every block's heads, the two labels, 行政复议's heads, the 15 values in the
    # template's order, then 行政复议 / 行政诉讼 before section 五's heading (section 四's heading after it)
    ("synth-10623-pdfminer-vertical.txt", 10623, "every block's heads"),
]


@pytest.mark.parametrize(("name", "seed", "said"), SHAPES)
def test_table_four_read_in_the_vertical_order(name: str, seed: int, said: str) -> None:
    # each blank (10 cells of 10621, 15 of the others) or wrong (10627) before its version
    report = snippet_report(name)
    assert _four(report) == _gold(seed)
    assert any(w.code == "review_vertical" and said in w.message for w in report.warnings)

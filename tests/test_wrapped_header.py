"""Table 二's header whose cells wrap over several lines, in text without the page's positions (pdfplumber's
``extract_text``: a line's words one space apart): the order of the fragments is a guess, so a header read in
another order than the template's is read in the template's, with a ``header_columns`` warning. A header printed
on one line in another order is read as printed.

The snippet is pdfplumber 0.11's text of table 二 of synthetic report 505 (``scripts/synth_extractors.py``: the
generator's Chromium PDF); the expected values are that report's gold, written by the generator. A second snippet
is pypdf's text of the same table (``synth-505-pypdf-table2.txt``, the report's title line kept)."""

from __future__ import annotations

from pathlib import Path

from parsers import parse

SNIPPET = Path(__file__).parent / "fixtures" / "extractor_snippets" / "synth-505-pdfplumber-table2.txt"
GOLD = {  # synth_505's gold (scripts/synth_reports.py, seed 505), table 二's blocks (五), (八), (九)
    "active/licensing/prior_items": 357,
    "active/licensing/change": 10,
    "active/licensing/decisions": 0,
    "active/other_services/prior_items": 0,
    "active/other_services/change": 0,
    "active/other_services/decisions": 74,
    "active/penalty/decisions": 6,
    "active/coercion/prior_items": 29,
    "active/fees/change": 20,
    "active/procurement/items": 13,
    "active/procurement/amount": 3.1,
}


def test_wrapped_header_in_plain_text_is_read_in_the_templates_order() -> None:
    text = SNIPPET.read_text(encoding="utf-8")
    assert "上一 本年\n年项 本年 处理\n信息内容\n目数 增/减 决定" in text  # the cells' fragments, one space apart
    report = parse(text.encode(), SNIPPET.name)
    assert {k: report.cells[k].value for k in GOLD} == GOLD
    warned = {w.key for w in report.warnings if w.code == "header_columns"}
    assert warned == {"active/licensing", "active/other_services", "active/procurement"}
    assert all("wrap over several lines" in w.message for w in report.warnings if w.code == "header_columns")


def test_header_on_one_line_in_another_order_is_read_as_printed() -> None:
    text = (
        "某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（五）项\n信息内容 本年处理决定数量 上一年项目数量 本年增/减\n行政许可 7 3 1\n"
        "其他对外管理服务事项 9 4 0\n"
    )
    report = parse(text.encode(), "one-line.txt")
    got = [report.cells[f"active/licensing/{c}"].value for c in ("decisions", "prior_items", "change")]
    assert got == [7, 3, 1]
    assert not [w for w in report.warnings if w.code == "header_columns"]


PYPDF = SNIPPET.with_name("synth-505-pypdf-table2.txt")  # pypdf 'extract_text()' of the same PDF, the same table


def test_header_short_of_a_column_widened_for_a_wrapped_label_whose_values_follow_it() -> None:
    # pypdf prints 本年 / 增 / 减 so that the header names two columns only; 行政许可 carries three values on its line
    # (read as the template's three), and the wrapped 其他对外管理服务事 / 项 carries its three on the next line: they
    # are read the same way, never two of them into two columns and the third dropped
    text = PYPDF.read_text(encoding="utf-8")
    assert "其他对外管理服务事\n项\n0 0 74\n" in text
    report = parse(text.encode(), PYPDF.name)
    assert {k: report.cells[k].value for k in GOLD} == GOLD
    assert report.cells["active/other_services/change"].value == 0
    (note,) = [w for w in report.warnings if w.code == "header_columns" and w.key == "active/other_services"]
    assert "the row has 3 values" in note.message
    assert not [w for w in report.warnings if w.code == "extra_values"]

"""A page's layout table whose one cell holds the whole report on one line (docling's HTML backend flattens every
table nested in a cell into it): written back as lines (``parsers.flattened_cells``). The texts are docling's own
output (``scripts/build_extractor_snippets.py --docling``) of a short report written there."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.flattened_cells import MIN_CELL, unflatten
from parsers.model import Report
from parsers.tables.token_numbers import is_value_word

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"
APPLICANTS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _read(name: str) -> tuple[str, Report]:
    return (SNIPPETS / name).read_text(encoding="utf-8"), parse((SNIPPETS / name).read_bytes(), name)


def _values(report: Report, prefix: str, cols: tuple[str, ...]) -> list[object]:
    return [report.cells[f"{prefix}/{c}"].value for c in cols]


def test_report_flattened_into_a_layout_cell_is_read_by_its_rows() -> None:
    text, report = _read("own-framed-docling.md")
    # docling: the whole report in one pipe cell, table 二's rows one space apart on one line
    assert "规章 0 0 0 行政规范性文件 7 2 31" in text and text.count("\n") < 5
    assert _values(report, "active/rules", ("issued", "repealed", "in_force")) == [0, 0, 0]
    assert _values(report, "active/normative_docs", ("issued", "repealed", "in_force")) == [7, 2, 31]
    assert report.cells["active/licensing/decisions"].value == 208
    assert report.cells["active/fees/amount"].value == 2.5
    rows = {"new_received": [21, 4, 0, 0, 1, 0, 26], "carried_over": [2, 0, 0, 0, 0, 0, 2],
            "granted": [17, 3, 0, 0, 1, 0, 21], "results_total": [22, 4, 0, 0, 1, 0, 27],
            "carried_forward": [1, 0, 0, 0, 0, 0, 1]}  # fmt: skip
    assert {row: _values(report, f"applications/{row}", APPLICANTS) for row in rows} == rows
    (note,) = [w for w in report.warnings if w.code == "flattened_cells"]
    assert "docling" in note.message and "a guess" in note.message


def test_2019_table_two_flattened_keeps_negative_changes() -> None:
    _, report = _read("own-2019-framed-docling.md")
    assert report.metadata["format"] == "2019"
    cols = ("prior_items", "change", "decisions")
    rows = ("licensing", "other_services", "penalty", "coercion")
    got = {row: _values(report, f"active/{row}", cols) for row in rows}
    assert got == {"licensing": [57, -2, 1290], "other_services": [12, 0, 388], "penalty": [41, 3, 76],
                   "coercion": [8, 0, 5]}  # fmt: skip
    assert [w for w in report.warnings if w.code == "flattened_cells"]


def test_merged_value_cell_printed_once_a_column_is_read_once() -> None:
    text, report = _read("own-merged-framed-docling.md")
    assert "信息内容 本年处理决定数量 本年处理决定数量 本年处理决定数量 行政许可 208 208 208" in text
    assert report.cells["active/licensing/decisions"].value == 208
    assert not [w for w in report.warnings if w.code == "extra_values"]
    (note,) = [w for w in report.warnings if w.code == "repeated_value"]
    assert note.message.startswith("1 row(s)")


def _cell(body: str) -> str:
    prose = "本年度本机关坚持以公开为常态不公开为例外的原则持续深化政务公开工作" * 4
    return f"| {prose}  一、总体情况  {prose}  {body}  五、存在的主要问题及改进情况  {prose} |\n|---|\n"


def test_rows_split_at_values_and_copies_only_under_a_repeated_header() -> None:
    text = _cell(
        "信息内容 上一年项目数量 本年增/减 本年处理决定数量 行政许可 0 0 0 行政处罚 5 5 5 "
        "二、上年结转政府信息公开申请数量 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"
    )
    assert len(text) > MIN_CELL
    out, notes = unflatten(text)  # type: ignore[misc]
    assert len(out) == len(text)  # written in place: offsets keep
    assert "行政许可\t0\t0\t0" in out  # a TAB before each value: cells, as a dash cell needs (``规章 - 0 28``)
    lines = [" ".join(ln.split()) for ln in out.split("\n")]
    # three distinct header cells: a row of equal values is three values, never one value's copies
    assert "行政许可 0 0 0" in lines and "行政处罚 5 5 5" in lines
    # a label printed once a column it spans is no merged header: the row keeps its seven values
    assert "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0" in lines
    assert [code for code, _ in notes] == ["flattened_cells"]


def test_merged_header_copies_blanked_count_and_amount_cells_too() -> None:
    text = _cell("信息内容 采购项目数量 本年收费金额 本年收费金额 政府集中采购 7；268.27 7；268.27 7；268.27")
    out, notes = unflatten(text)  # type: ignore[misc]
    line = next(ln for ln in out.split("\n") if ln.startswith("政府集中采购"))
    assert line.split() == ["政府集中采购", "7；268.27"]
    assert [code for code, _ in notes] == ["flattened_cells", "repeated_value"]


def test_pipe_tables_and_short_cells_are_left_alone() -> None:
    table = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 3 |\n"
    assert unflatten(table) is None
    assert unflatten("| 发布日期：2024-01-20  浏览次数：  1024 |\n") is None  # a short cell
    long_line = "| " + "某" * (MIN_CELL + 10) + " |\n"  # long, but no paragraphs joined in it
    assert unflatten(long_line) is None


def test_value_words_are_the_table_readers_values() -> None:
    # one definition (parsers.tables.tokens.is_value_word): what a table's cell reads as a value is what a flattened
    # cell's row is split at; the words as docling prints them (full-width forms normalised)
    values = ["0", "5,458", "-3", "5949.088667", "2.5万元", "12项", "7；268.27", "1/4.904693"]
    values += ["—", "-", "/", "－", "１２"]
    words = ["规章", "行政规范性文件", "第二十条第（五）项", "（三）不予公开", "2.属于三类"]
    words += ["本年新收政府信息公开申请数量"]
    assert [is_value_word(w) for w in values + words] == [True] * len(values) + [False] * len(words)

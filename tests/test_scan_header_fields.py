"""Table 二's rows read by the TAB fields of their block's header line (``parsers/tables/header_fields.py``): OCR's
reading of a scanned table prints each grid cell as a field, a blank cell as an empty one. The lines below are
the engine's reading of tuning scan synth_482 (its 第二十条第（一）项 block: the header's 本年制发件数 spans two grid
cells, the row's printed dash under 本年废止件数 was not read). Read by order, the 0 of 行政规范性文件 went under
本年废止件数 (a wrong number, the report ``suggested``); by the header's fields it is 本年制发件数."""

from __future__ import annotations

from parsers import parse

BLOCK = (
    "二、主动公开政府信息情况\n"
    "第二十条第(一)项-…\t\t\t\t\t\n"
    "{header}\n"
    "规章\t\t\t\t0\t7\n"
    "行政规范性文件\t\t0\t\t\t24\n"
    "第二十条第(五)项\t\t\t\t\t\n"
    "信息内容\t本年处理决定数量\t\t\t\t\n"
    "行政许可\t111\t\t\t\t\n"
)
HEADER = "信息内容\t\t本年制发件数\t\t本年废止件数\t“现行有效件数"
T = "active/normative_docs/"


def _active(header: str) -> tuple[dict[str, object], dict[str, str]]:
    text = "吉首市审计局2023年政府信息公开工作年度报告\n" + BLOCK.format(header=header)
    report = parse(text.encode("utf-8"), "scan.txt")
    values = {k: c.value for k, c in report.cells.items() if k.startswith("active/")}
    warned = {w.key or "": w.message for w in report.warnings if w.code == "named_columns"}
    return values, warned


def test_a_row_with_a_blank_cell_is_read_by_the_header_fields_above_its_values() -> None:
    values, warned = _active(HEADER)
    assert [values[T + c] for c in ("issued", "repealed", "in_force")] == [0, None, 24]
    assert [values["active/rules/" + c] for c in ("issued", "repealed", "in_force")] == [None, 0, 7]
    assert "active/normative_docs" in warned and "本年制发件数" not in warned["active/normative_docs"]
    assert "active/rules" not in warned  # right-aligned, the rules row reads as its fields say: nothing to warn
    assert values["active/licensing/decisions"] == 111 and "active/licensing" not in warned  # as many values as cells


def test_a_header_line_of_other_fields_than_the_row_leaves_the_reading_by_order() -> None:
    values, warned = _active("信息内容\t本年制发件数\t本年废止件数\t现行有效件数")
    assert "active/normative_docs" not in warned
    assert values[T + "repealed"] == 0  # as before: fitted by order (missing_cell, ambiguous)


def test_a_header_field_naming_no_column_leaves_the_reading_by_order() -> None:
    values, warned = _active("信息内容\t\t本年制发件数\t备注\t本年废止件数\t现行有效件数")
    assert "active/normative_docs" not in warned
    assert values[T + "issued"] is None


FIVE = (
    "吉首市审计局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
    "第二十条第(五)项\t\t\t\t\t\n"
    "信息内容\t上一年项目数量\t\t本年增/减\t本年处理决定数量\t\n"
    "行政许可\t562\t\t0\t一人人人AQ\t\n"
    "其他对外管理服务事项\t124\t\t\t[AN必 4六 4以、 we购\t\n"
)


def test_a_field_under_a_name_printing_no_number_is_that_cell_unreadable() -> None:
    """synth_499 (tuning): by order, 562 went under 本年增/减 and 124 under 本年处理决定数量."""
    report = parse(FIVE.encode("utf-8"), "scan.txt")
    cols = ("prior_items", "change", "decisions")
    assert [report.cells["active/licensing/" + c].value for c in cols] == [562, 0, None]
    assert [report.cells["active/other_services/" + c].value for c in cols] == [124, None, None]
    unreadable = [w.message for w in report.warnings if w.code == "unreadable_cell"]
    assert any("一人人人AQ" in m for m in unreadable) and any("we购" in m for m in unreadable)

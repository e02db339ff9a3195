"""政府集中采购's amount read without its count on a scanned page (``parsers/ocr/procurement.py``). The lines are the
engine's reading of tuning scan synth_488's 第二十条第(九)项 block: the report prints ``1　12.23`` in one cell under
采购项目数量 and 采购总金额 (its header cells read 本年收费金额 and a blank), the engine dropped the gap and read
``112.23``, taken as the amount until version 76 (a wrong number, the report ``suggested``)."""

from __future__ import annotations

from parsers.extracted import Extracted
from parsers.model import Cell, Warning_
from parsers.ocr.procurement import AMOUNT, ITEMS, lone_amount
from parsers.report import build_report

TEXT = (
    "某县人民政府2020年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第(八)项\t\t\t\n"
    "信息内容\t上一年项目数量\t本年增/减\t\n"
    "行政事业性收费\t0\t0\t\n"
    "第二十条第(九)项\t\t\t\n"
    "信息内容\t\t本年收费金额（单位:万元)\t\n"
    "政府集中采购\t{row}\t\t\n"
)


def _cells(report_text: str, ocr: bool = True) -> tuple[dict[str, object], list[str]]:
    report = build_report(Extracted("image", report_text, ocr=ocr))
    values = {k: c.value for k, c in report.cells.items() if k.startswith("active/procurement/")}
    return values, [w.code for w in report.warnings]


def test_an_amount_read_without_its_count_is_left_blank_on_a_scan() -> None:
    values, codes = _cells(TEXT.format(row="112.23"))
    assert values.get(AMOUNT) is None and values.get(ITEMS) is None
    assert "ocr_amount_alone" in codes


def test_the_same_text_not_read_by_ocr_keeps_the_amount() -> None:
    values, codes = _cells(TEXT.format(row="112.23"), ocr=False)
    assert values.get(AMOUNT) == 112.23 and "ocr_amount_alone" not in codes


def test_an_amount_read_with_its_count_is_kept() -> None:
    values, codes = _cells(
        TEXT.format(row="1\t12.23").replace("信息内容\t\t本年收费", "信息内容\t采购项目数量\t采购总金额")
    )
    assert values.get(ITEMS) == 1 and values.get(AMOUNT) == 12.23 and "ocr_amount_alone" not in codes


def test_one_digit_before_the_point_cannot_hold_a_count() -> None:
    cells = {AMOUNT: Cell(AMOUNT, 2.5, "2.5", None)}
    warnings: list[Warning_] = []
    lone_amount(cells, warnings)
    assert cells[AMOUNT].value == 2.5 and not warnings
    cells = {AMOUNT: Cell(AMOUNT, 12.5, "12.5", None), ITEMS: Cell(ITEMS, None, "", None)}
    lone_amount(cells, warnings)
    assert cells[AMOUNT].value is None and [w.code for w in warnings] == ["ocr_amount_alone"]

"""A cell under a header name that prints a word, not a number (OCR's ``U`` for a 0), in a row read by the names
of its table's header (``named_columns.by_names``): the row keeps its reading by position, that cell blank with an
``unreadable_cell`` warning. Before, the word was placed in the cell and the parse stopped on it (ValueError: could
not convert string to float: 'U'), losing the whole report."""

from __future__ import annotations

from parsers.api import parse

TEXT = """## 某县人民政府办公室2022年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

| 本列数据的勾稽关系 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 4 | 4 | 8 | 4 | 4 | 6 | {last} |
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （一）予以公开 | 4 | 4 | 8 | 4 | 4 | 6 | 30 |
"""
ROW = "applications/new_received/"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def test_a_word_under_a_header_name_is_a_blank_cell_not_a_crash() -> None:
    report = parse(TEXT.format(last="U").encode(), "ocr.md")
    assert [report.cells[ROW + c].value for c in COLUMNS] == [4, 4, 8, 4, 4, 6, None]
    (warned,) = [w for w in report.warnings if w.code == "unreadable_cell" and w.key == ROW.rstrip("/")]
    assert "'U'" in warned.message
    assert report.metadata["review"] == "required"


def test_the_same_row_printing_its_number_reads_it() -> None:
    report = parse(TEXT.format(last="30").encode(), "ocr.md")
    assert [report.cells[ROW + c].value for c in COLUMNS] == [4, 4, 8, 4, 4, 6, 30]
    assert not [w for w in report.warnings if w.code == "unreadable_cell"]

"""One snippet test per text convention the world hands the parser (issue 8): Markdown whole and broken,
``<table>`` HTML inside Markdown, OCR text, plain text with space runs, single spaces or no separators, and
content-stream order. Each asserts cells against values written by hand here, and the warnings.
"""

from __future__ import annotations

import snippets as s
from conftest import FIXTURES, gold

from parsers import parse
from parsers.conventions import canonicalise

HEADS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _parse(text: str):
    return parse(text.encode("utf-8"), "report.txt")


def _cells(report) -> dict:
    return report.as_json()["cells"]


def _codes(report) -> list[str]:
    return [w.code for w in report.warnings]


def _row(cells: dict, key: str) -> list:
    return [cells[f"applications/{key}/{c}"] for c in COLS]


def _assert_snippet_values(cells: dict) -> None:
    """The values of ``snippets.report()``, written out by hand."""
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/coercion/decisions"] == 7
    assert cells["active/fees/amount"] == 86.45
    assert _row(cells, "new_received") == [5, 2, 0, 0, 1, 0, 8]
    assert _row(cells, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(cells, "granted") == [3, 1, 0, 0, 1, 0, 5]
    assert _row(cells, "unavailable.not_held") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(cells, "other.other") == [0] * 7
    assert _row(cells, "results_total") == [5, 1, 0, 0, 1, 0, 7]
    assert _row(cells, "carried_forward") == [1, 1, 0, 0, 0, 0, 2]
    assert len([k for k in cells if k.startswith("applications/")]) == 25 * 7
    review = [
        cells[f"review_litigation/{r}/{c}"]
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert review == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]


# ------------------------------------------------------------------------------------------ Markdown
def test_markdown_pipe_tables_with_headings() -> None:
    text = s.to_markdown(s.report())
    assert "| 规章 | 0 | 0 | 2 |" in text and "## 三、收到和处理政府信息公开申请情况" in text
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert report.metadata["convention"] == "markdown"
    assert all(c.passed for c in report.checks)
    assert report.metadata["review"] == "none"
    assert [sec.number for sec in report.sections] == [1, 2, 3, 4, 5, 6]


def test_markdown_provenance_points_into_the_published_text() -> None:
    text = s.to_markdown(s.report())
    report = _parse(text)
    cell = report.cells["active/licensing/decisions"]
    assert cell.where is not None
    assert text[cell.where.offset : cell.where.end] == "1,204"
    cell = report.cells["applications/new_received/total"]
    assert cell.where is not None and text[cell.where.offset : cell.where.end] == "8"


def test_markdown_emphasis_br_and_escapes_in_cells() -> None:
    text = s.to_markdown(s.report())
    text = text.replace("| 行政许可 | 1,204 |", "| **行政<br>许可** | 1,204 |").replace("| 3.其他 |", "| 3\\.其他 |")
    report = _parse(text)
    _assert_snippet_values(_cells(report))


def test_a_number_spaced_around_its_decimal_point_is_one_number_and_warned() -> None:
    # docling's HTML backend spaces out inline runs: 86<span>.</span>45 → ``86 . 45`` in its pipe cell
    text = s.to_markdown(s.report())
    assert "| 行政事业性收费 | 86.45 |" in text
    report = _parse(text.replace("| 行政事业性收费 | 86.45 |", "| 行政事业性收费 | 86 . 45 | 86 . 45 |"))
    cell = report.cells["active/fees/amount"]
    assert cell.value == 86.45 and cell.raw == "86 . 45"
    assert any(w.code == "spaced_number" and "'86 . 45' read as 86.45" in w.message for w in report.warnings)
    assert report.metadata["review"] == "suggested"
    # two numbers in one cell are not one number
    two = _parse(text.replace("| 行政事业性收费 | 86.45 |", "| 行政事业性收费 | 86 45 |"))
    assert two.cells["active/fees/amount"].value != 86.45


def test_html_table_embedded_in_markdown() -> None:
    table = s.to_html_table(s.app_table())
    text = s.to_markdown(s.report(apps="")).replace(
        "## 四、政府信息公开行政复议、行政诉讼情况",
        f"## 三、收到和处理政府信息公开申请情况\n\n{table}\n## 四、政府信息公开行政复议、行政诉讼情况",
    )
    assert "<tr><td>一、本年新收政府信息公开申请数量</td><td>5</td>" in text
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_html_table_with_merged_cells_in_markdown() -> None:
    review = (
        "## 四、政府信息公开行政复议、行政诉讼情况\n\n"
        '<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
        '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
        '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
        '<td colspan="5">复议后起诉</td></tr>'
        "<tr>" + "".join(f"<td>{h}</td>" for h in HEADS * 2) + "</tr>"
        "<tr>" + "".join(f"<td>{v}</td>" for v in s.REVIEW_VALUES) + "</tr></table>\n"
    )
    text = s.to_markdown(s.report(review=""))
    text = text.replace("## 五、", review + "\n## 五、")
    report = _parse(text)
    _assert_snippet_values(_cells(report))


def test_html_table_with_two_values_in_one_cell_and_blank_cells() -> None:
    # a table-recognition model missed a column boundary (11 and 1 in one cell) and padded the row's end with a
    # blank cell; the row's own blank cells must stay where they are, not be guessed from the identities
    values = [1, 0, 0, 1, 2, 3, None, None, 1, 4, 0, 0, 0, 0, 0]
    table = s.to_html_table(s.review_table(values))
    printed = "<td>3</td><td></td><td></td><td>1</td><td>4</td>"
    assert printed in table
    table = table.replace(printed, "<td>3</td><td></td><td></td><td>1 4</td>").replace(
        "</td></tr></table>", "</td><td></td></tr></table>"
    )
    text = s.to_markdown(s.report(review="")) + "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + table
    report = _parse(text)
    cells = _cells(report)
    rows = ("review", "litigation_direct", "litigation_after_review")
    cols = ("upheld", "corrected", "other", "pending", "total")
    assert [cells[f"review_litigation/{r}/{c}"] for r in rows for c in cols] == values
    merged = [w for w in report.warnings if w.code == "merged_cell"]
    assert len(merged) == 1 and "1 4 printed in one cell" in merged[0].message
    assert report.metadata["review"] == "suggested"


def test_broken_markdown_table_split_with_repeated_header_and_placeholders() -> None:
    md = s.to_markdown(s.report())
    # the converter ends the table at a page break, prints a running head and the page number, then starts a
    # new pipe table whose header is repeated and whose empty header cells are placeholders
    cut = "| 6.属于四类过程性信息 |"
    head = "| Col1 | 自然人 | 法人或其他组织 | Col4 | Col5 | Col6 | Col7 | 总计 |\n|---|---|---|---|---|---|---|---|\n"
    md = md.replace(cut, f"\n- 3 -\n\n某某旗2023年政府信息公开工作年度报告\n\n{head}{cut}")
    report = _parse(md)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_broken_markdown_header_as_loose_fragments() -> None:
    md = s.to_markdown(s.report())
    md = md.replace(
        "|  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n"
        "|  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |",
        "自然人 法人或其他组织 总计\n商业企科研机社会公法律服其他\n业 构 益组织 务机构",
    )
    assert "商业企科研机社会公" in md
    report = _parse(md)
    _assert_snippet_values(_cells(report))


def test_broken_markdown_label_on_its_own_line_numbers_in_a_labelless_row() -> None:
    md = s.to_markdown(s.report())
    md = md.replace(
        "| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "2.没有现成信息需要另行制作\n\n|  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    report = _parse(md)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_broken_markdown_pipe_row_carrying_the_wrong_label() -> None:
    # the converter put 3.补正后… into the row of 2.没有现成… and printed that label alone above
    md = s.to_markdown(s.report())
    md = md.replace(
        "| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 3.补正后申请内容仍不明确 | 0 |",
        "2.没有现成信息需要另行制作\n| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|  | 0 |",
    )
    report = _parse(md)
    cells = _cells(report)
    assert _row(cells, "unavailable.needs_creation") == [0] * 7
    assert _row(cells, "unavailable.unclear_after_correction") == [0] * 7
    assert all(c.passed for c in report.checks)
    moved = [w for w in report.warnings if w.code == "rows_by_order"]
    assert moved and "unavailable.needs_creation" in moved[0].message
    assert report.metadata["review"] == "suggested"


# ------------------------------------------------------------------------------------------------ OCR
def test_ocr_letters_read_as_digits_are_reported() -> None:
    rows = s.default_rows()
    rows["granted"] = [13, 1, 0, 0, 1, 0, 15]
    rows["new_received"] = [15, 2, 0, 0, 1, 0, 18]
    rows["results_total"] = [15, 1, 0, 0, 1, 0, 17]
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace("（一）予以公开 13 1 0 0 1 0 15", "（一）予以公开 l3 I O o 1 〇 1S")
    label = "一、本年新收政府信息公开申请数量"
    text = text.replace(f"{label} 15 2 0 0 1 0 18", f"{label} 15 2 0 0 l 0 1B")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "granted") == [13, 1, 0, 0, 1, 0, 15]
    assert _row(cells, "new_received") == [15, 2, 0, 0, 1, 0, 18]
    fixed = [w for w in report.warnings if w.code == "ocr_digit"]
    assert any("'1S' read as 15" in w.message for w in fixed)
    assert report.cells["applications/granted/total"].raw == "1S"
    assert all(c.passed for c in report.checks)
    assert report.metadata["review"] == "suggested"


def test_ocr_rows_of_zeros_read_as_letters_in_table_cells() -> None:
    # a table-recognition model's HTML (MinerU-style) whose OCR read every 0 of a row as O: the row label, then
    # nothing but O cells; table 四's label-less data row all O; table 二's 规章 row too
    rows = s.default_rows()
    review = [0] * 15
    text = s.to_markdown(s.report(apps="", review=s.review_table(review)))
    table = s.to_html_table(s.app_table(rows)).replace("<td>0</td>", "<td>O</td>")
    text = text.replace(
        "## 四、政府信息公开行政复议、行政诉讼情况",
        f"## 三、收到和处理政府信息公开申请情况\n\n{table}\n## 四、政府信息公开行政复议、行政诉讼情况",
    )
    text = text.replace("| 0 |", "| O |").replace("| 0 |", "| O |").replace(" 0 |", " O |")
    assert "<td>O</td><td>O</td><td>O</td><td>O</td><td>O</td><td>O</td><td>O</td>" in text
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "other.other") == [0] * 7
    assert _row(cells, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [v for k, v in cells.items() if k.startswith("review_litigation/")] == review
    fixed = [w for w in report.warnings if w.code == "ocr_digit"]
    assert any(w.key == "applications/other.other/total" for w in fixed)
    assert any(w.key == "review_litigation/review/total" for w in fixed)
    assert report.metadata["review"] == "suggested"


def test_ocr_rows_of_zeros_as_letters_printed_with_single_spaces() -> None:
    # OCR text, single spaces: a label (ending in a closing quote) and seven O; table 四's data row alone, all o;
    # and a line laid out by runs of spaces whose wrapped label's rest follows the row's cells
    rows = s.default_rows()
    rows["withheld.three_safeties"] = [0] * 7
    text = s.to_spaces(s.report(apps=s.app_table(rows), review=s.review_table([0] * 15)))
    text = text.replace("3.危及“三安全一稳定” 0 0 0 0 0 0 0", "3.危及“三安全一稳定” O O O O O O O")
    text = text.replace("\n" + " ".join(["0"] * 15) + "\n", "\n" + " ".join(["o"] * 15) + "\n")
    text = text.replace("8.属于行政查询事项 0 0 0 0 0 0 0", "8.属于行   " + "   ".join("O" * 7) + "   政查询事项")
    assert "O   O   政查询事项" in text and " ".join(["o"] * 15) in text
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "withheld.three_safeties") == [0] * 7
    assert _row(cells, "withheld.query_matters") == [0] * 7
    assert [v for k, v in cells.items() if k.startswith("review_litigation/")] == [0] * 15
    fixed = {w.key for w in report.warnings if w.code == "ocr_digit"}
    assert {"applications/withheld.three_safeties/total", "review_litigation/review/total"} <= fixed


def test_a_line_of_two_letter_words_is_not_read_as_digits() -> None:
    # fewer than five cells alone on a line, with no label before them: words, not a row of zeros
    text = s.to_spaces(s.report()) + "\nI\tSO\tOB\n"
    report = _parse(text)
    assert not any(w.code == "ocr_digit" for w in report.warnings)


def test_ocr_wrong_characters_inside_labels_match_by_meaning() -> None:
    text = s.report()
    text = text.replace("5.属于三类内部事务信息", "5.属于三类内部亊务信怠")
    text = text.replace("2.没有现成信息需要另行制作", "2.没有现戍信息需耍另行制做")
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    fuzzy = [w for w in report.warnings if w.code == "fuzzy_label"]
    keys = {"applications/withheld.internal_affairs", "applications/unavailable.needs_creation"}
    assert {w.key for w in fuzzy} == keys
    assert any("5.属于三类内部亊务信怠" in w.message for w in fuzzy)
    assert report.metadata["review"] == "suggested"


def test_ocr_dashes_page_numbers_and_running_heads() -> None:
    review = [None] * 5 + [0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    text = s.to_spaces(s.report(review=s.review_table(review)))
    text = text.replace("\n0 1 0 0 1 0 0 0 0 0\n", "\n一 — 一 - 一 0 1 0 0 1 0 0 0 0 0\n")
    text = text.replace("行政处罚 356\n", "行政处罚 356\n- 2 -\n某某旗2023年政府信息公开工作年度报告\n")
    report = _parse(text)
    cells = _cells(report)
    assert [cells[f"review_litigation/review/{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        None
    ] * 5
    assert cells["review_litigation/litigation_direct/corrected"] == 1
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/coercion/decisions"] == 7


def test_ocr_fullwidth_digits() -> None:
    text = s.to_spaces(s.report()).replace("行政处罚 356", "行政处罚 ３５６")
    assert _cells(_parse(text))["active/penalty/decisions"] == 356


# ------------------------------------------------------------------------------------------ plain text
def test_plain_text_cells_separated_by_runs_of_spaces() -> None:
    text = s.to_spaces(s.report(), sep="    ")
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_plain_text_cells_separated_by_single_spaces() -> None:
    text = s.to_spaces(s.report())
    assert "（一）予以公开 3 1 0 0 1 0 5" in text
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_plain_text_that_lost_blank_cells_around_a_number_makes_review_required() -> None:
    # 3 _ _ 1 4 printed as "3 1 4": the identities hold with the 1 in any of three columns; the tie-break
    # chooses, and the report says which readings tied and that a person must look
    values = [1, 0, 0, 1, 2, 3, None, None, 1, 4, 0, 0, 0, 0, 0]
    report = _parse(s.to_spaces(s.report(review=s.review_table(values))))
    assert "\n1 0 0 1 2 3 1 4 0 0 0 0 0\n" in report.text
    disputed = [w for w in report.warnings if w.code == "ambiguous_value"]
    assert len(disputed) == 1 and disputed[0].key == "review_litigation"
    assert "litigation_direct/pending: blank or 1" in disputed[0].message
    assert "read as the tie-break chose" in disputed[0].message
    assert report.metadata["review"] == "required"
    # where the tied readings differ only in zeros and blanks, the warning stays ``ambiguous`` (suggested)
    report = _parse(s.to_spaces(s.report(review=s.review_table([1, 0, 0, 1, 2, None, 0, 0, 0, 0] + [0] * 5))))
    assert not any(w.code == "ambiguous_value" for w in report.warnings)


def test_ocr_digits_split_by_spaces_are_joined_by_the_identities() -> None:
    rows = s.default_rows()
    rows["granted"] = [13, 1, 0, 0, 1, 0, 15]
    rows["new_received"] = [15, 2, 0, 0, 1, 0, 18]
    rows["results_total"] = [15, 1, 0, 0, 1, 0, 17]
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace("（一）予以公开 13 1 0 0 1 0 15", "（一）予以公开 1 3 1 0 0 1 0 1 5")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "granted") == [13, 1, 0, 0, 1, 0, 15]
    merged = [w for w in report.warnings if w.code == "merged_digits"]
    assert merged and merged[0].key == "applications/granted"
    assert "'1 3' as 13" in merged[0].message and "'1 5' as 15" in merged[0].message
    assert all(c.passed for c in report.checks)
    assert report.metadata["review"] == "suggested"


def test_plain_text_with_no_separators_split_by_the_identities() -> None:
    rows = s.default_rows()
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace("（一）予以公开 3 1 0 0 1 0 5", "（一）予以公开 3100105")
    text = text.replace("2.重复申请 0 0 0 0 0 0 0", "2.重复申请 0000000")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "granted") == [3, 1, 0, 0, 1, 0, 5]
    assert _row(cells, "not_processed.duplicate") == [0] * 7
    split = [w for w in report.warnings if w.code == "split_number"]
    assert {w.key for w in split} == {"applications/granted", "applications/not_processed.duplicate"}
    assert any("'3100105' split as 3 1 0 0 1 0 5" in w.message for w in split)
    assert all(c.passed for c in report.checks)


def test_no_separators_where_the_identities_choose_the_split() -> None:
    # 12 and 10: "1210" has two readings with two parts; the identities keep the one that balances
    rows = s.default_rows()
    rows["new_received"] = [12, 2, 0, 0, 1, 0, 15]
    rows["granted"] = [10, 1, 0, 0, 1, 0, 12]
    rows["results_total"] = [12, 1, 0, 0, 1, 0, 14]
    rows["carried_forward"] = [1, 1, 0, 0, 0, 0, 2]
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace("（一）予以公开 10 1 0 0 1 0 12", "（一）予以公开 101001012")
    report = _parse(text)
    assert _row(_cells(report), "granted") == [10, 1, 0, 0, 1, 0, 12]
    assert "split_number" in _codes(report)


# ------------------------------------------------------------------------------------ content-stream order
RAW_ORDER = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系
为：第一项加第二项之
和，等于第三项加第四
项之和）
申请人情况
自然人
法人或其他组织
总计
商业
企业
科研
机构
社会公
益组织
法律服
务机构
其他
一、本年新收政府信息
公开申请数量
5 2 0 0 1 0 8
二、上年结转政府信息
公开申请数量
1 0 0 0 0 0 1
三、本年度
办理结果
（一）予以公开 3 1 0 0 1 0 5
（二）部分公开（区分
处理的，只计这一情形，
不计其他情形）
0 0 0 0 0 0 0
（三）不予
公开
1.属于国
家秘密
0 0 0 0 0 0 0
2.其他法
律行政法
规禁止公
开
0 0 0 0 0 0 0
3.危
及“三安
全一稳
定”
0 0 0 0 0 0 0
4.保护第
三方合法
权益
0 0 0 0 0 0 0
5.属于三
类内部事
务信息
0 0 0 0 0 0 0
6.属于四
类过程性
信息
0 0 0 0 0 0 0
7.属于行
政执法案
卷
0 0 0 0 0 0 0
8.属于行 0 0 0 0 0 0 0
政查询事
项
（四）无
法提供
1.本机关
不掌握相
关政府信
息
2 0 0 0 0 0 2
2.没有现
成信息需
要另行制
作
0 0 0 0 0 0 0
3.补正后
申请内容
仍不明确
0 0 0 0 0 0 0
（五）不
予处理
1.信访举
报投诉类
申请
0 0 0 0 0 0 0
2.重复申
请
0 0 0 0 0 0 0
3.要求提
供公开出
版物
0 0 0 0 0 0 0
4.无正当
理由大量
反复申请
0 0 0 0 0 0 0
5.要求行
政机关确
认或重新
出具已获
取信息
0 0 0 0 0 0 0
（六）其
他处理
1.申请人
无正当理
由逾期不
补正、行
政机关不
再处理其
政府信息
公开申请
0 0 0 0 0 0 0
2.申请人
逾期未按
收费通知
要求缴纳
费用、行
政机关不
再处理其
政府信息
公开申请
0 0 0 0 0 0 0
3.其他 0 0 0 0 0 0 0
（七）总计 5 1 0 0 1 0 7
四、结转下年度继续办理 1 1 0 0 0 0 2
"""


def test_content_stream_order_with_labels_wrapped_over_lines() -> None:
    """``pdftotext -raw``: cells in the order the PDF draws them, narrow label cells wrapped line by line."""
    text = s.report(apps=RAW_ORDER)
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)


def test_ocr_cell_per_line_with_confusable_cells_and_a_page_number() -> None:
    """Text with one cell per line (a narrow-column extraction), OCR letters alone in their cells."""
    text = s.report()
    cell_per_line = "\n".join(c for line in s.app_table().splitlines() for c in line.split("\t") if c) + "\n"
    cell_per_line = cell_per_line.replace(
        "一、本年新收政府信息公开申请数量\n5\n", "一、本年新收政府信息公开申请数量\nS\n"
    )
    cell_per_line = cell_per_line.replace("（一）予以公开\n3\n1\n0\n", "（一）予以公开\n3\nl\no\n- 2 -\n")
    text = s.report(apps=cell_per_line)
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "new_received") == [5, 2, 0, 0, 1, 0, 8]
    assert _row(cells, "granted") == [3, 1, 0, 0, 1, 0, 5]
    assert {w.message.split(":")[0] for w in report.warnings if w.code == "ocr_digit"} == {
        "applications/new_received/natural_person",
        "applications/granted/commercial",
        "applications/granted/research",
    }
    assert all(c.passed for c in report.checks)


def test_plain_row_with_its_first_number_glued_to_the_label() -> None:
    text = s.to_spaces(s.report()).replace("3.危及“三安全一稳定” 0 0", "3.危及“三安全一稳定”0 0")
    assert "稳定”0 0 0" in text
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    glued = [w for w in report.warnings if w.code == "glued_number"]
    assert glued and glued[0].key == "applications/withheld.three_safeties"


# ------------------------------------------------------------------------- column by column (pdftotext)
def test_text_extracted_column_by_column() -> None:
    """``pdftotext`` without -layout prints a block's labels first, then its values down each column."""
    active = """二、主动公开政府信息情况
第二十条第（一）项
信息内容

本年制发件数

本年废止件数

现行有效件数

规章
行政规范性文件

0
12

0
3

2
85

第二十条第（五）项
信息内容

本年处理决定数量

行政许可
第二十条第（六）项

1,204

信息内容
行政处罚

本年处理决定数量
356

行政强制
第二十条第（八）项

7

信息内容

本年收费金额（单位：万元）

行政事业性收费

86.45
"""
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/coercion/decisions"] == 7
    assert cells["active/fees/amount"] == 86.45
    order = [w for w in report.warnings if w.code == "column_order"]
    assert len(order) == 1 and "rules, normative_docs" in order[0].message


def test_ocr_row_whose_label_is_garbled_beyond_recognition_is_placed_by_template_order() -> None:
    rows = s.default_rows()
    rows["not_processed.duplicate"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 1, 0, 0, 1, 0, 4]
    text = s.to_spaces(s.report(apps=s.app_table(rows))).replace("2.重复申请 1 0", "AAS ERIS EX 1 0")
    report = _parse(text)
    assert _row(_cells(report), "not_processed.duplicate") == [1, 0, 0, 0, 0, 0, 1]
    fuzzy = [w for w in report.warnings if w.code == "fuzzy_label"]
    assert len(fuzzy) == 1 and "AAS ERIS EX" in fuzzy[0].message and "between its neighbours" in fuzzy[0].message


def test_ocr_unreadable_cell_in_a_table_of_wrapped_labels() -> None:
    """A cell OCR could not read (``了`` for 0) is read blank and reported; every other cell stays right."""
    layout = (FIXTURES / "layout" / "004_779f9be447f66d1d.txt").read_text(encoding="utf-8")
    want = gold("004_779f9be447f66d1d")["cells"]
    line = next(ln for ln in layout.splitlines() if ln.rstrip().endswith(" 0") and ln.count(" 0") >= 7)
    damaged = layout.replace(line, line.rstrip()[:-1] + "了", 1)
    report = _parse(damaged)
    got = _cells(report)
    wrong = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
    assert len(wrong) == 1 and next(iter(wrong.values())) == (0, None), wrong
    assert {"unreadable_cell", "missing_cell"} & set(_codes(report))


def test_plain_text_that_lost_a_blank_review_row_keeps_blanks_at_its_start() -> None:
    """Blank cells print nothing in plain text; with no indent to tell, the blanks go where a stripped line
    loses them (its start), and the guess is reported: the blank row is open (each row's total holds wherever it
    goes), a person must look."""
    review = [None] * 5 + [2, 1, 0, 0, 3, 0, 0, 0, 0, 0]
    for text in (
        s.to_spaces(s.report(review=s.review_table(review))),
        s.to_spaces(s.report(review=s.review_table(review)), sep="    "),
    ):
        report = _parse(text)
        cells = _cells(report)
        got = [
            cells[f"review_litigation/{r}/{c}"]
            for r in ("review", "litigation_direct", "litigation_after_review")
            for c in ("upheld", "corrected", "other", "pending", "total")
        ]
        assert got == review
        assert "placement_open" in _codes(report)
        assert report.metadata["review"] == "required"


def test_markdown_from_a_spreadsheet_with_pandas_placeholders() -> None:
    """markitdown on XLSX: ``Unnamed: 3`` headers, ``NaN`` for empty cells (and ``-`` on header lines)."""
    md = s.to_markdown(s.report())
    md = md.replace("|  | 自然人 | 法人或其他组织 |  |", "| Unnamed: 0 | 自然人 | 法人或其他组织 | NaN |")
    md = md.replace(
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |  |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | - |",
    )
    assert "Unnamed: 0" in md and "未经复议直接起诉 | - |" in md
    report = _parse(md)
    _assert_snippet_values(_cells(report))


def test_markdown_labels_listed_then_label_less_rows() -> None:
    rows = s.default_rows()
    rows["unavailable.needs_creation"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 1, 0, 0, 1, 0, 4]
    md = s.to_markdown(s.report(apps=s.app_table(rows)))
    two, three = "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"
    cells_two, cells_three = "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    md = md.replace(
        f"| {two} {cells_two}\n| {three} {cells_three}",
        f"\n{two}\n\n{three}\n\n| {cells_two}\n| {cells_three}",
    )
    assert f"{two}\n\n{three}" in md
    report = _parse(md)
    cells = _cells(report)
    assert _row(cells, "unavailable.needs_creation") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(cells, "unavailable.unclear_after_correction") == [0] * 7
    assert all(c.passed for c in report.checks)


# ------------------------------------------------------------------------------------------ OCR: ruled tables
def _ocr_text(rows: dict[str, list[int | None]]) -> str:
    """The report as OCR prints it: cells apart by runs of spaces, and a table rule read as a bar (``|``) between
    the 三、本年度办理结果 group's cell and its first row's label (Tesseract's ``(四) 无 | 1.本机关 | 974``): the mark
    that tells OCR's text from a text layer's, whose lost cells are blanks printed (``zeros.read_by_ocr``)."""
    text = s.to_spaces(s.report(apps=s.app_table(rows)), sep="   ")
    return text.replace("三、本年度办理结果   （一）予以公开", "三、本年度办理结果 | （一）予以公开", 1)


def _printed(label: str, values: list[int]) -> str:
    return "   ".join([*label.split(), *map(str, values)])


def _consistent(rows: dict[str, list[int | None]]) -> dict[str, list[int | None]]:
    """``rows`` with 总计 the sum of the result rows and 本年新收 what the balance needs: every identity holds."""
    keys = list(rows)
    results = keys[keys.index("granted") : keys.index("results_total")]
    rows["results_total"] = [sum(rows[k][c] or 0 for k in results) for c in range(7)]
    rows["new_received"] = [
        (rows["results_total"][c] or 0) + (rows["carried_forward"][c] or 0) - (rows["carried_over"][c] or 0)
        for c in range(7)
    ]
    return rows


def _ruled_rows() -> dict[str, list[int | None]]:
    rows = s.default_rows()
    rows["withheld.third_party_rights"] = [36, 0, 0, 0, 0, 0, 36]
    rows["unavailable.not_held"] = [974, 30, 0, 7, 5, 3, 1019]
    rows["granted"] = [3, 1, 0, 0, 1, 0, 5]
    rows["carried_forward"] = [1, 1, 0, 0, 0, 0, 2]
    rows["carried_over"] = [5, 0, 0, 0, 0, 0, 5]
    return _consistent(rows)


def _ocr_rows_printed(values: dict[str, list[int | None]], printed: dict[str, tuple[str, str]]) -> tuple[dict, str]:
    """The default rows with ``values`` (the identities made to hold), as OCR prints them, with each row of
    ``printed`` (key → (its label, the text OCR made of its line)) replaced."""
    rows = s.default_rows()
    rows.update(values)
    rows = _consistent(rows)
    text = _ocr_text(rows)
    for key, (label, ocr) in printed.items():
        line = _printed(label, rows[key])
        assert line in text, key
        text = text.replace(line, ocr)
    return rows, text


def test_ocr_rules_glued_to_digits_read_by_the_row_total() -> None:
    """Tesseract on a ruled table prints the rules as ``|``, ``f``, ``.`` or as a ``1`` run into the digits
    (``0 | 36`` → ``10136``): the row is read every way its marks allow, the reading whose total holds (and the
    table's identities allow) taken and reported ``rule_glued`` with the printed text."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(
        _printed("4.保护第三方合法权益", [36, 0, 0, 0, 0, 0, 36]), "4.保护第三方合法权益  36 | 0  0   0   0 10136"
    )
    text = text.replace(
        _printed("1.本机关不掌握相关政府信息", [974, 30, 0, 7, 5, 3, 1019]),
        "1.本机关不掌握相关政府信息  974 | 30 | 0  7  5 |3 f1o19",
    )
    text = text.replace(_printed("（一）予以公开", [3, 1, 0, 0, 1, 0, 5]), "（一）予以公开  3 | 1 0 0  1 .0/5")
    report = _parse(text)
    cells = _cells(report)
    for key in ("withheld.third_party_rights", "unavailable.not_held", "granted", "results_total"):
        assert _row(cells, key) == rows[key], key
    glued = [w for w in report.warnings if w.code == "rule_glued"]
    assert {w.key for w in glued} == {
        "applications/withheld.third_party_rights",
        "applications/unavailable.not_held",
        "applications/granted",
    }
    assert any("'36 | 0 0 0 0 10136' read as 36 0 0 0 0 0 36" in w.message for w in glued)
    assert not any(w.code == "identity_failed" for w in report.warnings)


def test_ocr_rules_glued_row_left_alone_when_no_reading_holds() -> None:
    """A row no reading of its marks makes add up (a digit OCR lost) keeps its plain reading, with its
    identities failed: nothing is invented to make it hold."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(
        _printed("4.保护第三方合法权益", [36, 0, 0, 0, 0, 0, 36]), "4.保护第三方合法权益  3 | 0  0   0   0 10136"
    )
    report = _parse(text)
    assert "rule_glued" not in _codes(report)
    assert "identity_failed" in _codes(report)
    assert _cells(report)["applications/withheld.third_party_rights/natural_person"] != 36


def test_ocr_bar_at_a_number_edge_on_a_ruled_row_is_a_rule() -> None:
    """On a row printed with its rules (two rule marks or more), ``3744|`` is 3744 and a rule, not 37441."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    assert rows["results_total"] == [1013, 31, 0, 7, 6, 3, 1060]
    text = text.replace(_printed("（七）总计", rows["results_total"]), "（七）总计  1013| 31 | 0  7  6 | 3 |1060")
    report = _parse(text)
    assert _row(_cells(report), "results_total") == rows["results_total"]
    assert "rule_glued" not in _codes(report)  # read so by the tokens, no row read again


def test_ocr_bar_at_a_number_edge_on_a_row_of_two_rule_marks_is_a_rule() -> None:
    """Two rule marks on a row (``|``, ``{``) are enough to read a ``|`` touching a number as the rule
    (Tesseract prints a 1 as ``1``); a speck between the rule and the digits (``|.241``) goes with the rule."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(_printed("（七）总计", rows["results_total"]), "（七）总计  1013| 31   0  7  6  3  {1060")
    text = text.replace(
        _printed("1.本机关不掌握相关政府信息", [974, 30, 0, 7, 5, 3, 1019]),
        "1.本机关不掌握相关政府信息  |.974  30 | 0  7  5  3  1019",
    )
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "results_total") == rows["results_total"]
    assert _row(cells, "unavailable.not_held") == rows["unavailable.not_held"]
    assert not any(w.code == "identity_failed" for w in report.warnings)
    assert any(
        w.code == "ocr_digit" and "1013 printed against a table rule" in w.message and "not as a 1" in w.message
        for w in report.warnings
    )


def test_ocr_bar_at_a_number_edge_alone_on_its_row_stays_a_one() -> None:
    """One ``|`` alone on a row is no sign of rules: ``|25`` stays 125 (an OCR'd 1), reported ``ocr_digit``."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(
        _printed("二、上年结转政府信息公开申请数量", rows["carried_over"]),
        "二、上年结转政府信息公开申请数量   5   0   0   0   0   0   |5",
    )
    report = _parse(text)
    assert _cells(report)["applications/carried_over/total"] == 15
    assert any(w.code == "ocr_digit" and "'|5' read as 15" in w.message for w in report.warnings)


def test_ocr_bar_at_a_number_edge_in_a_text_printing_its_rules_is_a_rule() -> None:
    """A text whose tables print their rules (a ``|`` alone between cells on a few lines, as Tesseract prints a
    ruled table): there ``|5`` on a line with no other rule mark is the rule and 5, not 15."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    for label in ("3.危及“三安全一稳定”", "5.属于三类内部事务信息", "6.属于四类过程性信息"):
        printed = _printed(label, rows[next(k for k, lab in s.APP_LABELS if lab.endswith(label))])
        assert printed in text, label
        text = text.replace(printed, printed.replace(label + "   ", label + " | "))
    text = text.replace(
        _printed("二、上年结转政府信息公开申请数量", rows["carried_over"]),
        "二、上年结转政府信息公开申请数量   5   0   0   0   0   0   |5",
    )
    report = _parse(text)
    assert _row(_cells(report), "carried_over") == rows["carried_over"]
    assert "rule_glued" not in _codes(report)  # read so by the tokens, no row read again by its total
    assert not any(w.code == "identity_failed" for w in report.warnings)


def test_ocr_all_zero_row_printed_short_is_read_as_zeros_by_the_column_totals() -> None:
    """``4.保护第三方合法权益 0 0 0 0 0``: five of seven cells printed, every one 0. The 总计 row is read whole and
    holds, and each column's other cells add up to its total: the two lost cells can only be 0 (``deduced_zero``,
    naming them). A row printing a number other than 0 is left with its blanks."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(
        _printed("4.保护第三方合法权益", [36, 0, 0, 0, 0, 0, 36]), "4.保护第三方合法权益   0   0   0   0   0"
    )
    rows["withheld.third_party_rights"] = [0] * 7
    rows = _consistent(rows)
    text = text.replace(
        _printed("（七）总计", _ruled_rows()["results_total"]), _printed("（七）总计", rows["results_total"])
    )
    text = text.replace(
        _printed("一、本年新收政府信息公开申请数量", _ruled_rows()["new_received"]),
        _printed("一、本年新收政府信息公开申请数量", rows["new_received"]),
    )
    text = text.replace(_printed("3.其他", [0] * 7), "3.其他   0   0   0   0   0   0", 1)
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "withheld.third_party_rights") == [0] * 7
    deduced = [w for w in report.warnings if w.code == "deduced_zero"]
    assert len(deduced) == 2 and all("read as 0" in w.message for w in deduced)
    assert report.metadata["review"] == "suggested"


def test_text_layer_all_zero_row_printed_short_is_not_read_as_zeros() -> None:
    """The same row in text with no mark of OCR (a text layer's: pypdf, pdfplumber): it loses no digit, so the two
    cells it lacks were printed empty, blanks the report published; nothing says which two, and the row is left
    blank (``placement_open``), not filled with zeros. With the template's brackets read half as ASCII ones
    (RapidOCR's ``形)``) the text is OCR's again, and the row is deduced."""
    rows = _ruled_rows()
    rows["withheld.third_party_rights"] = [0] * 7
    rows = _consistent(rows)
    text = s.to_spaces(s.report(apps=s.app_table(rows)), sep="   ")
    assert "|" not in text
    text = text.replace(_printed("4.保护第三方合法权益", [0] * 7), "4.保护第三方合法权益   0   0   0   0   0")
    report = _parse(text)
    assert _row(_cells(report), "withheld.third_party_rights") == [None] * 7
    assert not {"deduced_zero", "zero_row"} & set(_codes(report))
    (refused,) = [w for w in report.warnings if w.code == "placement_open"]
    assert refused.key == "applications/withheld.third_party_rights" and "5 values (0 0 0 0 0)" in refused.message
    assert report.metadata["review"] == "required"
    ocr = text.replace("不计其他情形）", "不计其他情形)", 1)
    report = _parse(ocr)
    assert _row(_cells(report), "withheld.third_party_rights") == [0] * 7
    assert "deduced_zero" in _codes(report) and "placement_open" not in _codes(report)


def test_ocr_short_row_with_a_number_keeps_its_blanks() -> None:
    """A short row that prints a number other than 0 is not filled: its lost cells may hold the rest."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(_printed("（一）予以公开", [3, 1, 0, 0, 1, 0, 5]), "（一）予以公开   3   1   0   0   1")
    report = _parse(text)
    assert "deduced_zero" not in _codes(report)
    assert None in _row(_cells(report), "granted")


def test_ocr_row_of_zeros_printed_short_without_confirmed_totals_is_a_guessed_row_of_zeros() -> None:
    """The 总计 row itself printed short: no total is confirmed. A row printing three zeros and no other digit on
    its line is read as a row of zeros (``zero_row``, a guess naming the cells); one with a digit OCR could not
    place (``7/0``: a lost cell that is not 0), or printing fewer zeros, keeps its blanks."""
    rows = _ruled_rows()
    rows["not_processed.publication"] = [7, 0, 0, 0, 0, 0, 7]
    rows = _consistent(rows)
    text = _ocr_text(rows)
    total = _printed("（七）总计", rows["results_total"])
    assert total in text
    text = text.replace(total, "（七）总计   " + "   ".join(map(str, rows["results_total"][:5])))
    text = text.replace(_printed("3.危及“三安全一稳定”", [0] * 7), "3.危及“三安全一稳定”   0   0   0")
    text = text.replace(
        _printed("3.要求提供公开出版物", rows["not_processed.publication"]), "3.要求提供公开出版物   7/0   0   0   0"
    )
    text = text.replace(_printed("2.重复申请", [0] * 7), "2.重复申请   0   0")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "withheld.three_safeties") == [0] * 7
    guessed = [w for w in report.warnings if w.code == "zero_row"]
    assert [w.key for w in guessed] == ["applications/withheld.three_safeties"]
    assert "a guess" in guessed[0].message and "research, social_org, legal_service, other_org" in guessed[0].message
    assert None in _row(cells, "not_processed.publication")
    assert _row(cells, "not_processed.duplicate").count(None) == 5
    assert "deduced_zero" not in _codes(report)
    assert report.metadata["review"] != "none"


def test_ocr_lookalike_cell_read_when_the_row_total_holds() -> None:
    """``li`` for 11 in a cell alone: read as 11 only because the row's total then holds (``ocr_digit``)."""
    rows = s.default_rows()
    rows["withheld.state_secret"] = [5, 1, 0, 1, 0, 11, 18]
    rows["results_total"] = [8, 2, 0, 1, 1, 11, 23]
    rows["new_received"] = [8, 3, 0, 1, 1, 11, 24]
    text = _ocr_text(rows)
    text = text.replace(
        _printed("1.属于国家秘密", [5, 1, 0, 1, 0, 11, 18]), "1.属于国家秘密   5   1   0   1   0   li   18"
    )
    report = _parse(text)
    assert _row(_cells(report), "withheld.state_secret") == rows["withheld.state_secret"]
    assert any(w.code == "ocr_digit" and "'li' read as 11" in w.message for w in report.warnings)


def test_ocr_wrapped_label_whose_rest_was_lost_matches_by_its_start() -> None:
    """Only a label's first line survived (``1.本机关``; the rest of the narrow cell lost), with two rows missing
    around it: matched by the template label's start and its numbering, reported ``fuzzy_label``."""
    rows = s.default_rows()
    text = _ocr_text(rows)
    text = text.replace(
        _printed("（四）无法提供 1.本机关不掌握相关政府信息", [2, 0, 0, 0, 0, 0, 2]),
        "（四）无   1.本机关   2   0   0   0   0   0   2",
    )
    text = text.replace(_printed("7.属于行政执法案卷", [0] * 7) + "\n", "").replace(
        _printed("8.属于行政查询事项", [0] * 7) + "\n", ""
    )
    report = _parse(text)
    assert _row(_cells(report), "unavailable.not_held") == [2, 0, 0, 0, 0, 0, 2]
    fuzzy = [w for w in report.warnings if w.code == "fuzzy_label" and "not_held" in (w.key or "")]
    assert len(fuzzy) == 1 and "1.本机关" in fuzzy[0].message
    assert {"applications/withheld.enforcement_files", "applications/withheld.query_matters"} <= {
        w.key for w in report.warnings if w.code == "missing_row"
    }


def test_ocr_table_two_whose_first_block_title_was_lost() -> None:
    """OCR dropped the ``第二十条第（一）项`` line and misread the other blocks' numerals (（六） → (A)): the
    table starts at its title, each row keeps its own columns."""
    text = s.to_spaces(s.report())
    text = text.replace("第二十条第（一）项\n", "").replace("第二十条第（六）项", "第二十条第 (A) 项")
    text = text.replace("第二十条第（八）项", "第二十条第 〈八) 项")
    report = _parse(text)
    cells = _cells(report)
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/fees/amount"] == 86.45
    assert not [w for w in report.warnings if w.key and w.key.startswith("active/")]


def test_ocr_garbled_numbering_and_a_group_heading_before_a_garbled_label() -> None:
    """``Ce) 总计``: OCR misread （七） — the numbering is set aside and the rest matches; ``(=)   AARP =i``: a
    group heading before a row label garbled beyond recognition, the only row missing between its neighbours."""
    rows = s.default_rows()
    text = _ocr_text(rows)
    garbled = "Ce) 总计   " + "   ".join(map(str, rows["results_total"]))  # one cell: a single space inside
    text = text.replace(_printed("（七）总计", rows["results_total"]), garbled)
    text = text.replace(
        _printed("4.保护第三方合法权益", rows["withheld.third_party_rights"]),
        "(=)   AARP =i Aik at   " + "   ".join(map(str, rows["withheld.third_party_rights"])),
    )
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "results_total") == rows["results_total"]
    assert _row(cells, "withheld.third_party_rights") == rows["withheld.third_party_rights"]
    fuzzy = {w.key: w.message for w in report.warnings if w.code == "fuzzy_label"}
    assert "'Ce) 总计'" in fuzzy["applications/results_total"]
    assert "AARP" in fuzzy["applications/withheld.third_party_rights"]
    assert "between its neighbours" in fuzzy["applications/withheld.third_party_rights"]


def test_ocr_table_three_whose_title_is_named_in_the_introduction() -> None:
    """The introduction names the sections (…收到和处理政府信息公开申请情况…) and OCR misread the first row's
    本 (``林年新收``): table 三 is still the one under its own title, table 二 before it read whole."""
    rows = s.default_rows()
    text = _ocr_text(rows)
    text = text.replace(
        "一、总体情况", "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容。\n一、总体情况"
    )
    text = text.replace("一、本年新收政府信息公开申请数量", "二、林年新收政府信息公开让请数量")
    report = _parse(text)
    cells = _cells(report)
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert cells["active/fees/amount"] == 86.45
    assert _row(cells, "new_received") == rows["new_received"]
    assert not [w for w in report.warnings if w.code == "missing_row"]


def test_ocr_review_row_with_lookalikes_and_rules_glued() -> None:
    """Table 四's row as OCR prints it: ``il`` for 11 among numbers, a rule read as ``/``, ``)`` or a ``1``
    inside bars (``|132|`` for 32): the only reading whose three row totals hold, reported."""
    review = [76, 29, 21, 12, 138, 13, 4, 4, 11, 32, 13, 0, 0, 11, 24]
    keys = [
        f"review_litigation/{r}/{c}"
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    plain = "   ".join(map(str, review))
    base = s.to_spaces(s.report(review=s.review_table(review)), sep="   ")
    assert plain in base
    for printed, code in (
        ("76   29   21   12   138   13   4   4   il   32   13   0   0   il   24", "ocr_digit"),
        ("76   29   21   12/138) 13   4   4   11 |132| 13   0   0   11 | 24", "rule_glued"),
    ):
        report = _parse(base.replace(plain, printed))
        cells = _cells(report)
        assert [cells[k] for k in keys] == review, printed
        assert code in _codes(report)
        assert "identity_failed" not in _codes(report)


def test_ocr_short_rows_placed_by_the_gaps_their_lost_cells_left() -> None:
    """OCR lost the zeros of two columns in every row (``11      2            1      0   14``): each row's
    values go where its printed line keeps the lost cells' room, when the identities then leave that row one
    placement (``placed_by_identities``); the lost cells stay blank."""
    rows = s.default_rows()
    rows["withheld.query_matters"] = [11, 2, 0, 1, 0, 0, 14]
    rows["withheld.state_secret"] = [5, 1, 0, 1, 0, 0, 7]
    rows = _consistent(rows)
    text = _ocr_text(rows)
    for key, label in (("withheld.query_matters", "8.属于行政查询事项"), ("withheld.state_secret", "1.属于国家秘密")):
        v = rows[key]
        lost = f"{label}   {v[0]}   {v[1]}          {v[3]}          {v[5]}   {v[6]}"  # research, legal_service lost
        text = text.replace(_printed(label, v), lost)
    report = _parse(text)
    cells = _cells(report)
    for key in ("withheld.query_matters", "withheld.state_secret"):
        v = rows[key]
        assert _row(cells, key) == [v[0], v[1], None, v[3], None, v[5], v[6]], key
    placed = [w for w in report.warnings if w.code == "placed_by_identities"]
    assert len(placed) == 2 and all("gaps in the printed row" in w.message for w in placed)


def test_ocr_numbering_whose_dot_was_lost() -> None:
    """``3 要求提供公开出版物`` and ``4 无正当理由大量反复申请`` (OCR dropped the dots): each row keeps its own
    label; a group heading on the line before does not join the next row's label."""
    rows = s.default_rows()
    rows["not_processed.publication"] = [7, 0, 0, 0, 0, 0, 7]
    rows["not_processed.excessive"] = [3, 0, 0, 0, 0, 0, 3]
    rows = _consistent(rows)
    text = _ocr_text(rows)
    text = text.replace(
        _printed("3.要求提供公开出版物", rows["not_processed.publication"]),
        "(五)   3 要求提供公开出版物   " + "   ".join(map(str, rows["not_processed.publication"])) + "\n不予处",
    )
    text = text.replace(
        _printed("4.无正当理由大量反复申请", rows["not_processed.excessive"]),
        "4 无正当理由大量反复申请   " + "   ".join(map(str, rows["not_processed.excessive"])),
    )
    # a lone zero OCR lost elsewhere: the values no longer fill the table in order (no stream reading)
    confirm = "5.要求行政机关确认或重新出具已获取信息"
    text = text.replace(_printed(confirm, [0] * 7), _printed(confirm, [0] * 6))
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "not_processed.publication") == rows["not_processed.publication"]
    assert _row(cells, "not_processed.excessive") == rows["not_processed.excessive"]
    assert "missing_row" not in _codes(report) and "stream_order" not in _codes(report)


def test_a_wrong_published_total_is_kept_where_no_rules_are_printed() -> None:
    """``1 1 0 0 0 0 12``: reading the 1 of 12 as a rule would make the row add up, but the text prints no rules
    (plain text, or OCR text without rule marks): the published total is kept and its identity fails."""
    rows = s.default_rows()
    rows["withheld.state_secret"] = [1, 1, 0, 0, 0, 0, 2]
    rows = _consistent(rows)
    for text in (s.report(apps=s.app_table(rows)), _ocr_text(rows)):
        line = next(ln for ln in text.splitlines() if "属于国家秘密" in ln)
        report = _parse(text.replace(line, line[: line.rstrip().rfind("2")] + "12"))
        assert _row(_cells(report), "withheld.state_secret") == [1, 1, 0, 0, 0, 0, 12]
        assert "rule_glued" not in _codes(report)
        assert "identity_failed" in _codes(report)


def test_ocr_rows_garbled_in_a_run_are_read_in_template_order() -> None:
    """Two consecutive rows whose labels OCR garbled beyond recognition, two label lines with values between
    the rows found around them: read in the template's order, each a ``fuzzy_label`` warning."""
    rows = s.default_rows()
    rows["withheld.enforcement_files"] = [8, 0, 0, 1, 0, 0, 9]
    rows["withheld.query_matters"] = [11, 2, 0, 1, 0, 0, 14]
    rows = _consistent(rows)
    text = _ocr_text(rows)
    for key, label, garbled in (
        ("withheld.enforcement_files", "7.属于行政执法案卷", "BALA at"),
        ("withheld.query_matters", "8.属于行政查询事项", "Hl qi"),
    ):
        text = text.replace(_printed(label, rows[key]), garbled + "   " + "   ".join(map(str, rows[key])))
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "withheld.enforcement_files") == rows["withheld.enforcement_files"]
    assert _row(cells, "withheld.query_matters") == rows["withheld.query_matters"]
    fuzzy = [w for w in report.warnings if w.code == "fuzzy_label"]
    assert len(fuzzy) == 2 and all("template order" in w.message for w in fuzzy)


def test_ocr_lines_between_bars_without_a_markdown_rule_are_not_markdown() -> None:
    """Tesseract prints a ruled table's outer rules as ``|`` at both ends of a row (``| 8.属于行政查询事项|0 fo |``):
    with no ``|---|`` rule row and no ``#`` heading the text is not Markdown, and the bars are read as rules."""
    rows = s.default_rows()
    barred = {"withheld.query_matters": "8.属于行政查询事项", "unavailable.not_held": "1.本机关不掌握相关政府信息"}
    for key in (*barred, "carried_forward"):
        rows[key] = [0] * 7
    rows = _consistent(rows)
    text = _ocr_text(rows)
    for key, label in barred.items():
        text = text.replace(_printed(label, rows[key]), f"| {label}|0 fo fo lo lo 0 lo |")
    assert canonicalise(text).convention == "layout"  # not Markdown: no |---| rule row, no heading
    text = text.replace(_printed("四、结转下年度继续办理", [0] * 7), "四、结转下年度继续办理 “|0 |0 |0 jo lo lo lo |")
    report = _parse(text)
    cells = _cells(report)
    for key in ("withheld.query_matters", "unavailable.not_held", "carried_forward"):
        assert _row(cells, key) == [0] * 7, key
    assert not any(w.code == "identity_failed" for w in report.warnings)


def test_ocr_lettered_rule_and_zero_read_as_a_zero_cell_by_the_row_total() -> None:
    """``lo`` (a cell's 0 read as the letter o, the rule beside it as l) on a row whose total fails with it read as
    10: read again by the table's rules, the reading whose total holds taken (``rule_glued``), the ``l`` a rule."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    assert rows["withheld.third_party_rights"] == [36, 0, 0, 0, 0, 0, 36]
    printed = _printed("4.保护第三方合法权益", rows["withheld.third_party_rights"])
    text = text.replace(printed, "4.保护第三方合法权益  36 | lo 0 | lo lo lo |36")
    for key, label in (("granted", "（一）予以公开"), ("carried_forward", "四、结转下年度继续办理")):
        printed = _printed(label, rows[key])
        text = text.replace(printed, printed.replace("   ", " | "))  # a table printed with its rules
    report = _parse(text)
    assert _row(_cells(report), "withheld.third_party_rights") == [36, 0, 0, 0, 0, 0, 36]
    assert any(w.code == "rule_glued" and "36 0 0 0 0 0 36" in w.message for w in report.warnings)


def test_ocr_garbled_labels_placed_by_order_after_their_neighbours_are_matched() -> None:
    """A row whose label OCR garbled (``2.88 ig``) between a row found by its pattern and one found only by
    meaning (``3 要求提供公开出版和``): the neighbour is matched first, then the garbled line is the only row
    between them (``fuzzy_label``, template order)."""
    rows, text = _ocr_rows_printed(
        {"not_processed.duplicate": [40, 0, 0, 1, 0, 0, 41], "not_processed.publication": [7, 0, 0, 0, 0, 0, 7]},
        {
            "not_processed.duplicate": ("2.重复申请", "2.88 ig   40   0   0   1   0   0   41"),
            "not_processed.publication": ("3.要求提供公开出版物", "3 要求提供公开出版和   7   0   0   0   0   0   7"),
        },
    )
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "not_processed.duplicate") == rows["not_processed.duplicate"]
    assert _row(cells, "not_processed.publication") == rows["not_processed.publication"]
    fuzzy = {w.key: w.message for w in report.warnings if w.code == "fuzzy_label"}
    assert "'2.88 ig'" in fuzzy["applications/not_processed.duplicate"]
    assert "neighbours" in fuzzy["applications/not_processed.duplicate"]


def test_ocr_first_row_with_a_garbled_label_placed_by_order() -> None:
    """Table 三's first row with its label garbled (``RETIN HE APPR``) and its second row found: the one line
    between the header and the second row that prints values is the first row (``fuzzy_label``); the header's
    lines, which print no numbers, are not."""
    rows = _consistent(s.default_rows())
    text = _ocr_text(rows)
    printed = _printed("一、本年新收政府信息公开申请数量", rows["new_received"])
    assert printed in text
    text = text.replace(printed, "RETIN HE APPR   " + "   ".join(map(str, rows["new_received"])))
    report = _parse(text)
    assert _row(_cells(report), "new_received") == rows["new_received"]
    assert any(w.code == "fuzzy_label" and "'RETIN HE APPR'" in w.message for w in report.warnings)


def test_ocr_numbered_unknown_label_ends_the_row_before_it() -> None:
    """OCR prints a narrow label column's first line garbled (``5.Hx Wk``) with the row's values after it and
    the rest of the label below (``类内部事务信息``, where the row is found): the numbered line is the start of
    the next row, so the row above does not take its values (``unknown_row``)."""
    _, text = _ocr_rows_printed(
        {"withheld.third_party_rights": [36, 0, 0, 0, 0, 0, 36], "withheld.internal_affairs": [40, 4, 0, 0, 0, 0, 44]},
        {
            "withheld.third_party_rights": ("4.保护第三方合法权益", "4.保护第三方合法权益   36   36"),
            "withheld.internal_affairs": (
                "5.属于三类内部事务信息",
                "5.Hx Wk   40   4   44\n总计\n0   6\n类内部事务信息",
            ),
        },
    )
    report = _parse(text)
    row = _row(_cells(report), "withheld.third_party_rights")
    assert not {40, 4, 44} & set(row), row
    assert any(w.code == "unknown_row" and "'5.Hx Wk'" in w.message for w in report.warnings)


def test_ocr_ruled_row_with_doubled_zeros_and_cells_run_into_its_label() -> None:
    """A ruled row as Tesseract prints it: ``0o`` (a cell's 0 printed twice, or two cells whose rule was lost:
    no number is 00), its first cell ``fo`` run into the label with a single space. Read by the table's rules,
    the one reading whose row total holds taken (``rule_glued``)."""
    rows = _ruled_rows()
    rows["withheld.enforcement_files"] = [0] * 7
    rows["withheld.query_matters"] = [0] * 7
    rows["withheld.third_party_rights"] = [0] * 7
    rows = _consistent(rows)
    text = _ocr_text(rows)
    printed = {
        "withheld.enforcement_files": ("7.属于行政执法案卷", "| 7.属于行政执法案卷 fo | oo fo | 0o | 0o |olo"),
        "withheld.query_matters": ("8.属于行政查询事项", "8.属于行政查询事项 |0|0|o| 0o | 0o |olo"),
        "withheld.third_party_rights": ("4.保护第三方合法权益", "| 4保护第三方合法权益 fo | o fo | 0 | 0 |olo"),
    }
    for key, (label, ocr) in printed.items():
        text = text.replace(_printed(label, rows[key]), ocr)
    report = _parse(text)
    cells = _cells(report)
    glued = {w.key for w in report.warnings if w.code == "rule_glued"}
    for key in printed:
        assert _row(cells, key) == [0] * 7, key
        assert f"applications/{key}" in glued


def test_ocr_short_row_of_table_two_is_left_blank_not_guessed() -> None:
    """Table 二 has no identity over a row's cells: a row OCR printed with a cell lost (``行政规范性文件 12 385``,
    3 and 85 run together) gives no way to say which cells its values are. The row is left blank with a
    ``cells_unplaced`` warning naming what it printed — never shifted into the wrong columns — while a whole
    row beside it is read."""
    text = _ocr_text(s.default_rows()).replace("行政规范性文件   12   3   85", "行政规范性文件   12   385")
    report = _parse(text)
    cells = _cells(report)
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [None] * 3
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert any(w.code == "cells_unplaced" and "(12 385)" in w.message for w in report.warnings)
    assert report.metadata["review"] != "none"


def test_ocr_table_four_whose_numbers_were_lost_takes_none_from_the_paragraphs_after_it() -> None:
    """OCR lost table 四's row and the heading of section 五: the paragraphs that follow print numbers of their
    own (``提案办理结果信息 1421`` at a line's end). Table 四 ends at the first paragraph of prose, its cells
    blank and reported, never filled from the text after it."""
    text = _ocr_text(s.default_rows())
    row = "   ".join(map(str, s.REVIEW_VALUES))
    assert row in text
    text = text.replace(row + "\n", "").replace(
        "五、存在的主要问题及改进情况\n",
        "（一）存在的问题。部分基层政府门户网站第一平台作用发挥不足，个别地区仍未按照国家规范要求建设专栏。\n"
        "开工作，自治区政府及部门在本单位政府网站公开人大代表建议和政协提案办理结果信息 1421\n条。\n",
    )
    report = _parse(text)
    cells = _cells(report)
    assert {v for k, v in cells.items() if k.startswith("review_litigation/")} == {None}
    assert "missing_table" in _codes(report)  # no value of it printed: the table said missing (version 108)
    assert report.metadata["review"] == "required"


def test_ocr_garbled_label_after_a_row_whose_label_wrapped_onto_its_values_line() -> None:
    """The row before printed its label over two lines, its values on the second (``5 要求行政机关确认或重新出具``
    / ``已获取信息 1 0 …``); the next row's label is garbled (``Ce sea nc``) and only its middle survives on its
    values line. The wrapped rest of the row before is not a candidate: the garbled row is the only row between
    its neighbours (``fuzzy_label``)."""
    rows = s.default_rows()
    rows["not_processed.confirm_existing"] = [1, 0, 0, 0, 0, 0, 1]
    rows["other.no_correction"] = [27, 3, 0, 0, 0, 0, 30]
    rows = _consistent(rows)
    text = _ocr_text(rows)
    confirm = _printed("5.要求行政机关确认或重新出具已获取信息", rows["not_processed.confirm_existing"])
    text = text.replace(confirm, "5 要求行政机关确认或重新出具\n已获取信息   1   0   0   0   0   0   1")
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    printed = next(ln for ln in text.splitlines() if label in ln)
    values = "   ".join(map(str, rows["other.no_correction"]))
    text = text.replace(printed, "Ce sea nc\n其他处 |正、行政机关不再处理其玫府信|   " + values + "\n理   息公开申请")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "other.no_correction") == rows["other.no_correction"]
    assert _row(cells, "not_processed.confirm_existing") == rows["not_processed.confirm_existing"]
    assert any(w.code == "fuzzy_label" and w.key == "applications/other.no_correction" for w in report.warnings)


def test_ocr_zero_between_rules_read_as_101_in_a_row_that_lost_cells_is_left_blank() -> None:
    """``6 属于四类过程性信息   0) 0 1010   0``: a row that lost cells, with ``1010`` (0s between rules OCR read as
    1s, or a number): no reading of the row adds up, so that cell is left blank (``rule_or_digit``), not placed
    as 1010; the row's other values stay."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    process = _printed("6.属于四类过程性信息", rows["withheld.process_info"])
    text = text.replace(process, "6 属于四类过程性信息   0   0 1010   0")
    query = _printed("8.属于行政查询事项", rows["withheld.query_matters"])
    text = text.replace(query, "8.属于行政查询事项   0   0 |10|1   0")  # a bar inside: not read as 10110
    report = _parse(text)
    row = _row(_cells(report), "withheld.process_info")
    assert 1010 not in row and row.count(0) == 3
    assert 10110 not in _row(_cells(report), "withheld.query_matters")
    assert any(w.code == "rule_or_digit" and "'1010'" in w.message for w in report.warnings)
    # the bar at its edge is the rule (two on the row), the one inside is in doubt
    assert any(w.code == "rule_or_digit" and "'10|1'" in w.message for w in report.warnings)
    assert report.metadata["review"] != "none"


# ------------------------------------------------------------------------- OCR-service text boxes (issue 8)
def _boxes(text: str, width: int = 4) -> str:
    """A TAB report as an OCR service's boxes printed one per line in engine order: each label cell wrapped every
    ``width`` characters (a narrow column), its first line on the level of the row's numbers, the rest below."""
    out: list[str] = []
    for line in text.splitlines():
        cells = [c for c in line.split("\t") if c]
        labels = [c for c in cells if not c.lstrip("-").isdigit()]
        numbers = [c for c in cells if c.lstrip("-").isdigit()]
        if not numbers:
            out.extend(cells)
            continue
        wrapped = [[c[k : k + width] for k in range(0, len(c), width)] for c in labels]
        out.extend(w[0] for w in wrapped)
        out.extend(numbers)
        for level in range(1, max((len(w) for w in wrapped), default=1)):
            out.extend(w[level] for w in wrapped if level < len(w))
    return "\n".join(out) + "\n"


def test_ocr_service_boxes_one_per_line_rejoined_into_rows() -> None:
    """One OCR box per line (Baidu's words_result, Umi-OCR's default): a row is its label's first line, one
    line per number, then the rest of its label; the numbers are put back on the label's line, and warned."""
    text = _boxes(s.report())
    assert "2.其他\n0\n0\n0\n0\n0\n0\n0\n法律行政\n" in text
    report = _parse(text)
    _assert_snippet_values(_cells(report))
    assert all(c.passed for c in report.checks)
    assert report.metadata["convention"] == "boxes"
    rejoined = [w for w in report.warnings if w.code == "boxes_rejoined"]
    assert len(rejoined) == 1 and "runs of number lines joined" in rejoined[0].message
    assert report.metadata["review"] == "suggested"
    # provenance points into the published text: the number's own line
    where = report.cells["applications/granted/total"].where
    assert where is not None and text[where.offset : where.end] == "5"
    assert text[where.offset - 1] == "\n"


def test_ocr_service_boxes_with_a_lost_cell_leave_it_blank() -> None:
    """A box the engine did not find (a row one number short): one cell of the row stays blank, warned; the
    rows after it keep their own numbers (none is pulled up into the short row). OCR's text: a rule read as a bar
    on a line of its own in the table. The same text with no mark of OCR is a text layer's, whose missing cell
    was printed empty: which cell it was is not in the text, and the cells the placements the identities like alike
    differ in (0 or blank) are left blank (``placement_open``); those every placement reads alike are kept (version
    92 left the row blank whole)."""
    rows = s.default_rows()
    rows["withheld.internal_affairs"] = [40, 4, 0, 0, 0, 0, 44]
    rows["new_received"] = [44, 6, 0, 0, 1, 0, 51]
    rows["results_total"] = [44, 5, 0, 0, 1, 0, 50]
    text = _boxes(s.report(apps=s.app_table(rows)))
    assert "5.属于\n40\n4\n0\n0\n0\n0\n44\n" in text
    text = text.replace("5.属于\n40\n4\n0\n0\n0\n0\n44\n", "5.属于\n40\n4\n0\n0\n0\n44\n")
    for ocr in (True, False):
        report = _parse(text.replace("\n国家秘密\n", "\n国家秘密\n|\n", 1) if ocr else text)
        cells = _cells(report)
        assert _row(cells, "granted") == [3, 1, 0, 0, 1, 0, 5]
        assert _row(cells, "withheld.process_info") == [0] * 7
        row = _row(cells, "withheld.internal_affairs")
        if ocr:
            assert row.count(None) == 1 and [v for v in row if v is not None] == [40, 4, 0, 0, 0, 44]
            assert not [w for w in report.warnings if w.code == "placement_open"]
        else:
            # (this table's results do not add up to its 总计 row: the kept 40 and 44 fail an identity on a reading in
            # doubt and are left blank too, placement_unconfirmed); no cell holds a number other than its own
            assert all(v is None or v == want for v, want in zip(row, [40, 4, 0, 0, 0, 0, 44], strict=True))
            assert row[1] == 4 and row[2:6] == [None] * 4
            (refused,) = [w for w in report.warnings if w.code == "placement_open"]
            assert refused.key == "applications/withheld.internal_affairs" and "40 4 0 0 0 44" in refused.message
            assert "kept (natural_person, commercial, total)" in refused.message
        key = "applications/withheld.internal_affairs"
        assert any(w.code == "missing_cell" and w.key == key for w in report.warnings)
        assert report.metadata["review"] == "required"


def test_numbers_between_blank_lines_are_not_box_per_line() -> None:
    """``pdftotext``'s default mode prints each number between blank lines, or two rows' numbers in pairs; a TAB
    text may print each cell on a line of its own (``\t133``): none of them is taken for boxes."""
    text = "\n\n".join(_boxes(s.report()).splitlines()) + "\n"
    assert canonicalise(text).convention != "boxes"
    paired = "\n".join(f"{line}\n{line}" if line.isdigit() else line for line in text.split("\n"))
    assert "\n0\n0\n\n0\n0\n" in paired and canonicalise(paired).convention != "boxes"
    tabbed = "\n".join("\t" + line for line in _boxes(s.report()).splitlines()) + "\n"
    assert canonicalise(tabbed).convention != "boxes"
    seed = (FIXTURES / "seeds" / "000_ac91ced63409bf38.txt").read_text(encoding="utf-8")
    assert "\n\t1\n\t5\n\t133\n" in seed and canonicalise(seed).convention == "tab"
    assert canonicalise(_boxes(s.report())).convention == "boxes"


def test_a_ring_alone_between_numbers_is_a_zero_ocr_read() -> None:
    """OCR-service models read an empty-looking 0 as ``。``: alone between two numbers it is read as 0, warned;
    a full stop ending a sentence after a number is left alone."""
    review = s.review_table().replace("1\t0\t0\t1\t2\t0\t1", "1 。 0 1 2 0 1").replace("\t", " ")
    text = s.to_spaces(s.report(review=review)).replace("本年度未收取信息处理费。", "本年度收取信息处理费 0 。")
    report = _parse(text)
    cells = _cells(report)
    assert cells["review_litigation/review/corrected"] == 0
    assert report.cells["review_litigation/review/corrected"].raw == "。"
    assert any("'。' read as 0" in w.message for w in report.warnings if w.code == "ocr_digit")
    assert all(c.passed for c in report.checks)


def test_a_lost_cell_that_was_not_zero_is_left_blank_where_the_identities_put_it() -> None:
    """OCR lost a box that held a 2 (``0 0 0 0 0 2``): no placement holds the row total, so the lost cell is the
    one column where a 2 satisfies the table's other identities; the printed values go around it, the cell
    itself stays blank (it is printed nowhere), and the row's failed total makes the report ``required``."""
    text = s.to_spaces(s.report())
    row = "1.本机关不掌握相关政府信息 2 0 0 0 0 0 2"
    assert row in text
    report = _parse(text.replace(row, "1.本机关不掌握相关政府信息 0 0 0 0 0 2"))
    cells = _cells(report)
    assert _row(cells, "unavailable.not_held") == [None, 0, 0, 0, 0, 0, 2]
    placed = [w for w in report.warnings if w.code == "placed_by_identities"]
    assert len(placed) == 1 and "a lost cell was 2" in placed[0].message and "natural_person" in placed[0].message
    assert report.metadata["review"] == "required"


def test_two_merged_cells_read_as_letters_are_left_blank() -> None:
    """An OCR box over two cells, a 0 and the rule beside it (``lo``), in a row one cell short: 10 or a 0 beside
    its rule, and the row adds up neither way with all its cells; the cell is left blank, never 10."""
    text = s.to_spaces(s.report())
    row = "四、结转下年度继续办理 1 1 0 0 0 0 2"
    assert row in text
    report = _parse(text.replace(row, "四、结转下年度继续办理 1 1 0 0 lo 2"))
    values = _row(_cells(report), "carried_forward")
    assert 10 not in values and values[0] == 1 and values[1] == 1 and values[6] == 2
    assert any(w.code == "rule_or_digit" and "'lo'" in w.message for w in report.warnings)


def test_table_four_short_of_a_cell_that_was_not_zero_keeps_only_what_every_placement_agrees_on() -> None:
    """Table 四's row printed with single spaces, one box lost from 未经复议直接起诉 (``3 1 1 0 5`` → ``3 1 0 5``):
    no placement holds that row's total, and every place for the lost cell satisfies as many identities. The
    cells those placements disagree on stay blank (no value shifted into a wrong column); the other rows keep
    their values."""
    values: list[int | None] = [1, 0, 0, 1, 2, 3, 1, 1, 0, 5, 0, 0, 0, 0, 0]
    review = s.review_table(values).replace("\t3\t1\t1\t0\t5\t", "\t3\t1\t0\t5\t").replace("\t", " ")
    report = _parse(s.to_spaces(s.report(review=review)))
    cells = _cells(report)
    rows = [[cells[f"review_litigation/{row}/{c}"] for c in ("upheld", "corrected", "other", "pending", "total")]
            for row in ("review", "litigation_direct", "litigation_after_review")]  # fmt: skip
    assert rows == [[1, 0, 0, 1, 2], [None] * 5, [0, 0, 0, 0, 0]]
    assert any(w.code == "placement_open" and "litigation_direct/upheld" in w.message for w in report.warnings)
    assert report.metadata["review"] == "required"


def test_a_column_of_numbers_down_the_page_is_not_joined_as_a_row() -> None:
    """More numbers stacked than the template's widest row (15 cells) are a column, not a row: left as printed."""
    column = "\n".join(str(k) for k in range(1, 21))
    text = _boxes(s.report()) + "附表\n" + column + "\n"
    canon = canonicalise(text)
    assert canon.convention == "boxes"
    assert "附表\n" + column + "\n" in canon.text
    assert "（一）予 3 1 0 0 1 0 5\n" in canon.text


# ------------------------------------------------------------------------------------------------- CSV
def _to_csv(text: str, **dialect: object) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, **dialect)  # type: ignore[arg-type]
    for line in text.split("\n"):
        writer.writerow(line.split("\t"))
    return out.getvalue()


def test_csv_rows_are_read_as_table_rows() -> None:
    # a spreadsheet saved as CSV (Python's csv writer, Excel's dialect: quotes only where needed; and every
    # cell quoted, CRLF, GBK as Excel on a Chinese Windows saves it; 1,204 a quoted number with its separator)
    text = s.report()
    for csv_text, encoding in (
        (_to_csv(text), "utf-8"),
        (_to_csv(text, quoting=1, lineterminator="\r\n"), "gbk"),  # csv.QUOTE_ALL
    ):
        assert '"1,204"' in csv_text
        report = parse(csv_text.encode(encoding), "report.csv")
        _assert_snippet_values(_cells(report))
        where = report.cells["active/licensing/decisions"].where
        assert where is not None and report.text[where.offset : where.end] == "1,204"


LABEL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
WRAPPED = "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）"


def test_csv_cell_with_line_breaks_is_one_cell() -> None:
    # a quoted cell holding the label as it wraps in the spreadsheet's cell
    csv_text = _to_csv(s.report()).replace(LABEL, f'"{WRAPPED}"')
    assert f'"{WRAPPED}"' in csv_text
    _assert_snippet_values(_cells(parse(csv_text.encode("utf-8"), "report.csv")))


def test_prose_with_ascii_commas_is_not_csv() -> None:
    # OCR prints the Chinese comma as ``,``: prose is not split into cells
    text = s.report().replace("\t", "  ")
    prose = "\n".join(["本机关全年共收到申请8件,办结7件,结转1件,均依法按时答复。"] * 20) + "\n" + text
    assert canonicalise(prose).convention != "tab"


def test_ocr_table_four_cells_printed_on_a_line_under_the_row_go_back_into_its_gaps() -> None:
    """A turned page: two cells of table 四's row set a little lower come out as a line of their own under it
    (``4     0``), their places in the row left as wide gaps. They go back into the gaps, the row totals then
    hold (``row_continued``); read in order they would fill the last cells."""
    review = [76, 29, 21, 12, 138, 13, 4, 4, 11, 32, 13, 0, 0, 11, 24]
    text = s.to_spaces(s.report(review=s.review_table(review)), sep="   ")
    row = "   ".join(map(str, review))
    assert row in text
    printed = "76   29   21   12   138  13         4    11   32   13        0    11   24\n\n4            0"
    report = _parse(text.replace(row, printed))
    cells = _cells(report)
    got = [cells[k] for k in cells if k.startswith("review_litigation/")]
    assert got == review
    moved = [w for w in report.warnings if w.code == "row_continued"]
    assert len(moved) == 1 and "[7, 12]" in moved[0].message
    assert not any(w.code == "identity_failed" for w in report.warnings)


def test_ocr_table_four_line_under_the_row_left_in_order_when_the_gaps_do_not_say_where() -> None:
    """No wide gap in the row: nothing says where the lower line's numbers go; no ``row_continued`` guess."""
    review = [76, 29, 21, 12, 138, 13, 4, 4, 11, 32, 13, 0, 0, 11, 24]
    text = s.to_spaces(s.report(review=s.review_table(review)), sep="   ")
    row = "   ".join(map(str, review))
    printed = "76   29   21   12   138   13   4   11   32   13   0   11   24\n\n4   0"
    report = _parse(text.replace(row, printed))
    assert "row_continued" not in _codes(report)


def test_blank_cells_a_tab_row_prints_are_never_filled_as_zeros() -> None:
    """A TAB row keeps its blank cells as cells: a report that left them blank published blanks. The row of
    zeros rules fill only cells a text lost (space-laid, OCR'd), never these."""
    rows = s.default_rows()
    rows["withheld.third_party_rights"] = [0, 0, 0, None, None, None, 0]
    report = _parse(s.report(apps=s.app_table(rows)))
    assert _row(_cells(report), "withheld.third_party_rights") == [0, 0, 0, None, None, None, 0]
    assert not {"zero_row", "deduced_zero"} & set(_codes(report))


def test_dashes_a_row_of_zeros_prints_stay_blank() -> None:
    """``0 0 0 — — — 0``: the dashes are cells the report published blank, not lost ones; the row is not filled.
    The row below, short of three cells it lost, is (its column totals confirmed)."""
    rows = _ruled_rows()
    text = _ocr_text(rows)
    text = text.replace(_printed("3.危及“三安全一稳定”", [0] * 7), "3.危及“三安全一稳定”   0   0   0   —   —   —   0")
    text = text.replace(_printed("5.属于三类内部事务信息", [0] * 7), "5.属于三类内部事务信息   0   0   0   0")
    report = _parse(text)
    cells = _cells(report)
    assert _row(cells, "withheld.three_safeties") == [0, 0, 0, None, None, None, 0]
    assert _row(cells, "withheld.internal_affairs") == [0] * 7
    filled = {w.key for w in report.warnings if w.code in ("zero_row", "deduced_zero")}
    assert filled == {"applications/withheld.internal_affairs"}


def test_a_text_whose_every_line_is_a_pipe_row_is_read_as_pipe_rows_not_ocr_rules() -> None:
    """trafilatura prints a page laid out in tables as pipe rows, every line of it (title, paragraphs, table
    rows: ``| 3.危及… | 0 | 0 | 0 |  | 0 | 0 | 0 |``), with no ``|---|`` rule: its bars are a converter's cells, not
    a ruled table's rules as OCR reads them (on some lines, never on every one), so its empty cells are blanks in
    their place, not cells lost to be filled with 0 (``deduced_zero``)."""
    rows = s.default_rows()
    rows["withheld.three_safeties"] = [0, 0, 0, None, 0, 0, 0]
    rows["not_processed.petition"] = [None, 0, 0, 0, 0, 0, 0]
    md = s.to_markdown(s.report(apps=s.app_table(rows)), rule=False)
    text = "\n".join((ln if ln.startswith("|") else f"| {ln} |") + " " for ln in md.splitlines() if ln.strip())
    report = _parse(text + "\n")
    cells = _cells(report)
    assert report.metadata["convention"] == "markdown"
    assert "deduced_zero" not in _codes(report) and "zero_row" not in _codes(report)
    assert _row(cells, "withheld.three_safeties") == [0, 0, 0, None, 0, 0, 0]
    assert _row(cells, "not_processed.petition") == [None, 0, 0, 0, 0, 0, 0]
    assert _row(cells, "granted") == [3, 1, 0, 0, 1, 0, 5]


def test_a_few_lines_between_bars_without_a_rule_are_still_ocr_rules() -> None:
    """The same text with its paragraphs printed bare: bars on the table's lines only, no rule row, each bar flush
    against the cell after it as OCR prints a ruled table's rules (Tesseract's ``|0|0jo|9|``): read as OCR's
    (``parsers.conventions``), not as pipe rows. (Rows whose every cell is padded by one space, as a converter pads
    them, between bare paragraphs are trafilatura's: tests/test_snippets_*.py's seed 3445.)"""
    md = s.to_markdown(s.report(), rule=False).replace("## ", "").replace("| ", "|")
    assert "|3.危及“三安全一稳定” |0 |" in md
    assert _parse(md).metadata["convention"] != "markdown"


# ------------------------------------------------------------------ a table part one column short (lost_column)
def _split_short(rows: dict[str, list[int | None]], printed: dict[str, str]) -> str:
    """The snippet as Markdown, its last two rows of table 三 a second pipe table whose rows print ``printed``."""
    md = s.to_markdown(s.report(apps=s.app_table(rows)))
    tail = [
        f"| {label} | " + " | ".join(s.cell(v) for v in rows[key]) + " |"
        for key, label in (("results_total", "（七）总计"), ("carried_forward", "四、结转下年度继续办理"))
    ]
    assert "\n".join(tail) in md
    part = [
        f"| {label} |  | {printed[key]} |"
        for key, label in (("results_total", "（七）总计"), ("carried_forward", "四、结转下年度继续办理"))
    ]
    return md.replace("\n".join(tail), "\n| " + "| " * 8 + "\n|" + "---|" * 8 + "\n" + "\n".join(part))


def test_a_table_part_that_lost_its_total_column_is_read_shifted_by_the_column_identities() -> None:
    """A DOCX table's second part printed one column fewer (its 总计 column lost), each row's second label cell
    empty: right-aligned, 自然人's 5 would be read as 商业企业's and 0 as 总计. The column identities (总计 the sum
    of the results, the balance) hold read one column left and fail as printed: read so, 总计 blank."""
    rows = s.default_rows()
    md = _split_short(rows, {"results_total": "5 | 1 | 0 | 0 | 1 | 0", "carried_forward": "1 | 1 | 0 | 0 | 0 | 0"})
    report = _parse(md)
    cells = _cells(report)
    assert _row(cells, "results_total") == [5, 1, 0, 0, 1, 0, None]
    assert _row(cells, "carried_forward") == [1, 1, 0, 0, 0, 0, None]
    assert _codes(report).count("lost_column") == 2
    assert report.metadata["review"] == "required"  # the totals not printed: their identities cannot hold


def test_a_row_whose_first_cell_is_printed_empty_is_not_shifted() -> None:
    """The same shape where 自然人 is printed empty and the identities hold as printed: read as printed."""
    rows = s.default_rows()
    for key in rows:
        rows[key][0] = 0
    rows["new_received"] = [0, 2, 0, 0, 1, 0, 3]
    rows["carried_over"] = [0, 0, 0, 0, 0, 0, 0]
    rows["granted"] = [0, 1, 0, 0, 1, 0, 2]
    rows["unavailable.not_held"] = [0, 0, 0, 0, 0, 0, 0]
    rows["results_total"] = [None, 1, 0, 0, 1, 0, 2]
    rows["carried_forward"] = [None, 1, 0, 0, 0, 0, 1]
    md = _split_short(rows, {"results_total": "1 | 0 | 0 | 1 | 0 | 2", "carried_forward": "1 | 0 | 0 | 0 | 0 | 1"})
    report = _parse(md)
    cells = _cells(report)
    assert _row(cells, "results_total") == [None, 1, 0, 0, 1, 0, 2]
    assert _row(cells, "carried_forward") == [None, 1, 0, 0, 0, 0, 1]
    assert "lost_column" not in _codes(report)


def test_a_wrapped_label_read_across_its_cells_goes_before_an_empty_first_value_cell() -> None:
    """pymupdf4llm prints a label wrapped in its cells with ``<br>`` (``| （三）不<br>予公开 | 5．属于三类<br>内部事务
    信息 |``), read line by line across the cells as one more cell before the values. An empty cell after the label
    cells is the first value column's (自然人 printed empty), not a label cell: the label goes before it and the row
    is read in place, not short of a cell."""
    rows = s.default_rows()
    rows["withheld.internal_affairs"] = [None, 0, 0, 0, 0, 0, 0]
    md = s.to_markdown(s.report(apps=s.app_table(rows)))
    line = "| 5.属于三类内部事务信息 |  | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert line in md
    md = md.replace(line, "| （三）不<br>予公开 | 5．属于三类<br>内部事务信息 |  | 0 | 0 | 0 | 0 | 0 | 0 |")
    report = parse(md.encode("utf-8"), "report.md")
    assert _row(_cells(report), "withheld.internal_affairs") == [None, 0, 0, 0, 0, 0, 0]
    assert not {"placement_open", "ambiguous"} & set(_codes(report))


def test_a_fraction_read_into_a_count_of_table_two_is_left_blank() -> None:
    """Table 二's columns count but for its amounts: a fraction read as 行政许可's 本年处理决定数量 is no count (an
    amount, or another row's number), left blank and said (``fraction_in_count``, review required); the amount
    of 行政事业性收费 keeps its fraction."""
    text = s.report().replace("行政许可\t1,204", "行政许可\t242.136")
    assert "行政许可\t242.136" in text
    report = _parse(text)
    cells = _cells(report)
    assert cells["active/licensing/decisions"] is None
    assert cells["active/fees/amount"] == 86.45
    assert "fraction_in_count" in _codes(report)
    assert report.metadata["review"] == "required"

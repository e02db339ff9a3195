"""One snippet test per text convention the world hands the parser (issue 8): Markdown whole and broken,
``<table>`` HTML inside Markdown, OCR text, plain text with space runs, single spaces or no separators, and
content-stream order. Each asserts cells against values written by hand here, and the warnings.
"""

from __future__ import annotations

import snippets as s

from parsers import parse

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

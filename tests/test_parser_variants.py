"""One snippet test per template variant real reports show (issue 8), the numbers as published, and the
review verdict. Cells are asserted against values written by hand here, and the warnings too.
"""

from __future__ import annotations

import snippets as s

from parsers import parse

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _parse(text: str):
    return parse(text.encode("utf-8"), "report.txt")


def _cells(report) -> dict:
    return report.as_json()["cells"]


def _codes(report) -> list[str]:
    return [w.code for w in report.warnings]


def _row(cells: dict, key: str) -> list:
    return [cells[f"applications/{key}/{c}"] for c in COLS]


def test_merged_other_row_in_a_2021_table() -> None:
    rows = s.default_rows()
    rows["other.no_correction"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 1, 0, 0, 1, 0, 4]
    apps = s.app_table(rows)
    lines = [ln for ln in apps.splitlines() if not ln.startswith(("2.申请人逾期", "3.其他"))]
    apps = "\n".join("（六）其他处理\t1\t0\t0\t0\t0\t0\t1" if "逾期不补正" in ln else ln for ln in lines) + "\n"
    report = _parse(s.report(apps=apps))
    cells = _cells(report)
    assert report.metadata["format"] == "2021"
    assert _row(cells, "other") == [1, 0, 0, 0, 0, 0, 1]
    assert "applications/other.no_correction/total" not in cells
    merged = [w for w in report.warnings if w.code == "merged_row"]
    assert merged and "（六）其他处理" in merged[0].message
    assert "missing_row" not in _codes(report)
    assert all(c.passed for c in report.checks)
    assert report.metadata["review"] == "suggested"


def test_typos_in_labels_are_matched_and_named() -> None:
    rows = s.default_rows()
    rows["withheld.prohibited_by_law"] = [1, 0, 0, 0, 0, 0, 1]
    rows["other.no_correction"] = [0, 1, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 0, 0, 0, 1, 0, 3]
    apps = (
        s.app_table(rows)
        .replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
        .replace("逾期不补正", "预期不补正")
    )
    report = _parse(s.report(apps=apps))
    cells = _cells(report)
    assert _row(cells, "withheld.prohibited_by_law") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(cells, "other.no_correction") == [0, 1, 0, 0, 0, 0, 1]
    fuzzy = [w for w in report.warnings if w.code == "fuzzy_label"]
    assert [w.key for w in fuzzy] == ["applications/withheld.prohibited_by_law"]
    assert "其他法律行政止公开" in fuzzy[0].message
    assert all(c.passed for c in report.checks)


def test_a_sub_table_of_article_20_missing() -> None:
    active = s.ACTIVE_2021.replace("第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t356\n行政强制\t7\n", "")
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/fees/amount"] == 86.45
    assert cells["active/penalty/decisions"] is None and cells["active/coercion/decisions"] is None
    missing = {w.key for w in report.warnings if w.code == "missing_row"}
    assert missing == {"active/penalty", "active/coercion"}
    assert report.metadata["review"] == "required"


def test_sub_tables_of_article_20_in_another_order() -> None:
    blocks = s.ACTIVE_2021.split("第二十条")
    active = blocks[0] + "第二十条" + "第二十条".join([blocks[4].rstrip("\n") + "\n", blocks[3], blocks[1], blocks[2]])
    assert active.index("行政事业性收费") < active.index("规章")
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/fees/amount"] == 86.45


ACTIVE_2019 = """二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t3
规范性文件\t5\t5\t40
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t120\t-3\t4500
其他对外管理服务事项\t10\t0\t88
第二十条第（六）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t300\t－12\t1500
行政强制\t20\t0\t35
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t15\t-2
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t{procurement}
"""


def _report_2019(procurement: str) -> str:
    apps = s.app_table()
    lines = [ln for ln in apps.splitlines() if not ln.startswith(("2.申请人逾期", "3.其他"))]
    apps = "\n".join("（六）其他处理\t0\t0\t0\t0\t0\t0\t0" if "逾期不补正" in ln else ln for ln in lines) + "\n"
    text = s.report(active=ACTIVE_2019.format(procurement=procurement), apps=apps)
    return text.replace("2023年", "2019年")


def test_2019_procurement_row_split_across_cells_and_negative_changes() -> None:
    report = _parse(_report_2019("12\t5949.088667"))
    cells = _cells(report)
    assert report.metadata["format"] == "2019"
    assert cells["active/procurement/items"] == 12
    assert cells["active/procurement/amount"] == 5949.088667
    assert cells["active/licensing/change"] == -3
    assert cells["active/penalty/change"] == -12
    assert cells["active/fees/change"] == -2


def test_2019_procurement_count_and_amount_in_one_cell() -> None:
    for cell in ("12 5949.088667", "12/5949.088667", "12项/5949.088667万元", "12；5949.088667", "12;5949.088667"):
        report = _parse(_report_2019(cell))
        cells = _cells(report)
        assert cells["active/procurement/items"] == 12, cell
        assert cells["active/procurement/amount"] == 5949.088667, cell


def test_table_header_repeated_mid_table() -> None:
    apps = s.app_table()
    header = "\n".join(s.APP_HEADER.splitlines()[1:]) + "\n"
    apps = apps.replace("6.属于四类过程性信息", "- 4 -\n" + header + "6.属于四类过程性信息")
    report = _parse(s.report(apps=apps))
    cells = _cells(report)
    assert _row(cells, "unavailable.not_held") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(cells, "withheld.process_info") == [0] * 7
    assert all(c.passed for c in report.checks)
    assert report.metadata["review"] == "none"


def test_wrong_published_total_is_kept_and_fails_the_identity() -> None:
    rows = s.default_rows()
    rows["results_total"] = [5, 1, 0, 0, 1, 0, 9]  # published 9; the columns sum to 7
    report = _parse(s.report(apps=s.app_table(rows)))
    cells = _cells(report)
    assert cells["applications/results_total/total"] == 9
    failed = [c.name for c in report.checks if not c.passed]
    assert "applications/row_total/results_total" in failed
    assert "identity_failed" in _codes(report)
    assert report.metadata["review"] == "required"
    assert any(r.startswith("identity_failed") for r in report.metadata["review_reasons"])


def test_numbers_as_published_decimals_thousands_and_units() -> None:
    active = s.ACTIVE_2021.replace("行政事业性收费\t86.45", "行政事业性收费\t5949.088667").replace(
        "行政处罚\t356", "行政处罚\t12,356"
    )
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert cells["active/fees/amount"] == 5949.088667
    assert report.cells["active/fees/amount"].raw == "5949.088667"
    assert cells["active/penalty/decisions"] == 12356
    active = s.ACTIVE_2021.replace("行政事业性收费\t86.45", "行政事业性收费\t86.45万元")
    assert _cells(_parse(s.report(active=active)))["active/fees/amount"] == 86.45


def test_review_verdict_none_for_a_clean_report() -> None:
    report = _parse(s.report())
    assert report.metadata["review"] == "none"
    assert report.metadata["review_reasons"] == []


def test_review_verdict_required_for_a_missing_row() -> None:
    apps = "\n".join(ln for ln in s.app_table().splitlines() if not ln.startswith("2.重复申请")) + "\n"
    report = _parse(s.report(apps=apps))
    assert "missing_row" in _codes(report)
    assert report.metadata["review"] == "required"


def test_wrong_characters_in_the_active_tables_labels() -> None:
    active = s.ACTIVE_2021.replace("行政许可\t", "行政许叮\t").replace("行政事业性收费\t", "行政事亚性收费\t")
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/fees/amount"] == 86.45
    fuzzy = {w.key: w.message for w in report.warnings if w.code == "fuzzy_label"}
    assert set(fuzzy) == {"active/licensing", "active/fees"}
    assert "行政许叮" in fuzzy["active/licensing"]


def test_active_header_that_lost_a_column_name() -> None:
    active = s.ACTIVE_2021.replace("本年制发件数", "本年製发件数")
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert {w.key for w in report.warnings if w.code == "header_columns"} == {"active/rules", "active/normative_docs"}


def test_active_number_glued_to_its_label() -> None:
    text = s.to_spaces(s.report()).replace("行政许可 1,204", "行政许可1,204").replace("行政处罚 356", "行政处罚356")
    report = _parse(text)
    cells = _cells(report)
    assert cells["active/licensing/decisions"] == 1204
    assert cells["active/penalty/decisions"] == 356
    assert {w.key for w in report.warnings if w.code == "glued_number"} == {"active/licensing", "active/penalty"}


def test_active_row_under_a_repeated_label_and_a_header_from_another_block() -> None:
    active = s.ACTIVE_2021.replace("行政规范性文件\t12", "规章\t12").replace(
        "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n",
        "第二十条第（八）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n",
    )
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert cells["active/fees/amount"] == 86.45
    codes = {(w.code, w.key) for w in report.warnings}
    assert ("fuzzy_label", "active/normative_docs") in codes and ("header_columns", "active/fees") in codes


def test_ocr_label_with_a_character_split_into_its_parts() -> None:
    active = s.ACTIVE_2021.replace("行政许可\t", "彳亍攻许可\t")
    report = _parse(s.report(active=active))
    assert _cells(report)["active/licensing/decisions"] == 1204
    assert any(w.code == "fuzzy_label" and "彳亍攻许可" in w.message for w in report.warnings)


def test_a_row_whose_values_sit_in_a_label_less_row_under_it() -> None:
    """A label cell spanning two rows of the value column (a PDF whose cell borders do not line up at a page
    break), read as a label row of blank cells and a row of values without a label: one row, warned."""
    for text, name in (
        (s.report(s.ACTIVE_2021.replace("行政强制\t7\n", "行政强制\t\n\t7\n")), "report.txt"),
        (s.to_markdown(s.report(s.ACTIVE_2021.replace("行政强制\t7\n", "行政强制\t\n\t7\n"))), "report.md"),
    ):
        report = parse(text.encode("utf-8"), name)
        assert report.cells["active/coercion/decisions"].value == 7, name
        assert report.cells["active/penalty/decisions"].value == 356
        [warned] = [w for w in report.warnings if w.code == "row_continued"]
        assert warned.key == "active/coercion" and "(7)" in warned.message
    # a blank row followed by the next labelled row stays blank
    blank = parse(s.report(s.ACTIVE_2021.replace("行政强制\t7\n", "行政强制\t\n")).encode("utf-8"), "report.txt")
    assert blank.cells["active/coercion/decisions"].value is None
    assert "row_continued" not in _codes(blank)

"""Snippet tests for the near-miss rules of issue 8: a row label garbled beyond recognition placed by the
template's order, a row repeating its neighbour's label, a label carrying the template's bracketed note, a
printed blank cell that must not take a later number, two readings of table 三 that satisfy the same
identities. Values are written by hand here or taken from the hand-read gold; each rule's warning is asserted.
"""

from __future__ import annotations

import re

import snippets as s
from conftest import FIXTURES, gold

from parsers import parse

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
LEGACY_STEM = "002_153f5bf49180240b"


def _parse(text: str, name: str = "report.txt"):
    return parse(text.encode("utf-8"), name)


def _fuzzy(report) -> dict[str, str]:
    return {w.key: w.message for w in report.warnings if w.code == "fuzzy_label"}


def _legacy_md() -> str:
    """The 2018 report (legacy 统计指标 table) as whole Markdown, one pipe table."""
    (path,) = (FIXTURES / "corpus" / "md-pipe").glob(f"{LEGACY_STEM}*.md")
    return path.read_text(encoding="utf-8")


def _legacy_spaces() -> str:
    md = _legacy_md()
    return s.to_spaces(
        "\n".join(
            "\t".join(c.strip() for c in line.strip().strip("|").split("|")) if line.startswith("|") else line
            for line in md.splitlines()
            if not line.startswith("|---")
        ),
        "   ",
    )


def _assert_legacy_gold(report) -> None:
    want = {k: v for k, v in gold(LEGACY_STEM)["cells"].items() if k.startswith("legacy/")}
    got = report.as_json()["cells"]
    assert {k: got.get(k) for k in want} == want


# ------------------------------------------------------------------------------- table 二 by template order
def test_active_label_garbled_beyond_recognition_is_placed_by_template_order() -> None:
    # OCR read 规章 as 观竞: no pattern, no similarity (two characters, both wrong); it is the one label line
    # with numbers before 行政规范性文件, where the template puts the missing row 规章
    text = s.to_spaces(s.report().replace("规章\t0\t0\t2", "观竞\t0\t0\t2"), "   ")
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    message = _fuzzy(report)["active/rules"]
    assert "'观竞'" in message and "template order" in message
    assert "missing_row" not in [w.code for w in report.warnings]


def test_active_two_rows_under_one_garbled_label_are_read_in_template_order() -> None:
    # both rows of block （一） carry the same unreadable label (OCR garbled 规章; the converter repeated it
    # into the next row): two label lines with numbers where two rows are missing, read in order
    md = s.to_markdown(s.report())
    md = md.replace("| 规章 | 0 | 0 | 2 |", "| 规竞 | 0 | 0 | 2 |").replace("| 行政规范性文件 |", "| 规竞 |")
    report = _parse(md, "report.md")
    cells = report.as_json()["cells"]
    assert [cells[f"active/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 2]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    fuzzy = _fuzzy(report)
    assert "template order" in fuzzy["active/rules"] and "template order" in fuzzy["active/normative_docs"]


def test_active_second_row_with_its_neighbours_misread_label() -> None:
    # 行政强制's row printed as 行攻处罚 (a converter's repeat of the row above, itself misread by OCR)
    text = s.report().replace("行政处罚\t356\n行政强制\t7", "行攻处罚\t356\n行攻处罚\t7")
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/coercion/decisions"] == 7
    fuzzy = _fuzzy(report)
    assert "similarity" in fuzzy["active/penalty"] and "template order" in fuzzy["active/coercion"]


def test_active_garbled_label_is_not_placed_when_the_lines_do_not_match_the_missing_rows() -> None:
    # two garbled label lines where one row is missing: the order does not say which, so nothing is guessed
    text = s.report().replace("行政强制\t7", "厅攻犟制\t7\n其某页\t9")
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert cells["active/coercion/decisions"] is None
    assert any(w.code == "missing_row" and w.key == "active/coercion" for w in report.warnings)
    assert report.metadata["review"] == "required"


# ------------------------------------------------------------------------- legacy table: repeats, notes, blanks
def test_legacy_rows_repeating_their_neighbours_labels_are_read_by_order() -> None:
    md = _legacy_md()
    md = md.replace("| 1.当面申请数 | 件 | 250 |", "| （一）收到申请数 | 件 | 250 |")
    md = md.replace("| （三）其他情形数 | 件 | 18 |", "| （二）被依法纠错数 | 件 | 18 |")
    report = _parse(md, "report.md")
    _assert_legacy_gold(report)
    fuzzy = _fuzzy(report)
    assert "repeats another row's" in fuzzy["legacy/requests_in_person"]
    assert "repeats another row's" in fuzzy["legacy/review_other"]


def test_legacy_label_with_the_templates_note_and_wrong_characters() -> None:
    # OCR misread two characters of a label that also prints the template's bracketed note
    md = _legacy_md().replace("（一）回应公众关注热点", "（一）回应八众美注热点")
    report = _parse(md, "report.md")
    _assert_legacy_gold(report)
    assert "八众美注" in _fuzzy(report)["legacy/responses_total"]


def test_legacy_labels_apart_one_of_them_misread() -> None:
    # three labels on lines of their own, their numbers in three label-less rows after them; the middle label
    # misread (攻策 for 政策), so it is found by meaning among labels that carry no number on their line
    md = _legacy_md().replace(
        "| 其中：主要负责同志参加政府网站在线访谈数 | 次 | 249 |\n| 3.政策解读稿件发布数 | 篇 | 4445 |\n"
        "| 4.微博微信回应事件数 | 次 | 7527 |\n",
        "\n其中：主要负责同志参加政府网站在线访谈数\n\n3.攻策解读稿件发布数\n\n4.微博微信回应事件数\n\n"
        "| - | 次 | 249 |\n|---|---|---|\n| - | 篇 | 4445 |\n| - | 次 | 7527 |\n\n",
    )
    report = _parse(md, "report.md")
    _assert_legacy_gold(report)
    assert "攻策" in _fuzzy(report)["legacy/interpretation_articles"]
    assert {"rows_by_order", "column_order"} & {w.code for w in report.warnings}


def test_legacy_printed_blank_cell_does_not_take_a_page_number_below() -> None:
    # （三）申请答复数 prints its value cell empty; a page number and running head follow the table part
    md = _legacy_md().replace(
        "| （三）申请答复数 | 件 |  |\n",
        "| （三）申请答复数 | 件 |  |\n\n6\n\n内蒙古自治区2018年政府信息公开工作年度报告\n\n"
        "| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n",
    )
    report = _parse(md, "report.md")
    _assert_legacy_gold(report)
    assert report.as_json()["cells"]["legacy/replies_total/value"] is None


def test_legacy_value_printed_above_its_label_goes_to_the_label_without_one() -> None:
    # a PDF printed in layout mode centres a label cell lower than its value: ``件   18`` on a line of its own,
    # then （三）其他情形数 alone; the row above already has its value on its own line
    text = _legacy_spaces().replace("（三）其他情形数   件   18\n", "                   件   18\n   （三）其他情形数\n")
    report = _parse(text)
    _assert_legacy_gold(report)
    moved = next(w for w in report.warnings if w.code == "value_before_label")
    assert moved.key == "legacy/review_other/value" and "18" in moved.message
    # the value line right under a row with no value of its own stays that row's (its label wrapped)
    text = _legacy_spaces().replace("（二）被依法纠错数   件   28\n", "（二）被依法纠错数\n   件   28\n", 1)
    report = _parse(text)
    assert "value_before_label" not in [w.code for w in report.warnings]
    assert report.as_json()["cells"]["legacy/review_corrected/value"] == 28


def test_legacy_number_glued_to_the_text_after_it_is_read_when_the_label_or_an_identity_decides() -> None:
    # pymupdf's sorted spans: the value against its label's wrapped rest, and against the next row's numbering
    text = _legacy_spaces().replace(
        "（一）维持具体行政行为或者驳回原告诉讼请求数   件   28",
        "（一）维持具体行政行为或者驳回原告诉讼   件   28请求数",
    )
    text = text.replace(
        "（一）收到申请数   件   1485\n1.当面申请数   件   250", "（一）收到申请数   件   14851.当面申请数   件   250"
    )
    report = _parse(text)
    _assert_legacy_gold(report)
    glued = {w.key: w.message for w in report.warnings if w.code == "glued_number"}
    assert "against the rest of its label" in glued["legacy/litigation_upheld/value"]
    assert "numbering 1." in glued["legacy/requests_received/value"]
    # with the parts not adding up, no cut is confirmed: blank (1485 or 148 are both possible readings)
    text = text.replace("1.当面申请数   件   250", "1.当面申请数   件   251")
    report = _parse(text)
    assert report.as_json()["cells"]["legacy/requests_received/value"] is None
    # a number against text that is not its label's rest stays unread
    text = _legacy_spaces().replace(
        "（一）维持具体行政行为或者驳回原告诉讼请求数   件   28",
        "（一）维持具体行政行为或者驳回原告诉讼请求数   件   28行政",
    )
    assert _parse(text).as_json()["cells"]["legacy/litigation_upheld/value"] is None


# ---------------------------------------------------------------------------------------- table 三 readings
def test_table_three_labels_apart_under_a_group_heading_and_a_repeated_label() -> None:
    # a converter printed three labels alone and their numbers in label-less rows (one carrying the group
    # heading （三）不予公开), and repeated 1.信访… into 2.重复申请's row: every row is found, but reading by
    # labels leaves the three rows blank; reading by order fills them and satisfies as many identities
    rows = s.default_rows()
    rows["partially_granted"] = [2, 0, 0, 0, 0, 0, 2]
    rows["withheld.state_secret"] = [0, 1, 0, 0, 0, 0, 1]
    rows["withheld.prohibited_by_law"] = [1, 0, 0, 0, 0, 0, 1]
    rows["results_total"] = [8, 2, 0, 0, 1, 0, 11]
    rows["new_received"] = [9, 3, 0, 0, 1, 0, 13]
    rows["carried_forward"] = [2, 1, 0, 0, 0, 0, 3]
    md = s.to_markdown(s.report(apps=s.app_table(rows)))
    md = md.replace(
        "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
        "| （三）不予公开 | 1.属于国家秘密 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n"
        "| 2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
        "\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1.属于国家秘密\n\n2.其他法律行政法规禁止公开\n\n"
        "| - | - |  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n|---|---|---|---|---|---|---|---|---|---|\n"
        "| - | （三）不予公开 | - | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n| - | - |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\n",
    )
    md = md.replace("| 2.重复申请 |", "| 1.信访举报投诉类申请 |")
    report = _parse(md, "report.md")
    cells = report.as_json()["cells"]
    for key in ("partially_granted", "withheld.state_secret", "withheld.prohibited_by_law", "results_total"):
        assert [cells[f"applications/{key}/{c}"] for c in COLS] == rows[key], key
    assert all(c.passed for c in report.checks)
    assert "rows_by_order" in [w.code for w in report.warnings]


# ------------------------------------------------------------------------------- converters' table shapes
def test_markdown_bold_heading_laid_into_the_last_row_of_table_three() -> None:
    # pymupdf4llm's layout mode laid the next section's bold heading into table 三's last row, line by line
    md = s.to_markdown(s.report())
    md = md.replace(
        "| 四、结转下年度继续办理 | 1 | 1 | 0 |",
        "|四、结转下年度继续办<br>**四、政府信息公开行**|理<br>**政复议、行**|1<br>**政诉讼**|1<br>**情况**|0|",
    )
    report = _parse(md, "report.md")
    cells = report.as_json()["cells"]
    assert [cells[f"applications/carried_forward/{c}"] for c in COLS] == [1, 1, 0, 0, 0, 0, 2]
    assert all(c.passed for c in report.checks)
    where = report.cells["applications/carried_forward/commercial"].where
    assert where is not None and md[where.offset] == "1"


def test_markdown_cell_stacking_several_numbers_is_several_cells() -> None:
    # a converter laid table 四's cells of several columns into one cell, one number per line: never one
    # number (762921), but the numbers in order
    values = [76, 29, 21, 12, 138, 13, 4, 4, 11, 32, 13, 0, 0, 11, 24]
    md = s.to_markdown(s.report(review=s.review_table(values)))
    row = "| " + " | ".join(map(str, values)) + " |"
    assert row in md
    md = md.replace(row, "|76<br>29<br>21|12<br>138<br>13<br>4<br>4<br>11|32|13|0||0||11|24|")
    report = _parse(md, "report.md")
    cells = report.as_json()["cells"]
    got = [
        cells[f"review_litigation/{r}/{c}"]
        for r in ("review", "litigation_direct", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert got == values
    assert all(c.passed for c in report.checks if c.name.startswith("review"))


def test_kangxi_radicals_from_a_browsers_pdf_read_as_the_ideographs() -> None:
    # Chromium's PDFs carry Kangxi radicals for common characters: ⾏政复议 is 行政复议, ⼈⺠政府 is 人民政府
    # … and a CJK compatibility ideograph (U+FA08, 行's compatibility form) in another label
    text = s.report().replace("行政", "⾏政").replace("⾏政许可", "\ufa08政许可")
    assert "⾏政复议" in text and "\ufa08政许可" in text
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert cells["active/licensing/decisions"] == 1204
    assert cells["review_litigation/review/total"] == 2
    assert "missing_table" not in [w.code for w in report.warnings]
    assert not [w for w in report.warnings if w.code == "fuzzy_label"]  # every label read as printed


def test_markdown_label_wrapped_into_two_table_rows() -> None:
    # the PDF row was cut: the label's start in a row of empty cells, its rest and the numbers in the next row
    # (the group heading （六）其他处理 cut the same way in the column before)
    md = s.to_markdown(s.report())
    old = "| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert old in md
    md = md.replace(
        old,
        "| 其他处 | 2.申请人逾期未按收费通知要求 |  |  |  |  |  |  |  |\n"
        "| 理 | 缴纳费用、行政机关不再处理其<br>政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    report = _parse(md, "report.md")
    cells = report.as_json()["cells"]
    assert [cells[f"applications/other.unpaid_fee/{c}"] for c in COLS] == [0] * 7
    assert "rows_by_order" not in [w.code for w in report.warnings]  # read by its label, not by order alone


def test_legacy_header_in_fragments_the_table_starts_at_its_first_row() -> None:
    # the header 统计指标 | 单位 | 统计数 printed as one fragment line; a header repeated later is recognised,
    # but the table starts at its first row
    md = _legacy_md()
    first = md.index("| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n")
    md = md[:first] + "统计指单位统计数\n\n" + md[first + len("| 统计指标 | 单位 | 统计数 |\n") :]
    at = md.index("| 四、行政复议数量 |")
    md = md[:at] + "\n| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n" + md[at:]
    report = _parse(md, "report.md")
    _assert_legacy_gold(report)


# ------------------------------------------------------------------------------------------ OCR'd plain text
def test_ocr_digits_one_space_apart_in_a_row_laid_out_with_wider_gaps() -> None:
    # cells apart by runs of spaces, one number cut by a single space (7 649): one number, reported
    rows = s.default_rows()
    rows["withheld.process_info"] = [20, 0, 0, 0, 0, 0, 20]
    rows["results_total"] = [25, 1, 0, 0, 1, 0, 27]
    rows["new_received"] = [25, 2, 0, 0, 1, 0, 28]
    rows["carried_forward"] = [1, 1, 0, 0, 0, 0, 2]
    text = s.to_spaces(s.report(apps=s.app_table(rows)), "    ")
    text = text.replace("行政规范性文件    12    3    85", "行政规范性文件    12    3    8 5")
    text = text.replace("6.属于四类过程性信息    20    0", "6.属于四类过程性信息    2 0    0")
    text = text.replace("0    0    0    0    20\n", "0    0    0    0    2 0\n", 1)
    assert "8 5" in text and "2 0    0" in text
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert [cells[f"active/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [12, 3, 85]
    assert [cells[f"applications/withheld.process_info/{c}"] for c in COLS] == rows["withheld.process_info"]
    merged = {w.key for w in report.warnings if w.code == "merged_digits"}
    assert {"active/normative_docs", "applications/withheld.process_info"} <= merged


def test_ocr_digits_one_space_apart_are_not_joined_where_cells_are_one_space_apart() -> None:
    # every cell one space apart: nothing says which two numbers are one, so nothing is joined
    text = s.to_spaces(s.report()).replace("行政规范性文件 12 3 85", "行政规范性文件 12 3 8 5")
    report = _parse(text)
    assert "merged_digits" not in [w.code for w in report.warnings if w.key == "active/normative_docs"]


def test_ocr_letter_alone_ending_a_row_is_a_digit() -> None:
    # the legacy table's last cell of a row read as the letter O (a 0) after the row's unit
    text = _legacy_spaces()
    assert "七、依申请公开信息收取的费用   万元   0" in text
    text = text.replace("七、依申请公开信息收取的费用   万元   0", "七、依申请公开信息收取的费用   万元   O")
    report = _parse(text)
    _assert_legacy_gold(report)
    assert any(w.code == "ocr_digit" and w.key == "legacy/fees/value" for w in report.warnings)


def test_running_head_is_not_the_start_of_a_wrapped_label() -> None:
    # the report's title printed at every page's top, here just above a row, and the next row's label wrapped
    # (涉及个 / 人隐私): the title joined with the lines below must not make a label of 涉及个人隐私
    head = "内蒙古自治区2018年政府信息公开工作年度报告"
    text = _legacy_spaces()
    for row in ("1.当面申请数", "（一）维持具体行政行为数", "涉及商业秘密"):
        at = text.index(row)
        text = text[:at] + f"- 3 -\n{head}\n" + text[at:]
    assert "涉及个人隐私   件   3" in text
    text = text.replace("涉及个人隐私   件   3", "涉及个   件   3\n人隐私")
    report = _parse(text)
    _assert_legacy_gold(report)


def test_legacy_unit_cell_printed_against_its_value() -> None:
    # PyMuPDF's plain text of a PDF print: each cell on a line of its own, but the 单位 and 统计数 cells of a row
    # come out as one span (``条4223174``, ``人次29769``): the unit is split off, the number is the row's value
    lines = []
    for line in _legacy_md().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells is None or line.startswith("|---"):
            lines.append(line)
        elif len(cells) == 3 and cells[1] not in ("", "—", "单位") and cells[2]:
            lines += [cells[0], cells[1] + cells[2]]
        else:
            lines += [c for c in cells if c]
    text = "\n".join(lines)
    assert "条" in text and "人次" in text and re.search(r"\n条\d", text) and re.search(r"\n人次\d", text)
    _assert_legacy_gold(_parse(text, "report.txt"))


def test_active_text_in_a_found_rows_value_cell_is_not_a_missing_rows_label() -> None:
    # OCR read 行政处罚's 356 as 人一1全 with a stray 26 further on its line, and 行政强制's 7 as 站As (a scan,
    # synth_484): the text after 行政处罚's own label, no number before it, is that row's value cell, not the
    # label of the missing 行政强制; that row stays missing (review required), never 26 under another label
    text = s.report().replace("行政处罚\t356\n行政强制\t7", "行政处罚\t人一1全\t26\n行政强制 AN\t站As")
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert cells["active/coercion/decisions"] is None
    assert "active/coercion" not in _fuzzy(report)
    assert any(w.code == "missing_row" and w.key == "active/coercion" for w in report.warnings)
    assert report.metadata["review"] == "required"


def test_active_row_with_a_digit_in_text_before_its_number_is_left_blank() -> None:
    # the same row: the cell where 行政处罚's number belongs reads 人一1全 (a number with characters for some of its
    # digits), a stray 26 after it: which cell 26 is, nothing says; the row is left blank with a warning
    text = s.report().replace("行政处罚\t356\n", "行政处罚\t人一1全\t26\n")
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert cells["active/penalty/decisions"] is None
    assert cells["active/coercion/decisions"] == 7
    (w,) = [w for w in report.warnings if w.code == "unreadable_cell" and w.key == "active/penalty"]
    assert "'人一1全'" in w.message and "(26)" in w.message
    # a note with no digit before the number is no misread number: the row is read
    text = s.report().replace("行政处罚\t356\n", "行政处罚\t（件）\t356\n")
    assert _parse(text).as_json()["cells"]["active/penalty/decisions"] == 356

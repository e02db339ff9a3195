"""Snippet tests of table 三's row labels as PDF text extractors print them: beside their group heading
(``parsers/tables/heading_beside.py``), numbered ``3、`` where only a prefix pattern finds the row, two labels
before both rows' values (``parsers/tables/label_pairs.py``), and 四、结转下年度继续办理 wrapped around its values.
The texts are extractors' output of synthetic reports' PDFs (tuning seeds), cut by
``scripts/build_synth_snippets.py``; the gold is each seed's ``synth_<seed>.json``."""

from __future__ import annotations

from parsers import parse
from parsers.tables.heading_beside import label_rest
from tests.snippet_reports import SNIPPETS, app_row, snippet_report


def _printing(name: str, printed: str):  # type: ignore[no-untyped-def]
    """The snippet's report, once its text is seen to print ``printed`` (the shape the test is about)."""
    assert printed in (SNIPPETS / name).read_text(encoding="utf-8")
    return snippet_report(name)


def test_group_heading_beside_a_wrapped_label_is_set_aside_when_its_lines_are_joined() -> None:
    # tuning seed 1610: ``(三)不予公 1．属于国家秘`` / ``0 0 0 0 0 0 0`` / ``开 密``: joined whole the label read
    # ``…国家秘开密`` and 1.属于国家秘密 was not found (version 153: seven blanks, the row missing)
    report = _printing("synth-1610-pdfplumber-table3.txt", "（三）不予公 1．属于国家秘\n0 0 0 0 0 0 0\n开 密\n")
    assert app_row(report, "withheld.state_secret") == [0, 0, 0, 0, 0, 0, 0]
    assert app_row(report, "withheld.prohibited_by_law") == [0, 0, 0, 0, 0, 0, 0]
    assert not [w for w in report.warnings if w.key == "applications/withheld.state_secret"]
    # tuning seed 4049: ``三、本年度 3.危及“三安全一稳`` / values / ``办理结果 定”`` (三、本年度办理结果 beside it)
    report = snippet_report("synth-4049-pdfplumber-table3.txt")
    assert app_row(report, "withheld.three_safeties") == [0, 0, 0, 0, 0, 0, 0]
    assert app_row(report, "withheld.third_party_rights") == [0, 0, 0, 0, 0, 0, 0]
    assert not [w for w in report.warnings if w.code in ("unknown_row", "missing_row") and "applications" in w.key]


def test_label_rest_takes_the_second_piece_only_beside_a_numbered_heading() -> None:
    assert label_rest("(三)不予公 1．属于国家秘", "开 密") == "密"
    assert label_rest("三、本年度 3.危及“三安全一稳", "办理结果 定”") == "定”"
    assert label_rest("3.危及“三安全一稳", "定”") is None  # no heading beside it: the fragment joined whole
    assert label_rest("(三)不予公 1．属于国家秘", "家秘密") is None  # one piece: the label's own rest
    assert label_rest("行政 许可", "开 密") is None  # no group heading's numbering, no item's


def test_item_numbered_with_a_comma_found_by_its_wordings_start() -> None:
    # tuning seed 1603 numbers its items ``1、`` … and misprints 3.补正后申请内容仍不明确's 确 (``碓``): only the
    # prefix pattern (``补正后``) names the row, which took a dot only (version 153: the row missing, seven blanks)
    report = _printing("synth-1603-pdfplumber-table3.txt", "3、补正\n后申请内\n0 0 0 0 0 1 1\n容仍不明\n碓\n")
    assert app_row(report, "unavailable.unclear_after_correction") == [0, 0, 0, 0, 0, 1, 1]
    assert app_row(report, "unavailable.needs_creation") == [0, 0, 0, 0, 0, 0, 0]
    assert not [w for w in report.warnings if w.key == "applications/unavailable.needs_creation"]


def test_two_labels_one_after_the_other_their_values_after_the_second_read_in_order() -> None:
    # tuning seed 4057 (pdftotext's default mode): ``（七）总计`` / ``四、结转下年度继续办理`` / 14 values, （七）总计's
    # then 四、结转's. Version 154 read none for （七）总计 and 6 0 6 5 0 0 17 for 四、结转 (gold 1 0 0 0 0 0 1: four
    # wrong numbers), the last seven dropped as extra values
    name = "synth-4057-pdftotext-default-table3.txt"
    report = _printing(name, "\f(七)总计\n四、结转下年度继续办理\n\n6\n\n0\n\n6\n\n5\n\n0\n\n0\n\n17\n\n1\n\n0\n")
    assert app_row(report, "results_total") == [6, 0, 6, 5, 0, 0, 17]
    assert app_row(report, "carried_forward") == [1, 0, 0, 0, 0, 0, 1]
    assert any(w.code == "values_after_labels" and w.key == "applications/results_total" for w in report.warnings)


def test_carried_forward_found_by_its_wrapped_labels_second_line() -> None:
    # tuning seed 4042 (markitdown's text of a PDF): ``四、结转`` / the row's pipe table / ``下年度继续办理``: neither
    # line prints 结转下年度 whole, and the row was missing (version 155: seven blanks). The second line names the row;
    # read from the first (:func:`parsers.tables.label_heads.wrapped_label_head`). Gold: synth_4042.json
    row = "|     |     |     |     |     |     |     | 8   | 0 0 0 0 | 0 8 |"
    rule = "| --- | --- | --- | --- | --- | --- | --- | --- | ------- | --- |"
    report = _printing("synth-4042-markitdown-pdf-table3.md", f"四、结转\n{row}\n{rule}\n下年度继续办理\n")
    assert app_row(report, "carried_forward") == [8, 0, 0, 0, 0, 0, 8]
    assert not [w for w in report.warnings if w.key == "applications/carried_forward"]


def test_two_labels_not_split_in_a_text_that_prints_values_before_labels() -> None:
    # bat38's tuning seed 1610 (pdfminer's boxes by their lower edges): the first row's values print before its
    # label, and so do 1.信访举报投诉类申请's (0 0 0 0 9 0 9) right before 2.重复申请's label, fourteen values after
    # it. Version 155 split those fourteen between the two rows, reading 1.信访's 法律服务机构 and 总计 0 for 9 (two
    # wrong numbers); in such a text a label with no value after it says nothing of where its values are
    name = "synth-1610-pdfminer-flow-none-table3.txt"
    report = _printing(name, " 9 \n\n 1．信访举报\n投诉类申请 \n\n 2．重复申请 \n\n 0 \n\n")
    petition = app_row(report, "not_processed.petition")
    assert all(v is None or v == g for v, g in zip(petition, [0, 0, 0, 0, 9, 0, 9], strict=True)), petition
    assert not [w for w in report.warnings if w.code == "values_after_labels"]


def test_two_labels_not_split_where_the_first_is_wrapped() -> None:
    # the same text without the values before its first label (``0 0 0 14 0`` / ``一、本年``), a text the first
    # guard lets through: 1.信访举报投诉类申请's label wraps over two lines, so its values may print before it (here
    # they do); version 157 split the fourteen values after 2.重复申请 between the two rows (two wrong numbers again)
    text = (SNIPPETS / "synth-1610-pdfminer-flow-none-table3.txt").read_text(encoding="utf-8")
    head = text.index(" 一、本年")
    values = text.rindex("机构", 0, head) + len("机构")
    assert text[values:head] == " \n\n 0 \n\n 0 \n\n 0 \n\n 14 \n\n 0 \n\n"
    report = parse((text[:values] + " \n\n" + text[head:]).encode("utf-8"), "synth-1610-no-lead.txt")
    petition = app_row(report, "not_processed.petition")
    assert all(v is None or v == g for v, g in zip(petition, [0, 0, 0, 0, 9, 0, 9], strict=True)), petition
    assert not [w for w in report.warnings if w.code == "values_after_labels"]

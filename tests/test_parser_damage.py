"""One test per kind of damage real reports arrive with, built from small real-looking snippets."""

from __future__ import annotations

import snippets as s

from parsers import parse


def _parse(text: str):
    return parse(text.encode("utf-8"), "report.txt")


def _codes(report) -> list[str]:
    return [w.code for w in report.warnings]


def _cells(report) -> dict:
    return report.as_json()["cells"]


def test_clean_snippet_reads_every_cell_and_passes() -> None:
    report = _parse(s.report())
    cells = _cells(report)
    assert report.metadata["format"] == "2021"
    assert report.metadata["year"] == 2023
    assert report.metadata["region"] == "某某旗"
    assert cells["active/licensing/decisions"] == 1204  # thousands separator
    assert cells["active/fees/amount"] == 86.45
    assert cells["applications/new_received/total"] == 8
    assert cells["review_litigation/review/total"] == 2
    assert len([k for k in cells if k.startswith("applications/")]) == 25 * 7
    assert len([k for k in cells if k.startswith("review_litigation/")]) == 15
    assert all(c.passed for c in report.checks)
    assert [sec.number for sec in report.sections] == [1, 2, 3, 4, 5, 6]


def test_table_split_across_pages_and_interleaved_with_body_text() -> None:
    active = s.ACTIVE_2021.replace(
        "行政处罚\t356\n",
        "行政处罚\t356\n\n- 3 -\n（二）依申请公开。本年度共收到申请 8 件，均已按时办结。\n\n",
    )
    rows = s.default_rows()
    apps = s.app_table(rows).replace(
        "5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n",
        "5.属于三类内部事务信息\t0\t0\t0\n"
        "（三）政府信息管理。我旗严格落实信息发布审核制度，本年度累计整改错敏词 35 条，切实提升了政务公开质量和效果。\n"
        "\t0\t0\t0\t0\n",
    )
    report = _parse(s.report(active=active, apps=apps))
    cells = _cells(report)
    assert cells["active/penalty/decisions"] == 356
    assert cells["active/coercion/decisions"] == 7
    assert [cells[f"applications/withheld.internal_affairs/{c}"] for c in ("natural_person", "total")] == [0, 0]
    assert all(c.passed for c in report.checks)


def test_label_broken_mid_word_with_values_between_its_halves() -> None:
    apps = s.app_table().replace(
        "5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n",
        "5.要求行政机关确\t0\t0\t0\t0\t0\t0\t0\n\n\t\t认或重新出具已获取信息\t\t\t\t\t\t\t\n",
    )
    report = _parse(s.report(apps=apps))
    assert _cells(report)["applications/not_processed.confirm_existing/total"] == 0
    assert "unknown_row" not in _codes(report)
    assert all(c.passed for c in report.checks)


def test_number_glued_to_label_is_split_and_reported() -> None:
    rows = s.default_rows()
    rows["withheld.three_safeties"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [2, 1, 0, 0, 1, 0, 4]
    text = s.app_table(rows).replace("3.危及“三安全一稳定”\t1\t", "3.危及“三安全一稳定”1\t")
    report = _parse(s.report(apps=text))
    cells = _cells(report)
    assert [cells[f"applications/withheld.three_safeties/{c}"] for c in ("natural_person", "total")] == [1, 1]
    glued = [w for w in report.warnings if w.code == "glued_number"]
    assert glued and glued[0].key == "applications/withheld.three_safeties"
    assert all(c.passed for c in report.checks)


def test_numerals_lost_from_row_labels() -> None:
    apps = (
        s.app_table()
        .replace("（四）无法提供", "()无法提供")
        .replace("（五）不予处理", "()不予处理")
        .replace("（七）总计", "()总计")
    )
    report = _parse(s.report(apps=apps))
    assert _cells(report)["applications/results_total/total"] == 7
    assert _cells(report)["applications/unavailable.not_held/natural_person"] == 2
    assert all(c.passed for c in report.checks)


def test_blank_cells_are_null_never_zero() -> None:
    review = [None] * 5 + [0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    report = _parse(s.report(review=s.review_table(review)))
    cells = _cells(report)
    assert [cells[f"review_litigation/review/{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        None
    ] * 5
    assert cells["review_litigation/litigation_direct/corrected"] == 1
    assert "review_litigation/review/total" in cells  # present, as null


def test_blank_cell_positions_inferred_from_identities_when_text_lost_them() -> None:
    # one number per line, the blank cell of 其他 (other_org) gone without a trace
    rows = s.default_rows()
    rows["granted"] = [3, 1, 0, 0, 1, None, 5]
    text = s.app_table(rows)
    line = "三、本年度办理结果\t（一）予以公开\t3\t1\t0\t0\t1\t\t5\n"
    assert line in text
    text = text.replace(line, "三、本年度办理结果\n（一）予以公开\n3\n1\n0\n0\n1\n5\n")
    report = _parse(s.report(apps=text))
    cells = _cells(report)
    assert cells["applications/granted/total"] == 5
    assert cells["applications/granted/legal_service"] == 1
    assert "missing_cell" in _codes(report)


def test_headers_broken_mid_word() -> None:
    apps = s.app_table().replace("科研机构", "科研机\n构").replace("社会公益组织", "社会公\n益组织")
    review = s.review_table().replace("结果纠正", "结果\n纠正").replace("尚未审结", "尚未\n审结")
    report = _parse(s.report(apps=apps, review=review))
    assert _cells(report)["review_litigation/review/upheld"] == 1
    assert _cells(report)["applications/new_received/legal_service"] == 1
    assert all(c.passed for c in report.checks)


def test_sixteenth_zero_in_a_fifteen_cell_row() -> None:
    report = _parse(s.report(review=s.review_table([0] * 16)))
    cells = _cells(report)
    assert all(cells[k] == 0 for k in cells if k.startswith("review_litigation/"))
    assert len([k for k in cells if k.startswith("review_litigation/")]) == 15
    assert "extra_values" in _codes(report)


def test_extra_value_dropped_by_the_identities_not_by_position() -> None:
    # a page number "2" printed inside the review row: only one reading satisfies the row totals
    values = ["1", "0", "0", "1", "2", "2", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]
    text = s.REVIEW_HEADER + "\n".join(values) + "\n"
    report = _parse(s.report(review=text))
    cells = _cells(report)
    assert [cells[f"review_litigation/litigation_direct/{c}"] for c in ("upheld", "corrected", "total")] == [0, 1, 1]
    assert all(c.passed for c in report.checks)


def test_fullwidth_digits_dashes_slashes_and_none() -> None:
    active = (
        s.ACTIVE_2021.replace("规章\t0\t0\t2", "规章\t—\t/\t２")
        .replace("行政强制\t7", "行政强制\t无")
        .replace("行政许可\t1,204", "行政许可\t１，２０４")
    )
    report = _parse(s.report(active=active))
    cells = _cells(report)
    assert cells["active/rules/issued"] is None
    assert cells["active/rules/repealed"] is None
    assert cells["active/rules/in_force"] == 2
    assert cells["active/coercion/decisions"] == 0
    assert cells["active/licensing/decisions"] == 1204


def test_failed_identity_keeps_published_numbers() -> None:
    rows = s.default_rows()
    rows["new_received"] = [5, 2, 0, 0, 1, 0, 9]  # the published total is wrong
    report = _parse(s.report(apps=s.app_table(rows)))
    assert _cells(report)["applications/new_received/total"] == 9
    failed = {c.name: c for c in report.checks if not c.passed}
    assert "applications/row_total/new_received" in failed
    assert (
        failed["applications/row_total/new_received"].left,
        failed["applications/row_total/new_received"].right,
    ) == (
        8,
        9,
    )
    assert "identity_failed" in _codes(report)


def test_unknown_row_label_is_a_warning_not_silently_dropped() -> None:
    apps = s.app_table().replace(
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0\n",
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0\n2a.其他不予处理情形\t0\t0\t0\t0\t0\t0\t0\n",
    )
    report = _parse(s.report(apps=apps))
    unknown = [w for w in report.warnings if w.code == "unknown_row"]
    assert unknown and "其他不予处理情形" in unknown[0].message


def test_table_found_twice_is_reported() -> None:
    text = s.report() + "\n附件：\n" + s.app_table()
    report = _parse(text)
    assert "duplicate_table" in _codes(report)
    assert _cells(report)["applications/new_received/total"] == 8


def test_no_standard_table_gives_format_none_and_no_cells() -> None:
    text = s.HEAD + "二、主动公开政府信息情况\n本年度主动公开信息1200条。\n" + s.TAIL
    report = _parse(text)
    assert report.metadata["format"] == "none"
    assert report.cells == {}
    assert report.checks == []
    assert "no_table" in _codes(report)


def test_missing_row_is_null_and_reported() -> None:
    apps = s.app_table().replace("8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n", "")
    report = _parse(s.report(apps=apps))
    cells = _cells(report)
    assert cells["applications/withheld.query_matters/total"] is None
    assert "missing_row" in _codes(report)


def test_pdf_style_rows_with_space_separated_numbers() -> None:
    apps = "\n".join(line.replace("\t", " ") for line in s.app_table().splitlines()) + "\n"
    report = _parse(s.report(apps=apps))
    assert _cells(report)["applications/new_received/natural_person"] == 5
    assert all(c.passed for c in report.checks)


def test_2019_format() -> None:
    active = """二、主动公开政府信息情况
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
行政处罚\t300\t12\t1500
行政强制\t20\t0\t35
第二十条第（八）项
信息内容\t上一年项目数量\t本年增/减
行政事业性收费\t15\t-2
"""
    rows = s.default_rows()
    apps = s.app_table(rows)
    lines = [ln for ln in apps.splitlines() if not ln.startswith(("2.申请人逾期", "3.其他"))]
    apps = "\n".join("（六）其他处理\t0\t0\t0\t0\t0\t0\t0" if "逾期不补正" in ln else ln for ln in lines) + "\n"
    text = s.report(active=active, apps=apps).replace("2023年", "2019年")
    report = _parse(text)
    cells = _cells(report)
    assert report.metadata["format"] == "2019"
    assert cells["active/licensing/change"] == -3
    assert cells["active/other_services/decisions"] == 88
    assert cells["active/fees/prior_items"] == 15
    assert cells["applications/other/total"] == 0
    assert "applications/other.no_correction/total" not in cells
    assert all(c.passed for c in report.checks)


def test_content_not_matching_its_extension_is_read_by_content_and_reported() -> None:
    report = parse(s.report().encode("utf-8"), "report.pdf")
    assert report.metadata["source_kind"] == "text"
    assert report.warnings[0].code == "kind_mismatch"
    assert report.as_json()["cells"]["applications/new_received/total"] == 8


def test_document_over_the_size_limit_is_refused() -> None:
    import pytest

    from parsers import UnreadableDocument

    with pytest.raises(UnreadableDocument) as exc:
        parse(s.report().encode("utf-8"), "report.txt", max_bytes=1000)
    assert exc.value.code == "too_large"


def test_gbk_text_is_decoded() -> None:
    report = parse(s.report().encode("gb18030"), "report.txt")
    assert report.metadata["region"] == "某某旗"
    assert report.as_json()["cells"]["applications/new_received/total"] == 8


def test_body_text_mentioning_a_row_label_does_not_open_the_table() -> None:
    head = s.HEAD + "（二）依申请公开情况。本年新收政府信息公开申请8件，已全部办结。\n"
    text = s.report().replace(s.HEAD, head)
    report = _parse(text)
    assert _cells(report)["applications/new_received/total"] == 8
    assert _cells(report)["active/rules/in_force"] == 2
    assert all(c.passed for c in report.checks)


def test_region_from_a_title_that_starts_with_the_year() -> None:
    text = s.report().replace("某某旗2023年政府信息公开工作年度报告", "2023年某某旗政府信息公开工作年度报告")
    assert _parse(text).metadata["region"] == "某某旗"


def test_blank_row_lost_from_the_text_is_placed_at_the_start_and_flagged() -> None:
    # a review row left blank, its empty cells gone with the line's leading separators (one value per line)
    values = ["0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]
    report = _parse(s.report(review=s.REVIEW_HEADER + "\n".join(values) + "\n"))
    cells = _cells(report)
    assert [cells[f"review_litigation/review/{c}"] for c in ("upheld", "total")] == [None, None]
    assert [cells[f"review_litigation/litigation_direct/{c}"] for c in ("corrected", "total")] == [1, 1]
    codes = _codes(report)
    # the choice is a guess, and says so: each row's total holds wherever the blank row goes and nothing printed
    # marks it (no empty lines for its cells), so a person must look
    assert "placement_open" in codes
    assert report.metadata["review"] == "required"


def test_region_from_a_title_that_starts_with_guanyu_and_names_the_government() -> None:
    title = "关于科尔沁区人民政府2023年政府信息公开工作年度报告"
    text = s.report().replace("某某旗2023年政府信息公开工作年度报告", title)
    meta = _parse(text).metadata
    assert meta["region"] == "科尔沁区"
    assert meta["title"] == title


def test_binary_data_read_as_text_is_refused_as_garbled() -> None:
    import random

    import pytest

    from parsers import UnreadableDocument

    rng = random.Random(7)
    junk = "".join(chr(rng.randrange(0x100, 0xD7FF)) for _ in range(3000))
    with pytest.raises(UnreadableDocument) as exc:
        parse(junk.encode("utf-8"), "report.txt")
    assert exc.value.code == "garbled"
    # a bilingual page (Chinese with Mongolian script) is readable
    mongolian = "ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ " * 40
    report = parse((mongolian + "\n" + s.report()).encode("utf-8"), "report.txt")
    assert report.as_json()["cells"]["applications/new_received/total"] == 8

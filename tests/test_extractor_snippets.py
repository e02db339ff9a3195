"""Snippet tests for rules the synthetic extractor round found missing (issue 8, ``scripts/synth_extractors.py``).
The texts are real extractors' output (BeautifulSoup, lynx, pypdf on Chromium's print) of a short report written in
``scripts/build_extractor_snippets.py`` (not from the seeds, nor from the synthetic reports)."""

from __future__ import annotations

from pathlib import Path

from parsers import parse

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"
REVIEW_KEYS = [
    f"review_litigation/{row}/{col}"
    for row in ("review", "litigation_direct", "litigation_after_review")
    for col in ("upheld", "corrected", "other", "pending", "total")
]


def _parse(name: str):  # type: ignore[no-untyped-def]
    return parse((SNIPPETS / name).read_bytes(), name)


def test_fee_row_on_one_line_with_its_unit_is_read() -> None:
    # lynx and pypdf print table 二's last row as one line, one space between its label and ``2.5万元``
    for name, line in (("own-lynx.txt", "行政事业性收费 2.5万元"), ("own-pypdf.txt", "行政事业性收费 2.5 万元")):
        assert line in (SNIPPETS / name).read_text(encoding="utf-8")
        report = _parse(name)
        assert report.cells["active/fees/amount"].value == 2.5, name
        assert not [w for w in report.warnings if w.key == "active/fees"], name


def test_word_empty_cells_printed_as_no_break_spaces_are_blanks_in_place() -> None:
    text = (SNIPPETS / "own-bs4-lines.txt").read_text(encoding="utf-8")
    assert "\n1\n\xa0\n\xa0\n\xa0\n\xa0\n\xa0\n" in text  # table 四's empty cells: one line of a no-break space each
    report = _parse("own-bs4-lines.txt")
    got = [report.cells[k].value for k in REVIEW_KEYS]
    assert got == [2, 1, 0, 3, 6, 0, 1, 0, 0, 1, None, None, None, None, None]
    (warned,) = [w for w in report.warnings if w.code == "blank_cells_in_place"]
    assert "10 values and 5 blank cells" in warned.message
    assert not [w for w in report.warnings if w.code == "ambiguous_value" and "review" in (w.key or "")]


def test_lynx_empty_paragraphs_after_the_last_value_place_the_blank_row_last() -> None:
    # lynx prints each empty cell's <p>&nbsp;</p> as an empty line: five more line breaks after the last value
    text = (SNIPPETS / "own-lynx.txt").read_text(encoding="utf-8")
    assert "   1\n\n\n\n\n\n\n   五、" in text
    report = _parse("own-lynx.txt")
    assert [report.cells[k].value for k in REVIEW_KEYS] == [2, 1, 0, 3, 6, 0, 1, 0, 0, 1, *[None] * 5]
    (warned,) = [w for w in report.warnings if w.code == "blank_cells_placed"]
    assert "(0, 0, 5 more line breaks" in warned.message and "复议后起诉" in warned.message


MIDDLE_BLANK = [2, 1, 0, 3, 6, *[None] * 5, 0, 1, 0, 0, 1]


def test_blank_middle_row_placed_by_lynx_empty_lines() -> None:
    text = (SNIPPETS / "own-blank-middle-lynx.txt").read_text(encoding="utf-8")
    assert "   6\n\n\n\n\n\n\n   0\n" in text  # the five empty cells: five more line breaks between the rows
    report = _parse("own-blank-middle-lynx.txt")
    assert [report.cells[k].value for k in REVIEW_KEYS] == MIDDLE_BLANK
    (warned,) = [w for w in report.warnings if w.code == "blank_cells_placed"]
    assert "(0, 5, 0 more line breaks" in warned.message and "未经复议直接起诉" in warned.message


def test_blank_middle_row_placed_by_pandoc_ruler() -> None:
    # pandoc's plain writer: a simple table under a ruler of 15 dash runs; the row's values stand in their runs
    text = (SNIPPETS / "own-blank-middle-pandoc-plain.txt").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.lstrip().startswith("2 "))
    assert len(row.split()) == 10
    report = _parse("own-blank-middle-pandoc-plain.txt")
    assert [report.cells[k].value for k in REVIEW_KEYS] == MIDDLE_BLANK
    (warned,) = [w for w in report.warnings if w.code == "blank_cells_placed"]
    assert "ruler" in warned.message


def test_blank_middle_row_placed_by_pipes_in_a_flattened_layout_table() -> None:
    # markitdown of a page inside a layout table: the whole report on one line, table 四's row among its pipes
    text = (SNIPPETS / "own-blank-middle-framed-markitdown.md").read_text(encoding="utf-8")
    assert "| 2 | 1 | 0 | 3 | 6 |  |  |  |  |  | 0 | 1 | 0 | 0 | 1 |" in text
    report = _parse("own-blank-middle-framed-markitdown.md")
    assert [report.cells[k].value for k in REVIEW_KEYS] == MIDDLE_BLANK
    assert [w for w in report.warnings if w.code == "blank_cells_placed"]


def test_bare_empty_cells_leave_the_blank_row_open() -> None:
    # <td></td>: lynx prints nothing for them, the values are evenly spaced; the identities hold wherever the blank
    # row goes: the reading is a guess, and the verdict says a person must look
    text = (SNIPPETS / "own-bare-middle-lynx.txt").read_text(encoding="utf-8")
    assert "   6\n\n   0\n" in text
    report = _parse("own-bare-middle-lynx.txt")
    assert not [w for w in report.warnings if w.code == "blank_cells_placed"]
    (warned,) = [w for w in report.warnings if w.code == "placement_open"]
    assert "table 四" in warned.message
    assert report.metadata["review"] == "required"
    assert "placement_open" in report.metadata["review_reasons"]


def test_header_cells_one_a_line_keep_their_order() -> None:
    # lynx prints each cell of the 2019 table 二 (a paragraph each, centred) on a line of its own: the header's
    # cells stand one above the other, overlapping across the page; their order is the lines' order
    text = (SNIPPETS / "own-2019-lynx.txt").read_text(encoding="utf-8")
    assert "上一年项目数量\n" in text and "本年处理决定数量\n" in text
    cells = _parse("own-2019-lynx.txt").cells
    read = {row: [cells[f"active/{row}/{c}"].value for c in ("prior_items", "change", "decisions")]
            for row in ("licensing", "other_services", "penalty", "coercion")}  # fmt: skip
    assert read == {
        "licensing": [57, -2, 1290],
        "other_services": [12, 0, 388],
        "penalty": [41, 3, 76],
        "coercion": [8, 0, 5],
    }


def test_pymupdf4llm_picture_text_lines_joined_by_br_are_read() -> None:
    # pymupdf4llm's layout mode took table 二 for a picture: its lines joined by <br> between two comments
    text = (SNIPPETS / "own-pymupdf4llm-layout.md").read_text(encoding="utf-8")
    assert "<!-- Start of picture text -->" in text and "<br>规章 0 0 0<br>" in text
    report = _parse("own-pymupdf4llm-layout.md")
    cells = report.cells
    assert [cells[f"active/normative_docs/{c}"].value for c in ("issued", "repealed", "in_force")] == [7, 2, 31]
    assert cells["active/licensing/decisions"].value == 208
    assert cells["active/fees/amount"].value == 2.5
    (note,) = [w for w in report.warnings if w.code == "picture_text"]
    assert "<br> read as line breaks" in note.message


def test_report_inside_a_one_column_layout_table_read_without_its_frame() -> None:
    # pandoc -t plain of the page with its body in a portal's layout table: one grid cell frames the report, the
    # report's tables nested inside as text (wrapped at the frame's width)
    text = (SNIPPETS / "own-framed-pandoc-plain.txt").read_text(encoding="utf-8")
    assert text.count("\n| ") > 50 and "+-----" in text
    report = _parse("own-framed-pandoc-plain.txt")
    cells = report.cells
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    rows = {"new_received": [21, 4, 0, 0, 1, 0, 26], "granted": [17, 3, 0, 0, 1, 0, 21],
            "results_total": [22, 4, 0, 0, 1, 0, 27], "carried_forward": [1, 0, 0, 0, 0, 0, 1]}  # fmt: skip
    assert {row: [cells[f"applications/{row}/{c}"].value for c in cols] for row in rows} == rows
    assert cells["active/fees/amount"].value == 2.5
    (note,) = [w for w in report.warnings if w.code == "layout_table"]
    assert "frame dropped" in note.message


def test_value_repeated_under_a_header_cell_repeated_across_grid_columns_is_read_once() -> None:
    # pymupdf4llm prints 本年处理决定数量 across four grid columns, and 行政许可's one value in each of them
    text = (SNIPPETS / "own-pymupdf4llm.md").read_text(encoding="utf-8")
    assert "|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|本年处理决定数量|" in text
    assert "|行政许可|208|208|208|208|" in text
    report = _parse("own-pymupdf4llm.md")
    assert report.cells["active/licensing/decisions"].value == 208
    assert not [w for w in report.warnings if w.code == "extra_values" and w.key == "active/licensing"]
    (note,) = [w for w in report.warnings if w.code == "repeated_value"]
    assert note.message.startswith("3 value(s) repeated")
    # table 三's values repeat under distinct header cells (自然人, 商业企业 …): never read once
    cells = report.cells
    assert [cells[f"applications/carried_over/{c}"].value for c in ("natural_person", "commercial", "research")] == [
        2,
        0,
        0,
    ]


def test_labels_on_a_line_after_their_values_read_with_the_line_above() -> None:
    # markitdown's text of Chromium's print of a Word-styled 2019 table 二: the left-aligned labels of some rows
    # sit lower than their centred values, and come on a line of their own after them
    text = (SNIPPETS / "own-2019-word-markitdown.md").read_text(encoding="utf-8")
    assert "|      | 5       | 5       | 42      |\n规范性文件\n" in text
    assert "| 57      | -2  | 1290     |\n行政许可\n" in text
    report = _parse("own-2019-word-markitdown.md")
    cells = report.cells
    docs, items = ("new_made", "new_published", "total_published"), ("prior_items", "change", "decisions")
    read = {row: [cells[f"active/{row}/{c}"].value for c in (docs if row in ("rules", "normative_docs") else items)]
            for row in ("rules", "normative_docs", "licensing", "other_services")}  # fmt: skip
    assert read == {
        "rules": [0, 0, 3],
        "normative_docs": [5, 5, 42],
        "licensing": [57, -2, 1290],
        "other_services": [12, 0, 388],
    }
    (note,) = [w for w in report.warnings if w.code == "label_after_values"]
    assert "normative_docs, licensing" in note.message


def test_box_rules_of_columns_one_character_wide_are_rules() -> None:
    # w3m draws the one-digit columns of table 三's second part (split from its header) one character wide: the rule
    # between two rows is ``┼─┼─┼``, whose one-character pieces are rules, not cells printing ``─`` (a blank mark)
    text = (SNIPPETS / "own-split-w3m.txt").read_text(encoding="utf-8")
    assert "│（一）予以公开 │17 │3│0│0│1│0│21 │" in text and "┼───┼─┼─┼─┼─┼─┼───┤" in text
    cells = _parse("own-split-w3m.txt").cells
    cols = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    rows = {"granted": [17, 3, 0, 0, 1, 0, 21], "results_total": [22, 4, 0, 0, 1, 0, 27],
            "carried_forward": [1, 0, 0, 0, 0, 0, 1]}  # fmt: skip
    assert {row: [cells[f"applications/{row}/{c}"].value for c in cols] for row in rows} == rows


def test_html2text_rows_without_outer_pipes_and_a_block_title_run_into_the_paragraph() -> None:
    # html2text of the page framed by a layout table: the frame's cell prints as one line, table 二's one-cell first
    # row (第二十条第（一）项) at its end; the rows print without the outer pipes (规章| 0| 0| 0) under ``---`` rules
    text = (SNIPPETS / "own-framed-html2text.md").read_text(encoding="utf-8")
    assert "实效性 二、主动公开政府信息情况 | 第二十条第（一）项  \n---  \n信息内容| 本年制发件数|" in text
    assert "\n规章| 0| 0| 0  \n行政规范性文件| 7| 2| 31  \n" in text
    report = _parse("own-framed-html2text.md")
    assert report.metadata["convention"] == "markdown"
    cells = report.cells
    cols = ("issued", "repealed", "in_force")
    assert [cells[f"active/rules/{c}"].value for c in cols] == [0, 0, 0]
    assert [cells[f"active/normative_docs/{c}"].value for c in cols] == [7, 2, 31]
    assert cells["active/licensing/decisions"].value == 208
    assert [cells[f"applications/new_received/{c}"].value for c in ("natural_person", "commercial", "total")] == [
        21,
        4,
        26,
    ]
    assert not [w for w in report.warnings if w.code == "ocr_digit"]  # the pipes are Markdown's, not OCR's rules

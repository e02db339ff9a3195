"""Snippet tests of the text itself (its detection, headings, headers and runs), for rules the synthetic extractor
round found missing (issue 8, ``scripts/synth_extractors.py``). The texts are real extractors' output of short
reports written in ``scripts/build_extractor_snippets.py`` or cut from synthetic reports by
``scripts/build_synth_snippets.py``."""

from __future__ import annotations

import re
from pathlib import Path

from parsers import parse
from parsers.tables.blank_rows import (
    blank_row_by_bars,
    blank_row_by_right_edge,
)
from parsers.tables.broken_boxes import box_orders, broken_boxes
from parsers.tables.nbsp_runs import blank_rows_by_nbsp
from parsers.tables.paragraph_cells import WRAPPED_MIN_CHARS, is_paragraph_cells, wrapped_prose
from parsers.tables.tokens import Token, token
from tests.snippet_reports import (
    FEES_AND_PROCUREMENT,
    FULL_THREE,
    OTHER_SERVICES,
    SNIPPETS,
    app_row,
    cell_values,
    row_or_none,
    snippet_report,
)


def test_numbers_a_paragraph_without_form_feeds_or_wrapped_prose_are_no_pdf_text() -> None:
    # the same text with each paragraph on one line (as docx2txt and mammoth print a DOCX) is not taken for a PDF's:
    # its numbers alone between blank lines are a DOCX's paragraphs; with a form feed (poppler's page end) it is
    text = (SNIPPETS / "synth-1242-pdftotext-nopgbrk.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].strip() and line.strip() and len(joined[-1]) >= WRAPPED_MIN_CHARS:
            joined[-1] += line
        else:
            joined.append(line)
    one_line = "\n".join(joined)
    assert wrapped_prose(one_line) == 0 and not is_paragraph_cells(one_line)
    assert is_paragraph_cells(one_line + "\f")


def test_blank_last_row_leaves_no_room_and_stays_open() -> None:
    # the last row bare: the line ends after the tenth value, nothing shows which row is blank (the template's
    # first row is left blank, as before, and said to be open)
    report = snippet_report("own-bare-last-inscriptis.txt")
    assert not [w for w in report.warnings if w.code == "blank_cells_placed"]
    assert [w for w in report.warnings if w.code == "placement_open"]
    assert report.metadata["review"] == "required"


def test_glued_merged_other_row_is_read_as_the_one_other_row() -> None:
    text = (SNIPPETS / "own-merged-other-bs4-glued.txt").read_text(encoding="utf-8")
    assert "（六）其他处理3010004" in text  # its seven values glued to the label, nothing after it on its line
    report = snippet_report("own-merged-other-bs4-glued.txt")
    assert row_or_none(report, "other") == [3, 0, 1, 0, 0, 0, 4]
    assert row_or_none(report, "results_total") == FULL_THREE["results_total"]
    assert [w for w in report.warnings if w.code == "merged_row"]


def test_section_headings_inside_a_layout_frame_or_a_styled_span_are_found() -> None:
    # pandoc's plain and rst writers print each heading as a line of the frame (``| 一、总体情况 |``); its Markdown
    # keeps a styled heading as a bracketed span (``[四、…]{style="…"}``): own.html has sections 一 to 五
    framed = ("own-framed-pandoc-plain.txt", "own-framed-pandoc-rst.txt", "own-framed-long-spans-pandoc-markdown.md")
    for name in framed:
        report = snippet_report(name)
        assert [s.number for s in report.sections] == [1, 2, 3, 4, 5], name
        assert [s.heading for s in report.sections][3] == "四、政府信息公开行政复议、行政诉讼情况", name
        missing = [w.message for w in report.warnings if w.code == "missing_section"]
        assert missing == ["section 六、其他需要报告的事项 has no heading in the text"], name


def test_grid_rows_left_alone_where_groupings_disagree() -> None:
    from parsers.grid_repeats import _reading

    # a lone 1 after three zero grid columns: in 商业企业, 科研机构 or 社会公益组织, each keeping the total
    assert _reading([[0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1]]) is None
    # the same row beside one whose 1s in grid columns 1–2 fix the groups before it: 科研机构 (columns 3–4)
    starts = _reading([[0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1], [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]])
    assert starts is not None and starts[:4] == (0, 1, 3, 5) and starts[-1] == 11
    # no grouping keeps the totals: nothing read
    assert _reading([[1, 2, 3, 4, 5, 6, 7, 8]]) is None


_FIRST_BLOCK = [
    f"active/{row}/{c}" for row in ("rules", "normative_docs") for c in ("new_made", "new_published", "total_published")
]


def test_grid_columns_under_a_header_cell_and_its_placeholders_read_as_one() -> None:
    # pymupdf4llm's plain mode (tuning seed 1246) prints a merged header cell's text in its first grid column and
    # ColN in the others; each row's number repeats in every grid column of its cell (version 65: 0 0 0 4 4 4 4 6
    # read as 0 0 0, 4 wrong numbers)
    text = (SNIPPETS / "synth-1246-pymupdf4llm-table2.md").read_text(encoding="utf-8")
    assert "|本年新制作数量|Col3|Col4|本年新公开数量|Col6|Col7|Col8|对外公开总数量|" in text
    assert "|规章|0|0|0|4|4|4|4|6|" in text
    report = snippet_report("synth-1246-pymupdf4llm-table2.md")
    assert [report.cells[k].value for k in _FIRST_BLOCK] == [0, 4, 6, 8, 0, 0]
    (note,) = [w for w in report.warnings if w.code == "placeholder_columns"]
    assert "本年新制作数量: 3 grid columns" in note.message and "本年新公开数量: 4 grid columns" in note.message


def test_placeholder_grid_columns_that_print_different_numbers_are_not_grouped() -> None:
    # the same header over rows whose grid columns under 本年新制作数量 print different numbers: no merged cell's
    # repeat, so that run is not grouped by its placeholders (本年新公开数量's still is)
    text = (SNIPPETS / "synth-1246-pymupdf4llm-table2.md").read_text(encoding="utf-8")
    text = text.replace("|规章|0|0|0|4|4|4|4|6|", "|规章|0|1|0|4|4|4|4|6|")
    report = parse(text.encode("utf-8"), "synth-1246-pymupdf4llm-table2.md")
    (note,) = [w for w in report.warnings if w.code == "placeholder_columns"]
    assert "本年新制作数量" not in note.message and "本年新公开数量: 4 grid columns" in note.message
    # a block of zeros only: nothing tells a merged cell's repeat from columns of zeros
    text = text.replace("|规章|0|1|0|4|4|4|4|6|", "|规章|0|0|0|0|0|0|0|0|").replace(
        "|8|8|8|0|0|0|0|0|", "|0|0|0|0|0|0|0|0|"
    )
    report = parse(text.encode("utf-8"), "synth-1246-pymupdf4llm-table2.md")
    assert not [w for w in report.warnings if w.code == "placeholder_columns"]


def test_grid_columns_of_a_full_width_signed_number_are_one_column() -> None:
    # 1262: pymupdf4llm repeats each merged cell's number in its grid columns, the report's −7 printed with a
    # full-width minus: its two grid columns are one column as the others' are (read −7 −7 0 before: 3 columns of 4)
    assert "|其他对外管理服务事项|其他对外管理服务事项|其他对外管理服务事项|28|28|28|28|28|－7|－7|0|0|" in (
        SNIPPETS / "synth-1262-pymupdf4llm-table2.md"
    ).read_text(encoding="utf-8")
    report = snippet_report("synth-1262-pymupdf4llm-table2.md")
    assert cell_values(report, OTHER_SERVICES) == [28, -7, 0]
    assert not [w for w in report.warnings if w.code == "extra_values"]


def test_wrapped_label_end_is_not_the_next_rows_label_and_count_amount_on_a_line_is_read() -> None:
    # 1258 (pypdf): 行政事业性收费's label wrapped, its values on the second line (``费 3 0``): that piece is the
    # fee row's, not 政府集中采购's by the template's order (read 3 0 as the procurement's before), and
    # 政府集中采购's count and amount print in one cell apart by a full-width semicolon on the label's line
    text = (SNIPPETS / "synth-1258-pypdf-table2.txt").read_text(encoding="utf-8")
    assert "行政事业性收\n费 3 0\n" in text and "\n政府集中采购 1；4.904693\n" in text
    report = snippet_report("synth-1258-pypdf-table2.txt")
    assert cell_values(report, FEES_AND_PROCUREMENT) == [3, 0, 1, 4.904693]
    assert not [w for w in report.warnings if w.code == "fuzzy_label"]


def test_count_amount_cell_cut_before_its_semicolon_reads_the_amount() -> None:
    # 1258 (pymupdf4llm's layout mode): the cell ``1；4.904693`` cut at a grid rule, ``|1|；4.904693|``: the piece
    # after the cut is the amount (read as the tie-break put the lone 1: amount 1, count blank, before)
    assert "|政府集中采购||1|；4.904693|" in (SNIPPETS / "synth-1258-pymupdf4llm-layout-table2.md").read_text(
        encoding="utf-8"
    )
    report = snippet_report("synth-1258-pymupdf4llm-layout-table2.md")
    assert cell_values(report, FEES_AND_PROCUREMENT[2:]) == [1, 4.904693]


def test_label_pieces_that_open_labels_of_their_own_are_not_joined() -> None:
    # two cells before the values, the second a numbered label of its own (``(五)不予处理|4．无正当理由…``): two
    # labels, never read as one; a piece printing a number after the first (``请数量  15|0  10``) keeps its number
    from parsers.conventions import canonicalise

    text = (
        "|项目||自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
        + "|---" * 9
        + "|\n|(五)不予处理|4．无正当理由大量反复申请|0|0|0|0|0|0|0|\n"
        + "|一、本年新|收政府信息公开申|请数量  15|0  10|4|0|0|29|\n"
    )
    lines = canonicalise(text).text.splitlines()
    assert lines[1].split("\t")[:2] == ["(五)不予处理", "4．无正当理由大量反复申请"]
    assert lines[2].split("\t") == ["一、本年新收政府信息公开申请数量", "", "15", "0 10", "4", "0", "0", "29"]


def test_a_unit_columns_cell_is_no_piece_of_a_cut_label() -> None:
    # antiword's text of a 2008-template report (tests/fixtures/corpus, tuning seed 002): a pipe row prints the label,
    # its unit and its value (``|（一）政府信息公开工作专|个|692|``), the label wrapped onto the next row: the unit's
    # cell is the 单位 column's, not a piece of the label cut into cells (read as （一）政府信息公开工作专个 and the
    # row lost before)
    path = Path(__file__).parent / "fixtures" / "corpus" / "doc-antiword" / "002_153f5bf49180240b.txt"
    assert "\n|（一）政府信息公开工作专|个                      |692                     |\n" in path.read_text(
        encoding="utf-8"
    )
    report = parse(path.read_bytes(), path.name)
    keys = ["dedicated_units", "reading_points", "staff_total", "meetings"]
    assert cell_values(report, [f"legacy/{k}/value" for k in keys]) == [692, 727, 1714, 352]


def test_a_placeholder_cell_is_no_piece_of_a_cut_label() -> None:
    # markitdown's text of a spreadsheet prints empty cells as NaN: an empty cell, never a piece of a label cut into
    # cells, so a label after it stays in its own cell (moved into the NaN's cell and read as one with it before)
    from parsers.conventions import canonicalise

    text = "| 信息内容 | 本年处理决定数量 | Unnamed: 2 |\n| --- | --- | --- |\n"
    text += "| NaN | 行政许可 | 5 |\n| 行政处罚 | NaN | 7 |\n"
    lines = canonicalise(text).text.splitlines()
    assert lines[0].split("\t") == ["信息内容", "本年处理决定数量", ""]  # (Unnamed: 2 no label's piece and its 2)
    assert lines[1].split("\t") == ["", "行政许可", "5"]
    assert lines[2].split("\t") == ["行政处罚", "", "7"]


def test_pymupdf4llm_layout_rows_short_in_a_cell_of_two_columns_beside_an_idle_grid_column() -> None:
    # pymupdf4llm's layout mode (tuning seed 3474) prints 社会公益组织 and 法律服务机构 in one grid cell, beside a grid
    # column that holds no column (empty in every row of seven values). Version 118 read a row short of a value by
    # its grid cells: 6 under 社会公益组织 for 法律服务机构's, 0 for its blank (2 wrong numbers, identities failing)
    name = "synth-3474-pymupdf4llm-layout-table3.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|0|5|2|0 1||0|8|" in text and "|0|0|0|6||0|6|" in text and "|1.属于国家秘密|0|0|0|0||0|0|" in text
    report = snippet_report(name)
    assert app_row(report, "other.no_correction") == [0, 0, 0, None, 6, 0, 6]
    assert app_row(report, "withheld.state_secret") == [0, 0, 0, None, None, 0, 0]
    assert app_row(report, "granted") == [0, 5, 2, 0, 1, 0, 8]
    assert not [w for w in report.warnings if w.code == "identity_failed"]


def test_pdfium_bracketed_numbering_printed_a_glyph_a_line_is_one_label() -> None:
    # pypdfium2's page text of a narrow label cell (probe 1240, tuning): `(` / `一` / `)予以公开`. The row was found
    # at the wrapped 三、本年度办理结果 above, the line `)予以公开` taken for an unknown row and its values left
    # unassigned (5 blanks, 4 identities failing)
    text = (SNIPPETS / "synth-1240-pdfium-table3.txt").read_text(encoding="utf-8")
    assert "度办理结 果\n(\n一\n)予以公开\n1\n0\n" in text
    report = snippet_report("synth-1240-pdfium-table3.txt")
    assert app_row(report, "granted") == [1, 0, 0, 4, 0, 0, 5]
    assert not [w for w in report.warnings if w.code in ("unknown_row", "identity_failed")]
    (joined,) = [w for w in report.warnings if w.code == "numbering_joined"]
    assert "6 bracketed numbering(s)" in joined.message


def test_front_matter_keys_are_not_the_organ_name() -> None:
    # html-to-markdown prints the page's <title> and CMS <meta> tags as a YAML front matter above the text: the
    # first line that reads as a title is ``meta-ArticleTitle: 某某区…报告`` (version 104 read the organ as
    # ``meta-ArticleTitle: 某某区``)
    text = (SNIPPETS / "own-html-to-markdown.md").read_text(encoding="utf-8")
    assert text.startswith("---\nmeta-ArticleTitle: 某某区人民政府2024年政府信息公开工作年度报告\n")
    report = snippet_report("own-html-to-markdown.md")
    assert report.metadata["region"] == "某某区"
    assert report.metadata["title"] == "某某区人民政府2024年政府信息公开工作年度报告"
    assert report.metadata["year"] == 2024


def test_broken_boxes_printed_after_the_rows_cells_are_placed_where_the_total_holds() -> None:
    def toks(lines: list[str]) -> list[Token]:  # one token a line, at the line given (a blank line: a gap)
        return [token(x, k, k + len(x), k, 0, False) for k, x in enumerate(lines) if x]

    boxes = broken_boxes(toks(["0", "", "2", "", "0", "", "0", "", "0", "", "1", "0", "", "1", "2"]), 7)
    assert boxes is not None and [len(b) for b in boxes] == [1, 1, 1, 1, 1, 2, 2]
    orders = box_orders(boxes)
    assert orders is not None and len(orders) == 6  # 10 in any of the first six columns, 12 the total
    # a broken box before a one-line one: the text's order is the row's (not this layout)
    boxes = broken_boxes(toks(["1", "0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "10"]), 7)
    assert boxes is not None and box_orders(boxes) is None
    assert broken_boxes(toks(["0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "0"]), 7) is None  # none broken


def test_blank_rows_by_nbsp_reads_whole_rows_where_one_split_holds() -> None:
    nbsp = "\xa0" * 5
    assert blank_rows_by_nbsp("01034" + nbsp + "00000", 3, 5) == [(0, 1, 0, 3, 4), None, (0, 0, 0, 0, 0)]
    assert blank_rows_by_nbsp(nbsp * 2 + "01034", 3, 5) == [None, None, (0, 1, 0, 3, 4)]
    assert blank_rows_by_nbsp("0400400202", 3, 5) is None  # no no-break space: where the blank row goes is not printed
    assert blank_rows_by_nbsp("20\xa00002", 3, 5) is None  # a blank cell inside a row: not whole rows
    assert blank_rows_by_nbsp("0103400000 " + nbsp, 3, 5) is None  # a plain space: not this text's cells
    # two splits whose totals hold (1 1 0 0 2 / 11 0 0 0 11 …): nothing read
    assert blank_rows_by_nbsp(nbsp + "110021100011", 3, 5) is None


def test_a_row_short_of_its_heads_is_no_layout_where_its_values_are_not_laid_on_a_grid() -> None:
    # the right-edge reading needs a layout: values a tool laid out by spaces at an even pitch under heads laid
    # out in columns. Cells spaced at random (the corpus's plain-spaces text of real seed 003, whose 行政复议 row
    # is the blank one), cells joined by their own no-break-space padding (BeautifulSoup's glued text, tuning seed
    # 3262) or a single-spaced line under a grid's pipes say nothing of where the row ends
    heads = "结果  结果  其他  尚未  总  结果  结果  其他  尚未  总  结果  结果  其他  尚未  总\n"
    for line, edge in (
        ("0  1  0  1  2  0  0  0  1  1", (2, 0, 27)),  # an even pitch, 27 characters short: the last row blank
        ("0     1  0    0  1  0      0  0   0  0", None),  # short enough, but spaced at random: no grid
        (
            "\xa0 2\xa0 \xa0 0\xa0 \xa0 0\xa0 \xa0 0\xa0 \xa0 2\xa0 \xa0 0\xa0 \xa0 0\xa0 \xa0 0\xa0 \xa0 0\xa0 \xa0 0",
            None,
        ),
        ("0 1 0 1 2 0 0 0 1 1", None),  # single spaces
    ):
        text = heads + line + "\n"
        start = text.index(line)
        spans = [(start + m.start(), start + m.end()) for m in re.finditer(r"\d+", line)]
        assert blank_row_by_right_edge(text, spans, 0) == edge, line


def test_page_heads_lets_one_misprinted_total_off_only_where_one_table_remains() -> None:
    # the table 1 2 3 / 4 1 5 / 5 3 8 printed with row 0's total as 4 (2 4 1 / 1 5 4 / 5 3 8: pages as in the
    # test below): its row's and its column's identities fail, each by what 3 would mend; only the placement that
    # puts 1 and 4 in the first cells leaves that one cell's identities failing
    from parsers.tables.page_heads import Page, place_pages
    from parsers.tables.solve import Identity, holds

    rows = [Identity(f"row{i}", ((i, 0), (i, 1)), ((i, 2),)) for i in range(3)]
    cols = [Identity(f"col{c}", ((0, c), (1, c)), ((2, c),)) for c in range(3)]
    pages = [Page((0, 1), (2,)), Page((3, 4), (5,)), Page((6, 7, 8), ())]
    values = [2, 4, 1, 1, 5, 4, 5, 3, 8]

    def one_cell(order: list[int], off: int | None) -> bool:
        failed = [i for i in rows + cols if not holds(i, lambda c: values[order[c[0] * 3 + c[1]]])]
        return off is not None and {i.name for i in failed} == {f"row{off}", "col2"}

    assert place_pages(values, pages, 3, 3, rows + cols).status == "none"
    got = place_pages(values, pages, 3, 3, rows + cols, one_cell)
    assert got.status == "unique"
    assert got.cells == [[2, 0, 1], [5, 3, 4], [6, 7, 8]]


def test_page_heads_reads_one_table_only() -> None:
    # three pages of one row each (row totals: c0 + c1 = c2; columns: row 0 + row 1 = row 2). Pages 1 and 2 print
    # their row's first cell after the others (with the header): each page alone allows it in either of the first
    # two cells; the columns' identities leave one table, or two, and then nothing is read
    from parsers.tables.page_heads import Page, place_pages
    from parsers.tables.solve import Identity

    rows = [Identity(f"row{i}", ((i, 0), (i, 1)), ((i, 2),)) for i in range(3)]
    cols = [Identity(f"col{c}", ((0, c), (1, c)), ((2, c),)) for c in range(3)]
    pages = [Page((0, 1), (2,)), Page((3, 4), (5,)), Page((6, 7, 8), ())]
    # the table 1 2 3 / 4 1 5 / 5 3 8, printed 2 3 1 / 1 5 4 / 5 3 8: only 1 and 4 add up to 5
    got = place_pages([2, 3, 1, 1, 5, 4, 5, 3, 8], pages, 3, 3, rows + cols)
    assert got.status == "unique"
    assert got.cells == [[2, 0, 1], [5, 3, 4], [6, 7, 8]]
    assert got.moved == [(0, 0, 2), (1, 0, 5)]
    # the table 1 2 3 / 2 1 3 / 3 3 6, printed 2 3 1 / 1 3 2: 1 2 / 2 1 and 2 1 / 1 2 both hold every identity
    assert place_pages([2, 3, 1, 1, 3, 2, 3, 3, 6], pages, 3, 3, rows + cols).status == "ambiguous"
    # a page's values not whole rows: not this layout
    short = [Page((0,), (1,)), Page((2, 3, 4, 5), (6,)), Page((7, 8), ())]
    assert place_pages([2, 3, 1, 1, 5, 4, 5, 3, 8], short, 3, 3, rows + cols).status == "none"


def test_blank_row_by_bars_counts_one_bar_a_blank_cell_at_one_place_only() -> None:
    def spans(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"\d+", text)]

    head = "| 总计 |\n"
    middle = head + "| 0 | 1 | 0 | 1 | 2 |  |  |  |  |  | 0 | 0 | 0 | 1 | 1 |\n五、"
    assert blank_row_by_bars(middle, spans(middle)) == (1, [0, 5, 0])
    last = head + "| 0 | 1 | 0 | 1 | 2 | 0 | 0 | 0 | 1 | 1 |  |  |  |  |  |\n五、"
    assert blank_row_by_bars(last, spans(last)) == (2, [0, 0, 5])
    split = head + "| 0 | 1 | 0 |  | 1 | 2 |  |  |  |  | 0 | 0 | 0 | 1 | 1 |\n五、"  # a blank among a row's values
    assert blank_row_by_bars(split, spans(split)) is None
    spaced = head + "0   1   0   1   2   0   0   0   1   1\n五、"  # no bars: not this text's evidence
    assert blank_row_by_bars(spaced, spans(spaced)) is None

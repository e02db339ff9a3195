"""HTML and DOCX texts that lost rows or tables (issue 8, parser version 108, p39).

Snippets cut from tuning reports' extractor texts by ``scripts/build_synth_snippets.py`` (seeds 2011–2066, never a
held-back one); each expected value is the generator's gold for that report (``synth_reports.py``), never the
parser's output. Each test fails at version 105.
"""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.model import Report

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"
R = "review_litigation"
REVIEW_KEYS = [
    f"{R}/{row}/{col}"
    for row in ("review", "litigation_direct", "litigation_after_review")
    for col in ("upheld", "corrected", "other", "pending", "total")
]
APPLICANTS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _parse(name: str) -> Report:
    return parse((SNIPPETS / name).read_bytes(), name)


def _review(report: Report) -> list[int | float | None]:
    return [report.cells[k].value if k in report.cells else None for k in REVIEW_KEYS]


def test_glued_table_four_whose_total_is_wrong_is_split_by_its_other_rows() -> None:
    # BeautifulSoup's get_text(): table 四 one run, 000051005600101; the report's 行政复议 总计 (5) is wrong, so no
    # split holds all three row totals (the table was blank); one split holds the other two rows'
    report = _parse("synth-2018-bs4-glued-table3.txt")
    assert "000051005600101" in (SNIPPETS / "synth-2018-bs4-glued-table3.txt").read_text(encoding="utf-8")
    assert _review(report) == [0, 0, 0, 0, 5, 1, 0, 0, 5, 6, 0, 0, 1, 0, 1]
    (split,) = [w for w in report.warnings if w.code == "split_number" and w.key == R]
    assert "the only split whose other rows' totals hold, the 行政复议 row's total failing" in split.message
    failed = [c.name for c in report.checks if not c.passed and c.name.startswith(R)]
    assert failed == [f"{R}/row_total/review"]  # the wrong total is kept and fails: review required
    assert report.metadata["review"] == "required"


def test_glued_table_four_two_splits_read_only_where_they_agree() -> None:
    # 0111305001102103: the 直接起诉 row's published 总计 (11) is wrong; its digits 050011 read 0 5 0 0 11 or
    # 0 50 0 1 1 with the other rows' totals holding: the cells both splits read alike are read, the rest blank
    report = _parse("synth-2036-bs4-glued-table3.txt")
    gold = [0, 1, 1, 1, 3, 0, 5, 0, 0, 11, 0, 2, 1, 0, 3]
    got = _review(report)
    assert all(v is None or v == g for v, g in zip(got, gold, strict=True))  # no wrong number
    assert got == [0, 1, 1, 1, 3, 0, None, None, None, None, 0, 2, 1, 0, 3]
    (open_,) = [w for w in report.warnings if w.code == "ambiguous_split" and w.key == R]
    assert "2 splits hold the other rows' totals" in open_.message and "cells 7, 8, 9, 10 left blank" in open_.message
    assert report.metadata["review"] == "required"


def test_glued_misprinted_label_after_its_group_heading_is_matched_by_meaning() -> None:
    # （四）无法提供1.本机关不常握相关政府信息086000086: the group's heading glued before the misprinted label kept it
    # from being matched to 1.本机关不掌握相关政府信息 (the row missing, its seven cells blank)
    report = _parse("synth-2015-bs4-glued-table3.txt")
    row = [report.cells[f"applications/unavailable.not_held/{c}"].value for c in APPLICANTS]
    assert row == [0, 86, 0, 0, 0, 0, 86]
    (fuzzy,) = [w for w in report.warnings if w.code == "fuzzy_label"]
    assert fuzzy.key == "applications/unavailable.not_held" and "不常握" in fuzzy.message
    assert not [c for c in report.checks if not c.passed]  # every identity holds


def test_markdown_escapes_are_no_marks_of_ocr() -> None:
    # mammoth's Markdown escapes (1\.属于国家秘密) made the text look OCR'd, so a row short of a cell had its lost
    # cells deduced 0: a 0 in 商业企业, which the report left blank. Now the text is read as a page's text: the cells
    # the placements differ in are left blank (placement_open), never a 0 where the report printed none
    text = (SNIPPETS / "synth-2066-mammoth-table3.md").read_text(encoding="utf-8")
    assert "1\\.属于国家秘密" in text
    report = _parse("synth-2066-mammoth-table3.md")
    gold = [1, None, 0, 0, 1, 0, 2]
    got = [report.cells[f"applications/withheld.prohibited_by_law/{c}"].value for c in APPLICANTS]
    assert all(v is None or v == g for v, g in zip(got, gold, strict=True))  # no wrong number
    assert got[0] == 1 and got[4:] == [1, 0, 2]
    assert not [w for w in report.warnings if w.code in ("deduced_zero", "zero_row")]
    assert any(
        w.code == "placement_open" and w.key == "applications/withheld.prohibited_by_law" for w in report.warnings
    )


def test_pandoc_placeholder_for_table_four_is_a_missing_table() -> None:
    # pandoc's plain writer prints [TABLE] for table 四 (merged cells): 行政复议 found in section 四's heading, no
    # value after it; the table was read as 15 blanks "placed" (missing_cell, review only suggested)
    report = _parse("synth-2026-html-pandoc-plain-table3.txt")
    assert _review(report) == [None] * 15
    (missing,) = [w for w in report.warnings if w.code == "missing_table" and w.key == R]
    assert "no value printed" in missing.message and "[TABLE]" in missing.message
    assert not [w for w in report.warnings if w.code == "missing_cell" and w.key == R]


def test_html2text_empty_cells_place_table_fours_blank_row() -> None:
    # html2text prints the blank 行政复议 row as empty cells (| | | | | 0| 0| …, its first bar lost: 14 fields): the
    # text places the blank row, no guess left open
    report = _parse("synth-2011-html2text-table3.md")
    assert _review(report) == [None] * 5 + [0, 0, 0, 0, 0, 1, 0, 1, 0, 2]
    (placed,) = [w for w in report.warnings if w.code == "blank_cells_placed" and w.key == R]
    assert "行政复议" in placed.message and "read as blank" in placed.message  # by the marks or by the columns
    assert not [w for w in report.warnings if w.code == "placement_open"]


def test_a_text_without_the_report_says_its_body_is_missing() -> None:
    # html-to-markdown drops the page's <form>, which holds the article: the portal's links and footer only
    report = _parse("synth-2011-html-to-markdown.md")
    assert not [c for c in report.cells.values() if c.value is not None]
    (none,) = [w for w in report.warnings if w.code == "no_table"]
    assert "nor any of its 6 section headings" in none.message and "missing from the text" in none.message
    assert report.metadata["review"] == "required"


def test_pandoc_table_four_wrapped_by_a_layout_frame_is_not_guessed() -> None:
    # pandoc's plain writer inside a portal's layout frame narrower than table 四: its ruler and each line wrapped
    # into pieces (0 / 0 0 1 1 / 0 1 0 0 1). The blank row's cells print as spaces no ruler lays out whole; the
    # first row's guess put 0 0 0 1 1 in the 直接起诉 row, which the report left blank (five wrong numbers)
    report = _parse("synth-2048-html-pandoc-plain-table3.txt")
    gold = [0, 0, 0, 1, 1, *[None] * 5, 0, 1, 0, 0, 1]
    got = _review(report)
    assert all(v is None or v == g for v, g in zip(got, gold, strict=True))  # no wrong number
    (open_,) = [w for w in report.warnings if w.code == "placement_open" and w.key == R]
    assert "(0 0 0 1 1 0 1 0 0 1); every cell left blank" in open_.message
    assert report.metadata["review"] == "required"

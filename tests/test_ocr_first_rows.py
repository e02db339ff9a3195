"""Table 三's first rows and its end on a scan whose table 二 heading and section 四 heading OCR garbled.

synth_5444 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, toner) as the
scan reader printed it at version 261 (`tests/fixtures/synth-ocr/first-rows/synth_5444.txt`; its gold,
`synth_5444-gold.json`, from the generator). Table 二's heading is read ``=十条第(一)项“第``, so
table 二's lines are searched as table 三's; table 三's first two labels are garbled
(``人是公开让请数重``; ``工。上年纺轮政府该.息公开电请数量:``, its 、 read 。: no label token).
Until version 261 the two rows missing before (一)予以公开 were placed on table 二's
``行政规范性文件 4 1 74`` (above table 三's applicants' header) and on the 本年新收 line:
本年新收 read ``4 1 … 74``, 上年结转 read 本年新收's values.
Section 四's heading is read ``:四、政府信息公开行政复议…``, so table 三 ran on into table 四,
whose head 总计 was taken for （七）总计 and its values for that row's; table 四 was not read.

Since version 266 (``parsers/tables/row_locate.py``, scans only) the first rows are looked for
under the applicants' header, a line opening with a label read with a full stop counted: the two
lines are the two rows, by the template's order.
Since version 267 section 四's heading is found after a speck read as a mark (scans only), and a
cell of a scan's table 四 that the identities' tied readings put in other columns
(``ambiguous_value``) is left blank, the tie-break's reading in ``where.read_as``.
"""

from __future__ import annotations

from typing import Any

import pytest

import parsers.tables as tables
from parsers.model import Report
from tests.ocr_records import gold_cells, text_fixture, text_report

TEXT, GOLD = text_fixture("first-rows", "synth_5444")
FIRST_ROWS = ("applications/new_received", "applications/carried_over")
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _wrong(report: Report, gold: dict[str, Any], prefix: str) -> dict[str, tuple[Any, Any]]:
    return {
        k: (c.value, gold[k])
        for k, c in report.cells.items()
        if k.startswith(prefix) and k in gold and c.value is not None and c.value != gold[k]
    }


def test_the_first_rows_are_the_two_lines_under_the_applicants_header() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    for row in FIRST_ROWS:
        for col in COLUMNS:
            key = f"{row}/{col}"
            assert report.cells[key].value == gold[key], key
    said = {w.key: w.message for w in report.warnings if w.code == "fuzzy_label"}
    assert "人是公开让请数重" in said["applications/new_received"]
    assert "工。上年纺轮政府该.息公开电请数量" in said["applications/carried_over"]
    assert "行政规范性文件" not in " ".join(said.values())


def test_table_three_ends_at_the_specked_heading() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    assert not _wrong(report, gold, "applications/results_total/")
    assert not _wrong(report, gold, "review_litigation/")
    read = [k for k in gold if k.startswith("review_litigation/") and report.cells[k].value is not None]
    assert len(read) >= 10  # table 四 read, its tied cells blank
    tied = [k for k in gold if k.startswith("review_litigation/") and (w := report.cells[k].where) and w.read_as]
    assert tied and all(report.cells[k].value is None for k in tied)
    said = [w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == "review_litigation"]
    assert said and "on a scan table 四's tied cells are left blank" in said[0]


def test_the_tie_warning_says_the_cells_blank_where_it_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    # the scan's 行政复议 row tied (``。多本0 0 1 0 1``): the warning names the tie-break's reading and says the
    # cells are left blank as it is made (``Reading.warn_disputed``), not rewritten after by a string replace
    report = text_report(TEXT)
    said = [w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == "review_litigation"]
    assert len(said) == 1 and "; on a scan table 四's tied cells are left blank (the tie-break would read " in said[0]
    assert "read as the tie-break chose" not in said[0]
    tied = {
        k: w.read_as
        for k, c in report.cells.items()
        if k.startswith("review_litigation/") and (w := c.where) is not None and w.read_as
    }
    assert tied and all(f"{k.split('/', 1)[1]} {v}" in said[0] for k, v in tied.items())
    monkeypatch.setattr(tables, "blank_disputed", lambda r: None)  # the cells not blanked: the message as made
    kept = [
        w.message for w in text_report(TEXT).warnings if w.code == "ambiguous_value" and w.key == "review_litigation"
    ]
    assert kept == said


def test_a_tie_in_text_another_tool_extracted_says_the_tie_breaks_reading() -> None:
    # the same text as another tool's (``ocr=False``): its ties say the reading the tie-break chose
    said = [w.message for w in text_report(TEXT, ocr=False).warnings if w.code == "ambiguous_value"]
    assert said and all("; read as the tie-break chose (" in m and "left blank" not in m for m in said)


def test_no_wrong_number_in_the_tables_but_one() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    wrong = _wrong(report, gold, "")
    # 3.要求提供公开出版物's 自然人, ``出版和 4``: its 物 read ``和 4``, no identity of it holding to tell
    assert set(wrong) <= {"applications/not_processed.publication/natural_person"}


def test_not_in_text_another_tool_extracted() -> None:
    said = {w.key: w.message for w in text_report(TEXT, ocr=False).warnings if w.code == "fuzzy_label"}
    assert "行政规范性文件" in said["applications/new_received"]  # as before: the rules act on scans only

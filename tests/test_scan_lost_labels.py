"""Table 三 in the parser's own OCR of a 1-bit fax whose label cells the engine lost or garbled (tuning scan synth_492,
its text as the scan reader wrote it from the engine's cached pages: `tests/fixtures/synth-ocr/lost-labels/`, no OCR at
test time). Three rules, each of the parser's own OCR only (``Extracted.ocr``):

- rows whose label cell reads as nothing or a mark (``1,``, ``3``, an empty field) placed by the template's order
  between the rows found (``parsers/tables/lost_labels.py``);
- a value on the line of an unknown label below a short row is the next grid row's, not the short row's (``0 0 0 间
  0 339 339`` then ``1, 0 …``: the next row's 0 was read as the short row's total, 339 one column early);
- （六）其他处理 followed by three lines of values is the 2021 format's heading over its three rows, not the 2019
  format's one row, even where the rows' labels read too garbled for their words (``不补.芷`` for 不补正)."""

from __future__ import annotations

from pathlib import Path

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Report
from parsers.review import review_verdict

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-labels"
A = "applications"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _report(*, ocr: bool = True) -> Report:
    text = (FIXTURES / "synth_492.txt").read_text(encoding="utf-8")
    return parse_extracted(Extracted("pdf", text, ocr=ocr))


def _row(report: Report, row: str) -> list[object]:
    return [report.cells[f"{A}/{row}/{c}"].value if f"{A}/{row}/{c}" in report.cells else "-" for c in COLUMNS]


def _placed(report: Report) -> dict[str, str]:
    return {
        w.key or "": w.message for w in report.warnings if w.code == "fuzzy_label" and "template's order" in w.message
    }


def test_rows_whose_label_cells_were_lost_are_placed_by_the_template_order() -> None:
    report = _report()
    # between （二）部分公开 and 4.保护第三方合法权益: three lines of seven values whose labels read 1, / nothing / 3
    for row in ("withheld.state_secret", "withheld.prohibited_by_law", "withheld.three_safeties"):
        assert _row(report, row) == [0] * 7, row
    # between 8.属于行政查询事项 and 3.补正后申请内容仍不明确: a garbled label (机至大芝兵-相关政府信息), then nothing
    assert _row(report, "unavailable.not_held") == [293, 0, 0, 0, 0, 44, 337]
    assert _row(report, "unavailable.needs_creation") == [569, 0, 0, 0, 0, 0, 569]
    placed = _placed(report)
    assert set(placed) == {
        f"{A}/withheld.state_secret",
        f"{A}/withheld.prohibited_by_law",
        f"{A}/withheld.three_safeties",
        f"{A}/unavailable.not_held",
        f"{A}/unavailable.needs_creation",
    }
    assert "label cell read as '1,'" in placed[f"{A}/withheld.state_secret"]
    assert "label cell read as nothing" in placed[f"{A}/withheld.prohibited_by_law"]
    assert "the 3 row(s) missing between its neighbours" in placed[f"{A}/withheld.three_safeties"]
    assert not any(w.code == "missing_row" and w.key and w.key.startswith(A) for w in report.warnings)
    assert review_verdict(report)[0] == "required"  # its identities fail (misread totals)


def test_a_value_after_an_unknown_label_below_a_short_row_is_not_the_short_rows() -> None:
    report = _report()
    # 0 0 0 间 0 339 339: 间 unreadable, its cell lost; not 0 0 0 0 339 339 with the next row's 0 as the total. Since
    # version 225 (s54) the lost cell is 0, the gold, by its row (its read cells add up to its confirmed total 339)
    assert _row(report, "partially_granted") == [0, 0, 0, 0, 0, 339, 339]
    deduced = {w.key for w in report.warnings if w.code == "deduced_zero"}
    assert f"{A}/partially_granted/social_org" in deduced
    # 0 @ 0 0 0 0 0, then `“0 a 1` (the group cell of （五）, misread) on the next line: its 1 is not this row's total
    # (its lost 商业企业 cell 0, the gold, by its row of zeros since version 225: ``bounded_zeros``)
    assert _row(report, "not_processed.publication") == [0, 0, 0, 0, 0, 0, 0]


def test_three_lines_of_values_under_other_processing_are_the_2021_rows() -> None:
    report = _report()
    assert report.metadata["format"] == "2021"
    assert not any(w.code == "merged_row" for w in report.warnings)
    assert _row(report, "other.other") == [436, 0, 0, 0, 0, 115, 551]
    # 允 unreadable: its cell lost, 0 (the gold) by its row of zeros since version 225 (s54, ``bounded_zeros``)
    assert _row(report, "other.no_correction") == [0, 0, 0, 0, 0, 0, 0]


def test_one_line_of_values_under_other_processing_stays_the_2019_row_where_the_total_reads_garbled() -> None:
    """The lines are counted to （七）总计, else to 结转下年度: never into table 四's values."""
    lines = (FIXTURES / "synth_492.txt").read_text(encoding="utf-8").split("\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("\t\t2、中请人"))
    one_row = "\n".join(lines[:first] + lines[first + 2 :])  # （六） prints one row, as the 2019 format's does
    for text in (one_row, one_row.replace("(七)总计", "(七)总升")):
        report = parse_extracted(Extracted("pdf", text, ocr=True))
        assert report.metadata["format"] == "2019"


def test_text_no_ocr_read_is_read_as_before() -> None:
    """The same text from a text layer: the rules stay out (no rows placed by order, the 2019 reading kept)."""
    report = _report(ocr=False)
    assert not _placed(report)
    assert report.metadata["format"] == "2019"
    assert _row(report, "withheld.state_secret") == [None] * 7
    assert _row(report, "partially_granted") == [0, 0, 0, 0, 339, 339, 0]

"""Table 三's rows short of values placed by the grid fields of their table's nearest whole rows, in the parser's
own OCR of a scan (``parsers/tables/grid_columns.py``). The texts are the scan reader's text of tuning scans
synth_481 and synth_483 as the engine read them (its pages cached; `tests/fixtures/synth-ocr/grid-columns/`: no
OCR at test time): skewed grids of 12 and 18 fields for seven columns, whose rows short of values were fitted by
order (481's 部分公开 read its 0 under 其他 as 总计, a wrong number; 483's 没有现成信息 its 2 under 总计 as well,
but its 0s one column early: 0 under 社会公益组织 for a 2)."""

from __future__ import annotations

from pathlib import Path

from parsers.api import parse_extracted
from parsers.extracted import Extracted, Span
from parsers.model import Report
from parsers.review import review_verdict

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "grid-columns"
A = "applications"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def _report(name: str, *, ocr: bool = True, kind: str = "pdf") -> Report:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return parse_extracted(Extracted(kind, text, ocr=ocr))


def _row(report: Report, row: str) -> list[object]:
    return [report.cells[f"{A}/{row}/{c}"].value for c in COLUMNS]


def _grid_warned(report: Report) -> dict[str, str]:
    return {w.key or "": w.message for w in report.warnings if w.code == "grid_columns"}


def test_a_short_row_reads_its_values_in_the_columns_of_its_grid_fields() -> None:
    report = _report("synth_481")
    # 0 | 0 | 0 | | AT | 0 | (fields 3 4 5 8 10 of a grid whose whole rows above print in 3 4 5 6 8 10 11): the
    # gold is 0 0 0 1 0 0 1; by order the last 0 was read as 总计. The unreadable field's legal_service cell is then
    # deduced from its column's confirmed total (version 211, ``deduced_zero``: a warned deduction, not a reading)
    assert _row(report, "partially_granted") == [0, 0, 0, None, 0, 0, None]
    # 0 | 0 | 0 | | 陋, | 0 | 0: the gold 0 0 0 0 0 0 0 (legal_service deduced as well; social_org, lost, since
    # version 225 (s54) from its row, whose read cells already add up to its confirmed total: ``bounded_zeros``)
    assert _row(report, "withheld.state_secret") == [0, 0, 0, 0, 0, 0, 0]
    deduced = {w.key for w in report.warnings if w.code == "deduced_zero"}
    # (since version 247 by ``bounded_zeros`` alone, a warning a cell; ``deduce_zeros`` warned a row)
    cells = {f"{A}/partially_granted/legal_service", f"{A}/withheld.state_secret/legal_service"}
    assert cells | {f"{A}/withheld.state_secret/social_org"} <= deduced
    warned = _grid_warned(report)
    assert "'AT' unreadable" in warned[f"{A}/partially_granted"]
    assert "social_org, legal_service, total blank" in warned[f"{A}/partially_granted"]
    assert "missing_cell" not in {w.code for w in report.warnings if w.key == f"{A}/partially_granted"}
    assert review_verdict(report)[0] == "required"


def test_rows_of_a_grid_whose_fields_change_down_the_table_read_by_their_nearest_whole_rows() -> None:
    report = _report("synth_483")
    # 18 fields: the rows 7 and 8 of 不予公开 print their values in fields 4 5 6 8 12 15 17, the rows after them in
    # 7 9 10 11 13 14 16; 没有现成信息 prints 0 0 0 | | 0 0 | 2 (gold 0 0 0 2 0 0 2): its social_org cell blank,
    # not 0, and its 0s under 法律服务机构 and 其他
    assert _row(report, "unavailable.needs_creation") == [0, 0, 0, None, 0, 0, 2]
    assert f"{A}/unavailable.needs_creation" in _grid_warned(report)
    # (七)总计 prints 1337 | 0 | 0 | | 0 | 120 | 1483 (gold social_org 26): blank, not 0
    assert _row(report, "results_total")[3:] == [None, 0, 120, 1483]


def test_text_no_ocr_read_is_left_as_before() -> None:
    """The rule reads the parser's own grids only, its OCR's and (since version 311) its PDF reader's: the same
    text as another tool's text keeps its reading by order."""
    report = _report("synth_481", ocr=False, kind="text")
    assert not _grid_warned(report)
    assert _row(report, "partially_granted") != [0, 0, 0, None, None, 0, None]


def test_the_pdf_readers_own_grid_is_read_by_its_fields_too() -> None:
    """Version 311: the PDF reader prints a ruled table's grid as OCR does (one field a grid column), and its short
    rows are placed by the fields of their nearest whole rows the same way (``grid_columns``, said as the PDF
    reader's grid)."""
    report = _report("synth_481", ocr=False)
    warned = _grid_warned(report)
    assert "the PDF reader's grid" in warned[f"{A}/partially_granted"]
    assert _row(report, "partially_granted")[:3] == [0, 0, 0]


def _small(rows: list[str]) -> Report:
    head = "吉首市审计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    text = head + "\n".join(rows) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
    return parse_extracted(Extracted("pdf", text, ocr=True))


FULL_A = "一、本年新收政府信息公开申请数量\t\t\t4\t0\t0\t6\t\t0\t\t0\t10"  # fields 3 4 5 6 8 10 11
FULL_B = "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t1\t0\t0\t\t\t2"  # fields 3 4 5 6 7 8 11


def test_a_row_whose_whole_rows_above_and_below_place_it_apart_is_not_placed() -> None:
    short = "\t（一）予以公开\t\t2\t0\t0\t1\t\t\t\t\t"  # fields 3 4 5 6: the same columns in both grids
    report = _small([FULL_A, short, FULL_B])
    assert f"{A}/granted" in _grid_warned(report)
    assert _row(report, "granted") == [2, 0, 0, 1, None, None, None]
    apart = "\t（一）予以公开\t\t2\t0\t0\t1\t\t0\t\t\t3"  # field 8: 法律服务机构 above, 其他 below
    report = _small([FULL_A, apart, FULL_B])
    assert f"{A}/granted" not in _grid_warned(report)
    assert "missing_cell" in {w.code for w in report.warnings if w.key == f"{A}/granted"}  # fitted by order
    beyond = "\t（一）予以公开\t\t2\t0\t0\t1\t\t\t\t0\t3"  # field 10: in the grid above only
    report = _small([FULL_A, beyond, FULL_B])
    assert _row(report, "granted") == [2, 0, 0, 1, None, 0, 3]
    assert "the row's total holding" in _grid_warned(report)[f"{A}/granted"]


def _with_boxes(rows: list[str], wide: tuple[int, int] | None = None) -> Report:
    """The rows as the OCR reader prints them, each non-empty cell's span carrying its box: field ``k`` 30 units
    wide from 100 + 30k, but the cell (line, field) ``wide`` three fields wide (a cell over three columns)."""
    head = "吉首市审计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    text = head
    spans: list[Span] = []
    for k, row in enumerate(rows):
        at = len(text)
        for col, cell in enumerate(row.split("\t")):
            if cell:
                x0 = 100.0 + 30 * col
                x1 = x0 + (90 if wide == (k, col) else 30)
                spans.append(Span(at, at + len(cell), 1, 0, k, col, (x0, 200.0 + 20 * k, x1, 220.0 + 20 * k)))
            at += len(cell) + 1
        text += row + "\n"
    text += "\n四、政府信息公开行政复议、行政诉讼情况\n"
    return parse_extracted(Extracted("pdf", text, spans=spans, ocr=True))


def test_a_value_in_a_cell_over_several_columns_is_not_placed_by_its_field() -> None:
    short = "\t（一）予以公开\t\t2\t0\t0\t1\t\t0\t\t\t3"  # field 8: 法律服务机构 in the grid above
    report = _with_boxes([FULL_A, short])
    assert _row(report, "granted") == [2, 0, 0, 1, 0, None, 3]
    assert f"{A}/granted" in _grid_warned(report)
    report = _with_boxes([FULL_A, short], wide=(1, 8))  # its 0's cell over fields 8 to 10: 法律服务机构 or 其他
    assert f"{A}/granted" not in _grid_warned(report)

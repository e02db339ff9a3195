"""Table 三 in pdfminer.six's text with ``boxes_flow=None`` where rows print their blank cells as nothing: each row's
values whole on one side of its label (parsers/tables/one_side.py; parser version 204). Snippets cut by
scripts/build_synth_snippets.py from tuning seeds 7233 (d52's batch, ``/tmp/d52/tune``) and 3741 (b52's,
``/tmp/b52/tune``); the gold rows are the generator's (synth_7233.json, synth_3741.json: ``None`` a blank the report
published), the rows not named all 0. Version 203 read each table by its labels, rows from the next row's values."""

from __future__ import annotations

from parsers.tables.templates import APPLICATION_ROWS_2019
from tests.snippet_reports import gold_rows as _gold
from tests.snippet_reports import row_or_none, snippet_report
from tests.snippet_reports import wrong_rows as _wrong

GOLD_7233 = _gold(
    {
        "new_received": [171, 0, 0, 0, 0, None, 171],  # type: ignore[list-item]
        "carried_over": [54, 0, 0, 0, 0, 0, 54],
        "granted": [80, 0, 0, 0, 0, 0, 80],
        "withheld.prohibited_by_law": [None, 0, 0, 0, 0, 0, 0],  # type: ignore[list-item]
        "unavailable.not_held": [143, 0, 0, 0, 0, 0, 143],
        "unavailable.needs_creation": [0, 0, None, 0, 0, None, 0],  # type: ignore[list-item]
        "not_processed.publication": [1, 0, 0, 0, 0, 0, 1],
        "not_processed.confirm_existing": [0, 0, 0, None, 0, 0, 0],  # type: ignore[list-item]
        "other.other": [0, 0, 0, None, 0, 0, 0],  # type: ignore[list-item]
        "results_total": [224, 0, 0, None, 0, 0, 224],  # type: ignore[list-item]
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    }
)
GOLD_3741 = _gold(
    {
        "new_received": [20, 0, 23, 0, 0, 0, 43],
        "granted": [8, 0, 1, 0, None, 0, 9],  # type: ignore[list-item]
        "partially_granted": [10, 0, 0, 0, 0, 0, 10],
        "withheld.state_secret": [0, 0, 0, 0, None, 0, 0],  # type: ignore[list-item]
        "withheld.third_party_rights": [0, 0, 1, 0, 0, 0, 1],
        "withheld.process_info": [0, 0, None, 0, 0, 0, 0],  # type: ignore[list-item]
        "unavailable.not_held": [1, 0, 0, 0, 0, 0, 1],
        "unavailable.unclear_after_correction": [0, 0, 20, 0, 0, 0, 20],
        "not_processed.duplicate": [1, 0, 0, 0, 0, 0, 1],
        "not_processed.confirm_existing": [None, 0, 0, 0, 0, 0, 0],  # type: ignore[list-item]
        "results_total": [20, 0, 22, 0, 0, 0, 42],
        "carried_forward": [0, 0, 1, 0, 0, 0, 1],
    },
    APPLICATION_ROWS_2019,
)


def test_rows_with_blank_cells_read_from_the_side_of_their_label_they_print_on() -> None:
    # 7233: ``0`` ``0`` ``0`` ``0`` ``171`` / ``一、本年新收政府信息公开申请数量 171`` /
    # ``54`` … ``54`` / ``二、…``: every row's values before its label (the label's glyphs sit
    # lower), the cell beside 一's label on its line, rows of six values (a blank cell printed as
    # nothing). Version 203 read each row from the values after its label: 一 as 二's 54, 二 as
    # （一）'s 80, （七）总计 as 四's 1 (8 wrong numbers)
    report = snippet_report("synth-7233-flow-none-table3.txt")
    assert not _wrong(report, GOLD_7233)
    for row in ("carried_over", "granted", "unavailable.not_held", "not_processed.publication", "carried_forward"):
        assert row_or_none(report, row) == GOLD_7233[row]
    # a row of six: its number placed by the identities, its total read, the 0s (or the blank) in doubt left blank
    assert row_or_none(report, "new_received") == [171, None, None, None, None, None, 171]
    assert row_or_none(report, "results_total") == [224, None, None, None, None, None, 224]
    assert any(w.code == "label_after_values" and "one side" in w.message for w in report.warnings)


def test_rows_before_a_wrapped_label_and_after_a_one_line_one() -> None:
    # 3741: ``20`` ``0`` ``23`` ``0`` ``0`` ``0 43`` / ``一、本年新|收政府信息公开申请数量`` … ``(一)予以公开`` /
    # ``8`` ``0`` ``1`` ``0`` ``0 9`` / ``三、本年度办理结|果`` / ``10`` … ``0 10`` / ``(二)部分|公开…``: rows whose
    # label wraps print their values before it, a one-line label's row after it; 予以公开 prints six values (its
    # 法律服务机构 blank). Version 203 read the rows by their labels a row off (16 wrong numbers)
    report = snippet_report("synth-3741-flow-none-table3.txt")
    assert not _wrong(report, GOLD_3741)
    for row in ("new_received", "partially_granted", "withheld.third_party_rights", "results_total"):
        assert row_or_none(report, row) == GOLD_3741[row]
    assert row_or_none(report, "granted")[:3] == [8, 0, 1]

"""Table 三 rows whose cells pdfplumber's ``extract_text`` glued (its ``x_tolerance`` joins characters of neighbouring
narrow columns: ``0 01 0 01112``, ``4150408 018481``), split by the table's identities (parsers/tables/glued_rows.py).
Snippet cut from tuning seed 7873's pdfplumber text of its Chromium PDF (the title line and sections 二 to 四); the gold
is the generator's (synth_7873.json)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, row_or_none

NAME = "synth-7873-pdfplumber-table3.txt"

# synth_7873.json (scripts/synth_reports.py, seed 7873): the two rows printed as glued runs
GOLD = {
    "not_processed.confirm_existing": [0, 0, 1, 0, 0, 11, 12],
    "results_total": [415, 0, 40, 8, 0, 18, 481],
}


def _report():  # type: ignore[no-untyped-def]
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "\n0 01 0 01112\n" in text and "（七）总计 4150408 018481" in text
    return parse(text.encode("utf-8"), NAME)


def test_glued_total_row_split_by_the_identities_through_no_unread_cell() -> None:
    # version 274 left （七）总计 blank: of its two splits whose total holds (4 1 50 408 …, 415 0 40 8 …) neither held
    # every identity while 5.要求行政机关确认…'s row, read short and wrong, counted as zeros; the balance identities
    # (一 + 二 = 三 + 四, every cell read) single out 415 0 40 8 0 18 481
    report = _report()
    assert row_or_none(report, "results_total") == GOLD["results_total"]
    (said,) = [w for w in report.warnings if w.code == "split_number" and w.key == "applications/results_total"]
    assert "'4150408 018481'" in said.message


def test_glued_values_between_a_wrapped_labels_lines_split_as_a_row() -> None:
    # pdfplumber prints the wrapped label 5.要求行政机关确认或重新出具已获取 / 信息 around its row's one line of values,
    # `0 01 0 01112`: version 274 read the runs as whole numbers (01 and 1112) and left the row blank
    report = _report()
    assert row_or_none(report, "not_processed.confirm_existing") == GOLD["not_processed.confirm_existing"]
    key = "applications/not_processed.confirm_existing"
    (said,) = [w for w in report.warnings if w.code == "split_number" and w.key == key]
    assert "'0 01 0 01112'" in said.message

"""A laid-out table 三 whose labels print in two columns, each wrapped under itself: a fragment continues the label
it stands nearest below, not another column's (parsers/tables/reading.py ``Reading._below_another``; parser
version 134). Snippet cut by scripts/build_synth_snippets.py from tuning seed 3747; the gold is the generator's
(synth_3747.json)."""

from __future__ import annotations

from tests.snippet_reports import app_row, snippet_report


def test_group_heading_wrapped_beside_row_labels_does_not_join_the_next_rows_label() -> None:
    # pypdf's layout mode: ``（三）   1.属于国家秘    0 0 23 0 0 0 23`` / ``不予公      密`` /
    # `` 开    2.其他法律行`` / ``政法规禁   0 0 0 0 0 56 56`` / ``止公开``. Version 133 joined （三） / 不予公 / 开 /
    # 政法规禁 / 止公开 (the last two 2.其他法律行's, in the second column) into a label that matched
    # 2.其他法律行政法规禁止公开 at （三）: 1.属于国家秘密's row was missing and its values read as
    # 2.其他法律行政法规禁止公开's (23 for 0, 0 for 56, 23 for 56)
    report = snippet_report("synth-3747-pypdf-layout-table3.txt")
    assert app_row(report, "withheld.state_secret") == [0, 0, 23, 0, 0, 0, 23]
    assert app_row(report, "withheld.prohibited_by_law") == [0, 0, 0, 0, 0, 56, 56]
    assert not [w for w in report.warnings if w.code in ("unknown_row", "identity_failed")]

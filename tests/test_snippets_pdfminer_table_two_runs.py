"""Table 二 in pdfminer's default text (issue 8): runs of values read by the heads the text prints right before them.

- Where two runs of one head fit two blocks alike (（五） and （六）, both ``本年处理决定数量``, two rows each), the
  blocks take the runs in the order the text prints their titles: pdfminer printed （六）'s title and its run before
  （五）'s (tuning seeds 7926, pdfminer's text of the Word PDF, and 10437, of wkhtmltopdf's PDF); the template's
  order read each block's decisions into the other's rows.
- A one-row block read row after row in the text's order, where a run of its values prints right after another
  column's head whole, is left to the runs' reading (tuning seed 7900: ``本年增/减 2 上一 年项 目数 量 8``, 8 the
  prior year's items, 2 the change; the text's order read them the other way round).
- Rows printed label after label are not given the values after them where header cells of a column none of those
  rows has print there (tuning seed 7898, wkhtmltopdf's PDF: 规章 / 行政规范性文件 then （五）'s heads and values).

The texts are the tuning texts whole; the gold is the generator's (``synth_model.draw``); ``against_draw`` asserts
that no cell of table 二 reads another number. Each test fails at version 334 (wrong numbers) and passes after.
"""

from __future__ import annotations

from tests.snippet_reports import against_draw


def _warnings(report) -> str:  # type: ignore[no-untyped-def]
    return " ".join(w.message for w in report.warnings if w.key == "active")


def test_two_runs_of_one_head_placed_by_the_titles_order_pdfminer() -> None:
    report, got, gold = against_draw("synth-7926-pdfminer-table2-titles-order.txt", 7926, "active/")
    for row in ("licensing", "other_services", "penalty", "coercion"):
        assert got[f"active/{row}/decisions"] == gold[f"active/{row}/decisions"]
    assert "placed in the order of their titles' blocks" in _warnings(report)


def test_two_runs_of_one_head_placed_by_the_titles_order_wkhtmltopdf() -> None:
    report, got, gold = against_draw("synth-10437-wk-pdfminer-table2-titles-order.txt", 10437, "active/")
    for row in ("licensing", "other_services", "penalty", "coercion"):
        assert got[f"active/{row}/decisions"] == gold[f"active/{row}/decisions"]
    assert "placed in the order of their titles' blocks" in _warnings(report)


def test_one_row_block_values_after_their_own_heads() -> None:
    report, got, gold = against_draw("synth-7900-pdfminer-table2-own-heads.txt", 7900, "active/")
    assert got["active/fees/prior_items"] == gold["active/fees/prior_items"]
    assert got["active/fees/change"] == gold["active/fees/change"]
    assert "a value printed right after the head of" in _warnings(report)


def test_rows_values_under_another_blocks_column_heads_not_read() -> None:
    # tuning seed 7898, pdfminer's text of wkhtmltopdf's PDF: 规章 / 行政规范性文件 are followed by （五）'s title,
    # heads and values; 行政许可 / 其他对外管理服务事项 by （一）'s 对外公开总数量 and its values. Read label after
    # label in the text's order (version 334), 973 went into 规章 and 14, 15 into （五）'s rows: now those rows are left
    _report, got, gold = against_draw("synth-7898-wk-pdfminer-table2-heads-among-values.txt", 7898, "active/")
    for row in ("rules", "normative_docs", "licensing", "other_services"):
        assert all(v is None for k, v in got.items() if k.startswith(f"active/{row}/"))
    assert got["active/fees/prior_items"] == gold["active/fees/prior_items"]

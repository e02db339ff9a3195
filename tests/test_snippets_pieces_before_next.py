"""Table 三 read by labels: a row's last pieces of its numbers broken over two lines alone on the line below its
cells, the next row's first pieces alone on the line after, right above that row's label (pypdf's layout mode of
narrow print: ``parsers/tables/pieces_before_next.py``). Snippet cut from a52's tuning batch (``/tmp/a52/tune``) by
``scripts/build_synth_snippets.py``'s ``excerpt``; gold rows from the generator's ``synth_6008.json``."""

from __future__ import annotations

from tests.snippet_reports import app_row, snippet_report, wrong_rows

GOLD_6008 = {
    "other.other": [0, 0, 0, 0, 0, 21, 21],
    "results_total": [57, 0, 0, 86, 0, 128, 271],
}


def test_pieces_below_a_row_before_the_next_rows_first_pieces() -> None:
    # ``3.其他 0 0 0 0 0 2 2`` / ``1 1`` / ``5 1 2`` / ``（七）总计 7 0 0 86 0 2 7`` / ``8 1``: 其他 is 0 0 0 0 0 21 21
    # (总计 57 0 0 86 0 128 271, its cells with ``5 1 2`` above and ``8 1`` below). Version 221 read 其他 as printed,
    # 2 = 2 holding by chance (two wrong numbers)
    report = snippet_report("synth-6008-pypdf-layout-table3.txt")
    assert app_row(report, "other.other") == GOLD_6008["other.other"]
    assert not wrong_rows(report, GOLD_6008)
    said = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "applications/other.other"]
    assert any("0 0 0 0 0 21 21" in m for m in said)


def test_the_next_row_read_with_its_first_pieces_above_its_label() -> None:
    # 总计 (``5 1 2`` / ``（七）总计 7 0 0 86 0 2 7`` / ``8 1``): the reading pieces_before_next checked (its total
    # holds with the line above and under no other choice of the two lines) is now read (version 229; blank before,
    # placement_open: the rows it would have exposed, 3.要求提供公开出版物 and 4.保护第三方合法权益, read right since
    # version 225)
    report = snippet_report("synth-6008-pypdf-layout-table3.txt")
    assert app_row(report, "results_total") == GOLD_6008["results_total"]
    said = [w.message for w in report.warnings if w.code == "merged_digits" and w.key == "applications/results_total"]
    assert any("57 0 0 86 0 128 271" in m for m in said)
    assert not wrong_rows(report, GOLD_6008)

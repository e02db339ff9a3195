"""A row's one-digit cells glued into one run and read as one number (parsers/tables/zero_led_runs.py). Snippet cut
from tuning seed 7661's markitdown text of its Chromium PDF (the title line and sections 二 to 四); the gold is the
generator's (synth_7661.json)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, row_or_none

NAME = "synth-7661-markitdown-pdf-table3.md"

# synth_7661.json (scripts/synth_reports.py, seed 7661): the rows markitdown prints as one cell of seven digits
GOLD = {
    "unavailable.not_held": [0, 0, 0, 0, 0, 1, 1],
    "unavailable.needs_creation": [0, 0, 0, 0, 0, 1, 1],
    "unavailable.unclear_after_correction": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.petition": [1, 0, 0, 0, 0, 0, 1],
    "not_processed.duplicate": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.publication": [0, 0, 0, 0, 0, 1, 1],
    "not_processed.excessive": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.confirm_existing": [0, 0, 0, 0, 0, 0, 0],
    "other.unpaid_fee": [0, 0, 0, 0, 0, 0, 0],
    "other.other": [1, 0, 0, 0, 0, 0, 1],
    "results_total": [3, 0, 0, 0, 0, 6, 9],
    "carried_forward": [0, 0, 0, 0, 0, 0, 0],
}


def test_seven_digit_run_in_one_grid_cell_is_read_as_its_rows_seven_cells() -> None:
    # markitdown prints `| 1.本机关不掌握相关政府信息 | … | 0000011 | |`: version 261 read 其他 11, and （七）总计's
    # `3000069` as 3000069 (9 wrong numbers in the report)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "| 0000011 |" in text and "| 3000069 |" in text
    report = parse(text.encode("utf-8"), NAME)
    for row, want in GOLD.items():
        assert row_or_none(report, row) == want, row
    said = [w for w in report.warnings if w.code == "split_number" and w.key == "applications/results_total"]
    assert len(said) == 1 and "'3000069'" in said[0].message


def test_run_led_by_zero_whose_row_total_fails_is_left_blank() -> None:
    # the same text with one run's last digit changed, so the seven digits' row total fails: no split is certain
    # and a number led by 0 is no count printed: the cell is left blank, said, review required
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    changed = text.replace("| 0000011 |", "| 0000012 |", 1)
    assert changed != text
    report = parse(changed.encode("utf-8"), NAME)
    assert row_or_none(report, "unavailable.not_held") == [None] * 7
    (said,) = [w for w in report.warnings if w.code == "zero_led_run"]
    assert said.key == "applications/unavailable.not_held" and "'0000012'" in said.message
    assert report.metadata["review"] == "required"
    assert row_or_none(report, "unavailable.needs_creation") == GOLD["unavailable.needs_creation"]

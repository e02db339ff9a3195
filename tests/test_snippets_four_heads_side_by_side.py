"""Table 四 in poppler's default text (``pdftotext-default``) with a row printed as nothing (bare ``<td>``): the
blank row's heads laid in one block with its left neighbour's, side by side on one line, and that neighbour's values
printed after both rows' heads. The heads printed before each value then keep two placements of the blank row
(``parsers/tables/review_head_counts.head_count_placements``); the cells both read alike are kept, the others left
blank (``placement_open``; issue 8, s58). At 286 the bound chose the 行政复议 row blank alone, five values a row off.
Gold from the generator (``synth_reports.build``)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.snippet_reports import snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_reports import build

from parsers.tables.review_cells import REVIEW_KEYS

NAME = "synth-8131-pdftotext-table4.txt"


def test_heads_side_by_side_keep_only_what_both_placements_read() -> None:
    # tuning seed 8131 (/tmp/s58/tune): 未经复议直接起诉 blank; the text prints 行政复议's and 未经复议直接起诉's heads
    # in one block (``果 果 他 未 总 结 结 其 尚``), then 1 0 0 0 1, then 复议后起诉's heads and 0 0 0 1 1
    synth, _ = build(8131)
    assert synth.knobs["blank_review_row"] == "litigation_direct"
    gold = synth.cells
    report = snippet_report(NAME)
    got = {k: report.cells[k].value if k in report.cells else None for k in REVIEW_KEYS}
    wrong = [k for k in REVIEW_KEYS if got[k] is not None and got[k] != gold[k]]
    assert not wrong
    kept = [k for k in REVIEW_KEYS if got[k] is not None]
    assert kept == [k for k in REVIEW_KEYS if k.startswith("review_litigation/litigation_after_review/")]
    said = [w.message for w in report.warnings if w.code == "placement_open" and w.key == "review_litigation"]
    assert said and "two rows' heads side by side" in said[0]
    assert report.metadata["review"] == "required"

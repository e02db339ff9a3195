"""Table 三's values printed after table 四's first header cell in pdfminer's default text of a wkhtmltopdf PDF
(issue 8): pdfminer prints table 四's head cells (``行政复议``) before table 三's columns' boxes, and table 三's
values run on, among table 四's header boxes, up to table 四's last column heads, after which table 四's own 15
values print up to section 五's heading. Table 三's span, which ended at ``行政复议``, is taken on to those heads
where the values before them number table 三's cells (or a few more) and table 四's run is exactly its 15; the
reading itself proves itself by the table's identities as before (synth 7912's wkhtmltopdf PDF, tuning)."""

from __future__ import annotations

from tests.snippet_reports import REVIEW_KEYS, three_against_draw

NAME = "synth-7912-wk-pdfminer-four-heads-first.txt"


def test_table_three_values_after_table_four_head_read() -> None:
    # tuning seed 7912 (/tmp/q58/tune, pdf-wk-pdfminer): before (version 322) table 三's span ended at 行政复议 with no
    # value in it, and all 175 cells were blank
    _report, keys, got, warnings = three_against_draw(NAME, 7912)
    assert len(keys) == 175
    assert all(got[k] is not None for k in keys)
    said = " ".join(warnings.values())
    assert "after table 四's first header cell" in said


def test_table_four_read_from_its_run_behind_its_heads() -> None:
    import sys
    from pathlib import Path

    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import draw, gold_value

    synth = draw(7912)
    report, *_ = three_against_draw(NAME, 7912)
    assert {k: report.cells[k].value for k in REVIEW_KEYS} == {k: gold_value(synth.cells[k]) for k in REVIEW_KEYS}

"""Table 二's missing rows placed by the template's order where a neighbour's label is read but its values are not
(``parsers/tables/active_missing_rows.py``, ``_anchors``).

synth_4150 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a fax) as the scan reader
printed it at version 244 (`tests/fixtures/synth-ocr/label-anchors/synth_4150.txt`; its gold's table 二,
`synth_4150-gold.json`, from the generator). Block （六） prints ``行政处训 39 0 115`` (行政处罚, found by meaning) and
``行收织制 13 0 5`` (行政强制's label garbled past any match); the next block's row ``行政事业性收虽`` is read, its
values run into the next block's title (``5 0条第(九)项``: no number). Until version 245 the run of missing rows between
行政处罚 and 政府集中采购 was two (行政强制, 行政事业性收费) against one line of values, and 行政强制 stayed blank. The
label 行政事业性收虽 names 行政事业性收费 (as a found row's label would), so the run between 行政处罚 and it is one row,
one line of values: 行政强制, a ``fuzzy_label`` warning naming the neighbour that bounds it. 行政事业性收费 stays blank.
"""

from __future__ import annotations

from tests.ocr_records import gold_cells, text_fixture, text_report

TEXT, GOLD = text_fixture("label-anchors", "synth_4150")
COERCION = ("active/coercion/prior_items", "active/coercion/change", "active/coercion/decisions")


def test_a_row_bounded_by_a_neighbour_whose_values_are_unread_is_read_as_its_gold() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    for key in COERCION:
        assert report.cells[key].value == gold[key], key
    wrong = {k: (c.value, gold[k]) for k, c in report.cells.items() if k in gold and c.value not in (None, gold[k])}
    assert not wrong
    assert report.cells["active/fees/prior_items"].value is None  # its values unread: blank


def test_the_guess_names_the_neighbour_that_bounds_it() -> None:
    said = {w.key: w.message for w in text_report(TEXT).warnings if w.code == "fuzzy_label"}
    assert "行收织制" in said["active/coercion"]
    assert "bounding them by its label '行政事业性收虽', its values unread" in said["active/coercion"]


def test_not_in_text_another_tool_extracted() -> None:
    report = text_report(TEXT, ocr=False)
    assert all(report.cells[key].value is None for key in COERCION)

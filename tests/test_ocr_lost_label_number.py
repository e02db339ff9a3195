"""A table 二 row whose label cell the engine read as a short number, placed by the template's order
(``parsers/tables/active_lost_labels.py`` ``_label_read_as_number``, in ``place_lost_runs``).

synth_4144 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi grey, turned and
tonered) as the scan reader printed it at version 223 (`tests/fixtures/synth-ocr/active-lost-labels/synth_4144.txt`;
its gold's table 二, `synth_4144-gold.json`, from the generator): the label cell of 规章 was read ``2`` and the row's
grid line printed ``2\\t11\\t6\\t97``, four values for the row's three cells. Until version 224 the row was missing
(three cells blank): a line of values must print as many values as its row has cells. The label column's ``2`` is
now read as the label's (one or two characters, in the line's first cell, every other value in a cell of its own),
the line is the row the template's order puts between section 二's heading and 行政规范性文件, and the placement is a
``lost_label_placed`` warning naming what the label read. The 0 of 本年废止件数 prints the toner's glyph the engine
read ``6`` everywhere: the scan's glyph comparison reads it 0 (not in the text alone)."""

from __future__ import annotations

from tests.ocr_records import gold_cells, text_fixture, text_report

TEXT, GOLD = text_fixture("active-lost-labels", "synth_4144")
T = "active"


def test_a_label_cell_read_as_a_number_is_no_value_of_its_row() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    for col in ("issued", "in_force"):
        key = f"{T}/rules/{col}"
        assert report.cells[key].value == gold[key], key
    assert report.cells[f"{T}/rules/repealed"].value is not None  # the line's middle value, as the text prints it
    for col in ("issued", "repealed", "in_force"):  # the row after it, found by its label, unchanged
        key = f"{T}/normative_docs/{col}"
        assert report.cells[key].value == gold[key], key


def test_the_placement_is_a_warning_naming_the_label_read() -> None:
    report = text_report(TEXT)
    said = {w.key: w.message for w in report.warnings if w.code == "lost_label_placed"}
    assert "its label read '2'" in said[f"{T}/rules"]
    assert not [w for w in report.warnings if w.code == "missing_row" and w.key == f"{T}/rules"]
    assert report.metadata["review"] == "required"


def test_not_in_text_another_tool_extracted() -> None:
    report = text_report(TEXT, ocr=False)
    assert report.cells.get(f"{T}/rules/issued") is None or report.cells[f"{T}/rules/issued"].value is None

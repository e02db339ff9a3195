"""A scan's table 三 row whose tied readings the tie-break settles with the row's total failing or blank: its tied
cells left blank (``parsers/tables/text_layer.py``, ``_blank_disputed_scan``).

synth_5485 (a tuning scan, 150 dpi, fax) as the scan reader printed it
(`tests/fixtures/synth-ocr/tied-rows/synth_5485.txt`; its gold, `synth_5485-gold.json`, from the generator). The
page's second table-三 page lost the rule between 商业企业 and 科研机构, so every row there prints those two zeros as
one cell (``90.0``: the rule's remnant read as a 9): 保护第三方合法权益 reads six numbers for seven cells,
``248 | 90.0 0 0 0 248``. The identities like several placements alike; until version 323 the tie-break's (the row's
248 read under 其他 too, its 总计 left blank) was kept, a wrong number under 其他. Since 323 a scan's table 三 row
keeps the tie-break where it makes the row's total hold; here it does not, and the tied cells the readings give
different numbers (商业企业, 科研机构, 其他) are left blank, the warning naming the reading not taken, the tie-break's
numbers kept in ``where.read_as``; 自然人, blank or 248 in every reading, keeps its 248.
"""

from __future__ import annotations

from tests.ocr_records import gold_cells, text_fixture, text_report

TEXT, GOLD = text_fixture("tied-rows", "synth_5485")
ROW = "applications/withheld.third_party_rights"


def test_a_tied_row_whose_total_the_tie_break_leaves_blank_reads_no_wrong_number() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    wrong = {
        k: (c.value, gold[k])
        for k, c in report.cells.items()
        if k.startswith(ROW + "/") and c.value is not None and c.value != gold[k]
    }
    assert not wrong
    said = [w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == ROW]
    assert len(said) == 1
    assert "; on a scan a table 三 row's tied cells that the readings give different numbers are left blank" in said[0]
    assert "read as the tie-break chose" not in said[0]


def test_the_tie_breaks_numbers_are_kept_on_the_cells_set_aside_and_a_cell_read_alike_keeps_its_number() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    said = next(w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == ROW)
    set_aside = {
        k: c.where.read_as for k, c in report.cells.items() if k.startswith(ROW + "/") and c.where and c.where.read_as
    }
    assert f"{ROW}/other_org" in set_aside  # the tie-break's 248 under 其他, not taken
    for key, read in set_aside.items():
        assert f"{key.rsplit('/', 1)[1]} {read}" in said  # each named in the warning
        cell = report.cells[key]
        # blank, or given back as 0 by its column (``deduced_zero``, warned), never the tie-break's number
        assert cell.value is None or cell.value == gold[key] == 0
    # 自然人: blank or 248 in every tied reading (the readings dispute whether it is read, not what): kept
    assert report.cells[f"{ROW}/natural_person"].value == gold[f"{ROW}/natural_person"]


def test_no_scan_no_change_of_the_text_rule() -> None:
    # the same text as text no OCR read: its tied cells were left blank before (``DISPUTED_BLANK_TEXT``), as now
    report = text_report(TEXT, ocr=False)
    said = [w.message for w in report.warnings if w.code == "ambiguous_value" and w.key == ROW]
    assert all("on a scan" not in m for m in said)

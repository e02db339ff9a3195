"""A table 三 row short of a cell in text laid out by spaces, the gap a narrow grid prints after its widest column
taken for the lost cell's (``scripts/build_synth_snippets.py``, gold from the generator, ``synth_model.draw``):

- 11744 ``pdf-pdfplumber-layout`` (seeds 11720–11749, tuning of session 30): table 三 split in two tables, the second
  laid out narrower: a whole row prints ``0  0 0 0 0 0 0`` (two spaces after 自然人's value, one between the others),
  and 1.申请人无正当理由逾期不补正's and 3.其他's rows print six zeros the same way (``0  0 0 0 0 0``), their blank
  其他 cell keeping no room. Version 350 read the gap of 2 beside gaps of 1 as the lost cell's room (``_by_gaps``:
  twice the widest other gap): 商业企业 blank and 0 read for the blank 其他, two wrong numbers. The whole row next
  to them prints that gap too, so it is no lost cell's room: each row's placement is left open. (Where the whole
  rows print single spaces, a gap of 2 is the empty cell's, as poppler's and pdfplumber's layout of e64's 12172
  print it: read as before.)
"""

from __future__ import annotations

from tests.snippet_reports import three_against_draw

SNIPPET = "synth-11744-pdfplumber-layout-table3.txt"


def test_a_narrow_grids_gap_after_its_widest_column_is_no_lost_cells_room() -> None:
    report, _, got, warnings = three_against_draw(SNIPPET, 11744)  # asserts no wrong number
    for row in ("other.no_correction", "other.other"):
        assert got[f"applications/{row}/other_org"] is None  # printed empty in the report
        assert f"applications/{row}" not in {w.key for w in report.warnings if w.code == "placed_by_identities"}
    assert "placed_by_identities" not in warnings
    # the rows the text prints whole are read as before
    assert got["applications/results_total/natural_person"] == 201
    assert got["applications/carried_forward/total"] == 1


def test_a_gap_wider_than_the_whole_rows_next_to_it_still_places_the_empty_cell() -> None:
    report, _, got, _ = three_against_draw("synth-12172-pdfplumber-layout-table3.txt", 12172)  # no wrong number
    placed = {w.key for w in report.warnings if w.code == "placed_by_identities"}
    for row in ("withheld.prohibited_by_law", "unavailable.unclear_after_correction", "not_processed.petition"):
        assert f"applications/{row}" in placed
        assert got[f"applications/{row}/social_org"] is None  # printed empty in the report
        assert got[f"applications/{row}/total"] == 0

"""pymupdf4llm's grids, table 二's rows and table 三's total (issue 8, parser version 311), on snippets of u58's
tuning batch (seeds 7990–8049, ``scripts/build_synth_snippets.py``), gold from the generator (``synth_model.draw``):

- a number cut inside its thousands groups across two grid cells (``|4,|264|``, ``|19,0|75|``) is joined (its
  groups whole again), not read as its last piece (264: a wrong number at 310);
- a table 二 row and the next block's title in one grid row, the row's number alone in its cell after the title's
  cells (``|行政强制<br>|第二十条第|（八）|项|1|``), or the title's 第 cut away (``第二十条<br>（八）``): the row,
  then the title's line;
- section 二's heading at the end of section 一's last paragraph (``…培训4714人次。 二、主动公开政府信息情况``) starts
  table 二 before its first block whose title is whole;
- the fee row with section 三's heading laid into its cells, its label's last piece in the second cell and its
  amount cut at its point (``|行政事业性收<br>三、收到和处理|费<br>政府信息公|…|4.<br>请人情况|64<br>|``): blank and
  said, not 64;
- 政府集中采购's count and amount apart by a semicolon under its label in one cell (``政府集中采购<br>3；8.2``);
- a dash printed in each grid column of a split column (``|41|41|41|—|—|16|16|``) read as one blank cell;
- the procurement row and section 三's heading in one plain grid cell, a space apart.
"""

from __future__ import annotations

from tests.snippet_reports import against_draw


def test_numbers_cut_inside_their_thousands_groups_are_joined() -> None:
    report, got, gold = against_draw("synth-8036-pymupdf4llm-layout-table2.md", 8036, "")
    for key in ("applications/results_total/total", "active/licensing/decisions"):
        assert got[key] == gold[key] and gold[key] >= 1000
    assert [w for w in report.warnings if w.code == "cut_decimal"]


def test_a_row_beside_the_next_blocks_title_with_its_number_alone_in_its_cell() -> None:
    report, got, gold = against_draw("synth-8037-pymupdf4llm-layout-table2.md", 8037, "active/")
    assert got == gold
    assert [w for w in report.warnings if w.code == "title_in_row"]


def test_a_title_whose_first_character_the_grid_cut_away() -> None:
    report, got, gold = against_draw("synth-8043-pymupdf4llm-layout-table2.md", 8043, "active/coercion/")
    assert got == gold
    assert [w for w in report.warnings if w.code == "title_in_row"]


def test_section_twos_heading_at_a_paragraphs_end_starts_table_two() -> None:
    _, got, gold = against_draw("synth-8041-pymupdf4llm-layout-table2.md", 8041, "active/")
    assert got == gold


def test_a_fee_row_with_section_threes_heading_in_its_cells_leaves_its_cut_amount_blank() -> None:
    report, got, gold = against_draw("synth-8001-pymupdf4llm-layout.md", 8001, "active/fees/")
    assert got["active/fees/amount"] is None and gold["active/fees/amount"] is not None
    assert [w for w in report.warnings if w.code == "number_cut_blank" and w.key == "active/fees"]


def test_a_count_and_amount_under_the_procurement_label() -> None:
    _, got, gold = against_draw("synth-7992-pymupdf4llm-layout-table2.md", 7992, "active/procurement/")
    assert got == gold and None not in got.values()


def test_a_dash_repeated_across_a_split_column_is_one_blank_cell() -> None:
    report, got, gold = against_draw("synth-8022-pymupdf4llm-table2.md", 8022, "active/penalty/")
    assert got == gold and got["active/penalty/decisions"] is not None
    assert not [w for w in report.warnings if w.code == "extra_values" and w.key == "active/penalty"]


def test_the_procurement_row_and_section_threes_heading_a_space_apart() -> None:
    report, got, gold = against_draw("synth-8003-pymupdf4llm-table2.md", 8003, "active/procurement/")
    assert got == gold and None not in got.values()
    assert [w for w in report.warnings if w.code == "heading_in_row"]


def test_rows_whose_labels_run_into_the_value_columns_leave_the_headers_runs_to_the_others() -> None:
    # version 312: the rows whose numbers start in the numbered header's first value column are read by its runs
    # (each number and the placeholders after it one cell); the rows whose label cells run on into that column stay
    # as they were (blank where the numbers cannot tell their grouping)
    _, got, gold = against_draw("synth-8028-pymupdf4llm-table3.md", 8028, "applications/")
    for row in ("granted", "withheld.prohibited_by_law", "withheld.three_safeties"):
        keys = [k for k in gold if k.startswith(f"applications/{row}/")]
        assert len(keys) == 7 and all(got[k] == gold[k] for k in keys)

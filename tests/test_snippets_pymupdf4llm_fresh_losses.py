"""pymupdf4llm's Markdown, plain and layout, on snippets of u61's tuning batches (seeds 10640–10669 and u60's
spent held back 10460–10479, ``scripts/build_synth_snippets.py``), gold from the generator (``synth_model.draw``):

- table 三 in a split grid whose last rows' labels run over value grid columns (another grid's): those rows'
  numbers no longer part two grid columns the header names alike (其他 printed three times), so the rows under the
  header read seven values, not nine (version 322: 11 totals read 0);
- a section's heading cut across a grid row's cells, a piece a cell (each cell's first line above table 四's header,
  cells of one line, section 二's over two cells; section 五's as each cell's second line under table 四's values)
  is written on a line of its own: the table after it is found (version 323: table 四 or table 二 blank);
- a table 二 row's first number in its label's cell and its other numbers a grid field to the left of their columns
  (``|行政处罚10|20<br>5||``): the label's number read as the first cell (version 324: 20 and 5 read as the first
  two cells, the label's number dropped, no warning);
- table 三's 总计 header printed as a placeholder after 其他 (``|其<br>他|Col10|``), both printing one number in
  every row because every applicant is an 其他 one: two columns, the row's total after its 其他, not one merged cell
  (version 325: table 三 blank).
"""

from __future__ import annotations

from tests.snippet_reports import against_draw


def test_rows_off_the_header_do_not_part_a_split_column() -> None:
    _, got, gold = against_draw("synth-10648-pymupdf4llm-table3.md", 10648, "applications/")
    for row in ("new_received", "carried_over", "granted", "unavailable.not_held", "not_processed.duplicate"):
        for col in ("legal_service", "other_org", "total"):
            key = f"applications/{row}/{col}"
            assert got[key] == gold[key], key
    assert sum(v is not None for v in got.values()) >= len(gold) - 3


def test_table_fours_heading_cut_across_its_headers_cells() -> None:
    report, got, gold = against_draw("synth-10664-pymupdf4llm-layout-table3.md", 10664, "review_litigation/")
    assert got == gold
    assert [w for w in report.warnings if w.code == "heading_across_cells"]


def test_headings_in_cells_of_one_line_and_under_a_row_of_values() -> None:
    _, got, gold = against_draw("synth-10462-pymupdf4llm-layout.md", 10462, "review_litigation/")
    assert got == gold


def test_section_twos_heading_over_two_cells_starts_table_two() -> None:
    _, got, gold = against_draw("synth-10461-pymupdf4llm-layout-table2.md", 10461, "active/")
    for row in ("rules", "normative_docs", "licensing", "penalty", "coercion"):
        assert [v for k, v in got.items() if f"/{row}/" in k] == [v for k, v in gold.items() if f"/{row}/" in k]
        assert None not in [v for k, v in got.items() if f"/{row}/" in k], row


def test_table_fours_heading_after_a_headers_word_in_the_first_cell() -> None:
    _, got, gold = against_draw("synth-10650-pymupdf4llm-layout.md", 10650, "review_litigation/")
    assert got == gold


def test_a_rows_number_in_its_labels_cell_and_the_others_a_field_left() -> None:
    report, got, gold = against_draw("synth-10466-pymupdf4llm-layout-table2.md", 10466, "active/")
    for row in ("penalty", "coercion"):
        keys = [k for k in gold if f"/{row}/" in k]
        assert [got[k] for k in keys] == [gold[k] for k in keys], row
        assert [w for w in report.warnings if w.code == "glued_number" and w.key == f"active/{row}"]


def test_a_total_column_named_by_a_placeholder_after_a_column_that_equals_it() -> None:
    _, got, gold = against_draw("synth-10468-pymupdf4llm-table3.md", 10468, "applications/")
    assert got == gold

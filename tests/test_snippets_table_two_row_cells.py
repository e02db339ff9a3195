"""Table 二's rows whose cells the text does not mark plainly: more values than cells, a header or a row cut across grid
cells (issue 8, version 129).

Table 二 has no identity: version 128 took a row's first values for its cells (``extra_values``), a wrong number
wherever the surplus came before the row's own. Cut from tuning seeds by ``scripts/build_synth_snippets.py``.
"""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS, snippet_report

ROWS = ("rules", "normative_docs")
COLS = ("issued", "repealed", "in_force")


def _block_one(report) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    return {row: [report.cells[f"active/{row}/{c}"].value for c in COLS] for row in ROWS}


def test_poppler_prints_a_rows_cells_after_the_next_rows_label() -> None:
    # tuning seed 3632 (pdftotext-default): 规章's last two values (0, 470) print after 行政规范性文件's label and
    # first value, its own (112, 0) after them; gold 规章 1 0 470, 行政规范性文件 29 112 0. Version 128 read
    # 行政规范性文件 29 0 470 (two wrong numbers); no reading of the order is certain: both rows blank, said
    name = "synth-3632-pdftotext-default-table2.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "规章\n\n1\n\n行政规范性文件 29\n\n0\n\n470\n\n112\n\n0\n" in text
    report = snippet_report(name)
    assert _block_one(report) == {"rules": [None, None, None], "normative_docs": [None, None, None]}
    (open_,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "active/normative_docs"]
    assert "29 0 470 112 0" in open_.message
    assert report.metadata["review"] == "required"


def test_grid_cell_holding_a_numbers_piece_and_the_next_cell() -> None:
    # tuning seed 3620 (md-pymupdf4llm-layout): 行政规范性文件's 29 cut over two grid cells, its 9 stacked over the
    # next column's 0 (``|2|9<br>0|280|``); gold 29 0 280. Version 128 read 2 9 0 (three wrong numbers). 规章's row,
    # three values for its three cells (``||1<br>0|0|``), is read as before
    name = "synth-3620-pymupdf4llm-layout-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|行政规范性文件|2|9<br>0|280|" in text
    report = snippet_report(name)
    assert _block_one(report) == {"rules": [1, 0, 0], "normative_docs": [None, None, None]}
    assert [w for w in report.warnings if w.code == "placement_open" and w.key == "active/normative_docs"]


def test_header_cut_across_grid_cells_and_first_number_in_the_label_cell() -> None:
    # tuning seed 3639 (md-pymupdf4llm-layout, 2019 format): pymupdf4llm's layout mode cuts the grid at the
    # page's rules, through the headers' words (收费金|额, 增|/|减) and through the rows: each row's first number in
    # its label's grid cell (``|行政事业性收费<br>3|||||||4||||``, ``|政府集中采购<br>7||11|…``). Version 128
    # found one column in 政府集中采购's header (采购项目 only) and read 11 as its count (a wrong number), and left
    # 行政事业性收费's 3 out
    name = "synth-3639-pymupdf4llm-layout-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|政府集中采购<br>7||11|" in text and "|行政事业性收费<br>3|||" in text
    report = snippet_report(name)
    cells = {k: c.value for k, c in report.cells.items() if k.startswith(("active/fees/", "active/procurement/"))}
    assert cells == {
        "active/fees/prior_items": 3,
        "active/fees/change": 4,
        "active/procurement/items": 7,
        "active/procurement/amount": 11,
    }


# moved from tests/test_snippets_table_two.py (the same snippets of tuning seeds 3472 and 1246, hand-altered)
def test_header_pieces_whose_characters_match_no_one_cell_join_nothing() -> None:
    # the same rows under a header whose last two grid cells hold the characters of two different template cells:
    # no run of grid columns is one header cell's, so nothing is joined. Four values on the label's line for three
    # cells (305 －9 4 7): version 128 kept the first three (4 for 47, a wrong number); since 129 (t44) the row is
    # left blank, warned
    text = (SNIPPETS / "synth-3472-pymupdf4llm-layout-table2.md").read_text(encoding="utf-8")
    text = text.replace("|本年处<br>定数|理决<br>量|", "|本年处<br>理决|定数<br>量增|")
    report = parse(text.encode("utf-8"), "synth-3472-pymupdf4llm-layout-table2.md")
    assert not [w for w in report.warnings if w.code == "number_across_cells"]
    assert [w for w in report.warnings if w.code == "placement_open" and w.key == "active/licensing"]
    assert [report.cells[f"active/licensing/{c}"].value for c in ("prior_items", "change", "decisions")] == [None] * 3


def test_values_in_grid_cells_under_two_header_cells_are_not_joined() -> None:
    # the same row where the header prints each of its cells whole, one a grid column: three values for two
    # cells, none of them cut by the header's evidence, so the rule joins nothing. Version 128 kept the first two
    # (2 for 254.65, a wrong number); since 129 (t44) the row is left blank, warned
    text = (SNIPPETS / "synth-1246-pymupdf4llm-layout-table3.md").read_text(encoding="utf-8")
    text = text.replace("|采购项目数量本|年收费金额|（单位：万元）||", "|采购项目数量|本年收费金额（单位：万元）|||")
    report = parse(text.encode("utf-8"), "synth-1246-pymupdf4llm-layout-table3.md")
    assert not [w for w in report.warnings if w.code == "number_across_cells"]
    assert [report.cells[f"active/procurement/{c}"].value for c in ("items", "amount")] == [None, None]
    assert [w for w in report.warnings if w.code == "placement_open" and w.key == "active/procurement"]


def test_one_cell_row_whose_number_is_cut_over_grid_cells_is_left_blank() -> None:
    # tuning seed 3648 (md-pymupdf4llm-layout, t44): 行政处罚's one number 716 cut at a grid rule, its 7 printed in
    # the label's grid cell and 16 in the next (``|行政处罚<br>7|16|||||||``). Version 128 read the first, 7 (a wrong
    # number); nothing tells 7 16 from 716 or 16: left blank, warned
    name = "synth-3648-pymupdf4llm-layout-table2.md"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "|行政处罚<br>7|16|||||||" in text
    report = snippet_report(name)
    assert report.cells["active/penalty/decisions"].value is None
    (open_,) = [w for w in report.warnings if w.code == "placement_open" and w.key == "active/penalty"]
    assert "(7 16)" in open_.message


def test_an_amount_cut_at_its_point_over_two_lines_of_its_box_is_left_blank() -> None:
    # tuning seed 6022 (a52's batch, pdf-pdfminer-flow-none, narrow print): 行政事业性收费's 56.52 breaks after its
    # point in its narrow cell (``56.`` / ``52``), its values before its label (``label_after_values``). Version 204
    # read 52 (``56.`` is no value); table 二 has no identity to confirm joining the pieces: left blank, warned
    name = "synth-6022-flow-none-table2.txt"
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "56.\n52" in text
    report = snippet_report(name)
    assert report.cells["active/fees/amount"].value is None
    (cut,) = [w for w in report.warnings if w.code == "number_cut_blank" and w.key == "active/fees"]
    assert "56.|52" in cut.message
    assert report.cells["active/penalty/decisions"].value == 141

"""Table 二's rows printed with more values than cells where nothing tells which are the row's (issue 8, version 129).

Table 二 has no identity: version 128 took a row's first values for its cells (``extra_values``), a wrong number
wherever the surplus came before the row's own. Cut from tuning seeds by ``scripts/build_synth_snippets.py``.
"""

from __future__ import annotations

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

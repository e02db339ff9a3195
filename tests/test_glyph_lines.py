"""Rows printed a glyph a line, and glued cells short of their table (probe conventions no rule was made on).

Table 三's rows printed a glyph a line (``parsers/glyph_lines.py``): pypdfium2's ``get_text_range`` of a synthetic
report's PDF (``tests/fixtures/extractor_snippets/synth-1260-pdfium-table3.txt``, cut by
``scripts/build_synth_snippets.py`` from the probe's tuning half), whose rows under the vertical （三）/（四）/（五）
cells print their labels a glyph a line and their values a digit a line."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.boxes import rejoin
from parsers.tables.templates import APPLICANT_COLUMNS, APPLICATION_ROWS_2019

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"
SNIPPET = SNIPPETS / "synth-1260-pdfium-table3.txt"
# the report's gold (hand-checked against its PDF): every other cell of table 三 is 0
NATURAL_PERSON = {
    "new_received": 898,
    "granted": 107,
    "withheld.three_safeties": 111,
    "unavailable.not_held": 599,
    "other": 42,
    "results_total": 859,
    "carried_forward": 39,
}


def test_rows_printed_a_glyph_a_line_read_by_the_identities() -> None:
    text = SNIPPET.read_text(encoding="utf-8")
    assert "3．危\n及\n“\n三\n安\n全\n一\n稳\n定\n”\n1\n1\n1\n0\n0\n0\n0\n0\n1\n1\n1\n" in text
    report = parse(SNIPPET.read_bytes(), SNIPPET.name)
    for row in APPLICATION_ROWS_2019:
        for col in APPLICANT_COLUMNS:
            gold = NATURAL_PERSON.get(row.key, 0) if col in ("natural_person", "total") else 0
            cell = report.cells.get(f"applications/{row.key}/{col}")
            assert cell is not None and cell.value == gold, (row.key, col, cell)
    (note,) = [w for w in report.warnings if w.code == "glyph_lines"]
    assert note.message.startswith("18 table 三 rows printed a glyph a line")
    # 111 0 0 0 0 0 111 is one split of 11 digits among several (1 110 0 0 0 0 111 …): the identities chose, and say so
    assert any(w.code == "split_number" and "three_safeties" in (w.key or "") for w in report.warnings)
    assert report.metadata["review"] != "none"


def test_only_a_table_three_label_printed_a_glyph_a_line_takes_the_digits() -> None:
    # table 四's heads wrapped a glyph a line over single-digit cells (PyMuPDF's text of narrow head cells): not a
    # label of table 三, so its digits stay one a cell, joined to the line before as any box-per-line run
    text = "尚未审\n结\n总\n计\n0\n1\n0\n0\n1\n"
    pieces, joined, glyphs = rejoin(text)
    assert glyphs == 0 and joined == 1
    assert "".join(p for p, _ in pieces) == "尚未审\n结\n总\n计 0 1 0 0 1\n"
    # a label of table 三 a glyph a line: its glyphs joined; seven digits for seven columns, one a cell
    text = "其他\n1．属\n于\n国\n家\n秘\n密\n0\n0\n0\n1\n0\n0\n1\n"
    pieces, joined, glyphs = rejoin(text)
    assert glyphs == 1
    assert "".join(p for p, _ in pieces) == "其他\n1．属于国家秘密 0 0 0 1 0 0 1\n"
    # more digits than columns: glued, for the table reader to split by the identities
    text = text.replace("0\n0\n0\n1\n0\n0\n1\n", "1\n2\n0\n0\n0\n0\n0\n1\n2\n")
    assert "".join(p for p, _ in rejoin(text)[0]) == "其他\n1．属于国家秘密 120000012\n"


def test_table_four_glued_short_of_its_cells_is_left_blank() -> None:
    # lxml's text_content of 1243 (the probe's bat30 tuning part): table 四's cells glued, its last row printed empty;
    # ten digits for fifteen cells are no one count (before: 1000110102 read as after-review's total)
    name = "synth-1243-lxml-text-table3.txt"
    assert "\n1000110102\n" in (SNIPPETS / name).read_text(encoding="utf-8")
    report = parse((SNIPPETS / name).read_bytes(), name)
    four = {k: c.value for k, c in report.cells.items() if k.startswith("review_litigation/")}
    assert len(four) == 15 and set(four.values()) == {None}
    (warned,) = [w for w in report.warnings if w.code == "ambiguous_split"]
    assert "'1000110102'" in warned.message and "holds a row's worth of digits" in warned.message
    assert report.metadata["review"] == "required"

"""Table 三's short rows in poppler's default text whose values print partly joined on a line, one space between
(``parsers/tables/joined_values.py``): an empty cell parts the line, so joined values are neighbouring columns; and
the gate that tells poppler's default text by its prose (``parsers/tables/poppler_blocks.py``). The texts of one
report of e64's tuning batch (``/tmp/e64/tune``, drawn with zero cells printed empty, ``empty_zero``), whole and
unchanged (poppler's default, ``-raw``, pdfminer.six's); gold from the generator's ``synth_12172.json`` (its cells
printed empty are None)."""

from __future__ import annotations

from parsers.tables.joined_values import joined_pairs, narrowed
from parsers.tables.poppler_blocks import is_poppler_blocks
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

GOLD_12172 = {"carried_forward": [2, 0, 0, 0, None, None, 2]}


def test_short_row_placed_by_its_values_joined_on_a_line() -> None:
    # ``2 0 0 0`` then ``2`` on a line of its own: five values for seven cells, the four joined ones side by side;
    # at 345 the placements the identities liked alike left commercial, research and social_org blank
    report = snippet_report("synth-12172-pdftotext-default.txt")
    assert {row: app_row(report, row) for row in GOLD_12172} == GOLD_12172
    said = [w.message for w in report.warnings if w.code == "blank_cells_placed"]
    assert any("carried_forward" in m and "legal_service, other_org read as printed empty" in m for m in said)


def test_joined_pairs_need_a_line_break_and_a_single_space() -> None:
    text = "2 0 0 0\n\n2"
    spans = [(0, 1), (2, 3), (4, 5), (6, 7), (9, 10)]
    assert joined_pairs(text, spans) == [True, True, True, False]
    # a whole row on one line (``pdftotext -raw``): joined whatever lies between, not read by the joins
    assert joined_pairs("2 0 0 0 2", [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]) is None
    # no two values joined: nothing to narrow
    assert joined_pairs("2\n0\n0", [(0, 1), (2, 3), (4, 5)]) is None
    # two spaces are not one: a layout by spaces keeps a blank cell's room
    assert joined_pairs("2  0\n0", [(0, 1), (3, 4), (5, 6)]) is None


def test_narrowed_placements_keep_joined_values_side_by_side() -> None:
    assert narrowed(4, [True, False]) == [(0, 1, 2), (0, 1, 3), (1, 2, 3)]
    assert len(narrowed(7, [True, True, True, False])) == 6  # the run of four at 0 (3 ways), 1 (2), 2 (1)


def test_poppler_blocks_told_by_prose_from_pdfminer_and_raw() -> None:
    # the same PDF: poppler's default text runs its paragraphs on within a block; pdfminer.six prints a blank line
    # after each paragraph (and joins values an empty cell parts: 2 of 163 pairs); ``-raw`` prints no blank line
    assert is_poppler_blocks((SNIPPETS / "synth-12172-pdftotext-default.txt").read_text())
    assert not is_poppler_blocks((SNIPPETS / "synth-12172-pdfminer.txt").read_text())
    assert not is_poppler_blocks((SNIPPETS / "synth-12172-pdftotext-raw.txt").read_text())
    assert not is_poppler_blocks("第一段。\n第二段。\n第三段。\n第四段。\n")  # no block's end: not poppler's blocks

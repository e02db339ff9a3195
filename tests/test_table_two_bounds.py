"""Table 二's bounds and block titles, found once for the readers of its blocks (``active_blocks.table_two_bounds``,
``titled_blocks``: ``active_boxes.read_active_boxes`` and ``active_head_tails.read_head_tails``), and the format's
marks joined only for the marks no token holds (``format_marks.joined_marks``). Text: tuning seed 7468's pdfminer
snippet (/tmp/g53/tune), its table 二 and the start of section 三."""

from __future__ import annotations

from pathlib import Path

from parsers.extracted import Extracted
from parsers.tables.active_blocks import ITEM_ROWS, SECTION_THREE, table_two_bounds, titled_blocks
from parsers.tables.format_marks import HEAD_MARKS_2021, joined_marks
from parsers.tables.reading import Reading

NAME = "synth-7468-pdfminer-table2.txt"


def _reading() -> Reading:
    text = (Path(__file__).parent / "fixtures" / "extractor_snippets" / NAME).read_text(encoding="utf-8")
    return Reading(Extracted("text", text))


def test_table_two_ends_at_section_three_heading() -> None:
    r = _reading()
    three = r.first_index(SECTION_THREE)
    assert three is not None
    bounds = table_two_bounds(r, "2021", 0, len(r.tokens))
    assert bounds is not None
    items, end = bounds
    assert items == ITEM_ROWS["2021"]
    assert end == three
    # an end before the heading is kept; a format without blocks has no bounds
    assert table_two_bounds(r, "2021", 0, three - 1) == (items, three - 1)
    assert table_two_bounds(r, "legacy", 0, len(r.tokens)) is None


def test_titled_blocks_are_the_items_whose_titles_print() -> None:
    r = _reading()
    items, end = table_two_bounds(r, "2021", 0, len(r.tokens)) or ({}, 0)
    assert titled_blocks(r, 0, end) <= set(items)
    assert "一" in titled_blocks(r, 0, end)
    assert titled_blocks(r, 0, 0) == set()


def test_joined_marks_asked_nothing_joins_nothing() -> None:
    r = _reading()
    assert joined_marks(r, len(r.tokens), {}) == set()
    # a 2021 report: its head marks found in its text tokens joined
    assert joined_marks(r, len(r.tokens), HEAD_MARKS_2021)

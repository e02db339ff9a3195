"""A table's row that a page break cut from its table, alone at the top of its page: its column rules run from the
one rule across it (under the row) to the cut, and end there together (``parsers/ocr/grid.py`` ``_cut_columns``;
``parsers/ocr/grid_ends.py`` ``_closing`` at a row's height, ``CUT_LENGTH``).

synth_4105 pages 6–7 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi 1-bit)
as the engine read them, recorded by ``scripts/build_ocr_records.py /tmp/c47/tune synth_4105 6`` and ``… 7`` (no
OCR at test time). Page 6 ends with table 四's heads; page 7 starts with its row of 15 values, the table's bottom
rule under it and its 16 column rules 2.8 characters long above it. Until version 141 those rules reached one rule
across (not the two a rule runs between) and were dropped as strokes of text: the page had no table, the engine read
the row as one line with the rules in it (``3|1|110151|10|12111013…``), and table 四 was blank (15 cells,
``ambiguous_split``)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.ocr_records import READ, settled_pages

STEM = "synth_4105"
PAGES = (6, 7)
R = "review_litigation"


def _binary(page: int) -> Any:
    return np.where(np.asarray(Image.open(READ / f"{STEM}-p{page}.png").convert("L")) > 127, 255, 0).astype(np.uint8)


def _unit(page: int) -> int:
    return int(json.loads((READ / f"{STEM}-p{page}.ink.json").read_text(encoding="utf-8"))["unit"])


def _table_four() -> dict[str, Any]:
    """Table 四 read from the pages' text by the tables reader (the two pages hold no table 三 to tell the format)."""
    from parsers.readers.ocr import extracted_from
    from parsers.tables.reading import Reading
    from parsers.tables.review import read_review

    r = Reading(extracted_from(settled_pages(STEM, PAGES), "pdf", 7))
    start = r.first_index("四、政府信息公开行政复议")
    assert start is not None
    assert read_review(r, start, len(r.tokens)) is not None
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{R}/")}


def test_the_cut_row_is_a_table_of_one_row_and_fifteen_columns() -> None:
    from parsers.ocr.grid import find_tables

    tables, _ = find_tables(_binary(7), _unit(7))
    assert [(t.n_rows, t.n_cols) for t in tables][:1] == [(1, 15)]
    top = tables[0]
    assert top.box[1] < 400 < top.box[3]  # the page's first table: the row at the page's top


def test_without_the_cut_columns_the_page_has_no_table_there(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid

    monkeypatch.setattr(grid, "_cut_columns", lambda *args: [])
    tables, _ = grid.find_tables(_binary(7), _unit(7))
    assert all(t.box[1] > 500 for t in tables)


def test_table_four_reads_as_printed() -> None:
    from parsers.readers.ocr import extracted_from

    lines = extracted_from(settled_pages(STEM, PAGES), "pdf", 7).text.split("\n")
    row = ["3", "1", "1", "0", "5", "0", "2", "1", "0", "3", "0", "1", "0", "1", "2"]
    assert row in [line.split("\t") for line in lines]
    gold = json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    got = _table_four()
    assert len(got) == 15
    assert got == {k: gold[k] for k in got}

"""A rule across a table that the scan lost, put back where the columns under it start together
(``parsers/ocr/grid_ends.py`` ``_lost_across``).

synth_4100 page 4 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi 1-bit, jpeg
then fax) as the engine read it, recorded by ``scripts/build_ocr_records.py /tmp/c47/tune synth_4100 4`` (no OCR at
test time). Table 四's hairlines faded: the rule under 未经复议直接起诉 and 复议后起诉 is gone, and the eight column
rules of those two groups start at its place and run down to the table's bottom rule. They reached one rule across,
not the two a rule runs between, and were no grid lines: until version 143 the litigation half was two cells five
columns wide, read ``00000`` and ``00202`` (two wrong numbers, nine blanks, six values placed by a guess)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.ocr_records import READ, settled_pages

STEM = "synth_4100"
PAGE = 4
R = "review_litigation"


def _find() -> list[Any]:
    from parsers.ocr.grid import find_tables

    rec = json.loads((READ / f"{STEM}-p{PAGE}.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / f"{STEM}-p{PAGE}.png").convert("L")) > 127, 255, 0)
    return find_tables(binary.astype(np.uint8), rec["unit"])[0]


def _table_four() -> dict[str, Any]:
    from parsers.readers.ocr import extracted_from
    from parsers.tables.reading import Reading
    from parsers.tables.review import read_review

    r = Reading(extracted_from(settled_pages(STEM, (PAGE,)), "pdf", PAGE))
    assert read_review(r, 0, len(r.tokens)) is not None  # the page starts with the table (its heading on page 3)
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{R}/")}


def test_the_lost_rule_is_a_grid_line_and_the_columns_are_fifteen() -> None:
    table = _find()[0]
    assert table.n_cols == 15
    # the rule under the two groups' heads: a grid line where the eight column rules start
    assert len(table.ys) == 4 and table.ys[1] < table.ys[2] < table.ys[3]
    heads = [c for c in table.cells if c.row == 1 and c.cols == 5]
    assert [c.col for c in heads] == [5, 10]  # 未经复议直接起诉, 复议后起诉: over five columns each


def test_without_it_the_litigation_half_has_no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid

    monkeypatch.setattr(grid, "_lost_across", lambda *args: [])
    table = _find()[0]
    assert table.n_cols == 7  # 行政复议's five columns, then the two groups each one column


def test_table_four_no_wrong_number() -> None:
    gold = json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    got = _table_four()
    assert len(got) == 15
    assert {k for k, v in got.items() if v is not None and v != gold[k]} == set()
    # the one blank: 行政复议's 尚未审结, whose 2 the engine read 过 (no number)
    assert {k for k, v in got.items() if v is None} == {f"{R}/review/pending"}

"""Table 二's first block under a fax that lost the rules under its title and under its last row, and the one between
its heads and their values (``parsers/ocr/grid_ends.py`` ``_lost_across`` with ``_through_rule``;
``parsers/ocr/lost_rules.py`` ``split_heads`` in a table of four columns).

synth_4145 page 2 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi 1-bit,
jpeg then fax) as the engine read it, recorded by ``scripts/build_ocr_records.py /tmp/c52/tune synth_4145 2`` (no OCR
at test time). The block's three column rules run from where the rule under 第二十条第（一）项 was to where the rule
under 行政规范性文件 was, through the one rule kept between 规章 and 行政规范性文件: they reached one rule across, were
no grid lines, and the title, the heads, 规章's row and the next block's title were one cell (read
``第二十信息内容规章 条第(一)霓本年制发”…件数0 d 0``). Until version 201 table 二's rows 规章, 行政规范性文件,
行政许可 and 行政处罚 were not found (9 cells blank, with 行政强制 ``placement_open``)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.ocr_records import READ, settled_pages

STEM = "synth_4145"
PAGE = 2
A = "active"


def _binary() -> Any:
    return np.where(np.asarray(Image.open(READ / f"{STEM}-p{PAGE}.png").convert("L")) > 127, 255, 0).astype(np.uint8)


def _record() -> dict[str, Any]:
    return dict(json.loads((READ / f"{STEM}-p{PAGE}.ink.json").read_text(encoding="utf-8")))


def test_the_lost_rules_are_grid_lines_across_the_whole_table() -> None:
    from parsers.ocr.grid import find_tables

    tables, _ = find_tables(_binary(), _record()["unit"])
    assert [(t.n_rows, t.n_cols) for t in tables] == [(13, 4)]
    first = [(c.row, c.col, c.rows, c.cols) for c in tables[0].cells if c.row <= 3]
    assert (0, 0, 1, 4) in first  # 第二十条第（一）项 alone across the table
    assert (3, 0, 1, 4) in first  # 第二十条第（五）项 too
    assert [c for c in first if c[0] == 1 and c[2] == 1] == [(1, c, 1, 1) for c in range(4)]  # heads over 规章's row


def test_without_the_rules_through_a_kept_one_the_block_is_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid_ends

    monkeypatch.setattr(grid_ends, "_through_rule", lambda *args: False)
    from parsers.ocr.grid import find_tables

    tables, _ = find_tables(_binary(), _record()["unit"])
    assert [t.n_cols for t in tables] == [2]


def test_the_heads_over_their_values_were_split_by_the_reader() -> None:
    split = _record()["split"][0]
    assert len(split["ys"]) == 15  # 13 grid rows, and the row of heads over 规章's values cut in two


def test_table_two_reads_its_gold() -> None:
    from parsers.readers.ocr import extracted_from
    from parsers.tables.active import read_active
    from parsers.tables.reading import Reading

    r = Reading(extracted_from(settled_pages(STEM, (PAGE,)), "pdf", PAGE))
    start = r.first_index("二、主动公开政府信息情况")
    end = r.first_index("三、收到和处理政府信息公开申请情况")
    assert start is not None and end is not None
    read_active(r, "2021", start, end)
    gold = json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    # 规章's row prints ``0 d 0`` on this page: its 1 is decided by the glyphs of the document's other pages (``?→1``,
    # ``ocr_glyphs``), not recorded here; every other row of the table reads its gold
    read = {k: c.value for k, c in r.cells.items() if k.startswith(f"{A}/") and not k.startswith(f"{A}/rules/")}
    assert read == {k: v for k, v in gold.items() if k.startswith(f"{A}/") and not k.startswith(f"{A}/rules/")}

"""A table whose every rule across a fax broke into long dashes (``parsers/ocr/grid.py`` ``_dash_gap``,
``_dash_ends``), and a head read as one digit (``parsers/ocr/lost_digits.py`` ``_beside``).

synth_4160 page 3 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a fax turned a
degree) as the engine read it, recorded by ``scripts/build_ocr_records.py /tmp/c52/tune synth_4160 3`` (no OCR at
test time). Table 四's rules across came as dashes 141-148 px long with 80-85 px of paper between (the fax's period
grows as a rule lies nearer level), and each stopped 85-112 px short of the table's outer rules (its last dash in a
gap). Until version 201 the dashes were too far apart to be joined (1.5 characters, 66 px at 300 dpi), no rule across
reached the rules it runs between, and the page had no table: table 四 was blank (15 cells, ``missing_table``). Read
on its grid, the head 总计 over 行政复议's fifth column was read ``4`` at confidence 47 (the Chinese model read ``2``):
its ink, two characters wide, is measured beside the one digit read, and the reading set aside."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.ocr_records import READ, ink_and_glyphs, settled_pages

STEM = "synth_4160"
PAGE = 3
R = "review_litigation"
HEAD = (0, 1, 4)  # 总计 over 行政复议's columns, a head two rows tall
# the engine's reading of that head, as the reader made it (digits model, conf 47) before lost_digits set it aside
READ_AS = ("4", (888, 622, 920, 666), 47.0)


def _binary() -> Any:
    return np.where(np.asarray(Image.open(READ / f"{STEM}-p{PAGE}.png").convert("L")) > 127, 255, 0).astype(np.uint8)


def _record() -> dict[str, Any]:
    return dict(json.loads((READ / f"{STEM}-p{PAGE}.ink.json").read_text(encoding="utf-8")))


def _gold() -> dict[str, Any]:
    return dict(json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"])


def test_the_dashed_rules_make_table_four_of_fifteen_columns() -> None:
    from parsers.ocr.grid import find_tables

    tables, _ = find_tables(_binary(), _record()["unit"])
    assert [(t.n_rows, t.n_cols) for t in tables] == [(4, 15)]
    values = [c for c in tables[0].cells if c.row == 3]
    assert len(values) == 15 and all(c.cols == 1 for c in values)
    heads = [c for c in tables[0].cells if c.row == 0]
    assert [(c.col, c.cols) for c in heads] == [(0, 5), (5, 10)]  # 行政复议, 行政诉讼
    total = next(c for c in tables[0].cells if (c.row, c.col) == HEAD[1:])
    assert total.rows == 2  # 总计 of 行政复议: no rule through it (the one under 未经复议直接起诉 stops at its group)


def test_without_the_long_gaps_the_page_has_no_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid

    monkeypatch.setattr(grid, "_dash_gap", lambda a, b, unit: grid.DASH_GAP * unit)
    tables, _ = grid.find_tables(_binary(), _record()["unit"])
    assert tables == []


def test_without_the_lost_ends_the_first_column_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import grid

    monkeypatch.setattr(grid, "_dash_ends", lambda *args: None)
    tables, _ = grid.find_tables(_binary(), _record()["unit"])
    assert [t.n_cols for t in tables] != [15]


def _lost(with_cells: bool) -> tuple[str | None, set[tuple[int, int, int]]]:
    from parsers.ocr.engine import CELL_INSET, Word
    from parsers.ocr.grid import find_tables
    from parsers.ocr.lost_digits import lost_digits

    binary = _binary()
    ink, _ = ink_and_glyphs(_record())
    assert HEAD not in ink.cells  # recorded after the reader set it aside
    text, box, conf = READ_AS
    ink.cells[HEAD] = [[Word(text, box, conf)]]
    tables, rules = find_tables(binary, _record()["unit"])
    grey = np.where(binary > 0, 0, 255).astype(np.uint8)
    clean = grey.copy()
    clean[rules > 0] = 255
    cells = {
        (t, c.row, c.col): (c.box[0] + CELL_INSET, c.box[1] + CELL_INSET, c.box[2] - CELL_INSET, c.box[3] - CELL_INSET)
        for t, table in enumerate(tables)
        for c in table.cells
    }
    return lost_digits(grey, ink, set(), cells, clean) if with_cells else lost_digits(grey, ink, set())


def test_a_head_read_as_one_digit_is_set_aside_by_its_ink() -> None:
    note, lost = _lost(True)
    assert lost == {HEAD}
    assert note is not None and "'4'" in note


def test_measured_by_the_word_alone_the_head_stays_a_number() -> None:
    assert _lost(False) == (None, set())


def test_table_four_prints_its_heads_then_its_fifteen_values() -> None:
    """The page's text: table 四's heads, no number among them, then its row of fifteen values, the two values that
    print 1 and the two that print 2 read so (the zeros print the fax's one glyph, which the document's other pages
    and the identities decide: ``ocr_glyph_chosen``)."""
    from parsers.readers.ocr import extracted_from

    lines = extracted_from(settled_pages(STEM, (PAGE,)), "pdf", PAGE).text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    rows = [line.split("\t") for line in lines[at + 1 : end] if line.strip()]
    heads, values = rows[:-1], rows[-1]
    assert not any(cell.strip().isdigit() for row in heads for cell in row)
    assert len(values) == 15 and all(v.isdigit() for v in values)
    gold = [v for k, v in _gold().items() if k.startswith(f"{R}/")]
    assert [v for v, g in zip(values, gold, strict=True) if g in (1, 2)] == [str(g) for g in gold if g in (1, 2)]


def test_a_sure_zero_beside_a_seals_remnants_is_kept() -> None:
    """synth_4158 page 2 (a red seal lifted off the page, its black remnants left in table 三's cells; recorded by
    ``scripts/build_ocr_records.py /tmp/c52/tune synth_4158 2``): zeros read at 60 and 85 with the seal's ink beside
    them in their rows. Measured by that ink they were set aside (version 202: four zeros blank); a sure reading (at
    :data:`parsers.ocr.engine.SURE_DIGITS` or over) is measured by its own ink only."""
    from parsers.ocr.engine import CELL_INSET
    from parsers.ocr.grid import find_tables
    from parsers.ocr.lost_digits import lost_digits

    stem, page = "synth_4158", 2
    rec = json.loads((READ / f"{stem}-p{page}.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / f"{stem}-p{page}.png").convert("L")) > 127, 255, 0)
    binary = binary.astype(np.uint8)
    ink, _ = ink_and_glyphs(rec)
    beside_seal = [(0, 25, 3), (0, 28, 2)]
    assert [[w.text for line in ink.cells[k] for w in line] for k in beside_seal] == [["0"], ["0"]]
    tables, rules = find_tables(binary, rec["unit"])
    grey = np.where(binary > 0, 0, 255).astype(np.uint8)
    clean = grey.copy()
    clean[rules > 0] = 255
    cells = {
        (t, c.row, c.col): (c.box[0] + CELL_INSET, c.box[1] + CELL_INSET, c.box[2] - CELL_INSET, c.box[3] - CELL_INSET)
        for t, table in enumerate(tables)
        for c in table.cells
    }
    assert lost_digits(grey, ink, set(), cells, clean) == (None, set())

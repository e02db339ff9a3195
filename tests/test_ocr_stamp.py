"""A round stamp printed in black over a table (parsers/ocr/stamp.py), on a tuning scan's prepared page:
synth_474 page 2 (a fax, 1-bit: the stamp is black, no red to lift it by), its stamp over table 三's rows
(四)2–(五)2. Until version 55 the engine's readings of the cells under it were kept: zeros read 1, 4, 5 and 7
(the ring's lettering beside them). No OCR here: the grid and the stamp only."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from parsers.ocr.engine import Ink, Word
from parsers.ocr.grid import find_tables

GRID = Path(__file__).parent / "fixtures" / "synth-ocr" / "grid"
UNIT = 44  # 300 dpi


def _page(name: str) -> np.ndarray:
    return np.where(np.asarray(Image.open(GRID / name).convert("L")) > 127, 255, 0).astype(np.uint8)


def test_a_black_stamp_over_a_table_is_found_by_its_ring() -> None:
    from parsers.ocr.stamp import find_stamps

    page = _page("synth_474-p2.png")
    _, rules = find_tables(page, UNIT)
    ((x, y, r),) = find_stamps(page, rules, 300)
    assert abs(2 * r / 300 * 2.54 - 4.2) < 0.2  # an organ's seal, 4.2 cm across
    assert 1300 < x < 1500 and 2150 < y < 2350


def test_no_stamp_on_pages_of_text_and_tables() -> None:
    from parsers.ocr.stamp import find_stamps

    for name in ("synth_440-p1.png", "synth_440-p2.png", "synth_460-p3.png", "synth_477-p4.png"):
        page = _page(name)
        _, rules = find_tables(page, UNIT)
        assert find_stamps(page, rules, 300) == [], name


def test_numbers_read_under_the_stamp_are_set_aside_and_said() -> None:
    from parsers.ocr.stamp import find_stamps, set_aside

    page = _page("synth_474-p2.png")
    tables, rules = find_tables(page, UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(27, 8)]
    # every cell read: labels as text, the others as 0 at a confidence of 40 (as the stamp's lettering reads);
    # under the stamp, one cell read as a sure 0 (95) and one as a label holding a digit
    sure, label = (0, 16, 2), (0, 17, 3)
    ink = Ink()
    for cell in tables[0].cells:
        key = (0, cell.row, cell.col)
        text, conf = ("信息", 90.0) if cell.col == 0 else ("1.属于国家", 90.0) if key == label else ("0", 40.0)
        ink.cells[key] = [[Word(text, cell.box, 95.0 if key == sure else conf)]]
    note, under = set_aside(ink, tables, find_stamps(page, rules, 300), 300)
    assert note is not None and "4.2 cm across" in note
    gone = {(row, col) for _, row, col in under}
    # table 三's rows (四)2, (四)3, (五)1 and (五)2 (grid rows 16, 17, 19, 20: 18 is the head (五)不予处理), under the
    # stamp's middle: 自然人 to 社会公益组织 (columns 1–4)
    assert {(row, col) for row in (16, 17, 19, 20) for col in (2, 3)} <= gone
    assert all(col not in (0, 6, 7) and 14 <= row <= 22 for row, col in gone)  # not the labels, 其他, 总计
    assert sure in under and label in under and sure in ink.cells and label in ink.cells  # kept
    assert not any(k in ink.cells for k in under - {sure, label})  # the others' readings removed
    assert len(ink.cells) == len(tables[0].cells) - len(under) + 2

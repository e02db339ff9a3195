"""Dotted rules (parsers/ocr/dotted.py) and rules joined across their gaps (parsers/ocr/grid.py): two tuning scans'
prepared binary pages (tests/fixtures/synth-ocr/grid/, 300 dpi) and drawn pages, no OCR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from parsers.ocr.dotted import dotted_rules
from parsers.ocr.grid import find_tables

GRID = Path(__file__).parent / "fixtures" / "synth-ocr" / "grid"
UNIT = 44  # 300 dpi: a character 44 px tall


def binary(name: str) -> np.ndarray:
    return np.where(np.asarray(Image.open(GRID / name).convert("L")) > 127, 255, 0).astype(np.uint8)


def test_a_fax_whose_rules_came_as_clusters_of_dots_gives_its_tables() -> None:
    # synth_499 page 3 (a tinted fax): table 三's last 13 rows and table 四; the table's inner rules thresholded to
    # clusters of dashes 5-45 px long, 110-140 px of paper between the clusters, and its frame's rules broken. No
    # table was found (the page read as text: 85 cells blank) until version 61
    tables, _ = find_tables(binary("synth_499-p3.png"), UNIT)
    assert len(tables) == 2
    body = tables[0]
    assert (body.n_rows, body.n_cols) == (13, 10)
    # the 7 value columns of the 11 body rows (四 to 结转下年度), each value its own cell
    values = [c for c in body.cells if c.col >= 3 and c.cols == 1 and c.rows == 1 and c.row >= 2]
    assert len(values) == 7 * 11


def test_a_tinted_rule_dotted_under_table_3_and_table_4() -> None:
    # synth_491 page 3 (a tinted fax): table 三's end (5 rows) and table 四 (4 rows, 15 columns) with dotted rules:
    # one table of 2 rows and 6 columns, the rest read as text, until version 61
    tables, _ = find_tables(binary("synth_491-p3.png"), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(5, 10), (4, 15)]
    assert sum(1 for c in tables[1].cells if c.row == 3) == 15


def _frame(page: np.ndarray, xs: list[int], ys: list[int]) -> None:
    for y in (ys[0], ys[-1]):
        page[y : y + 4, xs[0] : xs[-1] + 4] = 255
    for x in (xs[0], xs[-1]):
        page[ys[0] : ys[-1] + 4, x : x + 4] = 255


def test_clusters_of_dashes_are_a_rule_and_a_column_of_ones_is_not() -> None:
    xs, ys = [100, 500, 900], [100, 200, 300, 400, 500, 600, 700, 800]
    page = np.zeros((900, 1000), dtype=np.uint8)
    _frame(page, xs, ys)
    for y in ys[1:-1]:  # solid inner rows
        page[y : y + 4, 100:904] = 255
    # the middle column's rule: clusters of four 8 px dashes (4 px apart), 60 px of paper between clusters
    for top in range(100, 800, 104):
        for k in range(4):
            page[top + k * 11 : top + k * 11 + 8, 500:505] = 255
    # in each cell of the right column a 1: a stroke 30 px tall, 5 wide, at the same x, paper around it
    for y in ys[:-1]:
        page[y + 35 : y + 65, 700:705] = 255
    tables, _ = find_tables(page, UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(7, 2)]
    assert abs(tables[0].xs[1] - 502) <= 3
    hd, vd = dotted_rules(page, UNIT)
    assert not hd.any()
    assert vd[:, 500:505].any() and not vd[:, 690:715].any()


def test_a_line_of_text_is_no_dotted_rule() -> None:
    # a row of short thin strokes (一 二 三 in a line of text) with the characters' other strokes beside it
    page = np.zeros((300, 1200), dtype=np.uint8)
    for x in range(100, 1100, 36):
        page[150:154, x : x + 30] = 255  # the stroke on the line, 6 px of paper to the next
        page[120:140, x + 5 : x + 25] = 255  # the character's other strokes above
        page[164:184, x + 5 : x + 25] = 255  # and below
    hd, vd = dotted_rules(page, UNIT)
    assert not hd.any() and not vd.any()

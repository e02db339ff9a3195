"""The grid (parsers/ocr/grid.py) on real damaged pages: tuning scans' prepared binary pages
(tests/fixtures/synth-ocr/grid/, written by ``scripts/synth_ocr.py --grid-pages``), no OCR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from parsers.ocr.grid import find_tables

GRID = Path(__file__).parent / "fixtures" / "synth-ocr" / "grid"
UNIT = 44  # the working resolution, 300 dpi: a character 44 px tall


def binary(name: str) -> np.ndarray:
    return np.where(np.asarray(Image.open(GRID / name).convert("L")) > 127, 255, 0).astype(np.uint8)


def test_bold_text_under_photocopy_toner_makes_no_table() -> None:
    # synth_440 page 1 (150 dpi, toner): eight paragraphs of bold running text, then table 二's first part (12 rows,
    # 4 columns). The text's strokes, thickened and touching, passed the rule kernels and made nine tables of text
    # (the text read as cells, its sections lost), and two columns inside the label cells, until version 43
    tables, _ = find_tables(binary("synth_440-p1.png"), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(12, 4)]
    assert tables[0].box[1] > 2000  # the table, below the text


def test_bold_digits_and_labels_under_toner_make_no_rows_or_columns() -> None:
    # synth_440 page 2: the end of table 二 (6 rows, 3 columns) and table 三 (3 header rows and 15 of the body; 2 label
    # columns and 7 of numbers): the strokes of the header's labels and of bold zeros made columns and rows inside
    # the cells (25 rows and 14 columns until version 43)
    tables, _ = find_tables(binary("synth_440-p2.png"), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(6, 3), (18, 9)]


def test_a_bold_head_glued_to_the_rules_below_it_does_not_split_its_cell() -> None:
    # synth_460 page 3 (toner, a fax): table 四, its bold head 行政复议 (over the table's first 5 columns) glued to the
    # rules of the columns below it: the strokes of 行 and 复 ran on from those rules into the head's row, short of
    # the table's top rule, and split the head's cell in three (the engine read 币 and 4; table 四 lost) until
    # version 48. Table 三's end and table 四 (4 rows, 15 columns)
    tables, _ = find_tables(binary("synth_460-p3.png"), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(11, 8), (4, 15)]
    heads = [(c.col, c.cols) for c in tables[1].cells if c.row == 0]
    assert heads == [(0, 5), (5, 10)]
    assert sum(1 for c in tables[1].cells if c.row == 3) == 15


def test_a_rule_broken_by_noise_keeps_its_end_where_paper_is_beside_it() -> None:
    # a table of 2 rows and 3 columns whose middle rules reach into the top row by half its height only (the rest
    # lost to noise): with paper beside them, they still divide the top row's cells
    page = np.zeros((400, 900), dtype=np.uint8)
    for y in (50, 150, 250):
        page[y : y + 4, 100:800] = 255
    for x in (100, 333, 566, 796):
        page[50:254, x : x + 4] = 255
    page[50:100, 333:337] = 0  # the upper half of the top row's inner rules lost
    page[50:100, 566:570] = 0
    tables, _ = find_tables(page, UNIT)
    assert [(c.row, c.col, c.cols) for c in tables[0].cells] == [
        (0, 0, 1),
        (0, 1, 1),
        (0, 2, 1),
        (1, 0, 1),
        (1, 1, 1),
        (1, 2, 1),
    ]


def test_two_parts_whose_rules_lie_a_few_pixels_apart_keep_their_cells_apart() -> None:
    # synth_427's table 二: its 第二十条第（五）项 part laid out under and beside its （一）项, the rule after the
    # part's label 18 px from the rule of the part above: one grid line for both, whose border, looked for at the
    # line alone, was not found in the lower part's rows (the label and its 895 one cell until version 48)
    page = np.zeros((700, 1000), dtype=np.uint8)
    for y in (50, 200, 350):  # the upper part: 3 columns
        page[y : y + 4, 100:700] = 255
    for x in (100, 300, 500, 696):
        page[50:354, x : x + 4] = 255
    for y in (350, 500, 650):  # the lower part: its label, and two columns from 518
        page[y : y + 4, 100:900] = 255
    for x in (100, 518, 700, 896):
        page[350:654, x : x + 4] = 255
    tables, _ = find_tables(page, UNIT)
    assert len(tables) == 1
    t = tables[0]
    lower = [c for c in t.cells if t.ys[c.row] >= 340]
    first = [c for c in lower if c.row == lower[0].row]
    # three cells in the lower part's rows, the label's ending at the part's own rule (518), not at the line kept
    # for both (so that a value printed against that rule is inside its cell)
    assert len(first) == 3 and abs(first[0].box[2] - 519) <= 4 and abs(first[1].box[0] - 519) <= 4
    upper = [c for c in t.cells if c.row == 0 and c.box[2] <= 710]
    assert len(upper) == 3 and abs(upper[1].box[2] - 502) <= 4  # the upper part's cells at its own rule


def test_a_thin_rule_a_fax_broke_into_dashes_still_divides_the_rows() -> None:
    # synth_477 page 4 (a fax at half the vertical resolution, turned 1.7°): table 三's rows under (四)无法提供 and
    # (五)不予处理, five of their thin rules come as dashes (80 px of rule, 60 px of paper, each a pixel off the
    # last). No dash reached the rules across it and all were dropped as strokes of text: 4 rows for 10, the rows
    # between them merged (43 cells blank) until version 54
    tables, _ = find_tables(binary("synth_477-p4.png"), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(10, 8)]
    assert sum(1 for c in tables[0].cells if c.cols == 1 and c.rows == 1) >= 9 * 7  # every row's 7 number cells


def test_dashes_need_three_in_a_row_and_the_length_of_no_stroke_of_text() -> None:
    # a table of 1 row and 2 columns; across its right column two pieces of rule 50 px apart (a gap of paper
    # between two rules, as a merged cell leaves), and across its left column a row of strokes of a character's
    # length (40 px, 0.9 character; 50 px apart): neither is a rule. Three dashes across the right column are one
    def page(dashes: list[tuple[int, int]]) -> np.ndarray:
        out = np.zeros((400, 1000), dtype=np.uint8)
        for y in (50, 250):
            out[y : y + 4, 100:900] = 255
        for x in (100, 500, 896):
            out[50:254, x : x + 4] = 255
        for k, (x0, x1) in enumerate(dashes):
            out[150 + k : 154 + k, x0:x1] = 255  # each a pixel lower than the last
        for x0 in range(130, 470, 90):
            out[200:204, x0 : x0 + 40] = 255
        return out

    tables, _ = find_tables(page([(504, 680), (730, 896)]), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(1, 2)]
    tables, _ = find_tables(page([(504, 604), (650, 750), (796, 896)]), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables] == [(2, 2)]
    assert [(c.row, c.col, c.rows) for c in tables[0].cells] == [(0, 0, 2), (0, 1, 1), (1, 1, 1)]


def test_a_photographed_page_whose_rules_lean_after_the_deskew_is_squared() -> None:
    # synth_475 page 2 (photographed at a slant, 300 dpi), deskewed by 4.6°: its horizontal rules level, its vertical
    # rules leaning 3.8°. The keystone's opening (62 px tall) lost the leaning rules 4 px wide, found 2 of them, and
    # left the page as it was: table 三 read as 24 rows of 14 columns in 81 cells (75 cells blank) until version 54
    import cv2

    from parsers.ocr.perspective import keystone, warp

    page = binary("synth_475-p2-deskewed.png")
    found = keystone(page, 300)
    assert found is not None
    matrix, moved = found
    assert 60 < moved < 100
    squared = np.where(warp(page, matrix, fill=0) > 127, 255, 0).astype(np.uint8)
    tables, _ = find_tables(np.asarray(cv2.medianBlur(squared, 3), dtype=np.uint8), UNIT)
    assert [(t.n_rows, t.n_cols) for t in tables][:1] == [(24, 14)]
    assert len(tables[0].cells) > 150

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

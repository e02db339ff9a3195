"""A column of digits the Chinese model reads as glyphs it is unsure of (parsers/ocr/engine.py, ``_glyph_columns``):
synth_1916 page 2 (a fax under a stamp, tuning), table 三's column 自然人, as the engine is given it
(``scripts/build_glyph_columns.py``: the prepared page's left part). The Chinese model read its zeros 癌@0, 站@7,
韶@0, 作@0 …, so the column did not read as one of numbers and its cells were never read again as digits: until
version 112 they were left as those glyphs, and table 三's rows of the column blank. The engine runs here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from parsers.ocr import engine
from parsers.ocr.budget import deadline_after
from parsers.ocr.engine import NUMBER_TEXT, EngineMissing, read_page
from parsers.ocr.grid import find_tables
from parsers.ocr.preprocess import Prepared

HERE = Path(__file__).parent / "fixtures" / "synth-ocr" / "glyph-columns"
NAME = "synth_1916-p2"
COLUMN = 3  # the grid column 自然人 (after the labels' three)


def _read(monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[dict[int, str], dict[int, str]]:
    """What the engine reads in the column, by grid row, and the gold of the rows recorded."""
    try:
        engine.tessdata()
    except EngineMissing as exc:  # pragma: no cover - the models are installed where the tests run
        pytest.skip(str(exc))
    meta = json.loads((HERE / f"{NAME}.rows.json").read_text(encoding="utf-8"))
    gold = json.loads((HERE / "synth_1916.json").read_text(encoding="utf-8"))["cells"]
    binary = np.where(np.asarray(Image.open(HERE / f"{NAME}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    page = Prepared(np.where(binary > 0, 0, 255).astype(np.uint8), binary, 0.0)
    tables, rules = find_tables(binary, meta["unit"])
    (table,) = tables
    ink = read_page(page, tables, rules, deadline_after(600.0), "tesseract")
    read = {
        row: "".join(w.text for line in ink.cells.get((0, row, COLUMN), []) for w in line)
        for row in range(table.n_rows)
    }
    want = {int(row): str(gold[f"applications/{key}/{meta['column']}"]) for row, key in meta["rows"].items()}
    return read, want


def test_a_column_read_as_unsure_glyphs_is_read_again_as_digits() -> None:
    read, want = _read()
    right = [row for row, value in want.items() if read[row] == value]
    wrong = {row: read[row] for row, value in want.items() if NUMBER_TEXT.match(read[row]) and read[row] != value}
    assert wrong == {}  # no number but the gold: a digit reading the model is unsure of is not taken
    assert len(right) >= 12, (read, want)  # of 15 (before: 3, the numbers the Chinese model read itself)


def test_without_the_rule_the_glyphs_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_glyph_columns", lambda read, numeric: set())
    read, want = _read()
    right = [row for row, value in want.items() if read[row] == value]
    assert len(right) <= 4, read  # the column's zeros read as Chinese glyphs

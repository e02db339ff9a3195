"""A one-digit reading measured by the ink that runs on from it, not by ink apart in its cell
(``parsers/ocr/lost_digits.py`` ``_beside``, ``BESIDE_GAP``).

Version 204 measured a reading of one digit by the cell's ink in its rows only where the engine was unsure of it
(under :data:`parsers.ocr.engine.SURE_DIGITS`, 50): synth_4160's head 总计 read ``4`` at 47 (set aside, right) and
synth_4158's zeros beside a seal's black remnants read at 60 and 85 (kept, right) sat 3 and 10 points either side
of the gate. Over the tuning scans 4140–4163 at version 225 those are four of the five one-digit readings whose cell
holds ink beside them (the fifth: synth_4150's label cell read ``4`` at 19, its characters beside it). The ink that
widened the heads runs on from the reading (gaps of 0–8 px at 41–44 px tall); the seal's remnants lie apart from
the zeros (64 and 113 px from zeros 45 and 31 px tall). Only the ink within a character's height of the reading
(chained) now widens it: with the confidence gate lifted, every reading measured beside, the head is still set
aside and the zeros are kept. Recorded pages (``scripts/build_ocr_records.py /tmp/c52/tune synth_4160 3`` and
``synth_4158 2``: no OCR at test time)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.ocr_records import READ, ink_and_glyphs

HEAD = (0, 1, 4)  # synth_4160 p3: 总计 over 行政复议's columns
READ_AS = ("4", (888, 622, 920, 666), 47.0)  # as the reader read it before lost_digits set it aside
BESIDE_SEAL = [(0, 25, 3), (0, 28, 2)]  # synth_4158 p2: zeros read at 60 and 85, a seal's remnants in their rows


def _lost(stem: str, page: int, add: dict[Any, tuple[str, tuple[int, int, int, int], float]]) -> tuple[Any, Any]:
    from parsers.ocr.engine import CELL_INSET, Word
    from parsers.ocr.grid import find_tables
    from parsers.ocr.lost_digits import lost_digits

    rec = json.loads((READ / f"{stem}-p{page}.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / f"{stem}-p{page}.png").convert("L")) > 127, 255, 0)
    binary = binary.astype(np.uint8)
    ink, _ = ink_and_glyphs(rec)
    for key, (text, box, conf) in add.items():
        ink.cells[key] = [[Word(text, box, conf)]]
    tables, rules = find_tables(binary, rec["unit"])
    grey = np.where(binary > 0, 0, 255).astype(np.uint8)
    clean = grey.copy()
    clean[rules > 0] = 255
    cells = {
        (t, c.row, c.col): (c.box[0] + CELL_INSET, c.box[1] + CELL_INSET, c.box[2] - CELL_INSET, c.box[3] - CELL_INSET)
        for t, table in enumerate(tables)
        for c in table.cells
    }
    return lost_digits(grey, ink, set(), cells, clean)


@pytest.fixture
def every_digit_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    import parsers.ocr.lost_digits as lost_digits

    monkeypatch.setattr(lost_digits, "SURE_DIGITS", 101.0)  # the confidence gate lifted


@pytest.mark.usefixtures("every_digit_measured")
def test_zeros_beside_a_seals_remnants_apart_from_them_are_kept_whatever_the_engines_confidence() -> None:
    assert _lost("synth_4158", 2, {}) == (None, set())


@pytest.mark.usefixtures("every_digit_measured")
def test_a_head_read_as_one_digit_is_still_set_aside_by_the_ink_that_runs_on_from_it() -> None:
    note, lost = _lost("synth_4160", 3, {HEAD: READ_AS})
    assert lost == {HEAD}
    assert note is not None and "'4'" in note

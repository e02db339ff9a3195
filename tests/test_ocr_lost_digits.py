"""A number read with fewer digits than its ink is wide (parsers/ocr/lost_digits.py), on a tuning scan as the engine
read it (``scripts/build_lost_digits.py``): synth_1902 page 1 (a fax under a stamp), table 二's 其他对外管理服务事项
printed 25 with its 2 and 5 one blob of ink, read ``2`` at 93. No identity checks the cell; until version 112 the 2
was kept, a wrong number. No OCR here: the engine's words are recorded."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from parsers.ocr.engine import Ink, Word
from parsers.ocr.lost_digits import lost_digits
from parsers.review import REQUIRED

HERE = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-digits"
NAME = "synth_1902-p1"


def _page() -> tuple[np.ndarray, Ink, dict[tuple[int, int, int], str], dict[str, object]]:
    grey = np.where(np.asarray(Image.open(HERE / f"{NAME}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    rec = json.loads((HERE / f"{NAME}.ink.json").read_text(encoding="utf-8"))
    ink = Ink()
    for key, lines in rec["cells"]:
        ink.cells[(key[0], key[1], key[2])] = [
            [Word(text, (box[0], box[1], box[2], box[3]), conf) for text, box, conf in line] for line in lines
        ]
    keys = {tuple(int(k) for k in cell.split(",")): gold_key for cell, gold_key in rec["keys"].items()}
    gold = json.loads((HERE / "synth_1902.json").read_text(encoding="utf-8"))["cells"]
    return grey, ink, keys, gold  # type: ignore[return-value]


def test_a_number_read_with_a_digit_lost_is_set_aside() -> None:
    grey, ink, keys, gold = _page()
    ((cell, key),) = keys.items()
    read = "".join(w.text for line in ink.cells[cell] for w in line)
    assert read != str(gold[key])  # the engine's reading is wrong: 2 for 25
    before = dict(ink.cells)
    note, lost = lost_digits(grey, ink, set())
    assert lost == {cell}
    assert cell not in ink.cells
    assert note is not None and repr(read) in note
    assert {k: v for k, v in before.items() if k != cell} == ink.cells  # every other reading kept


def test_cells_left_alone_are_not_measured() -> None:
    grey, ink, keys, _ = _page()
    ((cell, _),) = keys.items()
    note, lost = lost_digits(grey, ink, {cell})
    assert (note, lost) == (None, set())
    assert cell in ink.cells


def test_a_reading_set_aside_asks_for_review() -> None:
    assert "ocr_digits_lost" in REQUIRED

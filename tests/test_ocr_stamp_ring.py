"""A number read surely under a round stamp printed in black, the ring running through its line beside it
(``parsers/ocr/stamp.py``, ``set_aside``), on a tuning scan's page as the engine read it: synth_1938 page 1 (a fax,
``scripts/synth_ocr.py --damage``: 300 dpi, 1-bit, a stamp), recorded by ``scripts/build_ocr_records.py
/tmp/y44/scans5 synth_1938 1 --stamp-kept`` (the prepared binary page and the engine's words before the stamp's cells
are set aside; no OCR at test time). The ring runs through the ``1`` and the ``3`` of 行政处罚's ``143``: the engine
read ``4`` at 96, and until version 131 a reading that sure was kept (a wrong number, review only suggested)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from parsers.ocr.engine import Ink
from parsers.ocr.grid import Table, find_tables
from parsers.ocr.stamp import Stamp
from tests.ocr_records import READ, ink_and_glyphs

NAME = "synth_1938-p1"
PENALTY = (0, 6, 1)  # 行政处罚's 本年处理决定数量: printed 143, read 4
ISSUED = (0, 3, 1)  # 行政规范性文件's 本年制发件数: printed 0, read 0 at 94, the ring a digit's width and more away


def _page() -> tuple[Ink, list[Table], list[Stamp], float]:
    from parsers.ocr.stamp import find_stamps

    rec = json.loads((READ / f"{NAME}.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / f"{NAME}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    tables, rules = find_tables(binary, rec["unit"])
    assert [[t.n_rows, t.n_cols] for t in tables] == rec["tables"]  # the grid the engine's cells were read in
    ink, _ = ink_and_glyphs(rec)
    return ink, tables, find_stamps(binary, rules, rec["dpi"]), rec["dpi"]


def _gold() -> dict[str, Any]:
    return json.loads((READ / "synth_1938.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def _text(ink: Ink, key: tuple[int, int, int]) -> str | None:
    lines = ink.cells.get(key)
    return None if not lines else "".join(w.text for line in lines for w in line)


def test_the_engine_read_143_as_a_sure_4() -> None:
    ink, _, stamps, _ = _page()
    assert len(stamps) == 1
    ((word,),) = ink.cells[PENALTY]
    assert word.text == "4" and word.conf >= 90
    assert _gold()["active/penalty/decisions"] == 143


def test_a_sure_number_the_ring_runs_beside_is_set_aside() -> None:
    from parsers.ocr.stamp import set_aside

    ink, tables, stamps, dpi = _page()
    note, under = set_aside(ink, tables, stamps, dpi)
    assert PENALTY in under and _text(ink, PENALTY) is None
    assert note is not None and "/ 4)" in note
    # a sure number under the disc the ring leaves alone stays, as before: a right 0
    assert ISSUED in under and _text(ink, ISSUED) == "0" == str(_gold()["active/normative_docs/issued"])


def test_without_the_ring_s_test_the_4_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.ocr import stamp

    monkeypatch.setattr(stamp, "BESIDE", -100.0)  # no band beside the number: the rule before version 131
    ink, tables, stamps, dpi = _page()
    stamp.set_aside(ink, tables, stamps, dpi)
    assert _text(ink, PENALTY) == "4"

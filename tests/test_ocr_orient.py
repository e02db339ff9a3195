"""Pages lying a quarter or half turn off, and sheets lying crooked: turned upright, read, and reported.

The page is the committed scan of seed 001's table page (``tests/fixtures/scans/``, printed by pdftoppm at
200 dpi), turned here by Pillow as a scanner would have it: a quarter turn (a landscape page scanned on its
side), a half turn (fed upside down), or a few degrees (a sheet lying crooked on the glass). Cells are
compared with the hand-read gold values. The whole corpus's figures are ``benchmarks/ocr.py --kind turn90
turn180 turn270 crooked``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from parsers import parse
from parsers.model import Report
from parsers.ocr import document, orient
from parsers.ocr.preprocess import binarise, skew_angle
from parsers.report import note_code

FIXTURES = Path(__file__).parent / "fixtures"
STEM = "001_641fc7d161c03c36"


@pytest.fixture(scope="module")
def table_page() -> Image.Image:
    """Page 2 of seed 001 at 200 dpi: the end of table 二 and table 三 down to its withheld rows."""
    return Image.open(FIXTURES / "scans" / f"{STEM}-200-clean-p2.png").convert("L")


def expected() -> dict[str, Any]:
    cells: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    on_page = ("new_received", "carried_over", "granted", "partially_granted", "withheld.")
    return {k: v for k, v in cells.items() if k.startswith(tuple(f"applications/{r}" for r in on_page))}


def right(report: Report) -> int:
    return sum(1 for k, v in expected().items() if k in report.cells and report.cells[k].value == v)


def png(page: Image.Image) -> bytes:
    buf = io.BytesIO()
    page.save(buf, "PNG", dpi=(200, 200))
    return buf.getvalue()


def turned(report: Report) -> list[str]:
    return [w.message for w in report.warnings if w.code == "page_turned"]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_turned_a_quarter_or_half_turn_is_read_upright_and_reported(table_page: Image.Image, turn: int) -> None:
    report = parse(png(table_page.rotate(-turn, expand=True)), "page.png")  # Pillow turns counter-clockwise
    assert right(report) >= 0.98 * len(expected()), f"{right(report)}/{len(expected())}"
    assert len(turned(report)) == 1 and turned(report)[0].startswith(f"page 1 lay turned {turn}° clockwise")


def test_a_crooked_sheet_is_straightened_and_reported(table_page: Image.Image) -> None:
    page = table_page.rotate(-9, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)  # 9° clockwise
    report = parse(png(page), "page.png")
    assert right(report) >= 0.98 * len(expected()), f"{right(report)}/{len(expected())}"
    assert len(turned(report)) == 1
    assert turned(report)[0].startswith("page 1 lay crooked by 9.")
    assert "° clockwise: turned upright before reading" in turned(report)[0]


def test_an_upright_page_is_read_once_without_asking_its_orientation(
    table_page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    reads: list[int] = []
    read = document._read

    def counted(*args: Any) -> Any:
        reads.append(1)
        return read(*args)

    monkeypatch.setattr(document, "orientation", lambda *a: asked.append(1))
    monkeypatch.setattr(document, "_read", counted)
    report = parse(png(table_page), "page.png")
    assert asked == [] and len(reads) == 1
    assert turned(report) == [] and right(report) == len(expected())


def test_a_wrong_orientation_guess_never_makes_the_reading_worse(
    table_page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the page looks doubtful and OSD says it lies upside down: the turned page reads worse, the upright reading stays
    monkeypatch.setattr(orient, "doubtful", lambda ink: True)
    monkeypatch.setattr(document, "orientation", lambda *a: (180, 9.9))
    report = parse(png(table_page), "page.png")
    assert turned(report) == [] and right(report) == len(expected())


@pytest.mark.parametrize("angle", [-14.0, -8.0, -5.5, 0.0, 3.0, 6.5, 11.0])
def test_skew_is_found_within_15_degrees_either_way(table_page: Image.Image, angle: float) -> None:
    page = table_page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    found = skew_angle(binarise(np.asarray(page, dtype=np.uint8)))
    assert abs(found + angle) <= 0.2, found  # the angle that turns it back


def test_a_readers_note_may_name_its_warning_code() -> None:
    note = "page 2 lay turned 90° clockwise: turned upright before reading"
    assert note_code(f"[page_turned] {note}") == ("page_turned", note)
    assert note_code("OCR: pages turned straight before reading: 1 (+1.0°)") == (
        "reader",
        "OCR: pages turned straight before reading: 1 (+1.0°)",
    )

"""The scan reader's rules of parser version 34, each on a made-up page (no OCR engine needed): a lone digit read
unlike the same glyph elsewhere on the page (parsers/ocr/glyphs.py), red ink lifted off a colour page, a minus sign
kept in a number's ink box, a table cut by the page closed where its vertical rules stop."""

from __future__ import annotations

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from parsers.ocr.engine import Ink, Word, ink_box  # noqa: E402
from parsers.ocr.glyphs import agree  # noqa: E402
from parsers.ocr.grid import _open_ends, _Segment  # noqa: E402
from parsers.ocr.pages import lift_red  # noqa: E402


def _page(glyphs: list[str]) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """A white page with one glyph a cell, in a row; the glyphs' ink boxes."""
    page = np.full((120, 60 * len(glyphs) + 20), 255, dtype=np.uint8)
    boxes = []
    for i, g in enumerate(glyphs):
        x = 20 + 60 * i
        cv2.putText(page, g, (x, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3)
        ys, xs = np.nonzero(page[:, x - 5 : x + 50] < 128)
        boxes.append((x - 5 + int(xs.min()), int(ys.min()), x - 5 + int(xs.max()) + 1, int(ys.max()) + 1))
    return page, boxes


def _ink(readings: list[str], boxes: list[tuple[int, int, int, int]]) -> Ink:
    return Ink(
        cells={(0, 0, i): [[Word(r, box, 90.0)]] for i, (r, box) in enumerate(zip(readings, boxes, strict=True))}
    )


def test_a_glyph_read_otherwise_than_its_likes_is_read_as_they_are() -> None:
    page, boxes = _page(["0"] * 8 + ["3", "3"])
    readings = ["0", "0", "0", "0", "0", "8", "6", "0", "3", "3"]  # two zeros misread
    ink, note = agree(page, _ink(readings, boxes))
    got = [ink.cells[(0, 0, i)][0][0].text for i in range(len(readings))]
    assert got == ["0"] * 8 + ["3", "3"]
    assert note is not None and "6→0 ×1" in note and "8→0 ×1" in note


def test_a_glyph_without_enough_likes_keeps_its_reading() -> None:
    page, boxes = _page(["0", "0", "0", "8", "3", "3"])
    readings = ["0", "0", "6", "8", "3", "3"]  # two votes for 0 against one: under MIN_VOTES
    ink, note = agree(page, _ink(readings, boxes))
    assert [ink.cells[(0, 0, i)][0][0].text for i in range(6)] == readings
    assert note is None


def test_red_ink_is_lifted_and_black_print_kept() -> None:
    rgb = np.full((100, 100, 3), 250, dtype=np.uint8)
    cv2.circle(rgb, (50, 50), 40, (220, 40, 40), 4)  # a red ring (RGB)
    cv2.putText(rgb, "0", (35, 65), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 3)
    lifted = lift_red(rgb)
    assert lifted is not None and lifted[1]
    grey = lifted[0]
    assert grey[50, 90] > 200  # the ring reads as paper
    assert (grey < 60).sum() > 100  # the digit stays black
    assert lift_red(np.full((50, 50, 3), 250, dtype=np.uint8)) is None  # no red: the caller keeps its grey


def test_a_minus_sign_stays_in_the_numbers_ink_box() -> None:
    mask = np.zeros((40, 90), np.uint8)
    cv2.putText(mask, "-22", (2, 32), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 2)
    box = ink_box(mask)
    assert box is not None and box[0] <= int(np.nonzero(mask.any(axis=0))[0][0])
    speck = np.zeros((40, 90), np.uint8)
    cv2.putText(speck, "22", (30, 32), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 2)
    speck[20, 5] = 255  # a speck far left is no minus sign
    found = ink_box(speck)
    assert found is not None and found[0] >= 28


def test_a_table_cut_by_the_page_is_closed_where_its_rules_stop() -> None:
    ys = [100, 160, 220]
    verticals = [_Segment(x, 100, 300, 3) for x in (50, 150, 250, 350)]  # run on to 300, past the last rule
    assert _open_ends(ys, verticals, 40, 13, 4) == [100, 160, 220, 300]
    ragged = [
        _Segment(50, 100, 300, 3),
        _Segment(150, 100, 222, 3),
        _Segment(250, 100, 221, 3),
        _Segment(350, 100, 222, 3),
    ]
    assert _open_ends(ys, ragged, 40, 13, 4) == ys  # one rule running on is not a cut

"""The scan reader's rules of parser version 40, each on a made-up page (no OCR engine needed): the lone digits of
a report's pages compared across the pages (parsers/ocr/glyphs.py ``agree_pages``), a disputed set spanning pages
read by the identities for all its cells (parsers/ocr/correct.py), a page photographed at a slant made square
again (parsers/ocr/perspective.py)."""

from __future__ import annotations

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from parsers.extracted import GlyphSet  # noqa: E402
from parsers.model import Cell, Check, Warning_, Where  # noqa: E402
from parsers.ocr.correct import correct_misreadings, lookalikes  # noqa: E402
from parsers.ocr.engine import Ink, Word  # noqa: E402
from parsers.ocr.glyphs import agree_pages, agree_sets, glyphs_of  # noqa: E402
from parsers.ocr.perspective import keystone, rules, warp  # noqa: E402
from parsers.ocr.preprocess import Prepared, prepare, without_lone_specks  # noqa: E402
from tests.test_ocr_glyphs import _page  # noqa: E402  (a white page with one glyph a cell)


def _ink(readings: list[str], boxes: list[tuple[int, int, int, int]]) -> Ink:
    return Ink(cells={(0, 0, i): [[Word(r, b, 90.0)]] for i, (r, b) in enumerate(zip(readings, boxes, strict=True))})


def test_a_page_that_reads_a_glyph_wrong_more_often_than_right_is_read_with_the_other_pages() -> None:
    page, boxes = _page(["0"] * 8 + ["3", "3"])
    # page 1 alone: its zeros read 6 six times against 0 twice: its own vote would read them all 6
    one = ["6", "6", "6", "6", "6", "6", "0", "0", "3", "3"]
    two = ["0", "0", "0", "0", "0", "0", "6", "0", "3", "3"]
    alone, note, _ = agree_sets(page, _ink(one, boxes))
    assert [alone.cells[(0, 0, i)][0][0].text for i in range(8)] == ["6"] * 8 and note and "0→6 ×2" in note
    inks, notes, sets = agree_pages(
        {
            1: (_ink(one, boxes), glyphs_of(page, _ink(one, boxes))),
            2: (_ink(two, boxes), glyphs_of(page, _ink(two, boxes))),
        }
    )
    # together: 6 ×7 against 0 ×9, no reading twice the other: one set over both pages, for the identities
    assert len(sets) == 1
    numbers, found = sets[0]
    assert sorted(set(numbers)) == [1, 2] and len(found.cells) == 16 and set(found.readings) == {"0", "6"}
    assert [inks[1].cells[(0, 0, i)][0][0].text for i in range(8)] == one[:8]  # nothing changed: the identities choose
    assert "of 16 on pages 1, 2" in notes[1] and "of 16 on pages 1, 2" in notes[2]


def test_a_disputed_set_spanning_pages_is_read_by_the_identities_for_all_its_cells() -> None:
    # a1 + a2 = at on page 2, b1 + b2 = bt on page 3, a1 + b1 = t1 (page 3): the zeros read 6 on page 2, 0 on page 3
    boxes = {k: (float(i), 0.0, float(i) + 1, 1.0) for i, k in enumerate(("a1", "a2", "at", "b1", "b2", "bt", "t1"))}
    page_of = {"a1": 2, "a2": 2, "at": 2, "b1": 3, "b2": 3, "bt": 3, "t1": 3}
    printed = {"a1": "6", "a2": "5", "at": "5", "b1": "0", "b2": "2", "bt": "2", "t1": "0"}
    cells = {k: Cell(k, int(v), v, Where(0, 1, page=page_of[k], box=boxes[k])) for k, v in printed.items()}

    def check(name: str, left: list[str], right: list[str]) -> Check:
        lv, rv = sum(cells[k].value or 0 for k in left), sum(cells[k].value or 0 for k in right)
        return Check(name, left, right, lv, rv, lv == rv)

    checks = [
        check("row_a", ["a1", "a2"], ["at"]),
        check("row_b", ["b1", "b2"], ["bt"]),
        check("col", ["a1", "b1"], ["t1"]),
    ]
    members = ["a1", "b1", "t1"]
    glyph = GlyphSet(
        2, tuple(boxes[k] for k in members), ("6", "0"), (), (("0", 2), ("6", 1)), tuple(page_of[k] for k in members)
    )
    warnings: list[Warning_] = []
    checks = correct_misreadings(cells, checks, warnings, [glyph])
    assert all(c.passed for c in checks) and [cells[k].value for k in members] == [0, 0, 0]
    assert cells["a1"].where is not None and cells["a1"].where.read_as == "6"
    assert [w.code for w in warnings] == ["ocr_glyph_chosen"] and warnings[0].message.startswith("pages 2, 3:")


def _ruled_page(w: int = 1700, h: int = 2300) -> np.ndarray:
    page = np.full((h, w), 255, dtype=np.uint8)
    xs, ys = [200, 700, 1000, 1300, 1500], list(range(300, 2000, 100))
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 3)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 3)
        cv2.putText(page, "12", (xs[1] + 40, y + 70), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    return page


def _lean(lines: list[tuple[float, float, float, float]], across: bool) -> float:
    """The widest difference in lean between the given rules (degrees)."""
    angles = [
        np.degrees(np.arctan2(y1 - y0, x1 - x0) if across else np.arctan2(x1 - x0, y1 - y0)) for x0, y0, x1, y1 in lines
    ]
    return float(max(angles) - min(angles))


def test_a_page_photographed_at_a_slant_has_its_rules_made_parallel_again() -> None:
    page = _ruled_page()
    h, w = page.shape
    corners = np.float32([(0, 0), (w, 0), (w, h), (0, h)])
    # a keystone: the top drawn narrower than the bottom (the camera below the page), ~3 % at a corner
    slanted = np.float32([(60, 20), (w - 60, 10), (w - 5, h - 10), (10, h - 5)])
    photo = warp(page, np.asarray(cv2.getPerspectiveTransform(corners, slanted), dtype=np.float64))
    binary = (photo < 128).astype(np.uint8) * 255
    across, down = rules(binary)
    assert _lean(down, False) > 0.5  # the vertical rules lean towards each other
    found = keystone(binary, 200)
    assert found is not None and 10 < found[1] < 80
    straight = (warp(photo, found[0]) < 128).astype(np.uint8) * 255
    across, down = rules(straight)
    assert len(down) == 5 and _lean(down, False) < 0.15 and _lean(across, True) < 0.15
    prepared = prepare(photo, 200)
    assert prepared.keystone == pytest.approx(found[1], abs=3)


def test_a_square_page_and_a_page_of_text_are_left_as_they_are() -> None:
    page = _ruled_page()
    assert keystone((page < 128).astype(np.uint8) * 255, 200) is None
    text = np.full((2300, 1700), 255, dtype=np.uint8)
    for y in range(200, 2000, 80):
        cv2.putText(text, "0123456789 0123456789 0123456789", (100, y), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    assert keystone((text < 128).astype(np.uint8) * 255, 200) is None
    assert prepare(page, 200).keystone == 0.0


def test_a_glyph_read_as_nothing_more_often_than_as_anything_is_for_the_identities_among_its_lookalikes() -> None:
    # a zero filled in by toner: the engine reads nothing in six of them, 6 in three: no evidence it prints a 6,
    # nor a 0: one disputed set, whose readings are the 6 and the digits a 6 is confused with (version 44)
    page, boxes = _page(["0"] * 9 + ["3", "3"])
    threes = {(0, 0, i): [[Word("3", boxes[i], 90.0)]] for i in (9, 10)}
    ink = Ink(cells={**{(0, 0, i): [[Word("6", boxes[i], 90.0)]] for i in range(3)}, **threes})
    unread = {(0, 0, i): boxes[i] for i in range(3, 9)}
    agreed, note, sets = agree_sets(page, ink, unread)
    (found,) = sets
    assert sorted(found.cells) == [(0, 0, i) for i in range(9)] and found.readings[0] == "6"
    assert set(found.readings) == {"6", *lookalikes("6")} and "0" in found.readings
    assert found.counts == (("", 6), ("6", 3))
    assert [agreed.cells[(0, 0, i)][0][0].text for i in range(3)] == ["6"] * 3  # nothing changed until they choose
    assert note is not None and "identities choose among 6, " in note
    # read as 6 once only: no set (a set needs a reading of two cells), the cells stay unread
    ink = Ink(cells={(0, 0, 0): [[Word("6", boxes[0], 90.0)]], **threes, (0, 0, 11): [[Word("3", boxes[9], 90.0)]]})
    agreed, note, sets = agree_sets(page, ink, {(0, 0, i): boxes[i] for i in range(1, 9)})
    assert all((0, 0, i) not in agreed.cells for i in range(1, 9)) and not sets and note is None
    # read as nothing fewer times than as 6: read as its likes are (and noted)
    ink = Ink(cells={(0, 0, i): [[Word("6", boxes[i], 90.0)]] for i in range(6)})
    agreed, note, _ = agree_sets(page, ink, {(0, 0, i): boxes[i] for i in range(6, 9)})
    assert [agreed.cells[(0, 0, i)][0][0].text for i in range(6, 9)] == ["6"] * 3 and note and "?→6 ×3" in note


def test_four_lines_that_are_no_tables_rules_do_not_warp_the_page() -> None:
    # a square table inside a frame drawn as a keystone (a page edge, a shadow's): squaring the frame would make
    # the table's rules lean, so the page is read as it is
    page = _ruled_page()
    h, w = page.shape
    frame = [(100, 150), (w - 100, 165), (w - 75, h - 150), (75, h - 160)]  # squared: a 12 px warp
    for a, b in zip(frame, frame[1:] + frame[:1], strict=True):
        cv2.line(page, a, b, 0, 3)
    binary = (page < 128).astype(np.uint8) * 255
    assert keystone(binary, 200) is None


def _line(page: np.ndarray, x: int, y: int, text: str) -> int:
    """A line of digits at (x, y baseline) in a plain face, 60 px high (a character of 300 dpi): its right end."""
    cv2.putText(page, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 5)
    (w, _), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 2.0, 5)
    return x + w


def test_lone_specks_go_and_a_decimal_point_a_dash_and_a_line_of_text_stay() -> None:
    # a 300 dpi page: a number with a decimal point, a dash, a table rule; toner specks of 4×5 pixels (20: above
    # the despeckle's 12) strewn over the paper between the lines and in a cell beside the rule
    page = np.full((900, 1200), 255, dtype=np.uint8)
    end = _line(page, 100, 200, "12")
    cv2.rectangle(page, (end + 6, 192), (end + 11, 199), 0, -1)  # the point: 6×8 on the baseline
    _line(page, end + 18, 200, "5")
    cv2.rectangle(page, (100, 400), (140, 404), 0, -1)  # a dash alone: wider than tall
    cv2.rectangle(page, (50, 600), (1150, 603), 0, -1)  # a rule
    specks = [(300, 300), (700, 320), (900, 500), (400, 580), (1000, 700), (650, 820), (160, 402)]
    for x, y in specks:
        cv2.rectangle(page, (x, y), (x + 3, y + 4), 0, -1)
    binary = (page < 128).astype(np.uint8) * 255
    rules = np.zeros_like(binary)
    rules[598:606, 50:1151] = 255
    prepared = Prepared(page.copy(), binary, 0.0)
    clean = without_lone_specks(prepared, rules, 44, 300)
    for x, y in specks[:-1]:
        assert not clean.binary[y : y + 5, x : x + 4].any() and (clean.grey[y : y + 5, x : x + 4] == 255).all()
    assert clean.binary[402, 161]  # beside the dash on its line: kept (a speck there is a mark of the line)
    assert clean.binary[195, end + 8] and clean.binary[402, 120] and clean.binary[601, 600]  # point, dash, rule
    assert int((binary > clean.binary).sum()) == 20 * (len(specks) - 1)
    # a page without lone specks is the page itself
    assert without_lone_specks(clean, rules, 44, 300) is clean

"""Numbers read with a digit lost, two of a row's three (``parsers/ocr/lost_digits.py``), and a change read with its
minus and a digit lost.

synth_4139 page 1 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a fax's toner), as
the engine read it, recorded by ``scripts/build_ocr_records.py /tmp/c49/tune2 synth_4139 1`` run with version 155
(the recorded words are the engine's, the cells set aside then left out: 行政处罚's 32 read ``2``). The fax ran the
digits of table 二's numbers together: 其他对外管理服务事项 printed 20 and 24, read ``0`` and ``4`` (each 1.8 times as
wide a digit as the page's numbers), its third number 0 read right; 行政许可's 本年增/减 printed -25, read ``-3``.
Until version 157 the three were kept, wrong numbers: the row's median width was a wide one (the bold row's rule), and
a reading with a minus was not measured. No OCR at test time."""

from __future__ import annotations

from tests.test_ocr_lost_signs import _page

LOST = {(0, 7, 1): "0", (0, 7, 3): "4", (0, 6, 2): "-3"}  # 20, 24 and -25


def test_two_numbers_of_a_row_of_three_and_a_change_read_with_a_digit_lost_are_set_aside() -> None:
    from parsers.ocr.lost_digits import lost_digits

    grey, ink, _ = _page("synth_4139-p1")
    read = {k: ink.cells[k][0][0].text for k in LOST}
    assert read == LOST
    note, lost = lost_digits(grey, ink, set())
    assert lost == set(LOST)
    assert note is not None and all(f"{text!r} (1.8×)" in note for text in LOST.values())
    assert not set(LOST) & set(ink.cells)
    # the row's third number, read right at the page's width, is kept
    assert ink.cells[(0, 7, 2)][0][0].text == "0"


def test_a_row_printed_wide_throughout_is_no_digit_lost() -> None:
    """Every number of a row as wide a digit as the lost ones (a row printed in bold): none set aside."""
    import numpy as np

    from parsers.ocr.engine import Ink, Word
    from parsers.ocr.lost_digits import lost_digits

    grey = np.full((400, 1200), 255, dtype=np.uint8)
    ink = Ink()
    for row in range(4):  # four rows of plain digits, 20 px wide a digit, 34 high
        for col in range(3):
            x, y = 100 + 300 * col, 20 + 60 * row
            grey[y : y + 34, x : x + 20] = 0
            ink.cells[(0, row, col)] = [[Word("0", (x, y, x + 20, y + 34), 90.0)]]
    for col in range(3):  # a fifth row, every digit 40 px wide: bold
        x, y = 100 + 300 * col, 300
        grey[y : y + 34, x : x + 40] = 0
        ink.cells[(0, 4, col)] = [[Word("0", (x, y, x + 40, y + 34), 90.0)]]
    assert lost_digits(grey, ink, set()) == (None, set())
    # one of the bold row's numbers read plainly narrow: the two wide ones, wide among the row's plain ones, go
    grey[300:334, 100:140] = 255
    grey[300:334, 100:120] = 0
    ink.cells[(0, 4, 0)] = [[Word("0", (100, 300, 120, 334), 90.0)]]
    _, lost = lost_digits(grey, ink, set())
    assert lost == {(0, 4, 1), (0, 4, 2)}

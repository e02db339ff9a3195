"""A number whose 1 ran into the digit after it, read as that digit alone (``parsers/ocr/lost_digits.py``, version
174: ``WIDE`` 1.5).

synth_4157 page 2 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi grey, a
photographed page), as the engine read it, recorded by ``scripts/build_ocr_records.py /tmp/c51/tune3 synth_4157 1
2`` run with version 173. Table 三's (七)总计 prints 15 under 社会公益组织 (a total the report prints wrong: its cells
add up to 13), the foot of its 1 touching the 5: read ``5``, 1.69 times as wide a digit as the page's median, under
version 173's 1.7 and kept, a wrong number (the identities fail with it either way). No OCR at test time."""

from __future__ import annotations

import copy

from tests.test_ocr_lost_signs import _page

RUN_TOGETHER = (0, 24, 5)  # (七)总计 社会公益组织: 15 read 5


def test_a_one_run_into_the_next_digit_is_set_aside() -> None:
    from parsers.ocr.lost_digits import lost_digits

    grey, ink, _ = _page("synth_4157-p2")
    assert ink.cells[RUN_TOGETHER][0][0].text == "5"
    note, lost = lost_digits(grey, ink, set())
    assert lost == {RUN_TOGETHER}
    assert note is not None and "'5' (1.7×)" in note
    assert RUN_TOGETHER not in ink.cells


def test_the_pages_other_numbers_are_kept_and_a_left_cell_too() -> None:
    from parsers.ocr.lost_digits import lost_digits

    grey, ink, _ = _page("synth_4157-p2")
    before = copy.deepcopy(ink.cells)
    assert lost_digits(grey, ink, {RUN_TOGETHER}) == (None, set())
    assert ink.cells == before

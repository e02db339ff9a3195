"""A number's digits read apart inside one ruled cell, and a stack of digits read as one word
(parsers/ocr/cell_digits.py), on a tuning scan's pages as the engine read them: synth_1184 (200 dpi, clean), whose
narrow value columns print a number one digit a line (93 as 9 over 3). The engine's words with their boxes and
confidences, the grid and the lone digits' glyphs recorded from the scan reader (no OCR at test time). Until
version 63 each digit was a value of its own: 19 of the report's cells wrong."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.model import Report
from parsers.ocr.cell_digits import joined_digits, stack_read_as_one
from parsers.ocr.engine import Ink, Word
from parsers.ocr.grid import Cell, Table
from tests.ocr_records import READ, ink_and_glyphs


def _pending(name: str) -> Any:
    from parsers.ocr.document import Pending

    rec = json.loads((READ / f"{name}.ink.json").read_text(encoding="utf-8"))
    tables = [
        Table(tuple(t["box"]), t["xs"], t["ys"], [Cell(r, c, rs, cs, tuple(b)) for r, c, rs, cs, b in t["cells"]])
        for t in rec["tables"]
    ]
    ink, glyphs = ink_and_glyphs(rec)
    return Pending(ink, tables, tuple(rec["size"]), rec["scale"], glyphs)


@pytest.fixture(scope="module")
def report_1184() -> Report:
    from parsers.ocr.document import PageResult, settle
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    results = [PageResult(n, None, pending=_pending(f"synth_1184-p{n}")) for n in (2, 3)]
    return build_report(extracted_from(settle(results), "pdf", 2))


def _gold() -> dict[str, Any]:
    return json.loads((READ / "synth_1184.json").read_text(encoding="utf-8"))["cells"]


def test_a_numbers_digits_read_one_a_line_in_one_cell_are_one_number(report_1184: Report) -> None:
    gold = _gold()
    # printed one digit a line; the engine read each digit a word (工 for 1, O for 0 in the stack)
    stacked = {
        "applications/new_received/natural_person": 93,  # 9 / 3
        "applications/carried_over/natural_person": 201,  # 2 / O / 工
        "applications/partially_granted/natural_person": 78,
        "applications/unavailable.needs_creation/natural_person": 23,
        "applications/unavailable.needs_creation/total": 23,
        "applications/not_processed.publication/natural_person": 169,  # 工 / 6 / 9
        "applications/not_processed.publication/total": 169,
        "applications/other/natural_person": 10,  # 工 / O
        "applications/other/total": 10,
        "applications/results_total/natural_person": 294,  # 2 / 9 / 4
        "applications/results_total/total": 310,  # 3 / 工 / 0
        "applications/new_received/social_org": 16,
        "applications/results_total/social_org": 16,
    }
    for key, value in stacked.items():
        assert gold[key] == value, key
        assert report_1184.cells[key].value == value, key
    # the columns beside them keep their own values (0): at version 62 3, 9, 9 and 4 spilled into them
    for key in ("applications/new_received/commercial", "applications/results_total/research"):
        assert report_1184.cells[key].value == gold[key] == 0
    said = [w.message for w in report_1184.warnings if w.code == "ocr_digits_joined"]
    assert len(said) == 2 and "'9 3' as 93" in said[0] and "'2 9 4' as 294" in said[1]
    wrong = [
        k for k, v in gold.items() if k.startswith("applications/") and report_1184.cells[k].value not in (None, v)
    ]
    assert wrong == []


def test_a_stack_of_digits_read_as_one_tall_word_is_left_blank(report_1184: Report) -> None:
    gold = _gold()
    # the total column's 109, 201, 79 and 13 printed one digit a line, read 3, 2, 2 and 3 in boxes 3-5 digits tall
    for key in ("new_received", "carried_over", "partially_granted", "unavailable.not_held"):
        cell = report_1184.cells[f"applications/{key}/total"]
        assert cell.value is None and gold[f"applications/{key}/total"] >= 10, key
    said = [w.message for w in report_1184.warnings if w.code == "ocr_stack_unread"]
    assert len(said) == 1 and "not read as '3', '2', '2', '3'" in said[0]
    assert report_1184.metadata["review"] == "required"


def _w(text: str, x: int, y: int, w: int = 28, h: int = 38) -> Word:
    return Word(text, (x, y, x + w, y + h), 95.0)


def test_only_one_numbers_digits_are_joined() -> None:
    char = 40.0
    assert joined_digits([[_w("9", 100, 0), _w("3", 140, 0)]], char) == ("9 3", "93")  # one line, close
    assert joined_digits([[_w("9", 100, 0)], [_w("3", 96, 60)]], char) == ("9 3", "93")  # stacked
    assert joined_digits([[_w("9", 100, 0), _w("3", 200, 0)]], char) is None  # two characters of paper apart
    assert joined_digits([[_w("0", 100, 0)], [_w("0", 100, 60)]], char) is None  # two zeros: no number starts with 0
    assert joined_digits([[_w("工", 100, 0), _w("6", 130, 0)]], char) is None  # a look-alike only in a stack
    assert joined_digits([[_w("9", 100, 0)], [_w("3", 100, 140)]], char) is None  # a line of paper between
    assert joined_digits([[_w("9", 100, 0)], [_w("3", 180, 60)]], char) is None  # not under it
    assert joined_digits([[_w("9", 100, 0)], [_w("件", 100, 60)]], char) is None
    assert stack_read_as_one([[_w("3", 100, 0, h=110)]], char) == "3"
    assert stack_read_as_one([[_w("3", 100, 0)]], char) is None


def test_a_cell_over_two_grid_columns_keeps_its_values_apart() -> None:
    from parsers.ocr.layout import page_layout

    table = Table((0, 0, 400, 100), [0, 200, 400], [0, 100], [Cell(0, 0, 1, 2, (0, 0, 400, 100))])
    ink = Ink({(0, 0, 0): [[_w("9", 150, 30), _w("3", 190, 30)]]})
    page = page_layout(1, ink, [table], (400, 100), 1.0)
    assert page.items[0].rows[0][0] == "9 3" and not page.joined  # type: ignore[union-attr]


def test_a_tall_word_is_left_blank_only_on_a_page_that_prints_numbers_one_digit_a_line() -> None:
    from parsers.ocr.layout import page_layout

    table = Table(
        (0, 0, 600, 200),
        [0, 200, 400, 600],
        [0, 200],
        [Cell(0, c, 1, 1, (c * 200, 0, c * 200 + 200, 200)) for c in range(3)],
    )
    tall = [[_w("3", 50, 20, h=110)]]  # a word three digits tall; the page's characters 38 px
    stack = [[_w("9", 250, 20)], [_w("3", 250, 70)]]
    alone = page_layout(
        1,
        Ink({(0, 0, 0): tall, (0, 0, 1): [[_w("7", 250, 20)]], (0, 0, 2): [[_w("8", 450, 20)]]}),
        [table],
        (600, 200),
        1.0,
    )
    assert alone.items[0].rows[0] == ["3", "7", "8"] and not alone.stacks  # type: ignore[union-attr]
    stacked = page_layout(
        1, Ink({(0, 0, 0): tall, (0, 0, 1): stack, (0, 0, 2): [[_w("8", 450, 20)]]}), [table], (600, 200), 1.0
    )
    assert stacked.items[0].rows[0] == ["", "93", "8"] and stacked.stacks == ["'3'"]  # type: ignore[union-attr]

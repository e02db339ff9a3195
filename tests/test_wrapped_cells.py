"""A PDF table cell whose lines print one number wrapped by the cell's width (parsers/readers/cell_lines.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import parse
from parsers.readers.cell_lines import wrapped_number

FIXTURES = Path(__file__).parent / "fixtures" / "wrapped_cells"


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        (["2", "1", "0", "6"], "2106"),  # a cell one digit wide
        (["89", "2"], "892"),  # two digits wide: the last line no wider
        (["10.", "32"], "10.32"),
        (["1,2", "34"], "1,234"),
        (["0.", "5"], "0.5"),
        (["2", "1", ""], "21"),
        (["3", "45.6"], None),  # a count and an amount apart: the last line wider than the first
        (["12", "3", "45"], None),  # a middle line narrower than the first: no fill
        (["0", "5"], None),  # no number starts with 0
        (["结果", "纠正"], None),
        (["7", "万元"], None),
        (["1.2", "3.4"], None),  # two decimal points
        (["12"], None),
        (["1 2", "3"], None),
    ],
)
def test_wrapped_number(lines: list[str], number: str | None) -> None:
    assert wrapped_number(lines) == number


def test_narrow_print_report_reads_its_wrapped_cells() -> None:
    """synth_6010 (a narrow-print tuning report, scripts/build_wrapped_cells_fixture.py): Chromium wraps table 三's
    and table 二's wide numbers digit by digit in their cells (909 as 9 / 0 / 9); every cell reads as its gold,
    and the reader says it joined pieces (version 141 read ``9 0 9`` as three values: 2 cells wrong, 6 blank)."""
    gold = json.loads((FIXTURES / "synth-6010.json").read_text(encoding="utf-8"))
    report = parse((FIXTURES / "synth-6010.pdf").read_bytes(), "synth-6010.pdf").as_json()
    got = report["cells"]
    assert {k: got.get(k) for k in gold["cells"]} == gold["cells"]
    notes = [w["message"] for w in report["warnings"] if w["code"] == "wrapped_cell"]
    assert notes and any("9 / 0 / 9" in n for n in notes)

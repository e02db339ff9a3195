"""Table 二's one-row blocks whose label cell the engine lost (parsers/tables/active_lost_labels.py), in the parser's
own OCR of tuning scans: their text as the scan reader wrote it from the engine's cached pages
(`tests/fixtures/synth-ocr/active-lost-labels/`, no OCR at test time). synth_1400 and synth_486 print
第二十条第（九）项's one row, 政府集中采购, as ``\\t1\\t452.4`` and ``\\t4\\t2794.78``: the label cell read as nothing.
synth_1407 prints ``14.6002`` there (the count and the amount run together): one value, the row stays missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Report
from parsers.review import review_verdict

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "active-lost-labels"
P = "active/procurement"


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _report(text: str, *, ocr: bool = True) -> Report:
    return parse_extracted(Extracted("pdf", text, ocr=ocr))


def _procurement(report: Report) -> tuple[object, object]:
    return report.cells[f"{P}/items"].value, report.cells[f"{P}/amount"].value


def _placed(report: Report) -> list[str]:
    return [
        w.message
        for w in report.warnings
        if w.code == "fuzzy_label" and w.key == P and "label cell read as nothing" in w.message
    ]


@pytest.mark.parametrize(("name", "values"), [("synth_1400", (1, 452.4)), ("synth_486", (4, 2794.78))])
def test_the_one_row_of_a_block_whose_label_cell_was_lost_is_read(name: str, values: tuple[int, float]) -> None:
    report = _report(_text(name))
    assert report.metadata["format"] == "2019"
    assert _procurement(report) == values
    (message,) = _placed(report)
    assert "label cell read as nothing" in message and "'政府集中采购'" in message
    assert not any(w.code == "missing_row" and w.key == P for w in report.warnings)


def test_only_the_parsers_own_ocr_is_read_so() -> None:
    report = _report(_text("synth_1400"), ocr=False)
    assert _procurement(report) == (None, None)
    assert any(w.code == "missing_row" and w.key == P for w in report.warnings)


def test_a_line_of_one_value_leaves_the_row_missing() -> None:
    report = _report(_text("synth_1407"))  # 14.6002: the count and the amount run together
    assert _procurement(report) == (None, None)
    assert not _placed(report)
    assert any(w.code == "missing_row" and w.key == P for w in report.warnings)
    assert review_verdict(report)[0] == "required"


def _edited(old: str, new: str) -> Report:
    text = _text("synth_1400")
    assert text.count(old) == 1
    return _report(text.replace(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\t1\t452.4\n", "\t1\t452.4\n\t2\t17.5\n"),  # two lines of values: which is the row's?
        ("\t1\t452.4\n", "\t1.5\t452.4\n"),  # a count with a fraction: no count
        ("\t1\t452.4\n", "采\t1\t452.4\n"),  # text before the values: a label (the template's order reads it)
        ("\t1\t452.4\n", "\t1\t452.4\t3\n"),  # three values for two cells
    ],
)
def test_a_block_that_does_not_print_one_whole_row_after_an_empty_label_cell_is_left(old: str, new: str) -> None:
    report = _edited(old, new)
    assert not _placed(report)

"""Table 四's row in a damaged scan: a speck read as a dash on a line of its own is no cell, and a cell read as a
mark with specks around it (``G，:`` for a 0) is an unread cell, read blank in place (``parsers/tables/review.py``
``_scan_speck``, ``parsers/tables/review_marks.py`` ``unread_mark``).

synth_4114 pages 2–3 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan), as the engine
read them, recorded by ``scripts/build_ocr_records.py /tmp/c46/tune synth_4114 2`` and ``… 3`` (no OCR at test
time). The engine read a ``-`` alone above table 四's heads (page 2's foot) and its row as
``0 0 0 0 0 3 1 0 1 5 G，: 0 0 0 0`` (15 TAB cells, the 11th a zero read as a letter and two specks). Until version
137 the dash was taken as the row's first value and the mark dropped: 15 values, every one from the second on a cell
to the right (six wrong numbers in 未经复议直接起诉 and 复议后起诉)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.model import Report
from tests.ocr_records import READ, settled_pages

STEM = "synth_4114"
PAGES = (2, 3)
R = "review_litigation"


def _report() -> Report:
    """The pages read as the scan reader reads them, from the engine's recorded output on."""
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages(STEM, PAGES), "pdf", 3))


def _gold() -> dict[str, Any]:
    return json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def _table_four(report: Report) -> dict[str, Any]:
    return {k: c.value for k, c in report.cells.items() if k.startswith(f"{R}/")}


def test_the_text_prints_the_dash_alone_and_the_mark_among_the_values() -> None:
    from parsers.readers.ocr import extracted_from

    lines = extracted_from(settled_pages(STEM, PAGES), "pdf", 3).text.split("\n")
    row = next(k for k, line in enumerate(lines) if "G，:" in line)
    cells = ["0", "0", "0", "0", "0", "3", "1", "0", "1", "5", "G，:", "0", "0", "0", "0"]
    assert lines[row].split("\t") == cells
    assert "-" in lines[row - 4 : row]  # above the heads, on a line of its own


def test_no_wrong_number_in_table_four_and_the_mark_blank() -> None:
    report, gold = _report(), _gold()
    got = _table_four(report)
    wrong = {k for k, v in got.items() if v is not None and v != gold[k]}
    assert wrong == set()
    blank = {k for k, v in got.items() if v is None}
    # the cell printing ``G，:``, unreadable: blank until version 225 (s54), since read 0 (the gold) by its row, whose
    # read cells add up to its confirmed total (``bounded_zeros``, a ``deduced_zero`` warning)
    mark = f"{R}/litigation_after_review/upheld"
    assert blank <= {mark}
    assert mark in blank or (got[mark] == gold[mark] == 0 and any(w.key == mark for w in report.warnings))
    assert any(w.code == "unreadable_cell" and "G,:" in w.message for w in report.warnings)


def test_without_the_speck_rule_the_row_is_read_a_cell_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the dash taken as a speck (as at version 137): the row is read shifted, wrong numbers."""
    from parsers.tables import review

    monkeypatch.setattr(review, "_scan_speck", lambda r, i: False)
    report, gold = _report(), _gold()
    got = _table_four(report)
    assert len({k for k, v in got.items() if v is not None and v != gold[k]}) >= 5


def test_without_the_specks_set_aside_the_blank_is_guessed_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the specks around the mark set aside (as at version 137, a mark of one or two characters only): the
    row's 14 values are placed by a guess (``missing_cell``), its blank at the row's end, not where the mark is."""
    from parsers.tables import review_marks

    monkeypatch.setattr(review_marks, "MARK_MAX", 2)
    monkeypatch.setattr(review_marks, "_SPECKS", review_marks.re.compile(r"(?!)"))
    report = _report()
    got = _table_four(report)
    assert got[f"{R}/litigation_after_review/upheld"] is not None
    assert any(w.code == "missing_cell" and w.key == R for w in report.warnings)
    assert not any(w.code == "unreadable_cell" for w in report.warnings)

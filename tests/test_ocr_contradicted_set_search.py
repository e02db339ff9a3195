"""Two or three readings the identities single out together (``parsers/ocr/contradicted_sets.py``) in a table 三 whose
failing identities hold many readings, on a tuning scan's page as the engine read it: synth_1937 page 2 (a fax,
``scripts/synth_ocr.py --damage``), recorded by ``scripts/build_ocr_records.py /tmp/y43/scans4 synth_1937 2`` (no
OCR at test time). Two zeros of 2.重复申请 read 4 (科研机构, 法律服务机构) and 需要另行制作's 10 read 18 (商业企业):
six identities fail, over 93 readings. Until version 131 the search gave up past 90 readings (every set of three
tried), and the three wrong numbers were kept; it now tries only the sets with a reading in every failing identity."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.model import Report
from parsers.review import review_verdict
from tests.ocr_records import READ, settled_pages

MISREAD = {
    "applications/not_processed.duplicate/research": 4,
    "applications/not_processed.duplicate/legal_service": 4,
    "applications/unavailable.needs_creation/commercial": 18,
}


def _report() -> Report:
    """The page read as the scan reader reads it, from the engine's recorded output on."""
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages("synth_1937", (2,)), "pdf", 1))


def _gold() -> dict[str, Any]:
    return json.loads((READ / "synth_1937.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_three_misread_counts_are_left_blank_as_a_set() -> None:
    report, gold = _report(), _gold()
    # since version 225 (s54) a cell so left blank whose identity, its other cells confirmed, leaves it only 0 is
    # read 0 (``parsers/ocr/bounded_zeros.py``, ``deduced_zero``): 重复申请's two zeros; 需要另行制作's 10 stays blank
    deduced = {w.key for w in report.warnings if w.code == "deduced_zero"}
    for key, read in MISREAD.items():
        assert gold[key] != read  # the engine's readings are wrong numbers
        cell = report.cells[key]
        assert cell.where is not None and cell.where.read_as == str(read), key
        assert cell.value is None or (key in deduced and cell.value == gold[key] == 0), key
    assert deduced & set(MISREAD) == {k for k in MISREAD if gold[k] == 0}
    named = {w.key for w in report.warnings if w.code == "ocr_contradicted_set"}
    assert named == set(MISREAD)
    assert review_verdict(report)[0] == "required"


def test_no_wrong_number_left_in_table_three() -> None:
    report, gold = _report(), _gold()
    wrong = {
        k
        for k, c in report.cells.items()
        if k.startswith("applications/") and k in gold and c.value is not None and c.value != gold[k]
    }
    assert wrong == set()


def test_past_the_old_bound_the_search_gave_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same page with the search bounded at 90 readings, as before: the three wrong numbers stay."""
    from parsers.ocr import contradicted_sets

    monkeypatch.setattr(contradicted_sets, "MAX_CANDIDATES", 90)
    report = _report()
    assert {k: report.cells[k].value for k in MISREAD} == MISREAD

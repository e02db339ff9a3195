"""A total the engine read surely is not read otherwise by the identities (``parsers/ocr/correct.py``,
``parsers/ocr/doubtful.py`` ``SURE_CONF``), on a tuning scan's pages as the engine read them: synth_1961 pages 3–5
(``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: its 2021 table 三), recorded by
``scripts/build_ocr_records.py /tmp/y45/tune synth_1961 3 4 5`` (no OCR at test time). The report prints （七）总计's
total wrong (409 where its cells sum to 400: the synthetic ``wrong_total`` variant); the engine read 409 at 97. Until
version 133 the identities took 400 for it (0 and 9 are a pair the engines confuse), a wrong number; a digit misread
reads unsure, a total printed wrong as surely as any: the published 409 is kept and its identities fail."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.model import Report
from parsers.review import review_verdict
from tests.ocr_records import READ, settled_pages

STEM = "synth_1961"
PAGES = (3, 4, 5)
KEY = "applications/results_total/total"
IDENTITIES = {"applications/balance/total", "applications/results_total/total", "applications/row_total/results_total"}


def _report() -> Report:
    """The pages read as the scan reader reads them, from the engine's recorded output on."""
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages(STEM, PAGES), "pdf", 6))


def _gold() -> dict[str, Any]:
    return json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_published_total_read_surely_is_kept_and_its_identities_fail() -> None:
    report, gold = _report(), _gold()
    assert gold[KEY] == 409
    assert report.cells[KEY].value == 409
    assert not any(w.code == "ocr_corrected" and w.key == KEY for w in report.warnings)
    failed = {c.name for c in report.checks if c.kind == "identity" and not c.passed}
    assert failed >= IDENTITIES
    assert review_verdict(report)[0] == "required"


def test_no_wrong_number_in_table_three() -> None:
    report, gold = _report(), _gold()
    wrong = {
        k
        for k, c in report.cells.items()
        if k.startswith("applications/") and k in gold and c.value is not None and c.value != gold[k]
    }
    assert wrong == set()


def test_with_no_reading_sure_the_identities_take_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same pages with no confidence sure enough (as before version 134): 409 is read 400, a wrong number."""
    from parsers.ocr import doubtful

    monkeypatch.setattr(doubtful, "SURE_CONF", 101.0)
    report = _report()
    assert report.cells[KEY].value == 400
    assert any(w.code == "ocr_corrected" and w.key == KEY for w in report.warnings)

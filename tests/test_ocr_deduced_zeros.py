"""Table 三's cells the parser's own OCR read as no number, deduced 0 by the confirmed totals
(``parsers/tables/zeros.py`` for a scan's TAB rows).

synth_4158 page 2 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan with a red seal over
table 三's last rows, lifted off the page before reading, its black remnants left) as the engine read it, recorded by
``scripts/build_ocr_records.py /tmp/c52/tune synth_4158 2`` (no OCR at test time). 结转下年度继续办理 prints
``0 0 0 0 BF 0 0``: six readings for seven cells, three of them blank (``missing_cell``). 本年新收 and 上年结转 read
whole and hold, and 总计's social_org, legal_service and other_org columns add up to their side without them: each is 0.
Until version 204 the deduction was never made in the parser's own OCR (its rows are TAB rows, a convention whose
blank cells were taken as printed blank). Since version 247 it is made by ``parsers/ocr/bounded_zeros.py`` alone (after
the identities' rules, by any identity: the one rule for the parser's own OCR), a ``deduced_zero`` warning a cell."""

from __future__ import annotations

import json
from typing import Any

from tests.ocr_records import READ, settled_pages

STEM = "synth_4158"
PAGE = 2
ROW = "applications/carried_forward"


def _report() -> dict[str, Any]:
    from parsers.api import parse_extracted
    from parsers.readers.ocr import extracted_from

    return dict(parse_extracted(extracted_from(settled_pages(STEM, (PAGE,)), "pdf", PAGE)).as_json())


def test_the_lost_cells_of_a_row_of_zeros_are_deduced() -> None:
    report = _report()
    gold = json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    row = {k: v for k, v in gold.items() if k.startswith(f"{ROW}/")}
    assert {k: report["cells"].get(k) for k in row} == row
    said = {w["key"]: w["message"] for w in report["warnings"] if w["code"] == "deduced_zero"}
    for col in ("social_org", "legal_service", "other_org"):
        assert "read as 0, the only value" in said[f"{ROW}/{col}"]


def test_no_row_of_a_scan_is_guessed_a_row_of_zeros() -> None:
    assert not [w for w in _report()["warnings"] if w["code"] == "zero_row"]

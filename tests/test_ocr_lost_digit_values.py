"""A count set aside as a digit lost, given back where its row and its column give it one value, the reading with a
digit put back (``parsers/ocr/lost_digit_values.py``).

synth_4142 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a fax) as the scan reader
printed it at version 245 (`tests/fixtures/synth-ocr/lost-digit-values/synth_4142.txt`, its cells' spans and the
readings ``parsers/ocr/lost_digits.py`` set aside in `synth_4142.spans.json`; its gold's table 三,
`synth_4142-gold.json`, from the generator). Two 25s of table 三 (本年新收's 科研机构, （六）其他处理's 自然人) were
read ``2``, their ink 1.7 times as wide as the page's digits: set aside, blank (``ocr_digits_lost``). Each is
checked by its row's total and its column's sum, both of which give 25 with every other cell as read: 25 is ``2``
with a digit put back, taken (``ocr_corrected``, review required). Without the readings set aside (a reader that
records none) nothing is taken.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parsers.api import parse_extracted
from parsers.extracted import DoubtfulCell, Extracted, Span
from parsers.model import Report

FIXTURES = Path(__file__).parent / "fixtures" / "synth-ocr" / "lost-digit-values"
A = "applications"
LOST = (f"{A}/new_received/research", f"{A}/other/natural_person")


def _report(*, set_aside: bool = True) -> Report:
    text = (FIXTURES / "synth_4142.txt").read_text(encoding="utf-8")
    rec = json.loads((FIXTURES / "synth_4142.spans.json").read_text(encoding="utf-8"))
    spans = [Span(s[0], s[1], s[2], s[3], s[4], s[5], tuple(s[6]) if s[6] else None) for s in rec["spans"]]
    lost = [DoubtfulCell(page, tuple(box), read, conf) for page, box, read, conf in rec["digits_lost"]]
    return parse_extracted(Extracted("pdf", text, spans, ocr=True, digits_lost=lost if set_aside else []))


def _gold() -> dict[str, Any]:
    return json.loads((FIXTURES / "synth_4142-gold.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_value_both_identities_give_the_reading_set_aside_is_its_gold() -> None:
    report, gold = _report(), _gold()
    for key in LOST:
        assert report.cells[key].value == gold[key] == 25, key
        assert report.cells[key].where is not None and report.cells[key].where.read_as == "2"  # type: ignore[union-attr]
    wrong = {k: (c.value, gold[k]) for k, c in report.cells.items() if k in gold and c.value not in (None, gold[k])}
    assert not wrong
    assert not [w for w in report.warnings if w.code == "identity_failed" and w.key and "research" in w.key]


def test_each_value_taken_is_a_warning_naming_the_reading_and_its_identities() -> None:
    report = _report()
    said = {w.key: w.message for w in report.warnings if w.code == "ocr_corrected"}
    assert set(LOST) <= set(said)
    message = said[f"{A}/other/natural_person"]
    assert "OCR read '2'" in message and "taken as 25" in message
    assert f"{A}/results_total/natural_person" in message and f"{A}/row_total/other" in message
    assert report.metadata["review"] == "required"


def test_nothing_taken_without_the_readings_set_aside() -> None:
    report = _report(set_aside=False)
    assert all(report.cells[key].value is None for key in LOST)

"""The parser's PDF reader's grid (issue 8, version 311): table 三's rows short of values placed by the fields of
their table's nearest whole rows (``parsers/tables/grid_columns.py``), as in the parser's own OCR.
A count printed as a spaced decimal is left blank (version 312, ``parsers/tables/reading.py``).

The texts are the PDF reader's text (version 310's, ``parsers.readers.pdf.read_pdf``) of two tuning reports' Chromium
PDFs whose table 三 prints cells empty (the generator's ``empty_zero``): synth_8543 (2021 format: a grid of eleven
fields from the 不予公开 rows on, an empty field between 法律服务机构 and 其他 in every row) and synth_8050 (2019
format: every applicant column over two grid fields). Version 310 read a short row right-aligned or by order, its
values after the empty cell a column early (8543's 7.属于行政执法案卷 ``|0|0|0|0||0|0|`` read 0 under 自然人, which
the report left blank; 8050's 0s under 社会公益组织 and 法律服务机构). The gold is the generator's
(``synth_reports.build``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import gold_value
from synth_reports import build

FIXTURES = Path(__file__).parent / "fixtures" / "pdf-reader-grid"


def _read(seed: int) -> tuple[Report, dict[str, object], dict[str, object]]:
    text = (FIXTURES / f"synth_{seed}.txt").read_text(encoding="utf-8")
    report = parse_extracted(Extracted("pdf", text))
    synth = build(seed)[0]  # the draw with the cells its markup prints empty blank (``empty_zero``)
    keys = [k for k in synth.cells if k.startswith("applications/")]
    gold: dict[str, object] = {k: gold_value(synth.cells[k]) for k in keys}
    got: dict[str, object] = {k: report.cells[k].value if k in report.cells else None for k in keys}
    return report, gold, got


def _wrong(gold: dict[str, object], got: dict[str, object]) -> list[str]:
    return [k for k in gold if got[k] is not None and got[k] != gold[k]]


def test_a_row_right_aligned_off_its_grid_is_read_by_its_whole_rows_fields() -> None:
    report, gold, got = _read(8543)
    row = "applications/withheld.enforcement_files"
    assert gold[f"{row}/natural_person"] is None  # the report left it blank
    assert _wrong(gold, got) == []
    assert [got[f"{row}/{c}"] for c in ("natural_person", "commercial", "legal_service", "total")] == [
        gold[f"{row}/{c}"] for c in ("natural_person", "commercial", "legal_service", "total")
    ]
    warned = {w.key: w.message for w in report.warnings if w.code == "grid_columns"}
    assert "the PDF reader's grid" in warned[row] and "natural_person blank" in warned[row]
    assert sum(got[k] == gold[k] for k in gold) == len(gold)


def test_rows_of_a_grid_of_two_fields_a_column_read_no_zero_in_a_blank_cell() -> None:
    report, gold, got = _read(8050)
    for row, col in (("withheld.enforcement_files", "social_org"), ("unavailable.not_held", "legal_service")):
        key = f"applications/{row}/{col}"
        assert gold[key] is None and got[key] is None, key
    assert [k for k in _wrong(gold, got) if "confirm_existing" not in k] == []
    grid = {w.key for w in report.warnings if w.code == "grid_columns"}
    assert {"applications/withheld.enforcement_files", "applications/unavailable.not_held"} <= grid


def test_a_count_printed_as_a_spaced_decimal_is_left_blank() -> None:
    """Version 312: tuning report synth_8014's PDF (``numbering_dot``, a label column one glyph wide) prints
    ``2． 649   0 …`` (没有现成信息's item number on its line of values): 310 read ``2. 649`` as 2.649 in a count."""
    report, gold, got = _read(8014)
    key = "applications/unavailable.needs_creation/natural_person"
    assert gold[key] == 649 and got[key] is None
    assert _wrong(gold, got) == []
    assert key in {w.key for w in report.warnings if w.code == "spaced_fraction_in_count"}

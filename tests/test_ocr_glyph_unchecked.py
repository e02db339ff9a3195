"""A number no identity checks, one of whose digits prints a disputed glyph read otherwise than the identities read
the glyph: left blank (``parsers/ocr/doubtful.py`` ``blank_doubtful``).

synth_4117 pages 1–2 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a photocopy's
toner) as the engine read them, recorded by ``scripts/build_ocr_records.py /tmp/c49/tune synth_4117 1 2`` (no OCR
at test time). The toner thickens the face's zeros: 156 lone digits read nothing, 4, 0, 8, 6 or 9, a disputed set
the identities read as 0. The zero of 行政强制's 本年处理决定数量 (940, table 二) is the same glyph, read 8: no
identity checks a cell of table 二, so until version 155 948 was kept, a wrong number nobody was told to check."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.extracted import DoubtfulCell
from parsers.model import Cell, Report, Warning_, Where
from tests.ocr_records import READ, settled_pages

STEM = "synth_4117"
MISREAD = "active/coercion/decisions"  # 940 read 948


@pytest.fixture(scope="module")
def report() -> Report:
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages(STEM, (1, 2)), "pdf", 2))


def _gold() -> dict[str, Any]:
    return json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_digit_read_otherwise_than_the_set_with_no_identity_is_left_blank(report: Report) -> None:
    assert _gold()[MISREAD] == 940
    cell = report.cells[MISREAD]
    assert cell.value is None and cell.where is not None and cell.where.read_as == "948"
    said = [w.message for w in report.warnings if w.code == "ocr_glyph_doubtful" and w.key == MISREAD]
    assert (
        len(said) == 1
        and "no identity checks it" in said[0]
        and "read 8 where the identities read the set 0" in (said[0])
    )
    assert report.metadata["review"] == "required"


def test_table_two_reads_no_wrong_number_and_blanks_no_other_cell(report: Report) -> None:
    gold = _gold()
    two = {k: c.value for k, c in report.cells.items() if k.startswith("active/")}
    assert {k: (gold[k], v) for k, v in two.items() if v is not None and v != gold[k]} == {}
    blanked = {w.key for w in report.warnings if w.code == "ocr_glyph_doubtful" and (w.key or "").startswith("active/")}
    assert blanked == {MISREAD}


BOX = (10.0, 10.0, 40.0, 30.0)
SPOT = (1, (70.0, 10.0, 90.0, 30.0))


def _glyph_set() -> Any:
    from parsers.extracted import GlyphSet

    return GlyphSet(1, (SPOT[1],), ("8", "6", "0"), (), (("8", 3), ("6", 2), ("0", 1)))


def _cells(text: str) -> dict[str, Cell]:
    return {
        "active/coercion/decisions": Cell("active/coercion/decisions", int(text), text, Where(0, 3, page=1, box=BOX)),
        "z": Cell("z", 0, "0", Where(6, 7, page=1, box=SPOT[1])),  # a lone digit of the set, read as the set reads
    }


@pytest.mark.parametrize(
    ("text", "digits", "glyph", "kept"),
    [
        ("948", "8", "8/6/0", False),  # the glyph's digit read 8, the set read 0: nothing vouches for the 8
        ("207", "0", "8/6/0", True),  # read as the set reads: no doubt left
        ("948", "", "", True),  # unsure (low confidence) but no glyph of a set: nothing says which digit, kept
    ],
)
def test_a_number_no_identity_checks(text: str, digits: str, glyph: str, kept: bool) -> None:
    from parsers.ocr.doubtful import blank_doubtful

    cells = _cells(text)
    doubt = DoubtfulCell(1, BOX, text, 0.0, glyph, digits, SPOT if glyph else None)
    warnings: list[Warning_] = []
    blank_doubtful(cells, [], warnings, [doubt], [_glyph_set()])
    assert (cells["active/coercion/decisions"].value == int(text)) is kept
    assert [w.code for w in warnings] == ([] if kept else ["ocr_glyph_doubtful"])

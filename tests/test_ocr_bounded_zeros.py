"""Table 三's cells a scan lost where an identity, its other cells confirmed, leaves them only 0
(``parsers/ocr/bounded_zeros.py``).

synth_4148 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, a red seal lifted off page
2, its black remnants over table 三's corner) as the scan reader printed it at version 223
(`tests/fixtures/synth-ocr/bounded-zeros/synth_4148.txt`; its gold's table 三, `synth_4148-gold.json`, from the
generator): 予以公开 ``611 0 有 0 0 0 611``, 部分公开 ``26 7 0 一0 0 0 26``, 其他法律行政法规禁止公开
``272 0 4 0 0 0 272``. The ``有`` and ``一0`` are no numbers (``unreadable_cell``), the ``7`` and ``4`` are
contradicted by their rows and columns and set aside; until version 225 those cells stayed blank. Each row's 自然人
equals its 总计, both confirmed by their columns' totals, so every other cell of the row is 0 (counts are never below
0): read so, each a ``deduced_zero`` warning naming the identity. Text another tool extracted is not touched."""

from __future__ import annotations

from tests.ocr_records import gold_cells, text_fixture, text_report

TEXT, GOLD = text_fixture("bounded-zeros", "synth_4148")
A = "applications"
LOST = (
    f"{A}/granted/research",
    f"{A}/partially_granted/commercial",
    f"{A}/partially_granted/social_org",
    f"{A}/withheld.prohibited_by_law/research",
)


def test_lost_cells_an_identity_bounds_to_zero_are_read_as_its_gold() -> None:
    report, gold = text_report(TEXT), gold_cells(GOLD)
    for key in LOST:
        assert report.cells[key].value == gold[key] == 0, key
    wrong = {k: (c.value, gold[k]) for k, c in report.cells.items() if k in gold and c.value not in (None, gold[k])}
    assert not wrong


def test_each_deduction_is_a_warning_naming_its_identity() -> None:
    report = text_report(TEXT)
    said = {w.key: w.message for w in report.warnings if w.code == "deduced_zero"}
    assert set(LOST) <= set(said)
    assert "the only value applications/results_total/research leaves it" in said[f"{A}/granted/research"]
    assert report.metadata["review"] == "required"  # the readings set aside require it already


def test_not_in_text_another_tool_extracted() -> None:
    report = text_report(TEXT, ocr=False)
    assert not [w for w in report.warnings if w.code == "deduced_zero" and w.key in LOST]

"""Brackets of both widths in table 三 of poppler's default text (``parsers/tables/text_layer.py``): a report typed
with both (``（二）部分公开（区分处理的…`` beside ``(六)其他处理``) is not taken for OCR there (poppler's default text
told by its prose, ``parsers/tables/poppler_blocks.py``), so a row short of a cell is not filled with a guessed 0
nor placed by the tie-break: its missing cell was printed empty. The text of one report of e64's spent held back
(``/tmp/e64/held``, drawn with zero cells printed empty, ``empty_zero``), whole and unchanged; gold from the
generator's ``synth_12654.json`` (``synth_reports.build``: its cells printed empty are None)."""

from __future__ import annotations

from parsers.tables.poppler_blocks import is_poppler_blocks
from tests.snippet_reports import SNIPPETS, app_row, snippet_report

NAME = "synth-12654-pdftotext-default.txt"
GOLD_12654: dict[str, list[int | None]] = {
    "other.no_correction": [None, 0, 0, 0, 0, 0, 0],
    "unavailable.not_held": [225, 0, 0, 0, None, 0, 225],
    "results_total": [337, 0, 0, 0, 0, 0, 337],
    "carried_forward": [0, 0, 0, 0, 0, 0, 0],
}


def test_brackets_of_both_widths_in_poppler_text_are_no_ocr() -> None:
    text = (SNIPPETS / NAME).read_text()
    assert "（" in text and "(" in text and is_poppler_blocks(text)
    report = snippet_report(NAME)
    # at 350 the text was taken for OCR: 申请人无正当理由逾期不补正's six zeros filled with a seventh (``zero_row``,
    # 自然人 read 0 where the report printed nothing) and 本机关不掌握相关政府信息's blank placed by the tie-break
    # under 其他 (法律服务机构, printed empty, read 0)
    got = {row: app_row(report, row) for row in GOLD_12654}
    assert not [
        (row, c) for row, want in GOLD_12654.items() for c, v in enumerate(got[row]) if v is not None and v != want[c]
    ]
    assert not [w for w in report.warnings if w.code == "zero_row"]
    # the rows short of a cell are left blank as in any text layer, said; the rows a division then reads, read
    assert app_row(report, "other.no_correction") == [None] * 7
    assert any(w.code == "placement_open" and w.key == "applications/other.no_correction" for w in report.warnings)
    assert app_row(report, "results_total") == GOLD_12654["results_total"]
    assert app_row(report, "carried_forward") == GOLD_12654["carried_forward"]

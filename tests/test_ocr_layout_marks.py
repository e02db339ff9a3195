"""A heading's enumeration mark 、 the engine read as a full stop (parsers/ocr/layout.py, ``MARK_READ_AS_STOP``):
synth_1919's page 2 as the scan reader read it (``scripts/build_ocr_records.py /tmp/y42/scans2 synth_1919 2
--no-image``; tuning), whose label 四、结转下年度继续办理 the engine read ``四。结转下年度继续办理``. A label
holding 。 is body text to the tables' readers: the row carried_forward was lost until version 121. The scan
reader's whole text of synth_1919 (``scripts/build_lost_rules.py /tmp/y42/scans2 synth_1919 0``) reads the row."""

from __future__ import annotations

import json

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.ocr.layout import PageLayout, _cell_text, _undo_lookalikes
from tests.ocr_records import READ, ink_and_glyphs

A = "applications"


def _label_lines() -> list[list[object]]:
    rec = json.loads((READ / "synth_1919-p2.ink.json").read_text(encoding="utf-8"))
    ink, _ = ink_and_glyphs(rec)
    (lines,) = [v for v in ink.cells.values() if "结转下年度" in "".join(w.text for line in v for w in line)]
    return lines  # type: ignore[return-value]


def test_the_engine_read_the_mark_as_a_full_stop() -> None:
    lines = _label_lines()
    assert "".join(w.text for line in lines for w in line).startswith("四。")  # type: ignore[attr-defined]


def test_the_mark_is_read_as_the_enumeration_mark() -> None:
    page = PageLayout(2, 100.0, 100.0)
    text = _cell_text(_label_lines(), 40.0, False, False, page)  # type: ignore[arg-type]
    assert text == "四、结转下年度继续办理"
    assert page.marks_fixed == 1


def test_the_row_is_read_with_the_mark_put_back() -> None:
    # the scan reader's whole text of synth_1919 (scripts/build_lost_rules.py /tmp/y42/scans2 synth_1919 0)
    text = (READ.parent / "lost-rules" / "synth_1919.txt").read_text(encoding="utf-8")
    gold = json.loads((READ / "synth_1919.json").read_text(encoding="utf-8"))["cells"]
    keys = [f"{A}/carried_forward/{k}" for k in ("natural_person", "social_org", "legal_service", "total")]
    assert "\n四、结转下年度继续办理\t" in text

    def read(text: str) -> list[object]:
        report = parse_extracted(Extracted("pdf", text, ocr=True))
        return [report.cells[k].value for k in keys]

    assert read(text) == [gold[k] for k in keys]
    as_read = text.replace("\n四、结转下年度继续办理\t", "\n四。结转下年度继续办理\t")
    assert read(as_read) == [None] * len(keys)  # as the engine read it: body text, the row lost


def test_other_full_stops_are_left() -> None:
    for text in ("本年度无其他需要报告的事项。", "1。公开", "四。", "十一。3", "是四。二是"):
        page = PageLayout(1, 10.0, 10.0)
        assert _undo_lookalikes(text, page) == text and page.marks_fixed == 0

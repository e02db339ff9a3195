"""Table 二's rows of several blocks whose label cells the engine lost together, placed by the template's order
(``parsers/tables/active_lost_labels.py`` ``place_lost_runs``).

synth_4114 pages 1–2 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan,
photographed) as the engine read them, recorded by ``scripts/build_ocr_records.py /tmp/c48/tune synth_4114 1 2``
(no OCR at test time). The engine read the label column of 第二十条第（一）、（五）、（六）项 as
nothing but 行政许可, read ``行政许下``, and the titles of （一） and （六） as nothing: six grid
lines of three values each between section 二's heading and 行政事业性收费, the six rows the
template puts there. Until version 150 the six rows were missing (18 cells blank). The minus of
行政处罚's 本年增/减 (-1) is not on the engine's reading (``1``): until version 154 a wrong number the placement
carried as a label read would; since, the dash before the digit is read as its sign
(``parsers/ocr/lost_signs.py``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.model import Report
from tests.ocr_records import READ, settled_pages

STEM = "synth_4114"
T = "active"
PLACED = ("rules", "normative_docs", "licensing", "other_services", "penalty", "coercion")
SIGN_LOST = f"{T}/penalty/change"  # -1 printed, 1 read by the engine, its sign put back


@pytest.fixture(scope="module")
def report() -> Report:
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages(STEM, (1, 2)), "pdf", 2))


def _gold() -> dict[str, Any]:
    return json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_rows_whose_labels_were_lost_are_read_in_the_templates_order(report: Report) -> None:
    gold = _gold()
    for row in PLACED:
        keys = [k for k in gold if k.startswith(f"{T}/{row}/")]
        assert len(keys) == 3
        for key in keys:
            assert report.cells[key].value == gold[key], key
    assert report.cells[SIGN_LOST].value == -1 == gold[SIGN_LOST]


def test_each_placed_row_is_a_warning_that_requires_review(report: Report) -> None:
    said = {w.key: w.message for w in report.warnings if w.code == "lost_label_placed"}
    assert set(said) == {f"{T}/{row}" for row in PLACED}
    assert "its label read '行政许下'" in said[f"{T}/licensing"]
    assert "its label cell read as nothing" in said[f"{T}/rules"]
    assert report.metadata["review"] == "required"
    assert not [w for w in report.warnings if w.code == "missing_row" and (w.key or "").startswith(f"{T}/")]


def _table_two(lines: list[str], ocr: bool = True) -> dict[str, Any]:
    """Table 二 of a scan's text (each grid row a TAB line), read by the table's reader, format 2021."""
    from parsers.extracted import Extracted
    from parsers.tables.active import read_active
    from parsers.tables.reading import Reading

    text = "\n".join(["二、主动公开政府信息情况", *lines, "三、收到和处理政府信息公开申请情况", ""])
    r = Reading(Extracted("pdf", text, ocr=ocr))
    end = r.first_index("收到和处理政府信息公开申请")
    assert end is not None
    read_active(r, "2021", 0, end)
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{T}/")}


HEAD = [
    "第二十条第（一）项",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "\t3\t0\t12",
    "\t1\t1\t40",
    "第二十条第（五）项",
    "信息内容\t本年处理决定数量",
    "行政许可\t55",
]


def test_as_many_lines_as_rows_are_placed_in_order() -> None:
    cells = _table_two(HEAD)
    assert (cells[f"{T}/rules/issued"], cells[f"{T}/rules/in_force"]) == (3, 12)
    assert (cells[f"{T}/normative_docs/issued"], cells[f"{T}/normative_docs/in_force"]) == (1, 40)


def test_a_line_more_or_less_than_the_rows_places_none() -> None:
    more = _table_two([*HEAD[:4], "\t2\t0\t5", *HEAD[4:]])
    assert more.get(f"{T}/rules/issued") is None and more.get(f"{T}/normative_docs/issued") is None
    fewer = _table_two([*HEAD[:3], *HEAD[4:]])
    assert fewer.get(f"{T}/rules/issued") is None and fewer.get(f"{T}/normative_docs/issued") is None


def test_a_line_of_another_count_of_values_places_none() -> None:
    cells = _table_two([*HEAD[:3], "\t1\t40", *HEAD[4:]])
    assert cells.get(f"{T}/rules/issued") is None and cells.get(f"{T}/normative_docs/issued") is None


def test_not_in_text_another_tool_extracted() -> None:
    cells = _table_two(HEAD, ocr=False)
    assert cells.get(f"{T}/rules/issued") is None and cells.get(f"{T}/normative_docs/issued") is None

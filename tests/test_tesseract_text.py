"""Tesseract's text of a report (issue 8): one real OCR text per rule, with the report's exact gold.

The texts in ``tests/fixtures/tesseract-text/`` are Tesseract 5.3's output (``-l chi_sim+eng``, psm as named), made
by ``scripts/synth_reports.py --seeds 1140-1154 --kinds html,pdf`` then ``scripts/synth_ocr.py <folder> --kinds
tess-psm3 tess-psm4`` (tuning seeds, parser version 54 → 56); each ``synth_<seed>.json`` holds the generator's gold
cells of that report. Every test but the last (a guard) fails on version 54 (the rule it names is what reads
those cells).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parsers import parse

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tesseract-text"


def _read(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    path = FIXTURES / name
    report = parse(path.read_bytes(), path.name).as_json()
    gold = json.loads((FIXTURES / (name.split(".")[0] + ".json")).read_text(encoding="utf-8"))
    return report, gold["cells"]


def _row(cells: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {k: v for k, v in cells.items() if k.startswith(prefix)}


def test_a_bar_between_a_label_and_its_first_value_is_the_rule() -> None:
    # ``行政许可|352`` (psm 4) and ``其他对外管理服务事项|7  0  26`` (psm 3): the rule printed against both the
    # label and the number, read as the rule (never as a 1: not 1352, not 17), with a warning naming it
    report, gold = _read("synth_1146.tess-psm4.txt")
    assert report["cells"]["active/licensing/decisions"] == gold["active/licensing/decisions"] == 352
    assert any(
        w["code"] == "ocr_digit" and w["key"] == "active/licensing/decisions" and "table rule" in w["message"]
        for w in report["warnings"]
    )
    report, gold = _read("synth_1150.tess-psm3.txt")
    row = _row(report["cells"], "active/other_services/")
    assert (
        row
        == _row(gold, "active/other_services/")
        == {
            "active/other_services/prior_items": 7,
            "active/other_services/change": 0,
            "active/other_services/decisions": 26,
        }
    )


def test_table_two_printed_row_by_row_is_read_where_table_three_prints_column_by_column() -> None:
    # psm 3 read table 三 in blocks (its numbered labels stacked, the values after them): that table stays unread
    # (column_order), but table 二 prints each row's values on its label's line and is read
    report, gold = _read("synth_1152.tess-psm3.txt")
    active = _row(report["cells"], "active/")
    assert active and active == _row(gold, "active/")
    warning = next(w for w in report["warnings"] if w["code"] == "column_order")
    assert "table 二 read row by row" in warning["message"]
    assert report["metadata"]["review"] == "required"
    # table 三's rows in blocks are not read into the wrong rows
    wrong = [k for k, v in report["cells"].items() if k.startswith("applications/") and v is not None and v != gold[k]]
    assert wrong == []


def test_table_three_found_by_its_header_when_its_title_and_first_label_are_garbled() -> None:
    # the section's title read ``=. WEAR RARE ATT`` and 本年新收 read ``一未年新改``: table 三 anchored at its
    # header cell 法人或其他组织, four of its row labels following it
    report, gold = _read("synth_1141.tess-psm3.txt")
    for row in ("applications/granted/", "applications/results_total/"):
        got = {k: v for k, v in _row(report["cells"], row).items() if v is not None}
        assert got and all(gold[k] == v for k, v in got.items()), row
    assert report["cells"]["applications/results_total/total"] == gold["applications/results_total/total"] == 73
    assert not any(w["code"] == "missing_table" and w["key"] == "applications" for w in report["warnings"])


def test_a_row_whose_rules_print_as_punctuation() -> None:
    # table 四's row printed with no space, each rule read as punctuation (``0/0);0;0;0;0;0}6;0;6,;0;0;1);0)]1``):
    # the marks are the rules, the 15 numbers its cells
    report, gold = _read("synth_1142.tess-psm4.txt")
    assert _row(report["cells"], "review_litigation/") == _row(gold, "review_litigation/")
    assert sum(w["code"] == "ocr_digit" and w["key"].startswith("review_litigation/") for w in report["warnings"]) == 15


def test_a_thousands_comma_keeps_a_punctuated_line_as_printed() -> None:
    from parsers.tables.tokenizer import tokenize
    from parsers.tables.tokens import TEXT

    assert [t[TEXT] for t in tokenize("0/0);0;0;0;0;0}6;0;6,;0;0;1);0)]1")][:4] == ["0", "0", "0", "0"]
    assert [t[TEXT] for t in tokenize("1,234;0;0;0;0")] == ["1,234;0;0;0;0"]

"""A writer's cell mark glued to a number is the cell's edge, not a digit.

pandoc's asciidoc writer marks a nested table's cells with ``!`` (``!规章 !0 !0 !2``): OCR's reading of a ``!`` as
a 1 made every value of such a row ten or a hundred more (``10 10 12``). On a row printed with two rule marks or
more, a ``!`` at a number's edge is a rule, as a ``|`` is (``parsers/tables/tokens.py`` ``ocr_digits``).

The snippet is the first 60 lines of pandoc 3's ``-t asciidoc`` of synthetic report 1266's page (a tuning report of
the third battery, ``scripts/synth_reports.py``; made by ``scripts/probe_conventions.py``): its title and table 二,
a nested table. The expected values are that report's gold, written by the generator."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.tables.ocr_digits import ocr_digits

SNIPPET = Path(__file__).parent / "fixtures" / "extractor_snippets" / "synth-1266-pandoc-asciidoc-table2.txt"
GOLD = {  # synth_1266's gold: table 二 (2021 format)
    "active/rules/issued": 0,
    "active/rules/repealed": 0,
    "active/rules/in_force": 2,
    "active/normative_docs/issued": 1,
    "active/normative_docs/repealed": 0,
    "active/normative_docs/in_force": 0,
    "active/licensing/decisions": 710,
    "active/penalty/decisions": 57,
    "active/coercion/decisions": 3,
    "active/fees/amount": 223,
}


def test_asciidoc_nested_table_cell_marks_are_not_ones() -> None:
    text = SNIPPET.read_text(encoding="utf-8")
    assert "\n!规章 !0 !0 !2\n" in text and "\n!行政许可 !710 ! !\n" in text
    cells = parse(text.encode(), SNIPPET.name).cells
    assert {k: cells[k].value for k in GOLD} == GOLD


def test_a_bang_on_a_line_with_one_rule_mark_is_still_a_one() -> None:
    # one mark on the line: no row printed with rules, so a ``!`` touching a number stays OCR's 1 (``!5`` → 15)
    line, fixes = ocr_digits("行政许可 !5")
    assert line == "行政许可 15" and fixes
    line, _ = ocr_digits("!行政许可 !5 !0")
    assert line.split() == ["!行政许可", "5", "0"]

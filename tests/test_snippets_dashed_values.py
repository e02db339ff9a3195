"""pdfplumber's and markitdown's text of a PDF (issue 8): a row's values on a line of their own between its wrapped
label's two lines, one space apart, a dash for a blank among them (``行政规范性文`` / ``75 — —`` / ``件``): each value
a token, the dashes explicit blanks (version 245). Read whole, the line was one token and no value, and the label's
two lines were never joined across it: the row was not found, its cells blank."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parsers import parse
from parsers.tables.tokenizer import tokenize
from parsers.tables.tokens import IS_VALUE, TEXT
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NORMATIVE = [f"active/normative_docs/{c}" for c in ("issued", "repealed", "in_force")]


@pytest.mark.parametrize("name", ["synth-7235-pdfplumber-table2.txt", "synth-7235-markitdown-pdf-table2.md"])
def test_a_row_of_values_and_dashes_between_its_label_lines_is_read(name: str) -> None:
    # tuning seed 7235 (/tmp/d52/tune, pdf-pdfplumber and md-markitdown-pdf): 行政规范性文件 75, —, —. Version 244
    # read the line ``75 — —`` as one token, no value: the row was not found (missing_row), its 75 blank
    text = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "行政规范性文\n75 — —\n件\n" in text
    report = snippet_report(name)
    gold = draw(7235).cells
    for key in NORMATIVE:
        assert report.cells[key].value == gold_value(gold[key])
    assert report.cells["active/normative_docs/issued"].value == 75
    assert not [w for w in report.warnings if w.code == "missing_row" and w.key == "active/normative_docs"]
    # the table's other rows as the generator drew them
    for key in ("active/rules/issued", "active/rules/in_force", "active/licensing/decisions"):
        assert report.cells[key].value == gold_value(gold[key])


def test_a_values_line_with_dashes_is_one_token_a_value() -> None:
    tokens = tokenize("规章 2 0 8\n75 — —\n0 - 3\n")
    assert [(t[TEXT], t[IS_VALUE]) for t in tokens[4:]] == [
        ("75", True),
        ("—", True),
        ("—", True),
        ("0", True),
        ("-", True),
        ("3", True),
    ]


def test_a_page_mark_and_a_span_of_years_are_no_values_line() -> None:
    # a dash first (a page's ``- 3 -``) or no space before it (``2020-2021``): not this line
    tokens = tokenize("- 3 -\n2020-2021\n")
    assert [t[TEXT] for t in tokens if t[IS_VALUE]] != ["3", "-"]
    assert "2020-2021" in [t[TEXT] for t in tokens]


def test_the_same_row_printed_with_numbers_only_reads_as_before() -> None:
    text = (SNIPPETS / "synth-7235-pdfplumber-table2.txt").read_text(encoding="utf-8")
    report = parse(text.replace("\n75 — —\n", "\n75 0 4\n").encode(), "synth-7235-pdfplumber-table2.txt")
    assert [report.cells[k].value for k in NORMATIVE] == [75, 0, 4]

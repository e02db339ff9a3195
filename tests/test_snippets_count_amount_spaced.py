"""pymupdf4llm's grid (issue 8): 2019's 政府集中采购 count and amount printed in one cell, the amount with a space
after its decimal point (``|政府集中采购|0；21. 51913||``: PDF text tools space a decimal's point). The two numbers
are read as in ``0；21.51913``, the amount whole and said (``spaced_number``); version 271 read neither (the cell
was no value: ``missing_cell``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers import parse
from parsers.tables.token_numbers import split_trailing_numbers
from parsers.tables.tokens import IS_NUMBER, TEXT
from tests.snippet_reports import SNIPPETS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value

NAME = "synth-7691-pymupdf4llm-layout-table2.md"
ROW = "|政府集中采购|0；21. 51913||"
KEYS = ("active/procurement/items", "active/procurement/amount")


def test_a_count_and_a_spaced_amount_in_one_cell_are_read() -> None:
    # tuning seed 7691 (/tmp/u56/tune, md-pymupdf4llm-layout): 政府集中采购 0 items, 21.51913 万元
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert ROW in text
    report = snippet_report(NAME)
    gold = draw(7691).cells
    assert [report.cells[k].value for k in KEYS] == [gold_value(gold[k]) for k in KEYS] == [0, 21.51913]
    assert [w for w in report.warnings if w.code == "spaced_number" and w.key == "active/procurement/amount"]
    # the same row printed without the space reads the same, nothing said of a space
    plain = parse(text.replace(ROW, "|政府集中采购|0；21.51913||").encode(), NAME)
    assert [plain.cells[k].value for k in KEYS] == [0, 21.51913]
    assert not [w for w in plain.warnings if w.code == "spaced_number"]


def test_only_a_spaced_point_is_joined() -> None:
    toks = split_trailing_numbers("3/4. 5", 0, 0, 0, True)
    assert [(t[TEXT], t[IS_NUMBER]) for t in toks] == [("3", True), ("4.5", True)]
    # two spaces at the point, or a space between digits: no amount read whole
    for text, joined in (("3；4.  5", "4.5"), ("3；4 5.6", "45.6"), ("3；4. 5. 6", "4.5.6")):
        assert joined not in [t[TEXT] for t in split_trailing_numbers(text, 0, 0, 0, True)]

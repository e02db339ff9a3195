"""2019's 政府集中采购 row whose label pdfplumber's ``extract_text`` prints around the row's one line of values, that
line one cell of its count and amount (``政府集中`` / ``0 0.5万元`` / ``采购``: a cell's lines and the next cell's
interleave by their height). Snippet cut from tuning seed 7868's pdfplumber text of its Chromium PDF (the title line
and sections 二 to 四); the gold is the generator's (synth_7868.json)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS

NAME = "synth-7868-pdfplumber-table2.txt"

# synth_7868.json (scripts/synth_reports.py, seed 7868): active/procurement
GOLD = {"active/procurement/items": 0, "active/procurement/amount": 0.5}


def test_procurement_label_wrapped_around_its_count_and_amount_cell() -> None:
    # version 274 found no 政府集中采购 row (`missing_row`): the label's two lines were not joined across a line that
    # printed no value token (`0 0.5万元` is one word to the tokenizer), and both cells were blank
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "\n政府集中\n0 0.5万元\n采购\n" in text
    report = parse(text.encode("utf-8"), NAME)
    for key, want in GOLD.items():
        cell = report.cells.get(key)
        assert cell is not None and cell.value == want, key
    assert not [w for w in report.warnings if w.code == "missing_row" and w.key == "active/procurement"]
    (said,) = [w for w in report.warnings if w.code == "split_number" and w.key == "active/procurement"]
    assert "'0 0.5万元'" in said.message

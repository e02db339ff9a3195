"""PDF text in layout mode (columns of spaces, label cells wrapped into fragments) against the gold cells.

The fixtures are the rendered seed PDFs through ``pdftotext -layout`` (scripts/layout_texts.sh): a layout
the seeds themselves do not show.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, gold

from parsers import parse

LAYOUT = sorted((FIXTURES / "layout").glob("*.txt"))


@pytest.mark.parametrize("path", LAYOUT, ids=[p.stem for p in LAYOUT])
def test_layout_text_reads_every_gold_cell(path) -> None:
    want = gold(path.stem)["cells"]
    report = parse(path.read_bytes(), path.name)
    got = report.as_json()["cells"]
    wrong = {k: (v, got.get(k, "<missing>")) for k, v in want.items() if k not in got or got[k] != v}
    assert not wrong, wrong
    assert all(c.passed for c in report.checks if c.kind == "identity")  # 001: a narrative check fails


def test_wrapped_labels_are_read_by_order_and_say_so() -> None:
    report = parse((FIXTURES / "layout" / "004_779f9be447f66d1d.txt").read_bytes(), "x.txt")
    assert "rows_by_order" in [w.code for w in report.warnings]


def test_there_are_layout_fixtures() -> None:
    assert len(LAYOUT) == 5

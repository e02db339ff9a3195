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


def test_wrapped_labels_are_joined_with_their_fragment_in_the_same_column() -> None:
    """Layout text of a narrow label column: ``（三）不 1.属于国`` / ``予公开 家秘密`` — the second column's head
    is joined with the fragment under it, not with the group label's, so every row is found by its label and
    nothing has to be read by order alone."""
    report = parse((FIXTURES / "layout" / "004_779f9be447f66d1d.txt").read_bytes(), "x.txt")
    codes = [w.code for w in report.warnings]
    assert "rows_by_order" not in codes and "fuzzy_label" not in codes
    assert all(c.passed for c in report.checks if c.kind == "identity")
    assert report.metadata["review"] == "none"


def test_there_are_layout_fixtures() -> None:
    assert len(LAYOUT) == 5

"""Two readings of table 二 cells in HTML and DOCX texts, each on a snippet cut from a synthetic report's text
(``scripts/build_synth_snippets.py``, tuning parts only; the expected values are their gold, written by the
generator):

- pandoc's Markdown writer prints an em dash as ``---`` (its ``smart`` extension): a cell's dash, the report's
  placeholder for a blank, is read as the dash it stands for (``parsers.em_dashes``), so the row's other values
  keep their columns (1264: ``行政强制  ---  0  0``; 1265: ``规章  0  ---  1``; pandoc's org-mode and CommonMark
  writers print it so in a pipe row's cell, ``| 规章 | 0 | --- | 1 |``);
- a row label misprinted (``行政事业收费``) on a line of its own, its value on a later line (lynx's text, a cell a
  line), is matched to the template's row by similarity as a label that prints its value on its line is
  (``fuzzy_label``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsers import parse
from parsers.em_dashes import em_dashes

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"


@pytest.mark.parametrize(
    ("name", "row", "gold"),
    [
        ("synth-1264-docx-pandoc-markdown-table2.md", "coercion", {"prior_items": None, "change": 0, "decisions": 0}),
        (
            "synth-1265-docx-pandoc-markdown-table2.md",
            "rules",
            {"new_made": 0, "new_published": None, "total_published": 1},
        ),
        # pandoc's org-mode and CommonMark (``commonmark_x``) writers print the dash as ``---`` in a pipe row's cell
        # (``| 规章 | 0 | --- | 1 |``; probe part 1260-1279, tuning): read as ``0 1``, its 0 went to 本年新公开数量
        (
            "synth-1265-html-pandoc-org-table2.txt",
            "rules",
            {"new_made": 0, "new_published": None, "total_published": 1},
        ),
        (
            "synth-1265-html-pandoc-commonmark_x-table2.md",
            "rules",
            {"new_made": 0, "new_published": None, "total_published": 1},
        ),
    ],
)
def test_pandoc_em_dash_is_a_dash_cell(name: str, row: str, gold: dict[str, int | None]) -> None:
    path = SNIPPETS / name
    assert re.search(r"[ \xa0\[]---[ \xa0\]]", path.read_text(encoding="utf-8"))  # (a bracketed span's: [---]{…})
    report = parse(path.read_bytes(), path.name)
    for col, want in gold.items():
        cell = report.cells[f"active/{row}/{col}"]
        assert cell.value == want, col
    assert not any(w.code == "cells_unplaced" and (w.key or "").startswith(f"active/{row}") for w in report.warnings)


def test_em_dashes_leave_rulers_and_pipe_rules() -> None:
    text = "  ------ --- ----\n  规章   0   ---   1\n| --- | 规章 | 0 |\n---\nabc --- def\n"
    assert em_dashes(text) == "  ------ --- ----\n  规章   0   —     1\n| --- | 规章 | 0 |\n---\nabc --- def\n"
    assert em_dashes("  ------ --- ----\n") is None
    # a pipe row's --- cell after its label is a dash; a pipe table's rule, and a --- cell before the label, are not
    piped = "|---|---|---|\n| 规章 | 0 | --- | 1 |\n| --- | 规章 |---|\n"
    assert em_dashes(piped) == "|---|---|---|\n| 规章 | 0 | —   | 1 |\n| --- | 规章 |—  |\n"


def test_misprinted_label_on_its_own_line_read_by_similarity() -> None:
    path = SNIPPETS / "synth-1280-lynx-table2.txt"
    text = path.read_text(encoding="utf-8")
    assert "行政事业收费\n\n" in text and "行政事业性收费" not in text
    report = parse(path.read_bytes(), path.name)
    assert report.cells["active/fees/amount"].value == 0
    assert any(w.code == "fuzzy_label" and w.key == "active/fees" for w in report.warnings)
    assert not any(w.code == "missing_row" and "fees" in w.message for w in report.warnings)

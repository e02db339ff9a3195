"""A table 二 row whose first cells print dashes (blank cells' marks) before empty grid fields: not right-aligned
(parsers/tables/align.py). Snippet cut from tuning seed 7661's markitdown text of its Chromium PDF; the gold is the
generator's (synth_7661.json: 规章 — — 1, 行政规范性文件 1 — 13)."""

from __future__ import annotations

from parsers import parse
from tests.snippet_reports import SNIPPETS

NAME = "synth-7661-markitdown-pdf-table3.md"
COLUMNS = ("issued", "repealed", "in_force")


def _active(report, row: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value if (c := report.cells.get(f"active/{row}/{col}")) else None for col in COLUMNS]


def test_dashes_before_empty_grid_fields_keep_their_cells() -> None:
    # `| 规章 | — | — |  |  | 1 |  |`: version 268 took the row's last three fields as its cells (blank, 1,
    # blank), 1 read as 本年废止件数 (gold: 现行有效件数 1, the other two cells printed —)
    text = (SNIPPETS / NAME).read_text(encoding="utf-8")
    assert "| 规章      | —      | —      |     |     | 1      |     |" in text
    report = parse(text.encode("utf-8"), NAME)
    assert _active(report, "rules") == [None, None, 1]
    assert _active(report, "normative_docs") == [1, None, 13]

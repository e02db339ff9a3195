"""Table 三's rows short of one cell in text that prints a cell a line (its empty cells print nothing): the cells
every placement the identities like alike reads the same are kept, the others left blank (``placement_open``).

The snippet is cut from bat31's tuning report 1275 (``scripts/build_synth_snippets.py``): BeautifulSoup's text
(``html-bs4-lines``) of a table 三 whose five rows 1、属于国家秘密 … 7、要求确认... print six values for seven cells,
one cell of each printed empty. Version 92 left every such row blank whole; since version 284 a row short of two
cells keeps what every placement agrees on too.
"""

from __future__ import annotations

from pathlib import Path

from parsers import parse

SNIPPET = Path(__file__).parent / "fixtures" / "extractor_snippets" / "synth-1275-bs4-lines-table3.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
ROW = "applications/withheld.state_secret"


def _row(report, row: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [report.cells[f"{row}/{c}"].value if f"{row}/{c}" in report.cells else None for c in COLUMNS]


def _parsed(text: str):  # type: ignore[no-untyped-def]
    """The snippet's report, and the one ``placement_open`` warning of the row under test."""
    report = parse(text.encode(), SNIPPET.name)
    (opened,) = [w for w in report.warnings if w.code == "placement_open" and w.key == ROW]
    return report, opened


def _shortened(values: str) -> str:
    """The snippet with the row's printed values replaced by ``values`` (one a line)."""
    printed = "1、属于国家秘密\n0\n0\n0\n1\n0\n1\n"
    return SNIPPET.read_text(encoding="utf-8").replace(printed, "1、属于国家秘密\n" + values)


def test_a_row_short_of_one_cell_keeps_the_cells_every_tied_placement_agrees_on() -> None:
    text = SNIPPET.read_text(encoding="utf-8")
    assert "1、属于国家秘密\n0\n0\n0\n1\n0\n1\n" in text  # gold 0 0 0 _ 1 0 1: its 社会公益组织 printed empty
    report, opened = _parsed(text)
    # the 1 stands in 法律服务机构 in every placement the column identities leave; the blank is one of the four
    # cells before it, so those read 0 or blank: left blank, not guessed
    assert _row(report, ROW) == [None, None, None, None, 1, 0, 1]
    assert "left blank (natural_person, commercial, research)" in opened.message
    assert "kept (legal_service, other_org, total)" in opened.message
    assert report.metadata["review"] == "required"


def test_a_row_short_of_two_cells_keeps_the_cells_every_tied_placement_agrees_on() -> None:
    # the same row with one more value lost (s57's version 275, merged as 284): the row total still holds, and the 1
    # still stands in 法律服务机构 in every placement, the 0 after it in 其他 (the one cell between it and the total)
    report, opened = _parsed(_shortened("0\n0\n1\n0\n1\n"))
    assert _row(report, ROW) == [None, None, None, None, 1, 0, 1]  # gold 0 0 0 _ 1 0 1, as in the test above
    assert "kept (legal_service, other_org, total)" in opened.message
    assert report.metadata["review"] == "required"


def test_a_row_short_of_three_cells_stays_blank_whole() -> None:
    # two more values lost: a row short of more than two cells is left blank whole, whatever its total says
    report, opened = _parsed(_shortened("0\n1\n0\n1\n"))
    assert _row(report, ROW) == [None] * len(COLUMNS)
    assert opened.message.endswith("the row left blank")

"""Pipe tables of converters' Markdown, from synthetic reports' texts (tuning seeds, ``scripts/synth_extractors.py``).

Markdown a converter wrote around a page's raw HTML blocks with one pipe table (pandoc ``-t gfm`` keeps the page's
``<div>`` blocks as raw HTML and prints a table it can write as a pipe table, the others as raw HTML): the text is
Markdown, not a page. Read as HTML, the pipe table's lines ran into one paragraph and table 二 was lost.

The snippet is the first 72 lines of pandoc 3's ``-t gfm`` of synthetic report 511's portal page
(``scripts/synth_extractors.py``, a tuning seed): the page's chrome as ``<div>`` blocks, the body's spans kept as raw
``<span>``, table 二 as one pipe table; the expected values are that report's gold, written by the generator.
A row whose number pymupdf4llm prints against its label, in the label's cell, is read from there."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.detect import detect_kind

SNIPPET = Path(__file__).parent / "fixtures" / "extractor_snippets" / "synth-511-pandoc-gfm-table2.md"
GOLD = {  # synth_511's gold (scripts/synth_reports.py, seed 511): table 二 (2019 format)
    "rules": [0, 1, 4],
    "normative_docs": [3, 0, 70],
    "licensing": [2309, 0, 265],
    "other_services": [536, 0, 14],
    "penalty": [95, 4, 0],
    "coercion": [0, 0, 0],
    "fees": [7, 0],
}
COLUMNS = {"rules": ("new_made", "new_published", "total_published"), "fees": ("prior_items", "change")}


def test_one_pipe_table_among_raw_html_blocks_is_markdown() -> None:
    data = SNIPPET.read_bytes()
    assert data.startswith(b'<div class="nav">') and data.count(b"\n|---") == 1
    assert detect_kind(data, SNIPPET.name) == "text"
    cells = parse(data, SNIPPET.name).cells
    read = {}
    for row in GOLD:
        cols = COLUMNS.get(row) or (
            COLUMNS["rules"] if row == "normative_docs" else ("prior_items", "change", "decisions")
        )
        read[row] = [cells[f"active/{row}/{c}"].value for c in cols]
    assert read == GOLD


def _read_table_two(data: bytes, name: str) -> dict[str, list[object]]:
    cells = parse(data, name).cells
    read = {}
    for row in GOLD:
        cols = COLUMNS.get(row) or (
            COLUMNS["rules"] if row == "normative_docs" else ("prior_items", "change", "decisions")
        )
        read[row] = [cells[f"active/{row}/{c}"].value if f"active/{row}/{c}" in cells else None for c in cols]
    return read


def test_pipe_rows_with_no_rule_among_raw_html_blocks_are_markdown() -> None:
    # the same text with the pipe table's |---| rule left out (a converter, or a hand, that prints none: pandoc's
    # org and other writers print rows between bars with no rule): 16 rows between bars are no page's own source.
    # Its rows are laid out in one display column each, as antiword's are; the block heads (第二十条第（五）项, text
    # in the first cell only) are not the rest of the wrapped label of the row above them (行政规范性文件)
    lines = SNIPPET.read_text(encoding="utf-8").split("\n")
    data = "\n".join(ln for ln in lines if not ln.startswith("|---")).encode()
    assert b"\n|---" not in data and data.count(b"\n| ") == 16
    assert detect_kind(data, SNIPPET.name) == "text"
    assert _read_table_two(data, SNIPPET.name) == GOLD


def test_a_page_with_a_line_between_pipes_stays_a_page() -> None:
    # a page whose text has lines between bars (a breadcrumb) but no pipe table's rule: HTML
    page = b'<div class="nav">\n| \xe9\xa6\x96\xe9\xa1\xb5 |\n| a |\n| b |\n</div>\n<p>text</p>\n'
    assert detect_kind(page, "x.md") == "html"


GLUED = SNIPPET.with_name("synth-507-pymupdf4llm-layout-table2.md")


def test_number_against_its_label_in_the_label_cell_of_a_pipe_row_is_read() -> None:
    # pymupdf4llm's layout mode (synthetic report 507's PDF, a tuning seed: its title and table 二) prints a
    # one-value row of table 二 in one grid cell, the number against the label, the row's other cells empty
    text = GLUED.read_text(encoding="utf-8")
    assert "\n|行政处罚292||||\n|行政强制5||||\n" in text and "\n|行政事业性收费233.2||||\n" in text
    report = parse(text.encode(), GLUED.name)
    cells = report.cells
    read = [cells[k].value for k in ("active/penalty/decisions", "active/coercion/decisions", "active/fees/amount")]
    assert read == [292, 5, 233.2]  # synth_507's gold
    glued = {w.key for w in report.warnings if w.code == "glued_number"}
    assert glued == {"active/penalty", "active/coercion", "active/fees"}

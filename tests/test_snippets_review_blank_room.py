"""Table 四 with one row printed as nothing (ten values for 15 cells, each row's total holding wherever the blank row
goes): which row is blank read from the text, not guessed (issue 8). In a tool's layout by position (poppler's
``-layout``, pypdf's layout mode) the row keeps its blank cells' room
(``parsers/tables/blank_row_room.blank_row_by_room``); in poppler's default text the heads printed before each value
rule the first row's blank out (``review_blank_row._agreed_by_heads``). Snippets cut from w61's tuning batch
(``/tmp/w61/tune``) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from the generator
(``synth_model.draw``)."""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.tables.blank_row_room import blank_row_by_room
from tests.snippet_reports import REVIEW_KEYS, snippet_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_model import draw, gold_value


def _read_and_gold(name: str, seed: int) -> tuple[list[object], list[object], list[str]]:
    report = snippet_report(name)
    cells = draw(seed).cells
    got = [report.cells[k].value if k in report.cells else None for k in REVIEW_KEYS]
    said = [f"{w.code}: {w.message}" for w in report.warnings if w.key == "review_litigation"]
    return got, [gold_value(cells[k]) for k in REVIEW_KEYS], said


def test_a_blank_first_row_read_from_an_indent_of_five_cells_room() -> None:
    # before (version 322) the indent (14) was not twice the widest gap (8): the header's columns were read instead,
    # which put the blank cells in no whole row, and every cell was left blank (placement_open)
    got, gold, said = _read_and_gold("synth-10760-layout-table4.txt", 10760)
    assert draw(10760).knobs["blank_review_row"] == "review"
    assert got == gold
    assert any(m.startswith("blank_cells_placed") and "five cells' room before the first value" in m for m in said)


def test_a_blank_last_row_read_by_elimination_in_pypdf_layout() -> None:
    # before, pypdf's squeezed gaps (one or two spaces) read nothing, and the first row's guess would read a suit
    # after a review with no review: every cell left blank
    got, gold, said = _read_and_gold("synth-10841-pypdf-layout-table4.txt", 10841)
    assert draw(10841).knobs["blank_review_row"] == "litigation_after_review"
    assert got == gold
    assert any("no room for a blank first or middle row" in m for m in said)


def test_a_middle_gap_that_stands_out_a_little_keeps_the_first_row_only() -> None:
    # before, the row's indent alone (none) read the last row blank: five numbers a row off
    got, gold, said = _read_and_gold("synth-10872-layout-table4.txt", 10872)
    assert draw(10872).knobs["blank_review_row"] == "litigation_direct"
    assert got[:5] == gold[:5] and all(v is None for v in got[5:])
    assert not [k for k, (g, w) in enumerate(zip(got, gold, strict=True)) if g is not None and g != w]
    assert any(m.startswith("placement_open") and "both readings read alike" in m for m in said)


def test_poppler_blocks_rule_the_first_rows_blank_out() -> None:
    # before, the heads kept the middle and the last row, and the first row's guess was read (five numbers a row off)
    got, gold, said = _read_and_gold("synth-10918-pdftotext-table4.txt", 10918)
    assert draw(10918).knobs["blank_review_row"] == "litigation_direct"
    assert got[:5] == gold[:5] and all(v is None for v in got[5:])
    assert any("putting a value before its own cell's head" in m for m in said)


def _spans(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    at = 0
    for word in line.split():
        at = line.index(word, at)
        out.append((at, at + len(word)))
        at += len(word)
    return out


def test_no_layout_no_room() -> None:
    # a header whose lines all start at the table's left (cells joined by runs of spaces, the corpus's plain-spaces)
    # keeps no room: nothing is read from the row's start or gaps
    header = "行政复议     行政诉讼\n结果维持   结果纠正   其他结果   尚未审结   总计   未经复议直接起诉   复议后起诉\n"
    row = "0     1      0      0   1   0   0    0  0      0"
    text = header + row + "\n"
    assert blank_row_by_room(text, [(a + len(header), b + len(header)) for a, b in _spans(row)], 0) is None
    laid = "行政复议     行政诉讼\n               未经复议直接起诉   复议后起诉\n"
    text = laid + row + "\n"
    assert blank_row_by_room(text, [(a + len(laid), b + len(laid)) for a, b in _spans(row)], 0) == (
        [2],
        [0, 3, 6, 15],
    )

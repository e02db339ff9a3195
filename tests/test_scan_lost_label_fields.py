"""Scans' rows whose label the engine lost, in two shapes the template's order had not read
(``parsers/tables/lost_label_fields.py``, ``parsers/tables/active_lost_labels.py``'s ``grid_top``).

synth_5494 (a tuning scan) as the scan reader printed it (``tests/fixtures/synth-ocr/lost-label-fields/synth_5494.txt``,
its gold the generator's): table 三's column rules read twice, each row's values in every other field. Three rows'
label cells read as nothing (or ``2,``); the rows found around them print their seven values in the same fields, the
fields between empty, and each label-less line prints a value in each of those fields and nothing in the others: read
as the rows the template's order puts there, each a ``fuzzy_label`` naming the fields.

synth_5499 (a tuning scan): section 二's heading lost and table 二's first block's title misread (``第一十条第(一)项``),
so the reader starts table 二 at the second block's title; the first block's rows (their label cells read as nothing)
and 行政许可 come before it. The grid's lines before that title, back to the paragraph before the grid, are the
table's: three lines of values for the three rows missing before the first row found, each ``lost_label_placed``
(review required).
"""

from __future__ import annotations

import re
from typing import Any

from parsers.api import parse_extracted
from parsers.extracted import Extracted
from parsers.model import Report
from tests.ocr_records import gold_cells, text_fixture, text_report

SPACED, SPACED_GOLD = text_fixture("lost-label-fields", "synth_5494")
TOP, TOP_GOLD = text_fixture("lost-label-fields", "synth_5499")
SPACED_ROWS = ("withheld.three_safeties", "not_processed.petition", "not_processed.duplicate")
TOP_ROWS = ("rules", "normative_docs", "licensing")


def _wrong(report: Report, gold: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    cells = report.cells
    return {k: (c.value, gold[k]) for k, c in cells.items() if k in gold and c.value is not None and c.value != gold[k]}


def _report(lines: list[str]) -> Report:
    """The report of a fixture's text changed line by line (read as the scan reader's text)."""
    return parse_extracted(Extracted("pdf", "\n".join(lines), ocr=True))


def test_label_less_rows_of_a_grid_whose_rules_the_scan_doubled_are_read_by_their_neighbours_fields() -> None:
    report, gold = text_report(SPACED), gold_cells(SPACED_GOLD)
    assert not _wrong(report, gold)
    for row in SPACED_ROWS:
        key = f"applications/{row}"
        assert not [w for w in report.warnings if w.code == "missing_row" and w.key == key]
        said = [w.message for w in report.warnings if w.code == "fuzzy_label" and w.key == key]
        assert len(said) == 1 and "in the fields its neighbours print their values in" in said[0]
        cells = {k: v for k, v in gold.items() if k.startswith(key + "/")}
        assert cells and all(report.cells[k].value == v for k, v in cells.items())


def test_a_label_less_line_printing_in_a_field_between_its_neighbours_fields_is_not_placed() -> None:
    # the three_safeties line (its label cell empty, the line after 2.其他法律行政法规禁止公开's) given a mark in an
    # empty field between two of its values: no longer a row of those fields, left missing, no wrong number
    lines = SPACED.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if "其他法律行政法规" in line) + 1
    assert lines[at].startswith("\t0\t\t0\t")
    lines[at] = lines[at].replace("\t0\t\t0\t", "\t0\t人\t0\t", 1)
    report = _report(lines)
    gold = gold_cells(SPACED_GOLD)
    assert not _wrong(report, gold)
    assert [w for w in report.warnings if w.code == "missing_row" and w.key == "applications/withheld.three_safeties"]


def test_table_twos_first_rows_before_a_misread_first_block_title_are_placed_from_the_grids_first_line() -> None:
    report, gold = text_report(TOP), gold_cells(TOP_GOLD)
    assert not _wrong(report, gold)
    for row in TOP_ROWS:
        key = f"active/{row}"
        said = [w.message for w in report.warnings if w.code == "lost_label_placed" and w.key == key]
        assert len(said) == 1
        cells = {k: v for k, v in gold.items() if k.startswith(key + "/")}
        assert cells and all(report.cells[k].value == v for k, v in cells.items())
    assert report.metadata["review"] == "required"


def test_a_first_block_with_a_line_of_values_lost_is_not_placed() -> None:
    # the grid's second line of values (行政规范性文件's) dropped: two lines for three rows, none placed
    lines = TOP.read_text(encoding="utf-8").split("\n")
    values = [n for n, line in enumerate(lines) if re.fullmatch(r"\t\t\d+\t\d+\t\d+", line)]
    assert len(values) == 2
    del lines[values[1]]
    report = _report(lines)
    assert not _wrong(report, gold_cells(TOP_GOLD))
    missing = {w.key for w in report.warnings if w.code == "missing_row"}
    assert {f"active/{row}" for row in TOP_ROWS} <= missing

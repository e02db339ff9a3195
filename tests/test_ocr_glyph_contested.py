"""A glyph the engine read one digit in every cell, which the identities refuse: read as the lookalike they single out,
said (``parsers/ocr/agreed.py``).

synth_4144 pages 1–3 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan at 150 dpi,
turned by a degree, a photocopy's toner) as the engine read them, recorded by ``scripts/build_ocr_records.py
/tmp/c50/tune3 synth_4144 1 2 3`` (no OCR at test time). The toner fills the face's zeros: the engine read them 6, or
nothing (the vote then read those 6 as their likes), in every cell of tables 三 and 四; until version 170 151 cells
read 6 for 0, every row total of table 三 failing (``6 + 6 + … = 36 ≠ 6``) and nothing blanked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from parsers.extracted import GlyphSet
from parsers.model import Cell, Check, Report, Warning_, Where
from tests.ocr_records import READ, settled_pages

STEM = "synth_4144"


@pytest.fixture(scope="module")
def report() -> Report:
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    return build_report(extracted_from(settled_pages(STEM, (1, 2, 3)), "pdf", 3))


def _gold() -> dict[str, Any]:
    return json.loads((READ / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]  # type: ignore[no-any-return]


def test_the_zeros_read_6_throughout_read_as_0_and_said(report: Report) -> None:
    gold = _gold()
    wrong = {k: (gold[k], c.value) for k, c in report.cells.items() if c.value is not None and c.value != gold.get(k)}
    assert wrong == {}
    said = [w.message for w in report.warnings if w.code == "ocr_glyph_contested"]
    assert len(said) == 1 and "the engine read 6 in every one" in said[0] and "taken as 0" in said[0]
    changed = [c for c in report.cells.values() if c.where is not None and c.where.read_as in ("6", "")]
    assert len(changed) > 100 and all(c.value == 0 for c in changed)
    assert report.metadata["review"] == "required"


def test_table_three_reads_its_cells(report: Report) -> None:
    gold = _gold()
    three = [k for k in gold if k.startswith("applications/")]
    read = [k for k in three if report.cells.get(k) is not None and report.cells[k].value is not None]
    assert len(read) >= len(three) - 2


# a drawn 3 × 3 table with its row and column totals: cell (i, j) at spot (i, j), totals apart
def _table(values: list[list[int]], rows: list[int], cols: list[int]) -> tuple[dict[str, Cell], list[Check]]:
    cells: dict[str, Cell] = {}
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            cells[f"x{i}{j}"] = Cell(f"x{i}{j}", v, str(v), Where(0, 1, page=1, box=(10.0 * j, 10.0 * i, 5.0, 5.0)))
    for i, v in enumerate(rows):
        cells[f"r{i}"] = Cell(f"r{i}", v, str(v), Where(0, 1, page=1, box=(100.0, 10.0 * i, 5.0, 5.0)))
    for j, v in enumerate(cols):
        cells[f"c{j}"] = Cell(f"c{j}", v, str(v), Where(0, 1, page=1, box=(10.0 * j, 100.0, 5.0, 5.0)))
    checks = [Check(f"row{i}", [f"x{i}{j}" for j in range(3)], [f"r{i}"], 0, 0, True) for i in range(3)]
    checks += [Check(f"col{j}", [f"x{i}{j}" for i in range(3)], [f"c{j}"], 0, 0, True) for j in range(3)]
    from parsers.ocr.correct import recompute

    return cells, [recompute(c, cells) for c in checks]


def _set(keys: list[str], cells: dict[str, Cell], reading: str) -> GlyphSet:
    boxes = []
    for k in keys:
        where = cells[k].where
        assert where is not None and where.box is not None
        boxes.append(where.box)
    return GlyphSet(1, tuple(boxes), (reading,), (), ((reading, len(keys)),))


def test_a_real_6_among_zeros_read_6_keeps_its_reading() -> None:
    from parsers.ocr.agreed import contest_agreed

    # printed: a 6 at (0, 0), zeros elsewhere (totals 6, 0, 0); every zero of the grid and two totals read 6
    cells, checks = _table([[6, 6, 6], [6, 6, 6], [6, 6, 6]], [6, 6, 6], [6, 6, 6])
    glyphs = _set([f"x{i}{j}" for i in range(3) for j in range(3)] + ["r1", "r2", "c1", "c2"], cells, "6")
    warnings: list[Warning_] = []
    checks = contest_agreed(cells, checks, warnings, [glyphs])
    got = {k: c.value for k, c in cells.items()}
    assert got == {
        **{f"x{i}{j}": 0 for i in range(3) for j in range(3)},
        "x00": 6,
        "r0": 6, "r1": 0, "r2": 0, "c0": 6, "c1": 0, "c2": 0,
    }  # fmt: skip
    assert all(c.passed for c in checks)
    assert [w.code for w in warnings] == ["ocr_glyph_contested"] and "kept as read" in warnings[0].message
    assert cells["x11"].where is not None and cells["x11"].where.read_as == "6"


def test_a_reading_the_identities_hold_or_a_report_printing_a_wrong_total_is_kept() -> None:
    from parsers.ocr.agreed import contest_agreed

    # every cell a 6, read 6; the report prints two totals wrong (17 for 18): two identities fail whatever the glyph
    cells, checks = _table([[6, 6, 6], [6, 6, 6], [6, 6, 6]], [17, 18, 18], [17, 18, 18])
    glyphs = _set([f"x{i}{j}" for i in range(3) for j in range(3)], cells, "6")
    warnings: list[Warning_] = []
    contest_agreed(cells, checks, warnings, [glyphs])
    assert warnings == [] and all(c.value == 6 for k, c in cells.items() if k.startswith("x"))
    cells, checks = _table([[0, 0, 0], [0, 0, 0], [0, 0, 0]], [0, 0, 0], [0, 0, 0])
    contest_agreed(cells, checks, warnings, [_set(list(cells), cells, "0")])
    assert warnings == [] and all(c.value == 0 for c in cells.values())

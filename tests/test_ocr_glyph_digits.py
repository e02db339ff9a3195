"""Numbers of several digits one of which prints a disputed glyph (parsers/ocr/glyph_digits.py), on a tuning scan's
page as the engine read it: synth_1901 page 2 (300 dpi, noise and a photocopy's toner over a face with a slashed
zero), recorded by ``scripts/build_ocr_records.py`` (the prepared binary page and the engine's words; no OCR at test
time). The page's lone zeros read 0, 4, 6, 8, 9 or nothing: a disputed set the identities read as 0. The zero inside
50 and 90 was read 8 and 6 (58, 56, 98): kept as read until version 102, three wrong numbers, each failing its row
and its column."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from parsers.extracted import DoubtfulCell
from parsers.model import Report
from parsers.ocr.grid import find_tables
from tests.ocr_records import READ, ink_and_glyphs

NAME = "synth_1901-p2"


def _page() -> tuple[Any, Any, Any, dict[str, Any]]:
    from parsers.ocr.glyph_digits import number_parts

    rec = json.loads((READ / f"{NAME}.ink.json").read_text(encoding="utf-8"))
    binary = np.where(np.asarray(Image.open(READ / f"{NAME}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    tables, _ = find_tables(binary, rec["unit"])
    assert [[t.n_rows, t.n_cols] for t in tables] == rec["tables"]  # the grid the engine's cells were read in
    ink, glyphs = ink_and_glyphs(rec)
    parts = number_parts(np.where(binary > 0, 0, 255).astype(np.uint8), ink)  # the engine's page: black on white
    return ink, glyphs, (tables, parts), rec


def _report(with_parts: bool) -> Report:
    """The page read as the scan reader reads it, from the engine's recorded output on."""
    from parsers.ocr.document import PageResult, Pending, settle
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    ink, glyphs, (tables, parts), rec = _page()
    pending = Pending(ink, tables, tuple(rec["size"]), rec["scale"], glyphs, parts if with_parts else [])
    return build_report(extracted_from(settle([PageResult(2, None, pending=pending)]), "pdf", 1))


def _gold() -> dict[str, Any]:
    return json.loads((READ / "synth_1901.json").read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def page() -> Report:
    return _report(True)


MISREAD = {  # the zero of 50 and 90 read as another reading of the page's disputed glyph
    "applications/carried_forward/social_org": "58",
    "applications/carried_forward/total": "56",
    "applications/withheld.prohibited_by_law/legal_service": "98",
}


def test_the_numbers_printing_the_glyph_are_doubtful_with_the_digits_read_there() -> None:
    # the page's lone digits voted (one disputed set: the slashed zero), then the numbers' blobs compared with it
    from parsers.ocr.glyph_digits import glyph_doubtful
    from parsers.ocr.glyphs import agree_pages

    ink, glyphs, (tables, parts), rec = _page()
    _, _, sets = agree_pages({2: (ink, glyphs)})
    assert len(sets) == 1 and sets[0][1].readings[0] == "0"
    doubtful = glyph_doubtful({2: parts}, {2: glyphs}, sets, {2: tables}, {2: rec["scale"]})[2]
    by_box = {d.box: d for d in doubtful}
    report = _report(True)
    gold = _gold()
    read_at = {"applications/carried_forward/social_org": "8", "applications/carried_forward/total": "6"}
    read_at["applications/withheld.prohibited_by_law/legal_service"] = "8"
    read_at["applications/withheld.prohibited_by_law/total"] = "0"  # 90 read right: its zero read 0
    for key, digit in read_at.items():
        where = report.cells[key].where
        assert where is not None and where.box in by_box, key
        found = by_box[where.box]
        assert found.digits == digit and "0" in str(gold[key]), key  # the glyph's place prints a zero
        assert found.glyph.startswith("0/") and found.glyph_cell is not None
    # each number found prints a digit the glyph reads as (a number of 1, 2, 3, 5 and 7 only is never alike)
    readings = set(sets[0][1].readings)
    assert doubtful and all(set(d.text) & readings for d in doubtful)
    assert all(d.digits == "" or set(d.digits) <= readings for d in doubtful)


def test_a_number_printing_the_disputed_glyph_read_otherwise_is_left_blank(page: Report) -> None:
    gold = _gold()
    said = {w.key: w.message for w in page.warnings if w.code == "ocr_glyph_doubtful"}
    for key, read in MISREAD.items():
        cell = page.cells[key]
        assert gold[key] != float(read)
        assert cell.value is None and cell.where is not None and cell.where.read_as == read, key
        assert f"OCR read {read!r}, a digit of it printing the glyph" in said[key]
    assert page.metadata["review"] == "required"


def test_numbers_reading_the_glyph_as_the_set_reads_it_are_kept(page: Report) -> None:
    # 90 (the row's total) and 3270 print the glyph read 0, as the identities read the set: their identities fail
    # (58, 98 and the others the toner garbled), but the numbers are kept as read
    gold = _gold()
    for key in ("applications/withheld.prohibited_by_law/total", "applications/results_total/natural_person"):
        assert page.cells[key].value == gold[key], key
    assert not any(w.key in MISREAD and w.code == "ocr_doubtful" for w in page.warnings)


def test_the_parts_are_the_digits_blobs() -> None:
    ink, _, (_, parts), _ = _page()
    by_cell: dict[Any, list[str]] = {}
    for p in parts:
        by_cell.setdefault(p.key, []).append(p.digit)
    texts = {k: "".join(w.text for line in lines for w in line) for k, lines in ink.cells.items()}
    placed = [k for k, digits in by_cell.items() if "" not in digits]
    assert len(placed) >= 0.8 * len(by_cell)  # most numbers cut into one blob a digit
    for k in placed:
        assert "".join(by_cell[k]) == "".join(c for c in texts[k] if c.isdigit())


def test_blank_doubtful_keeps_a_number_whose_identity_holds() -> None:
    from parsers.model import Cell, Check, Warning_, Where
    from parsers.ocr.doubtful import blank_doubtful

    box = (10.0, 10.0, 40.0, 30.0)
    where = Where(0, 2, page=1, box=box)
    cells = {"a": Cell("a", 58, "58", where), "b": Cell("b", 2, "2", Where(3, 4, page=1, box=(40.0, 10.0, 70.0, 30.0)))}
    held = Check("row", ["a", "b"], [], 60, 60, True, kind="identity")
    failed = Check("col", ["a"], [], 58, 50, False, kind="identity")
    doubt = DoubtfulCell(1, box, "58", 0.0, "0/4/6", "8", (1, (0.0, 0.0, 5.0, 5.0)))
    warnings: list[Warning_] = []
    blank_doubtful(cells, [held, failed], warnings, [doubt])
    assert cells["a"].value == 58 and warnings == []
    blank_doubtful(cells, [failed], warnings, [doubt])
    assert cells["a"].value is None and [w.code for w in warnings] == ["ocr_glyph_doubtful"]


def test_the_glyphs_alike_to_the_set_join_it_on_the_whole_document() -> None:
    # synth_1901's three pages voted together, as the scan reader votes them: three cells of page 2 printing the
    # slashed zero (read 4, 0 and nothing) were alike to many of the set's glyphs but to few of the unsure ones,
    # and were read as their closest likes, 6 (wrong numbers until version 102); they join the set now
    from parsers.ocr.glyphs import agree_pages

    pages = {}
    for number in (1, 2, 3):
        rec = json.loads((READ / f"synth_1901-p{number}.ink.json").read_text(encoding="utf-8"))
        pages[number] = ink_and_glyphs(rec)
    inks, notes, sets = agree_pages(pages)
    assert len(sets) == 1
    numbers, disputed = sets[0]
    members = set(zip(numbers, disputed.cells, strict=True))
    gold = _gold()
    cells = {  # table 三 on page 2 (its first table there): row 8 col 3, row 22 col 7, row 24 col 4
        (0, 8, 3): "applications/withheld.third_party_rights/natural_person",
        (0, 22, 7): "applications/other.unpaid_fee/legal_service",
        (0, 24, 4): "applications/results_total/commercial",
    }
    for key, name in cells.items():
        assert gold[name] == 0
        assert (2, key) in members, key
        read = "".join(w.text for line in inks[2].cells.get(key, []) for w in line)
        assert read != "6", key
    assert "→6" not in notes.get(2, "")

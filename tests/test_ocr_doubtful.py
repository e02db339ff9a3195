"""Wrong numbers on scans, left blank or read whole (parsers/ocr/doubtful.py, parsers/ocr/counts.py), on two tuning
scans' pages as the engine read them: the page's prepared binary image (the grid is found on it again here) and
the engine's words with their boxes and confidences, and the lone digits' glyphs, recorded from the scan reader
(no OCR at test time). Until version 56 the numbers below were kept as read: wrong, each failing its identities."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from PIL import Image

from parsers.model import Report
from parsers.ocr.doubtful import DOUBT_CONF
from parsers.ocr.grid import find_tables
from tests.ocr_records import READ, ink_and_glyphs


def _report(name: str, number: int) -> Report:
    """One page read as the scan reader reads it, from the engine's recorded output on."""
    from parsers.ocr.document import PageResult, Pending, settle
    from parsers.readers.ocr import extracted_from
    from parsers.report import build_report

    rec = json.loads((READ / f"{name}.ink.json").read_text(encoding="utf-8"))
    page = np.where(np.asarray(Image.open(READ / f"{name}.png").convert("L")) > 127, 255, 0).astype(np.uint8)
    tables, _ = find_tables(page, rec["unit"])
    assert [[t.n_rows, t.n_cols] for t in tables] == rec["tables"]  # the grid the engine's cells were read in
    ink, glyphs = ink_and_glyphs(rec)
    result = PageResult(number, None, pending=Pending(ink, tables, tuple(rec["size"]), rec["scale"], glyphs))
    return build_report(extracted_from(settle([result]), "pdf", 1))


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((READ / f"{stem}.json").read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def page_498() -> Report:
    return _report("synth_498-p2", 2)


def test_numbers_read_unsure_where_the_row_and_the_column_fail_are_left_blank(page_498: Report) -> None:
    # synth_498 (150 dpi, turned, JPEG): table 三's cells the engine read at confidence 0-52, each where its row's
    # sum and its column's both fail
    gold = _gold("synth_498")
    doubtful = {
        # in the grid field of 社会公益组织 (version 91: the row's 4 values read by its grid's whole rows; by order,
        # before, under 自然人)
        "applications/other.unpaid_fee/social_org": "7",  # printed 0
        "applications/results_total/natural_person": "1",  # printed 191
        "applications/results_total/social_org": "9",  # printed 0
        "applications/carried_forward/natural_person": "-4",  # printed 0
    }
    said = {w.key: w.message for w in page_498.warnings if w.code == "ocr_doubtful"}
    deduced = {w.key for w in page_498.warnings if w.code == "deduced_zero"}
    for key, read in doubtful.items():
        cell = page_498.cells[key]
        assert gold[key] != float(read)
        assert cell.where is not None and cell.where.read_as == read, key
        # since version 225 (s54) a cell so blanked whose row or column, its other cells confirmed, leaves it only 0
        # is read 0 (``bounded_zeros``): 其他处理's 0 of 社会公益组织 (the gold)
        assert cell.value is None or (key in deduced and cell.value == gold[key] == 0), key
        assert f"OCR read {read!r} at confidence" in said[key]
    # 3.其他's 0 (read 0 under 自然人 by order until version 91, printed 11) stands in the field of 法律服务机构, its
    # gold; the 自然人 field prints '1、', unreadable: blank
    assert (
        page_498.cells["applications/other.other/legal_service"].value
        == gold["applications/other.other/legal_service"]
        == 0
    )
    assert page_498.cells["applications/other.other/natural_person"].value is None
    assert page_498.metadata["review"] == "required"


def test_numbers_read_surely_are_kept_though_their_identities_fail(page_498: Report) -> None:
    # read at 95 and 97: the row of 3.其他 fails for its natural_person cell (11 read 0), not for its total
    gold = _gold("synth_498")
    for key in ("applications/other.other/total", "applications/results_total/total"):
        assert page_498.cells[key].value == gold[key]
    sure = [w for w in page_498.warnings if w.code == "ocr_doubtful" and f"under {DOUBT_CONF:.0f}" not in w.message]
    assert sure == []
    # read unsure too (0 at 45, 56 and 39), in a column that fails, but in a row that holds: kept
    for key in (
        "applications/withheld.three_safeties/total",
        "applications/withheld.enforcement_files/total",
        "applications/unavailable.needs_creation/social_org",
    ):
        assert page_498.cells[key].value == gold[key] == 0, key


def test_a_count_read_with_a_point_for_its_thousands_separator_is_read_whole() -> None:
    # synth_492 (150 dpi fax under noise and toner): 1,343 read 1.343 in table 三, a count
    report = _report("synth_492-p2", 2)
    key = "applications/new_received/natural_person"
    assert _gold("synth_492")[key] == 1343
    assert report.cells[key].value == 1343
    assert any(w.code == "ocr_thousands" and "'1.343'" in w.message for w in report.warnings)


def test_a_count_read_with_a_fraction_is_left_blank() -> None:
    from parsers.model import Cell, Warning_, Where
    from parsers.ocr.counts import whole_counts

    where = Where(0, 3, page=2, box=(1.0, 2.0, 3.0, 4.0))
    cells = {
        "applications/granted/total": Cell("applications/granted/total", 1.3, "1.3", where),
        "active/fees/amount": Cell("active/fees/amount", 1.3, "1.3", where),  # 万元: a fraction is no misreading
    }
    warnings: list[Warning_] = []
    whole_counts(cells, warnings)
    assert cells["applications/granted/total"].value is None
    assert cells["active/fees/amount"].value == 1.3
    assert [w.code for w in warnings] == ["ocr_fraction_in_count"]


def test_a_count_of_table_two_read_with_a_point_is_left_blank() -> None:
    # synth_1921 (tuning scan): 行政许可's 本年处理决定数量 1,492 read '1.492' (was taken as 1.492); table 二 prints
    # amounts of three decimals (242.136 万元), so a point there is not taken for the thousands separator
    from parsers.model import Cell, Warning_, Where
    from parsers.ocr.counts import whole_counts

    where = Where(0, 5, page=1, box=(1.0, 2.0, 3.0, 4.0))
    cells = {
        "active/licensing/decisions": Cell("active/licensing/decisions", 1.492, "1.492", where),
        "active/procurement/amount": Cell("active/procurement/amount", 242.136, "242.136", where),
        "active/procurement/items": Cell("active/procurement/items", 12, "12", where),
        "applications/granted/total": Cell("applications/granted/total", 1.492, "1.492", where),
    }
    warnings: list[Warning_] = []
    whole_counts(cells, warnings)
    assert cells["active/licensing/decisions"].value is None
    assert cells["active/licensing/decisions"].where.read_as == "1.492"  # type: ignore[union-attr]
    assert cells["active/procurement/amount"].value == 242.136 and cells["active/procurement/items"].value == 12
    assert cells["applications/granted/total"].value == 1492  # tables 三 and 四 print no amount
    assert [w.code for w in warnings] == ["ocr_fraction_in_count", "ocr_thousands"]

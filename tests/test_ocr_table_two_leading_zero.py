"""A count of table 二 read with a leading zero on a scan (``counts.leading_zeros``): a digit lost before it, left
blank and said, as tables 三 and 四's are.

synth_5478 (``scripts/synth_ocr.py --damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi, a stamp over the
numbers): 行政处罚's 上一年项目数量, printed 2032, read ``032``. Until version 287 only tables 三 and 四 were looked at,
and table 二 (no identity checks it) kept the reading as 32: a wrong number. Gold from the generator
(``tests/fixtures/synth-ocr/header-lost/synth_5478-gold.json``: table 二's cells)."""

from __future__ import annotations

import json
from pathlib import Path

from parsers.model import Cell, Warning_, Where
from parsers.ocr.counts import leading_zeros

GOLD = Path(__file__).parent / "fixtures" / "synth-ocr" / "header-lost" / "synth_5478-gold.json"
KEY = "active/penalty/prior_items"


def _cells(read: dict[str, str]) -> dict[str, Cell]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["cells"]
    out = {}
    for k, v in gold.items():
        raw = read.get(k, "" if v is None else str(v))
        value = None if not raw else (float(raw) if "." in raw else int(raw))
        out[k] = Cell(k, value, raw, Where(0, 1, page=1, box=(0.0, 0.0, 1.0, 1.0)))
    return out


def test_a_table_two_count_read_with_a_leading_zero_is_left_blank_and_said() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["cells"]
    raw = str(gold[KEY])[1:]  # the first digit lost: 2032 read 032
    assert raw.startswith("0")
    cells = _cells({KEY: raw})
    warnings: list[Warning_] = []
    leading_zeros(cells, [], warnings)
    assert cells[KEY].value is None
    assert (w := cells[KEY].where) is not None and w.read_as == raw
    assert [w.key for w in warnings if w.code == "ocr_leading_zero_blank"] == [KEY]
    assert all(cells[k].value == v for k, v in gold.items() if k != KEY)


def test_an_amount_of_table_two_is_not_a_count() -> None:
    """政府集中采购's and 行政事业性收费's amounts (万元) are not counts: read as before."""
    cells = _cells({"active/procurement/amount": "05"})
    warnings: list[Warning_] = []
    leading_zeros(cells, [], warnings)
    assert cells["active/procurement/amount"].value == 5
    assert not warnings

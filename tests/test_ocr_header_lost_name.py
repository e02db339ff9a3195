"""Table 二's 第二十条 block on a scan, a header cell's name lost and a row's cell unread: each
value read under the name above it, the column no field names left blank
(``header_fields.by_header_fields``' ``unnamed_blank``, and
``active_columns.header_line``'s nearest header above the row in the scan reader's
text).

The lines are the scan reader's text of synth_5471's table 二 (``scripts/synth_ocr.py
--damage fax jpegq photo stamp toner``: a tuning scan, 150 dpi, JPEG): the table's text
first read as one run (every block heading in it, none on a line of its own), then the
grid a row a line. The (六) block's header prints ``信息内容 | 上一年项目数量 | | | | 本年处理决定数量``
(本年增/减 not read), 行政处罚's row ``132 | | | | 40`` (its 0, the page's dotted zero, read as
nothing). The cells the glyph vote and the doubtful readings deal with later (行政规范性文件's
zeros read 6, 行政强制's 10 read 18) are written as the page prints them. Until version 286
no header was found for the row (no block heading on a line above it), and the row, two
values for three columns, was right-aligned: 132 and 3 read as 本年增/减, where the page
prints 0: two wrong numbers. Gold from the generator
(``tests/fixtures/synth-ocr/header-lost/synth_5471-gold.json``: table 二's cells)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

T = "active"
GOLD = Path(__file__).parent / "fixtures" / "synth-ocr" / "header-lost" / "synth_5471-gold.json"
E = ["", "", ""]

LINES = [
    "第二十条第（一)项信息内容 本年新制作数量”本年新公开数量”对外公开总数量规章 1 1 1行政规范性文件 8 6 28第二十条第"
    "（五)项信息内容 上一年项目数量 本年增/减”本年处理决定数量行政许可 1307 18 423其他对外管理服 20 0 9务事项第二十条第"
    "（六)项信息内容”上一年项目数量《本年增/减本年处理决定数量行政处罚”132 0 46行政强制3 0 16" + "\t" * 8,
    "\t".join(["信息内容", "", "本年新制作数量", "", "", "本年新公开数量", "", "对外公开总数量", ""]),
    "\t".join(["规章", "", "1", "", "", "1", "", "1", ""]),
    "\t".join(["行政规范性文件", "", "0", "", "", "0", "", "28", ""]),
    "\t".join(["信息内容", "", "", "", "", "本年增/减", "本年处理决定数量", "", ""]),
    "\t".join(["行政许可", "", "", "", "", "18", "423", "", ""]),
    "\t".join(["其他对外管理服务事项", "", "", "", "", "0", "9", "", ""]),
    "\t".join(["信息内容", "上一年项目数量", "", "", "", "本年处理决定数量", *E]),
    "\t".join(["行政处昼", "132", "", "", "", "40", *E]),
    "\t".join(["行政强制", "3", "", "", "", "10", *E]),
    "",
    "\t".join(["第二十条第（八)项", "", ""]),
    "\t".join(["信息内容", "上一年项目数量", "本年增/减"]),
    "\t".join(["行政事业性收费", "1", "0"]),
]


def _gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _table_two(lines: list[str], ocr: bool) -> tuple[dict[str, Any], list[Any]]:
    from parsers.extracted import Extracted
    from parsers.tables.active import read_active
    from parsers.tables.reading import Reading

    text = "\n".join(["二、主动公开政府信息情况", *lines, "三、收到和处理政府信息公开申请情况", ""])
    r = Reading(Extracted("pdf", text, ocr=ocr))
    end = r.first_index("收到和处理政府信息公开申请")
    assert end is not None
    read_active(r, _gold()["metadata"]["format"], 0, end)
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{T}/")}, r.warnings


def test_the_rows_under_a_header_missing_a_name_read_their_values_under_the_names() -> None:
    cells, warnings = _table_two(LINES, True)
    gold = _gold()["cells"]
    for row in ("penalty", "coercion"):
        assert cells[f"{T}/{row}/prior_items"] == gold[f"{T}/{row}/prior_items"]
        assert cells[f"{T}/{row}/decisions"] == gold[f"{T}/{row}/decisions"]
        assert cells[f"{T}/{row}/change"] is None  # its 0 unread: blank, not another field's value
    said = {w.key: w.message for w in warnings if w.code == "named_columns"}
    assert {f"{T}/penalty", f"{T}/coercion"} <= set(said)
    assert all("names no field for change" in said[f"{T}/{row}"] for row in ("penalty", "coercion"))


def test_every_cell_read_is_the_golds() -> None:
    """No value of the block is read as a number the page does not print in its cell."""
    cells, _ = _table_two(LINES, True)
    gold = _gold()["cells"]
    assert {k: v for k, v in cells.items() if v is not None and v != gold[k]} == {}


def test_another_tools_text_is_read_as_before() -> None:
    """Only the scan reader's own text: another tool's TAB rows are right-aligned as they were."""
    cells, warnings = _table_two(LINES, False)
    assert cells[f"{T}/penalty/change"] == 132
    assert not [w for w in warnings if w.code == "named_columns" and w.key == f"{T}/penalty"]


def test_a_value_under_a_field_no_name_stands_over_is_not_placed() -> None:
    """A row with a value under one of the header's empty fields: which column that field is, is not known; the row
    is read as before (right-aligned, said ambiguous)."""
    lines = [*LINES[:8], "\t".join(["行政处昼", "132", "", "7", "", "40", *E]), *LINES[9:]]
    _, warnings = _table_two(lines, True)
    assert not [w for w in warnings if w.code == "named_columns" and w.key == f"{T}/penalty"]


# synth_5476 (a tuning scan, 200 dpi, JPEG): table 二's last block (九) prints 政府集中采购's row with its label read
# as nothing (``| 13 | 1356.2``); table 三's header follows, ``| 自然人 | 法人或其他组织 | | | | | 8`` (总计 misread).
# The scan reader's text of tables 二 and 三 as printed: ``synth_5476-tables.txt``.
TABLES_5476 = GOLD.parent / "synth_5476-tables.txt"
GOLD_5476 = GOLD.parent / "synth_5476-gold.json"


def test_table_three_heads_are_no_label_of_table_two() -> None:
    """Until version 287 the template's order read table 三's header cell 法人或其他组织 as 政府集中采购's label (the
    one row missing last, one label line with a number), its 8 as the amount: a wrong number. A header cell of
    table 三 is no row of table 二: the block's label-less line of values is read as the row, and warned."""
    from parsers.api import parse_extracted
    from parsers.extracted import Extracted

    report = parse_extracted(Extracted("pdf", TABLES_5476.read_text(encoding="utf-8"), ocr=True))
    gold = json.loads(GOLD_5476.read_text(encoding="utf-8"))["cells"]
    keys = [f"{T}/procurement/items", f"{T}/procurement/amount"]
    assert [report.cells[k].value for k in keys] == [gold[k] for k in keys]
    assert not [w for w in report.warnings if w.code == "fuzzy_label" and w.key == f"{T}/procurement"]
    assert [w for w in report.warnings if w.code == "lost_label_placed" and w.key == f"{T}/procurement"]

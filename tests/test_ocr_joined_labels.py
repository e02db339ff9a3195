"""Table 二's two rows whose label cells a scan's grid joined (``parsers/tables/active_joined_labels.py``): the
label reads both rows' labels, the second row's values print on the line under it with no label.

The lines are the scan reader's text of synth_4150's table 二 (a 2019-format table, ``scripts/synth_ocr.py --damage
fax jpegq photo stamp toner``: a tuning scan), one TAB field per grid column. Until version 172 the joined label was
matched by meaning as 行政规范性文件 and read the 规章 row's values (1, 1, 0 for 2, 0, 0), 规章 missing."""

from __future__ import annotations

from typing import Any

T = "active"

LINES = [
    "第二十条第(一)项",
    "\t".join(["信息内容", "本年部制作数量", "本年新公开数晶", "对外公开总数量"]),
    "\t".join(["规章行政规范性文件", "1", "1", "0"]),
    "\t".join(["", "2", "0", "0"]),
    "\t".join(["第二十条第(五)项", "", "", ""]),
    "\t".join(["信息内容", "上一年项日数最", "本年增/减", "本年处理数量"]),
    "\t".join(["行政许可", "0", "0", "73"]),
    "\t".join(["其他对外管理服务事项", "138", "0", "0"]),
]
COLS = ("new_made", "new_published", "total_published")


def _table_two(lines: list[str], ocr: bool) -> tuple[dict[str, Any], list[Any]]:
    from parsers.extracted import Extracted
    from parsers.tables.active import read_active
    from parsers.tables.reading import Reading

    text = "\n".join(["二、主动公开政府信息情况", *lines, "三、收到和处理政府信息公开申请情况", ""])
    r = Reading(Extracted("pdf", text, ocr=ocr))
    end = r.first_index("收到和处理政府信息公开申请")
    assert end is not None
    read_active(r, "2019", 0, end)
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{T}/")}, r.warnings


def test_a_label_cell_joining_two_rows_reads_both_rows() -> None:
    cells, warnings = _table_two(LINES, True)
    assert [cells[f"{T}/rules/{c}"] for c in COLS] == [1, 1, 0]
    assert [cells[f"{T}/normative_docs/{c}"] for c in COLS] == [2, 0, 0]
    said = [w for w in warnings if w.code == "joined_labels"]
    assert len(said) == 1 and "规章行政规范性文件" in said[0].message
    assert [cells[f"{T}/licensing/{c}"] for c in ("prior_items", "change", "decisions")] == [0, 0, 73]


def test_no_label_less_line_under_it_no_split() -> None:
    """Without the second row's values on the line under it, the joined label is not split (read as before)."""
    lines = [line for k, line in enumerate(LINES) if k != 3]
    _, warnings = _table_two(lines, True)
    assert not [w for w in warnings if w.code == "joined_labels"]


def test_another_tools_text_is_read_as_before() -> None:
    _, warnings = _table_two(LINES, False)
    assert not [w for w in warnings if w.code == "joined_labels"]

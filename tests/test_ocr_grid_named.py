"""Table 二's row printed on a scan's grid, a cell of it blank: its values read under the header's names
(``parsers/tables/active.py`` ``_grid_named``), not right-aligned.

The lines are the scan reader's text of synth_4113's table 二 (``scripts/synth_ocr.py --damage fax jpegq photo
stamp toner``: a tuning scan), one TAB field per column of the table's grid: 其他对外管理服务事项 prints its
上一年项目数量 empty, 13 under 本年增/减 and 8 under 本年处理决定数量, five blank fields after. Until version 155 the
row was right-aligned: 13 read as 上一年项目数量 (printed blank), 本年增/减 blank."""

from __future__ import annotations

from typing import Any

T = "active"
E = [""] * 5

LINES = [
    "\t".join(["第二十条第(五)项", *[""] * 14]),
    "\t".join(["信息内容", "", "", "", "上一年项目数量", "", "", "本年增/减", "", "本年处理决定数量", *E]),
    "\t".join(["行政许可", "", "", "", "0", "", "", "0", "", "1962", *E]),
    "\t".join(["其他对外管理服务事项", "", "", "", "", "", "", "13", "", "8", *E]),
    "\t".join(["第二十条第(六)项", *[""] * 14]),
    "\t".join(["信息内容", "", "", "上一年项目数量", *[""] * 6, "本年增/减", "", "", "本年处理决定数量", ""]),
    "\t".join(["行政处罚", "", "", "2", "", "", "", "", "", "", "0", "", "", "0", ""]),
    "\t".join(["行政强制", "", "", "", "", "", "", "", "", "", "0", "", "", "1", ""]),
]


def _table_two(lines: list[str], ocr: bool, fmt: str = "2019") -> tuple[dict[str, Any], list[Any]]:
    from parsers.extracted import Extracted
    from parsers.tables.active import read_active
    from parsers.tables.reading import Reading

    text = "\n".join(["二、主动公开政府信息情况", *lines, "三、收到和处理政府信息公开申请情况", ""])
    r = Reading(Extracted("pdf", text, ocr=ocr))
    end = r.first_index("收到和处理政府信息公开申请")
    assert end is not None
    read_active(r, fmt, 0, end)
    return {k: c.value for k, c in r.cells.items() if k.startswith(f"{T}/")}, r.warnings


def test_a_grid_row_with_a_blank_cell_reads_its_values_under_the_headers_names() -> None:
    cells, warnings = _table_two(LINES, True)
    assert cells[f"{T}/other_services/prior_items"] is None
    assert cells[f"{T}/other_services/change"] == 13
    assert cells[f"{T}/other_services/decisions"] == 8
    assert (cells[f"{T}/coercion/prior_items"], cells[f"{T}/coercion/change"], cells[f"{T}/coercion/decisions"]) == (
        None,
        0,
        1,
    )
    named = {w.key for w in warnings if w.code == "named_columns"}
    assert named == {f"{T}/other_services", f"{T}/coercion"}


def test_rows_printing_every_cell_read_as_before() -> None:
    cells, warnings = _table_two(LINES, True)
    assert [cells[f"{T}/licensing/{c}"] for c in ("prior_items", "change", "decisions")] == [0, 0, 1962]
    assert [cells[f"{T}/penalty/{c}"] for c in ("prior_items", "change", "decisions")] == [2, 0, 0]
    assert not [w for w in warnings if w.code == "named_columns" and w.key in (f"{T}/licensing", f"{T}/penalty")]


def test_another_tools_text_is_read_as_before() -> None:
    """Only the scan reader's own text: another tool's TAB rows (a sheet padding a narrower table's rows) are
    right-aligned as they were."""
    cells, warnings = _table_two(LINES, False)
    assert cells[f"{T}/other_services/prior_items"] == 13
    assert not [w for w in warnings if w.code == "named_columns" and w.key == f"{T}/other_services"]


# synth_4157's first block (a 150 dpi photographed scan): 行政规范性文件's 15 read as a character (``巧``), its 34 set
# aside (digits run together read as one ``4``: ``ocr_digits_lost``), its field left empty.
BLOCK_ONE = [
    "\t".join(["第二十条第(一)项", "", "", ""]),
    "\t".join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
    "\t".join(["规章", "0", "0", "41"]),
    "\t".join(["行政规范性文件", "0", "巧", ""]),
]


def test_a_grid_row_with_a_cell_read_as_text_reads_its_values_under_the_headers_names() -> None:
    """As many fields as columns, one of them text that is no number: right alignment refuses the row (until version
    171 its lone 0 was then put under 现行有效件数, where 34 is printed); each value is read under the name above it,
    the text's cell left blank and said."""
    cells, warnings = _table_two(BLOCK_ONE, True, "2021")
    docs = [cells[f"{T}/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")]
    assert docs == [0, None, None]
    assert [cells[f"{T}/rules/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 41]
    said = [w for w in warnings if w.key == f"{T}/normative_docs"]
    assert {w.code for w in said} >= {"named_columns", "unreadable_cell"}
    assert any("巧" in w.message for w in said if w.code == "unreadable_cell")


# synth_4163's first block (a 150 dpi scan under a stamp): 本年废止件数 read 本年废上件数 (a header cell naming no
# column), 规章's 本年制发件数 printed ``—`` (a dash the engine lost: an empty field), a trailing blank field.
MISREAD_HEAD = [
    "\t".join(["第二十条第(一)项", "", "", "", ""]),
    "\t".join(["信息内容", "本年制发件数", "本年废上件数", "现行有效件效", ""]),
    "\t".join(["规章", "", "1", "1", ""]),
    "\t".join(["行政规范性文件", "0", "1", "34", ""]),
]


def test_a_header_cell_naming_no_column_is_the_one_column_left_where_it_stands() -> None:
    """The header names 本年制发件数 and 现行有效件数, its middle cell nothing: that cell is 本年废止件数
    (the template's order), and 规章's two values are read under their fields (until version 173 under the two
    named columns: a 1 read as 本年制发件数, printed as a dash)."""
    cells, warnings = _table_two(MISREAD_HEAD, True, "2021")
    assert [cells.get(f"{T}/rules/{c}") for c in ("issued", "repealed", "in_force")] == [None, 1, 1]
    assert [cells[f"{T}/normative_docs/{c}"] for c in ("issued", "repealed", "in_force")] == [0, 1, 34]
    said = [w.message for w in warnings if w.key == f"{T}/rules"]
    assert any("本年废上件数" in m for m in said)
    assert any("taken for repealed" in m for m in said)


def test_a_header_cell_naming_no_column_out_of_the_templates_order_is_not_taken() -> None:
    """The unnamed cell after 现行有效件数, where the template puts no column: the header is read as before."""
    lines = [
        "\t".join(["信息内容", "本年制发件数", "现行有效件数", "本年废上件数", ""]),
        *MISREAD_HEAD[2:],
    ]
    _, warnings = _table_two([MISREAD_HEAD[0], *lines], True, "2021")
    assert not any("taken for" in w.message or "names no column" in w.message for w in warnings)


def test_a_header_cell_naming_no_column_is_not_taken_for_a_row_of_other_fields() -> None:
    """A row whose line has fewer fields than the header line: not read under the fields, so the header is read
    as before (its two named columns)."""
    lines = [*MISREAD_HEAD[:2], "\t".join(["规章", "1", "1"]), MISREAD_HEAD[3]]
    cells, warnings = _table_two(lines, True, "2021")
    assert not any("names no column" in w.message for w in warnings if w.key == f"{T}/rules")
    assert (cells.get(f"{T}/rules/issued"), cells.get(f"{T}/rules/in_force")) == (1, 1)

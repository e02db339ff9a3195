"""Tables as text laid out from a PDF (``pdftotext -layout``, PyMuPDF's sorted text) in narrow columns: header
cells wrapped a few characters a line, labels wrapped around their row's values, cells printed against the text
beside them, blank cells lost. Snippets written by hand on the national 2021 template, in the shapes the
synthetic reports' tuning part shows (``scripts/synth_reports.py``); cells asserted against the values written
here, and the warnings too.
"""

from __future__ import annotations

import snippets as s

from parsers import parse

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
REVIEW = [f"{row}/{c}" for row in ("review", "litigation_direct", "litigation_after_review") for c in
          ("upheld", "corrected", "other", "pending", "total")]  # fmt: skip

# table 二 printed in narrow columns: pdftotext sets a cell's fragments a line apart, and the fragments after other
# text on their line a few columns left of the ones above them (``信息内 新制`` under ``本年``)
ACTIVE_NARROW = """二、主动公开政府信息情况
  第二十条第（一）项
        本年 本年 对外
信息内 新制 新公 公开
    容   作数 开数 总数
        量    量    量

规章      0    1     1

行政规范性文件     1    8     0

    第二十条第（五）项

        上一        本年
             本年
信息内 年项            处理
             增/
    容   目数        决定
             减
        量         数量

行政许可      7    -2     30

其他对外管理服务事项      58   0    400

  第二十条第（六）项
信息内容    上一年项目数量    本年增/减  本年处理决定数量
行政处罚      5415            -18        7139
行政强制    236               17          0
  第二十条第（八）项
信息内容    上一年项目数量    本年增/减
行政事业性收费    14   -12
  第二十条第（九）项
信息内容    采购项目数量    采购总金额
政府集中采购    10   25.28
"""


def _parse(text: str):
    return parse(text.encode("utf-8"), "report.txt")


def _active(cells: dict, row: str, cols: tuple[str, ...]) -> list:
    return [cells.get(f"active/{row}/{c}") for c in cols]


def test_active_header_cells_wrapped_a_fragment_a_line() -> None:
    report = _parse(s.to_spaces(s.report(active="")).replace("三、收到", ACTIVE_NARROW + "三、收到", 1))
    cells = report.as_json()["cells"]
    made = ("new_made", "new_published", "total_published")
    assert _active(cells, "rules", made) == [0, 1, 1]
    assert _active(cells, "normative_docs", made) == [1, 8, 0]
    items = ("prior_items", "change", "decisions")
    assert _active(cells, "licensing", items) == [7, -2, 30]
    assert _active(cells, "other_services", items) == [58, 0, 400]
    assert _active(cells, "penalty", items) == [5415, -18, 7139]
    assert "header_columns" not in [w.code for w in report.warnings]


def test_active_row_label_printed_against_the_header() -> None:
    """PyMuPDF's sorted text joins the header's last cell and the row's label on one line."""
    glued = ACTIVE_NARROW.replace(
        "信息内容    上一年项目数量    本年增/减\n行政事业性收费    14   -12\n",
        "信息内容   上一年项目数量      本年增/减行政事业性收费       14                  -12\n",
    )
    report = _parse(s.to_spaces(s.report(active="")).replace("三、收到", glued + "三、收到", 1))
    assert _active(report.as_json()["cells"], "fees", ("prior_items", "change")) == [14, -12]
    [warned] = [w for w in report.warnings if w.code == "glued_label"]
    assert warned.key == "active/fees" and "本年增/减" in warned.message


REVIEW_HEAD = """四、政府信息公开行政复议、行政诉讼情况

    行政复议                                行政诉讼
"""


def test_review_row_short_of_cells_placed_under_the_header() -> None:
    """Table 四's row printed without its blank cells: where they were is read from the laid-out header."""
    # the row starts under the header's first column: its last five cells are the blank ones
    flush = REVIEW_HEAD + (
        "结   结   其   尚   总   未经复议直接起诉                    复议后起诉\n"
        "果   果   他   未   计\n"
        "                    结   结       其   尚   总   结   结    其   尚   总\n"
        "维   纠   结   审\n"
        "                    果   果       他   未   计   果   果    他   未   计\n"
        "持   正   果   结\n"
        "                    维   纠   结   审       维   纠   结   审\n"
        "                    持   正   果   结       持   正   果   结\n"
        "\n"
        "0   0   0   1   1   0   0   0   0   0\n"
    )
    # the row starts under the header's sixth column (its columns unevenly wide): the first five are blank
    indented = REVIEW_HEAD + (
        "                        未经复议直接起诉                   复议后起诉\n"
        "结   结   其   尚\n"
        "                    结    结   其    尚        结       结       其   尚\n"
        "果   果   他   未   总\n"
        "                    果    果   他    未   总    果       果       他   未   总\n"
        "维   纠   结   审   计\n"
        "                    维    纠   结    审   计    维       纠       结   审   计\n"
        "持   正   果   结\n"
        "                    持    正   果    结        持       正       果   结\n"
        "\n"
        "                     0   0   0    1   1    0       0       0   0   0\n"
    )
    for review, want in (
        (flush, [0, 0, 0, 1, 1, 0, 0, 0, 0, 0] + [None] * 5),
        (indented, [None] * 5 + [0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
    ):
        text = s.to_spaces(s.report(review=""))
        report = _parse(text.replace("五、存在的主要问题", review + "五、存在的主要问题", 1))
        cells = report.as_json()["cells"]
        assert [cells.get(f"review_litigation/{k}") for k in REVIEW] == want


def test_number_printed_against_the_next_rows_label() -> None:
    """PyMuPDF's sorted text prints a row's last cell against the next row's label: taken when the row's total
    then holds, and warned."""
    text = s.to_spaces(s.report()).replace(
        "（一）予以公开 3 1 0 0 1 0 5\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0",
        "（一）予以公开  3  1  0  0  1  0  5（二）部分公开（区分处理的，\n"
        "只计这一情形，不计其他情形）  0  0  0  0  0  0  0",
    )
    assert "5（二）" in text
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert [cells[f"applications/granted/{c}"] for c in COLS] == [3, 1, 0, 0, 1, 0, 5]
    assert [cells[f"applications/partially_granted/{c}"] for c in COLS] == [0] * 7
    [warned] = [w for w in report.warnings if w.code == "glued_number"]
    assert warned.key == "applications/granted" and "5" in warned.message


def test_numbered_label_wrapped_around_its_values() -> None:
    """A label cell of two lines whose row's values print, centred, between them (``3.补正`` / values /
    ``后申请内容仍不明确``): the row starts at the numbered head."""
    rows = s.default_rows()
    rows["unavailable.not_held"] = [1, 0, 0, 0, 0, 0, 1]
    rows["unavailable.unclear_after_correction"] = [1, 0, 0, 0, 0, 0, 1]
    text = s.to_spaces(s.report(apps=s.app_table(rows)))
    text = text.replace(
        "3.补正后申请内容仍不明确 1 0 0 0 0 0 1", "  3.补正\n      1   0   0   0   0   0   1\n 后申请内容仍不明确"
    )
    report = _parse(text)
    cells = report.as_json()["cells"]
    assert [cells[f"applications/unavailable.unclear_after_correction/{c}"] for c in COLS] == [1, 0, 0, 0, 0, 0, 1]
    assert [cells[f"applications/unavailable.needs_creation/{c}"] for c in COLS] == [0] * 7
    # found by its label, not by the template's order
    assert not {"unknown_row", "rows_by_order"} & {w.code for w in report.warnings}

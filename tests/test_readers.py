"""Unit tests of the readers, each on a small real-looking document built here."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from parsers.detect import detect_kind
from parsers.extracted import Extracted, UnreadableDocument
from parsers.readers import read
from parsers.readers.html import extract_page_metadata, main_content, parse_date, read_html, table_grid

RENDERED = Path(__file__).parent / "fixtures" / "rendered"


def rows(extracted: Extracted) -> list[list[str]]:
    return [line.split("\t") for line in extracted.text.split("\n") if "\t" in line]


def lines(extracted: Extracted) -> list[str]:
    return [line for line in extracted.text.split("\n") if line and "\t" not in line]


# ---------------------------------------------------------------------------------------------- HTML
TRS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>通辽市民族事务委员会2024年政府信息公开工作年度报告_通辽市人民政府</title>
<meta name="ArticleTitle" content="通辽市民族事务委员会2024年政府信息公开工作年度报告">
<meta name="PubDate" content="2025-01-16 09:12">
<meta name="ContentSource" content="通辽市民族事务委员会">
<script>var countPage = 3; document.write("分享到");</script><style>p{margin:0}</style></head>
<body>
<div class="top">欢迎访问通辽市人民政府! <a href="/login">登录/注册</a> 用户中心 微信 微博 客户端</div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="article">
<h1>通辽市民族事务委员会2024年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2025-01-16 09:12 信息来源：通辽市民族事务委员会 分享到：</div>
<div class="view TRS_UEDITOR trs_paper_default">
<p>本报告所列数据统计期限为<span>2024</span>年<span>1</span>月<font>1</font>日至<span>2024</span>年<b>12</b>月<a
href="#">31</a>日。</p>
<p><strong>一、总体情况</strong></p>
<p>依据国办公开办函〔<span>2021</span>〕<span>30</span>号要求编制。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td><span>0</span></td><td>0</td><td>0</td></tr>
</tbody></table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
</div>
<div class="tools">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">版权所有：通辽市人民政府 蒙ICP备05003328号 网站地图 联系我们</div>
</body></html>
"""


def test_html_page_chrome_is_stripped_and_inline_text_kept() -> None:
    extracted = read_html(TRS_PAGE.encode("utf-8"))
    text = extracted.text
    assert "统计期限为2024年1月1日至2024年12月31日。" in text
    assert "〔2021〕30号" in text
    for chrome in ("当前位置", "ICP备", "分享到", "欢迎访问", "关闭窗口", "countPage"):
        assert chrome not in text
    assert lines(extracted)[0] == "通辽市民族事务委员会2024年政府信息公开工作年度报告"  # the h1 outside the body
    assert rows(extracted) == [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
    ]
    assert extracted.metadata == {
        "title": "通辽市民族事务委员会2024年政府信息公开工作年度报告",
        "publisher": "通辽市民族事务委员会",
        "published": "2025-01-16",
    }


def test_html_main_content_picks_the_trs_body() -> None:
    element, score = main_content(TRS_PAGE)
    assert element is not None and "TRS_UEDITOR" in element.get("class", "")
    assert score > 10


def test_html_metadata_from_the_page_text_without_meta_tags() -> None:
    page = """<html><head><title>青山区2022年政府信息公开工作年度报告 - 包头市青山区人民政府</title></head><body>
    <div class="xxgk"><table><tr><td>发布机构</td><td>包头市青山区人民政府办公室</td></tr></table></div>
    <div class="info"><span>发布日期：</span><span>2023年2月8日</span> <span>来源：青山区</span></div>
    <div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body></html>"""
    meta = extract_page_metadata(page)
    assert meta == {
        "title": "青山区2022年政府信息公开工作年度报告",
        "publisher": "包头市青山区人民政府办公室",
        "published": "2023-02-08",
    }


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2022年3月8日", "2022-03-08"),
        ("2022-03-08 15:25", "2022-03-08"),
        ("发布时间：2013/7/2", "2013-07-02"),
        ("2022 年 12 月 31 日", "2022-12-31"),
        ("2022-13-40", None),
    ],
)
def test_parse_date(raw: str, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_html_gbk_page_with_wrong_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
        '<div class="TRS_Editor"><p>一、总体情况</p><p>2023年，鄂托克前旗收到政府信息公开申请6件。</p></div>'
        "</body></html>"
    ).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        page.decode("utf-8")
    extracted = read_html(page)
    assert "2023年，鄂托克前旗收到政府信息公开申请6件。" in extracted.text


def test_html_gbk_page_without_charset() -> None:
    page = "<html><body><p>二、主动公开政府信息情况</p><p>行政许可 1708</p></body></html>".encode("gb18030")
    assert "行政许可 1708" in read_html(page).text


def test_html_rowspan_colspan_table() -> None:
    fragment = """<table>
    <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
        <td colspan="7">申请人情况</td></tr>
    <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
    <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
    <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>
        <td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
    <tr><td>（三）不予公开</td><td>1.属于国家<br>秘密</td>
        <td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
    </table>"""
    extracted = read_html(fragment.encode("utf-8"))
    got = rows(extracted)
    assert all(len(r) == 10 for r in got)
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert got[0] == [note, "", "", "申请人情况"] + [""] * 6
    assert got[1] == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]
    assert got[2] == ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
    assert got[3] == ["三、本年度办理结果", "（一）予以公开", "", "5", "0", "0", "0", "0", "0", "5"]
    assert got[4] == ["", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]
    assert extracted.text.endswith("\n\n")  # a blank line after the table
    span = next(s for s in extracted.spans if extracted.text[s.start : s.end] == "总计")
    assert (span.table, span.row, span.col) == (0, 1, 9)


def test_html_table_grid_ignores_absurd_spans() -> None:
    from lxml import html as lxml_html

    table = lxml_html.fragment_fromstring('<table><tr><td colspan="99999">a</td></tr><tr><td>b</td></tr></table>')
    grid = table_grid(table)
    assert len(grid[0]) == 200 and grid[1][0] == "b"


def test_html_layout_table_is_not_a_data_table() -> None:
    page = """<html><body><table class="layout"><tr><td><div class="nav">首页 政务公开</div></td></tr>
    <tr><td><div id="zoom"><p>二、主动公开政府信息情况</p>
    <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>1708</td></tr></table>
    <p>三、收到和处理政府信息公开申请情况</p></div></td></tr></table></body></html>"""
    extracted = read_html(page.encode())
    assert rows(extracted) == [["信息内容", "本年处理决定数量"], ["行政许可", "1708"]]
    assert "首页" not in extracted.text


def test_html_hidden_and_script_text_dropped() -> None:
    page = """<html><body><div class="TRS_Editor"><p>一、总体情况</p><p style="display:none">隐藏的文字</p>
    <script>var x = "脚本";</script><p>正文。</p></div></body></html>"""
    text = read_html(page.encode()).text
    assert "隐藏" not in text and "脚本" not in text and "正文。" in text


def test_html_empty_page() -> None:
    with pytest.raises(UnreadableDocument) as err:
        read_html(b"<html><body><div> </div></body></html>")
    assert err.value.code == "empty"


# ---------------------------------------------------------------------------------------------- DOCX
def make_docx(*, title: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "第二十条第（一）项"
    for c, text in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        table.cell(1, c).text = text
    table.cell(2, 0).text = "规章"
    table.cell(2, 1).merge(table.cell(2, 3)).text = "7"
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    vertical = document.add_table(rows=3, cols=2)
    vertical.cell(0, 0).merge(vertical.cell(2, 0)).text = "（三）不予公开"
    for r, text in enumerate(["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"]):
        vertical.cell(r, 1).text = text
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_order_and_merged_cells() -> None:
    extracted = read(make_docx(title="测试报告"), "docx")
    assert extracted.text.split("\n") == [
        "一、总体情况",
        "第二十条第（一）项\t\t\t",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t7\t\t",
        "",
        "三、收到和处理政府信息公开申请情况",
        "（三）不予公开\t1.属于国家秘密",
        "\t2.其他法律行政法规禁止公开",
        "\t3.危及“三安全一稳定”",
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "",
    ]
    assert extracted.metadata == {"title": "测试报告"}
    assert "页眉" not in extracted.text
    first_table = [s for s in extracted.spans if s.table == 0]
    assert [(s.row, s.col) for s in first_table][:2] == [(0, 0), (1, 0)]


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
    return buf.getvalue()


def test_docx_entity_attack_refused() -> None:
    data = make_docx()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    hostile = xml.replace(b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>', 1)
    with pytest.raises(UnreadableDocument) as err:
        read(_rezip(data, {"word/document.xml": hostile}), "docx")
    assert err.value.code == "hostile"


def test_docx_zip_bomb_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import parsers.readers.package_check as package_check

    monkeypatch.setattr(package_check, "MAX_UNCOMPRESSED", 10_000)  # the real limit is 200 MB
    with pytest.raises(UnreadableDocument) as err:
        read(make_docx(), "docx")
    assert err.value.code == "too_large" and "MB" in err.value.reason


def test_docx_corrupt_and_wrong_zip() -> None:
    with pytest.raises(UnreadableDocument) as err:
        read(b"PK\x03\x04 this is not really a zip", "docx")
    assert err.value.code == "corrupt"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableDocument) as err:
        read(buf.getvalue(), "docx")
    assert err.value.code == "corrupt" and "word/document.xml" in err.value.reason


def test_docx_automatic_chinese_numbering_is_rendered() -> None:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("总体情况", 0), ("主动公开情况", 1), ("依申请公开情况", 1), ("主动公开政府信息情况", 0)]:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    document.add_paragraph("十一、不编号的段落")
    buf = io.BytesIO()
    document.save(buf)
    assert read(buf.getvalue(), "docx").text.split("\n") == [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "二、主动公开政府信息情况",
        "十一、不编号的段落",
        "",
    ]


def test_docx_number_formats() -> None:
    from parsers.readers.docx import format_number

    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "lowerLetter") == "b"


def test_docx_layout_table_is_flattened() -> None:
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "二、主动公开政府信息情况"
    inner = cell.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "信息内容", (0, 1): "本年处理决定数量", (1, 0): "行政许可", (1, 1): "1708"}.items():
        inner.cell(r, c).text = text
    buf = io.BytesIO()
    document.save(buf)
    extracted = read(buf.getvalue(), "docx")
    assert lines(extracted)[0] == "二、主动公开政府信息情况"
    assert rows(extracted) == [["信息内容", "本年处理决定数量"], ["行政许可", "1708"]]


# ---------------------------------------------------------------------------------------------- PDF
def _cjk_canvas(buf: io.BytesIO, **kwargs: Any) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(buf, **kwargs)
    c.setFont("STSong-Light", 11)
    return c


def make_pdf_with_table() -> bytes:
    buf = io.BytesIO()
    c = _cjk_canvas(buf)
    c.drawString(72, 780, "二、主动公开政府信息情况")
    xs, ys = [72, 222, 322, 422, 522], [760, 735, 710]
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for x, text in zip(xs, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], strict=False):
        c.drawString(x + 4, 744, text)
    for x, text in zip(xs, ["规章", "1", "5", "133"], strict=False):
        c.drawString(x + 4, 719, text)
    c.drawString(72, 680, "三、收到和处理政府信息公开申请情况")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_table_rows_and_text_in_reading_order() -> None:
    extracted = read(make_pdf_with_table(), "pdf")
    assert extracted.text.split("\n") == [
        "二、主动公开政府信息情况",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t1\t5\t133",
        "",
        "三、收到和处理政府信息公开申请情况",
        "",
    ]
    assert extracted.pages == 1
    assert {s.page for s in extracted.spans} == {1}


def test_pdf_table_without_ruling_keeps_its_columns_apart() -> None:
    buf = io.BytesIO()
    c = _cjk_canvas(buf)
    c.drawString(72, 780, "二、主动公开政府信息情况")
    for y, row in ((760, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]), (742, ["规章", "0", "0", "0"])):
        for x, text in zip([72, 222, 352, 482], row, strict=True):
            c.drawString(x, y, text)
    c.save()
    got = read(buf.getvalue(), "pdf").text.split("\n")
    assert got[0] == "二、主动公开政府信息情况"
    assert [re.split(r"\s{2,}", line) for line in got[1:3]] == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
    ]


def test_pdf_row_whose_label_spans_a_blank_row_of_values_is_one_row() -> None:
    from parsers.readers.pdf import _table

    box = (0.0, 0.0, 500.0, 100.0)
    # the label cell spans two grid rows (None: covered), the value column cut in two: blank, then the value
    t = _table([["信息内容", "本年处理决定数量"], ["行政处罚", "451"], ["行政强制", ""], [None, "0"]], box)
    assert t is not None and t.rows == [["信息内容", "本年处理决定数量"], ["行政处罚", "451"], ["行政强制", "0"]]
    # not when the row above prints a value there (two values under one label stay two rows) …
    t = _table([["规章", "1", "5"], [None, "2", "6"]], box)
    assert t is not None and t.rows == [["规章", "1", "5"], ["", "2", "6"]]
    # … nor under a header whose spanning cell is not a label (the row above prints in the spanned columns)
    t = _table([["（本列数据的勾稽关系）", None, "申请人情况", None], [None, None, "自然人", "法人"]], box)
    assert t is not None and len(t.rows) == 2


def test_pdf_fake_bold_is_not_doubled() -> None:
    buf = io.BytesIO()
    c = _cjk_canvas(buf)
    for dx in (0, 0.3):  # a "bold" heading drawn twice, a hair apart
        c.drawString(72 + dx, 700, "二、主动公开政府信息情况")
    c.drawString(72, 680, "正文。")
    c.save()
    assert read(buf.getvalue(), "pdf").text == "二、主动公开政府信息情况\n正文。\n"


def test_pdf_encrypted() -> None:
    buf = io.BytesIO()
    c = _cjk_canvas(buf, encrypt="secret")
    c.drawString(72, 700, "一、总体情况")
    c.save()
    with pytest.raises(UnreadableDocument) as err:
        read(buf.getvalue(), "pdf")
    assert err.value.code == "encrypted"


def test_pdf_image_only_without_text_is_no_text() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(image), 72, 600, width=400, height=200)
    c.showPage()
    c.drawImage(ImageReader(image), 72, 600, width=400, height=200)
    c.save()
    with pytest.raises(UnreadableDocument) as err:
        read(buf.getvalue(), "pdf")
    assert err.value.code == "no_text" and "2 page(s)" in err.value.reason  # read by OCR, which found nothing


def test_pdf_blank_page_is_not_read_by_ocr() -> None:
    """A page with nothing printed on it (LibreOffice leaves one before an HTML page's body) is noted and
    skipped: OCR on it would find nothing, cost a second, and mark the report as OCR'd."""
    buf = io.BytesIO()
    c = _cjk_canvas(buf)
    c.showPage()  # page 1: blank
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "一、总体情况")
    c.showPage()
    c.showPage()  # page 3: blank
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "二、主动公开政府信息情况")
    c.showPage()
    c.save()
    extracted = read(buf.getvalue(), "pdf")
    assert extracted.pages == 4 and not extracted.ocr
    assert "一、总体情况" in extracted.text and "二、主动公开政府信息情况" in extracted.text
    assert any("page(s) 1, 3 empty" in note for note in extracted.notes), extracted.notes


def test_pdf_of_blank_pages_only_is_empty() -> None:
    buf = io.BytesIO()
    c = _cjk_canvas(buf)
    c.showPage()
    c.showPage()
    c.save()
    with pytest.raises(UnreadableDocument) as err:
        read(buf.getvalue(), "pdf")
    assert err.value.code == "empty" and "all empty" in err.value.reason


def test_pdf_corrupt_and_empty() -> None:
    with pytest.raises(UnreadableDocument) as err:
        read(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "pdf")
    assert err.value.code == "corrupt"
    truncated = make_pdf_with_table()[:300]
    with pytest.raises(UnreadableDocument) as err:
        read(truncated, "pdf")
    assert err.value.code == "corrupt"
    with pytest.raises(UnreadableDocument) as err:
        read(b"", "pdf")
    assert err.value.code == "empty"


def test_pdf_row_cut_by_a_page_break_is_joined() -> None:
    from parsers.readers.pdf import _is_fragment

    prev = ["", "", "3.危及“三安全一稳", "0", "0", "0", "0", "0", "0", "0"]
    assert _is_fragment(prev, ["", "", "定”", "", "", "", "", "", "", ""])
    assert not _is_fragment(prev, ["", "", "4.保护第三方合法权益", "12", "0", "0", "0", "0", "0", "12"])
    assert not _is_fragment(["规章", "0", "0", "0"], ["", "1", "", ""])


def test_pdf_pages_are_not_kept_alive() -> None:
    """A page's glyphs are dropped once the page is read: none survives the read, even with the cyclic garbage
    collector off (the reader pauses it, so a reference cycle would keep every page's glyphs until the end)."""
    import gc

    from parsers.readers.pdfium_page import PageContent

    data = (RENDERED / "002_153f5bf49180240b.pdf").read_bytes()
    gc.collect()
    gc.disable()
    try:
        extracted = read(data, "pdf")
        alive = [o for o in gc.get_objects() if isinstance(o, PageContent)]
    finally:
        gc.enable()
    assert extracted.pages and extracted.pages > 5
    assert alive == []


def test_pdf_reading_in_threads() -> None:
    """The crawler parses attachments in worker threads and PDFium is not thread-safe: concurrent reads are
    serialised (``PDFIUM_LOCK``) and read exactly as one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    datas = [p.read_bytes() for p in sorted(RENDERED.glob("*.pdf"))]
    alone = [read(d, "pdf").text for d in datas]
    with ThreadPoolExecutor(max_workers=8) as pool:  # without the lock this crashes the process (SIGSEGV)
        together = list(pool.map(lambda d: read(d, "pdf").text, datas * 12))
    assert together == alone * 12


def test_pdf_rendered_fixture_keeps_split_rows_whole() -> None:
    path = RENDERED / "004_779f9be447f66d1d.pdf"
    extracted = read(path.read_bytes(), "pdf")
    labels = [r[2] for r in rows(extracted) if len(r) == 10]
    assert "3.危及“三安全一稳定”" in labels
    assert "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in labels
    assert extracted.pages and extracted.pages > 1


# ---------------------------------------------------------------------------------------------- sheets
def make_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "主动公开"
    ws.append(["第二十条第（八）项", None, None])
    ws.merge_cells("A1:C1")
    ws.append(["信息内容", "本年收费金额（单位：万元）", None])
    ws.append(["行政事业性收费", 113369.3126, None])
    ws.append(["行政许可", 5.0, 197535])
    ws.append([None, None, None])
    ws.append(["多行\n标签", "0.1", None])
    wb.create_sheet("空表")
    second = wb.create_sheet("复议")
    second.append(["行政复议", None])
    second.append([1, 2])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_numbers_as_written_and_sheets_as_tables() -> None:
    extracted = read(make_xlsx(), "xlsx")
    assert extracted.kind == "xlsx"
    assert extracted.text.split("\n") == [
        "第二十条第（八）项\t\t",
        "信息内容\t本年收费金额（单位：万元）\t",
        "行政事业性收费\t113369.3126\t",
        "行政许可\t5\t197535",
        "多行标签\t0.1\t",
        "",
        "行政复议\t",
        "1\t2",
        "",
        "",
    ]
    assert {s.table for s in extracted.spans} == {0, 1}


def test_sheet_format_value() -> None:
    from parsers.readers.sheet import format_value

    assert format_value(5.0) == "5"
    assert format_value(2772661.517) == "2772661.517"
    assert format_value(None) == ""
    assert format_value(True) == "TRUE"


def test_xlsx_corrupt_and_empty() -> None:
    import openpyxl

    with pytest.raises(UnreadableDocument) as err:
        read(b"PK\x03\x04 broken", "xlsx")
    assert err.value.code == "corrupt"
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    with pytest.raises(UnreadableDocument) as err:
        read(buf.getvalue(), "xlsx")
    assert err.value.code == "empty"


# ---------------------------------------------------------------------------------------------- DOC / WPS
needs_converters = pytest.mark.skipif(
    not (shutil.which("antiword") and shutil.which("soffice")), reason="antiword and LibreOffice are needed"
)


def test_antiword_table_rows() -> None:
    from parsers.readers.office import antiword_extracted

    extracted = antiword_extracted("二、主动公开政府信息情况\n\n|信息内容 |本年制发件数 |\n|规章 |0 |\n正文\n", "doc")
    expected = ["二、主动公开政府信息情况", "信息内容\t本年制发件数", "规章\t0", "", "正文", ""]
    assert extracted.text.split("\n") == expected


@needs_converters
def test_doc_reads_text_and_merged_tables() -> None:
    extracted = read((RENDERED / "003_b42612b20553a5ab.doc").read_bytes(), "doc")
    assert extracted.kind == "doc"
    assert "二、主动公开政府信息情况" in extracted.text
    assert ["规章", "0", "0", "0"] in rows(extracted)
    assert ["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9 in rows(extracted)


@needs_converters
def test_wps_through_libreoffice() -> None:
    # LibreOffice cannot write Kingsoft WPS, so this fixture is the rendered DOC (Word 97 format) saved under the
    # .wps name -- which is what a Kingsoft .wps file is (an OLE2 file in the Word binary format). What is tested
    # here is the WPS path: detection by name for OLE ties, then conversion by LibreOffice to DOCX.
    data = (RENDERED / "003_b42612b20553a5ab.wps").read_bytes()
    assert detect_kind(data, "report.wps") == "wps"
    extracted = read(data, "wps")
    assert extracted.kind == "wps"
    assert any("LibreOffice" in note for note in extracted.notes)
    assert ["规章", "0", "0", "0"] in rows(extracted)


def test_doc_not_ole_and_missing_converters(monkeypatch: pytest.MonkeyPatch) -> None:
    import parsers.readers.office as office

    with pytest.raises(UnreadableDocument) as err:
        read(b"plain text pretending to be a doc", "doc")
    assert err.value.code == "corrupt"
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    ole = (RENDERED / "003_b42612b20553a5ab.doc").read_bytes()
    with pytest.raises(UnreadableDocument) as err:
        read(ole, "doc")
    assert err.value.code == "no_converter" and "antiword" in err.value.reason
    with pytest.raises(UnreadableDocument) as err:
        read(ole, "wps")
    assert err.value.code == "no_converter" and "soffice" in err.value.reason


# ---------------------------------------------------------------------------------------------- detection
@pytest.mark.parametrize(
    ("maker", "kind"),
    [
        (lambda: TRS_PAGE.encode("utf-8"), "html"),
        (make_pdf_with_table, "pdf"),
        (make_docx, "docx"),
        (make_xlsx, "xlsx"),
        (lambda: (RENDERED / "003_b42612b20553a5ab.doc").read_bytes(), "doc"),
        (lambda: "一、总体情况\n二、主动公开政府信息情况\n".encode(), "text"),
    ],
)
@pytest.mark.parametrize("name", [None, "report.pdf", "报告.docx", "a.html", "b.xlsx", "c.txt"])
def test_detection_from_bytes_not_name(maker: object, kind: str, name: str | None) -> None:
    assert detect_kind(maker(), name) == kind  # type: ignore[operator]


def test_empty_file_is_unreadable() -> None:
    for data in (b"", b"   \n"):
        with pytest.raises(UnreadableDocument) as err:
            detect_kind(data, "report.pdf")
        assert err.value.code == "empty"
    for kind in ("html", "docx", "pdf", "xlsx", "doc", "wps"):
        with pytest.raises(UnreadableDocument) as err:
            read(b"", kind)
        assert err.value.code == "empty", kind

"""OFD documents (GB/T 33190, parsers/readers/ofd.py): the rendered seeds converted by a real writer
(``scripts/build_ofd_fixtures.py``: easyofd) read against the seeds' hand-read gold, and small packages written
here for what that writer never produces (the standard's namespace, a ruled table, a CTM, templates, turned text)."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import FIXTURES, gold, off_gold

from parsers import UnreadableDocument, parse
from parsers.detect import detect_kind

OFDS = sorted((FIXTURES / "ofd").glob("*.easyofd.ofd"))
# easyofd drops the text past the page's right edge: seed 003's table 四 runs past it (its last five columns)
CLIPPED = {"003_b42612b20553a5ab": "review_litigation/"}


@pytest.mark.parametrize("path", OFDS, ids=[p.name for p in OFDS])
def test_a_converted_report_reads_every_gold_cell_it_prints(path) -> None:
    data = path.read_bytes()
    assert detect_kind(data, path.name) == "ofd"
    report = parse(data, path.name)
    stem = path.name.split(".")[0]
    off = off_gold(report, stem)
    assert report.metadata["source_kind"] == "ofd"
    assert any(w.code == "ofd_scaled" for w in report.warnings)  # the writer's unit error, named
    if stem in CLIPPED:
        assert off and all(k.startswith(CLIPPED[stem]) and read is None for k, (_, read) in off.items()), off
        assert report.metadata["review"] == "required"
    else:
        assert not off, off
    assert len(OFDS) == 5


def test_a_scan_saved_as_ofd_is_read_by_ocr() -> None:
    # easyofd's jpg2ofd: seed 001's page 2 at 200 dpi as a JPEG page image (the end of table 二, table 三)
    path = FIXTURES / "ofd" / "001_641fc7d161c03c36-p2.scan.ofd"
    report = parse(path.read_bytes(), path.name)
    assert report.metadata["source_kind"] == "ofd" and report.metadata["ocr"] is True
    want = gold("001_641fc7d161c03c36")["cells"]
    read = {k: v for k, v in report.as_json()["cells"].items() if v is not None}
    assert sum(1 for k, v in read.items() if want.get(k) == v) >= 80
    assert not [k for k, v in read.items() if k in want and want[k] != v]
    assert report.metadata["review"] == "required"  # half a report: rows and tables missing


def test_glyphs_drawn_as_outlines_are_drawn_and_read_by_ocr() -> None:
    # pdf2ofd writes no text: every glyph a filled outline. Seed 001's page 2 (the end of table 二, table 三)
    path = FIXTURES / "ofd" / "001_641fc7d161c03c36-p2.pdf2ofd.ofd"
    report = parse(path.read_bytes(), path.name)
    assert report.metadata["source_kind"] == "ofd" and report.metadata["ocr"] is True
    assert "ofd_outlines" in [w.code for w in report.warnings]
    want = gold("001_641fc7d161c03c36")["cells"]
    read = {k: v for k, v in report.as_json()["cells"].items() if v is not None}
    assert sum(1 for k, v in read.items() if want.get(k) == v) >= 70  # 77 read right (the page's scan: 84)
    assert not [k for k, v in read.items() if k in want and want[k] != v]


def test_even_odd_filling_keeps_a_glyphs_counter_open() -> None:
    from PIL import Image

    from parsers.readers.ofd_render import Shape, render

    # a square ring: the outer and the inner square as two subpaths of one filled path (口)
    ring = Shape(
        True,
        False,
        0.0,
        [[(10, 10), (50, 10), (50, 50), (10, 50), (10, 10)], [(20, 20), (40, 20), (40, 40), (20, 40), (20, 20)]],
    )
    image = Image.open(io.BytesIO(render(72, 72, [ring]))).convert("L")
    scale = 200 / 72
    assert image.getpixel((round(15 * scale), round(30 * scale))) == 0  # the ring is ink
    assert image.getpixel((round(30 * scale), round(30 * scale))) == 255  # its counter is paper
    assert image.getpixel((round(60 * scale), round(60 * scale))) == 255


NS = "http://www.ofdspec.org/2016"


def _package(content: str, *, template: str | None = None, doc_root: str = "Doc_0/Document.xml") -> bytes:
    """An OFD package in the standard's namespace: one page whose content is ``content`` (objects in a layer)."""
    templates = '<ofd:TemplatePage ID="90" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    use = '<ofd:Template TemplateID="90" ZOrder="Background"/>' if template else ""
    parts = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        f"<ofd:Title>测试局2023年政府信息公开工作年度报告</ofd:Title></ofd:DocInfo>"
        f"<ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{templates}</ofd:CommonData>"
        f'<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f'<ofd:Page xmlns:ofd="{NS}">{use}<ofd:Content>'
        f'<ofd:Layer ID="2">{content}</ofd:Layer></ofd:Content></ofd:Page>',
    }
    if template:
        parts["Doc_0/Tpls/Tpl_0/Content.xml"] = (
            f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="3">{template}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buffer.getvalue()


def _text(x: float, y: float, text: str, *, size: float = 3.7, deltas: str | None = None, ctm: str = "") -> str:
    step = f' DeltaX="{deltas}"' if deltas is not None else ""
    matrix = f' CTM="{ctm}"' if ctm else ""
    return (
        f'<ofd:TextObject ID="5" Boundary="{x} {y} 150 6" Font="4" Size="{size}"{matrix}>'
        f'<ofd:TextCode X="0" Y="{size}"{step}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return (
        f'<ofd:PathObject ID="6" Boundary="0 0 210 297" LineWidth="0.25">'
        f"<ofd:AbbreviatedData>M {x0} {y0} L {x1} {y1}</ofd:AbbreviatedData></ofd:PathObject>"
    )


def _ruled_table() -> str:
    """Table 二's first block, ruled: three rows of four cells between lines 40 mm apart."""
    rows = [
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "3", "1", "12"),
    ]
    out = [_text(20, 24, "二、主动公开政府信息情况"), _text(20, 32, "第二十条第（一）项")]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            # CJK glyphs a full size apart written as ``g n d``; digits half a size apart, listed one by one
            deltas = f"g {len(cell) - 1} 3.7" if not cell.isdigit() else " ".join(["1.85"] * (len(cell) - 1))
            out.append(_text(22 + 40 * c, 42 + 10 * r, cell, deltas=deltas))
    for r in range(4):
        out.append(_line(20, 40 + 10 * r, 180, 40 + 10 * r))
    for c in range(5):
        out.append(_line(20 + 40 * c, 40, 20 + 40 * c, 70))
    return "".join(out)


def test_a_ruled_table_in_the_standard_namespace_reads_as_cells() -> None:
    report = parse(_package(_ruled_table()), "report.ofd")
    assert report.metadata["title"].startswith("测试局2023年")
    lines = report.text.splitlines()
    assert "规章\t0\t0\t0" in lines
    assert "行政规范性文件\t3\t1\t12" in lines
    cells = report.as_json()["cells"]
    assert cells["active/rules/issued"] == 0
    assert cells["active/normative_docs/issued"] == 3
    assert cells["active/normative_docs/repealed"] == 1
    assert cells["active/normative_docs/in_force"] == 12


def test_a_rectangle_per_cell_rules_a_table_too() -> None:
    # some writers draw each cell's border as a closed rectangle (M … L … L … L … C)
    content = [_text(22, 42, "行政许可", deltas="g 3 3.7"), _text(62, 42, "4", deltas="")]
    for c in range(2):
        x = 20 + 40 * c
        content.append(
            f'<ofd:PathObject ID="7" Boundary="{x} 40 40 10"><ofd:AbbreviatedData>M 0 0 L 40 0 L 40 10 L 0 10 C'
            f"</ofd:AbbreviatedData></ofd:PathObject>"
        )
    content.append(_text(22, 52, "行政处罚", deltas="g 3 3.7"))
    content.append(_text(62, 52, "7", deltas=""))
    for c in range(2):
        x = 20 + 40 * c
        content.append(
            f'<ofd:PathObject ID="8" Boundary="{x} 50 40 10"><ofd:AbbreviatedData>M 0 0 L 40 0 L 40 10 L 0 10 C'
            f"</ofd:AbbreviatedData></ofd:PathObject>"
        )
    report = parse(_package("".join(content)), "report.ofd")
    assert "行政许可\t4" in report.text.splitlines()
    assert "行政处罚\t7" in report.text.splitlines()


def test_a_ctm_scales_the_glyphs_and_a_template_is_drawn_under_the_page() -> None:
    # the glyphs written at half size and scaled up by the CTM: they sit where the unscaled ones would
    body = _text(20, 30, "第一行文字", size=7.4, deltas="g 4 7.4", ctm="0.5 0 0 0.5 0 0")
    body += _text(20, 40, "第二行文字", deltas="g 4 3.7")
    report = parse(_package(body, template=_text(20, 10, "测试局文件", deltas="g 4 3.7")), "report.ofd")
    lines = [line for line in report.text.splitlines() if line.strip()]
    assert lines[:3] == ["测试局文件", "第一行文字", "第二行文字"]
    assert not any(w.code == "ofd_scaled" for w in report.warnings)  # 3.7 mm glyphs: no unit error


def test_text_without_deltas_steps_by_its_size_and_turned_text_is_left_out() -> None:
    body = _text(20, 30, "总体情况", deltas=None)  # no DeltaX: a CJK glyph steps by its size
    body += _text(20, 40, "水印", deltas="g 1 3.7", ctm="0 1 -1 0 0 0")  # turned a quarter: a watermark
    report = parse(_package(body), "report.ofd")
    assert "总体情况" in report.text.splitlines()
    assert "水印" not in report.text


def test_what_is_no_readable_ofd_fails_with_its_reason() -> None:
    with pytest.raises(UnreadableDocument, match=r"part Doc_0/Missing\.xml is missing") as missing:
        parse(_package(_text(20, 30, "文字"), doc_root="Doc_0/Missing.xml"), "report.ofd")
    assert missing.value.code == "corrupt"
    image = '<ofd:ImageObject ID="9" Boundary="0 0 210 297" ResourceID="12"/>'
    with pytest.raises(UnreadableDocument, match="no text and no page image") as scan:  # its image is not in it
        parse(_package(image), "scan.ofd")
    assert scan.value.code == "empty"
    with pytest.raises(UnreadableDocument, match="names no document"):
        parse(_package(_text(20, 30, "文字"), doc_root=""), "report.ofd")


def test_hostile_counts_and_numbers_ask_for_nothing() -> None:
    # a step repeated a trillion times, an X that is no number, a size of 1e999: read as far as the text goes
    body = (
        '<ofd:TextObject ID="5" Boundary="20 30 150 6" Font="4" Size="1e999">'
        '<ofd:TextCode X="abc" Y="3.7" DeltaX="g 1000000000000 3.7">总体情况</ofd:TextCode></ofd:TextObject>'
    )
    report = parse(_package(body), "report.ofd")
    assert "总体情况" in report.text.splitlines()


def test_a_page_of_little_text_keeps_its_box() -> None:
    # a last page of one short line at the top left, set in real sizes: its box is the page's, not the glyphs'
    import xml.etree.ElementTree as ET

    from parsers.readers.ofd import MM, _page_content

    page = ET.fromstring(
        f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="2">{_text(20, 20, "附件", deltas="g 1 3.7")}'
        "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    content, _, _ = _page_content(None, page, {}, (0.0, 0.0, 210.0, 297.0))  # type: ignore[arg-type]
    assert (round(content.width / MM), round(content.height / MM)) == (210, 297)


def test_a_scanned_page_among_text_pages_is_read_by_ocr_in_its_place() -> None:
    # easyofd's conversion of seed 001 whose page 2 is its 200-dpi print: text pages 1, 3, 4 and an image page, the
    # image placed in millimetres in a page box written in points (the writer's unit error, named)
    path = FIXTURES / "ofd" / "001_641fc7d161c03c36-p2scan.mixed.ofd"
    report = parse(path.read_bytes(), path.name)
    assert report.metadata["source_kind"] == "ofd" and report.metadata["ocr"] is True
    notes = [w.message for w in report.warnings]
    assert any("page(s) 2 are page images without text and were read by OCR" in n for n in notes), notes
    assert any(w.code == "ofd_scaled" and "read as points" in w.message for w in report.warnings)
    assert "images_not_read" not in [w.code for w in report.warnings]
    off = off_gold(report, "001_641fc7d161c03c36")
    assert not off, off  # page 2's tables (the end of table 二, table 三) read in their place between pages 1 and 3

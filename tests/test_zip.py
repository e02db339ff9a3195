"""Zip archives posted as attachments (parsers/readers/archive.py): rendered seeds zipped by Info-ZIP and by
libarchive (``scripts/build_zip_fixtures.py``), read against the seeds' hand-read gold."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import FIXTURES, off_gold

from parsers import UnreadableDocument, parse
from parsers.detect import detect_kind
from parsers.extracted import Extracted
from parsers.readers import ocr as ocr_reader
from parsers.readers.archive import member_name, same_report

ZIPS = FIXTURES / "zip"


def _codes(report) -> list[str]:
    return [w.code for w in report.warnings]


def _note(report, code: str) -> str:
    return next(w.message for w in report.warnings if w.code == code)


def test_the_report_beside_a_read_me_is_read_and_named() -> None:
    data = (ZIPS / "report-and-readme.zip").read_bytes()
    assert detect_kind(data, "附件.zip") == "zip"
    report = parse(data, "附件.zip")
    assert not off_gold(report, "003_b42612b20553a5ab")
    assert report.metadata["source_kind"] == "pdf"
    note = _note(report, "zip_member")
    # Info-ZIP's UTF-8 names without the zip's flag, read as their writer meant them
    assert note.startswith("read 青山区2022年政府信息公开工作年度报告.pdf (pdf,")
    assert "说明.txt (text, 0 of" in note
    assert "zip_several_reports" not in _codes(report)
    alone = parse(next((FIXTURES / "rendered").glob("003_*.pdf")).read_bytes(), "report.pdf")
    assert report.metadata["review"] == alone.metadata["review"]


def test_gbk_names_and_a_copy_in_another_format() -> None:
    report = parse((ZIPS / "gbk-copies.zip").read_bytes(), "附件.zip")
    assert not off_gold(report, "004_779f9be447f66d1d")
    note = _note(report, "zip_member")
    # the DOCX is read before its PDF copy (a structured format's cells are the document's own)
    assert note.startswith("read 2021年度报告.docx (docx,")
    assert "2021年度报告（PDF版）.pdf (pdf, " in note and "a copy of it" in note
    assert "zip_several_reports" not in _codes(report)


def test_two_reports_in_one_archive_are_named() -> None:
    report = parse((ZIPS / "two-reports.zip").read_bytes(), "附件.zip")
    assert "zip_several_reports" in _codes(report)
    read = _note(report, "zip_member").split(" ")[1]
    other = "乙单位年报.docx" if read == "甲单位年报.docx" else "甲单位年报.docx"
    assert read in ("甲单位年报.docx", "乙单位年报.docx")
    assert other in _note(report, "zip_several_reports")
    assert not off_gold(report, "000_ac91ced63409bf38" if read == "甲单位年报.docx" else "001_641fc7d161c03c36")
    assert report.metadata["review"] != "none"


def test_an_encrypted_member_is_named_in_the_error() -> None:
    with pytest.raises(UnreadableDocument, match=r"no readable report: 年报\.pdf \(not read: RuntimeError") as err:
        parse((ZIPS / "encrypted.zip").read_bytes(), "附件.zip")
    assert err.value.code == "unknown_kind"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buffer.getvalue()


def test_an_archive_without_a_report_is_no_report() -> None:
    readme = "请下载附件查看。".encode()
    inner = _zip({"a.txt": b"x"})
    with pytest.raises(UnreadableDocument, match="no member prints the annual report") as err:
        parse(_zip({"说明.txt": readme, "__MACOSX/._说明.txt": b"\0\0", "inner.zip": inner}), "附件.zip")
    assert err.value.code == "no_report"
    assert "inner.zip (not read: an archive inside the archive)" in str(err.value)
    assert "__MACOSX" not in str(err.value)


def test_office_packages_of_other_kinds_are_not_archives() -> None:
    for marker in ("[Content_Types].xml", "mimetype"):
        with pytest.raises(UnreadableDocument, match="office package") as err:
            detect_kind(_zip({marker: b"x", "ppt/presentation.xml": b"<p/>"}))
        assert err.value.code == "unknown_kind"


def test_names_and_copies() -> None:
    gbk = zipfile.ZipInfo("年报.pdf".encode("gbk").decode("cp437"))
    assert member_name(gbk) == "年报.pdf"
    flagged = zipfile.ZipInfo("年报.pdf")
    flagged.flag_bits |= 0x800
    assert member_name(flagged) == "年报.pdf"
    assert same_report("收到 12 件，办结 10 件，2 件结转", "收到12件 办结10件 结转2件")
    assert not same_report("收到 12 件，办结 10 件", "收到 30 件，办结 28 件")
    assert not same_report("", "")


def test_a_page_image_beside_a_report_that_prints_every_marker_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # the OCR of an image member costs seconds; it cannot be the report where a member read from its own text prints
    # all twelve markers (it would tie at best and rank below), so it is read last and here not at all
    ocr: list[int] = []

    def counted(data: bytes) -> Extracted:
        ocr.append(len(data))
        return Extracted("image", "扫描件", ocr=True)

    monkeypatch.setattr(ocr_reader, "read_image", counted)
    png = (FIXTURES / "scans" / "001_641fc7d161c03c36-200-clean-p1.png").read_bytes()
    full = next((FIXTURES / "rendered").glob("001_*.docx")).read_bytes()  # all 12 markers
    report = parse(_zip({"扫描件.png": png, "年报.docx": full}), "附件.zip")
    assert ocr == []
    assert not off_gold(report, "001_641fc7d161c03c36")
    note = _note(report, "zip_member")
    assert note.startswith("read 年报.docx (docx, 12 of 12")
    assert "扫描件.png (image, not read: 年报.docx (docx) prints all 12 report markers" in note
    # a report that prints fewer markers could be outranked by the image's reading: the image is read, as before
    partial = next((FIXTURES / "rendered").glob("000_*.docx")).read_bytes()  # 11 of the 12
    report = parse(_zip({"扫描件.png": png, "年报.docx": partial}), "附件.zip")
    assert ocr == [len(png)]
    assert "扫描件.png (image, 0 of 12 report markers)" in _note(report, "zip_member")

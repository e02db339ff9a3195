"""Pages saved as one file (MHTML): Chromium's snapshot and an IE-style base64 ``.mht`` in GBK
(``scripts/build_mhtml_fixtures.py``), read against the seeds' hand-read gold (parsers/mhtml.py)."""

from __future__ import annotations

import email
from email.message import Message
from typing import Any

import pytest
from conftest import FIXTURES, gold, off_gold

from parsers import UnreadableDocument, parse
from parsers.detect import detect_kind
from parsers.mhtml import is_mhtml

MHTML = sorted(p for p in (FIXTURES / "mhtml").glob("*.mht*") if "page-images" not in p.name)
COLUMN = FIXTURES / "mhtml" / "001_641fc7d161c03c36-page-images.chromium.mhtml"


@pytest.mark.parametrize("path", MHTML, ids=[p.name for p in MHTML])
def test_a_saved_page_reads_every_gold_cell(path) -> None:
    data = path.read_bytes()
    assert b"=E5=B9=B4" in data or b"Content-Transfer-Encoding: base64" in data  # the page is escaped in the file
    assert detect_kind(data, path.name) == "html"
    report = parse(data, path.name)
    stem = path.name.split(".")[0]
    off = off_gold(report, stem)
    assert not off, off
    assert "=E5" not in report.text and "=3D" not in report.text
    assert report.metadata["review"] == parse((FIXTURES / "rendered" / f"{stem}.html").read_bytes()).metadata["review"]


def test_what_is_no_saved_page_is_not_unwrapped() -> None:
    # a mail's headers without a page's content type, a report that quotes a header line: not MHTML
    assert not is_mhtml(b"MIME-Version: 1.0\nContent-Type: text/plain\n\n2022 annual report\n")
    assert not is_mhtml("报告 MIME-Version: 1.0\nContent-Type: multipart/related\n\n".encode())
    assert is_mhtml(
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=x\r\n\r\n"
    )
    # a saved page with no HTML part: a clear error, not an empty report
    empty = (
        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/gif\n"
        b"Content-Transfer-Encoding: base64\n\nR0lGODlhAQABAAAAADs=\n--b--\n"
    )
    with pytest.raises(UnreadableDocument, match="no HTML page"):
        parse(empty, "page.mht")


def test_a_saved_column_of_page_images_is_read_by_ocr() -> None:
    # Chromium's snapshot of a detail page whose report is two page images (seed 001's pages 1 and 2, scanned)
    report = parse(COLUMN.read_bytes(), COLUMN.name)
    assert report.metadata["ocr"] is True and report.warnings[0].code == "saved_page_images"
    want = gold("001_641fc7d161c03c36")["cells"]
    read = {k: v for k, v in report.as_json()["cells"].items() if v is not None}
    assert sum(1 for k, v in read.items() if want.get(k) == v) >= 80  # 87 read, all right
    assert not [k for k, v in read.items() if k in want and want[k] != v]


def test_a_saved_column_whose_images_are_not_in_the_file_is_read_as_its_html() -> None:
    data = COLUMN.read_bytes()
    cut = data.index(b"Content-Type: image/png")
    end = data.index(b"------MultipartBoundary", cut)  # the first image's part, dropped
    report = parse(data[:cut] + b"Content-Type: text/plain\r\n\r\nx\r\n" + data[end:], COLUMN.name)
    assert not report.metadata.get("ocr")
    note = next(w.message for w in report.warnings if w.code == "images_not_read")
    assert "a column of 2 page images, 1 of them not in the file" in note


def test_a_saved_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the MIME message is parsed once for the page, its column's images and the HTML read (parsers/readers/saved_page)
    calls: list[int] = []
    real = email.message_from_bytes

    def counted(data: bytes, *args: Any, **kwargs: Any) -> Message:
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(email, "message_from_bytes", counted)
    data = COLUMN.read_bytes()
    cut = data.index(b"Content-Type: image/png")
    end = data.index(b"------MultipartBoundary", cut)  # a column with an image missing: read as its HTML
    for saved in (MHTML[0].read_bytes(), data[:cut] + b"Content-Type: text/plain\r\n\r\nx\r\n" + data[end:]):
        calls.clear()
        parse(saved, "page.mhtml")
        assert len(calls) == 1

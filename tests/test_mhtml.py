"""Pages saved as one file (MHTML): Chromium's snapshot and an IE-style base64 ``.mht`` in GBK
(``scripts/build_mhtml_fixtures.py``), read against the seeds' hand-read gold (parsers/mhtml.py)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, off_gold

from parsers import UnreadableDocument, parse
from parsers.detect import detect_kind
from parsers.mhtml import is_mhtml

MHTML = sorted((FIXTURES / "mhtml").glob("*.mht*"))


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

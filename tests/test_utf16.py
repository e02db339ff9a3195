"""Text and pages saved as UTF-16 (Windows PowerShell's ``>``, Notepad's "Unicode"): read like their UTF-8 bytes,
checked against the seeds' hand-read gold (parsers/utf16.py)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, off_gold

from parsers import UnreadableDocument, parse
from parsers.detect import detect_kind
from parsers.utf16 import utf16_codec

SEED = "004_779f9be447f66d1d"


def _seed_text() -> str:
    return (FIXTURES / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "codec, crlf",
    [("utf-16", True), ("utf-16-le", False), ("utf-16-be", False), ("utf-16-le", True)],
    ids=["bom-crlf (PowerShell)", "le", "be", "le-crlf"],
)
def test_a_seed_saved_as_utf16_reads_every_gold_cell(codec: str, crlf: bool) -> None:
    text = _seed_text().replace("\n", "\r\n") if crlf else _seed_text()
    data = text.encode(codec)
    assert b"\x00" in data[:200]  # the bytes the version before refused as "binary data of an unknown kind"
    assert detect_kind(data, "report.txt") == "text"
    report = parse(data, "report.txt")
    off = off_gold(report, SEED)
    assert not off, off
    assert "\ufeff" not in report.text and "\x00" not in report.text


def test_a_page_saved_as_utf16_is_html() -> None:
    page = (
        "<html><body><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>行政许可</td><td>1708</td></tr></table></body></html>"
    )
    for codec in ("utf-16", "utf-16-le"):
        data = page.encode(codec)
        assert detect_kind(data) == "html"
    assert "1708" in parse(page.encode("utf-16"), "page.html").text


def test_what_is_not_utf16_is_left_to_the_other_rules() -> None:
    # NULs at offsets of both parities: a binary file, not text
    with pytest.raises(UnreadableDocument, match="binary data of an unknown kind"):
        parse(b"\x01\x00\x00\x02" * 64, "x.bin")
    assert utf16_codec(b"\x01\x00\x00\x02" * 64) is None
    # an odd count of bytes, or a lone surrogate, is no UTF-16 even with NULs on one side
    assert utf16_codec("年报 2023\n".encode("utf-16-le") + b"\x00") is None
    assert utf16_codec(b"\x00\xd8" + "2023 年报\n".encode("utf-16-le") * 8) is None
    # UTF-8 and GB18030 hold no NUL: untouched
    assert utf16_codec(_seed_text().encode("utf-8")) is None
    assert utf16_codec(_seed_text().encode("gb18030")) is None
    # a PDF's or an image's bytes are never read as UTF-16
    pdf = (FIXTURES / "rendered" / f"{SEED}.pdf").read_bytes()
    assert detect_kind(pdf) == "pdf"

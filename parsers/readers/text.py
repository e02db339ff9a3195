"""Plain text (such as the seeds): decoded, line ends normalised (a page break is a line end too), nothing else
touched."""

from __future__ import annotations

import re

from parsers.extracted import Extracted, UnreadableDocument
from parsers.utf16 import decode_utf16


def decode_text(data: bytes) -> str:
    """UTF-16 (with a BOM, or shown by its NULs: :mod:`parsers.utf16`), UTF-8 (with or without BOM), else GB18030 (a
    superset of GBK and GB2312)."""
    if (text := decode_utf16(data)) is not None:
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"text in no known encoding (utf-8, utf-16, gb18030): {exc}") from exc


# a form feed that no line end precedes: a page's text joined to the page before it with the form feed alone (pages
# extracted one by one and joined so: pypdfium2's page text ends in no line end), the one page's last line and the
# next page's first run together
_PAGE_RUN_ON = re.compile(r"(?<!\n)\f")


def read_text(data: bytes) -> Extracted:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:  # a page break is a line break too: the line end poppler prints before its form feed, put in
        text = _PAGE_RUN_ON.sub("\n\f", text)
    if not text.strip():
        raise UnreadableDocument("empty document", code="empty")
    return Extracted(kind="text", text=text)

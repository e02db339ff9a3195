"""Plain text (such as the seeds): decoded, line ends normalised, nothing else touched."""

from __future__ import annotations

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


def read_text(data: bytes) -> Extracted:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocument("empty document", code="empty")
    return Extracted(kind="text", text=text)

"""Which kind of document some bytes are, decided from the bytes (the name only breaks OLE ties)."""

from __future__ import annotations

import re
import zipfile

from parsers.extracted import UnreadableDocument
from parsers.mhtml import is_mhtml
from parsers.utf16 import decode_utf16
from parsers.zip_members import leave, members

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG, TIFF (both byte orders), GIF; BMP (BM, then reserved zeros) and WebP (RIFF....WEBP) below
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
_HTML_RE = re.compile(rb"<(!doctype\s+html|html|head|body|div|table|p|meta|span|br)[\s>/]", re.I)
_DOCUMENT_RE = re.compile(rb"<(!doctype\s+html|html|head|body|meta)[\s>/]", re.I)
# Markdown that embeds HTML (a <table>, a <br> in a cell) is text: headings, pipe rows, emphasis
_MARKDOWN_RE = re.compile(rb"^(?:#{1,6} |\|.*\|\s*$|\*\*)", re.M)
# marks only a Markdown writer prints: a pipe table's ``|---|`` rule, an ATX heading, a pandoc ``:::`` div fence.
# A converter that keeps the page's raw ``<div>`` blocks (pandoc ``-t gfm``) starts its Markdown with a tag.
_MARKDOWN_WRITER_RE = re.compile(rb"^(?:\|\s*:?-{3,}:?\s*\||#{1,6} \S|::: )", re.M)


def detect_kind(data: bytes, name: str | None = None) -> str:
    """Return one of html, pdf, docx, xlsx, ofd, zip, doc, xls, wps, image, text."""
    if not data or not data.strip():
        raise UnreadableDocument("empty document", code="empty")
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(IMAGE_MAGIC):  # read by OCR
        return "image"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, name)
    if is_mhtml(data):  # a page saved as one file by a browser, in its MIME wrapping (parsers/mhtml.py)
        return "html"
    if _HTML_RE.search(head[:2048]) and (
        _DOCUMENT_RE.search(head)
        or (head.startswith(b"<") and not _markdown_written(data))
        or not _MARKDOWN_RE.search(data[:8192])
    ):
        return "html"
    if (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or (data[:2] == b"BM" and data[6:10] == b"\0\0\0\0"):
        return "image"
    if (text := decode_utf16(data)) is not None:
        return _utf16_kind(text)
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("binary data of an unknown kind", code="unknown_kind")
    return "text"


def _utf16_kind(text: str) -> str:
    """The kind of a document saved as UTF-16 (:mod:`parsers.utf16`): HTML or text, told from its text as from any
    other's bytes (a PDF, an archive or an image is never UTF-16)."""
    if not text.strip():
        raise UnreadableDocument("empty document", code="empty")
    kind = detect_kind(text.encode("utf-8"))
    if kind not in ("html", "text"):
        raise UnreadableDocument(f"UTF-16 text that reads as a {kind}'s bytes", code="unknown_kind")
    return kind


def _markdown_written(data: bytes) -> bool:
    """Markdown a converter wrote around the page's raw HTML blocks: three marks or more only Markdown prints, or
    one pipe table (its ``|---|`` rule and three rows or more between pipes: pandoc ``-t gfm`` prints a table it can
    write as a pipe table so, the others as raw HTML), or many rows between pipes with no rule at all (a converter
    or a hand that left the rule out: a page's own markup never starts and ends a line of its source so)."""
    marks = _MARKDOWN_WRITER_RE.findall(data, 0, 400_000)
    if len(marks) >= 3:
        return True
    rows = len(_PIPE_ROW_RE.findall(data, 0, 400_000))
    return rows >= PIPE_ROWS_UNRULED or (any(m.startswith(b"|") for m in marks) and rows >= PIPE_ROWS)


_PIPE_ROW_RE = re.compile(rb"^\|[^\n]*\|[ \t\r]*$", re.M)
PIPE_ROWS = 3  # rows between pipes, with a pipe table's rule, for Markdown around raw HTML
PIPE_ROWS_UNRULED = 8  # rows between pipes with no rule: more than a stray line or two of a page's text


def _zip_kind(data: bytes) -> str:
    try:
        infos = members(data)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"corrupt zip container: {exc}", code="corrupt") from exc
    names = {info.filename for info in infos}
    for kind, part in (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml")):
        if part in names:
            leave(data, infos)  # for the reader's package check (zip_members)
            return kind
    if any(n.lower() == "ofd.xml" for n in names):  # GB/T 33190 版式文档: its entry file OFD.xml at the root
        return "ofd"
    if "[Content_Types].xml" in names or "content.xml" in names or "mimetype" in names:
        raise UnreadableDocument(
            "an office package that is neither DOCX nor XLSX (PPTX, OpenDocument …): not read", code="unknown_kind"
        )
    return "zip"  # an archive of files: the report among them (parsers/readers/archive.py)


def _ole_kind(data: bytes, name: str | None) -> str:
    # OLE2 compound files: the directory holds UTF-16 stream names.
    book = "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data[:65536]
    if book and "WordDocument".encode("utf-16-le") not in data:
        return "xls"
    if name and name.lower().split("?")[0].endswith(".wps"):
        return "wps"
    return "doc"

"""One reader per document kind; each turns bytes into an :class:`~parsers.extracted.Extracted`."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from parsers.extracted import Extracted, UnreadableDocument

# kind -> "module:function"; imported lazily so that reading text never loads pdfplumber.
READERS: dict[str, str] = {
    "text": "parsers.readers.text:read_text",
    "html": "parsers.readers.saved_page:read_page",  # HTML; MHTML of page images read by OCR
    "docx": "parsers.readers.docx:read_docx",
    "pdf": "parsers.readers.pdf:read_pdf",
    "xlsx": "parsers.readers.sheet:read_sheet",
    "xls": "parsers.readers.sheet:read_sheet",
    "ofd": "parsers.readers.ofd:read_ofd",  # GB/T 33190 版式文档, laid out as PDF pages are
    "zip": "parsers.readers.archive:read_zip",  # the report among an archive's members
    "doc": "parsers.readers.office:read_doc",
    "wps": "parsers.readers.office:read_wps",
    "image": "parsers.readers.ocr:read_image",  # OCR (PNG, JPEG, TIFF, GIF, BMP, WebP)
}


def read(data: bytes, kind: str) -> Extracted:
    target = READERS.get(kind)
    if target is None:
        raise UnreadableDocument(f"no reader for documents of kind {kind!r}", code="unknown_kind")
    module, func = target.split(":")
    reader: Callable[[bytes], Extracted] = getattr(import_module(module), func)
    return reader(data)

"""The parser's entry point: bytes (plus a URL or file name when known) → :class:`Report`."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from parsers.detect import detect_kind
from parsers.extracted import Extracted, UnreadableDocument
from parsers.model import Report, Warning_
from parsers.readers import read
from parsers.report import build_report

# Bump whenever a change can alter what is read from a document: `nianbao reparse` compares it.
PARSER_VERSION = "1"
# Larger documents are refused before any reader sees them (a report is rarely over a few MB).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

# File extensions and the kinds they claim.
_EXTENSION_KINDS = {
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".jsp": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "wps",
    ".xls": "xls",
    ".xlsx": "xlsx",
    ".txt": "text",
}


def parse(
    data: bytes, name: str | None = None, *, url: str | None = None, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Report:
    """Read one document. ``name`` (a file name) and ``url`` only help: the kind comes from the bytes.

    Raises :class:`parsers.UnreadableDocument` when the bytes cannot be read at all.
    """
    if len(data) > max_bytes:
        raise UnreadableDocument(f"document of {len(data)} bytes is over the limit of {max_bytes}", code="too_large")
    kind = detect_kind(data, name or url)
    extracted = read(data, kind)
    report = parse_extracted(extracted, url=url)
    claimed = claimed_kind(name or url)
    if claimed and claimed != kind and {claimed, kind} != {"doc", "wps"}:
        message = f"content is {kind} although its name says {claimed} ({name or url})"
        report.warnings.insert(0, Warning_("kind_mismatch", message))
    return report


def claimed_kind(name: str | None) -> str | None:
    """The kind a file name or URL claims by its extension, if any."""
    if not name:
        return None
    path = urlsplit(name).path if "://" in name else name
    return _EXTENSION_KINDS.get(posixpath.splitext(path.lower())[1])


def parse_extracted(extracted: Extracted, *, url: str | None = None) -> Report:
    report = build_report(extracted)
    report.metadata["parser_version"] = PARSER_VERSION
    if url:
        report.metadata["url"] = url
    return report

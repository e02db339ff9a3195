"""The parser's entry point: bytes (plus a URL or file name when known) → :class:`Report`."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from parsers.detect import detect_kind
from parsers.extracted import Extracted, UnreadableDocument
from parsers.model import Report, Warning_
from parsers.readers import read
from parsers.report import build_report

# Bump whenever a change can alter what is read from a document: `nianbao reparse` compares it.
PARSER_VERSION = "361"
# Larger documents are refused before any reader sees them (a report is rarely over a few MB).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

# A document whose text is mostly outside Chinese, Latin, digits and punctuation was not really read.
MIN_READABLE_SHARE = 0.75  # real reports read ≥ 0.95; binary read as UTF-16 text about 0.5
_READABLE_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x24F),  # Latin-1, Latin Extended
    (0x400, 0x4FF),  # Cyrillic (Mongolian in Cyrillic script)
    (0x1800, 0x18AF),  # Mongolian script (bilingual Inner Mongolia documents)
    (0x2000, 0x206F),  # general punctuation
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ)
    (0x2460, 0x24FF),  # enclosed numbers (① ②)
    (0x2500, 0x25FF),  # box drawing, shapes
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x303F),  # CJK punctuation
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)
_RANGES = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in _READABLE_RANGES)
_UNREADABLE = re.compile(r"[^\s" + _RANGES + "]")  # str.isspace() and the regex \s agree on every code point
# a run of nothing but readable characters (and spaces): one C loop over the text, half the work of a search for the
# first unreadable one
_READABLE_RUN = re.compile(r"[\s" + _RANGES + "]*")


def readable_share(text: str, sample: int = 20000) -> float:
    """The share of the text's (non-space) characters that are Chinese, Latin, digits or punctuation."""
    head = text[:sample]
    run = _READABLE_RUN.match(head)  # (always a match: a run may be empty)
    if run is not None and run.end() == len(head):
        return 1.0  # all of it readable (most texts): (chars - 0) / chars, or too little to judge
    chars = len("".join(head.split()))  # the non-space characters
    if chars < 200:
        return 1.0  # too little to judge
    return (chars - len(_UNREADABLE.findall(head))) / chars


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
    ".ofd": "ofd",
    ".zip": "zip",
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
    share = readable_share(extracted.text)
    if share < MIN_READABLE_SHARE:
        raise UnreadableDocument(
            f"the extracted text is not readable: only {share:.0%} of its characters are Chinese, Latin, digits "
            "or punctuation (binary data read as text, or a font without a usable encoding)",
            code="garbled",
        )
    report = parse_extracted(extracted, url=url)
    claimed = claimed_kind(name or url)
    # a .wps is a DOC; a page of images (.html) is read as its images (crawler/page_images.py)
    if claimed and claimed != kind and {claimed, kind} not in ({"doc", "wps"}, {"html", "image"}):
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

"""The parser's entry point: bytes (plus a URL or file name when known) → :class:`Report`."""

from __future__ import annotations

from parsers.detect import detect_kind
from parsers.extracted import Extracted
from parsers.model import Report
from parsers.readers import read
from parsers.report import build_report

# Bump whenever a change can alter what is read from a document: `nianbao reparse` compares it.
PARSER_VERSION = "1"


def parse(data: bytes, name: str | None = None, *, url: str | None = None) -> Report:
    """Read one document. ``name`` (a file name) and ``url`` only help: the kind comes from the bytes.

    Raises :class:`parsers.UnreadableDocument` when the bytes cannot be read at all.
    """
    kind = detect_kind(data, name or url)
    extracted = read(data, kind)
    return parse_extracted(extracted, url=url)


def parse_extracted(extracted: Extracted, *, url: str | None = None) -> Report:
    report = build_report(extracted)
    report.metadata["parser_version"] = PARSER_VERSION
    if url:
        report.metadata["url"] = url
    return report

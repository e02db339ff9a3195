"""How a harvested document becomes a report — the one definition the crawl and a re-parse share.

A document is parsed with its URL's file name as the name hint (the kind still comes from the bytes), and
the portal page's title, publisher and publication date fill in what the document itself does not state.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from parsers import Report, parse


def safe_filename(name: str, default: str = "document") -> str:
    """A file name from an attachment's name or URL path that cannot leave its folder."""
    base = posixpath.basename(unquote(name).replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*').strip(" .")
    return base[:120] or default


# metadata a portal page gives about the report it links to
PAGE_KEYS = ("title", "published", "publisher")


def document_name(url: str) -> str | None:
    """The file name a URL gives its document (``…/2022年报.pdf`` → ``2022年报.pdf``), reduced to a name that
    cannot leave a folder (``../``, ``/``); None when the URL names no file."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return safe_filename(name, default="") or None if name else None


def is_report(report: Report) -> bool:
    """Does a parsed document hold a report (its tables, or at least the report's numbered sections)?"""
    return bool(report.cells) or len(report.sections) >= 3


def parse_document(data: bytes, url: str) -> Report:
    """Parse a harvested document: its URL's file name as the name hint, and the URL."""
    return parse(data, document_name(url), url=url)


def merge_page_metadata(report: Report, page: Mapping[str, Any], page_url: str | None) -> None:
    """Fill ``PAGE_KEYS`` from the portal page where the document states none; note the page of a report
    read from an attachment."""
    for key in PAGE_KEYS:
        if not report.metadata.get(key) and page.get(key):
            report.metadata[key] = page[key]
    if page_url and page_url != report.metadata.get("url"):
        report.metadata.setdefault("page_url", page_url)

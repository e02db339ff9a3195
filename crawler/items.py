"""What spiders yield: a candidate report (:class:`ReportItem`) or a recorded failure (:class:`ErrorItem`).

Spiders only find and fetch; reading the documents, validating and storing happen in
:mod:`crawler.pipelines`, the one place that writes storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ReportItem:
    """A detail page that should carry a report, with the attachments it links.

    The report is the first attachment in ``file_urls`` that reads as a report; failing that, the page's own
    body. ``title``/``published``/``publisher`` are what the list row and the page state, merged into the
    report's metadata where the document itself lacks them.
    """

    portal: str
    page_url: str  # the detail page ("" when a list links a report document directly)
    list_url: str | None  # the list (or folder) page the report was found on
    title: str | None  # link text on the list, else the page's title
    published: str | None  # ISO date: the page's 发布时间/PubDate, else the list's 发布日期
    publisher: str | None  # the page's 信息来源/ContentSource/发布机构
    page_body: bytes  # the detail page as fetched (b"" when there is no page)
    page_status: int
    page_content_type: str | None
    attachment_names: list[str] = field(default_factory=list)  # link texts, parallel to file_urls
    file_urls: list[str] = field(default_factory=list)  # FilesPipeline input: report attachment candidates
    files: list[dict[str, Any]] = field(default_factory=list)  # FilesPipeline output (archived documents)
    file_errors: list[dict[str, str]] = field(default_factory=list)  # attachments that failed: url/code/reason
    # the page's report as a column of page images, in page order (also in file_urls): crawler/page_images.py
    page_images: list[str] = field(default_factory=list)


@dataclass
class ErrorItem:
    """A failure the crawl met (see :mod:`crawler.exceptions` for the codes); recorded, then the crawl goes on."""

    portal: str
    url: str
    code: str
    reason: str
    evidence: str = ""
    revisit: dict[str, Any] | None = None  # the request the next run makes first (crawler.revisit)

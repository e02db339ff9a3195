"""
Domain
  Any portal: ``nianbao crawl URL`` (spider argument ``url``, the annual-report column's address).
Column
  Starts at the column URL and stays on its domain (the host without ``www.``, and its subdomains).
  Report pages are found by link text (年度报告, 年报, 政府信息公开工作, minus notices about reports) and URL
  shape; folders under the column (year and unit folders) and pagination (``countPage``, 下一页/尾页, page
  numbers, ``index_N.html``) are followed as lists; everything else is skipped. A report linked directly as a
  document (PDF, DOCX …) is harvested as one.
Spider arguments
  url
    The column URL (required).
  portal
    The portal name reports are stored under (default: the URL's host).
Caveats
  At most ``NIANBAO_MAX_DEPTH_PAGES`` list pages per crawl (endless next links are a ``page_cap`` error past
  it). Lists loaded by script or in an iframe are not seen (a portal with ``needs_browser`` is the place for
  those).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from crawler.spiders.base import (
    ReportSpider,
    as_html,
    folder_of,
    is_attachment_url,
    is_folder_url,
    is_report_title,
    link_rows,
)

PAGINATION_TEXT = re.compile(r"^(下一页|下页|尾页|末页|\d{1,4}|>|»|Next|next)$")
FIRST_PAGE = re.compile(r"(/|/(index|default)\.s?html?)$")
PAGINATION_URL = re.compile(r"(index|list|default)_\d+\.s?html?$|[?&](page|pageNo|pageIndex|currentPage)=\d+")


class GenericSpider(ReportSpider):
    name = "generic"

    def __init__(self, url: str = "", portal: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not url:
            raise ValueError("the generic spider needs url=<the annual-report column's URL>")
        host = (urlsplit(url).hostname or "").lower()
        self.start_urls = [url]
        self.allowed_domains = [host.removeprefix("www.")]
        self.column = folder_of(url)
        self.column_host = host
        self._portal = portal or host

    @property
    def portal_name(self) -> str:
        return self._portal

    def is_list_link(self, url: str, text: str, here: str) -> bool:
        """A folder under the column (deeper than the page ``here``, never back up) or a pagination link."""
        target = urlsplit(url)
        if (target.hostname or "").lower() != self.column_host or not target.path.startswith(self.column):
            return False
        if FIRST_PAGE.search(target.path) or target.path.endswith("/"):
            return not folder_of(here).startswith(folder_of(url))
        return is_folder_url(url) or bool(PAGINATION_TEXT.match(text) or PAGINATION_URL.search(url))

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        yield from self.pagination(page, self.parse)
        for link in link_rows(page):
            path = urlsplit(link.url).path
            folder_like = is_folder_url(link.url) and not self.detail_url.search(path)
            if is_report_title(link.title) and (is_attachment_url(link.url) or not folder_like):
                yield from self.follow_report(page, link)
            elif self.is_list_link(link.url, link.title, page.url):
                yield from self.list_link(link.url)  # a folder (even one titled like a report) or a page
            else:
                self.count("skipped/not_a_report")

    def list_link(self, url: str) -> Iterator[Any]:
        # a folder's first page announces its pagination (countPage); a numbered page does not again
        first = bool(FIRST_PAGE.search(urlsplit(url).path))
        yield from self.follow_list(url, page=0 if first else -1)

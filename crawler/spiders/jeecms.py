"""The JEECMS family (``jeecms``): ``.jhtml`` channels and contents (CMS.md §5; donghe.gov.cn before 2026).

A channel is ``/{channelPath}/index.jhtml`` (or the channel's folder); its page N is ``index_N.jhtml`` (the last
``_N`` before the dot). Contents are ``/{channelPath}/{contentId}.jhtml``; uploads ``/u/cms/www/{YYYYMM}/{file}``.
Page N+1 is asked while page N brings new links and the pager shows a page beyond it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, link_rows

PATTERN = r"index_(\d+)\.jhtml"


class JeecmsSpider(ReportSpider):
    """Base spider (abstract) for JEECMS ``.jhtml`` channels; portals are registry entries."""

    family = "jeecms"

    def parse_jeecms(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        leaf = urlsplit(page.url).path.rsplit("/", 1)[-1]
        first = urljoin(page.url, "index_{}.jhtml") if leaf in ("", "index.jhtml") else None
        urls = [link.url for link in links]
        yield from self.numbered_next(page, urls, PATTERN, self.parse_jeecms, new=new, first=first)
        yield from self.report_links(page, links)

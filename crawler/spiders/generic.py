"""
Domain
  Any portal: ``nianbao crawl URL`` (spider argument ``url``, the annual-report column's address).
Column
  Starts at the column URL and stays on its domain (the host without ``www.``, and its subdomains). The first
  page tells which CMS family serves the list, and that family's list mechanism reads it (tried in turn by
  their fingerprints, :func:`detect_family`): a TRS search API's JSON, Hanweb's ``<datastore>``/``dataproxy.jsp``
  or the xxgk ``search.jsp`` module, EasySite's ``tagname``/``totalpage`` pager, Meetfine's
  ``showList/…/page_N.html``, Epoint's ``getgovinfolist``, Visual SiteBuilder's reverse-numbered ``.htm``
  pages, JEECMS's ``index_N.jhtml``. Otherwise the page is read as a static list: TRS ``createPageHTML``/
  ``countPage`` pagination (0- or 1-based, ``.html``/``.shtml``/``.htm``), else the pager's 下一页 or next-number
  link, and the folders under the column (year and unit folders). Report pages are found by link text and URL
  (年度报告, 年报, 工作报告 of 政府信息公开, minus notices, 解读 and 政府网站工作年度报表); a report linked
  directly as a document (PDF, DOCX …) is harvested as one; nothing else is requested.
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

from crawler.spiders.base import as_html, folder_of, is_attachment_url, link_rows
from crawler.spiders.easysite import EasysiteSpider
from crawler.spiders.epoint import EpointSpider
from crawler.spiders.hanweb import HanwebSpider
from crawler.spiders.jeecms import JeecmsSpider
from crawler.spiders.links import is_folder_url
from crawler.spiders.meetfine import MeetfineSpider
from crawler.spiders.trs_api import TrsApiSpider
from crawler.spiders.trs_folder import TrsFolderSpider
from crawler.spiders.trs_list import TrsListSpider
from crawler.spiders.vsb import VsbSpider

FINGERPRINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hanweb", re.compile(r"<datastore|dataproxy\.jsp|/module/xxgk/search\.jsp|var\s+param_\d+\s*=", re.I)),
    ("easysite", re.compile(r"article_paging_list_hidden|eprotalCurrentPageId|/eportal/ui\?|easysite-", re.I)),
    ("epoint", re.compile(r"webBuilderCommon|getgovinfolist|govInfoPub\.html|categorypagingcontent", re.I)),
    ("vsb", re.compile(r"Visual\s*SiteBuilder|vsb_content|_sitegray|class=['\"]p_t['\"]|<li[^>]+id=['\"]line_", re.I)),
    ("meetfine", re.compile(r"/(Openness\w+|News|Leader|XxgkPolicy)/showList/|/content/channel/[0-9a-f]{24}/page-")),
    ("jeecms", re.compile(r"""href=['"][^'"]*index_\d+\.jhtml""", re.I)),
)
URL_FINGERPRINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("meetfine", re.compile(r"/showList/|/content/channel/[0-9a-f]{24}")),
    ("jeecms", re.compile(r"\.jhtml$")),
    ("hanweb", re.compile(r"/col/col\d+/|/module/xxgk/")),
    ("epoint", re.compile(r"govInfoPub\.html")),
)


def detect_family(url: str, body: bytes) -> str | None:
    """The CMS family whose list mechanism serves this page, by its fingerprints (CMS.md), or ``None`` for a
    static list (read by TRS pagination, pager links and folders)."""
    head = body[:400_000].decode("utf-8", "replace")
    if head.lstrip().startswith(("{", "[")):
        return "trs_api"
    for family, pattern in FINGERPRINTS:
        if pattern.search(head):
            return family
    path = urlsplit(url).path
    for family, pattern in URL_FINGERPRINTS:
        if pattern.search(path):
            return family
    return None


class GenericSpider(
    TrsListSpider,
    TrsFolderSpider,
    TrsApiSpider,
    HanwebSpider,
    EasysiteSpider,
    MeetfineSpider,
    EpointSpider,
    JeecmsSpider,
    VsbSpider,
):
    name = "generic"
    family = ""

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

    def list_callback(self, column: str) -> Any:
        return self.parse

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        family = detect_family(response.url, response.body)
        self.count(f"family/{family or 'static'}")
        if family is not None:
            yield from getattr(self, f"parse_{family}")(response)
        else:
            yield from self.parse_static(response)

    def is_subfolder(self, url: str, here: str) -> bool:
        """A folder under the column, deeper than the page ``here`` (never back up)."""
        target = urlsplit(url)
        if (target.hostname or "").lower() != self.column_host or not target.path.startswith(self.column):
            return False
        return is_folder_url(url) and not folder_of(here).startswith(folder_of(url))

    def parse_static(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        if response.meta.get("trs_pager") or "createPageHTML" in page.text or "countPage" in page.text:
            yield from self.trs_next(page, self.parse_static, new=new)
        else:
            yield from self.pager_next(page, links, self.parse_static, new=new)
        reports = []
        for link in links:
            if is_attachment_url(link.url) or not self.is_subfolder(link.url, page.url):
                reports.append(link)
            else:
                yield from self.follow_list(link.url, self.parse)  # a year or unit folder: a list of its own
        yield from self.report_links(page, reports)

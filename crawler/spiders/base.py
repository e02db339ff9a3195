"""What every portal spider shares: finding report links, following them, reading detail pages, errors.

A portal spider is configuration on top of one base spider per CMS family (:mod:`crawler.spiders.trs_list`,
:mod:`crawler.spiders.trs_folder`); :mod:`crawler.spiders.generic` needs no configuration at all.

Links are recognised by what they say and where they lead, not by one fixed selector: a report link's text
names a report (年度报告, 年报, 政府信息公开工作) and is not a notice about reports (关于…的通知, 工作要点 …);
a detail page has the CMS's document URL shape; an attachment ends in a document extension. A link leaving
the portal's domains (``offsite``), or a ``javascript:``/``data:``/``file:`` link or one to a private or
loopback address (``unsafe_link``), is not followed and is recorded. A detail page already read in an
earlier run (archived by the Store) is not requested again unless ``NIANBAO_REFRESH`` is set: incremental
harvests fetch list pages only.

Pagination traps are bounded and recorded (``page_cap``): a column's pagination stops at
``NIANBAO_MAX_LIST_PAGES`` whatever its ``countPage`` says, and a portal's list pages (folders, pages, next
links) at ``NIANBAO_MAX_DEPTH_PAGES`` in one crawl.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.url import url_is_from_any_domain

from crawler.failures import describe_failure
from crawler.items import ErrorItem, ReportItem
from crawler.middlewares import KIND_META
from crawler.pipelines import view_from_settings
from crawler.revisit import entry_for_request, revisit_outputs
from crawler.urlsafety import link_verdict, shown_url
from parsers.extracted import UnreadableDocument
from parsers.readers.html import extract_page_metadata, html_encoding

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from storage.ingest import StoreView

REPORT_TITLE = re.compile(r"年度报告|年报|政府信息公开工作")
# Notices about reports share their words: 关于报送2022年政府信息公开工作年度报告的通知, 工作要点 …
NOT_A_REPORT = re.compile(r"^\s*关于|通知|工作要点|实施方案|的函|意见|办法|会议|培训|考核|测评|评估|解读")
ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".wps", ".et")
# TRS: …/202201/t20220120_535657.html (also .shtml, .htm)
TRS_DETAIL = re.compile(r"/\d{6}/t\d{8}_\d+\.s?html?$")
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*(\d+)|createPageHTML\(\s*['\"]?(\d+)")
MAX_ATTACHMENTS = 3


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def is_report_title(text: str | None) -> bool:
    """Does a link text name a report (and not a notice about reports)?"""
    t = clean(text)
    return bool(REPORT_TITLE.search(t)) and not NOT_A_REPORT.search(t)


def is_attachment_url(url: str) -> bool:
    return unquote(urlsplit(url).path).lower().endswith(ATTACHMENT_EXTENSIONS)


def first_date(text: str | None) -> str | None:
    """The first plausible date in ``text`` as ISO YYYY-MM-DD."""
    for m in DATE.finditer(text or ""):
        y, mo, d = (int(g) for g in m.groups())
        if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def last_date(texts: Iterable[str]) -> str | None:
    found = [d for d in (first_date(t) for t in texts) if d]
    return found[-1] if found else None


def count_pages(text: str) -> int:
    """The page count a TRS list states in its script (``var countPage = 3``, ``createPageHTML(3, …)``)."""
    m = COUNT_PAGE.search(text)
    if not m:
        return 1
    return max(1, int(m.group(1) or m.group(2)))


def page_url(first_page: str, index: int) -> str:
    """TRS pagination: page 0 is ``index.html`` (or the folder), page i is ``index_i.html``."""
    base = first_page if first_page.endswith("/") else first_page.rsplit("/", 1)[0] + "/"
    return base + ("index.html" if index == 0 else f"index_{index}.html")


def folder_of(url: str) -> str:
    """The folder path of a URL (``/a/b/index.html`` → ``/a/b/``)."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


_FOLDER_LEAF = re.compile(r"^(|index(_\d+)?\.s?html?|default\.s?html?)$")


def is_folder_url(url: str) -> bool:
    return bool(_FOLDER_LEAF.match(urlsplit(url).path.rsplit("/", 1)[-1]))


def as_html(response: Response) -> TextResponse:
    """The response decoded as the parser decodes it (:func:`parsers.readers.html.html_encoding`): UTF-8 when
    the bytes are UTF-8, else the declared charset, else GB18030. A charset declared wrong (GBK bytes labelled
    UTF-8) or not at all is common; Scrapy would trust the label, or fall back to cp1252."""
    encoding = html_encoding(response.body)
    if isinstance(response, TextResponse) and response.encoding.replace("_", "-").lower() == encoding:
        return response
    return HtmlResponse(
        response.url,
        status=response.status,
        headers=response.headers,
        body=response.body,
        encoding=encoding,
        request=response.request,
        flags=response.flags,
    )


class Link:
    """A link on a list page: where it leads, what it says, and the date its row shows."""

    __slots__ = ("date", "title", "url")

    def __init__(self, url: str, title: str, date: str | None) -> None:
        self.url, self.title, self.date = url, title, date

    def __repr__(self) -> str:
        return f"Link({self.url!r}, {self.title!r}, {self.date!r})"


def link_rows(response: TextResponse) -> list[Link]:
    """Every link on a page with its text (``title`` attribute first: TRS truncates the visible text) and
    the date shown in its row (the enclosing ``tr``/``li``/``dd``/``p``)."""
    out: list[Link] = []
    for a in response.xpath("//a[@href]"):
        href = (a.attrib.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:")):  # javascript: links are kept, to be refused
            continue
        title = clean(a.attrib.get("title")) or clean(" ".join(a.xpath(".//text()").getall()))
        row = a.xpath("ancestor::*[self::tr or self::li or self::dd or self::p][1]")
        date = None
        if row:
            date = last_date(clean(t) for t in row[0].xpath(".//text()").getall())
        out.append(Link(response.urljoin(href), title, date))
    return out


def table_rows(response: TextResponse) -> list[Link]:
    """TRS list rows: ``tbody tr`` with cells 序号 / 标题 / 文号 / 成文日期 / 发布日期 (the last date wins)."""
    out: list[Link] = []
    for tr in response.css("tbody tr"):
        a = tr.css("a[href]")
        if not a:
            continue
        href = (a[0].attrib.get("href") or "").strip()
        title = clean(a[0].attrib.get("title")) or clean(" ".join(a[0].xpath(".//text()").getall()))
        cells = [clean(" ".join(td.xpath(".//text()").getall())) for td in tr.css("td")]
        out.append(Link(response.urljoin(href), title, last_date(cells)))
    return out


class ReportSpider(scrapy.Spider):
    """Base spider (abstract): following report links and reading detail pages, for every CMS family.

    Subclasses set ``name``, ``portal_title``, ``allowed_domains`` and ``columns`` (the annual-report
    columns, the crawl's start URLs) and implement ``parse`` for list pages. ``needs_browser = True`` marks
    every request of the portal for scrapy-playwright (``meta["playwright"]``).
    """

    portal_title: ClassVar[str] = ""
    needs_browser: ClassVar[bool] = False
    detail_url: ClassVar[re.Pattern[str]] = TRS_DETAIL
    columns: ClassVar[tuple[str, ...]] = ()  # the annual-report columns: the crawl's start URLs
    allowed_domains: Sequence[str] = ()  # these domains and their subdomains

    store: StoreView | None = None
    refresh: bool = False
    max_list_pages: int = 50  # NIANBAO_MAX_LIST_PAGES: one column's pagination
    max_pages: int = 2000  # NIANBAO_MAX_DEPTH_PAGES: the portal's list pages in one crawl

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.start_urls:
            self.start_urls = list(self.columns)
        self.list_pages = 0  # list requests made so far (start URLs included)
        self.page_cap_recorded = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.store = view_from_settings(crawler.settings)  # read only: what earlier runs harvested
        spider.refresh = crawler.settings.getbool("NIANBAO_REFRESH")
        spider.max_list_pages = crawler.settings.getint("NIANBAO_MAX_LIST_PAGES", 50)
        spider.max_pages = crawler.settings.getint("NIANBAO_MAX_DEPTH_PAGES", 2000)
        return spider

    @property
    def portal_name(self) -> str:
        return self.name

    # -- requests ---------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        if self.store is not None:  # what a paused run left unvisited, first
            for revisit in revisit_outputs(self, self.store.revisits(self.portal_name)):
                yield revisit
        for url in self.start_urls:
            for out in self.follow_list(url):
                yield out

    def make_request(self, url: str, kind: str, callback: Callable[..., Any], **meta: Any) -> Request:
        meta[KIND_META] = kind
        if self.needs_browser:
            meta["playwright"] = True
        return Request(url, callback=callback, errback=self.on_error, meta=meta)

    def list_request(self, url: str, callback: Callable[..., Any] | None = None, **meta: Any) -> Request:
        return self.make_request(url, "list", callback or self.parse, **meta)

    def follow_list(
        self, url: str, callback: Callable[..., Any] | None = None, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """A list page's request, within the portal's budget of list pages (``NIANBAO_MAX_DEPTH_PAGES``);
        past it, nothing is requested and the first page refused is recorded as ``page_cap``."""
        if self.list_pages >= self.max_pages:
            self.count("skipped/page_cap")
            if not self.page_cap_recorded:
                self.page_cap_recorded = True
                yield ErrorItem(
                    self.portal_name,
                    url,
                    "page_cap",
                    f"more than {self.max_pages} list pages in this crawl (NIANBAO_MAX_DEPTH_PAGES): "
                    f"this page and any later ones are not requested (a pagination trap?)",
                )
            return
        self.list_pages += 1
        yield self.list_request(url, callback=callback, **meta)

    def count(self, what: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"nianbao/{what}")

    def on_portal(self, url: str) -> bool:
        return url_is_from_any_domain(url, self.allowed_domains)

    def link_verdict(self, url: str) -> tuple[str, str] | None:
        """Why a link must not be followed, as ``(code, reason)`` (``crawler.urlsafety``): ``offsite`` for another
        site, ``unsafe_link`` for a script, data or file link or a private address; ``None`` when it is fine.

        A start URL's own host is trusted even when it is a private or loopback address (an operator's
        explicit choice, e.g. a local mirror)."""
        verdict = link_verdict(url, tuple(self.allowed_domains))
        if verdict and verdict[1].startswith(("private or loopback", "loopback host")):
            host = urlsplit(url).hostname
            if host and host in {urlsplit(u).hostname for u in self.start_urls}:
                return None
        return verdict

    def link_problem(self, url: str) -> str | None:
        """Why a link must not be followed (a short reason), or ``None``: :meth:`link_verdict`'s reason."""
        verdict = self.link_verdict(url)
        return verdict[1] if verdict else None

    def is_known_page(self, url: str) -> bool:
        """Was this page (or report document) read in an earlier run? Then it is not requested again.

        A page is known once it is marked as read (its outcome settled). A document linked directly is archived
        when downloaded, before it is read: it is known once its report is stored, or once the run that fetched
        it finished (a run killed in between did not read it)."""
        if self.store is None or self.refresh:
            return False
        doc = self.store.document_for_url(url)
        if doc is None or doc.get("status") != 200:
            return False
        if not is_attachment_url(url) or self.store.has_report(url):
            return True
        run = self.store.get_run(doc["run_id"]) if doc.get("run_id") is not None else None
        return run is not None and run.get("status") == "finished"

    def pagination(
        self, response: TextResponse, callback: Callable[..., Any] | None = None, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """From a list's first page, the further pages its ``countPage`` script variable announces
        (at most ``NIANBAO_MAX_LIST_PAGES``)."""
        if response.meta.get("page", 0) != 0:
            return
        announced = count_pages(response.text)
        pages = min(announced, self.max_list_pages)
        if announced > pages:
            self.count("skipped/page_cap")
            yield ErrorItem(
                self.portal_name,
                response.url,
                "page_cap",
                f"the list announces {announced} pages (countPage); only the first {pages} are "
                f"requested (NIANBAO_MAX_LIST_PAGES)",
                f"countPage = {announced}",
            )
        for i in range(1, pages):
            yield from self.follow_list(page_url(response.url, i), callback=callback, page=i, **meta)

    def follow_report(self, response: TextResponse, link: Link) -> Iterator[Request | ReportItem | ErrorItem]:
        """A report link: request its detail page, or (a document linked directly) hand it to the pipelines."""
        verdict = self.link_verdict(link.url)
        if verdict:
            code, problem = verdict
            self.count(f"skipped/{code}")
            yield ErrorItem(
                self.portal_name,
                shown_url(link.url),
                code,
                f"report link {link.title!r} on {response.url} not followed: {problem}",
            )
            return
        if self.is_known_page(link.url):
            self.count("skipped/known")
            return
        if is_attachment_url(link.url):
            yield ReportItem(
                portal=self.portal_name,
                page_url="",
                list_url=response.url,
                title=link.title,
                published=link.date,
                publisher=None,
                page_body=b"",
                page_status=0,
                page_content_type=None,
                attachment_names=[link.title],
                file_urls=[link.url],
            )
            return
        yield self.make_request(
            link.url, "detail", self.parse_detail, list_url=response.url, list_title=link.title, list_date=link.date
        )

    def report_links(self, response: TextResponse, links: Iterable[Link]) -> Iterator[Request | ReportItem | ErrorItem]:
        for link in links:
            if is_report_title(link.title):
                yield from self.follow_report(response, link)
            else:
                self.count("skipped/not_a_report")

    def walk_folders(
        self, page: TextResponse, column: str, callback: Callable[..., Any]
    ) -> Iterator[Request | ReportItem | ErrorItem]:
        """A folder-organised column: pagination, then folders under ``column`` (requested as lists with
        ``callback``, never above the column) and report links (as detail pages)."""
        yield from self.pagination(page, callback, column=column)
        here = urlsplit(page.url)
        for link in link_rows(page):
            target = urlsplit(link.url)
            if self.detail_url.search(target.path) or not is_folder_url(link.url):
                yield from self.report_links(page, [link])
            elif (
                target.netloc == here.netloc
                and target.path.startswith(column)
                and not folder_of(page.url).startswith(folder_of(link.url))
            ):  # deeper, never back up
                yield from self.follow_list(link.url, callback=callback, column=column)

    # -- detail pages -----------------------------------------------------------------------------
    def attachments(self, response: TextResponse) -> list[tuple[str, str]]:
        """The page's document links (URL, link text): report-titled ones if any, else all, at most three."""
        return self.attachment_links(response)[0]

    def attachment_links(self, response: TextResponse) -> tuple[list[tuple[str, str]], list[ErrorItem]]:
        """:meth:`attachments`, and the document links refused (off the portal, unsafe) as errors."""
        found: dict[str, str] = {}
        refused: dict[str, ErrorItem] = {}
        for link in link_rows(response):
            if is_attachment_url(link.url) or is_attachment_url("/" + link.title):
                verdict = self.link_verdict(link.url)
                if verdict:
                    self.count(f"skipped/{verdict[0]}")
                    refused.setdefault(
                        link.url,
                        ErrorItem(
                            self.portal_name,
                            shown_url(link.url),
                            verdict[0],
                            f"attachment link {link.title!r} on {response.url} not followed: {verdict[1]}",
                        ),
                    )
                    continue
                found.setdefault(link.url, link.title)
        items = list(found.items())
        titled = [(u, t) for u, t in items if REPORT_TITLE.search(t) or REPORT_TITLE.search(unquote(u))]
        return (titled or items)[:MAX_ATTACHMENTS], list(refused.values())

    def parse_detail(self, response: Response) -> Iterator[ReportItem | ErrorItem]:
        page = as_html(response)
        try:
            meta = extract_page_metadata(page.text)
        except UnreadableDocument:  # an empty or broken page: the pipeline records why, with the parser's code
            meta = {}
        attachments, refused = self.attachment_links(page)
        yield from refused
        content_type = response.headers.get("Content-Type")
        yield ReportItem(
            portal=self.portal_name,
            page_url=response.url,
            list_url=response.meta.get("list_url"),
            title=meta.get("title") or response.meta.get("list_title"),
            published=meta.get("published") or response.meta.get("list_date"),
            publisher=meta.get("publisher"),
            page_body=response.body,
            page_status=response.status,
            page_content_type=content_type.decode("latin-1") if content_type else None,
            attachment_names=[t for _, t in attachments],
            file_urls=[u for u, _ in attachments],
        )

    # -- failures ---------------------------------------------------------------------------------
    def on_error(self, failure: Failure) -> Iterator[ErrorItem]:
        """Record a failed request under the URL the spider asked for (the first of a redirect chain)."""
        request = failure.request  # type: ignore[attr-defined]
        asked = (request.meta.get("redirect_urls") or [request.url])[0]
        item = error_item(self.portal_name, asked, failure.value)
        if getattr(failure.value, "revisit", False):  # the portal was paused: the next run asks it first
            item.revisit = entry_for_request(request.replace(url=asked))
        yield item


def error_item(portal: str, url: str, exc: BaseException) -> ErrorItem:
    """The ErrorItem for a failed request (see :mod:`crawler.exceptions` for the codes)."""
    code, reason, evidence = describe_failure(exc)
    return ErrorItem(portal, url, code, reason, evidence)

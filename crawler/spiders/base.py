"""What every portal spider shares: finding report links, paging through lists, reading detail pages, errors.

There is one base spider per CMS family (``trs_list``, ``trs_folder``, ``trs_api``, ``hanweb``, ``easysite``,
``meetfine``, ``epoint``, ``jeecms``, ``vsb``); each reads its family's lists in ``parse_<family>``. A portal is
configuration, not code: an entry of ``crawler/registry.yaml`` (its columns, and each column's family) from
which :mod:`crawler.spiders.registered` builds the spider. :mod:`crawler.spiders.generic` needs no
configuration at all: it tries the families' list mechanisms in turn on an unknown column.

Links are recognised by what they say and where they lead (:mod:`crawler.spiders.links`): a report link names
a report (年度报告, 年报, 工作报告 of 政府信息公开; weaker words only inside an annual-report column) and is not a
notice about reports or a 政府网站工作年度报表; a link to a list is never a report page. A link leaving the
portal's domains (``offsite``), or a ``javascript:``/``data:``/``file:`` link or one to a private or loopback
address (``unsafe_link``), is not followed and is recorded. A detail page already read in an earlier run
(archived by the Store) is not requested again unless ``NIANBAO_REFRESH`` is set: incremental harvests fetch
list pages only.

Lists are paged one page at a time (:mod:`crawler.spiders.pagers` knows each family's numbering): the next page
is requested only when the current one brought a link not seen on the earlier pages of the same list, and
never past the last page the list announces. Nothing else is requested: no menu, no news item, no sibling
column. Pagination traps are bounded and recorded (``page_cap``): one list's pages at
``NIANBAO_MAX_LIST_PAGES``, a portal's list pages (folders, pages, API calls) at ``NIANBAO_MAX_DEPTH_PAGES``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.misc import load_object
from scrapy.utils.url import url_is_from_any_domain

from crawler.browser import render_meta
from crawler.failures import describe_failure
from crawler.items import ErrorItem, ReportItem
from crawler.middlewares import KIND_META
from crawler.page_images import page_image_urls
from crawler.pipelines import view_from_settings
from crawler.revisit import entry_for_request, revisit_outputs
from crawler.spiders.links import (
    REPORT_WORD,
    annual_heading,
    clean,
    in_annual_column,
    is_attachment_url,
    is_folder_url,
    is_report_link,
    is_report_title,
)
from crawler.spiders.pagers import (
    TrsPager,
    count_pages,
    highest_page,
    numbered,
    numbered_page,
    page_url,
    stated_page_total,
    trs_pager,
)
from crawler.urlsafety import link_verdict, shown_url
from parsers.extracted import UnreadableDocument
from parsers.readers.html import extract_page_metadata, html_encoding

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from storage.ingest import StoreView

__all__ = [
    "Link",
    "ReportSpider",
    "as_html",
    "clean",
    "count_pages",
    "first_date",
    "folder_of",
    "is_attachment_url",
    "is_folder_url",
    "is_report_title",
    "last_date",
    "link_rows",
    "page_url",
    "table_rows",
]

# TRS: …/202201/t20220120_535657.html (also .shtml, .htm)
TRS_DETAIL = re.compile(r"/\d{6}/t\d{8}_\d+\.s?html?$")
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
MAX_ATTACHMENTS = 3
FOLLOWED_META = ("page", "series", "column", "easysite", "trs_pager")  # what a list request carries to a retry
NEXT_TEXT = re.compile(r"^(下一页|下页|后页|下一頁|›|»|>|>>|Next|next)$")
BREADCRUMB = (
    "//*[contains(@class,'position') or contains(@class,'crumb') or contains(@class,'location') or "
    "contains(@class,'dqwz') or contains(@class,'bread') or contains(@id,'position') or contains(@class,'lmmc')]"
)


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


def folder_of(url: str) -> str:
    """The folder path of a URL (``/a/b/index.html`` → ``/a/b/``)."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def as_html(response: Response) -> TextResponse:
    """The response decoded as the parser decodes it (:func:`parsers.readers.html.html_encoding`): UTF-8 when
    the bytes are UTF-8, else the declared charset, else GB18030. A charset declared wrong (GBK bytes labelled
    UTF-8) or not at all is common; Scrapy would trust the label, or fall back to cp1252."""
    encoding = html_encoding(response.body)
    if isinstance(response, HtmlResponse) and response.encoding.replace("_", "-").lower() == encoding:
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


def fragment(base: TextResponse, html: str) -> TextResponse:
    """An HTML fragment (a Hanweb record, an API's HTML field) as a response at ``base``'s URL."""
    return HtmlResponse(base.url, body=f"<html><body>{html}</body></html>".encode(), encoding="utf-8")


class Link:
    """A link on a list page: where it leads, what it says, and the date its row shows."""

    __slots__ = ("date", "title", "url")

    def __init__(self, url: str, title: str, date: str | None) -> None:
        self.url, self.title, self.date = url, title, date

    def __repr__(self) -> str:
        return f"Link({self.url!r}, {self.title!r}, {self.date!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Link) and (self.url, self.title, self.date) == (other.url, other.title, other.date)

    def __hash__(self) -> int:
        return hash((self.url, self.title, self.date))


def link_text(a: Any) -> str:
    """A link's text: its ``title`` attribute first (lists truncate the visible text), unless that is not a
    title (a date, a bare word) and the visible text says more."""
    attr = clean(a.attrib.get("title"))
    text = clean(" ".join(a.xpath(".//text()").getall()))
    if attr and (REPORT_WORD.search(attr) or len(attr) >= len(text.rstrip("…."))):
        return attr
    return text or attr


def link_rows(response: TextResponse) -> list[Link]:
    """Every link on a page with its text and the date shown in its row (the enclosing ``tr``/``li``/``dd``/
    ``p``)."""
    out: list[Link] = []
    for a in response.xpath("//a[@href]"):
        href = (a.attrib.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:")):  # javascript: links are kept, to be refused
            continue
        row = a.xpath("ancestor::*[self::tr or self::li or self::dd or self::p][1]")
        date = None
        if row:
            date = last_date(clean(t) for t in row[0].xpath(".//text()").getall())
        out.append(Link(response.urljoin(href), link_text(a), date))
    return out


def table_rows(response: TextResponse) -> list[Link]:
    """TRS list rows: ``tbody tr`` with cells 序号 / 标题 / 文号 / 成文日期 / 发布日期 (the last date wins)."""
    out: list[Link] = []
    for tr in response.css("tbody tr"):
        a = tr.css("a[href]")
        if not a:
            continue
        href = (a[0].attrib.get("href") or "").strip()
        cells = [clean(" ".join(td.xpath(".//text()").getall())) for td in tr.css("td")]
        out.append(Link(response.urljoin(href), link_text(a[0]), last_date(cells)))
    return out


class ReportSpider(scrapy.Spider):
    """Base spider (abstract): paging lists, following report links and reading detail pages, for every family.

    Subclasses set ``name``, ``portal_title``, ``allowed_domains``, ``columns`` (the annual-report columns, the
    crawl's start URLs) and ``family`` (their lists are read by ``parse_<family>``; ``column_families`` names
    another family for one column). ``needs_browser = True`` sends the portal's list pages through the browser
    (:mod:`crawler.browser`); API calls (JSON, XML) are never rendered.
    """

    family: ClassVar[str] = ""
    portal_title: ClassVar[str] = ""
    needs_browser: ClassVar[bool] = False
    detail_url: ClassVar[re.Pattern[str]] = TRS_DETAIL
    columns: ClassVar[tuple[str, ...]] = ()  # the annual-report columns: the crawl's start URLs
    column_families: ClassVar[dict[str, str]] = {}  # a column read by another family than the portal's
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
        self.seen: dict[str, set[str]] = {}  # per list (its first page): every link its pages showed

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
            for out in self.follow_list(url, callback=self.list_callback(url)):
                yield out

    def list_callback(self, column: str) -> Callable[..., Any]:
        """The callback reading a column's first page: ``parse`` (the portal's family), or ``parse_<family>`` for a
        column of another family."""
        family = self.column_families.get(column)
        return getattr(self, f"parse_{family}") if family else self.parse

    def parse(self, response: Response, **kwargs: Any) -> Any:
        family = self.family
        if not family or not hasattr(self, f"parse_{family}"):
            raise NotImplementedError(f"{type(self).__name__} reads no list (no family)")
        return getattr(self, f"parse_{family}")(response, **kwargs)

    def make_request(self, url: str, kind: str, callback: Callable[..., Any], **meta: Any) -> Request:
        meta[KIND_META] = kind
        if self.needs_browser and kind == "list":  # the list pages; details and attachments are fetched as usual
            meta.update(render_meta("the portal needs a browser (needs_browser)"))
        return Request(url, callback=callback, errback=self.on_error, meta=meta)

    def list_request(self, url: str, callback: Callable[..., Any] | None = None, **meta: Any) -> Request:
        return self.make_request(url, "list", callback or self.parse, **meta)

    def follow_list(
        self, url: str, callback: Callable[..., Any] | None = None, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """A list page's request, within the portal's budget of list pages (``NIANBAO_MAX_DEPTH_PAGES``); past
        it, nothing is requested and the first page refused is recorded as ``page_cap``."""
        if self.within_budget(url):
            yield self.list_request(url, callback=callback, **meta)
        elif not self.page_cap_recorded:
            self.page_cap_recorded = True
            yield self.page_cap_error(url)

    def follow_request(self, request: Request) -> Iterator[Request | ErrorItem]:
        """A prepared list request (an API call, a POST), within the same budget as :meth:`follow_list`."""
        if self.within_budget(request.url):
            yield request
        elif not self.page_cap_recorded:
            self.page_cap_recorded = True
            yield self.page_cap_error(request.url)

    def within_budget(self, url: str) -> bool:
        if self.list_pages >= self.max_pages:
            self.count("skipped/page_cap")
            return False
        self.list_pages += 1
        return True

    def page_cap_error(self, url: str) -> ErrorItem:
        return ErrorItem(
            self.portal_name,
            url,
            "page_cap",
            f"more than {self.max_pages} list pages in this crawl (NIANBAO_MAX_DEPTH_PAGES): "
            f"this page and any later ones are not requested (a pagination trap?)",
        )

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

    # -- paging -------------------------------------------------------------------------------------
    def brought_new(self, response: Response, urls: Iterable[str]) -> bool:
        """Did this list page show a link that no earlier page of the same list showed? (Remembers them.) A
        list's first page always counts as new: there is nothing to compare it with."""
        series = response.meta.get("series") or response.url
        seen = self.seen.setdefault(series, set())
        new = set(urls) - seen
        seen.update(new)
        return bool(new) or int(response.meta.get("page") or 1) == 1

    def next_page(
        self,
        response: Response,
        url: str | None,
        callback: Callable[..., Any],
        *,
        new: bool,
        request: Request | None = None,
        **meta: Any,
    ) -> Iterator[Request | ErrorItem]:
        """Page ``page + 1`` of the list ``response`` belongs to, at ``url`` (or as ``request``): requested only
        when this page brought something new, and within ``NIANBAO_MAX_LIST_PAGES``."""
        if not url:
            return
        if not new:
            self.count("stopped/nothing_new")
            return
        number = int(response.meta.get("page") or 1) + 1
        if number > self.max_list_pages:
            self.count("skipped/page_cap")
            yield ErrorItem(
                self.portal_name,
                url,
                "page_cap",
                f"the list {response.meta.get('series') or response.url} goes on past {self.max_list_pages} "
                f"pages: page {number} and later ones are not requested (NIANBAO_MAX_LIST_PAGES)",
            )
            return
        series = response.meta.get("series") or response.url
        if request is not None:
            request.meta.update({"page": number, "series": series, **meta})
            yield from self.follow_request(request)
        else:
            yield from self.follow_list(url, callback, page=number, series=series, **meta)

    def trs_next(
        self, page: TextResponse, callback: Callable[..., Any], *, new: bool, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """The next page of a TRS list (``createPageHTML``/``countPage``, 0- or 1-based; CMS.md §1), read on its
        first page and carried to the next ones in ``meta["trs_pager"]``."""
        pager: TrsPager | None = page.meta.get("trs_pager")
        number = int(page.meta.get("page") or 1)
        if pager is None:
            if number != 1:
                return
            pager = trs_pager(page.text, page.url)
            if pager is None:
                return
            if pager.count > self.max_list_pages:
                self.count("skipped/page_cap")
                yield ErrorItem(
                    self.portal_name,
                    page.url,
                    "page_cap",
                    f"the list announces {pager.count} pages (countPage); only the first {self.max_list_pages} are "
                    f"requested (NIANBAO_MAX_LIST_PAGES)",
                    f"countPage = {pager.count}",
                )
                pager = replace(pager, count=self.max_list_pages)  # recorded once, here
        if number >= pager.count:
            return
        first = page.meta.get("series") or page.url
        yield from self.next_page(page, pager.url(first, number + 1), callback, new=new, trs_pager=pager, **meta)

    def numbered_next(
        self,
        page: TextResponse,
        urls: list[str],
        pattern: str,
        callback: Callable[..., Any],
        *,
        new: bool,
        first: str | None = None,
        **meta: Any,
    ) -> Iterator[Request | ErrorItem]:
        """The next page of a list numbered in its URLs (``page_N.html``, ``index_N.jhtml``), asked when the pager
        shows a page beyond this one (a link numbered higher, or ``共K页``). ``first`` is the template of a
        first page whose URL carries no number (``index_{}.jhtml`` for ``index.jhtml``)."""
        found = numbered_page(page.url, pattern)
        if found is None and first is None:
            return
        template, number = found if found else (str(first), 1)
        highest = max(highest_page(urls, pattern, template), stated_page_total(page.text) or 0)
        if number < highest:
            yield from self.next_page(page, numbered(template, number + 1), callback, new=new, **meta)

    def pager_next(
        self, page: TextResponse, links: list[Link], callback: Callable[..., Any], *, new: bool, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """The next page by the pager's own link: 下一页 (下页, 后页, ›, »), else the link numbered one more than
        this page; only a link on the same host, to another page."""
        here = urlsplit(page.url)
        number = str(int(page.meta.get("page") or 1) + 1)
        candidates = [link for link in links if NEXT_TEXT.match(link.title)] or [
            link for link in links if link.title == number
        ]
        for link in candidates:
            target = urlsplit(link.url)
            if target.scheme in ("http", "https") and target.netloc == here.netloc and link.url != page.url:
                yield from self.next_page(page, link.url, callback, new=new, **meta)
                return

    def pagination(
        self, response: TextResponse, callback: Callable[..., Any] | None = None, **meta: Any
    ) -> Iterator[Request | ErrorItem]:
        """The next page of a TRS list, for a page whose links were all new (compatibility helper)."""
        yield from self.trs_next(response, callback or self.parse, new=True, **meta)

    # -- report links -----------------------------------------------------------------------------
    def annual_list(self, page: TextResponse) -> bool:
        """Is this list an annual-report column (its URL, ``<title>``, column name or breadcrumb says 年报)?"""
        if in_annual_column(page.url) or in_annual_column(str(page.meta.get("series") or "")):
            return True
        if not isinstance(page, HtmlResponse):
            return False
        texts = [
            page.xpath("string(//title)").get(),
            page.xpath("//meta[@name='ColumnName']/@content").get(),
            *(clean(" ".join(n.xpath(".//text()").getall())) for n in page.xpath(BREADCRUMB)[:3]),
        ]
        return annual_heading(*texts)

    def follow_report(self, response: Response, link: Link, **meta: Any) -> Iterator[Request | ReportItem | ErrorItem]:
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
            link.url,
            "detail",
            self.parse_detail,
            list_url=response.url,
            list_title=link.title,
            list_date=link.date,
            **meta,
        )

    def report_links(
        self, response: Response, links: Iterable[Link], *, annual: bool | None = None, **meta: Any
    ) -> Iterator[Request | ReportItem | ErrorItem]:
        """Follow the links that are reports (:func:`crawler.spiders.links.is_report_link`), once each."""
        if annual is None:
            annual = isinstance(response, TextResponse) and self.annual_list(response)
        done: set[str] = set()
        for link in links:
            if link.url in done:
                continue
            if is_report_link(link.title, link.url, annual_list=annual):
                done.add(link.url)
                yield from self.follow_report(response, link, **meta)
            else:
                self.count("skipped/not_a_report")

    def walk_folders(
        self, page: TextResponse, column: str, callback: Callable[..., Any]
    ) -> Iterator[Request | ReportItem | ErrorItem]:
        """A folder-organised column: pagination, then folders under ``column`` (requested as lists with
        ``callback``, never above the column) and report links (as detail pages)."""
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        yield from self.trs_next(page, callback, new=new, column=column)
        here = urlsplit(page.url)
        annual = self.annual_list(page)
        reports: list[Link] = []
        for link in links:
            target = urlsplit(link.url)
            if self.detail_url.search(target.path) or not is_folder_url(link.url):
                reports.append(link)
            elif (
                target.netloc == here.netloc
                and target.path.startswith(column)
                and not folder_of(page.url).startswith(folder_of(link.url))
            ):  # deeper, never back up
                yield from self.follow_list(link.url, callback=callback, column=column)
        yield from self.report_links(page, reports, annual=annual)

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
        titled = [(u, t) for u, t in items if REPORT_WORD.search(t) or REPORT_WORD.search(unquote(u))]
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
        # a report published as a column of page images: fetched too, read by OCR if nothing else is a report
        images = page_image_urls(response.body, response.url, meta.get("title") or response.meta.get("list_title"))
        images = [u for u in images if not self.link_verdict(u)]
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
            file_urls=[u for u, _ in attachments] + images,
            page_images=images,
        )

    def parse_by_handler(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A request answered by a function named in its meta (``nianbao_handler``, called with the spider and
        the response): how :mod:`crawler.discovery` walks a portal while its requests keep a spider method as
        callback (serialisable, for a shared queue)."""
        yield from load_object(response.meta["nianbao_handler"])(self, response)

    # -- failures ---------------------------------------------------------------------------------
    def on_error(self, failure: Failure) -> Iterator[Any]:
        """Record a failed request under the URL the spider asked for (the first of a redirect chain); a
        request naming a failure handler (``nianbao_on_error``) tells it too. A static list page answering 404
        whose family has a dynamic fallback (``meta["fallback"]``) is asked there instead."""
        request = failure.request  # type: ignore[attr-defined]
        asked = (request.meta.get("redirect_urls") or [request.url])[0]
        fallback = request.meta.get("fallback")
        if fallback and fallback != request.url and describe_failure(failure.value)[0] == "http_404":
            # a static list page that is not there: the same page from the CMS's dynamic fallback
            self.count("list/fallback")
            meta = {k: v for k, v in request.meta.items() if k in FOLLOWED_META}
            yield from self.follow_list(fallback, request.callback, **meta)
            return
        item = error_item(self.portal_name, asked, failure.value)
        if getattr(failure.value, "revisit", False) and request.method == "GET":  # paused: the next run asks it first
            item.revisit = entry_for_request(request.replace(url=asked))
        yield item
        if request.meta.get("nianbao_on_error"):
            yield from load_object(request.meta["nianbao_on_error"])(self, failure)


def error_item(portal: str, url: str, exc: BaseException) -> ErrorItem:
    """The ErrorItem for a failed request (see :mod:`crawler.exceptions` for the codes)."""
    code, reason, evidence = describe_failure(exc)
    return ErrorItem(portal, url, code, reason, evidence)

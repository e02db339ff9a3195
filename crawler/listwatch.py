"""What a list page brought, judged after the spider's callback ran: a spider middleware.

For each list page (``meta["nianbao_kind"] == "list"``) it watches what the callback yields. When that holds no
report (no detail request, no report item, no refused report link) and no way further (no folder or API
request elsewhere than the page's own pagination):

- a page fetched statically whose markup says a script or an iframe writes the list (:func:`crawler.browser.why_render`)
  is asked again through the browser, when the crawl has one (:func:`crawler.browser.browser_enabled`), at most
  ``NIANBAO_BROWSER_MAX_PAGES`` times per portal (past that, ``browser_cap`` is recorded once);
- a column's first page (``meta["nianbao_column"]``) that is empty even so, or answers 404/410, is a column
  that has moved: :func:`crawler.discovery.column_moved` records it and (live; not in replay, unless
  ``NIANBAO_REDISCOVER`` is set) looks for the column again from the portal's home page.

API answers (JSON, XML) and POST requests are neither rendered nor judged moved columns when empty.

Nothing is changed in what the callback yields; requests and items pass through as they come.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.browser import RENDER_META, browser_enabled, render_meta, static_report_links, why_render
from crawler.discovery import COLUMN_META, column_moved, plan_start
from crawler.items import ErrorItem, ReportItem
from crawler.middlewares import KIND_META
from crawler.portalruns import LISTS_READ, PORTAL_STAT
from crawler.spiders.base import as_html, folder_of

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response

KNOWN = "nianbao/skipped/known"  # ReportSpider.count("skipped/known"): a report already read, not asked again
REPORT_LINK_ERRORS = frozenset({"offsite", "unsafe_link"})
MOVED_STATUSES = frozenset({404, 410})
DROPPED_META = (
    "download_latency",
    "download_slot",
    "redirect_times",
    "redirect_ttl",
    "redirect_urls",
    "redirect_reasons",
    "retry_times",
    "playwright_page",
    "playwright_security_details",
)


def looks_html(response: Response) -> bool:
    """An HTML page (whatever its Content-Type says), not an API's JSON or XML."""
    if isinstance(response, HtmlResponse):
        return True
    head = response.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


class Watch:
    """What one list page's callback has yielded so far."""

    __slots__ = ("known_before", "moved_status", "reports", "structure")

    def __init__(self, known_before: int = 0) -> None:
        self.reports = 0
        self.structure = 0
        self.moved_status: int | None = None
        self.known_before = known_before  # reports skipped as already read, before this page's callback ran

    def see(self, response: Response, out: Any) -> None:
        if isinstance(out, ReportItem):
            self.reports += 1
        elif isinstance(out, ErrorItem):
            if out.code in REPORT_LINK_ERRORS:
                self.reports += 1
            elif out.code in {f"http_{s}" for s in MOVED_STATUSES}:
                self.moved_status = int(out.code[5:])
        elif isinstance(out, Request):
            kind = out.meta.get(KIND_META)
            if kind in ("detail", "attachment"):
                self.reports += 1
            elif kind == "list" and folder_of(out.url) != folder_of(response.url):
                self.structure += 1


class ListWatchMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.browser = browser_enabled(crawler.settings)
        self.max_renders = crawler.settings.getint("NIANBAO_BROWSER_MAX_PAGES", 20)
        self.renders = 0
        self.cap_recorded = False
        # Look for a moved column again from the home page: live, not in replay (the cassettes hold the crawl
        # that was recorded; a walk the recording did not make would only ask what no cassette holds).
        replay = crawler.settings.get("NIANBAO_MODE") == "replay"
        self.rediscover = crawler.settings.getbool("NIANBAO_REDISCOVER", not replay)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(PORTAL_STAT, self.portal)
        async for out in plan_start(self.crawler.spider, start, self.crawler):
            yield out

    # -- universal: sync and async callbacks ----------------------------------------------------
    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        watch = self.watch(response)
        for out in result:
            watch.see(response, out)
            yield out
        yield from self.after(response, watch)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        watch = self.watch(response)
        async for out in result:
            watch.see(response, out)
            yield out
        for out in self.after(response, watch):
            yield out

    def watch(self, response: Response) -> Watch:
        if response.meta.get(KIND_META) == "list" and response.status == 200:
            self.inc(LISTS_READ.removeprefix("nianbao/"))
        return Watch(self.known())

    def known(self) -> int:
        stats = self.crawler.stats
        return int(stats.get_value(KNOWN, 0) or 0) if stats is not None else 0

    # -- the verdict ------------------------------------------------------------------------------
    def after(self, response: Response, watch: Watch) -> Iterator[Any]:
        meta = response.meta
        if meta.get(KIND_META) != "list" or watch.reports or watch.structure or self.known() > watch.known_before:
            return  # reports found (or skipped as read in an earlier run), or somewhere further to go
        spider = self.crawler.spider
        column = meta.get(COLUMN_META)
        if watch.moved_status is not None or response.status in MOVED_STATUSES:
            if column:
                status = watch.moved_status or response.status
                yield from column_moved(spider, column, f"the column answers HTTP {status}", rediscover=self.rediscover)
            return
        request = response.request
        if not looks_html(response) or (request is not None and request.method != "GET"):
            return  # an API's answer (JSON, XML) or a POST: neither rendered nor judged a moved column
        if meta.get("playwright"):
            self.inc("browser/empty")
            if column:
                reason = "the column lists no report, even rendered in a browser"
                yield from column_moved(spider, column, reason, rediscover=self.rediscover)
            return
        text = as_html(response).text
        if static_report_links(text):
            return  # the page shows reports the spider did not take (already read, or not its kind)
        why = why_render(text) if self.browser else None
        if why:
            yield from self.render(response, why)
        elif column:
            yield from column_moved(spider, column, "the column lists no report", rediscover=self.rediscover)

    def render(self, response: Response, why: str) -> Iterator[Any]:
        if self.renders >= self.max_renders:
            self.inc("browser/capped")
            if not self.cap_recorded:
                self.cap_recorded = True
                yield ErrorItem(
                    self.portal,
                    response.url,
                    "browser_cap",
                    f"not rendered: the portal's browser budget of {self.max_renders} pages "
                    "(NIANBAO_BROWSER_MAX_PAGES) is spent; this page and later ones are read as fetched",
                    why,
                )
            return
        self.renders += 1
        self.inc("browser/fallback")
        request = response.request
        assert request is not None
        meta = {k: v for k, v in request.meta.items() if k not in DROPPED_META}
        meta.update(render_meta(why))
        yield request.replace(url=response.url, meta=meta, dont_filter=True)

    @property
    def portal(self) -> str:
        spider = self.crawler.spider
        return str(getattr(spider, "portal_name", None) or getattr(spider, "name", ""))

    def inc(self, what: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"nianbao/{what}")


__all__ = ["RENDER_META", "ListWatchMiddleware"]

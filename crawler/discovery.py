"""Discovery: from a portal's home page to its annual-report column, by what the links say.

The 年报 column of a Chinese government portal sits in its 政府信息公开 专栏 (CMS.md §6): the home page links
the 专栏 (政府信息公开, 信息公开, 政务公开, 公开目录 …), whose menu links the column (政府信息公开年报,
政府信息公开工作年度报告, 年度报告, 工作年报 …) next to its siblings (指南, 制度, 法定主动公开内容) and to the
decoy 政府网站工作年度报表 (``wzndbb``), which is a report about the website, not about disclosure.

:func:`column_score` and :func:`hub_score` rate one link (text first, the URL's folder name as a hint:
``zfxxgknb``, ``xxgknb``, ``gknb``, ``zfxxgkndbg`` …); :func:`best_links` rates a page. The walk
(:func:`start_discovery`, :func:`parse_page`) goes from the home page through the best 专栏 links, on the
portal's site only, at most ``NIANBAO_DISCOVERY_HOPS`` links deep (default 3) and ``NIANBAO_DISCOVERY_PAGES``
pages (default 12). The first page that links a column ends it: the column is recorded (a
:class:`ColumnItem`, stored by :class:`ColumnPipeline` in ``portal_columns``, with the page that links it,
the link's text and the path walked) and crawled with the spider's own list callback. A walk that finds
nothing records ``no_column`` with the pages it read. A home page linking no 专栏 whose scripts may write
its menus is read again in the browser (when the crawl has one, within its budget).

A column that has moved (404/410, or a first page that lists no report, rendered or not; judged by
:mod:`crawler.listwatch`) is recorded ``column_moved`` (:func:`column_moved`) and discovery runs again from
the portal's home page, once per run; the column found then replaces the moved one in later runs
(:func:`storage.portalstate.column_plan`).

Spiders need no code for it: the start requests of a spider that names no column become a discovery walk
from its ``site`` (or ``home``), or from ``url`` when the spider argument ``discover`` is set
(``nianbao crawl --discover URL``). Discovery requests are ``kind = "discovery"`` and are answered by
:meth:`crawler.spiders.base.ReportSpider.parse_by_handler`, which calls :func:`parse_page` (requests stay
serialisable: their callback is a spider method).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Request

from crawler.browser import SCRIPT, SCRIPT_SRC, browser_enabled, render_meta
from crawler.items import ErrorItem
from crawler.middlewares import KIND_META
from crawler.pipelines import run_id_for, store_from_settings
from crawler.portalruns import COLUMNS_STAT
from crawler.spiders.base import Link, as_html, clean, folder_of, is_attachment_url
from storage.portalstate import column_plan, record_column

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response, TextResponse
    from twisted.python.failure import Failure

    from crawler.spiders.base import ReportSpider

COLUMN_META = "nianbao_column"  # on a column's first page: the column's URL
HANDLER_META = "nianbao_handler"  # dotted path of the function that answers a request (parse_by_handler)
FAILED_META = "nianbao_on_error"  # dotted path of the function told of a request's failure
STEP_META = "nianbao_discovery"  # on a discovery request: the path walked so far, [[url, link text], …]
DISCOVERY_KIND = "discovery"
MAX_HOPS = 3
MAX_PAGES = 12

# -- rating links --------------------------------------------------------------------------------------
YEAR = re.compile(r"(19|20)\d{2}\s*年?|[〇零一二][〇零一二三四五六七八九]{3}年")
DECOY_TEXT = re.compile(r"网站|报表|企业|统计|公示|财务|决算|预算|审计|年鉴|政府工作报告|工作要点|通知|关于")
DECOY_URL = re.compile(r"wzndbb|zfwzndbb|wzbb|ndbb|qynb|tjnb|tjgb", re.IGNORECASE)
ANNUAL_URL = re.compile(
    r"(zfxxgknb|xxgknb|gknb|zfxxgkndbg|xxgkndbg|gkndbg|ndbg|nianbao|annualreport|ndgzbg)", re.IGNORECASE
)
HUB_URL = re.compile(r"(zfxxgk|xxgk|zwgk|gkml|openness|govinfo|gongkai|zfgk)", re.IGNORECASE)
MORE = re.compile(r"^(更多|more|查看更多|>>|»)+\W*$", re.IGNORECASE)
SIBLING = re.compile(r"指南|制度|依申请|申请表|意见箱|监督|规定|解读|联系")


def norm(text: str) -> str:
    """Link text as compared: NFKC (full-width letters and digits), no spaces, no decorations."""
    t = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s>»·•|【】\[\]()（）<«]+", "", t)


def is_report_url(url: str) -> bool:
    path = urlsplit(url).path
    return is_attachment_url(url) or bool(
        re.search(r"/t\d{8}_\d+\.s?html?$|/art_\d+_\d+\.html$|/article_\d{17,19}\.html$|/show/\d+\.html$", path)
    )


def column_score(text: str, url: str) -> int:
    """How surely a link leads to the annual-report column (0: it does not)."""
    t = norm(text)
    path = urlsplit(url).path + "?" + urlsplit(url).query
    if DECOY_URL.search(path) or is_report_url(url) or len(t) > 24 or YEAR.search(t) or DECOY_TEXT.search(t):
        return 0
    hint = 3 if ANNUAL_URL.search(path) else 0
    if re.fullmatch(r"(政府)?信息公开(工作)?(年度)?(年报|年度报告|报告)(专栏)?", t):
        score = 10
    elif re.search(r"(信息|政务)公开.{0,6}(年报|年度报告)", t):
        score = 8
    elif re.fullmatch(r"(工作)?(年度报告|年报)(专栏)?", t):
        score = 6
    elif re.search(r"年报|年度报告", t):
        score = 4
    elif hint and (not t or MORE.match(t)):
        return 3  # 更多 next to a 年报 heading, or an image link, in a 年报 folder
    else:
        return 0
    return score + hint


def hub_score(text: str, url: str) -> int:
    """How surely a link leads to the 政府信息公开 专栏 (0: it does not)."""
    t = norm(text)
    path = urlsplit(url).path + "?" + urlsplit(url).query
    if not t or len(t) > 16 or YEAR.search(t) or is_report_url(url) or DECOY_URL.search(path):
        return 0
    hint = 1 if HUB_URL.search(path) else 0
    if SIBLING.search(t):
        return 1 + hint if re.search(r"公开", t) else 0  # its page shows the 专栏's menu too
    if t in ("政府信息公开", "信息公开", "政府信息公开专栏"):
        score = 6
    elif "政府信息公开" in t:
        score = 5
    elif re.search(r"政务公开|信息公开|公开目录|主动公开", t):
        score = 4
    elif re.search(r"政务|公开", t) and hint:
        score = 2
    else:
        return 0
    return score + hint


@dataclass
class Rated:
    url: str
    text: str
    score: int


def page_links(page: TextResponse) -> list[Link]:
    """Every link of a page with what it says: its ``title``, else its text, else its image's ``alt`` (a banner
    of the 专栏 is often an image)."""
    out: list[Link] = []
    for a in page.xpath("//a[@href]"):
        href = (a.attrib.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        text = (
            clean(a.attrib.get("title"))
            or clean(" ".join(a.xpath(".//text()").getall()))
            or clean(" ".join(a.xpath(".//img/@alt").getall()))
        )
        out.append(Link(page.urljoin(href), text, None))
    return out


def best_links(links: list[Link], on_site: Any) -> tuple[Rated | None, list[Rated]]:
    """A page's best column link (or None), and its 专栏 links best first (only links ``on_site`` accepts)."""
    column: Rated | None = None
    hubs: dict[str, Rated] = {}
    for link in links:
        url = link.url.split("#", 1)[0] if "#iframe" not in link.url else link.url
        if not on_site(url):
            continue
        c = column_score(link.title, url)
        if c and (column is None or c > column.score):
            column = Rated(url, link.title, c)
        h = hub_score(link.title, url)
        if h and (url not in hubs or h > hubs[url].score):
            hubs[url] = Rated(url, link.title, h)
    return column, sorted(hubs.values(), key=lambda r: -r.score)


# -- the walk ---------------------------------------------------------------------------------------------
@dataclass
class ColumnItem:
    """Where a portal's annual-report column is (``found``), or that it has moved (``moved``)."""

    portal: str
    url: str
    status: str
    source: str = "discovered"
    found_on: str | None = None
    link_text: str | None = None
    path: list[tuple[str, str]] = field(default_factory=list)
    replaces: str | None = None
    reason: str | None = None


class Walk:
    """One portal's discovery state in one crawl."""

    def __init__(self) -> None:
        self.rounds = 0
        self.pages = 0
        self.pending = 0
        self.done = False
        self.seen: set[str] = set()
        self.read: list[str] = []
        self.tried: set[str] = set()  # columns crawled (configured, remembered or found) in this run
        self.replaces: str | None = None
        self.home = ""


def walk_of(spider: ReportSpider) -> Walk:
    walk: Walk | None = getattr(spider, "nianbao_walk", None)
    if walk is None:
        walk = Walk()
        spider.nianbao_walk = walk  # type: ignore[attr-defined]
    return walk


def setting(spider: ReportSpider, name: str, default: int) -> int:
    crawler = getattr(spider, "crawler", None)
    return crawler.settings.getint(name, default) if crawler is not None else default


def home_of(spider: ReportSpider) -> str | None:
    """The portal's home page: the spider's ``site``/``home``, else the origin of its first start URL."""
    for name in ("site", "home", "home_url"):
        value = getattr(spider, name, None)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    urls = list(getattr(spider, "start_urls", ()) or ()) or list(getattr(spider, "columns", ()) or ())
    if urls:
        parts = urlsplit(urls[0])
        return f"{parts.scheme}://{parts.netloc}/"
    return None


def start_discovery(spider: ReportSpider, home: str, replaces: str | None = None) -> Iterator[Any]:
    """Begin (or begin again) the walk from ``home``: at most one new round per crawl after the first."""
    walk = walk_of(spider)
    if walk.rounds >= 2 or (walk.rounds and walk.pending):
        return
    walk.rounds += 1
    walk.done = False
    walk.pages = 0
    walk.seen.clear()
    walk.read.clear()
    walk.replaces = replaces
    walk.home = home
    yield from step(spider, home, [])


def step(spider: ReportSpider, url: str, path: list[list[str]]) -> Iterator[Any]:
    walk = walk_of(spider)
    if url in walk.seen or walk.pages >= setting(spider, "NIANBAO_DISCOVERY_PAGES", MAX_PAGES):
        return
    walk.seen.add(url)
    walk.pages += 1
    walk.pending += 1
    yield Request(
        url,
        callback=spider.parse_by_handler,
        errback=spider.on_error,
        priority=10 - len(path),
        meta={
            KIND_META: DISCOVERY_KIND,
            HANDLER_META: "crawler.discovery.parse_page",
            FAILED_META: "crawler.discovery.page_failed",
            STEP_META: path,
        },
    )


def parse_page(spider: ReportSpider, response: Response) -> Iterator[Any]:
    """A page of the walk: the column if it links one, else the next 专栏 pages."""
    walk = walk_of(spider)
    walk.pending -= 1
    if walk.done:
        return
    path: list[list[str]] = response.meta.get(STEP_META) or []
    walk.read.append(response.url)
    page = as_html(response)
    column, hubs = best_links(page_links(page), lambda u: spider.link_verdict(u) is None)
    if column is not None and column.url not in walk.tried:
        walk.done = True
        yield from found(spider, response.url, column, [*path, [column.url, column.text]])
        return
    if not hubs and not path and response.request is not None and scripted(spider, response, page.text):
        walk.pending += 1  # the home page again, rendered: its menus may be written by a script
        meta = {**response.request.meta, **render_meta("no 专栏 link in the page as fetched; a script may write it")}
        yield response.request.replace(meta=meta, dont_filter=True)
        return
    if len(path) + 1 < setting(spider, "NIANBAO_DISCOVERY_HOPS", MAX_HOPS):
        for hub in hubs:
            yield from step(spider, hub.url, [*path, [hub.url, hub.text]])
    yield from maybe_give_up(spider)


def scripted(spider: ReportSpider, response: Response, text: str) -> bool:
    """Should the home page be read again in the browser? It links no 专栏, it was fetched statically, the crawl
    can render, and the page runs scripts (its menus may be written by one)."""
    crawler = getattr(spider, "crawler", None)
    if response.meta.get("playwright") or crawler is None or not browser_enabled(crawler.settings):
        return False
    return bool(SCRIPT_SRC.search(text) or SCRIPT.search(text))


def page_failed(spider: ReportSpider, failure: Failure) -> Iterator[Any]:
    walk_of(spider).pending -= 1
    yield from maybe_give_up(spider)


def maybe_give_up(spider: ReportSpider) -> Iterator[Any]:
    walk = walk_of(spider)
    if walk.pending > 0 or walk.done:
        return
    walk.done = True
    spider.count("discovery/not_found")
    hops = setting(spider, "NIANBAO_DISCOVERY_HOPS", MAX_HOPS)
    yield ErrorItem(
        spider.portal_name,
        walk.home,
        "no_column",
        f"no annual-report column found from the home page (at most {hops} links deep, {walk.pages} page(s) read)",
        " ".join(walk.read)[:500],
    )


def note_column(spider: Any, url: str) -> None:
    """Remember in the crawl stats that the crawl started from this column (``portal_runs.columns``)."""
    crawler = getattr(spider, "crawler", None)
    if crawler is not None and crawler.stats is not None:
        columns = list(crawler.stats.get_value(COLUMNS_STAT) or [])
        if url not in columns:
            crawler.stats.set_value(COLUMNS_STAT, [*columns, url])


def use_column(spider: Any, url: str) -> None:
    """The crawl goes on from this column: noted for the run's figures; the generic spider (which follows
    folders and pages under its column only) is moved to it."""
    walk_of(spider).tried.add(url)
    note_column(spider, url)
    if isinstance(getattr(spider, "column", None), str):
        spider.column = folder_of(url)


def found(spider: ReportSpider, on: str, column: Rated, path: list[list[str]]) -> Iterator[Any]:
    use_column(spider, column.url)
    spider.count("discovery/found")
    yield ColumnItem(
        spider.portal_name,
        column.url,
        "found",
        found_on=on,
        link_text=column.text,
        path=[(u, t) for u, t in path],
        replaces=walk_of(spider).replaces,
    )
    yield from spider.follow_list(column.url, None, **{COLUMN_META: column.url})


def column_moved(spider: Any, column: str, reason: str, *, rediscover: bool = True) -> Iterator[Any]:
    """A column that answers 404/410 or lists nothing: recorded (``column_moved`` and in ``portal_columns``),
    then (``rediscover``) discovery runs again from the home page, once per crawl."""
    walk = walk_of(spider)
    walk.tried.add(column)
    spider.count("discovery/column_moved")
    yield ColumnItem(spider.portal_name, column, "moved", source="registry", reason=reason)
    then = "looking for it again" if rediscover else "not looked for again in this run"
    yield ErrorItem(spider.portal_name, column, "column_moved", f"column moved: {reason}; {then}")
    home = home_of(spider)
    if home and rediscover:
        yield from start_discovery(spider, home, replaces=column)


class ColumnPipeline:
    """Stores :class:`ColumnItem` in ``portal_columns`` (through :mod:`storage.portalstate`)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.store = store_from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ColumnItem) or self.store is None:
            return item
        source = item.source
        if item.status == "moved":  # keep how the column was known (registry or discovered)
            known = [
                r
                for r in self.store.db.query(
                    "SELECT source FROM portal_columns WHERE portal = ? AND url = ?", [item.portal, item.url]
                )
            ]
            source = known[0]["source"] if known else source
        record_column(
            self.store.db,
            item.portal,
            item.url,
            status=item.status,
            source=source,
            run_id=run_id_for(self.crawler),
            found_on=item.found_on,
            link_text=item.link_text,
            path=[tuple(p) for p in item.path] if item.path else None,  # type: ignore[misc]
            replaces=item.replaces,
            reason=item.reason,
        )
        return item


# -- start requests ----------------------------------------------------------------------------------
async def plan_start(spider: Any, start: AsyncIterator[Any], crawler: Crawler) -> AsyncIterator[Any]:
    """The spider's start requests, with its columns' history applied: each list request is marked as a
    column's first page; a configured column known to have moved is replaced by the column discovery found
    for it; a spider with no column (or ``discover`` set) walks from its home page."""
    store = store_from_settings(crawler.settings)
    discover = str(getattr(spider, "discover", "") or "").lower() in ("1", "true", "yes")
    lists: list[Request] = []
    async for out in start:
        if isinstance(out, Request) and out.meta.get(KIND_META) == "list" and not out.meta.get(COLUMN_META):
            lists.append(out)
        else:
            yield out
    if discover:
        home = lists[0].url if lists else home_of(spider)
        if home:
            for out in start_discovery(spider, home):
                yield out
        return
    configured = [r.url for r in lists]
    planned, _ = column_plan(store.db, spider.portal_name, configured) if store is not None else (configured, [])
    by_url = {r.url: r for r in lists}
    for url in planned:
        use_column(spider, url)
        request = by_url.get(url) or spider.list_request(url)
        yield request.replace(url=url, meta={**request.meta, COLUMN_META: url})
    if not planned:
        home = home_of(spider)
        if home:
            for out in start_discovery(spider, home):
                yield out


def describe_path(path: list[tuple[str, str]] | str) -> str:
    """A walk as one line: 首页 → 政府信息公开 → 政府信息公开年报."""
    steps = json.loads(path) if isinstance(path, str) else path
    return " → ".join(["home", *[t or u for u, t in steps]])

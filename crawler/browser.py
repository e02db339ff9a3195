"""Lists only a browser renders: scrapy-playwright with Debian's chromium, bounded and accounted for.

Some columns are shells: the list is written by a script (an XHR/JSON call, ``document.write``, a template
framework) or sits in an ``<iframe>`` (Changzhou/Huai'an counties; Inner Mongolia's ``?gk=&cid=#iframe``
政务公开 module). A static fetch of such a page shows no report link. Two ways lead to the browser:

- a portal marked ``needs_browser`` (registry field, or ``nianbao crawl --browser``): its list pages are
  rendered (detail pages and attachments are fetched as usual);
- a list page fetched statically that shows no report link, while its markup has the markers of a list
  written later (an iframe, a script that fetches or writes the page: :func:`why_render`): it is requested
  again through the browser (:mod:`crawler.listwatch` decides, after the spider's callback found nothing).

A rendered page is given time to settle (network idle, then the links stop changing, at most
``NIANBAO_BROWSER_SETTLE`` seconds), then every same-site iframe's content is put in the place of its
``<iframe>`` element, links made absolute against the frame's own address (:func:`settle_and_inline`). The
spider's callback then reads the rendered page as it reads a static one.

Bounds (settings): ``NIANBAO_BROWSER_MAX_PAGES`` pages rendered per portal and run (past it a render is not
made and ``browser_cap`` is recorded), ``NIANBAO_BROWSER_TIMEOUT`` seconds for a page's document and the
scripts it waits for (past it: ``timeout``), then at most ``NIANBAO_BROWSER_SETTLE`` seconds to settle;
``NIANBAO_BROWSER_CONCURRENCY`` pages at once in the process (one chromium is shared by every portal of the
process, launched on first use only). Images, media, fonts
and style sheets are not loaded. The browser sends the crawl's User-Agent.

Figures: the crawl stats ``nianbao/browser/pages``, ``…/ms``, ``…/failed``, ``…/capped``; the run's
``browser_pages`` and ``browser_ms`` (``runs`` table, ``nianbao summary``).

``NIANBAO_BROWSER``: ``auto`` (default; live runs install the browser handler, which starts nothing until a
page needs it), ``off`` (never render). Replay and record never render (the cassettes hold what the
static crawl asked). ``NIANBAO_CHROMIUM`` names the browser executable (default: ``chromium`` on PATH,
else ``/usr/bin/chromium``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import time
from collections.abc import Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.exceptions import CrawlError

if TYPE_CHECKING:
    from playwright.async_api import Browser, Frame, Page, Playwright
    from playwright.async_api import Request as PlaywrightRequest
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

HANDLER = "crawler.browser.BrowserDownloadHandler"
RENDER_META = "nianbao_render"  # why a request is rendered (``needs_browser``, or the static page's markers)
STATS = "nianbao/browser"
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
)
SKIPPED_RESOURCES = frozenset({"image", "media", "font", "stylesheet"})

DEFAULTS: dict[str, Any] = {
    "NIANBAO_BROWSER": "auto",
    "NIANBAO_BROWSER_MAX_PAGES": 20,
    "NIANBAO_BROWSER_TIMEOUT": 30.0,
    "NIANBAO_BROWSER_SETTLE": 8.0,
    "NIANBAO_BROWSER_CONCURRENCY": 2,
}


def chromium_path() -> str:
    """The chromium executable: ``NIANBAO_CHROMIUM``, else ``chromium`` on PATH, else ``/usr/bin/chromium``."""
    return os.environ.get("NIANBAO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def browser_enabled(settings: BaseSettings) -> bool:
    """Is rendering possible in this crawl (the browser handler installed, ``NIANBAO_BROWSER`` not off)?"""
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    return handlers.get("http") == HANDLER and str(settings.get("NIANBAO_BROWSER", "auto")).lower() != "off"


def browser_wanted(spiders: Iterable[tuple[type, dict[str, Any]]]) -> bool:
    """Does a live crawl of ``spiders`` (classes and their arguments) install the browser handler? Yes,
    unless ``NIANBAO_BROWSER=off`` and no spider has ``needs_browser``."""
    if os.environ.get("NIANBAO_BROWSER", "auto").lower() != "off":
        return True
    return any(kwargs.get("needs_browser") or getattr(cls, "needs_browser", False) for cls, kwargs in spiders)


def browser_settings(settings: BaseSettings) -> dict[str, Any]:
    """Settings that install the browser handler for ``http`` and ``https`` (live mode), and configure it."""
    timeout_ms = int(1000 * float(settings.get("NIANBAO_BROWSER_TIMEOUT") or DEFAULTS["NIANBAO_BROWSER_TIMEOUT"]))
    return {
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_BROWSER_PROVIDER": "crawler.browser.SharedBrowserProvider",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": chromium_path(),
            "headless": True,
            "args": list(CHROMIUM_FLAGS),
            "timeout": timeout_ms,
        },
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout_ms,
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_ABORT_REQUEST": "crawler.browser.skip_resource",
    }


def skip_resource(request: PlaywrightRequest) -> bool:
    """Images, media, fonts and style sheets are not loaded: a list needs none of them."""
    return request.resource_type in SKIPPED_RESOURCES


# ------------------------------------------------------------------------------------------ deciding
REPORT_WORDS = re.compile(r"年度报告|年报|政府信息公开工作")
YEAR = re.compile(r"(19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}")
REPORT_URL = re.compile(
    r"/t\d{8}_\d+\.s?html?$|/art_\d+_\d+\.html$|/article_\d{17,19}\.html$|/\d{17,19}/index\.s?html$"
    r"|/show/\d+\.html$|/content/post_\d+\.html$|/\d+\.jhtml$|\.(pdf|docx?|xlsx?|wps)$",
    re.IGNORECASE,
)
ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
TITLE_ATTR = re.compile(r"""\btitle\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")
JSON_TITLE = re.compile(r"""["'](?:title|realtitle|name|doctitle)["']\s*:\s*["']([^"']{4,200})["']""", re.IGNORECASE)
IFRAME = re.compile(r"<i?frame\b[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# What a script that fills the page does: fetch data, write markup, or bind a template.
WRITES_PAGE = re.compile(
    r"\$\.(ajax|get|post|getJSON)\b|\bajax\s*\(|\bfetch\s*\(|XMLHttpRequest|\baxios\b|\.load\s*\(|getJSON"
    r"|document\.write|innerHTML|insertAdjacentHTML|appendChild|\.append\s*\(|\.html\s*\("
    r"|\bnew\s+Vue\b|createApp\s*\(|\bangular\b|ReactDOM|\blayui\b|\blaypage\b|template\s*\(|jsonp",
    re.IGNORECASE,
)
EMPTY_LIST = re.compile(
    r"<(ul|ol|tbody|table|div)\b[^>]*\b(?:id|class)\s*=\s*[\"'][^\"']*(?:list|data|content|items|tbody)[^\"']*[\"'][^>]*>"
    r"\s*(?:<li\b[^>]*>[^<]{0,20}</li>\s*)?</\1\s*>",
    re.IGNORECASE,
)
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
TEMPLATE_MARKUP = re.compile(r"""\b(ms-repeat|ms-for|v-for|v-html|ng-repeat|x-for)\s*=|\{\{\s*[\w.]+\s*\}\}""")


def is_report_anchor(title: str, url: str) -> bool:
    """A link to one report: its text names a report and a year, or it leads to a document-shaped URL."""
    text = " ".join(title.split())
    if not REPORT_WORDS.search(text) or re.match(r"^\s*关于", text) or "通知" in text:
        return False
    path = urlsplit(url).path
    return bool(YEAR.search(text) or REPORT_URL.search(path))


def static_report_links(body: str) -> list[tuple[str, str]]:
    """Report links anywhere in the page's source, scripts and CDATA included: ``(href, text)``.

    A Hanweb ``<datastore>`` or a page that embeds its list as JSON holds its list statically: the spider
    (or its family's API) reads it, no browser is needed."""
    found: list[tuple[str, str]] = []
    for attrs, inner in ANCHOR.findall(body):
        href = HREF.search(attrs)
        title = TITLE_ATTR.search(attrs)
        text = (title.group(1) if title else "") or TAGS.sub("", inner)
        if href and is_report_anchor(text, href.group(1)):
            found.append((href.group(1), " ".join(text.split())))
    for title in JSON_TITLE.findall(body):
        if is_report_anchor(title, ""):
            found.append(("", title))
    return found


def why_render(body: str, base_host: str = "") -> str | None:
    """Why a static list page may need a browser, or ``None``: it shows no report link, and it has an
    iframe, a script that fetches or writes markup, or template markup waiting for a script."""
    if static_report_links(body):
        return None
    frames = IFRAME.findall(body)
    if frames:
        return f"no report link in the static page, and {len(frames)} iframe(s): {frames[0][:120]}"
    if TEMPLATE_MARKUP.search(body):
        return "no report link in the static page, and template markup a script fills in"
    for attrs, code in SCRIPT.findall(body):
        if re.search(r"type\s*=\s*[\"']?text/(xml|template|html)", attrs, re.IGNORECASE):
            continue
        m = WRITES_PAGE.search(code)
        if m:
            return f"no report link in the static page, and a script that writes it ({m.group(0).strip()})"
    empty = EMPTY_LIST.search(body)
    if empty and (SCRIPT_SRC.search(body) or SCRIPT.search(body)):
        return f"no report link in the static page, and an empty list a script fills ({empty.group(0)[:80]})"
    return None


def render_meta(reason: str) -> dict[str, Any]:
    """The request meta that sends a list page through the browser (plain values: the request stays
    serialisable for a shared queue). The page is loaded up to its DOM (``NIANBAO_BROWSER_TIMEOUT``), then
    settled (:meth:`BrowserDownloadHandler._apply_page_methods`)."""
    return {
        "playwright": True,
        RENDER_META: reason,
        "playwright_page_goto_kwargs": {"wait_until": "domcontentloaded"},
    }


# ------------------------------------------------------------------------------------------ rendering
FRAME_BODY_JS = """() => {
  for (const a of document.querySelectorAll('a[href]')) {
    const h = a.getAttribute('href');
    if (h && !/^(javascript|mailto|data):/i.test(h.trim())) a.setAttribute('href', a.href);
  }
  const copy = (document.body || document.documentElement).cloneNode(true);
  for (const s of copy.querySelectorAll('script')) s.remove();  // they ran; what they wrote is in the copy
  return copy.innerHTML;
}"""
REPLACE_FRAME_JS = """(el, [src, html]) => {
  const d = document.createElement('div');
  d.setAttribute('data-nianbao-frame', src);
  d.innerHTML = html;
  el.replaceWith(d);
}"""
LINK_COUNT_JS = "() => document.querySelectorAll('a[href]').length"


def same_site(url: str, host: str) -> bool:
    """Is ``url`` on the page's site (its host, or a host sharing its domain without ``www.``)?"""
    other = (urlsplit(url).hostname or "").lower()
    site = host.lower().removeprefix("www.")
    return bool(other) and (other == host.lower() or other == site or other.endswith("." + site))


def frame_depth(frame: Frame) -> int:
    depth = 0
    parent = frame.parent_frame
    while parent is not None:
        depth, parent = depth + 1, parent.parent_frame
    return depth


async def settle_and_inline(page: Page, settle: float = 8.0) -> int:
    """Wait for the page's scripts (network idle, then a number of links that stops changing, or stays nil for a
    second; at most ``settle`` seconds), then put each same-site iframe's content in place of its element,
    deepest first. Returns the number of frames inlined. Never raises for a page that stays busy: what is there
    is read."""
    deadline = time.monotonic() + settle
    with suppress(Exception):
        await page.wait_for_load_state("networkidle", timeout=max(1, int(settle * 1000)))
    last, same = -1, 0
    while time.monotonic() < deadline:
        try:
            count = sum([await f.evaluate(LINK_COUNT_JS) for f in page.frames if not f.is_detached()])
        except Exception:
            count = -2
        same = same + 1 if count == last else 0
        if (count > 0 and same >= 1) or same >= 3:  # links that stop changing; none for a second: nothing comes
            break
        last = count
        await asyncio.sleep(0.3)
    host = urlsplit(page.url).hostname or ""
    inlined = 0
    for frame in sorted(page.frames, key=frame_depth, reverse=True):
        if frame.parent_frame is None or frame.is_detached() or not same_site(frame.url, host):
            continue
        try:
            html = await frame.evaluate(FRAME_BODY_JS)
            element = await frame.frame_element()
            await element.evaluate(REPLACE_FRAME_JS, [frame.url, html])
            inlined += 1
        except Exception as exc:  # a frame navigating away, detached meanwhile …
            logger.debug("frame %s not inlined: %r", frame.url, exc)
    return inlined


class SharedBrowserProvider:
    """One chromium for the whole process, launched when a first page needs it (not at engine start).

    scrapy-playwright makes one handler per crawler (per portal); each asks its provider for a browser. They
    all get the same one, behind a wrapper whose ``close`` only releases this handler's share: the last
    share closes chromium and the Playwright driver."""

    _lock: asyncio.Lock | None = None
    _playwright: Playwright | None = None
    _browser: Browser | None = None
    _users = 0

    def __init__(self, config: Any) -> None:
        self.config = config
        self.shared = False

    async def start(self) -> None:  # lazily, in launch_browser
        return None

    async def launch_browser(self) -> Any:
        cls = type(self)
        if cls._lock is None:
            cls._lock = asyncio.Lock()
        async with cls._lock:
            if cls._browser is None or not cls._browser.is_connected():
                from playwright.async_api import async_playwright

                if cls._playwright is None:
                    cls._playwright = await async_playwright().start()
                options = dict(self.config.launch_options)
                executable = options.get("executable_path")
                if executable and not os.path.exists(executable):
                    raise CrawlError(
                        "",
                        f"no browser at {executable}: install Debian's chromium, set NIANBAO_CHROMIUM, or run "
                        "with NIANBAO_BROWSER=off",
                        code="browser_failed",
                    )
                cls._browser = await cls._playwright.chromium.launch(**options)
                logger.info("chromium launched (%s)", executable or "Playwright's own")
            if not self.shared:
                self.shared = True
                cls._users += 1
            return _SharedBrowser(cls._browser, self)

    async def launch_persistent_context(self, context_kwargs: dict[str, Any]) -> Any:
        raise CrawlError("", "persistent browser contexts are not used", code="browser_failed")

    async def release(self) -> None:
        cls = type(self)
        if not self.shared:
            return
        self.shared = False
        cls._users -= 1
        if cls._users <= 0:
            browser, playwright = cls._browser, cls._playwright
            cls._browser = cls._playwright = None
            cls._users = 0
            with suppress(Exception):
                if browser is not None:
                    await browser.close()
            with suppress(Exception):
                if playwright is not None:
                    await playwright.stop()

    async def close(self) -> None:
        await self.release()


class _SharedBrowser:
    """The shared browser as one handler sees it: everything but ``close`` goes to chromium."""

    def __init__(self, browser: Browser, provider: SharedBrowserProvider) -> None:
        self._browser = browser
        self._provider = provider

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)

    async def close(self) -> None:
        await self._provider.release()


class BrowserDownloadHandler(ScrapyPlaywrightDownloadHandler):  # type: ignore[misc]
    """scrapy-playwright's handler, bounded: at most ``NIANBAO_BROWSER_MAX_PAGES`` rendered pages per portal,
    ``NIANBAO_BROWSER_CONCURRENCY`` at once in the process; each render is timed and counted. A page that
    fails to render raises a :class:`crawler.exceptions.CrawlError` (``timeout``, ``browser_failed``,
    ``browser_cap``). Requests without ``meta["playwright"]`` go to Scrapy's HTTP handler, as before."""

    _slots: asyncio.Semaphore | None = None

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.crawler = crawler
        self.max_pages = crawler.settings.getint("NIANBAO_BROWSER_MAX_PAGES", DEFAULTS["NIANBAO_BROWSER_MAX_PAGES"])
        self.concurrency = max(1, crawler.settings.getint("NIANBAO_BROWSER_CONCURRENCY", 2))
        self.rendered = 0
        self.settle = min(
            float(crawler.settings.get("NIANBAO_BROWSER_SETTLE") or 8.0),
            float(crawler.settings.get("NIANBAO_BROWSER_TIMEOUT") or 30.0),
        )

    async def _apply_page_methods(self, page: Page, request: Request, spider: Any) -> None:
        """In place of scrapy-playwright's page methods (each followed by a wait for the ``load`` event, which a
        script that never loads would hold up): let the page settle, and inline its frames."""
        if request.meta.get("playwright_page_methods"):
            await super()._apply_page_methods(page, request, spider)
        await settle_and_inline(page, self.settle)

    @classmethod
    def slots(cls, n: int) -> asyncio.Semaphore:
        if BrowserDownloadHandler._slots is None:
            BrowserDownloadHandler._slots = asyncio.Semaphore(n)
        return BrowserDownloadHandler._slots

    def inc(self, what: str, n: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"{STATS}/{what}", n)

    async def download_request(self, request: Request) -> Response:
        if not request.meta.get("playwright"):
            response: Response = await super().download_request(request)
            return response
        if self.rendered >= self.max_pages:
            self.inc("capped")
            raise CrawlError(
                request.url,
                f"not rendered: the portal's browser budget of {self.max_pages} pages "
                "(NIANBAO_BROWSER_MAX_PAGES) is spent",
                code="browser_cap",
                evidence=str(request.meta.get(RENDER_META) or ""),
            )
        self.rendered += 1
        async with self.slots(self.concurrency):
            started = time.monotonic()
            try:
                response = await super().download_request(request)
            except CrawlError:
                self.inc("failed")
                raise
            except Exception as exc:
                self.inc("failed")
                raise render_failure(request.url, exc) from exc
            finally:
                self.inc("pages")
                self.inc("ms", int(1000 * (time.monotonic() - started)))
        return response


def render_failure(url: str, exc: BaseException) -> CrawlError:
    """A render that failed, as the error recorded: a ``timeout`` or ``browser_failed``, with the cause."""
    name = type(exc).__name__
    message = " ".join(str(exc).split())[:300]
    if "Timeout" in name or "timeout" in message.lower():
        return CrawlError(
            url, "the browser got no complete page in time (NIANBAO_BROWSER_TIMEOUT)", code="timeout", evidence=message
        )
    return CrawlError(url, f"the browser could not render the page ({name})", code="browser_failed", evidence=message)


def run_figures(stats: Iterable[dict[str, Any]]) -> dict[str, int]:
    """The run's browser figures (``browser_pages``, ``browser_ms``) from the crawlers' stats."""
    pages = ms = 0
    for s in stats:
        pages += int(s.get(f"{STATS}/pages", 0) or 0)
        ms += int(s.get(f"{STATS}/ms", 0) or 0)
    return {"browser_pages": pages, "browser_ms": ms}

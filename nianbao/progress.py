"""Live progress of a long harvest on a terminal: portals done of total, reports, errors, the portal now crawled.

One status line on stderr (tqdm), redrawn as the crawl goes: ``37/116 portals ▕███▏ reports 212 (15 new) ·
errors 9 · browser 4 · now: tongliao``. It shows only when stderr is a terminal (``--progress`` forces it,
``--no-progress`` hides it): under cron, or with stderr sent to a file, a harvest prints nothing more than
before. Log lines written meanwhile go above the bar, which is redrawn under them.

The crawl side is a Scrapy extension (:class:`ProgressExtension`, one per crawler, i.e. per portal; installed
through ``EXTENSIONS`` by :func:`progress_settings`) that reports to the one :class:`Progress` of the process.
It reads each crawler's stats (reports stored ``nianbao/reports/*``, errors ``nianbao/errors/*``, pages rendered
``nianbao/browser/pages``): the figures are the ones the run records.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from scrapy import signals
from tqdm import tqdm

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

EXTENSION = "nianbao.progress.ProgressExtension"
REFRESH = 0.2  # seconds between redraws at most

_ACTIVE: Progress | None = None


class _BarStream:
    """A stream for log handlers that writes above the bar (``tqdm.write``) instead of through it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if text.strip():
            tqdm.write(text.rstrip("\n"), file=self.stream)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


class Progress:
    """The figures of one harvest, drawn as a status line."""

    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.crawlers: dict[int, Crawler] = {}
        self.names: dict[int, str] = {}
        self.done = 0
        self.current = ""
        self.drawn = 0.0
        self.bar: tqdm[Any] | None = None
        self.redirected: list[logging.StreamHandler[Any]] = []

    # -- lifecycle ----------------------------------------------------------------------------------
    def open(self) -> None:
        self.bar = tqdm(
            total=self.total,
            unit="portal",
            file=self.stream,
            dynamic_ncols=True,
            leave=True,
            bar_format="{n_fmt}/{total_fmt} portals |{bar:20}| {elapsed}{postfix}",
        )

    def close(self) -> None:
        for handler in self.redirected:
            handler.setStream(self.stream)
        self.redirected.clear()
        if self.bar is not None:
            self.draw(force=True)
            self.bar.close()
            self.bar = None

    def redirect_logging(self) -> None:
        """Send the log handlers that write to our stream above the bar (Scrapy installs its own when the
        crawl starts, after this object was made)."""
        for handler in logging.getLogger().handlers:
            if (
                isinstance(handler, logging.StreamHandler)
                and getattr(handler, "stream", None) is self.stream
                and handler not in self.redirected
            ):
                handler.setStream(_BarStream(self.stream))  # type: ignore[arg-type]
                self.redirected.append(handler)

    # -- events from the crawlers -------------------------------------------------------------------
    def opened(self, crawler: Crawler, name: str) -> None:
        self.crawlers[id(crawler)] = crawler
        self.names[id(crawler)] = name
        self.redirect_logging()
        self.draw()

    def active(self, name: str) -> None:
        self.current = name
        self.draw()

    def closed(self, crawler: Crawler) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        self.draw(force=True)

    # -- figures --------------------------------------------------------------------------------------
    def figures(self) -> dict[str, int]:
        out = {"reports": 0, "new": 0, "errors": 0, "browser": 0}
        for crawler in self.crawlers.values():
            stats = crawler.stats.get_stats() if crawler.stats is not None else {}
            for key, value in stats.items():
                if key.startswith("nianbao/reports/"):
                    out["reports"] += int(value or 0)
                    if key == "nianbao/reports/new":
                        out["new"] += int(value or 0)
                elif key.startswith("nianbao/errors/"):
                    out["errors"] += int(value or 0)
                elif key == "nianbao/browser/pages":
                    out["browser"] += int(value or 0)
        return out

    def line(self) -> str:
        f = self.figures()
        parts = [f"reports {f['reports']} ({f['new']} new)", f"errors {f['errors']}"]
        if f["browser"]:
            parts.append(f"browser {f['browser']}")
        if self.current and self.done < self.total:
            parts.append(f"now: {self.current}")
        return " · ".join(parts)

    def draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.bar is None or (not force and now - self.drawn < REFRESH):
            return
        self.drawn = now
        self.bar.set_postfix_str(self.line(), refresh=True)


class ProgressExtension:
    """Tells the harvest's :class:`Progress` what one crawler (one portal) does."""

    def __init__(self, crawler: Crawler, progress: Progress | None) -> None:
        self.crawler = crawler
        self.progress = progress

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler, _ACTIVE)
        if ext.progress is not None:
            crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
            crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
            crawler.signals.connect(ext.response_received, signal=signals.response_received)
            crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def name(self, spider: Spider | None) -> str:
        return str(getattr(spider, "portal_name", None) or getattr(spider, "name", "?"))

    def spider_opened(self, spider: Spider) -> None:
        assert self.progress is not None
        self.progress.opened(self.crawler, self.name(spider))

    def spider_closed(self, spider: Spider) -> None:
        assert self.progress is not None
        self.progress.closed(self.crawler)

    def response_received(self, spider: Spider | None = None, **kwargs: Any) -> None:
        assert self.progress is not None
        self.progress.active(self.name(spider or self.crawler.spider))

    def item_scraped(self, **kwargs: Any) -> None:
        assert self.progress is not None
        self.progress.draw()


def wanted(flag: bool | None, stream: IO[str] | None = None) -> bool:
    """Show progress? ``flag`` when given (``--progress``/``--no-progress``), else only on a terminal."""
    if flag is not None:
        return flag
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def harvest_progress(total: int, extra: dict[str, Any], flag: bool | None = None) -> Iterator[dict[str, Any]]:
    """Around a harvest of ``total`` portals: the crawl's ``extra`` settings, with the extension added when
    progress is shown (the status line is open meanwhile)."""
    global _ACTIVE
    if not wanted(flag):
        yield extra
        return
    progress = Progress(total)
    progress.open()
    _ACTIVE = progress
    try:
        yield progress_settings(extra)
    finally:
        _ACTIVE = None
        progress.close()


def progress_settings(extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` with :class:`ProgressExtension` added to the project's (and ``extra``'s) ``EXTENSIONS``."""
    from crawler.portals import project_settings

    extensions = {**project_settings().getdict("EXTENSIONS"), **(extra.get("EXTENSIONS") or {}), EXTENSION: 900}
    return {**extra, "EXTENSIONS": extensions}

"""A worker of a distributed harvest tells the writer its figures for each portal as its crawl goes.

Its requests, list pages read, browser pages and columns are known only to its own crawl stats. Told only when
the crawl ends, a worker killed mid-run took them with it: the portal's ``portal_runs`` row then undercounted the
requests the portal answered. Every ``NIANBAO_SHARE_EVERY`` seconds (``nianbao worker --share-every``) this
extension sends the crawl's figures so far as a ``portal_run`` operation under the worker's part id for the
portal (``part_id``); each telling replaces the last (:func:`storage.portalstate.add_portal_run_part`) and the one
``nianbao worker`` sends when the crawl ends is final. A killed worker's figures are those it last told.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

import redis
from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.distributed import RedisWrites
from crawler.portalruns import COLUMNS_STAT, PORTAL_STAT, part_id, portal_figures
from storage.ingest import portal_run_op

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

    from storage.ingest import Writes

log = logging.getLogger(__name__)

UNFINISHED = "killed or lost before its crawl ended: its figures as it last told them"


class PortalShares:
    def __init__(self, crawler: Crawler, writes: Writes, run_id: int, worker: str, every: float) -> None:
        self.crawler = crawler
        self.writes = writes
        self.run_id = run_id
        self.worker = worker
        self.every = every
        self.loop: task.LoopingCall | None = None
        self.told: dict[str, int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        every = settings.getfloat("NIANBAO_SHARE_EVERY", 0.0)
        run_id = settings.getint("NIANBAO_RUN_ID", 0)
        if every <= 0 or not run_id or not settings.get("NIANBAO_REDIS_URL"):
            raise NotConfigured("figures are told as the crawl goes only by a worker of a distributed harvest")
        ext = cls(crawler, RedisWrites.from_settings(settings), run_id, str(settings["NIANBAO_WORKER_ID"]), every)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.loop = task.LoopingCall(self.tell)
        self.loop.start(self.every, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def tell(self) -> None:
        """Send the crawl's figures so far, if they changed since last told (nothing before the crawl started)."""
        stats: dict[str, Any] = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        portal = stats.get(PORTAL_STAT)
        if not portal:
            return
        figures = portal_figures(stats)
        if figures == self.told:
            return
        op = portal_run_op(
            self.run_id,
            str(portal),
            finished=False,
            reason=UNFINISHED,
            figures=figures,
            columns=list(stats.get(COLUMNS_STAT) or []),
            part=part_id(self.worker, self.run_id, str(portal)),
            final=False,
        )
        try:
            self.writes.submit(op)
        except redis.exceptions.RedisError as exc:  # told again at the next tick
            log.warning("could not tell the writer this worker's figures for %s: %s", portal, exc)
            return
        self.told = figures

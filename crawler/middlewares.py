"""Downloader middlewares: request accounting by kind, and anti-bot challenge pages (recognised by
:func:`crawler.defences.detect_defence`) that cool their portal down, are tried again last, and pause the
portal only after K blocks in a row (:mod:`crawler.blocks`).

Also makes Scrapy's cookie middleware work offline: it splits domains with ``tldextract``, which by default
downloads the public suffix list on first use; here it uses the snapshot bundled with tldextract, never the
network and no cache directory (no error logged offline, nothing written to ``~/.cache``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

from crawler.blocks import BlockSettings, BlockTracker
from crawler.defences import detect_defence
from crawler.exceptions import Blocked, PortalPaused
from crawler.politeness import SENT_META, domain_of, gate_for

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

_cookies._split_domain = TLDExtract(  # type: ignore[attr-defined]
    cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True, include_psl_private_domains=True
)

logger = logging.getLogger(__name__)

KIND_META = "nianbao_kind"
KINDS = ("list", "detail", "attachment")
STATS_PREFIX = "nianbao/requests"
BLOCK_TRIES_META = "nianbao_block_tries"  # blocks the URL met so far
BLOCK_EVIDENCE_META = "nianbao_block_evidence"  # what each of them showed
RETRY_LAST = 1000  # a blocked request goes back this far down the priority order: behind the rest


def challenge_evidence(status: int, headers: dict[str, list[str]] | None, body: bytes) -> str | None:
    """Why this response is an anti-bot challenge or block page (``crawler.defences``), or ``None``."""
    found = detect_defence(status, {k: ", ".join(v) for k, v in (headers or {}).items()}, body)
    return f"{found.defence}: {found.evidence}" if found else None


def response_headers(response: Response) -> dict[str, list[str]]:
    return {k.decode("latin-1").lower(): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}


class BlockDetectionMiddleware:
    """Turn a challenge or block page into a cool-down, a retry last, and only in the end a failure.

    The policy is :class:`crawler.blocks.BlockTracker`'s (one per crawler, i.e. per portal): after a block
    no request of the portal leaves before its cool-down ends (the domain is held at the gate,
    :mod:`crawler.politeness`, shared by every worker of a distributed harvest);
    the blocked request goes back to the scheduler behind every other request of the portal (its priority
    lowered by :data:`RETRY_LAST`; an attachment, fetched by the files pipeline outside the scheduler, is
    tried again after the cool-down). A URL blocked on each of its tries fails with
    :class:`crawler.exceptions.Blocked` (recorded ``blocked`` with the evidence of every try) and the crawl
    goes on. After K blocks in a row the portal is paused: from then on each request fails with
    :class:`crawler.exceptions.PortalPaused` (recorded ``paused``, to be visited first next run) before it
    reaches the downloader. A challenge page never reaches a parser or the Store as a page. Other portals
    run in other crawlers and go on.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        settings = crawler.settings if crawler is not None else None
        self.tracker = BlockTracker(BlockSettings.from_settings(settings.get if settings else (lambda _: None)))
        self.paused: Blocked | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def inc(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_request(self, request: Request) -> None:
        if self.paused is None:
            return None
        self.inc("nianbao/paused")
        raise self.paused_error(request.url)

    def paused_error(self, url: str) -> PortalPaused:
        assert self.paused is not None
        return PortalPaused(
            url,
            f"not requested: the portal is paused after {self.tracker.settings.pause_after} blocks in a row "
            f"(the last on {self.paused.url}); the next run asks it first",
            evidence=self.paused.evidence,
        )

    def process_response(self, request: Request, response: Response) -> Request | Response:
        evidence = challenge_evidence(response.status, response_headers(response), response.body)
        if not evidence:
            self.tracker.answered()
            return response
        self.inc("nianbao/blocks")
        url = request.url
        # a retry carries the blocks its URL met (another worker may have met them)
        self.tracker.carry(url, request.meta.get(BLOCK_EVIDENCE_META) or [])
        verdict = self.tracker.blocked(url, float(request.meta.get(SENT_META, 0.0)), evidence)
        wait = self.tracker.wait()
        if wait > 0 and self.crawler is not None:  # nothing leaves for the portal meanwhile (crawler.politeness)
            gate_for(self.crawler).hold(domain_of(request), wait)
        if verdict == "retry":
            logger.info("%s: blocked on %s; cooling down %.1f s, then tried again last", self.portal, url, wait)
            self.inc("nianbao/blocks/retried")
            retry = request.replace(dont_filter=True, priority=request.priority - RETRY_LAST)
            retry.meta[BLOCK_TRIES_META] = self.tracker.tries[url]
            retry.meta[BLOCK_EVIDENCE_META] = list(self.tracker.evidence[url])
            return retry
        tries = self.tracker.tries[url]
        if verdict == "give_up":
            raise Blocked(
                response.url,
                f"the portal answered with an anti-bot page on each of {tries} tries (the rest of the portal answers)",
                evidence=self.tracker.all_evidence(url),
            )
        blocked = Blocked(
            response.url,
            f"the portal answered with an anti-bot page: {self.tracker.settings.pause_after} blocks in a row, the "
            f"portal is paused for the rest of the run",
            evidence=self.tracker.all_evidence(url),
        )
        blocked.revisit = True
        if self.paused is None:
            self.paused = blocked
            if self.crawler is not None:  # requests already waiting at the gate fail there
                self.crawler.nianbao_paused = self.paused_error("")  # type: ignore[attr-defined]
            logger.warning(
                "%s: paused for the rest of the run after %d blocks in a row (the last on %s: %s)",
                self.portal,
                self.tracker.settings.pause_after,
                response.url,
                evidence,
            )
        raise blocked

    @property
    def portal(self) -> str:
        spider = self.crawler.spider if self.crawler is not None else None
        return str(getattr(spider, "portal_name", None) or getattr(spider, "name", "the portal"))


class RequestAccountingMiddleware:
    """Count the requests actually sent, in total and by kind (``request.meta["nianbao_kind"]``).

    Counts go to the crawl stats (``nianbao/requests``, ``nianbao/requests/list`` …);
    :class:`crawler.pipelines.ReportPipeline` adds them to the Store's run record when the spider closes.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        stats = self.crawler.stats
        assert stats is not None
        kind = request.meta.get(KIND_META, "other")
        stats.inc_value(STATS_PREFIX)
        stats.inc_value(f"{STATS_PREFIX}/{kind}")

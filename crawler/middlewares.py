"""Downloader middlewares: request accounting by kind, and anti-bot challenge pages turned into failures
(recognised by :func:`crawler.defences.detect_defence`) that pause the portal for the rest of the run.

Also makes Scrapy's cookie middleware work offline: it splits domains with ``tldextract``, which by default
downloads the public suffix list on first use; here it uses the snapshot bundled with tldextract, never the
network and no cache directory (no error logged offline, nothing written to ``~/.cache``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

from crawler.defences import detect_defence
from crawler.exceptions import Blocked, PortalPaused

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


def challenge_evidence(status: int, headers: dict[str, list[str]] | None, body: bytes) -> str | None:
    """Why this response is an anti-bot challenge or block page (``crawler.defences``), or ``None``."""
    found = detect_defence(status, {k: ", ".join(v) for k, v in (headers or {}).items()}, body)
    return f"{found.defence}: {found.evidence}" if found else None


def response_headers(response: Response) -> dict[str, list[str]]:
    return {k.decode("latin-1").lower(): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}


class BlockDetectionMiddleware:
    """Turn a challenge or block page into a :class:`crawler.exceptions.Blocked` failure, and pause the portal.

    The request's errback (or the attachment pipeline) then records it with its evidence; a challenge page
    never reaches a parser or the Store as a page. From then on no request of this crawler (one portal) is
    made in this run: each is failed with :class:`crawler.exceptions.PortalPaused` (recorded as ``paused``,
    so the next run knows what is left to ask) before it reaches the downloader. Requests already sent when
    the block came back are answered and used. Other portals run in other crawlers and go on.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self.paused: Blocked | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if self.paused is None:
            return
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value("nianbao/paused")
        raise PortalPaused(
            request.url,
            f"not requested: the portal is paused after a block on {self.paused.url}",
            evidence=self.paused.evidence,
        )

    def process_response(self, request: Request, response: Response) -> Response:
        evidence = challenge_evidence(response.status, response_headers(response), response.body)
        if evidence:
            blocked = Blocked(response.url, "the portal answered with an anti-bot page", evidence=evidence)
            if self.paused is None:
                self.paused = blocked
                logger.warning(
                    "%s: paused for the rest of the run after a block on %s (%s)", self.portal, response.url, evidence
                )
            raise blocked
        return response

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

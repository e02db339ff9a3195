"""Downloader middlewares: request accounting by kind, and anti-bot challenge pages turned into failures
(recognised by :func:`crawler.defences.detect_defence`).

Also makes Scrapy's cookie middleware work offline: it splits domains with ``tldextract``, which by default
downloads the public suffix list on first use; here it uses the snapshot bundled with tldextract, never the
network and no cache directory (no error logged offline, nothing written to ``~/.cache``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

from crawler.defences import detect_defence
from crawler.exceptions import Blocked

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

_cookies._split_domain = TLDExtract(  # type: ignore[attr-defined]
    cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True, include_psl_private_domains=True
)

KIND_META = "nianbao_kind"
KINDS = ("list", "detail", "attachment")
STATS_PREFIX = "nianbao/requests"


def challenge_evidence(status: int, headers: dict[str, list[str]] | None, body: bytes) -> str | None:
    """Why this response is an anti-bot challenge or block page (``crawler.defences``), or ``None``."""
    found = detect_defence(status, {k: ", ".join(v) for k, v in (headers or {}).items()}, body)
    return f"{found.defence}: {found.evidence}" if found else None


def response_headers(response: Response) -> dict[str, list[str]]:
    return {
        k.decode("latin-1").lower(): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()
    }


class BlockDetectionMiddleware:
    """Turn a challenge or block page into a :class:`crawler.exceptions.Blocked` failure.

    The request's errback (or the attachment pipeline) then records it with its evidence; a challenge page
    never reaches a parser or the Store as a page.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        evidence = challenge_evidence(response.status, response_headers(response), response.body)
        if evidence:
            raise Blocked(response.url, "the portal answered with an anti-bot page", evidence=evidence)
        return response


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

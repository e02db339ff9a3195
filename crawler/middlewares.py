"""Downloader middlewares: request accounting by kind, and recognition of anti-bot challenge pages.

Also makes Scrapy's cookie middleware work offline: it splits domains with ``tldextract``, which by default
downloads the public suffix list on first use; here it uses the snapshot bundled with tldextract, never the
network and no cache directory (no error logged offline, nothing written to ``~/.cache``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import scrapy.downloadermiddlewares.cookies as _cookies
from tldextract import TLDExtract

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

# -------------------------------------------------------------------------------- anti-bot recognition
# 瑞数 (Rivers Security): HTTP 412 (sometimes 202/400) with an inline script defining $_ts and a cookie set
# by script. 加速乐 (Jiasule): HTTP 521, header X-Via-JSL, cookie __jsluid_s. 电信云堤 and 365GCD: block
# pages served with status 200.
_RUISHU = re.compile(rb"\$_ts\s*=|\$_ts\.|\$_ts\[")
_JSL_BODY = re.compile(rb"__jsl_clearance|document\.cookie\s*=.{0,200}__jsl", re.S)
_BLOCK_PAGE = re.compile(
    "电信云堤|云堤防护|365GCD|网站防火墙|您的访问请求可能对网站造成安全威胁|访问被拦截|您的请求已被拦截"
    "|当前访问疑似黑客攻击|已被网站管理员设置拦截"
)
_BLOCK_PAGE_MAX = 64 * 1024  # a real report page is larger than a block page, and never says these words
_TAG = re.compile(r"<[^>]+>|\s+")


def _snippet(body: bytes, limit: int = 160) -> str:
    text = body[:4096].decode("utf-8", errors="replace")
    return _TAG.sub(" ", text).strip()[:limit]


def challenge_evidence(status: int, headers: dict[str, list[str]] | None, body: bytes) -> str | None:
    """Why this response is an anti-bot challenge or block page, or ``None`` when it is not one.

    ``headers`` maps lower-case header names to their values.
    """
    headers = headers or {}
    if status in (202, 400, 412) and _RUISHU.search(body[:65536]):
        return f"瑞数 challenge: HTTP {status} with an inline $_ts script"
    jsl_header = "x-via-jsl" in headers
    jsl_cookie = any("__jsluid" in v for v in headers.get("set-cookie", []))
    if status == 521 or (jsl_header and _JSL_BODY.search(body[:65536])):
        detail = ", ".join(x for x, on in (("X-Via-JSL", jsl_header), ("__jsluid cookie", jsl_cookie)) if on)
        return f"加速乐 challenge: HTTP {status}" + (f" ({detail})" if detail else "")
    if len(body) <= _BLOCK_PAGE_MAX and body.lstrip()[:1] == b"<":
        from parsers.readers.html import decode_html

        text = decode_html(body)
        m = _BLOCK_PAGE.search(text)
        if m:
            return f"block page (HTTP {status}) saying {m.group(0)!r}: {_snippet(body)}"
    return None


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

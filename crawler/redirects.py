"""Redirects that stay on the portal, bounded, and recorded when they do not.

:class:`PortalRedirectMiddleware` replaces Scrapy's ``RedirectMiddleware`` (same settings:
``REDIRECT_ENABLED``, ``REDIRECT_MAX_TIMES``) and refuses, before following:

- a redirect off the portal (another site, a private or loopback address, a ``file:``/``javascript:`` …
  target), judged like a link (:mod:`crawler.urlsafety`): :class:`crawler.exceptions.RedirectRefused`
  (``redirect_offsite``), the ``Location`` header as evidence;
- a loop, a redirect back to a URL the chain already passed (Scrapy's duplicate filter would otherwise drop
  it without a word), or a chain longer than ``REDIRECT_MAX_TIMES``: :class:`crawler.exceptions.RedirectLoop`
  (``redirect_loop``), the chain as evidence.

A redirect within the portal is followed as Scrapy follows it; the report is stored under the final URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

from crawler.exceptions import RedirectLoop, RedirectRefused
from crawler.urlsafety import link_problem

if TYPE_CHECKING:
    from scrapy.http import Response

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
EVIDENCE_HOPS = 6


class PortalRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, never off the portal, never round in circles; each refusal recorded."""

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location or request.meta.get("dont_redirect"):
            return super().process_response(request, response)
        target = urljoin(request.url, location.decode("latin-1").strip())
        chain = [*request.meta.get("redirect_urls", []), request.url]
        evidence = f"HTTP {response.status}, Location: {location.decode('latin-1')[:200]}"
        problem = self.problem(target)
        if problem:
            raise RedirectRefused(request.url, f"redirect not followed: {problem}", evidence=evidence)
        if target in chain:
            raise RedirectLoop(
                request.url,
                f"redirect loop: back to {target} after {len(chain)} redirect(s)",
                evidence=" → ".join([*chain[-EVIDENCE_HOPS:], target]),
            )
        try:
            return super().process_response(request, response)
        except IgnoreRequest as exc:  # max redirections reached
            raise RedirectLoop(
                request.url,
                f"more than {self.max_redirect_times} redirects (REDIRECT_MAX_TIMES)",
                evidence=" → ".join([*chain[-EVIDENCE_HOPS:], target]),
            ) from exc

    def problem(self, url: str) -> str | None:
        """Why ``url`` is no place to be redirected to, judged as the spider judges links."""
        spider = self.crawler.spider
        judge = getattr(spider, "link_problem", None)
        if callable(judge):
            verdict: str | None = judge(url)
            return verdict
        return link_problem(url, tuple(getattr(spider, "allowed_domains", None) or ()))

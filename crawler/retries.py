"""Retries with backoff, and ``Retry-After`` honoured within a bound.

:class:`BackoffRetryMiddleware` replaces Scrapy's ``RetryMiddleware`` (same settings: ``RETRY_TIMES``,
``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``) and adds waits:

- a 5xx answer (500, 502, 503, 504 …) or a transient failure (timeout, connection cut mid-body, refused) is
  retried after ``NIANBAO_RETRY_BACKOFF × 2^(n-1)`` seconds for the n-th retry, at most
  ``NIANBAO_RETRY_BACKOFF_MAX``; after ``RETRY_TIMES`` retries the failure is recorded;
- a 429 (or 503) with ``Retry-After`` (seconds or an HTTP date) is retried once that time has passed, and no
  other request goes to that host before then; a ``Retry-After`` over ``NIANBAO_RETRY_AFTER_MAX`` is not
  waited for: the request is recorded as ``http_429`` (:class:`crawler.exceptions.RetryAfterTooLong`), with
  the header as evidence, and the next run asks again;
- 404, 410 and other 4xx answers are not retried: they are recorded as ``http_<status>``.

The waits never block the reactor (``scrapy.utils.asyncio.sleep``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from crawler.exceptions import RetryAfterTooLong

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

RETRY_AFTER_STATUSES = (429, 503)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date), or ``None`` if absent or
    malformed. A date in the past is 0."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(retry_number: int, base: float, cap: float) -> float:
    """The wait before the ``retry_number``-th retry (1 for the first): ``base × 2^(n-1)``, at most ``cap``."""
    if base <= 0 or retry_number < 1:
        return 0.0
    return float(min(cap, base * 2 ** (retry_number - 1)))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries with exponential backoff, and ``Retry-After`` honoured per host (bounded)."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff = settings.getfloat("NIANBAO_RETRY_BACKOFF", 2.0)
        self.backoff_max = settings.getfloat("NIANBAO_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("NIANBAO_RETRY_AFTER_MAX", 300.0)
        self.not_before: dict[str, float] = {}  # host → monotonic time before which it is not asked again

    def _stat(self, key: str, n: float = 1) -> None:
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        if stats is not None:
            stats.inc_value(f"nianbao/retry/{key}", n)

    async def process_request(self, request: Request) -> None:
        """Hold a request to a host that asked to be left alone (``Retry-After``) until that time."""
        host = urlsplit(request.url).hostname or ""
        wait = self.not_before.get(host, 0.0) - time.monotonic()
        if wait > 0:
            self._stat("held_seconds", round(wait, 3))
            await sleep(wait)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False):
            return response
        header = response.headers.get("Retry-After")
        retry_after = parse_retry_after(header.decode("latin-1") if header else None)
        if response.status in RETRY_AFTER_STATUSES and retry_after is not None:
            if retry_after > self.retry_after_max:
                self._stat("retry_after_refused")
                raise RetryAfterTooLong(
                    request.url,
                    f"HTTP {response.status} asking to wait {retry_after:.0f} s (Retry-After), more than the "
                    f"{self.retry_after_max:.0f} s allowed (NIANBAO_RETRY_AFTER_MAX): not retried in this run",
                    evidence=f"Retry-After: {header.decode('latin-1') if header else ''}",
                    code=f"http_{response.status}",
                )
            retry = self._retry(request, response_status_message(response.status))
            if retry is None:
                return response
            host = urlsplit(request.url).hostname or ""
            self.not_before[host] = max(self.not_before.get(host, 0.0), time.monotonic() + retry_after)
            if retry_after > 0:
                self._stat("retry_after_seconds", retry_after)
                await sleep(retry_after)
            return retry
        if response.status in self.retry_http_codes:
            retry = self._retry(request, response_status_message(response.status))
            if retry is None:
                return response
            await self._back_off(retry)
            return retry
        return response

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry", False):
            retry = self._retry(request, exception)
            if retry is not None:
                await self._back_off(retry)
            return retry
        return None

    async def _back_off(self, retry: Request) -> None:
        delay = backoff_delay(int(retry.meta.get("retry_times", 1)), self.backoff, self.backoff_max)
        if delay > 0:
            self._stat("backoff_seconds", delay)
            await sleep(delay)

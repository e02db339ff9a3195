"""What a failed request is, as an error code (:data:`crawler.exceptions.ERROR_CODES`), a reason and evidence.

One classification for every path a failure takes: a spider's errback (pages) and the attachments pipeline
(documents) both call :func:`describe_failure`, so a timeout is ``timeout`` wherever it happens.
"""

from __future__ import annotations

from typing import NamedTuple

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TimeoutError as TwistedTimeoutError

from crawler.exceptions import CrawlError

SNIPPET = 200


class Failed(NamedTuple):
    code: str
    reason: str
    evidence: str = ""


def describe_failure(exc: BaseException) -> Failed:
    """The code, reason and evidence recorded for a request that failed with ``exc``."""
    if isinstance(exc, CrawlError):
        return Failed(exc.code, exc.reason, exc.evidence)
    if isinstance(exc, HttpError):
        response = exc.response
        snippet = " ".join(response.body[:400].decode("utf-8", errors="replace").split())[:SNIPPET]
        return Failed(f"http_{response.status}", f"the portal answered HTTP {response.status}", snippet)
    if isinstance(exc, DownloadTimeoutError | TwistedTimeoutError):
        return Failed("timeout", f"no complete answer in time: {exc}")
    if isinstance(exc, ResponseDataLossError):
        return Failed("truncated", "the connection was cut mid-body (fewer bytes than Content-Length)")
    if isinstance(exc, DownloadCancelledError) and "max size" in str(exc):
        return Failed("too_large", f"download cancelled: {exc}")
    if isinstance(exc, CannotResolveHostError | DownloadConnectionRefusedError):
        return Failed("download_failed", f"request failed: {exc!r}")
    if isinstance(exc, IgnoreRequest):
        return Failed("ignored", f"request dropped: {exc}")
    return Failed("download_failed", f"request failed: {exc!r}")

"""The crawler's own exceptions, and the error codes it records with :meth:`nianbao.storage.Store.record_error`.

Every failure the crawl meets is recorded (URL, code, reason, evidence) and the crawl goes on; none of these
is fatal to a harvest. The codes are stable: ``nianbao errors`` and the summary group by them.

=====================  ====================================================================================
code                   meaning
=====================  ====================================================================================
``cassette_miss``      replay mode: no cassette holds the request (never a live request instead)
``http_<status>``      the portal answered a page or an attachment with that HTTP status (``http_404`` …)
``blocked``            an anti-bot challenge or block page (瑞数 412, 加速乐 521, 电信云堤/365GCD pages)
``download_failed``    the request failed below HTTP (DNS, connection refused, timeout …)
``unreadable``         the document cannot be read (the parser's ``UnreadableDocument``; its code follows)
``no_report``          a page or document that was expected to be a report holds no report
``offsite``            a report link leading off the portal's domains, skipped
``attachment_failed``  a report attachment could not be downloaded (the page body was used if it is a report)
``internal``           a bug in the crawler or the parser, caught so the crawl goes on
=====================  ====================================================================================
"""

from __future__ import annotations


class CrawlError(Exception):
    """Base class: a failure that is recorded against one URL."""

    code = "internal"

    def __init__(self, url: str, reason: str, *, evidence: str = "", code: str | None = None) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.evidence = evidence
        if code is not None:
            self.code = code


class CassetteMiss(CrawlError):
    """Replay mode: no cassette under the replay directory holds this request.

    Raised by :class:`crawler.replay.ReplayDownloadHandler` instead of making a live request.
    """

    code = "cassette_miss"


class Blocked(CrawlError):
    """The response is an anti-bot challenge or a block page, not the page asked for."""

    code = "blocked"


class NoReport(CrawlError):
    """A page or document expected to be a report holds no report."""

    code = "no_report"


class AttachmentFailed(CrawlError):
    """An attachment could not be downloaded; ``code`` is ``http_<status>`` or ``download_failed``."""

    code = "download_failed"


class RecordingError(CrawlError):
    """Recording mode: the live request made through vcrpy and requests failed."""

    code = "download_failed"

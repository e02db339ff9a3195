"""The crawler's own exceptions, and the error codes it records with :meth:`storage.store.Store.record_error`.

Every failure the crawl meets is recorded (URL, code, reason, evidence) and the crawl goes on; none of these
is fatal to a harvest. The codes are stable: ``nianbao errors`` and the summary group by them.
:data:`ERROR_CODES` says what each one means (README.md, "Faults and hostile input", says what the crawl does).
"""

from __future__ import annotations

from typing import Final

# code → meaning. The parser's UnreadableDocument codes are recorded as they are (corrupt, no_text …).
ERROR_CODES: Final[dict[str, str]] = {
    # fetching
    "cassette_miss": "replay mode: no cassette holds the request (never a live request instead)",
    "http_<status>": "the portal answered a page or an attachment with that HTTP status (http_404, http_429 …); "
    "5xx and 429 only after their retries",
    "timeout": "the request got no complete answer in DOWNLOAD_TIMEOUT (after its retries)",
    "truncated": "the connection was cut mid-body (fewer bytes than Content-Length) or the document is cut short "
    "(a PDF without %%EOF, a DOCX/XLSX zip without its directory): never stored",
    "download_failed": "the request failed below HTTP (DNS, connection refused …)",
    "ignored": "dropped by a Scrapy middleware (robots.txt, the off-site request filter)",
    "redirect_loop": "a redirect back to a URL already in the chain, or more than REDIRECT_MAX_TIMES redirects",
    "redirect_offsite": "a redirect off the portal (another site, a private or loopback address, a non-http scheme): "
    "not followed",
    # defences
    "blocked": "an anti-bot challenge or block page (瑞数 412, 加速乐 521, 电信云堤/365GCD pages) on each try of "
    "the URL (after cool-downs, tried again last), or the block that paused its portal; the evidence of each try",
    "paused": "not requested: K blocks in a row paused the portal for the rest of the run (the next run asks it first)",
    # links and pages
    "offsite": "a report link leading off the portal's domains, not followed",
    "unsafe_link": "a javascript:, data: or file: link, or one to a private or loopback address, not followed",
    "page_cap": "a pagination trap: more list pages than NIANBAO_MAX_LIST_PAGES (a column) or "
    "NIANBAO_MAX_DEPTH_PAGES (a portal) allow; the rest is not requested",
    "browser_cap": "a list page not rendered: the portal's browser budget (NIANBAO_BROWSER_MAX_PAGES) is spent",
    "browser_failed": "the browser could not render a list page (chromium missing or crashed, a page error)",
    "column_moved": "the annual-report column answers 404/410 or lists no report any more; discovery runs again",
    "no_column": "discovery found no annual-report column from the portal's home page",
    "no_report": "a page or document that was expected to be a report holds no report",
    "duplicate": "the same document (by content hash) is already stored under another URL: stored once",
    "attachment_failed": "a report attachment could not be downloaded (the page body was used if it is a report)",
    # the parser (parsers.UnreadableDocument codes)
    "corrupt": "the document's bytes are damaged",
    "encrypted": "an encrypted PDF",
    "needs_ocr": "an image-only document (a scan), and no OCR engine is installed to read it",
    "no_text": "an image-only document (a scan) in which OCR found no text (or every page ran out of time)",
    "empty": "an empty page or document",
    "too_large": "over the size limit (DOWNLOAD_MAXSIZE, the parser's limit, or a zip bomb)",
    "hostile": "an XML entity attack or other hostile content",
    "garbled": "the extracted text is not readable text (binary read as text, a font without a usable encoding)",
    "no_converter": "no converter for the format is installed (antiword, LibreOffice)",
    "unknown_kind": "not a document kind the parser reads",
    "unreadable": "the document cannot be read (another reason)",
    # bugs
    "internal": "a bug in the crawler or the parser, caught so the crawl goes on",
}


class CrawlError(Exception):
    """Base class: a failure that is recorded against one URL."""

    code = "internal"
    revisit = False  # the next run asks this URL first (the portal was paused before it was settled)

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


class PortalPaused(CrawlError):
    """A request to a portal that blocks paused earlier in this run: it is not made (the next run makes it first)."""

    code = "paused"
    revisit = True


class NoReport(CrawlError):
    """A page or document expected to be a report holds no report."""

    code = "no_report"


class AttachmentFailed(CrawlError):
    """An attachment could not be downloaded; ``code`` is ``http_<status>`` or ``download_failed``."""

    code = "download_failed"


class Truncated(CrawlError):
    """A body cut short: fewer bytes than its Content-Length, or a document without its end."""

    code = "truncated"


class RedirectRefused(CrawlError):
    """A redirect leading off the portal (or to a private address, or a non-http scheme): not followed."""

    code = "redirect_offsite"


class RedirectLoop(CrawlError):
    """A redirect chain that comes back to a URL it passed, or is longer than ``REDIRECT_MAX_TIMES``."""

    code = "redirect_loop"


class RetryAfterTooLong(CrawlError):
    """HTTP 429/503 asking to wait longer (``Retry-After``) than ``NIANBAO_RETRY_AFTER_MAX`` allows."""

    code = "http_429"


class RecordingError(CrawlError):
    """Recording mode: the live request made through vcrpy and requests failed."""

    code = "download_failed"

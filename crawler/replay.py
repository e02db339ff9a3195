"""Offline replay and recording of HTTP traffic as vcrpy cassettes, for Scrapy.

vcrpy patches Python HTTP clients (``requests``, ``urllib3``, ``http.client`` …) but never sees Scrapy's
Twisted downloader, so a cassette does not reach a crawl by itself. Two Scrapy download handlers close the
gap, both installed for ``http`` and ``https`` through ``DOWNLOAD_HANDLERS`` (see :mod:`crawler.settings`):

- :class:`ReplayDownloadHandler` loads every cassette under ``NIANBAO_REPLAY_DIR`` (``record_mode="none"``)
  and answers each request with the recorded response, matched with vcrpy's own matcher functions on method,
  scheme, host, port, path and query. A request that no cassette holds raises
  :class:`crawler.exceptions.CassetteMiss` naming the URL: replay never makes a live request.
- :class:`RecordingDownloadHandler` makes each request live with ``requests`` inside
  ``vcr.use_cassette(..., record_mode="new_episodes")``, so vcrpy itself writes the interaction into
  ``NIANBAO_RECORD_DIR/<spider name>.yaml``; the response handed to Scrapy is then built from what was
  recorded, exactly as replay will build it later.

Both build the Scrapy response class from the recorded headers and body with
``scrapy.responsetypes.responsetypes.from_args`` (HTML → ``HtmlResponse``, PDF/DOCX → ``Response``), so pages
and binary attachments go through the same middlewares and pipelines as live ones (``FilesPipeline``
included). Compressed bodies stay compressed in the cassette; Scrapy's ``HttpCompressionMiddleware``
decodes them as it would a live response.

Replay answers as Scrapy's HTTP/1.1 handler would answer live: a body shorter than its ``Content-Length`` is a
connection cut mid-body (``ResponseDataLossError``, or the ``dataloss`` flag when
``DOWNLOAD_FAIL_ON_DATALOSS`` is off); a declared or actual size over ``DOWNLOAD_MAXSIZE`` cancels the download
(``DownloadCancelledError``). When a cassette holds several responses for one request they are played in the
order recorded (a 503, then the 200 of the retry), the last one again once all were played.

A vcrpy cassette records responses, not failures or time, so a cassette built to replay faults (the chaos
bundle, ``scripts/build_chaos.py``) says them in headers that no portal sends, read and removed here:

- ``X-Nianbao-Replay-Delay: SECONDS``: answer that much later (a slow server);
- ``X-Nianbao-Replay-Fault: timeout``: no answer in time (``DownloadTimeoutError``, at once);
  ``refused``: the connection is refused (``DownloadConnectionRefusedError``).

Settings: ``NIANBAO_REPLAY_DELAY`` (seconds added before every answer: a slow replay, to stop a harvest
mid-run in a test), ``NIANBAO_REPLAY_JOURNAL`` (a file to which each request served is appended as
``asked TAB answered TAB method TAB url TAB status-or-fault``, the two times in monotonic seconds).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import vcr  # type: ignore[import-untyped]
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    NotConfigured,
    ResponseDataLossError,
)
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from vcr import matchers  # type: ignore[import-untyped]
from vcr.cassette import Cassette  # type: ignore[import-untyped]
from vcr.errors import UnhandledHTTPRequestError  # type: ignore[import-untyped]
from vcr.request import Request as VcrRequest  # type: ignore[import-untyped]

from crawler.exceptions import CassetteMiss, CrawlError, RecordingError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

Matcher = Callable[[VcrRequest, VcrRequest], Any]

# vcrpy's matcher functions: the request line and body decide, never the headers (a User-Agent may change).
# The body tells apart the POSTs of one URL (an API's pages); vcrpy compares form and JSON bodies parsed.
MATCH_ON: tuple[Matcher, ...] = (
    matchers.method,
    matchers.scheme,
    matchers.host,
    matchers.port,
    matchers.path,
    matchers.query,
    matchers.body,
)
# the same matchers by the names vcrpy's VCR/use_cassette configuration knows them
MATCH_ON_NAMES: tuple[str, ...] = ("method", "scheme", "host", "port", "path", "query")
CASSETTE_SUFFIXES = (".yaml", ".yml")
REPLAY_FLAG = "replay"
RECORD_TIMEOUT = 60.0
DELAY_HEADER = "X-Nianbao-Replay-Delay"
FAULT_HEADER = "X-Nianbao-Replay-Fault"
FAULTS = ("timeout", "refused")


def cassette_files(root: Path) -> list[Path]:
    """Every cassette file under ``root`` (or ``root`` itself when it is one file), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in CASSETTE_SUFFIXES)


def vcr_request(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> VcrRequest:
    return VcrRequest(method.upper(), url, body or None, headers or {})


class CassetteLibrary:
    """All cassettes under one directory, searched together.

    Interactions are indexed by (method, host, path) to find candidates quickly; vcrpy's matchers
    (``MATCH_ON``) make the decision. Several responses to one request are played in the order recorded;
    once all were played, the last one is played again, any number of times.
    """

    def __init__(self, root: str | Path, match_on: Sequence[Matcher] = MATCH_ON) -> None:
        self.root = Path(root)
        if not self.root.exists():
            raise FileNotFoundError(f"no cassettes at {self.root}")
        self.match_on = tuple(match_on)
        self.cassettes: list[Cassette] = []
        self._index: dict[tuple[str, str, str], list[Cassette]] = {}
        for path in cassette_files(self.root):
            self.add(path)

    def add(self, path: Path) -> None:
        cassette = Cassette.load(
            path=str(path), record_mode="none", match_on=self.match_on, allow_playback_repeats=False
        )
        self.cassettes.append(cassette)
        for stored in cassette.requests:
            key = self._key(stored)
            if cassette not in self._index.setdefault(key, []):
                self._index[key].append(cassette)

    @staticmethod
    def _key(req: VcrRequest) -> tuple[str, str, str]:
        return (req.method.upper(), (req.host or "").lower(), req.path or "/")

    def __len__(self) -> int:
        return sum(len(c) for c in self.cassettes)

    def lookup(self, req: VcrRequest) -> dict[str, Any] | None:
        """The recorded response (vcrpy's dict) for ``req``, or ``None``: the next one not played yet, else the
        last one recorded."""
        candidates = self._index.get(self._key(req), [])
        for cassette in candidates:
            if req in cassette:  # a response not played yet
                response: dict[str, Any] = cassette.play_response(req)
                return response
        last: dict[str, Any] | None = None
        for cassette in candidates:
            try:
                last = cassette.responses_of(req)[-1]
            except UnhandledHTTPRequestError:
                continue
        return last

    def urls(self) -> list[str]:
        return [r.uri for c in self.cassettes for r in c.requests]


def _header_items(raw: dict[str, Any]) -> Iterable[tuple[str, list[str]]]:
    for name, value in (raw or {}).items():
        values = value if isinstance(value, list) else [value]
        yield name, [str(v) for v in values]


_REPLAY_HEADERS = {DELAY_HEADER.lower(), FAULT_HEADER.lower()}


def recorded_header(recorded: dict[str, Any], name: str) -> str | None:
    """The (last) value of one header of a recorded response, or ``None``."""
    for key, values in _header_items(recorded.get("headers") or {}):
        if key.lower() == name.lower() and values:
            return values[-1]
    return None


def recorded_body(recorded: dict[str, Any]) -> bytes:
    body = (recorded.get("body") or {}).get("string") or b""
    return body.encode("utf-8") if isinstance(body, str) else body


def build_response(request: Request, recorded: dict[str, Any], *, flags: Sequence[str] = ()) -> Response:
    """A Scrapy response (of the class the headers and body call for) from a vcrpy response dict."""
    status = int((recorded.get("status") or {}).get("code", 200))
    headers = Headers(
        {
            name: values
            for name, values in _header_items(recorded.get("headers") or {})
            if name.lower() not in _REPLAY_HEADERS
        }
    )
    body = recorded_body(recorded)
    respcls = responsetypes.from_args(headers=headers, url=request.url, body=body)
    return respcls(url=request.url, status=status, headers=headers, body=body, request=request, flags=list(flags))


def _request_headers(request: Request) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, values in request.headers.items():
        if values:
            out[name.decode("latin-1")] = values[-1].decode("latin-1")
    return out


class ReplayDownloadHandler(BaseDownloadHandler):
    """Serve every request from the cassettes under the ``NIANBAO_REPLAY_DIR`` setting."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        root = settings.get("NIANBAO_REPLAY_DIR")
        if not root:
            raise NotConfigured("NIANBAO_REPLAY_DIR is not set")
        self.library = CassetteLibrary(root)
        self.delay = settings.getfloat("NIANBAO_REPLAY_DELAY", 0.0)
        journal = settings.get("NIANBAO_REPLAY_JOURNAL")
        self.journal = Path(journal) if journal else None
        self.maxsize = settings.getint("DOWNLOAD_MAXSIZE", 0)
        self.fail_on_dataloss = settings.getbool("DOWNLOAD_FAIL_ON_DATALOSS", True)
        self.timeout = settings.getfloat("DOWNLOAD_TIMEOUT", 180.0)

    async def download_request(self, request: Request) -> Response:
        asked = time.monotonic()
        req = vcr_request(request.method, request.url, request.body or None, _request_headers(request))
        recorded = self.library.lookup(req)
        if recorded is None:
            self.note(request, asked, "miss")
            raise CassetteMiss(
                request.url,
                f"no cassette under {self.library.root} holds {request.method} {request.url}",
            )
        delay = self.delay + float(recorded_header(recorded, DELAY_HEADER) or 0)
        if delay > 0:
            from scrapy.utils.asyncio import sleep

            await sleep(delay)
        fault = recorded_header(recorded, FAULT_HEADER)
        if fault:
            self.note(request, asked, fault)
            raise self.fault(request, fault)
        status = int((recorded.get("status") or {}).get("code", 200))
        self.note(request, asked, str(status))
        body = recorded_body(recorded)
        flags = [REPLAY_FLAG]
        declared = recorded_header(recorded, "Content-Length")
        self.check_size(request, declared, len(body))
        if declared and declared.strip().isdigit() and int(declared) > len(body) and request.method != "HEAD":
            if request.meta.get("download_fail_on_dataloss", self.fail_on_dataloss):
                raise ResponseDataLossError(
                    f"connection cut mid-body: {len(body)} of {int(declared)} bytes (Content-Length) of {request.url}"
                )
            flags.append("dataloss")
        return build_response(request, recorded, flags=flags)

    def check_size(self, request: Request, declared: str | None, received: int) -> None:
        """Cancel, as the live handler does, a download whose declared or actual size is over the limit."""
        maxsize = int(request.meta.get("download_maxsize", self.maxsize) or 0)
        if not maxsize:
            return
        expected = int(declared) if declared and declared.strip().isdigit() else 0
        size, prefix = (expected, "Expected to receive") if expected > maxsize else (received, "Received")
        if size > maxsize:
            raise DownloadCancelledError(
                f"{prefix} {size} bytes which is larger than download max size ({maxsize}) in request {request}."
            )

    def fault(self, request: Request, fault: str) -> Exception:
        if fault == "timeout":
            timeout = request.meta.get("download_timeout", self.timeout)
            return DownloadTimeoutError(f"Getting {request.url} took longer than {timeout} seconds.")
        if fault == "refused":
            return DownloadConnectionRefusedError(f"connection refused by {request.url}")
        return CrawlError(
            request.url, f"the cassette asks for an unknown replay fault {fault!r} (known: {', '.join(FAULTS)})"
        )

    def note(self, request: Request, asked: float, outcome: str) -> None:
        """Append the request to the journal (``NIANBAO_REPLAY_JOURNAL``), if one is kept."""
        if self.journal is None:
            return
        with self.journal.open("a", encoding="utf-8") as fh:
            fh.write(f"{asked:.3f}\t{time.monotonic():.3f}\t{request.method}\t{request.url}\t{outcome}\n")


_RECORD_LOCK = threading.Lock()


def record_request(
    cassette_path: str | Path,
    method: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = RECORD_TIMEOUT,
) -> dict[str, Any]:
    """Make one live request with ``requests`` inside a vcrpy cassette and return what vcrpy recorded.

    An interaction the cassette already holds is played back, not fetched again (``new_episodes``).
    Redirects are not followed here: each hop is its own interaction, as Scrapy asks for it.
    Serialised by a lock, since vcrpy patches the HTTP clients process-wide.
    """
    import requests  # only recording needs it

    with (
        _RECORD_LOCK,
        vcr.use_cassette(
            str(cassette_path), record_mode="new_episodes", match_on=MATCH_ON_NAMES, allow_playback_repeats=True
        ) as cassette,
    ):
        try:
            requests.request(method, url, headers=headers, data=body, timeout=timeout, allow_redirects=False)
        except requests.RequestException as exc:
            raise RecordingError(url, f"live request failed while recording: {exc}") from exc
        found: list[dict[str, Any]] = cassette.responses_of(vcr_request(method, url, body, headers))
        return found[-1]


class RecordingDownloadHandler(BaseDownloadHandler):
    """Fetch live through vcrpy + requests, recording into ``NIANBAO_RECORD_DIR/<spider name>.yaml``."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        root = crawler.settings.get("NIANBAO_RECORD_DIR")
        if not root:
            raise NotConfigured("NIANBAO_RECORD_DIR is not set")
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", RECORD_TIMEOUT)

    def cassette_path(self) -> Path:
        spider = self.crawler.spider
        name = spider.name if spider is not None else "crawl"
        return self.root / f"{name}.yaml"

    async def download_request(self, request: Request) -> Response:
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.threads import deferToThread

        recorded: dict[str, Any] = await maybe_deferred_to_future(
            deferToThread(
                record_request,
                self.cassette_path(),
                request.method,
                request.url,
                headers=_request_headers(request),
                body=request.body or None,
                timeout=self.timeout,
            )
        )
        return build_response(request, recorded, flags=["recorded"])

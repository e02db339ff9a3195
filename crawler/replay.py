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
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import vcr  # type: ignore[import-untyped]
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from vcr import matchers  # type: ignore[import-untyped]
from vcr.cassette import Cassette  # type: ignore[import-untyped]
from vcr.request import Request as VcrRequest  # type: ignore[import-untyped]

from crawler.exceptions import CassetteMiss, RecordingError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

Matcher = Callable[[VcrRequest, VcrRequest], Any]

# vcrpy's matcher functions: the request line decides, never the headers (a User-Agent may change).
MATCH_ON: tuple[Matcher, ...] = (
    matchers.method,
    matchers.scheme,
    matchers.host,
    matchers.port,
    matchers.path,
    matchers.query,
)
# the same matchers by the names vcrpy's VCR/use_cassette configuration knows them
MATCH_ON_NAMES: tuple[str, ...] = ("method", "scheme", "host", "port", "path", "query")
CASSETTE_SUFFIXES = (".yaml", ".yml")
REPLAY_FLAG = "replay"
RECORD_TIMEOUT = 60.0


def cassette_files(root: Path) -> list[Path]:
    """Every cassette file under ``root`` (or ``root`` itself when it is one file), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in CASSETTE_SUFFIXES)


def vcr_request(method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> VcrRequest:
    return VcrRequest(method.upper(), url, body or None, headers or {})


class CassetteLibrary:
    """All cassettes under one directory, searched together.

    Interactions are indexed by (method, host, path) to find candidates quickly; vcrpy's matchers
    (``MATCH_ON``) make the decision. A response may be played any number of times.
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
            path=str(path), record_mode="none", match_on=self.match_on, allow_playback_repeats=True
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
        """The recorded response (vcrpy's dict) for ``req``, or ``None``."""
        for cassette in self._index.get(self._key(req), []):
            if req in cassette:
                response: dict[str, Any] = cassette.play_response(req)
                return response
        return None

    def urls(self) -> list[str]:
        return [r.uri for c in self.cassettes for r in c.requests]


def _header_items(raw: dict[str, Any]) -> Iterable[tuple[str, list[str]]]:
    for name, value in (raw or {}).items():
        values = value if isinstance(value, list) else [value]
        yield name, [str(v) for v in values]


def build_response(request: Request, recorded: dict[str, Any], *, flags: Sequence[str] = ()) -> Response:
    """A Scrapy response (of the class the headers and body call for) from a vcrpy response dict."""
    status = int((recorded.get("status") or {}).get("code", 200))
    headers = Headers(dict(_header_items(recorded.get("headers") or {})))
    body = (recorded.get("body") or {}).get("string") or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    respcls = responsetypes.from_args(headers=headers, url=request.url, body=body)
    return respcls(url=request.url, status=status, headers=headers, body=body, request=request,
                   flags=list(flags))


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
        root = crawler.settings.get("NIANBAO_REPLAY_DIR")
        if not root:
            raise NotConfigured("NIANBAO_REPLAY_DIR is not set")
        self.library = CassetteLibrary(root)

    async def download_request(self, request: Request) -> Response:
        req = vcr_request(request.method, request.url, request.body or None, _request_headers(request))
        recorded = self.library.lookup(req)
        if recorded is None:
            raise CassetteMiss(
                request.url,
                f"no cassette under {self.library.root} holds {request.method} {request.url}",
            )
        return build_response(request, recorded, flags=[REPLAY_FLAG])


_RECORD_LOCK = threading.Lock()


def record_request(cassette_path: str | Path, method: str, url: str, *, headers: dict[str, str] | None = None,
                   body: bytes | None = None, timeout: float = RECORD_TIMEOUT) -> dict[str, Any]:
    """Make one live request with ``requests`` inside a vcrpy cassette and return what vcrpy recorded.

    An interaction the cassette already holds is played back, not fetched again (``new_episodes``).
    Redirects are not followed here: each hop is its own interaction, as Scrapy asks for it.
    Serialised by a lock, since vcrpy patches the HTTP clients process-wide.
    """
    import requests  # only recording needs it

    with _RECORD_LOCK, vcr.use_cassette(
        str(cassette_path), record_mode="new_episodes", match_on=MATCH_ON_NAMES, allow_playback_repeats=True
    ) as cassette:
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

        recorded: dict[str, Any] = await maybe_deferred_to_future(deferToThread(
            record_request, self.cassette_path(), request.method, request.url,
            headers=_request_headers(request), body=request.body or None, timeout=self.timeout,
        ))
        return build_response(request, recorded, flags=["recorded"])

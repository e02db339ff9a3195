"""Local portals for tests and benchmarks: real HTTP servers on 127.0.0.x, one address per portal (so that each
portal is its own domain to Scrapy), each with an annual-report column of report pages.

Every site counts the requests it is answering at once and keeps the highest count (``max_concurrent``), so a
test can assert the per-domain bound a crawl kept; every request is logged (path, start, end, status). A site
can answer late (``latency``) and can block: ``blocks(path, nth, elapsed)`` returns True when the ``nth``
request (1-based) for ``path``, ``elapsed`` seconds after the site started, gets a block page instead of the
page (a 电信云堤-style page with status 200, which :mod:`crawler.defences` recognises).

Report pages are real reports: the seeds' HTML renderings (``tests/fixtures/rendered/*.html``, read by the
parser to their gold cells), each made unique by a comment (``report_page(n)``), or a small generated page
(``small_report(n)``, fast to parse) for load.

Only loopback addresses are used (127.0.0.2 … 127.0.0.254); the servers run in daemon threads of the calling
process and stop with :meth:`Portals.close`.

A one-off portal of fixed pages, each with its own content type and status (a PDF, an OFD, page images, a zip),
is :func:`served`: ``with served({path: (type, body)}) as portal: …`` on 127.0.0.1, counting the requests per path.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RENDERED = Path(__file__).resolve().parent / "fixtures" / "rendered"
BLOCK_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问被拦截</title></head><body>'
    "<h2>您的访问已被拦截</h2><p>电信云堤 安全防护</p></body></html>"
).encode()
BlockRule = Callable[[str, int, float], bool]
NOT_FOUND = b"<h1>404 Not Found</h1>"


def seed_pages() -> list[bytes]:
    return [p.read_bytes() for p in sorted(RENDERED.glob("*.html"))]


def report_page(n: int, pages: list[bytes] | None = None) -> bytes:
    """The ``n``-th report page: a seed's HTML rendering, made unique by a comment."""
    pages = pages or seed_pages()
    body = pages[n % len(pages)]
    return body.replace(b"</body>", f"<!-- report {n} -->\n</body>".encode(), 1)


def small_report(n: int, site: str = "测试") -> bytes:
    """A short report page the parser reads quickly: title, date and the report's numbered sections."""
    sections = "".join(
        f"<p>{num}、{head}</p><p>{site}第{n}号单位{head}的情况说明。</p>"
        for num, head in (
            ("一", "总体情况"),
            ("二", "主动公开政府信息情况"),
            ("三", "收到和处理政府信息公开申请情况"),
            ("四", "政府信息公开行政复议、行政诉讼情况"),
            ("五", "存在的主要问题及改进情况"),
            ("六", "其他需要报告的事项"),
        )
    )
    title = f"{site}第{n}号单位2023年政府信息公开工作年度报告"
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title><meta name="ArticleTitle" content="{title}">'
        f'<meta name="PubDate" content="2024-01-16 10:00"></head><body><h1>{title}</h1>'
        f'<div class="view TRS_UEDITOR trs_paper_default">{sections}</div></body></html>'
    ).encode()


def detail_path(n: int) -> str:
    return f"/col/2024{1 + n % 12:02d}/t2024{1 + n % 12:02d}15_{n}.html"


def column_page(site: str, links: list[tuple[str, str]]) -> bytes:
    rows = "".join(
        f'<li><a href="{href}" title="{title}">{title}</a><span>2024-01-16</span></li>' for href, title in links
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{site} 政府信息公开年报</title></head>'
        f"<body><ul>{rows}</ul></body></html>"
    ).encode()


@dataclass
class Hit:
    path: str
    start: float
    end: float
    status: int
    blocked: bool


@dataclass
class Site:
    """One portal: its pages by path, its latency, its block rule, and what it saw."""

    name: str
    host: str
    pages: dict[str, bytes]
    latency: float = 0.0
    blocks: BlockRule | None = None
    port: int = 0
    started: float = field(default_factory=time.monotonic)
    hits: list[Hit] = field(default_factory=list)
    in_flight: int = 0
    max_concurrent: int = 0
    asked: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def column(self) -> str:
        return f"http://{self.host}:{self.port}/col/"

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def answer(self, path: str) -> tuple[int, bytes, bool]:
        with self.lock:
            self.in_flight += 1
            self.max_concurrent = max(self.max_concurrent, self.in_flight)
            nth = self.asked[path] = self.asked.get(path, 0) + 1
        try:
            if self.latency:
                time.sleep(self.latency)
            body = self.pages.get(path.split("?", 1)[0])
            if body is None:
                return 404, b"<html><body>404 Not Found</body></html>", False
            if self.blocks is not None and self.blocks(path, nth, time.monotonic() - self.started):
                return 200, BLOCK_PAGE, True
            return 200, body, False
        finally:
            with self.lock:
                self.in_flight -= 1


def report_site(name: str, host: str, reports: int, *, small: bool = False, **kwargs: object) -> Site:
    """A portal whose column (``/col/``) links ``reports`` report pages."""
    seeds = None if small else seed_pages()
    pages: dict[str, bytes] = {}
    links = []
    for n in range(reports):
        path = detail_path(n)
        title = f"{name}第{n}号单位2023年政府信息公开工作年度报告"
        pages[path] = small_report(n, name) if small else report_page(n, seeds)
        links.append((path, title))
    pages["/col/"] = pages["/col/index.html"] = column_page(name, links)
    return Site(name=name, host=host, pages=pages, **kwargs)  # type: ignore[arg-type]


class Portals:
    """Serve ``sites``, each on its own loopback address; ``with Portals([...]) as portals: …``."""

    def __init__(self, sites: list[Site]) -> None:
        self.sites = sites
        self.servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> Portals:
        for site in self.sites:
            server = ThreadingHTTPServer((site.host, 0), handler_for(site))
            server.daemon_threads = True
            site.port = server.server_address[1]
            site.started = time.monotonic()
            self.servers.append(server)
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()
        self.servers = []

    def site(self, name: str) -> Site:
        return next(s for s in self.sites if s.name == name)


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            start = time.monotonic()
            status, body, blocked = site.answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with site.lock:
                site.hits.append(Hit(self.path, start, time.monotonic(), status, blocked))

        def log_message(self, format: str, *args: object) -> None:
            pass

        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    return Handler


def loopback(n: int) -> str:
    """The ``n``-th portal's address (127.0.0.2 upwards; 127.0.0.1 stays for Redis and the rest)."""
    if not 0 <= n < 250:
        raise ValueError("at most 250 local portals")
    return f"127.0.0.{n + 2}"


# a page of a one-off portal: (content type, body), or (status, content type, body)
Page = tuple[str, bytes] | tuple[int, str, bytes]


@dataclass
class Served:
    """A one-off portal being served: its root URL, its server, and the requests it answered per path."""

    server: ThreadingHTTPServer
    asked: dict[str, int]

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        """Stop answering (from here on a live request fails); idempotent."""
        self.server.shutdown()


@contextmanager
def served(pages: Mapping[str, Page]) -> Iterator[Served]:
    """Serve ``pages`` (path → page) on 127.0.0.1 until the block ends; any other path is a 404."""
    table = {path: (200, *page) if len(page) == 2 else page for path, page in pages.items()}
    asked: dict[str, int] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked[self.path] = asked.get(self.path, 0) + 1
            status, content_type, body = table.get(self.path, (404, "text/html", NOT_FOUND))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(server, asked)
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()

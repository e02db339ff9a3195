"""Crawl throughput of the generic spider against a synthetic portal on 127.0.0.1 with injected latency.

The portal (a threaded ``http.server``, in a process of its own) has ``--pages`` pages (default 2,000): a
TRS-like column of list pages (``index.html``, ``index_N.html``, ``countPage`` in the script) each linking
``--per-list`` report detail pages; every response is delayed by ``--latency`` (default 50 ms). The
generic spider crawls it with ``--concurrency`` requests in flight (per domain and in total), no download
delay, no AutoThrottle, and the item pipelines off: this measures the crawler (scheduling, downloading,
link extraction, page metadata, Store look-ups for known pages), not the parser.

The bound is concurrency ÷ latency (e.g. 16 ÷ 0.05 s = 320 pages/s): no crawler can beat it on one domain.
The run is bounded in time (``--timeout``, default 300 s, via CLOSESPIDER_TIMEOUT) and stops by itself.

Usage: ``.venv/bin/python benchmarks/crawl.py [--pages 2000] [--latency 0.05] [--concurrency 16]``
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_handler(pages: int, per_list: int, latency: float) -> type[BaseHTTPRequestHandler]:
    lists = max(1, -(-pages // (per_list + 1)))  # list pages; the rest are detail pages
    details = pages - lists

    def list_page(index: int) -> bytes:
        first = index * per_list
        rows = "".join(
            f'<tr><td>{n + 1}</td><td><a href="./2024{1 + n % 12:02d}/t20240{1 + n % 9}15_{n}.html" '
            f'title="第{n}单位2023年政府信息公开工作年度报告">第{n}单位2023年政府信息公开工作年度报告</a></td>'
            f"<td></td><td>2024-01-15</td><td>2024-01-16</td></tr>"
            for n in range(first, min(first + per_list, details))
        )
        return (
            f'<html><head><meta charset="utf-8"><title>年报</title></head><body><table><tbody>{rows}'
            f"</tbody></table><script>var currentPage = {index}; var countPage = {lists};</script>"
            f'<a href="/">首页</a> <a href="/zwgk/">政务公开</a></body></html>'
        ).encode()

    def detail_page(n: int) -> bytes:
        return (
            f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="第{n}单位2023年政府信息公开'
            f'工作年度报告"><meta name="PubDate" content="2024-01-16 10:00"></head><body><h1>第{n}单位2023年'
            f'政府信息公开工作年度报告</h1><div class="view TRS_UEDITOR trs_paper_default"><p>'
            f"{'本年度报告根据《中华人民共和国政府信息公开条例》编制。' * 20}</p></div></body></html>"
        ).encode()

    class Portal(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to each
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            time.sleep(latency)
            path = self.path
            body: bytes | None = None
            if path in ("/nb/", "/nb/index.html"):
                body = list_page(0)
            elif path.startswith("/nb/index_") and path.endswith(".html"):
                index = int(path[len("/nb/index_") : -len(".html")])
                body = list_page(index) if 0 < index < lists else None
            elif path.startswith("/nb/2024") and path.endswith(".html"):
                n = int(path.rsplit("_", 1)[-1][: -len(".html")])
                body = detail_page(n) if n < details else None
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Portal


def serve(pages: int, per_list: int, latency: float, ports: Any) -> None:
    """The portal, in a process of its own so that it does not share the crawler's interpreter lock."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(pages, per_list, latency))
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--per-list", type=int, default=19, help="detail links per list page")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added to every response")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--timeout", type=int, default=300, help="stop the crawl after this many seconds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from crawler.portals import spider_class
    from crawler.run import build_settings, run_crawlers

    ports: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(args.pages, args.per_list, args.latency, ports), daemon=True)
    server.start()
    url = f"http://127.0.0.1:{ports.get(timeout=30)}/nb/index.html"
    with tempfile.TemporaryDirectory() as tmp:
        settings = build_settings(
            "live",
            db=Path(tmp) / "bench.db",
            log_level="WARNING",
            obey_robots=False,
            extra={
                "ITEM_PIPELINES": {},
                "CONCURRENT_REQUESTS": args.concurrency,
                "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
                "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False,
                "RETRY_ENABLED": False,
                "NIANBAO_MAX_LIST_PAGES": args.pages,
                "CLOSESPIDER_TIMEOUT": args.timeout,
            },
        )
        started = time.perf_counter()
        try:
            _, stats = run_crawlers(settings, [(spider_class("generic"), {"url": url, "portal": "bench"})])
        finally:
            server.terminate()
            server.join(10)
        elapsed = time.perf_counter() - started
    crawl = stats.get("generic", {})
    pages = int(crawl.get("downloader/response_count", 0))
    spider_time = crawl.get("elapsed_time_seconds") or elapsed
    rate = pages / spider_time if spider_time else 0.0
    bound = args.concurrency / args.latency
    figures = {
        "pages": pages,
        "list_requests": int(crawl.get("nianbao/requests/list", 0)),
        "detail_requests": int(crawl.get("nianbao/requests/detail", 0)),
        "seconds": round(spider_time, 2),
        "pages_per_second": round(rate, 1),
        "bound_pages_per_second": round(bound, 1),
        "share_of_bound": round(rate / bound, 3) if bound else None,
        "concurrency": args.concurrency,
        "latency_s": args.latency,
        "finish_reason": crawl.get("finish_reason"),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"crawled {pages} pages ({figures['list_requests']} list, {figures['detail_requests']} detail) "
            f"in {spider_time:.2f} s: {rate:.1f} pages/s; bound {args.concurrency} / {args.latency} s = "
            f"{bound:.0f} pages/s ({100 * rate / bound:.0f} % of it); finish: {figures['finish_reason']}"
        )
    return 0 if pages else 1


if __name__ == "__main__":
    sys.exit(main())

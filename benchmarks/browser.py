"""What a list costs when only a browser renders it: the same column served static and written by a script.

A synthetic column on 127.0.0.1 (a threaded ``http.server`` in a process of its own) of ``--pages`` list
pages (default 20), each with ``--per-list`` report links (PDF attachments, not downloaded: the item pipelines
are off) and a 下一页 link. Three crawls of it by the generic spider, each in a process of its own (Twisted's
reactor runs once per process):

- ``static``: the rows are in the HTML (the floor: what a fetch and a parse cost);
- ``browser``: the rows are written by a script after an XHR for the page's JSON, and the portal is marked
  ``needs_browser``: every list page is rendered in chromium (:mod:`crawler.browser`);
- ``fallback``: the same script-written pages, not marked: each is fetched, found listless, then rendered.

Each reports the column's pages per second, milliseconds per rendered page (``browser_ms`` ÷ ``browser_pages``, the
stats the run records), reports found (all must be found), and the ratio to ``static`` measured in the same
run. ``--latency`` adds seconds to every response (default 0.05).

Usage: ``.venv/bin/python benchmarks/browser.py [--pages 20] [--per-list 10] [--latency 0.05]``
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARIANTS = ("static", "browser", "fallback")


def make_handler(pages: int, per_list: int, latency: float) -> type[BaseHTTPRequestHandler]:
    def rows(index: int) -> list[tuple[str, str]]:
        return [
            (f"/nb/2024/P0{index:04d}{n:04d}.pdf", f"第{index * per_list + n}单位2023年政府信息公开工作年度报告")
            for n in range(per_list)
        ]

    def nxt(index: int) -> str:
        return f'<a href="index_{index + 1}.html">下一页</a>' if index + 1 < pages else ""

    def static_page(index: int) -> bytes:
        lis = "".join(f'<li><a href="{h}" title="{t}">{t}</a><span>2024-01-16</span></li>' for h, t in rows(index))
        head = '<html><head><meta charset="utf-8"></head>'
        return f'{head}<body><ul class="list">{lis}</ul>{nxt(index)}</body></html>'.encode()

    def script_page(index: int) -> bytes:
        script = f"""<script>
var x = new XMLHttpRequest(); x.open('GET', 'list_{index}.json');
x.onload = function () {{ var d = JSON.parse(x.responseText), h = '';
  for (var i = 0; i < d.length; i++)
    h += '<li><a href="' + d[i][0] + '" title="' + d[i][1] + '">' + d[i][1] + '</a></li>';
  document.getElementById('list').innerHTML = h;
  document.getElementById('page').innerHTML = {json.dumps(nxt(index))}; }};
x.send();</script>"""
        body = '<ul class="list" id="list"></ul><div id="page"></div>'
        return f'<html><head><meta charset="utf-8"></head><body>{body}{script}</body></html>'.encode()

    class Portal(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            time.sleep(latency)
            variant, _, path = self.path.lstrip("/").partition("/")
            path = "/" + path
            body: bytes | None = None
            kind = "text/html; charset=utf-8"
            name = path.rsplit("/", 1)[-1]
            if path.startswith("/nb/index"):
                index = 0 if name in ("index.html", "") else int(name[len("index_") : -len(".html")])
                if index < pages:
                    body = static_page(index) if variant == "static" else script_page(index)
            elif path.startswith("/nb/list_") and path.endswith(".json"):
                index = int(name[len("list_") : -len(".json")])
                body, kind = json.dumps(rows(index), ensure_ascii=False).encode(), "application/json"
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Portal


def serve(pages: int, per_list: int, latency: float, ports: Any) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(pages, per_list, latency))
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


def crawl(variant: str, base: str, pages: int) -> dict[str, Any]:
    """One crawl of one variant, in this process."""
    from crawler.portals import spider_class
    from crawler.run import build_settings, run_crawlers

    with tempfile.TemporaryDirectory() as tmp:
        settings = build_settings(
            "live",
            db=Path(tmp) / "bench.db",
            log_level="ERROR",
            obey_robots=False,
            browser=True,
            extra={
                "ITEM_PIPELINES": {},
                "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
                "NIANBAO_BROWSER_MAX_PAGES": pages + 1,
            },
        )
        kwargs: dict[str, Any] = {"url": f"{base}/{variant}/nb/index.html", "portal": "bench"}
        if variant == "browser":
            kwargs["needs_browser"] = True
        started = time.perf_counter()
        _, stats = run_crawlers(settings, [(spider_class("generic"), kwargs)])
        elapsed = time.perf_counter() - started
    s = stats.get("generic", {})
    rendered = int(s.get("nianbao/browser/pages", 0))
    return {
        "variant": variant,
        "seconds": round(elapsed, 2),
        "list_pages": int(s.get("nianbao/lists_read", 0)),
        "requests": int(s.get("nianbao/requests", 0)),
        "rendered": rendered,
        "ms_per_rendered_page": round(int(s.get("nianbao/browser/ms", 0)) / rendered) if rendered else None,
        "reports_found": int(s.get("item_scraped_count", 0)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--per-list", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)  # one crawl (a child process)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.variant:
        print(json.dumps(crawl(args.variant, args.base, args.pages)))
        return 0

    ports: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(args.pages, args.per_list, args.latency, ports), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=30)}"
    results = []
    try:
        for variant in VARIANTS:
            done = subprocess.run(
                [sys.executable, __file__, "--variant", variant, "--base", base, "--pages", str(args.pages)],
                capture_output=True, text=True, check=True, timeout=900,
            )  # fmt: skip
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        server.terminate()
        server.join(10)
    floor = results[0]["seconds"]
    expected = args.pages * args.per_list
    for r in results:
        r["pages_per_second"] = round(args.pages / r["seconds"], 2) if r["seconds"] else None  # the column's pages
        r["times_static"] = round(r["seconds"] / floor, 1) if floor else None
        r["all_reports_found"] = r["reports_found"] == expected
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"{args.pages} list pages × {args.per_list} reports, {args.latency} s latency")
        for r in results:
            per = f", {r['ms_per_rendered_page']} ms per rendered page" if r["rendered"] else ""
            print(
                f"  {r['variant']:<9} {r['seconds']:>6.2f} s  {r['pages_per_second']:>6} list pages/s  "
                f"{r['times_static']:>5}× static  rendered {r['rendered']}{per};"
                f"  reports {r['reports_found']}/{expected}"
            )
    return 0 if all(r["all_reports_found"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Distributed harvests: reports/s with 1, 2 and 4 workers, the writer's saturation point, Redis memory per
million queued requests.

The portals (``--portals`` 20 × ``--reports`` 100, real HTTP servers on 127.0.0.2 …, tests/portal_server.py)
answer every request ``--latency`` (200 ms) late and count the requests each answers at once. Each harvest is
``nianbao crawl <the 20 columns> --live --delay 0 --workers N`` (its own Redis on 127.0.0.1, its own writer),
with the default per-domain concurrency of 2: the politeness bound is portals × 2 ÷ latency requests/s
(20 × 2 ÷ 0.2 = 200/s), whatever the number of workers. Reports/s is taken over the crawl's active window (the
first to the last request the portals saw) and over the whole command (start-up, Redis, writer, the end).

The writer is measured alone: ``--ops`` report operations (a parsed report page each, plus its page document)
pushed into Redis, then applied by ``storage.writer.ingest``; against the floor of writing the same reports
straight into a Store (what a per-worker SQLite shard costs, and then again what a merge would cost).

Redis memory: ``--queued`` requests (detail pages as scrapy-redis serialises them) pushed into a queue, the
``used_memory`` delta scaled to one million.

Usage: ``.venv/bin/python benchmarks/scale.py [--portals 20] [--reports 100] [--latency 0.2] [--workers 1 2 4]``
Bounded: every harvest is stopped after ``--timeout`` seconds (default 600).
"""

from __future__ import annotations

import argparse
import pickle
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from portal_server import Portals, Site, loopback, report_site, small_report  # noqa: E402

from crawler.distributed import LocalRedis, redis_server  # noqa: E402
from storage.writer import ITEMS, ingest  # noqa: E402


def harvest(sites: list[Site], workers: int, timeout: float, work: Path) -> dict[str, Any]:
    db = work / f"w{workers}.sqlite"
    for site in sites:
        site.hits.clear()
        site.max_concurrent = 0
        site.asked.clear()
    command = [sys.executable, "-m", "nianbao.cli", "crawl", *[s.column for s in sites], "--live", "--delay", "0"]
    command += ["--ignore-robots", "--db", str(db)]
    if workers:
        command += ["--workers", str(workers), "--worker-logs", str(work / f"logs{workers}")]
    started = time.monotonic()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    wall = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"harvest with {workers} worker(s) failed:\n{done.stderr[-2000:]}")
    with sqlite3.connect(db) as con:
        reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    hits = [h for s in sites for h in s.hits]
    window = max(h.end for h in hits) - min(h.start for h in hits)
    return {
        "workers": workers,
        "reports": reports,
        "requests": len(hits),
        "window": window,
        "wall": wall,
        "reports_per_s": reports / window,
        "requests_per_s": len(hits) / window,
        "wall_reports_per_s": reports / wall,
        "max_concurrent": max(s.max_concurrent for s in sites),
        "cpu_ms_per_report": cpu / reports * 1000,  # every process of the harvest (workers, writer, Redis)
    }


def writer(ops: int, work: Path) -> dict[str, float]:
    """The writer alone (operations from Redis), and the floor: the same reports written straight to a Store."""
    from parsers import parse
    from storage.ingest import StoreWrites, archive_body, document_op, report_op
    from storage.store import Store

    pages = [(f"http://127.0.0.9/col/202401/t20240115_{n}.html", small_report(n)) for n in range(ops)]
    parsed = [parse(body, "page.html", url=url) for url, body in pages]

    def operations(store: Store, run: int) -> list[dict[str, Any]]:
        out = []
        for (url, body), report in zip(pages, parsed, strict=True):
            kept = archive_body(store.archive, url, body)
            page = {"url": url, "sha256": kept["sha256"], "content_type": "text/html", "status": 200}
            out.append(document_op(url, **kept, content_type="text/html", status=200, run_id=run, mark=False))
            out.append(
                report_op(portal="p", url=url, report=report, document_sha256=kept["sha256"], page=page, run_id=run)
            )
        return out

    direct = Store(work / "direct.sqlite")
    run = direct.start_run("live", ["p"])
    ops_direct = operations(direct, run)
    started = time.monotonic()
    writes = StoreWrites(direct)
    for op in ops_direct:
        writes.submit(op)
    direct_s = time.monotonic() - started

    with LocalRedis(work / "redis-writer") as local:
        server = redis_server(local.url)
        store = Store(work / "ingest.sqlite")
        run = store.start_run("live", ["p"])
        ops_ingest = operations(store, run)
        pipe = server.pipeline(transaction=False)
        for op in ops_ingest:
            pipe.rpush(ITEMS, pickle.dumps(op, protocol=pickle.HIGHEST_PROTOCOL))
        pipe.execute()
        figures = ingest(server, store, until_done=False, idle_exit=0.5)
    stored = store.db.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert stored == ops, stored
    return {
        "reports": ops,
        "ingest_reports_per_s": ops / figures.busy,
        "direct_reports_per_s": ops / direct_s,
    }


def redis_memory(queued: int, work: Path) -> dict[str, float]:
    from scrapy import Request

    with LocalRedis(work / "redis-memory") as local:
        server = redis_server(local.url)
        before = int(server.info("memory")["used_memory"])
        pipe = server.pipeline(transaction=False)
        for n in range(queued):
            url = f"https://www.example{n % 2000}.gov.cn/zwgk/zfxxgk/zfxxgknb/2024{1 + n % 12:02d}/t20240115_{n}.html"
            request = Request(url, meta={"nianbao_kind": "detail", "list_url": url.rsplit("/", 2)[0] + "/index.html"})
            data = pickle.dumps(request.to_dict(), protocol=-1)
            pipe.execute_command("ZADD", "nianbao:bench:requests", 0, data)
            if n % 10000 == 9999:
                pipe.execute()
        pipe.execute()
        after = int(server.info("memory")["used_memory"])
    per_million = (after - before) / queued * 1_000_000
    return {"queued": queued, "bytes_per_request": (after - before) / queued, "mib_per_million": per_million / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--portals", type=int, default=20)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--embedded", action="store_true", help="also the embedded harvest (no Redis, one process)")
    parser.add_argument("--ops", type=int, default=2000, help="reports the writer is fed alone")
    parser.add_argument("--queued", type=int, default=100_000, help="requests queued for the memory figure")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)

    bound = args.portals * 2 / args.latency
    with tempfile.TemporaryDirectory(prefix="nianbao-scale-") as tmp:
        work = Path(tmp)
        sites = [
            report_site(f"s{i}", loopback(i), args.reports, small=True, latency=args.latency)
            for i in range(args.portals)
        ]
        rows = []
        with Portals(sites):
            for n in ([0] if args.embedded else []) + args.workers:
                row = harvest(sites, n, args.timeout, work)
                rows.append(row)
                print(
                    f"workers {n}: {row['reports']} reports, {row['requests']} requests in {row['window']:.1f} s "
                    f"({row['reports_per_s']:.1f} reports/s, {row['requests_per_s']:.1f} requests/s; wall "
                    f"{row['wall']:.1f} s), max {row['max_concurrent']} at once per domain, "
                    f"{row['cpu_ms_per_report']:.0f} ms CPU per report",
                    flush=True,
                )
        base = next((r for r in rows if r["workers"] == 1), rows[0])
        print(f"\npoliteness bound: {args.portals} portals × 2 ÷ {args.latency} s = {bound:.0f} requests/s")
        print(
            "| workers | reports | requests/s | share of the bound | reports/s | × 1 worker | wall s | max per domain |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            label = "embedded" if r["workers"] == 0 else str(r["workers"])
            print(
                f"| {label} | {r['reports']} | {r['requests_per_s']:.0f} | {r['requests_per_s'] / bound:.0%} | "
                f"{r['reports_per_s']:.1f} | {r['reports_per_s'] / base['reports_per_s']:.2f} | {r['wall']:.0f} | "
                f"{r['max_concurrent']} |"
            )
        w = writer(args.ops, work)
        print(
            f"\nwriter: {w['ingest_reports_per_s']:.0f} reports/s from Redis (batches of 200, one transaction each); "
            f"floor, straight into a Store: {w['direct_reports_per_s']:.0f} reports/s "
            f"({w['ingest_reports_per_s'] / w['direct_reports_per_s']:.2f}×)"
        )
        m = redis_memory(args.queued, work)
        print(
            f"redis: {m['bytes_per_request']:.0f} bytes per queued request, {m['mib_per_million']:.0f} MiB per million "
            f"({m['queued']} queued)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

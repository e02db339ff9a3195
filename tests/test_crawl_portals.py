"""One embedded crawl of several portals read by the generic spider (``nianbao crawl URL URL …``): each portal
gets its own ``portal_runs`` row with its own figures. The generic spider crawls them all under one spider name;
the crawl's figures were once keyed by that name, so only the last portal's row was kept."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from portal_server import Portals, detail_path, loopback, report_site

ROOT = Path(__file__).resolve().parent.parent


def test_each_portal_of_a_generic_crawl_has_its_own_run_row_and_figures(tmp_path: Path) -> None:
    sizes = {"p0": 2, "p1": 3, "p2": 4}
    sites = [report_site(name, loopback(120 + i), n, small=True) for i, (name, n) in enumerate(sizes.items())]
    db = tmp_path / "db.sqlite"
    with Portals(sites):
        command = [sys.executable, "-m", "nianbao.cli", "crawl", *[s.column for s in sites], "--live"]
        command += ["--delay", "0", "--ignore-robots", "--db", str(db)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    with sqlite3.connect(db) as con:
        stored = {u for (u,) in con.execute("SELECT url FROM reports")}
        runs = con.execute(
            "SELECT portal, status, requests, list_pages, new_reports FROM portal_runs ORDER BY portal"
        ).fetchall()
    assert stored == {s.url(detail_path(n)) for s in sites for n in range(sizes[s.name])}
    hosts = [s.host for s in sites]  # a generic crawl names each portal by its host
    # each portal: its column and its reports asked, one list page read, its reports new
    assert runs == [(h, "ok", 1 + n, 1, n) for h, n in zip(hosts, sizes.values(), strict=True)]

"""Blocks pass: a block answers one request, it does not condemn the portal (crawler.blocks, crawler.middlewares).

The policy is checked with a fake clock; then real crawls (``nianbao crawl --live``, a subprocess) run against
local portals on 127.0.0.x (tests/portal_server.py) whose report pages are the seeds' HTML renderings:

- a portal with one URL that blocks on every try among six good reports: every good report is stored, the bad
  URL is ``blocked`` with the evidence of each try;
- a portal that blocks everything for a while, then answers: every report is stored, nothing is recorded;
- a portal that blocks everything: paused after K blocks in a row, its unvisited URLs recorded ``paused``;
  the next run, when it answers again, asks those first and stores every report.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from portal_server import BLOCK_PAGE, Portals, detail_path, loopback, report_site
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.blocks import BlockSettings, BlockTracker
from crawler.exceptions import Blocked, PortalPaused
from crawler.middlewares import RETRY_LAST, BlockDetectionMiddleware
from crawler.politeness import SENT_META
from crawler.spiders.generic import GenericSpider

ROOT = Path(__file__).resolve().parent.parent
COOL = 0.2  # first cool-down of the crawls below (×4 for each next block in a row)


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


# ------------------------------------------------------------------------------------------ the policy
def test_cooldowns_are_exponential_capped_and_configurable() -> None:
    default = BlockSettings()
    assert [default.cooldown_for(n) for n in (1, 2, 3, 4, 5)] == [30, 120, 480, 600, 600]
    assert [BlockSettings(cooldown=1, factor=2, cooldown_max=5).cooldown_for(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
    settings = {"NIANBAO_BLOCK_COOLDOWN": "0.5", "NIANBAO_BLOCK_PAUSE_AFTER": "5"}
    assert BlockSettings.from_settings(settings.get) == BlockSettings(cooldown=0.5, pause_after=5)
    with pytest.raises(ValueError):
        BlockSettings(factor=0.5)


def test_a_block_cools_the_portal_down_and_its_url_is_tried_again() -> None:
    clock = Clock()
    t = BlockTracker(BlockSettings(cooldown=30, factor=4), clock=clock)
    sent = t.sent()
    assert t.blocked("a", sent, "block_page: x") == "retry"
    assert t.wait() == 30
    clock.t += 10
    assert t.wait() == 20
    # a request already on its way when the block came back belongs to the same episode: no longer cool-down
    assert t.blocked("b", sent, "block_page: x") == "retry" and t.wait() == 20
    clock.t += 20
    assert t.blocked("a", t.sent(), "block_page: y") == "retry"  # a second episode in a row: 2 min
    assert t.wait() == 120
    t.answered()  # the portal answered: the next block starts over at 30 s
    clock.t += 120
    assert t.blocked("c", t.sent(), "block_page: z") == "retry" and t.wait() == 30


def test_a_url_blocked_on_every_try_is_given_up_while_the_portal_goes_on() -> None:
    clock = Clock()
    t = BlockTracker(BlockSettings(cooldown=1, tries=3, pause_after=2), clock=clock)
    verdicts = []
    for n in range(3):
        verdicts.append(t.blocked("bad", t.sent(), f"block_page: try {n}"))
        clock.t += t.wait()
        t.answered()  # the rest of the portal answers between the tries
    assert verdicts == ["retry", "retry", "give_up"] and not t.paused
    assert (
        t.all_evidence("bad") == "blocked on each of 3 tries: block_page: try 0 | block_page: try 1 | block_page: try 2"
    )
    # even with nothing answering between them, the same URL tried again never pauses its portal
    t2 = BlockTracker(BlockSettings(cooldown=1, tries=5, pause_after=2), clock=clock)
    for _ in range(4):
        assert t2.blocked("bad", t2.sent(), "x") == "retry"
        clock.t += t2.wait()
    assert not t2.paused


def test_k_blocks_in_a_row_pause_the_portal() -> None:
    clock = Clock()
    t = BlockTracker(BlockSettings(cooldown=1, pause_after=3), clock=clock)
    assert t.blocked("a", t.sent(), "x") == "retry"
    clock.t += t.wait()
    assert t.blocked("b", t.sent(), "x") == "retry"
    clock.t += t.wait()
    assert t.blocked("c", t.sent(), "x") == "pause"
    assert t.paused and t.paused_by == "c"


def test_the_middleware_sends_a_blocked_request_back_last_then_pauses() -> None:
    crawler = get_crawler(GenericSpider, {"NIANBAO_BLOCK_COOLDOWN": 0.01, "NIANBAO_BLOCK_PAUSE_AFTER": 2})
    crawler.spider = GenericSpider.from_crawler(crawler, url="https://www.example.gov.cn/col/")
    mw = BlockDetectionMiddleware.from_crawler(crawler)

    def ask(url: str) -> Request:
        request = Request(url, priority=5)
        assert mw.process_request(request) is None
        request.meta[SENT_META] = time.monotonic()  # what the gate (crawler.politeness) notes as it lets it go
        return request

    def blocked(request: Request) -> object:
        return mw.process_response(request, HtmlResponse(request.url, status=200, body=BLOCK_PAGE))

    a = ask("https://www.example.gov.cn/col/a.html")
    again = blocked(a)
    assert isinstance(again, Request) and again.url == a.url
    assert again.dont_filter and again.priority == 5 - RETRY_LAST  # behind every other request of the portal
    with pytest.raises(Blocked) as paused:  # a second block in a row, on another URL: K = 2
        blocked(ask("https://www.example.gov.cn/col/b.html"))
    assert paused.value.revisit and "paused" in paused.value.reason and "电信云堤" in paused.value.evidence
    with pytest.raises(PortalPaused) as later:
        ask("https://www.example.gov.cn/col/c.html")
    assert later.value.revisit and "col/b.html" in later.value.reason


# ------------------------------------------------------------------------------------------ real crawls
def crawl(site_url: str, db: Path, portal: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "nianbao.cli", "crawl", site_url, "--portal", portal, "--live", "--delay", "0"]
    command += ["--db", str(db), "--ignore-robots", "--block-cooldown", str(COOL), *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def test_one_url_blocking_among_good_reports_is_blocked_and_every_good_report_is_stored(tmp_path: Path) -> None:
    bad = detail_path(2)
    site = report_site("one_bad", loopback(0), 7, blocks=lambda path, nth, _: path == bad)
    with Portals([site]):
        crawl(site.column, tmp_path / "db.sqlite", "one_bad")
    db = tmp_path / "db.sqlite"
    stored = {u for (u,) in rows(db, "SELECT url FROM reports")}
    assert stored == {site.url(detail_path(n)) for n in range(7) if n != 2}
    errors = rows(db, "SELECT code, url, evidence FROM errors")
    assert [(c, u) for c, u, _ in errors] == [("blocked", site.url(bad))]
    evidence = str(errors[0][2])
    assert evidence.startswith("blocked on each of 3 tries: block_page: HTTP 200") and "访问被拦截" in evidence
    assert site.asked[bad] == 3
    # tried again last: its retries came after every good page had been asked
    first_try, *retries = [h.start for h in site.hits if h.path == bad]
    assert all(r > max(h.start for h in site.hits if h.path != bad) for r in retries)
    # nothing left for the portal during the first cool-down (though good pages were waiting), but what was
    # already let go as the block came back (at most the two requests a domain may have at once)
    first_end = next(h.end for h in site.hits if h.path == bad)
    assert len([h for h in site.hits if first_end < h.start < first_end + COOL * 0.9]) <= 2
    # and the retries waited for their cool-downs (0.2 s, then 0.8 s)
    assert retries[0] - first_try >= COOL * 0.9 and retries[1] - retries[0] >= 4 * COOL * 0.9


def test_a_portal_blocking_for_a_while_then_answering_loses_nothing(tmp_path: Path) -> None:
    first: list[float] = []

    def for_a_while(path: str, nth: int, elapsed: float) -> bool:  # 0.6 s from the first request on
        first.append(time.monotonic())
        return first[-1] - first[0] < 0.6

    site = report_site("for_a_while", loopback(1), 6, blocks=for_a_while)
    with Portals([site]):
        crawl(site.column, tmp_path / "db.sqlite", "for_a_while")
    db = tmp_path / "db.sqlite"
    assert rows(db, "SELECT count(*) FROM reports") == [(6,)]
    assert rows(db, "SELECT code, url FROM errors") == []
    assert any(h.blocked for h in site.hits)  # it did block


def test_k_blocks_in_a_row_pause_the_portal_and_the_next_run_asks_its_urls_first(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    blocking = {"on": False}
    site = report_site("paused", loopback(2), 8, blocks=lambda path, nth, _: blocking["on"] and path != "/col/")
    with Portals([site]):
        blocking["on"] = True
        crawl(site.column, db, "paused", "--block-pause-after", "2")
        paused = {u for (u,) in rows(db, "SELECT url FROM errors WHERE code = 'paused'")}
        blocked = {u for (u,) in rows(db, "SELECT url FROM errors WHERE code = 'blocked'")}
        assert rows(db, "SELECT count(*) FROM reports") == [(0,)]
        # the block that paused it, and one already on its way then (two requests at a time per domain)
        assert 1 <= len(blocked) <= 2
        assert all("paused" in r for (r,) in rows(db, "SELECT reason FROM errors WHERE code = 'blocked'"))
        details = {site.url(detail_path(n)) for n in range(8)}
        assert paused | blocked == details and not paused & blocked  # every page: paused, or the block that paused
        asked = {site.url(h.path) for h in site.hits}
        assert len(asked & paused) <= 2  # paused ones were never asked, but for those blocked once before
        assert rows(db, "SELECT count(*) FROM revisits WHERE portal = 'paused'") == [(8,)]

        blocking["on"] = False  # the portal answers again: the next run asks the paused pages first
        before = len(site.hits)
        crawl(site.column, db, "paused")
        second = [h.path for h in site.hits[before:]]
    assert rows(db, "SELECT count(*) FROM reports") == [(8,)]
    assert rows(db, "SELECT count(*) FROM errors WHERE run_id = 2") == [(0,)]
    assert rows(db, "SELECT count(*) FROM revisits") == [(0,)]
    assert second.index("/col/") >= 1  # a revisit went out before the column itself

"""Lists only a browser renders, crawled for real: Debian's chromium through scrapy-playwright, against test
portals on 127.0.0.1 (:mod:`tests.local_portals`).

Each harvest runs ``nianbao crawl URL --live`` in a subprocess (one reactor per process). The server logs
every request, and whether chromium made it, so the tests assert what was rendered, what was fetched
statically, and that nothing else was asked. Unit tests of :func:`crawler.browser.why_render` cover the
static markup that must (and must not) send a page to the browser.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler.browser import (
    CHROMIUM_FLAGS,
    HANDLER,
    browser_enabled,
    browser_wanted,
    is_report_anchor,
    static_report_links,
    why_render,
)
from tests.local_portals import (
    ETKQQ_2022,
    IFRAME_COLUMN,
    IFRAME_LIST,
    IFRAME_MODULE,
    IFRAME_REPORTS,
    QSQ_2022,
    SCRIPT_COLUMN,
    SCRIPT_NOTICE,
    SCRIPT_REPORTS,
    TONGLIAO_2021,
    PortalServer,
    iframe_site,
    script_list_site,
    stalled_site,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"


@dataclass
class Crawled:
    server: PortalServer
    db: Path
    done: subprocess.CompletedProcess[str]
    seconds: float

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as con:
            return con.execute(sql, params).fetchall()

    def row(self, sql: str, *params: Any) -> dict[str, Any]:
        with sqlite3.connect(self.db) as con:
            con.row_factory = sqlite3.Row
            return dict(con.execute(sql, params).fetchone())

    def url(self, path: str) -> str:
        return self.server.base + path

    def cells(self, path: str) -> dict[str, float | None]:
        return dict(
            self.query(
                "SELECT c.key, c.value FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.url = ?",
                self.url(path),
            )
        )


def crawl(server: PortalServer, tmp: Path, column: str, *args: str, **env_vars: str) -> Crawled:
    db = tmp / "nianbao.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_vars}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "nianbao.cli", "crawl", server.base + column, "--live", "--delay", "0", "--db", str(db),
         "--portal", "test", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    return Crawled(server, db, done, time.monotonic() - started)


def gold_cells(stem: str) -> dict[str, Any]:
    cells: dict[str, Any] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["cells"]
    return cells


@pytest.fixture(scope="module")
def script_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    with PortalServer(script_list_site()) as server:
        yield crawl(server, tmp_path_factory.mktemp("script"), SCRIPT_COLUMN + "index.html")


@pytest.fixture(scope="module")
def iframe_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    with PortalServer(iframe_site()) as server:
        yield crawl(server, tmp_path_factory.mktemp("iframe"), IFRAME_COLUMN)


# ------------------------------------------------------------------------------------------ a script-written list
def test_script_list_found_without_a_browser_flag_rendered_and_harvested(script_crawl: Crawled) -> None:
    assert script_crawl.done.returncode == 0, script_crawl.done.stderr
    rows = script_crawl.query("SELECT url, page_url, title, year, published, region, source_kind FROM reports")
    assert sorted(rows) == sorted(
        [
            (
                script_crawl.url(f"{SCRIPT_COLUMN}202203/t20220308_902.html"),
                script_crawl.url(f"{SCRIPT_COLUMN}202203/t20220308_902.html"),
                "通辽市2021年政府信息公开工作年度报告",
                2021,
                "2022-03-08",
                "通辽市",
                "html",
            ),
            (
                script_crawl.url(f"{SCRIPT_COLUMN}202301/t20230120_1001.html"),
                script_crawl.url(f"{SCRIPT_COLUMN}202301/t20230120_1001.html"),
                "鄂托克前旗 2022 年政府信息公开工作报告",
                2022,
                "2023-01-20",
                "鄂托克前旗",
                "html",
            ),
            (
                script_crawl.url(f"{SCRIPT_COLUMN}202302/P020230208512345678901.pdf"),
                None,
                "青山区 2022 年政府信息公开工作年度报告",
                2022,
                "2023-02-08",
                "青山区",
                "pdf",
            ),
        ]
    )
    # the reports' cells are the gold cells (the pages and the PDF are the seeds' real renderings)
    assert script_crawl.cells(f"{SCRIPT_COLUMN}202301/t20230120_1001.html") == gold_cells(ETKQQ_2022)
    assert script_crawl.cells(f"{SCRIPT_COLUMN}202203/t20220308_902.html") == gold_cells(TONGLIAO_2021)
    assert script_crawl.cells(f"{SCRIPT_COLUMN}202302/P020230208512345678901.pdf") == gold_cells(QSQ_2022)
    assert script_crawl.query("SELECT code, url FROM errors") == []


def test_script_list_requests_static_then_rendered_and_nothing_else(script_crawl: Crawled) -> None:
    static = script_crawl.server.paths(browser=False)
    rendered = script_crawl.server.paths(browser=True)
    # both list pages: fetched as usual, found listless, rendered; the JSON only ever asked by the browser
    assert [p for p in static if "index" in p] == [f"{SCRIPT_COLUMN}index.html", f"{SCRIPT_COLUMN}index_1.html"]
    assert [p for p in rendered if not p.startswith("/js/")] == [
        f"{SCRIPT_COLUMN}index.html",
        f"{SCRIPT_COLUMN}list.json?page=1",
        f"{SCRIPT_COLUMN}index_1.html",
        f"{SCRIPT_COLUMN}list.json?page=2",
    ]
    assert not any(p.startswith(("/css/", "/images/")) for p in rendered)  # style sheets and images not loaded
    # the reports fetched once each, as usual; the notice about reports never
    assert sorted(p for p in static if p not in ("/robots.txt",) and "index" not in p) == sorted(SCRIPT_REPORTS)
    assert SCRIPT_NOTICE not in static + rendered
    # the browser says who it is, as the crawler does
    assert {h.user_agent for h in script_crawl.server.hits if h.browser and h.target.endswith(".html")} == {
        h.user_agent for h in script_crawl.server.hits if not h.browser
    }
    assert all("nianbao" in h.user_agent for h in script_crawl.server.hits)


def show(name: str, crawled: Crawled, capsys: pytest.CaptureFixture[str]) -> None:
    run = crawled.row("SELECT browser_pages, browser_ms FROM runs WHERE id = 1")
    with capsys.disabled():
        pages, ms = run["browser_pages"], run["browser_ms"]
        print(f"\n{name}: {pages} page(s) rendered in {ms} ms; the crawl took {crawled.seconds:.1f} s")


def test_script_list_browser_figures_in_the_run_and_the_portal_run(
    script_crawl: Crawled, capsys: pytest.CaptureFixture[str]
) -> None:
    show("script-written list", script_crawl, capsys)
    run = script_crawl.row("SELECT * FROM runs WHERE id = 1")
    assert run["browser_pages"] == 2
    assert 0 < run["browser_ms"] < 1000 * script_crawl.seconds
    assert (run["list_requests"], run["detail_requests"], run["attachment_downloads"], run["new_reports"]) == (
        4,
        2,
        1,
        3,
    )
    portal = script_crawl.row("SELECT * FROM portal_runs WHERE run_id = 1")
    assert (portal["portal"], portal["status"], portal["browser_pages"], portal["new_reports"]) == ("test", "ok", 2, 3)
    assert portal["list_pages"] == 4 and portal["browser_ms"] == run["browser_ms"]
    assert "pages rendered in a browser" in script_crawl.done.stdout


# ------------------------------------------------------------------------------------------ a list in an iframe
def test_iframe_list_rendered_and_harvested(iframe_crawl: Crawled) -> None:
    assert iframe_crawl.done.returncode == 0, iframe_crawl.done.stderr
    rows = iframe_crawl.query("SELECT url, title, year, published, region FROM reports ORDER BY url")
    assert rows == [
        (
            iframe_crawl.url(f"{IFRAME_LIST}202203/t20220308_3002.html"),
            "通辽市2021年政府信息公开工作年度报告",
            2021,
            "2022-03-08",
            "通辽市",
        ),
        (
            iframe_crawl.url(f"{IFRAME_LIST}202301/t20230120_3101.html"),
            "鄂托克前旗 2022 年政府信息公开工作报告",
            2022,
            "2023-01-20",
            "鄂托克前旗",
        ),
    ]
    assert iframe_crawl.cells(f"{IFRAME_LIST}202301/t20230120_3101.html") == gold_cells(ETKQQ_2022)
    assert iframe_crawl.query("SELECT code, url FROM errors") == []


def test_iframe_list_requests(iframe_crawl: Crawled, capsys: pytest.CaptureFixture[str]) -> None:
    show("iframe list", iframe_crawl, capsys)
    static = iframe_crawl.server.paths(browser=False)
    rendered = iframe_crawl.server.paths(browser=True)
    # the module page once as fetched, once rendered (its iframe pointed at cid 11919 by the script) …
    assert f"{IFRAME_MODULE}?gk=2&cid=11919" in static
    assert [p for p in rendered if not p.startswith("/js/")] == [
        f"{IFRAME_MODULE}?gk=2&cid=11919",
        f"{IFRAME_LIST}index.html",
    ]
    # … the frame's second page is static (it holds its reports: no browser), its relative links resolved
    # against the frame's address; the other columns of the tree are not asked
    assert sorted(p for p in static if p not in ("/robots.txt", f"{IFRAME_MODULE}?gk=2&cid=11919")) == sorted(
        [f"{IFRAME_LIST}index_1.html", *IFRAME_REPORTS]
    )
    assert iframe_crawl.row("SELECT browser_pages FROM runs WHERE id = 1")["browser_pages"] == 1


# ------------------------------------------------------------------------------------------ needs_browser, bounds
def test_needs_browser_renders_every_list_page_within_its_budget(tmp_path: Path) -> None:
    with PortalServer(script_list_site()) as server:
        done = crawl(server, tmp_path, SCRIPT_COLUMN + "index.html", "--browser", "--browser-pages", "1")
    assert done.done.returncode == 0, done.done.stderr
    # no static fetch of a list page: the first is rendered, the second is over the budget
    assert [p for p in server.paths(browser=False) if "index" in p] == []
    assert [p for p in server.paths(browser=True) if "index" in p] == [f"{SCRIPT_COLUMN}index.html"]
    assert done.query("SELECT code, url FROM errors") == [("browser_cap", done.url(f"{SCRIPT_COLUMN}index_1.html"))]
    assert len(done.query("SELECT id FROM reports")) == 2  # page 1's two reports; the PDF of page 2 is not seen
    assert done.row("SELECT browser_pages FROM runs")["browser_pages"] == 1


def test_a_page_the_browser_never_gets_is_a_timeout_and_the_crawl_ends(tmp_path: Path) -> None:
    with PortalServer(stalled_site()) as server:
        done = crawl(server, tmp_path, SCRIPT_COLUMN + "index.html", "--browser", "--browser-timeout", "3")
    assert done.done.returncode == 0, done.done.stderr
    [(code, url, reason, evidence)] = done.query("SELECT code, url, reason, evidence FROM errors")
    assert (code, url) == ("timeout", done.url(f"{SCRIPT_COLUMN}index.html"))
    assert "NIANBAO_BROWSER_TIMEOUT" in reason and "3000" in evidence  # Playwright's own message
    # the server holds the page 60 s: the crawl ends before it (the bound leaves room for a loaded machine: 41 s
    # were seen at load 25 on 2 cores; the browser's own time is bounded below)
    assert done.seconds < 55
    portal = done.row("SELECT * FROM portal_runs")
    assert (portal["status"], portal["browser_pages"]) == ("failed", 1)
    assert 3000 <= portal["browser_ms"] < 20000


def test_no_chromium_is_a_clear_error_and_the_crawl_goes_on(tmp_path: Path) -> None:
    with PortalServer(script_list_site()) as server:
        done = crawl(server, tmp_path, SCRIPT_COLUMN + "index.html", NIANBAO_CHROMIUM=str(tmp_path / "no-chromium"))
    assert done.done.returncode == 0, done.done.stderr
    [(code, url, reason)] = done.query("SELECT code, url, reason FROM errors")
    assert (code, url) == ("browser_failed", done.url(f"{SCRIPT_COLUMN}index.html"))
    assert reason == (
        f"no browser at {tmp_path / 'no-chromium'}: install Debian's chromium, set NIANBAO_CHROMIUM, or run with "
        "NIANBAO_BROWSER=off"
    )
    assert server.paths(browser=True) == []


# ------------------------------------------------------------------------------------------ deciding, no browser
TRS_LIST = """<html><head><script>var countPage = 2;</script><script src="/js/jquery.js"></script></head><body>
<div class="nav"><a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></div>
<table id="table1"><tbody><tr><td>1</td><td><a href="./202301/t20230120_1.html" title="2022年政府信息公开工作年度报告">
2022年政府信息公开…</a></td><td>2023-01-20</td></tr></tbody></table>
<script>createPageHTML(2, 0, "index", "html"); $('.nav').html($('.nav').html());</script></body></html>"""
HANWEB_COLUMN = """<html><body><div id="78506"><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2023/1/20/art_78506_1.html"
title="2022年度政府信息公开工作年度报告">2022年度…</a>
</li>]]></record></recordset></datastore></script><script>var param_78506 = {col:1,appid:1,webid:2};
$.ajax({url: '/module/web/jpage/dataproxy.jsp'});</script></div></body></html>"""
EPOINT_SHELL = """<html><body><div class="nav"><a href="/xxgk/">信息公开</a>
<a href="/zfxxgknb/">政府信息公开年报</a></div>
<ul id="categorypagingcontent" class="wb-data-list"></ul>
<script src="/js/webBuilderCommon.js"></script><script src="/js/govinfo.js"></script></body></html>"""
IFRAME_SHELL = """<html><body><a href="?gk=2&cid=11919#iframe">政府信息公开年报</a>
<iframe id="iframe" src="" frameborder="0"></iframe><script>document.getElementById('iframe').src = 'x';</script>
</body></html>"""
VUE_LIST = """<html><body><ul id="app"><li v-for="r in rows"><a :href="r.url">{{ r.title }}</a></li></ul>
<script src="/js/vue.min.js"></script></body></html>"""
JSON_IN_PAGE = """<html><body><ul id="list"></ul><script>var data = [{"title": "2023年政府信息公开工作年度报告",
"url": "/a/t20240120_1.html"}]; document.getElementById('list').innerHTML = render(data);</script></body></html>"""
PLAIN_EMPTY = """<html><body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="list"><p>暂无信息</p></div></body></html>"""
NOTICES_ONLY = """<html><body><ul class="list">
<li><a href="./t20230105_1.html">关于报送2022年政府信息公开工作年度报告的通知</a></li></ul>
<script>$.ajax({url: '/more'});</script></body></html>"""


@pytest.mark.parametrize(
    ("name", "body", "renders"),
    [
        ("a TRS static list (reports in the page)", TRS_LIST, False),
        ("a Hanweb column (reports in its datastore script)", HANWEB_COLUMN, False),
        ("a list embedded as JSON in a script", JSON_IN_PAGE, False),
        ("a page with nothing and no script", PLAIN_EMPTY, False),
        ("an Epoint shell: empty list container and external scripts", EPOINT_SHELL, True),
        ("an iframe shell (?gk=&cid=#iframe)", IFRAME_SHELL, True),
        ("template markup a script fills (Vue)", VUE_LIST, True),
        ("notices about reports only, and an XHR", NOTICES_ONLY, True),
    ],
)
def test_why_render(name: str, body: str, renders: bool) -> None:
    reason = why_render(body)
    assert bool(reason) is renders, (name, reason)
    if reason:
        assert reason.startswith("no report link in the static page")


def test_report_anchors_need_a_year_or_a_report_url() -> None:
    assert is_report_anchor("2022年政府信息公开工作年度报告", "/x/index.html")
    assert is_report_anchor("政府信息公开工作年度报告", "/zfxxgknb/202301/t20230120_1.html")
    assert is_report_anchor("政府信息公开年报", "/nb/2023.pdf")
    assert not is_report_anchor("政府信息公开年报", "/zwgk/zfxxgk/zfxxgknb/")  # the column itself, in a menu
    assert not is_report_anchor("关于报送2022年政府信息公开工作年度报告的通知", "/t20230105_1.html")
    assert [t for _, t in static_report_links(HANWEB_COLUMN)] == ["2022年度政府信息公开工作年度报告"]


def test_the_browser_handler_is_installed_live_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.run import build_settings

    live = build_settings("live", db=tmp_path / "nb.db", browser=True)
    assert live.getdict("DOWNLOAD_HANDLERS") == {"http": HANDLER, "https": HANDLER}
    launch = live.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    assert (
        launch["headless"] is True and set(CHROMIUM_FLAGS) <= set(launch["args"]) and "--no-sandbox" in launch["args"]
    )
    assert Path(launch["executable_path"]).name == "chromium"
    assert browser_enabled(live)
    replay = build_settings("replay", db=tmp_path / "nb.db", replay_dir=ROOT / "cassettes", browser=True)
    assert not browser_enabled(replay)  # replay never renders: the cassettes hold the static crawl
    monkeypatch.setenv("NIANBAO_BROWSER", "off")
    assert browser_wanted([(object, {})]) is False
    assert browser_wanted([(object, {"needs_browser": True})]) is True

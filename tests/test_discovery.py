"""Discovery: from a portal's home page to its annual-report column (:mod:`crawler.discovery`).

Three levels:

- link rating (:func:`column_score`, :func:`hub_score`) on link texts and URLs: a set the rules were written
  against (``TUNED``) and a set written before the rules were first run against it (``HELD_OUT``); both
  figures are printed, and both must be exact;
- the walk over the test portals of :mod:`tests.local_portals` (GBK pages, relative links, full menus, the
  政府网站工作年度报表 decoy, Hanweb ``col`` and Meetfine layouts, an image banner, a 专栏 with no 年报 column),
  driven here without Scrapy's engine: each request the walk yields is answered from the site;
- whole crawls (``nianbao crawl``, live, against the local server): ``--discover`` from the home page; a
  column that answers 404 and one that lists nothing, recorded ``column_moved`` and found again, and the next
  run going straight to the column found; a column in an iframe module reached by discovery then rendered.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import run_nianbao
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.discovery import COLUMN_META, ColumnItem, column_score, hub_score, parse_page, start_discovery
from crawler.items import ErrorItem
from crawler.spiders.generic import GenericSpider
from storage.store import Store
from tests.local_portals import (
    COUNTY_COLUMN,
    COUNTY_REPORTS,
    EMPTIED_COLUMN,
    IFRAME_LIST,
    IFRAME_MODULE,
    MOVED_COLUMN,
    PortalServer,
    Site,
    banner_site,
    county_site,
    decoy_site,
    hanweb_site,
    meetfine_site,
    module_site,
    moved_site,
    scripted_nav_site,
)

ROOT = Path(__file__).resolve().parent.parent
HOST = "http://www.example.gov.cn"

# ------------------------------------------------------------------------------------------ rating links
# What the rules were written from: CMS.md §6's column names and the test portals' menus.
TUNED = [
    ("政府信息公开年报", "/zwgk/zfxxgk/zfxxgknb/", "column"),
    ("政府信息公开年报", "/col/col1005/index.html", "column"),
    ("年报", "/xxgknb/", "column"),
    ("年度报告", "/OpennessAnnualReport/showList/483/page_1.html", "column"),
    ("政府信息公开年报专栏", "/ztzl/zfxxgknb/", "column"),
    ("政府信息公开工作年度报告", "/gknb/index_1.html", "column"),
    ("更多>>", "/zwgk/zfxxgknb/", "column"),
    ("政府网站工作年度报表", "/zwgk/zfwzndbb/", "none"),
    ("政府网站年度报表", "/col/col1006/index.html", "none"),
    ("统计年报", "/tjxx/tjnb/", "none"),
    ("企业年报公示", "/qyxx/qynb/", "none"),
    ("2023年政府信息公开工作年度报告", "/zwgk/zfxxgk/zfxxgknb/202401/t20240120_5001.html", "none"),
    ("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", "/xwzx/tzgg/202401/t20240110_5050.html", "none"),
    ("政府工作报告", "/zwgk/zfgzbg/", "none"),
    ("更多>>", "/xwzx/zwyw/", "none"),
    ("政务公开", "/zwgk/", "hub"),
    ("政府信息公开", "/zwgk/zfxxgk/", "hub"),
    ("信息公开", "/col/col1001/index.html", "hub"),
    ("法定主动公开内容", "/zwgk/zfxxgk/fdzdgknr/", "hub"),
    ("政府信息公开指南", "/zwgk/zfxxgk/zfxxgkzn/", "none"),
    ("政策文件", "/zwgk/zcwj/", "none"),
    ("首页", "/", "none"),
]
# Written before the rules were first run against them (other provinces' names and layouts); not tuned on.
HELD_OUT = [
    ("政府信息公开工作年度报告", "/zwgk/xxgkml/ndbg/", "column"),
    ("信息公开年报", "/xxgk/gknb/index.html", "column"),
    ("政务公开年度报告", "/zwgk/zwgknb/", "column"),
    ("年报", "/zfxxgk/nb/", "column"),
    ("政府信息公开年度报告专栏", "/ztzl/xxgknb/", "column"),
    ("年度报告", "/OpennessAnnualReport/showList/12/page_1.html", "column"),
    ("政府信息公开工作年报", "/col/col23891/index.html", "column"),
    ("政府信息公开年报", "/zwgk/zfxxgk/fdzdgknr/?gk=2&cid=11925", "column"),
    ("更多>>", "/zwgk/zfxxgk/zfxxgknb/", "column"),
    ("政府信息公开年度报告", "/xxgk/zfxxgkndbg/", "column"),
    ("工作年报", "/xxgkml/gzbg/", "column"),
    ("信息公开年度报告", "/gkml/xxgknb/list.shtml", "column"),
    ("政府网站工作年度报表", "/zwgk/zfwzndbb/", "none"),
    ("政府网站年度报表", "/xxgk/wzndbb/", "none"),
    ("网站年报", "/wznb/", "none"),
    ("2023年政府信息公开工作年度报告", "/zwgk/zfxxgk/zfxxgknb/202401/t20240125_1.html", "none"),
    ("统计年报", "/tjxx/tjnb/", "none"),
    ("企业年报公示", "/qyxx/", "none"),
    ("政府工作报告", "/zwgk/zfgzbg/", "none"),
    ("部门决算", "/czzj/bmjs/", "none"),
    ("年度报表", "/zwgk/ndbb/", "none"),
    ("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", "/tzgg/t2024_1.html", "none"),
    ("国民经济和社会发展统计公报", "/tjgb/", "none"),
    ("政府信息公开指南", "/zfxxgkzn/", "none"),
    ("政府信息公开", "/zfxxgk/", "hub"),
    ("信息公开", "/xxgk/index.html", "hub"),
    ("政务公开", "/zwgk/", "hub"),
    ("政府信息公开专栏", "/zfxxgkzl/", "hub"),
    ("公开目录", "/gkml/", "hub"),
    ("法定主动公开内容", "/fdzdgknr/", "hub"),
    ("政府信息公开平台", "http://xxgk.example.gov.cn/", "hub"),
    ("政务服务", "/zwfw/", "none"),
    ("新闻中心", "/xwzx/", "none"),
    ("互动交流", "/hdjl/", "none"),
    ("政策解读", "/zwgk/zcjd/", "none"),
]


def kind_of(text: str, url: str) -> str:
    url = url if url.startswith("http") else HOST + url
    if column_score(text, url):
        return "column"
    return "hub" if hub_score(text, url) >= 3 else "none"


@pytest.mark.parametrize(("name", "cases"), [("tuned", TUNED), ("held out", HELD_OUT)])
def test_link_rating(name: str, cases: list[tuple[str, str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    wrong = [(t, u, want, kind_of(t, u)) for t, u, want in cases if kind_of(t, u) != want]
    with capsys.disabled():
        print(f"\ndiscovery link rating, {name}: {len(cases) - len(wrong)}/{len(cases)} right")
    assert wrong == []


def test_the_named_column_outranks_a_bare_one_and_a_folder_hint_adds() -> None:
    assert column_score("政府信息公开年报", HOST + "/a/") > column_score("年报", HOST + "/a/")
    assert column_score("年报", HOST + "/zfxxgknb/") > column_score("年报", HOST + "/a/")
    assert hub_score("政府信息公开", HOST + "/zfxxgk/") > hub_score("政务公开", HOST + "/zwgk/")


# ------------------------------------------------------------------------------------------ the walk
def answer(site: Site, request: Request) -> HtmlResponse:
    from tests.local_portals import NOT_FOUND, PortalServer

    path = request.url.removeprefix(HOST).split("#", 1)[0] or "/"
    found = PortalServer(site).lookup(path) or NOT_FOUND
    return HtmlResponse(
        request.url, status=found.status, headers={"Content-Type": found.content_type}, body=found.body, request=request
    )


def walk(site: Site, home: str = "/") -> tuple[list[Any], list[str]]:
    """Drive a discovery walk over ``site`` (requests answered in the order made): what it yielded besides
    its own requests, and the pages it read."""
    crawler = get_crawler(GenericSpider, settings_dict={"NIANBAO_DB": None})
    spider = GenericSpider.from_crawler(crawler, url=HOST + home, portal="test")
    queue: list[Any] = list(start_discovery(spider, HOST + home))
    out: list[Any] = []
    read: list[str] = []
    while queue:
        item = queue.pop(0)
        if not (isinstance(item, Request) and item.meta.get("nianbao_kind") == "discovery"):
            out.append(item)
            continue
        response = answer(site, item)
        read.append(item.url.removeprefix(HOST))
        if response.status != 200:
            failure = Failure(HttpError(response))
            failure.request = item  # type: ignore[attr-defined]
            queue.extend(spider.on_error(failure))
        else:
            queue.extend(parse_page(spider, response))
    return out, read


def column_found(out: list[Any]) -> tuple[ColumnItem, Request]:
    [column] = [o for o in out if isinstance(o, ColumnItem)]
    [request] = [o for o in out if isinstance(o, Request)]
    return column, request


def test_walk_gbk_county_through_two_hubs_past_the_decoys() -> None:
    out, read = walk(county_site())
    column, request = column_found(out)
    assert column.url == HOST + COUNTY_COLUMN and column.status == "found"
    assert (column.found_on, column.link_text) == (HOST + "/zwgk/zfxxgk/", "政府信息公开年报")
    assert column.path == [
        (HOST + "/zwgk/", "政务公开"),
        (HOST + "/zwgk/zfxxgk/", "政府信息公开"),
        (HOST + COUNTY_COLUMN, "政府信息公开年报"),
    ]
    assert request.url == HOST + COUNTY_COLUMN and request.meta[COLUMN_META] == HOST + COUNTY_COLUMN
    assert request.meta["nianbao_kind"] == "list"
    assert read == ["/", "/zwgk/", "/zwgk/zfxxgk/"]  # the best 专栏 link first; nothing after the column


def test_walk_hanweb_tree_by_title_not_the_website_report() -> None:
    column, _ = column_found(walk(hanweb_site())[0])
    assert (column.url, column.link_text) == (HOST + "/col/col1005/index.html", "政府信息公开年报")


def test_walk_meetfine_annual_report_controller() -> None:
    column, _ = column_found(walk(meetfine_site())[0])
    assert column.url == HOST + "/OpennessAnnualReport/showList/483/page_1.html"
    assert [t for _, t in column.path] == ["政府信息公开", "年度报告"]


def test_walk_banner_on_the_home_page() -> None:
    out, read = walk(banner_site())
    column, _ = column_found(out)
    assert (column.url, column.link_text, read) == (HOST + "/ztzl/zfxxgknb/", "政府信息公开年报专栏", ["/"])


def test_walk_iframe_module_keeps_the_column_address() -> None:
    column, _ = column_found(walk(module_site())[0])
    assert column.url == HOST + IFRAME_MODULE + "?gk=2&cid=11919#iframe"


def test_walk_no_column_is_recorded_with_the_pages_read() -> None:
    out, read = walk(decoy_site())
    assert not any(isinstance(o, ColumnItem) for o in out)
    [error] = [o for o in out if isinstance(o, ErrorItem) and o.code == "no_column"]
    assert error.url == HOST + "/" and "page(s) read" in error.reason
    assert read[:3] == ["/", "/zwgk/", "/zwgk/zfxxgk/"] and len(read) <= 12
    assert all("zfwzndbb" not in p and "tjnb" not in p for p in read)  # decoys are not 专栏 either


def test_walk_is_bounded_in_depth() -> None:
    site = county_site()
    site["/zwgk/zfxxgk/"] = site["/zwgk/"]  # the 专栏 only leads further down: past three links, give up
    out, read = walk(site)
    assert any(isinstance(o, ErrorItem) and o.code == "no_column" for o in out)
    assert all(p.count("/") <= 4 for p in read)


# ------------------------------------------------------------------------------------------ whole crawls
def nianbao(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao("crawl", *args, "--live", "--delay", "0", "--db", str(db), "--portal", "test", timeout=240)


def query(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[PortalServer]:
    with PortalServer(request.param()) as s:
        yield s


@pytest.mark.parametrize("server", [county_site], indirect=True)
def test_crawl_discover_from_the_home_page(server: PortalServer, tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao(db, server.base + "/", "--discover")
    assert done.returncode == 0, done.stderr
    assert sorted(u.removeprefix(server.base) for (u,) in query(db, "SELECT url FROM reports")) == sorted(
        COUNTY_REPORTS
    )
    [(url, status, source, found_on, text, path)] = query(
        db, "SELECT url, status, source, found_on, link_text, path FROM portal_columns"
    )
    assert (url, status, source, text) == (server.base + COUNTY_COLUMN, "found", "discovered", "政府信息公开年报")
    assert found_on == server.base + "/zwgk/zfxxgk/" and "政务公开" in path
    # the walk, the column, its reports; no decoy column, no news, no other column
    asked = set(server.paths())
    assert {"/", "/zwgk/", "/zwgk/zfxxgk/", COUNTY_COLUMN, *COUNTY_REPORTS} <= asked
    assert asked <= {"/robots.txt", "/", "/zwgk/", "/zwgk/zfxxgk/", COUNTY_COLUMN, *COUNTY_REPORTS}
    assert query(db, "SELECT code FROM errors") == []
    assert query(db, "SELECT status, columns FROM portal_runs") == [("ok", f'["{server.base}{COUNTY_COLUMN}"]')]


@pytest.mark.parametrize("server", [moved_site], indirect=True)
@pytest.mark.parametrize(("old", "why"), [(MOVED_COLUMN, "HTTP 404"), (EMPTIED_COLUMN, "lists no report")])
def test_a_moved_column_is_reported_and_found_again(server: PortalServer, tmp_path: Path, old: str, why: str) -> None:
    db = tmp_path / "nb.db"
    first = nianbao(db, server.base + old)
    assert first.returncode == 0, first.stderr
    errors = query(db, "SELECT code, url, reason FROM errors WHERE run_id = 1")
    codes = [(c, u.removeprefix(server.base)) for c, u, _ in errors]
    assert ("column_moved", old) in codes and why in dict((c, r) for c, _, r in errors)["column_moved"]
    assert sorted(u.removeprefix(server.base) for (u,) in query(db, "SELECT url FROM reports")) == sorted(
        COUNTY_REPORTS
    )
    columns = dict(query(db, "SELECT url, status FROM portal_columns"))
    assert columns == {server.base + old: "moved", server.base + COUNTY_COLUMN: "found"}
    assert query(db, "SELECT replaces FROM portal_columns WHERE status = 'found'") == [(server.base + old,)]
    # the next run goes straight to the column found: the moved one is not asked again, nothing is new
    before = len(server.hits)
    second = nianbao(db, server.base + old)
    assert second.returncode == 0, second.stderr
    asked = [h.target for h in server.hits[before:]]
    assert old not in asked and COUNTY_COLUMN in asked and "/" not in asked
    assert query(db, "SELECT code FROM errors WHERE run_id = 2") == []
    assert query(db, "SELECT status, columns FROM portal_runs WHERE run_id = 2") == [
        ("ok", f'["{server.base}{COUNTY_COLUMN}"]')
    ]


@pytest.mark.parametrize("server", [module_site], indirect=True)
def test_discovery_then_the_browser_an_iframe_module(server: PortalServer, tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao(db, server.base + "/", "--discover")
    assert done.returncode == 0, done.stderr
    assert query(db, "SELECT url FROM portal_columns") == [(server.base + IFRAME_MODULE + "?gk=2&cid=11919#iframe",)]
    reports = sorted(u.removeprefix(server.base) for (u,) in query(db, "SELECT url FROM reports"))
    assert reports == [f"{IFRAME_LIST}202203/t20220308_3002.html", f"{IFRAME_LIST}202301/t20230120_3101.html"]
    assert query(db, "SELECT browser_pages FROM runs") == [(1,)]


# ------------------------------------------------------------------------------------------ registry entries
def start_requests(portal_id: str, db: Path | None = None) -> list[Any]:
    import asyncio

    from crawler.listwatch import ListWatchMiddleware
    from crawler.portals import spider_class

    cls = spider_class(portal_id)
    crawler = get_crawler(cls, settings_dict={"NIANBAO_DB": str(db) if db else None})
    spider = cls.from_crawler(crawler)
    crawler.spider = spider
    middleware = ListWatchMiddleware(crawler)

    async def collect() -> list[Any]:
        return [r async for r in middleware.process_start(spider.start())]

    return asyncio.run(collect())


@pytest.mark.parametrize(("portal", "family_spider"), [("huhhot", "TrsListSpider"), ("xinchengqu", "GenericSpider")])
def test_a_registry_entry_that_is_just_a_site_starts_with_discovery(portal: str, family_spider: str) -> None:
    from crawler.portals import spider_class
    from crawler.registry import load

    entry = load().get(portal)
    assert entry.columns == ()
    assert family_spider in [c.__name__ for c in spider_class(portal).__mro__]
    [request] = start_requests(portal)
    assert (request.url, request.meta["nianbao_kind"]) == (entry.site, "discovery")


def test_a_column_found_before_is_where_the_next_run_starts(tmp_path: Path) -> None:
    from storage.portalstate import record_column

    db = tmp_path / "nb.db"
    column = "http://www.huhhot.gov.cn/zfxxgknew/zfxxgknb/"
    with Store(db) as store:
        record_column(store.db, "huhhot", column, status="found", source="discovered", found_on="http://x/")
    [request] = start_requests("huhhot", db)
    assert (request.url, request.meta["nianbao_kind"], request.meta[COLUMN_META]) == (column, "list", column)


@pytest.mark.parametrize(("mode", "walks"), [("live", True), ("replay", False)])
def test_a_moved_column_is_looked_for_again_live_only(mode: str, walks: bool) -> None:
    from crawler.listwatch import ListWatchMiddleware

    crawler = get_crawler(GenericSpider, settings_dict={"NIANBAO_DB": None, "NIANBAO_MODE": mode})
    spider = GenericSpider.from_crawler(crawler, url=HOST + MOVED_COLUMN, portal="test")
    crawler.spider = spider
    request = Request(HOST + MOVED_COLUMN, meta={"nianbao_kind": "list", COLUMN_META: HOST + MOVED_COLUMN})
    gone = HtmlResponse(HOST + MOVED_COLUMN, status=404, body=b"<html><body>404</body></html>", request=request)
    out = list(ListWatchMiddleware(crawler).process_spider_output(gone, iter([])))
    [moved] = [o for o in out if isinstance(o, ColumnItem)]
    assert (moved.url, moved.status, moved.reason) == (HOST + MOVED_COLUMN, "moved", "the column answers HTTP 404")
    [error] = [o for o in out if isinstance(o, ErrorItem)]
    assert error.code == "column_moved" and ("looking for it again" in error.reason) is walks
    assert [r.url for r in out if isinstance(r, Request)] == ([HOST + "/"] if walks else [])


@pytest.mark.parametrize("server", [scripted_nav_site], indirect=True)
def test_a_home_page_whose_menus_a_script_writes_is_rendered(server: PortalServer, tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao(db, server.base + "/", "--discover")
    assert done.returncode == 0, done.stderr
    assert query(db, "SELECT url FROM portal_columns") == [(server.base + COUNTY_COLUMN,)]
    reports = sorted(u.removeprefix(server.base) for (u,) in query(db, "SELECT url FROM reports"))
    assert reports == sorted(COUNTY_REPORTS)
    assert [p for p in server.paths(browser=True) if not p.startswith("/js/")] == ["/"]  # the home page only
    assert query(db, "SELECT browser_pages FROM runs") == [(1,)]

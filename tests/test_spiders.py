"""Every spider, fed recorded responses from the bundled cassettes: every field of what it yields.

Callbacks are called directly with responses built from ``cassettes/`` (city-scrapers style); the last tests
run every spider in replay, in a subprocess (Twisted's reactor runs once per process).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import run_nianbao
from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.exceptions import Blocked, CassetteMiss
from crawler.items import ErrorItem, ReportItem
from crawler.middlewares import BlockDetectionMiddleware
from crawler.portals import spider_class
from crawler.replay import CassetteLibrary, build_response, vcr_request
from crawler.spiders.base import (
    ReportSpider,
    as_html,
    count_pages,
    is_report_title,
    page_url,
)
from crawler.spiders.generic import GenericSpider
from crawler.spiders.pagers import TrsPager
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
LIBRARY = CassetteLibrary(CASSETTES)
NmgSpider = spider_class("nmg")
TongliaoSpider = spider_class("tongliao")
EtkqqSpider = spider_class("etkqq")
QsqSpider = spider_class("qsq")

NMG = "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/"
NMG_ARCHIVE = "https://www.nmg.gov.cn/xxgkml/zzqzf/zfxxgknb/gms/"
TL = "https://www.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/"
MW = "https://mw.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/"
ETKQQ = "https://www.etkqq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
QSQ = "https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
UTF8 = "text/html; charset=utf-8"


def recorded(url: str, **meta: Any) -> Response:
    found = LIBRARY.lookup(vcr_request("GET", url))
    assert found is not None, f"no cassette holds {url}"
    return build_response(Request(url, meta=meta), found)


def make(cls: type[ReportSpider], db: Path | None = None, **kwargs: Any) -> Any:
    crawler = get_crawler(cls, settings_dict={"NIANBAO_DB": str(db) if db else None})
    return cls.from_crawler(crawler, **kwargs)


def req(r: Any) -> tuple[str, str, dict[str, Any]]:
    """A request as (URL, callback name, meta); playwright, errback and the rest are checked separately."""
    assert isinstance(r, Request), r
    return r.url, r.callback.__name__, dict(r.meta)


def start(spider: Any) -> list[Any]:
    async def collect() -> list[Any]:
        return [r async for r in spider.start()]

    return asyncio.run(collect())


def next_list(url: str, callback: str, page: int, series: str, **meta: Any) -> tuple[str, str, dict[str, Any]]:
    """The request of the next page of a list (``page`` 1-based, ``series`` the list's first page)."""
    return url, callback, {"page": page, "series": series, **meta, "nianbao_kind": "list"}


def detail(url: str, list_url: str, title: str, date: str) -> tuple[str, str, dict[str, Any]]:
    return url, "parse_detail", {"list_url": list_url, "list_title": title, "list_date": date, "nianbao_kind": "detail"}


# ------------------------------------------------------------------------------------------ nmg
def test_nmg_start() -> None:
    spider = make(NmgSpider)
    out = start(spider)
    assert [req(r) for r in out] == [
        (f"{NMG}index.html", "parse", {"nianbao_kind": "list"}),
        (f"{NMG_ARCHIVE}index.html", "parse_trs_folder", {"nianbao_kind": "list"}),
    ]
    assert all(r.errback.__name__ == "on_error" for r in out)
    assert all("playwright" not in r.meta for r in out)


def test_nmg_first_list_page() -> None:
    spider = make(NmgSpider)
    out = list(spider.parse(recorded(f"{NMG}index.html")))
    assert [req(r) for r in out[:2]] == [
        next_list(f"{NMG}index_1.html", "parse_trs", 2, f"{NMG}index.html", trs_pager=TrsPager(3, 0)),
        detail(
            f"{NMG}202301/t20230131_2218001.html",
            f"{NMG}index.html",
            "内蒙古自治区2022年政府信息公开工作年度报告",
            "2023-01-31",
        ),
    ]
    # the notice (工作要点的通知) and the infographic (图解) are skipped; the off-site report link is recorded,
    # not followed
    assert out[2:] == [
        ErrorItem(
            portal="nmg",
            url="https://www.gov.cn/zhengce/content/2023-03/31/content_5749359.htm",
            code="offsite",
            reason=f"report link '国务院办公厅2022年政府信息公开工作年度报告' on {NMG}index.html not followed: "
            "off-site host www.gov.cn",
        )
    ]


def test_nmg_later_list_pages() -> None:
    spider = make(NmgSpider)
    list(spider.parse(recorded(f"{NMG}index.html")))
    pager = {"series": f"{NMG}index.html", "trs_pager": TrsPager(3, 0)}
    page1 = list(spider.parse_trs(recorded(f"{NMG}index_1.html", page=2, **pager)))
    assert [req(r) for r in page1] == [
        next_list(f"{NMG}index_2.html", "parse_trs", 3, f"{NMG}index.html", trs_pager=TrsPager(3, 0)),
        # the duplicate link is yielded; Scrapy's dupefilter (request fingerprints) drops it
        detail(
            f"{NMG}202301/t20230131_2218001.html",
            f"{NMG}index_1.html",
            "内蒙古自治区2022年政府信息公开工作年度报告",
            "2023-01-31",
        ),
        detail(
            f"{NMG}201901/t20190131_1500001.html",
            f"{NMG}index_1.html",
            "内蒙古自治区2018年政府信息公开工作年度报告",
            "2019-01-31",
        ),
    ]
    assert list(spider.parse_trs(recorded(f"{NMG}index_2.html", page=3, **pager))) == []  # notices only


def test_nmg_detail_page_with_docx_attachment() -> None:
    url = f"{NMG}202301/t20230131_2218001.html"
    response = recorded(
        url,
        list_url=f"{NMG}index.html",
        list_title="内蒙古自治区2022年政府信息公开工作年度报告",
        list_date="2023-01-31",
    )
    assert list(make(NmgSpider).parse_detail(response)) == [
        ReportItem(
            portal="nmg",
            page_url=url,
            list_url=f"{NMG}index.html",
            title="内蒙古自治区2022年政府信息公开工作年度报告",
            published="2023-01-31",
            publisher="自治区人民政府办公厅",
            page_body=response.body,
            page_status=200,
            page_content_type=UTF8,
            attachment_names=["内蒙古自治区2022年政府信息公开工作年度报告.docx"],
            file_urls=[f"{NMG}202301/P020230131351887604118.docx"],
            files=[],
            file_errors=[],
        )
    ]


def test_nmg_archive_gbk_pages() -> None:
    spider = make(NmgSpider)
    column = "/xxgkml/zzqzf/zfxxgknb/gms/"
    assert [req(r) for r in spider.parse_trs_folder(recorded(f"{NMG_ARCHIVE}index.html"))] == [
        (f"{NMG_ARCHIVE}tls_1841/index.html", "parse_trs_folder", {"column": column, "nianbao_kind": "list"}),
    ]
    league = recorded(f"{NMG_ARCHIVE}tls_1841/index.html", column=column)
    assert [req(r) for r in spider.parse_trs_folder(league)] == [
        detail(
            f"{NMG_ARCHIVE}tls_1841/201404/t20140428_80732.html",
            f"{NMG_ARCHIVE}tls_1841/index.html",
            "通辽市2010年政府信息公开工作年度报告",
            "2014-04-28",
        ),
    ]


def test_nmg_archive_detail_without_any_charset_is_read_as_gbk() -> None:
    url = f"{NMG_ARCHIVE}tls_1841/201404/t20140428_80732.html"
    response = recorded(
        url,
        list_url=f"{NMG_ARCHIVE}tls_1841/index.html",
        list_title="通辽市2010年政府信息公开工作年度报告",
        list_date="2014-04-28",
    )
    assert response.headers["Content-Type"] == b"text/html"
    assert b"charset" not in response.body[:2000].lower()
    assert "通辽市2010年" in as_html(response).text
    assert list(make(NmgSpider).parse_detail(response)) == [
        ReportItem(
            portal="nmg",
            page_url=url,
            list_url=f"{NMG_ARCHIVE}tls_1841/index.html",
            title="通辽市2010年政府信息公开工作年度报告",
            published="2014-04-28",
            publisher="通辽市人民政府办公室",
            page_body=response.body,
            page_status=200,
            page_content_type="text/html",
        )
    ]


# ------------------------------------------------------------------------------------------ tongliao
def test_tongliao_start() -> None:
    assert [req(r) for r in start(make(TongliaoSpider))] == [
        (TL, "parse", {"nianbao_kind": "list"}),
        (MW, "parse", {"nianbao_kind": "list"}),
    ]


def test_tongliao_folders() -> None:
    spider = make(TongliaoSpider)
    column = "/zwgk/zfxxgk/zfxxgknb/"
    assert [req(r) for r in spider.parse(recorded(TL))] == [
        (f"{TL}2022_645/", "parse_trs_folder", {"column": column, "nianbao_kind": "list"}),
        (f"{TL}2021_649/", "parse_trs_folder", {"column": column, "nianbao_kind": "list"}),
    ]
    assert [req(r) for r in spider.parse(recorded(f"{TL}2021_649/", column=column))] == [
        (f"{TL}2021_649/tlsrmzf_650/", "parse_trs_folder", {"column": column, "nianbao_kind": "list"}),
    ]
    assert [req(r) for r in spider.parse(recorded(f"{TL}2021_649/tlsrmzf_650/", column=column))] == [
        detail(
            f"{TL}2021_649/tlsrmzf_650/202201/t20220120_535657.html",
            f"{TL}2021_649/tlsrmzf_650/",
            "通辽市2021年政府信息公开工作年度报告",
            "2022-03-08",
        ),
    ]
    unit = f"{TL}2022_645/szfzcbm/"
    assert [req(r) for r in spider.parse(recorded(unit, column=column))] == [
        next_list(f"{unit}index_1.html", "parse_trs_folder", 2, unit, trs_pager=TrsPager(2, 0), column=column),
        detail(
            f"{unit}202301/t20230118_62744.html",
            unit,
            "通辽市人民政府办公室2022年政府信息公开工作年度报告",
            "2023-01-18",
        ),
    ]


def test_tongliao_report_page_is_the_report() -> None:
    url = f"{TL}2021_649/tlsrmzf_650/202201/t20220120_535657.html"
    response = recorded(
        url,
        list_url=f"{TL}2021_649/tlsrmzf_650/",
        list_title="通辽市2021年政府信息公开工作年度报告",
        list_date="2022-03-08",
    )
    assert list(make(TongliaoSpider).parse_detail(response)) == [
        ReportItem(
            portal="tongliao",
            page_url=url,
            list_url=f"{TL}2021_649/tlsrmzf_650/",
            title="通辽市2021年政府信息公开工作年度报告",
            published="2022-03-08",
            publisher="通辽市人民政府",
            page_body=response.body,
            page_status=200,
            page_content_type=UTF8,
        )
    ]


def test_tongliao_department_subdomain() -> None:
    spider = make(TongliaoSpider)
    url = f"{MW}202501/t20250116_918140.html"
    assert [req(r) for r in spider.parse(recorded(MW))] == [
        detail(url, MW, "通辽市民族事务委员会2024年政府信息公开工作年度报告", "2025-01-16"),
    ]
    response = recorded(url, list_url=MW, list_title="t", list_date="2025-01-16")
    assert list(spider.parse_detail(response)) == [
        ReportItem(
            portal="tongliao",
            page_url=url,
            list_url=MW,
            title="通辽市民族事务委员会2024年政府信息公开工作年度报告",
            published="2025-01-16",
            publisher="通辽市民族事务委员会",
            page_body=response.body,
            page_status=200,
            page_content_type=UTF8,
            attachment_names=["通辽市民族事务委员会2024年政府信息公开工作年度报告.pdf"],
            file_urls=[f"{MW}202501/P020250116538612187651.pdf"],
        )
    ]


# ------------------------------------------------------------------------------------------ etkqq, qsq
@pytest.mark.parametrize(
    ("cls", "portal", "column", "detail_path", "title", "date", "publisher", "pdf_path"),
    [
        (EtkqqSpider, "etkqq", ETKQQ, "202301/t20230130_3456789.html", "鄂托克前旗2022年政府信息公开工作年度报告",
         "2023-01-30", "鄂托克前旗人民政府办公室", "202301/P020230130612893412578.pdf"),
        (QsqSpider, "qsq", QSQ, "202302/t20230208_1034567.html", "青山区2022年政府信息公开工作年度报告",
         "2023-02-08", "青山区人民政府办公室", "202302/P020230208394561234567.pdf"),
    ],
    ids=["etkqq", "qsq"],
)  # fmt: skip
def test_trs_list_portal_with_a_pdf_report(
    cls: Any, portal: str, column: str, detail_path: str, title: str, date: str, publisher: str, pdf_path: str
) -> None:
    spider = make(cls)
    index = f"{column}index.html"
    assert [req(r) for r in start(spider)] == [(index, "parse", {"nianbao_kind": "list"})]
    url = f"{column}{detail_path}"
    assert [req(r) for r in spider.parse(recorded(index))] == [
        next_list(f"{column}index_1.html", "parse_trs", 2, index, trs_pager=TrsPager(2, 0)),
        detail(url, index, title, date),
    ]
    response = recorded(url, list_url=index, list_title="t", list_date=date)
    assert list(spider.parse_detail(response)) == [
        ReportItem(
            portal=portal,
            page_url=url,
            list_url=index,
            title=title,
            published=date,
            publisher=publisher,
            page_body=response.body,
            page_status=200,
            page_content_type=UTF8,
            attachment_names=[f"{title}.pdf"],
            file_urls=[f"{column}{pdf_path}"],
        )
    ]


@pytest.mark.parametrize(("url", "defence"), [(f"{ETKQQ}index_1.html", "ruishu"), (f"{QSQ}index_1.html", "block_page")])
def test_challenge_pages_become_blocked_failures(url: str, defence: str) -> None:
    response = recorded(url)
    mw = BlockDetectionMiddleware()
    for _ in range(2):  # tried again (last, after a cool-down) …
        again = mw.process_response(response.request, response)
        assert isinstance(again, Request) and again.url == url
    with pytest.raises(Blocked) as caught:  # … and on the third block recorded
        mw.process_response(response.request, response)
    assert caught.value.url == url
    assert caught.value.evidence.startswith(f"blocked on each of 3 tries: {defence}")


# ------------------------------------------------------------------------------------------ generic
def test_generic_spider_on_a_folder_column() -> None:
    spider = make(GenericSpider, url=TL)
    assert spider.allowed_domains == ["tongliao.gov.cn"]
    assert spider.portal_name == "www.tongliao.gov.cn"
    assert [req(r) for r in start(spider)] == [(TL, "parse", {"nianbao_kind": "list"})]
    assert [req(r) for r in spider.parse(recorded(TL))] == [
        (f"{TL}2022_645/", "parse", {"nianbao_kind": "list"}),
        (f"{TL}2021_649/", "parse", {"nianbao_kind": "list"}),
    ]
    unit = f"{TL}2022_645/szfzcbm/"
    assert [req(r) for r in spider.parse(recorded(unit))] == [
        next_list(f"{unit}index_1.html", "parse_static", 2, unit, trs_pager=TrsPager(2, 0)),
        detail(
            f"{unit}202301/t20230118_62744.html",
            unit,
            "通辽市人民政府办公室2022年政府信息公开工作年度报告",
            "2023-01-18",
        ),
    ]


def test_generic_spider_on_a_list_column() -> None:
    spider = make(GenericSpider, url=f"{NMG}index.html", portal="nmg")
    out = list(spider.parse(recorded(f"{NMG}index.html")))
    assert [req(r) for r in out[:2]] == [
        next_list(f"{NMG}index_1.html", "parse_static", 2, f"{NMG}index.html", trs_pager=TrsPager(3, 0)),
        detail(
            f"{NMG}202301/t20230131_2218001.html",
            f"{NMG}index.html",
            "内蒙古自治区2022年政府信息公开工作年度报告",
            "2023-01-31",
        ),
    ]
    assert [(e.portal, e.code, e.url) for e in out[2:]] == [
        ("nmg", "offsite", "https://www.gov.cn/zhengce/content/2023-03/31/content_5749359.htm")
    ]


def test_generic_spider_takes_a_directly_linked_document() -> None:
    spider = make(GenericSpider, url="https://www.example.gov.cn/nb/")
    body = (
        '<html><body><ul><li><a href="./P1.pdf">某县2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>'
        '<li><a href="/nb/index_1.html">下一页</a></li><li><a href="/other/">其他栏目</a></li></ul></body></html>'
    )
    response = build_response(
        Request("https://www.example.gov.cn/nb/"),
        {"status": {"code": 200}, "headers": {"Content-Type": [UTF8]}, "body": {"string": body.encode()}},
    )
    out = list(spider.parse(response))
    assert [req(r) for r in out[:1]] == [
        next_list("https://www.example.gov.cn/nb/index_1.html", "parse_static", 2, "https://www.example.gov.cn/nb/")
    ]
    assert out[1] == ReportItem(
        portal="www.example.gov.cn",
        page_url="",
        list_url="https://www.example.gov.cn/nb/",
        title="某县2023年政府信息公开工作年度报告",
        published="2024-01-20",
        publisher=None,
        page_body=b"",
        page_status=0,
        page_content_type=None,
        attachment_names=["某县2023年政府信息公开工作年度报告"],
        file_urls=["https://www.example.gov.cn/nb/P1.pdf"],
    )
    assert len(out) == 2  # 其他栏目 is not followed


def test_generic_spider_needs_a_url() -> None:
    with pytest.raises(ValueError, match="url="):
        make(GenericSpider)


# ------------------------------------------------------------------------------------------ shared logic
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("通辽市2021年政府信息公开工作年度报告", True),
        ("鄂托克前旗 2022 年政府信息公开工作报告", True),
        ("2022年度政务公开年报", True),
        ("关于报送2019年政府信息公开工作年度报告的通知", False),
        ("内蒙古自治区人民政府办公厅关于印发2023年内蒙古自治区政务公开工作要点的通知", False),
        ("关于做好政府信息公开工作的通知", False),
        ("政策解读：2022年政府信息公开工作年度报告解读", False),
        ("通辽市人民政府关于2023年国民经济和社会发展计划执行情况的报告", False),
    ],
)
def test_report_titles(title: str, expected: bool) -> None:
    assert is_report_title(title) is expected


def test_pagination_helpers() -> None:
    assert count_pages("var currentPage = 0; var countPage = 7;") == 7
    assert count_pages('createPageHTML(12, 0, "index", "html");') == 12
    assert count_pages("no script") == 1
    assert page_url("https://a.gov.cn/nb/index.html", 2) == "https://a.gov.cn/nb/index_2.html"
    assert page_url("https://a.gov.cn/nb/", 1) == "https://a.gov.cn/nb/index_1.html"


def test_pagination_is_capped() -> None:
    spider = make(NmgSpider)
    spider.max_list_pages = 2
    body = b"<html><script>var countPage = 9999;</script><body></body></html>"
    response = build_response(
        Request(f"{NMG}index.html"),
        {"status": {"code": 200}, "headers": {"Content-Type": [UTF8]}, "body": {"string": body}},
    )
    out = list(spider.parse(response))
    assert [r.url for r in out if isinstance(r, Request)] == [f"{NMG}index_1.html"]
    assert [(e.code, e.url, e.evidence) for e in out if isinstance(e, ErrorItem)] == [
        ("page_cap", f"{NMG}index.html", "countPage = 9999")
    ]


def test_errors_become_error_items() -> None:
    spider = make(QsqSpider)
    request = Request(f"{QSQ}index_9.html")
    miss = Failure(CassetteMiss(request.url, "no cassette holds it"))
    miss.request = request  # type: ignore[attr-defined]
    assert list(spider.on_error(miss)) == [ErrorItem("qsq", request.url, "cassette_miss", "no cassette holds it")]
    response = build_response(request, {"status": {"code": 404}, "headers": {}, "body": {"string": b"gone"}})
    http = Failure(HttpError(response))
    http.request = request  # type: ignore[attr-defined]
    assert list(spider.on_error(http)) == [
        ErrorItem("qsq", request.url, "http_404", "the portal answered HTTP 404", "gone")
    ]
    blocked = Failure(Blocked(request.url, "anti-bot page", evidence="ruishu: HTTP 412"))
    blocked.request = request  # type: ignore[attr-defined]
    assert list(spider.on_error(blocked)) == [
        ErrorItem("qsq", request.url, "blocked", "anti-bot page", "ruishu: HTTP 412")
    ]


def test_known_pages_are_not_requested_again(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    known = f"{NMG}202301/t20230131_2218001.html"
    with Store(db) as store:
        store.archive_document(known, b"<html>page</html>", content_type=UTF8, status=200, run_id=None)
    spider = make(NmgSpider, db=db)
    urls = [r.url for r in spider.parse(recorded(f"{NMG}index.html")) if isinstance(r, Request)]
    assert known not in urls
    assert f"{NMG}index_1.html" in urls  # the rest of the list is still followed
    spider.refresh = True
    assert known in [r.url for r in spider.parse(recorded(f"{NMG}index.html")) if isinstance(r, Request)]


def test_needs_browser_renders_list_pages_only() -> None:
    class BrowserSpider(QsqSpider):
        name = "browser_test"
        needs_browser = True

    spider = make(BrowserSpider)
    out = [r for r in spider.parse(recorded(f"{QSQ}index.html")) if isinstance(r, Request)]
    lists = [r for r in out if r.meta["nianbao_kind"] == "list"]
    details = [r for r in out if r.meta["nianbao_kind"] == "detail"]
    assert lists and details
    # list pages go through the browser (with a reason and a settling step); detail pages are fetched as usual
    assert all(r.meta["playwright"] is True and r.meta["nianbao_render"] for r in lists)
    assert all(r.meta["playwright_page_goto_kwargs"]["wait_until"] == "domcontentloaded" for r in lists)
    assert not any(r.meta.get("playwright") for r in details)


# ------------------------------------------------------------------------------------------ in replay
def nianbao(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args, cwd=cwd)


def test_every_portal_spider_runs_in_replay(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao("harvest", "--db", str(db), "--replay", str(CASSETTES))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((CASSETTES / "manifest.json").read_text(encoding="utf-8"))
    with sqlite3.connect(db) as con:
        stored = dict(con.execute("SELECT portal, count(*) FROM reports GROUP BY portal").fetchall())
        misses = con.execute("SELECT count(*) FROM errors WHERE code = 'cassette_miss'").fetchone()[0]
    expected: dict[str, int] = {}
    for r in manifest["reports"]:
        expected[r["portal"]] = expected.get(r["portal"], 0) + 1
    assert stored == expected
    assert misses == 0


def test_generic_spider_runs_in_replay(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao("crawl", TL, "--db", str(db), "--replay", str(CASSETTES), "--portal", "tongliao")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        urls = sorted(r[0] for r in con.execute("SELECT url FROM reports WHERE portal = 'tongliao'"))
        errors = con.execute("SELECT code, url FROM errors").fetchall()
    assert urls == [
        f"{TL}2021_649/tlsrmzf_650/202201/t20220120_535657.html",
        f"{TL}2022_645/szfzcbm/202301/t20230118_62744.html",
    ]
    assert errors == []
    assert "Reports per portal and year" in done.stdout


# ------------------------------------------------------------------------------------------ checkall
def test_checkall_passes_on_the_project() -> None:
    from nianbao.commands.checkall import check_all

    assert check_all() == []


def test_checkall_finds_bad_names_and_docstrings() -> None:
    import types

    from nianbao.commands.checkall import check_module

    module = types.ModuleType("crawler.spiders.baotou")
    module.__doc__ = "Domain\n  包头市\nNotes\n  something\n"

    class WrongSpider(ReportSpider):
        name = "btou"

    WrongSpider.__module__ = module.__name__
    module.WrongSpider = WrongSpider  # type: ignore[attr-defined]
    problems = check_module(module)
    assert "baotou: spider name 'btou' differs from its file name baotou.py" in problems
    assert "baotou: class WrongSpider should be named BaotouSpider" in problems
    assert any("unknown docstring section 'Notes'" in p for p in problems)
    module.__doc__ = ""
    assert "baotou: the module has no docstring" in check_module(module)

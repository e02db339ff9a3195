"""One cassette per CMS family list mechanism (scripts/build_family_cassettes.py): each family's spider, and the
generic spider, crawl it exactly — every report link found among the news items, the pagination followed,
nothing else requested — and every field of every report item is what the pages say.

The crawl is driven here without Scrapy's engine (city-scrapers style): each request the spider makes is
answered from the cassettes (a POST by its form or JSON body, as replay matches it), a 4xx answer goes to the
request's errback, and a request seen before is dropped unless it says ``dont_filter`` (Scrapy's dupefilter).
The real engine runs the same cassettes in tests/test_harvest.py (the default harvest) and below.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import run_nianbao
from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.items import ErrorItem, ReportItem
from crawler.portals import all_portals, spider_class
from crawler.replay import CassetteLibrary, build_response, vcr_request
from crawler.spiders.base import ReportSpider
from crawler.spiders.generic import GenericSpider, detect_family
from crawler.spiders.links import is_attachment_url, is_listing_url, is_report_link, title_evidence
from crawler.spiders.pagers import (
    TrsPager,
    easysite_pager,
    numbered_page,
    stated_page_total,
    trs_pager,
    vsb_page_url,
    vsb_pages,
    with_query,
)

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
LIBRARY = CassetteLibrary(CASSETTES)
MANIFEST = json.loads((CASSETTES / "manifest.json").read_text(encoding="utf-8"))
UTF8 = "text/html; charset=utf-8"

ALS = "https://www.alsyq.gov.cn"
XXGK = "https://xxgk.fixture.example"
ZLQ = "https://www.zlq.gov.cn"
ZLQ_COL = f"{ZLQ}/zlq/zwgk/zfxxgkzl/zfxxgknb/"
EWK = "https://www.ewenke.gov.cn/OpennessAnnualReport/showList/483/"
GXT = (
    "https://gxt.nmg.gov.cn/nmsearch/trssearch/searchAll.do?siteId=83&searchTag=all"
    "&allKeywords=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A"
)
EPT = "https://epoint.fixture.example"
EPT_API = f"{EPT}/EWB-FRONT/rest/lightfrontaction/getgovinfolist"
JEE = "https://jeecms.fixture.example/xxgk/zfxxgknb/"
VSB = "https://vsb.fixture.example/xxgk/"

# portal → (family, organ as titles name it, publisher the detail pages state, {detail page: the list linking it})
FAMILIES: dict[str, tuple[str, str, str | None, dict[str, str]]] = {
    "alsyq": ("hanweb", "阿拉善右旗", "阿拉善右旗人民政府办公室", {
        f"{ALS}/art/2023/1/17/art_6093_475998.html": f"{ALS}/col/col6093/index.html",
        f"{ALS}/art/2022/1/20/art_6093_441207.html": f"{ALS}/col/col6093/index.html",
        f"{ALS}/art/2018/1/26/art_6093_301552.html":
            f"{ALS}/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=17&perpage=5",
    }),
    "sample-xxgk": ("hanweb", "汉威样例县", "汉威样例县人民政府办公室", {
        f"{XXGK}/art/2023/1/29/art_1187_90112.html": f"{XXGK}/module/xxgk/search.jsp",
        f"{XXGK}/art/2022/1/27/art_1187_80554.html": f"{XXGK}/module/xxgk/search.jsp",
    }),
    "zlq": ("easysite", "正蓝旗", "正蓝旗人民政府办公室", {
        f"{ZLQ_COL}zfbgs/5e2b7c9d1a3f4e6b8c0d2e4f6a8b0c1d/index.shtml": f"{ZLQ_COL}index.html",
        f"{ZLQ}/zlq/2022-01/25/article_2022012509301512345.html": f"{ZLQ_COL}9bc1a0f3-2.html",
        f"{ZLQ}/zlq/2018-01/29/article_2018012915102233418.html": f"{ZLQ}/eportal/ui?pageId=419872&currentPage=3"
        "&moduleId=9bc1a0f3d7e64c2f8a5b6e4d3c2b1a09&staticRequest=yes",
    }),
    "ewenke": ("meetfine", "鄂温克族自治旗", "鄂温克族自治旗人民政府办公室", {
        "https://www.ewenke.gov.cn/OpennessAnnualReport/show/4391.html": f"{EWK}page_1.html",
        "https://www.ewenke.gov.cn/OpennessAnnualReport/show/3875.html": f"{EWK}page_2.html",
    }),
    "nmg-gxt": ("trs_api", "内蒙古自治区工业和信息化厅", "内蒙古自治区工业和信息化厅办公室", {
        "https://gxt.nmg.gov.cn/zwgk/zfxxgk/zfxxgknb/202301/t20230119_2251234.html": f"{GXT}&pageNum=1&pageSize=10",
        "https://gxt.nmg.gov.cn/zwgk/zfxxgk/zfxxgknb/202201/t20220121_1987654.html": f"{GXT}&pageNum=1&pageSize=10",
        "https://gxt.nmg.gov.cn/zwgk/zfxxgk/zfxxgknb/201801/t20180130_1203456.html": f"{GXT}&pageNum=2&pageSize=10",
    }),
    "sample-epoint": ("epoint", "新点样例县", "新点样例县人民政府办公室", {
        f"{EPT}/xxgk/003011/20230118/3c1f2a9e-6b4d-4f7a-9e8c-1d2b3a4c5e6f.html": EPT_API,
        f"{EPT}/dynamic/zwgk/showinfo.html?infoGuid=4b3d2c1a-0f9e-4d8c-b7a6-5e4d3c2b1a09": EPT_API,
        f"{EPT}/xxgk/003011/20180126/8e7d6c5b-4a39-4281-9f0e-dcba98765432.html": EPT_API,
    }),
    "sample-jeecms": ("jeecms", "金石样例县", "金石样例县人民政府办公室", {
        f"{JEE}1287.jhtml": f"{JEE}index.jhtml",
        f"{JEE}1102.jhtml": f"{JEE}index_2.jhtml",
    }),
    "sample-vsb": ("vsb", "博达样例县", "博达样例县人民政府办公室", {
        "https://vsb.fixture.example/info/1021/3512.htm": f"{VSB}zfxxgknb.htm",
        "https://vsb.fixture.example/info/1021/3077.htm": f"{VSB}zfxxgknb/1.htm",
    }),
}  # fmt: skip
EPOINT_SHELL = f"{EPT}/dynamic/zwgk/showinfo.html?infoGuid=4b3d2c1a-0f9e-4d8c-b7a6-5e4d3c2b1a09"


def answer(request: Request) -> Response | None:
    """The recorded response to ``request`` (matched on method, URL and body), or ``None``."""
    headers = {k.decode(): v[-1].decode() for k, v in request.headers.items() if k.lower() == b"content-type"}
    found = LIBRARY.lookup(vcr_request(request.method, request.url, request.body or None, headers))
    return build_response(request, found) if found is not None else None


def drive(spider: ReportSpider) -> tuple[list[Request], list[Any]]:
    """Crawl with ``spider`` against the cassettes: every request made (after the dupefilter), and what the
    callbacks yielded that is not a request. A request no cassette holds fails the test."""

    async def first() -> list[Any]:
        return [r async for r in spider.start()]

    queue, seen, requested, out = asyncio.run(first()), set(), [], []
    while queue:
        item = queue.pop(0)
        if not isinstance(item, Request):
            out.append(item)
            continue
        key = (item.method, item.url, item.body)
        if key in seen and not item.dont_filter:
            continue
        seen.add(key)
        requested.append(item)
        response = answer(item)
        assert response is not None, f"{spider.name} asked {item.method} {item.url} {item.body!r}: no cassette holds it"
        if response.status >= 400:
            failure = Failure(HttpError(response))
            failure.request = item  # type: ignore[attr-defined]
            results = item.errback(failure)
        else:
            results = item.callback(response)
        queue.extend(results or [])
    return requested, out


def make(cls: type[ReportSpider], **kwargs: Any) -> ReportSpider:
    return cls.from_crawler(get_crawler(cls, settings_dict={"NIANBAO_DB": None}), **kwargs)


def expected_requests(portal: str) -> list[str]:
    pages = {r["page_url"] for r in MANIFEST["reports"] if r["portal"] == portal}
    extra = [u for u in MANIFEST.get("extra_detail_requests", []) if u.startswith(all_portals().get(portal).site)]
    return sorted(MANIFEST["list_pages"][portal] + sorted(pages) + extra)


def expected_items(portal: str) -> list[ReportItem]:
    _, organ, publisher, lists = FAMILIES[portal]
    items = []
    for report in (r for r in MANIFEST["reports"] if r["portal"] == portal):
        page = report["page_url"]
        title = f"{organ}{report['year']}年政府信息公开工作年度报告"
        recorded = answer(Request(page))
        assert recorded is not None
        attachment = report["url"] != page
        items.append(
            ReportItem(
                portal=portal,
                page_url=page,
                list_url=lists[page],
                title=title,
                published=report["published"],
                publisher=None if page == EPOINT_SHELL else publisher,  # the detail API names no source
                page_body=recorded.body,
                page_status=200,
                page_content_type=UTF8,
                attachment_names=[f"{title}.{report['kind']}"] if attachment else [],
                file_urls=[report["url"]] if attachment else [],
            )
        )
    return sorted(items, key=lambda i: i.page_url)


def reports_of(out: list[Any]) -> list[ReportItem]:
    return sorted((o for o in out if isinstance(o, ReportItem)), key=lambda i: i.page_url)


def errors_of(out: list[Any], portal: str) -> list[tuple[str, str]]:
    found = sorted((e.code, e.url) for e in out if isinstance(e, ErrorItem))
    assert found == sorted((e["code"], e["url"]) for e in MANIFEST["errors"] if e["portal"] == portal)
    return found


# ------------------------------------------------------------------------------------------ every family
@pytest.mark.parametrize("portal", sorted(FAMILIES))
def test_family_spider_requests_the_pagination_and_the_reports_and_nothing_else(portal: str) -> None:
    spider = make(spider_class(portal))
    assert all_portals().get(portal).columns[0].family == FAMILIES[portal][0]
    requested, out = drive(spider)
    assert sorted(r.url for r in requested) == expected_requests(portal)
    notices = set(MANIFEST["skipped_notices"].get(portal, []))
    assert not notices & {r.url for r in requested}  # the news items beside the reports are never asked
    errors_of(out, portal)


@pytest.mark.parametrize("portal", sorted(FAMILIES))
def test_family_spider_harvests_every_field(portal: str) -> None:
    _, out = drive(make(spider_class(portal)))
    got, want = reports_of(out), expected_items(portal)
    if portal == "sample-epoint":  # the shell's report page is made of getGovInfoDetail's fields
        shell = next(i for i in got if i.page_url == EPOINT_SHELL)
        body = shell.page_body.decode("utf-8")
        assert '<meta name="ArticleTitle" content="新点样例县2021年政府信息公开工作年度报告">' in body
        assert '<meta name="PubDate" content="2022-01-24">' in body and "本年新收政府信息公开申请" in body
        next(i for i in want if i.page_url == EPOINT_SHELL).page_body = shell.page_body
    assert got == want


@pytest.mark.parametrize("portal", sorted(FAMILIES))
def test_the_generic_spider_finds_the_family_and_crawls_it_the_same(portal: str) -> None:
    column = all_portals().get(portal).columns[0].url
    first = answer(Request(column))
    assert first is not None
    assert detect_family(column, first.body) == FAMILIES[portal][0]
    requested, out = drive(make(GenericSpider, url=column, portal=portal))
    assert sorted(r.url for r in requested) == expected_requests(portal)
    got = reports_of(out)
    want = reports_of(drive(make(spider_class(portal)))[1])
    for item in (*got, *want):
        item.page_body = b"" if item.page_url == EPOINT_SHELL else item.page_body  # same fields, built twice
    assert got == want
    errors_of(out, portal)


# ------------------------------------------------------------------------------------------ mechanisms
def test_hanweb_asks_dataproxy_with_the_column_params_as_its_form() -> None:
    spider = make(spider_class("alsyq"))
    requests = [r for r in spider.parse(answer(Request(f"{ALS}/col/col6093/index.html"))) if isinstance(r, Request)]
    proxy = requests[0]
    assert proxy.method == "POST" and proxy.callback.__name__ == "parse_hanweb_proxy"
    assert proxy.url == f"{ALS}/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=17&perpage=5"
    form = dict(x.split("=", 1) for x in proxy.body.decode().split("&"))
    assert form["columnid"] == "6093" and form["unitid"] == "441966" and form["webid"] == "60"
    assert proxy.meta["page"] == 2 and proxy.meta["series"] == f"{ALS}/col/col6093/index.html"


def test_hanweb_xxgk_posts_search_jsp_as_the_shell_says() -> None:
    spider = make(spider_class("sample-xxgk"))
    (request,) = spider.parse(answer(Request(f"{XXGK}/col/col1187/index.html")))
    assert request.method == "POST" and request.url == f"{XXGK}/module/xxgk/search.jsp"
    assert request.headers[b"X-Requested-With"] == b"XMLHttpRequest"
    assert request.headers[b"Referer"] == (
        f"{XXGK}/module/xxgk/tree.jsp?divid=div1187&area=11150000MB0000000X&standardXxgk=1".encode()
    )
    form = dict(x.split("=", 1) for x in request.body.decode().split("&"))
    assert (form["infotypeId"], form["jdid"], form["currpage"]) == ("HW0601", "12", "1")


def test_easysite_falls_back_to_eportal_ui_when_a_static_page_is_missing() -> None:
    requested, _ = drive(make(spider_class("zlq")))
    urls = [r.url for r in requested]
    static3 = f"{ZLQ_COL}9bc1a0f3-3.html"
    fallback = next(u for u in urls if "/eportal/ui?" in u)
    assert urls.index(static3) < urls.index(fallback)
    assert "currentPage=3" in fallback and "pageId=419872" in fallback


def test_epoint_probes_whether_page_indexes_start_at_0_or_1() -> None:
    requested, _ = drive(make(spider_class("sample-epoint")))
    bodies = [json.loads(r.body) for r in requested if r.url == EPT_API]
    assert [b["pageIndex"] for b in bodies] == [0, 1]  # this server is 0-based: index 1 brought new rows
    assert all(b["siteGuid"] == "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a" for b in bodies)


def test_a_list_stops_at_a_page_that_brings_nothing_new() -> None:
    spider = make(spider_class("sample-jeecms"))
    first = answer(Request(f"{JEE}index.jhtml"))
    assert first is not None
    list(spider.parse(first))
    again = first.replace(request=Request(f"{JEE}index_2.jhtml", meta={"page": 2, "series": f"{JEE}index.jhtml"}))
    again = again.replace(url=f"{JEE}index_2.jhtml")
    assert not any(isinstance(r, Request) and "index_" in r.url for r in spider.parse_jeecms(again))


# ------------------------------------------------------------------------------------------ the real engine
def test_the_generic_spider_crawls_an_epoint_column_in_replay(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    column = all_portals().get("sample-epoint").columns[0].url
    done = run_nianbao("crawl", column, "--db", str(db), "--replay", str(CASSETTES))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        stored = sorted(r[0] for r in con.execute("SELECT url FROM reports"))
        errors = con.execute("SELECT code, url FROM errors").fetchall()
    assert stored == sorted(r["url"] for r in MANIFEST["reports"] if r["portal"] == "sample-epoint")
    assert errors == []


# ------------------------------------------------------------------------------------------ pagers and links


@pytest.mark.parametrize(
    ("script", "url", "pager", "page2", "page3"),
    [
        ('var currentPage = 0; var countPage = 7; createPageHTML(countPage, currentPage, "index", "html");',
         "https://a.gov.cn/nb/index.html", TrsPager(7, 0, "index", "html"), "index_1.html", "index_2.html"),
        ('createPageHTML(17, 0,"index", "shtml", "black2", 250);',
         "https://a.gov.cn/nb/index.shtml", TrsPager(17, 0, "index", "shtml"), "index_1.shtml", "index_2.shtml"),
        ("createPageHTML('page_div',10, 1,'dezlist','shtml',149);",
         "https://a.gov.cn/zj/dezlist.shtml", TrsPager(10, 1, "dezlist", "shtml"), "dezlist_2.shtml",
         "dezlist_3.shtml"),
        ("createPageHTML('paging',25,1,'index','html',500);",
         "https://a.gov.cn/nb/index.html", TrsPager(25, 1, "index", "html"), "index_2.html", "index_3.html"),
        ("var countPage = 4;//共多少页", "https://a.gov.cn/cz/index.htm", TrsPager(4, 0, "index", "htm"),
         "index_1.htm", "index_2.htm"),
    ],
)  # fmt: skip
def test_trs_pagers_0_and_1_based(script: str, url: str, pager: TrsPager, page2: str, page3: str) -> None:
    found = trs_pager(f"<script>{script}</script>", url)
    assert found == pager
    folder = url.rsplit("/", 1)[0] + "/"
    assert (found.url(url, 2), found.url(url, 3)) == (folder + page2, folder + page3)
    assert found.url(url, 1) == url


def test_other_pagers() -> None:
    html = (
        '<input type="hidden" id="eprotalCurrentPageId" value="419872">'
        "<a onclick=\"queryArticleByCondition(this,'/pbc/xx/21892-2.html')\" "
        'tagname="/pbc/xx/21892-2.html">下一页</a>'
        '<input name="article_paging_list_hidden" moduleid="21892" totalpage="6">'
    )
    pager = easysite_pager(html)
    assert pager is not None and (pager.total, pager.prefix, pager.module_id, pager.page_id) == (
        6,
        "21892",
        "21892",
        "419872",
    )
    assert pager.url("https://www.pbc.gov.cn/pbc/xx/index.html", 3) == "https://www.pbc.gov.cn/pbc/xx/21892-3.html"
    hexed = easysite_pager('<input name="article_paging_list_hidden" moduleid="be2d9e0953dc4c6f" totalpage="2">')
    assert hexed is not None and hexed.prefix == "be2d9e09"
    assert vsb_pages('<span class="p_t">共 260 条</span><span class="p_t">1/27</span>') == (1, 27)
    assert vsb_page_url("https://a.edu.cn/zxzx/jrbt.htm", 2, 27) == "https://a.edu.cn/zxzx/jrbt/26.htm"
    assert numbered_page("https://x.gov.cn/OpennessContent/showList/483/10100/page_3.html", r"page_(\d+)\.html") == (
        "https://x.gov.cn/OpennessContent/showList/483/10100/page_{}.html",
        3,
    )
    assert numbered_page("https://x.gov.cn/content/channel/5f1a/page-2/", r"page-(\d+)/?") == (
        "https://x.gov.cn/content/channel/5f1a/page-{}/",
        2,
    )
    assert stated_page_total("共 12 条 共2页") == 2 and stated_page_total("页次：1/5") == 5
    assert with_query("https://a/s.do?pageNum=1&pageSize=10", pageNum=2) == "https://a/s.do?pageNum=2&pageSize=10"


@pytest.mark.parametrize(
    ("title", "url", "annual", "expected"),
    [
        ("阿拉善右旗2022年政府信息公开工作年度报告", "https://a.gov.cn/art/2023/1/17/art_6093_1.html", False, True),
        ("2022年度政务公开年报", "https://a.gov.cn/x/t1.html", False, True),
        ("2023年年度报告", "https://a.gov.cn/zfxxgknb/202401/t20240120_1.html", False, True),
        ("科技厅2023年年报", "https://a.gov.cn/news/1.html", True, True),
        ("科技厅2023年年报", "https://a.gov.cn/news/1.html", False, False),
        ("企业年度报告公示工作提示", "https://a.gov.cn/news/2.html", False, False),
        ("2022年政府网站工作年度报表", "https://a.gov.cn/zfxxgknb/t2.html", True, False),
        ("XX县人民政府网站2022年年度报告", "https://a.gov.cn/zfxxgknb/t3.html", True, False),
        ("2022年政府信息公开工作年度报告", "https://a.gov.cn/wzndbb/t3.html", True, False),
        ("关于报送2022年政府信息公开工作年度报告的通知", "https://a.gov.cn/t4.html", True, False),
        ("《2022年政府信息公开工作年度报告》解读", "https://a.gov.cn/t5.html", True, False),
        ("2022年统计年报", "https://a.gov.cn/t6.html", True, False),
        ("2023年政府工作报告", "https://a.gov.cn/t7.html", True, False),
        ("政府信息公开年报", "https://a.gov.cn/zwgk/zfxxgknb/", False, False),  # the menu link to the column
        ("政府信息公开年报", "https://a.gov.cn/col/col6093/index.html", False, False),
        ("正蓝旗2022年政府信息公开工作年度报告", "https://a.gov.cn/zlq/nb/5e2b7c9d1a3f4e6b8c0d2e4f6a8b0c1d/index.shtml",
         False, True),  # an EasySite article folder is a document
        ("阿拉善右旗2022年政府信息公开工作…", "https://a.gov.cn/art/2023/1/17/art_6093_1.html", True, True),
    ],
)  # fmt: skip
def test_report_links_by_title_and_url(title: str, url: str, annual: bool, expected: bool) -> None:
    assert is_report_link(title, url, annual_list=annual) is expected


def test_link_helpers() -> None:
    assert title_evidence("通辽市2021年政府信息公开工作年度报告") == "strong"
    assert title_evidence("2021年度报告") == "weak"
    assert is_attachment_url("https://a.gov.cn/module/download/downfile.jsp?classid=0&filename=ab12.pdf&showname=x")
    assert not is_attachment_url("https://a.gov.cn/system/_content/download.jsp?owner=1&wbfileid=2")
    assert is_listing_url("https://a.gov.cn/OpennessAnnualReport/showList/483/page_2.html")
    assert is_listing_url("https://a.gov.cn/xxgk/nb/index_2.jhtml") and not is_listing_url(
        "https://a.gov.cn/xxgk/nb/12.jhtml"
    )
    assert not is_listing_url("https://a.gov.cn/xlgl/zw/2025090509233740836/index.html")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("XX县预算评审中心2023年政府信息公开工作年度报告", "strong"),  # an organ's name is not a look-alike
        ("XX市绩效考核办公室2022年政务公开工作年度报告", "strong"),
        ("XX县2022年部门预算公开", None),
        ("2023年度政府信息公开工作考核评估报告", None),
        ("XX县召开2022年度政府信息公开工作年度报告编制培训会", None),
        ("2022年政府信息公开工作年度报告", "strong"),
        # infographics of a report are its pictures: the report is its own link
        ("内蒙古自治区2022年政府信息公开工作年度报告（图解）", None),
        ("一图读懂：XX市2023年政府信息公开工作年度报告", None),
        ("图说XX县2022年政务公开工作年度报告", None),
    ],
)
def test_organ_names_do_not_hide_a_report(title: str, expected: str | None) -> None:
    assert title_evidence(title) == expected

"""Build one bundled cassette per CMS family list mechanism, from the families' documented markup (CMS.md).

``scripts/build_cassettes.py`` builds the four first portals (TRS lists and folders); this module adds a
cassette for each other mechanism, on the URL layouts and markup CMS.md documents, with the chrome a real
page has (navigation, breadcrumbs, a sidebar of news items), news items that are NOT reports beside the
report links (政府网站工作年度报表, notices about reports, 工作要点, 解读, 决算, 统计年报 …), pagination, and
detail pages with attachments:

- ``alsyq`` (阿拉善右旗, Hanweb): ``/col/col6093/index.html`` with 15 records in its ``<datastore>``,
  ``totalRecord:17``, ``perPage:5``, then ``POST /module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=17``
  (XML, repeating the boundary record); articles ``/art/2023/1/17/art_6093_475998.html``; one report a DOCX
  behind ``/module/download/downfile.jsp?…&filename=<32hex>.docx``;
- ``sample-xxgk`` (fixture, Hanweb 信息公开 module): a shell calling ``loadDynamic('/module/xxgk/search.jsp?…')``,
  ``POST /module/xxgk/search.jsp`` (``currpage`` 1 and 2, ``共2页``), rows ``tr.tr_main_value_odd|even``;
- ``zlq`` (正蓝旗, EasySite): ``…/zfxxgknb/index.html``, the pager's ``tagname`` ``9bc1a0f3-2.html``,
  ``totalpage="3"``; the static page 3 answers 404 and is read from ``/eportal/ui?pageId=…&currentPage=3…``;
  articles ``/zlq/2022-01/25/article_{19 digits}.html`` and ``…/<32 hex>/index.shtml`` with a PDF beside it;
- ``ewenke`` (鄂温克族自治旗, Meetfine): ``/OpennessAnnualReport/showList/483/page_1.html`` and ``page_2.html``,
  details ``/OpennessAnnualReport/show/4391.html``;
- ``nmg-gxt`` (自治区工业和信息化厅, TRS search API): ``/nmsearch/trssearch/searchAll.do?siteId=83…&pageNum=1``
  and ``2`` (JSON, ``data.total`` 12), TRS detail pages, one row off the site (recorded ``offsite``);
- ``sample-epoint`` (fixture, Epoint): the shell ``govInfoPub.html?categorynum=003011``, ``/js/webBuilderCommon.js``,
  ``POST /EWB-FRONT/rest/lightfrontaction/getgovinfolist`` (pageIndex 0 and 1, 0-based), a static detail with a
  PDF and a ``showinfo.html?infoGuid=…`` shell read through ``getGovInfoDetail``;
- ``sample-jeecms`` (fixture): ``/xxgk/zfxxgknb/index.jhtml``, ``index_2.jhtml``, contents ``{id}.jhtml``,
  a DOCX upload under ``/u/cms/www/202201/``;
- ``sample-vsb`` (fixture, Visual SiteBuilder): ``/xxgk/zfxxgknb.htm`` then ``zfxxgknb/1.htm`` (page 2 of 2,
  numbered backwards), contents ``/info/1021/{id}.htm``, a PDF behind ``/system/_content/download.jsp``.

Every report is DERIVED from a seed (``tests/fixtures/rendered/``): the seed's body, DOCX or (through
LibreOffice) PDF with the organ renamed and, for the legacy seed, the years shifted; its cells equal the seed's
gold cells. The fixture portals (``crawler/registry-fixtures.yaml``) sit under the reserved ``.example`` domain.
What a harvest must give goes into ``cassettes/manifest.json`` with the other portals'.

Run through ``python scripts/build_cassettes.py`` (which calls :func:`build_all`); deterministic.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import build_cassettes as bc
from vcr.persisters.filesystem import FilesystemPersister  # type: ignore[import-untyped]
from vcr.request import Request as VcrRequest  # type: ignore[import-untyped]
from vcr.serializers import yamlserializer  # type: ignore[import-untyped]

SEED_2022 = bc.SEED_2022_QSQ  # 青山区 2022 (the 2021 template)
SEED_2021 = bc.SEED_2021_TONGLIAO  # 通辽市 2021
SEED_2018 = bc.SEED_2018_NMG  # 内蒙古自治区 2018 (the legacy 统计指标 table)
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
XML = "text/xml; charset=utf-8"
OCTET = "application/octet-stream"


# ------------------------------------------------------------------------------------------ recordings
@dataclass
class Recording:
    """A cassette whose requests may be POSTs with a body (form or JSON), matched on it in replay."""

    name: str
    items: list[tuple[str, str, bytes | None, str | None, int, dict[str, list[str]], bytes]] = field(
        default_factory=list
    )

    def add(
        self,
        url: str,
        body: bytes | str,
        *,
        method: str = "GET",
        data: bytes | str | None = None,
        data_type: str | None = None,
        content_type: str = bc.HTML_UTF8,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        payload = body.encode("utf-8") if isinstance(body, str) else body
        sent = data.encode("utf-8") if isinstance(data, str) else data
        hdrs: dict[str, list[str]] = {"Date": [bc.RECORDED_AT]}
        if content_type:
            hdrs["Content-Type"] = [content_type]
        hdrs["Content-Length"] = [str(len(payload))]
        for k, v in (headers or {}).items():
            hdrs[k] = [v]
        self.items.append((method, url, sent, data_type, status, hdrs, payload))
        return url

    def save(self, out: Path) -> Path:
        path = out / f"{self.name}.yaml"
        if path.exists():
            path.unlink()
        requests = []
        for method, url, sent, data_type, *_ in self.items:
            headers = {"User-Agent": bc.USER_AGENT}
            if data_type:
                headers["Content-Type"] = data_type
            requests.append(VcrRequest(method, url, sent, headers))
        responses = [
            {"status": {"code": status, "message": REASONS.get(status, "")}, "headers": hdrs, "body": {"string": data}}
            for *_, status, hdrs, data in self.items
        ]
        FilesystemPersister.save_cassette(
            str(path), {"requests": requests, "responses": responses}, serializer=yamlserializer
        )
        return path


REASONS = {200: "OK", 404: "Not Found"}


# ------------------------------------------------------------------------------------------ derived reports
@dataclass(frozen=True)
class Organ:
    short: str  # 阿拉善右旗
    office: str  # 阿拉善右旗人民政府办公室
    parent: str  # 阿拉善盟
    site: str  # https://www.alsyq.gov.cn


SIGNED = {SEED_2022: "2023年2月8日", SEED_2021: "2022年3月8日", SEED_2018: "2018年5月4日"}  # the seeds' date lines


def renames(seed: str, organ: Organ, date: str | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Name replacements and year shifts that turn a seed into ``organ``'s report, signed on ``date``."""
    names, years = _renames(seed, organ)
    if date:
        names = [(SIGNED[seed], SIGNED_MARK), *names]  # a mark: the year shift must not touch the new date
    return names, years


SIGNED_MARK = "\x00SIGNED\x00"


def unshield(text: str, date: str | None) -> str:
    """The derived text with the new date line in place of the mark."""
    if not date:
        return text
    y, m, d = (int(x) for x in date.split("-"))
    return text.replace(SIGNED_MARK, f"{y}年{m}月{d}日")


def _renames(seed: str, organ: Organ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    if seed == SEED_2022:
        return [
            ("包头市青山区人民政府办公室", organ.office),
            ("包头市青山区", organ.short),
            ("青山区", organ.short),
            ("包头市", organ.parent),
            ("http://www.qsq.gov.cn", organ.site),
        ], []
    if seed == SEED_2021:
        return [
            ("通辽市行政审批和政务服务局", organ.office),
            ("通辽市", organ.short),
            ("http://www.tongliao.gov.cn", organ.site),
        ], []
    return [
        ("内蒙古自治区人民政府办公厅", organ.office),
        ("内蒙古自治区", organ.short),
        ("自治区", organ.short),
        ("各盟市、区直各部门", "各部门"),
        ("http://www.nmg.gov.cn", organ.site),
    ], [("2017", "2016"), ("2018", "2017"), ("2019", "2018")]


YEAR_OF = {SEED_2022: 2022, SEED_2021: 2021, SEED_2018: 2017}


def derived_body(seed: str, organ: Organ, date: str | None = None) -> str:
    names, years = renames(seed, organ, date)
    return unshield(bc.derive(bc.rendered_body(seed), names, years), date)


def derived_docx(seed: str, organ: Organ, date: str | None = None) -> bytes:
    """The seed's DOCX with the organ renamed (and years shifted) in its text runs only."""
    names, years = renames(seed, organ, date)
    src = zipfile.ZipFile(io.BytesIO(bc.rendered(seed, "docx")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename in ("word/document.xml", "docProps/core.xml"):
                text = blob.decode("utf-8")
                if info.filename == "docProps/core.xml":
                    text = bc.derive(text, names, years)
                else:
                    text = _derive_runs(text, names, years)
                blob = unshield(text, date).encode("utf-8")
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, blob)
    return buf.getvalue()


def _derive_runs(xml: str, names: list[tuple[str, str]], years: list[tuple[str, str]]) -> str:
    return re.sub(
        r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)",
        lambda m: m.group(1) + bc.derive(m.group(2), names, years) + m.group(3),
        xml,
    )


def derived_pdf(seed: str, organ: Organ, date: str | None = None) -> bytes:
    """The derived DOCX printed to PDF by LibreOffice (a text layer, ruled tables), dates and ids pinned."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from render_seeds import pin_pdf, soffice

    with tempfile.TemporaryDirectory(prefix="family-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(derived_docx(seed, organ, date))
        try:
            soffice([source], "pdf", Path(tmp))
        except subprocess.CalledProcessError as exc:  # pragma: no cover - a broken LibreOffice
            sys.exit(f"build_family_cassettes: LibreOffice failed: {exc.stderr!r}")
        return pin_pdf((Path(tmp) / "report.pdf").read_bytes())


def title_of(organ: Organ, year: int) -> str:
    return f"{organ.short}{year}年政府信息公开工作年度报告"


class Manifest:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.data.setdefault("extra_detail_requests", [])

    def report(self, portal: str, url: str, page: str, seed: str, kind: str, published: str, note: str) -> None:
        self.data["reports"].append(
            {
                "portal": portal,
                "url": url,
                "page_url": page,
                "seed": None,
                "derived_from": seed,
                "kind": kind,
                "year": YEAR_OF[seed],
                "published": published,
                "note": f"DERIVED: seed {seed[:3]} renamed; {note}",
            }
        )

    def lists(self, portal: str, urls: list[str]) -> None:
        self.data["list_pages"][portal] = urls

    def error(self, portal: str, code: str, url: str, note: str, *, repeats: bool = True) -> None:
        self.data["errors"].append({"portal": portal, "url": url, "code": code, "repeats": repeats, "note": note})

    def notices(self, portal: str, urls: list[str]) -> None:
        self.data["skipped_notices"][portal] = urls


# ------------------------------------------------------------------------------------------ page parts
def news_sidebar(items: list[tuple[str, str, str]]) -> str:
    rows = "".join(f'<li><a href="{h}" title="{escape(t)}" target="_blank">{escape(t)}</a><span>{d}</span></li>'
                   for t, h, d in items)  # fmt: skip
    return f'<div class="side-news"><h3>要闻动态</h3><ul>{rows}</ul></div>'


def footer(organ: str) -> str:
    return (
        f'<div class="footer"><p>主办：{escape(organ)}办公室 <a href="/wzdt/">网站地图</a> <a href="/lxwm/">联系我们</a></p>'
        '<p>蒙ICP备05000000号 <a href="http://www.beian.gov.cn/">蒙公网安备 15000000000000号</a></p></div>'
    )


def attachment_line(href: str, name: str) -> str:
    return f'<p>全文见附件。</p><p>附件：<a href="{href}" target="_blank">{escape(name)}</a></p>'


# ------------------------------------------------------------------------------------------ Hanweb (alsyq)
ALS = Organ("阿拉善右旗", "阿拉善右旗人民政府办公室", "阿拉善盟", "https://www.alsyq.gov.cn")


def hanweb_chrome(site_name: str, column: str, current: str) -> str:
    return f"""<div class="header"><div class="logo">{escape(site_name)}</div>
<div class="top-links"><a href="/index.html">首页</a> <a href="/col/col6001/index.html">走进右旗</a>
<a href="/col/col6050/index.html">政务公开</a> <a href="/col/col6060/index.html">政务服务</a>
<a href="/col/col6070/index.html">互动交流</a> <a href="https://zwfw.nmg.gov.cn/">蒙速办</a></div></div>
<div class="bt-position">当前位置：<a href="/index.html">首页</a> &gt; <a href="/col/col6050/index.html">政府信息公开</a>
&gt; <a href="{column}">{escape(current)}</a></div>
<div class="left"><ul class="lanmu"><li><a href="/col/col6090/index.html">政府信息公开指南</a></li>
<li><a href="/col/col6091/index.html">政府信息公开制度</a></li><li><a href="/col/col6092/index.html">法定主动公开内容</a></li>
<li class="on"><a href="/col/col6093/index.html">政府信息公开年报</a></li>
<li><a href="/col/col6094/index.html">政府网站工作年度报表</a></li></ul></div>"""


def hanweb_record(title: str, href: str, date: str) -> str:
    return (
        f'<record><![CDATA[<li class="cf"><a href="{href}" title="{escape(title)}" target="_blank">'
        f"{escape(title if len(title) <= 26 else title[:25] + '…')}</a><span>{date}</span></li>]]></record>"
    )


def hanweb_detail(site_name: str, title: str, col: int, art: int, pub: str, source: str, body: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="SiteName" content="{escape(site_name)}"><meta name="ColumnName" content="政府信息公开年报">
<meta name="i_columnid" content="{col}"><meta name="i_articleid" content="{art}">
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{escape(source)}"></head><body>
{hanweb_chrome(site_name, f"/col/col{col}/index.html", "政府信息公开年报")}
<div class="main"><div class="main-fl-tit">{escape(title)}</div>
<div class="fbrq_01">发布日期：{pub[:10]}　来源：{escape(source)}　浏览次数：<span id="c">--</span>
【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{body}<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>
{footer(site_name)}</body></html>"""


def build_alsyq(m: Manifest) -> Recording:
    c = Recording("alsyq")
    site, name = ALS.site, "阿拉善右旗人民政府"
    column = f"{site}/col/col6093/index.html"
    r1 = ("/art/2023/1/17/art_6093_475998.html", 475998, title_of(ALS, 2022), "2023-01-17")
    r2 = ("/art/2022/1/20/art_6093_441207.html", 441207, title_of(ALS, 2021), "2022-01-20")
    r3 = ("/art/2018/1/26/art_6093_301552.html", 301552, title_of(ALS, 2017), "2018-01-26")
    notices = [
        ("/art/2023/1/16/art_6093_475990.html", "阿拉善右旗人民政府网站2022年工作年度报表", "2023-01-16"),
        (
            "/art/2022/12/20/art_6093_470011.html",
            "关于做好2022年政府信息公开工作年度报告编制发布工作的通知",
            "2022-12-20",
        ),
        ("/art/2023/3/8/art_6093_480321.html", "阿拉善右旗2023年政务公开工作要点", "2023-03-08"),
        ("/art/2023/1/18/art_6093_476012.html", "《阿拉善右旗2022年政府信息公开工作年度报告》解读", "2023-01-18"),
        ("/art/2022/9/1/art_6093_455120.html", "阿拉善右旗2021年度部门决算公开说明", "2022-09-01"),
        ("/art/2022/1/19/art_6093_441190.html", "阿拉善右旗人民政府网站2021年工作年度报表", "2022-01-19"),
        ("/art/2021/6/2/art_6093_402211.html", "阿拉善右旗2020年国民经济和社会发展统计公报", "2021-06-02"),
        ("/art/2021/5/12/art_6093_399876.html", "阿拉善右旗召开政务公开工作培训会", "2021-05-12"),
        ("/art/2021/1/15/art_6093_380144.html", "阿拉善右旗人民政府网站2020年工作年度报表", "2021-01-15"),
        ("/art/2020/11/3/art_6093_366502.html", "阿拉善右旗政务公开第三方评估情况通报", "2020-11-03"),
        ("/art/2020/4/21/art_6093_351230.html", "关于印发《阿拉善右旗政府信息公开工作考核办法》的通知", "2020-04-21"),
        ("/art/2019/3/5/art_6093_320045.html", "阿拉善右旗2019年政务公开工作要点", "2019-03-05"),
        ("/art/2018/12/10/art_6093_309876.html", "阿拉善右旗2018年企业年报公示工作提示", "2018-12-10"),
        ("/art/2018/2/1/art_6093_301601.html", "阿拉善右旗人民政府网站2017年度报表", "2018-02-01"),
    ]
    shown = [(r1[0], r1[2], r1[3]), notices[0], *[(h, t, d) for h, t, d in notices[1:5]],
             (r2[0], r2[2], r2[3]), *[(h, t, d) for h, t, d in notices[5:13]]]  # fmt: skip
    assert len(shown) == 15
    later = [(h, t, d) for h, t, d in notices[12:13]] + [(r3[0], r3[2], r3[3]), (*notices[13],)]
    params = {"col": "1", "appid": "1", "webid": "60", "path": "/", "columnid": "6093", "sourceContentType": "1",
              "unitid": "441966", "webname": name, "permissiontype": "0"}  # fmt: skip
    js_params = ",".join(f"{k}:'{v}'" if not v.isdigit() else f"{k}:{v}" for k, v in params.items())
    next_group = f"/module/web/jpage/dataproxy.jsp?page=1&{urlencode(params)}"
    records = "\n".join(hanweb_record(t, h, d) for h, t, d in shown)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报 {name}</title>
<meta name="SiteName" content="{name}"><meta name="ColumnName" content="政府信息公开年报">
<script type="text/javascript" src="/module/web/jpage/jquery.min.js"></script></head><body>
{hanweb_chrome(name, "/col/col6093/index.html", "政府信息公开年报")}
<div class="right"><div class="lm-title">政府信息公开年报</div>
<div id="441966"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="{escape(next_group)}"></a>]]></nextgroup>
<recordset>
{records}
</recordset></datastore></script></div>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
<script type="text/javascript">var param_441966 = {{{js_params}}};
$(function(){{ $('#441966').jpage({{ dataStore: param_441966, proxyUrl: '/module/web/jpage/dataproxy.jsp',
perPage: 5, totalRecord: 17, pageSize: 5, barPosition: 'bottom', themeName: 'default', showMode: 'full' }}); }});
</script></div>
{news_sidebar([("阿拉善右旗召开2023年政务公开工作推进会", "/art/2023/2/1/art_6010_480001.html", "2023-02-01"),
               ("我旗开展政府信息公开专题培训", "/art/2023/1/10/art_6010_474002.html", "2023-01-10")])}
{footer(name)}</body></html>"""  # fmt: skip
    c.add(column, page)
    proxy = f"{site}/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=17&perpage=5"
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><datastore><nextgroup><![CDATA[]]></nextgroup><recordset>'
        + "".join(hanweb_record(t, h, d) for h, t, d in later)
        + "</recordset><totalrecord>17</totalrecord><totalpage>4</totalpage></datastore>"
    )
    c.add(proxy, xml, method="POST", data=urlencode(params), data_type=FORM, content_type=XML)
    m.lists("alsyq", [column, proxy])
    # the reports
    for (href, art, title, date), seed, kind in (
        (r1, SEED_2022, "html"),
        (r2, SEED_2021, "docx"),
        (r3, SEED_2018, "html"),
    ):
        url = site + href
        pub = f"{date} 10:30"
        if kind == "html":
            c.add(url, hanweb_detail(name, title, 6093, art, pub, ALS.office, derived_body(seed, ALS, date)))
            m.report("alsyq", url, url, seed, "html", date, "a Hanweb article, the body in #zoom")
        else:
            show = quote(f"{title}.docx")
            doc = f"{site}/module/download/downfile.jsp?classid=0&filename=9f3c2b7e1d4a4f0e8b6a5c3d2e1f0a9b.docx&showname={show}"
            body = f"<p>{escape(title)}</p>" + attachment_line(doc.removeprefix(site), f"{title}.docx")
            c.add(url, hanweb_detail(name, title, 6093, art, pub, ALS.office, body))
            c.add(doc, derived_docx(seed, ALS, date), content_type=OCTET,
                  headers={"Content-Disposition": f"attachment; filename*=UTF-8''{show}"})  # fmt: skip
            m.report("alsyq", doc, url, seed, "docx", date, "a DOCX behind downfile.jsp")
    m.notices("alsyq", [site + h for h, _, _ in notices])
    return c


# ------------------------------------------------------------------------------------------ Hanweb xxgk (fixture)
XXGK = Organ("汉威样例县", "汉威样例县人民政府办公室", "样例市", "https://xxgk.fixture.example")


def build_sample_xxgk(m: Manifest) -> Recording:
    c = Recording("sample-xxgk")
    site, name = XXGK.site, XXGK.short + "人民政府"
    column = f"{site}/col/col1187/index.html"
    query = "infotypeId=HW0601&jdid=12&area=11150000MB0000000X&divid=div1187&sortfield=createdatetime:0,orderid:0"
    shell = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_{name}</title>
<meta name="ColumnName" content="政府信息公开年报"></head><body>
<div class="header"><a href="/index.html">首页</a> <a href="/col/col1100/index.html">政务公开</a> <a href="/col/col1200/index.html">政务服务</a></div>
<div class="position">当前位置：<a href="/index.html">首页</a> &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="xxgk-left"><iframe src="/module/xxgk/tree.jsp?divid=div1187&area=11150000MB0000000X&standardXxgk=1" style="display:none"></iframe>
<ul><li><a href="/col/col1185/index.html">政府信息公开指南</a></li><li><a href="/col/col1186/index.html">政府信息公开制度</a></li></ul></div>
<div id="div1187"></div>
<script type="text/javascript">var vc_xxgkarea = '11150000MB0000000X';
loadDynamic('/module/xxgk/search.jsp?{query}');</script>
{footer(name)}</body></html>"""  # fmt: skip
    c.add(column, shell)
    search = f"{site}/module/xxgk/search.jsp"
    reports = [
        ("/art/2023/1/29/art_1187_90112.html", title_of(XXGK, 2022), "2023-01-29", SEED_2022),
        ("/art/2022/1/27/art_1187_80554.html", title_of(XXGK, 2021), "2022-01-27", SEED_2021),
    ]
    pages = [
        [reports[0][:3], ("/art/2023/1/29/art_1187_90113.html", "汉威样例县人民政府网站2022年工作年度报表", "2023-01-29"),
         ("/art/2022/12/1/art_1187_89001.html", "汉威样例县2023年政务公开工作要点", "2022-12-01")],
        [reports[1][:3], ("/art/2021/3/1/art_1187_70001.html", "关于报送2020年政府信息公开工作年度报告的通知", "2021-03-01")],
    ]  # fmt: skip
    form = dict(pair.split("=", 1) for pair in query.split("&"))
    full = {k: form.get(k, "") for k in ("infotypeId", "jdid", "area", "divid", "sortfield", "vc_title", "vc_number",
                                         "vc_filenumber", "vc_all", "texttype", "fbtime")}  # fmt: skip
    for n, rows in enumerate(pages, start=1):
        trs = "".join(
            f'<tr class="tr_main_value_{"odd" if i % 2 else "even"}"><td>{i}</td><td class="tit"><a href="{h}" '
            f'target="_blank" title="{escape(t)}">{escape(t)}</a></td><td>{d}</td></tr>'
            for i, (h, t, d) in enumerate(rows, start=1)
        )
        html = (
            '<table class="xxgk_table"><tr class="tr_main_title"><td>序号</td><td>名称</td><td>生成日期</td></tr>'
            f'{trs}</table><div class="xxgk_page">共2页&nbsp;&nbsp;第{n}页&nbsp;&nbsp;'
            f'<a href="javascript:void(0)" onclick="goPage({n + 1})">下一页</a></div>'
        )
        c.add(search, html, method="POST", data=urlencode({**full, "currpage": str(n)}), data_type=FORM)
    m.lists("sample-xxgk", [column, search, search])
    for href, title, date, seed in reports:
        url = site + href
        c.add(url, hanweb_detail(name, title, 1187, int(href.rsplit("_", 1)[1][:-5]), f"{date} 09:00", XXGK.office,
                                 derived_body(seed, XXGK, date)))  # fmt: skip
        m.report("sample-xxgk", url, url, seed, "html", date, "a Hanweb article found through the xxgk module")
    return c


# ------------------------------------------------------------------------------------------ EasySite (zlq)
ZLQ = Organ("正蓝旗", "正蓝旗人民政府办公室", "锡林郭勒盟", "https://www.zlq.gov.cn")
ZLQ_MODULE = "9bc1a0f3d7e64c2f8a5b6e4d3c2b1a09"
ZLQ_PAGE_ID = "419872"


def easysite_chrome(name: str) -> str:
    return f"""<input type="hidden" id="eprotalCurrentPageId" value="{ZLQ_PAGE_ID}">
<input type="hidden" id="eprotalCurrentSiteId" value="4011"><input type="hidden" id="isStaticRequest" value="yes">
<div class="header"><div class="logo">{escape(name)}</div><ul class="nav"><li><a href="/zlq/index.html">首页</a></li>
<li><a href="/zlq/zjzl/index.html">走进正蓝</a></li><li><a href="/zlq/zwgk/index.html">政务公开</a></li>
<li><a href="/zlq/zwfw/index.html">政务服务</a></li><li><a href="/zlq/hdjl/index.html">互动交流</a></li></ul></div>
<div class="easysite-bread-nav">当前位置：<a href="/zlq/index.html">首页</a> &gt; <a href="/zlq/zwgk/index.html">政务公开</a>
&gt; <a href="/zlq/zwgk/zfxxgkzl/index.html">政府信息公开专栏</a> &gt; <span>政府信息公开年报</span></div>
<div class="gk-left"><ul><li><a href="/zlq/zwgk/zfxxgkzl/zfxxgkzn/index.html">政府信息公开指南</a></li>
<li><a href="/zlq/zwgk/zfxxgkzl/zfxxgkzd/index.html">政府信息公开制度</a></li>
<li><a href="/zlq/zwgk/zfxxgkzl/fdzdgknr/index.html">法定主动公开内容</a></li>
<li class="on"><a href="/zlq/zwgk/zfxxgkzl/zfxxgknb/index.html">政府信息公开年报</a></li></ul></div>"""


def easysite_list(name: str, rows: list[tuple[str, str, str]], page: int, total: int, base: str) -> str:
    items = "".join(f'<li><a href="{h}" title="{escape(t)}" target="_blank">{escape(t)}</a><span>{d}</span></li>'
                    for t, h, d in rows)  # fmt: skip
    prefix = f"{base}{ZLQ_MODULE[:8]}"
    pager = "".join(
        f'<a href="javascript:void(0)" onclick="queryArticleByCondition(this,\'{prefix}-{p}.html\')" '
        f'tagname="{prefix}-{p}.html">{label}</a>'
        for p, label in ((page + 1, "下一页"), (total, "尾页"))
        if page < total
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报-{name}</title>
<link rel="stylesheet" href="/eportal/uiFramework/css/portlet.css"></head><body>
{easysite_chrome(name)}
<div class="gk-right"><div id="{ZLQ_MODULE}"><div class="list-title">政府信息公开年报</div>
<div class="list-body-hd"><ul>{items}</ul></div>
<div class="easysite-page-wrap">{pager}<span>第{page}页/共{total}页</span>
<input type="hidden" name="article_paging_list_hidden" moduleid="{ZLQ_MODULE}" totalpage="{total}"></div></div></div>
{news_sidebar([("正蓝旗召开政务公开工作推进会", "/zlq/2023-03/01/article_2023030110201512001.html", "2023-03-01")])}
{footer(name)}</body></html>"""


def easysite_detail(name: str, title: str, pub: str, body: str, key: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}-{name}</title>
<meta name="PubDate" content="{pub}"></head><body>
{easysite_chrome(name)}<input type="hidden" id="eprotalCurrentArticleKey" value="{key}">
<div class="easysite-news-title"><h2>{escape(title)}</h2></div>
<p class="easysite-news-describe">发布时间：{pub} 来源：<span id="laiyuan">{escape(ZLQ.office)}</span></p>
<div id="easysiteText">{body}</div>
<script src="/eportal/ui?pageId={ZLQ_PAGE_ID}&moduleId=x&portal.url=/portlet/article-portlet!getPreOrNextArticle.portlet"></script>
{footer(name)}</body></html>"""


def build_zlq(m: Manifest) -> Recording:
    c = Recording("zlq")
    site, name = ZLQ.site, "正蓝旗人民政府"
    base = "/zlq/zwgk/zfxxgkzl/zfxxgknb/"
    column = f"{site}{base}index.html"
    hexdir = "5e2b7c9d1a3f4e6b8c0d2e4f6a8b0c1d"
    r1 = (title_of(ZLQ, 2022), f"{base}zfbgs/{hexdir}/index.shtml", "2023-01-30")
    r2 = (title_of(ZLQ, 2021), "/zlq/2022-01/25/article_2022012509301512345.html", "2022-01-25")
    r3 = (title_of(ZLQ, 2017), "/zlq/2018-01/29/article_2018012915102233418.html", "2018-01-29")
    p1 = [
        r1,
        ("正蓝旗人民政府网站2022年工作年度报表", f"{base}zfbgs/2023012916300512876/index.shtml", "2023-01-29"),
        (
            "关于做好2022年度政府信息公开工作年度报告编制工作的通知",
            "/zlq/2022-12/05/article_2022120508300012011.html",
            "2022-12-05",
        ),
    ]
    p2 = [
        r2,
        ("正蓝旗人民政府网站2021年工作年度报表", "/zlq/2022-01/20/article_2022012010000012002.html", "2022-01-20"),
    ]
    p3 = [r3, ("正蓝旗2018年政务公开工作要点", "/zlq/2018-03/12/article_2018031211000012003.html", "2018-03-12")]  # fmt: skip
    c.add(column, easysite_list(name, p1, 1, 3, base))
    page2 = f"{site}{base}{ZLQ_MODULE[:8]}-2.html"
    c.add(page2, easysite_list(name, p2, 2, 3, base))
    page3 = f"{site}{base}{ZLQ_MODULE[:8]}-3.html"
    c.add(page3, "<html><body><h1>404 Not Found</h1></body></html>", status=404)
    fallback = f"{site}/eportal/ui?" + urlencode(
        {"pageId": ZLQ_PAGE_ID, "currentPage": 3, "moduleId": ZLQ_MODULE, "staticRequest": "yes"}
    )
    c.add(fallback, easysite_list(name, p3, 3, 3, base))
    m.lists("zlq", [column, page2, page3, fallback])
    # r1: the report is a PDF in the article's folder
    d1 = site + r1[1]
    pdf = d1.rsplit("/", 1)[0] + "/2023013009284512345.pdf"
    c.add(
        d1,
        easysite_detail(
            name, r1[0], "2023-01-30 16:20", attachment_line("./2023013009284512345.pdf", r1[0] + ".pdf"), "a1"
        ),
    )
    c.add(pdf, derived_pdf(SEED_2022, ZLQ, r1[2]), content_type=bc.PDF)  # fmt: skip
    m.report("zlq", pdf, d1, SEED_2022, "pdf", "2023-01-30", "EasySite <32hex>/index.shtml with a PDF beside it")
    for (title, href, date), seed in ((r2, SEED_2021), (r3, SEED_2018)):
        url = site + href
        c.add(url, easysite_detail(name, title, f"{date} 09:30", derived_body(seed, ZLQ, date), href[-24:-5]))
        m.report("zlq", url, url, seed, "html", date, "an EasySite article, the body in #easysiteText")
    m.notices("zlq", [site + h for t, h, d in (p1[1:] + p2[1:] + p3[1:])])
    return c


# ------------------------------------------------------------------------------------------ Meetfine (ewenke)
EWK = Organ("鄂温克族自治旗", "鄂温克族自治旗人民政府办公室", "呼伦贝尔市", "https://www.ewenke.gov.cn")


def meetfine_page(name: str, body: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报-{name}</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/News/showList/8001/page_1.html">新闻中心</a>
<a href="/OpennessContent/showList/483/10100/page_1.html">政务公开</a> <a href="/Leader/show/283/1064.html">政府领导</a></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/Openness/index/483.html">政府信息公开</a> &gt; 政府信息公开年报</div>
<div class="openness-left"><ul><li><a href="/OpennessGuide/show/483.html">政府信息公开指南</a></li>
<li><a href="/OpennessRule/showList/483/page_1.html">政府信息公开制度</a></li>
<li><a href="/OpennessContent/showList/483/10100/page_1.html">法定主动公开内容</a></li>
<li class="active"><a href="/OpennessAnnualReport/showList/483/page_1.html">政府信息公开年报</a></li></ul></div>
{body}
{news_sidebar([("鄂温克旗召开2023年政务公开工作会议", "/News/show/120034.html", "2023-02-20")])}
{footer(name)}</body></html>"""


def build_ewenke(m: Manifest) -> Recording:
    c = Recording("ewenke")
    site, name = EWK.site, "鄂温克族自治旗人民政府"
    pages = [f"{site}/OpennessAnnualReport/showList/483/page_{n}.html" for n in (1, 2)]
    r1 = (title_of(EWK, 2022), "/OpennessAnnualReport/show/4391.html", "2023-01-20")
    r2 = (title_of(EWK, 2021), "/OpennessAnnualReport/show/3875.html", "2022-01-18")
    rows = [
        [r1, ("鄂温克族自治旗人民政府网站2022年工作年度报表", "/OpennessAnnualReport/show/4390.html", "2023-01-19"),
         ("关于鄂温克族自治旗2022年政府信息公开工作年度报告的说明", "/OpennessAnnualReport/show/4402.html", "2023-02-03")],
        [r2, ("鄂温克族自治旗人民政府网站2021年工作年度报表", "/OpennessAnnualReport/show/3870.html", "2022-01-17")],
    ]  # fmt: skip
    for n, page_rows in enumerate(rows, start=1):
        items = "".join(f'<li><span>[{d}]</span><a href="{h}" title="{escape(t)}" target="_blank">{escape(t)}</a></li>'
                        for t, h, d in page_rows)  # fmt: skip
        link = "/OpennessAnnualReport/showList/483/page_{}.html"
        pager = (
            f'<div class="page"><a href="{link.format(1)}">首页</a> <a href="{link.format(max(1, n - 1))}">上一页</a> '
            + " ".join(f'<a href="{link.format(k)}"{" class=on" if k == n else ""}>{k}</a>' for k in (1, 2))
            + f' <a href="{link.format(min(2, n + 1))}">下一页</a> <a href="{link.format(2)}">尾页</a> 共2页 共5条</div>'
        )
        c.add(
            pages[n - 1], meetfine_page(name, f'<div class="openness-right"><ul class="list">{items}</ul>{pager}</div>')
        )
    m.lists("ewenke", pages)
    d1 = site + r1[1]
    body1 = f"""<div class="article"><h1>{escape(r1[0])}</h1><div class="info">发布日期：{r1[2]} 来源：{EWK.office}</div>
<div class="content">{derived_body(SEED_2022, EWK, r1[2])}</div></div>"""
    c.add(d1, meetfine_page(name, body1).replace("<title>", f'<meta name="PubDate" content="{r1[2]} 10:00"><title>', 1))
    m.report("ewenke", d1, d1, SEED_2022, "html", r1[2], "a Meetfine OpennessAnnualReport/show page")
    d2 = site + r2[1]
    doc = f"{site}/uploads/file/20220118/20220118101523_31745.docx"
    body2 = f"""<div class="article"><h1>{escape(r2[0])}</h1><div class="info">发布日期：{r2[2]} 来源：{EWK.office}</div>
<div class="content">{attachment_line(doc.removeprefix(site), r2[0] + ".docx")}</div></div>"""
    c.add(d2, meetfine_page(name, body2).replace("<title>", f'<meta name="PubDate" content="{r2[2]} 09:00"><title>', 1))
    c.add(doc, derived_docx(SEED_2021, EWK, r2[2]), content_type=bc.DOCX)
    m.report("ewenke", doc, d2, SEED_2021, "docx", r2[2], "a DOCX attached to a Meetfine page")
    m.notices("ewenke", [site + h for page_rows in rows for t, h, d in page_rows[1:]])
    return c


# ------------------------------------------------------------------------------------------ TRS API (nmg-gxt)
GXT = Organ("内蒙古自治区工业和信息化厅", "内蒙古自治区工业和信息化厅办公室", "内蒙古自治区", "https://gxt.nmg.gov.cn")


def trs_detail(name: str, title: str, pub: str, source: str, body: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}_{name}</title>
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{escape(source)}"><meta name="ColumnName" content="政府信息公开年报"></head><body>
<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></div>
<div class="detail"><h1>{escape(title)}</h1><div class="info">发布日期:{pub} 信息来源:{escape(source)}</div>
<div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">{body}</div></div>
{footer(name)}</body></html>"""  # fmt: skip


def build_nmg_gxt(m: Manifest) -> Recording:
    c = Recording("nmg-gxt")
    site, name = GXT.site, "内蒙古自治区工业和信息化厅"
    col = f"{site}/zwgk/zfxxgk/zfxxgknb/"
    api = f"{site}/nmsearch/trssearch/searchAll.do?siteId=83&searchTag=all&allKeywords=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A&pageSize=10"
    r1 = (title_of(GXT, 2022), f"{col}202301/t20230119_2251234.html", "2023-01-19 16:20:11", SEED_2022)
    r2 = (title_of(GXT, 2021), f"{col}202201/t20220121_1987654.html", "2022-01-21 10:05:00", SEED_2021)
    r3 = (title_of(GXT, 2017), f"{col}201801/t20180130_1203456.html", "2018-01-30 09:12:40", SEED_2018)

    def row(title: str, url: str, time: str, channel: str = "政府信息公开年报") -> dict[str, str]:
        marked = title.replace("年度报告", "<em>年度报告</em>")
        return {"title": marked, "docpubtime": time, "docpuburl": url, "sitedesc": name, "chnldesc": channel}

    page1 = [
        row(r1[0], r1[1], r1[2]),
        row("关于开展2022年度企业年度报告公示工作的通知", f"{site}/zwgk/tzgg/202301/t20230105_2240001.html", "2023-01-05 08:00:00", "通知公告"),
        row("内蒙古自治区工业和信息化厅网站2022年工作年度报表", f"{col}202301/t20230118_2250001.html", "2023-01-18 15:00:00"),
        row("《内蒙古自治区工业和信息化厅2022年政府信息公开工作年度报告》图文解读", f"{site}/zwgk/zcjd/202301/t20230120_2252001.html", "2023-01-20 11:00:00", "政策解读"),
        row("内蒙古自治区2022年政府信息公开工作年度报告", "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/202301/t20230131_2218001.html", "2023-01-31 09:00:00", "自治区政府"),
        row("2022年全区规模以上工业企业统计年报编报工作部署", f"{site}/zwdt/gzdt/202211/t20221110_2201001.html", "2022-11-10 10:00:00", "工作动态"),
        row(r2[0], r2[1], r2[2]),
        row("内蒙古自治区工业和信息化厅网站2021年工作年度报表", f"{col}202201/t20220120_1987001.html", "2022-01-20 15:00:00"),
        row("内蒙古自治区工业和信息化厅2022年度部门决算", f"{site}/zwgk/czzj/202208/t20220830_2150001.html", "2022-08-30 10:00:00", "财政资金"),
        row("关于报送2021年政府信息公开工作年度报告的通知", f"{site}/zwgk/tzgg/202112/t20211215_1950001.html", "2021-12-15 10:00:00", "通知公告"),
    ]  # fmt: skip
    page2 = [
        row(r3[0], r3[1], r3[2]),
        row("内蒙古自治区工业和信息化厅2018年政务公开工作要点", f"{site}/zwgk/tzgg/201803/t20180320_1220001.html", "2018-03-20 10:00:00", "通知公告"),
    ]  # fmt: skip
    urls = []
    for n, rows in ((1, page1), (2, page2)):
        url = api.replace("&pageSize=10", f"&pageNum={n}&pageSize=10")
        data = {"code": 200, "msg": "success", "data": {"total": 12, "pageNum": n, "pageSize": 10, "data": rows}}
        c.add(url, json.dumps(data, ensure_ascii=False), content_type="application/json;charset=UTF-8")
        urls.append(url)
    m.lists("nmg-gxt", urls)
    m.error("nmg-gxt", "offsite", page1[4]["docpuburl"], "a search result on www.nmg.gov.cn, off the department's site")
    for title, url, time, seed in (r1, r2, r3):
        pub = time[:16]
        if seed == SEED_2021:
            doc = url.rsplit("/", 1)[0] + "/P020220121512345678901.docx"
            c.add(
                url,
                trs_detail(
                    name, title, pub, GXT.office, attachment_line("./P020220121512345678901.docx", title + ".docx")
                ),
            )
            c.add(doc, derived_docx(seed, GXT, time[:10]), content_type=bc.DOCX)  # fmt: skip
            m.report(
                "nmg-gxt", doc, url, seed, "docx", time[:10], "a TRS detail page with a DOCX, found by the search API"
            )
        else:
            c.add(url, trs_detail(name, title, pub, GXT.office, derived_body(seed, GXT, time[:10])))
            m.report("nmg-gxt", url, url, seed, "html", time[:10], "a TRS detail page found by the search API")
    return c


# ------------------------------------------------------------------------------------------ Epoint (fixture)
EPT = Organ("新点样例县", "新点样例县人民政府办公室", "样例市", "https://epoint.fixture.example")
SITE_GUID = "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a"


def epoint_page(name: str, title: str, body: str, *, pub: str | None = None) -> str:
    meta = f'<meta name="PubDate" content="{pub}">' if pub else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>{meta}
<script src="/js/jquery.min.js"></script><script src="/js/webBuilderCommon.js"></script></head><body>
<div class="ewb-header"><div class="ewb-logo">{escape(name)}</div><ul class="ewb-nav"><li><a href="/">首页</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="ewb-location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
{body}
<div class="ewb-footer">主办：{escape(name)}办公室 技术支持：国泰新点软件股份有限公司</div></body></html>"""


def build_sample_epoint(m: Manifest) -> Recording:
    c = Recording("sample-epoint")
    site, name = EPT.site, EPT.short + "人民政府"
    column = f"{site}/dynamic/zwgk/govInfoPub.html?categorynum=003011"
    shell = epoint_page(name, f"政府信息公开年报-{name}", """<div class="ewb-main"><div class="ewb-left"><ul>
<li><a href="/dynamic/zwgk/govInfoPub.html?categorynum=003009">政府信息公开指南</a></li>
<li><a href="/dynamic/zwgk/govInfoPub.html?categorynum=003010">政府信息公开制度</a></li>
<li class="active"><a href="/dynamic/zwgk/govInfoPub.html?categorynum=003011">政府信息公开年报</a></li></ul></div>
<div class="ewb-right"><ul class="wb-data-item" id="infolist"></ul><div id="pager" class="wb-page"></div></div></div>
<script>var categorynum = getUrlParam('categorynum');
$.ajax({url: siteInfo.projectName + '/rest/lightfrontaction/getgovinfolist', type: 'post', contentType: 'application/json',
 data: JSON.stringify({siteGuid: siteInfo.siteGuid, categorynum: categorynum, deptcode: '', pageIndex: 0, pageSize: 15})});</script>""")  # fmt: skip
    c.add(column, shell)
    js = f"{site}/js/webBuilderCommon.js"
    c.add(js, f"var siteInfo = {{\n    siteGuid: '{SITE_GUID}',\n    projectName: '/EWB-FRONT',\n    siteName: '{name}'\n}};\n"
          "function getUrlParam(name) { return new URLSearchParams(location.search).get(name); }\n",
          content_type="application/javascript; charset=utf-8")  # fmt: skip
    api = f"{site}/EWB-FRONT/rest/lightfrontaction/getgovinfolist"
    r1 = (title_of(EPT, 2022), "/xxgk/003011/20230118/3c1f2a9e-6b4d-4f7a-9e8c-1d2b3a4c5e6f.html", "2023-01-18")
    r2 = (
        title_of(EPT, 2021),
        "/dynamic/zwgk/showinfo.html?infoGuid=4b3d2c1a-0f9e-4d8c-b7a6-5e4d3c2b1a09",
        "2022-01-24",
    )
    r3 = (title_of(EPT, 2017), "/xxgk/003011/20180126/8e7d6c5b-4a39-4281-9f0e-dcba98765432.html", "2018-01-26")
    nots = [
        "新点样例县人民政府网站2022年工作年度报表", "关于做好2022年政府信息公开工作年度报告编制发布工作的通知",
        "新点样例县2023年政务公开工作要点", "《新点样例县2022年政府信息公开工作年度报告》解读",
        "新点样例县2022年度部门决算", "新点样例县人民政府网站2021年工作年度报表", "新点样例县2021年国民经济和社会发展统计公报",
        "新点样例县召开政务公开培训会", "新点样例县人民政府网站2020年工作年度报表", "新点样例县政务公开第三方评估情况",
        "关于印发政府信息公开考核办法的通知", "新点样例县2019年政务公开工作要点", "新点样例县人民政府网站2018年度报表",
    ]  # fmt: skip
    assert len(nots) == 13

    def row(title: str, url: str, date: str) -> dict[str, str]:
        return {"infoid": url[-36:], "title": title, "realtitle": title, "infourl": url, "infodate": date,
                "categorynum": "003011"}  # fmt: skip

    rows0 = [row(*r1), *[row(t, f"/xxgk/003011/2022{n:04d}/{n:08d}-aaaa-4bbb-8ccc-dddddddddddd.html", f"2022-12-{n + 1:02d}")
                         for n, t in enumerate(nots[:6])], row(*r2),
             *[row(t, f"/xxgk/003011/2021{n:04d}/{n:08d}-eeee-4fff-8aaa-bbbbbbbbbbbb.html", f"2021-06-{n + 1:02d}")
               for n, t in enumerate(nots[6:])]]  # fmt: skip
    rows1 = [row(*r3), row("新点样例县2018年政务公开工作要点", "/xxgk/003011/20180301/11111111-2222-4333-8444-555555555555.html", "2018-03-01")]  # fmt: skip
    assert len(rows0) == 15
    for index, rows in ((0, rows0), (1, rows1)):
        body = {"categorynum": "003011", "deptcode": "", "pageIndex": index, "pageSize": 15, "siteGuid": SITE_GUID}
        answer = {"custom": {"total": 17, "data": rows}, "status": {"code": 200, "text": ""}}
        c.add(api, json.dumps(answer, ensure_ascii=False), method="POST", data=json.dumps(body, sort_keys=True),
              data_type=JSON, content_type="application/json;charset=utf-8")  # fmt: skip
    m.lists("sample-epoint", [column, js, api, api])
    # r1: a static detail with a PDF
    d1 = site + r1[1]
    pdf = f"{site}/EpointWebBuilder/WebbuilderMIS/attach/downloadZtbAttach.jspx?attachGuid=9d8c7b6a&appUrlFlag=ztb007&fileName=report2022.pdf"
    body1 = f"""<div class="ewb-article"><h2 class="article-title">{escape(r1[0])}</h2><div class="article-sources">
<span class="wb-data-date">发布时间：{r1[2]}</span> <span class="wb-data-source">来源：{EPT.office}</span></div><div class="article-info" id="mainContent">
{attachment_line(pdf.removeprefix(site), r1[0] + ".pdf")}</div></div>"""
    c.add(d1, epoint_page(name, r1[0], body1, pub=f"{r1[2]} 10:00"))
    c.add(pdf, derived_pdf(SEED_2022, EPT, r1[2]), content_type=bc.PDF)
    m.report("sample-epoint", pdf, d1, SEED_2022, "pdf", r1[2], "a static Epoint detail page with a PDF")
    # r2: a showinfo shell read through getGovInfoDetail
    d2 = site + r2[1]
    shell2 = epoint_page(
        name,
        "信息详情",
        """<div class="ewb-article"><h2 id="info_title"></h2>
<div id="info_spnContent"></div><div id="attach"></div></div>
<script>$.post(siteInfo.projectName + '/rest/frontAppNotNeedLoginAction/getGovInfoDetail',
 {params: JSON.stringify({infoid: getUrlParam('infoGuid'), siteGuid: siteInfo.siteGuid})});</script>""",
    )
    c.add(d2, shell2)
    detail_api = f"{site}/EWB-FRONT/rest/frontAppNotNeedLoginAction/getGovInfoDetail"
    params = json.dumps({"infoid": r2[1][-36:], "siteGuid": SITE_GUID}, separators=(",", ":"))
    answer = {"custom": {"data": {"title": r2[0], "infodate": f"{r2[2]} 11:20:00", "infotype": "年报",
                                  "infocontent": derived_body(SEED_2021, EPT, r2[2]), "pdflist": []}},
              "status": {"code": 200, "text": ""}}  # fmt: skip
    c.add(detail_api, json.dumps(answer, ensure_ascii=False), method="POST", data=urlencode({"params": params}),
          data_type=FORM, content_type="application/json;charset=utf-8")  # fmt: skip
    m.report(
        "sample-epoint", d2, d2, SEED_2021, "html", r2[2], "an Epoint showinfo shell, content from getGovInfoDetail"
    )
    m.data["extra_detail_requests"].append(detail_api)
    # r3: a static detail, the report in the page
    d3 = site + r3[1]
    body3 = f"""<div class="ewb-article"><h2 class="article-title">{escape(r3[0])}</h2><div class="article-sources">
<span class="wb-data-date">发布时间：{r3[2]}</span> <span class="wb-data-source">来源：{EPT.office}</span></div><div class="article-info" id="mainContent">{derived_body(SEED_2018, EPT, r3[2])}</div></div>"""
    c.add(d3, epoint_page(name, r3[0], body3, pub=f"{r3[2]} 09:00"))
    m.report("sample-epoint", d3, d3, SEED_2018, "html", r3[2], "a static Epoint detail page")
    return c


# ------------------------------------------------------------------------------------------ JEECMS (fixture)
JEE = Organ("金石样例县", "金石样例县人民政府办公室", "样例市", "https://jeecms.fixture.example")


def jeecms_page(name: str, body: str, *, title: str, pub: str | None = None) -> str:
    meta = f'<meta name="PubDate" content="{pub}">' if pub else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>{meta}
<link href="/r/cms/www/red/css/style.css" rel="stylesheet"></head><body>
<div class="head"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/xwzx/index.jhtml">新闻中心</a></li>
<li><a href="/xxgk/index.jhtml">信息公开</a></li><li><a href="/bsfw/index.jhtml">办事服务</a></li></ul></div>
<div class="location">您现在的位置：<a href="/">首页</a> &gt; <a href="/xxgk/index.jhtml">信息公开</a> &gt;
<a href="/xxgk/zfxxgknb/index.jhtml">政府信息公开年报</a></div>
{body}
{news_sidebar([("金石样例县召开政务公开工作会议", "/xwzx/gzdt/9876.jhtml", "2023-02-10")])}
{footer(name)}</body></html>"""


def build_sample_jeecms(m: Manifest) -> Recording:
    c = Recording("sample-jeecms")
    site, name = JEE.site, JEE.short + "人民政府"
    base = f"{site}/xxgk/zfxxgknb/"
    r1 = (title_of(JEE, 2022), "/xxgk/zfxxgknb/1287.jhtml", "2023-01-29")
    r2 = (title_of(JEE, 2021), "/xxgk/zfxxgknb/1102.jhtml", "2022-01-26")
    pages = [
        [r1, ("金石样例县人民政府网站2022年工作年度报表", "/xxgk/zfxxgknb/1286.jhtml", "2023-01-28"),
         ("关于2022年度政府信息公开工作年度报告的解读", "/xxgk/zcjd/1290.jhtml", "2023-01-30")],
        [r2, ("金石样例县人民政府网站2021年工作年度报表", "/xxgk/zfxxgknb/1101.jhtml", "2022-01-25")],
    ]  # fmt: skip
    urls = [f"{base}index.jhtml", f"{base}index_2.jhtml"]
    for n, rows in enumerate(pages, start=1):
        items = "".join(f'<li><a href="{h}" title="{escape(t)}" target="_blank">{escape(t)}</a><span>{d}</span></li>'
                        for t, h, d in rows)  # fmt: skip
        pager = (
            f'<div class="pagination">共5条 {n}/2页 <a href="index.jhtml">首页</a> '
            + (f'<a href="index_{n - 1}.jhtml">上一页</a> ' if n > 1 else "")
            + ('<a href="index_2.jhtml">下一页</a> ' if n < 2 else "")
            + '<a href="index_2.jhtml">尾页</a></div>'
        )
        c.add(
            urls[n - 1],
            jeecms_page(name, f'<div class="list"><ul>{items}</ul>{pager}</div>', title=f"政府信息公开年报 - {name}"),
        )
    m.lists("sample-jeecms", urls)
    d1 = site + r1[1]
    c.add(d1, jeecms_page(name, f'<div class="content"><h1>{escape(r1[0])}</h1><div class="msgbar">发布时间：{r1[2]} 来源：'
                          f'{JEE.office}</div><div class="text">{derived_body(SEED_2022, JEE, r1[2])}</div></div>',
                          title=r1[0], pub=f"{r1[2]} 10:00"))  # fmt: skip
    m.report("sample-jeecms", d1, d1, SEED_2022, "html", r1[2], "a JEECMS content page")
    d2 = site + r2[1]
    doc = f"{site}/u/cms/www/202201/26101512x7k9.docx"
    c.add(d2, jeecms_page(name, f'<div class="content"><h1>{escape(r2[0])}</h1><div class="msgbar">发布时间：{r2[2]} 来源：'
                          f'{JEE.office}</div><div class="text">{attachment_line(doc.removeprefix(site), r2[0] + ".docx")}</div></div>',
                          title=r2[0], pub=f"{r2[2]} 09:00"))  # fmt: skip
    c.add(doc, derived_docx(SEED_2021, JEE, r2[2]), content_type=bc.DOCX)
    m.report("sample-jeecms", doc, d2, SEED_2021, "docx", r2[2], "a DOCX upload under /u/cms/www/")
    return c


# ------------------------------------------------------------------------------------------ VSB (fixture)
VSB = Organ("博达样例县", "博达样例县人民政府办公室", "样例市", "https://vsb.fixture.example")


def vsb_page(name: str, body: str, *, title: str, pub: str | None = None) -> str:
    meta = f'<meta name="PubDate" content="{pub}">' if pub else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>{meta}
<!--Announced by Visual SiteBuilder 9--><link rel="stylesheet" type="text/css" href="../_sitegray/_sitegray_d.css">
<script language="javascript" src="../_sitegray/_sitegray.js"></script></head><body>
<div class="header"><a href="../index.htm">首页</a> <a href="../zwgk.htm">政务公开</a> <a href="../zwfw.htm">政务服务</a></div>
<div class="dqwz">当前位置：<a href="../index.htm">首页</a> &gt;&gt; <a href="../zwgk.htm">政务公开</a> &gt;&gt; 政府信息公开年报</div>
{body}
{footer(name)}<!-- CustomerNO:77656262657232307e78475c5356574200000000 --></body></html>"""


def build_sample_vsb(m: Manifest) -> Recording:
    c = Recording("sample-vsb")
    site, name = VSB.site, VSB.short + "人民政府"
    first = f"{site}/xxgk/zfxxgknb.htm"
    second = f"{site}/xxgk/zfxxgknb/1.htm"
    r1 = (title_of(VSB, 2022), "../info/1021/3512.htm", "2023-01-28")
    r2 = (title_of(VSB, 2021), "../../info/1021/3077.htm", "2022-01-27")
    pages = [
        (first, [r1, ("博达样例县人民政府网站2022年工作年度报表", "../info/1021/3511.htm", "2023-01-27"),
                 ("关于做好2022年政府信息公开工作年度报告编制工作的通知", "../info/1022/3400.htm", "2022-12-12")]),
        (second, [r2, ("博达样例县人民政府网站2021年工作年度报表", "../../info/1021/3076.htm", "2022-01-26")]),
    ]  # fmt: skip
    for n, (url, rows) in enumerate(pages, start=1):
        items = "".join(f'<li id="line_u8_{i}"><a href="{h}" title="{escape(t)}">{escape(t)}</a><span>{d}</span></li>'
                        for i, (t, h, d) in enumerate(rows))  # fmt: skip
        nxt = (
            '<span class="p_next p_fun"><a href="zfxxgknb/1.htm">下页</a></span>'
            if n == 1
            else '<span class="p_next_d">下页</span>'
        )
        pager = (f'<div class="pb_sys_common pb_sys_normal pb_sys_style1"><span class="p_t">共5条</span>'
                 f'<span class="p_pages">{nxt}</span><span class="p_t">{n}/2</span></div>')  # fmt: skip
        c.add(url, vsb_page(name, f'<div class="list"><ul>{items}</ul>{pager}</div>', title=f"政府信息公开年报-{name}"))
    m.lists("sample-vsb", [first, second])
    d1 = f"{site}/info/1021/3512.htm"
    c.add(d1, vsb_page(name, f'<form name="_newscontent_fromname"><h1>{escape(r1[0])}</h1><div class="info">发布时间：{r1[2]} 来源：{VSB.office}</div>'
                       f'<div id="vsb_content"><div class="v_news_content">{derived_body(SEED_2022, VSB, r1[2])}</div></div></form>',
                       title=r1[0], pub=f"{r1[2]} 10:00"))  # fmt: skip
    m.report("sample-vsb", d1, d1, SEED_2022, "html", r1[2], "a VSB content page, the body in div#vsb_content")
    d2 = f"{site}/info/1021/3077.htm"
    pdf = f"{site}/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1386641&wbfileid=5420137"
    body2 = (f'<form name="_newscontent_fromname"><h1>{escape(r2[0])}</h1><div class="info">发布时间：{r2[2]} 来源：{VSB.office}</div>'
             f'<div id="vsb_content"><div class="v_news_content"><p>全文见附件。</p></div></div>'
             f'<ul style="list-style-type:none;"><li>附件【<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;owner=1386641&amp;wbfileid=5420137" target="_blank">{escape(r2[0])}.pdf</a>】已下载<span id="nattach5420137"></span>次</li></ul></form>')  # fmt: skip
    c.add(d2, vsb_page(name, body2, title=r2[0], pub=f"{r2[2]} 09:00"))
    c.add(pdf, derived_pdf(SEED_2021, VSB, r2[2]), content_type=bc.PDF)
    m.report("sample-vsb", pdf, d2, SEED_2021, "pdf", r2[2], "a PDF behind VSB's download.jsp")
    return c


FAMILY_BUILDERS: tuple[Callable[[Manifest], Recording], ...] = (
    build_alsyq,
    build_sample_xxgk,
    build_zlq,
    build_ewenke,
    build_nmg_gxt,
    build_sample_epoint,
    build_sample_jeecms,
    build_sample_vsb,
)


def build_all(manifest: dict[str, Any], out: Path) -> list[tuple[Path, int]]:
    """Build every family cassette into ``out``, adding what a harvest must give to ``manifest``."""
    m = Manifest(manifest)
    done = []
    for build in FAMILY_BUILDERS:
        recording = build(m)
        done.append((recording.save(out), len(recording.items)))
    return done

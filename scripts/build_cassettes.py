"""Build the bundled cassettes: recorded HTTP of the four portals, one vcrpy YAML cassette per portal.

The portals cannot be reached from here, so their responses are composed from what docs/PORTALS.md records
of each site (URL layout, chrome text, ``<meta name="ArticleTitle|PubDate|ContentSource">``, the body in
``div.view.TRS_UEDITOR.trs_paper_default``, the 发布日期/信息来源 line, the ``countPage`` script variable,
``tbody tr`` rows 序号/标题/文号/成文日期/发布日期) and carry REAL report content: the seeds'
renderings in ``tests/fixtures/rendered/`` (DOCX with Word tables, PDF with a text layer, HTML) as bodies.

What a real column also holds is bundled too: notices that are not reports (some with 年度报告 in their
title), a duplicate link, an off-site link, an infographic (图解) of the report
(listed, never requested: replay fails on it), GBK pages (one with its charset in the
header, one with no charset anywhere), an attachment answering 404, a 瑞数 412 challenge and a 电信云堤 block
page served with status 200. They answer at once, every time: a block cools its portal down and is tried
again last (crawler.blocks), so the portal's report is stored whatever the timing of the run, and the blocked
URL is recorded ``blocked`` with the evidence of each try.

Reports beyond the seeds are DERIVED from seed content and labelled so here and in the manifest:
通辽市人民政府办公室 2022 and 通辽市民族事务委员会 2024 (from seed 004), 通辽市 2010 on nmg's archive (from seed
002). Their cells equal their seed's cells (only names and years change); they are not gold.

``cassettes/manifest.json`` says which report URL carries which seed, and what a harvest of the bundle must
give (reports, errors by code, list pages), so that tests can compare stored cells with gold.

Usage: ``python scripts/build_cassettes.py [--out cassettes]`` (deterministic: same input, same bytes).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html  # type: ignore[import-untyped]
from vcr.persisters.filesystem import FilesystemPersister  # type: ignore[import-untyped]
from vcr.request import Request as VcrRequest  # type: ignore[import-untyped]
from vcr.serializers import yamlserializer  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
RECORDED_AT = "Mon, 20 Jan 2025 02:00:00 GMT"
USER_AGENT = (
    "nianbao/0.1.0 (+https://nianbao.example/contact; harvester of government information-disclosure annual reports)"
)

SEED_2022_NMG = "000_ac91ced63409bf38"
SEED_2022_ETKQQ = "001_641fc7d161c03c36"
SEED_2018_NMG = "002_153f5bf49180240b"
SEED_2022_QSQ = "003_b42612b20553a5ab"
SEED_2021_TONGLIAO = "004_779f9be447f66d1d"

HTML_UTF8 = "text/html; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


# ------------------------------------------------------------------------------------------ cassettes
@dataclass
class Cassette:
    name: str
    interactions: list[tuple[str, int, dict[str, list[str]], bytes]] = field(default_factory=list)

    def add(
        self,
        url: str,
        body: bytes | str,
        *,
        content_type: str = HTML_UTF8,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        hdrs: dict[str, list[str]] = {"Date": [RECORDED_AT]}
        if content_type:
            hdrs["Content-Type"] = [content_type]
        hdrs["Content-Length"] = [str(len(data))]
        for k, v in (headers or {}).items():
            hdrs[k] = [v]
        self.interactions.append((url, status, hdrs, data))
        return url

    def save(self, out: Path) -> Path:
        path = out / f"{self.name}.yaml"
        if path.exists():
            path.unlink()
        requests = [VcrRequest("GET", url, None, {"User-Agent": USER_AGENT}) for url, *_ in self.interactions]
        responses = [
            {"status": {"code": status, "message": REASONS.get(status, "")}, "headers": hdrs, "body": {"string": data}}
            for _, status, hdrs, data in self.interactions
        ]
        FilesystemPersister.save_cassette(
            str(path), {"requests": requests, "responses": responses}, serializer=yamlserializer
        )
        return path


REASONS = {200: "OK", 404: "Not Found", 412: "Precondition Failed"}


def rendered(stem: str, ext: str) -> bytes:
    path = RENDERED / f"{stem}.{ext}"
    if not path.is_file():
        sys.exit(f"build_cassettes: {path} is missing (run scripts/render_seeds.py first)")
    return path.read_bytes()


def rendered_body(stem: str) -> str:
    """The report body (the inner HTML of the TRS content div) of a seed's HTML rendering."""
    tree = lxml_html.document_fromstring(rendered(stem, "html").decode("utf-8"))
    found = tree.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_UEDITOR ')]")
    if not found:
        sys.exit(f"build_cassettes: no TRS_UEDITOR div in the rendering of {stem}")
    div = found[0]
    inner = (escape(div.text) if div.text else "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in div
    )
    return inner


def derive(body: str, replacements: list[tuple[str, str]], years: list[tuple[str, str]]) -> str:
    """A DERIVED report body: names replaced, then years shifted (the template's 〔2021〕 document number and
    the 〔2019〕 one are kept)."""
    for old, new in replacements:
        body = body.replace(old, new)
    kept = {"〔2021〕": "\x00A", "〔2019〕": "\x00B"}
    for k, v in kept.items():
        body = body.replace(k, v)
    for old, new in years:  # in order: shift the later years first
        body = body.replace(old, new)
    for k, v in kept.items():
        body = body.replace(v, k)
    return body


# ------------------------------------------------------------------------------------------ nmg pages
NMG = "https://www.nmg.gov.cn"
NMG_COLUMN = f"{NMG}/zwgk/zfxxgk/zfxxgkml/zfxxgknb/"
NMG_ARCHIVE = f"{NMG}/xxgkml/zzqzf/zfxxgknb/gms/"
NMG_CHROME = """<div class="top"><div class="w1200"><a href="/login/">登录</a> <a href="/register/">注册</a>
<a href="http://mgl.nmg.gov.cn/">蒙古文版</a> <a href="#">无障碍浏览</a> <a href="#">长者模式</a>
<a href="#">微信公众号</a> <a href="#">客户端</a> <a href="#">手机版</a></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwdt/">要闻动态</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/zmhd/">政民互动</a></li>
<li><a href="/zfsj/">政府数据</a></li><li><a href="/lnmg/">亮丽内蒙古</a></li></ul></div>"""
NMG_FOOT = """<div class="tips" style="display:none">取消收藏成功!</div>
<div class="xgbszn"><h3>相关办事指南</h3></div>
<div class="footer"><p>主办：内蒙古自治区人民政府办公厅</p></div>"""


def nmg_list(page: int, count: int, rows: list[tuple[str, str, str, str, str]]) -> str:
    """A TRS list page: ``tbody tr`` rows (title, href, 文号, 成文日期, 发布日期) and ``countPage``."""
    trs = "\n".join(
        f'<tr><td>{i}</td><td class="bt"><a href="{href}" title="{escape(title)}" target="_blank">'
        f"{escape(title if len(title) <= 24 else title[:23] + '…')}</a></td><td>{escape(num)}</td>"
        f"<td>{made}</td><td>{pub}</td></tr>"
        for i, (title, href, num, made, pub) in enumerate(rows, start=1 + page * 20)
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府信息公开年报_内蒙古自治区人民政府</title>
<meta name="ColumnName" content="政府信息公开年报"></head>
<body>{NMG_CHROME}
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="xxgk-list"><table class="zfxxgk_zdgkc"><thead><tr><th>序号</th><th>标题</th><th>文号</th>
<th>成文日期</th><th>发布日期</th></tr></thead>
<tbody>
{trs}
</tbody></table>
<div class="page"><script type="text/javascript">var currentPage = {page}; var countPage = {count};
createPageHTML(countPage, currentPage, "index", "html");</script></div></div>
{NMG_FOOT}</body></html>"""


def nmg_detail(*, title: str, source: str, pub: str, index_no: str, made: str, body: str) -> str:
    """A TRS detail page of www.nmg.gov.cn: meta tags, the 索引号… field table, 发布日期/信息来源, the body."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_内蒙古自治区人民政府</title>
<meta name="ArticleTitle" content="{escape(title)}">
<meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{escape(source)}">
</head><body>{NMG_CHROME}
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zfxxgk/zfxxgkml/zfxxgknb/">政府信息公开年报</a></div>
<div class="xxgk_table"><table>
<tr><td>索引号：</td><td>{index_no}</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>{escape(source)}</td><td>文号：</td><td></td></tr>
<tr><td>成文日期：</td><td>{made}</td><td></td><td></td></tr>
</table></div>
<div class="detail"><h1 class="title">{escape(title)}</h1>
<div class="info">发布日期:{pub} 信息来源:{escape(source)} <span class="share">分享</span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">{body}</div></div>
{NMG_FOOT}</body></html>"""


def attachment_body(title: str, href: str, name: str) -> str:
    return (
        f'<p style="text-indent:2em">{escape(title)}全文见附件。</p>'
        f'<p>附件：<a href="{href}" oldsrc="/protect{href[1:]}">{escape(name)}</a></p>'
    )


def hanweb_page(title: str, body: str, *, pub: str, source: str) -> str:
    """The Hanweb-era layout of nmg's archive (tables for layout, the text in ``div#zoom``); no charset."""
    return f"""<html><head><title>{escape(title)}</title></head>
<body><table width="1000" align="center">
<tr><td class="nav">首页 &gt; 政府信息公开 &gt; 政府信息公开年报 &gt; 盟市</td></tr>
<tr><td align="center" class="title"><b>{escape(title)}</b></td></tr>
<tr><td align="center">发布日期：{pub}　信息来源：{escape(source)}　【字体：大 中 小】</td></tr>
<tr><td><div id="zoom">{body}</div></td></tr>
<tr><td align="center">【打印本页】【关闭窗口】</td></tr></table></body></html>"""


def hanweb_list(title: str, rows: list[tuple[str, str, str]]) -> str:
    items = "\n".join(
        f'<tr><td><a href="{href}" target="_blank">{escape(t)}</a></td><td>{date}</td></tr>' for t, href, date in rows
    )
    return f"""<html><head><title>{escape(title)}</title></head><body>
<table width="1000" align="center"><tr><td class="nav">首页 &gt; 政府信息公开 &gt; {escape(title)}</td></tr>
<tr><td><table class="list">{items}</table></td></tr></table></body></html>"""


def add_nmg_archive(c: Cassette, *, folder_content_type: str) -> str:
    """nmg's Hanweb-era archive of league and city reports, GBK-encoded: its index, the 通辽市 folder (served
    with ``folder_content_type``) and the 2010 report page DERIVED from seed 002 (served with no charset at
    all). Returns the report page's URL."""
    tls = f"{NMG_ARCHIVE}tls_1841/"
    d2010 = f"{tls}201404/t20140428_80732.html"
    t2010 = "通辽市2010年政府信息公开工作年度报告"
    c.add(
        f"{NMG_ARCHIVE}index.html",
        hanweb_list("盟市政府信息公开年报", [("通辽市", "./tls_1841/index.html", "")]).encode("gbk"),
        content_type="text/html; charset=GBK",
    )
    c.add(
        f"{tls}index.html",
        hanweb_list("通辽市", [(t2010, "./201404/t20140428_80732.html", "2014-04-28")]).encode("gbk"),
        content_type=folder_content_type,
    )
    body2010 = derive(
        rendered_body(SEED_2018_NMG),
        [
            ("内蒙古自治区人民政府办公厅", "通辽市人民政府办公室"),
            ("内蒙古自治区", "通辽市"),
            ("自治区", "通辽市"),
            ("各盟市、区直各部门", "各旗县市区、市直各部门"),
            ("http://www.nmg.gov.cn", "http://www.tongliao.gov.cn"),
        ],
        [("2019", "2011"), ("2018", "2010"), ("2017", "2009")],
    )
    page2010 = hanweb_page(t2010, body2010, pub="2014-04-28", source="通辽市人民政府办公室")
    c.add(d2010, page2010.encode("gbk", errors="xmlcharrefreplace"), content_type="text/html")
    return d2010


def build_nmg(manifest: dict[str, Any]) -> Cassette:
    c = Cassette("nmg")
    t2022 = "内蒙古自治区2022年政府信息公开工作年度报告"
    t2018 = "内蒙古自治区2018年政府信息公开工作年度报告"
    d2022 = f"{NMG_COLUMN}202301/t20230131_2218001.html"
    d2018 = f"{NMG_COLUMN}201901/t20190131_1500001.html"
    a2022 = f"{NMG_COLUMN}202301/P020230131351887604118.docx"
    a2018 = f"{NMG_COLUMN}201901/P020190131589610423157.docx"
    offsite = "https://www.gov.cn/zhengce/content/2023-03/31/content_5749359.htm"
    notice_2023 = f"{NMG_COLUMN}202303/t20230315_2250001.html"
    notice_2019 = f"{NMG_COLUMN}201912/t20191220_1700001.html"
    notice_2020 = f"{NMG_COLUMN}202012/t20201222_1900001.html"
    c.add(
        f"{NMG_COLUMN}index.html",
        nmg_list(
            0,
            3,
            [
                (t2022, "./202301/t20230131_2218001.html", "", "2023-01-30", "2023-01-31"),
                (
                    "内蒙古自治区人民政府办公厅关于印发2023年内蒙古自治区政务公开工作要点的通知",
                    "./202303/t20230315_2250001.html",
                    "内政办发〔2023〕12号",
                    "2023-03-14",
                    "2023-03-15",
                ),
                (t2022 + "（图解）", "./202301/t20230131_2218002.html", "", "2023-01-31", "2023-01-31"),
                ("国务院办公厅2022年政府信息公开工作年度报告", offsite, "", "2023-03-31", "2023-03-31"),
            ],
        ),
    )
    c.add(
        f"{NMG_COLUMN}index_1.html",
        nmg_list(
            1,
            3,
            [
                (t2022, "../zfxxgknb/202301/t20230131_2218001.html", "", "2023-01-30", "2023-01-31"),  # duplicate
                (
                    "关于报送2019年政府信息公开工作年度报告的通知",
                    "./201912/t20191220_1700001.html",
                    "",
                    "2019-12-19",
                    "2019-12-20",
                ),
                (t2018, "./201901/t20190131_1500001.html", "", "2019-01-30", "2019-01-31"),
            ],
        ),
    )
    c.add(
        f"{NMG_COLUMN}index_2.html",
        nmg_list(
            2,
            3,
            [
                (
                    "关于做好2020年政府信息公开工作年度报告编制发布工作的通知",
                    "./202012/t20201222_1900001.html",
                    "",
                    "2020-12-21",
                    "2020-12-22",
                ),
            ],
        ),
    )
    c.add(
        d2022,
        nmg_detail(
            title=t2022,
            source="自治区人民政府办公厅",
            pub="2023-01-31 10:12",
            index_no="11150000011511032Y/2023-00121",
            made="2023-01-30",
            body=attachment_body(t2022, "./P020230131351887604118.docx", t2022 + ".docx"),
        ),
    )
    c.add(a2022, rendered(SEED_2022_NMG, "docx"), content_type=DOCX)
    c.add(
        d2018,
        nmg_detail(
            title=t2018,
            source="自治区人民政府办公厅",
            pub="2019-01-31 16:05",
            index_no="11150000011511032Y/2019-00087",
            made="2019-01-30",
            body=attachment_body(t2018, "./P020190131589610423157.docx", t2018 + ".docx"),
        ),
    )
    c.add(a2018, rendered(SEED_2018_NMG, "docx"), content_type=DOCX)

    # The Hanweb-era archive of league and city reports, GBK-encoded.
    d2010 = add_nmg_archive(c, folder_content_type="text/html; charset=GBK")

    manifest["reports"] += [
        {
            "portal": "nmg",
            "url": a2022,
            "page_url": d2022,
            "seed": SEED_2022_NMG,
            "kind": "docx",
            "year": 2022,
            "published": "2023-01-31",
        },
        {
            "portal": "nmg",
            "url": a2018,
            "page_url": d2018,
            "seed": SEED_2018_NMG,
            "kind": "docx",
            "year": 2018,
            "published": "2019-01-31",
        },
        {
            "portal": "nmg",
            "url": d2010,
            "page_url": d2010,
            "seed": None,
            "derived_from": SEED_2018_NMG,
            "kind": "html",
            "year": 2010,
            "published": "2014-04-28",
            "note": "DERIVED: seed 002's body renamed to 通辽市 and shifted to 2010; GBK, no charset declared",
        },
    ]
    manifest["errors"] += [
        {"portal": "nmg", "url": offsite, "code": "offsite", "repeats": True},
    ]
    manifest["list_pages"]["nmg"] = [
        f"{NMG_COLUMN}index.html",
        f"{NMG_COLUMN}index_1.html",
        f"{NMG_COLUMN}index_2.html",
        f"{NMG_ARCHIVE}index.html",
        f"{NMG_ARCHIVE}tls_1841/index.html",
    ]
    manifest["skipped_notices"]["nmg"] = [notice_2023, notice_2019, notice_2020]
    manifest["duplicates"]["nmg"] = [d2022]
    return c


# ------------------------------------------------------------------------------------------ tongliao pages
TL = "https://www.tongliao.gov.cn"
TL_COLUMN = f"{TL}/zwgk/zfxxgk/zfxxgknb/"
MW = "https://mw.tongliao.gov.cn"
MW_COLUMN = f"{MW}/zwgk/zfxxgk/zfxxgknb/"


def tl_chrome(site: str) -> str:
    return f"""<div class="top-bar"><div class="wrap">欢迎访问{site}!
<a href="/login">登录/注册</a> <a href="/user">用户中心</a> <a href="#">微信</a> <a href="#">微博</a>
<a href="#">客户端</a> <a href="#">通辽在线</a> <a href="#">蒙速办</a>
<a href="#">蒙企通</a> <span class="fr">网站导航 支持IPV6 无障碍</span></div></div>
<div class="header"><h2 class="logo"><a href="/">{site}</a></h2>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>"""


def tl_folder(site: str, title: str, links: list[tuple[str, str, str]], count: int = 1, page: int = 0) -> str:
    """A TRS folder page: its links (text, href, date) as ``ul li`` with a date span; ``countPage``."""
    items = "\n".join(
        f'<li><a href="{href}" title="{escape(t)}">{escape(t)}</a>' + (f"<span>{date}</span>" if date else "") + "</li>"
        for t, href, date in links
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(title)}_{site}</title></head><body>{tl_chrome(site)}
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a> &gt; {escape(title)}</div>
<div class="list-box"><ul class="list">
{items}
</ul><div class="page"><script>var currentPage = {page};var countPage = {count};
createPageHTML(countPage, currentPage, "index", "html");</script></div></div>
<div class="footer">主办：{site}办公室</div></body></html>"""


def tl_detail(site: str, *, title: str, source: str, pub: str, body: str) -> str:
    """A TRS detail page of tongliao.gov.cn: meta tags, the 发布时间/信息来源/分享到 block twice, the body."""
    info = (
        f'<div class="article-info"><span>发布时间:</span><span>{pub}</span><span>信息来源:</span>'
        f'<span>{escape(source)}</span><span class="share">分享到:</span></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(title)}_{site}</title>
<meta name="ArticleTitle" content="{escape(title)}">
<meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{escape(source)}">
</head><body>{tl_chrome(site)}
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></div>
<div class="main-box">{info}
<div class="article-head"><h1 class="article-title">{escape(title)}</h1>{info}</div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">{body}</div></div>
<div class="footer">主办：{site}办公室</div></body></html>"""


def build_tongliao(manifest: dict[str, Any]) -> Cassette:
    c = Cassette("tongliao")
    site = "通辽市人民政府"
    y2021, y2022 = f"{TL_COLUMN}2021_649/", f"{TL_COLUMN}2022_645/"
    t2021 = "通辽市2021年政府信息公开工作年度报告"
    t2022 = "通辽市人民政府办公室2022年政府信息公开工作年度报告"
    d2021 = f"{y2021}tlsrmzf_650/202201/t20220120_535657.html"
    d2022 = f"{y2022}szfzcbm/202301/t20230118_62744.html"
    c.add(
        TL_COLUMN, tl_folder(site, "政府信息公开年报", [("2022年", "./2022_645/", ""), ("2021年", "./2021_649/", "")])
    )
    c.add(y2021, tl_folder(site, "2021年", [("通辽市人民政府", "./tlsrmzf_650/", "")]))
    c.add(
        f"{y2021}tlsrmzf_650/",
        tl_folder(site, "通辽市人民政府", [(t2021, "./202201/t20220120_535657.html", "2022-03-08")]),
    )
    c.add(y2022, tl_folder(site, "2022年", [("市政府组成部门", "./szfzcbm/", "")]))
    c.add(
        f"{y2022}szfzcbm/",
        tl_folder(
            site,
            "市政府组成部门",
            [
                (t2022, "./202301/t20230118_62744.html", "2023-01-18"),
                (
                    "关于做好2022年度政府信息公开工作年度报告编制工作的通知",
                    "./202212/t20221226_61234.html",
                    "2022-12-26",
                ),
            ],
            count=2,
        ),
    )
    c.add(
        f"{y2022}szfzcbm/index_1.html",
        tl_folder(
            site,
            "市政府组成部门",
            [
                (t2022, "./202301/t20230118_62744.html", "2023-01-18"),  # the same report, listed again
            ],
            count=2,
            page=1,
        ),
    )
    c.add(
        d2021,
        tl_detail(
            site, title=t2021, source="通辽市人民政府", pub="2022-03-08 15:25", body=rendered_body(SEED_2021_TONGLIAO)
        ),
    )
    body2022 = derive(
        rendered_body(SEED_2021_TONGLIAO),
        [
            ("通辽市行政审批和政务服务局", "通辽市人民政府办公室"),
            ("通辽市", "通辽市人民政府办公室"),
            ("通辽市人民政府办公室人民政府", "通辽市人民政府"),
        ],
        [("2022", "2023"), ("2021", "2022")],
    )
    c.add(d2022, tl_detail(site, title=t2022, source="通辽市人民政府办公室", pub="2023-01-18 09:40", body=body2022))

    # A department subdomain: the same column, detail pages at its top; the attachment answers 404.
    mw_site = "通辽市民族事务委员会"
    t2024 = "通辽市民族事务委员会2024年政府信息公开工作年度报告"
    d2024 = f"{MW_COLUMN}202501/t20250116_918140.html"
    a2024 = f"{MW_COLUMN}202501/P020250116538612187651.pdf"
    c.add(MW_COLUMN, tl_folder(mw_site, "政府信息公开年报", [(t2024, "./202501/t20250116_918140.html", "2025-01-16")]))
    body2024 = derive(
        rendered_body(SEED_2021_TONGLIAO),
        [
            ("通辽市行政审批和政务服务局", mw_site),
            ("通辽市", mw_site),
            (mw_site + "人民政府", mw_site),
            ("http://www.tongliao.gov.cn", "http://mw.tongliao.gov.cn"),
        ],
        [("2022", "2025"), ("2021", "2024")],
    )
    body2024 += f'<p>附件：<a href="./P020250116538612187651.pdf">{t2024}.pdf</a></p>'
    c.add(d2024, tl_detail(mw_site, title=t2024, source=mw_site, pub="2025-01-16 10:05", body=body2024))
    c.add(
        a2024, "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>", status=404
    )

    manifest["reports"] += [
        {
            "portal": "tongliao",
            "url": d2021,
            "page_url": d2021,
            "seed": SEED_2021_TONGLIAO,
            "kind": "html",
            "year": 2021,
            "published": "2022-03-08",
        },
        {
            "portal": "tongliao",
            "url": d2022,
            "page_url": d2022,
            "seed": None,
            "derived_from": SEED_2021_TONGLIAO,
            "kind": "html",
            "year": 2022,
            "published": "2023-01-18",
            "note": "DERIVED: seed 004's body renamed to 通辽市人民政府办公室 and shifted to 2022",
        },
        {
            "portal": "tongliao",
            "url": d2024,
            "page_url": d2024,
            "seed": None,
            "derived_from": SEED_2021_TONGLIAO,
            "kind": "html",
            "year": 2024,
            "published": "2025-01-16",
            "note": "DERIVED: seed 004's body renamed to 通辽市民族事务委员会 and shifted to 2024; "
            "its PDF answers 404, so the page body is the report",
        },
    ]
    manifest["errors"] += [{"portal": "tongliao", "url": a2024, "code": "http_404", "repeats": False}]
    manifest["list_pages"]["tongliao"] = [
        TL_COLUMN,
        y2021,
        f"{y2021}tlsrmzf_650/",
        y2022,
        f"{y2022}szfzcbm/",
        f"{y2022}szfzcbm/index_1.html",
        MW_COLUMN,
    ]
    manifest["skipped_notices"]["tongliao"] = [f"{y2022}szfzcbm/202212/t20221226_61234.html"]
    manifest["duplicates"]["tongliao"] = [d2022]
    return c


# ------------------------------------------------------------------------------------------ etkqq, qsq
RUISHU_412 = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="Cache-Control" content="no-cache, no-store, must-revalidate">
<script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=58241;
$_ts.cd="qhbcrrAlEqEmcGAqqGqcrGAlwq3mrGlxqAAmraqEcGVxqqLcDqxcrGLFJaqcqaAtJqqEraEcDPqxvqqEraqcJGVmDqGSrGqtrq";
</script><script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js" r='m'></script>
</head><body></body></html>"""
YUNDI_BLOCK = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问被拦截</title></head>
<body><div class="box"><h1>抱歉，您的访问被拦截</h1>
<p>您的访问请求可能对网站造成安全威胁，已被电信云堤防护系统拦截。</p>
<p>事件ID：7f3c9a1e5b2d4c80　时间：2025-01-20 10:00:00</p></div></body></html>"""


def plain_detail(site: str, *, title: str, source: str, pub: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}-{site}</title>
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="{escape(source)}"></head>
<body><div class="header"><a href="/">{site}</a> <a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="content"><h1>{escape(title)}</h1>
<div class="info">发布日期：{pub}　来源：{escape(source)}</div>
<div class="view TRS_UEDITOR trs_paper_default">{body}</div></div>
<div class="footer">{site} 版权所有</div></body></html>"""


def li_list(site: str, links: list[tuple[str, str, str]], count: int, page: int = 0) -> str:
    items = "\n".join(
        f'<li><a href="{href}" title="{escape(t)}">{escape(t)}</a><span class="date">{d}</span></li>'
        for t, href, d in links
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府信息公开年报-{site}</title></head>
<body><div class="header"><a href="/">{site}</a> <a href="/zwgk/">政务公开</a></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<ul class="news-list">
{items}
</ul><script>var currentPage = {page}; var countPage = {count};</script>
<div class="footer">{site} 版权所有</div></body></html>"""


def table_list(site: str, rows: list[tuple[str, str, str, str, str]], count: int) -> str:
    trs = "\n".join(
        f'<tr><td>{i}</td><td><a href="{href}" title="{escape(t)}">{escape(t)}</a></td><td>{num}</td>'
        f"<td>{made}</td><td>{pub}</td></tr>"
        for i, (t, href, num, made, pub) in enumerate(rows, 1)
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府信息公开年报-{site}</title></head>
<body><div class="header"><a href="/">{site}</a> <a href="/zwgk/">政务公开</a></div>
<table class="xxgk"><thead><tr><th>序号</th><th>标题</th><th>文号</th><th>成文日期</th><th>发布日期</th></tr></thead>
<tbody>
{trs}
</tbody></table><script type="text/javascript">var countPage = {count}; var currentPage = 0;</script>
<div class="footer">{site} 版权所有</div></body></html>"""


def build_etkqq(manifest: dict[str, Any]) -> Cassette:
    c = Cassette("etkqq")
    site = "鄂托克前旗人民政府"
    column = "https://www.etkqq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    title = "鄂托克前旗2022年政府信息公开工作年度报告"
    detail = f"{column}202301/t20230130_3456789.html"
    pdf = f"{column}202301/P020230130612893412578.pdf"
    c.add(
        f"{column}index.html",
        li_list(
            site,
            [
                (title, "./202301/t20230130_3456789.html", "2023-01-30"),
                (
                    "鄂托克前旗人民政府办公室关于印发2023年政务公开工作要点的通知",
                    "./202303/t20230320_3500001.html",
                    "2023-03-20",
                ),
            ],
            count=2,
        ),
    )
    c.add(
        f"{column}index_1.html",
        RUISHU_412,
        status=412,
        headers={
            "Set-Cookie": "FSSBBIl1UgzbN7N80S=Jq8bnZlc6hLhS1xcrnUytBb7sgcY3qtUeN; Path=/; HttpOnly",
        },
    )
    c.add(
        detail,
        plain_detail(
            site,
            title=title,
            source="鄂托克前旗人民政府办公室",
            pub="2023-01-30 17:20",
            body=attachment_body(title, "./P020230130612893412578.pdf", title + ".pdf"),
        ),
    )
    c.add(pdf, rendered(SEED_2022_ETKQQ, "pdf"), content_type=PDF)
    manifest["reports"].append(
        {
            "portal": "etkqq",
            "url": pdf,
            "page_url": detail,
            "seed": SEED_2022_ETKQQ,
            "kind": "pdf",
            "year": 2022,
            "published": "2023-01-30",
        }
    )
    manifest["errors"].append(
        {
            "portal": "etkqq",
            "url": f"{column}index_1.html",
            "code": "blocked",
            "repeats": True,
            "note": "瑞数 HTTP 412 challenge",
        }
    )
    manifest["list_pages"]["etkqq"] = [f"{column}index.html", f"{column}index_1.html"]
    manifest["skipped_notices"]["etkqq"] = [f"{column}202303/t20230320_3500001.html"]
    return c


def build_qsq(manifest: dict[str, Any]) -> Cassette:
    c = Cassette("qsq")
    site = "包头市青山区人民政府"
    column = "https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    title = "青山区2022年政府信息公开工作年度报告"
    detail = f"{column}202302/t20230208_1034567.html"
    pdf = f"{column}202302/P020230208394561234567.pdf"
    c.add(
        f"{column}index.html",
        table_list(
            site,
            [
                (title, "./202302/t20230208_1034567.html", "", "2023-02-07", "2023-02-08"),
                (
                    "青山区人民政府办公室关于开展政务公开第三方评估工作的通知",
                    "./202304/t20230410_1040001.html",
                    "青政办发〔2023〕9号",
                    "2023-04-07",
                    "2023-04-10",
                ),
            ],
            count=2,
        ),
    )
    c.add(f"{column}index_1.html", YUNDI_BLOCK)
    c.add(
        detail,
        plain_detail(
            site,
            title=title,
            source="青山区人民政府办公室",
            pub="2023-02-08 09:00",
            body=attachment_body(title, "./P020230208394561234567.pdf", title + ".pdf"),
        ),
    )
    c.add(pdf, rendered(SEED_2022_QSQ, "pdf"), content_type=PDF)
    manifest["reports"].append(
        {
            "portal": "qsq",
            "url": pdf,
            "page_url": detail,
            "seed": SEED_2022_QSQ,
            "kind": "pdf",
            "year": 2022,
            "published": "2023-02-08",
        }
    )
    manifest["errors"].append(
        {
            "portal": "qsq",
            "url": f"{column}index_1.html",
            "code": "blocked",
            "repeats": True,
            "note": "电信云堤 block page served with status 200",
        }
    )
    manifest["list_pages"]["qsq"] = [f"{column}index.html", f"{column}index_1.html"]
    manifest["skipped_notices"]["qsq"] = [f"{column}202304/t20230410_1040001.html"]
    return c


BUILDERS = (build_nmg, build_tongliao, build_etkqq, build_qsq)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "cassettes")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "about": "Which bundled report URL carries which seed (tests/fixtures/seeds, gold in tests/fixtures/gold), "
        "and what a harvest of these cassettes must give. Built by scripts/build_cassettes.py; "
        "reports with seed null are DERIVED from the seed named in derived_from (not gold).",
        "reports": [],
        "errors": [],
        "list_pages": {},
        "skipped_notices": {},
        "duplicates": {},
    }
    built = []
    for build in BUILDERS:
        cassette = build(manifest)
        built.append((cassette.save(args.out), len(cassette.interactions)))
    from build_family_cassettes import build_all  # one cassette per other family mechanism (CMS.md)

    built += build_all(manifest, args.out)
    for path, count in built:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {count} interactions")
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

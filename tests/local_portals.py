"""Test portals served on 127.0.0.1: their pages are built here, from the markup government portals use.

A site is a dict ``path[?query] → Page``; :class:`PortalServer` serves one site from a thread, answers what it
does not hold with a 404 page, can stall a path (a script that never loads), and logs every request (method,
path with query, User-Agent, whether it came from a browser). Reports are the seeds' real renderings
(``tests/fixtures/rendered``): the GBK detail page of 鄂托克前旗 2022 (seed 001), the 通辽市 2021 page (seed 004),
the 青山区 2022 PDF (seed 003), whose cells the gold files hold.

Browser portals (:func:`script_list_site`, :func:`iframe_site`): a county column whose list a script writes
after an XHR call (TRS-like chrome, two pages, a notice about reports among them); an Inner Mongolia
department's 政务公开 module (``/zwgk/zfxxgk/fdzdgknr/?gk=2&cid=11919#iframe``) whose list sits in an iframe a
script points at the column named by ``cid``, with relative links inside the frame and a static second page.

Discovery portals (:func:`discovery_sites`): home pages with full navigation menus, footers and link farms;
the 政府信息公开 专栏 one or two links deep; the 政府网站工作年度报表 decoy beside the 年报 column; relative
links; GBK pages; a Hanweb ``col`` layout; a Meetfine ``OpennessAnnualReport`` controller; a column that has
moved (404) and one emptied. ``python -m tests.local_portals SITE`` serves one for a look in a browser.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

RENDERED = Path(__file__).resolve().parent / "fixtures" / "rendered"
UTF8 = "text/html; charset=utf-8"
GBK = "text/html; charset=gbk"
PDF = "application/pdf"

ETKQQ_2022 = "001_641fc7d161c03c36"  # 鄂托克前旗 2022, GBK HTML page
TONGLIAO_2021 = "004_779f9be447f66d1d"  # 通辽市 2021, HTML page
QSQ_2022 = "003_b42612b20553a5ab"  # 青山区 2022, PDF


@dataclass
class Page:
    body: bytes
    content_type: str = UTF8
    status: int = 200
    stall: float = 0.0  # seconds to wait before answering (a resource that never comes in time)
    stall_browser: float = 0.0  # the same, for requests from chromium only


Site = dict[str, Page]


def html(text: str, *, gbk: bool = False, status: int = 200) -> Page:
    if gbk:
        return Page(text.replace("charset=utf-8", "charset=gbk").encode("gbk"), GBK, status)
    return Page(text.encode("utf-8"), UTF8, status)


def rendered(stem: str, ext: str) -> Page:
    body = (RENDERED / f"{stem}.{ext}").read_bytes()
    if ext == "pdf":
        return Page(body, PDF)
    charset = "gbk" if b"charset=gb2312" in body[:400] else "utf-8"
    return Page(body, f"text/html; charset={charset}")


# ------------------------------------------------------------------------------------------ page chrome
def top_nav(name: str) -> str:
    return f"""<div class="top"><div class="w1200"><span>欢迎访问{name}!</span>
<a href="/wza/">无障碍</a> <a href="javascript:void(0)" onclick="toggleOld()">长者模式</a> <a href="/en/">English</a>
<a href="/login/">登录</a> <a href="/register/">注册</a></div></div>
<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/images/logo.png" alt="{name}"></a>
<form action="/search/" class="search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div></div>
"""


def main_nav(hub_href: str = "/zwgk/", hub_text: str = "政务公开") -> str:
    return f"""<div class="nav"><ul class="w1200">
<li><a href="/">首页</a></li>
<li><a href="/zjxq/">走进本地</a><div class="sub"><a href="/zjxq/lsyg/">历史沿革</a>
<a href="/zjxq/rkmz/">人口民族</a></div></li>
<li><a href="/xwzx/">新闻中心</a><div class="sub"><a href="/xwzx/zwyw/">政务要闻</a><a href="/xwzx/bmdt/">部门动态</a>
<a href="/xwzx/tzgg/">通知公告</a></div></li>
<li><a href="{hub_href}">{hub_text}</a><div class="sub"><a href="/zwgk/zcwj/">政策文件</a>
<a href="/zwgk/zcjd/">政策解读</a><a href="/zwgk/rsxx/">人事信息</a><a href="/zwgk/czzj/">财政资金</a></div></li>
<li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a><div class="sub"><a href="/hdjl/szxx/">书记信箱</a><a href="/hdjl/zxft/">在线访谈</a>
<a href="/hdjl/myzj/">民意征集</a></div></li>
</ul></div>
"""


def footer(name: str, *, decoy: bool = True) -> str:
    decoys = (
        '<a href="/zwgk/zfwzndbb/">政府网站工作年度报表</a> <a href="/tjxx/tjnb/">统计年报</a> '
        '<a href="/qyxx/qynb/">企业年报公示</a> '
        if decoy
        else ""
    )
    return f"""<div class="footer"><div class="w1200"><div class="links">
<a href="http://www.gov.cn/" target="_blank">中国政府网</a>
<a href="https://www.nmg.gov.cn/" target="_blank">内蒙古自治区人民政府</a>
<a href="/wzdt/">网站地图</a> <a href="/lxwm/">联系我们</a> {decoys}<a href="/jcjg/">纠错</a></div>
<p>主办：{name}办公室 &nbsp; 网站标识码：1506270001 &nbsp; 蒙ICP备05003318号</p>
<script src="/js/jquery-1.12.4.min.js"></script><script>var _hmt = _hmt || [];</script></div></div>
"""


def page(title: str, name: str, main: str, *, nav: str | None = None, scripts: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}_{name}</title><meta name="SiteName" content="{name}">
<link rel="stylesheet" href="/css/style.css"></head>
<body>
{top_nav(name)}{nav if nav is not None else main_nav()}
<div class="main w1200">{main}</div>
{footer(name)}{scripts}
</body></html>
"""


def xxgk_menu(base: str, *, current: str = "", extra: str = "") -> str:
    """The 政府信息公开 专栏's left menu: the 年报 column among its siblings, and the 网站年度报表 decoy."""
    items = [
        ("zfxxgkzn/", "政府信息公开指南"),
        ("zfxxgkzd/", "政府信息公开制度"),
        ("fdzdgknr/", "法定主动公开内容"),
        ("zfxxgknb/", "政府信息公开年报"),
        ("ysqgk/", "依申请公开"),
        ("zfwzndbb/", "政府网站工作年度报表"),
    ]
    lis = "".join(
        f'<li{" class=on" if text == current else ""}><a href="{base}{href}">{text}</a></li>' for href, text in items
    )
    return f'<div class="left-menu"><h3>政府信息公开</h3><ul>{lis}{extra}</ul></div>'


# ------------------------------------------------------------------------------------------ browser portals
SCRIPT_COLUMN = "/zwgk/zfxxgk/zfxxgknb/"
SCRIPT_NAME = "鄂托克前旗人民政府"
SCRIPT_REPORTS = {  # detail URL → what it holds
    f"{SCRIPT_COLUMN}202301/t20230120_1001.html": ETKQQ_2022,
    f"{SCRIPT_COLUMN}202203/t20220308_902.html": TONGLIAO_2021,
    f"{SCRIPT_COLUMN}202302/P020230208512345678901.pdf": QSQ_2022,
}
SCRIPT_NOTICE = f"{SCRIPT_COLUMN}202212/t20221215_950.html"


def script_shell() -> str:
    """A column page whose list a script writes: an XHR for the page's JSON, rows written after a delay."""
    script = f"""<script>
(function () {{
  var m = location.pathname.match(/index_(\\d+)\\.html$/);
  var page = m ? parseInt(m[1], 10) + 1 : 1;
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '{SCRIPT_COLUMN}list.json?page=' + page);
  xhr.onload = function () {{
    var d = JSON.parse(xhr.responseText);
    setTimeout(function () {{
      var ul = document.getElementById('nb-list'), html = '';
      for (var i = 0; i < d.rows.length; i++) {{
        var r = d.rows[i];
        html += '<li><a href="' + r.url + '" title="' + r.title + '" target="_blank">' + r.title.substr(0, 22)
          + '</a><span class="date">' + r.date + '</span></li>';
      }}
      ul.innerHTML = html;
      var pager = '';
      if (page < d.pages) pager += '<a href="index_' + page + '.html">下一页</a>';
      var prev = page === 2 ? 'index.html' : 'index_' + (page - 2) + '.html';
      if (page > 1) pager += ' <a href="' + prev + '">上一页</a>';
      document.getElementById('page').innerHTML = pager + ' 共' + d.total + '条';
    }}, 400);
  }};
  xhr.send();
}})();
</script>"""
    main = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
{xxgk_menu("/zwgk/zfxxgk/", current="政府信息公开年报")}
<div class="right"><h2 class="tit">政府信息公开年报</h2>
<ul class="list" id="nb-list"><li class="loading">加载中…</li></ul>
<div class="page" id="page"></div></div>"""
    return page("政府信息公开年报", SCRIPT_NAME, main, scripts=script)


def script_list_site() -> Site:
    rows = [
        [
            {
                "title": "鄂托克前旗2022年政府信息公开工作年度报告",
                "url": "./202301/t20230120_1001.html",
                "date": "2023-01-20",
            },
            {
                "title": "关于报送2022年政府信息公开工作年度报告的通知",
                "url": "./202212/t20221215_950.html",
                "date": "2022-12-15",
            },
            {
                "title": "通辽市2021年政府信息公开工作年度报告",
                "url": "./202203/t20220308_902.html",
                "date": "2022-03-08",
            },
        ],
        [
            {
                "title": "青山区2022年政府信息公开工作年度报告（PDF）",
                "url": "./202302/P020230208512345678901.pdf",
                "date": "2023-02-08",
            },
        ],
    ]
    site: Site = {
        f"{SCRIPT_COLUMN}index.html": html(script_shell()),
        f"{SCRIPT_COLUMN}index_1.html": html(script_shell()),
        SCRIPT_NOTICE: html(page("关于报送年度报告的通知", SCRIPT_NAME, "<p>请各单位于1月31日前报送。</p>")),
    }
    for i, data in enumerate(rows, start=1):
        body = {"total": 4, "pages": len(rows), "rows": data}
        site[f"{SCRIPT_COLUMN}list.json?page={i}"] = Page(
            json.dumps(body, ensure_ascii=False).encode(), "application/json"
        )
    for url, stem in SCRIPT_REPORTS.items():
        site[url] = rendered(stem, "pdf" if url.endswith(".pdf") else "html")
    return site


IFRAME_MODULE = "/zwgk/zfxxgk/fdzdgknr/"
IFRAME_COLUMN = f"{IFRAME_MODULE}?gk=2&cid=11919#iframe"
IFRAME_NAME = "内蒙古自治区科学技术厅"
IFRAME_LIST = f"{IFRAME_MODULE}gkml_11919/"
IFRAME_REPORTS = {
    f"{IFRAME_LIST}202301/t20230120_3101.html": ETKQQ_2022,
    f"{IFRAME_LIST}202203/t20220308_3002.html": TONGLIAO_2021,
}


def iframe_shell() -> str:
    """The 政务公开 module: a tree of columns (``?gk=2&cid=N#iframe``) and an iframe a script points at the
    column named in the address."""
    tree = "".join(
        f'<li><a href="{IFRAME_MODULE}?gk=2&cid={cid}#iframe" target="_self">{text}</a></li>'
        for cid, text in (
            (11917, "政府信息公开指南"),
            (11918, "政府信息公开制度"),
            (11920, "法定主动公开内容"),
            (11919, "政府信息公开年报"),
            (11921, "政府网站工作年度报表"),
        )
    )
    main = f"""<div class="gk-tree"><h3>政务公开</h3><ul id="gkTree">{tree}</ul></div>
<div class="gk-right">
<iframe id="iframe" name="iframe" frameborder="0" scrolling="no" width="100%" height="900"></iframe></div>"""
    script = """<script>
  var cid = (location.search.match(/[?&]cid=(\\d+)/) || [])[1] || '11917';
  document.getElementById('iframe').src = 'gkml_' + cid + '/index.html';
</script>"""
    return page("法定主动公开内容", IFRAME_NAME, main, scripts=script)


def iframe_list(page_index: int, rows: list[tuple[str, str, str, str]], pages: int) -> str:
    trs = "".join(
        f'<tr><td>{i}</td><td class="tit"><a href="{href}" title="{title}" target="_blank">{title[:20]}</a></td>'
        f"<td>{number}</td><td>{date}</td></tr>"
        for i, (href, title, number, date) in enumerate(rows, start=1 + 15 * page_index)
    )
    nxt = f'<a href="index_{page_index + 1}.html">下一页</a>' if page_index + 1 < pages else ""
    prev = ""
    if page_index:
        prev = (
            '<a href="index.html">上一页</a>'
            if page_index == 1
            else f'<a href="index_{page_index - 1}.html">上一页</a>'
        )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title>
<script>var countPage = {pages}; var currentPage = {page_index};</script></head>
<body><table id="table1" class="table"><thead><tr><th>序号</th><th>标题</th><th>文号</th><th>发布日期</th></tr></thead>
<tbody>{trs}</tbody></table><div class="page">{prev} {nxt} 共{pages}页</div></body></html>"""


def iframe_site() -> Site:
    site: Site = {
        IFRAME_MODULE: html(iframe_shell()),
        f"{IFRAME_LIST}index.html": html(
            iframe_list(
                0,
                [
                    ("./202301/t20230120_3101.html", "科技厅2022年政府信息公开工作年度报告", "", "2023-01-20"),
                    (
                        "../../../../xwzx/tzgg/202301/t20230105_3050.html",
                        "关于做好2022年政府信息公开工作年度报告编制工作的通知",
                        "",
                        "2023-01-05",
                    ),
                ],
                2,
            )
        ),
        f"{IFRAME_LIST}index_1.html": html(
            iframe_list(
                1, [("./202203/t20220308_3002.html", "科技厅2021年政府信息公开工作年度报告", "", "2022-03-08")], 2
            )
        ),
    }
    for cid in (11917, 11918, 11920, 11921):
        site[f"{IFRAME_MODULE}gkml_{cid}/index.html"] = html(iframe_list(0, [], 1))
    for url, stem in IFRAME_REPORTS.items():
        site[url] = rendered(stem, "html")
    return site


def stalled_site() -> Site:
    """A column a browser never gets in time (the server holds chromium's request for 60 s; a static fetch is
    answered at once), and a column whose list script never arrives (the page itself loads: the render
    settles and reads what is there)."""
    main = '<ul id="nb-list" class="list"></ul>'
    scripts = '<script src="/js/list-loader.js"></script><script>$(function () { loadList("nb-list"); });</script>'
    shell = html(page("政府信息公开年报", SCRIPT_NAME, main, scripts=scripts))
    return {
        SCRIPT_COLUMN + "index.html": Page(shell.body, shell.content_type, stall_browser=60.0),
        "/xxgk/xxgknb/index.html": shell,
        "/js/list-loader.js": Page(b"function loadList(id){}", "application/javascript", stall=20.0),
    }


# ------------------------------------------------------------------------------------------ discovery portals
COUNTY = "准格尔旗人民政府"
NEWS = [
    ("/xwzx/zwyw/202401/t20240125_5101.html", "旗委常委会召开2023年度民主生活会"),
    ("/xwzx/zwyw/202401/t20240122_5098.html", "我旗召开2024年经济工作会议"),
    ("/xwzx/tzgg/202401/t20240110_5050.html", "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知"),
    ("/xwzx/bmdt/202401/t20240108_5031.html", "旗统计局发布2023年统计年报"),
    ("/zwgk/zfxxgk/zfxxgknb/202401/t20240120_5001.html", "准格尔旗2023年政府信息公开工作年度报告"),
]


def news_block(title: str, more: str, items: list[tuple[str, str]]) -> str:
    lis = "".join(
        f'<li><a href="{h}" title="{t}">{t[:18]}</a><span>2024-01-2{i}</span></li>' for i, (h, t) in enumerate(items)
    )
    head = f'<div class="hd"><h3>{title}</h3><a href="{more}" class="more">更多&gt;&gt;</a></div>'
    return f'<div class="box">{head}<ul>{lis}</ul></div>'


def county_home(*, hub_href: str = "/zwgk/", extra: str = "") -> str:
    main = (
        news_block("政务要闻", "/xwzx/zwyw/", NEWS[:2])
        + news_block("通知公告", "/xwzx/tzgg/", NEWS[2:4])
        + news_block("公示公告", "/xwzx/gsgg/", NEWS[4:])
        + """<div class="ztzl"><h3>专题专栏</h3>
<a href="/ztzl/yhyshj/"><img src="/images/zt1.jpg" alt="优化营商环境"></a>
<a href="/ztzl/cjwmcs/"><img src="/images/zt2.jpg" alt="创建全国文明城市"></a>
<a href="/ztzl/xczx/"><img src="/images/zt3.jpg" alt="乡村振兴"></a></div>
<div class="bsfw"><a href="/zwfw/grbs/">个人办事</a><a href="/zwfw/frbs/">法人办事</a>
<a href="/hdjl/szxx/">旗长信箱</a></div>"""
        + extra
    )
    return page("首页", COUNTY, main, nav=main_nav(hub_href))


def zwgk_page() -> str:
    """政务公开: the 政府信息公开 专栏 among the other 政务公开 columns (relative links)."""
    main = """<div class="crumb">当前位置：<a href="../">首页</a> &gt; 政务公开</div>
<div class="zwgk-nav"><ul>
<li><a href="zfxxgk/">政府信息公开</a></li><li><a href="zcwj/">政策文件</a></li><li><a href="zcjd/">政策解读</a></li>
<li><a href="rsxx/">人事信息</a></li><li><a href="czzj/">财政预决算</a></li><li><a href="jytabl/">建议提案办理</a></li>
<li><a href="zdxm/">重大项目</a></li><li><a href="../zwgk/zfgzbg/">政府工作报告</a></li></ul></div>"""
    return page("政务公开", COUNTY, main)


def xxgk_hub(menu_base: str = "./") -> str:
    main = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="../">政务公开</a> &gt; 政府信息公开</div>
{xxgk_menu(menu_base)}
<div class="right"><h2>政府信息公开</h2><p>根据《中华人民共和国政府信息公开条例》，本网站设立政府信息公开专栏。</p>
<ul><li><a href="../zcwj/202401/t20240105_4001.html" title="关于印发2024年政务公开工作要点的通知">
关于印发2024年政务公开工作要点的通知</a></li></ul></div>"""
    return page("政府信息公开", COUNTY, main)


def static_column(title: str, rows: list[tuple[str, str, str]], name: str = COUNTY) -> str:
    lis = "".join(f'<li><a href="{h}" title="{t}" target="_blank">{t}</a><span>{d}</span></li>' for h, t, d in rows)
    main = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; {title}</div>
{xxgk_menu("../")}<div class="right"><h2>{title}</h2><ul class="list">{lis}</ul>
<div class="page">共{len(rows)}条 1/1</div></div>"""
    return page(title, name, main)


COUNTY_COLUMN = "/zwgk/zfxxgk/zfxxgknb/"
COUNTY_REPORTS = {
    f"{COUNTY_COLUMN}202401/t20240120_5001.html": ETKQQ_2022,
    f"{COUNTY_COLUMN}202203/t20220308_4902.html": TONGLIAO_2021,
}


def county_site(*, gbk: bool = True) -> Site:
    """A GBK county portal: home → 政务公开 → 政府信息公开 → 政府信息公开年报, relative links, decoys in the
    footer (政府网站工作年度报表, 统计年报, 企业年报公示), the 政府工作报告 among the 政务公开 columns."""
    site: Site = {
        "/": html(county_home(), gbk=gbk),
        "/zwgk/": html(zwgk_page(), gbk=gbk),
        "/zwgk/zfxxgk/": html(xxgk_hub(), gbk=gbk),
        COUNTY_COLUMN: html(
            static_column(
                "政府信息公开年报",
                [
                    ("./202401/t20240120_5001.html", "鄂托克前旗2022年政府信息公开工作年度报告", "2024-01-20"),
                    ("./202203/t20220308_4902.html", "通辽市2021年政府信息公开工作年度报告", "2022-03-08"),
                ],
            ),
            gbk=gbk,
        ),
        "/zwgk/zfwzndbb/": html(
            static_column(
                "政府网站工作年度报表", [("./202401/t20240115_5010.html", "2023年政府网站工作年度报表", "2024-01-15")]
            ),
            gbk=gbk,
        ),
    }
    for url, stem in COUNTY_REPORTS.items():
        site[url] = rendered(stem, "html")
    return site


def hanweb_site() -> Site:
    """Hanweb JCMS: ``/col/col{id}/index.html`` columns; the 信息公开 tree names the 年报 column in its ``title``
    and shows 年报 only; the decoy column beside it."""
    tree = """<div class="xxgk-tree"><ul>
<li><a href="/col/col1002/index.html" title="政府信息公开指南">指南</a></li>
<li><a href="/col/col1003/index.html" title="政府信息公开制度">制度</a></li>
<li><a href="/col/col1004/index.html" title="法定主动公开内容">法定主动公开内容</a></li>
<li><a href="/col/col1006/index.html" title="政府网站年度报表">网站年报</a></li>
<li><a href="/col/col1005/index.html" title="政府信息公开年报">年报</a></li></ul></div>"""
    return {
        "/": html(county_home(hub_href="/col/col1001/index.html").replace(">政务公开<", ">信息公开<")),
        "/col/col1001/index.html": html(page("信息公开", "乌拉特前旗人民政府", tree)),
        "/col/col1005/index.html": html(
            static_column(
                "政府信息公开年报", [("/art/2024/1/20/art_1005_88.html", "2023年政府信息公开年报", "2024-01-20")]
            )
        ),
    }


def meetfine_site() -> Site:
    """The Meetfine-type platform (呼伦贝尔 group): PascalCase controllers, the 年报 controller
    ``OpennessAnnualReport`` linked as 年度报告 from the 政府信息公开 page."""
    hub = """<div class="openness-menu"><a href="/OpennessGuide/show/483.html">信息公开指南</a>
<a href="/OpennessRule/show/483.html">信息公开制度</a>
<a href="/OpennessContent/showList/483/10100/page_1.html">法定主动公开内容</a>
<a href="/OpennessAnnualReport/showList/483/page_1.html">年度报告</a>
<a href="/Apply/index/483.html">依申请公开</a></div>"""
    return {
        "/": html(county_home(hub_href="/Openness/index/483.html").replace(">政务公开<", ">政府信息公开<")),
        "/Openness/index/483.html": html(page("政府信息公开", "鄂温克族自治旗人民政府", hub)),
    }


def banner_site() -> Site:
    """The column linked straight from the home page, as an image banner (its ``alt`` says what it is)."""
    banner = (
        '<div class="banner"><a href="/ztzl/zfxxgknb/"><img src="/images/nb.png" alt="政府信息公开年报专栏"></a></div>'
    )
    return {"/": html(county_home(extra=banner))}


def decoy_site() -> Site:
    """A 专栏 with the website's yearly statistics and single reports, but no 年报 column."""
    hub = """<ul class="menu"><li><a href="zfxxgkzn/">政府信息公开指南</a></li>
<li><a href="zfwzndbb/">政府网站工作年度报表</a></li><li><a href="tjnb/">统计年报</a></li>
<li><a href="ndbb/">年度报表</a></li><li><a href="../zfgzbg/">政府工作报告</a></li>
<li><a href="202401/t20240120_1.html">2023年政府信息公开工作年度报告</a></li></ul>"""
    return {
        "/": html(county_home()),
        "/zwgk/": html(page("政务公开", COUNTY, '<a href="zfxxgk/">政府信息公开</a>')),
        "/zwgk/zfxxgk/": html(page("政府信息公开", COUNTY, hub)),
    }


MOVED_COLUMN = "/xxgk/nb/index.html"
EMPTIED_COLUMN = "/zwgk/nb/"


def moved_site() -> Site:
    """The county portal whose old column (``/xxgk/nb/``) is gone (404) and another (``/zwgk/nb/``) now empty:
    the 年报 are at ``/zwgk/zfxxgk/zfxxgknb/``, found again from the home page."""
    site = county_site(gbk=False)
    site[EMPTIED_COLUMN] = html(static_column("政府信息公开年报", []))
    return site


def scripted_nav_site() -> Site:
    """The county portal whose home page menus are written by a script (a static fetch shows no 专栏 link)."""
    site = county_site(gbk=False)
    nav = """<div class="nav" id="nav"></div><script>
  var items = [['/', '首页'], ['/xwzx/', '新闻中心'], ['/zwgk/', '政务公开'], ['/zwfw/', '政务服务']];
  document.getElementById('nav').innerHTML = items.map(function (i) {
    return '<a href="' + i[0] + '">' + i[1] + '</a>';
  }).join('');
</script>"""
    home = page("首页", COUNTY, news_block("政务要闻", "/xwzx/zwyw/", NEWS[:2]), nav=nav)
    site["/"] = html(home.replace('<a href="/zwgk/zfwzndbb/">政府网站工作年度报表</a>', ""))
    return site


def module_site() -> Site:
    """An Inner Mongolia department: home → 政府信息公开 → the 政务公开 module, whose tree links the 年报
    column as ``?gk=2&cid=11919#iframe``: discovery finds it, the browser reads its iframe."""
    site = iframe_site()
    site["/"] = html(
        county_home(hub_href=IFRAME_MODULE + "?gk=2&cid=11920#iframe").replace(">政务公开<", ">政府信息公开<")
    )
    return site


# ------------------------------------------------------------------------------------------ the server
NOT_FOUND = html("<html><head><title>404</title></head><body><h1>404 Not Found</h1></body></html>", status=404)


@dataclass
class Hit:
    method: str
    target: str  # path?query
    user_agent: str
    browser: bool  # the request came from chromium (it sends Sec-Fetch-* / sec-ch-ua headers)
    at: float


@dataclass
class PortalServer:
    site: Site
    hits: list[Hit] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def __enter__(self) -> PortalServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                owner.hits.append(
                    Hit(
                        "GET",
                        self.path,
                        headers.get("user-agent", ""),
                        "sec-fetch-mode" in headers or "sec-ch-ua" in headers,
                        time.monotonic(),
                    )
                )
                found = owner.lookup(self.path) or NOT_FOUND
                stall = found.stall_browser if owner.hits[-1].browser else 0.0
                if found.stall or stall:
                    time.sleep(max(found.stall, stall))
                self.send_response(found.status)
                self.send_header("Content-Type", found.content_type)
                self.send_header("Content-Length", str(len(found.body)))
                self.end_headers()
                self.wfile.write(found.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()

    def lookup(self, target: str) -> Page | None:
        parts = urlsplit(target)
        path = parts.path
        for key in (f"{path}?{parts.query}" if parts.query else None, path):
            if key and key in self.site:
                return self.site[key]
        if path.endswith("/") and path + "index.html" in self.site:
            return self.site[path + "index.html"]
        return None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def paths(self, *, browser: bool | None = None) -> list[str]:
        return [h.target for h in self.hits if browser is None or h.browser == browser]


SITES = {
    "script": script_list_site,
    "iframe": iframe_site,
    "stalled": stalled_site,
    "county": county_site,
    "hanweb": hanweb_site,
    "meetfine": meetfine_site,
    "banner": banner_site,
    "decoy": decoy_site,
    "moved": moved_site,
    "module": module_site,
    "scripted_nav": scripted_nav_site,
}


def main(argv: list[str]) -> int:
    name = argv[0] if argv else "script"
    with PortalServer(SITES[name]()) as server:
        print(f"{name}: {server.base}/ (Ctrl-C stops)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

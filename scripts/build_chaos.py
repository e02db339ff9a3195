"""Build the chaos bundle: the four portals' real URL layouts, every fault and hostile input at once, next to
good reports. ``tests/fixtures/chaos/`` (one vcrpy cassette per portal + ``manifest.json``).

Good reports are the seeds' renderings (``tests/fixtures/rendered/``: DOCX, PDF, HTML bodies), so their
cells must equal the gold (``tests/fixtures/gold/``); a few are DERIVED (names and years changed, cells
unchanged), as in ``scripts/build_cassettes.py``, whose page templates are reused here. Around them:

- HTTP: 404 and 410 answers; 500 (always) and 503 (then 200); 429 with ``Retry-After: 1`` (then 200) and with
  ``Retry-After: 86400``; a timeout; a connection cut mid-body (``Content-Length`` larger than the body); a
  DOCX and a PDF cut short (consistent length); a redirect loop, an endless redirect chain, redirects to
  another site and to a private address, and a redirect within the portal (followed);
- defences: a 瑞数 412 (etkqq), a 加速乐 521 with ``X-Via-JSL`` and ``__jsluid_s`` and a 365GCD block page with
  status 200 (qsq), answering at once, on every try, among good reports of the same portals (one listed
  after the block, a DERIVED HTML report): a block cools its portal down and is tried again last, so every
  good report is stored and each blocked URL is ``blocked`` after its three tries, whatever the timing;
- documents: a corrupt PDF, an encrypted PDF, a PDF with no text layer, a DOCX zip bomb (200 MB of zeros in
  200 KB), a DOCX with an XML entity attack, a file over the 200 MB download limit (its ``Content-Length``:
  the download is cancelled after the headers, which is all a recording of it holds), a DOCX served as
  ``.pdf``, a GBK list and page labelled UTF-8, a GBK page with no charset, an empty page, a page without a
  report;
- links and names: ``javascript:``, ``data:``, ``file:`` links, links to 10.x and 127.0.0.1, an attachment
  named ``../../../../tmp/…`` (link and ``Content-Disposition``) and one named ``/etc/passwd``, a list
  announcing ``countPage = 100000``, an endless chain of folders, the same DOCX under three URLs.

Faults a cassette cannot record (a timeout, a slow answer) are written as replay instructions
(``X-Nianbao-Replay-Fault``, ``X-Nianbao-Replay-Delay``; see :mod:`crawler.replay`), never as something a
portal sends. The bundle is meant to be harvested with ``--max-list-pages 4 --max-portal-pages 12``
(``manifest.json`` says so): the traps are bounded by those caps.

Usage: ``python scripts/build_chaos.py [--out tests/fixtures/chaos]`` (deterministic: same input, same bytes;
needs reportlab and Pillow, the dev dependencies, for the encrypted and the image-only PDF).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_cassettes import (  # a sibling script
    DOCX,
    HTML_UTF8,
    MW_COLUMN,
    NMG_COLUMN,
    PDF,
    RUISHU_412,
    SEED_2018_NMG,
    SEED_2021_TONGLIAO,
    SEED_2022_ETKQQ,
    SEED_2022_NMG,
    SEED_2022_QSQ,
    TL_COLUMN,
    Cassette,
    add_nmg_archive,
    attachment_body,
    derive,
    li_list,
    nmg_detail,
    nmg_list,
    plain_detail,
    rendered,
    rendered_body,
    table_list,
    tl_detail,
    tl_folder,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "chaos"
MAX_LIST_PAGES = 4
MAX_PORTAL_PAGES = 12
BLOCK_TRIES = 3  # a URL that blocks every time is asked this often (NIANBAO_BLOCK_TRIES), then `blocked`
NMG_SOURCE = "自治区人民政府办公厅"
JSL_521 = """<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+
('a')+('n')+('c')+('e')+('_')+('s')+('=')+(-~[]+'')+((1+[0])/[2]+'')+'|-1|'+(+!+[]+'')+';max-age=3600;path=/';
location.href=location.pathname+location.search</script></body></html>"""
GCD_BLOCK = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>365GCD 安全防护</title></head>
<body><div class="wrap"><h2>当前访问疑似黑客攻击，已被网站管理员设置为拦截</h2>
<p>如果您是网站管理员，请登录 365GCD 云防护控制台查看拦截日志。</p>
<p>拦截编号：GCD-20250120-0815</p></div></body></html>"""


class Manifest:
    """What a harvest of the bundle must give: reports (with their seed), errors, duplicates, retries."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {
            "about": "The chaos bundle (scripts/build_chaos.py): every fault and hostile input next to good reports. "
            "Reports with seed null are DERIVED from derived_from (cells equal the seed's gold); a report "
            "with any_of is one document under several URLs, stored once under one of them (the others: "
            "duplicate). An error with url_prefix has a URL that starts so. attempts: how many times a "
            "URL is requested (retries included).",
            "harvest_args": ["--max-list-pages", str(MAX_LIST_PAGES), "--max-portal-pages", str(MAX_PORTAL_PAGES)],
            "reports": [],
            "errors": [],
            "attempts": {},
            "paused": [],
            "notes": {},
        }

    def report(
        self,
        portal: str,
        url: str,
        seed: str,
        kind: str,
        *,
        derived: bool = False,
        any_of: list[str] | None = None,
        note: str = "",
    ) -> None:
        entry: dict[str, Any] = {"portal": portal, "url": url, "kind": kind}
        entry.update({"seed": None, "derived_from": seed} if derived else {"seed": seed})
        if any_of:
            entry["any_of"] = any_of
        if note:
            entry["note"] = note
        self.data["reports"].append(entry)

    def error(
        self, portal: str, code: str, url: str, *, attempts: int | None = None, note: str = "", prefix: bool = False
    ) -> None:
        entry = {"portal": portal, "code": code, "url_prefix" if prefix else "url": url}
        if note:
            entry["note"] = note
        self.data["errors"].append(entry)
        if attempts is not None:
            self.data["attempts"][url] = attempts


# ------------------------------------------------------------------------------------------ bad documents
def corrupt_pdf() -> bytes:
    """A PDF header and trailer around bytes that are not PDF objects (a damaged upload)."""
    junk = bytes((i * 131 + 7) % 251 for i in range(6000))
    return rendered(SEED_2022_NMG, "pdf")[:1200] + junk + b"\nstartxref\n987654\n%%EOF\n"


def _canvas(buf: io.BytesIO, **kwargs: Any) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(buf, invariant=True, **kwargs)
    c.setFont("STSong-Light", 12)
    return c


def encrypted_pdf() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, encrypt="nianbao")
    c.drawString(72, 760, "内蒙古自治区2020年政府信息公开工作年度报告")
    c.drawString(72, 730, "一、总体情况")
    c.save()
    return buf.getvalue()


def scanned_pdf() -> bytes:
    """Two pages that are only images (a scan) of ruled lines: no text layer, and no text for OCR to find."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (420, 300), 255)
    draw = ImageDraw.Draw(image)
    for y in range(30, 290, 24):
        draw.line((20, y, 400, y), fill=0, width=2)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=True)
    for _ in range(2):
        c.drawImage(ImageReader(image), 60, 380, width=480, height=340)
        c.showPage()
    c.save()
    return buf.getvalue()


def rezip(docx: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 20, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, (replace or {}).get(info.filename, src.read(info)), compresslevel=9)
        for name, data in (add or {}).items():
            member = zipfile.ZipInfo(name, date_time=(2025, 1, 20, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, data, compresslevel=9)
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    """A real DOCX with a 201 MB member of zeros: about 200 KB on the wire."""
    return rezip(rendered(SEED_2018_NMG, "docx"), add={"word/media/image9.bin": bytes(201 * 2**20)})


def entity_attack_docx() -> bytes:
    """A real DOCX whose document.xml declares nested entities (billion laughs)."""
    docx = rendered(SEED_2018_NMG, "docx")
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    dtd = (
        b'<!DOCTYPE w:document [<!ENTITY a "nianbao"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    )
    expand = b"<w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p>"
    hostile = xml.replace(b"?>", b"?>\n" + dtd, 1).replace(b"<w:body>", expand, 1)
    return rezip(docx, replace={"word/document.xml": hostile})


def cut(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


# ------------------------------------------------------------------------------------------ nmg
def detail_url(yyyymm: str, day: str, number: int) -> str:
    return f"{NMG_COLUMN}{yyyymm}/t{yyyymm}{day}_{number}.html"


def attachment_url(yyyymm: str, day: str, serial: int, ext: str) -> str:
    return f"{NMG_COLUMN}{yyyymm}/P0{yyyymm}{day}{serial:09d}.{ext}"


def build_nmg(m: Manifest) -> Cassette:
    c = Cassette("nmg")
    rows: list[list[tuple[str, str, str, str, str]]] = [[], [], [], []]

    def page(
        title: str, url: str, body: str, *, pub: str, status: int = 200, headers: dict[str, str] | None = None
    ) -> str:
        c.add(
            url,
            nmg_detail(
                title=title,
                source=NMG_SOURCE,
                pub=pub,
                index_no="11150000011511032Y/2022-00001",
                made=pub[:10],
                body=body,
            ),
            status=status,
            headers=headers,
        )
        return url

    def row(n: int, title: str, url: str, date: str) -> None:
        href = "./" + url.removeprefix(NMG_COLUMN) if url.startswith(NMG_COLUMN) else url
        rows[n].append((title, href, "", date, date))

    def with_attachment(
        n: int,
        title: str,
        yyyymm: str,
        day: str,
        number: int,
        ext: str,
        name: str | None = None,
        link_text: str | None = None,
        href: str | None = None,
    ) -> tuple[str, str]:
        detail = detail_url(yyyymm, day, number)
        att = attachment_url(yyyymm, day, number % 1000, ext)
        link = href or "./" + att.rsplit("/", 1)[-1]
        page(
            title,
            detail,
            attachment_body(title, link, link_text or name or f"{title}.{ext}"),
            pub=f"{yyyymm[:4]}-{yyyymm[4:]}-{day} 10:00",
        )
        row(n, title, detail, f"{yyyymm[:4]}-{yyyymm[4:]}-{day}")
        return detail, att

    # --- page 0: the region's reports, a page without a report, hostile links
    t2022 = "内蒙古自治区2022年政府信息公开工作年度报告"
    t2018 = "内蒙古自治区2018年政府信息公开工作年度报告"
    d2022, a2022 = detail_url("202301", "31", 2218001), f"{NMG_COLUMN}202301/P020230131351887604118.docx"
    page(t2022, d2022, attachment_body(t2022, "./P020230131351887604118.docx", t2022 + ".docx"), pub="2023-01-31 10:12")
    c.add(a2022, rendered(SEED_2022_NMG, "docx"), content_type=DOCX)
    row(0, t2022, d2022, "2023-01-31")
    d2018, a2018 = detail_url("201901", "31", 1500001), f"{NMG_COLUMN}201901/P020190131589610423157.docx"
    page(t2018, d2018, attachment_body(t2018, "./P020190131589610423157.docx", t2018 + ".docx"), pub="2019-01-31 16:05")
    c.add(a2018, rendered(SEED_2018_NMG, "docx"), content_type=DOCX)
    row(0, t2018, d2018, "2019-01-31")
    m.report("nmg", a2018, SEED_2018_NMG, "docx")
    # an infographic of the report: listed, never requested (no page recorded: replay would fail on it)
    row(0, t2022 + "（图解）", detail_url("202301", "31", 2218002), "2023-01-31")
    offsite = "https://www.gov.cn/zhengce/content/2023-03/31/content_5749359.htm"
    row(0, "国务院办公厅2022年政府信息公开工作年度报告", offsite, "2023-03-31")
    m.error("nmg", "offsite", offsite)
    for title, href in (
        ("内蒙古自治区2021年政府信息公开工作年度报告", "javascript:openArticle('t20220128_2000001')"),
        ("内蒙古自治区2020年政府信息公开工作年度报告", "data:text/html;base64,PGgxPuW5tOaKpTwvaDE+"),
        ("内蒙古自治区2019年政府信息公开工作年度报告（本地副本）", "file:///C:/Users/admin/Desktop/2019年度报告.docx"),
        ("各盟市2022年政府信息公开工作年度报告汇总", "http://10.12.0.5/zfxxgknb/202301/t20230131_9.html"),
        ("自治区本级2022年政府信息公开工作年度报告（内网）", "http://127.0.0.1:8080/zfxxgknb/t20230131_8.html"),
    ):
        row(0, title, href, "2023-01-31")
        m.error("nmg", "unsafe_link", href)
    m.error("nmg", "page_cap", f"{NMG_COLUMN}index.html", note="countPage = 100000, capped at --max-list-pages")

    # --- page 1: HTTP faults
    d410 = page(
        "内蒙古自治区2017年政府信息公开工作年度报告",
        detail_url("201801", "28", 2100001),
        "<p>Gone</p>",
        pub="2018-01-28 10:00",
        status=410,
    )
    row(1, "内蒙古自治区2017年政府信息公开工作年度报告", d410, "2018-01-28")
    m.error("nmg", "http_410", d410, attempts=1)
    d500 = page(
        "内蒙古自治区2016年政府信息公开工作年度报告",
        detail_url("201701", "28", 2100002),
        "<p>Internal Server Error</p>",
        pub="2017-01-28 10:00",
        status=500,
    )
    row(1, "内蒙古自治区2016年政府信息公开工作年度报告", d500, "2017-01-28")
    m.error("nmg", "http_500", d500, attempts=3, note="retried twice with backoff, then recorded")
    _, a503 = with_attachment(
        1, "内蒙古自治区发展和改革委员会2021年政府信息公开工作年度报告", "202202", "15", 2100003, "docx"
    )
    c.add(a503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", status=503)
    c.add(a503, rendered(SEED_2021_TONGLIAO, "docx"), content_type=DOCX)
    m.report("nmg", a503, SEED_2021_TONGLIAO, "docx", note="answers 503, then 200 on the retry")
    m.data["attempts"][a503] = 2
    _, a429 = with_attachment(
        1, "内蒙古自治区科学技术厅2022年政府信息公开工作年度报告", "202202", "16", 2100004, "docx"
    )
    c.add(a429, "<html><body><h1>429 Too Many Requests</h1></body></html>", status=429, headers={"Retry-After": "1"})
    c.add(a429, rendered(SEED_2022_QSQ, "docx"), content_type=DOCX)
    m.report("nmg", a429, SEED_2022_QSQ, "docx", note="answers 429 Retry-After: 1, then 200 a second later")
    m.data["attempts"][a429] = 2
    d429 = page(
        "内蒙古自治区2015年政府信息公开工作年度报告",
        detail_url("201602", "17", 2100005),
        "<p>Too Many Requests</p>",
        pub="2016-02-17 10:00",
        status=429,
        headers={"Retry-After": "86400"},
    )
    row(1, "内蒙古自治区2015年政府信息公开工作年度报告", d429, "2016-02-17")
    m.error("nmg", "http_429", d429, attempts=1, note="Retry-After: 86400, over NIANBAO_RETRY_AFTER_MAX")
    for number, (title, ext, body, headers, code, attempts) in enumerate(
        (
            (
                "内蒙古自治区教育厅2022年政府信息公开工作年度报告",
                "pdf",
                b"",
                {"X-Nianbao-Replay-Fault": "timeout"},
                "timeout",
                3,
            ),
            (
                "内蒙古自治区财政厅2022年政府信息公开工作年度报告",
                "pdf",
                cut(rendered(SEED_2022_NMG, "pdf"), 0.6),
                {"Content-Length": str(len(rendered(SEED_2022_NMG, "pdf")))},
                "truncated",
                3,
            ),
            (
                "内蒙古自治区民政厅2022年政府信息公开工作年度报告",
                "docx",
                cut(rendered(SEED_2022_NMG, "docx"), 0.55),
                {},
                "truncated",
                1,
            ),
            (
                "内蒙古自治区司法厅2022年政府信息公开工作年度报告",
                "pdf",
                cut(rendered(SEED_2018_NMG, "pdf"), 0.6),
                {},
                "truncated",
                1,
            ),
        ),
        start=6,
    ):
        detail, att = with_attachment(1, title, "202203", f"{number:02d}", 2100000 + number, ext)
        c.add(att, body, content_type=PDF if ext == "pdf" else DOCX, headers=headers)
        m.error("nmg", code, att, attempts=attempts)
        m.error("nmg", "no_report", detail)

    # --- page 2: redirects and bad documents
    loop_a, loop_b = detail_url("202204", "01", 2200001), f"{NMG_COLUMN}202204/t20220401_2200001_1.html"
    c.add(loop_a, "", status=302, headers={"Location": "./t20220401_2200001_1.html"})
    c.add(loop_b, "", status=302, headers={"Location": "./t20220401_2200001.html"})
    row(2, "内蒙古自治区卫生健康委员会2021年政府信息公开工作年度报告", loop_a, "2022-04-01")
    m.error("nmg", "redirect_loop", loop_a)
    chain = detail_url("202204", "02", 2200002)
    c.add(chain, "", status=302, headers={"Location": f"{chain}?hop=1"})
    for hop in range(1, 14):
        c.add(f"{chain}?hop={hop}", "", status=302, headers={"Location": f"{chain}?hop={hop + 1}"})
    row(2, "内蒙古自治区水利厅2021年政府信息公开工作年度报告", chain, "2022-04-02")
    m.error("nmg", "redirect_loop", chain, note="an endless chain, cut at REDIRECT_MAX_TIMES")
    for day, title, location in (
        ("03", "内蒙古自治区商务厅2021年政府信息公开工作年度报告", "https://www.baidu.com/link?url=Zm9vYmFy"),
        ("04", "内蒙古自治区农牧厅2021年政府信息公开工作年度报告", "http://10.12.0.5/zfxxgknb/t20220404_2200004.html"),
    ):
        url = detail_url("202204", day, 2200000 + int(day))
        c.add(url, "", status=302, headers={"Location": location})
        row(2, title, url, f"2022-04-{day}")
        m.error("nmg", "redirect_offsite", url)
    old, new = detail_url("202204", "05", 2200005), f"{NMG_COLUMN}202204/t20220405_2200005_new.html"
    c.add(old, "", status=301, headers={"Location": new})
    page(t2022 + "（更新）", new, rendered_body(SEED_2022_NMG), pub="2022-04-05 10:00")
    row(2, t2022 + "（更新）", old, "2022-04-05")
    m.report("nmg", new, SEED_2022_NMG, "html", note="a 301 within the portal: stored under the final URL")
    for number, (title, ext, body, code) in enumerate(
        (
            ("内蒙古自治区公安厅2021年政府信息公开工作年度报告", "pdf", corrupt_pdf(), "corrupt"),
            ("内蒙古自治区自然资源厅2021年政府信息公开工作年度报告", "pdf", encrypted_pdf(), "encrypted"),
            ("内蒙古自治区住房和城乡建设厅2021年政府信息公开工作年度报告", "pdf", scanned_pdf(), "no_text"),
            ("内蒙古自治区交通运输厅2021年政府信息公开工作年度报告", "docx", zip_bomb_docx(), "too_large"),
            ("内蒙古自治区文化和旅游厅2021年政府信息公开工作年度报告", "docx", entity_attack_docx(), "hostile"),
            ("内蒙古自治区审计厅2021年政府信息公开工作年度报告", "pdf", b"", "too_large"),
        ),
        start=1,
    ):
        detail, att = with_attachment(2, title, "202205", f"{number:02d}", 2300000 + number, ext)
        headers = {"Content-Length": str(256 * 2**20)} if not body else {}  # over DOWNLOAD_MAXSIZE: cancelled
        c.add(att, body, content_type=PDF if ext == "pdf" else DOCX, headers=headers)
        m.error("nmg", code, att)
        m.error("nmg", "no_report", detail)
    _, mismatch = with_attachment(2, "内蒙古自治区统计局2022年政府信息公开工作年度报告", "202205", "07", 2300007, "pdf")
    c.add(mismatch, rendered(SEED_2022_ETKQQ, "docx"), content_type=PDF)
    m.report(
        "nmg", mismatch, SEED_2022_ETKQQ, "docx", note="a DOCX served as .pdf: read by its content (kind_mismatch)"
    )

    # --- page 3: hostile names, one document under three URLs
    escape_href = "../../../../../../../../tmp/nianbao-escape.pdf"
    with_attachment(
        3,
        "内蒙古自治区林业和草原局2022年政府信息公开工作年度报告",
        "202206",
        "01",
        2400001,
        "pdf",
        link_text="../../../../tmp/nianbao-escape.pdf",
        href=escape_href,
    )
    escaped = "https://www.nmg.gov.cn/tmp/nianbao-escape.pdf"
    c.add(
        escaped,
        rendered(SEED_2018_NMG, "pdf"),
        content_type=PDF,
        headers={"Content-Disposition": 'attachment; filename="../../../../tmp/nianbao-escape.pdf"'},
    )
    m.report("nmg", escaped, SEED_2018_NMG, "pdf", note="named ../../../../tmp/…: stored content-addressed only")
    t_abs = "内蒙古自治区应急管理厅2022年政府信息公开工作年度报告"
    d_abs = detail_url("202206", "02", 2400002)
    a_abs = attachment_url("202206", "02", 2400002 % 1000, "pdf")
    private = "http://192.168.1.20/upload/2022年度报告.pdf"
    page(
        t_abs,
        d_abs,
        attachment_body(t_abs, "./" + a_abs.rsplit("/", 1)[-1], "/etc/passwd.pdf")
        + f'<p>内网备份：<a href="{private}">2022年度报告.pdf</a></p>',
        pub="2022-06-02 10:00",
    )
    row(3, t_abs, d_abs, "2022-06-02")
    c.add(
        a_abs,
        rendered(SEED_2021_TONGLIAO, "pdf"),
        content_type=PDF,
        headers={"Content-Disposition": 'attachment; filename="/etc/passwd"'},
    )
    m.report("nmg", a_abs, SEED_2021_TONGLIAO, "pdf", note="named /etc/passwd: stored content-addressed only")
    m.error("nmg", "unsafe_link", private)
    repost = detail_url("202206", "03", 2400003)
    protect = "https://www.nmg.gov.cn/protect/P020230131351887604118.docx"
    page(t2022 + "（转载）", repost, attachment_body(t2022, protect, t2022 + ".docx"), pub="2022-06-03 10:00")
    row(3, t2022 + "（转载）", repost, "2022-06-03")
    c.add(protect, rendered(SEED_2022_NMG, "docx"), content_type=DOCX)
    direct = f"{a2022}?v=2"
    row(3, t2022 + "（附件下载）", direct, "2023-01-31")
    c.add(direct, rendered(SEED_2022_NMG, "docx"), content_type=DOCX)
    m.report(
        "nmg",
        a2022,
        SEED_2022_NMG,
        "docx",
        any_of=[a2022, protect, direct],
        note="one DOCX under three URLs: stored once, the other two recorded as duplicate",
    )

    # the list pages (countPage = 100000: a pagination trap)
    for n, page_rows in enumerate(rows):
        c.add(f"{NMG_COLUMN}{'index.html' if n == 0 else f'index_{n}.html'}", nmg_list(n, 100000, page_rows))

    # the Hanweb-era archive: the 通辽市 folder GBK without any charset
    d2010 = add_nmg_archive(c, folder_content_type="text/html")
    m.report("nmg", d2010, SEED_2018_NMG, "html", derived=True, note="GBK, no charset in the header or the page")
    return c


# ------------------------------------------------------------------------------------------ tongliao
def build_tongliao(m: Manifest) -> Cassette:
    c = Cassette("tongliao")
    site = "通辽市人民政府"
    y2021, y2023, y2024 = f"{TL_COLUMN}2021_649/", f"{TL_COLUMN}2023_700/", f"{TL_COLUMN}2024_800/"
    c.add(
        TL_COLUMN,
        tl_folder(
            site,
            "政府信息公开年报",
            [("2024年", "./2024_800/", ""), ("2023年", "./2023_700/", ""), ("2021年", "./2021_649/", "")],
        ),
    )
    t2021 = "通辽市2021年政府信息公开工作年度报告"
    d2021 = f"{y2021}tlsrmzf_650/202201/t20220120_535657.html"
    c.add(y2021, tl_folder(site, "2021年", [("通辽市人民政府", "./tlsrmzf_650/", "")]))
    c.add(
        f"{y2021}tlsrmzf_650/",
        tl_folder(site, "通辽市人民政府", [(t2021, "./202201/t20220120_535657.html", "2022-03-08")]),
    )
    c.add(
        d2021,
        tl_detail(
            site, title=t2021, source="通辽市人民政府", pub="2022-03-08 15:25", body=rendered_body(SEED_2021_TONGLIAO)
        ),
    )
    m.report("tongliao", d2021, SEED_2021_TONGLIAO, "html")

    # 2023: a list and a report page in GBK, both labelled UTF-8 (header and meta); an empty page
    t2023 = "通辽市人民政府办公室2023年政府信息公开工作年度报告"
    d2023 = f"{y2023}202401/t20240119_70001.html"
    d_empty = f"{y2023}202401/t20240122_70002.html"
    listing = tl_folder(
        site,
        "2023年",
        [
            (t2023, "./202401/t20240119_70001.html", "2024-01-19"),
            ("通辽市科学技术局2023年政府信息公开工作年度报告", "./202401/t20240122_70002.html", "2024-01-22"),
        ],
    )
    c.add(y2023, listing.encode("gbk"), content_type=HTML_UTF8)
    body2023 = derive(
        rendered_body(SEED_2021_TONGLIAO),
        [
            ("通辽市行政审批和政务服务局", "通辽市人民政府办公室"),
            ("通辽市", "通辽市人民政府办公室"),
            ("通辽市人民政府办公室人民政府", "通辽市人民政府"),
        ],
        [("2022", "2024"), ("2021", "2023")],
    )
    c.add(
        d2023,
        tl_detail(site, title=t2023, source="通辽市人民政府办公室", pub="2024-01-19 09:30", body=body2023).encode(
            "gbk", errors="xmlcharrefreplace"
        ),
        content_type=HTML_UTF8,
    )
    m.report(
        "tongliao",
        d2023,
        SEED_2021_TONGLIAO,
        "html",
        derived=True,
        note="GBK bytes labelled UTF-8 (header and meta), its list page too",
    )
    c.add(d_empty, b"", content_type=HTML_UTF8)
    m.error("tongliao", "empty", d_empty)

    # 2024: an endless chain of folders, each linking one deeper (a pagination trap)
    folder = y2024
    c.add(folder, tl_folder(site, "2024年", [("市直部门", "./bm_801/", "")]))
    for n in range(801, 801 + 20):
        folder += f"bm_{n}/"
        c.add(folder, tl_folder(site, "市直部门", [("更多", f"./bm_{n + 1}/", "")]))
    m.error(
        "tongliao",
        "page_cap",
        f"{y2024}bm_801/",
        prefix=True,
        note="an endless folder chain, cut at --max-portal-pages; which folder is refused first may vary",
    )

    # the department subdomain (as bundled): the page is the report, its PDF answers 404
    mw_site = "通辽市民族事务委员会"
    t2024 = "通辽市民族事务委员会2024年政府信息公开工作年度报告"
    d2024 = f"{MW_COLUMN}202501/t20250116_918140.html"
    a2024 = f"{MW_COLUMN}202501/P020250116538612187651.pdf"
    c.add(MW_COLUMN, tl_folder(mw_site, "政府信息公开年报", [(t2024, "./202501/t20250116_918140.html", "2025-01-16")]))
    body2024 = derive(
        rendered_body(SEED_2021_TONGLIAO),
        [("通辽市行政审批和政务服务局", mw_site), ("通辽市", mw_site), (mw_site + "人民政府", mw_site)],
        [("2022", "2025"), ("2021", "2024")],
    )
    body2024 += f'<p>附件：<a href="./P020250116538612187651.pdf">{t2024}.pdf</a></p>'
    c.add(d2024, tl_detail(mw_site, title=t2024, source=mw_site, pub="2025-01-16 10:05", body=body2024))
    c.add(
        a2024, "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>", status=404
    )
    m.report("tongliao", d2024, SEED_2021_TONGLIAO, "html", derived=True)
    m.error("tongliao", "http_404", a2024, attempts=1)
    return c


# ------------------------------------------------------------------------------------------ etkqq, qsq
def later_page(
    c: Cassette, m: Manifest, portal: str, site: str, column: str, title: str, day: str, seed: str, year: int
) -> str:
    """A good report page of a blocking portal, listed after the block: a DERIVED HTML report (the seed's body,
    one year later), stored although the block came first."""
    detail = f"{column}202401/t202401{day}_90001.html"
    body = derive(rendered_body(seed), [], [(str(year + 1), str(year + 2)), (str(year), str(year + 1))])
    c.add(detail, plain_detail(site, title=title, source=site + "办公室", pub=f"2024-01-{day} 09:00", body=body))
    m.report(portal, detail, seed, "html", derived=True, note="listed after a block: stored all the same")
    return detail


def build_etkqq(m: Manifest) -> Cassette:
    c = Cassette("etkqq")
    site = "鄂托克前旗人民政府"
    column = "https://www.etkqq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    title = "鄂托克前旗2022年政府信息公开工作年度报告"
    detail = f"{column}202301/t20230130_3456789.html"
    pdf = f"{column}202301/P020230130612893412578.pdf"
    late = later_page(
        c, m, "etkqq", site, column, "鄂托克前旗2023年政府信息公开工作年度报告", "29", SEED_2018_NMG, 2018
    )
    c.add(
        f"{column}index.html",
        li_list(
            site,
            [
                (title, "./202301/t20230130_3456789.html", "2023-01-30"),
                ("鄂托克前旗2023年政府信息公开工作年度报告", "./" + late.removeprefix(column), "2024-01-29"),
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
    m.report("etkqq", pdf, SEED_2022_ETKQQ, "pdf")
    m.error("etkqq", "blocked", f"{column}index_1.html", attempts=BLOCK_TRIES, note="瑞数 HTTP 412 challenge")
    return c


def build_qsq(m: Manifest) -> Cassette:
    c = Cassette("qsq")
    site = "包头市青山区人民政府"
    column = "https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    title = "青山区2022年政府信息公开工作年度报告"
    detail = f"{column}202302/t20230208_1034567.html"
    pdf = f"{column}202302/P020230208394561234567.pdf"
    late = later_page(c, m, "qsq", site, column, "青山区2023年政府信息公开工作年度报告", "26", SEED_2022_QSQ, 2022)
    c.add(
        f"{column}index.html",
        table_list(
            site,
            [
                (title, "./202302/t20230208_1034567.html", "", "2023-02-07", "2023-02-08"),
                (
                    "青山区2023年政府信息公开工作年度报告",
                    "./" + late.removeprefix(column),
                    "",
                    "2024-01-26",
                    "2024-01-26",
                ),
                (
                    "青山区2021年政府信息公开工作年度报告",
                    "./202201/t20220125_1020001.html",
                    "",
                    "2022-01-25",
                    "2022-01-25",
                ),
            ],
            count=2,
        ),
    )
    c.add(
        f"{column}index_1.html",
        JSL_521,
        status=521,
        headers={
            "X-Via-JSL": "1c8a9f2,-",
            "Set-Cookie": "__jsluid_s=6f2b0c1d9e8a7b6c5d4e3f2a1b0c9d8e; max-age=31536000; path=/; HttpOnly",
        },
    )
    # a list stops at a page that fails, so the second block is a report page asked beside index_1
    c.add(f"{column}202201/t20220125_1020001.html", GCD_BLOCK)
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
    m.report("qsq", pdf, SEED_2022_QSQ, "pdf")
    m.error(
        "qsq", "blocked", f"{column}index_1.html", attempts=BLOCK_TRIES, note="加速乐 HTTP 521, X-Via-JSL, __jsluid_s"
    )
    m.error(
        "qsq",
        "blocked",
        f"{column}202201/t20220125_1020001.html",
        attempts=BLOCK_TRIES,
        note="365GCD block page served with status 200",
    )
    return c


BUILDERS = (build_nmg, build_tongliao, build_etkqq, build_qsq)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest()
    for build in BUILDERS:
        cassette = build(manifest)
        path = cassette.save(args.out)
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{len(cassette.interactions)} interactions"
        )
    (args.out / "manifest.json").write_text(
        json.dumps(manifest.data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

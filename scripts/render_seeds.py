"""Render every seed report into the other document kinds: HTML page, DOCX, PDF, XLSX (+ one DOC/WPS/XLS).

The rendering is built from two honest sources:

- the seed's paragraphs: the seed text (``tests/fixtures/seeds/*.txt``) with its table region, extraction
  debris (image captions, OCR garbage, page numbers) and page chrome removed;
- the seed's tables: the hand-read gold cells (``tests/fixtures/gold/*.json``) laid out in the national
  template (国办公开办函〔2021〕30号, or the legacy 统计指标 table), with its merged label cells.

Outputs go to ``tests/fixtures/rendered/``: ``<stem>.html`` (a TRS-like page with navigation, 当前位置,
发布时间/信息来源/分享到 and an ICP footer around ``div.view.TRS_UEDITOR.trs_paper_default``), ``<stem>.docx``
(real Word tables with merged cells), ``<stem>.pdf`` (the DOCX printed by LibreOffice with Noto Sans CJK: a
text layer and ruled tables), ``<stem>.xlsx`` (the tables, one sheet each, merged cells). ``DOC_STEM`` is also
written as ``.doc`` (LibreOffice's Word 97 export) and as ``.wps``: LibreOffice cannot write Kingsoft WPS, and a
Kingsoft ``.wps`` is a Word-97-format OLE file, so the ``.wps`` fixture is that same DOC under a ``.wps`` name
(said again in tests/test_rendered_kinds.py). No ``.xls`` is
rendered: only LibreOffice Writer is installed here (no Calc to export XLS) and no XLS writer library is a
dependency.

Run: ``.venv/bin/python scripts/render_seeds.py``. Output is deterministic: zip member times, document
timestamps and PDF IDs are pinned.
"""

from __future__ import annotations

import difflib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"
OUT = ROOT / "tests" / "fixtures" / "rendered"
DOC_STEM = "003_b42612b20553a5ab"
GBK_STEM = "001_641fc7d161c03c36"  # its HTML page is GB18030 bytes under a (wrong) gb2312 declaration
FONT = "Noto Sans CJK SC"
FIXED_DATE = "2024-01-01T00:00:00Z"


# ---------------------------------------------------------------------------------------------- model
@dataclass
class C:
    """One table cell as published: its text and how many grid rows/columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


Table = list[list[C]]
Block = tuple[str, Any]  # ("title" | "heading" | "p", str) or ("table", Table)


def fmt(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, int) else repr(value)


# ---------------------------------------------------------------------------------------------- templates
ACTIVE_ROWS = [("rules", "规章"), ("normative_docs", "行政规范性文件")]
APPLICANTS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
RESULTS: list[tuple[str | None, int, str, str]] = [
    # (group label or None, group size, row key, label)
    (None, 1, "granted", "（一）予以公开"),
    (None, 1, "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("（三）不予公开", 8, "withheld.state_secret", "1.属于国家秘密"),
    ("", 0, "withheld.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("", 0, "withheld.three_safeties", "3.危及“三安全一稳定”"),
    ("", 0, "withheld.third_party_rights", "4.保护第三方合法权益"),
    ("", 0, "withheld.internal_affairs", "5.属于三类内部事务信息"),
    ("", 0, "withheld.process_info", "6.属于四类过程性信息"),
    ("", 0, "withheld.enforcement_files", "7.属于行政执法案卷"),
    ("", 0, "withheld.query_matters", "8.属于行政查询事项"),
    ("（四）无法提供", 3, "unavailable.not_held", "1.本机关不掌握相关政府信息"),
    ("", 0, "unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("", 0, "unavailable.unclear_after_correction", "3.补正后申请内容仍不明确"),
    ("（五）不予处理", 5, "not_processed.petition", "1.信访举报投诉类申请"),
    ("", 0, "not_processed.duplicate", "2.重复申请"),
    ("", 0, "not_processed.publication", "3.要求提供公开出版物"),
    ("", 0, "not_processed.excessive", "4.无正当理由大量反复申请"),
    ("", 0, "not_processed.confirm_existing", "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）其他处理", 3, "other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("", 0, "other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("", 0, "other.other", "3.其他"),
    (None, 1, "results_total", "（七）总计"),
]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]
REVIEW_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
LEGACY: list[tuple[str, str, str | None]] = [
    ("一、主动公开情况", "—", None),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "active_total"),
    ("其中：主动公开规范性文件数", "条", "active_normative_docs"),
    ("制发规范性文件总数", "条", "normative_docs_issued"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "—", None),
    ("1.政府公报公开政府信息数", "条", "via_gazette"),
    ("2.政府网站公开政府信息数", "条", "via_website"),
    ("3.政务微博公开政府信息数", "条", "via_weibo"),
    ("4.政务微信公开政府信息数", "条", "via_wechat"),
    ("5.其他方式公开政府信息数", "条", "via_other"),
    ("二、回应解读情况", "—", None),
    ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "responses_total"),
    ("（二）通过不同渠道和方式回应解读的情况", "—", None),
    ("1.参加或举办新闻发布会总次数", "次", "press_conferences"),
    ("其中：主要负责同志参加新闻发布会次数", "次", "press_conferences_by_heads"),
    ("2.政府网站在线访谈次数", "次", "online_interviews"),
    ("其中：主要负责同志参加政府网站在线访谈数", "次", "online_interviews_by_heads"),
    ("3.政策解读稿件发布数", "篇", "interpretation_articles"),
    ("4.微博微信回应事件数", "次", "weibo_wechat_responses"),
    ("5.其他方式回应事件数", "次", "other_responses"),
    ("三、依申请公开情况", "—", None),
    ("（一）收到申请数", "件", "requests_received"),
    ("1.当面申请数", "件", "requests_in_person"),
    ("2.传真申请数", "件", "requests_fax"),
    ("3.网络申请数", "件", "requests_online"),
    ("4.信函申请数", "件", "requests_letter"),
    ("（二）申请办结数", "件", "requests_completed"),
    ("1.按时办结数", "件", "completed_on_time"),
    ("2.延期办结数", "件", "completed_extended"),
    ("（三）申请答复数", "件", "replies_total"),
    ("1.属于已主动公开范围数", "件", "reply_already_public"),
    ("2.同意公开答复数", "件", "reply_granted"),
    ("3.同意部分公开答复数", "件", "reply_partially_granted"),
    ("4.不同意公开答复数", "件", "reply_denied"),
    ("其中：涉及国家秘密", "件", "denied_state_secret"),
    ("涉及商业秘密", "件", "denied_trade_secret"),
    ("涉及个人隐私", "件", "denied_privacy"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "denied_security"),
    ("不是《条例》所指应公开的政府信息", "件", "denied_not_gov_info"),
    ("法律法规规定的其他情形", "件", "denied_other_law"),
    ("5.不属于本行政机关公开数", "件", "reply_not_this_agency"),
    ("6.申请信息不存在数", "件", "reply_not_exist"),
    ("7.告知作出更改补充数", "件", "reply_needs_correction"),
    ("8.告知通过转其他途径办理数", "件", "reply_other_channel"),
    ("四、行政复议数量", "件", "review_total"),
    ("（一）维持具体行政行为数", "件", "review_upheld"),
    ("（二）被依法纠错数", "件", "review_corrected"),
    ("（三）其他情形数", "件", "review_other"),
    ("五、行政诉讼数量", "件", "litigation_total"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation_upheld"),
    ("（二）被依法纠错数", "件", "litigation_corrected"),
    ("（三）其他情形数", "件", "litigation_other"),
    ("六、举报投诉数量", "件", "complaints"),
    ("七、依申请公开信息收取的费用", "万元", "fees"),
    ("八、机构建设和保障经费情况", "—", None),
    ("（一）政府信息公开工作专门机构数", "个", "dedicated_units"),
    ("（二）设置政府信息公开查阅点数", "个", "reading_points"),
    ("（三）从事政府信息公开工作人员数", "人", "staff_total"),
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "staff_full_time"),
    ("2.兼职人员数", "人", "staff_part_time"),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "budget"),
    ("九、政府信息公开会议和培训情况", "—", None),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "meetings"),
    ("（二）举办各类培训班数", "次", "trainings"),
    ("（三）接受培训人员数", "人次", "trainees"),
]
HEADING_ACTIVE = "二、主动公开政府信息情况"
HEADING_APPS = "三、收到和处理政府信息公开申请情况"
HEADING_REVIEW = "四、政府信息公开行政复议、行政诉讼情况"


def active_table(cells: dict[str, Any]) -> Table:
    def v(key: str) -> str:
        return fmt(cells[f"active/{key}"])

    rows: Table = [
        [C("第二十条第（一）项", colspan=4)],
        [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")],
    ]
    for key, label in ACTIVE_ROWS:
        rows.append([C(label), C(v(f"{key}/issued")), C(v(f"{key}/repealed")), C(v(f"{key}/in_force"))])
    for item, pairs, head in (
        ("（五）", [("licensing", "行政许可")], "本年处理决定数量"),
        ("（六）", [("penalty", "行政处罚"), ("coercion", "行政强制")], "本年处理决定数量"),
        ("（八）", [("fees", "行政事业性收费")], "本年收费金额（单位：万元）"),
    ):
        rows.append([C(f"第二十条第{item}项", colspan=4)])
        rows.append([C("信息内容"), C(head, colspan=3)])
        for key, label in pairs:
            column = "amount" if key == "fees" else "decisions"
            rows.append([C(label), C(v(f"{key}/{column}"), colspan=3)])
    return rows


def applications_table(cells: dict[str, Any]) -> Table:
    def values(row: str) -> list[C]:
        return [C(fmt(cells[f"applications/{row}/{col}"])) for col in APPLICANTS]

    rows: Table = [
        [C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
         C("申请人情况", colspan=7)],
        [C("自然人", rowspan=2), C("法人或其他组织", colspan=5), C("总计", rowspan=2)],
        [C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")],
        [C("一、本年新收政府信息公开申请数量", colspan=3), *values("new_received")],
        [C("二、上年结转政府信息公开申请数量", colspan=3), *values("carried_over")],
    ]  # fmt: skip
    for i, (group, size, key, label) in enumerate(RESULTS):
        row: list[C] = []
        if i == 0:
            row.append(C("三、本年度办理结果", rowspan=len(RESULTS)))
        if group is None:
            row.append(C(label, colspan=2))
        else:
            if group:
                row.append(C(group, rowspan=size))
            row.append(C(label))
        rows.append(row + values(key))
    rows.append([C("四、结转下年度继续办理", colspan=3), *values("carried_forward")])
    return rows


def review_table(cells: dict[str, Any]) -> Table:
    values = [
        C(fmt(cells[f"review_litigation/{row}/{col}"]))
        for row in ("review", "litigation_direct", "litigation_after_review")
        for col in REVIEW_COLS
    ]
    return [
        [C("行政复议", colspan=5), C("行政诉讼", colspan=10)],
        [*(C(label, rowspan=2) for label in REVIEW_LABELS),
         C("未经复议直接起诉", colspan=5), C("复议后起诉", colspan=5)],
        [C(label) for label in REVIEW_LABELS * 2],
        values,
    ]  # fmt: skip


def legacy_table(cells: dict[str, Any]) -> Table:
    rows: Table = [[C("统计指标"), C("单位"), C("统计数")]]
    for label, unit, key in LEGACY:
        rows.append([C(label), C(unit), C("" if key is None else fmt(cells[f"legacy/{key}/value"]))])
    return rows


def tables_for(gold: dict[str, Any]) -> list[tuple[str, str, Table]]:
    """(heading pattern, heading text, table) in document order."""
    cells = gold["cells"]
    if gold["metadata"]["format"] == "legacy":
        return [("统计指标", "", legacy_table(cells))]
    return [
        (r"^二、.*主动公开", HEADING_ACTIVE, active_table(cells)),
        (r"^三、.*(收到和处理|依申请)", HEADING_APPS, applications_table(cells)),
        (r"^四、.*(行政复议|行政诉讼)", HEADING_REVIEW, review_table(cells)),
    ]


def grid(table: Table) -> list[list[tuple[C, bool] | None]]:
    """Place cells on the grid: (cell, is_origin) per position."""
    out: dict[tuple[int, int], tuple[C, bool]] = {}
    width = 0
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while (r, c) in out:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    out[(r + dr, c + dc)] = (cell, dr == 0 and dc == 0)
            c += cell.colspan
            width = max(width, c)
    return [[out.get((r, c)) for c in range(width)] for r in range(len(table))]


# ---------------------------------------------------------------------------------------------- seed text
_HEADING = re.compile(r"^[（(]?[一二三四五六七八九十]+[)）、]")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = re.compile(r"[\s()（）\[\]【】《》<>〈〉“”\"'‘’:：,，.。、;；!！?？·\-—_*#%％]+")


def norm(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


def template_labels(tables: list[tuple[str, str, Table]]) -> set[str]:
    labels = {norm(cell.text) for _, _, t in tables for row in t for cell in row if not cell.text.isdigit()}
    labels |= {norm(s) for s in ("三、本年度办理结果", "申请人情况", "法人或其他组织", "统计指标", "单位", "统计数")}
    return {x for x in labels if x}


def _is_label(line: str, labels: set[str]) -> bool:
    n = norm(line)
    if not n or n.replace(".", "").isdigit():
        return True
    if len(n) > 45:
        return False
    if n in labels or ((not _HEADING.match(line) or len(n) <= 6) and any(n in label for label in labels)):
        return True
    return any(difflib.SequenceMatcher(None, n, label).ratio() >= 0.85 for label in labels)


def seed_paragraphs(text: str, labels: set[str]) -> tuple[list[str], int | None]:
    """The seed's paragraphs (table region, debris and chrome removed) and where its table region began."""
    lines = text.replace("\r", "").split("\n")
    share = [i for i, line in enumerate(lines[:40]) if "分享到" in line]
    if share:
        lines = lines[share[-1] + 1 :]
    out: list[str] = []
    anchor: int | None = None
    for raw in lines:
        if "\t" in raw:
            if anchor is None:
                anchor = len(out)
            continue
        line = re.sub(r"\[image:[^\]]*\]", "", raw)
        line = re.sub(r"\[([^\]]+)\]\((?:[^)]+)\)", r"\1", line)
        line = re.sub(r"^#+\s*", "", line.strip()).replace("**", "")
        line = " ".join(line.split())
        if not line or not _CJK.search(line):
            continue
        if len(line) < 6 and not (_HEADING.match(line) or _DATE_LINE.match(line)):
            continue
        if _is_label(line, labels) and not _DATE_LINE.match(line):
            continue
        out.append(line)
    return out, anchor


def build_blocks(stem: str) -> tuple[list[Block], dict[str, Any]]:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    seed = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    tables = tables_for(gold)
    paragraphs, anchor = seed_paragraphs(seed, template_labels(tables))
    meta = gold["metadata"]
    blocks: list[Block] = []
    title_at = next((i for i, p in enumerate(paragraphs[:3]) if "报告" in p and len(p) <= 40 and "根据" not in p), None)
    if title_at is None:
        title = f"{meta['region']}{meta['year']}年政府信息公开工作年度报告"
    else:
        title = paragraphs.pop(title_at)
        if anchor is not None and title_at < anchor:
            anchor -= 1
    blocks.append(("title", title))
    present = [any(re.search(pattern, p) for p in paragraphs) for pattern, _, _ in tables]
    pending = list(range(len(tables)))

    def emit(upto: int, *, with_headings: bool) -> None:
        while pending and pending[0] <= upto:
            k = pending.pop(0)
            if with_headings and tables[k][1]:
                blocks.append(("heading", tables[k][1]))
            blocks.append(("table", tables[k][2]))

    for i, paragraph in enumerate(paragraphs):
        if i == anchor:
            absent = [k for k in pending if not present[k]]
            if absent:
                emit(max(absent), with_headings=True)
        matched = next((k for k, (pattern, _, _) in enumerate(tables) if re.search(pattern, paragraph)), None)
        if matched is not None and matched in pending:
            emit(matched - 1, with_headings=True)
            blocks.append(("heading", paragraph))
            emit(matched, with_headings=False)
            continue
        kind = "heading" if _HEADING.match(paragraph) and len(paragraph) <= 40 else "p"
        blocks.append((kind, paragraph))
    emit(len(tables), with_headings=True)
    return blocks, meta


# ---------------------------------------------------------------------------------------------- HTML
SITES = {
    "内蒙古自治区": ("内蒙古自治区人民政府", "www.nmg.gov.cn", "自治区人民政府办公厅"),
    "鄂托克前旗": ("鄂托克前旗人民政府", "www.etkqq.gov.cn", "鄂托克前旗政务服务局"),
    "青山区": ("包头市青山区人民政府", "www.qsq.gov.cn", "青山区人民政府办公室"),
    "通辽市": ("通辽市人民政府", "www.tongliao.gov.cn", "通辽市人民政府"),
}
_DIGITS = re.compile(r"(\d+)")


def _inline(text: str) -> str:
    """Escape, and put every digit run into its own span (as TRS editors do): a reader must keep them."""
    return _DIGITS.sub(r'<span style="font-family:Times New Roman">\1</span>', html.escape(text, quote=False))


def html_table(table: Table) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%"><tbody>']
    for row in table:
        out.append("<tr>")
        for cell in row:
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            out.append(f'<td{attrs} valign="middle"><p style="text-align:center"><span style="font-size:14px">'
                       f"{_inline(cell.text)}</span></p></td>")  # fmt: skip
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(blocks: list[Block], meta: dict[str, Any], stem: str) -> bytes:
    site, host, source = SITES.get(meta["region"], (meta["region"] + "人民政府", "www.example.gov.cn", meta["region"]))
    title = next(text for kind, text in blocks if kind == "title")
    published = meta.get("published")
    pub_text = f"{published} 09:30" if published else ""
    gbk = stem == GBK_STEM
    charset = "gb2312" if gbk else "utf-8"
    metas = ""
    if stem != "004_779f9be447f66d1d":  # the 通辽 page carries no meta tags: its date is in the page only
        metas = (
            f'<meta name="ArticleTitle" content="{html.escape(title)}">\n'
            + (f'<meta name="PubDate" content="{pub_text}">\n' if published else "")
            + f'<meta name="ContentSource" content="{source}">\n'
        )
    body: list[str] = []
    for kind, content in blocks:
        if kind == "title":
            continue
        if kind == "table":
            body.append(html_table(content))
        elif kind == "heading":
            body.append(f'<p style="text-indent:2em"><strong><span>{_inline(content)}</span></strong></p>')
        else:
            body.append(f'<p style="text-indent:2em;line-height:1.8"><span>{_inline(content)}</span></p>')
    info = (f"<span>发布时间：{pub_text}</span>" if published else "") + f"<span>信息来源：{source}</span>"
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_{site}</title>
{metas}<link rel="stylesheet" href="/images/style.css">
<script type="text/javascript">var countPage = 1; function share(){{ return "分享到 微信"; }}</script>
<style>.view p {{ margin: 0; }}</style>
</head>
<body>
<div class="top-bar"><div class="wrap">欢迎访问{site}! <a href="/login">登录/注册</a>
<a href="/user">用户中心</a> <a href="#">微信</a> <a href="#">微博</a> <a href="#">客户端</a>
<span class="fr">网站导航 支持IPV6 无障碍</span></div></div>
<div class="header"><h2 class="logo"><a href="/">{site}</a></h2>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwdt/">要闻动态</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/zmhd/">政民互动</a></li><li><a href="/sjfb/">政府数据</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a></div>
<div class="main-box">
<div class="article-head">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-info">{info}<span class="share">分享到：<a href="#">微信</a><a href="#">微博</a></span>
<span class="font">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
</div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{chr(10).join(body)}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a>
<a href="javascript:window.close()">【关闭窗口】</a>
<a href="#">【收藏】</a></div>
<div class="related"><h3>相关链接</h3><ul>
<li><a href="/zwgk/zfxxgk/zfxxgknb/prev/">{meta["region"]}{meta["year"] - 1}年政府信息公开工作年度报告</a></li>
<li><a href="/zwgk/zfxxgk/zfxxgknb/old/">{meta["region"]}{meta["year"] - 2}年政府信息公开工作年度报告</a>
</li></ul></div>
</div>
<div class="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p>
<p>主办单位：{site}办公室 版权所有：{site}</p>
<p>蒙ICP备05003328号-1 蒙公网安备 15010502000123号 网站标识码：1500000001 {host}</p></div>
</body>
</html>
"""
    return page.encode("gb18030") if gbk else page.encode("utf-8")


# ---------------------------------------------------------------------------------------------- DOCX
def render_docx(blocks: list[Block], meta: dict[str, Any]) -> bytes:
    import datetime as dt

    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    title = next(text for kind, text in blocks if kind == "title")
    props = document.core_properties
    props.title = title
    props.author = "nianbao fixtures"
    props.last_modified_by = "nianbao fixtures"
    props.created = props.modified = dt.datetime(2024, 1, 1)
    props.revision = 1
    for kind, content in blocks:
        if kind == "title":
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(content)
            run.bold = True
            run.font.size = Pt(16)
        elif kind == "heading":
            document.add_paragraph().add_run(content).bold = True
        elif kind == "p":
            p = document.add_paragraph(content)
            p.paragraph_format.first_line_indent = Pt(21)
        else:
            _docx_table(document, content, Pt, WD_TABLE_ALIGNMENT)
    buf = io.BytesIO()
    document.save(buf)
    return pin_zip(buf.getvalue())


def _docx_table(document: Any, table: Table, pt: Any, align: Any) -> None:
    cells = grid(table)
    width = len(cells[0])
    t = document.add_table(rows=len(cells), cols=width)
    t.style = "Table Grid"
    t.alignment = align.CENTER
    size = pt(7.5) if width > 10 else pt(9)
    for r, row in enumerate(cells):
        for c, slot in enumerate(row):
            if slot is None or not slot[1]:
                continue
            cell, _ = slot
            target = t.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(t.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            run = target.paragraphs[0].add_run(cell.text)
            run.font.size = size


# ---------------------------------------------------------------------------------------------- XLSX
def render_xlsx(blocks: list[Block], meta: dict[str, Any]) -> bytes:
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Alignment, Border, Side

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    title = next(text for kind, text in blocks if kind == "title")
    heading = ""
    n = 0
    for kind, content in blocks:
        if kind == "heading":
            heading = content
        elif kind == "p":
            heading = ""
        if kind != "table":
            continue
        n += 1
        ws = wb.create_sheet(f"表{n}")
        cells = grid(content)
        width = len(cells[0])
        top = 1
        for text in ([title] if n == 1 else []) + ([heading] if heading else []):
            ws.cell(top, 1, text)
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
            top += 1
        for r, row in enumerate(cells):
            for c, slot in enumerate(row):
                if slot is None or not slot[1]:
                    continue
                cell, _ = slot
                value: Any = cell.text
                if re.fullmatch(r"-?\d+", value):
                    value = int(value)
                elif re.fullmatch(r"-?\d+\.\d+", value):
                    value = float(value)
                target = ws.cell(top + r, c + 1, value)
                target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
                target.border = border
                if cell.rowspan > 1 or cell.colspan > 1:
                    ws.merge_cells(
                        start_row=top + r, start_column=c + 1,
                        end_row=top + r + cell.rowspan - 1, end_column=c + cell.colspan,
                    )  # fmt: skip
        heading = ""
    wb.properties.creator = "nianbao fixtures"
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return pin_zip(buf.getvalue())


# ---------------------------------------------------------------------------------------------- XLS
def render_xls(xlsx: bytes) -> bytes:
    """The XLSX rendering again as an Excel 97–2003 workbook (xlwt, a test-only dependency): same sheets,
    values and merged cells, in the BIFF8 format calamine reads for ``.xls``."""
    import openpyxl
    import xlwt  # type: ignore[import-untyped]

    src = openpyxl.load_workbook(io.BytesIO(xlsx))
    book = xlwt.Workbook(encoding="utf-8")
    for ws in src.worksheets:
        sheet = book.add_sheet(ws.title)
        merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        covered = {
            (r, c)
            for m in ws.merged_cells.ranges
            for r in range(m.min_row, m.max_row + 1)
            for c in range(m.min_col, m.max_col + 1)
        }
        for row in ws.iter_rows():
            for cell in row:
                r, c = cell.row, cell.column
                if (r, c) in merged:
                    m = merged[(r, c)]
                    sheet.write_merge(r - 1, m.max_row - 1, c - 1, m.max_col - 1, cell.value)
                elif (r, c) not in covered and cell.value is not None:
                    sheet.write(r - 1, c - 1, cell.value)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- determinism
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def pin_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member times and pinned core-property dates, so reruns give equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "docProps/core.xml":
                blob = _W3CDTF.sub(rb"\g<1>" + FIXED_DATE.encode() + rb"\g<2>", blob)
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, blob)
    return buf.getvalue()


def pin_pdf(data: bytes) -> bytes:
    """Pin a PDF's dates and document ID in place (same byte lengths, so the xref stays valid)."""

    def same_length(m: re.Match[bytes]) -> bytes:  # every digit run → 2024-01-01 00:00:00, same length
        pattern = iter(b"20240101000000" + b"0" * 64)
        return re.sub(rb"\d", lambda _: bytes([next(pattern)]), m.group(0))

    data = re.sub(rb"/(?:CreationDate|ModDate)\s*\(D:[^)]*\)", same_length, data)
    data = re.sub(
        rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]",
        lambda m: re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group()) - 2) + b">", m.group(0)),
        data,
    )
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    data = re.sub(rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>[^<]*<", same_length, data)
    return re.sub(rb"<xmpMM:(?:DocumentID|InstanceID)>[^<]*<", lambda m: re.sub(rb"[0-9a-f]", b"0", m.group(0)), data)


def soffice(sources: list[Path], target: str, out_dir: Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice (soffice) is needed to render PDF/DOC/XLS fixtures")
    with tempfile.TemporaryDirectory(prefix="render-seeds-") as tmp:
        cmd = [exe, f"-env:UserInstallation={Path(tmp).as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), *map(str, sources)]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)


# ---------------------------------------------------------------------------------------------- main
def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    stems = sorted(p.stem for p in GOLD.glob("*.json"))
    for stem in stems:
        blocks, meta = build_blocks(stem)
        (OUT / f"{stem}.html").write_bytes(render_html(blocks, meta, stem))
        (OUT / f"{stem}.docx").write_bytes(render_docx(blocks, meta))
        xlsx = render_xlsx(blocks, meta)
        (OUT / f"{stem}.xlsx").write_bytes(xlsx)
        (OUT / f"{stem}.xls").write_bytes(render_xls(xlsx))
        print(f"{stem}: {sum(1 for k, _ in blocks if k == 'table')} tables, {len(blocks)} blocks")
    with tempfile.TemporaryDirectory(prefix="render-out-") as tmp:
        tmp_dir = Path(tmp)
        soffice([OUT / f"{s}.docx" for s in stems], "pdf", tmp_dir)
        soffice([OUT / f"{DOC_STEM}.docx"], "doc", tmp_dir)
        for stem in stems:
            (OUT / f"{stem}.pdf").write_bytes(pin_pdf((tmp_dir / f"{stem}.pdf").read_bytes()))
        doc = (tmp_dir / f"{DOC_STEM}.doc").read_bytes()
        (OUT / f"{DOC_STEM}.doc").write_bytes(doc)
        (OUT / f"{DOC_STEM}.wps").write_bytes(doc)  # a Word-97-format OLE file under the WPS name: see above
    for path in sorted(OUT.iterdir()):
        print(f"{path.name:32} {path.stat().st_size:>8} bytes")


if __name__ == "__main__":
    main()

"""Synthetic reports: new 政府信息公开工作年度报告 the parser has never seen, each with its exact gold.

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth            # seeds 0–59, every kind
    .venv/bin/python scripts/synth_reports.py --out /tmp/synth --seeds 0-5 --kinds html
    .venv/bin/python scripts/synth_reports.py --slice                     # the committed slice (tests/fixtures/synth/)
    .venv/bin/python scripts/synth_score.py /tmp/synth                    # figures per kind, tuning / held back

From an integer seed (``synth_model.draw``): an organ from another province, a year, the 2021 or the 2019 table
format, every cell of tables 二/三/四 drawn so that the template's identities hold (zeros at a realistic density,
large and small numbers, decimals where the template allows them, negative 本年增/减), and the template's real
variants at stated rates (``synth_model.RATES``): a wrong published total (the identity must fail: review
required), （六）其他处理 as one row in a 2021 table, label typos, a 第二十条 block missing or reordered, 政府集中采购
with count and amount in one cell, thousands separators, long decimals, units in a cell, blank and — cells. The
markup is drawn apart (``synth_markup.MARKUP_RATES``): cell markup, header structures, label columns, a header
repeated mid-table, a table split in two, fonts, sizes and widths.

Each report is written as:

- ``<stem>.html``: the portal's detail page (one of four CMS chromes around the body);
- ``<stem>.pdf``: the body alone (as the attachment an organ prints from Word) printed by Chromium
  (``--print-to-pdf``), A4 with random margins: its own line wraps and page breaks inside tables;
- ``<stem>.layout.txt`` (poppler ``pdftotext -layout``) and ``<stem>.pymupdf.txt`` (PyMuPDF
  ``page.get_text(sort=True)``, when PyMuPDF is installed: the ``corpus`` extra): text another tool made of the PDF;
- ``<stem>.json``: the gold in the gold format (``input``: the HTML; ``inputs``: every kind), with ``synth``: the
  seed, the split, every knob drawn, the identities that must fail and the verdict expected;
- ``gold-<kind>/<stem>.json`` (full set only): the same gold pointing at one kind, for
  the brief's ``score.py`` (kept outside this repo) with ``--gold DIR/gold-pdf -- .venv/bin/nianbao parse {}``.

Seeds 30–59, 700–759, 800–899 (the OCR round's, ``scripts/synth_ocr.py``), 900–999 (the extractors' round's,
``scripts/synth_extractors.py``) and 2500–2999 (fresh held-back batches from 2026-12-02 on) are held back,
every other seed tunes. Output is deterministic (PDF dates pinned).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth_markup import Markup  # noqa: E402
from synth_model import APPLICANTS, RATES, Synth, draw, gold_value  # noqa: E402

SLICE = ROOT / "tests" / "fixtures" / "synth"
# 6 tuning, 4 held back (chosen by their knobs): HTML, layout, gold
SLICE_SEEDS = (2, 15, 23, 28, 306, 331, 30, 32, 37, 59)
SLICE_PDFS = (2, 30)  # and their PDF (≈180 kB each: the slice stays near a megabyte)
# held back: never looked at, measured only (30–59: the first round's; 700–759: the second round's fresh batch;
# 800–899: the OCR round's; 900–999: the extractors' round's, scripts/synth_extractors.py; 2500–2999: fresh
# held-back batches from 2026-12-02 on; 5000–5999: fresh held-back batches from 2026-12-05 on)
HELD_BACK = (range(30, 60), range(700, 760), range(800, 1000), range(2500, 3000), range(5000, 6000))
KINDS = ("html", "pdf", "layout", "pymupdf")
SUFFIX = {"html": ".html", "pdf": ".pdf", "layout": ".layout.txt", "pymupdf": ".pymupdf.txt"}
# TrueType CJK fonts (Chromium embeds them as small subsets; the Noto OpenType/CFF fonts become Type 3 fonts of
# half a megabyte): WenQuanYi Zen Hei, its Sharp and Mono cuts (fonts-wqy-zenhei)
PRINT_FONTS = ("'WenQuanYi Zen Hei'", "'WenQuanYi Zen Hei Sharp'", "'WenQuanYi Zen Hei Mono'")
# the second OCR round's batches (406–499, 806–899) print in more of the faces real reports use, drawn apart from
# the first knobs (earlier seeds print as before): a Song face (Noto Serif CJK, as SimSun/宋体), a Hei face (Noto Sans
# CJK, as Microsoft YaHei), each also with Latin digits from a Times-like or Arial-like face (DejaVu Serif / Sans)
WIDE_PRINT = (range(406, 500), range(806, 900))
WIDE_FONTS = (
    *PRINT_FONTS,
    "'Noto Serif CJK SC'",
    "'Noto Sans CJK SC'",
    "'DejaVu Serif', 'Noto Serif CJK SC'",
    "'DejaVu Sans', 'Noto Sans CJK SC'",
    "'DejaVu Serif', 'WenQuanYi Zen Hei'",
)
PRINT_BREAK_ALL = 0.1
# the narrow-print batches (6000–6099 tuning, 5100–5199 held back) print as an editor who keeps UEditor's
# word-break:break-all on every cell and sets a large type in a page with wide margins: the number columns of
# table 三 get narrower than their numbers, and Chromium wraps those numbers digit by digit (earlier seeds print as
# before). Margin and cell type are drawn per seed from a stream of their own.
NARROW_PRINT = (range(5100, 5200), range(6000, 6100))
NARROW_MARGINS_MM = (35, 40, 45, 50)
NARROW_CELL_PX = (20, 22, 24, 26)
SOURCE_KIND = {"html": "html", "pdf": "pdf", "layout": "text", "pymupdf": "text"}


def split_of(seed: int) -> str:
    """Seeds 30–59, 700–759, 800–999, 2500–2999 and 5000–5999 are held back; every other seed tunes (0–29; 60 on as
    more tuning material)."""
    return "held_back" if any(seed in part for part in HELD_BACK) else "tuning"


# ---------------------------------------------------------------------------------------------- narrative
_SENTENCES = {
    "active": [
        "{year}年，{who}严格落实政府信息主动公开基本目录，全年主动公开政府信息{n1}条，其中政策文件{n2}条。",
        "围绕重点领域信息公开，{who}及时发布财政预决算、重大建设项目、公共资源配置等信息，累计发布{n1}条。",
        "做好政策解读工作，发布图文解读{n2}篇，开展在线访谈{n3}期，及时回应社会关切。",
    ],
    "request": [
        "{who}严格按照《条例》规定的程序和时限办理依申请公开事项，做到件件有回复、事事有着落。",
        "进一步规范申请接收、登记、审核、答复等环节，依法保障人民群众的知情权、参与权和监督权。",
    ],
    "manage": [
        "健全政府信息公开审查机制，坚持“先审查、后公开”和“一事一审”原则，防止泄密和侵犯个人隐私。",
        "开展政府信息公开目录动态调整工作，清理过期失效信息，确保公开信息准确、完整、及时。",
    ],
    "platform": [
        "持续优化政府网站政府信息公开专栏，完善栏目设置，提升信息检索和移动端浏览体验。",
        "充分发挥政务新媒体作用，通过微信公众号发布信息{n3}条，拓宽公开渠道。",
    ],
    "supervision": [
        "将政务公开工作纳入年度绩效考核，开展业务培训{n3}次，培训{n4}人次。",
        "本年度未发生因政府信息公开工作不到位而被追究责任的情况。",
    ],
    "problems": [
        "一是公开内容的深度和广度仍需拓展；二是政策解读形式较为单一；三是工作人员业务能力有待进一步提升。",
        "下一步，{who}将加强业务培训，完善工作机制，推动政务公开工作提质增效。",
    ],
    "other": [
        "本年度{who}未收取政府信息公开信息处理费。",
        "依据《政府信息公开信息处理费管理办法》，本年度未发生收费情况。",
        "本年度无其他需要报告的事项。",
    ],
}


def narrative(s: Synth, rng: random.Random, section: str) -> list[str]:
    nums = {f"n{i}": rng.randint(10, 5000) for i in range(1, 5)}
    picks = rng.sample(_SENTENCES[section], min(len(_SENTENCES[section]), rng.randint(1, 3)))
    text = "".join(p.format(year=s.year, who=rng.choice(("我单位", "本机关", s.region)), **nums) for p in picks)
    return [text]


def body_blocks(s: Synth, m: Markup) -> list[tuple[str, Any]]:
    """("h", text) | ("p", text) | ("table", rows, header_rows) in document order."""
    rng = random.Random(s.seed * 31 + 5)
    blocks: list[tuple[str, Any]] = []
    phone = f"0{rng.randint(100, 999)}-{rng.randint(1000000, 8999999)}"
    intro = (
        "本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告所列数据的统计期限"
        f"自{s.year}年1月1日起至{s.year}年12月31日止。如对本报告有疑问，请与{s.region}办公室联系（电话：{phone}）。"
    )
    blocks.append(("p", intro))
    blocks.append(("h", "一、总体情况"))
    subs = [("（一）主动公开", "active"), ("（二）依申请公开", "request"), ("（三）政府信息管理", "manage"),
            ("（四）政府信息公开平台建设", "platform"), ("（五）监督保障", "supervision")]  # fmt: skip
    for head, key in subs:
        paras = narrative(s, rng, key)
        if key == "request" and rng.random() < 0.6:
            got = s.cells["applications/new_received/total"]
            paras[0] = f"{s.year}年，共收到政府信息公开申请{got}件。" + paras[0]
        if rng.random() < 0.5:
            blocks.append(("h", head))
            blocks += [("p", p) for p in paras]
        else:
            blocks.append(("p", f"{head}。" + paras[0]))
    blocks.append(("h", "二、主动公开政府信息情况"))
    for rows in m.active_tables():
        blocks.append(("table", rows, 0))
    blocks.append(("h", "三、收到和处理政府信息公开申请情况"))
    for i, rows in enumerate(m.applications_table()):
        head = 1 if m.knobs["no_org_header"] else 3
        blocks.append(("table", rows, head if (i == 0 or m.knobs["header_repeat"]) else 0))
    blocks.append(("h", "四、政府信息公开行政复议、行政诉讼情况"))
    blocks.append(("table", m.review_table(), 3))
    blocks.append(("h", "五、存在的主要问题及改进情况"))
    blocks += [("p", p) for p in narrative(s, rng, "problems")]
    blocks.append(("h", "六、其他需要报告的事项"))
    blocks += [("p", p) for p in narrative(s, rng, "other")]
    return blocks


def title_of(s: Synth) -> str:
    rng = random.Random(s.seed * 13 + 1)
    year = f"{s.year}年" + rng.choice(("", "度"))
    return f"{s.region}{year}政府信息公开工作年度报告"


def body_html(s: Synth, m: Markup) -> str:
    out = []
    para = {
        "word": "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;"
        "font-family:仿宋_GB2312'>{}</span></p>",
        "ueditor": '<p style="text-indent: 2em; line-height: 2em;">{}</p>',
        "bare": "<p>{}</p>",
    }[m.cell_style]
    head = {
        "word": "<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>{}"
        "</span></b></p>",
        "ueditor": '<p style="text-indent: 2em;"><strong>{}</strong></p>',
        "bare": "<h3>{}</h3>",
    }[m.cell_style]
    for block in body_blocks(s, m):
        if block[0] == "table":
            out.append(m.table_html(block[1], block[2]))
        else:
            out.append((head if block[0] == "h" else para).format(html.escape(block[1], quote=False)))
    out.append(f'<p style="text-align:right">{html.escape(s.region)}</p>')
    y, mo, d = s.published.split("-")
    out.append(f'<p style="text-align:right">{y}年{int(mo)}月{int(d)}日</p>')
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- page chrome
def portal_page(s: Synth, m: Markup, body: str) -> str:
    title = html.escape(title_of(s))
    site = html.escape(s.region)
    pub = f"{s.published} {random.Random(s.seed).randint(8, 18):02d}:{random.Random(s.seed + 1).randint(0, 59):02d}"
    head = f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
    nav = '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>'
    foot = f'<div class="footer">主办：{site}人民政府办公室　备案号：京ICP备00000000号　网站标识码：0000000000</div>'
    if m.chrome == "trs":
        return (
            f'{head}<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="{pub}">\n'
            f'<meta name="ContentSource" content="{site}">\n</head>\n<body>\n{nav}\n<div class="position">当前位置：'
            f'<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>\n'
            '<div class="article">'
            f'<h1>{title}</h1>\n<div class="info">发布时间：{pub}　来源：{site}　【字体：大 中 小】'
            "</div>\n"
            f'<div class="TRS_Editor"><div class="Custom_UnionStyle">\n{body}\n</div></div>\n</div>\n{foot}\n'
            "</body>\n</html>\n"
        )
    if m.chrome == "hanweb":
        return (
            f'{head}<meta name="SiteName" content="{site}人民政府">\n</head>\n<body>\n{nav}\n<table class="main">'
            f'<tr><td class="main-fl-tit">{title}</td></tr>\n<tr><td><span class="fbrq_01">发布日期：{s.published}'
            f'</span> 浏览次数：<span id="c">1024</span></td></tr>\n<tr><td>\n<!--ZJEG_RSS.content.begin-->'
            f'<div id="zoom">\n{body}\n</div><!--ZJEG_RSS.content.end-->\n</td></tr></table>\n{foot}\n'
            "</body>\n</html>\n"
        )
    if m.chrome == "vsb":
        return (
            f'{head}</head>\n<body>\n{nav}\n<form name="_newscontent_fromname"><div class="content-title">'
            f'<h2>{title}</h2></div>\n<div class="content-info">时间：{s.published}　作者：{site}　点击：[<script>'
            f'_showDynClicks("wbnews", 1, 1)</script>]</div>\n<div id="vsb_content"><div class="v_news_content">'
            f"\n{body}\n</div></div></form>\n{foot}\n</body>\n</html>\n"
        )
    return (
        f'{head}</head>\n<body>\n{nav}\n<div class="detail"><div class="detail-title">{title}</div>\n'
        f'<div class="detail-meta"><span>信息来源：{site}</span><span>发布日期：{s.published}</span></div>\n'
        f'<div class="article-content">\n{body}\n</div>\n<div class="share">分享到：微信 微博</div></div>\n{foot}\n'
        "</body>\n</html>\n"
    )


def print_knobs(s: Synth) -> dict[str, Any]:
    """The printed attachment's page: margins, type size, font, and whether the editor's word-break:break-all
    survives the print (``PRINT_BREAK_ALL``: numbers then wrap digit by digit in narrow columns; otherwise the
    printed cells break lines as Word does, labels but not numbers). ``NARROW_PRINT`` seeds always break anywhere,
    with wide margins and a large cell type (``cell_px``) so that numbers do wrap."""
    rng = random.Random(s.seed * 3 + 2)
    margin = rng.choice((12, 18, 25, 30))
    size = rng.choice((12, 14, 16))
    font = rng.choice(PRINT_FONTS)
    breaks = rng.random() < PRINT_BREAK_ALL
    if any(s.seed in part for part in WIDE_PRINT):
        font = random.Random(s.seed * 5 + 1).choice(WIDE_FONTS)
    knobs: dict[str, Any] = {"margin_mm": margin, "print_px": size, "print_font": font, "break_all": breaks}
    if any(s.seed in part for part in NARROW_PRINT):
        narrow = random.Random(s.seed * 13 + 7)
        knobs.update(margin_mm=narrow.choice(NARROW_MARGINS_MM), break_all=True, cell_px=narrow.choice(NARROW_CELL_PX))
    return knobs


def print_page(s: Synth, m: Markup, body: str) -> str:
    """The body alone, as the PDF attachment an organ prints: A4, random margins and type."""
    k = print_knobs(s)
    margin, size, font = k["margin_mm"], k["print_px"], k["print_font"]
    breaks = "" if k["break_all"] else " td, th { word-break: normal !important; }"
    if "cell_px" in k:  # narrow print: every cell breaks anywhere, in the editor's large type
        breaks = (
            " td, th { word-break: break-all !important; }"
            f" td, th, td *, th * {{ font-size: {k['cell_px']}px !important; }}"
        )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>'
        f"@page {{ size: A4; margin: {margin}mm; }} body {{ font-family: {font}, "
        f"serif; font-size: {size}px; }} table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #000; "
        f"padding: 2px; }}{breaks} p {{ margin: 0.3em 0; }}"
        f'</style></head><body>\n<h2 style="text-align:center">{html.escape(title_of(s))}</h2>\n{body}\n'
        "</body></html>\n"
    )


# ---------------------------------------------------------------------------------------------- gold
def gold(s: Synth, m: Markup, stem: str, kind: str, path: str) -> dict[str, Any]:
    return {
        "input": path,
        "inputs": {k: stem + SUFFIX[k] for k in KINDS},
        "metadata": {
            "region": s.region,
            "year": s.year,
            "format": s.format,
            "source_kind": SOURCE_KIND[kind],
            "published": s.published,
        },
        "cells": {k: gold_value(v) for k, v in s.cells.items()},
        "synth": {
            "seed": s.seed,
            "split": split_of(s.seed),
            "expect_review": "required" if s.expect_required else "not_required",
            "broken": s.broken,
            "knobs": {
                k: v
                for k, v in {**s.knobs, **m.knobs, **print_knobs(s)}.items()
                if v is not False
                and not (s.format == "2021" and k in ("procurement_row", "procurement_one_cell", "fullwidth_minus"))
            },
        },
    }


def build(seed: int) -> tuple[Synth, Markup]:
    s = draw(seed)
    m = Markup(s)
    if m.knobs["empty_zero"]:  # some zero cells of table 三 printed empty: blank, not zero (gold null)
        rng = random.Random(seed * 101)
        zeros = [k for k, v in s.cells.items() if k.startswith("applications/") and v == 0 and "/total" not in k]
        for k in rng.sample(zeros, min(len(zeros), rng.randint(2, 8))):
            s.cells[k] = None
    return s, m


# ---------------------------------------------------------------------------------------------- rendering
def chromium_pdf(page: str, pdf: Path) -> None:
    from chromium_browser import PRINT_TO_PDF

    with tempfile.TemporaryDirectory(prefix="synth-chrome-") as tmp:
        src = Path(tmp) / "print.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(
            [*PRINT_TO_PDF, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}", src.as_uri()],
            check=True,
            capture_output=True,
            timeout=180,
        )
    from render_seeds import pin_pdf

    pdf.write_bytes(pin_pdf(pdf.read_bytes()))


def layout_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")


def pymupdf_text(pdf: Path) -> str | None:
    try:
        import fitz  # PyMuPDF: the corpus extra
    except ImportError:
        return None
    with fitz.open(pdf) as doc:
        return "".join(page.get_text(sort=True) for page in doc)


def write_report(
    seed: int, out: Path, kinds: tuple[str, ...], per_kind_gold: bool, keep_pdf: bool = True
) -> dict[str, Any]:
    s, m = build(seed)
    stem = f"synth_{seed:03d}"
    body = body_html(s, m)
    (out / f"{stem}.html").write_text(portal_page(s, m, body), encoding="utf-8")
    made = ["html"]
    pdf = out / f"{stem}.pdf"
    if set(kinds) - {"html"}:
        chromium_pdf(print_page(s, m, body), pdf)
        made.append("pdf")
        if "layout" in kinds:
            (out / f"{stem}.layout.txt").write_text(layout_text(pdf), encoding="utf-8")
            made.append("layout")
        if "pymupdf" in kinds and (text := pymupdf_text(pdf)) is not None:
            (out / f"{stem}.pymupdf.txt").write_text(text, encoding="utf-8")
            made.append("pymupdf")
        if "pdf" not in kinds or not keep_pdf:
            pdf.unlink()
            made.remove("pdf")
    g = gold(s, m, stem, "html", f"{stem}.html")
    g["inputs"] = {k: stem + SUFFIX[k] for k in made}
    (out / f"{stem}.json").write_text(json.dumps(g, ensure_ascii=False) + "\n", encoding="utf-8")
    if per_kind_gold:
        for kind in made:
            folder = out / f"gold-{kind}"
            folder.mkdir(exist_ok=True)
            gk = gold(s, m, stem, kind, stem + SUFFIX[kind])
            (folder / f"{stem}.json").write_text(json.dumps(gk, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"stem": stem, "seed": seed, "split": split_of(seed), "kinds": made}


def seeds_arg(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--seeds", type=seeds_arg, default=None, help="e.g. 0-59 or 0,3,30-35 (default 0-59)")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--slice", action="store_true", help=f"write the committed slice to {SLICE}")
    args = ap.parse_args(argv)
    kinds = tuple(k for k in args.kinds.split(",") if k)
    if args.slice:
        out, seeds, kinds, per_kind = SLICE, list(SLICE_SEEDS), ("html", "pdf", "layout"), False
    else:
        out, seeds, per_kind = args.out or Path("/tmp/synth"), args.seeds or list(range(60)), True
    if "pdf" in kinds or "layout" in kinds or "pymupdf" in kinds:
        for tool in ("chromium", "pdftotext"):
            if not shutil.which(tool):
                raise SystemExit(f"{tool} is not installed (scripts/setup.sh installs it)")
    out.mkdir(parents=True, exist_ok=True)
    keep = (lambda seed: seed in SLICE_PDFS) if args.slice else (lambda seed: True)
    manifest = [write_report(seed, out, kinds, per_kind, keep(seed)) for seed in seeds]
    meta = {"rates": RATES, "applicants": list(APPLICANTS), "reports": manifest}
    (out / "manifest.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest)} reports → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Snapshot what the HTML, spreadsheet, DOCX and PDF readers make of every input, to prove a change leaves it alone.

    .venv/bin/python scripts/reader_snapshot.py /tmp/before.jsonl     # before the change
    .venv/bin/python scripts/reader_snapshot.py /tmp/after.jsonl      # after it
    .venv/bin/python scripts/reader_snapshot.py --diff /tmp/before.jsonl /tmp/after.jsonl

One JSON line per input: the reader's text, spans, metadata and notes (or its error), and for HTML also the
content container chosen (its path and score), the page metadata and every table's grid. Inputs:

- the rendered seeds (``tests/fixtures/rendered/*.html|xlsx|xls|docx|pdf``) and the scans (``tests/fixtures/scans``);
- the PDFs of every ``--pdf-dir`` folder (e.g. PDF variants printed by other engines), with the pages the PDF
  reader handed to pdfplumber;
- every HTML body the cassettes and the chaos bundle hold (list pages, detail pages, hostile pages);
- the generalisation corpus, parsed whole (its ``md-html-tables`` variants go through ``table_grid``);
- ``--fuzz N`` random pages (default 3000) built from a seeded grammar of the markup that matters to the reader:
  block and inline tags, hidden styles and ``hidden`` attributes, scripts, comments, nested and layout tables,
  rowspan/colspan (typos and giant ones included), ``<br>`` and paragraphs in cells, zero-width characters,
  upper-case tags, chrome words and content classes.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse  # noqa: E402
from parsers.extracted import UnreadableDocument  # noqa: E402
from parsers.readers import read  # noqa: E402
from parsers.readers.html import extract_page_metadata, main_content, parse_tree, table_grid  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _read(data: bytes, kind: str) -> dict[str, Any]:
    try:
        ex = read(data, kind)
    except UnreadableDocument as exc:
        return {"error": exc.code, "reason": str(exc)}
    return {
        "text": ex.text,
        "spans": [[s.start, s.end, s.page, s.table, s.row, s.col, s.box] for s in ex.spans],
        "metadata": ex.metadata,
        "notes": ex.notes,
    }


def _html(data: bytes) -> dict[str, Any]:
    out = {"read": _read(data, "html")}
    try:
        tree = parse_tree(data)
    except UnreadableDocument as exc:
        out["tree"] = exc.code
        return out
    el, score = main_content(tree)
    out["container"] = [tree.getroottree().getpath(el) if el is not None else None, round(score, 6)]
    out["page_metadata"] = extract_page_metadata(tree)
    out["grids"] = [table_grid(t) for t in parse_tree(data).iter("table")]
    return out


def _cassette_bodies() -> Iterator[tuple[str, bytes]]:
    import yaml

    files = sorted((ROOT / "cassettes").glob("*.yaml")) + sorted((FIXTURES / "chaos").glob("*.yaml"))
    for f in files:
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        for i, it in enumerate(doc.get("interactions", []) if isinstance(doc, dict) else []):
            body = it.get("response", {}).get("body", {})
            s = body.get("string") if isinstance(body, dict) else body
            data = s.encode("utf-8") if isinstance(s, str) else s
            if isinstance(data, bytes) and b"<" in data[:512] and not data.startswith(b"%PDF"):
                yield f"{f.relative_to(ROOT)}#{i}", data


# ---------------------------------------------------------------------------------------------- fuzz
_WORDS = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "年度报告", "统计指标",
    "当前位置", "分享到", "【打印】", "版权所有", "ICP备12345号", "上一篇", "网站地图", "扫一扫", "字号",
    "本年新收", "政府信息公开申请数量", "12", "0", "3.5", "1,234", "abc", "x y", "  ", "\u200b", "\u3000",
    "&nbsp;", "&amp;", "结果", "纠正", "维持", "行政复议", "（一）", "规章", "合计", "Hello", "\t", "\n",
]  # fmt: skip
_INLINE = ["span", "a", "b", "strong", "font", "em", "i", "u", "sub", "label", "SPAN", "A"]
_BLOCKS = ["p", "div", "h2", "li", "section", "center", "br", "P", "DIV", "hr", "article", "form"]
_SKIPS = ["script", "style", "noscript", "select", "button", "iframe", "svg", "title", "template", "input"]
_CLASSES = ["content", "TRS_Editor", "nav", "zoom", "footer", "article-content", "main", "links", "bt_content"]
_HIDE = ['style="display:none"', 'style="visibility: hidden"', "hidden", 'style="DISPLAY : NONE"']


def _attrs(rng: random.Random) -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(f'class="{rng.choice(_CLASSES)}"')
    if rng.random() < 0.1:
        parts.append(f'id="{rng.choice(_CLASSES)}"')
    if rng.random() < 0.06:
        parts.append(rng.choice(_HIDE))
    elif rng.random() < 0.05:
        parts.append('style="color:red"')
    return (" " + " ".join(parts)) if parts else ""


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 3)))


def _node(rng: random.Random, depth: int) -> str:
    r = rng.random()
    if depth > 5 or r < 0.3:
        return _text(rng)
    if r < 0.45:
        tag = rng.choice(_INLINE)
    elif r < 0.75:
        tag = rng.choice(_BLOCKS)
        if tag.lower() in ("br", "hr"):
            return f"<{tag}{_attrs(rng)}>{_text(rng)}"
    elif r < 0.8:
        tag = rng.choice(_SKIPS)
        if rng.random() < 0.5:
            return f"<!-- {_text(rng)} -->{_text(rng)}"
    else:
        return _table(rng, depth + 1)
    inner = "".join(_node(rng, depth + 1) for _ in range(rng.randint(0, 4)))
    close = f"</{tag}>" if rng.random() < 0.93 else ""  # unclosed tags: lxml's repair must match
    return f"{_text(rng)}<{tag}{_attrs(rng)}>{inner}{close}{_text(rng)}"


def _table(rng: random.Random, depth: int) -> str:
    rows = []
    for _ in range(rng.randint(0, 5)):
        cells = []
        for _ in range(rng.randint(0, 5)):
            tag = rng.choice(["td", "td", "td", "th", "TD"])
            attrs = _attrs(rng)
            if rng.random() < 0.2:
                attrs += f' rowspan="{rng.choice(["2", "3", "0", "x", " 2 ", "999", "-1", "2abc"])}"'
            if rng.random() < 0.2:
                attrs += f' colspan="{rng.choice(["2", "3", "0", "x", "300", "2.5"])}"'
            inner = "".join(_node(rng, depth + 1) for _ in range(rng.randint(0, 3)))
            cells.append(f"<{tag}{attrs}>{inner}</{tag}>")
        row = f"<tr{_attrs(rng)}>{''.join(cells)}</tr>"
        if rng.random() < 0.1:
            row = f"<!-- c -->{row}"
        rows.append(row)
    body = "".join(rows)
    wrap = rng.random()
    if wrap < 0.3:
        body = f"<tbody>{body}</tbody>"
    elif wrap < 0.4:
        body = f"<thead>{rows[0] if rows else ''}</thead><tbody>{''.join(rows[1:])}</tbody>"
    elif wrap < 0.45:
        body = f"<caption>{_text(rng)}</caption>{body}"
    return f"<table{_attrs(rng)}>{body}</table>"


_CHARSETS = ["utf-8", "gbk", "gb2312", "big5", "iso-8859-1", "nonsense"]
_PROLOGUES = [
    "", "", "<!DOCTYPE html>\n", "\n  \t", "<?xml version=\"1.0\" encoding=\"gbk\"?>\n", "\u3000<p>", "\x1c",
    "x", "<!-- c -->",
]  # fmt: skip


def fuzz_page(seed: int) -> bytes:
    rng = random.Random(seed)
    head = ""
    if rng.random() < 0.5:
        head = f'<head><title>{_text(rng)}_政府网</title><meta name="ArticleTitle" content="{_text(rng)}"></head>'
    body = "".join(_node(rng, 0) for _ in range(rng.randint(1, 8)))
    page = f"<html>{head}<body{_attrs(rng)}>{body}</body></html>"
    # the prologue and the encoding: what decides how the bytes are decoded and handed to libxml2
    if rng.random() < 0.3:
        page = page.replace("<html>", f'<html><meta charset="{rng.choice(_CHARSETS)}">', 1)
    page = rng.choice(_PROLOGUES) + page
    if rng.random() < 0.03:
        page = page.replace("</body>", "\x00</body>", 1)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"])
    data = page.encode(encoding, errors="replace")
    if encoding == "utf-8" and rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + data
    return data


# ---------------------------------------------------------------------------------------------- run
def inputs(fuzz: int, pdf_dirs: tuple[Path, ...] = ()) -> Iterator[tuple[str, str, bytes]]:
    for p in sorted((FIXTURES / "rendered").iterdir()):
        if p.suffix in (".html", ".xlsx", ".xls", ".docx", ".pdf"):
            yield p.name, p.suffix[1:], p.read_bytes()
    for p in sorted((FIXTURES / "scans").glob("*.pdf")):
        yield f"scans/{p.name}", "pdf", p.read_bytes()
    for folder in pdf_dirs:
        for p in sorted(folder.glob("*.pdf")):
            yield str(p), "pdf", p.read_bytes()
    for name, data in _cassette_bodies():
        yield name, "html", data
    for seed in range(fuzz):
        yield f"fuzz#{seed}", "html", fuzz_page(seed)


def corpus() -> Iterator[tuple[str, bytes]]:
    for p in sorted((FIXTURES / "corpus").rglob("*")):
        if p.is_file() and p.suffix in (".md", ".txt"):
            yield str(p.relative_to(FIXTURES)), p.read_bytes()


def _pdf(data: bytes) -> dict[str, Any]:
    from parsers.readers.pdf import FALLBACK

    before = dict(FALLBACK)
    out = _read(data, "pdf")
    out["fallback"] = {k: v - before.get(k, 0) for k, v in FALLBACK.items() if v != before.get(k, 0)}
    return out


def snapshot(out: Path, fuzz: int, pdf_dirs: tuple[Path, ...] = ()) -> None:
    with out.open("w", encoding="utf-8") as f:
        for name, kind, data in inputs(fuzz, pdf_dirs):
            rec = _html(data) if kind == "html" else _pdf(data) if kind == "pdf" else _read(data, kind)
            f.write(json.dumps({"name": name, **rec}, ensure_ascii=False, default=str) + "\n")
        for name, data in corpus():
            report = parse(data, name)
            blob = json.dumps(dataclasses.asdict(report), ensure_ascii=False, sort_keys=True, default=str)
            f.write(json.dumps({"name": name, "report_sha1": hashlib.sha1(blob.encode()).hexdigest()}) + "\n")


def diff(a: Path, b: Path) -> int:
    left = [json.loads(x) for x in a.read_text(encoding="utf-8").splitlines()]
    right = [json.loads(x) for x in b.read_text(encoding="utf-8").splitlines()]
    if [x["name"] for x in left] != [x["name"] for x in right]:
        print("the two snapshots hold different inputs")
        return 2
    bad = [(x, y) for x, y in zip(left, right, strict=True) if x != y]
    for x, y in bad[:20]:
        keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        print(f"DIFFERS {x['name']}: {', '.join(keys)}")
    print(f"{len(left)} inputs, {len(bad)} differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--fuzz", type=int, default=3000)
    ap.add_argument("--diff", nargs=2, type=Path)
    ap.add_argument("--pdf-dir", type=Path, action="append", default=[], help="a folder of PDFs to read too")
    args = ap.parse_args()
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        ap.error("give an output file or --diff A B")
    snapshot(args.out, args.fuzz, tuple(args.pdf_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""HTML pages (a whole CMS page with its chrome, or a bare fragment) → text in the seed convention.

The charset is the declared one (BOM, ``<meta charset>``), but UTF-8 is tried first because it almost never
decodes anything else by accident, and GB18030 (a superset of GBK/GB2312) is the fallback: GBK pages with a
wrong or missing declaration are common. The content container is chosen by scoring (see ``chrome.py``).
Every inline element's text is kept; block elements become lines; tables become TAB-joined rows with their
rowspan/colspan continuation positions left empty.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lxml import etree

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.chrome import Element, best_container, chrome_hits, join_wrapped, raw_text, visible_text

_BLOCK = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "br",
        "section", "article", "blockquote", "pre", "center", "form", "hr", "address", "figure", "figcaption",
        "header", "footer", "nav", "main", "aside", "caption", "thead", "tbody", "tfoot", "table", "fieldset",
        "details", "summary", "legend", "body", "html",
    }
)  # fmt: skip
_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "select", "option", "button", "input",
        "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "audio", "video",
    }
)  # fmt: skip
_INVISIBLE = ("script", "style", "noscript", "template")
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_MAX_SPAN = 200  # a colspan/rowspan above this is treated as a typo (or an attack)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


# ---------------------------------------------------------------------------------------------- decoding
def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def html_encoding(data: bytes) -> str:
    """The codec :func:`decode_html` reads ``data`` with: a BOM's, UTF-8 if it decodes strictly, the declared
    charset if it decodes strictly (GBK and its kin as GB18030), else GB18030. A charset that is declared but
    wrong (GBK bytes labelled UTF-8) or missing does not matter."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}:
        declared = "gb18030"
    for enc in (declared, "gb18030"):
        if not enc or enc in {"utf-8", "utf8"}:
            continue
        try:
            data.decode(enc)
            return enc
        except (UnicodeDecodeError, LookupError):
            continue
    return "gb18030"


def decode_html(data: bytes) -> str:
    """Bytes → str: BOM, then strict UTF-8, then the declared charset, then GB18030 (:func:`html_encoding`)."""
    return data.decode(html_encoding(data), errors="replace")


def parse_tree(html: bytes | str) -> Element:
    text = decode_html(html) if isinstance(html, bytes) else html
    text = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        raise UnreadableDocument("empty HTML document", code="empty")
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise UnreadableDocument(f"HTML that lxml cannot parse: {exc}", code="corrupt") from exc
    if root is None:
        raise UnreadableDocument("empty HTML document", code="empty")
    invisible = [el for el in root.iter(*_INVISIBLE)]
    for el in invisible:  # scripts, styles …: dropped, their tails kept
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    return root


def _tree(html_or_tree: Any) -> Element:
    if isinstance(html_or_tree, bytes | str):
        return parse_tree(html_or_tree)
    return html_or_tree


# ---------------------------------------------------------------------------------------------- content
def main_content(html: bytes | str | Element) -> tuple[Element | None, float]:
    """The element holding the report (best-scoring container) and its score; ``None`` if nothing scores.

    Reusable by a crawler to decide whether a page carries a report body at all.
    """
    return best_container(_tree(html))


# ---------------------------------------------------------------------------------------------- text
def _tag(el: Any) -> str | None:
    return el.tag.lower() if isinstance(el.tag, str) else None


def _hidden(el: Element) -> bool:
    style = el.get("style")
    return bool(style and _hidden_style(style)) or el.get("hidden") is not None


@functools.lru_cache(maxsize=4096)
def _hidden_style(style: str) -> bool:
    """Does the style hide the element? (Pages repeat a handful of style strings on every element.)"""
    return bool(_HIDDEN.search(style))


class _Walker:
    """Walks an element tree, writing lines and table rows into a :class:`TextBuilder`."""

    def __init__(self, tb: TextBuilder) -> None:
        self.tb = tb
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            line = " ".join("".join(self.buf).translate(_ZERO_WIDTH).split())
            self.buf = []
            if line:
                self.tb.line(line)

    def walk(self, el: Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in _SKIP or _hidden(el):
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.table(el)
            return
        block = tag in _BLOCK or tag == "td" or tag == "th"
        if block:
            self.flush()
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buf.append(child.tail)
        if block:
            self.flush()

    def table(self, el: Element) -> None:
        grid = table_grid(el)
        if not grid:
            return
        t = self.tb.new_table()
        emitted = False
        for r, cells in enumerate(grid):
            if any(cells):
                self.tb.row(cells, table=t, row=r)
                emitted = True
        if emitted:
            self.tb.blank()


def _rows(table: Element) -> list[Element]:
    rows: list[Element] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in {"thead", "tbody", "tfoot"}:
            rows.extend(c for c in child if _tag(c) == "tr")
    return rows


def _is_layout_table(table: Element) -> bool:
    """A table used for page layout: one of its cells holds another table, or it has a single cell."""
    cells = [c for r in _rows(table) for c in r if _tag(c) in {"td", "th"}]
    if len(cells) <= 1:
        return True
    return any(c.find(".//table") is not None for c in cells)


_LEADING_INT = re.compile(r"\s*(\d+)")


def _span(el: Element, attr: str) -> int:
    raw = el.get(attr)
    if raw is None:
        return 1
    m = _LEADING_INT.match(raw)
    n = int(m.group(1)) if m else 1
    return max(1, min(n, _MAX_SPAN))


def cell_text(td: Element) -> str:
    """A cell's text: its lines (``<br>``, ``<p>`` …) joined, with no space between CJK characters."""
    if not len(td):  # no child: its text as it stands
        return " ".join((td.text or "").translate(_ZERO_WIDTH).split())
    blocks = 0
    for d in td.iterdescendants():
        tag = d.tag
        tag = tag.lower() if isinstance(tag, str) else None
        if tag in _BLOCK:
            blocks += 1
        if blocks > 1 or tag in _SKIP or _hidden(d):
            break
    else:  # at most one block inside (``<td><p><span>0</span></p></td>``): the text as it stands
        return " ".join(raw_text(td).translate(_ZERO_WIDTH).split())
    tb = TextBuilder()
    walker = _Walker(tb)
    if td.text:
        walker.buf.append(td.text)
    for child in td:
        walker.walk(child)
        if child.tail:
            walker.buf.append(child.tail)
    walker.flush()
    return join_wrapped(tb.text().replace("\t", " ").split("\n"))


_CELL_TAGS = frozenset({"td", "th"})


def table_grid(table: Element) -> list[list[str]]:
    """The table as a full grid: merged cells' text at their top-left, every continuation position ""."""
    rows = _rows(table)
    taken: dict[tuple[int, int], str] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            tag = td.tag
            if not isinstance(tag, str) or tag.lower() not in _CELL_TAGS or _hidden(td):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = _span(td, "rowspan")
            colspan = _span(td, "colspan")
            rowspan = min(rowspan, len(rows) - r)
            text = cell_text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = text if dr == 0 and dc == 0 else ""
            c += colspan
            width = max(width, c)
        width = max(width, c)
    return [[taken.get((r, c), "") for c in range(width)] for r in range(len(rows))]


# ---------------------------------------------------------------------------------------------- metadata
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_PUBLISHED_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发文日期)\s*[:：]?\s*")
_PUBLISHER_LABELS = [
    re.compile(r"发布机构\s*[:：]?\s*"),
    re.compile(r"信息来源\s*[:：]\s*"),
    re.compile(r"来源\s*[:：]\s*"),
]
_PUBLISHER_STOP = re.compile(r"(?:发布时间|发布日期|分享到|浏览次数|访问量|字号|【|\[|作者|责任编辑|点击)")
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|—]{1,2}|——)\s*")


def parse_date(text: str) -> str | None:
    """The first date in ``text`` (``2022年3月8日``, ``2022-03-08 15:25``, ``2022/3/8``) as ISO YYYY-MM-DD."""
    for m in _DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _meta(tree: Element, *names: str) -> str | None:
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").lower()
        if key in names:
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None


def _page_text(tree: Element) -> str:
    """The page's text with every text node apart (a field table's label and value stay apart)."""
    body = tree.find("body")
    root = body if body is not None else tree
    return " ".join(" ".join(root.itertext()).split())


def extract_page_metadata(html_text_or_tree: bytes | str | Element) -> dict[str, str]:
    """Title, publisher and publication date (ISO) as the whole page states them; only the keys found."""
    tree = _tree(html_text_or_tree)
    out: dict[str, str] = {}
    text = _page_text(tree)

    title = _meta(tree, "articletitle", "og:title")
    if not title:
        for h in tree.iter("h1", "h2"):
            t = " ".join(raw_text(h).split())
            if "报告" in t or "年报" in t:
                title = t
                break
    if not title:
        for h in tree.iter("h1"):
            t = " ".join(raw_text(h).split())
            if len(t) >= 6:
                title = t
                break
    if not title:
        t_el = tree.find(".//title")
        if t_el is not None and raw_text(t_el).strip():
            parts = [p for p in _TITLE_SPLIT.split(raw_text(t_el).strip()) if p]
            title = max(parts, key=len) if parts else None
    if title:
        out["title"] = title

    publisher = _meta(tree, "contentsource", "source", "author")
    for label in [] if publisher else _PUBLISHER_LABELS:
        for m in label.finditer(text):
            value = text[m.end() : m.end() + 60].split(" ")[0]
            value = _PUBLISHER_STOP.split(value)[0].strip("：: ")
            if value and not _DATE.match(value):
                publisher = value
                break
        if publisher:
            break
    if publisher:
        out["publisher"] = publisher

    published = None
    raw = _meta(tree, "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date")
    if raw:
        published = parse_date(raw)
    if not published:
        for m in _PUBLISHED_LABEL.finditer(text):
            published = parse_date(text[m.end() : m.end() + 30])
            if published:
                break
    if published:
        out["published"] = published
    return out


# ---------------------------------------------------------------------------------------------- reader
def read_html(data: bytes) -> Extracted:
    tree = parse_tree(data)
    metadata = extract_page_metadata(tree)
    notes: list[str] = []
    container, score = best_container(tree)
    tb = TextBuilder()
    if container is None:
        body = tree.find("body")
        page = body if body is not None else tree
        text = None if chrome_hits(visible_text(page)) == 0 else _trafilatura_text(tree)
        if text:
            notes.append(f"no content container scored (best {score:.1f}); text taken by trafilatura")
            for line in text.split("\n"):
                if line.strip():
                    tb.line(" ".join(line.split()))
        else:
            container = page
            notes.append(f"no content container scored (best {score:.1f}); whole page used")
    if container is not None:
        title = metadata.get("title")
        if title and title not in visible_text(container)[:400]:
            tb.line(title)
        walker = _Walker(tb)
        walker.walk(container)
        walker.flush()
    text = tb.text()
    if not text.strip():
        raise UnreadableDocument("HTML page without any text", code="empty")
    return Extracted(kind="html", text=text, spans=tb.spans, metadata=metadata, notes=notes)


def _trafilatura_text(tree: Element) -> str | None:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return None
    try:
        return trafilatura.extract(
            etree.tostring(tree, method="html", encoding="unicode"), include_tables=True, favor_recall=True
        )
    except Exception:  # trafilatura may fail on odd markup; the caller falls back to the whole page
        return None

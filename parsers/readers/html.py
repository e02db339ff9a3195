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
import threading
from codecs import utf_8_decode as _utf8_decode
from typing import Any

from lxml import etree

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.mhtml import is_mhtml, unwrap_mhtml
from parsers.readers import html_stream
from parsers.readers.chrome import Element, best_container, chrome_hits, join_wrapped, raw_text, visible_text
from parsers.readers.html_grid import place
from parsers.readers.html_stream import ZERO_WIDTH
from parsers.utf16 import utf16_codec

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
# one pair of parsers per thread (the crawl reads pages in worker threads): lxml advises against sharing a parser
# between threads, and a crawl under load once died inside ``etree.fromstring`` with the shared pair
_PARSERS = threading.local()


def _parsers() -> tuple[etree.HTMLParser, etree.HTMLParser]:
    """This thread's parsers: for text (decoded already) and for strict UTF-8 bytes."""
    pair = getattr(_PARSERS, "pair", None)
    if pair is None:
        options = {"remove_comments": True, "remove_pis": True, "no_network": True, "collect_ids": False}
        pair = _PARSERS.pair = (  # no hash of ids (nothing here looks an element up by id)
            etree.HTMLParser(**options),
            etree.HTMLParser(**options, encoding="utf-8"),
        )
    return pair


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_zero_width(text: str) -> str:
    """The text without zero-width characters (five C-level replaces: ``str.translate`` with a dict costs a
    dictionary look-up per character)."""
    for ch in ZERO_WIDTH:
        if ch in text:
            text = text.replace(ch, "")
    return text


# ---------------------------------------------------------------------------------------------- decoding
def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def html_encoding(data: bytes) -> str:
    """The codec :func:`decode_html` reads ``data`` with: a BOM's, UTF-8 if it decodes strictly, the declared
    charset if it decodes strictly (GBK and its kin as GB18030), else GB18030. A charset that is declared but
    wrong (GBK bytes labelled UTF-8) or missing does not matter."""
    return _decoded(data)[0]


def _decoded(data: bytes) -> tuple[str, str | None]:
    """:func:`html_encoding`'s codec, and the text where that codec decoded ``data`` strictly (``None``: a BOM's
    codec, or the GB18030 fallback, which decodes with replacement): a page is not decoded twice."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", None
    if (utf16 := utf16_codec(data)) is not None:
        return utf16, None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}:
        declared = "gb18030"
    for enc in (declared, "gb18030"):
        if not enc or enc in {"utf-8", "utf8"}:
            continue
        try:
            return enc, data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return "gb18030", None


def decode_html(data: bytes) -> str:
    """Bytes → str: BOM, then strict UTF-8, then the declared charset, then GB18030 (:func:`html_encoding`),
    decoded once."""
    encoding, text = _decoded(data)
    return text if text is not None else data.decode(encoding, errors="replace")


def _utf8_markup(data: bytes) -> bool:
    """May ``data`` go to libxml2 as it is, in UTF-8, for the tree its decoded text would give? Yes when it has no
    BOM and no NUL, starts (after ASCII spaces) with a tag that is not an XML declaration (nothing to cut off
    first), and its first non-ASCII bytes read as UTF-8 (whether all of it is strict UTF-8, what
    :func:`decode_html` would read it as, :func:`_utf8_tree` finds out while it parses). This spares lxml
    converting a str (UTF-16 inside) back to UTF-8."""
    head = data[:64].lstrip()
    if not head.startswith(b"<") or head.startswith(b"<?xml") or b"\x00" in data:
        return False
    # a page in another encoding (GBK …) shows it at its first non-ASCII bytes: not parsed twice
    first = _NON_ASCII.search(data)
    if first is None:
        return True
    try:
        _utf8_decode(data[first.start() : first.start() + 64], "strict", False)  # a character cut at the end: kept
    except UnicodeDecodeError:
        return False
    return True


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_INVALID_ENCODING = [etree.ErrorTypes.ERR_INVALID_ENCODING]


def _utf8_tree(data: bytes, parser: etree.HTMLParser) -> Element | None:
    """``data`` parsed as UTF-8, or ``None`` where it is not strict UTF-8. Whether it is, libxml2 tells while it
    parses: it reports every byte sequence Python's strict decoder refuses (a stray continuation byte, a truncated
    or overlong sequence, a surrogate, a code point above U+10FFFF; a test checks) as an invalid encoding, so the
    page is not decoded by Python first only to be checked (a page's decode costs an eighth of its tree's parse)."""
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is not None and not parser.error_log.filter_types(_INVALID_ENCODING):
        return root
    if not _strict_utf8(data):  # read as decode_html reads it
        return None
    return _parse(data, parser)  # strict UTF-8 after all: parsed (or refused) as such


def _parse(markup: bytes | str, parser: etree.HTMLParser) -> Element:
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise UnreadableDocument(f"HTML that lxml cannot parse: {exc}", code="corrupt") from exc
    if root is None:
        raise UnreadableDocument("empty HTML document", code="empty")
    return root


def parse_tree(html: bytes | str) -> Element:
    """The page's element tree: scripts, styles … dropped (their tails kept)."""
    for_text, for_utf8 = _parsers()
    root = _utf8_tree(html, for_utf8) if isinstance(html, bytes) and _utf8_markup(html) else None
    if root is None:
        text = decode_html(html) if isinstance(html, bytes) else html
        markup = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
        if not markup or markup.isspace():
            raise UnreadableDocument("empty HTML document", code="empty")
        root = _parse(markup, for_text)
    invisible = [el for el in root.iter(*_INVISIBLE)]
    for el in invisible:  # scripts, styles …: dropped, their tails kept
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            merged = ((prev.tail if prev is not None else parent.text) or "") + el.tail
            if not _settable(merged):  # a control character libxml2 kept but lxml will not set: emptied in place
                el.tag = "span"
                el.text = None
                el.attrib.clear()
                del el[:]
                continue
            if prev is not None:
                prev.tail = merged
            else:
                parent.text = merged
        parent.remove(el)
    return root


_PROBE = threading.local()


def _settable(text: str) -> bool:
    """Will lxml set ``text`` as a node's text? (It refuses control characters, and drops the node's old text
    before it says so: asked on a probe element of the thread's own.)"""
    probe = getattr(_PROBE, "element", None)
    if probe is None:
        probe = _PROBE.element = etree.Element("probe")
    try:
        probe.text = text
    except ValueError:
        return False
    probe.text = None
    return True


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


_STYLE_VALUES = etree.XPath("descendant-or-self::*/@style", smart_strings=False)
# the same values, each once (EXSLT's set:distinct keeps the first node of each string value): a page repeats a
# handful of style strings on hundreds of elements, and each value returned is a Python string made
_DISTINCT_STYLES = etree.XPath(
    "set:distinct(descendant-or-self::*/@style)", namespaces={"set": "http://exslt.org/sets"}, smart_strings=False
)
_STYLE_IS = etree.XPath("descendant-or-self::*[@style = $style]")
_HIDDEN_ATTRS = etree.XPath("descendant-or-self::*/@hidden")


# the bytes every hiding rule of ``_hidden`` prints: ``display: none``'s "play" and ``visibility: hidden``'s (and the
# attribute ``hidden``'s) "dden", in ASCII letters of any case (re.I matches no other character to p, l, a, y, d, e or
# n); ASCII-compatible charsets only, where every ASCII character of the decoded text is that byte of the markup
_HIDING = (b"play", b"dden")
# the markup's ASCII letters alone, lower-cased, in one C-level pass (``bytes.translate`` with a deletion set): a
# hiding rule's letters stand side by side in them as in the markup lowered, so a search of them finds every rule a
# search of the lowered markup finds, in about half the bytes (a UTF-8 page's Chinese text, its digits, spaces and
# tags' punctuation dropped). Letters the deletion brings together (``<p>lay``) can only spell a rule where there
# is none: the tree is asked, whose answer is exact (``_Marks``); never the other way.
_LOWER = bytes(range(256)).lower()
_NOT_LETTERS = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))
_ASCII_CHARSETS = frozenset({"utf-8", "utf8", "gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"})


_AMPERSANDS = 16  # the ``&`` looked at one by one before the rest is searched for ``&#`` whole


def _char_reference(data: bytes) -> bool:
    """``b"&#" in data``, found from each ``&`` (a one-byte search is ``memchr``; a two-byte one looks at every
    byte, about 20 times as long on a page that prints a few ``&``); past :data:`_AMPERSANDS` of them, the rest is
    searched for ``&#`` whole."""
    at = data.find(b"&")
    for _ in range(_AMPERSANDS):
        if at < 0:
            return False
        if data.startswith(b"#", at + 1):
            return True
        at = data.find(b"&", at + 1)
    return at >= 0 and data.find(b"&#", at) >= 0


def hides_nothing(data: bytes) -> bool:
    """True when no element of ``parse_tree(data)`` can be hidden (``_hidden``), told from the markup's bytes in C:
    they never spell a hiding rule. ``False`` (the tree is asked) where a character reference (``&#112;``) could
    spell one, where a NUL is dropped before the parse or the text is UTF-16, or where the declared charset may not
    be ASCII-compatible (a hiding rule's letters would not be its bytes)."""
    if _char_reference(data) or b"\x00" in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    letters = data.translate(_LOWER, _NOT_LETTERS)
    if any(needle in letters for needle in _HIDING):
        return False
    declared = declared_charset(data)
    return declared is None or declared in _ASCII_CHARSETS


class _Marks:
    """What the walk asks of every element, gathered once per tree with C-level queries: the hidden elements
    (``_hidden``), the elements holding a hidden or skipped element (``troubled``: their text cannot be taken
    whole; found when first asked), and whether the tree's text holds any zero-width character. ``hides``:
    ``False`` when the page's markup cannot hide an element (:func:`hides_nothing`): the tree is not asked."""

    def __init__(self, root: Element, texts: dict[Element, str] | None = None, *, hides: bool = True) -> None:
        self.root = root
        self.texts = texts if texts is not None else {}  # raw texts already taken (chrome.score_candidates)
        hidden: set[Element] = set()
        if hides:
            hidden.update(a.getparent() for a in _HIDDEN_ATTRS(root))
            for style in _DISTINCT_STYLES(root):  # set(_STYLE_VALUES(root))
                if _hidden_style(style):
                    hidden.update(_STYLE_IS(root, style=style))
        self.hidden = hidden
        text = self.texts.get(root)
        if text is None:
            text = raw_text(root)
        self.zero_width = any(ch in text for ch in ZERO_WIDTH)  # none in the tree: no text needs them dropped

    @functools.cached_property
    def troubled(self) -> set[Element]:
        troubled: set[Element] = set()
        for el in [*self.hidden, *self.root.iter(*_SKIP)]:
            up = el.getparent()
            while up is not None and up not in troubled:
                troubled.add(up)
                up = up.getparent()
        return troubled


_CELL_TAGS = frozenset({"td", "th"})
_BLOCKISH = _BLOCK | _CELL_TAGS
_STRUCTURE = _BLOCKISH | _SKIP  # an element under which text is not taken whole


def _plain(el: Element) -> bool:
    """No block, cell or skipped element below ``el``: its text is all its text nodes, in order."""
    for d in el.iterdescendants():
        tag = d.tag
        if tag.__class__ is str and tag.lower() in _STRUCTURE:
            return False
    return True


class _Walker:
    """Walks an element tree, writing lines and table rows into a :class:`TextBuilder`. A subtree without
    blocks, cells, skipped or hidden elements is read whole, by one C-level call."""

    def __init__(self, tb: TextBuilder, marks: _Marks) -> None:
        self.tb = tb
        self.marks = marks
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            line = "".join(self.buf)
            line = " ".join((_drop_zero_width(line) if self.marks.zero_width else line).split())
            self.buf = []
            if line:
                self.tb.line(line)

    def walk(self, el: Element) -> None:
        tag = el.tag
        if tag.__class__ is not str:
            return
        tag = tag.lower()
        if tag in _SKIP or el in self.marks.hidden:
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.table(el)
            return
        block = tag in _BLOCKISH
        if block:
            self.flush()
        if not len(el):
            if el.text:
                self.buf.append(el.text)
        elif el not in self.marks.troubled and _plain(el):
            self.buf.append(raw_text(el))
        else:
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
                if child.tail:
                    self.buf.append(child.tail)
        if block:
            self.flush()

    def table(self, el: Element) -> None:
        _write_table(self.tb, _grid(el, self.marks))


def _write_table(tb: TextBuilder, grid: list[list[str]]) -> None:
    if not grid:
        return
    if tb.clean_rows(grid, table=tb.new_table()):  # cell texts are collapsed already
        tb.blank()


_ROWS = etree.XPath("tr|thead/tr|tbody/tr|tfoot/tr")
_CELL_HOLDS_TABLE = etree.XPath("boolean((tr|thead/tr|tbody/tr|tfoot/tr)/*[self::td or self::th]//table)")


def _rows(table: Element) -> list[Element]:
    """The table's own rows: ``tr`` children, and those of its ``thead``/``tbody``/``tfoot``, in order."""
    return list(_ROWS(table))


def _is_layout_table(table: Element) -> bool:
    """A table used for page layout: one of its cells holds another table, or it has a single cell."""
    cells = 0
    for tr in _ROWS(table):
        for td in tr:
            tag = td.tag
            if tag.__class__ is str and tag.lower() in _CELL_TAGS:
                cells += 1
        if cells > 1:
            break
    else:
        return True
    nested = table.iter("table")
    next(nested)  # the table itself
    return next(nested, None) is not None and bool(_CELL_HOLDS_TABLE(table))


def cell_text(td: Element) -> str:
    """A cell's text: its lines (``<br>``, ``<p>`` …) joined, with no space between CJK characters."""
    return _cell_text(td, _Marks(td))


def _cell_text(td: Element, marks: _Marks) -> str:
    if not len(td):  # no child: its text as it stands
        text = td.text or ""
        return " ".join((_drop_zero_width(text) if marks.zero_width else text).split())
    if td not in marks.troubled:  # nothing hidden or skipped inside
        blocks = 0
        for d in td.iterdescendants():
            tag = d.tag
            if tag.__class__ is str and tag.lower() in _BLOCK:
                blocks += 1
                if blocks > 1:
                    break
        else:  # at most one block inside (``<td><p><span>0</span></p></td>``): the text as it stands
            text = marks.texts.get(td)
            if text is None:
                text = raw_text(td)
            return " ".join((_drop_zero_width(text) if marks.zero_width else text).split())
    tb = TextBuilder()
    walker = _Walker(tb, marks)
    if td.text:
        walker.buf.append(td.text)
    for child in td:
        walker.walk(child)
        if child.tail:
            walker.buf.append(child.tail)
    walker.flush()
    return join_wrapped(tb.text().replace("\t", " ").split("\n"))


def table_grid(table: Element) -> list[list[str]]:
    """The table as a full grid: merged cells' text at their top-left, every continuation position ""."""
    return _grid(table, _Marks(table))


def _grid(table: Element, marks: _Marks) -> list[list[str]]:
    hidden = marks.hidden
    rows = [
        [
            (td.get("rowspan"), td.get("colspan"), td)
            for td in tr
            if td.tag.__class__ is str and td.tag.lower() in _CELL_TAGS and td not in hidden
        ]
        for tr in _ROWS(table)
    ]
    return place(rows, lambda td: _cell_text(td, marks))


_ROW_TAGS = frozenset({"tr", "thead", "tbody", "tfoot"})
_MARKED_TEXT = html_stream.MarkedText(_BLOCKISH, _CELL_TAGS, _SKIP)


class _StreamFailed(Exception):
    """The transform failed after the tree was changed for it: the page is read again the slow way."""


def _stream_walk(container: Element, marks: _Marks, tb: TextBuilder) -> bool:
    """What ``_Walker.walk(container)`` writes, written from one transform of the container (:mod:`html_stream`)
    instead of a Python visit of every node; ``False`` (nothing written, the tree untouched) where the container
    is hidden or skipped, or its text holds a mark character. Marks the tree's elements: for a tree read once.

    The walk reaches every element but those inside a hidden or skipped element or a data table; the data
    tables it reaches are marked to be written as grids, the hidden elements to be dropped."""
    tag = container.tag
    if tag.__class__ is not str or tag.lower() in _SKIP or container in marks.hidden:
        return False
    raw = marks.texts.get(container)
    if raw is None:
        raw = raw_text(container)
    for ch in html_stream.MARKS:
        if ch in raw:
            return False
    hidden = marks.hidden
    for el in hidden:  # a hidden row (or row group) still gives its cells to its table: not renamed
        tag = el.tag
        if tag.__class__ is str and tag.lower() in _ROW_TAGS:
            return False
    tables: list[Element] = []
    for table in container.iter("table"):  # document order: an enclosing table is met first
        up: Element | None = table
        while up is not None:
            if up in hidden or (up is not table and up in tables):
                break
            utag = up.tag
            if utag.__class__ is str and utag.lower() in _SKIP:
                break
            if up is container:
                up = None
                break
            up = up.getparent()
        if up is None and not _is_layout_table(table):
            tables.append(table)
    for el in hidden:
        el.tag = html_stream.DROPPED
    for table in tables:
        table.tag = html_stream.GRID
    try:
        text = _MARKED_TEXT(container)
    except etree.XSLTError as exc:
        raise _StreamFailed(str(exc)) from exc
    if marks.zero_width:
        text = _drop_zero_width(text)
    outside, bodies = html_stream.split_tables(text)
    for k, stretch in enumerate(outside):
        tb.clean_lines(html_stream.lines(stretch))  # whitespace-collapsed: no TAB, CR or newline
        if k < len(bodies):
            _write_table(tb, html_stream.table_grid(bodies[k]))
    return True


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


def _metas(tree: Element) -> list[tuple[str, Element]]:
    """The page's meta elements with their keys (name, property or itemprop, lower-cased), in order: the tree
    walked once for every :func:`_meta` asked of it."""
    return [
        ((el.get("name") or el.get("property") or el.get("itemprop") or "").lower(), el) for el in tree.iter("meta")
    ]


def _meta(metas: list[tuple[str, Element]], *names: str) -> str | None:
    """The first non-empty content of a meta element whose key is one of ``names``."""
    for key, el in metas:
        if key in names:
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None


def _page_root(tree: Element) -> Element:
    body = tree.find("body")
    return body if body is not None else tree


def _page_text(tree: Element) -> str:
    """The page's text with every text node apart (a field table's label and value stay apart)."""
    return " ".join(" ".join(_TEXT_NODES(_page_root(tree))).split())


# The words the publisher and date labels start with. A label found in the page's text with its text nodes apart
# lies inside one text node, so it is also in the text nodes run together (one C-level call): where none is,
# the text with its nodes apart is not built.
_PUBLISHER_WORDS = ("发布机构", "来源")
_PUBLISHED_WORDS = ("发布时间", "发布日期", "发表时间", "发文日期")


_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)  # itertext(), in one C-level call


def extract_page_metadata(
    html_text_or_tree: bytes | str | Element, texts: dict[Element, str] | None = None
) -> dict[str, str]:
    """Title, publisher and publication date (ISO) as the whole page states them; only the keys found.
    ``texts``: raw texts already taken (:func:`chrome.score_candidates`), the page root's among them."""
    tree = _tree(html_text_or_tree)
    out: dict[str, str] = {}
    root = _page_root(tree)
    whole = texts.get(root) if texts is not None else None
    if whole is None:
        whole = raw_text(root)
    text = ""

    metas = _metas(tree)
    title = _meta(metas, "articletitle", "og:title")
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

    publisher = _meta(metas, "contentsource", "source", "author")
    if not publisher and any(w in whole for w in _PUBLISHER_WORDS):
        text = _page_text(tree)
    for label in [] if publisher or not text else _PUBLISHER_LABELS:
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
    raw = _meta(metas, "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date")
    if raw:
        published = parse_date(raw)
    if not published and any(w in whole for w in _PUBLISHED_WORDS):
        text = text or _page_text(tree)
        for m in _PUBLISHED_LABEL.finditer(text):
            published = parse_date(text[m.end() : m.end() + 30])
            if published:
                break
    if published:
        out["published"] = published
    return out


# ---------------------------------------------------------------------------------------------- reader
def read_html(data: bytes) -> Extracted:
    if is_mhtml(data):  # a page a browser saved as one file (parsers/mhtml.py)
        return read_unwrapped(unwrap_mhtml(data))
    try:
        return _read_html(data, fast=True)
    except _StreamFailed:
        return _read_html(data, fast=False)


def read_unwrapped(page: bytes | None) -> Extracted:
    """A saved page (MHTML) read by its HTML, as :func:`parsers.mhtml.unwrap_mhtml` unwrapped it (None: the message
    holds no page), for a caller that has unwrapped it already (:mod:`parsers.readers.saved_page`)."""
    if page is None:
        raise UnreadableDocument("MHTML file that holds no HTML page (no text/html part)", code="empty")
    return read_html(page)


def _read_html(data: bytes, *, fast: bool) -> Extracted:
    tree = parse_tree(data)
    notes: list[str] = []
    texts: dict[Element, str] = {}
    container, score = best_container(tree, texts)
    metadata = extract_page_metadata(tree, texts)
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
        if title:
            raw = texts.get(container)
            if title not in _collapsed_head(raw_text(container) if raw is None else raw, _TITLE_WITHIN):
                tb.line(title)
        # the walk reads nothing outside the container
        marks = _Marks(container, texts, hides=not hides_nothing(data))
        if not (fast and _stream_walk(container, marks, tb)):
            walker = _Walker(tb, marks)
            walker.walk(container)
            walker.flush()
    text = tb.text()
    if not text.strip():
        raise UnreadableDocument("HTML page without any text", code="empty")
    return Extracted(kind="html", text=text, spans=tb.spans, metadata=metadata, notes=notes, grid=True)


_TITLE_WITHIN = 400  # the title is written first unless the container's visible text shows it this early


def _collapsed_head(raw: str, n: int) -> str:
    """``" ".join(raw.split())[:n]``, collapsed from a stretch of ``raw`` where that stretch gives ``n`` characters
    (a container's text runs to thousands): the words of a prefix of ``raw``, joined, are a prefix of all its words
    joined (a word cut at the stretch's end is a prefix of the word)."""
    head = " ".join(raw[: 4 * n].split())
    if len(head) > n:
        return head[:n]
    return " ".join(raw.split())[:n]


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

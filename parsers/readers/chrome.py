"""Telling a page's content container from its site chrome, by scoring candidate elements.

A government CMS page wraps the report in navigation, a 当前位置 breadcrumb, a 发布时间/信息来源/分享到 block and a
footer with the ICP licence. No single selector finds the body on every CMS, so each block element is scored:
known content classes/ids and the report's own section headings and tables add points, chrome words and
navigation classes subtract them, and the best-scoring element wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

# Content containers seen on TRS, Hanweb and other CMSs (class or id).
_STRONG_CLASS = re.compile(
    r"trs_editor|trs_ueditor|trs_editor_view|trs_paper_default|doccontent|\bzoom\b|article-content|"
    r"article_content|art_con|bt_content|\bzwnr\b|\bwzzw\b|news_content|detail-content|detail_content|"
    r"xxgk_content|content_text|\bcontent-text\b|\bzw\b|\bzhengwen\b",
    re.I,
)
_WEAK_CLASS = re.compile(r"content|article|\bview\b|detail|\bmain\b|\btext\b|\bcon\b|\bbody\b|\bwz\b", re.I)
_BAD_CLASS = re.compile(
    r"\bnav|menu|header|\bhead\b|\bfoot|sidebar|\bshare|breadcrumb|crumb|position|location|copyright|"
    r"\blinks?\b|login|banner|search|comment|relate|xgwz|\btop\b|\bbottom\b|toolbar|\bbar\b",
    re.I,
)

# The report's own headings (2021/2019 formats and the legacy one).
_HEADINGS = [
    re.compile(p)
    for p in (
        r"一、\s*(?:总体情况|概述)",
        r"二、\s*主动公开",
        r"三、\s*(?:收到和处理|依申请公开)",
        r"四、\s*(?:政府信息公开)?(?:行政复议|因政府信息公开)",
        r"五、\s*(?:政府信息公开工作)?存在",
        r"六、\s*其他需要报告",
        r"统计指标",
        r"年度报告",
    )
]

# Words of site chrome; each one present in an element's text costs points.
_CHROME = [
    re.compile(p)
    for p in (
        r"当前位置",
        r"分享到",
        r"打印本页|【\s*打印\s*】|\[\s*打印\s*\]",
        r"关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]",
        r"ICP\s*备",
        r"版权所有",
        r"网站地图",
        r"登录\s*/?\s*注册|登录|注册",
        r"欢迎访问",
        r"网站标识码",
        r"公网安备",
        r"主办单位|主办：|承办单位",
        r"联系我们",
        r"无障碍",
        r"上一篇|下一篇",
        r"相关链接|相关文章|相关阅读",
        r"扫一扫",
        r"字号|【\s*大\s*中\s*小\s*】",
        r"收藏",
    )
]

Element: TypeAlias = etree._Element
_STRING = etree.XPath("string()")
_CANDIDATE_TAGS = frozenset({"div", "td", "article", "section", "main", "body", "center", "font", "form"})
THRESHOLD = 10.0


@dataclass
class Scored:
    element: Element
    score: float
    length: int
    depth: int


def _attr_text(el: Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def chrome_hits(text: str) -> int:
    """How many different kinds of site chrome the text shows."""
    return sum(1 for c in _CHROME if c.search(text))


@functools.lru_cache(maxsize=4096)
def _attr_score(attrs: str) -> float:
    """The points an element's class and id give (pages of one CMS repeat a handful of them)."""
    score = 0.0
    if attrs.strip():
        if _STRONG_CLASS.search(attrs):
            score += 25
        elif _WEAK_CLASS.search(attrs):
            score += 8
        if _BAD_CLASS.search(attrs):
            score -= 25
    return score


def score_element(el: Element, text: str, facts: _TreeFacts | None = None) -> float:
    """Points for being the report's content container; ``text`` is the element's visible text. ``facts``
    holds what was gathered once for the whole tree (tables, link text, the patterns an ancestor's text
    showed); without it everything is computed here."""
    if not text.strip():
        return -100.0
    score = _attr_score(_attr_text(el))
    found = _found(text, _PATTERNS_ALL) if facts is None else facts.patterns_found(el, text)
    score += 15 * sum(1 for i in found if i < len(_HEADINGS))
    score -= 12 * sum(1 for i in found if i >= len(_HEADINGS))
    tables = len(_TABLES_WITH_CELLS(el)) if facts is None else facts.tables.get(el, 0)
    score += 5 * min(tables, 3)
    score += min(len(text) / 1000, 5)
    if len(text) > 20:
        if facts is None:
            mostly_links = sum(len(raw_text(a)) for a in el.iter("a")) / len(text) > 0.5
        else:
            mostly_links = facts.mostly_links(el, len(text))
        if mostly_links:
            score -= 20
    return score


# The heading patterns, then the chrome patterns, by index. None is anchored, so a text that shows one of them
# contains it in every text that contains the first: a container's text shows at most the patterns its
# enclosing container's text shows.
_PATTERNS = (*_HEADINGS, *_CHROME)
_PATTERNS_ALL = frozenset(range(len(_PATTERNS)))


# A literal every match of a pattern holds (one of several, for an alternation): a pattern whose literal is
# absent from a text is not searched for. A pattern that is itself a plain alternation of literals is found
# exactly when one of them is. Every match of these patterns starts with its literal, except where _LEAD says
# how many characters (then spaces) may come first: a search starts there before the literal's first occurrence.
_REQUIRED: dict[str, tuple[str, ...]] = {
    r"一、\s*(?:总体情况|概述)": ("一、",),
    r"二、\s*主动公开": ("二、",),
    r"三、\s*(?:收到和处理|依申请公开)": ("三、",),
    r"四、\s*(?:政府信息公开)?(?:行政复议|因政府信息公开)": ("四、",),
    r"五、\s*(?:政府信息公开工作)?存在": ("五、",),
    r"六、\s*其他需要报告": ("六、",),
    r"打印本页|【\s*打印\s*】|\[\s*打印\s*\]": ("打印",),
    r"关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]": ("关闭",),
    r"ICP\s*备": ("ICP",),
    r"登录\s*/?\s*注册|登录|注册": ("登录", "注册"),
    r"字号|【\s*大\s*中\s*小\s*】": ("字号", "【"),
}
_LEAD: dict[str, int] = {
    r"打印本页|【\s*打印\s*】|\[\s*打印\s*\]": 1,  # 【 or [, then spaces
    r"关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]": 1,
}
_METACHARACTERS = frozenset("\\.^$*+?{}[]()")


def _needles(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    """The literals one of which every match holds (``None``: unknown), and whether they are the pattern."""
    source = pattern.pattern
    if pattern.flags & ~re.UNICODE == 0 and not _METACHARACTERS.intersection(source.replace("|", "")):
        return tuple(source.split("|")), True
    return _REQUIRED.get(source), False


def _search(i: int, text: str, start: int) -> bool:
    """Does pattern ``i`` match, where ``start`` is the first occurrence of one of its needles? Searched from
    where a match holding that occurrence could start: no match starts before it (sre scans slowly where a
    pattern has no literal prefix)."""
    pattern = _PATTERNS[i]
    lead = _LEAD.get(pattern.pattern)
    if lead is not None:
        while start > 0 and text[start - 1].isspace():
            start -= 1
        start = max(0, start - lead)
    return pattern.search(text, start) is not None


def _overlap(a: str, b: str) -> bool:
    """Can occurrences of ``a`` and ``b`` overlap in a text (one inside the other, or a's end b's start)?"""
    return a != b and (a in b or b in a or any(a.endswith(b[:k]) for k in range(1, min(len(a), len(b)))))


_NEEDLES = [_needles(p) for p in _PATTERNS]
_ALL_NEEDLES = sorted({n for needles, _ in _NEEDLES for n in needles or ()})
# One pass finds every needle a text holds, as long as no two needles' occurrences can overlap (then the
# leftmost-first scan cannot hide one behind another); otherwise each needle is looked for on its own.
_NEEDLE_SCAN = (
    re.compile("|".join(map(re.escape, _ALL_NEEDLES)))
    if not any(_overlap(a, b) for a in _ALL_NEEDLES for b in _ALL_NEEDLES)
    else None
)


# Needles that can overlap themselves (扫一扫扫一扫 …): a scan finds every occurrence of the others only.
_BORDERED = tuple(n for n in _ALL_NEEDLES if any(n[:k] == n[-k:] for k in range(1, len(n))))

Occurrences: TypeAlias = list[tuple[int, str]]


def _occurrences(text: str, within: tuple[str, Occurrences] | None = None) -> Occurrences:
    """Where each needle occurs in ``text`` (all occurrences, but of _BORDERED needles). ``within``: a text
    that holds ``text`` whole, and its occurrences; those in the stretch ``text`` is are taken over."""
    if within is not None:
        outer, found = within
        a = outer.find(text)
        if a >= 0:
            b = a + len(text)
            return [(p - a, n) for p, n in found if a <= p and p + len(n) <= b]
    assert _NEEDLE_SCAN is not None
    return [(m.start(), m.group()) for m in _NEEDLE_SCAN.finditer(text)]


def _first(
    text: str, occurrences: Occurrences | None = None, candidates: frozenset[int] = _PATTERNS_ALL
) -> dict[str, int]:
    """Each needle the text holds, and where it first occurs; a needle none of whose patterns is among
    ``candidates`` may be left out, or given where the scan met it (``_found`` asks nothing of it)."""
    if _NEEDLE_SCAN is None:
        return {n: j for n in _ALL_NEEDLES if (j := text.find(n)) >= 0}
    found = _occurrences(text) if occurrences is None else occurrences
    first = {n: p for p, n in reversed(found)}  # in order: the first found is written last
    for n in _BORDERED:  # a scan finds the first occurrence of these, but not all: looked for in this text
        if candidates.isdisjoint(_BY_NEEDLE[n]):  # no pattern of it to try: the text is not searched for it
            continue
        first.pop(n, None)
        j = text.find(n)
        if j >= 0:
            first[n] = j
    return first


_BY_NEEDLE: dict[str, tuple[int, ...]] = {
    n: tuple(i for i, (needles, _) in enumerate(_NEEDLES) if needles and n in needles) for n in _ALL_NEEDLES
}
_UNFILTERED = frozenset(i for i, (needles, _) in enumerate(_NEEDLES) if needles is None)


def _found(text: str, candidates: frozenset[int], occurrences: Occurrences | None = None) -> frozenset[int]:
    """The patterns among ``candidates`` the text shows; only those one of whose needles it holds are tried."""
    first = _first(text, occurrences, candidates)
    out = {i for i in _UNFILTERED & candidates if _PATTERNS[i].search(text)} if _UNFILTERED else set()
    for n in first:
        for i in _BY_NEEDLE[n]:
            if i in candidates and i not in out:
                needles, literal = _NEEDLES[i]
                assert needles is not None
                if literal or _search(i, text, min(first[m] for m in needles if m in first)):
                    out.add(i)
    return frozenset(out)


class _TreeFacts:
    """What scoring asks of the candidates, gathered once: how many tables with cells each element holds,
    each link's text length, and the patterns each scored candidate's text shows (only those its nearest
    scored ancestor showed are searched)."""

    def __init__(self, root: Element) -> None:
        self.tables: dict[Element, int] = {}
        for table in _tables_with_cells(root):
            for up in table.iterancestors():
                self.tables[up] = self.tables.get(up, 0) + 1
        self._root = root
        self._links: dict[Element, int] | None = None  # the text length of the links below each element
        self._all_links: int | None = None  # the text length of every link of the tree (see ``mostly_links``)
        self._found: dict[Element, frozenset[int]] = {}
        self._texts: dict[Element, tuple[str, Occurrences]] = {}  # big scored texts and their needles

    def link_text(self, el: Element) -> int:
        links = self._links
        if links is None:  # every link's text length added to each of its ancestors', once: a candidate's links
            links = self._links = {}  # are not looked for in its subtree (candidates nest: each subtree is walked)
            for a in self._root.iter("a"):
                n = _link_length(a)
                links[a] = links.get(a, 0) + n  # a link's own (``el.iter("a")`` starts at ``el``)
                for up in a.iterancestors():
                    links[up] = links.get(up, 0) + n
        return links.get(el, 0)

    def mostly_links(self, el: Element, n: int) -> bool:
        """``link_text(el) / n > 0.5`` (``n``: the length of el's visible text). Where the links of the whole tree
        hold at most half of ``n`` characters together, el's links (some of them) hold no more: not counted.
        Else el's own links are counted (a walk of its subtree: the elements this leaves are small ones)."""
        total = self._all_links
        if total is None:
            total = self._all_links = sum(_link_length(a) for a in self._root.iter("a"))
        if total / n <= 0.5:
            return False
        if self._links is not None:
            return self._links.get(el, 0) / n > 0.5
        return sum(_link_length(a) for a in el.iter("a")) / n > 0.5

    def patterns_found(self, el: Element, text: str) -> frozenset[int]:
        candidates = _PATTERNS_ALL
        within = None
        for up in el.iterancestors():
            known = self._found.get(up)
            if known is not None:
                candidates = known
                within = self._texts.get(up)
                break
        if not candidates:
            found = candidates
        elif len(text) < _LONG or _NEEDLE_SCAN is None:
            found = _found(text, candidates)
        else:  # a long text: its needles are those of its scored ancestor's text, in the stretch it is
            occurrences = _occurrences(text, within)
            self._texts[el] = (text, occurrences)
            found = _found(text, candidates, occurrences)
        self._found[el] = found
        return found


def _link_length(a: Element) -> int:
    """``len(raw_text(a))``: a link without children, its text node's length."""
    return len(raw_text(a)) if len(a) else len(a.text or "")


_LONG = 1000  # a text this long has its needle occurrences kept for the candidates inside it

_TABLES_WITH_CELLS = etree.XPath("descendant::table[descendant::td]")  # "//" is far slower in libxml2


def _tables_with_cells(root: Element) -> list[Element]:
    """``_TABLES_WITH_CELLS(root)`` by C-level iteration (libxml2's XPath visits every node several times slower;
    a page has few tables)."""
    tables = root.iter("table")
    if root.tag == "table":
        next(tables)  # the descendant axis leaves the root out
    return [table for table in tables if next(table.iter("td"), None) is not None]


# The cells whose raw text is long enough to be a candidate (``string-length`` counts code points, as ``len``
# does, in the text ``raw_text`` gives): one C-level query instead of a text taken per cell.
_LONG_CELLS = etree.XPath("descendant-or-self::td[string-length() >= 20]")


def score_candidates(root: Element, texts: dict[Element, str] | None = None) -> list[Scored]:
    """Every candidate with enough text, scored. ``texts``, if given, receives the raw text (:func:`raw_text`)
    of each candidate that was taken (not of cells too short to be candidates), for the caller to reuse."""
    facts = _TreeFacts(root)
    out: list[Scored] = []
    taken, cells, depths = _taken(root)  # document order: an ancestor is scored before its descendants
    known = _texts(taken)
    if texts is not None:
        texts.update((el, known[el][0]) for el in taken)
    for el, cell, depth in zip(taken, cells, depths, strict=True):
        text = known[el][1]
        if len(text) < (20 if cell else 2):
            continue
        out.append(Scored(el, score_element(el, text, facts), len(text), depth))
    return out


_OTHER_TAGS = tuple(sorted(_CANDIDATE_TAGS - {"td"}))  # the candidates taken whatever their text


def _taken(root: Element) -> tuple[list[Element], list[bool], list[int]]:
    """The candidates below ``root`` (itself included) in document order: every element of :data:`_OTHER_TAGS`
    and the cells of :data:`_LONG_CELLS` (``[el for el in root.iter(*_CANDIDATE_TAGS) if el in long_cells or
    el.tag != "td"]``, without a Python object made for every short cell), whether each is a cell, and each one's
    depth (its ancestors, the tree's root included). The two kinds, each in document order, are merged by their
    chains of ancestors."""
    others = [el for el in root.iter(*_OTHER_TAGS)]
    cells = _LONG_CELLS(root)
    chains: dict[Element, list[Element]] = {}
    _chain(root, chains)
    other_chains = [_chain(el, chains) for el in others]
    if not cells:
        return others, [False] * len(others), [len(c) - 1 for c in other_chains]
    cell_chains = [_chain(el, chains) for el in cells]
    taken: list[Element] = []
    is_cell: list[bool] = []
    depths: list[int] = []
    i = j = 0
    while i < len(others) or j < len(cells):
        if j == len(cells) or (i < len(others) and _before(other_chains[i], cell_chains[j])):
            taken.append(others[i])
            is_cell.append(False)
            depths.append(len(other_chains[i]) - 1)
            i += 1
        else:
            taken.append(cells[j])
            is_cell.append(True)
            depths.append(len(cell_chains[j]) - 1)
            j += 1
    return taken, is_cell, depths


def _chain(el: Element, chains: dict[Element, list[Element]]) -> list[Element]:
    """``el``'s ancestors from the tree's root down, then ``el`` (kept in ``chains``): taken over from its nearest
    ancestor whose chain is known."""
    path = [el]
    chain: list[Element] | None = None
    for up in el.iterancestors():
        known = chains.get(up)
        if known is not None:
            chain = known + path[::-1]
            break
        path.append(up)
    if chain is None:
        chain = path[::-1]
    chains[el] = chain
    return chain


def _before(a: list[Element], b: list[Element]) -> bool:
    """Does the element whose chain is ``a`` come before the one of ``b`` in document order (an ancestor before
    its descendants)? Told where the chains part: by the two branches' places among their parent's children."""
    k = 0
    n = min(len(a), len(b))
    while k < n and a[k] == b[k]:
        k += 1
    if k == len(a):
        return True
    if k == len(b) or k == 0:
        return False
    parent = a[k - 1]
    return parent.index(a[k]) < parent.index(b[k])


_FEW = 16  # an element with at most this many children, one a candidate, has its text put together


def _texts(taken: list[Element]) -> dict[Element, tuple[str, str]]:
    """Each element's raw text (:func:`raw_text`) and visible text (spaces collapsed), each serialised once:
    the texts of an element with few children, one of them taken already (candidates nest: the page body, a
    wrapper, the content block), are put together from its children's texts and tails."""
    known: dict[Element, tuple[str, str]] = {}
    parents: set[Element] = set()  # the elements holding a candidate whose texts are known
    for el in taken[::-1]:  # a candidate's descendants before it (mypyc fails on reversed() of lxml elements)
        if not len(el):
            raw = el.text or ""  # an element without children: its text node
            known[el] = (raw, " ".join(raw.split()))
        elif el in parents and len(el) <= _FEW:
            known[el] = _put_together(el, known)
        else:
            raw = raw_text(el)
            known[el] = (raw, " ".join(raw.split()))
        parent = el.getparent()
        if parent is not None:
            parents.add(parent)
    return known


def _put_together(el: Element, known: dict[Element, tuple[str, str]]) -> tuple[str, str]:
    """``raw_text(el)`` and its spaces collapsed: its text, then each child's raw text (``known``, or taken)
    and tail. A child's visible text is reused: two parts' words are glued where neither has a space at the
    boundary, else one space stands between them (what ``" ".join(raw.split())`` gives)."""
    raws: list[str] = []
    words: list[str] = []
    last = " "  # the raw text's last character so far
    for part in _parts(el, known):
        if part is None:
            raw = raw_text(el)
            return raw, " ".join(raw.split())
        raw, collapsed = part
        if not raw:
            continue
        raws.append(raw)
        if collapsed:
            if words:
                words.append(" " if last.isspace() or raw[0].isspace() else "")
            words.append(collapsed)
        last = raw[-1]
    return "".join(raws), "".join(words)


def _parts(el: Element, known: dict[Element, tuple[str, str]]) -> Iterator[tuple[str, str] | None]:
    """The stretches ``el``'s raw text is made of (its text, each child's raw text and tail), each with its
    spaces collapsed; ``None`` for a child that is not an element (a comment: its content is not text)."""
    text = el.text
    if text:
        yield text, " ".join(text.split())
    for child in el:
        if child.tag.__class__ is not str:
            yield None
            return
        texts = known.get(child)
        if texts is None:
            raw = raw_text(child) if len(child) else child.text or ""
            texts = (raw, " ".join(raw.split()))
        yield texts
        tail = child.tail
        if tail:
            yield tail, " ".join(tail.split())


def best_container(root: Element, texts: dict[Element, str] | None = None) -> tuple[Element | None, float]:
    """The best-scoring container (ties go to the smaller, deeper element), or ``(None, score)``. ``texts``: as
    for :func:`score_candidates`."""
    scored = score_candidates(root, texts)
    if not scored:
        return None, 0.0
    best = max(scored, key=lambda s: (round(s.score, 3), -s.length, s.depth))
    if best.score < THRESHOLD:
        return None, best.score
    return best.element, best.score


def raw_text(el: Element) -> str:
    """All text under the element, its tail excluded (one C-level call: XPath ``string()`` gives the same)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def visible_text(el: Element) -> str:
    """The element's text, whitespace collapsed. Trees from ``html.parse_tree`` have no scripts or styles left."""
    return " ".join(raw_text(el).split())


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")


def join_wrapped(lines: list[str]) -> str:
    """Join the lines of one table cell (or a wrapped paragraph): no space where either side is CJK.

    Narrow table columns wrap labels mid-word (``结果`` / ``纠正``); a space there would split the label.
    Shared by the HTML, DOCX and PDF readers.
    """
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out

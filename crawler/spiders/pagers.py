"""How each CMS family numbers the pages of a list (pure functions on a page's text and URL; CMS.md).

Every reader returns the URL of page ``k`` (1-based) of a list given what its first page says, or ``None``
when the page shows no pager of that kind. The spiders request pages one at a time, and stop at the last
page, at a failed page, or at a page that brings no link not seen on the earlier ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# ------------------------------------------------------------------------------------------ TRS
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]*)\)")
_VAR = re.compile(r"\b(?:var|let|const)\s+(\w+)\s*=\s*['\"]?([\w.-]+)['\"]?")
_COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)")
_CURRENT_PAGE = re.compile(r"\bcurrentPage\s*=\s*['\"]?(\d+)")


@dataclass(frozen=True)
class TrsPager:
    """``createPageHTML(count, current, prefix, suffix)`` as read on a list's first page.

    ``first_index`` is the current-index argument on page 1: 0 (page k is ``prefix_{k-1}.suffix``) or 1
    (page k is ``prefix_{k}.suffix``, the 1-based trap of CMS.md §1)."""

    count: int
    first_index: int
    prefix: str = "index"
    suffix: str = "html"

    def url(self, first_page: str, k: int) -> str:
        """Page ``k`` (1-based) of the list whose first page is ``first_page``."""
        base = urljoin(first_page, "./")
        if k <= 1:
            return base + f"{self.prefix}.{self.suffix}"
        n = k - 1 if self.first_index == 0 else k
        return base + f"{self.prefix}_{n}.{self.suffix}"


def _args(raw: str) -> list[str]:
    return [a.strip().strip("'\"").strip() for a in raw.split(",")]


def trs_pager(text: str, url: str = "") -> TrsPager | None:
    """The TRS pager of a list page: ``createPageHTML(…)`` in its classic form (count, current, prefix, suffix)
    or its newer one (container id first, then the same, then the record count), with arguments written as
    numbers or as script variables (``countPage``, ``currentPage``); else a bare ``var countPage = N``."""
    variables = dict(_VAR.findall(text))
    leaf_suffix = urlsplit(url).path.rsplit(".", 1)[-1] if "." in urlsplit(url).path.rsplit("/", 1)[-1] else "html"
    for m in _CREATE_PAGE.finditer(text):
        args = _args(m.group(1))
        if args and not re.fullmatch(r"\d+", args[0]) and args[0] not in variables:
            args = args[1:]  # the container id: createPageHTML('page_div', 10, 1, 'dezlist', 'shtml', 149)
        values = [variables.get(a, a) for a in args]
        if len(values) < 2 or not values[0].isdigit() or not values[1].isdigit():
            continue
        prefix = values[2] if len(values) > 2 and re.fullmatch(r"[\w-]+", values[2]) else "index"
        suffix = values[3] if len(values) > 3 and re.fullmatch(r"s?html?", values[3]) else leaf_suffix
        return TrsPager(max(1, int(values[0])), 1 if int(values[1]) >= 1 else 0, prefix, suffix)
    count = _COUNT_PAGE.search(text)
    if count:
        current = _CURRENT_PAGE.search(text)
        first = 1 if current and int(current.group(1)) >= 1 else 0
        suffix = leaf_suffix if leaf_suffix in ("html", "shtml", "htm") else "html"
        return TrsPager(max(1, int(count.group(1))), first, "index", suffix)
    return None


def count_pages(text: str) -> int:
    """The page count a TRS list states in its script (``var countPage = 3``, ``createPageHTML(3, …)``)."""
    pager = trs_pager(text)
    return pager.count if pager else 1


def page_url(first_page: str, index: int) -> str:
    """TRS pagination, 0-based: index 0 is ``index.html`` (or the folder), index i is ``index_i.html``."""
    base = first_page if first_page.endswith("/") else first_page.rsplit("/", 1)[0] + "/"
    return base + ("index.html" if index == 0 else f"index_{index}.html")


# ------------------------------------------------------------------------------------------ EasySite
_HIDDEN_PAGING = re.compile(r"<input[^>]*name=['\"]article_paging_list_hidden['\"][^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w[\w-]*)\s*=\s*['"]([^'"]*)['"]""")
_TAGNAME = re.compile(r"""tagname\s*=\s*['"]([^'"]+?-\d+\.s?html?)['"]""", re.IGNORECASE)
_PAGE_ID = re.compile(r"""id=['"]eprotalCurrentPageId['"][^>]*value=['"]([^'"]+)['"]|"""
                      r"""value=['"]([^'"]+)['"][^>]*id=['"]eprotalCurrentPageId['"]""", re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class EasySitePager:
    """EasySite/eportal pagination: page N is ``{folder}{prefix}-{N}.html``; ``/eportal/ui`` is the fallback."""

    total: int
    prefix: str | None  # the static page prefix (from the pager's tagname, or the moduleid)
    module_id: str | None
    page_id: str | None

    def url(self, first_page: str, k: int) -> str | None:
        if k <= 1:
            return first_page
        if self.prefix:
            return urljoin(first_page, f"{self.prefix}-{k}.html")
        return self.fallback(first_page, k)

    def fallback(self, first_page: str, k: int) -> str | None:
        """``/eportal/ui?pageId=…&currentPage=N&moduleId=…&staticRequest=yes`` (any page of the list)."""
        if not (self.module_id and self.page_id):
            return None
        query = urlencode(
            {"pageId": self.page_id, "currentPage": k, "moduleId": self.module_id, "staticRequest": "yes"}
        )
        return urljoin(first_page, f"/eportal/ui?{query}")


def easysite_pager(text: str) -> EasySitePager | None:
    hidden = _HIDDEN_PAGING.search(text)
    attrs = {k.lower(): v for k, v in _ATTR.findall(hidden.group(0))} if hidden else {}
    module_id = attrs.get("moduleid")
    total = int(attrs["totalpage"]) if attrs.get("totalpage", "").isdigit() else 0
    prefix = None
    tag = _TAGNAME.search(text)
    if tag:
        prefix = tag.group(1).rsplit("/", 1)[-1].rsplit("-", 1)[0]
    elif module_id:
        prefix = module_id if module_id.isdigit() else module_id[:8]
    page = _PAGE_ID.search(text)
    page_id = (page.group(1) or page.group(2)) if page else None
    if not hidden and not tag:
        return None
    return EasySitePager(total, prefix, module_id, page_id)


# ------------------------------------------------------------------------------------------ numbered pages
def numbered_page(url: str, pattern: str) -> tuple[str, int] | None:
    """For URLs numbered by ``pattern`` (a regex with one ``(\\d+)`` group, matched at the end of the path, e.g.
    ``page_(\\d+)\\.html`` or ``page-(\\d+)/``): the URL with ``{}`` in place of the number, and the number."""
    parts = urlsplit(url)
    m = re.search(f"(?:{pattern})$", parts.path)
    if not m:
        return None
    path = parts.path[: m.start(1)] + "{}" + parts.path[m.end(1) :]
    return urlunsplit(parts._replace(path=path)), int(m.group(1))


def numbered(template: str, number: int) -> str:
    return template.replace("{}", str(number))


def highest_page(urls: list[str], pattern: str, template: str) -> int:
    """The highest page number among the URLs numbered like ``template``."""
    best = 0
    for url in urls:
        found = numbered_page(url, pattern)
        if found and found[0] == template:
            best = max(best, found[1])
    return best


_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页|页次\s*[:：]?\s*\d+\s*/\s*(\d+)|\b\d+\s*/\s*(\d+)\s*页")


def stated_page_total(text: str) -> int | None:
    """``共 6 页``, ``页次：1/6``, ``1/6页``: a page total a pager states in words."""
    m = _TOTAL_PAGES.search(text)
    if not m:
        return None
    return int(next(g for g in m.groups() if g))


# ------------------------------------------------------------------------------------------ VSB
_VSB_PT = re.compile(r"class=['\"]p_t['\"][^>]*>\s*(\d+)\s*/\s*(\d+)|共\s*\d+\s*条\s*(\d+)\s*/\s*(\d+)")


def vsb_pages(text: str) -> tuple[int, int] | None:
    """Visual SiteBuilder's ``<span class="p_t">1/27</span>`` (or ``共 N 条 1/27``): (current, total)."""
    m = _VSB_PT.search(text)
    if not m:
        return None
    cur, total = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return int(cur), int(total)


def vsb_page_url(first_page: str, k: int, total: int) -> str:
    """Page ``k`` of a VSB list: ``list.htm`` then ``list/{T-k+1}.htm`` (numbered backwards)."""
    if k <= 1:
        return first_page
    parts = urlsplit(first_page)
    stem = parts.path.rsplit(".", 1)[0]
    return urlunsplit(parts._replace(path=f"{stem}/{total - k + 1}.htm", query=""))


# ------------------------------------------------------------------------------------------ query pages
def with_query(url: str, **params: object) -> str:
    """``url`` with these query parameters set in place (new ones appended; the others kept, in order)."""
    parts = urlsplit(url)
    query = [(k, str(params[k]) if k in params else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query += [(k, str(v)) for k, v in params.items() if k not in {k for k, _ in query}]
    return urlunsplit(parts._replace(query=urlencode(query)))


def query_value(url: str, name: str) -> str | None:
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k == name:
            return v
    return None


def pages_for(total_records: int, per_page: int) -> int:
    return max(1, math.ceil(total_records / max(1, per_page)))

"""The TRS search/list API family (``trs_api``): a column served as JSON by the TRS search service (CMS.md §1).

The column URL is the API call for its first page, e.g. ``/trs-search/trssearch/v2/searchAll.do?siteId=…&
searchTag=all&allKeywords=…&pageNum=1&pageSize=10`` (the Inner Mongolia instance is
``gxt.nmg.gov.cn/nmsearch/trssearch/searchAll.do?siteId=83``), ``/nmsearch/openSearch/gfxwjkList?…&pageNum=N``
or ``/trs-search/trssearch/openSearch/getZwgkList?…&pageNum=1``. The answer is JSON: ``data.total`` and the rows
in ``data.data[]`` ({``title``, ``docpubtime``, ``docpuburl``, ``sitedesc``, ``chnldesc``}; ``docPubUrl`` in
the 规范性文件库); other spellings of these keys are read too (``list``, ``records``; ``url``, ``pubDate`` …).
Titles lose their search highlighting (``<em>``). Rows whose title names a report are followed to their TRS
detail pages; page ``pageNum + 1`` is asked while the rows bring new URLs and ``data.total`` is not reached.

Caveat: some instances answer an anti-crawl placeholder when ``pageSize``/``perpage`` is 25 or more
(Liaoning): keep the column's page size small.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.items import ErrorItem
from crawler.spiders.base import Link, ReportSpider, clean, first_date
from crawler.spiders.pagers import pages_for, query_value, with_query

ROW_LISTS = ("data", "list", "records", "rows", "datas", "result", "results", "docs")
TITLE_KEYS = ("title", "doctitle", "docTitle", "DOCTITLE", "name", "realtitle")
URL_KEYS = ("docpuburl", "docPubUrl", "DOCPUBURL", "url", "puburl", "pubUrl", "link", "linkurl", "infourl")
DATE_KEYS = ("docpubtime", "docPubTime", "DOCPUBTIME", "pubDate", "pubdate", "publishtime", "docreltime", "time")
TOTAL_KEYS = ("total", "totalCount", "count", "totalNum", "recordCount")
TAGS = re.compile(r"<[^>]+>")


def json_rows(data: Any) -> tuple[list[dict[str, Any]], int | None]:
    """The row dicts of a search/list API answer and its stated total (``data.total``), wherever they sit."""
    total: int | None = None
    node = data
    for _ in range(4):
        if isinstance(node, dict):
            for key in TOTAL_KEYS:
                if isinstance(node.get(key), int | str) and str(node.get(key)).isdigit():
                    total = int(node[key]) if total is None else total
            for key in ROW_LISTS:
                value = node.get(key)
                if isinstance(value, list):
                    return [r for r in value if isinstance(r, dict)], total
                if isinstance(value, dict):
                    node = value
                    break
            else:
                return [], total
        elif isinstance(node, list):
            return [r for r in node if isinstance(r, dict)], total
    return [], total


def first_of(row: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = row.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
    return ""


def row_link(row: dict[str, Any], urljoin: Any) -> Link | None:
    url = first_of(row, URL_KEYS)
    if not url:
        return None
    title = clean(TAGS.sub("", first_of(row, TITLE_KEYS)))
    return Link(urljoin(url), title, first_date(first_of(row, DATE_KEYS)))


class TrsApiSpider(ReportSpider):
    """Base spider (abstract) for columns served by a TRS search/list JSON API; portals are registry entries."""

    family = "trs_api"
    page_param = "pageNum"
    size_param = "pageSize"

    def parse_trs_api(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        try:
            data = json.loads(response.body.decode("utf-8-sig", errors="replace"))
        except ValueError:
            yield ErrorItem(
                self.portal_name,
                response.url,
                "not_json",
                "the TRS API answered something that is not JSON",
                response.body[:200].decode("utf-8", errors="replace"),
            )
            return
        rows, total = json_rows(data)
        links = [link for link in (row_link(r, response.urljoin) for r in rows) if link]
        new = self.brought_new(response, (link.url for link in links))
        number = int(response.meta.get("page") or int(query_value(response.url, self.page_param) or 1))
        size = int(query_value(response.url, self.size_param) or len(rows) or 10)
        last = pages_for(total, size) if total is not None else None
        if rows and (last is None or number < last):
            url = with_query(response.url, **{self.page_param: number + 1})
            yield from self.next_page(response, url, self.parse_trs_api, new=new)
        yield from self.report_links(response, links, annual=False)

"""The EasySite/eportal "portlet" family (``easysite``): 兴安盟, 乌海, 锡林郭勒 and their banners (CMS.md §4).

Articles are ``/{site}/{YYYY-MM}/{DD}/article_{19 digits}.html`` (the id is a creation timestamp plus five
digits) or ``/{site}/{col…}/{19-digit id or 32 hex}/index.html|shtml``. A column's first page is
``{column}/index.html``; page N is ``{column}/{prefix}-{N}.html``, the prefix read from the pager's ``tagname``
attribute (``<a tagname="/…/21892-2.html">下一页</a>``), else the list portlet's ``moduleid`` (its first 8
characters, or the whole id when numeric). The total is ``totalpage`` on ``<input
name="article_paging_list_hidden" moduleid="…" totalpage="6">``; page totalpage+1 is a real 404. When a
column gives no static prefix, or a static page answers 404, the same page is asked from the dynamic fallback
``/eportal/ui?pageId={eprotalCurrentPageId}&currentPage=N&moduleId={moduleid}&staticRequest=yes``.

Rows are ``.gkml_list a``, ``div.list-body-hd ul li a`` or ``div#<moduleId> ul li`` with a date span; any
link is weighed by its text. Detail pages: body ``#easysiteText``, title ``.easysite-news-title h2``, date
``p.easysite-news-describe``, source ``span#laiyuan``, meta ``PubDate``; attachments in the article's folder.

Caveat: some of these sites sit behind the 瑞数 JS challenge (HTTP 412 with ``$_ts``): recorded as blocked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, link_rows
from crawler.spiders.pagers import EasySitePager, easysite_pager


class EasysiteSpider(ReportSpider):
    """Base spider (abstract) for EasySite/eportal columns; portals are registry entries."""

    family = "easysite"

    def parse_easysite(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        pager: EasySitePager | None = response.meta.get("easysite") or easysite_pager(page.text)
        number = int(response.meta.get("page") or 1)
        if pager is not None and (pager.total == 0 or number < pager.total):
            first = response.meta.get("series") or page.url
            url = pager.url(first, number + 1)
            fallback = pager.fallback(first, number + 1)
            meta: dict[str, Any] = {"easysite": pager}
            if fallback and fallback != url:
                meta["fallback"] = fallback
            yield from self.next_page(page, url, self.parse_easysite, new=new, **meta)
        yield from self.report_links(page, links)

"""The TRS family (``trs``): a column of static list pages whose rows link detail pages (CMS.md §1).

Layout: the column's first page is ``<column>/index.html`` (or ``.shtml``/``.htm``); the page count and the
numbering are in the pager script, read on the first page: ``createPageHTML(count, current, "index", "html")``
(classic), ``createPageHTML('page_div', count, current, 'dezlist', 'shtml', records)`` (container id first), or
a bare ``var countPage = N``. When the current-index argument on page 1 is 0, page k is ``index_{k-1}``; when it
is 1 (Hainan, Hunan), page k is ``index_{k}``. Rows are ``tbody tr`` (序号 / 标题 / 文号 / 成文日期 / 发布日期,
www.nmg.gov.cn) or ``li`` with a date ``span`` (``.overview_right li a``, the title in the ``title``
attribute); any other link of the page is weighed by its text (menus and news items are skipped). Detail pages
are ``<column>/YYYYMM/tYYYYMMDD_ID.html`` with ``ArticleTitle``/``PubDate``/``ContentSource`` meta tags; a
report may be the page body or a ``P0….pdf``/``.docx`` attachment in the same month folder.

Caveat: TRS avalon "list2" columns (``listModel({maxStaticIndex:7, …})``) serve only their first static pages
this way; the older ones come from a dynamic service this spider does not call.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, link_rows, table_rows


class TrsListSpider(ReportSpider):
    """Base spider (abstract) for TRS columns of paginated lists; portals are registry entries."""

    family = "trs"

    def parse_trs(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        yield from self.trs_next(page, self.parse_trs, new=new)
        rows = table_rows(page)
        seen = {row.url for row in rows}
        yield from self.report_links(page, rows + [link for link in links if link.url not in seen])

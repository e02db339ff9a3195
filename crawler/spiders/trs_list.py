"""The TRS list family: a column of paginated list pages whose rows link detail pages.

Layout (observed on www.nmg.gov.cn): the column's first page is ``<column>/index.html``, the next ones
``index_1.html``, ``index_2.html`` …; how many there are is in the script variable ``countPage`` (also
written ``createPageHTML(N, …)``), capped by ``NIANBAO_MAX_LIST_PAGES``. Rows are ``tbody tr`` with cells
序号 / 标题 / 文号 / 成文日期 / 发布日期; a list that is not a table (``ul li`` with a date span) is read link by
link instead. Detail pages are ``<column>/YYYYMM/tYYYYMMDD_ID.html``; a report may be the page body or a
DOCX/PDF attachment linked from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, link_rows, table_rows


class TrsListSpider(ReportSpider):
    """Base spider (abstract) for TRS columns of paginated lists; subclasses are configuration."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        yield from self.pagination(page, self.parse)
        rows = table_rows(page) or [link for link in link_rows(page) if link.date]
        yield from self.report_links(page, rows)

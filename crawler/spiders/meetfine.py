"""The Meetfine-type platform (``meetfine``): 呼伦贝尔 and its banners, PascalCase controllers (CMS.md §5).

Lists are ``/{Controller}/showList/{branchId}[/{columnId}]/page_{N}.html``: ``OpennessContent`` (arq, ewenke
``483/10100``, genhe, manzhouli …), ``News``, and the annual-report controller ``OpennessAnnualReport``
(ewenke's report ``/OpennessAnnualReport/show/4391.html`` was observed; its list is inferred as
``/OpennessAnnualReport/showList/{branchId}/page_N.html``). Details are ``/{Controller}/show/{id}.html``. The
older CodeIgniter version pages ``/content/channel/<24 hex>/page-{N}/`` (rows ``<li><span>[date]</span><a
href title>``). Page N+1 is asked while page N brings new links and the pager (its highest ``page_K`` link or
``共K页``) says there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, link_rows
from crawler.spiders.pagers import numbered_page

PATTERNS = (r"page_(\d+)\.html", r"page-(\d+)/?")


class MeetfineSpider(ReportSpider):
    """Base spider (abstract) for Meetfine-type ``showList/…/page_N.html`` columns; portals are registry entries."""

    family = "meetfine"

    def parse_meetfine(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        urls = [link.url for link in links]
        pattern = next((p for p in PATTERNS if numbered_page(page.url, p)), PATTERNS[0])
        yield from self.numbered_next(page, urls, pattern, self.parse_meetfine, new=new)
        yield from self.report_links(page, links)

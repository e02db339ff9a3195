"""The Visual SiteBuilder family (``vsb``): ``.htm`` sites, incl. the old 包头 ``info/egovinfo`` (CMS.md §5).

Markers: ``<!--Announced by Visual SiteBuilder 9-->``, ``_sitegray``, ``CustomerNO:``, ``Server: VWebServer``.
A list ``{path}.htm`` shows rows ``li[id^='line_']`` and the pager ``共 N 条 P/T`` (``<span class="p_t">1/27
</span>``); its page k is ``{path}/{T-k+1}.htm`` — numbered backwards, so page 2 of 27 is ``{path}/26.htm``.
The pager's own 下页 link is followed when present, else that number is computed. The egovinfo module lists
``xxgk_list.jsp?urltype=egovinfo.EgovInfoList&wbtreeid=…`` paged by ``ainfolist{N}p=<page>`` in its pager's
links; its details are ``info/egovinfo/{tree}/xxgk_content/{unit}-/{YYYY-MMDDNNN}.htm``. Contents are
``/info/{col}/{id}.htm`` with the body in ``div[id^='vsb_content']``; attachments are
``/system/_content/download.jsp?…`` links whose text names the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import NEXT_TEXT, ReportSpider, as_html, link_rows
from crawler.spiders.pagers import vsb_page_url, vsb_pages


class VsbSpider(ReportSpider):
    """Base spider (abstract) for Visual SiteBuilder ``.htm`` lists; portals are registry entries."""

    family = "vsb"

    def parse_vsb(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        if any(NEXT_TEXT.match(link.title) for link in links):
            yield from self.pager_next(page, links, self.parse_vsb, new=new)
        else:
            pages = vsb_pages(page.text)
            number = int(response.meta.get("page") or 1)
            if pages and number < pages[1]:
                first = response.meta.get("series") or page.url
                yield from self.next_page(page, vsb_page_url(first, number + 1, pages[1]), self.parse_vsb, new=new)
        yield from self.report_links(page, links)

"""
Domain
  内蒙古自治区人民政府 (www.nmg.gov.cn), TRS CMS since about 2020.
Column
  The annual-report list ``/zwgk/zfxxgk/zfxxgkml/zfxxgknb/index.html`` (``index_N.html`` …, ``countPage``),
  rows ``tbody tr`` 序号/标题/文号/成文日期/发布日期; the region's own reports are DOCX attachments of the
  detail pages. Plus the Hanweb-era archive of league and city reports under
  ``/xxgkml/zzqzf/zfxxgknb/gms/`` (league folders such as ``tls_1841/`` 通辽市, detail pages
  ``tls_1841/201404/t20140428_80732.html``), whose old pages are GBK-encoded.
Caveats
  The list column's folder name (``zfxxgknb``) and the archive's index page were not observed; the list
  layout, the detail URL shape and the archive detail page were. Department subsites (kjt., fgw., zsj. …)
  load their lists by script or in an iframe and are not covered.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

from scrapy.http import Response

from crawler.spiders.base import as_html, folder_of
from crawler.spiders.trs_list import TrsListSpider


class NmgSpider(TrsListSpider):
    name = "nmg"
    portal_title = "内蒙古自治区人民政府"
    allowed_domains = ("nmg.gov.cn",)
    columns: ClassVar[tuple[str, ...]] = ("https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/index.html",)
    archive_urls: ClassVar[tuple[str, ...]] = ("https://www.nmg.gov.cn/xxgkml/zzqzf/zfxxgknb/gms/index.html",)

    async def start(self) -> AsyncIterator[Any]:
        async for request in super().start():
            yield request
        for url in self.archive_urls:
            for out in self.follow_list(url, callback=self.parse_archive, column=folder_of(url)):
                yield out

    def parse_archive(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """The archive: league folders, then their lists of report pages."""
        column = response.meta.get("column") or folder_of(response.url)
        yield from self.walk_folders(as_html(response), column, self.parse_archive)

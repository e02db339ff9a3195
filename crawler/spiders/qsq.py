"""
Domain
  包头市青山区人民政府 (www.qsq.gov.cn).
Column
  ``/zwgk/zfxxgk/zfxxgknb/index.html``, a TRS-like paginated list (``tbody tr`` rows); the reports are PDF
  attachments of the detail pages.
Caveats
  This portal's URL shapes were not observed: the column path and the TRS layout are assumptions (包头's
  own portal baotou.gov.cn is TRS), so the spider relies on link texts and URL shapes rather than on fixed
  selectors. ``nianbao crawl URL`` harvests the real column once its address is known.
"""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.trs_list import TrsListSpider


class QsqSpider(TrsListSpider):
    name = "qsq"
    portal_title = "包头市青山区人民政府"
    allowed_domains = ("qsq.gov.cn",)
    columns: ClassVar[tuple[str, ...]] = ("https://www.qsq.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html",)

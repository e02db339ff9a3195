"""
Domain
  鄂托克前旗人民政府 (www.etkqq.gov.cn), 鄂尔多斯市.
Column
  ``/zwgk/zfxxgk/zfxxgknb/index.html``, a TRS-like paginated list; the reports are PDF attachments of the
  detail pages.
Caveats
  This portal's URL shapes were not observed: the column path and the TRS layout are assumptions, so the
  spider relies on link texts and URL shapes (see crawler.spiders.base) rather than on fixed selectors.
  ``nianbao crawl URL`` harvests the real column once its address is known.
"""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.trs_list import TrsListSpider


class EtkqqSpider(TrsListSpider):
    name = "etkqq"
    portal_title = "鄂托克前旗人民政府"
    allowed_domains = ("etkqq.gov.cn",)
    columns: ClassVar[tuple[str, ...]] = ("https://www.etkqq.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html",)

"""
Domain
  通辽市人民政府 (www.tongliao.gov.cn) and its departments' subdomains (mw.tongliao.gov.cn …), TRS CMS.
Column
  ``/zwgk/zfxxgk/zfxxgknb/`` → year folders (``2021_649/``, ``2022_645/``) → unit folders (``tlsrmzf_650/``
  通辽市人民政府, ``szfzcbm/`` 市政府组成部门) → detail pages ``YYYYMM/tYYYYMMDD_ID.html``; a department
  subdomain has the same column with its detail pages at the top. Reports are mostly HTML page bodies.
Caveats
  The date in a detail URL is not the publication date (t20220120 was published 2022-03-08): the date comes
  from the page. The site answers only from inside mainland China. Department subdomains are configured one
  by one in ``start_urls``.
"""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.trs_folder import TrsFolderSpider


class TongliaoSpider(TrsFolderSpider):
    name = "tongliao"
    portal_title = "通辽市人民政府"
    allowed_domains = ("tongliao.gov.cn",)
    columns: ClassVar[tuple[str, ...]] = (
        "https://www.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/",
        "https://mw.tongliao.gov.cn/zwgk/zfxxgk/zfxxgknb/",  # 通辽市民族事务委员会
    )

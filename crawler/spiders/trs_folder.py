"""The TRS folder family (``trs_folder``): a column of folders (years, then units) whose pages link detail pages.

Layout (observed on www.tongliao.gov.cn): the column ``/zwgk/zfxxgk/zfxxgknb/`` links year folders with a
numeric suffix (``2021_649/``, ``2022_645/``); a year folder links unit folders (``tlsrmzf_650/`` 通辽市人民政府,
``szfzcbm/`` 市政府组成部门); a unit folder lists detail pages ``YYYYMM/tYYYYMMDD_ID.html``, paginated like
TRS lists (``createPageHTML``/``countPage``, ``index_N.html``). Department subdomains (``mw.tongliao.gov.cn``)
carry the same column with detail pages listed at its top. The spider follows every folder under the column
(never above it), so it does not depend on the folder names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.spiders.base import ReportSpider, as_html, folder_of


class TrsFolderSpider(ReportSpider):
    """Base spider (abstract) for TRS columns organised in folders; portals are registry entries."""

    family = "trs_folder"

    def parse_trs_folder(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        column = response.meta.get("column") or folder_of(response.url)
        yield from self.walk_folders(page, column, self.parse_trs_folder)

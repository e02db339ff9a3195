"""The 国泰新点 Epoint WebBuilder family (``epoint``): government-disclosure lists served by ``getgovinfolist``
(CMS.md §3).

The column is the disclosure list shell ``/dynamic/zwgk/govInfoPub.html?categorynum=003011``. The site's
``siteGuid`` and ``projectName`` come from ``var siteInfo = {siteGuid: …, projectName: …}`` (inline, or in
``/js/webBuilderCommon.js``, asked once). The rows come from ``POST {origin}{projectName or /EWB-FRONT}/rest/
lightfrontaction/getgovinfolist`` with the JSON body {``deptcode``, ``categorynum``, ``pageIndex``, ``pageSize``,
``siteGuid``}: ``custom.data[]`` ({``title``/``realtitle``, ``infourl``/``visiturl``/``linkurl``,
``infodate``/``handsdate``}) and ``custom.total``. ``pageIndex`` is 0-based on some sites and 1-based on others:
the spider starts at 0 and, when index 1 repeats index 0 (a 1-based server reading 0 as 1), goes on from 2;
otherwise it stops at the first page that brings no new URL, or at the stated total.

Detail pages may be static, or a shell ``showinfo.html?infoGuid=<uuid>`` (markers ``info_spnContent``,
``getGovInfoDetail``) whose content comes from ``POST …/rest/frontAppNotNeedLoginAction/getGovInfoDetail`` with
the form ``params={"infoid": …, "siteGuid": …}``: ``custom(.data)`` holds ``title``, ``infocontent``,
``infodate`` and ``pdflist[{attachname, attachurl}]``. The report page stored for such a shell is an HTML page
made of those fields (title and date as meta tags, the content as body), under the shell's URL.

A static Epoint list (``#categorypagingcontent``, pager ``.wb-page-number``) is read link by link, paged by its
下一页 link.

Caveats: which detail path a site uses is unconfirmed (crawlers try several); some EWB sites gate the API on
``getNoUserAccessToken`` or a captcha (recorded as failures, never bypassed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import escape
from typing import Any
from urllib.parse import urljoin

from scrapy.http import FormRequest, JsonRequest, Response

from crawler.items import ErrorItem, ReportItem
from crawler.spiders.base import Link, ReportSpider, as_html, clean, first_date, link_rows
from crawler.spiders.pagers import query_value

SITE_INFO = re.compile(r"siteInfo\s*=\s*\{(.*?)\}", re.DOTALL)
FIELD = re.compile(r"""['"]?(siteGuid|projectName)['"]?\s*:\s*['"]([^'"]*)['"]""")
CATEGORY = re.compile(r"""categorynum['"]?\s*[:=]\s*['"]?(\d+)""", re.IGNORECASE)
SHELL_MARKERS = ("info_spnContent", "getGovInfoDetail")
LIST_PATH = "/rest/lightfrontaction/getgovinfolist"
DETAIL_PATH = "/rest/frontAppNotNeedLoginAction/getGovInfoDetail"
PAGE_SIZE = 15


def site_info(text: str) -> dict[str, str]:
    m = SITE_INFO.search(text)
    return dict(FIELD.findall(m.group(1))) if m else {}


def custom_of(data: Any) -> Any:
    custom = data.get("custom") if isinstance(data, dict) else None
    if isinstance(custom, str):
        try:
            custom = json.loads(custom)
        except ValueError:
            return None
    return custom


def first_text(row: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = row.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
    return ""


class EpointSpider(ReportSpider):
    """Base spider (abstract) for Epoint WebBuilder disclosure lists (``getgovinfolist``); portals are registry
    entries."""

    family = "epoint"

    def parse_epoint(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        links = link_rows(page)
        category = query_value(page.url, "categorynum") or query_value(page.url, "categoryNum")
        if category is None and CATEGORY.search(page.text):
            category = CATEGORY.search(page.text).group(1)  # type: ignore[union-attr]
        info = site_info(page.text)
        if category and info.get("siteGuid"):
            yield from self.api_request(page, {**info, "category": category}, 0)
        elif category and "webBuilderCommon" in page.text:
            js = urljoin(page.url, "/js/webBuilderCommon.js")
            yield from self.follow_list(js, self.parse_epoint_js, category=category, shell=page.url)
        else:  # a static list
            new = self.brought_new(page, (link.url for link in links))
            yield from self.pager_next(page, links, self.parse_epoint, new=new)
        yield from self.report_links(page, links)

    def parse_epoint_js(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        info = site_info(response.body.decode("utf-8", "replace"))
        if not info.get("siteGuid"):
            yield ErrorItem(self.portal_name, response.url, "no_list", "webBuilderCommon.js names no siteInfo.siteGuid")
            return
        yield from self.api_request(response, {**info, "category": response.meta["category"]}, 0)

    def api_url(self, base: str, state: dict[str, str], path: str) -> str:
        project = (state.get("projectName") or "/EWB-FRONT").rstrip("/")
        if not project.startswith("/"):
            project = "/" + project
        return urljoin(base, f"{project}{path}")

    def api_request(self, response: Response, state: dict[str, str], index: int, *, new: bool = True) -> Iterator[Any]:
        url = self.api_url(response.url, state, LIST_PATH)
        body = {
            "siteGuid": state["siteGuid"],
            "categorynum": state["category"],
            "deptcode": "",
            "pageIndex": index,
            "pageSize": PAGE_SIZE,
        }
        request = JsonRequest(
            url,
            data=body,
            callback=self.parse_epoint_api,
            errback=self.on_error,
            meta={"epoint": state, "index": index, "nianbao_kind": "list"},
            dont_filter=True,  # one URL, many bodies
        )
        if index == 0:
            request.meta.update({"page": 1, "series": f"{url}#{state['category']}"})
            yield from self.follow_request(request)
        else:
            yield from self.next_page(response, url, self.parse_epoint_api, new=new, request=request)

    def parse_epoint_api(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        state = response.meta["epoint"]
        index = int(response.meta["index"])
        try:
            custom = custom_of(json.loads(response.body.decode("utf-8-sig", "replace")))
        except ValueError:
            custom = None
        if custom is None:
            yield ErrorItem(self.portal_name, response.url, "not_json", "getgovinfolist answered no custom data")
            return
        rows = custom.get("data") if isinstance(custom, dict) else custom
        rows = [r for r in rows or [] if isinstance(r, dict)]
        total = custom.get("total") if isinstance(custom, dict) else None
        links = [
            Link(
                response.urljoin(first_text(r, "infourl", "visiturl", "linkurl", "url")),
                clean(first_text(r, "title", "realtitle")),
                first_date(first_text(r, "infodate", "handsdate", "date")),
            )
            for r in rows
            if first_text(r, "infourl", "visiturl", "linkurl", "url")
        ]
        new = self.brought_new(response, (link.url for link in links))
        one_based = bool(response.meta.get("one_based")) or (index == 1 and not new and bool(links))
        last = None
        if isinstance(total, int | str) and str(total).isdigit():
            pages = max(1, -(-int(total) // PAGE_SIZE))
            last = pages if one_based else pages - 1
        if index == 0 and not links:  # nothing at index 0: a 1-based server
            for out in self.api_request(response, state, 1, new=True):
                if hasattr(out, "meta"):
                    out.meta["one_based"] = True
                yield out
            return
        if links and (last is None or index < last):
            # index 1 repeating index 0 means a 1-based server: go on from 2, it is not the end of the list
            follow_new = new or (index == 1 and one_based)
            for out in self.api_request(response, state, index + 1, new=follow_new):
                if hasattr(out, "meta"):
                    out.meta["one_based"] = one_based
                yield out
        yield from self.report_links(response, links, annual=False, epoint=state)

    # -- detail shells ------------------------------------------------------------------------------
    def parse_detail(self, response: Response) -> Iterator[Any]:
        state = response.meta.get("epoint")
        info_id = query_value(response.url, "infoGuid") or query_value(response.url, "infoid")
        body = response.body[:200_000].decode("utf-8", "replace")
        if state and info_id and all(marker in body for marker in SHELL_MARKERS):
            url = self.api_url(response.url, state, DETAIL_PATH)
            params = json.dumps({"infoid": info_id, "siteGuid": state["siteGuid"]}, separators=(",", ":"))
            request = FormRequest(
                url,
                formdata={"params": params},
                callback=self.parse_epoint_detail,
                errback=self.on_error,
                dont_filter=True,
                meta={
                    **{k: response.meta.get(k) for k in ("list_url", "list_title", "list_date")},
                    "shell": response.url,
                    "nianbao_kind": "detail",
                },
            )
            yield request
            return
        yield from super().parse_detail(response)

    def parse_epoint_detail(self, response: Response) -> Iterator[Any]:
        shell = response.meta["shell"]
        try:
            custom = custom_of(json.loads(response.body.decode("utf-8-sig", "replace")))
        except ValueError:
            custom = None
        data = custom.get("data", custom) if isinstance(custom, dict) else None
        if not isinstance(data, dict) or not (data.get("infocontent") or data.get("pdflist")):
            yield ErrorItem(self.portal_name, shell, "no_report", "getGovInfoDetail answered no content")
            return
        title = clean(first_text(data, "title", "realtitle")) or response.meta.get("list_title")
        date = first_date(first_text(data, "infodate", "handsdate")) or response.meta.get("list_date")
        page = (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title or "")}</title>'
            f'<meta name="ArticleTitle" content="{escape(title or "")}">'
            f'<meta name="PubDate" content="{escape(date or "")}"></head>'
            f'<body><h1>{escape(title or "")}</h1><div id="info_spnContent">{data.get("infocontent") or ""}</div>'
            f"</body></html>"
        ).encode()
        files: list[tuple[str, str]] = []
        for attachment in data.get("pdflist") or []:
            if isinstance(attachment, dict) and attachment.get("attachurl"):
                url = urljoin(shell, str(attachment["attachurl"]))
                if self.link_verdict(url) is None:
                    files.append((url, clean(str(attachment.get("attachname") or ""))))
        yield ReportItem(
            portal=self.portal_name,
            page_url=shell,
            list_url=response.meta.get("list_url"),
            title=title,
            published=date,
            publisher=None,
            page_body=page,
            page_status=200,
            page_content_type="text/html; charset=utf-8",
            attachment_names=[name for _, name in files[:3]],
            file_urls=[url for url, _ in files[:3]],
        )

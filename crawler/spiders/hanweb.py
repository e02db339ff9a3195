"""The 大汉 Hanweb JCMS family (``hanweb``): column pages with a ``<datastore>``, then ``dataproxy.jsp`` (CMS.md §2).

Column ``/col/col{columnid}/index.html``; articles ``/art/{Y}/{M}/{D}/art_{columnid}_{articleid}.html``. The
column page embeds its first records in ``<script type="text/xml"><datastore>…<record><![CDATA[<li>…]]>
</record>…</datastore></script>``, with the query parameters in ``var param_NNNN = {col:1, appid:1, webid:…,
path:'/', columnid:…, unitid:'…', webname:'…', permissiontype:0}`` and the jpage settings ``totalRecord:N``,
``perPage:15`` and ``proxyUrl:'…'``. When the total is more than the records shown, the next groups of three
pages come from ``POST {proxyUrl}?startrecord=S&endrecord=E&perpage=P`` with the ``param_`` object as the form
(default proxy ``/module/web/jpage/dataproxy.jsp``; older sites ``/module/jpage/dataproxy.jsp``), answering
``<datastore><totalrecord>N</totalrecord><recordset><record><![CDATA[…]]></record>…``; a group may repeat
the previous group's last record (the look-ahead boundary record).

The 信息公开 module (xxgk): a shell page calling ``loadDynamic('/module/xxgk/search.jsp?infotypeId=…&jdid=…&
area=…&divid=…')`` is read through ``POST /module/xxgk/search.jsp`` with the form {infotypeId, jdid, area,
divid, sortfield, vc_title, vc_number, vc_filenumber, vc_all, texttype, fbtime, currpage}, ``X-Requested-With:
XMLHttpRequest`` and the tree page as Referer; rows ``tr.tr_main_value_odd|even a``, the page total in
``共N页``; ``currpage`` goes up while pages bring new rows. search.jsp does not filter by column, so rows are
weighed by their titles like every other link.

Detail pages: meta tags ``ArticleTitle``/``PubDate``, the body in ``#zoom`` between
``<!--ZJEG_RSS.content.begin-->`` and ``…end-->``; attachments
``/module/download/downfile.jsp?classid=0&filename=<32hex>.pdf&showname=…``.

Caveat: the newer Hanweb jpaas (``/api-gateway/jpaas-publish-server/front/page/build/unit``) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from scrapy.http import FormRequest, Response

from crawler.spiders.base import Link, ReportSpider, as_html, fragment, link_rows

RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL | re.IGNORECASE)
PARAM = re.compile(r"var\s+param_\w+\s*=\s*\{(.*?)\}", re.DOTALL)
PAIR = re.compile(r"""(\w+)\s*:\s*(?:'([^']*)'|"([^"]*)"|([^,}\s]*))""")
TOTAL = re.compile(r"totalRecord\s*[:=]\s*['\"]?(\d+)|<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
PER_PAGE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)", re.IGNORECASE)
PROXY = re.compile(r"proxyUrl\s*[:=]\s*['\"]([^'\"]+)['\"]")
XXGK_SEARCH = re.compile(r"""['"](/module/xxgk/search\.jsp[^'"]*)['"]""")
XXGK_TREE = re.compile(r"""['"]?(/module/xxgk/tree\.jsp[^'"\s]*)""")
PAGE_TOTAL = re.compile(r"共\s*(?:&nbsp;)*\s*(\d+)\s*(?:&nbsp;)*\s*页")
DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
GROUP = 3  # a dataproxy call answers three pages of records
XXGK_FORM = ("infotypeId", "jdid", "area", "divid", "sortfield", "vc_title", "vc_number", "vc_filenumber",
             "vc_all", "texttype", "fbtime")  # fmt: skip


def jpage_params(text: str) -> dict[str, str]:
    """The ``var param_NNNN = {…}`` object of a Hanweb column page, as form fields."""
    m = PARAM.search(text)
    if not m:
        return {}
    return {k: next((v for v in vals if v), "") for k, *vals in PAIR.findall(m.group(1))}


def records(text: str) -> list[str]:
    return RECORD.findall(text)


def total_records(text: str) -> int | None:
    m = TOTAL.search(text)
    return int(m.group(1) or m.group(2)) if m else None


class HanwebSpider(ReportSpider):
    """Base spider (abstract) for Hanweb JCMS columns (jpage datastore, dataproxy.jsp, xxgk search.jsp)."""

    family = "hanweb"

    def parse_hanweb(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        text = page.text
        search = XXGK_SEARCH.search(text)
        if search and "<datastore" not in text.lower():
            yield from self.xxgk_request(page, search.group(1))
            return
        found = [link for html in records(text) for link in link_rows(fragment(page, html))]
        links = found + link_rows(page)
        new = self.brought_new(page, (link.url for link in links))
        total = total_records(text)
        params = jpage_params(text)
        if total is not None and params and total > len(found):
            per_page = int(PER_PAGE.search(text).group(1)) if PER_PAGE.search(text) else 15  # type: ignore[union-attr]
            proxy = PROXY.search(text)
            state = {
                "proxy": urljoin(page.url, proxy.group(1) if proxy else DEFAULT_PROXY),
                "params": params,
                "per_page": per_page,
                "total": total,
            }
            yield from self.proxy_request(page, state, len(found) + 1, new=new)
        yield from self.report_links(page, links)

    def proxy_request(self, response: Response, state: dict[str, Any], start: int, *, new: bool) -> Iterator[Any]:
        """The ``dataproxy.jsp`` call for the group of records from ``start`` (three pages)."""
        end = min(start + GROUP * state["per_page"] - 1, state["total"])
        query = urlencode({"startrecord": start, "endrecord": end, "perpage": state["per_page"]})
        url = f"{state['proxy']}?{query}"
        request = FormRequest(
            url,
            formdata=state["params"],
            callback=self.parse_hanweb_proxy,
            errback=self.on_error,
            meta={"hanweb": {**state, "end": end}, "nianbao_kind": "list"},
        )
        yield from self.next_page(response, url, self.parse_hanweb_proxy, new=new, request=request)

    def parse_hanweb_proxy(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        state = response.meta["hanweb"]
        text = response.text if hasattr(response, "text") else response.body.decode("utf-8", "replace")
        page = as_html(response)
        links: list[Link] = [link for html in records(text) for link in link_rows(fragment(page, html))]
        new = self.brought_new(response, (link.url for link in links))
        total = total_records(text) or state["total"]
        if state["end"] < total and links:
            yield from self.proxy_request(response, {**state, "total": total}, state["end"] + 1, new=new)
        yield from self.report_links(page, links)

    # -- the 信息公开 module ------------------------------------------------------------------------
    def xxgk_request(self, page: Any, search: str) -> Iterator[Any]:
        target = urljoin(page.url, search)
        given = dict(parse_qsl(urlsplit(target).query, keep_blank_values=True))
        form = {k: given.get(k, "") for k in XXGK_FORM}
        form["sortfield"] = form["sortfield"] or "createdatetime:0,orderid:0"
        tree = XXGK_TREE.search(page.text)
        state = {
            "url": target.split("?", 1)[0],
            "form": form,
            "referer": urljoin(page.url, tree.group(1)) if tree else page.url,
        }
        request = self.xxgk_page(state, 1)
        yield from self.follow_request(request)

    def xxgk_page(self, state: dict[str, Any], number: int) -> FormRequest:
        request = FormRequest(
            state["url"],
            formdata={**state["form"], "currpage": str(number)},
            headers={"X-Requested-With": "XMLHttpRequest", "Referer": state["referer"]},
            callback=self.parse_hanweb_xxgk,
            errback=self.on_error,
            meta={"xxgk": state, "nianbao_kind": "list", "page": number, "series": f"{state['url']}#xxgk"},
        )
        return request

    def parse_hanweb_xxgk(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = as_html(response)
        state = response.meta["xxgk"]
        rows = page.css("tr.tr_main_value_odd, tr.tr_main_value_even")
        links = [link for row in rows for link in link_rows(fragment(page, f"<table>{row.get()}</table>"))]
        new = self.brought_new(page, (link.url for link in links))
        number = int(response.meta.get("page") or 1)
        total = PAGE_TOTAL.search(page.text)
        if total and number < int(total.group(1)):
            request = self.xxgk_page(state, number + 1)
            yield from self.next_page(page, request.url, self.parse_hanweb_xxgk, new=new, request=request)
        yield from self.report_links(page, links, annual=False)

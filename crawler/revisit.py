"""URLs a paused portal left unvisited, kept for the next run, which asks them first.

A revisit entry is plain JSON (stored by :meth:`storage.store.Store.add_revisit`): the URL, the spider
callback that reads it, and the request's own meta (kind, list page, page number, column …), never Scrapy's
internal meta. An attachment that was not fetched is revisited through its detail page (which links it
again); an attachment linked directly from a list is handed back to the pipelines as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from scrapy import Request

from crawler.items import ReportItem
from crawler.middlewares import KIND_META

if TYPE_CHECKING:
    from crawler.spiders.base import ReportSpider

FIRST = 100  # priority of a revisit: before the columns' own requests
OWN_META = (KIND_META, "list_url", "list_title", "list_date", "page", "column", "playwright")


def entry_for_request(request: Request) -> dict[str, Any]:
    """The revisit entry of a request the spider made (list or detail page)."""
    callback = getattr(request.callback, "__name__", None) if request.callback else None
    meta = {k: request.meta[k] for k in OWN_META if k in request.meta}
    if meta.get(KIND_META) == "attachment":
        page = request.headers.get("Referer")
        return entry_for_attachment(request.url, page.decode("latin-1") if page else "", title=None)
    return {"url": request.url, "callback": callback or "parse", "meta": meta}


def entry_for_attachment(
    url: str, page_url: str, *, title: str | None, published: str | None = None, list_url: str | None = None
) -> dict[str, Any]:
    """An attachment not fetched: its detail page is asked again (or, linked directly, the document itself)."""
    if page_url:
        meta = {KIND_META: "detail", "list_url": list_url, "list_title": title, "list_date": published}
        return {"url": page_url, "callback": "parse_detail", "meta": {k: v for k, v in meta.items() if v}}
    return {"url": url, "attachment": True, "title": title, "published": published, "list_url": list_url}


def revisit_outputs(spider: ReportSpider, entries: list[dict[str, Any]]) -> Iterator[Request | ReportItem]:
    """The requests (and directly linked documents) of ``entries``, to be made before anything else."""
    for entry in entries:
        url = str(entry.get("url") or "")
        if not url or spider.link_verdict(url):
            continue
        if entry.get("attachment"):
            yield ReportItem(
                portal=spider.portal_name,
                page_url="",
                list_url=entry.get("list_url"),
                title=entry.get("title"),
                published=entry.get("published"),
                publisher=None,
                page_body=b"",
                page_status=0,
                page_content_type=None,
                attachment_names=[entry.get("title") or ""],
                file_urls=[url],
            )
            continue
        callback = getattr(spider, str(entry.get("callback") or "parse"), None)
        if not callable(callback):
            callback = spider.parse
        meta = dict(entry.get("meta") or {})
        kind = str(meta.pop(KIND_META, "detail"))
        request = spider.make_request(url, kind, callback, **meta)
        yield request.replace(priority=FIRST)

"""Item pipelines: download attachments into the raw archive, read, validate, dedupe and store reports.

This module is the crawler's one place that writes storage (:class:`storage.store.Store`):

- :class:`AttachmentsPipeline` (a ``FilesPipeline``) downloads each :class:`~crawler.items.ReportItem`'s
  attachment candidates. Bodies are stored content-addressed by SHA-256 in the Store's raw archive (names
  from links or ``Content-Disposition`` never become paths) and every stored document is recorded with
  :meth:`Store.archive_document` (URL, sha256, content type, size, fetch time, HTTP status). A body cut short
  (:mod:`crawler.integrity`) is a ``truncated`` failure and is not stored. An attachment the Store already
  holds for that URL is not downloaded again. Failures (HTTP 404, timeout, cassette miss, challenge page …)
  are attached to the item, not raised.
- :class:`ReportPipeline` records :class:`~crawler.items.ErrorItem` s, and turns a ReportItem into a stored
  report: the first attachment that reads as a report is the report (the page gives title, publisher and
  publication date where the document lacks them); otherwise the page body, when it is a report. A
  challenge page, an unreadable document (recorded under the parser's code: ``corrupt``, ``encrypted``,
  ``needs_ocr``, ``hostile``, ``too_large``, ``empty`` …) or a page without a report is recorded as an error,
  never stored as a report. A document already stored as the report of another URL (same content hash) is
  stored once: the second URL is recorded as ``duplicate``. When the spider closes it adds the request
  counts (list/detail/attachment) to the run.

A detail page is marked as read once its outcome is settled (a report stored, or read and found to hold
none), and only then: a harvest killed in between reads the page again on the next run. Spiders skip pages
marked as read on later runs (:meth:`crawler.spiders.base.ReportSpider.is_known_page`). A page whose
attachment failed to download (or was not requested: the portal was paused) is not marked, so the next run
tries it again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.pipelines.files import FilesPipeline
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.exceptions import AttachmentFailed, CrawlError
from crawler.failures import describe_failure
from crawler.integrity import body_problem
from crawler.items import ErrorItem, ReportItem
from crawler.middlewares import KIND_META, STATS_PREFIX, challenge_evidence
from crawler.page_images import read_page_images
from crawler.revisit import entry_for_attachment
from parsers import Report, UnreadableDocument
from storage.archive import RawArchive
from storage.harvested import is_report, merge_page_metadata, parse_document
from storage.ingest import StoreView, StoreWrites, Writes, archive_body, bump_op, document_op, error_op, report_op
from storage.store import Store

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.pipelines.media import MediaPipeline
    from scrapy.settings import BaseSettings
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)
T = TypeVar("T")

# request kind → the run counter it adds to
RUN_COUNTERS = {"list": "list_requests", "detail": "detail_requests", "attachment": "attachment_downloads"}

_STORES: dict[tuple[str, str], Store] = {}


def distributed(settings: BaseSettings) -> bool:
    """Is this crawl one worker of a distributed harvest (``NIANBAO_REDIS_URL``; :mod:`crawler.distributed`)?"""
    return bool(settings.get("NIANBAO_REDIS_URL"))


def archive_from_settings(settings: BaseSettings) -> RawArchive | None:
    """The raw archive: the Store's (embedded), or the one directory every worker shares (distributed)."""
    if distributed(settings):
        raw = settings.get("NIANBAO_RAW_ROOT") or str(
            Path(settings.get("NIANBAO_DB") or "data/nianbao.db").parent / "raw"
        )
        return RawArchive(raw)
    store = store_from_settings(settings)
    return store.archive if store is not None else None


def writes_from_settings(settings: BaseSettings) -> Writes | None:
    """Where the crawl's writes go: the local Store at once, or Redis for the one writer (``nianbao ingest``)."""
    if distributed(settings):
        from crawler.distributed import RedisWrites

        return RedisWrites.from_settings(settings)
    store = store_from_settings(settings)
    return StoreWrites(store) if store is not None else None


def view_from_settings(settings: BaseSettings) -> StoreView | None:
    """What earlier runs harvested (read only): the Store, or its Redis mirror on a worker."""
    if distributed(settings):
        from crawler.distributed import RedisView

        return RedisView.from_settings(settings)
    return store_from_settings(settings)


def store_from_settings(settings: BaseSettings) -> Store | None:
    """The Store named by ``NIANBAO_DB``/``NIANBAO_RAW_ROOT`` (one per process), or ``None`` if unset."""
    db = settings.get("NIANBAO_DB")
    if not db:
        return None
    raw = settings.get("NIANBAO_RAW_ROOT")
    key = (str(Path(db).resolve()), str(Path(raw).resolve()) if raw else "")
    if key not in _STORES:
        _STORES[key] = Store(db, Path(raw) if raw else None)
    return _STORES[key]


def run_id_for(crawler: Crawler) -> int | None:
    configured = crawler.settings.get("NIANBAO_RUN_ID")
    if configured is not None:
        return int(configured)
    run_id: int | None = getattr(crawler, "nianbao_run_id", None)
    return run_id


async def in_thread(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run CPU-bound work (reading a PDF) off the reactor thread."""
    result: T = await maybe_deferred_to_future(deferToThread(func, *args, **kwargs))
    return result


class AttachmentsPipeline(FilesPipeline):
    """FilesPipeline storing into the Store's content-addressed raw archive, recording every document."""

    def __init__(self, store_uri: str, download_func: None = None, *, crawler: Crawler) -> None:
        super().__init__(store_uri, crawler=crawler)
        self.view = view_from_settings(crawler.settings)
        self.writes = writes_from_settings(crawler.settings)
        self.archive = archive_from_settings(crawler.settings)
        self.refresh = crawler.settings.getbool("NIANBAO_REFRESH")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        cls._update_stores(crawler.settings)
        archive = archive_from_settings(crawler.settings)
        uri = str(archive.root) if archive is not None else crawler.settings["FILES_STORE"]
        if "://" not in uri:
            # Scrapy's file store makes its folder after asking whether it exists: workers starting together
            # on one machine raced there, and the loser died with FileExistsError (tests/test_workers.py)
            Path(uri).mkdir(parents=True, exist_ok=True)
        return cls(uri, crawler=crawler)

    def get_media_requests(self, item: Any, info: MediaPipeline.SpiderInfo) -> list[Request]:
        if not isinstance(item, ReportItem):
            return []
        headers = {"Referer": item.page_url} if item.page_url else {}
        return [
            Request(url, callback=NO_CALLBACK, headers=headers, meta={KIND_META: "attachment"})
            for url in item.file_urls
        ]

    def media_to_download(  # type: ignore[override]
        self, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> dict[str, Any] | None:
        """An attachment already archived for this URL is not downloaded again (unless refreshing)."""
        if self.view is None or self.refresh:
            return None
        doc = self.view.document_for_url(request.url)
        if doc and doc.get("status") == 200 and Path(doc["path"]).is_file():
            self.inc_stats("uptodate")
            return {"url": request.url, "path": doc["path"], "checksum": doc["sha256"], "status": "uptodate"}
        return None

    async def media_downloaded(  # type: ignore[override]
        self, response: Response, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> dict[str, Any]:
        """An HTTP error is an expected outcome, not an exception: it comes back as a result with a
        ``failure`` (recorded by ReportPipeline), so Scrapy logs no traceback for a 404 attachment."""
        problem: str | None = None
        if response.status != 200 or not response.body:
            problem = (
                f"the attachment answered HTTP {response.status}"
                if response.status != 200
                else "the attachment is empty"
            )
            code = f"http_{response.status}" if response.status != 200 else "empty"
        else:
            problem = body_problem(response.body, response.flags)
            code = "truncated"
        if problem:
            logger.warning("attachment %s: %s", request.url, problem)
            return {
                "url": request.url,
                "path": None,
                "checksum": None,
                "status": code,
                "failure": {"url": request.url, "code": code, "reason": problem, "evidence": ""},
            }
        result: dict[str, Any] = dict(await super().media_downloaded(response, request, info, item=item))
        return result

    def media_failed(self, failure: Failure, request: Request, info: MediaPipeline.SpiderInfo) -> Any:
        exc = failure.value
        if isinstance(exc, CrawlError | IgnoreRequest):
            raise exc
        code, reason, evidence = describe_failure(exc)
        raise AttachmentFailed(request.url, reason, evidence=evidence, code=code) from exc

    def file_path(
        self,
        request: Request,
        response: Response | None = None,
        info: MediaPipeline.SpiderInfo | None = None,
        *,
        item: Any = None,
    ) -> str:
        """Content address: ``<sha256[:2]>/<sha256>`` (the archive may add an extension for humans)."""
        if response is None:
            return super().file_path(request, response, info, item=item)
        sha = hashlib.sha256(response.body).hexdigest()
        return f"{sha[:2]}/{sha}"

    def file_downloaded(
        self, response: Response, request: Request, info: MediaPipeline.SpiderInfo, *, item: Any = None
    ) -> Any:
        """Archive the body through the Store (which writes the raw file); the checksum is its sha256."""
        if self.writes is None or self.archive is None:
            return super().file_downloaded(response, request, info, item=item)
        content_type = response.headers.get("Content-Type")
        kept = archive_body(self.archive, request.url, response.body)
        self.writes.submit(
            document_op(
                request.url,
                **kept,
                content_type=content_type.decode("latin-1") if content_type else None,
                status=response.status,
                run_id=run_id_for(self.crawler),
            )
        )
        return kept["sha256"]

    def item_completed(self, results: list[Any], item: Any, info: MediaPipeline.SpiderInfo) -> Any:
        if not isinstance(item, ReportItem):
            return item
        files: list[dict[str, Any]] = []
        errors: list[dict[str, str]] = []
        for url, (ok, value) in zip(item.file_urls, results, strict=False):
            if ok and value and value.get("failure"):
                errors.append(value["failure"])
            elif ok and value:
                info_ = dict(value)
                if self.archive is not None:
                    info_["path"] = str(self.archive.path(info_["checksum"]))
                files.append(info_)
            elif not ok:
                exc = value.value
                errors.append(
                    {
                        "url": url,
                        "code": getattr(exc, "code", "download_failed"),
                        "reason": getattr(exc, "reason", None) or repr(exc),
                        "evidence": getattr(exc, "evidence", ""),
                        **({"revisit": "yes"} if getattr(exc, "revisit", False) else {}),
                    }
                )
        ItemAdapter(item)["files"] = files
        ItemAdapter(item)["file_errors"] = errors
        return item


class ReportPipeline:
    """Validate, read and store reports; record errors; add the crawl's request counts to the run."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.writes = writes_from_settings(crawler.settings)
        self.archive = archive_from_settings(crawler.settings)
        self.own_run = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    # -- run bookkeeping --------------------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        """The local Store (embedded harvests; a worker of a distributed one has none)."""
        return None if distributed(self.crawler.settings) else store_from_settings(self.crawler.settings)

    @property
    def run_id(self) -> int | None:
        return run_id_for(self.crawler)

    @property
    def portal(self) -> str:
        spider = self.crawler.spider
        return getattr(spider, "portal_name", None) or (spider.name if spider else "")

    def open_spider(self) -> None:
        store = store_from_settings(self.crawler.settings)
        if store is not None and self.run_id is None and not distributed(self.crawler.settings):
            # a plain `scrapy crawl`: the pipeline opens (and closes) a run of its own
            mode = self.crawler.settings.get("NIANBAO_MODE", "live")
            self.crawler.nianbao_run_id = store.start_run(  # type: ignore[attr-defined]
                "replay" if mode == "replay" else "live", [self.portal]
            )
            self.own_run = True

    def close_spider(self) -> None:
        if self.writes is None or self.run_id is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        total = int(stats.get_value(STATS_PREFIX, 0))
        if total:
            self.writes.submit(bump_op(self.run_id, "requests", total))
        for kind, counter in RUN_COUNTERS.items():
            n = int(stats.get_value(f"{STATS_PREFIX}/{kind}", 0))
            if n:
                self.writes.submit(bump_op(self.run_id, counter, n))
        if self.crawler.settings.getbool("NIANBAO_SETTLE_REVISITS", True):
            self.writes.submit({"op": "settle_revisits", "portal": self.portal, "run_id": self.run_id})
        if self.own_run:
            store = store_from_settings(self.crawler.settings)
            assert store is not None
            store.finish_run(self.run_id)

    # -- items ------------------------------------------------------------------------------------
    async def process_item(self, item: Any) -> Any:
        if self.writes is None:
            return item
        if isinstance(item, ErrorItem):
            self.error(item.url, item.code, item.reason, item.evidence, portal=item.portal, revisit=item.revisit)
        elif isinstance(item, ReportItem):
            try:
                await self.handle_report(item)
            except Exception as exc:  # a bug must not stop the crawl; it is recorded
                logger.exception("storing the report of %s failed", item.page_url)
                self.error(item.page_url, "internal", f"storing failed: {exc!r}", portal=item.portal)
        return item

    def error(
        self,
        url: str,
        code: str,
        reason: str,
        evidence: str = "",
        *,
        portal: str | None = None,
        revisit: dict[str, Any] | None = None,
    ) -> None:
        """Record a failure; with ``revisit`` (:mod:`crawler.revisit`) the next run asks that first."""
        assert self.writes is not None
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(f"nianbao/errors/{code}")
        self.writes.submit(
            error_op(
                run_id=self.run_id,
                portal=portal or self.portal,
                url=url,
                code=code,
                reason=reason,
                evidence=evidence,
                revisit=revisit,
            )
        )

    async def read(self, data: bytes, url: str, portal: str) -> tuple[Report | None, bool]:
        """Parse one document: ``(report, settled)``. A failure is recorded and gives no report; it is
        settled (the same bytes will fail again) for an unreadable document, not for an empty one, a challenge
        page or a parser bug (worth trying again later)."""
        evidence = challenge_evidence(200, {}, data)
        if evidence:
            self.error(url, "blocked", "an anti-bot page instead of the document", evidence, portal=portal)
            return None, False
        try:
            return await in_thread(parse_document, data, url), True
        except UnreadableDocument as exc:
            self.error(url, exc.code or "unreadable", exc.reason, portal=portal)
            return None, exc.code != "empty"
        except Exception as exc:
            logger.exception("parsing %s failed", url)
            self.error(url, "internal", f"the parser failed: {exc!r}", portal=portal)
            return None, False

    async def handle_report(self, item: ReportItem) -> None:
        assert self.writes is not None
        portal = item.portal
        for failed in item.file_errors:
            revisit = None
            if failed["code"] == "paused" or failed.get("revisit"):  # the portal was paused: ask the page first
                revisit = entry_for_attachment(
                    failed["url"], item.page_url, title=item.title, published=item.published, list_url=item.list_url
                )
            self.error(
                failed["url"],
                failed["code"],
                failed["reason"],
                failed.get("evidence", ""),
                portal=portal,
                revisit=revisit,
            )
        if item.page_body:
            evidence = challenge_evidence(item.page_status or 200, {}, item.page_body)
            if evidence:  # never stored, never archived as read: the next run tries again
                self.error(
                    item.page_url, "blocked", "an anti-bot page instead of the report page", evidence, portal=portal
                )
                return

        paused = any(f.get("code") == "paused" for f in item.file_errors)
        settled = not item.file_errors
        parsed_any = False  # was any candidate read (so that "no report" is a finding, not a guess)?
        report: Report | None = None
        source_url = ""
        document_sha: str | None = None
        for stored in item.files:
            if stored["url"] in item.page_images:
                continue  # read together below, as the pages of one document
            data = Path(stored["path"]).read_bytes()
            candidate, read_settled = await self.read(data, stored["url"], portal)
            settled = settled and read_settled
            if candidate is None:
                continue
            parsed_any = True
            if is_report(candidate):
                report, source_url, document_sha = candidate, stored["url"], stored["checksum"]
                break
            self.error(stored["url"], "no_report", "the attachment holds no report table or sections", portal=portal)

        images_sha: str | None = None
        if report is None and item.page_images:  # OCR hook: the report as a column of page images
            candidate, read_settled, images_sha = await read_page_images(self, item, portal)
            settled = settled and read_settled
            parsed_any = parsed_any or candidate is not None
            if candidate is not None and is_report(candidate):
                report, source_url = candidate, item.page_url

        if report is None and item.page_url:
            candidate, read_settled = await self.read(item.page_body, item.page_url, portal)
            settled = settled and read_settled
            parsed_any = parsed_any or candidate is not None
            if candidate is not None and is_report(candidate):
                report, source_url = candidate, item.page_url

        if report is None:
            if parsed_any and not paused:
                reason = (
                    "neither an attachment nor the page body holds a report"
                    if item.file_urls
                    else "the page holds no report (no report table or sections, no attachment)"
                )
                self.error(item.page_url or (item.file_urls or [""])[0], "no_report", reason, portal=portal)
            if settled:
                self.archive_page(item)  # read, and it holds no report: not fetched again
            return

        page_sha = self.put_page(item)
        if source_url == item.page_url:
            document_sha = images_sha or page_sha
        page = {"title": item.title, "publisher": item.publisher, "published": item.published}
        merge_page_metadata(report, page, item.page_url)
        read = (
            {
                "url": item.page_url,
                "sha256": page_sha,
                "content_type": item.page_content_type,
                "status": item.page_status,
            }
            if page_sha is not None and item.page_url
            else None
        )
        # stored, or recorded `duplicate` when the document is another URL's report; the page marked read only
        # then (storage.ingest)
        status = self.writes.submit(
            report_op(
                portal=portal,
                url=source_url,
                report=report,
                document_sha256=document_sha,
                page=read,
                run_id=self.run_id,
            )
        )
        self.count(status or "handed")

    def count(self, status: str) -> None:
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(f"nianbao/reports/{status}")

    def put_page(self, item: ReportItem) -> str | None:
        """Keep the page's body in the archive, without marking the page as read yet."""
        return self.keep_page(item, mark=False)

    def archive_page(self, item: ReportItem) -> str | None:
        """Keep the page's body and mark the page as read (settled: it holds no report)."""
        return self.keep_page(item, mark=True)

    def keep_page(self, item: ReportItem, *, mark: bool) -> str | None:
        assert self.writes is not None and self.archive is not None
        if not item.page_body or not item.page_url:
            return None
        kept = archive_body(self.archive, item.page_url, item.page_body)
        self.writes.submit(
            document_op(
                item.page_url,
                **kept,
                content_type=item.page_content_type,
                status=item.page_status,
                run_id=self.run_id,
                mark=mark,
            )
        )
        return str(kept["sha256"])

"""Reports published as a column of page images: a detail page whose body is mostly ``<img>`` pages.

County and department columns often put a scanned report on its page as one image per page. The spider
(:meth:`crawler.spiders.base.ReportSpider.parse_detail`) asks :func:`page_image_urls` for the page images, in
page order, and adds them to the item's downloads (``ReportItem.page_images``); the pipeline reads the page's
attachments and body first, and, when neither is a report, :func:`read_page_images` reads the images as the
pages of one document (OCR, :mod:`parsers.readers.ocr`).

The images are bundled, in order, into one multi-page TIFF (:func:`parsers.readers.ocr.bundle_pages`: grey,
lossless), kept in the raw archive like any document (each image is archived too, as downloaded), and that
bundle is the report's document: ``nianbao reparse`` reads it again exactly as the crawl did.

What counts as a column of page images is :func:`parsers.readers.image_column.page_image_urls`'s (a page saved
as MHTML with its images is read by the same rule: :mod:`parsers.readers.saved_page`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsers.extracted import UnreadableDocument
from parsers.readers.image_column import page_image_urls

if TYPE_CHECKING:
    from crawler.items import ReportItem
    from parsers import Report

__all__ = ["SUFFIX", "page_image_urls", "read_page_images"]

SUFFIX = "#page-images"  # the bundle's URL in the archive: the page's URL and this


async def read_page_images(pipeline: Any, item: ReportItem, portal: str) -> tuple[Report | None, bool, str | None]:
    """The report the page images make, read as one document: ``(report, settled, document sha256)``.

    ``pipeline`` is the :class:`crawler.pipelines.ReportPipeline` (its store, its ``read`` and ``error``)."""
    from parsers.readers.ocr import bundle_pages

    stored = {f["url"]: f for f in item.files}
    missing = [u for u in item.page_images if u not in stored]
    if missing:  # a page failed to download (recorded with its code): read the whole column next run
        return None, False, None
    pages = [Path(stored[u]["path"]).read_bytes() for u in item.page_images]
    url = item.page_url + SUFFIX
    try:
        bundle = bundle_pages(pages)
    except UnreadableDocument as exc:
        pipeline.error(url, exc.code, exc.reason, portal=portal)
        return None, exc.code != "empty", None
    report, settled = await pipeline.read(bundle, item.page_url, portal)
    if report is None:
        return None, settled, None
    sha = pipeline.store.put_document(url, bundle, content_type="image/tiff")
    return report, settled, str(sha)

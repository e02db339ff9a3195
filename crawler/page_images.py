"""Reports published as a column of page images: a detail page whose body is mostly ``<img>`` pages.

County and department columns often put a scanned report on its page as one image per page. The spider
(:meth:`crawler.spiders.base.ReportSpider.parse_detail`) asks :func:`page_image_urls` for the page images, in
page order, and adds them to the item's downloads (``ReportItem.page_images``); the pipeline reads the page's
attachments and body first, and, when neither is a report, :func:`read_page_images` reads the images as the
pages of one document (OCR, :mod:`parsers.readers.ocr`).

The images are bundled, in order, into one multi-page TIFF (:func:`parsers.readers.ocr.bundle_pages`: grey,
lossless), kept in the raw archive like any document (each image is archived too, as downloaded), and that
bundle is the report's document: ``nianbao reparse`` reads it again exactly as the crawl did.

What counts as a column of page images: at least :data:`MIN_PAGES` images in the page's content (the scored
content container, else the body), each large enough to be a page (not an icon or a QR code: a declared width
or height under :data:`MIN_SIDE` pixels excludes it), and no more than :data:`MAX_TEXT` characters of text
beside them. A single image, or an infographic (图解, 一图读懂) is not a report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from parsers.extracted import UnreadableDocument
from parsers.readers.html import main_content, parse_tree

if TYPE_CHECKING:
    from crawler.items import ReportItem
    from parsers import Report

MIN_PAGES = 2
MAX_PAGES = 60  # the OCR's page budget: a column longer than this is refused by the parser as too_large
MIN_SIDE = 300
MAX_TEXT = 400
NOT_A_REPORT = re.compile(r"图解|一图读懂|一图看懂|解读|海报|长图")
SUFFIX = "#page-images"  # the bundle's URL in the archive: the page's URL and this


def _declared(img: Any, attr: str) -> int | None:
    raw = (img.get(attr) or "").strip().lower().removesuffix("px")
    if raw.isdigit():
        return int(raw)
    style = img.get("style") or ""
    m = re.search(rf"(?<![-\w]){attr}\s*:\s*(\d+)px", style)
    return int(m.group(1)) if m else None


def page_image_urls(body: bytes | str, page_url: str, title: str | None) -> list[str]:
    """The page's report images in page order, or [] when the page is not a column of page images."""
    if title and NOT_A_REPORT.search(title):
        return []
    try:
        tree = parse_tree(body)
    except UnreadableDocument:
        return []
    content, _ = main_content(tree)
    root = content if content is not None else tree
    urls: list[str] = []
    for img in root.iter("img"):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            continue
        sides = [v for v in (_declared(img, "width"), _declared(img, "height")) if v is not None]
        if sides and min(sides) < MIN_SIDE:
            continue
        url = urljoin(page_url, src)
        if urlsplit(url).scheme in ("http", "https") and url not in urls:
            urls.append(url)
    text = "".join("".join(root.itertext()).split())
    if len(urls) < MIN_PAGES or len(text) > MAX_TEXT:
        return []
    return urls[: MAX_PAGES + 1]  # one over the budget, so that the parser says the column is too long


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

"""A page whose report is a column of page images (one ``<img>`` a page): which images, in page order.

County and department columns often put a scanned report on its page as one image per page. The crawl
(:mod:`crawler.page_images`) downloads them and reads them as one document by OCR; a page saved as MHTML holds
them as its parts (:mod:`parsers.readers.saved_page`). Both ask :func:`page_image_urls`.

What counts as a column of page images: at least :data:`MIN_PAGES` images in the page's content (the scored
content container, else the body), each large enough to be a page (not an icon or a QR code: a declared width
or height under :data:`MIN_SIDE` pixels excludes it), and no more than :data:`MAX_TEXT` characters of text
beside them. A single image, or an infographic (图解, 一图读懂) is not a report.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsers.extracted import UnreadableDocument
from parsers.readers.html import main_content, parse_tree

MIN_PAGES = 2
MAX_PAGES = 60  # the OCR's page budget: a column longer than this is refused by the parser as too_large
MIN_SIDE = 300
MAX_TEXT = 400
NOT_A_REPORT = re.compile(r"图解|一图读懂|一图看懂|解读|海报|长图")


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

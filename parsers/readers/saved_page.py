"""A page saved as MHTML whose report is a column of page images: the images, saved with it, read by OCR.

:mod:`parsers.mhtml` unwraps the page's HTML and the HTML reader reads it; a report published as one ``<img>`` a page
(:mod:`parsers.readers.image_column`) reads as a page with no report. Chromium's and Internet Explorer's single-file
saves keep each image as a part of the message, at its address (``Content-Location``). Where the page's images
make a column of page images and every one of them is among the parts, they are read in page order as one document
(:func:`parsers.readers.ocr.read_image_pages`), with a ``saved_page_images`` note; otherwise the page is read as
HTML (a note names images the file does not hold).
"""

from __future__ import annotations

from email.message import Message
from urllib.parse import urljoin

from parsers.extracted import Extracted
from parsers.mhtml import is_mhtml, message_page, parse_message
from parsers.readers.html import read_html, read_unwrapped
from parsers.readers.image_column import page_image_urls


def read_page(data: bytes) -> Extracted:
    """An HTML page, or a saved page (MHTML) read by its page images where it is a column of them. The message is
    parsed once (:func:`parsers.mhtml.parse_message`): its page, its images and, read as HTML, the page again."""
    if not is_mhtml(data):
        return read_html(data)
    message = parse_message(data)
    page = message_page(message)
    column = None if page is None else _column_images(message, page)
    if column is None:
        return read_unwrapped(page)
    found, missing = column
    if not missing:
        from parsers.readers.ocr import read_image_pages

        extracted = read_image_pages(found)
        extracted.kind = "html"
        extracted.notes.insert(
            0,
            f"[saved_page_images] the saved page is a column of {len(found)} page images, saved with it: read by "
            f"OCR in page order",
        )
        return extracted
    extracted = read_unwrapped(page)
    extracted.notes.append(
        f"[images_not_read] the saved page is a column of {len(found) + len(missing)} page images, {len(missing)} of "
        f"them not in the file ({', '.join(missing[:3])}): read as its HTML"
    )
    return extracted


def _column_images(message: Message, page: bytes) -> tuple[list[bytes], list[str]] | None:
    """The page images the saved page's column names: those the file holds (in page order), and the addresses of
    those it does not; None where the page is no column of page images."""
    base = message.get("Snapshot-Content-Location") or next(
        (p.get("Content-Location") for p in message.walk() if p.get_content_type() == "text/html"), None
    )
    base = str(base or "http://localhost/").strip()
    wanted = page_image_urls(page, base, None)
    if not wanted:
        return None
    parts: dict[str, bytes] = {}
    for part in message.walk():
        location = part.get("Content-Location")
        body = part.get_payload(decode=True) if part.get_content_maintype() == "image" else None
        if location and isinstance(body, bytes) and body:
            parts[urljoin(base, str(location).strip())] = body
    return [parts[u] for u in wanted if u in parts], [u for u in wanted if u not in parts]

"""Page images out of image files and PDFs, within bounds, at a resolution chosen from the page's size.

- **Image files** (PNG, JPEG, TIFF, GIF, BMP, WebP; a multi-page TIFF or GIF is several pages): the header is
  read first. A page over :data:`MAX_PIXELS` is a decompression bomb and refused as ``hostile`` before any
  pixel is decoded (a JPEG is first decoded at a reduced scale, which bounds its memory, when that brings it
  under the limit). A file Pillow cannot decode is ``corrupt``.
- **PDF pages** are rendered by pdfium (pypdfium2). An image inside the page over :data:`MAX_PIXELS` is
  ``hostile`` (pdfium would decode it whole).
- **Red ink** (a seal or stamp pressed over a table or a signature): a colour page's red ink is read as the
  paper it lies on (:func:`lift_red`), so that the seal's ring and characters are neither read as text nor
  taken for ruling lines; black print under the seal stays black (dark in every channel). The page says so
  (``red_ink``), and the reader writes a note.
- **Resolution**: pages are read at :data:`WORK_DPI` (from the page's size in points for a PDF; for an image,
  from its stated dpi, else from its width taken as an A4 or A3 sheet), and never at more than
  :data:`MAX_WORK_PIXELS`: a huge page is read at a lower resolution, never at a huge memory cost.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from parsers.extracted import UnreadableDocument
from parsers.ocr.preprocess import Grey
from parsers.readers.pdfium_page import PDFIUM_LOCK

MAX_PIXELS = 100_000_000  # a page image over this is a decompression bomb (an A3 sheet at 600 dpi is 70 MP)
WORK_DPI = 300  # the resolution pages are read at
MIN_DPI = 100  # below this an image is upscaled to it at least
MAX_WORK_PIXELS = 16_000_000  # a page is never read at more pixels than this (A4 at 300 dpi: 8.7 MP)
RED_MARGIN = 60  # a pixel is red ink when its red channel is over both others by this much
RED_SHARE = 0.0005  # … and a page holds red ink when at least this share of its pixels is red
RED_BAND = 256  # rows worked at once
A4_INCHES = (8.27, 11.69)


@dataclass(frozen=True)
class PageImage:
    pixels: Grey
    scale: float  # pixels per page unit (PDF: per point; image: 1, the unit is the source pixel)
    dpi: float  # pixels per inch of the page as read
    red_ink: bool = False  # red ink (a seal) was lifted off the page before reading


def lift_red(rgb: Any) -> tuple[Grey, bool] | None:
    """A colour page as grey with its red ink lifted (read as its red channel, as bright as the paper under it),
    and whether there was any; None when the page holds no red ink (the caller keeps its plain grey). Worked in
    bands of :data:`RED_BAND` rows (a large page never costs more than a band's arithmetic)."""
    pixels = np.asarray(rgb)
    if pixels.ndim != 3 or pixels.shape[2] < 3:
        return None
    grey = np.empty(pixels.shape[:2], dtype=np.uint8)
    red_count = 0
    for top in range(0, pixels.shape[0], RED_BAND):
        band = pixels[top : top + RED_BAND, :, :3].astype(np.int32)
        r, g, b = band[:, :, 0], band[:, :, 1], band[:, :, 2]
        red = (r - np.maximum(g, b)) > RED_MARGIN
        red_count += int(np.count_nonzero(red))
        lum = (r * 299 + g * 587 + b * 114 + 500) // 1000
        grey[top : top + RED_BAND] = np.clip(np.where(red, r, lum), 0, 255)
    if red_count < RED_SHARE * grey.size:
        return None
    return grey, True


def _target_scale(width_in: float, height_in: float, dpi: float) -> float:
    """Work pixels per inch for a page of this size: WORK_DPI, lowered to stay within MAX_WORK_PIXELS."""
    area = max(width_in * height_in, 1e-6)
    return min(dpi, (MAX_WORK_PIXELS / area) ** 0.5)


# ------------------------------------------------------------------------------------------------- images
def _open(data: bytes) -> object:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # bounded here, with a clear verdict, instead of Pillow's warning
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise UnreadableDocument(f"corrupt image: {exc}", code="corrupt") from exc
    except Exception as exc:  # Pillow raises many kinds on damaged headers
        raise UnreadableDocument(f"corrupt image: {type(exc).__name__}: {exc}", code="corrupt") from exc


def image_page_count(data: bytes) -> int:
    """How many pages (frames) an image file holds; refuses bombs (``hostile``) and broken files (``corrupt``)."""
    im = _open(data)
    count = int(getattr(im, "n_frames", 1) or 1)
    w, h = im.size  # type: ignore[attr-defined]
    _check_size(w, h, getattr(im, "format", ""))
    return count


def _check_size(w: int, h: int, fmt: str | None) -> None:
    if w <= 0 or h <= 0:
        raise UnreadableDocument(f"corrupt image: size {w}×{h}", code="corrupt")
    if w * h > MAX_PIXELS and not (fmt == "JPEG" and w * h <= MAX_PIXELS * 64):
        raise UnreadableDocument(
            f"image of {w}×{h} pixels ({w * h / 1e6:.0f} MP) is over the limit of {MAX_PIXELS / 1e6:.0f} MP "
            "(a decompression bomb?)",
            code="hostile",
        )


def load_image_page(data: bytes, index: int) -> PageImage:
    """Page ``index`` (0-based) of an image file, grey, at the working resolution."""
    from PIL import Image

    im = _open(data)
    try:
        im.seek(index)  # type: ignore[attr-defined]
    except EOFError as exc:
        raise UnreadableDocument(f"corrupt image: no frame {index + 1}", code="corrupt") from exc
    w, h = im.size  # type: ignore[attr-defined]
    fmt = getattr(im, "format", "")
    _check_size(w, h, fmt)
    dpi = _stated_dpi(im, w, h)
    work = _target_scale(w / dpi, h / dpi, max(WORK_DPI, MIN_DPI))
    factor = work / dpi  # work pixels per source pixel
    colour = getattr(im, "mode", "L") in ("RGB", "RGBA", "P", "CMYK", "YCbCr")
    if fmt == "JPEG":
        # decode at a reduced scale straight away when the page is larger than needed (memory stays bounded)
        im.draft("RGB" if colour else "L", (max(1, int(w * factor)), max(1, int(h * factor))))  # type: ignore[attr-defined]
    red_ink = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            grey = im.convert("L")  # type: ignore[attr-defined]
            if colour and grey.size[0] * grey.size[1] <= MAX_PIXELS:
                lifted = lift_red(im.convert("RGB"))  # type: ignore[attr-defined]
                if lifted is not None:
                    grey, red_ink = Image.fromarray(lifted[0], "L"), True
    except Exception as exc:
        raise UnreadableDocument(f"corrupt image: {type(exc).__name__}: {exc}", code="corrupt") from exc
    if grey.size[0] * grey.size[1] > MAX_PIXELS:
        raise UnreadableDocument(f"image of {w}×{h} pixels is over the limit (a decompression bomb?)", code="hostile")
    tw, th = max(1, round(w * factor)), max(1, round(h * factor))
    if (tw, th) != grey.size:
        grey = grey.resize((tw, th), Image.Resampling.LANCZOS if factor < 1 else Image.Resampling.BICUBIC)
    return PageImage(np.asarray(grey, dtype=np.uint8), scale=tw / w, dpi=work, red_ink=red_ink)


def open_frames(data: bytes) -> list[Any]:
    """Every frame of an image file, grey (for :func:`parsers.readers.ocr.bundle_pages`)."""
    im = _open(data)
    out = []
    for index in range(int(getattr(im, "n_frames", 1) or 1)):
        im.seek(index)  # type: ignore[attr-defined]
        w, h = im.size  # type: ignore[attr-defined]
        _check_size(w, h, getattr(im, "format", ""))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(im.convert("L"))  # type: ignore[attr-defined]
        except Exception as exc:
            raise UnreadableDocument(f"corrupt image: {type(exc).__name__}: {exc}", code="corrupt") from exc
    return out


def _stated_dpi(im: object, w: int, h: int) -> float:
    """The image's resolution: as stated when plausible, else as if it were an A4 sheet (A3 when larger)."""
    info = getattr(im, "info", {}) or {}
    stated = info.get("dpi")
    if isinstance(stated, tuple) and stated and isinstance(stated[0], int | float) and 70 <= float(stated[0]) <= 1200:
        return float(stated[0])
    short, long_ = sorted((w, h))
    dpi = short / A4_INCHES[0]
    if long_ / dpi > A4_INCHES[1] * 1.5:  # a strip or a very long page: size it by its width alone
        return max(dpi, 72.0)
    return max(dpi, 50.0)


# --------------------------------------------------------------------------------------------------- PDFs
def pdf_document(data: bytes) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except Exception as exc:
        raise UnreadableDocument(f"corrupt PDF: {exc}", code="corrupt") from exc


def render_pdf_page(data: bytes, index: int) -> PageImage:
    """Page ``index`` (0-based) of a PDF rendered grey at the working resolution."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    # PDFium is not thread-safe: the crawl parses in threads, and a page rendered in the calling thread (no
    # pool) must not run beside another thread's PDF reading
    with PDFIUM_LOCK:
        return _render_pdf_page(pdfium, pdfium_c, data, index)


def _has_colour_image(pdfium: Any, pdfium_c: Any, page: Any) -> bool:
    """Whether the page holds an image with colour channels (a grey or black-and-white scan holds none)."""
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        try:
            components = obj.get_metadata().colorspace
        except Exception:  # metadata pdfium cannot give: render in colour and look
            return True
        if components not in (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_CALGRAY):
            return True
    return False


def _render_pdf_page(pdfium: Any, pdfium_c: Any, data: bytes, index: int) -> PageImage:
    pdf = pdf_document(data)
    try:
        page = pdf[index]  # type: ignore[index]
        w, h = page.get_size()
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
            assert isinstance(obj, pdfium.PdfImage)
            iw, ih = obj.get_px_size()
            if iw * ih > MAX_PIXELS:
                raise UnreadableDocument(
                    f"page {index + 1} holds an image of {iw}×{ih} pixels, over the limit of "
                    f"{MAX_PIXELS / 1e6:.0f} MP (a decompression bomb?)",
                    code="hostile",
                )
        dpi = _target_scale(w / 72, h / 72, WORK_DPI)
        if _has_colour_image(pdfium, pdfium_c, page):
            colour = page.render(scale=dpi / 72, may_draw_forms=False, rev_byteorder=True).to_numpy()
            lifted = lift_red(colour)
            if lifted is not None:
                return PageImage(lifted[0], scale=dpi / 72, dpi=dpi, red_ink=True)
        bitmap = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=False)
        pixels = bitmap.to_numpy()
        if pixels.ndim == 3:
            pixels = pixels[:, :, 0]
        return PageImage(np.ascontiguousarray(pixels, dtype=np.uint8), scale=dpi / 72, dpi=dpi)
    finally:
        pdf.close()  # type: ignore[attr-defined]

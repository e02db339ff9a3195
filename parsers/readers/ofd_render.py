"""An OFD page's painted paths drawn as an image, for OCR: a page whose text is drawn as glyph outlines.

Some PDF → OFD writers (pdf2ofd) draw every glyph as a filled outline and write no text at all, as a PDF printer
that converts text to curves does; :mod:`parsers.readers.pdf` sends such a PDF page to OCR rendered by PDFium.
Here the page's paths are drawn with Pillow at :data:`DPI`: a filled path's subpaths by the even-odd rule (each
subpath's polygon XORed into the path's mask, so that a glyph's counters stay open), a stroked one as lines of its
width. Curves are flattened into :data:`STEPS` segments.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageDraw

DPI = 200
STEPS = 8
MAX_SIDE = 8000  # pixels: a page box larger than this at DPI is drawn smaller

Point = tuple[float, float]


@dataclass
class Shape:
    """One path object in page points: its subpaths as polylines, whether filled and stroked, its line width."""

    fill: bool
    stroke: bool
    width: float
    subpaths: list[list[Point]] = field(default_factory=list)


def cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    """A cubic Bézier's points after ``p0``, flattened."""
    out = []
    for i in range(1, STEPS + 1):
        t = i / STEPS
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def quadratic(p0: Point, p1: Point, p2: Point) -> list[Point]:
    out = []
    for i in range(1, STEPS + 1):
        t = i / STEPS
        u = 1 - t
        out.append(
            (u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0], u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1])
        )
    return out


def render(width: float, height: float, shapes: list[Shape]) -> bytes:
    """The page (``width`` × ``height`` points) as a PNG in black on white."""
    scale = min(DPI / 72, MAX_SIDE / max(width, height, 1.0))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    for shape in shapes:
        polys = [[(x * scale, y * scale) for x, y in sub] for sub in shape.subpaths if len(sub) >= 2]
        if not polys:
            continue
        if shape.fill:
            _fill(page, polys)
        if shape.stroke:
            line = max(1, round(shape.width * scale))
            for poly in polys:
                draw.line(poly, fill=0, width=line)
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    return buffer.getvalue()


def _fill(page: Image.Image, polys: list[list[Point]]) -> None:
    """The subpaths filled by the even-odd rule, within their bounding box."""
    xs = [x for poly in polys for x, _ in poly]
    ys = [y for poly in polys for _, y in poly]
    left, top = max(int(min(xs)) - 1, 0), max(int(min(ys)) - 1, 0)
    right, bottom = min(int(max(xs)) + 2, page.width), min(int(max(ys)) + 2, page.height)
    if right <= left or bottom <= top:
        return
    box = (right - left, bottom - top)
    mask = Image.new("1", box, 0)
    for poly in polys:
        if len(poly) < 3:
            continue
        one = Image.new("1", box, 0)
        ImageDraw.Draw(one).polygon([(x - left, y - top) for x, y in poly], fill=1)
        mask = ImageChops.logical_xor(mask, one)
    page.paste(0, (left, top, right, bottom), mask)

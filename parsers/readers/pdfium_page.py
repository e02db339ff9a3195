"""A PDF page's glyphs and painted paths, read with PDFium (pypdfium2) through its C functions.

What pdfplumber gets from pdfminer, read here from PDFium's text page and page objects, in the same terms
(top-down coordinates, content order) so that :mod:`parsers.readers.pdf_layout` can rebuild lines and tables
from positions:

- a glyph is ``(text, x0, x1, top, bottom, size, font)``: ``x0`` is its origin, ``x1`` the origin plus its
  advance width, ``bottom`` the baseline less the font's descent and ``top`` one font size above (pdfminer's
  box: a glyph's box does not depend on its ink). Characters PDFium generates itself (spaces and line breaks
  it infers) are not glyphs and are left out;
- a painted path is cut into subpaths at each ``m`` and classified as pdfminer does: a single segment is a
  line, a closed axis-aligned four-sided loop a rectangle, anything else a curve (its segments' end points).

Per-character C calls are the cost that matters: where the native build holds them, the loop over the text
page's glyphs and the loop over the page objects run in C (``_pdfium_loops.c``, the same PDFium calls through
their addresses in pypdfium2's library, the same values; :data:`NATIVE`); elsewhere the hot calls go through bare
ctypes function pointers (no argument conversion). An advance width is measured once per font, character and size
on a page.
Glyphs not set upright (turned, mirrored; a shear alone is a synthetic italic and is read) are set aside in
``PageContent.skipped``. A page this reading does not cover raises :class:`Unsupported` with the reason, and the
caller reads it with pdfplumber instead: a media box not at the origin (and the caller's own: a page mostly not
upright). A page with ``/Rotate`` is read in the frame it is shown in (its glyphs and paths turned with it).
Glyphs without a Unicode mapping are not read; the caller judges the page's text layer from the count of glyphs
that are not text (:mod:`parsers.readers.pdf_text_layer`).
"""

from __future__ import annotations

import ctypes
import re
import struct
import threading
from dataclasses import dataclass, field
from typing import Any, Final

import pypdfium2.raw as pdfium_c

from parsers.readers.pdf_text_layer import not_text

Char = tuple[str, float, float, float, float, float, int]  # text, x0, x1, top, bottom, size, font handle
Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom

TEXT: Final = 0  # the fields of a Char
X0: Final = 1
X1: Final = 2
TOP: Final = 3
BOTTOM: Final = 4
SIZE: Final = 5
FONT: Final = 6

_OBJ_TEXT, _OBJ_PATH, _OBJ_IMAGE, _OBJ_FORM = 1, 2, 3, 5
_SEG_LINE, _SEG_BEZIER, _SEG_MOVE = 0, 1, 2
_MAX_DEPTH = 12  # form XObjects nested deeper than this are not followed
_UNMAPPED = frozenset("\x00\ufffd\ufffe\uffff")


# PDFium is not thread-safe, and documents are parsed in worker threads (the crawler's pipelines): every use of
# PDFium in the project holds this lock (re-entrant: a reader may call another PDFium user on the same thread).
PDFIUM_LOCK = threading.RLock()


class Unsupported(Exception):
    """This page needs the pdfplumber reading; the message says why."""


def _bare(fn: Any, restype: Any) -> Any:
    """The C function behind a pypdfium2 binding, without argument conversion (several times faster), called
    with the GIL held: these calls are short and never call back, and releasing and taking the GIL again cost
    more than many of them (the callers hold PDFIUM_LOCK anyway)."""
    address: int = ctypes.cast(fn, ctypes.c_void_p).value  # type: ignore[assignment]  # a bound function
    bare = ctypes.PYFUNCTYPE(restype)(address)
    bare.restype = restype
    return bare


class _Handle(ctypes.c_void_p):
    """A PDFium handle. As a restype it stays a ctypes object (no conversion to int), ready to pass back."""


def _handle_arg(address: int | None) -> Any:
    """A handle passed many times (the page's, its text page's) as a by-reference argument whose address is the
    handle: ctypes passes a prepared reference as it stands, where a _Handle argument is converted again at
    every call. (Nothing is read at the address: ``byref`` only takes it.)"""
    if not address:
        raise ValueError("a NULL PDFium handle")
    return ctypes.byref(ctypes.c_char.from_address(address))


_Arg = Any  # a handle as an argument: a _Handle, or a _handle_arg
_INT, _F, _D = ctypes.c_int, ctypes.c_float, ctypes.c_double
# Every call is bare: handles are passed as _Handle (the page's and the text page's as _handle_arg), indexes as
# int, outputs by reference. A text object's handle from the text page is a plain int (restype c_void_p): it is
# the key of its TextInfo.
_text_object = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_char_origin = _bare(pdfium_c.FPDFText_GetCharOrigin, _INT)
_char_matrix = _bare(pdfium_c.FPDFText_GetMatrix, _INT)
_loose_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT)
_char_box = _bare(pdfium_c.FPDFText_GetCharBox, _INT)
_unicode = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_count_chars = _bare(pdfium_c.FPDFText_CountChars, _INT)
_get_text = _bare(pdfium_c.FPDFText_GetText, _INT)
_count_objects = _bare(pdfium_c.FPDFPage_CountObjects, _INT)
_get_object = _bare(pdfium_c.FPDFPage_GetObject, _Handle)
_form_count = _bare(pdfium_c.FPDFFormObj_CountObjects, _INT)
_form_object = _bare(pdfium_c.FPDFFormObj_GetObject, _Handle)
_object_type = _bare(pdfium_c.FPDFPageObj_GetType, _INT)
_object_matrix = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
_font_size = _bare(pdfium_c.FPDFTextObj_GetFontSize, _INT)
_text_font = _bare(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_font_descent = _bare(pdfium_c.FPDFFont_GetDescent, _INT)
_glyph_width = _bare(pdfium_c.FPDFFont_GetGlyphWidth, _INT)
_font_name = _bare(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t)
_count_segments = _bare(pdfium_c.FPDFPath_CountSegments, _INT)
_segment = _bare(pdfium_c.FPDFPath_GetPathSegment, _Handle)
_segment_point = _bare(pdfium_c.FPDFPathSegment_GetPoint, _INT)
_segment_type = _bare(pdfium_c.FPDFPathSegment_GetType, _INT)
_segment_close = _bare(pdfium_c.FPDFPathSegment_GetClose, _INT)
_media_box = _bare(pdfium_c.FPDFPage_GetMediaBox, _INT)
_crop_box = _bare(pdfium_c.FPDFPage_GetCropBox, _INT)
_bounding_box = _bare(pdfium_c.FPDF_GetPageBoundingBox, _INT)

# The C loops (parsers/readers/_pdfium_loops.c, built by scripts/build_native.py with the compiled modules): the
# glyph loop of _read_chars and the object loop of _visit with their PDFium calls made in C, through these
# functions' addresses in pypdfium2's library, in this order. Without a build (or with NIANBAO_PURE_PYTHON=1)
# NATIVE is None and the ctypes loops below run; tests/test_pdfium_loops.py holds the two to each other.
_NATIVE_FUNCTIONS = (
    pdfium_c.FPDFText_GetTextObject,
    pdfium_c.FPDFText_GetCharOrigin,
    pdfium_c.FPDFText_GetMatrix,
    pdfium_c.FPDFText_GetLooseCharBox,
    pdfium_c.FPDFText_GetCharBox,
    pdfium_c.FPDFTextObj_GetFontSize,
    pdfium_c.FPDFTextObj_GetFont,
    pdfium_c.FPDFFont_GetGlyphWidth,
    pdfium_c.FPDFPage_CountObjects,
    pdfium_c.FPDFPage_GetObject,
    pdfium_c.FPDFFormObj_CountObjects,
    pdfium_c.FPDFFormObj_GetObject,
    pdfium_c.FPDFPageObj_GetType,
    pdfium_c.FPDFPageObj_GetMatrix,
    pdfium_c.FPDFPath_CountSegments,
    pdfium_c.FPDFPath_GetPathSegment,
    pdfium_c.FPDFPathSegment_GetPoint,
    pdfium_c.FPDFPathSegment_GetType,
    pdfium_c.FPDFPathSegment_GetClose,
)


def _native_loops() -> Any:
    """The C loops bound to PDFium's functions, or None where they are not built."""
    try:
        from parsers.readers import _pdfium_loops
    except ImportError:
        return None
    _pdfium_loops.bind(tuple(ctypes.cast(fn, ctypes.c_void_p).value for fn in _NATIVE_FUNCTIONS))
    return _pdfium_loops


NATIVE = _native_loops()

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MATRIX = struct.Struct("=6f")  # an FS_MATRIX (six 32-bit floats) read in one piece


def _compose(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


@dataclass
class PageContent:
    """One page's glyphs and painted paths, pdfminer-style, in top-down coordinates."""

    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    lines: list[Box] = field(default_factory=list)  # single segments: (x0, top, x1, bottom) of their two points
    rects: list[Box] = field(default_factory=list)
    curves: list[list[Point]] = field(default_factory=list)
    fonts: dict[int, str] = field(default_factory=dict)  # font handle -> base font name (filled on demand)
    images: int = 0  # image objects painted on the page (form XObjects followed): what OCR could read
    image_area: float = 0.0  # the area they are painted over, in square points (overlaps counted twice)
    skipped: list[str] = field(default_factory=list)  # glyphs not set upright (turned, mirrored), in text order
    not_text: int = 0  # glyphs of the text page that are not text (pdf_text_layer.not_text), spaces aside
    glyphs: int = 0  # all glyphs of the text page, spaces aside
    unmapped: int = 0  # glyphs without a Unicode mapping (left out of ``chars``)

    def font_name(self, font: int) -> str:
        name = self.fonts.get(font)
        if name is None:
            buf = ctypes.create_string_buffer(256)
            size = _font_name(_Handle(font), buf, ctypes.c_size_t(256)) if font else 0
            name = self.fonts[font] = buf.value.decode("utf-8", "replace") if size else ""
        return name


def read_page(page: Any, textpage: Any) -> PageContent:
    """The glyphs and paths of one page (pypdfium2 ``PdfPage`` and its ``PdfTextPage``)."""
    page_address: int = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    raw_page = _handle_arg(page_address)
    width, height = _page_size(raw_page)
    turn = _display(page.get_rotation() % 360, width, height)
    if turn is not None and turn[1]:  # a quarter turn: the page shows the media box on its side
        width, height = height, width
    content = PageContent(width, height)
    shown = turn[0] if turn is not None else None
    tp_address: int = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
    if NATIVE is not None:
        _visit_native(page_address, shown is not None, shown or _IDENTITY, 0, content, top=True)
        _read_chars(_handle_arg(tp_address), content, shown, tp_address)
    else:
        _walk(raw_page, content, shown)
        _read_chars(_handle_arg(tp_address), content, shown)
    return content


def _display(rotation: int, width: float, height: float) -> tuple[Matrix, bool] | None:
    """The matrix from the media box's space to the page as shown (``/Rotate`` turns it clockwise), and whether
    it is a quarter turn; None for a page shown as its media box lies. A landscape page printed by a PDF printer
    driver is often a portrait media box drawn on its side and turned for display."""
    if rotation == 0:
        return None
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, 0.0, width), True
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, width, height), False
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, height, 0.0), True
    raise Unsupported(f"page rotation of {rotation}°")


def _page_size(raw_page: _Arg) -> tuple[float, float]:
    """The media box's size, as pdfplumber measures a page (PDFium's box functions do not inherit a box
    from the page tree; its bounding box, which does, is the media box where no crop box is set)."""
    box = [_F() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    if not _media_box(raw_page, *refs):
        if _crop_box(raw_page, *refs):
            raise Unsupported("a crop box but no media box of its own")
        rect = pdfium_c.FS_RECTF()
        if not _bounding_box(raw_page, ctypes.byref(rect)):
            raise Unsupported("page without a media box")
        box = [_F(rect.left), _F(rect.bottom), _F(rect.right), _F(rect.top)]
    x0, y0, x1, y1 = (v.value for v in box)
    if abs(x0) > 1e-3 or abs(y0) > 1e-3:
        raise Unsupported("media box not at the origin")
    return x1 - x0, y1 - y0


# ---------------------------------------------------------------------------------------------- objects
def _walk(raw_page: _Arg, content: PageContent, shown: Matrix | None) -> None:
    """Paths into ``content``, in content order, form XObjects followed; ``shown``: see :func:`_display`."""
    matrix = (ctypes.c_float * 6)()
    _visit(raw_page, shown is not None, shown or _IDENTITY, 0, content, matrix, ctypes.byref(matrix), top=True)


def _visit(
    holder: _Arg,
    is_form: bool,
    outer: Matrix,
    depth: int,
    content: PageContent,
    matrix: Any,
    ref: Any,
    top: bool = False,
) -> None:
    # a module-level function, not a closure: a recursive closure is a reference cycle, and while the reader
    # pauses the garbage collector it would keep every page's glyphs alive. ``is_form``: compose each object's
    # matrix with ``outer`` (inside a form, or on a turned page); ``top``: the holder is the page itself.
    count = _count_objects(holder) if top else _form_count(holder)
    for i in range(count):
        obj = _get_object(holder, i) if top else _form_object(holder, ctypes.c_ulong(i))
        kind = _object_type(obj) if obj else 0
        if kind != _OBJ_PATH and kind != _OBJ_FORM:
            if kind == _OBJ_IMAGE:  # counted and measured only: a page without text may be read by OCR
                content.images += 1
                place: Matrix = _MATRIX.unpack(matrix) if _object_matrix(obj, ref) else _IDENTITY
                a, b, c, d = (_compose(place, outer) if is_form else place)[:4]
                content.image_area += abs(a * d - b * c)  # an image is the unit square, placed by its matrix
            continue  # text is read from the text page, images are not read
        own: Matrix = _MATRIX.unpack(matrix) if _object_matrix(obj, ref) else _IDENTITY
        full = _compose(own, outer) if is_form else own
        if kind == _OBJ_PATH:  # cut into subpaths and classified as pdfminer's ``paint_path`` does
            path_segments(segments(obj, _count_segments(obj)), full, content.height, content)
        elif depth < _MAX_DEPTH:
            _visit(obj, True, full, depth + 1, content, matrix, ref)


def _visit_native(
    holder: int, is_form: bool, outer: Matrix, depth: int, content: PageContent, top: bool = False
) -> None:
    """:func:`_visit` with the object loop in C (``NATIVE.objects``: each path, image and form of ``holder`` in
    content order, with its matrix, and a path's segments as :func:`segments_by_call` reads them)."""
    for kind, matrix, extra in NATIVE.objects(holder, top):
        own: Matrix = matrix if matrix is not None else _IDENTITY
        if kind == _OBJ_IMAGE:
            content.images += 1
            a, b, c, d = (_compose(own, outer) if is_form else own)[:4]
            content.image_area += abs(a * d - b * c)
            continue
        full = _compose(own, outer) if is_form else own
        if kind == _OBJ_PATH:
            path_segments(extra, full, content.height, content)
        elif depth < _MAX_DEPTH:
            _visit_native(extra, True, full, depth + 1, content)


Segment = tuple[float, float, int, int]  # x, y (the path's own space), type, closes the figure


def segments_by_call(obj: _Handle, count: int) -> list[Segment]:
    """A path's segments, four PDFium calls each (the plain definition :func:`segments` is held to)."""
    x, y = _F(), _F()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    out: list[Segment] = []
    for k in range(count):
        seg = _segment(obj, k)
        if not seg or not _segment_point(seg, x_ref, y_ref):
            continue
        out.append((x.value, y.value, _segment_type(seg), _segment_close(seg)))
    return out


# PDFium's segment handles point into the path's array of points (CFX_Path::Point: x and y as 32-bit floats, the
# type as one byte, the close flag as one byte, two bytes of padding): a path's segments are read from that
# array in one piece where the handles say it lies as such (the last one 12 bytes × (count - 1) past the first)
# and the first path so read in the process matched its segments read call by call (_SEGMENT_ARRAY: None until
# then, then whether it did). Word, WPS and wkhtmltopdf draw tables as thousands of small paths.
_SEGMENT_STRUCT = struct.Struct("=ffBB2x")
_SEGMENT_ARRAY: list[bool | None] = [None]


def segments(obj: _Handle, count: int) -> list[Segment]:
    """A path's segments as :func:`segments_by_call` reads them, from PDFium's array of points in one read."""
    if count < 2 or _SEGMENT_ARRAY[0] is False:
        return segments_by_call(obj, count)
    first, last = _segment(obj, 0), _segment(obj, count - 1)
    start = first.value if first else None
    size = _SEGMENT_STRUCT.size
    if not start or not last or last.value != start + size * (count - 1):
        return segments_by_call(obj, count)
    out: list[Segment] = list(_SEGMENT_STRUCT.iter_unpack((ctypes.c_char * (size * count)).from_address(start)))
    if _SEGMENT_ARRAY[0] is None:  # the first path: the array's layout checked against the calls
        _SEGMENT_ARRAY[0] = out == segments_by_call(obj, count)
        if not _SEGMENT_ARRAY[0]:
            return segments_by_call(obj, count)
    return out


_RECTANGLE = (_SEG_MOVE, 0, _SEG_LINE, 0, _SEG_LINE, 0, _SEG_LINE, 0, _SEG_LINE, 1)


def path_segments(segs: list[Segment], m: Matrix, height: float, content: PageContent) -> None:
    """:func:`path_by_subpaths`, with the two paths tables are drawn with read directly: a single line (move,
    line) and a rectangle (move, four lines, the last back to the start closing it)."""
    n = len(segs)
    if n == 2:
        (px0, py0, kind0, close0), (px1, py1, kind1, close1) = segs
        if kind0 == _SEG_MOVE and kind1 == _SEG_LINE and not close0 and not close1:
            a, b, c, d, e, f = m
            x0, y0 = a * px0 + c * py0 + e, height - (b * px0 + d * py0 + f)
            x1, y1 = a * px1 + c * py1 + e, height - (b * px1 + d * py1 + f)
            content.lines.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            return
    elif n == 5:
        kinds = (*segs[0][2:], *segs[1][2:], *segs[2][2:], *segs[3][2:], *segs[4][2:])
        a, b, c, d, e, f = m
        if kinds == _RECTANGLE:
            p0, p1, p2, p3, p4 = ((a * px + c * py + e, height - (b * px + d * py + f)) for px, py, _, _ in segs)
            if p4 == p0 and p3 != p0:  # closed where it started, its fourth corner not the first
                (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p0, p1, p2, p3
                if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                    y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
                ):
                    content.rects.append((min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2)))
                else:
                    content.curves.append([p0, p1, p2, p3, p0])
                return
    path_by_subpaths(segs, m, height, content)


def path_by_subpaths(segs: list[Segment], m: Matrix, height: float, content: PageContent) -> None:
    """A path's segments cut into subpaths, each classified as pdfminer's ``paint_path`` does."""
    a, b, c, d, e, f = m
    ops: list[tuple[str, Point]] = []
    bezier = 0
    for px, py, kind, closes in segs:
        point = (a * px + c * py + e, height - (b * px + d * py + f))
        if kind == _SEG_MOVE:
            op = "m"
            bezier = 0
        elif kind == _SEG_LINE:
            op = "l"
            bezier = 0
        elif kind == _SEG_BEZIER:
            bezier += 1
            if bezier < 3:
                continue  # control points: pdfminer keeps a curve segment's end point only
            bezier = 0
            op = "c"
        else:
            continue
        if closes:
            start = subpath_start(ops)
            if op == "l" and start is not None and point == start:
                ops.append(("h", start))  # PDFium's closing segment back to the start is pdfminer's "h"
            else:
                ops.append((op, point))
                if start is not None:
                    ops.append(("h", start))
        else:
            ops.append((op, point))
    classify_subpaths(ops, content)


def subpath_start(ops: list[tuple[str, Point]]) -> Point | None:
    """Where the last subpath of ``ops`` began (its move), the point a close returns to; None before any move."""
    for op, point in reversed(ops):
        if op == "m":
            return point
    return None


def classify_subpaths(ops: list[tuple[str, Point]], content: PageContent) -> None:
    """A path's operations (pdfminer's ``m l c h``, in page points) cut into subpaths at each move, each classified
    (:func:`classify_subpath`): the PDF's paths (:func:`path_by_subpaths`) and the OFD's (``parsers.readers.ofd``)."""
    start_at = 0
    for i in range(1, len(ops) + 1):
        if i == len(ops) or ops[i][0] == "m":
            if i > start_at:
                classify_subpath(ops[start_at:i], content)
            start_at = i


def classify_subpath(ops: list[tuple[str, Point]], content: PageContent) -> None:
    if ops[0][0] != "m":
        return
    shape = "".join(op for op, _ in ops)
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        content.lines.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            content.rects.append((min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2)))
        else:
            content.curves.append(pts)
    else:
        content.curves.append(pts)


# ---------------------------------------------------------------------------------------------- glyphs
_SURROGATE = re.compile("[\ud800-\udfff]")


def _page_text(tp: _Arg, n: int) -> str:
    """All ``n`` characters' text in one call; per character where a character is outside the BMP."""
    buf = bytearray(2 * (n + 1))  # (a ctypes string buffer would make a ctypes type of each page's length)
    _get_text(tp, 0, n, ctypes.byref(ctypes.c_char.from_buffer(buf)))
    text = buf[: 2 * n].decode("utf-16-le", "surrogatepass")
    if len(text) == n and not _SURROGATE.search(text):
        return text
    codes = [_unicode(tp, i) for i in range(n)]
    return "".join(chr(c) if 0 < c < 0x110000 and not 0xD800 <= c <= 0xDFFF else "\ufffd" for c in codes)


class _Measure:
    """Buffers for measuring advance widths (see :func:`_advance`)."""

    def __init__(self, shown: Matrix | None) -> None:
        self.shown = shown
        self.rect = pdfium_c.FS_RECTF()
        self.ink = [_D() for _ in range(4)]
        self.rect_ref = ctypes.byref(self.rect)
        self.ink_refs = [ctypes.byref(v) for v in self.ink]
        self.width = _F()


def _advance(tp: _Arg, i: int, x0: float, ch: str, info: TextInfo, m: _Measure) -> float:
    """Glyph ``i``'s advance width on the page.

    PDFium's loose box is the advance box united with the glyph's ink: where the ink stays inside, its right
    edge is the origin plus the advance. Where the ink reaches it or beyond (an italic, a CJK dot that
    overhangs), the font's width for the character is asked (PDFium maps the Unicode back to its code).
    """
    _loose_box(tp, i, m.rect_ref)
    _char_box(tp, i, *m.ink_refs)
    if m.shown is None:
        right = m.rect.right
        ink = m.ink[1].value
    else:  # the boxes' right edges on the page as shown
        a, _b, c, _d, e, _f = m.shown
        r = m.rect
        right = max(a * r.left, a * r.right) + max(c * r.bottom, c * r.top) + e
        left_, right_, bottom_, top_ = (v.value for v in m.ink)
        ink = max(a * left_, a * right_) + max(c * bottom_, c * top_) + e
    if ink < right - 1e-3 or ch.isspace():
        return float(right - x0)
    _size, width_scale, font_size, _descent, font, _shared = info
    width = ctypes.byref(m.width)
    if font and _glyph_width(_Handle(font), ord(ch), ctypes.c_float(font_size), width) and m.width.value > 0:
        return m.width.value * width_scale / font_size
    return float(right - x0)


# A text object as the glyph boxes need it: size and width scale on the page, size as set, descent (points,
# positive), font handle, the advance widths measured so far (shared by the objects of one font and scale).
TextInfo = tuple[float, float, float, float, int, dict[str, float]]
# the TextInfo of a text object that is not set upright (turned, mirrored): its glyphs go to ``PageContent.skipped``
NOT_UPRIGHT: TextInfo = (0.0, 0.0, 0.0, 0.0, 0, {})


class _Infos:
    """Text objects' :data:`TextInfo`, read when a glyph of theirs first comes up."""

    def __init__(self, tp: _Arg, shown: Matrix | None) -> None:
        self.tp = tp
        self.shown = shown
        self.infos: dict[int, TextInfo] = {}
        self.by_key: dict[tuple[int, float, float, float, float, float], TextInfo] = {}
        self.widths: dict[tuple[int, float], dict[str, float]] = {}
        self.matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a b c d e f
        self.matrix_ref = ctypes.byref(self.matrix)
        self.size = _F()
        self.size_ref = ctypes.byref(self.size)
        self.handle = _Handle()  # the text object asked about (one handle, its value set for each object)

    def read(self, obj: int, i: int) -> TextInfo:
        handle = self.handle
        handle.value = obj
        if not _char_matrix(self.tp, i, self.matrix_ref):  # the object's matrix on the page (forms applied)
            raise Unsupported("text without a matrix")
        if not _font_size(handle, self.size_ref):
            raise Unsupported("text without a font size")
        a, b, c, d = _MATRIX.unpack(self.matrix)[:4]
        if self.shown is not None:  # the object's matrix on the page as shown
            a, b, c, d = _compose((a, b, c, d, 0.0, 0.0), self.shown)[:4]
        key = (_text_font(handle) or 0, self.size.value, a, b, c, d)
        info = self.by_key.get(key)
        if info is None:
            info = self.make(key)
        self.infos[obj] = info
        return info

    def make(self, key: tuple[int, float, float, float, float, float]) -> TextInfo:
        """The TextInfo of a key not met before on the page, kept."""
        info = self.by_key[key] = self._info(*key)
        return info

    def _info(self, font: int, fs: float, a: float, b: float, c: float, d: float) -> TextInfo:
        if abs(b) > 1e-6 or a <= 0 or d <= 0:  # a shear alone (c) is a synthetic italic: its origins hold
            return NOT_UPRIGHT
        if fs <= 0:
            raise Unsupported("text without a font size")
        value = _F()
        if not font or not _font_descent(_Handle(font), ctypes.c_float(fs), ctypes.byref(value)):
            value.value = 0.0
        descent = -min(value.value, 0.0)
        shared = self.widths.setdefault((font, fs * a), {})
        return (fs * d, fs * a, fs, descent * d, font, shared)


def _read_chars(tp: _Arg, content: PageContent, shown: Matrix | None = None, tp_address: int | None = None) -> None:
    """The text page's glyphs into ``content``; with ``tp_address`` (the text page's handle as a number), the
    loop over them runs in C (``NATIVE.read_chars``: the same calls, the same values)."""
    n = _count_chars(tp)
    if n <= 0:
        return
    text = _page_text(tp, n)
    content.not_text, content.glyphs = not_text(text)
    check_unmapped = not _UNMAPPED.isdisjoint(text)
    if tp_address is not None:
        infos = _Infos(tp, shown)
        content.unmapped += NATIVE.read_chars(
            tp_address,
            text,
            check_unmapped,
            content.height,
            shown,
            infos.infos,
            infos.by_key,
            infos.make,
            infos.read,
            NOT_UPRIGHT,
            content.chars,
            content.skipped,
        )
        return
    height = content.height
    ox, oy = _D(), _D()
    bx, by = ctypes.byref(ox), ctypes.byref(oy)
    measure = _Measure(shown)
    append = content.chars.append
    infos = _Infos(tp, shown)
    sa, sb, sc, sd, se, sf = shown or _IDENTITY
    text_object, char_origin, get_info = _text_object, _char_origin, infos.infos.get
    last = None
    size = descent = 0.0
    font = 0
    widths: dict[str, float] = {}
    info: TextInfo | None = None
    turned = False
    skipped = content.skipped
    for i, ch in enumerate(text):
        obj = text_object(tp, i)
        if obj != last:  # consecutive glyphs mostly come from one text object
            if not obj:
                continue  # generated by PDFium (an inferred space or line break): not in the content
            last = obj
            info = get_info(obj) or infos.read(obj, i)
            size, descent, font, widths = info[0], info[3], info[4], info[5]
            turned = info is NOT_UPRIGHT
        if turned:  # a watermark, a vertical label: set aside, the page's upright reading does not hold it
            skipped.append(ch)
            continue
        if check_unmapped and ch in _UNMAPPED:  # not read (the page's text check, pdf_text_layer, counts it)
            content.unmapped += 1
            continue
        char_origin(tp, i, bx, by)
        if shown is None:
            x0 = ox.value
            y = oy.value
        else:
            x0 = sa * ox.value + sc * oy.value + se
            y = sb * ox.value + sd * oy.value + sf
        adv = widths.get(ch)
        if adv is None:
            assert info is not None
            adv = widths[ch] = _advance(tp, i, x0, ch, info, measure)
        bottom = height - y + descent
        append((ch, x0, x0 + adv, bottom - size, bottom, size, font))

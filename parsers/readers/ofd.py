"""OFD (GB/T 33190-2016, 版式文档) → text: each page's glyphs and ruling laid out as a PDF page's are.

An OFD file is a zip: ``OFD.xml`` names each document's root (``DocBody/DocRoot``), the document lists its pages
(``Pages/Page/@BaseLoc``), and a page's ``Content`` holds layers of objects placed in millimetres from the page's
top left corner (y downwards, as :mod:`parsers.readers.pdfium_page` reads a PDF page):

- a ``TextObject`` (``Boundary="x y w h"``, ``Font``, ``Size``, an optional ``CTM``) holds ``TextCode`` runs, each
  starting at ``X``/``Y`` (its first glyph's origin on the baseline, in the object's space) and stepping from glyph
  to glyph by ``DeltaX``/``DeltaY`` (``g n d``: ``d`` repeated ``n`` times);
- a ``PathObject`` holds its outline in ``AbbreviatedData`` (``M``/``S`` move, ``L`` line, ``Q`` and ``B`` curves,
  ``A`` arc, ``C`` close), painted unless ``Stroke`` and ``Fill`` are both false;
- ``PageBlock`` groups objects; a page's ``Template`` (``CommonData/TemplatePage``) is drawn under it.

The glyphs become :data:`~parsers.readers.pdfium_page.Char` tuples in points and the paths pdfminer's lines,
rectangles and curves, so that :func:`parsers.readers.pdf.layout_page` finds ruled tables and text lines exactly
as it does on a PDF page. Elements are matched by local name: writers differ in their namespace URI.
An OFD none of whose pages holds text is a scan: the image covering each page (its ``ImageObject``'s resource, a
``MultiMedia`` of ``PublicRes`` or ``DocumentRes``) is read by OCR (:func:`parsers.readers.ocr.read_image_pages`).
Scanned pages among text pages (a signed last page, a stamped table) are read by OCR too, each in its place
(:func:`parsers.readers.ocr.read_numbered_images`, as a PDF's pages without a text layer are).
A writer that writes a page's box in points and its objects in millimetres (easyofd) leaves a scanned page's image
a third of the page's size: where the box, read as points, ends where the page's images end (within
:data:`BOX_FIT`), the page is that size, with the note ``ofd_scaled``.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from parsers.extracted import Extracted, TextBuilder, UnreadableDocument
from parsers.readers.ofd_render import DPI, Shape, cubic, quadratic, render
from parsers.readers.package_check import declares_entities
from parsers.readers.pdf import MAX_PAGES, OUTLINE_CURVES, Page, collector_paused, layout_page, read_pages
from parsers.readers.pdfium_page import PageContent, Point, classify_subpaths, subpath_start

MM = 72 / 25.4  # points per millimetre
# A writer that mistakes its unit sets the glyphs far smaller than any printed text (easyofd's PDF → OFD writes
# them at 0.36 of their size): the layout's tolerances are in points, so such a page is read scaled up until its
# median glyph is BODY_SIZE points, with a note. Real reports set their text at 9–16 pt.
SMALLEST_SIZE = 5.0
BODY_SIZE = 10.5
MAX_XML = 64 * 1024 * 1024  # an uncompressed part larger than this is not read (a zip bomb)
MAX_IMAGE = 64 * 1024 * 1024
SCAN_SHARE = 0.5  # a page without text whose largest image covers this share of it is a scanned page: read by OCR
BOX_FIT = 0.02  # how near the images' far edges must come to a box read as points (its share) to take it as such
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# what reading a damaged or encrypted member raises
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def read_ofd(data: bytes) -> Extracted:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"corrupt OFD (not a zip): {exc}", code="corrupt") from exc
    with archive, collector_paused():
        package = _Package(archive)
        root = package.xml("OFD.xml")
        doc_roots = [e.text.strip() for e in _all(root, "DocRoot") if e.text and e.text.strip()]
        if not doc_roots:
            raise UnreadableDocument("corrupt OFD: OFD.xml names no document (DocBody/DocRoot)", code="corrupt")
        notes: list[str] = []
        if len(doc_roots) > 1:
            notes.append(f"[ofd_documents] the package holds {len(doc_roots)} documents: only the first is read")
        metadata = {"title": " ".join(t.split())} if (t := _first_text(root, "Title")) else {}
        pages, count, scans = _read_document(package, doc_roots[0], notes)
    if not pages:
        if not scans:
            raise UnreadableDocument(f"OFD whose {count} page(s) hold no text and no page image", code="empty")
        from parsers.readers.ocr import read_image_pages  # a scan saved as OFD: its page images read by OCR

        extracted = read_image_pages([image for _, image in scans])
        extracted.kind, extracted.pages = "ofd", count
        extracted.metadata = {**metadata, **extracted.metadata}
        extracted.notes = notes + extracted.notes
        return extracted
    tb = TextBuilder()
    if not scans:
        read_pages(pages, tb)
        return Extracted(kind="ofd", text=tb.text(), spans=tb.spans, metadata=metadata, notes=notes, pages=count)
    from parsers.readers.ocr import read_numbered_images  # scanned pages among text pages, each in its place

    by_ocr = read_numbered_images(scans, pages, tb, read_pages)
    ocr_notes, glyph_sets, doubtful, sure, agreed, digits_lost, short, empty_cells = by_ocr
    return Extracted(
        kind="ofd", text=tb.text(), spans=tb.spans, metadata=metadata, notes=notes + ocr_notes, pages=count, ocr=True,
        glyph_sets=glyph_sets, doubtful=doubtful, sure=sure, agreed_glyphs=agreed, digits_lost=digits_lost,
        short_readings=short, empty_cells=empty_cells,
    )  # fmt: skip


class _Package:
    """The zip's parts by path, looked up case-insensitively (writers differ in case), parsed as XML."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = {info.filename.lstrip("/").lower(): info for info in archive.infolist()}

    def xml(self, path: str) -> ET.Element:
        info = self.names.get(posixpath.normpath(path.lstrip("/")).lower())
        if info is None:
            raise UnreadableDocument(f"corrupt OFD: part {path} is missing", code="corrupt")
        if info.file_size > MAX_XML:
            raise UnreadableDocument(f"OFD part {path} of {info.file_size} bytes (limit {MAX_XML})", code="too_large")
        try:
            raw = self.archive.read(info)
        except _ZIP_ERRORS as exc:
            raise UnreadableDocument(f"corrupt OFD: part {path}: {exc}", code="corrupt") from exc
        if declares_entities(raw):
            raise UnreadableDocument(
                f"OFD part {path} declares a DTD or entities (refused: XML entity attack)", code="hostile"
            )
        try:
            return ET.fromstring(raw)
        except (ET.ParseError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableDocument(f"corrupt OFD: part {path}: {exc}", code="corrupt") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _all(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in element.iter() if _local(e.tag) == name)


def _first(element: ET.Element, name: str) -> ET.Element | None:
    return next(_all(element, name), None)


def _first_text(element: ET.Element, name: str) -> str:
    found = _first(element, name)
    return (found.text or "").strip() if found is not None else ""


def _numbers(text: str | None) -> list[float]:
    """The finite numbers in an attribute's text (``1e999`` and the like dropped)."""
    return [v for v in map(float, _NUMBER.findall(text or "")) if math.isfinite(v)]


def _box(element: ET.Element | None) -> tuple[float, float, float, float] | None:
    values = _numbers(element.text) if element is not None else []
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _read_document(
    package: _Package, doc_root: str, notes: list[str]
) -> tuple[list[Page], int, list[tuple[int, bytes]]]:
    """The pages laid out, their count, and the page images of the pages without text (scanned pages), each with its
    page number."""
    base = posixpath.dirname(doc_root.lstrip("/"))
    document = package.xml(doc_root)
    common = _first(document, "CommonData")
    media = _media(package, base, common)
    default_box = _box(_first(common, "PhysicalBox")) if common is not None else None
    templates: dict[str, str] = {}
    if common is not None:
        for t in _all(common, "TemplatePage"):
            if t.get("ID") and t.get("BaseLoc"):
                templates[t.get("ID", "")] = posixpath.join(base, t.get("BaseLoc", ""))
    entries = [p.get("BaseLoc", "") for p in _all(document, "Page") if p.get("BaseLoc")]
    if not entries:
        raise UnreadableDocument("OFD without pages", code="empty")
    if len(entries) > MAX_PAGES:
        raise UnreadableDocument(f"OFD with {len(entries)} pages (limit {MAX_PAGES})", code="too_large")
    pages: list[Page] = []
    images: list[int] = []
    scans: list[tuple[int, bytes]] = []
    outlined: list[int] = []
    scaled: list[str] = []
    in_points: list[int] = []
    for number, entry in enumerate(entries, 1):
        try:
            page_xml = package.xml(posixpath.join(base, entry))
            content, pictures, shapes = _page_content(package, page_xml, templates, default_box)
        except UnreadableDocument as exc:
            notes.append(f"page {number} could not be read: {exc.reason}")
            continue
        if not content.chars:
            if _box_in_points(content, pictures):
                in_points.append(number)
                content.width, content.height = content.width / MM, content.height / MM
            scan = _page_image(package, media, pictures, content)
            if scan is None and len(content.curves) >= OUTLINE_CURVES:  # text drawn as glyph outlines
                scan = render(content.width, content.height, shapes)
                outlined.append(number)
            if scan is not None:
                scans.append((number, scan))
            elif pictures:
                images.append(number)
            continue
        factor = _scale(content)
        if factor != 1.0:  # the writer's unit error: its page box may be in another unit than its glyphs
            scaled.append(f"{number} ({factor:.2f}×)")
            _fit_box(content)
            content = _scaled(content, factor)
        page = layout_page(content, number, notes)
        if page is not None:
            pages.append(page)
    if images:
        notes.append(
            f"[images_not_read] OFD page(s) {', '.join(map(str, images))} without text hold only small images or "
            f"images not in the package (a seal, a logo): not read"
        )
    if outlined:
        notes.append(
            f"[ofd_outlines] page(s) {', '.join(map(str, outlined))}: no text, its glyphs drawn as outlines: the page "
            f"drawn at {DPI} dpi and read by OCR"
        )
    if in_points:
        notes.append(
            f"[ofd_scaled] page(s) {', '.join(map(str, in_points))}: no text, a page box that ends where its images do "
            f"when read as points, and the images placed in millimetres (the writer's unit error): the box read as "
            f"points"
        )
    if scaled:
        notes.append(
            f"[ofd_scaled] page(s) {', '.join(scaled)}: glyphs set under {SMALLEST_SIZE:g} pt (the writer's unit), "
            f"laid out scaled up to a {BODY_SIZE:g} pt median"
        )
    return pages, len(entries), scans


def _media(package: _Package, base: str, common: ET.Element | None) -> dict[str, str]:
    """The documents' resources (``PublicRes``, ``DocumentRes``): a multimedia ID → its file's path in the zip."""
    out: dict[str, str] = {}
    if common is None:
        return out
    for ref in (e for e in common if _local(e.tag) in ("PublicRes", "DocumentRes") and e.text and e.text.strip()):
        path = posixpath.join(base, (ref.text or "").strip())
        try:
            res = package.xml(path)
        except UnreadableDocument:
            continue
        folder = posixpath.join(posixpath.dirname(path), res.get("BaseLoc", ""))
        for item in _all(res, "MultiMedia"):
            file = _first_text(item, "MediaFile")
            if item.get("ID") and file:
                out[item.get("ID", "")] = file.lstrip("/") if file.startswith("/") else posixpath.join(folder, file)
    return out


Picture = tuple[float, str, float, float]  # an image object: area (pt²), resource ID, right and bottom edge (pt)


def _box_in_points(content: PageContent, pictures: list[Picture]) -> bool:
    """Whether a page without text shows the writer's unit error: its box, read as points, ends where its images'
    far edges do (within :data:`BOX_FIT`), while read as millimetres it is almost three times their extent."""
    if not pictures:
        return False
    right, bottom = max(p[2] for p in pictures), max(p[3] for p in pictures)
    width, height = content.width / MM, content.height / MM
    return abs(right - width) <= BOX_FIT * width and abs(bottom - height) <= BOX_FIT * height


def _page_image(
    package: _Package, media: dict[str, str], pictures: list[Picture], content: PageContent
) -> bytes | None:
    """The bytes of the image that covers at least :data:`SCAN_SHARE` of a page without text (a scanned page)."""
    if not pictures:
        return None
    area, resource, _, _ = max(pictures)
    page = content.width * content.height
    path = media.get(resource)
    if path is None or not page or area < SCAN_SHARE * page:
        return None
    info = package.names.get(posixpath.normpath(path).lower())
    if info is None or info.file_size > MAX_IMAGE:
        return None
    return package.archive.read(info)


def _page_content(
    package: _Package, page_xml: ET.Element, templates: dict[str, str], default_box: tuple[float, ...] | None
) -> tuple[PageContent, list[Picture], list[Shape]]:
    """A page's glyphs and paths in points (its templates first), its image objects (area in square points,
    resource ID, far edges in points), and its paths whole (for drawing a page whose text is outlines)."""
    box = _box(_first(page_xml, "PhysicalBox")) or default_box or (0.0, 0.0, 210.0, 297.0)
    content = PageContent(box[2] * MM, box[3] * MM)
    fonts: dict[str, int] = {}
    pictures: list[Picture] = []
    shapes: list[Shape] = []
    layers: list[ET.Element] = []
    for template in (e for e in page_xml if _local(e.tag) == "Template"):
        path = templates.get(template.get("TemplateID", ""))
        if path:
            layers.append(package.xml(path))
    layers.append(page_xml)
    for layer in layers:
        for element in layer.iter():
            name = _local(element.tag)
            if name == "TextObject":
                _text_object(element, content, fonts, (box[0], box[1]))
            elif name == "PathObject":
                _path_object(element, content, (box[0], box[1]), shapes)
            elif name == "ImageObject":
                a, b, c, d, e, f = _matrix(element, (box[0], box[1]))
                bound = _numbers(element.get("Boundary"))
                if len(bound) == 4:  # the image is drawn inside its boundary
                    area, right, bottom = (
                        bound[2] * bound[3],
                        bound[0] - box[0] + bound[2],
                        bound[1] - box[1] + bound[3],
                    )
                else:
                    area, right, bottom = abs(a * d - b * c), e + abs(a) + abs(c), f + abs(b) + abs(d)
                pictures.append((area * MM * MM, element.get("ResourceID", ""), right * MM, bottom * MM))
    content.images = len(pictures)
    content.glyphs = len(content.chars)
    return content, pictures, shapes


def _fit_box(content: PageContent) -> None:
    """On a page whose glyphs show the writer's unit error (:func:`_scale`), a page box the glyphs fill less than half
    of in both directions is in another unit than they are (easyofd writes the PDF's box in points and the glyphs
    in millimetres): the page is taken to be the glyphs' extent with margins as wide as those at its top and left,
    so that its margins are where the text's are. A page set in real sizes keeps its box, however little it holds
    (a last page of two lines)."""
    if not content.chars:
        return
    right = max(ch[2] for ch in content.chars)
    bottom = max(ch[4] for ch in content.chars)
    if right < content.width / 2 and bottom < content.height / 2:
        content.width = right + max(min(ch[1] for ch in content.chars), 0.0)
        content.height = bottom + max(min(ch[3] for ch in content.chars), 0.0)


def _matrix(element: ET.Element, origin: tuple[float, float]) -> Matrix:
    """The object's CTM followed by its boundary's offset from the page's origin, in millimetres."""
    bound = _numbers(element.get("Boundary"))
    dx = (bound[0] if len(bound) >= 2 else 0.0) - origin[0]
    dy = (bound[1] if len(bound) >= 2 else 0.0) - origin[1]
    ctm = _numbers(element.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else _IDENTITY
    return (a, b, c, d, e + dx, f + dy)


def _deltas(text: str | None, most: int) -> list[float]:
    """``DeltaX``/``DeltaY``: numbers, where ``g n d`` stands for ``d`` repeated ``n`` times; at most ``most`` of
    them (a run's glyphs less one: a count beyond that asks for nothing, however large)."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < most:
        if tokens[i] == "g" and i + 2 < len(tokens):
            step = _numbers(tokens[i + 2])
            count = _numbers(tokens[i + 1])
            if step and count:
                out.extend([step[0]] * max(0, min(int(count[0]), most - len(out))))
            i += 3
            continue
        out.extend(_numbers(tokens[i])[:1])
        i += 1
    return out[:most]


def _text_object(element: ET.Element, content: PageContent, fonts: dict[str, int], origin: tuple[float, float]) -> None:
    a, b, c, d, e, f = _matrix(element, origin)
    if abs(b) > 1e-6 * max(abs(a), 1e-9) or abs(c) > 1e-6 * max(abs(d), 1e-9) or a <= 0 or d <= 0:
        content.skipped.extend(code.text or "" for code in element if _local(code.tag) == "TextCode")
        return  # turned or mirrored text (a watermark, a seal's ring): not read, as on a PDF page
    size_values = _numbers(element.get("Size") or element.get("size"))
    size = size_values[0] if size_values else 3.5
    font = fonts.setdefault(element.get("Font", ""), len(fonts) + 1)
    content.fonts.setdefault(font, element.get("Font", ""))
    x = y = 0.0
    for code in element:
        if _local(code.tag) != "TextCode" or not code.text:
            continue
        x = next(iter(_numbers(code.get("X"))), x)
        y = next(iter(_numbers(code.get("Y"))), y)
        most = len(code.text)
        dxs, dys = _deltas(code.get("DeltaX"), most), _deltas(code.get("DeltaY"), most)
        for i, ch in enumerate(code.text):
            step = dxs[i] if i < len(dxs) else (size if ord(ch) > 0x2E7F else size / 2)
            if ch.strip():
                _glyph(content, ch, (a * x + e, d * y + f), a * step, d * size, font)
            if dxs or not dys:  # DeltaY alone: a vertical run, whose glyphs step down only
                x += step
            if i < len(dys):
                y += dys[i]


def _glyph(content: PageContent, ch: str, at: Point, advance: float, size: float, font: int) -> None:
    """A glyph whose origin on the baseline is ``at`` (mm), as pdfminer boxes it: ``advance`` wide, one ``size``
    tall, its bottom a fifth of its size below the baseline."""
    x0, baseline = at[0] * MM, at[1] * MM
    width, height = max(advance, 0.0) * MM, size * MM
    bottom = baseline + 0.2 * height
    content.chars.append((ch, x0, x0 + width, bottom - height, bottom, height, font))


def _path_object(element: ET.Element, content: PageContent, origin: tuple[float, float], shapes: list[Shape]) -> None:
    """The path's subpaths classified into ``content`` as pdfminer does, and kept whole in ``shapes`` (flattened,
    for :mod:`parsers.readers.ofd_render`)."""
    stroke = element.get("Stroke", "true").lower() != "false"
    fill = element.get("Fill", "false").lower() == "true"
    if not stroke and not fill:
        return
    if element.get("Visible", "true").lower() == "false":
        return
    data = _first(element, "AbbreviatedData")
    if data is None or not data.text:
        return
    a, b, c, d, e, f = _matrix(element, origin)

    def point(px: float, py: float) -> Point:
        return ((a * px + c * py + e) * MM, (b * px + d * py + f) * MM)

    ops: list[tuple[str, Point]] = []
    shape = Shape(fill, stroke, _numbers(element.get("LineWidth"))[0] * MM if element.get("LineWidth") else MM / 3)
    here: Point = (0.0, 0.0)
    tokens = data.text.split()
    i = 0
    arity = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
    while i < len(tokens):
        op = tokens[i]
        n = arity.get(op)
        if n is None:
            i += 1
            continue
        args = _numbers(" ".join(tokens[i + 1 : i + 1 + n]))
        i += 1 + n
        if len(args) != n:
            break
        if op in ("M", "S"):
            here = point(args[0], args[1])
            ops.append(("m", here))
            shape.subpaths.append([here])
            continue
        if not shape.subpaths:
            shape.subpaths.append([here])
        end = point(args[-2], args[-1]) if n else here
        if op == "L":
            ops.append(("l", end))
            shape.subpaths[-1].append(end)
        elif op == "B":
            ops.append(("c", end))
            shape.subpaths[-1] += cubic(here, point(args[0], args[1]), point(args[2], args[3]), end)
        elif op == "Q":
            ops.append(("c", end))
            shape.subpaths[-1] += quadratic(here, point(args[0], args[1]), end)
        elif op == "A":  # an arc, drawn as its chord
            ops.append(("c", end))
            shape.subpaths[-1].append(end)
        elif op == "C":
            start = subpath_start(ops)
            if start is not None:
                ops.append(("h", start))
                shape.subpaths[-1].append(start)
                end = start
        here = end
    classify_subpaths(ops, content)
    shapes.append(shape)


def _scale(content: PageContent) -> float:
    sizes = sorted(ch[5] for ch in content.chars)
    median = sizes[len(sizes) // 2]
    return BODY_SIZE / median if 0 < median < SMALLEST_SIZE else 1.0


def _scaled(content: PageContent, k: float) -> PageContent:
    out = PageContent(content.width * k, content.height * k, fonts=content.fonts, images=content.images)
    out.chars = [
        (t, x0 * k, x1 * k, top * k, bot * k, size * k, font) for t, x0, x1, top, bot, size, font in content.chars
    ]
    out.lines = [(x0 * k, top * k, x1 * k, bottom * k) for x0, top, x1, bottom in content.lines]
    out.rects = [(x0 * k, top * k, x1 * k, bottom * k) for x0, top, x1, bottom in content.rects]
    out.curves = [[(x * k, y * k) for x, y in pts] for pts in content.curves]
    out.skipped, out.glyphs = content.skipped, content.glyphs
    return out

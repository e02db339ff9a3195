"""The OCR reader: image files, image-only PDFs (and the image-only pages of mixed PDFs), pages of images.

The work is done by :mod:`parsers.ocr` (page images, preprocessing, ruling lines, the engine, layout); this
module turns its pages into one :class:`~parsers.extracted.Extracted` in the project's text convention, with
``ocr = True``. Every table cell's span carries its page and its box: in PDF points (from the page's top
left) for a PDF page, in the image's own pixels for an image file.

- :func:`read_image`: a PNG, JPEG, TIFF, GIF, BMP or WebP file (every frame of a multi-page TIFF or GIF);
- :func:`read_image_pages`: several image files, in page order, as one document (a report published as a
  column of ``<img>`` pages);
- :func:`read_pdf_pages`: the given pages of a PDF (called by the PDF reader for pages without a text layer);
- :func:`read_numbered_images`: an OFD's scanned pages among its text pages, each image with its page number.

Where some pages have text and some are read by OCR, the two are written in page order (:func:`interleave`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from parsers.extracted import DoubtfulCell, Extracted, GlyphSet, SureCell, TextBuilder, UnreadableDocument
from parsers.ocr.cell_digits import TALL
from parsers.ocr.document import PageJob, PageResult, jobs_for, read_pages
from parsers.ocr.engine import EngineMissing
from parsers.ocr.layout import PageLayout, emit
from parsers.ocr.pages import image_page_count
from parsers.ocr.preprocess import REPORTED_SKEW


class OcrPages(NamedTuple):
    """What a document's OCR'd pages among its text pages give its reader, beside the text written."""

    notes: list[str]  # the reader's warnings
    glyph_sets: list[GlyphSet]  # cells of one glyph the engine read in several ways (``Extracted.glyph_sets``)
    doubtful: list[DoubtfulCell]  # numbers read unsure of (``Extracted.doubtful``)
    sure: list[SureCell]  # numbers read surely (``Extracted.sure``)
    agreed_glyphs: list[GlyphSet]  # cells of one glyph read one digit (``Extracted.agreed_glyphs``)
    digits_lost: list[DoubtfulCell]  # readings set aside as a digit lost (``Extracted.digits_lost``)
    short_readings: list[DoubtfulCell]  # readings wide for their digits (``Extracted.short_readings``)
    empty_cells: list[tuple[int, tuple[float, float, float, float]]]  # cells printed empty (``Extracted.empty_cells``)


def read_image(data: bytes) -> Extracted:
    return read_image_pages([data])


def read_image_pages(images: list[bytes]) -> Extracted:
    """Image files as the pages of one document, in the order given."""
    if not images:
        raise UnreadableDocument("no page images", code="empty")
    jobs: list[PageJob] = []
    for data in images:
        jobs += jobs_for(data, "image", list(range(image_page_count(data))))
    jobs = [PageJob(j.data, j.kind, j.index, n, j.engine, j.seconds) for n, j in enumerate(jobs, 1)]
    results = _run(jobs)
    return extracted_from(results, "image", len(jobs))


def read_pdf_pages(data: bytes, indexes: list[int]) -> list[PageResult]:
    """OCR of some pages of a PDF (0-based ``indexes``); each result's page number is index + 1."""
    return _run(jobs_for(data, "pdf", indexes))


def _run(jobs: list[PageJob]) -> list[PageResult]:
    try:
        results = read_pages(jobs)
    except EngineMissing as exc:
        raise UnreadableDocument(f"an image-only document, and OCR is not available: {exc}", code="needs_ocr") from exc
    for r in results:
        if r.code is not None:  # a hostile or corrupt page refuses the whole document
            raise UnreadableDocument(f"page {r.number}: {r.note}", code=r.code)
    return results


def layouts(results: list[PageResult]) -> tuple[list[PageLayout], list[str]]:
    pages = [r.layout for r in results if r.layout is not None]
    notes = [r.note for r in results if r.note]
    brackets = sum(p.glyphs_fixed for p in pages)
    if brackets:
        notes.append(f"OCR: {brackets} angle bracket(s) 〈〉 read as the parentheses （） these reports print")
    marks = sum(p.marks_fixed for p in pages)
    if marks:
        notes.append(
            f"OCR: {marks} enumeration mark(s) 、 after a heading's numeral read as a full stop 。 (四。): read as 、"
        )
    notes += [turned_note(r) for r in results if turned(r)]
    notes += [f"[ocr_glyphs] page {r.number}: {r.glyph_note}" for r in results if r.glyph_note]
    notes += [f"[ocr_stamp] page {r.number}: {r.stamp_note}" for r in results if r.stamp_note]
    notes += [f"[ocr_digits_lost] page {r.number}: {r.lost_note}" for r in results if r.lost_note]
    notes += [f"[ocr_sign_read] page {r.number}: {r.sign_note}" for r in results if r.sign_note]
    notes += [f"[ocr_rows_split] page {r.number}: {note}" for r in results for note in r.split_notes]
    notes += [f"[ocr_table_named] page {p.number}: {note}" for p in pages for note in p.named]
    notes += [
        f"[ocr_digits_joined] page {p.number}: digits read apart inside one table cell one grid column wide, read "
        f"as one number (a guess; the identities check it): {', '.join(p.joined)}"
        for p in pages
        if p.joined
    ]
    notes += [
        f"[ocr_stack_unread] page {p.number}: a cell's stack of digits read as one word (a box "
        f"{TALL:g} characters high or more): left blank, not read as {', '.join(p.stacks)}"
        for p in pages
        if p.stacks
    ]
    red = [str(r.number) for r in results if r.red_ink]
    if red:
        listed = ", ".join(red)
        notes.append(f"OCR: red ink (a seal or stamp) on page(s) {listed} read as paper: only the black print read")
    slanted = [f"{r.number} ({r.keystone:.0f} px)" for r in results if r.keystone]
    if slanted:
        notes.append(
            "OCR: page(s) photographed at a slant, their table rules made parallel again before reading (the most a "
            f"corner moved): {', '.join(slanted)}"
        )
    skewed = [f"{r.number} ({r.angle:+.1f}°)" for r in results if abs(r.angle) >= 0.1 and not turned(r)]
    if skewed:
        notes.append(f"OCR: pages turned straight before reading: {', '.join(skewed)}")
    return pages, notes


def turned(result: PageResult) -> bool:
    """Whether a page was turned by more than a small skew: a quarter or half turn, or a crooked sheet."""
    return bool(result.turn) or abs(result.angle) > REPORTED_SKEW


def turned_note(result: PageResult) -> str:
    """The ``page_turned`` warning for one page: how it lay, and that it was turned upright before reading."""
    how = []
    if result.turn:
        how.append(f"turned {result.turn}° clockwise")
    if abs(result.angle) >= 0.1:
        way = "counter-clockwise" if result.angle < 0 else "clockwise"
        how.append(f"crooked by {abs(result.angle):.1f}° {way}")
    return f"[page_turned] page {result.number} lay {' and '.join(how)}: turned upright before reading"


def extracted_from(results: list[PageResult], kind: str, total: int) -> Extracted:
    pages, notes = layouts(results)
    tb = TextBuilder()
    emit(pages, tb)
    text = tb.text()
    if not text.strip():
        raise _no_text(f"OCR found no text on any of the {total} page(s)", notes)
    glyph_sets = [g for r in results for g in r.glyph_sets]
    doubtful = [d for r in results for d in r.doubtful]
    sure = [d for r in results for d in r.sure]
    return Extracted(
        kind=kind, text=text, spans=tb.spans, notes=notes, pages=total, ocr=True, glyph_sets=glyph_sets,
        doubtful=doubtful, sure=sure, agreed_glyphs=[g for r in results for g in r.agreed_glyphs],
        digits_lost=[d for r in results for d in r.digits_lost],
        short_readings=[d for r in results for d in r.short_readings],
        empty_cells=[e for r in results for e in r.empty],
    )  # fmt: skip


def read_pdf_with_ocr(
    data: bytes,
    text_pages: list[Any],
    blank: list[int],
    tb: TextBuilder,
    write_text_pages: Callable[[list[Any], TextBuilder], None],
) -> OcrPages:
    """The PDF reader's OCR hook: write a PDF's pages into ``tb`` in page order, the pages with a text layer
    (``text_pages``, written by ``write_text_pages``) and the pages without (``blank``, 1-based, read by OCR).
    Returns the reader's notes, the OCR'd pages' disputed glyph sets (``Extracted.glyph_sets``), their numbers read
    unsure of (``Extracted.doubtful``) and those read surely (``Extracted.sure``)."""
    results = read_pdf_pages(data, [n - 1 for n in blank])
    return _among_text_pages(
        results,
        text_pages,
        tb,
        write_text_pages,
        f"OCR: page(s) {_ranges(blank)} have no text layer and were read by OCR" if text_pages else None,
        empty=f"PDF without a text layer on its {len(blank)} page(s), and OCR found no text on them",
    )


def read_numbered_images(
    images: list[tuple[int, bytes]],
    text_pages: list[Any],
    tb: TextBuilder,
    write_text_pages: Callable[[list[Any], TextBuilder], None],
) -> OcrPages:
    """Scanned pages among text pages (an OFD's): each image (its first frame) is the page of its number, read by
    OCR and written into ``tb`` in page order with the text pages. Returns as :func:`read_pdf_with_ocr`."""
    jobs: list[PageJob] = []
    for number, data in images:
        jobs += jobs_for(data, "image", [0], [number])
    numbers = [number for number, _ in images]
    lead = f"OCR: page(s) {_ranges(numbers)} are page images without text and were read by OCR"
    return _among_text_pages(_run(jobs), text_pages, tb, write_text_pages, lead)


def _among_text_pages(
    results: list[PageResult],
    text_pages: list[Any],
    tb: TextBuilder,
    write_text_pages: Callable[[list[Any], TextBuilder], None],
    lead: str | None,
    empty: str | None = None,
) -> OcrPages:
    """The OCR'd pages (``results``) written into ``tb`` with the text pages (:func:`interleave`); returns the
    notes (``lead`` first, where given), the disputed glyph sets, the doubtful cells and the sure ones. With
    ``empty``, a ``tb`` left without text is refused (``no_text``, that message and the notes)."""
    notes = interleave(text_pages, results, tb, write_text_pages)
    if empty is not None and not tb.text().strip():
        raise _no_text(empty, notes)
    if lead is not None:
        notes.insert(0, lead)
    return OcrPages(
        notes,
        [g for r in results for g in r.glyph_sets],
        [d for r in results for d in r.doubtful],
        [d for r in results for d in r.sure],
        [g for r in results for g in r.agreed_glyphs],
        [d for r in results for d in r.digits_lost],
        [d for r in results for d in r.short_readings],
        [e for r in results for e in r.empty],
    )


def _no_text(message: str, notes: list[str]) -> UnreadableDocument:
    why = f" ({'; '.join(notes)})" if notes else ""
    return UnreadableDocument(f"{message}{why}", code="no_text")


def interleave(
    text_pages: list[Any],
    results: list[PageResult],
    tb: TextBuilder,
    write_text_pages: Callable[[list[Any], TextBuilder], None],
) -> list[str]:
    """Write the text pages (each with its ``number``) and the OCR'd pages into ``tb`` in page order, each run of
    consecutive pages of one kind by its own writer; the OCR pages' notes."""
    pages, notes = layouts(results)
    by_number: dict[int, Any] = {p.number: p for p in text_pages}
    by_number.update({p.number: p for p in pages})
    ocr_numbers = {p.number for p in pages}
    run: list[Any] = []
    run_is_ocr = False
    for number in sorted(by_number):
        is_ocr = number in ocr_numbers
        if run and is_ocr != run_is_ocr:
            (emit if run_is_ocr else write_text_pages)(run, tb)
            run = []
        run.append(by_number[number])
        run_is_ocr = is_ocr
    if run:
        (emit if run_is_ocr else write_text_pages)(run, tb)
    return notes


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in sorted(numbers):
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('–')[0]}–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def bundle_pages(images: list[bytes]) -> bytes:
    """Page images (each file one page or more), in order, as one multi-page TIFF: grey, lossless, each page
    with its resolution. How a report published as a column of ``<img>`` pages is kept as one document.
    Bombs, broken files and columns over the page budget are refused before any pixel is decoded."""
    import io

    from parsers.ocr.document import page_budget
    from parsers.ocr.pages import open_frames

    counts = [image_page_count(data) for data in images]
    if not images:
        raise UnreadableDocument("no page images", code="empty")
    if sum(counts) > page_budget():
        raise UnreadableDocument(
            f"{sum(counts)} page images, over the budget of {page_budget()} pages a document (NIANBAO_OCR_MAX_PAGES)",
            code="too_large",
        )
    frames: list[Any] = []
    for data in images:
        frames += open_frames(data)
    buf = io.BytesIO()
    first, rest = frames[0], frames[1:]
    first.save(buf, "TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    return buf.getvalue()

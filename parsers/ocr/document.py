"""OCR of a whole document: its pages read on every core, each within a time limit, then laid out as text.

A page is a :class:`PageJob` (the document's bytes, its kind and the page's index), so that a worker process
needs nothing else. :func:`read_pages` reads the jobs:

- in a shared pool of worker processes (one per core, started once per process and reused: the crawl's
  parsing threads and ``nianbao parse`` share it) when there is more than one page;
- in this process when it is itself a pool's worker (``nianbao reparse`` already spreads documents over every
  core), when there is one page, or when ``NIANBAO_OCR_WORKERS`` is 1.

Each page has :data:`PAGE_SECONDS` (``NIANBAO_OCR_PAGE_SECONDS``) of CPU time of the thread reading it
(:mod:`parsers.ocr.budget`: the machine's load does not count): a page past it is not read, and says so in a note.
A worker of the pool that gives no answer within :data:`parsers.ocr.budget.WALL_FACTOR` times that on the wall
clock (a hung engine call) is stopped. A document with more pages than the budget
(:data:`PAGE_BUDGET`, ``NIANBAO_OCR_MAX_PAGES``) is refused as ``too_large`` before any page is read.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from parsers.extracted import DoubtfulCell, GlyphSet, SureCell, UnreadableDocument
from parsers.ocr import budget, orient
from parsers.ocr.agreed import agreed_sets
from parsers.ocr.doubtful import doubtful_cells, numbers_read, set_aside_cells, sure_cells
from parsers.ocr.empty_cells import empty_cells, page_boxes
from parsers.ocr.engine import CELL_INSET, CellKey, Ink, PageTimeout, engine_name, orientation, read_page
from parsers.ocr.glyph_digits import Part, glyph_doubtful, number_parts, voted_doubtful
from parsers.ocr.glyphs import Disputed, Glyph, agree_pages, glyphs_of, unread_cells
from parsers.ocr.grid import Table, find_tables
from parsers.ocr.layout import PageLayout, page_layout
from parsers.ocr.lost_digits import lost_digits, short_readings
from parsers.ocr.lost_rules import split_heads, split_rows
from parsers.ocr.lost_signs import lost_signs
from parsers.ocr.pages import PageImage, load_image_page, render_pdf_page
from parsers.ocr.preprocess import Grey, Prepared, prepare, without_lone_specks
from parsers.ocr.stamp import find_stamps, set_aside

PAGE_BUDGET = 60
PAGE_SECONDS = 120.0


def page_budget() -> int:
    return int(os.environ.get("NIANBAO_OCR_MAX_PAGES", PAGE_BUDGET))


def page_seconds() -> float:
    return float(os.environ.get("NIANBAO_OCR_PAGE_SECONDS", PAGE_SECONDS))


@dataclass(frozen=True)
class PageJob:
    data: bytes
    kind: str  # "image" or "pdf"
    index: int  # 0-based page (frame) of the document
    number: int  # the page's 1-based number in the report
    engine: str
    seconds: float


@dataclass
class PageResult:
    number: int
    layout: PageLayout | None
    note: str | None = None  # why the page was not read
    angle: float = 0.0  # degrees the page was straightened by (counter-clockwise)
    turn: int = 0  # degrees (0, 90, 180, 270) the page lay turned clockwise, and was turned back by
    seconds: float = 0.0
    code: str | None = None  # an UnreadableDocument code that must refuse the whole document
    red_ink: bool = False  # red ink (a seal) was lifted off the page before reading
    keystone: float = 0.0  # pixels a corner moved: photographed at a slant, its rules made parallel (perspective.py)
    stamp_note: str | None = None  # numbers under a round stamp printed in black set aside (stamp.py)
    lost_note: str | None = None  # numbers read with fewer digits than their ink is wide set aside (lost_digits.py)
    sign_note: str | None = None  # numbers whose minus sign the engine did not read, read with it (lost_signs.py)
    split_notes: list[str] = field(default_factory=list)  # grid rows split where the rules were lost (lost_rules.py)
    glyph_note: str | None = None  # lone digits read as the same glyph reads elsewhere (glyphs.py)
    glyph_sets: list[GlyphSet] = field(default_factory=list)  # cells of one glyph no reading won (glyphs.py)
    agreed_glyphs: list[GlyphSet] = field(default_factory=list)  # cells of one glyph read one digit (agreed.py)
    doubtful: list[DoubtfulCell] = field(default_factory=list)  # numbers read unsure of (doubtful.py)
    sure: list[SureCell] = field(default_factory=list)  # numbers read surely, kept as read (doubtful.py)
    digits_lost: list[DoubtfulCell] = field(default_factory=list)  # the readings lost_digits.py set aside
    short_readings: list[DoubtfulCell] = field(default_factory=list)  # readings SHORT wide (lost_digits.py)
    # table cells printed empty: no word read, no ink (empty_cells.py), as (page, box)
    empty: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)
    pending: Pending | None = None  # read, not yet laid out: the document's glyphs are compared first (settle)


@dataclass
class Pending:
    """A page read by the engine, waiting for the document's other pages (its glyphs compared with theirs)."""

    ink: Ink
    tables: list[Table]
    size: tuple[int, int]
    scale: float
    glyphs: list[Glyph]
    parts: list[Part] = field(default_factory=list)  # the digits' blobs of numbers of several digits (glyph_digits.py)
    lost: dict[CellKey, tuple[str, float]] = field(default_factory=dict)  # readings set aside (lost_digits.py)
    short: dict[CellKey, tuple[str, float]] = field(default_factory=dict)  # readings SHORT wide (lost_digits.py)
    empty: list[CellKey] = field(default_factory=list)  # cells printed empty (empty_cells.py)


def ocr_page(job: PageJob) -> PageResult:
    """Read one page (runs in a worker process, or in this one)."""
    started = time.monotonic()
    deadline = budget.deadline_after(job.seconds)  # CPU seconds of this thread: the machine's load does not count
    try:
        image: PageImage = (
            render_pdf_page(job.data, job.index) if job.kind == "pdf" else load_image_page(job.data, job.index)
        )
        reading = _read(image.pixels, image, deadline, job.engine)
        turn = 0
        if job.engine == "tesseract" and orient.doubtful(reading[3]):
            # a page lying a quarter or half turn off reads badly: OSD says how it lies, the better reading wins
            found = orientation(orient.reduced(reading[0].grey, image.dpi), deadline)
            if found and found[0]:
                turned = _read(orient.turn_back(image.pixels, found[0]), image, deadline, job.engine)
                if orient.better(turned[3], reading[3]):
                    reading, turn = turned, found[0]
        prepared, tables, rules, ink, split_notes = reading
        stamps = find_stamps(prepared.binary, rules, image.dpi) if tables else []
        stamp_note, stamped = set_aside(ink, tables, stamps, image.dpi) if stamps else (None, set())
        clean = prepared.grey.copy()
        clean[rules > 0] = 255
        inset = (CELL_INSET, CELL_INSET, -CELL_INSET, -CELL_INSET)
        inner = {
            (t, c.row, c.col): (c.box[0] + inset[0], c.box[1] + inset[1], c.box[2] + inset[2], c.box[3] + inset[3])
            for t, table in enumerate(tables)
            for c in table.cells
        }
        held = {k: words[0] for k, lines in ink.cells.items() if len(words := [w for ln in lines for w in ln]) == 1}
        lost_note, lost = lost_digits(prepared.grey, ink, stamped, inner, clean)
        set_aside_readings = {k: (held[k].text, held[k].conf) for k in lost if k in held}
        stamped |= lost  # cells whose ink is not one lone digit's: the glyph comparison leaves them alone
        short = {k: (held[k].text, held[k].conf) for k in short_readings(prepared.grey, ink, stamped, inner, clean)}
        sign_note, _ = lost_signs(prepared.grey, ink, tables, stamped)
        unread = {k: box for k, box in unread_cells(prepared.binary, rules, tables, ink).items() if k not in stamped}
        empty = empty_cells(prepared.binary, rules, tables, ink, stamped)
        glyphs = glyphs_of(prepared.grey, ink, unread)
        parts = number_parts(prepared.grey, ink)
        h, w = prepared.grey.shape
        return PageResult(
            job.number, None, angle=prepared.angle, turn=turn, seconds=time.monotonic() - started,
            red_ink=image.red_ink, keystone=prepared.keystone, stamp_note=stamp_note, lost_note=lost_note,
            sign_note=sign_note, split_notes=split_notes,
            pending=Pending(ink, tables, (w, h), image.scale, glyphs, parts, set_aside_readings, short, empty),
        )  # fmt: skip
    except PageTimeout:
        note = (
            f"page {job.number}: OCR stopped after its time limit of {job.seconds:.0f} s of CPU time; the page is "
            "not read"
        )
        return PageResult(job.number, None, note, seconds=time.monotonic() - started)
    except UnreadableDocument as exc:
        return PageResult(job.number, None, exc.reason, code=exc.code)
    except Exception as exc:  # one page the engine fails on must not lose the others
        return PageResult(job.number, None, f"page {job.number} could not be read: {type(exc).__name__}: {exc}")


def settle(results: list[PageResult]) -> list[PageResult]:
    """The pages read, their lone digits compared across the whole document (``glyphs.agree_pages``: a report
    prints its tables in one face, and one page may hold too few of a glyph, or read it wrong more often than
    right), then laid out."""
    pending = {r.number: r.pending for r in results if r.pending is not None}
    if not pending:
        return results
    read = {n: numbers_read(p.ink) for n, p in pending.items()}  # the engine's own readings, before the comparison
    inks, notes, sets = agree_pages({n: (p.ink, p.glyphs) for n, p in pending.items()})
    # numbers of several digits, one of which prints a disputed glyph: doubtful as the glyph's lone digits are
    in_doubt = glyph_doubtful(
        {n: p.parts for n, p in pending.items()},
        {n: p.glyphs for n, p in pending.items()},
        sets,
        {n: p.tables for n, p in pending.items()},
        {n: p.scale for n, p in pending.items()},
    )
    # numbers one of whose digits prints a glyph the vote read otherwise than the engine (read 8, voted 0)
    voted = voted_doubtful(
        {n: p.parts for n, p in pending.items()},
        {n: p.glyphs for n, p in pending.items()},
        inks,
        {n: p.tables for n, p in pending.items()},
        {n: p.scale for n, p in pending.items()},
        in_doubt,
    )
    for n, cells in voted.items():
        in_doubt.setdefault(n, []).extend(cells)
    for r in results:
        p = r.pending
        if p is None:
            continue
        r.layout = page_layout(r.number, inks[r.number], p.tables, p.size, p.scale)
        r.glyph_note = notes.get(r.number)
        r.doubtful = doubtful_cells(r.number, read[r.number], inks[r.number], p.tables, p.scale)
        low = {d.box for d in r.doubtful}
        r.doubtful += [d for d in in_doubt.get(r.number, []) if d.box not in low]
        taken = {d.box for d in r.doubtful}
        r.sure = sure_cells(r.number, read[r.number], inks[r.number], p.tables, p.scale, taken)
        r.digits_lost = set_aside_cells(r.number, p.lost, p.tables, p.scale)
        r.short_readings = set_aside_cells(r.number, p.short, p.tables, p.scale)
        r.empty = page_boxes(r.number, p.empty, p.tables, p.scale)
        r.pending = None
    if sets:
        results[0].glyph_sets = [_glyph_set(numbers, d, pending) for numbers, d in sets]
    # the glyphs read one digit throughout, for the identities to contest (agreed.py)
    in_sets = {(n, k) for numbers, d in sets for n, k in zip(numbers, d.cells, strict=True)}
    for spots, reading, unread in agreed_sets({n: p.glyphs for n, p in pending.items()}, inks, in_sets):
        agreed = Disputed(tuple(k for _, k in spots), (reading,), tuple(k for _, k in unread), ((reading, len(spots)),))
        results[0].agreed_glyphs.append(_glyph_set(tuple(n for n, _ in spots), agreed, pending))
    return results


def _glyph_set(numbers: tuple[int, ...], disputed: Disputed, pending: dict[int, Pending]) -> GlyphSet:
    """A disputed set's cells as the boxes their spans carry (page units, as ``layout.page_layout`` gives them),
    with the page of each."""

    def box(number: int, key: tuple[int, int, int]) -> tuple[float, float, float, float]:
        p = pending[number]
        x0, y0, x1, y1 = next(
            c.box for t, table in enumerate(p.tables) for c in table.cells if (t, c.row, c.col) == key
        )
        s = p.scale
        return (round(x0 / s, 1), round(y0 / s, 1), round(x1 / s, 1), round(y1 / s, 1))

    unread = set(disputed.unread)
    pairs = list(zip(numbers, disputed.cells, strict=True))
    return GlyphSet(
        numbers[0],
        tuple(box(n, k) for n, k in pairs),
        disputed.readings,
        tuple(box(n, k) for n, k in pairs if k in unread),
        disputed.counts,
        numbers,
        tuple(n for n, k in pairs if k in unread),
    )


def _read(
    pixels: Grey, image: PageImage, deadline: float, engine: str
) -> tuple[Prepared, list[Table], Grey, Ink, list[str]]:
    """A page prepared, its tables found and read; a grid row holding several template rows (its rules lost) split
    by its blank bands and the page read again on the split grid (``lost_rules.py``: the notes say where)."""
    prepared = prepare(pixels, image.dpi)
    unit = max(8, round(10.5 / 72 * image.dpi))
    tables, rules = find_tables(prepared.binary, unit)
    prepared = without_lone_specks(prepared, rules, unit, image.dpi)
    ink = read_page(prepared, tables, rules, deadline, engine)
    mask = prepared.binary.copy()
    mask[rules > 0] = 0
    split, notes = split_rows(tables, ink, mask)
    # a row of heads over their values (the rule between them lost), in a table the stacks left as it was
    split, heads = split_heads(split, ink, mask, {t for t, table in enumerate(tables) if split[t] is not table})
    notes += heads
    if notes:
        tables = split
        ink = read_page(prepared, tables, rules, deadline, engine)
    return prepared, tables, rules, ink, notes


# ---------------------------------------------------------------------------------------------- the pool
_POOL: list[ProcessPoolExecutor] = []
_POOL_LOCK = threading.Lock()


def workers() -> int:
    configured = os.environ.get("NIANBAO_OCR_WORKERS")
    if configured:
        return max(1, int(configured))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract's OpenMP: one thread per worker, the pool gives the cores
    os.environ["NIANBAO_OCR_WORKERS"] = "1"


def _pool() -> ProcessPoolExecutor:
    with _POOL_LOCK:
        if not _POOL:
            # fork when this process runs one thread (a script, `nianbao parse`): the workers start at once and
            # need no importable __main__; never fork a threaded process (the crawl's): spawn then
            method = (
                "fork"
                if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
                else "spawn"
            )
            context = multiprocessing.get_context(method)
            _POOL.append(ProcessPoolExecutor(max_workers=workers(), mp_context=context, initializer=_init_worker))
        return _POOL[0]


def _drop_pool() -> None:
    """Stop the pool's workers (one of them overran its page's time limit); the next call starts a new pool."""
    with _POOL_LOCK:
        if _POOL:
            pool = _POOL.pop()
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)


atexit.register(_drop_pool)


def _in_worker() -> bool:
    return multiprocessing.parent_process() is not None


def read_pages(jobs: list[PageJob]) -> list[PageResult]:
    """Read every page, in page order."""
    if len(jobs) > page_budget():
        raise UnreadableDocument(
            f"{len(jobs)} pages to OCR, over the budget of {page_budget()} pages a document (NIANBAO_OCR_MAX_PAGES)",
            code="too_large",
        )
    if len(jobs) <= 1 or workers() <= 1 or _in_worker():
        return settle([ocr_page(job) for job in jobs])
    pool = _pool()
    futures: list[Future[PageResult]] = [pool.submit(ocr_page, job) for job in jobs]
    results: list[PageResult] = []
    # each worker keeps its page's limit in CPU time itself; the wall clock here only stops a worker that hangs
    # (budget.WALL_FACTOR times the limit, counted from when a page can start: pages wait their turn for a worker)
    slots = workers()
    started = time.monotonic()
    for i, (job, future) in enumerate(zip(jobs, futures, strict=True)):
        allowed = budget.WALL_FACTOR * job.seconds * (i // slots + 1) + 30.0 - (time.monotonic() - started)
        try:
            results.append(future.result(timeout=max(1.0, allowed)))
        except FutureTimeout:
            _drop_pool()
            note = (
                f"page {job.number}: OCR gave no answer within {budget.WALL_FACTOR:.0f} times its time limit of "
                f"{job.seconds:.0f} s on the wall clock; the page is not read"
            )
            results.append(PageResult(job.number, None, note))
            rest = jobs[i + 1 :]
            results.extend(ocr_page(j) for j in rest)  # the pool is gone: the rest here, each still limited
            break
    return settle(results)


def jobs_for(data: bytes, kind: str, indexes: list[int], numbers: list[int] | None = None) -> list[PageJob]:
    engine = engine_name()
    seconds = page_seconds()
    numbers = numbers or [i + 1 for i in indexes]
    return [PageJob(data, kind, i, n, engine, seconds) for i, n in zip(indexes, numbers, strict=True)]

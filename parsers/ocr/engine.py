"""The OCR engines, behind one function: :func:`read_page`.

An engine reads a prepared page (:mod:`parsers.ocr.preprocess`) whose ruled tables are known
(:mod:`parsers.ocr.grid`) and returns :class:`Ink`: the text lines of each table cell, and the text lines
outside the tables, each word with its box in page pixels and the engine's confidence.

Two engines were measured on the scan corpus (README, "Scanned reports"):

- ``tesseract``: Tesseract 5 through tesserocr (its wheel bundles libtesseract; the ``chi_sim`` model comes
  from Debian's ``tesseract-ocr-chi-sim``). Each table cell is read on its own (``SetRectangle``, the rules
  whitened away), the rest of the page as blocks of text.
- ``rapidocr``: RapidOCR on onnxruntime (PP-OCRv4 models inside the wheel): the page is detected and read as
  a whole, each line of text then placed in the cell that holds its centre.

``NIANBAO_OCR_ENGINE`` chooses another engine than :data:`DEFAULT_ENGINE` (the benchmark does).

One engine instance serves a process, and neither is thread-safe (two threads in one tesserocr API crash the
process): the crawl parses in worker threads, and a one-page scan is read in the parsing thread, so
:func:`read_page` reads one page at a time per process (:data:`ENGINE_LOCK`). A page's time limit is CPU time of
the thread reading it (:mod:`parsers.ocr.budget`), so neither its wait for the engine nor the machine's load
counts against it.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from parsers.ocr.budget import PageTimeout as PageTimeout  # re-exported: document.py catches it
from parsers.ocr.budget import check, engine_ms
from parsers.ocr.grid import Table
from parsers.ocr.preprocess import Grey, Prepared

DEFAULT_ENGINE = "tesseract"
ENGINES = ("tesseract", "rapidocr")
Box = tuple[int, int, int, int]
CellKey = tuple[int, int, int]  # table, first row, first column


class EngineMissing(Exception):
    """The OCR engine (or its language model) is not installed."""


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    conf: float  # 0..100


Line = list[Word]


@dataclass
class Ink:
    cells: dict[CellKey, list[Line]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)  # outside the tables


def engine_name() -> str:
    name = os.environ.get("NIANBAO_OCR_ENGINE", DEFAULT_ENGINE).strip().lower() or DEFAULT_ENGINE
    if name not in ENGINES:
        raise EngineMissing(f"unknown OCR engine {name!r} (NIANBAO_OCR_ENGINE): one of {', '.join(ENGINES)}")
    return name


ENGINE_LOCK = threading.Lock()


def orientation(image: Grey, deadline: float) -> tuple[int, float] | None:
    """Tesseract's orientation detection (OSD) on a page: how far the page's text lies turned clockwise
    (0, 90, 180 or 270 degrees) and its confidence; None when Tesseract finds too little text or has no
    ``osd`` model."""
    from PIL import Image

    if not (Path(tessdata()) / "osd.traineddata").is_file():
        return None
    with ENGINE_LOCK:
        check(deadline)
        api = _api("osd")
        api.SetImage(Image.fromarray(image))
        try:
            found = api.DetectOrientationScript()
        except RuntimeError:  # too few characters to tell
            return None
    if not found:
        return None
    return int(found["orient_deg"]) % 360, float(found["orient_conf"])


def read_page(page: Prepared, tables: list[Table], rules: Grey, deadline: float, engine: str | None = None) -> Ink:
    """Read one prepared page with the chosen engine; :class:`PageTimeout` past ``deadline`` (CPU seconds of this
    thread, :mod:`parsers.ocr.budget`: the wait for another thread's page does not count)."""
    name = engine or engine_name()
    with ENGINE_LOCK:
        if name == "rapidocr":
            return _read_rapid(page.grey, tables, deadline)
        return _read_tesseract(page, tables, rules, deadline)


# --------------------------------------------------------------------------------------------- tesseract
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
LANG = "chi_sim"
DIGITS_LANG = "eng"  # reads digits better than chi_sim (a lone 1 is 工 to it, 11 often 1)
_APIS: dict[str, Any] = {}
CELL_INSET = 3  # pixels kept clear of a cell's rules


def tessdata() -> str:
    """The folder holding ``chi_sim.traineddata`` (``TESSDATA_PREFIX`` first)."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and all((Path(folder) / f"{lang}.traineddata").is_file() for lang in (LANG, DIGITS_LANG)):
            return folder
    raise EngineMissing(
        f"Tesseract's {LANG} and {DIGITS_LANG} models are not installed (Debian: apt-get install "
        "tesseract-ocr-chi-sim tesseract-ocr-eng; or set TESSDATA_PREFIX)"
    )


def _api(kind: str) -> Any:
    """One tesserocr API per process and purpose (``block``: a cell or a text region; ``digits``)."""
    if kind not in _APIS:
        try:
            import tesserocr
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EngineMissing(f"tesserocr is not installed: {exc}") from exc
        if kind == "digits":
            api = tesserocr.PyTessBaseAPI(path=tessdata(), lang=DIGITS_LANG, psm=tesserocr.PSM.SINGLE_LINE)
            api.SetVariable("tessedit_char_whitelist", "0123456789.,-")
        elif kind == "osd":  # orientation only (parsers/ocr/orient.py); Debian's tesseract-ocr ships osd
            api = tesserocr.PyTessBaseAPI(path=tessdata(), lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        elif kind == "line":
            api = tesserocr.PyTessBaseAPI(path=tessdata(), lang=LANG, psm=tesserocr.PSM.RAW_LINE)
        else:
            api = tesserocr.PyTessBaseAPI(path=tessdata(), lang=LANG, psm=tesserocr.PSM.SINGLE_BLOCK)
        _APIS[kind] = api
    return _APIS[kind]


def _tess_lines(api: Any, deadline: float, ox: int = 0, oy: int = 0) -> list[Line]:
    import tesserocr

    if not api.Recognize(timeout=engine_ms(deadline)):
        raise PageTimeout()
    check(deadline)
    lines: list[Line] = []
    it = api.GetIterator()
    level = tesserocr.RIL.WORD
    if it is None:
        return lines
    for word in tesserocr.iterate_level(it, level):
        try:
            text = word.GetUTF8Text(level)
        except RuntimeError:  # "No text returned": an empty word
            continue
        bbox = word.BoundingBox(level)
        if not text or bbox is None or not text.strip():
            continue
        if word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) or not lines:
            lines.append([])
        x0, y0, x1, y1 = bbox
        lines[-1].append(Word(text.strip(), (x0 + ox, y0 + oy, x1 + ox, y1 + oy), float(word.Confidence(level))))
    return [line for line in lines if line]


# what Tesseract's Chinese model makes of a lone digit or two: 工 or ] (1), 了 (7), 口/日 (0, 8) …
_DIGIT_LOOKALIKES = set("0123456789工了丁口日目吕囗〇OoDQlIiJj|!][)(}{】【」「SsBbZzGgqT&")  # never / — -: blanks
_CJK = re.compile(r"[\u3400-\u9fff]")
MIN_INK = 12  # pixels of ink a cell needs to be read again as a number
NUMBER_HEIGHTS = (32, 40, 26)  # pixels: a cell read as a number is scaled so its text is this tall, and read at each


def _text(lines: list[Line]) -> str:
    return "".join(w.text for line in lines for w in line)


def _numeric_columns(read: dict[tuple[int, int], list[Line]]) -> set[int]:
    """The grid columns whose cells are mostly numbers (as the Chinese model read them)."""
    counts: dict[int, list[int]] = {}
    for (_, col), lines in read.items():
        text = _text(lines)
        tally = counts.setdefault(col, [0, 0])
        tally[1] += 1
        if text and NUMBER_TEXT.match(text):
            tally[0] += 1
    return {col for col, (numbers, cells) in counts.items() if numbers >= 2 and numbers * 2 >= cells}


# a cell the Chinese model read as a glyph or two it is unsure of (every one under this confidence, no digit): what
# it makes of a lone digit a fax or toner roughened (synth_1916's zeros read 癌@0, 站@7, 韶@0, 作@0; 2 read 之@57)
UNSURE_GLYPH = 60.0
# … read again as digits, its reading is taken at this confidence or more (synth_1916: the zeros read 58–97, the
# wrong readings 0–43); a reading under it leaves the cell to the comparison of the page's glyphs (glyphs.py)
SURE_DIGITS = 50.0


def _unsure_glyph(lines: list[Line]) -> bool:
    """One line of one or two characters, no digit among them, each read under :data:`UNSURE_GLYPH`."""
    text = _text(lines)
    return (
        len(lines) == 1
        and 0 < len(text) <= 2
        and not any(c.isdigit() for c in text)
        and all(w.conf < UNSURE_GLYPH for w in lines[0])
    )


def _glyph_columns(read: dict[tuple[int, int], list[Line]], numeric: set[int]) -> set[int]:
    """The grid columns, not of numbers as read, whose cells are numbers once the glyphs the Chinese model was unsure
    of count as numbers (:func:`_unsure_glyph`): two numbers at least, and with those glyphs half the cells. A fax
    or toner roughens a column's zeros into glyphs the model reads as Chinese at a low confidence, and the column then
    reads as no column of numbers."""
    counts: dict[int, list[int]] = {}
    for (_, col), lines in read.items():
        if col in numeric:
            continue
        text = _text(lines)
        tally = counts.setdefault(col, [0, 0, 0])
        tally[2] += 1
        if text and NUMBER_TEXT.match(text):
            tally[0] += 1
        elif _unsure_glyph(lines):
            tally[1] += 1
    return {col for col, (numbers, unsure, cells) in counts.items() if numbers >= 2 and (numbers + unsure) * 2 >= cells}


def _numberish(lines: list[Line], numeric_column: bool) -> bool:
    """Could this cell be a number that the Chinese model misread? Nothing read (where the cell holds ink);
    in a column of numbers, at most one Chinese character; elsewhere one line of at most 16 characters with
    an ASCII digit in it, or one or two characters that all look like digits."""
    if not lines:
        return True  # a lone digit is often lost
    text = _text(lines)
    cjk = len(_CJK.findall(text))
    if numeric_column:  # specks read as characters around a number: 18613 四 加
        digits = sum(1 for c in text if c.isascii() and c.isdigit())
        return (cjk <= max(1, digits // 2) or (digits > 0 and cjk <= 3)) and len(text) <= 24
    if cjk > 1 or len(text) > 16:
        return False
    if len(lines) != 1:
        return False
    return any(c.isascii() and c.isdigit() for c in text) or (len(text) <= 3 and set(text) <= _DIGIT_LOOKALIKES)


# a cell's text read as a number (a sign, digits with commas, a decimal part): the engine's reading of a number cell,
# and what the glyph votes, the doubtful cells and the stamps take for one
NUMBER_TEXT = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")


def ink_box(mask: Grey) -> Box | None:
    """The box around a cell's characters: its blobs of ink at least 40 % as tall as the tallest (a speck
    of noise does not stretch it; a decimal point between two digits lies inside it anyway), and a minus sign
    before them (flat, at mid-height: left out, −22 was read 22)."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats((mask > 0).astype(np.uint8), connectivity=8)
    if n <= 1 or int(stats[1:, cv2.CC_STAT_AREA].sum()) < MIN_INK:
        return None
    tallest = int(stats[1:, cv2.CC_STAT_HEIGHT].max())
    big = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= 0.4 * tallest]
    x0 = min(int(stats[i, cv2.CC_STAT_LEFT]) for i in big)
    y0 = min(int(stats[i, cv2.CC_STAT_TOP]) for i in big)
    x1 = max(int(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH]) for i in big)
    y1 = max(int(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT]) for i in big)
    for i in range(1, n):  # a minus sign: a flat stroke at mid-height just left of the digits (short, not a speck)
        left, top, width, height = (int(stats[i, k]) for k in range(4))
        middle = top + height / 2
        if (
            i not in big
            and width >= 2 * height
            and width >= 0.25 * tallest
            and y0 + 0.3 * (y1 - y0) <= middle <= y0 + 0.75 * (y1 - y0)
            and 0 <= x0 - (left + width) <= tallest
        ):
            x0 = left
    return (x0, y0, x1, y1)


def _read_number(grey: Grey, ink_mask: Grey, box: Box, deadline: float, first: str = "") -> list[Line] | None:
    """A cell read again as a number: the ink's bounding box cut out, scaled to each of
    :data:`NUMBER_HEIGHTS`, framed in white and read as one line of digits; the reading most of them (and
    ``first``, the Chinese model's reading, when it is a number) agree on wins, the first height breaking a tie.
    None when no height reads a number."""
    import cv2
    from PIL import Image

    x0, y0, x1, y1 = box
    found = ink_box(ink_mask[y0:y1, x0:x1])
    if found is None:
        return None
    cx0, cy0, cx1, cy1 = found
    ink = grey[y0 + cy0 : y0 + cy1, x0 + cx0 : x0 + cx1]
    api = _api("digits")
    votes: list[str] = [first] if NUMBER_TEXT.match(first) else []
    confs: dict[str, float] = {}
    order: list[str] = []
    for height in NUMBER_HEIGHTS:
        factor = height / max(1, cy1 - cy0)
        size = (max(1, round(ink.shape[1] * factor)), height)
        scaled = np.asarray(cv2.resize(ink, size, interpolation=cv2.INTER_CUBIC), dtype=np.uint8)
        framed = cv2.copyMakeBorder(scaled, 16, 16, 16, 16, cv2.BORDER_CONSTANT, value=255)
        api.SetImage(Image.fromarray(framed))
        lines = _tess_lines(api, deadline)
        text = "".join(w.text for line in lines for w in line)
        if NUMBER_TEXT.match(text):
            votes.append(text)
            order.append(text)
            confs[text] = max(confs.get(text, 0.0), min(w.conf for line in lines for w in line))
    if not order:
        return None
    best = max(order, key=lambda t: (votes.count(t), -order.index(t)))
    return [[Word(best, (x0 + cx0, y0 + cy0, x0 + cx1, y0 + cy1), confs[best])]]


def _read_cell(api: Any, api_image: Any, ink_mask: Grey, box: Box, deadline: float) -> list[Line]:
    """A cell's lines of text. Tesseract now and then drops a line of a block (the short last line of a
    wrapped label): ink left above or below the lines it read is read again on its own."""
    x0, y0, x1, y1 = box
    api.SetRectangle(x0, y0, x1 - x0, y1 - y0)
    lines = _tess_lines(api, deadline)
    if not lines:
        return lines
    top = min(w.box[1] for line in lines for w in line)
    bottom = max(w.box[3] for line in lines for w in line)
    height = max(8, round(sum(w.box[3] - w.box[1] for line in lines for w in line) / sum(len(line) for line in lines)))
    for r0, r1, after in ((y0, top - 2, False), (bottom + 2, y1, True)):
        if r1 - r0 < height * 0.6:
            continue
        rows = np.nonzero(ink_mask[r0:r1, x0:x1].any(axis=1))[0]
        if (
            len(rows) == 0
            or rows[-1] - rows[0] < height * 0.5
            or np.count_nonzero(ink_mask[r0:r1, x0:x1]) < 4 * MIN_INK
        ):
            continue
        # one line, read raw: the block reader drops it again on its own
        line_api = _api("line")
        line_api.SetImage(api_image)
        line_api.SetRectangle(x0, r0 + int(rows[0]) - 2, x1 - x0, int(rows[-1] - rows[0]) + 5)
        more = _tess_lines(line_api, deadline)
        lines = [*lines, *more] if after else [*more, *lines]
    return lines


def _read_tesseract(page: Prepared, tables: list[Table], rules: Grey, deadline: float) -> Ink:
    from PIL import Image

    clean = page.grey.copy()
    clean[rules > 0] = 255  # the rules would be read as 1, l and |
    ink_mask = page.binary.copy()
    ink_mask[rules > 0] = 0
    ink = Ink()
    api = _api("block")
    image = Image.fromarray(clean)
    api.SetImage(image)
    for t, table in enumerate(tables):
        read: dict[tuple[int, int], list[Line]] = {}
        inner: dict[tuple[int, int], Box] = {}
        for cell in table.cells:
            x0, y0, x1, y1 = cell.box
            box = (x0 + CELL_INSET, y0 + CELL_INSET, x1 - CELL_INSET, y1 - CELL_INSET)
            if box[2] - box[0] < 4 or box[3] - box[1] < 4:
                continue
            if int(np.count_nonzero(ink_mask[box[1] : box[3], box[0] : box[2]])) < MIN_INK:
                continue  # a blank cell
            read[(cell.row, cell.col)] = _read_cell(api, image, ink_mask, box, deadline)
            inner[(cell.row, cell.col)] = box
        numeric = _numeric_columns(read)
        glyphs = _glyph_columns(read, numeric)
        for (row, col), lines in read.items():
            if _numberish(lines, col in numeric):
                lines = _read_number(clean, ink_mask, inner[(row, col)], deadline, _text(lines)) or lines
            elif col in glyphs and _unsure_glyph(lines):
                digits = _read_number(clean, ink_mask, inner[(row, col)], deadline)
                if digits and digits[0][0].conf >= SURE_DIGITS:
                    lines = digits
            if lines:
                ink.cells[(t, row, col)] = lines
    # the text outside the tables: the tables blanked, the page read as blocks
    rest = clean.copy()
    for table in tables:
        x0, y0, x1, y1 = table.box
        rest[max(0, y0 - 2) : y1 + 3, max(0, x0 - 2) : x1 + 3] = 255
    if int(np.count_nonzero(rest < 128)) > 20:
        import tesserocr

        api.SetPageSegMode(tesserocr.PSM.AUTO)
        api.SetImage(Image.fromarray(rest))
        ink.lines = _tess_lines(api, deadline)
        api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    return ink


# ---------------------------------------------------------------------------------------------- rapidocr
_RAPID: list[Any] = []
_SPACE = re.compile(r"\s+")


def _rapid() -> Any:
    if not _RAPID:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise EngineMissing(f"rapidocr-onnxruntime is not installed: {exc}") from exc
        threads = int(os.environ.get("NIANBAO_OCR_THREADS", "1"))
        _RAPID.append(RapidOCR(use_cls=False, intra_op_num_threads=threads, inter_op_num_threads=1))
    return _RAPID[0]


def _read_rapid(grey: Grey, tables: list[Table], deadline: float) -> Ink:
    check(deadline)
    result, _ = _rapid()(np.dstack([grey, grey, grey]), use_cls=False)
    check(deadline)
    ink = Ink()
    for quad, text, score in result or []:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
        word = Word(_SPACE.sub(" ", str(text)).strip(), box, float(score) * 100)
        if not word.text:
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        for t, table in enumerate(tables):
            cell = table.cell_at(cx, cy)
            if cell is not None:
                ink.cells.setdefault((t, cell.row, cell.col), []).append([word])
                break
        else:
            ink.lines.append([word])
    for lines in ink.cells.values():
        lines.sort(key=lambda line: (line[0].box[1], line[0].box[0]))
    return ink

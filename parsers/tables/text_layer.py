"""What a text no OCR read tells of table cells it does not print, and what it cannot tell.

A text layer's text (``pdftotext``, pypdf, pdfplumber, PyMuPDF: the glyphs the page draws) or a page's text (an
HTML or DOCX converter's) loses no digit: a cell it lacks was printed empty, a blank the report published, not a 0
OCR lost. OCR's text is told apart by the marks it prints and a text layer of the template never holds
(:func:`read_by_ocr`). In text no OCR read:

- table 三's rows of zeros are not filled (``parsers.tables.zeros``: its lost cells are blanks);
- a row short of cells whose placement the identities leave open is left blank (:func:`refuse_open_rows`; a row
  short of one cell keeps the cells every placement reads alike), and so
  are the cells whose number the identities leave open (:func:`blank_disputed`): the tie-break's reading is a
  guess that puts numbers where the report printed none, or in another cell. Each is said (review required).

OCR's text keeps the tie-break's reading (a cell it lacks is as likely a 0 it lost; the corpus's Tesseract and
RapidOCR texts are read right so), but for the numbers of table 三's tied rows in a table printed with its rules,
whose column nothing vouches for (:func:`_blank_disputed_ocr_text`, version 351).
"""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.hard_breaks import HARD_BREAK
from parsers.model import Cell
from parsers.tables.poppler_blocks import is_poppler_blocks
from parsers.tables.reading import DISPUTED_BLANK_OCR_ROW, DISPUTED_BLANK_SCAN_ROW, DISPUTED_BLANK_TEXT, Reading
from parsers.tables.rules import prints_rules
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_ROW_NAMES, REVIEW_ROWS
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import REVIEW_TABLE as R

# what OCR prints for a table's rules and specks and a text layer of table 三 never holds: Latin letters (``lA``,
# ``Oo``, ``BOBS``), bars and marks (``“|``, ``|o]|``, ``=``)
_OCR_MARKS = re.compile(r"[A-Za-z|\[\]{}~@#$^&_=<>\\]")
_OCR_MARKS_MD = re.compile(r"[A-Za-z{}~@$^&=]")  # in Markdown, less its markup (pipes, tags, emphasis, escapes)
_TAGS = re.compile(r"<[^<>]{0,200}>")
# a tag the region's ends cut (a cell's span ends inside the next cell's ``<td …`` in Markdown's embedded HTML)
_CUT_TAGS = re.compile(r"<[^<>]{0,200}$|^[^<>]{0,200}>")
# the bars of a one-column layout table's frame (pandoc's grid table around a whole report, ``| … |`` each line:
# ``parsers.conventions`` drops it and says so, ``layout_table``): a converter's markup, no mark of OCR
_FRAME_BARS = re.compile(r"^[ \t]*\||\|[ \t]*$", re.M)
# brackets of both widths: the template prints （一）, OCR reads some as (一) or ``形)`` (RapidOCR), a text layer
# prints the brackets the report was typed with (some reports type both: not taken for OCR in poppler's default
# text, told by its prose, :func:`parsers.tables.poppler_blocks.is_poppler_blocks`)
_MIXED_PARENS = (re.compile(r"[（）]"), re.compile(r"[()]"))
# converters' markup that is no mark of OCR: pandoc's hard line break (``parsers.hard_breaks``) and PyMuPDF4LLM's
# names for a header row's cells it found empty (``Col2``, ``Col3``)
_COL_NAMES = re.compile(r"(?<![A-Za-z])Col\d+(?![A-Za-z])")
# Markdown's escapes of the punctuation a label prints (mammoth's Markdown of a DOCX: ``1\.属于国家秘密``,
# ``\(一\)予以公开``, ``0929\-2683214``; detected as plain text, its tables printed a cell a paragraph): a
# converter's markup, no mark of OCR
_MD_ESCAPES = re.compile(r"\\[.()\-*_+!#\[\]`]")


def read_by_ocr(r: Reading) -> bool:
    """Table 三's text was read by OCR: the parser's own (a scan), or text whose table holds marks no text layer
    of the template prints (:data:`_OCR_MARKS`, between the table's first and last cell read), or brackets of both
    widths (:data:`_MIXED_PARENS`) outside poppler's default text. A text layer
    (``pdftotext``, pypdf, pdfplumber, PyMuPDF: the glyphs the page draws) or a page's text loses no digit, so a
    cell it lacks was printed empty: a blank, not a 0 to deduce."""
    if r.extracted.ocr:
        return True
    spans = [(c.where.offset, c.where.end) for k, c in r.cells.items() if k.startswith(T + "/") and c.where]
    if not spans:
        return False
    return marks_of_ocr(r, min(a for a, _ in spans), max(b for _, b in spans))


def marks_of_ocr(r: Reading, lo: int, hi: int) -> bool:
    """The text from offset ``lo`` to ``hi`` (a table's) holds what OCR prints and a text layer or a page's text of
    the template never does: marks (:data:`_OCR_MARKS`, less a Markdown text's markup or a layout table's frame) or
    brackets of both widths (:data:`_MIXED_PARENS`). Read while the table is read, before its cells are
    (:func:`read_by_ocr` asks it of the cells' span)."""
    if r.extracted.ocr:
        return True
    assert r.canonical is not None
    if r.canonical.convention == "drawn":
        return False  # a table drawn with box characters or ASCII grid rules (w3m, pandoc's grid and simple tables):
        # a converter's drawing of a document's table, its bars the grid's, never OCR's reading of a page
    region = r.extracted.text[lo:hi]
    if any(code == "layout_table" for code, _ in r.canonical.notes):
        region = _FRAME_BARS.sub(" ", region)  # a page layout's frame (``| … |`` each line, dropped): no OCR mark
    if "\\" in region:  # (a hard break and an escape each print a backslash)
        region = HARD_BREAK.sub(" ", region)
    if "Col" in region:
        region = _COL_NAMES.sub(" ", region)
    if "\\" in region:
        region = _MD_ESCAPES.sub(" ", region)
    if _MIXED_PARENS[0].search(region) and _MIXED_PARENS[1].search(region) and not is_poppler_blocks(r.extracted.text):
        return True  # the template's full-width brackets and ASCII ones in one table: OCR's reading of some
    if r.canonical.convention in ("markdown", "markdown_html"):  # its markup is no mark: pipes, tags, emphasis
        return _OCR_MARKS_MD.search(_CUT_TAGS.sub("", _TAGS.sub("", region))) is not None
    return _OCR_MARKS.search(region) is not None


def refuse_open_rows(r: Reading) -> None:
    """Rows of table 三 short of cells whose placement the identities leave open (``ambiguous``: several fit
    alike), in text that no OCR read (:func:`read_by_ocr`) and that prints no empty cell (or prints several columns
    in one cell: markitdown's pipe cells of a PDF): its missing cells were printed empty, and which cells its
    values are is not in the text. The tie-break's placement is a guess that
    puts numbers in cells the report left blank, so the row is left blank (``placement_open``: review required),
    its values named. OCR text keeps the tie-break (a cell it lacks is as likely a lost 0)."""
    rows = {w.key for w in r.warnings if w.code == "ambiguous" and w.key and w.key.startswith(T + "/")}
    if not rows or read_by_ocr(r):  # (no row to refuse: the text is not looked at)
        return
    for row in sorted(rows):
        cells = [r.cells.get(f"{row}/{c}") for c in APPLICANT_COLUMNS]
        if any(c is None for c in cells):
            continue
        printed = [c for c in cells if c is not None and c.value is not None]
        lost = [c for c in cells if c is not None and c.value is None and c.raw == "" and not printed_empty(c)]
        if not printed or not lost:
            continue
        # a row that lost one or two cells (blanks the text dropped) whose total holds as read: the cells every
        # placement the identities like alike reads the same are kept (a non-zero value the identities place, its
        # total); a row short of more, or whose total fails (values of other rows, or lost), is left blank whole
        values = [c.value if c is not None else None for c in cells]
        few_lost = len(cells) - 2 <= len(printed) < len(cells) and values[-1] is not None and row_total_holds(values)
        opened = r.open_cells.get(row) if few_lost else None
        doubtful = printed if opened is None else [c for c in printed if c.key in opened]
        if not doubtful:
            continue  # the placements differ only in cells left blank here (0 or blank): every printed value holds
        for c in doubtful:
            r.cells[c.key] = Cell(c.key, None, "", c.where)
        kept = [c for c in printed if c.key not in {d.key for d in doubtful}]
        r.warn(
            "placement_open",
            f"{row}: {len(printed)} values ({' '.join(c.raw for c in printed)}) for its {len(cells)} cells, in text "
            "no OCR read that does not print each empty cell (its missing cells were printed empty); several "
            "placements fit the table's identities alike, so which cells the values are is not in the text: "
            + (
                "the row left blank"
                if not kept
                else f"the cells they differ in left blank ({', '.join(c.key.rsplit('/', 1)[1] for c in doubtful)}), "
                f"those every placement reads alike kept ({', '.join(c.key.rsplit('/', 1)[1] for c in kept)})"
            ),
            row,
        )


def printed_empty(cell: Cell) -> bool:
    """A blank cell the reading found printed in its place, empty (its provenance a point in the text, not the
    row's label a lost cell points at): a blank the report published, not a cell the text lost."""
    return cell.value is None and cell.where is not None and cell.where.offset == cell.where.end


def blank_disputed(r: Reading) -> None:
    """Cells whose number readings the identities like alike put elsewhere (``ambiguous_value``, tables 二 and
    三), in text no OCR read (:func:`read_by_ocr`): left blank, the warning saying so and naming the tie-break's
    reading. Table 四's keep it when one row at most is printed as nothing: its ten values for three rows keep the
    template's first row blank (``placement_open``), the shape the corpus's real seed 003 prints. Table 四 short of
    more than a row's cells (:func:`_review_rows_lost`) is no such shape: which rows its few values are in is
    not in the text, and the whole table is left blank (``placement_open``). Nor is a tie-break that reads the
    行政复议 row blank and suits in the 复议后起诉 row (:func:`_suits_with_no_review`: a suit after a review with no
    review, the reading ``review_blank_row`` refuses where each row's total holds wherever the blank row goes; here
    the identities tied): the whole table is left blank too (``placement_open``)."""
    if r.extracted.ocr:
        _blank_disputed_scan(r)
        return
    suits = _suits_with_no_review(r) if R in r.disputed else None
    rows = [row for row in r.disputed if not row.startswith(R) or _review_rows_lost(r) or suits is not None]
    if not rows:
        return
    if read_by_ocr(r):
        _blank_disputed_ocr_text(r)
        return
    shown: list[str] = []
    for row in rows:
        r.say_disputed(row, DISPUTED_BLANK_TEXT)  # its warning says the cells are left blank, naming the guess
        # table 四 short of rows: no cell of it is placed by the text, the ones every tied reading agrees on neither
        keys = [k for k in r.cells if k.startswith(R + "/")] if row == R else r.disputed[row]
        for key in keys:
            if (cell := r.cells.get(key)) is not None and cell.value is not None:
                if row == R:
                    shown.append(cell.raw or str(cell.value))
                r.cells[key] = Cell(key, None, "", cell.where)
    if R in rows and suits is not None:
        r.warn(
            "placement_open",
            f"table 四: {len(shown)} values ({' '.join(shown)}) for its {len(REVIEW_ROWS) * len(REVIEW_COLUMNS)} "
            "cells, one row printed as nothing, in text no OCR read; the identities leave the blank row open, and "
            f"the tie-break's reading, the {REVIEW_ROW_NAMES[0]} row blank, would read {suits} "
            f"{REVIEW_ROW_NAMES[2]} suit(s) (a suit after a review) with no review: which row each value is in is "
            "not read; the table left blank",
            R,
        )
    elif R in rows:
        r.warn(
            "placement_open",
            f"table 四: {len(shown)} value(s) ({' '.join(shown)}), fewer than its cells less one row's, printed in "
            "text no OCR read (its missing cells printed empty): which rows they are in is not in the text; the "
            "table left blank",
            R,
        )


def _blank_disputed_scan(r: Reading) -> None:
    """A scan the parser read itself (``Extracted.ocr``): the engine printed each cell of table 四 in its grid cell, so
    a number the identities' tied readings put in other columns there is a cell the page did not settle (synth_5444's
    行政复议 row: ``0 1 0 1`` after a garbled first cell, read by the tie-break as 纠正 1 and 其他 0, the page's 0
    and 1 one column over). Table 四's are left blank, the tie-break's reading kept in ``where.read_as``, as the
    warning says where it is made (``Reading.warn_disputed``); table 二 keeps the tie-break for the scan rules after
    (``report.py``: a reading their identities refuse is left blank there, naming it).

    Table 三's row keeps the tie-break where its reading makes the row's own total hold (every cell read, the 总计
    the sum of the others): the one identity of the row's placement then vouches for it. A tie-break that leaves the
    total failing or blank has nothing that vouches for the column it gives each number (synth_5485's
    保护第三方合法权益 row, a lost column rule printing two zeros as one ``90.0``: six numbers for seven cells, the
    total left blank and its 248 read under 其他): the tied cells to which the tied readings give different numbers
    (``Reading.disputed_numbers``: 其他's 0 or 248) are left blank, the reading kept in ``where.read_as``, the warning
    saying so (``DISPUTED_BLANK_SCAN_ROW``). A tied cell to which every reading that reads a number there gives the
    same one (blank or 248; a row of one glyph, ``6 (nothing) 6 6 6 6 6``, whose readings differ only in which cell is
    the lost one) keeps the tie-break's number: the readings dispute whether it is read, not what it reads."""
    for row in list(r.disputed):
        if row == R:
            keys = r.disputed[row]
        elif not row.startswith(T + "/") or _row_total_holds(r, row) or not r.disputed_numbers.get(row):
            continue
        else:
            keys = r.disputed_numbers[row]
            r.say_disputed(row, DISPUTED_BLANK_SCAN_ROW)
        _blank_kept(r, keys)


def _blank_disputed_ocr_text(r: Reading) -> None:
    """OCR's page text (:func:`read_by_ocr`) of a table 三 printed with its rules (Tesseract's reading of a ruled
    table: :func:`parsers.tables.rules.prints_rules`): a row short of cells whose tied readings put its numbers in
    other columns, its values printing the table's rules among them (:func:`_values_print_rules`: the engine read
    the row's rules, and a cell's ink beside one can go with it, anywhere in the row), so the tie-break's column for
    a number is a guess (synth_402's tess-psm4 予以公开 row, ``225 |     19    0       8       21 |265``: six values
    for seven cells, its 19 read under 商业企业 by the tie-break, the page's 科研机构). The tied cells the tie-break
    reads a number in (not 0: a row of zeros holds its 0s wherever the lost cell was) are left blank, the reading
    kept in ``where.read_as``, the warning saying so (``DISPUTED_BLANK_OCR_ROW``), where the row's total does not
    vouch for the reading: a cell to which the readings give different numbers, unless the row reads every cell and
    its total holds (as a scan's); a cell they dispute only whether it is read (blank or that number) between 自然人
    and 总计, unless the row's total holds with the cells it lacks read as the 0s OCR lost.

    Kept: a row whose values print no rule (the cells it lacks are lone 0s the engine dropped, and the tie-break's
    packing reads the corpus's real texts right: its seed 000's psm 6 ``974  30      7   5   3   1019``, 商业企业's
    30, lost by the rule without this bound); 自然人's and 总计's number read alike by every reading that reads it (the
    tie-break keeps those two filled, ``align.first_and_total``, and the corpus's real psm 3 text prints rows of the
    two alone, ``974`` … ``1019``, read right so); RapidOCR's text, which prints no rules."""
    if not table_prints_rules(r):
        return
    for row in list(r.disputed):
        if not row.startswith(T + "/") or _row_total_holds(r, row) or not _values_print_rules(r, row):
            continue
        values = [r.get(f"{row}/{c}") for c in APPLICANT_COLUMNS]
        lost_zeros = values[-1] is not None and row_total_holds(values)
        numbers = set(r.disputed_numbers.get(row, ()))
        ends = {f"{row}/{APPLICANT_COLUMNS[0]}", f"{row}/{APPLICANT_COLUMNS[-1]}"}
        keys = [
            k
            for k in r.disputed[row]
            if (cell := r.cells.get(k)) is not None and cell.value and (k in numbers or not (lost_zeros or k in ends))
        ]
        if keys:
            r.say_disputed(row, DISPUTED_BLANK_OCR_ROW)
            _blank_kept(r, keys)


def table_prints_rules(r: Reading) -> bool:
    """Table 三 as read is a table OCR printed with its rules (:func:`parsers.tables.rules.prints_rules` on the
    extracted text from its first cell read to its last: a cell's offsets index the extracted text)."""
    spans = [(c.where.offset, c.where.end) for k, c in r.cells.items() if k.startswith(T + "/") and c.where]
    assert r.canonical is not None
    return bool(spans) and prints_rules(
        r.canonical.convention, r.extracted.text[min(a for a, _ in spans) : max(b for _, b in spans)]
    )


def _values_print_rules(r: Reading, row: str) -> bool:
    """Whether table 三's ``row`` prints a rule mark (``|``, ``[``, ``]``, ``{``, ``}``) between its first value read
    and its last: the engine read the row's rules among its cells."""
    spans = [
        (w.offset, w.end)
        for c in APPLICANT_COLUMNS
        if (cell := r.cells.get(f"{row}/{c}")) is not None
        and cell.value is not None
        and (w := cell.where) is not None
        and w.offset is not None
        and w.end is not None
    ]
    if not spans:
        return False
    printed = r.extracted.text[min(a for a, _ in spans) : max(b for _, b in spans)]
    return any(mark in printed for mark in "|[]{}")


def _blank_kept(r: Reading, keys: list[str]) -> None:
    """The cells ``keys`` left blank, what they read kept in ``where.read_as``."""
    for key in keys:
        if (cell := r.cells.get(key)) is not None and cell.value is not None:
            where = replace(cell.where, read_as=cell.raw or str(cell.value)) if cell.where else None
            r.cells[key] = Cell(key, None, "", where)


def _row_total_holds(r: Reading, row: str) -> bool:
    """Whether table 三's ``row`` reads every cell and its 总计 is the sum of the others."""
    values = [r.get(f"{row}/{c}") for c in APPLICANT_COLUMNS]
    return all(v is not None for v in values) and row_total_holds(values)


def _suits_with_no_review(r: Reading) -> str | None:
    """Table 四 as read with one row printed as nothing (ten of its fifteen cells read): where the reading leaves
    the 行政复议 row blank and reads a suit in the 复议后起诉 row (any cell not zero), that row's total as read. The
    template's 复议后起诉 row counts suits brought after a 行政复议
    review, so such a reading contradicts it in kind. None for any other reading."""
    cells = {k: r.cells.get(f"{R}/{k}") for k in (f"{row}/{col}" for row in REVIEW_ROWS for col in REVIEW_COLUMNS)}
    read = {k: c.value for k, c in cells.items() if c is not None and c.value is not None}
    first, _, last = REVIEW_ROWS
    if len(read) != (len(REVIEW_ROWS) - 1) * len(REVIEW_COLUMNS) or any(k.startswith(first + "/") for k in read):
        return None
    after = [(col, read[f"{last}/{col}"]) for col in REVIEW_COLUMNS]
    if all(v == 0 for _, v in after):
        return None
    return str(dict(after)["total"])


def _review_rows_lost(r: Reading) -> bool:
    """Table 四 was read from fewer values than its cells less one row's (under ten of fifteen): more than one
    of its rows printed nothing, so the tie-break chose rows as well as cells."""
    cells = [c for k, c in r.cells.items() if k.startswith(R + "/")]
    lost = len(REVIEW_ROWS) * len(REVIEW_COLUMNS) - len(REVIEW_COLUMNS)
    return bool(cells) and sum(c.value is not None for c in cells) < lost

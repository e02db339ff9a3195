"""OCR-service text printed one text box per line, rejoined into table rows.

OCR services that run PaddleOCR-family models (Baidu's OCR API, PaddleOCR, RapidOCR, Umi-OCR …) return text
boxes, and users often print them one per line, in the engine's order: top to bottom, boxes on one level left to
right. A table row then arrives as the first line of its label (the label cell wraps: its other lines come
below, at the level of no number), then one line per cell::

    2.其他法
    9
    2
    0
    11
    律行政法
    规禁止公

:func:`rejoin` puts each run of such number lines back on the line before it (``2.其他法 9 2 0 11``), which is
how the text reads when the boxes are grouped into lines: the table readers then read the row as any row printed
with single spaces. A run is consecutive lines, each one number or one cell of letters OCR confuses with digits
(``o``, ``l``, ``S``, and ``。``: an empty-looking 0) followed by more of the run, holding at least two real
numbers and at most as many as the template's widest row (a longer run is a column printed down the page, left as
it is). It is joined to the line before it unless that line is blank or a page number (``- 2 -``): then the
run is one line of its own. Nothing is changed inside a line: the look-alikes are left to the tokenizer, which
reads them as digits with a warning.

The text is taken for box-per-line text (:func:`is_boxes`) only when it holds at least :data:`MIN_STACKS` stacks
of :data:`MIN_STACK` number lines (a number alone, no TAB) one under another: text laid out by other tools prints
a table's numbers in rows (``pdftotext``'s default mode: a number between blank lines, two side by side rows'
numbers in pairs), never a row's worth of them stacked. A stack with a blank line right above and right below it
is not counted when its lines read as one number's pieces: pdfminer.six ends each text box with a blank line, and
prints a number broken over lines in a narrow cell (Chromium's ``break-all``) as a box of one piece a line, a stack
of its own (:func:`_own_paragraph`, :func:`one_number_pieces`). A stack between blank lines whose lines read as a
row's cells (more lines than a number has pieces, a first line 0, lines of other widths, or the last line the sum
of the others: a row total) counts: pdfminer prints a box of cells one a line as OCR's boxes are printed.
"""

from __future__ import annotations

import re

from parsers.glyph_lines import glyph_row
from parsers.offset_text import line_starts

_NUMBER_LINE = re.compile(r" *[+-]?\d[\d,]*(?:\.\d+)? *")  # no TAB: a TAB line is a table cell of its own
# a cell of one or two letters OCR confuses with digits (``o``, ``l``, ``。`` …), and a page number
_LOOKALIKE_LINE = re.compile(r" *[。oO〇DlI|!SB]{1,2} *")
_PAGE_MARK_LINE = re.compile(r" *(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?) *")
MIN_STACK = 4  # number lines one under another that make a stack …
MIN_STACKS = 3  # … and how many such stacks make the text box-per-line
MAX_ROW_CELLS = 15  # the widest row of the template (table 四): a longer run of numbers is left as it is


_NUM = r"\n *[+-]?\d[\d,]*(?:\.\d+)? *"
_TWO_STACKED = re.compile(r"\n *[+-]?\d[\d,.]* *\n *[+-]?\d")
_STACKED = re.compile(rf"(?:{_NUM}){{{MIN_STACK},}}(?=\n|$)")


def is_boxes(text: str) -> bool:
    """Whether ``text`` prints a table's cells one per line (see the module's docstring). A stack that stands as a
    paragraph of its own, a blank line above and below it, and reads as one number's pieces is not counted
    (:func:`_own_paragraph`, :func:`one_number_pieces`)."""
    first = _TWO_STACKED.search(text)  # a quick test first: two number lines one under the other
    if first is None:
        return False
    stacks = 0
    for m in _STACKED.finditer(text, first.start()):
        if not (_own_paragraph(text, m.start(), m.end()) and one_number_pieces(text[m.start() : m.end()].split())):
            stacks += 1
            if stacks >= MIN_STACKS:
                return True
    return False


MAX_PIECES = 6  # a number broken over lines in a narrow cell: this many lines at most (table 三's rows are 7 cells)


def one_number_pieces(lines: list[str]) -> bool:
    """Whether a stack's lines (stripped) read as one number broken over lines in a narrow cell (``2`` / ``1`` /
    ``0`` / ``6`` for 2106): at most :data:`MAX_PIECES` lines of digits, each but the last as wide as the first (the
    cell's width: ``break-all`` fills each line), the last no wider, the first not 0, and the last not the sum of
    the others (a row's cells and their total: ``5`` / ``2`` / ``0`` / ``7``)."""
    if not 2 <= len(lines) <= MAX_PIECES or not all(line.isdigit() for line in lines):
        return False
    width = len(lines[0])
    if lines[0].startswith("0") or any(len(line) != width for line in lines[:-1]) or len(lines[-1]) > width:
        return False
    return int(lines[-1]) != sum(int(line) for line in lines[:-1])


def _blank_line(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip(" \t\r\f")


def _own_paragraph(text: str, start: int, end: int) -> bool:
    """Whether the stack of number lines ``text[start:end]`` (from the line break before its first line to the end
    of its last) has a blank line (or the text's edge) right above and right below it. pdfminer.six ends each text
    box it prints with a blank line, and a box is a cell's lines (a number broken over lines in a narrow cell:
    ``2`` / ``1`` / ``0`` / ``6`` for 2106) or cells one under another it grouped: a stack between blank lines is one
    such box, its lines one cell's pieces as likely as cells. OCR's boxes printed one a line follow their row's
    label box, the line above the stack (:func:`rejoin` joins them to it)."""
    above = text.rfind("\n", 0, start) + 1 if start > 0 else 0
    if start > 0 and not _blank_line(text, above, start):
        return False
    if end >= len(text):
        return True
    after = text.find("\n", end + 1)
    return _blank_line(text, end + 1, after if after >= 0 else len(text))


def runs(lines: list[str]) -> list[tuple[int, int]]:
    """The runs of number lines to rejoin, as ``(first, end)`` line indexes."""
    out: list[tuple[int, int]] = []
    k = 0
    n = len(lines)
    while k < n:
        if not _NUMBER_LINE.fullmatch(lines[k]):
            k += 1
            continue
        j = k
        numbers = 0
        while j < n:
            if _NUMBER_LINE.fullmatch(lines[j]):
                numbers += 1
            elif not (_LOOKALIKE_LINE.fullmatch(lines[j]) and _continues(lines, j + 1)):
                break  # a look-alike counts when more of the run follows
            j += 1
        if 2 <= numbers <= MAX_ROW_CELLS:
            out.append((k, j))  # a longer run is no row of the template: a column printed down the page
        k = j
    return out


def _continues(lines: list[str], k: int) -> bool:
    """Whether a number follows line ``k - 1`` after look-alike cells only."""
    while k < len(lines) and _LOOKALIKE_LINE.fullmatch(lines[k]):
        k += 1
    return k < len(lines) and bool(_NUMBER_LINE.fullmatch(lines[k]))


def rejoin(text: str) -> tuple[list[tuple[str, int | None]], int, int]:
    """The text with each run joined to the line before it, as pieces ``(text, original offset or None for a
    separator added)``; the number of runs joined; and how many of them were rows printed a glyph a line
    (``parsers.glyph_lines``: the label's glyphs joined, the digits glued unless one a column)."""
    lines = text.split("\n")
    starts = line_starts(lines)
    joined = glyphs = 0
    pieces: list[tuple[str, int | None]] = []
    at = 0  # the next line to copy
    for first, end in runs(lines):
        if (row := glyph_row(lines, first, end, at)) is not None:
            label_starts, spaced = row
            for i in range(at, first):
                glyph = i >= label_starts[0]
                lead = len(lines[i]) - len(lines[i].lstrip()) if glyph else 0
                pieces.append((lines[i].strip() if glyph else lines[i], starts[i] + lead))
                if i < label_starts[0] or i + 1 in label_starts:
                    pieces.append(("\n", None))
            pieces.append((" ", None))
            for i in range(first, end):
                pieces.append((lines[i].strip(), starts[i] + len(lines[i]) - len(lines[i].lstrip())))
                if spaced and i < end - 1:
                    pieces.append((" ", None))
            pieces.append(("\n", None))
            joined += 1
            glyphs += 1
            at = end
            continue
        onto = first - 1
        # the line before is the row's label, unless it is blank, a number or a page number: then the run is a
        # row of its own
        alone = onto < at or not lines[onto].strip() or bool(_PAGE_MARK_LINE.fullmatch(lines[onto]))
        for i in range(at, first):
            pieces.append((lines[i], starts[i]))
            pieces.append(("\n" if alone or i < first - 1 else " ", None))
        for i in range(first, end):
            pieces.append((lines[i].strip(), starts[i] + len(lines[i]) - len(lines[i].lstrip())))
            pieces.append((" " if i < end - 1 else "\n", None))
        joined += 1
        at = end
    for i in range(at, len(lines)):
        pieces.append((lines[i], starts[i]))
        if i < len(lines) - 1:
            pieces.append(("\n", None))
    return pieces, joined, glyphs

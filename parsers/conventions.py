"""Any text convention → the canonical table text the table readers read, with offsets back into the original.

Readers and the world hand the parser text in many conventions: the TAB convention of ``parsers.extracted``
(the seeds, the structured readers), PDF text laid out in columns of spaces, rows printed with single spaces,
Markdown from PDF-to-Markdown converters (pipe tables whole or broken, ``<table>`` HTML embedded in it,
headings and emphasis around titles), OCR output. The convention is detected from the text itself.

The canonical form is the TAB convention: a table row is one line, its cells joined by TABs, a blank cell an
empty string. Lines in other conventions are rewritten to it (a pipe row becomes a TAB row, an embedded HTML
table becomes one TAB row per ``<tr>``, with merged cells as empty cells); every other line is copied as it
stands (space-laid and single-space rows are split by the tokenizer). :class:`Canonical` maps every offset of
the canonical text back to the original text, so that provenance points into what was published.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from parsers.asciidoc import read_asciidoc
from parsers.boxes import is_boxes, rejoin
from parsers.drawn_tables import redraw
from parsers.em_dashes import em_dashes
from parsers.flattened_cells import unflatten
from parsers.frame_cuts import rejoin_cut_frames
from parsers.glyph_lines import GLYPH_NOTE, glyph_message
from parsers.grid_columns import BR, split_columns
from parsers.grid_repeats import columns_by_repeats
from parsers.grid_wraps import display, rejoin_wrapped_grids
from parsers.hard_breaks import read_hard_breaks
from parsers.line_joins import join_pieces
from parsers.markup_spans import strip_spans
from parsers.mojibake import EVIDENT, reverse_mojibake
from parsers.nested_rows import row_ends, title_after
from parsers.offset_text import OffsetText

# ---------------------------------------------------------------------------------------------- detection
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HEADING_MARK = re.compile(r"^(?P<lead>\s*(?:#{1,6}\s+|>\s*)+)")
_EMPHASIS = re.compile(r"\*\*|__")
_TAG = re.compile(r"<[^>]{0,200}>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# what converters print for empty cells: column placeholders (pymupdf4llm ``Col1``, others ``数据1``), pandas'
# ``Unnamed: 3`` headers and ``NaN`` cells (markitdown on spreadsheets)
_PLACEHOLDER = re.compile(r"^(?:(?:Col|Column|列|数据)\s*\d{1,3}|Unnamed:\s*\d{1,3}(?:_level_\d)?|NaN|nan|None)$", re.I)
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_SHORT_NUMBER_LINE = re.compile(r"\n\d{1,3}\n")
_BRACKET_LINE = re.compile(r"\n[ \t]*[(（][ \t]*\n")


@dataclass
class Canonical:
    """The canonical text and how to get back to the original."""

    text: str
    convention: str  # tab, layout, plain, glued, boxes, markdown, markdown_html (the dominant one)
    _canon: list[int] = field(default_factory=list)  # anchor offsets in the canonical text (sorted)
    _orig: list[int] = field(default_factory=list)  # the original offsets they stand for
    rejoined: int = 0  # box-per-line text (parsers.boxes): the runs of number lines joined to their row
    # the text this one was made from, when that was itself rewritten (markup removed first): offsets go on to it
    base: Canonical | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (code, message): each guess the rewriting made

    @property
    def identity(self) -> bool:
        return not self._canon and self.base is None

    def to_original(self, offset: int) -> int:
        if self._canon:
            i = bisect.bisect_right(self._canon, offset) - 1
            if i >= 0:
                offset = self._orig[i] + (offset - self._canon[i])
        return offset if self.base is None else self.base.to_original(offset)


def canonicalise(text: str) -> Canonical:
    """The canonical form of ``text``; the text itself (and an identity map) when it is canonical already."""
    # each two-character mark asked once, and only where its first character is printed at all (a one-character
    # search runs several times faster than a two-character one; the same answers: tests/test_parse_shortcuts.py)
    spans = "]" in text and "]{" in text
    frames = "+" in text and "+-" in text
    if spans and frames and (rejoined := rejoin_cut_frames(text)) is not None:
        # a layout frame that cut pandoc Markdown's span markup: the report's lines rejoined first
        return _on_top(
            canonicalise(rejoined[0]),
            Canonical(rejoined[0], "frame_rejoined", rejoined[1], rejoined[2], notes=[rejoined[3]]),
        )
    if spans and (stripped := strip_spans(text)) is not None:
        # pandoc Markdown's bracketed spans: their markup dropped first, the rest read as any other text
        return _on_top(canonicalise(stripped[0]), Canonical(stripped[0], "pandoc_spans", stripped[1], stripped[2]))
    if EVIDENT.search(text) and (reversed_ := reverse_mojibake(text)) is not None:
        # catdoc's 8-bit reading of UTF-16 blocks: read back first, the rest read as any other text
        return _on_top(
            canonicalise(reversed_[0]),
            Canonical(reversed_[0], "mojibake", reversed_[1], reversed_[2], notes=reversed_[3]),
        )
    if _PICTURE_END in text and (picture := _picture_text(text)) is not None:
        # pymupdf4llm's layout mode: a table its model took for a picture, its lines joined by <br>
        return _on_top(canonicalise(picture[0]), Canonical(picture[0], "picture_text", [0], [0], notes=[picture[1]]))
    if "|===" in text and (adoc := read_asciidoc(text)) is not None:
        # AsciiDoc: its tables' cells flowed into rows by the column count, its headings' marks dropped
        return _on_top(canonicalise(adoc[0]), Canonical(adoc[0], "asciidoc", adoc[1], adoc[2]))
    if "|" in text and (flat := unflatten(text)) is not None:
        # a page's layout table whose one cell holds the report on one line (docling): written back as lines first
        return _on_top(canonicalise(flat[0]), Canonical(flat[0], "flattened_cells", [0], [0], notes=flat[1]))
    if "\\" in text and (unbroken := read_hard_breaks(text)) is not None:
        # pandoc's hard line breaks in table cells (``一、本年\\``): read as spaces first
        return _on_top(canonicalise(unbroken), Canonical(unbroken, "hard_breaks", [0], [0]))
    if ("\n." in text or "\\" in text or _SHORT_NUMBER_LINE.search(text) or _BRACKET_LINE.search(text)) and (
        pieces := join_pieces(text)
    ):
        # one string per line (a styled number's pieces), Markdown's escapes: joined, read first
        return _on_top(canonicalise(pieces[0]), Canonical(pieces[0], "joined", pieces[1], pieces[2], notes=pieces[3]))
    if frames and (unframed := _unframe(text)) is not None:
        # a page's layout table around the report (pandoc's one-column grid table): its frame set aside
        return _on_top(canonicalise(unframed[0]), Canonical(unframed[0], "unframed", [0], [0], notes=[unframed[1]]))
    if frames and (rewrapped := rejoin_wrapped_grids(text)) is not None:
        # a grid table nested in a narrower cell, its lines wrapped onto the next lines: rejoined first
        return _on_top(
            canonicalise(rewrapped[0]),
            Canonical(rewrapped[0], "rewrapped", rewrapped[1], rewrapped[2], notes=[rewrapped[3]]),
        )
    if ("\u2502" in text or frames) and (drawn := redraw(text)) is not None:
        # a table drawn with box characters (w3m) or ASCII grid rules: one TAB row per row between rules
        inner = canonicalise(drawn[0])  # the rest of the text (raw HTML tables beside grid tables) as any other
        inner.convention = "drawn"
        return _on_top(inner, Canonical(drawn[0], "drawn", drawn[1], drawn[2]))
    if "---" in text and (dashed := em_dashes(text)) is not None:
        # pandoc Markdown's ``---`` for an em dash (a dash in a table cell): read back first, offsets unchanged
        return _on_top(_marked_or_plain(dashed), Canonical(dashed, "em_dashes"))
    return _marked_or_plain(text)


def _marked_or_plain(text: str) -> Canonical:
    """:func:`_marked_up`'s reading of ``text``, where a text without a ``|`` and without an HTML table (where it
    finds no pipe row and no table: the text is plain) goes to :func:`_plain` without its split into lines and its
    scans of every line (tests/test_parse_shortcuts.py)."""
    if "|" not in text and ("<" not in text or not _TABLE_OPEN.search(text)):
        return _plain(text)
    return _marked_up(text)


def _marked_up(text: str) -> Canonical:
    """The canonical form of a text that may hold pipe rows (Markdown's, antiword's) or HTML tables."""
    lines = text.split("\n")
    pipe_rows = sum(1 for ln in lines if "|" in ln and _PIPE_ROW.match(ln))
    if pipe_rows < 2 and _markdown_marked(lines):
        # html2text's tables: rows without the outer pipes (``规章| 0| 1| 1``) under a ``---|---`` rule
        pipe_rows = sum(1 for ln in lines if "|" in ln and _loose_pipe_row(ln))
    has_html = bool(_TABLE_OPEN.search(text))
    # rows between bars a program laid out (antiword's tables), in text no Markdown writer marked
    aligned = pipe_rows >= 2 and not has_html and not _markdown_marked(lines) and _aligned_bars(lines)
    if (
        pipe_rows >= 2
        and not has_html
        and not _markdown_marked(lines)
        and not aligned
        and not _all_piped(lines)
        and not _spaced_rows(lines)
    ):
        # lines between bars but no |---| rule and no heading: a ruled table OCR read (``| 8属于行|0 fo lo |``),
        # whose bars are the table's rules, not Markdown's
        pipe_rows = 0
    if pipe_rows < 2 and not has_html:
        return _plain(text)
    b = OffsetText()
    pos = 0
    k = 0
    repeated_at = _repeated_values(lines) if pipe_rows >= 2 else {}
    grid = split_columns(lines, _pipe_cells, lambda ln: bool(_PIPE_ROW.match(ln))) if pipe_rows >= 2 else None
    # table 三's rows in a split grid that no header groups: grouped by the numbers' repeats and totals
    by_repeats = columns_by_repeats(lines, _pipe_cells, lambda ln: bool(_PIPE_ROW.match(ln))) if grid else {}
    repeated = 0
    while k < len(lines):
        line = lines[k]
        if has_html and (m := _TABLE_OPEN.search(line)):
            # an HTML table, on one line or many: gather it whole
            end_k = k
            block = line
            while not _TABLE_CLOSE.search(block[m.start() :]) and end_k + 1 < len(lines):
                end_k += 1
                block += "\n" + lines[end_k]
            before = block[: m.start()]
            close = _TABLE_CLOSE.search(block, m.start())
            stop = close.end() if close else len(block)
            if before.strip():
                _line(b, before, pos)
                b.add("\n", None)
            _html_table(b, block[m.start() : stop], pos + m.start())
            after = block[stop:]
            if after.strip():
                _line(b, after, pos + stop)
                b.add("\n", None)
            pos += len(block) + 1
            k = end_k + 1
            continue
        if "|" in line and _PIPE_RULE.match(line) and "-" in line:
            pass  # the |---|---| rule under a header row: no content
        elif "|" in line and (_PIPE_ROW.match(line) or _loose_pipe_row(line)):
            rest: list[tuple[str, int]] = []
            at = pos + len(line) + 1
            # antiword: a label cell wrapped onto lines of its own under a row of values, joined to it
            while aligned and k + 1 < len(lines) and (more := _label_rest(line, lines[k + 1])) is not None:
                rest.append((more[0], at + more[1]))
                at += len(lines[k + 1]) + 1
                k += 1
            if k in by_repeats:
                # the numbers fix the grouping: every grouping of the header's that differs misreads a row
                _pipe_row(b, line, pos, rest, by_repeats[k])
            elif grid is not None and k in grid.skip:
                # grid columns under one column's whole header (pymupdf4llm's split grid): read as one
                _pipe_row(b, line, pos, rest, grid.skip[k], grid.blank.get(k))
            else:
                repeats = repeated_at.get(k, _NO_COLUMNS)
                _pipe_row(b, line, pos, rest, repeats)
                repeated += len(repeats)
            b.add("\n", None)
            if rest:
                pos = at - len(line) - 1  # the last line joined is the one the steps below pass over
        else:
            _line(b, line, pos)
            b.add("\n", None)
        pos += len(line) + 1
        k += 1
    out = "".join(b.parts)
    if not text.endswith("\n") and out.endswith("\n"):
        out = out[:-1]
    convention = "markdown_html" if has_html and pipe_rows < 2 else "markdown"
    notes = []
    if repeated:
        notes.append((
            "repeated_value",
            f"{repeated} value(s) repeated in the next column under a header cell that is repeated across the same "
            "columns (a converter's merged cell, split into grid columns, printed in each): read once",
        ))  # fmt: skip
    if grid is not None and grid.merged:
        notes.append((
            "grid_columns",
            f"{grid.merged} grid column(s) under the same header texts as the column before (a converter's grid "
            "splitting a column, its merged cells printed in each) read as one column",
        ))  # fmt: skip
    if grid is not None and grid.placeholders:
        notes.append((
            "placeholder_columns",
            f"{len(grid.placeholders)} header cell(s) followed by placeholders (ColN: grid columns whose header cell "
            "prints nothing) over grid columns that repeat one number in every value row, some not 0: read as the "
            f"merged cell's one column ({'; '.join(grid.placeholders[:6])}; a guess)",
        ))  # fmt: skip
    if by_repeats:
        notes.append((
            "grid_repeats",
            f"{len(by_repeats)} row(s) of table 三 print {sorted({len(c) + 7 for c in by_repeats.values()})} numbers "
            "in a grid that splits its columns (no header over them): read in seven columns, the only grouping of "
            "adjacent grid columns that print one number in every row and keep every row's total",
        ))  # fmt: skip
    if grid is not None and grid.disagreeing:
        notes.append((
            "grid_columns_disagree",
            f"{len(grid.disagreeing)} cell(s) left blank: the grid columns of one column print different values "
            f"({'; '.join(grid.disagreeing[:6])})",
        ))  # fmt: skip
    return Canonical(out, convention, b.canon, b.orig, notes=notes)


# a one-column grid table's rule (``+-----+``, no ``+`` between: one cell a row) and its lines (``| text |``)
_FRAME_RULE = re.compile(r"^\+-{20,}\+[ \t]*$", re.M)
_FRAME_LINE = re.compile(r"\| (.*) \|[ \t]*")
# a pandoc simple or multiline table's rule inside a frame: dash runs apart by spaces (``| ----- ---- |``)
_SIMPLE_RULE = re.compile(r"^\|\s+-{3,}(?: +-{3,})+\s*\|\s*$")
FRAME_MIN_LINES = 10  # lines framed, at least, for a one-column table to be a page's layout, not a data table


def _unframe(text: str) -> tuple[str, tuple[str, str]] | None:
    """The text with its one-column grid tables' frames blanked (pandoc's rendering of a portal's layout table
    that holds the whole report: ``+---+`` rules, each line ``| … |``, the report's own tables nested inside as
    text): rules and bars made spaces, so offsets keep. None when no such table frames
    :data:`FRAME_MIN_LINES` lines."""
    if not _FRAME_RULE.search(text):
        return None
    lines = text.split("\n")
    out = list(lines)
    framed = 0
    k = 0
    while k < len(lines):
        if not _FRAME_RULE.match(lines[k]):
            k += 1
            continue
        width = len(lines[k].rstrip())
        j = k + 1
        rule = display(lines[k].rstrip())
        narrower = False  # a line narrower than the frame (markup dropped from it before)
        while j < len(lines) and _FRAME_LINE.fullmatch(lines[j]) and (shown := display(lines[j].rstrip())) <= rule:
            narrower = narrower or shown < rule
            j += 1
        closed = j < len(lines) and _FRAME_RULE.match(lines[j]) and len(lines[j].rstrip()) == width and j > k + 1
        # a frame whose lines the dropped markup made narrower is set aside only when no pandoc simple or
        # multiline table stands in it (those lay their columns out by character positions counted with the
        # markup in, and the frame cut their lines at its width: they stay to the frame's reading as cells)
        if closed and (not narrower or not any(_SIMPLE_RULE.match(lines[i]) for i in range(k + 1, j))):
            for i in range(k + 1, j):
                line = lines[i]
                first, last = line.index("|"), line.rstrip().rindex("|")
                out[i] = line[:first] + " " + line[first + 1 : last] + " " + line[last + 1 :]
                framed += 1
            out[k] = " " * len(lines[k])
            out[j] = " " * len(lines[j])
            k = j
        else:
            k += 1
    if framed < FRAME_MIN_LINES:
        return None
    note = ("layout_table", f"a one-column table frames {framed} lines of the report (a page's layout): frame dropped")
    return "\n".join(out), note


_PICTURE_END = "<!-- End of picture text -->"
_PICTURE = re.compile(r"<!-- Start of picture text -->(.*?)<!-- End of picture text -->", re.S)


def _picture_text(text: str) -> tuple[str, tuple[str, str]] | None:
    """pymupdf4llm's text of a region its layout model took for a picture (a table, often), between its
    ``<!-- Start of picture text -->`` and ``<!-- End of picture text -->`` comments, the region's lines joined by
    ``<br>``: each ``<br>`` made a line break (padded with spaces before it, so that offsets keep), the comments
    blanked. None when no such region has a ``<br>``."""
    found = 0

    def lines(m: re.Match[str]) -> str:
        nonlocal found
        found += len(BR.findall(m.group(1)))
        inner = BR.sub(lambda b: " " * (len(b.group()) - 1) + "\n", m.group(1))
        return " " * len("<!-- Start of picture text -->") + inner + " " * len(_PICTURE_END)

    out = _PICTURE.sub(lines, text)
    if not found:
        return None
    note = (
        "picture_text",
        f"pymupdf4llm printed {len(_PICTURE.findall(text))} region(s) as picture text, lines joined by <br>: "
        f"the {found} <br> read as line breaks",
    )
    return out, note


def _on_top(inner: Canonical, base: Canonical) -> Canonical:
    """``inner`` (the reading of ``base``'s text) mapped on through ``base`` to the original, its notes added."""
    last = inner
    while last.base is not None:
        last = last.base
    last.base = base
    inner.notes = [*base.notes, *inner.notes]
    return inner


_LAID = re.compile(r"\S {2,}\S")
# a table row printed without separators: a label, then the row's cells as one run of digits
_GLUED_ROW = re.compile(r"[^\W\d_][)）”\"]?\d{7,}$", re.M)


def _plain(text: str) -> Canonical:
    if "," in text and _is_csv(text):
        return _csv(text)
    if not is_boxes(text):
        return Canonical(text, _plain_convention(text))
    b = OffsetText()
    pieces, joined, glyphs = rejoin(text)
    for piece, orig in pieces:
        b.add(piece, orig)
    notes = [(GLYPH_NOTE, glyph_message(glyphs))] if glyphs else []
    return Canonical("".join(b.parts), "boxes", b.canon, b.orig, rejoined=joined, notes=notes)


# ---------------------------------------------------------------------------------------------- CSV
# a row of comma-separated values (a spreadsheet saved as CSV, a table extractor's output): a comma that is not a
# thousands separator (a digit, then three digits and no fourth) between two cells
_CSV_COMMA = re.compile(r",(?:(?<!\d,)|(?!\d{3}(?:\D|$)))")
# and a cell that is empty or a number alone (prose whose OCR printed ``，`` as ``,`` has neither)
_CSV_CELL = re.compile(r'(?:^|,)\s*(?:"[-+\d.,\s]*"|[-+\d.]*)\s*(?:,|\r?$)')
CSV_MIN_ROWS = 10  # lines with two or more such commas, for the text to be CSV
CSV_MIN_SHARE = 0.3  # of the lines that print anything


def _is_csv(text: str) -> bool:
    """Comma-separated rows: at least :data:`CSV_MIN_ROWS` lines, and :data:`CSV_MIN_SHARE` of the lines that print
    anything, hold two cell commas and a cell that is empty or a number. Chinese prose separates with ``，`` (OCR
    may print ``,``, but not around a bare number or an empty cell), and a number's thousands separators are not
    cell commas."""
    if text.count(",") < 2 * CSV_MIN_ROWS or len(_CSV_COMMA.findall(text)) < 2 * CSV_MIN_ROWS:
        return False  # the common case, a report with a few numbers' thousands separators: one pass in C
    rows = printed = 0
    for line in text.split("\n", 5000):
        if line.strip():
            printed += 1
            if len(_CSV_COMMA.findall(line)) >= 2 and _CSV_CELL.search(line):
                rows += 1
    return rows >= CSV_MIN_ROWS and rows >= CSV_MIN_SHARE * printed


def _csv(text: str) -> Canonical:
    """CSV read into TAB rows (RFC 4180: a quoted cell may hold commas, ``""`` and line breaks; a line break
    inside a cell joins the cell's lines, as a wrapped label). Each cell keeps the offset it starts at."""
    b = OffsetText()
    i, n = 0, len(text)
    row: list[tuple[str, int]] = []

    def end_row() -> None:
        cells = list(row)
        while cells and not cells[-1][0].strip():
            cells.pop()
        for k, (cell, at) in enumerate(cells):
            if k:
                b.add("\t", None)
            b.add(cell, at)
        b.add("\n", None)
        row.clear()

    while i <= n:
        if i < n and text[i] == '"':
            at, i, parts = i + 1, i + 1, []
            while i < n:
                q = text.find('"', i)
                if q < 0:
                    parts.append(text[i:])
                    i = n
                    break
                parts.append(text[i:q])
                if text.startswith('""', q):
                    parts.append('"')
                    i = q + 2
                    continue
                i = q + 1
                break
            cell = "".join(parts).replace("\r", "")
            cell = "".join(part.strip() for part in cell.split("\n"))
            stop = min(x for x in (text.find(",", i), text.find("\n", i), n) if x >= 0)
            cell += text[i:stop].strip()
        else:
            at = i
            stop = min(x for x in (text.find(",", i), text.find("\n", i), n) if x >= 0)
            cell = text[i:stop].rstrip("\r").strip()
        row.append((cell, at))
        if stop >= n:
            end_row()
            break
        if text[stop] == "\n":
            end_row()
        i = stop + 1
    out = "".join(b.parts)
    if not text.endswith("\n") and out.endswith("\n"):
        out = out[:-1]
    return Canonical(out, "tab", b.canon, b.orig)


def _plain_convention(text: str) -> str:
    if text.count("\t") >= 10:
        return "tab"
    if len(_LAID.findall(text, 0, 200_000)) >= 10:
        return "layout"
    if len(_GLUED_ROW.findall(text, 0, 200_000)) >= 5:
        return "glued"
    return "plain"


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")


def _markdown_marked(lines: list[str]) -> bool:
    """The text carries a mark only Markdown prints: a pipe table's ``|---|`` rule row, or a ``#`` heading."""
    return any(
        ("|" in ln and "-" in ln and _PIPE_RULE.match(ln))
        or (ln[:4].lstrip().startswith("#") and _MD_HEADING.match(ln))
        for ln in lines
    )


PIPED_LINES = 20  # lines of a text, at least, that are all pipe rows: a converter's, not OCR's


def _all_piped(lines: list[str]) -> bool:
    """Every line of the text that prints anything is a row between bars, :data:`PIPED_LINES` of them at least
    (trafilatura's text of a page laid out in tables: its title and paragraphs too, ``| 本报告是根据… |``): the
    bars are a converter's cells, where OCR of a ruled table prints bars on some lines, never on every one."""
    printed = [body for ln in lines if (body := ln.strip())]
    return len(printed) >= PIPED_LINES and all(
        body.startswith("|") and body.endswith("|") and len(body) > 1 for body in printed
    )


# a row of cells each padded by one space on either side, an empty cell two spaces: ``| 规章 |  | 0 | 1 |``
_SPACED_ROW = re.compile(r"^\|(?: (?:[^\s|](?:[^|]*[^\s|])?)? \|){3,}$")
SPACED_ROWS = 3  # lines in a row of :data:`_SPACED_ROW`, each with as many cells: a converter's table


def _spaced_rows(lines: list[str]) -> bool:
    """A converter's table between paragraphs of plain text: :data:`SPACED_ROWS` lines or more in a row, each a row
    of three cells or more, every cell padded by exactly one space on each side and every empty cell two spaces,
    and each row with as many cells as the one before (trafilatura's text of a page whose tables stand between
    paragraphs: each row padded with empty cells to the table's width, a merged cell's room printed empty). OCR of
    a ruled table never pads each of its cells by exactly one space, nor gives rows alike their count of bars;
    pandoc's line blocks (a layout frame's lines, ``| 本报告…  |``) pad their lines to a width with spaces."""

    def bars(ln: str) -> int | None:
        body = ln.rstrip()
        return body.count("|") if body[:1] == "|" and _SPACED_ROW.match(body) else None

    return _rows_alike(lines, bars, SPACED_ROWS)


ALIGNED_ROWS = 3  # lines in a row whose closing bars stand in one column: a text-mode table writer's rows


def _aligned_bars(lines: list[str]) -> bool:
    """Rows between bars laid out by a program, not read by OCR: :data:`ALIGNED_ROWS` lines or more in a row
    each starting and ending with ``|``, every closing bar in the same display column (antiword's tables: cells
    padded with spaces to their column's width). OCR of a ruled table never puts its bars in one column."""

    def closing_column(ln: str) -> int | None:
        if "|" in ln and _PIPE_ROW.match(ln) and (body := ln.rstrip()).lstrip().startswith("|"):
            return _display_width(body)
        return None

    return _rows_alike(lines, closing_column, ALIGNED_ROWS)


def _rows_alike(lines: list[str], key: Callable[[str], int | None], n: int) -> bool:
    """Are there ``n`` lines or more in a row that each have a ``key`` (None: the line is not such a row), the same
    for all of them?"""
    run, last = 0, -1
    for ln in lines:
        k = key(ln)
        if k is None:
            run, last = 0, -1
            continue
        run = run + 1 if k == last else 1
        last = k
        if run >= n:
            return True
    return False


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _loose_pipe_row(line: str) -> bool:
    """A pipe row a converter broke: cells split by ``|`` without the outer pipes (``规章 | 0 | 0 | 0``)."""
    return len(_PIPE_SPLIT.findall(line)) >= 2


def _clean_cell(cell: str) -> str:
    cell = BR.sub("", cell)
    cell = _EMPHASIS.sub("", cell)
    if "<" in cell:
        cell = _TAG.sub("", cell)
    if "&" in cell:
        cell = html_lib.unescape(cell)
    if "\\" in cell:
        cell = _ESCAPE.sub(r"\1", cell)
    cell = " ".join(cell.split())
    return "" if _PLACEHOLDER.match(cell) else cell


# a new label or a block's own head: numbering, 其中, the article a block of table 二 is under (第二十条第（五）项)
_NEW_LABEL = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|其中|第[一二三四五六七八九十百\d]+条)"
)


def _bars(line: str) -> list[int]:
    """The display columns of a pipe row's bars."""
    out, width = [], 0
    for ch in line.rstrip():
        if ch == "|":
            out.append(width)
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return out


def _label_rest(row: str, line: str) -> tuple[str, int] | None:
    """``line`` continues ``row``'s first cell (the rest of a wrapped label): both rows between bars in the same
    display columns, ``row`` holding a number after its label, ``line`` text in its first cell only, and that
    text no label's start (numbering, 其中). The text and its offset in ``line``; else None."""
    if not _PIPE_ROW.match(line) or _bars(line) != _bars(row):
        return None
    cells = line.strip().strip("|").split("|")
    first = cells[0].strip()
    if not first or any(c.strip() for c in cells[1:]) or _NEW_LABEL.match(_clean_cell(first)):
        return None
    if not any(re.search(r"\d", c) for c in row.strip().strip("|").split("|")[1:]):
        return None
    return first, line.index(first)


def _pipe_cells(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a pipe row, within the line. A row printed without its outer pipes
    (html2text's: ``规章| 0| 1``, no pipe at its end) whose first cell is empty prints that cell as a space before
    its first pipe (`` |  | 1| 0``): a cell, not the room before a leading pipe."""
    bounds = [m.start() for m in _PIPE_SPLIT.finditer(line)]
    starts = [0, *[p + 1 for p in bounds]]
    ends = [*bounds, len(line)]
    cells = list(zip(starts, ends, strict=True))
    outerless = bool(bounds) and line[:1] == " " and line.rstrip()[-1:] != "|"
    if cells and not line[: cells[0][1]].strip() and not outerless:
        cells = cells[1:]  # before the leading pipe
    if cells and not line[cells[-1][0] :].strip():
        cells = cells[:-1]  # after the trailing pipe
    return cells


def _repeated_values(lines: list[str]) -> dict[int, set[int]]:
    """Line index → the columns of that pipe row whose value repeats the previous column's, where the table's
    header repeats one cell across both columns (the last text with an ideograph printed in each column above)
    and every row under that header repeats its value there too: a merged cell split into grid columns and
    printed in each (pymupdf4llm: ``|本年制发件数|本年制发件数|`` over ``|1|1|`` and ``|2|2|``). The template gives
    each value column a header cell of its own, so two columns under one header cell are one column. The header
    cell is the column's last two header rows (of its texts since the last value row above), not its last row's
    text: under ``法人或其他组织 / 其他`` and ``总计 / 其他`` (a converter printing 总计's lower half with its
    neighbour's text) two columns that repeat their values (every applicant 其他's: 11 and 11) are two. (Two rows,
    not all: a header repeated after a page's break, no value row between, would make every column's texts
    differ.)"""
    heads: dict[int, str] = {}
    era: dict[int, int] = {}  # per column: how many times its header text changed (rows of one header share it)
    whole: dict[int, tuple[str, ...]] = {}  # per column: its header's texts since a value row
    stale: set[int] = set()  # columns whose header a value row has closed (a text there starts a new header)
    runs: dict[tuple[int, int, int], list[tuple[int, bool]]] = {}  # (column, its era, the one before's): rows
    for k, line in enumerate(lines):
        if "|" not in line or not (_PIPE_ROW.match(line) or _loose_pipe_row(line)):
            heads, era, whole, stale = {}, {}, {}, set()  # a table ends at a line that is no pipe row
            continue
        if _PIPE_RULE.match(line) and "-" in line:
            continue
        texts = [line[s:e].strip() for s, e in _pipe_cells(line)]
        values = False
        for col in range(1, len(texts)):
            a, b = texts[col - 1], texts[col]
            if not (_STACKED_NUMBER.match(a) or _STACKED_NUMBER.match(b)):
                continue
            values = True
            head = heads.get(col)
            if head is None or head != heads.get(col - 1) or whole.get(col, ())[-2:] != whole.get(col - 1, ())[-2:]:
                continue
            runs.setdefault((col, era.get(col, 0), era.get(col - 1, 0)), []).append((k, a == b))
        for col, text in enumerate(texts):
            if _IDEOGRAPH.search(text):
                whole[col] = (text,) if col in stale else (*whole.get(col, ()), text)
                stale.discard(col)
                if heads.get(col) != text:
                    heads[col] = text
                    era[col] = era.get(col, 0) + 1
        if values:
            stale = set(range(len(texts)))
    out: dict[int, set[int]] = {}
    for (col, _, _), rows in runs.items():
        if all(same for _, same in rows):
            for k, _ in rows:
                out.setdefault(k, set()).add(col)
    return out


_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_NO_COLUMNS: set[int] = set()
_PIPE_RULE_CELL = re.compile(r"^:?-+:?$")


_NO_ENDS: frozenset[int] = frozenset()


def _pipe_row(
    b: OffsetText,
    line: str,
    pos: int,
    rest: list[tuple[str, int]] | None = None,
    skip: set[int] | None = None,
    blank: set[int] | None = None,
) -> None:
    """``| a | b | c |`` → ``a\\tb\\tc``: every cell kept, blank ones as empty strings; ``rest``: the rest of the
    first cell wrapped onto lines of its own (text, offset in the original), joined to it; ``skip``: columns left
    out (a value repeated from the column before: :func:`_repeated_values`); ``blank``: columns read as empty
    (grid columns of one column that disagree: :mod:`parsers.grid_columns`)."""
    cells = _pipe_cells(line)
    if blank:
        cells = [(s, s) if col in blank else (s, e) for col, (s, e) in enumerate(cells)]
    if skip:
        cells = [c for col, c in enumerate(cells) if col not in skip]
    raw_cells = [line[s:e] for s, e in cells]
    heading = _merged_heading(raw_cells)
    if heading is not None:
        raw_cells, heading_text, (at_cell, at_offset) = heading
        heading_at = cells[at_cell][0] + at_offset
        cells = [(s, s + len(raw)) for (s, _), raw in zip(cells, raw_cells, strict=True)]
    label = _wrapped_label(raw_cells)
    n_label = _n_label_cells(raw_cells) if label is not None else -1
    # a nested table markitdown flattened into the line: each of its rows a line of its own
    ends = row_ends(raw_cells) if heading is None and "|  |" in line else _NO_ENDS
    title = title_after(raw_cells, ends)
    cut = _cut_label(raw_cells) if label is None else None
    for col, (s, e) in enumerate(cells):
        if col in ends:
            b.add("\n", None)
            continue
        if col == title:
            b.add("\n", None)
        elif col and col - 1 not in ends:
            b.add("\t", None)
        raw = line[s:e]
        if cut is not None and col in cut[0]:
            # the label's pieces read as one, in its first piece's cell; the other pieces' cells left empty, but
            # for the values after the last one's text
            if col == cut[0][0]:
                b.add(cut[1], pos + s + len(raw) - len(raw.lstrip()))
            elif cut[2] is not None and col == cut[2][0]:
                b.add(_clean_cell(raw[cut[2][1] :]), pos + s + cut[2][1])
            continue
        lead = len(raw) - len(raw.lstrip())
        if col == n_label and label is not None:
            # the label read line by line across its cells, as one more cell before the values
            b.add(label, pos + cells[0][0])
            b.add("\t", None)
        stacked = _stacked_numbers(raw, line[cells[col + 1][0] : cells[col + 1][1]] if col + 1 < len(cells) else "")
        if stacked is None:
            b.add(_clean_cell(raw), pos + s + lead)
            if col == 0 and rest:
                for text, at in rest:
                    b.add(text, at)
            continue
        for n, (at, number) in enumerate(stacked):
            if n:
                b.add("\t", None)
            b.add(number, pos + s + at)
    if heading is not None:
        # the heading laid into the row goes on a line of its own after it
        b.add("\n", None)
        b.add(heading_text, pos + heading_at)


_STACKED_NUMBER = re.compile(r"^[+\-－−]?\d[\d,]*(?:\.\d+)?$")  # a minus full-width too (``136<br>－20``)
# a dash, a blank cell's mark, a line of its own among numbers (``—<br>1``: pymupdf4llm's layout grid laying an
# empty cell's dash and the next column's value into one cell)
_STACKED_DASH = re.compile(r"—{1,2}")  # no hyphen or minus: a negative change may wrap after its sign


def _stacked_numbers(raw: str, after: str = "") -> list[tuple[int, str]] | None:
    """A cell holding several numbers one per line (``76<br>29<br>21``: a converter laid the cells of several
    columns into one): each number with its offset in the cell, to become a cell of its own. So too a cell whose
    first lines are a label's last characters, without a digit, and whose next lines are each a number
    (``计<br>45<br>0``: pymupdf4llm's layout mode laying a wrapped label's end and the next columns' values into one
    grid cell), two numbers at least, or one where the next cell (``after``) is a number too (``|行政处罚<br>2|0|7|``:
    the row's first value laid under its label, the others in their cells): the label's piece first, then each
    number. None for any other cell (a label wrapped over lines is read as one, its lines joined)."""
    if "<" not in raw or not BR.search(raw):
        return None
    parts: list[tuple[int, str]] = []
    lead: list[tuple[int, str]] = []  # the label's lines before the numbers
    at = 0
    for m in [*BR.finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        piece = raw[at:end].strip()
        if piece:
            where = raw.index(piece, at)
            if _STACKED_NUMBER.match(piece) or _STACKED_DASH.fullmatch(piece):
                parts.append((where, piece))
            elif parts or _ANY_DIGIT.search(piece) or not _IDEOGRAPH.search(piece):
                return None
            else:
                lead.append((where, piece))
        at = m.end() if m is not None else end
    if not any(_STACKED_NUMBER.match(p) for _, p in parts):
        return None  # dashes alone: no number's cells to part
    if lead:
        # two numbers at least: a label's one number is its item's numbering (``（四）<br>无法提<br>供<br>1`` before
        # ``.本机关不掌握…`` in the next cell), unless a number follows in the next cell
        one = len(parts) == 1 and _STACKED_NUMBER.match(after.strip()) is not None
        return [(lead[0][0], "".join(p for _, p in lead)), *parts] if len(parts) > 1 or one else None
    return parts if len(parts) > 1 else None


_ANY_DIGIT = re.compile(r"\d")


_BOLD_TAIL = re.compile(r"<br\s*/?>\s*\*\*", re.I)


def _merged_heading(raw: list[str]) -> tuple[list[str], str, tuple[int, int]] | None:
    """A bold heading a converter laid into a table's last row, line by line across its cells (pymupdf4llm's
    layout mode: ``|四、结转下年度继续办<br>**四、政府信息公开行**|理<br>**政复议、行**|0<br>**政诉讼**|…``):
    a cell that holds a value once its emphasised lines after a ``<br>`` are set aside marks it. Returns the
    cells without those lines, the heading's text, and where its first piece starts (cell, offset in it)."""
    cuts = [_BOLD_TAIL.search(cell) for cell in raw]
    if not any(
        m is not None and _VALUE_CELL.match(cell[: m.start()]) and cell[: m.start()].strip()
        for m, cell in zip(cuts, raw, strict=True)
    ):
        return None
    kept: list[str] = []
    pieces: list[str] = []
    first: tuple[int, int] | None = None
    for k, (m, cell) in enumerate(zip(cuts, raw, strict=True)):
        if m is None:
            kept.append(cell)
            continue
        kept.append(cell[: m.start()])
        pieces.append(_clean_cell(cell[m.start() :]))
        first = first or (k, m.end())
    assert first is not None
    return kept, "".join(pieces), first


_VALUE_CELL = re.compile(r"^\s*(?:[+-]?\d[\d,]*(?:\.\d+)?|[—–-]+|/|无)?\s*$")


def _n_label_cells(raw: list[str]) -> int:
    """How many cells, from the left, hold the row label (up to the first value)."""
    n = 0
    for k, cell in enumerate(raw):
        if _VALUE_CELL.match(cell):
            if cell.strip():
                return n  # empty cells just before the first value are value columns' (自然人 printed empty)
            continue  # an empty cell: a label's (between its cells) or a value column's (after them)
        n = k + 1
    return len(raw)  # no value: a header row, every cell its label's


def _wrapped_label(raw: list[str]) -> str | None:
    """A label a converter cut into several cells *and* lines (a narrow label column laid over three cells:
    ``一、本年新<br>数量 | 收政府信息公 | 开申请``), read line by line across the cells. None when the row's
    label cells hold no wrapped lines. Cells that are separate labels each wrapped give a reading that matches
    nothing, so the cells are kept as well."""
    n = _n_label_cells(raw)
    label_cells = [c for c in raw[:n] if c.strip()]
    if len(label_cells) < 2 or not any(BR.search(c) for c in label_cells):
        return None
    if _stacked_numbers(label_cells[-1]) is not None:
        # its last cell the label's end and the row's first values a line each (``其他对外管|理服务事项<br>5<br>0``):
        # read line by line, the values would join the label (其他对外管理服务事项50); the cells are read as they are
        return None
    lines = [[_clean_cell(part) for part in BR.split(c)] for c in label_cells]
    depth = max(len(ls) for ls in lines)
    return "".join(ls[i] for i in range(depth) for ls in lines if i < len(ls))


# the units the 2008 template's 单位 column prints (``parsers.tables.legacy``'s): a cell of its own, no label's piece
_UNIT_CELLS = frozenset({"件", "条", "个", "次", "人", "人次", "篇", "项", "万元", "元", "场", "期", "家", "份"})
# a label's last piece with the row's first value after it (``请数量  15``)
_LABEL_TAIL = re.compile(r"^(\s*\S*?[^\d\s])\s+([+-]?\d[\d,]*(?:\.\d+)?(?:\s+[+-]?\d[\d,]*(?:\.\d+)?)*)\s*$")


def _cut_label(raw: list[str]) -> tuple[list[int], str, tuple[int, int] | None] | None:
    """A label cut into cells on one line before the row's values (``(|七)总|计``, ``四、结转下年|度继续办理``,
    ``一、本年新|收政府信息公开申|请数量  15``: pymupdf4llm's layout mode taking gaps between a label's glyphs for
    columns): two cells at least from the row's first, none wrapped, none after the first opening a label of its
    own (numbering, 其中: ``(五)不予处理|4．无正当理由…`` are two labels) or printing a digit, but for the row's
    first values after the last piece's text, none a unit (the 2008 template's 单位 column), none repeated (a grid's
    merged cell); a value after them. The label's cells, its text read as one, and
    where the last piece's values start (cell, offset), if it has any; else None."""
    cols: list[int] = []
    tail: tuple[int, int] | None = None
    for k, cell in enumerate(raw):
        text = _clean_cell(cell)  # a placeholder (``NaN``, ``Unnamed: 2``: markitdown's spreadsheets) is an empty cell
        if not cols and not text:
            continue
        if not text or BR.search(cell) or (_VALUE_CELL.match(cell)):
            break
        if cols and (_NEW_LABEL.match(_clean_cell(cell)) or _ANY_DIGIT.search(cell)):
            m = _LABEL_TAIL.match(cell)
            if m is None or _ANY_DIGIT.search(m.group(1)) or _NEW_LABEL.match(m.group(1).strip()):
                return None  # a label of its own, or a piece printing a digit
            cols.append(k)
            tail = (k, m.start(2))
            break
        cols.append(k)
    after = raw[cols[-1] + 1 :] if cols else []
    if len(cols) < 2 or (not any(_ANY_DIGIT.search(_clean_cell(c)) for c in after) and tail is None):
        return None  # one cell, or no value: a header's cells
    pieces = [_clean_cell(raw[k]) for k in cols]
    if tail is not None:
        pieces[-1] = _clean_cell(raw[tail[0]][: tail[1]])
    if len(set(pieces)) < len(pieces):
        return None  # a label repeated in a grid's columns (pymupdf4llm's merged cells), no label cut in pieces
    if any(p in _UNIT_CELLS for p in pieces[1:]):
        return None  # a unit column's cell (the 2008 template's 单位: ``|（一）政府信息公开工作专|个|692|``)
    return cols, "".join(pieces), tail


def _line(b: OffsetText, line: str, pos: int) -> None:
    """A line outside tables: heading marks and emphasis dropped, the rest as it stands."""
    start = 0
    if line.lstrip().startswith(("#", ">")) and (m := _HEADING_MARK.match(line)):
        start = m.end()
    body = line[start:]
    if "**" in body or "__" in body or "<" in body:
        cleaned = _TAG.sub("", _EMPHASIS.sub("", BR.sub(" ", body)))
        lead = len(body) - len(body.lstrip("*_ "))
        b.add(cleaned, pos + start + lead)
    else:
        b.add(body, pos + start)


def _html_table(b: OffsetText, fragment: str, pos: int) -> None:
    """An embedded ``<table>``: one TAB row per ``<tr>``, merged cells' continuations as empty cells."""
    from parsers.readers.html import parse_tree, table_grid

    try:
        tree = parse_tree(f"<html><body>{fragment}</body></html>")
    except Exception:  # broken markup: keep its text as it stands
        _line(b, _TAG.sub(" ", fragment), pos)
        b.add("\n", None)
        return
    table = tree.find(".//table")
    if table is None:
        return
    cursor = 0
    for row in table_grid(table):
        for col, cell in enumerate(row):
            if col:
                b.add("\t", None)
            cell = _clean_cell(cell)
            at = fragment.find(cell, cursor) if cell else -1
            if at >= 0:
                cursor = at + len(cell)
                b.add(cell, pos + at)
            else:
                b.add(cell, pos + cursor if cell else None)
        b.add("\n", None)
    b.add("\n", None)

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
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from parsers.asciidoc import read_asciidoc
from parsers.boxes import is_boxes, rejoin
from parsers.csv_rows import is_csv, read_csv
from parsers.drawn_tables import redraw
from parsers.em_dashes import em_dashes
from parsers.flattened_cells import unflatten
from parsers.frame_cuts import rejoin_cut_frames
from parsers.glyph_labels import rejoin_glyph_labels
from parsers.glyph_lines import GLYPH_NOTE, glyph_message
from parsers.grid_columns import BR, split_columns
from parsers.grid_repeats import columns_by_repeats
from parsers.grid_wraps import display, rejoin_wrapped_grids
from parsers.hard_breaks import read_hard_breaks
from parsers.line_joins import join_pieces
from parsers.markup_spans import strip_spans
from parsers.mojibake import EVIDENT, reverse_mojibake
from parsers.offset_text import OffsetText
from parsers.pipe_rows import (
    EMPHASIS,
    NO_COLUMNS,
    PIPE_ROW,
    PIPE_RULE,
    TAG,
    clean_cell,
    display_width,
    label_rest,
    loose_pipe_row,
    pipe_cells,
    pipe_row,
    repeated_values,
)

# ---------------------------------------------------------------------------------------------- detection
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HEADING_MARK = re.compile(r"^(?P<lead>\s*(?:#{1,6}\s+|>\s*)+)")
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
    if (glyphs := rejoin_glyph_labels(text)) is not None:
        # table 三's labels a glyph a line beside their values (pdfminer's lines of a narrow label column): read
        # by the template's labels, a row a line, first
        return _on_top(
            canonicalise(glyphs[0]), Canonical(glyphs[0], "glyph_labels", glyphs[1], glyphs[2], notes=glyphs[3])
        )
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
    pipe_rows = sum(1 for ln in lines if "|" in ln and PIPE_ROW.match(ln))
    if pipe_rows < 2 and _markdown_marked(lines):
        # html2text's tables: rows without the outer pipes (``规章| 0| 1| 1``) under a ``---|---`` rule
        pipe_rows = sum(1 for ln in lines if "|" in ln and loose_pipe_row(ln))
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
    repeated_at = repeated_values(lines) if pipe_rows >= 2 else {}
    grid = split_columns(lines, pipe_cells, lambda ln: bool(PIPE_ROW.match(ln))) if pipe_rows >= 2 else None
    # table 三's rows in a split grid that no header groups: grouped by the numbers' repeats and totals
    by_repeats = columns_by_repeats(lines, pipe_cells, lambda ln: bool(PIPE_ROW.match(ln))) if grid else {}
    repeated = 0
    decimals = 0  # numbers cut at their decimal point across two cells, joined
    stacked = 0  # rows parted from one grid row that holds them a <br> line each
    headings = 0  # rows parted from the next section's heading laid into the same grid row
    titles = 0  # rows parted from the next block's title laid into the same grid row
    several_titled = 0  # rows parted from the blocks' titles laid into one grid row with them, numbers in one cell
    headings_across = 0  # sections' headings cut across a grid row's cells, parted from it
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
        if "|" in line and PIPE_RULE.match(line) and "-" in line:
            pass  # the |---|---| rule under a header row: no content
        elif "|" in line and (PIPE_ROW.match(line) or loose_pipe_row(line)):
            rest: list[tuple[str, int]] = []
            at = pos + len(line) + 1
            # antiword: a label cell wrapped onto lines of its own under a row of values, joined to it
            while aligned and k + 1 < len(lines) and (more := label_rest(line, lines[k + 1])) is not None:
                rest.append((more[0], at + more[1]))
                at += len(lines[k + 1]) + 1
                k += 1
            if k in by_repeats:
                # the numbers fix the grouping: every grouping of the header's that differs misreads a row
                cut, parted, headed, titled, several, across = pipe_row(b, line, pos, rest, by_repeats[k])
                decimals, stacked, headings = decimals + cut, stacked + parted, headings + headed
                titles += titled
                several_titled += several
                headings_across += across
            elif grid is not None and k in grid.skip:
                # grid columns under one column's whole header (pymupdf4llm's split grid): read as one
                cut, parted, headed, titled, several, across = pipe_row(
                    b, line, pos, rest, grid.skip[k], grid.blank.get(k)
                )
                decimals, stacked, headings = decimals + cut, stacked + parted, headings + headed
                titles += titled
                several_titled += several
                headings_across += across
            else:
                # a row under other grid columns than its header's: the header's repeats are not its columns' either
                off = grid is not None and k in grid.off_header
                repeats = NO_COLUMNS if off else repeated_at.get(k, NO_COLUMNS)
                cut, parted, headed, titled, several, across = pipe_row(b, line, pos, rest, repeats)
                decimals, stacked, headings = decimals + cut, stacked + parted, headings + headed
                titles += titled
                several_titled += several
                headings_across += across
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
    if decimals:
        notes.append((
            "cut_decimal",
            f"{decimals} number(s) cut at the decimal point into the next cell (a whole number, then a cell that "
            "prints only a point and digits: a converter's grid cutting the line at a rule), or inside its thousands "
            "groups (a piece ending in a comma or a short group, the next cell's digits completing it), read as one "
            "number (a guess)",
        ))  # fmt: skip
    if stacked:
        notes.append((
            "stacked_rows",
            f"{stacked} row(s) read from grid rows that each hold several rows, a <br> line each (the label cell's "
            "lines starting as many labels as each value cell prints numbers): each line read as a row of its own",
        ))  # fmt: skip
    if headings:
        notes.append((
            "heading_in_row",
            f"{headings} grid row(s) holding a table's row and the next section's heading (its first line in the "
            "row's label cell, under the label): the row's numbers (each the first line of a cell) read as the row, "
            "the rest as the heading's line (a guess)",
        ))  # fmt: skip
    if titles:
        notes.append((
            "title_in_row",
            f"{titles} grid row(s) holding a table 二 row and the next block's title (第二十条第…项, its header's "
            "words) cut into its cells: the row's one number (the first line of a cell) read as the row's value, "
            "the rest as the title's line (a guess)",
        ))  # fmt: skip
    if several_titled:
        notes.append((
            "rows_in_title_row",
            f"{several_titled} table 二 row(s) read from grid rows holding them and the blocks' titles (第二十条第…项, "
            "信息内容), as many numbers stacked in one cell as labels: each label read with the number in its "
            "place among them, top to bottom (a guess)",
        ))  # fmt: skip
    if headings_across:
        notes.append((
            "heading_across_cells",
            f"{headings_across} section heading(s) cut across a grid row's cells, a piece a cell (each cell's first "
            "line above a table's header, or its second line under a row's values), joined in the cells' order into "
            "the template's heading: written on a line of their own, the row's other lines as the row (a guess)",
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
    if "," in text and is_csv(text):
        csv_text, csv_canon, csv_orig = read_csv(text)
        return Canonical(csv_text, "tab", csv_canon, csv_orig)
    if not is_boxes(text):
        return Canonical(text, _plain_convention(text))
    b = OffsetText()
    pieces, joined, glyphs = rejoin(text)
    for piece, orig in pieces:
        b.add(piece, orig)
    notes = [(GLYPH_NOTE, glyph_message(glyphs))] if glyphs else []
    return Canonical("".join(b.parts), "boxes", b.canon, b.orig, rejoined=joined, notes=notes)


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
        ("|" in ln and "-" in ln and PIPE_RULE.match(ln)) or (ln[:4].lstrip().startswith("#") and _MD_HEADING.match(ln))
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
        if "|" in ln and PIPE_ROW.match(ln) and (body := ln.rstrip()).lstrip().startswith("|"):
            return display_width(body)
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


def _line(b: OffsetText, line: str, pos: int) -> None:
    """A line outside tables: heading marks and emphasis dropped, the rest as it stands."""
    start = 0
    if line.lstrip().startswith(("#", ">")) and (m := _HEADING_MARK.match(line)):
        start = m.end()
    body = line[start:]
    if "**" in body or "__" in body or "<" in body:
        cleaned = TAG.sub("", EMPHASIS.sub("", BR.sub(" ", body)))
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
        _line(b, TAG.sub(" ", fragment), pos)
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
            cell = clean_cell(cell)
            at = fragment.find(cell, cursor) if cell else -1
            if at >= 0:
                cursor = at + len(cell)
                b.add(cell, pos + at)
            else:
                b.add(cell, pos + cursor if cell else None)
        b.add("\n", None)
    b.add("\n", None)

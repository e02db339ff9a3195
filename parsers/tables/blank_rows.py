"""Table 四 printed with one of its three rows blank and nothing in the cells' place: which row is it?

Table 四 is one data row of 15 cells, three groups of five (行政复议, 未经复议直接起诉, 复议后起诉), each group's
总计 the sum of its other four. A group left blank (no case of that kind) and printed by a tool that drops empty
cells leaves ten values: the two groups' totals hold wherever the blank group is put, so the identities cannot
say where it goes. What can: the empty lines the tool prints for the blank cells. A tool that prints a cell a
line prints an empty cell as an empty paragraph (docx2txt, lynx, html2text's and BeautifulSoup's text of
``<p>&nbsp;</p>``): the blank group shows as a run of extra empty lines before the first value, between the
fifth and sixth, or after the last. Where the text prints nothing for them (lynx on ``<td></td>``, values laid
on one line with even spaces), nothing tells, and the reading is said to be open (review required).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from parsers.tables.solve import row_total_holds
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.tokens import TEXT, Token, number_value

N_COLS = len(REVIEW_COLUMNS)


def two_whole_rows(vals: Sequence[Token]) -> bool:
    """Ten values (two of table 四's three rows) that read as two whole rows: each five's total holds, so
    every choice of the blank row satisfies the identities alike."""
    if len(vals) != N_COLS * (len(REVIEW_ROWS) - 1):
        return False
    values = [number_value(t[TEXT]) for t in vals]
    if any(v is None for v in values):
        return False
    return all(row_total_holds(values[k : k + N_COLS]) for k in range(0, len(values), N_COLS))


def _newlines_around(text: str, start: int, end: int) -> int | None:
    """Line breaks between two offsets, when only whitespace (no-break spaces too) lies between; else None."""
    between = text[start:end]
    return between.count("\n") if not between.strip() else None


Span = tuple[int, int]  # a value's offsets in the text as printed (before any rewriting)


def _value_gaps(text: str, spans: Sequence[Span]) -> list[int] | None:
    """The line breaks between each two neighbouring values (``spans``); None when two values share a line or
    something other than white space stands between them."""
    gaps: list[int] = []
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        g = _newlines_around(text, a_end, b_start)
        if g is None or g < 1:
            return None
        gaps.append(g)
    return gaps


def blank_row_by_gaps(text: str, spans: Sequence[Span]) -> tuple[int, list[int]] | None:
    """The index of the blank row (0, 1, 2) of ten values printed a value a line (``spans``: their offsets in
    ``text``), from the empty lines the text prints around them: the line breaks before the first value (back to
    the text before it), between the fifth and the sixth, and after the last (up to the text after it), each less
    the gap every other pair of neighbouring values has. The one place with more empty lines than the others,
    and at least one more for each of the five blank cells, is the blank row's (fewer: the line breaks a tool
    prints between a table's rows or after the table, as BeautifulSoup prints the page's own line breaks between
    tags); None when the values are not a value a line with one even gap, or when no one place stands out. Also
    returns the extra line breaks seen at the three places."""
    gaps = _value_gaps(text, spans)
    if gaps is None:
        return None
    middle = gaps.pop(N_COLS - 1)
    if len(set(gaps)) != 1:
        return None
    normal = gaps[0]
    i = spans[0][0]
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = spans[-1][1]
    while j < len(text) and text[j].isspace():
        j += 1
    extra = [text.count("\n", i, spans[0][0]) - normal, middle - normal, text.count("\n", spans[-1][1], j) - normal]
    best = max(extra)
    if best < N_COLS or extra.count(best) > 1:
        return None  # each of the five blank cells prints a line break at least, where it prints at all
    return extra.index(best), extra


def blank_row_by_bars(text: str, spans: Sequence[Span]) -> tuple[int, list[int]] | None:
    """The index of the blank row (0, 1, 2) of ten values printed in a pipe row whose every cell, blank ones too,
    prints between ``|`` bars (turndown's Markdown of cells that hold paragraphs: each cell's text on lines of its
    own, `` | `` / ``0`` / `` | ``, a blank cell two bars with white space between): one bar between neighbouring
    values but at one of three places, before the first value (back over white space and bars to the header's
    last text: the header row's closing bar and the row's opening bar, two), between the fifth and the sixth, or
    after the last (to the text after the table: the row's closing bar), where five more bars stand, one for each
    blank cell. None otherwise (anything but white space and bars between values, or bars in other numbers). Also
    returns the extra bars counted at the three places."""
    if len(spans) != 2 * N_COLS:
        return None
    bars: list[int] = []
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        between = text[a_end:b_start]
        if "|" not in between or between.replace("|", "").strip():
            return None
        bars.append(between.count("|"))
    middle = bars.pop(N_COLS - 1)
    if any(n != 1 for n in bars):
        return None
    i = spans[0][0]
    while i > 0 and (text[i - 1].isspace() or text[i - 1] == "|"):
        i -= 1
    j = spans[-1][1]
    while j < len(text) and (text[j].isspace() or text[j] == "|"):
        j += 1
    extra = [text.count("|", i, spans[0][0]) - 2, middle - 1, text.count("|", spans[-1][1], j) - 1]
    if sorted(extra) != [0, 0, N_COLS]:
        return None
    return extra.index(N_COLS), extra


_DASH_MARK = re.compile(r"[—–\-－一~～]+")  # a blank cell's dash as tools and OCR print it (OCR's 一 for —)


def blank_row_by_marks(text: str, spans: Sequence[Span]) -> int | None:
    """The index of the blank row (0, 1, 2) of ten values printed on one line where the blank row's five cells
    print a dash each (``— — — — — 0 1 0 0 1 0 0 0 0 0``; OCR reads a dash as ``一``): five marks, nothing else,
    before the first value, between the fifth and the sixth, or after the last (to the line's end), and no mark
    at the other two places. None otherwise."""
    if len(spans) != 2 * N_COLS:
        return None
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    line_end = text.find("\n", spans[-1][1])
    line_end = len(text) if line_end < 0 else line_end
    if text.find("\n", line_start, spans[-1][1]) >= 0:
        return None  # not one line
    places = [
        text[line_start : spans[0][0]].split(),
        text[spans[N_COLS - 1][1] : spans[N_COLS][0]].split(),
        text[spans[-1][1] : line_end].split(),
    ]
    if any(not all(_DASH_MARK.fullmatch(w) for w in words) for words in places):
        return None
    marked = [k for k, words in enumerate(places) if words]
    if len(marked) != 1 or len(places[marked[0]]) != N_COLS:
        return None
    return marked[0]


def blank_row_by_empty_fields(text: str, spans: Sequence[Span]) -> tuple[int, int] | None:
    """The index of the blank row (0, 1, 2) of ten values printed on one Markdown pipe row whose grid is not the
    table's 15 columns (markitdown's text of a PDF: a grid of the page's rules, two values in a field at times,
    ``|     |     |     |  0  |  0  | …``): the row's empty fields stand in one of the three places only, before
    the first value, between the fifth and the sixth, or after the last, and none at the other two. Also
    returns the empty fields counted there. None otherwise (a field holding anything but values, none empty, or
    empty fields at two places)."""
    if len(spans) != 2 * N_COLS:
        return None
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if spans[-1][1] > line_end or not line.strip().startswith("|") or not line.strip().endswith("|"):
        return None
    bounds = [k for k, c in enumerate(line) if c == "|"]
    fields = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    at: list[int] = []
    for a, b in spans:
        k = next((k for k, (fa, fb) in enumerate(fields) if fa <= a - line_start and b - line_start <= fb), None)
        if k is None:
            return None
        at.append(k)
    values = set(at)
    for k in values:  # a field holds values only (one or two a field), nothing else (no-break spaces aside)
        inside = "".join(text[a:b] for (a, b), f in zip(spans, at, strict=True) if f == k)
        if "".join(line[fields[k][0] : fields[k][1]].split()) != "".join(inside.split()):
            return None
    empty = [k for k in range(len(fields)) if k not in values]
    places = [
        sum(1 for k in empty if k < at[0]),
        sum(1 for k in empty if at[N_COLS - 1] < k < at[N_COLS]),
        sum(1 for k in empty if k > at[-1]),
    ]
    if sum(places) != len(empty):
        return None  # an empty field among one row's values: the grid is not the cells'
    marked = [k for k, n in enumerate(places) if n]
    return (marked[0], places[marked[0]]) if len(marked) == 1 else None


WIDE = 2  # a row's room is at least this many times the widest space between its printed neighbours


def blank_row_by_spaces(text: str, spans: Sequence[Span], left: int) -> tuple[int, list[int]] | None:
    """The index of the blank row (0 or 1) of ten values printed on one line laid out by runs of spaces
    (``spans``: their offsets in ``text``): a tool that lays cells out in columns (poppler's ``-layout``,
    inscriptis, PyMuPDF's sorted text) keeps an empty cell's room, so a blank row shows as a gap where its five
    cells stand: before the first value (the line's indent beyond ``left``, the table's own left edge: its header
    lines' least indent) or between the fifth and the sixth. That gap must be at least :data:`WIDE` times the
    widest gap between any other two neighbouring values (several spaces each: single spaces are no layout) and
    the other place's must not be. A blank last row leaves no gap (the line ends): None, as when nothing stands
    out. Also returns the gaps (spaces) at the two places and the widest other."""
    if len(spans) != 2 * N_COLS:
        return None
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    between = [text[a_end:b_start] for (_, a_end), (b_start, _) in itertools.pairwise(spans)]
    head = text[line_start : spans[0][0]]
    if any(gap.strip(" \xa0") or not gap for gap in between) or head.strip(" \xa0"):
        return None  # not one line of values and spaces
    widths = [len(gap) for gap in between]
    places = [len(head) - left, widths.pop(N_COLS - 1)]
    others = max(widths)
    if min(widths) < 2:
        # values a single space apart somewhere: not laid out in columns, or columns squeezed (poppler's
        # ``-layout`` of a narrow table: ``0   1   0   0 1 0    0``); only five cells' room at least (two
        # characters a cell) tells: an indent beyond the table's left edge, the blank first row's, or a gap between
        # the fifth value and the sixth, the blank middle row's (pypdf's layout mode of narrow print: ``0 1  0 0 1``
        # and ``0  1 0 0  1`` thirteen spaces apart), the other place not wide
        room = max(WIDE * others, 2 * N_COLS)
        wide = [k for k, g in enumerate(places) if g >= room]
        if len(wide) == 1 and places[1 - wide[0]] < WIDE * others:
            return wide[0], [*places, others]
        return None
    wide = [k for k, g in enumerate(places) if g >= WIDE * others]
    if len(wide) != 1:
        return None
    return wide[0], [*places, others]


def row_under_header(text: str, spans: Sequence[Span], begin: int) -> tuple[int, list[str], list[str]] | None:
    """Table 四's ten values (``spans``) printed alone on one line, spaces (no-break ones too) between and around
    them: the line's offset, what stands between each two neighbouring values, and the table's non-empty lines from
    the line of offset ``begin`` (its first head) up to the row's, their ends stripped. None otherwise."""
    if len(spans) != 2 * N_COLS:
        return None
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    line_end = text.find("\n", spans[-1][1])
    line_end = len(text) if line_end < 0 else line_end
    between = [text[a_end:b_start] for (_, a_end), (b_start, _) in itertools.pairwise(spans)]
    if any(gap.strip(" \xa0") or not gap for gap in between) or text[line_start : spans[0][0]].strip(" \xa0"):
        return None  # not one line of values and spaces
    if text[spans[-1][1] : line_end].strip(" \xa0"):
        return None  # something printed after the last value
    first = text.rfind("\n", 0, begin) + 1
    lines = [line.rstrip(" \xa0\r") for line in text[first : max(line_start - 1, first)].split("\n")]
    return line_start, between, [line for line in lines if line.strip(" \xa0")]


# a table head line laid out in columns: four words at least, each two apart by two spaces or more
_LAID_HEAD = re.compile(r"\S+(?:[ \xa0]{2,}\S+){3,}")
PITCH_SLACK = 2  # characters a layout's cell pitch may vary by within a row (columns of unequal width, squeezed gaps)
EDGE_SLACK = 2  # spaces a row's first value may stand beyond the table's left edge and still be in its first column


def blank_row_by_right_edge(text: str, spans: Sequence[Span], begin: int) -> tuple[int, int, int] | None:
    """The last row blank (2) of ten values printed on one line laid out by spaces (``spans``), when the text
    places it: the line starts at the table's left edge (the least indent of its lines from ``begin``, the table's
    first head, to the row: no room for a blank first row) and ends short of the table's right edge (the furthest
    end of its head lines laid out in columns) by five cells' room at least (two characters a cell), while no gap
    between the fifth value and the sixth stands out as a blank middle row's room. A tool that squeezes a row's
    spaces (pypdf's layout mode) keeps where the row starts and ends, so this holds where
    :func:`blank_row_by_spaces` finds no gap. Only where the row's values stand at an even pitch (a grid's cells, but
    for the gap between the fifth and the sixth). Returns (2, the row's indent beyond the table's left, the room short
    of its right edge); None when the text lays nothing out or the edges do not tell."""
    if (row := row_under_header(text, spans, begin)) is None:
        return None
    line_start, between, lines = row
    # a tool's layout pads with spaces; no-break spaces are the cells' own (a page's text: BeautifulSoup's, cells
    # joined by their padding), pipes a grid's rules: neither lays the row out by position
    laid = [line for line in lines if "|" not in line and "\xa0" not in line and _LAID_HEAD.search(line)]
    widths = [len(gap) for gap in between]
    if not laid or any(gap.strip(" ") for gap in between) or 2 * sum(w >= 2 for w in widths) <= len(widths):
        return None  # head or row not laid out in columns by spaces (pipes, single spaces): the ends tell nothing
    left = min(len(line) - len(line.lstrip(" \xa0")) for line in lines)
    right = max(len(line) for line in laid)
    indent = spans[0][0] - line_start - left
    short = right - (spans[-1][1] - line_start)
    middle = widths.pop(N_COLS - 1)
    if indent > EDGE_SLACK or short < 2 * N_COLS or middle >= max(WIDE * max(widths), 2 * N_COLS):
        return None
    # cells of a layout stand at an even pitch (their columns' widths): values spaced at random (cells joined by
    # runs of spaces, no grid) are no layout, whatever their line's ends
    pitches = [b[0] + b[1] - a[0] - a[1] for a, b in itertools.pairwise(spans)]  # twice the centres' distance
    del pitches[N_COLS - 1]
    if max(pitches) - min(pitches) > 2 * PITCH_SLACK:
        return None
    # and under their heads: most values' centres within a few characters of a head word's centre on the laid head
    # lines (cells joined by a fixed separator under words of another width stand under none)
    centres = [2 * m.start() + len(m.group()) - 1 for line in laid for m in re.finditer(r"[^ ]+", line)]
    under = sum(any(abs(a + b - 2 * line_start - 1 - c) <= 2 * PITCH_SLACK for c in centres) for a, b in spans)
    if under < len(spans) - 2:
        return None
    return 2, indent, short


# pandoc's simple and multiline tables (its plain and Markdown writers): a line of dash runs, one per column,
# under the header or above the table
_RULER = re.compile(r"^ *-{2,}(?: +-{2,})+ *$", re.M)
# the same inside a portal's one-column layout frame (pandoc's plain writer: ``|   ------ ------ … |``), or a piece of
# a ruler the frame wrapped (one dash run and more); never a line of dashes alone (a heading's underline, a rule)
_FRAMED_RULER = re.compile(r"^\| +-{2,}(?: +-+)* *\|$", re.M)


def columns_by_ruler(text: str, spans: Sequence[Span], n: int, begin: int) -> list[int] | None:
    """The column of each value of a row printed on one line under a pandoc table's ruler of ``n`` dash runs
    (the nearest such ruler above the row, after ``begin``): the run whose extent holds the value. None when
    there is no such ruler, a value falls outside every run, or two values fall in one."""
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    if text.find("\n", line_start, spans[-1][1]) >= 0:
        return None  # not one line
    ruler = None
    for m in _RULER.finditer(text, begin, line_start):
        if len(m.group().split()) == n:
            ruler = m
    if ruler is None:
        return None
    runs = [(m.start(), m.end()) for m in re.finditer(r"-+", ruler.group())]  # offsets in the ruler's line
    out: list[int] = []
    for a, b in spans:
        x0, x1 = a - line_start, b - line_start
        hits = [k for k, (ra, rb) in enumerate(runs) if ra <= x0 and x1 <= rb]
        if len(hits) != 1 or (out and hits[0] <= out[-1]):
            return None
        out.append(hits[0])
    return out


def ruled_above(text: str, begin: int, end: int) -> bool:
    """Does a pandoc table's ruler (a line of dash runs) print between offsets ``begin`` and ``end``: the table is
    laid out in columns, its blank cells printed as spaces in their place?"""
    return _RULER.search(text, begin, end) is not None or _FRAMED_RULER.search(text, begin, end) is not None


def columns_by_pipes(text: str, spans: Sequence[Span], n: int) -> list[int] | None:
    """The column of each value of a row printed on one line between ``|`` rules with its blank cells empty
    (``| 0 | 0 |  |  | 1 |``; html2text's ``0| 0| | | 1``, no edge rules; markitdown's table flattened into one
    line with the text around it): the one run of ``n`` fields that holds every value, each a field of its own,
    and nothing else. None when no run or several do."""
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    if spans[-1][1] > line_end or "|" not in text[line_start:line_end]:
        return None
    line = text[line_start:line_end]
    bounds = [-1, *(k for k, c in enumerate(line) if c == "|"), len(line)]
    fields = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):  # a Markdown row's edge rules (trafilatura)
        fields = fields[1:-1]
    # html2text prints no edge rules: a row that starts with a bar and does not end with one starts with an empty
    # cell (``|  |  |  |  | 0 | 1 | …``), the field before the bar
    at: list[int] = []
    for a, b in spans:
        k = next((k for k, (fa, fb) in enumerate(fields) if fa <= a - line_start and b - line_start <= fb), None)
        if k is None or line[fields[k][0] : fields[k][1]].strip() != text[a:b] or (at and k <= at[-1]):
            return None
        at.append(k)
    empty = [not line[fa:fb].strip() for fa, fb in fields]
    taken = set(at)
    windows = [
        w
        for w in range(max(0, at[-1] - n + 1), min(at[0], len(fields) - n) + 1)
        if all(empty[k] for k in range(w, w + n) if k not in taken)
    ]
    if len(windows) != 1:
        return None
    return [k - windows[0] for k in at]


def place_rows(vals: Sequence[Token], blank: int) -> list[Token | None]:
    """Ten values laid in table 四's 15 cells, the ``blank`` row left blank."""
    out: list[Token | None] = []
    it = iter(vals)
    for row in range(len(REVIEW_ROWS)):
        out += [None] * N_COLS if row == blank else [next(it) for _ in range(N_COLS)]
    return out


def whole_rows_blank(printed: Sequence[Token | None]) -> bool:
    """The blank cells of table 四's 15 make whole rows (each row all blank or all printed)."""
    rows = [printed[k : k + N_COLS] for k in range(0, len(printed), N_COLS)]
    return all(all(t is None for t in row) or all(t is not None for t in row) for row in rows)


def leading_newlines(text: str, at: int) -> int:
    """Line breaks in the whitespace run that ends at offset ``at`` (back to the text before it)."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text.count("\n", i, at)


def blanks_by_lines(text: str, spans: Sequence[Span], n: int, start_base: int | None) -> list[int] | None:
    """The columns of a row's values printed a value a line (``spans``: their offsets in ``text``), fewer than
    its ``n`` cells, where the text prints each blank cell as an empty paragraph: the gap between two values is
    the row's least gap, plus that gap again for each blank cell between them (docx2txt's ``0\\n\\n\\n\\n0`` for
    one blank between two values); before the first value, the gap the table's full rows have there
    (``start_base``, None when unknown) plus as much for each blank cell before it. The blank cells not seen
    before or between the values are after the last one. None when a gap is not such a multiple, or the blank
    cells seen are more than the cells missing, or (``start_base`` unknown) fewer."""
    missing = n - len(spans)
    if missing <= 0 or len(spans) < 2:
        return None
    gaps = _value_gaps(text, spans)
    if gaps is None:
        return None
    unit = min(gaps)
    if any((g - unit) % unit for g in gaps):
        return None
    between = [(g - unit) // unit for g in gaps]
    before = 0
    if start_base is not None:
        extra = leading_newlines(text, spans[0][0]) - start_base
        if extra < 0 or extra % unit:
            return None
        before = extra // unit
    seen = before + sum(between)
    if seen > missing or (start_base is None and seen < missing) or seen == 0:
        return None
    cols = [before]
    for b in between:
        cols.append(cols[-1] + 1 + b)
    return cols


ALIGN_SLACK = (
    1  # characters a column's values may stray from one another (start, end or middle) or a short row's from the column
)
MIN_FULL_ROWS = 3  # whole rows on one line that must agree on the columns before a short row is placed by them


def _line_laid_out(text: str, spans: Sequence[Span]) -> int | None:
    """The offset where the line of ``spans`` starts, when the values print on one line with only spaces
    between them; else None."""
    line_start = text.rfind("\n", 0, spans[0][0]) + 1
    for (_, a_end), (b_start, _) in itertools.pairwise(spans):
        gap = text[a_end:b_start]
        if not gap or gap.strip(" \xa0"):
            return None
    return line_start


def terminal_width(text: str) -> int:
    """The columns ``text`` takes on a terminal's grid: a wide (CJK) character two, any other one."""
    return len(text) + sum(1 for ch in text if ch >= "\u1100" and unicodedata.east_asian_width(ch) in "WF")


_width = terminal_width


def _xs(text: str, spans: Sequence[Span], ls: int, wide: bool) -> list[tuple[int, int]]:
    """The values' places on their line (from its start ``ls``): characters, or grid columns when ``wide``."""
    if not wide:
        return [(a - ls, b - ls) for a, b in spans]
    return [(_width(text[ls:a]), _width(text[ls:b])) for a, b in spans]


def _bands(rows: Sequence[Sequence[tuple[int, int]]], n: int) -> list[tuple[int, int]] | None:
    """The columns' bands of whole rows (their values' places), when they agree (see :func:`column_bands`)."""
    bands: list[tuple[int, int]] = []
    for k in range(n):
        xs = [row[k] for row in rows]
        lo, hi = min(a for a, _ in xs), max(b for _, b in xs)
        if all(max(e) - min(e) > ALIGN_SLACK for e in ([a for a, _ in xs], [b for _, b in xs], [a + b for a, b in xs])):
            return None  # this column's values line up neither by their start, nor their end, nor their middle
        if bands and lo <= bands[-1][1]:
            return None
        bands.append((lo, hi))
    return bands


def _uneven_gaps(rows: Sequence[Sequence[tuple[int, int]]]) -> bool:
    """Every row prints gaps of two widths or more between its values: no even separators (which print every gap
    alike, whatever the values' widths), a grid's columns (pypdf's layout mode of a narrow table whose wrapped labels
    fill their column, so that every row's label ends at one place)."""
    return all(len({b[0] - a[1] for a, b in itertools.pairwise(xs)}) > 1 for xs in rows)


def column_bands(
    text: str,
    rows: Sequence[Sequence[Span]],
    n: int,
    wide: bool = False,
    *,
    labelled: bool = True,
    single_spaced: bool = False,
) -> list[tuple[list[tuple[int, int]], int, int]]:
    """The places on the line (characters from its start, or, ``wide``, terminal columns: a CJK character two)
    each of ``n`` columns' values occupy, from whole rows (``rows``: their values' offsets, in text order) printed
    on one line each: a tool that lays a page out on a character grid (poppler's ``-layout``, pypdf's and
    pdfplumber's layout modes) or a terminal's (pandoc's plain tables) prints a column's values at the same place
    on every line of a page, whatever the label before them. The rows are taken in runs that agree (a table
    continued on another page may sit elsewhere there): each column's values starting, ending or centred within
    :data:`ALIGN_SLACK` of one another, the columns apart, the values apart by runs of spaces (most gaps two
    spaces or more: single spaces are no layout), and their labels not all as long (text laid out by even
    separators agrees on lines whose labels are as long: no grid; as long within :data:`ALIGN_SLACK`); OCR's
    spaces, proportional to the page, rarely agree so. Returns each run of :data:`MIN_FULL_ROWS` rows or more:
    its bands and the offsets of its first and last row. ``labelled`` False: lines that print no label (a row's
    part a frame cut off it, :mod:`parsers.tables.cut_rows`), whose heads are not compared. ``single_spaced``: a
    text laid out on a character grid as a whole (``parsers.conventions``' ``layout``) may print a narrow table's
    columns a single space apart (pdfplumber's and pypdf's layout modes of cells two characters wide); such a run
    is taken where its labels end at places more than :data:`ALIGN_SLACK` apart (values that line up under labels of
    unlike lengths: the grid's columns, not the separators')."""
    laid = [(s, ls) for s in rows if len(s) == n and (ls := _line_laid_out(text, s)) is not None]
    runs: list[list[tuple[Sequence[Span], int, list[tuple[int, int]]]]] = []
    for s, ls in laid:
        xs = _xs(text, s, ls, wide)
        if runs and _bands([*(r[2] for r in runs[-1]), xs], n) is not None:
            runs[-1].append((s, ls, xs))
        else:
            runs.append([(s, ls, xs)])
    out: list[tuple[list[tuple[int, int]], int, int]] = []
    for run in runs:
        if len(run) < MIN_FULL_ROWS:
            continue
        gaps = sorted(b[0] - a[1] for _, _, xs in run for a, b in itertools.pairwise(xs))
        heads = [(_width if wide else len)(text[ls : s[0][0]].rstrip()) for s, ls, _ in run]
        if gaps[len(gaps) // 2] < 2 and not (single_spaced and labelled and max(heads) - min(heads) > ALIGN_SLACK):
            continue  # values mostly a single space apart: not laid out in columns (but in a laid-out text's grid)
        if labelled and max(heads) - min(heads) <= ALIGN_SLACK and not _uneven_gaps([xs for _, _, xs in run]):
            continue  # as much text before every row's values: rows that agree by their labels, not by a grid
        bands = _bands([xs for _, _, xs in run], n)
        assert bands is not None
        out.append((bands, run[0][0][0][0], run[-1][0][-1][1]))
    return out


def columns_by_bands(
    text: str, spans: Sequence[Span], bands: Sequence[tuple[int, int]], wide: bool = False
) -> list[int] | None:
    """The column of each value of a short row printed on one line laid out by spaces (``spans``), by the
    ``bands`` the table's whole rows print their columns in (:func:`column_bands`, in the same measure): the one
    band each value overlaps, or lies within :data:`ALIGN_SLACK` of when it overlaps none. None when a value has
    no such band or two, or two values one."""
    ls = _line_laid_out(text, spans)
    if ls is None:
        return None
    out: list[int] = []
    for x0, x1 in _xs(text, spans, ls, wide):
        hits = [k for k, (lo, hi) in enumerate(bands) if x0 < hi and lo < x1]  # the bands it overlaps
        if not hits:  # or, overlapping none, the one it lies near
            hits = [k for k, (lo, hi) in enumerate(bands) if lo - ALIGN_SLACK <= x0 and x1 <= hi + ALIGN_SLACK]
        if len(hits) != 1 or (out and hits[0] <= out[-1]):
            return None
        out.append(hits[0])
    return out

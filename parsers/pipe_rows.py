"""Pipe rows (Markdown's, antiword's, a grid converter's) → TAB cells with offsets into the original line.

Split from :mod:`parsers.conventions`, which finds the rows; here each row's cells are found (bars not escaped,
display columns, cells repeated across a converter's split grid), cleaned of markup and placeholders, and written
as one TAB row: a label wrapped onto lines of its own joined to its row, numbers stacked in one cell by ``<br>``
spread over the cells the header names, a label cut across cells joined.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

from parsers.grid_columns import BR
from parsers.heading_cells import heading_across_cells, may_hold_heading
from parsers.nested_rows import row_ends, title_after
from parsers.offset_text import OffsetText
from parsers.sections import TITLES

PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
EMPHASIS = re.compile(r"\*\*|__")
TAG = re.compile(r"<[^>]{0,200}>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# what converters print for empty cells: column placeholders (pymupdf4llm ``Col1``, others ``数据1``), pandas'
# ``Unnamed: 3`` headers and ``NaN`` cells (markitdown on spreadsheets)
_PLACEHOLDER = re.compile(r"^(?:(?:Col|Column|列|数据)\s*\d{1,3}|Unnamed:\s*\d{1,3}(?:_level_\d)?|NaN|nan|None)$", re.I)
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def loose_pipe_row(line: str) -> bool:
    """A pipe row a converter broke: cells split by ``|`` without the outer pipes (``规章 | 0 | 0 | 0``)."""
    return len(_PIPE_SPLIT.findall(line)) >= 2


# a digit run led by 0 that ends a line printing values apart (after a space: ``17147 0<br>0``, ``0 0 0<br>0 0 0``)
# with a digit after the cell's line break: two stacked values, not one number cut over two lines (no number is
# printed with a leading zero); a line that is the run alone (``文<br>0<br>0``) is joined as before
_ZERO_LED_BREAK = re.compile(r"(?<=\s)(0\d*)<br\s*/?>(?=\s*\d)", re.I)


def clean_cell(cell: str) -> str:
    if "<" in cell:
        cell = _ZERO_LED_BREAK.sub(r"\1 ", cell)
    cell = BR.sub("", cell)
    cell = EMPHASIS.sub("", cell)
    if "<" in cell:
        cell = TAG.sub("", cell)
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


def label_rest(row: str, line: str) -> tuple[str, int] | None:
    """``line`` continues ``row``'s first cell (the rest of a wrapped label): both rows between bars in the same
    display columns, ``row`` holding a number after its label, ``line`` text in its first cell only, and that
    text no label's start (numbering, 其中). The text and its offset in ``line``; else None."""
    if not PIPE_ROW.match(line) or _bars(line) != _bars(row):
        return None
    cells = line.strip().strip("|").split("|")
    first = cells[0].strip()
    if not first or any(c.strip() for c in cells[1:]) or _NEW_LABEL.match(clean_cell(first)):
        return None
    if not any(re.search(r"\d", c) for c in row.strip().strip("|").split("|")[1:]):
        return None
    return first, line.index(first)


def pipe_cells(line: str) -> list[tuple[int, int]]:
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


def repeated_values(lines: list[str]) -> dict[int, set[int]]:
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
        if "|" not in line or not (PIPE_ROW.match(line) or loose_pipe_row(line)):
            heads, era, whole, stale = {}, {}, {}, set()  # a table ends at a line that is no pipe row
            continue
        if PIPE_RULE.match(line) and "-" in line:
            continue
        texts = [line[s:e].strip() for s, e in pipe_cells(line)]
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
    # pairs of grid columns under one header text whose rows do not repeat: that text is no merged cell's
    apart = {key for key, rows in runs.items() if not all(same for _, same in rows)}
    for (col, now, before), rows in runs.items():
        if not all(same for _, same in rows):
            continue
        if any((c == col - 1 and e == before) or (c == col + 1 and p == now) for c, e, p in apart):
            # a neighbouring pair under the same header text prints different values (``件数|件数|件数`` over
            # ``1|0|0``: three columns whose header's upper row another grid holds): the text is each column's own
            continue
        for k, _ in rows:
            out.setdefault(k, set()).add(col)
    return out


_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
NO_COLUMNS: set[int] = set()
_PIPE_RULE_CELL = re.compile(r"^:?-+:?$")


_NO_ENDS: frozenset[int] = frozenset()


def pipe_row(
    b: OffsetText,
    line: str,
    pos: int,
    rest: list[tuple[str, int]] | None = None,
    skip: set[int] | None = None,
    blank: set[int] | None = None,
) -> tuple[int, int, int, int, int, int]:
    """``| a | b | c |`` → ``a\\tb\\tc``: every cell kept, blank ones as empty strings; ``rest``: the rest of the
    first cell wrapped onto lines of its own (text, offset in the original), joined to it; ``skip``: columns left
    out (a value repeated from the column before: :func:`repeated_values`); ``blank``: columns read as empty
    (grid columns of one column that disagree: :mod:`parsers.grid_columns`). Returns the number of decimals
    joined across two cells (:func:`cut_decimals`), of the rows parted from one (:func:`stacked_rows`), of
    the rows parted from a heading (:func:`heading_row`), from a block's title (:func:`title_row`), of the rows
    parted from the blocks' titles with their numbers in one cell (:func:`titled_rows`) and of the headings cut
    across a row's cells parted from it (:func:`parsers.heading_cells.heading_across_cells`)."""
    cells = pipe_cells(line)
    if blank:
        cells = [(s, s) if col in blank else (s, e) for col, (s, e) in enumerate(cells)]
    if skip:
        cells = [c for col, c in enumerate(cells) if col not in skip]
    raw_cells = [line[s:e] for s, e in cells]
    rows = stacked_rows(raw_cells)
    if rows is not None:
        # several rows laid into one grid row, a <br> line each: written as lines of their own
        _write_rows(b, rows, [pos + start for start, _ in cells])
        return 0, len(rows), 0, 0, 0, 0
    parted = heading_row(raw_cells)
    if parted is not None:
        # a table's last row and the next section's heading laid into one grid row: the row, then the heading's
        # line (the row's numbers taken out of it)
        _write_rows(b, parted, [pos + start for start, _ in cells])
        return len(cut_decimals(raw_cells)) // 2, 0, 1, 0, 0, 0
    titled = title_row(raw_cells)
    if titled is not None:
        # a row of table 二 and the next block's title laid into one grid row: the row, then the title's line
        _write_rows(b, titled, [pos + start for start, _ in cells])
        return 0, 0, 0, 1, 0, 0
    titled = titled_rows(raw_cells)
    if titled is not None:
        # rows of table 二 and the blocks' titles laid into one grid row: each row, then the titles' line
        _write_rows(b, titled, [pos + start for start, _ in cells])
        return 0, 0, 0, 0, len(titled) - 1, 0
    across = heading_across_cells([_cell_lines(c) for c in raw_cells]) if may_hold_heading(line) else None
    if across is not None:
        # a section's heading cut across the row's cells, a piece a cell: the heading's line, and the row's
        _write_rows(b, across, [pos + start for start, _ in cells])
        return 0, 0, 0, 0, 0, 1
    repeated_labels = repeated_label_cells(raw_cells)
    if repeated_labels:
        # a merged label cell printed in each grid column it covers: read once (its copies left out)
        cells = [c for col, c in enumerate(cells) if col not in repeated_labels]
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
    decimals = cut_decimals(raw_cells)
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
            # for the values after the last one's text, or stacked under it (each a cell, in its place)
            if col == cut[0][0]:
                b.add(cut[1], pos + s + len(raw) - len(raw.lstrip()))
            elif cut[2] is not None and col == cut[2][0]:
                b.add(clean_cell(raw[cut[2][1] :]), pos + s + cut[2][1])
            elif col == cut[0][-1] and (under := _stacked_numbers(raw)) is not None and BR.search(raw):
                for n, (at, number) in enumerate(under[1:]):
                    if n:
                        b.add("\t", None)
                    b.add(number, pos + s + at)
            continue
        lead = len(raw) - len(raw.lstrip())
        if col in decimals:
            # a number cut at its decimal point across two cells: read whole in the first, the second empty
            b.add(decimals[col], pos + s + lead)
            continue
        if col == n_label and label is not None:
            # the label read line by line across its cells, as one more cell before the values
            b.add(label, pos + cells[0][0])
            b.add("\t", None)
        stacked = _stacked_numbers(raw, line[cells[col + 1][0] : cells[col + 1][1]] if col + 1 < len(cells) else "")
        if stacked is None:
            b.add(clean_cell(raw), pos + s + lead)
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
    return len(decimals) // 2, 0, 0, 0, 0, 0


def _write_rows(b: OffsetText, rows: list[list[tuple[str, tuple[int, int]]]], starts: list[int]) -> None:
    """Rows of (text, (cell, offset in it)) written a line each, their cells TAB apart; ``starts``: each cell's
    offset in the original."""
    for n, row in enumerate(rows):
        if n:
            b.add("\n", None)
        for col, (text, (cell, offset)) in enumerate(row):
            if col:
                b.add("\t", None)
            b.add(text, starts[cell] + offset)


def _cell_lines(cell: str) -> list[tuple[int, str]]:
    """A cell's ``<br>`` lines, cleaned, the empty ones left out, each with its offset in the cell."""
    out: list[tuple[int, str]] = []
    at = 0
    for m in [*BR.finditer(cell), None]:
        end = m.start() if m is not None else len(cell)
        piece = clean_cell(cell[at:end])
        if piece:
            out.append((at + len(cell[at:end]) - len(cell[at:end].lstrip()), piece))
        at = m.end() if m is not None else end
    return out


def _value_line(text: str) -> bool:
    return _STACKED_NUMBER.match(text) is not None or _STACKED_DASH.fullmatch(text) is not None


# a section's heading (``三、收到和处理政府信息公开申请情况``) on a line of its own in a grid cell
_SECTION = re.compile(r"^[二三四五六]、")


def heading_row(raw: list[str]) -> list[list[tuple[str, tuple[int, int]]]] | None:
    """A table's last row and the next section's heading (with its table's first header cells) laid into one grid
    row (pymupdf4llm's layout mode, where the heading stands close under the row: ``|行政事业性收费<br>三、收到和处理
    政府<br>|信息公开申请情况<br>|自|0|申<br>法人|…``): the first cell's lines a label (no digit), then a line that
    starts a section heading; the row's values each the first line of a cell after it, or a number cut at its
    point (:func:`cut_decimals`), and no other line of the row a number. Where the heading's title is begun in the
    first cell, a later cell's first line that does not continue it, over a line that does, is the label's last
    piece (``|行政事业性收<br>三、收到和处理|费<br>政府信息公|``); a value's piece ending in its point over its
    decimals in the next cell (``|4.<br>请人情况|64<br>|``) is kept as printed, for the table reader to leave blank.
    The label cell's one line may print the label and the heading whole apart by a space (:func:`_spaced_heading`),
    a value cell two values apart by a space (2019's 政府集中采购). The row (label and values), then the rest of
    the cells' text, the heading first; None for any other row."""
    if len(raw) < 2:
        return None
    if BR.search(raw[0]):
        lines = [_cell_lines(c) for c in raw]
    elif (spaced := _spaced_heading(raw[0])) is not None:
        lines = [spaced, *map(_cell_lines, raw[1:])]
    else:
        return None
    first = lines[0]
    at = next((k for k, (_, t) in enumerate(first) if k and _SECTION.match(t)), None)
    if at is None or any(_ANY_DIGIT.search(t) for _, t in first[:at]):
        return None
    decimals = cut_decimals(raw)
    label = "".join(t for _, t in first[:at])
    rest = [(" ".join(t for _, t in first[at:]), (0, first[at][0]))]
    # the heading's words still to come (its title as the template prints it), where its first line is begun
    title = TITLES.get(_SECTION_NUMERALS.index(first[at][1][0]) + 1, "")
    begun = "".join("".join(t for _, t in first[at:]).split())[2:]
    ahead = title[len(begun) :] if begun and title.startswith(begun) else ""
    values: list[tuple[str, tuple[int, int]]] = []
    for c in range(1, len(raw)):
        if c in decimals:
            if decimals[c]:
                values.append((decimals[c], (c, lines[c][0][0])))
            continue
        cell = lines[c]
        skip: set[int] = set()
        if ahead and not values and len(cell) > 1 and not _ANY_DIGIT.search(cell[0][1]):
            # the label's last piece on the cell's first line, the heading's next words under it (``费<br>政府信息公``)
            second = "".join(cell[1][1].split())
            if second and ahead.startswith(second) and not ahead.startswith("".join(cell[0][1].split())):
                label += cell[0][1]
                skip.add(0)
        for k, (_, t) in enumerate(cell):
            piece = "".join(t.split())
            if k not in skip and ahead and piece and ahead.startswith(piece):
                ahead = ahead[len(piece) :]
        numbers = [k for k, (_, t) in enumerate(cell) if _ANY_DIGIT.search(t)]
        if numbers and (
            numbers != [0]
            or not (_STACKED_NUMBER.match(cell[0][1]) or _SPACED_PAIR.fullmatch(cell[0][1]) or _cut_at_point(lines, c))
        ):
            return None
        if numbers:
            values.append((cell[0][1], (c, cell[0][0])))
        text = " ".join(t for k, (_, t) in enumerate(cell) if k not in numbers and k not in skip)
        rest.append((text, (c, cell[-1][0] if text else 0)))
    return [[(label, (0, first[0][0])), *values], rest] if values else None


_SECTION_NUMERALS = "一二三四五六"
_SPACED = re.compile(r"\s([二三四五六])、")


def _spaced_heading(cell: str) -> list[tuple[int, str]] | None:
    """A label cell's one line that prints the label, a space, and the next section's heading whole to the line's
    end (pymupdf4llm's plain grid joining the lines of a table's last row and the heading under it:
    ``政府集中采 购 三、收到和处理政府信息公开申请情况``): the label (its spaces dropped) and the heading, as two
    lines of the cell with their offsets; None for any other cell."""
    if "、" not in cell or (m := _SPACED.search(cell)) is None:
        return None
    title = TITLES.get(_SECTION_NUMERALS.index(m.group(1)) + 1, "")
    label = "".join(clean_cell(cell[: m.start()]).split())
    if "".join(cell[m.end() :].split()) != title or not label or _ANY_DIGIT.search(label):
        return None
    return [(len(cell) - len(cell.lstrip()), label), (m.start(1), clean_cell(cell[m.start(1) :]))]


_ENDS_IN_POINT = re.compile(r"\d+\.")
# two values in one cell apart by a space (2019's 政府集中采购 count and amount: ``0 114.71``)
_SPACED_PAIR = re.compile(r"\d+ \d[\d,]*(?:\.\d+)?")


def _cut_at_point(lines: list[list[tuple[int, str]]], c: int) -> bool:
    """Cell ``c``'s first line is a number's piece ending in its point and the next cell's first line its decimals
    (``4.<br>请人情况|64``: cut at a rule; the table reader leaves such a cut blank, ``number_cut_blank``)."""
    after = lines[c + 1] if c + 1 < len(lines) else []
    return _ENDS_IN_POINT.fullmatch(lines[c][0][1]) is not None and bool(after) and after[0][1].isdigit()


# a block's title of table 二 (2021's 第二十条第（五）项), cut into a grid row's cells
_BLOCK_TITLE = re.compile(r"第二十条(?:第|[（(][一二三四五六七八九十]+[）)])")


def title_row(raw: list[str]) -> list[list[tuple[str, tuple[int, int]]]] | None:
    """A row of table 二 and the next block's title (with its header's words) laid into one grid row
    (pymupdf4llm's layout mode, where no rule parts them: ``|行政强制|第二十条第|（八|8<br>）项|``,
    ``|行政许可<br>第二十条第<br>信息内容|（六）|项|本年处|103<br>理决定|``): the first cell's first line a label (no
    digit, no numbering, no title), the other lines' text, joined in the cells' order, the block's title
    (第二十条第, or 第二十条 and its item in brackets where the grid cut 第 away), and exactly one number in the row,
    the first line of a cell after the first, no other digit; a number alone in its cell where the title's cells
    stand between it and the label (``|行政强制<br>|第二十条第|（八）|项|1|``: the title lies beside the row, its
    number no title's). The row (the label and that number), then the rest of the cells' text, each in its cell;
    None for any other row."""
    if len(raw) < 3 or not any(BR.search(c) for c in raw):
        return None
    lines = [_cell_lines(c) for c in raw]
    if not lines[0]:
        return None
    label = lines[0][0][1]
    if _ANY_DIGIT.search(label) or _NEW_LABEL.match(label) or not _IDEOGRAPH.search(label) or "第" in label:
        return None
    numbers = [(c, k) for c, cell in enumerate(lines) for k, (_, t) in enumerate(cell) if _ANY_DIGIT.search(t)]
    if len(numbers) != 1:
        return None
    c, k = numbers[0]
    if c == 0 or k != 0 or not _STACKED_NUMBER.match(lines[c][0][1]):
        return None
    if len(lines[c]) < 2 and not any(lines[n] for n in range(1, c)):
        return None  # a number alone in its cell, no text between it and the label: the row's as printed
    rest_text = "".join(
        t for n, cell in enumerate(lines) for m, (_, t) in enumerate(cell) if (n, m) not in {(0, 0), (c, 0)}
    )
    if not _BLOCK_TITLE.search(rest_text):
        return None
    row = [(label, (0, lines[0][0][0])), (lines[c][0][1], (c, lines[c][0][0]))]
    rest: list[tuple[str, tuple[int, int]]] = []
    for n, cell in enumerate(lines):
        kept = [(at, t) for m, (at, t) in enumerate(cell) if (n, m) not in {(0, 0), (c, 0)}]
        rest.append(("".join(t for _, t in kept), (n, kept[0][0] if kept else 0)))
    return [row, rest]


# a block's header word, no row's label (``信息内容`` over 行政许可's row in table 二)
_HEADER_WORD = "信息内容"


def titled_rows(raw: list[str]) -> list[list[tuple[str, tuple[int, int]]]] | None:
    """Several rows of table 二 and the blocks' titles between them laid into one grid row (pymupdf4llm's layout
    mode, where no rule parts them: ``|信息内容<br>行政许可<br>信息内容<br>行政处罚<br>行政强制<br>信息内容|第二十条第
    <br>第二十条第|（六）<br>（八）|…|决定数<br>0<br>决定数<br>2<br>2<br>（单位：|…``): the first cell's lines the
    header's 信息内容 and k labels (no digit, no numbering, no 第), k one at least; every number of the row in one
    cell after the first, k of them, each a line of its own, no other digit in the row; the other lines' text, joined
    in the cells' order, a block's title (第二十条第). Each label with the number in its place among the k (the
    i-th label's the i-th number, top to bottom, as both columns print the rows' order), then the rest of the
    cells' text, each in its cell; None for any other row (a row with one label first is :func:`title_row`'s)."""
    if len(raw) < 3 or not BR.search(raw[0]):
        return None
    lines = [_cell_lines(c) for c in raw]
    labels = [(at, t) for at, t in lines[0] if t != _HEADER_WORD]
    if not labels or len(labels) == len(lines[0]):
        return None  # no header word among the labels: not the blocks' titles laid in
    for _, t in labels:
        if _ANY_DIGIT.search(t) or _NEW_LABEL.match(t) or not _IDEOGRAPH.search(t) or "第" in t:
            return None
    numbers = [(c, k) for c, cell in enumerate(lines) for k, (_, t) in enumerate(cell) if _ANY_DIGIT.search(t)]
    if len(numbers) != len(labels) or len({c for c, _ in numbers}) != 1 or numbers[0][0] == 0:
        return None
    c = numbers[0][0]
    if not all(_STACKED_NUMBER.match(lines[c][k][1]) for _, k in numbers):
        return None
    taken = {(0, k) for k, (_, t) in enumerate(lines[0]) if t != _HEADER_WORD} | set(numbers)
    rest_text = "".join(t for n, cell in enumerate(lines) for m, (_, t) in enumerate(cell) if (n, m) not in taken)
    if not _BLOCK_TITLE.search(rest_text):
        return None
    rows = [
        [(t, (0, at)), (lines[c][k][1], (c, lines[c][k][0]))] for (at, t), (_, k) in zip(labels, numbers, strict=True)
    ]
    rest: list[tuple[str, tuple[int, int]]] = []
    for n, cell in enumerate(lines):
        kept = [(at, t) for m, (at, t) in enumerate(cell) if (n, m) not in taken]
        rest.append(("".join(t for _, t in kept), (n, kept[0][0] if kept else 0)))
    return [*rows, rest]


def stacked_rows(raw: list[str]) -> list[list[tuple[str, tuple[int, int]]]] | None:
    """Several rows of a table laid into one grid row, a ``<br>`` line each (pymupdf4llm's layout mode where no
    rule parts them: ``|（一）予以公开<br>（二）部分公开（区分处理的，<br>只计这一情形…）|3<br>14|0<br>1|…``): the
    last label cell's lines start k labels (numbering, 其中), k two at least, and every value cell prints exactly k
    numbers, a line each (or nothing: blank in every row). Each row: its cells as (text, (cell, offset in it)),
    the cells before the last label cell repeated; None for any other row."""
    if len(raw) < 2 or not any(BR.search(c) for c in raw):
        return None
    lines = [_cell_lines(c) for c in raw]
    n_label = 0
    while n_label < len(raw) and lines[n_label] and not all(_value_line(t) for _, t in lines[n_label]):
        n_label += 1
    if n_label == 0 or n_label == len(raw):
        return None
    groups: list[list[tuple[int, str]]] = []
    for at, text in lines[n_label - 1]:
        if _NEW_LABEL.match(text):
            groups.append([(at, text)])
        elif groups:
            groups[-1].append((at, text))
        else:
            return None
    values = lines[n_label:]
    counts = {len(v) for v in values if v}
    if len(counts) == 1 and min(counts) < len(groups):
        groups = _items_under_heads(groups)
    k = len(groups)
    if k < 2 or not any(values) or any(v and (len(v) != k or not all(_value_line(t) for _, t in v)) for v in values):
        return None
    rows: list[list[tuple[str, tuple[int, int]]]] = []
    for i in range(k):
        row = [(" ".join(t for _, t in lines[c]), (c, lines[c][0][0])) for c in range(n_label - 1)]
        row.append(("".join(t for _, t in groups[i]), (n_label - 1, groups[i][0][0])))
        for c, v in enumerate(values, start=n_label):
            row.append((v[i][1], (c, v[i][0])) if v else ("", (c, 0)))
        rows.append(row)
    return rows


# a group's head (``（三）不予公开``: numbering of the outer level) and its first item (``1.属于国家秘密``)
_GROUP_HEAD = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_FIRST_ITEM = re.compile(r"^1[.．、]")


def _items_under_heads(groups: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """Labels stacked in one grid cell, a group's head among them with its first item under it (``（三）不<br>予公开
    <br>1.属于国<br>家秘密``): the head prints no values of its own (its items do), so it is read with its first
    item as one label (``（三）不予公开1.属于国家秘密``, as the template's two label columns print it)."""
    out: list[list[tuple[int, str]]] = []
    k = 0
    while k < len(groups):
        if k + 1 < len(groups) and _GROUP_HEAD.match(groups[k][0][1]) and _FIRST_ITEM.match(groups[k + 1][0][1]):
            out.append(groups[k] + groups[k + 1])
            k += 2
            continue
        out.append(groups[k])
        k += 1
    return out


_WHOLE = re.compile(r"^\d+$")
_FRACTION = re.compile(r"^[.．]\s?(\d+)$")


def cut_decimals(raw: list[str]) -> dict[int, str]:
    """A number cut at its decimal point into the next cell (pymupdf4llm's layout grid cutting a line at a rule
    that runs through it: ``|44<br><br>|. 77|``): a cell whose one line is a whole number, the next cell's one
    line a point and digits (``. 77``, a piece no other reading takes), the cell after it not starting with a
    digit (``|240|.958|653|``: cut at more places, the table reader joins its pieces under their header cell).
    Column → its text: the joined number in the first cell (``44.77``), nothing in the second. So too a number cut
    inside its thousands groups (``|4,|264|``, ``|19,0|75|``): the first cell's one line digits and commas ending in
    a comma or in a group of fewer than three digits, the next cell's one line digits, the two together whole groups
    of three (a digit lost at the rule would leave a group short: not joined)."""
    lines = [[piece for piece in (clean_cell(p) for p in BR.split(cell)) if piece] for cell in raw]
    out: dict[int, str] = {}
    for col in range(len(raw) - 1):
        whole, frac = lines[col], lines[col + 1]
        if col in out or len(whole) != 1 or len(frac) != 1 or not _WHOLE.match(whole[0]):
            continue
        after = lines[col + 2] if col + 2 < len(raw) else []
        if after and _ANY_DIGIT.match(after[0]):
            continue  # more digits in the next cell: a number cut at more places, read by the table reader
        if (m := _FRACTION.match(frac[0])) is not None:
            out[col], out[col + 1] = f"{whole[0]}.{m.group(1)}", ""
    for col in range(len(raw) - 1):
        if col in out or col + 1 in out:
            continue
        head, tail = lines[col], lines[col + 1]
        if len(head) != 1 or len(tail) != 1 or not _GROUP_CUT.fullmatch(head[0]) or not tail[0].isdigit():
            continue
        after = lines[col + 2] if col + 2 < len(raw) else []
        if after and _ANY_DIGIT.match(after[0]):
            continue
        if _THOUSANDS.fullmatch(joined := head[0] + tail[0]) is not None:
            out[col], out[col + 1] = joined, ""
    return out


# a number cut inside its thousands groups (``4,`` | ``264``, ``19,0`` | ``75``): the first piece ends in a comma
# or in a group shorter than three digits, which no number prints; joined, the pieces must make whole groups again
_GROUP_CUT = re.compile(r"\d{1,3}(?:,\d{3})*,\d{0,2}")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


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
    the row's first value laid under its label, the others in their cells), or one line that prints a count and
    an amount apart by a semicolon (``政府集中采购<br>3；8.2``, 2019's 政府集中采购 in one cell): the label's piece
    first, then each number (the pair as one cell). None for any other cell (a label wrapped over lines is read as
    one, its lines joined)."""
    if "<" not in raw or not BR.search(raw):
        return None
    parts: list[tuple[int, str]] = []
    lead: list[tuple[int, str]] = []  # the label's lines before the numbers
    glued = False  # the label's last line ends in a number
    pair = False  # the one line after the label's a count and an amount apart by a semicolon
    at = 0
    for m in [*BR.finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        piece = raw[at:end].strip()
        if piece:
            where = raw.index(piece, at)
            if _STACKED_NUMBER.match(piece) or _STACKED_DASH.fullmatch(piece):
                parts.append((where, piece))
            elif lead and not parts and not glued and _COUNT_AMOUNT.fullmatch(piece):
                pair = True  # a count and an amount in one cell (2019's 政府集中采购), under the label's lines
                parts.append((where, piece))
            elif parts or glued or not _IDEOGRAPH.search(piece):
                return None
            elif _ANY_DIGIT.search(piece):
                # the label's last line with the row's first value glued to it (``行政规范性文件1<br>0<br>0``:
                # pymupdf4llm's layout mode laying a one-field row, label and first value on one line): kept
                # whole as the label's piece, the table reader parts it (``glued_number``)
                if _GLUED_END.fullmatch(piece) is None:
                    return None
                glued = True
                lead.append((where, piece))
            else:
                lead.append((where, piece))
        at = m.end() if m is not None else end
    if pair:
        # the label's lines, then its row's count and amount (``政府集中采购<br>3；8.2``): two cells, as the row
        # prints them where its grid parts them (the table reader reads the pair as it reads such a cell)
        return [(lead[0][0], "".join(p for _, p in lead)), *parts] if len(parts) == 1 else None
    if not any(_STACKED_NUMBER.match(p) for _, p in parts):
        return None  # dashes alone: no number's cells to part
    if lead:
        # two numbers at least: a label's one number is its item's numbering (``（四）<br>无法提<br>供<br>1`` before
        # ``.本机关不掌握…`` in the next cell), unless a number follows in the next cell or is glued to the label
        one = len(parts) == 1 and (glued or _STACKED_NUMBER.match(after.strip()) is not None)
        return [(lead[0][0], "".join(p for _, p in lead)), *parts] if len(parts) > 1 or one else None
    return parts if len(parts) > 1 else None


_ANY_DIGIT = re.compile(r"\d")
# 2019's 政府集中采购 cell: its count and its amount apart by a semicolon (``3；8.2``)
_COUNT_AMOUNT = re.compile(r"\d+[；;]\d[\d,]*(?:\.\d+)?")
# a label's line, no digit in it, that ends in ideographs and then one number (``行政规范性文件1``)
_GLUED_END = re.compile(r"[^\d]*[\u4e00-\u9fff]\d[\d,]*(?:\.\d+)?")


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
        pieces.append(clean_cell(cell[m.start() :]))
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


def repeated_label_cells(raw: list[str]) -> set[int]:
    """A value row's label cells that repeat the label cell before them: pymupdf4llm's grid printing a merged label
    cell in each grid column it covers (``|（五）不<br>予处理|（五）不<br>予处理|1.信访…|1.信访…|0|…``), left out:
    the label read once, as the template prints it. Only a label's text (an ideograph, no value on a line of its
    own) and only before the row's first value; a header row (no value) is kept whole."""
    n = _n_label_cells(raw)
    if n >= len(raw):
        return set()
    out: set[int] = set()
    prev = ""
    for k in range(n):
        text = clean_cell(raw[k])
        if not text:
            continue
        if text == prev and _IDEOGRAPH.search(text) and not any(_value_line(p) for _, p in _cell_lines(raw[k])):
            out.add(k)
        prev = text
    return out


def _wrapped_label(raw: list[str]) -> str | None:
    """A label a converter cut into several cells *and* lines (a narrow label column laid over three cells:
    ``一、本年新<br>数量 | 收政府信息公 | 开申请``), read line by line across the cells. None when the row's
    label cells hold no wrapped lines. Cells that are separate labels each wrapped give a reading that matches
    nothing, so the cells are kept as well; where every cell after the first opens a label of its own (numbering),
    none is read so (a label's copies a grid printed: left out before, :func:`repeated_label_cells`)."""
    n = _n_label_cells(raw)
    label_cells = [c for c in raw[:n] if c.strip()]
    if len(label_cells) < 2 or not any(BR.search(c) for c in label_cells):
        return None
    if all(_NEW_LABEL.match(clean_cell(c)) for c in label_cells[1:]):
        # every cell after the first opens a label of its own (``（五）不<br>予处理|1.信访举<br>报投诉类<br>申请``):
        # labels each wrapped in its own cell, none cut across cells; read line by line they would make one that
        # matches nothing, which the table reader takes for the row's label where the row prints more values
        # than cells (its values then left unassigned)
        return None
    if not any(_wrapped(c) for c in label_cells) and _GLUED_TAIL.match(_TRAILING_BREAKS.sub("", label_cells[-1])):
        # one line in each cell, the last piece's with the row's first value against it and empty lines after it
        # (``|其他对外管理服务|事项357<br>|—|361||``): a label cut on one line (:func:`_cut_label`)
        return None
    if _stacked_numbers(label_cells[-1]) is not None:
        # its last cell the label's end and the row's first values a line each (``其他对外管|理服务事项<br>5<br>0``):
        # read line by line, the values would join the label (其他对外管理服务事项50); the cells are read as they are
        return None
    lines = [[clean_cell(part) for part in BR.split(c)] for c in label_cells]
    depth = max(len(ls) for ls in lines)
    return "".join(ls[i] for i in range(depth) for ls in lines if i < len(ls))


# the units the 2008 template's 单位 column prints (``parsers.tables.legacy``'s): a cell of its own, no label's piece
_UNIT_CELLS = frozenset({"件", "条", "个", "次", "人", "人次", "篇", "项", "万元", "元", "场", "期", "家", "份"})
# a label's last piece with the row's first value after it (``请数量  15``)
_LABEL_TAIL = re.compile(r"^(\s*\S*?[^\d\s])\s+([+-]?\d[\d,]*(?:\.\d+)?(?:\s+[+-]?\d[\d,]*(?:\.\d+)?)*)\s*$")
# a label's last piece with the row's one value printed against it (``性收费0``, ``收费44.77``): its last character
# an ideograph
_GLUED_TAIL = re.compile(r"^(\s*\S*?[\u4e00-\u9fff])([+-]?\d[\d,]*(?:\.\d+)?)\s*$")


def stacked_label_end(cell: str) -> str | None:
    """A label's last piece cut into a grid cell of its own that stacks the row's values under it, a ``<br>`` line
    each (``文件1<br>0<br>102``: pymupdf4llm's layout grid cutting ``行政规范性文件`` at a rule, the row's cells laid
    into the piece's): the piece (with the row's first value if it is glued to it), where the cell's first line is
    no label of its own (numbering) and no digit but a value glued at its end, and its other lines are the row's
    numbers (:func:`_stacked_numbers`); else None."""
    stacked = _stacked_numbers(cell)
    if (
        stacked is None
        or len(stacked) < 2
        or _STACKED_NUMBER.match(stacked[0][1])
        or _STACKED_DASH.fullmatch(stacked[0][1])
    ):
        return None
    piece = stacked[0][1]
    m = _GLUED_TAIL.match(piece)
    head = m.group(1) if m is not None else piece
    if _ANY_DIGIT.search(head) or _NEW_LABEL.match(head.strip()) or not _IDEOGRAPH.search(head):
        return None
    return piece


# ``<br>`` marks with nothing but spaces after them: a cell's empty last lines
_TRAILING_BREAKS = re.compile(r"(?:<br\s*/?>\s*)+$", re.I)


def _wrapped(cell: str) -> bool:
    """A cell printed over two lines at least (``<br>`` between two of its pieces, not only empty lines after
    its one line: ``事项357<br>``)."""
    return BR.search(_TRAILING_BREAKS.sub("", cell)) is not None


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
    glued = False
    stacked_last: str | None = None  # the last piece's text where its cell stacks the row's values under it
    for k, cell in enumerate(raw):
        text = clean_cell(cell)  # a placeholder (``NaN``, ``Unnamed: 2``: markitdown's spreadsheets) is an empty cell
        if not cols and not text:
            continue
        if cols and text and BR.search(cell) and (piece := stacked_label_end(cell)) is not None:
            # the label's last piece, the row's values stacked under it (``|行政规范性|文件1<br>0<br>102|``)
            cols.append(k)
            stacked_last = piece
            break
        # a piece's line with empty lines after it, the row's first value against it (``事项357<br>``:
        # pymupdf4llm's layout grid) is one line
        line = _TRAILING_BREAKS.sub("", cell) if "<" in cell else cell
        if line != cell and not (cols and _GLUED_TAIL.match(line)):
            line = cell
        if not text or BR.search(line) or (_VALUE_CELL.match(cell)):
            break
        if cols and (_NEW_LABEL.match(clean_cell(cell)) or _ANY_DIGIT.search(line)):
            m = _LABEL_TAIL.match(line)
            glued = m is None  # the label's tail glued to the row's value (``|行政事业|性收费0|``)
            if glued:
                m = _GLUED_TAIL.match(line)
            if m is None or _ANY_DIGIT.search(m.group(1)) or _NEW_LABEL.match(m.group(1).strip()):
                return None  # a label of its own, or a piece printing a digit
            cols.append(k)
            tail = (k, m.start(2))
            break
        cols.append(k)
    after = raw[cols[-1] + 1 :] if cols else []
    if len(cols) < 2 or (
        not any(_ANY_DIGIT.search(clean_cell(c)) for c in after) and tail is None and not stacked_last
    ):
        return None  # one cell, or no value: a header's cells
    pieces = [clean_cell(raw[k]) for k in cols]
    if stacked_last is not None:
        # the label's pieces read as one, the last one's first line with its number if it prints one (the table
        # reader parts it: ``glued_number``, said); the numbers under it written as cells (:func:`pipe_row`)
        pieces[-1] = stacked_last
        return (cols, "".join(pieces), None) if len(set(pieces)) == len(pieces) else None
    if tail is not None and glued and _TRAILING_BREAKS.search(raw[tail[0]]) is None:
        # the row's first value printed against the label's last piece (``|行政事业|性收费0|``): kept against the
        # label, read as the table reader reads a number glued to its label (``glued_number``, said); where the
        # piece's cell ends in empty lines (``|其他对外管理服务|事项357<br>|—|361||``: pymupdf4llm's layout grid laid
        # the label's second line and the row's first value into one grid cell), the value is read in that cell
        return cols, "".join(pieces), None
    if tail is not None:
        pieces[-1] = clean_cell(raw[tail[0]][: tail[1]])
    if len(set(pieces)) < len(pieces):
        return None  # a label repeated in a grid's columns (pymupdf4llm's merged cells), no label cut in pieces
    if any(p in _UNIT_CELLS for p in pieces[1:]):
        return None  # a unit column's cell (the 2008 template's 单位: ``|（一）政府信息公开工作专|个|692|``)
    return cols, "".join(pieces), tail

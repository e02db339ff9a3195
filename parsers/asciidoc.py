"""AsciiDoc (pandoc's ``-t asciidoc``, Asciidoctor's sources): its tables as TAB rows, its headings' marks dropped.

An AsciiDoc table is a block between two ``|===`` lines, its cells each opened by a ``|``. A row is not a line:
the cells flow into rows of as many cells as the table has columns, which the block's ``[cols=...]`` attribute
gives (one spec per column, separated by commas, ``3*`` for three alike), else the count of cells on the block's
first line (AsciiDoc's own rule). A line that does not open with a bar goes on the cell before it (after a hard
line break's `` +``, with no space between Chinese characters). pandoc
writes each row on a line of its own, or over lines with a blank line after it where a cell is long::

    [cols=",,,,,,,",]
    |===
    |(二)部分公开(区分处理的，只计这一情形，不计其他情形) |0 |0 |0 |0 |0 |0
    |0

:func:`read_asciidoc` rewrites each table as one TAB row per row (the project's canonical convention, read by the
table readers like any other), and a section heading (``== 二、主动公开政府信息情况``) as its text. A cell's style
letter (``a|``, ``h|``) is dropped. A table with a cell that spans columns or rows (``2+|``, ``.2+|``) is left as
it stands: which cells it covers the text alone does not say in every case. Offsets map back to the original.
"""

from __future__ import annotations

import re

from parsers.offset_text import OffsetText, line_starts
from parsers.readers.chrome import join_wrapped

_FENCE = re.compile(r" *(?P<sep>[|!])===+ *")
_COLS = re.compile(r"\[(?:[^\]]*,)?\s*cols=\"?(?P<cols>[^\"\]]*)\"?")
_HEADING = re.compile(r"(?P<mark>={1,6}) +(?=\S)")
# a bar that opens a cell, with its style letter (``a|``) if any: at a line's start or after a space; a table nested
# in a cell separates its cells with ``!``
_BARS = {sep: re.compile(rf"(?:(?<=\s)|^)[a-z]?(?<!\\)\{sep}") for sep in "|!"}
_SPANS = {sep: re.compile(rf"(?:^|\s)(?:\d+|\d*\.\d+)\+[a-z]?\{sep}") for sep in "|!"}
_OPENING_BAR = re.compile(r"[a-z]?\|")
_MULTIPLIER = re.compile(r"\s*(\d+)\*")


def _columns(spec: str) -> int | None:
    """The columns a ``cols`` attribute's value gives (``",,,"``: 4; ``"3*,2"``: 4; ``"3"``: 3 equal columns)."""
    spec = spec.strip()
    if not spec:
        return None
    if spec.isdigit():
        return int(spec)
    n = 0
    for part in spec.split(","):
        m = _MULTIPLIER.match(part)
        n += int(m.group(1)) if m else 1
    return n


def _join(text: str, more: str) -> str:
    """A cell's text and its next line: a hard line break's `` +`` dropped, joined as every reader joins a cell's
    wrapped lines (:func:`parsers.readers.chrome.join_wrapped`: no space beside a Chinese character)."""
    if text.endswith(" +"):
        text = text[:-2].rstrip()
    return join_wrapped([text, more])


def _cells(block: list[tuple[str, int]], sep: str) -> tuple[list[tuple[str, int]], int] | None:
    """The block's cells as ``(text, offset of its first character)``, and the cells on its first line with one;
    None where a line before the first bar holds text (no table as AsciiDoc writes it)."""
    cells: list[tuple[str, int]] = []
    first_line = 0
    for line, at in block:
        bars = list(_BARS[sep].finditer(line))
        if not bars:
            if line.strip():
                if not cells:
                    return None
                text, start = cells[-1]
                cells[-1] = (_join(text, line.strip()), start)
            continue
        if line[: bars[0].start()].strip():
            if not cells:
                return None
            text, start = cells[-1]
            cells[-1] = (_join(text, line[: bars[0].start()].strip()), start)
        for i, bar in enumerate(bars):
            end = bars[i + 1].start() if i + 1 < len(bars) else len(line)
            raw = line[bar.end() : end]
            cells.append((raw.strip(), at + bar.end() + len(raw) - len(raw.lstrip())))
        if not first_line:
            first_line = len(bars)
    return cells, first_line


def read_asciidoc(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with each AsciiDoc table as TAB rows and each heading's marks dropped, with its offset anchors
    (canonical, original); None when it holds no AsciiDoc table.

    A table of one column, or one that holds a nested table (``!===``), is a page's layout around the report, not
    one of its tables: its fences dropped, the bar that opens each of its cells dropped, its lines read as text."""
    lines = text.split("\n")
    starts = line_starts(lines)
    b = OffsetText()
    tables = 0
    layout_end = -1  # the closing fence of a layout table whose lines are being read
    k = 0
    while k < len(lines):
        line = lines[k]
        if (fence := _FENCE.fullmatch(line)) is not None:
            sep = fence.group("sep")
            end = next(
                (j for j in range(k + 1, len(lines)) if _FENCE.fullmatch(lines[j]) and lines[j].strip()[0] == sep), None
            )
            if end is not None and k != layout_end:
                rows = _table(lines, starts, k, end, sep)
                if rows is not None and len(rows[0]) > 1 and not (sep == "|" and _nests(lines, k, end)):
                    for row in rows:
                        for c, (cell, at) in enumerate(row):
                            if c:
                                b.add("\t", None)
                            b.add(cell, at)
                        b.add("\n", None)
                    tables += 1
                    k = end + 1
                    continue
                if sep == "|" and (rows is not None or _nests(lines, k, end)):
                    layout_end = end  # the report's layout: its lines read as text
            b.add("\n", None)
            k += 1
            continue
        at = starts[k]
        if k < layout_end and (opening := _OPENING_BAR.match(line)) is not None:
            line, at = line[opening.end() :], at + opening.end()
        if (m := _HEADING.match(line)) is not None:
            b.add(line[m.end() :], at + m.end())
        elif not (line.startswith("[") and _COLS.match(line)):  # a table's attribute line: no text of the report
            b.add(line, at)
        if k < len(lines) - 1:
            b.add("\n", None)
        k += 1
    if not tables:
        return None
    return "".join(b.parts), b.canon, b.orig


def _nests(lines: list[str], fence: int, end: int) -> bool:
    """Whether the table between the fences at lines ``fence`` and ``end`` holds a nested table."""
    return any((f := _FENCE.fullmatch(lines[j])) is not None and f.group("sep") == "!" for j in range(fence + 1, end))


def _table(lines: list[str], starts: list[int], fence: int, end: int, sep: str) -> list[list[tuple[str, int]]] | None:
    """The rows of the table between the fences at lines ``fence`` and ``end``; None where its cells span or do not
    fill whole rows."""
    block = [(lines[j], starts[j]) for j in range(fence + 1, end)]
    if any(_SPANS[sep].search(line) for line, _ in block):
        return None
    found = _cells(block, sep)
    if found is None or not found[0]:
        return None
    cells, first_line = found
    attribute = next((lines[j] for j in range(fence - 1, max(fence - 3, -1), -1) if lines[j].strip()), "")
    cols = _COLS.match(attribute.strip())
    width = (_columns(cols.group("cols")) if cols else None) or first_line
    if not width or len(cells) % width:
        return None
    return [cells[i : i + width] for i in range(0, len(cells), width)]

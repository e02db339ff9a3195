"""Tables a converter flattened into one cell of a page's layout table, read back as lines.

docling's HTML backend writes a portal's layout table (the one-column table a CMS puts the whole report in) as a
Markdown pipe table, and everything nested in its cell into that one cell, on one line: the paragraphs joined by two
spaces, the nested tables' cells and rows alike by one space, a merged cell's text printed once for each column it
spans (``第二十条第（五）项`` four times; in the 2021 table 二, ``本年处理决定数量`` three times and the row's one value
with it: ``行政许可 7938 7938 7938``). Nothing but the spaces is left of the rows, and a table on one line is no table
a reader can take.

Such a cell (a pipe row of one cell, :data:`MIN_CELL` characters at least, :data:`MIN_JOINTS` two-space joints at
least) is written back as lines, in place and at the same length (offsets keep):

- a run of two spaces or more ends a paragraph: its first space becomes a line break;
- inside a paragraph of four words or more that prints a value (a number, a dash for none), a row ends where a
  value is followed by a word, and where a word that a value follows comes after another word (the first row's
  label, after the header's last cell; a group's label cell, ``（三）不予公开``, before its first item's);
- a TAB before each value of a row (its label's words keep their spaces): the row is read by its cells, a dash
  printed for none (``规章 - 0 28``, docling's ``-`` for the page's ``—``) one of them;
- under a header that ends in one cell printed several times (a merged header cell), a row whose values are one
  run of values printed whole twice or more (a merged value cell's copies: ``7938 7938 7938``, ``7；268.27``
  three times) is read as that run once, the copies blanked.

Both are guesses, each named in a note: what the spaces stood for (a cell's end or a row's) is not printed.
"""

from __future__ import annotations

import re

from parsers.tables.token_numbers import is_value_word

MIN_CELL = 200  # characters: a paragraph or a short row is no flattened page
MIN_TOKENS = 4  # a paragraph's words and values: a table of one row prints a title, a header, a label and a value
MIN_JOINTS = 3  # two-space joints: a page's paragraphs and tables, not one long label
_ONE_CELL = re.compile(r"^[ \t]*\|[^|\n]{" + str(MIN_CELL) + r",}\|[ \t]*$", re.M)
_JOINT = re.compile(r"(?<=\S) {2,}(?=\S)")


def _period(values: list[str]) -> int:
    """The length of the shortest run of values that ``values`` repeats whole, twice or more (``7 268.27 7 268.27``:
    2); ``len(values)`` when they repeat none."""
    n = len(values)
    return next((p for p in range(1, n // 2 + 1) if n % p == 0 and values == values[:p] * (n // p)), n)


def _rows(chars: list[str], start: int, end: int) -> tuple[int, int]:
    """Line breaks written into ``chars[start:end]`` (one paragraph) at its rows' ends, and a merged cell's copies
    blanked; (rows split, cells blanked)."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", "".join(chars[start:end]))]
    values = [is_value_word(t) for _, t in tokens]
    if not any(values) or len(tokens) < MIN_TOKENS:
        return 0, 0
    rows: list[list[int]] = [[]]
    for i, is_value in enumerate(values):
        after_value = i > 0 and values[i - 1]
        before_value = i + 1 < len(values) and values[i + 1]
        if rows[-1] and not is_value and (after_value or (before_value and not values[i - 1])):
            rows.append([])
        rows[-1].append(i)
    split = 0
    for row in rows[1:]:
        chars[start + tokens[row[0]][0] - 1] = "\n"
        split += 1
    for row in rows:  # a row's cells: a TAB before each value (its label's words keep their spaces)
        for i in row[1:]:
            if values[i]:
                chars[start + tokens[i][0] - 1] = "\t"
    blanked = 0
    span = 1  # how many times the last header's last cell is printed: the columns it spans
    for row in rows:
        texts = [tokens[i][1] for i in row]
        row_values = [t for i, t in zip(row, texts, strict=True) if values[i]]
        if not row_values:
            first_copy = len(texts) - 1
            while first_copy > 0 and texts[first_copy - 1] == texts[-1]:
                first_copy -= 1
            # a header's last cell, printed for each column it spans; not a label printed for each of its columns
            span = len(texts) - first_copy if first_copy > 0 else 1
            continue
        period = _period(row_values)
        if period == len(row_values) or not values[row[-1]]:
            span = 1  # a row of its own values: the merged header's rows are over
        elif span > 1:
            for i in row[len(row) - len(row_values) + period :]:
                at = start + tokens[i][0]
                chars[at : at + len(tokens[i][1])] = " " * len(tokens[i][1])
            blanked += 1
    return split, blanked


def unflatten(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """``text`` with each flattened layout cell written back as lines (same length), and the notes naming the
    guesses; None when no line is such a cell."""
    if _ONE_CELL.search(text) is None:
        return None
    chars = list(text)
    cells = rows = blanked = 0
    for m in _ONE_CELL.finditer(text):
        line = m.group()
        joints = list(_JOINT.finditer(line))
        if len(joints) < MIN_JOINTS:
            continue
        cells += 1
        first, last = line.index("|"), line.rindex("|")
        chars[m.start() + first] = chars[m.start() + last] = " "
        bounds = [m.start() + first + 1]
        for j in joints:
            chars[m.start() + j.start()] = "\n"
            bounds += [m.start() + j.start(), m.start() + j.end()]
        bounds.append(m.start() + last)
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            split, gone = _rows(chars, a, b)
            rows += split
            blanked += gone
    if not cells:
        return None
    notes = [(
        "flattened_cells",
        f"{cells} layout table cell(s) holding the report on one line (a converter flattened its nested tables: "
        f"docling) written back as lines: {rows} row end(s) put where a value is followed by a label (a guess)",
    )]  # fmt: skip
    if blanked:
        notes.append((
            "repeated_value",
            f"{blanked} row(s) under a merged header cell printing their values two times or more over (a merged "
            "value cell's copies) read once",
        ))  # fmt: skip
    return "".join(chars), notes

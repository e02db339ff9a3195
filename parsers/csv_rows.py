"""CSV text (a spreadsheet saved as CSV, a table extractor's output) → TAB rows with offsets into the original.

Split from :mod:`parsers.conventions`, which wraps the rows in its :class:`~parsers.conventions.Canonical`.
"""

from __future__ import annotations

import re

from parsers.offset_text import OffsetText

# a row of comma-separated values (a spreadsheet saved as CSV, a table extractor's output): a comma that is not a
# thousands separator (a digit, then three digits and no fourth) between two cells
_CSV_COMMA = re.compile(r",(?:(?<!\d,)|(?!\d{3}(?:\D|$)))")
# and a cell that is empty or a number alone (prose whose OCR printed ``，`` as ``,`` has neither)
_CSV_CELL = re.compile(r'(?:^|,)\s*(?:"[-+\d.,\s]*"|[-+\d.]*)\s*(?:,|\r?$)')
CSV_MIN_ROWS = 10  # lines with two or more such commas, for the text to be CSV
CSV_MIN_SHARE = 0.3  # of the lines that print anything


def is_csv(text: str) -> bool:
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


def read_csv(text: str) -> tuple[str, list[int], list[int]]:
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
    return out, b.canon, b.orig

"""Text that prints a table column by column: its row labels stacked, their numbers elsewhere.

Some PDF extractors print a table as the text boxes their layout analysis groups, not row by row: pdfminer.six
(``pdf2txt.py`` and what is built on it) joins the cells of one column that stand close together into one box, so
the row labels come out one under another, then the header cells, then the numbers column by column, boxes of
several columns interleaved. Nothing in the text says which number belongs to which row: a reading row by row puts
numbers into the wrong cells.

Such a text is recognised by its numbered row labels (``1.属于国家秘密``, ``2.其他法律…`` …)
standing one after another, each on its own line with no number after it and no line of numbers
before the next, while the text prints numbers one per line, alone or after their unit (as many
lines as such labels at least: OCR text that lost its rows of zeros stacks its labels too, but
has no numbers to misplace). Its tables are then not read (``column_order``: review required),
rather than read wrong. Where the table prints no number at all (every cell blank), nothing is
lost. One exception (``parsers.tables.read_tables``): poppler's ``pdftotext`` in its default mode stacks a
table 三's label column into one block and prints the rows' values after it, row by row; table 三 read as any
text reads it is kept when that reading proves itself, every one of its cells read and every one of its
identities holding (a value in a wrong row or column breaks a row's total, a column's balance or its sum of
results). Tables 二 and 四 have no such proof of their placement: they are read only where pdfminer's boxes
decide them (:mod:`parsers.tables.box_order` for table 四's totals, :mod:`parsers.tables.active_boxes` for table
二's runs of values after their header cells), else left unread.
"""

from __future__ import annotations

import re

# a numbered row label (table 三's and the 2019 tables' leaf rows): ``1.属于…``, ``2、…``, ``3．…``
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}[ \t]*[.．、][ \t]*[\u4e00-\u9fff]")
# a number as this module reads it on a line: digits, commas and points in any order after a sign
_NUMBER = r"[-+]?\d[\d,.]*"
# a value on a line: a number (or a blank cell's TAB) after a space, a TAB or the line's start, or digits glued to
# the label's end (``1.属于国家秘密5101007``). Not the table reader's value word (``tokens.is_value_word``): a line
# is searched, not a word tested; a dash, 无 or a number with its unit (12项) ends no label here, a TAB does
_VALUE = re.compile(rf"(?:^|\s){_NUMBER}\s*$|\t|[\u4e00-\u9fff）)”\"]\d+\s*$")
MIN_STACKED = 6  # numbered labels directly after another one, for a text to be in column order
MIN_SHARE = 0.6  # … and that share of the numbered labels
# … and the numbers printed one per line, at least this many per numbered label: the columns' boxes (OCR text
# whose rows of zeros were lost stacks its labels too, but has no numbers to put in the wrong place)
MIN_NUMBER_LINES = 1
# a number alone on its line, or after its unit (the 2019 tables' 单位 column: ``条 4223174``)
_NUMBER_LINE = re.compile(rf"^\s*(?:[\u4e00-\u9fff]{{1,2}}\s+)?{_NUMBER}\s*$")
_NUMBER_LINES = re.compile(rf"^[^\S\n]*(?:[\u4e00-\u9fff]{{1,2}}[^\S\n]+)?{_NUMBER}[^\S\n]*$", re.M)
# the same lines, each found from the newline before it (a literal the regex engine skips to in C; ``^`` made it
# try a match at every character of the text): searched in the text after a newline, a match is a whole line
_NUMBER_LINES_AFTER_NEWLINE = re.compile(rf"\n[^\S\n]*(?:[\u4e00-\u9fff]{{1,2}}[^\S\n]+)?{_NUMBER}[^\S\n]*(?=\n|\Z)")


def count_number_lines(text: str) -> int:
    """How many lines of ``text`` print a number alone or after its unit: ``len(_NUMBER_LINES.findall(text))``
    (no match runs across a line's end, so each is a whole line)."""
    return len(_NUMBER_LINES_AFTER_NEWLINE.findall("\n" + text))


def stacked_labels(text: str) -> tuple[int, int, str] | None:
    """``(stacked, numbered, example)`` when the text prints its numbered row labels stacked (column order), else
    None: ``stacked`` numbered labels followed, before any line of numbers, by the next numbered label, of
    ``numbered`` numbered labels printed without a value on their line."""
    if count_number_lines(text) < MIN_NUMBER_LINES * (MIN_STACKED + 1):
        return None  # the common case (numbers on their rows' lines): one pass in C
    numbered = stacked = number_lines = 0
    open_label: str | None = None  # the last numbered label, while no line of numbers has followed it
    example = ""
    for line in text.split("\n"):
        if _NUMBERED.match(line):
            body = line.strip()
            if _VALUE.search(body[2:]):
                open_label = None
                continue
            numbered += 1
            if open_label is not None:
                stacked += 1
                if not example:
                    example = f"{open_label} / {body}"
            open_label = body
        elif _VALUE.search(line):
            open_label = None
            number_lines += _NUMBER_LINE.match(line) is not None
    if (
        stacked >= MIN_STACKED
        and stacked >= MIN_SHARE * max(1, numbered - 1)
        and number_lines >= MIN_NUMBER_LINES * numbered
    ):
        return stacked, numbered, example
    return None

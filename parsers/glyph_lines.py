"""A table 三 row printed a glyph a line: its label's glyphs joined, its digits glued for the identities to split.

Some text extractors break a line after every glyph of a row drawn glyph by glyph (pypdfium2's
``get_text_range`` under a cell of vertical text, as the template's narrow 不予公开 / 无法提供 cells often are): the
row's label comes one character a line, then its numbers one **digit** a line, so ``111`` and ``1 1 1`` print
alike::

    3．危
    及
    …
    ”
    1
    1
    1
    0

Box-per-line text (``parsers.boxes``) would take each digit for a cell. Where a run of number lines, each a single
digit, comes right under a label printed a glyph a line (at least :data:`MIN_GLYPHS` lines of one character) whose
glyphs, joined, name a row of table 三 (``templates``' row patterns) or open with its numbering (``8．属…``),
:func:`glyph_row` says how to read it: the label's glyphs joined into one line (a glyph line that opens a numbered
label, ``1．属`` or ``(``, starts a line of its own: the group label above the row), and the digits

- spaced, one cell each, when there are exactly as many as the table has columns (each cell prints one digit at
  least, so no other reading exists);
- glued into one run when there are more: which digits make which number is then the table reader's to decide by
  the row's and the table's identities (``glued_number`` / ``split_number`` / ``ambiguous_split`` warnings), not
  this module's;
- left as they are when there are fewer (a cell printed empty: each digit may be a cell or part of one).

Each row so read is counted in a ``glyph_lines`` note. Nothing else in the text changes.
"""

from __future__ import annotations

import re

from parsers.tables.templates import APPLICANT_COLUMNS, APPLICATION_ROWS_2019, APPLICATION_ROWS_2021, union
from parsers.tables.tokens import normalise

MIN_GLYPHS = 3  # one-character lines a label must take, at least, to be taken for a label printed a glyph a line
_DIGIT_LINE = re.compile(r" *\d *")
# a label's glyph: a Chinese character or the punctuation labels print (no digit, no Latin letter: those are cells,
# or OCR's look-alikes of digits); a line of them holds one to three (pypdfium2 keeps a glyph and the comma after it
# on one line, and now and then two glyphs: ``的，只``, ``他情``)
_GLYPH_LINE = re.compile(r" *[\u3400-\u9fff（）()“”\"、，,．.：:；;《》—-]{1,3} *")
_NUMBERING = re.compile(r" *\d{1,2}[．.、]\s*[\u3400-\u9fff]? *")  # a numbered row's label opens: ``1．属``
_NUMERAL = "一二三四五六七八九十"
# a label that opens with table 三's numbering of a row under its group (``8．属…``): a row of the table even where
# a glyph is printed as a variant the row's pattern does not know (``査`` for ``查``)
_NUMBERED = re.compile(r"[1-8][.、]\s*[\u3400-\u9fff]")
_ROWS = union([*APPLICATION_ROWS_2021, *APPLICATION_ROWS_2019])


def _opens(lines: list[str], i: int) -> bool:
    """Whether line ``i`` opens a label: its numbering (``1．属``), or a group's bracket (``(`` / ``四`` / ``)``)."""
    if _NUMBERING.fullmatch(lines[i]):
        return True
    return (
        lines[i].strip() in ("(", "（")
        and i + 2 < len(lines)
        and lines[i + 1].strip() in _NUMERAL
        and lines[i + 2].strip() in (")", "）")
        and bool(lines[i + 1].strip())
    )


def glyph_row(lines: list[str], first: int, end: int, floor: int) -> tuple[list[int], bool] | None:
    """How to read the number run ``lines[first:end]`` when the lines above it (down to ``floor``) print a table
    三 label a glyph a line: the indexes where the label lines start (the earliest glyph line above the run, and
    each later line that opens a label), and whether the digits are spaced (True: as many as the columns) or glued
    (False: more). None when the run is not such a row, or has fewer digits than the columns (each digit is then
    a cell or a part of one, and which is left to the readers of the run as it is)."""
    if end - first < len(APPLICANT_COLUMNS) or not all(_DIGIT_LINE.fullmatch(lines[i]) for i in range(first, end)):
        return None
    k = first
    while k > floor and (_GLYPH_LINE.fullmatch(lines[k - 1]) or _NUMBERING.fullmatch(lines[k - 1])):
        k -= 1
    starts = [k, *(i for i in range(k + 1, first) if _opens(lines, i))]
    if first - starts[-1] < MIN_GLYPHS:
        return None
    label = normalise("".join(lines[i].strip() for i in range(starts[-1], first)))
    if not _ROWS.search(label.replace(" ", "")) and not _NUMBERED.match(label):
        return None
    return starts, end - first == len(APPLICANT_COLUMNS)


GLYPH_NOTE = "glyph_lines"


def glyph_message(rows: int) -> str:
    return (
        f"{rows} table 三 rows printed a glyph a line: each label's glyphs joined, its digits read one a cell where "
        "they are as many as the columns, else as one run that the identities split (parsers/glyph_lines.py)"
    )

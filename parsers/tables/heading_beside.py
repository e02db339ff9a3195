"""Table 三's group heading printed beside a row label on the same lines, a space between them.

The template's group headings (``三、本年度办理结果``, ``（三）不予公开``, ``（四）无法提供`` …) are cells spanning
several rows, left of the rows' own label cells, their text centred in the span. A PDF text extractor that writes
each line of the page left to right, the words of one line joined by single spaces (pdfplumber's ``extract_text``;
pypdf's, pypdfium2's and PyMuPDF's texts print such lines too), prints the heading's lines at the start of the lines
of the row beside them: where both cells wrap, the row's label is cut twice, ``（三）不予公 1．属于国家秘`` /
``0 0 0 0 0 0 0`` / ``开 密``, ``三、本年度 3.危及“三安全一稳`` / ``…`` / ``办理结果 定”``. Joined whole, the label's
lines read ``…国家秘开密`` and no row's wording is found in them. Where the label's first line is a group heading's
piece (its numbering first) and a row label's numbered start (``1.``), one space between, and its next line is two
pieces likewise, the second piece of that line is the label's rest (:func:`label_rest`): the first is the heading's.
"""

from __future__ import annotations

import re

# a group heading's start: 三、 of 三、本年度办理结果, （三） of the groups inside it
_HEADING = re.compile(r"^(?:[一二三四五六七]、|[(（][一二三四五六七][)）])")
# a row label's numbered start inside a group: 1. 1、 1．
_ITEM = re.compile(r"^\d{1,2}[.、．]")


def label_rest(label: str, fragment: str) -> str | None:
    """The part of ``fragment`` (the text of the line after a label's first line) that continues the row label
    when ``label`` prints a group heading's piece and the row's numbered label one space apart and ``fragment``
    two pieces one space apart (the heading's rest, the label's rest): the second piece; None otherwise (the
    fragment is joined whole)."""
    parts = label.split()
    if len(parts) != 2 or not _HEADING.match(parts[0]) or not _ITEM.match(parts[1]):
        return None
    pieces = fragment.split()
    if len(pieces) != 2:
        return None
    return pieces[1]

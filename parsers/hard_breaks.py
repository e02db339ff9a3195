"""pandoc Markdown's hard line breaks in table cells, read as the spaces they stand for.

pandoc writes a line break inside a cell (a label wrapped in a DOCX or HTML table cell: ``一、本年`` over
``新收政府信息公开申请数量``) as a ``\\`` ending the cell's line: ``一、本年\\`` at the end of a line, or followed by
the spaces that pad the cell to its column (``计这一情\\          0``) in a table laid out by spaces or drawn as a
grid. The ``\\`` is markup, not the label's text: it is read as a space (same length: offsets keep). Only a ``\\``
after a Chinese character or a full-width mark and before the line's end or two spaces at least: an escape
(``\\(``, ``\\-``) or an escaped space (reStructuredText's ``：\\ ``) is no line break.
"""

from __future__ import annotations

import re

# after an ideograph, a CJK or full-width mark or a curly or straight quote; before the line's end or a cell's padding
HARD_BREAK = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff01-\uff60“”\"])\\(?=[ \t]*$|[ \t]{2,})", re.M)


# the same break inside a page's layout frame (pandoc's one-column grid table, each line ``| … |``) where the
# frame's width wrapped it onto a line of its own: the ``\`` first on its frame line, right after the frame's bar and
# a space, then a cell's padding (``| \          0   |``), under a frame line whose text ends in a character
# the break may follow (``|   3．危及"三安全        |``)
_FRAMED_BREAK = re.compile(r"^\| \\(?=[ \t]{2,})", re.M)
_BREAKS_AFTER = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff60“”\"]")


def _framed_breaks(text: str) -> tuple[str, int]:
    """``text`` with each wrapped break of :data:`_FRAMED_BREAK` read as a space, and how many."""
    found = 0

    def after_text(m: re.Match[str]) -> str:
        nonlocal found
        if not m.start():
            return m.group()
        start = text.rfind("\n", 0, m.start() - 1) + 1
        above = text[start : max(start, m.start() - 1)].rstrip()
        if not (above.startswith("|") and above.endswith("|")):
            return m.group()
        printed = above[1:-1].rstrip()
        if not printed or not _BREAKS_AFTER.match(printed[-1]):
            return m.group()
        found += 1
        return "|  "

    return _FRAMED_BREAK.sub(after_text, text), found


def read_hard_breaks(text: str) -> str | None:
    """``text`` with pandoc's hard line breaks read as spaces; None when it prints none. Markup read as what it
    stands for, as pandoc's spans are (``parsers.markup_spans``): no guess, so no warning. A break a layout frame
    wrapped onto a line of its own (:data:`_FRAMED_BREAK`) is read so too: left in, its line read as a cell
    ``\\`` before the row's first value, the row one value too many."""
    unbroken, found = HARD_BREAK.subn(" ", text)
    if "| \\" in unbroken:
        unbroken, wrapped = _framed_breaks(unbroken)
        found += wrapped
    return unbroken if found else None

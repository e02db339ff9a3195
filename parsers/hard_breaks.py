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


def read_hard_breaks(text: str) -> str | None:
    """``text`` with pandoc's hard line breaks read as spaces; None when it prints none. Markup read as what it
    stands for, as pandoc's spans are (``parsers.markup_spans``): no guess, so no warning."""
    unbroken, found = HARD_BREAK.subn(" ", text)
    return unbroken if found else None

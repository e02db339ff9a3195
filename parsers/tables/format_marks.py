"""Table 二's column heads of either format, found where a narrow head cell wraps them over lines.

The format's marks (``本年制发件数``, ``现行有效件数`` in 2021's table 二; ``本年新制作``, ``对外公开总数量`` in 2019's)
are looked for in one text token each. poppler's default text (``pdftotext`` without ``-layout``) prints a head cell
wrapped in a narrow column a line a piece (``本年制发`` / ``件数``; ``本年制发件`` / ``本年废止件`` / ``现行有效件`` /
``数`` / ``数`` / ``数``, three cells side by side): no token holds a mark, and a 2021 report whose table 三 prints
（六）其他处理 as one row (2019's shape) was taken for a 2019 report, its table 二 read with 2019's columns
(synth 7583, 7604, 4050). :func:`joined_marks` finds a mark in table 二's text tokens joined without their line
breaks, up to table 三."""

from __future__ import annotations

import itertools
import operator
import re

from parsers.tables.reading import Reading
from parsers.tables.tokens import COMPACT, IS_VALUE

# table 二's column heads that only one format prints (its other marks, 不补正 and 缴纳费用, are table 三's), each as
# the format's mark says it (one token) and as its first line's words, what joined lines print of it where the head
# cells stand side by side (``本年制发  本年废止  现行有效`` / ``件数  件数  件数``: pdftotext's layout)
# (the words compiled once: a pattern string searched is looked up in ``re``'s cache each time)
HEAD_MARKS_2021 = {
    r"本年制发件数": re.compile(r"本年制发"),
    r"现行有效件数": re.compile(r"现行有效"),
    r"本年收费金额": re.compile(r"本年收费金额"),
}
HEAD_MARKS_2019 = {
    r"本年新制作": re.compile(r"本年新制作"),
    r"本年新公开": re.compile(r"本年新公开"),
    r"对外公开总数量": re.compile(r"对外公开总数量"),
    r"上一年项目数量": re.compile(r"上一年项目"),
    r"本年增/?减": re.compile(r"本年增/?减"),
}

_COMPACT = operator.itemgetter(COMPACT)
_IS_VALUE = operator.itemgetter(IS_VALUE)


def joined_marks(r: Reading, end: int, marks: dict[str, re.Pattern[str]]) -> set[str]:
    """The ``marks`` (a mark → its words) whose words are found in the text tokens before token ``end`` (table
    三's start), their texts joined without spaces or line breaks (numbers left out): a head cell wrapped over
    lines read whole, or by its first line's words. No mark asked, no text joined (the caller asks only the marks
    no single token holds)."""
    if not marks:
        return set()
    tokens = r.tokens[:end]
    # the text tokens' texts joined in C (as a generator: 3,800 steps in 25 parses of the seed sheets)
    joined = "".join(itertools.compress(map(_COMPACT, tokens), map(operator.not_, map(_IS_VALUE, tokens))))
    return {mark for mark, words in marks.items() if words.search(joined)}

"""A value word printed alone on its line between a broken row label's pieces: label text, not a cell.

A narrow label cell wraps its label wherever the cell's width ends, and a PDF extractor's text (poppler's blocks,
pdfminer's boxes) prints each piece a line: a piece one character long stands alone. Two characters of table
三's labels are also value words a cell can print: 一 (a dash-like blank in a row of values) in 3.危及“三安全一稳定”,
and 无 (none: read as 0) in （四）无法提供, 4.无正当理由大量反复申请 and 1.申请人无正当理由逾期不补正…. Read as
values, such a token adds a value to the table's run: the run is one longer than the table's cells and no order
of it holds (a text printed column by column then leaves the whole table blank).

Such a token is the label's, not a cell's, where its line holds nothing else and the label pieces beside it join
with it into the template's wording: 一 between a piece ending 安全 and one starting 稳定; 无 before a piece whose
first characters (two at least) follow 无 in one of the template's labels, after a piece of label text (no value)
that does not itself end where that wording continues (``申请人无`` / ``无`` / ``正当理由`` is a cell between
the pieces: the piece before already holds the label's 无).
"""

from __future__ import annotations

import re

from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICATION_ROWS_2021
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE

# the template's wording holding 无: table 三's row labels and the group heading （四）无法提供
_WORDING = (*(row.label for row in APPLICATION_ROWS_2021 if "无" in row.label), "(四)无法提供")
_LEAD = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a piece's first characters, compared with the wording
_TAIL = re.compile(r"[\u4e00-\u9fff]{1,3}$")


def is_label_word(r: Reading, k: int) -> bool:
    """Token ``k`` is a value word (一, 无) alone on its line between the pieces of a label it belongs to, as the
    module's doc says: label text, not a cell."""
    word = r.tokens[k][COMPACT]
    if word not in ("一", "无") or not 0 < k < len(r.tokens) - 1:
        return False
    before, after = r.tokens[k - 1], r.tokens[k + 1]
    if word == "一":
        return before[COMPACT].endswith("安全") and after[COMPACT].startswith("稳定")
    if before[IS_VALUE] or after[IS_VALUE] or not before[LINE] < r.tokens[k][LINE] < after[LINE]:
        return False
    if (lead := _LEAD.match(after[COMPACT])) is None or not any("无" + lead[0] in w for w in _WORDING):
        return False
    tail = _TAIL.search(before[COMPACT])
    return tail is None or not any(tail[0] + lead[0] in w for w in _WORDING)

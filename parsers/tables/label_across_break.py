"""Table 三's row whose label a page break cut in two: its values by the label's first piece, its rest on the next page.

A word processor lets a table row break across pages (LibreOffice Writer/Web's PDF of a portal page): the row's first
lines print on one page, its label's first piece (``1、申请人``, under the group's own piece ``（六）其``) beside the
row's numbers, and the rest of its label (``无正当理由逾期不补正、行政机关不再处理其政府信息公开申请``) on the
next page, below the header repeated there, in a row of empty cells. Read as two rows, the first is a label no
template row matches (``unknown_row``: its values not assigned) and the second is the template's row, found by its
rest, printing nothing: its cells blank, no warning naming them.

:func:`joined_across_break` joins them where the template says they are one row: the row found prints no value; the
nearest line above it that prints values (only header lines and empty cells between) prints them after a piece of
text that, followed by the found label, spells the template's label of the row (item numbers and punctuation set
aside); none of those values is another row's; and, where the reader says on which page each piece is, the pages
differ. The row is read with that line's values, warned
(``label_across_break``).
"""

from __future__ import annotations

import re

from parsers.tables.align import positional
from parsers.tables.reading import Reading
from parsers.tables.templates import RowDef
from parsers.tables.tokens import COL, COMPACT, IS_VALUE, LINE, START, TEXT, Token, normalise

_NUMBER = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")
_PUNCT = re.compile(r"[\s、,，.。:：;；“”\"'‘’()（）]")
# the rest on the next page names the row alone: at least this many characters of it (the pattern's own words)
_MIN_REST = 4


def _plain(text: str) -> str:
    """A label's words: its item number and punctuation set aside."""
    text = normalise(text).strip()
    return _PUNCT.sub("", _NUMBER.sub("", text))


def joined_across_break(
    r: Reading, index: int, lower: int, claimed: set[int], row: RowDef, n: int
) -> tuple[list[Token], list[Token | None] | None, str] | None:
    """The values of the row whose label token ``index`` is the rest of, cut by a page break (see the module's
    docstring), searched back to token ``lower`` (the row before's label): its values, their right-aligned fit (None
    when the line does not carry every cell) and the first piece's text; None when the text is not so."""
    tokens = r.tokens
    rest = _plain(tokens[index][COMPACT])
    whole = _plain(row.label)
    if len(rest) < _MIN_REST or len(rest) >= len(whole) or not whole.endswith(rest):
        return None
    head = whole[: len(whole) - len(rest)]
    k = index - 1
    while k > lower and not (tokens[k][TEXT] and tokens[k][IS_VALUE]):
        k -= 1
    if k <= lower:
        return None
    line = r.line_tokens(tokens[k][LINE])
    words = [t for t in line if t[TEXT] and not t[IS_VALUE]]
    if not words or not any(t[START] > tokens[lower][START] for t in words):
        return None
    piece = words[-1]
    if _plain(piece[COMPACT]) != head:
        return None
    pages = {r.where(piece).page, r.where(tokens[index]).page}
    if None not in pages and len(pages) == 1:
        return None  # one page: no break between the pieces (the reader's spans say where each is)
    after = [t for t in line if t[COL] > piece[COL]]
    values = [t for t in after if t[TEXT] and t[IS_VALUE]]
    if not values or any(t[START] in claimed for t in values) or any(t[TEXT] and not t[IS_VALUE] for t in after):
        return None
    if len(values) > n:
        return None
    return values, positional(after, n) if len(after) >= n else None, piece[TEXT]

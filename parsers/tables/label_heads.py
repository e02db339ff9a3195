"""Where a row label found by its pattern is not the row's start: a wrapped label's later fragment, a header cell.

A PDF's narrow label column wraps a long label over two lines, and some extractors print the row's values
between them (markitdown's PDF text: ``8.属于行政`` / ``| | 0 0 | 0 0 | …`` / ``查询事项``). A row's pattern finds
the fragment that names it (``查询事项``), after the values: read from there, each row of a run took the next
row's line (synth_1247: table 三's 8.属于行政查询事项 … 1.信访举报投诉类申请 one line off, 13 wrong numbers).
Where the fragments before the one found, read back over the values between them, join with it into the
template's wording exactly (``8.属于行政`` + ``查询事项`` = ``8.属于行政查询事项``), the row is taken to start at the
first fragment. Nothing else moves: a fragment that is not the wording's start, or words that are not the
wording's, leave the row where its pattern found it.

A header line of table 三 repeated over a page's rows prints 总计 as its last column's head; the row （七）总计's
pattern finds it there (:func:`in_applicants_header`), and the row is looked for after it.
"""

from __future__ import annotations

import re

from parsers.tables.tokens import COMPACT, IS_NUMBER, IS_VALUE, LINE, TEXT, Token

_NUMBERING_MARKS = str.maketrans({"、": ".", "．": "."})


def wrapped_label_head(tokens: list[Token], label: str, index: int, after: int) -> int | None:
    """The index of the first fragment of the row label found at ``index`` (a later fragment of the template's
    ``label``: its end, or a middle one the wording's end follows), looked for back to token ``after``
    (exclusive: the previous row's label), when at least one value is printed between the fragments; None when
    the label found is its wording's start or the text before it does not complete the wording. A numbering's
    mark is any of the template's (``4、`` for ``4.``)."""
    part = tokens[index][COMPACT]
    at = label.find(part) if part else -1
    if at <= 0 or not _rest_follows(tokens, index, label[at + len(part) :]):
        return None
    want = label[:at].translate(_NUMBERING_MARKS)
    values = False
    j = index - 1
    while j > after:
        t = tokens[j]
        text = t[COMPACT].translate(_NUMBERING_MARKS)
        if t[IS_VALUE] or not text:
            values = values or t[IS_VALUE]
        elif want.endswith(text):
            want = want[: -len(text)]
            if not want:
                return j if values else None
        elif (rest := _beside_heading(t[TEXT])) is not None and want.endswith(rest):
            want = want[: -len(rest)]  # the group heading's piece beside the label's (``其他处 请人``) set aside
            if not want:
                return j if values else None
        elif not _heading_piece(text):
            return None
        j -= 1
    return None


# table 三's group headings (but 三、's 本年度办理结果, a cell left of them): cells spanning rows, left of the rows'
# own labels; laid-out text prints their pieces on the lines of a row's wrapped label (``（六） 1、申`` / ``其他处
# 请人`` / ``理   无正``), before the label's own pieces
GROUP_WORDS = ("不予公开", "无法提供", "不予处理", "其他处理", "本年度办理结果")
_GROUP_NUMBERING = re.compile(r"^(?:[一二三四五六七]、|[(（][一二三四五六七][)）])")


def _heading_piece(text: str) -> bool:
    """Whether ``text`` (a token's compact text) is a group heading's piece alone: its numbering, or some of its
    words (``理`` of 其他处理)."""
    rest = _GROUP_NUMBERING.sub("", text, count=1)
    return not rest or any(rest in words for words in GROUP_WORDS)


def _beside_heading(text: str) -> str | None:
    """The row label's piece of a token that prints a group heading's piece and it one space apart (``其他处 请人``,
    ``（六） 1、申``): the second part, numbering marks as the template's; None otherwise."""
    parts = text.split()
    if len(parts) != 2 or not _heading_piece(parts[0]):
        return None
    return parts[1].translate(_NUMBERING_MARKS)


def _rest_follows(tokens: list[Token], index: int, rest: str) -> bool:
    """Whether the label fragments right after ``index`` print ``rest``, the wording's end (nothing left: the
    fragment found is the wording's end; ``理由大量`` then ``反复申请``: a middle fragment, the wording's end
    after it)."""
    k = index + 1
    while rest and k < len(tokens) and (text := tokens[k][COMPACT]) and not tokens[k][IS_VALUE]:
        if not rest.startswith(text):
            return False
        rest = rest[len(text) :]
        k += 1
    return not rest


# the applicant columns' header cells that a header line of table 三 prints
_APPLICANT_HEADS = ("自然人", "法人或其他组织", "商业企业")


def in_applicants_header(tokens: list[Token], index: int) -> bool:
    """Whether the label at ``index`` is a cell of a header line of table 三: a line without a number that prints
    an applicant column's header (自然人, 法人或其他组织, 商业企业). Its ``总计`` is the column's head, not the row
    （七）总计 (pymupdf4llm repeats the header over a page's rows: synth_1249's 总计 row read there, 3.其他 lost)."""
    line = tokens[index][LINE]
    lo = index
    while lo > 0 and tokens[lo - 1][LINE] == line:
        lo -= 1
    heads = False
    # the line's tokens walked by index from its first (a slice of the tokens to the document's end, copied for
    # every row label asked about, cost more than the walk)
    for k in range(lo, len(tokens)):
        t = tokens[k]
        if t[LINE] != line:
            break
        if t[IS_NUMBER]:
            return False
        heads = heads or t[COMPACT] in _APPLICANT_HEADS
    return heads


_NUMBERED_TOTAL = ("(七)总计", "（七）总计")


def _header_line(tokens: list[Token], index: int) -> bool:
    """The token at ``index`` shares its line with other texts and no number: a header line's cells."""
    line = tokens[index][LINE]
    same = [t for t in tokens[max(0, index - 20) : index + 20] if t[LINE] == line and t[COMPACT]]
    return len(same) > 1 and not any(t[IS_NUMBER] for t in same)


def numbered_total_after(tokens: list[Token], index: int, end: int | None) -> int | None:
    """Where the row （七）总计's pattern found a bare ``总计`` at ``index`` on a header's line (other texts, no number:
    a repeated header's last head, its line cut into pieces no header test knows: markitdown's PDF text prints
    商/业/企/业 a character a line), the label
    ``（七）总计`` printed after it (up to ``end``): the row's own label, numbered as the template numbers it. None
    when the label found is numbered or no numbered one follows."""
    if tokens[index][COMPACT] != "总计" or not _header_line(tokens, index):
        return None
    stop = len(tokens) if end is None else min(end, len(tokens))
    return next((j for j in range(index + 1, stop) if tokens[j][COMPACT] in _NUMBERED_TOTAL), None)

"""A row label wrapped around its row's values: the row starts at the label's first fragment.

A PDF's narrow label column wraps a long label over two lines, and some extractors print the row's values
between them (markitdown's PDF text: ``8.属于行政`` / ``| | 0 0 | 0 0 | …`` / ``查询事项``). A row's pattern finds
the fragment that names it (``查询事项``), after the values: read from there, each row of a run took the next
row's line (synth_1247: table 三's 8.属于行政查询事项 … 1.信访举报投诉类申请 one line off, 13 wrong numbers).
Where the fragments before the one found, read back over the values between them, join with it into the
template's wording exactly (``8.属于行政`` + ``查询事项`` = ``8.属于行政查询事项``), the row is taken to start at the
first fragment. Nothing else moves: a fragment that is not the wording's start, or words that are not the
wording's, leave the row where its pattern found it.
"""

from __future__ import annotations

from parsers.tables.tokens import COMPACT, IS_VALUE, Token


def wrapped_label_head(tokens: list[Token], label: str, index: int, after: int) -> int | None:
    """The index of the first fragment of the row label found at ``index`` (a later fragment of the template's
    ``label``), looked for back to token ``after`` (exclusive: the previous row's label), when at least one value
    is printed between the fragments; None when the label found is its wording's start or the text before it
    does not complete the wording."""
    part = tokens[index][COMPACT]
    at = label.find(part) if part else -1
    if at <= 0 or not label.endswith(part):
        return None
    want = label[:at]
    values = False
    j = index - 1
    while j > after:
        t = tokens[j]
        text = t[COMPACT]
        if t[IS_VALUE] or not text:
            values = values or t[IS_VALUE]
        elif want.endswith(text):
            want = want[: -len(text)]
            if not want:
                return j if values else None
        else:
            return None
        j -= 1
    return None

"""Where table 三 starts (its title, its header, or its rows where both are lost), and which of the two national
formats it prints: the 2019 format's 其他处理 row alone, or the 2021 format's three rows under it."""

from __future__ import annotations

import re

from parsers.tables.column_order import stacked_labels
from parsers.tables.reading import Reading
from parsers.tables.templates import (
    APPLICATION_ROWS_2019,
    APPLICATION_ROWS_2021,
    union,
)
from parsers.tables.tokens import (
    COMPACT,
    IS_LABELISH,
    IS_VALUE,
    LINE,
    TABBED,
    TEXT,
)


def merged_other(r: Reading, start: int, end: int) -> int | None:
    """The token of a single （六）其他处理 row carrying values, when the 2021 sub-rows are absent."""
    stop = r.first_index(r"结转下年度", start, end) or end
    if r.first_index(_SUB_ROW_WORDS, start, stop) is not None:
        return None
    other = r.first_index(r"其他处理", start, stop)
    if other is None:
        # the label wrapped in a narrow column (``（六）`` / ``其他处`` / ``理``): the fragment that holds 其他处
        other = next(
            (
                i
                for i in r._label_indexes(start, stop)
                if "其他处" in r.tokens[i][COMPACT] and r.wrapped_may_match(_OTHER_PROCESSING, i)
            ),
            None,
        )
    # a row: values after the label, or its digits glued to it (text that joins a row's cells with nothing)
    if other is None or not (r.row_like(other) or _GLUED_OTHER.search(r.tokens[other][COMPACT])):
        return None
    if r.extracted.ocr and _other_rows_printed(r, other) >= len(_OTHER_ROWS_2021):
        return None  # the sub-rows are printed, their labels too garbled for their words
    if _SUB_ROW_WORDS_RE.search("".join(r.tokens[i][COMPACT] for i in r._label_indexes(other + 1, stop))):
        # the sub-rows' words wrapped over lines of a few characters each (a narrow label column: ``逾期不`` /
        # ``补正、``, ``收费通`` / ``知要求``): the sub-rows are printed, the 2021 table is whole
        return None
    return other


_GLUED_OTHER = re.compile(r"其他处理\d+$")


# words of 2021's （六） sub-rows 1 and 2 (其他处理 split in three), none in 2019's one row
_SUB_ROW_WORDS = r"不补正|缴纳费用|收费通知|逾期未按"
_SUB_ROW_WORDS_RE = re.compile(_SUB_ROW_WORDS)


_OTHER_PROCESSING = re.compile(r"其他处理")


def find_applications_start(r: Reading, start: int = 0) -> int | None:
    """The 本年新收 row label that opens table 三: the one followed closely by the 上年结转 row."""
    pos = start
    while (i := r.first_index(r"年新收", pos)) is not None:  # 本 may be misread (林年新收)
        # the next rows (a character of 上年结转 may be misprinted or misread)
        if r.first_index(_NEXT_ROWS, i + 1, i + 60) is not None or _in_wrapped_labels(r, i + 1, i + 60):
            return _label_head(r, i)
        pos = i + 1
    found = _table_three_by_other_anchors(r, start)
    return found if found is not None else _new_received_wrapped(r, start)


def _new_received_wrapped(r: Reading, start: int) -> int | None:
    """The 本年新收 row label wrapped inside 年新收 (``一、本年新`` / ``收政府信息公开申请数`` / ``量``: pdfminer's
    text of a label cell a few characters wide), its line followed by the next rows' as in
    :func:`find_applications_start`; looked for only where no other anchor of the table is found, and not in a
    text whose labels stand column by column (:func:`parsers.tables.column_order.stacked_labels`): found there,
    the table sends table 二 to the column order's stricter reading, which left three cells of tuning seed 3542's
    blank that the reading without table 三 read right."""
    if stacked_labels(r.text) is not None:
        return None
    tokens = r.tokens
    for i in range(start, len(tokens) - 1):
        head, tail = tokens[i], tokens[i + 1]
        if (
            head[IS_LABELISH]
            and tail[IS_LABELISH]
            and tail[LINE] == head[LINE] + 1
            and "年新收" in head[COMPACT][-2:] + tail[COMPACT][:2]
            and "年新收" not in head[COMPACT]
            and (r.first_index(_NEXT_ROWS, i + 2, i + 60) is not None or _in_wrapped_labels(r, i + 2, i + 60))
        ):
            return i
    return None


_NEXT_ROWS = r"上年结转|上年结|年结转|办理结果|予以公开"


_NEXT_ROWS_RE = re.compile(_NEXT_ROWS)


# the head of 一、本年新收… wrapped alone onto the line above the fragment that holds 年新收 (a narrow label column:
# ``一、本`` / ``年新收`` / ``政府信`` …)
_NEW_RECEIVED_HEAD = re.compile(r"[一1]?[、.．]?本")


def _label_head(r: Reading, i: int) -> int:
    """Token ``i`` (the one holding 年新收), or the token before it when that is the label's head wrapped onto the
    line above (``一、本`` / ``年新收``): table 三 starts at its first row's label, not inside it."""
    tok = r.tokens[i]
    if i == 0 or not tok[COMPACT].startswith("年新收"):
        return i
    head = r.tokens[i - 1]
    if head[IS_LABELISH] and head[LINE] == tok[LINE] - 1 and _NEW_RECEIVED_HEAD.fullmatch(head[COMPACT]):
        return i - 1
    return i


def _in_wrapped_labels(r: Reading, start: int, end: int) -> bool:
    """Whether the next rows' labels are found in the labels from ``start`` to ``end`` joined: a narrow label column
    wraps each label over lines of a few characters (``二、上年`` / ``结转政府信息公开申请数``, ``（一）予以公`` /
    ``开``: pdftotext's and pdfplumber's text of a table with three label columns), no line holding a whole anchor."""
    joined = "".join(t[COMPACT] for t in r.tokens[start:end] if t[IS_LABELISH])
    return _NEXT_ROWS_RE.search(joined) is not None


THREE_TITLE = r"收到和处理政府信息公开申请|勾稽关系|第一项加第二项"


# table 三's header cell over the applicants' columns: its anchor when OCR garbled both its title and its first
# row's label (``=. WEAR RARE ATT`` / ``一未年新改政府信息``), looked for only where no title is found
_THREE_HEADER = r"法人或其他组织"


# the rows that tell table 三 when its first row is lost (every format's, by key; made once)
_OTHER_THREE_ROWS = {
    row.key: row for row in (*APPLICATION_ROWS_2021, *APPLICATION_ROWS_2019) if row.key != "new_received"
}


def _table_three_by_other_anchors(r: Reading, start: int) -> int | None:
    """Table 三 when its first row label is lost (OCR dropped the line): its title or the 勾稽关系 note (else its
    header cell 法人或其他组织), followed closely by the labels of at least four other rows of the table."""
    found = _anchored(r, start, THREE_TITLE)
    if found is None:
        found = _anchored(r, start, _THREE_HEADER)
    return found if found is not None else table_three_by_its_rows(r, start)


def _anchored(r: Reading, start: int, anchor: str) -> int | None:
    """The last ``anchor`` before the first of four other rows of table 三 found within 200 tokens of it."""
    pos = start
    rows = _OTHER_THREE_ROWS
    while (i := r.first_index(anchor, pos)) is not None:
        seen: set[str] = set()
        first_row: int | None = None
        for k in range(i + 1, min(i + 200, len(r.tokens))):
            tok = r.tokens[k]
            if tok[IS_LABELISH]:
                hits = {key for key, row in rows.items() if key not in seen and row.matches(tok[COMPACT])}
                if hits and first_row is None:
                    first_row = k
                seen.update(hits)
            if len(seen) >= 4:
                # the title nearest the rows (an earlier mention, in the introduction, is not the table's)
                while (j := r.first_index(anchor, i + 1, first_row)) is not None:
                    i = j
                return i
        pos = i + 1
    return None


# rows of table 三 a TAB table must print, by their own labels, to be known as table 三 without its title and first
# row (the 总计 head and row are not counted: table 四 prints one too)
MIN_ROWS_WITHOUT_TITLE = 6


ROWS_WITHOUT_TITLE = {key: row for key, row in _OTHER_THREE_ROWS.items() if key != "results_total"}


ANY_ROW_WITHOUT_TITLE = union(list(ROWS_WITHOUT_TITLE.values()))


def table_three_by_its_rows(r: Reading, start: int) -> int | None:
    """Table 三 when its title and its first row label are both lost (a faxed scan: the section's heading not read,
    本年新收 read 术年新路): a table printed as TAB rows (a ruled table, a row a line) whose own row labels match at
    least :data:`MIN_ROWS_WITHOUT_TITLE` other rows of the template, within 200 tokens. Prose naming the results
    (予以公开 … 部分公开 …) is no TAB table and is never taken. The table starts at the first line of its TAB
    block (its header), as it would at its title."""
    rows = ROWS_WITHOUT_TITLE
    tokens = r.tokens
    # the TAB labels from ``start`` a row matches: only the label tokens asked, not every token (values are most
    # of a table's; tests/test_parse_shortcuts.py)
    labels = [
        k
        for k in r._label_indexes(start, None)
        if tokens[k][TABBED] and ANY_ROW_WITHOUT_TITLE.search(tokens[k][COMPACT])
    ]
    hits: dict[int, list[str]] = {}  # a label's rows, matched once (a label is in the window of every label before it)
    for n, first in enumerate(labels):
        seen: set[str] = set()
        for k in labels[n:]:
            if k >= first + 200:
                break
            if k not in hits:
                hits[k] = [key for key, row in rows.items() if row.matches(tokens[k][COMPACT])]
            seen.update(hits[k])
            if len(seen) >= MIN_ROWS_WITHOUT_TITLE:
                return block_start(r, first)
    return None


def block_start(r: Reading, i: int) -> int:
    """The first token of the TAB block (the run of TAB lines, no blank line between) that holds token ``i``; of
    the block before it too when only a blank line parts them: a scanned table cut by a page break, or split by
    the grid where its columns change, is printed as two blocks (synth_489: its header and first four rows on page
    1, the rest on page 2, the rows' first block lost with its title)."""
    lines = r.text.split("\n")
    line = r.tokens[i][LINE]
    while line > 0 and "\t" in lines[line - 1]:
        line -= 1
    if line > 1 and not lines[line - 1].strip() and "\t" in lines[line - 2]:
        line -= 1
        while line > 0 and "\t" in lines[line - 1]:
            line -= 1
    k = i
    while k > 0 and r.tokens[k - 1][LINE] >= line:
        k -= 1
    return k


def is_2019_applications(r: Reading, start: int) -> bool:
    """2019's table 三 has one （六）其他处理 row with values; 2021 splits it into three."""
    no_corr = r.first_index(r"不补正", start)
    other = r.first_index(r"其他处理", start)
    if no_corr is not None:
        return False
    # a sub-row's label wrapped in a narrow column (``逾期不`` / ``补正``, ``缴纳费`` / ``用``): its other words
    # (``收费通知``, ``逾期未按``), up to the table's last row or table 四 (never the report's prose on fees), still
    # tell 2021's rows
    stop = r.first_index(r"结转下年|行政复议", start)
    if stop is not None and r.first_index(_SUB_ROW_WORDS, start, stop) is not None:
        return False
    if other is None or not re.search(r"其他处理", r.tokens[other][COMPACT]):
        return False
    return not (r.extracted.ocr and _other_rows_printed(r, other) >= len(_OTHER_ROWS_2021))


_OTHER_ROWS_2021 = [row for row in APPLICATION_ROWS_2021 if row.key.startswith("other.")]


_ROW_VALUES = 3  # a line printing this many values at least prints a row of table 三 (a header prints none)


def _other_rows_printed(r: Reading, other: int) -> int:
    """The lines printing a row of values from the line of （六）其他处理 (token ``other``) to the line before
    （七）总计: 1 in the 2019 format's table 三 (one row), 3 in 2021's (its three rows under the heading). In the
    parser's own OCR a sub-row's label can read too garbled for its words (``不补.芷`` for 不补正, synth_492), while
    the grid still prints each row on its line. Counted to 结转下年度 where 总计 is not read (two lines in 2019's
    table: its （六） and （七） rows; four in 2021's), never into table 四."""
    total = r.first_index(r"总计|结转下年度", other + 1)
    end = len(r.tokens) if total is None else total
    first = r.tokens[other][LINE]
    last = r.tokens[end][LINE] if end < len(r.tokens) else first + 10**9
    counts: dict[int, int] = {}
    for t in r.tokens[other:end]:
        if first <= t[LINE] < last and t[IS_VALUE] and t[TEXT]:
            counts[t[LINE]] = counts.get(t[LINE], 0) + 1
    return sum(1 for c in counts.values() if c >= _ROW_VALUES)

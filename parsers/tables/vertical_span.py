"""Table 三 where section 三's heading prints after the table's first rows (pdfminer's text with vertical-text
detection, ``-V``: a group holding a vertical box, ``总 计``, prints right to left, and the page's heading, on the
left, after the table's first page; tuning synth 10610, 10611, 10615, 10630).

The table's span (:func:`parsers.tables.box_order.three_span`) begins at its title, else at its first row's label;
here neither: its first page's values print before that label (the 总计 column's and the heads' boxes first), and
the title after the page's labels. :func:`page_start_before_title` gives the first token of that page, where the
title prints after the first row's label on the same page, so the table's first page is read whole. Table 二's last
values can print on that page too, right before the heading (its last block's boxes, on the page's left, printed
after the table's): :func:`before_title` gives the values beyond the table's cells that print right before the
heading, after the first row's label, to be set aside (another table's); the identities then decide, as elsewhere.
"""

from __future__ import annotations

import dataclasses

from parsers.model import Cell
from parsers.tables.reading import Reading
from parsers.tables.tokens import START, TEXT, Token

_TITLE = r"收到和处理政府信息公开申请情况"
MAX_BEFORE_TITLE = 15  # values beyond the table's cells printed right before the heading, at most (table 二's)


def _title_after(r: Reading, start: int, end: int) -> int | None:
    """Section 三's heading after token ``start`` (the first row's label), before ``end``, on the same page."""
    title = r.first_index(_TITLE, start + 1, end)
    if title is None or "\f" in r.text[r.tokens[start][START] : r.tokens[title][START]]:
        return None
    return title


def page_start_before_title(r: Reading, start: int, first: int, end: int) -> int | None:
    """The first token of the page table 三's first row label (token ``start``) prints on, where the span began
    at that label (no title before it: ``first == start``) and section 三's heading prints after it on the same
    page, and tokens print on that page before the label; None otherwise."""
    if first != start or _title_after(r, start, end) is None:
        return None
    page = r.text.rfind("\f", 0, r.tokens[start][START]) + 1
    k = start
    while k > 0 and r.tokens[k - 1][START] >= page:
        k -= 1
    return k if k < start else None


def before_title(r: Reading, start: int, end: int, values: list[Token], extra: int) -> list[Token] | None:
    """The ``extra`` values of ``values`` (the span's, from the page's start) that print last before section 三's
    heading and after the first row's label (token ``start``), none of the table's values between them and the
    heading: another table's, set aside; [] where ``extra`` is 0; None where they are not so."""
    if extra == 0:
        return []
    title = _title_after(r, start, end)
    if title is None or not 0 < extra <= MAX_BEFORE_TITLE:
        return None
    at, label = r.tokens[title][START], r.tokens[start][START]
    before = [k for k, v in enumerate(values) if v[START] < at]
    if len(before) < extra:
        return None
    drop = values[before[-1] - extra + 1 : before[-1] + 1]
    if drop[0][START] < label:
        return None
    return drop


def span_said(r: Reading, first: int, start: int, drop: list[Token], opened: int) -> str:
    """The warning of a table 三 read from its first row's page (:func:`page_start_before_title`)."""
    aside = (
        f"; {len(drop)} values printed right before that heading ({' '.join(v[TEXT] for v in drop)}) set aside as "
        "another table's (table 二's last block, on the same page), without which the identities hold"
        if drop
        else ""
    )
    return (
        f"table 三: section 三's heading prints after the table's first row label (pdfminer's vertical-text order: "
        f"the table's first page printed before its heading), so the table's values were looked for from the start of "
        f"that page, {start - first} tokens before the label{aside}; {opened} cells of the six applicant columns "
        "left blank, in the rows whose applicant values differ: every identity holds alike under any order of those "
        "columns, and this text prints some groups of columns right to left, others left to right (the 总计 column "
        "and the rows whose applicant values are one number read whatever the order)"
    )


def open_columns(cells: dict[str, Cell], columns: tuple[str, ...]) -> list[str]:
    """The applicant cells (``columns``: the six, 总计 aside) of each row of table 三 whose applicant values are not
    all the same, set blank in ``cells`` (their keys returned). In ``-V`` text a group of columns holding a vertical
    box prints right to left, another left to right (tuning synth 10610: its first page's applicant columns printed
    from 其他 to 自然人, 10611's from 自然人 to 其他, both after heads printed from 其他 on), and every identity of
    the table holds alike under any order of the six applicant columns (each row's 总计 sums them alike, each
    column's balance is its own): the order the reading took is not confirmed, so only a row whose six values are
    one number is read whatever the order; the 总计 column (the sum: no other column can hold it) is kept."""
    rows: dict[str, list[str]] = {}
    for key in cells:
        table, row, column = key.split("/")
        if table == "applications" and column in columns:
            rows.setdefault(row, []).append(key)
    blanked = []
    for keys in rows.values():
        if len({cells[k].value for k in keys}) > 1:
            for k in keys:
                cells[k] = dataclasses.replace(cells[k], value=None, raw="")
            blanked += keys
    return blanked

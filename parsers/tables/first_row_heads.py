"""Table 三's first row printed among its column heads, its values in the order poppler prints the heads.

``pdftotext`` without ``-layout`` prints a ruled table a block at a time (:mod:`parsers.tables.paragraph_cells`).
Where table 三's column heads are narrow, each prints a character a line, the heads' first characters in the order
poppler takes their blocks (``社`` / ``法`` / ``自`` / ``商`` / ``科`` / ``会`` / ``律`` / ``然`` … ``其`` …
``总`` / ``计``: 社会公益组织 and 法律服务机构 before 自然人), and the first row's values print among those heads in
the same order (``0`` / ``6`` / ``1`` / ``0`` / ``0`` / ``总`` / ``3`` / ``计`` / ``10`` for 自然人 1, 商业企业 0,
科研机构 0, 社会公益组织 0, 法律服务机构 6, 其他 3, 总计 10). Read in the template's order, the row's values stand
in the wrong columns.

:func:`first_row_by_heads` puts the row's seven values, in the order the text prints them, into the columns in the
order the text prints their heads' first characters (each a line of its own between 申请人情况 and the row's last
value), where that order is not the template's. The caller (:func:`parsers.tables.box_order.read_value_lines`)
keeps it only where every identity of table 三 then holds (each column's balance places its first value: two values
swapped that keep both balances are equal), and warns (``first_row_by_heads``).
"""

from __future__ import annotations

import re

from parsers.tables.templates import APPLICANT_COLUMNS
from parsers.tables.tokens import START, Token

# each column's head by the character it starts with (法人或其他组织, the group head, prints as one line of its own)
_HEAD_CHAR = {
    "自": "natural_person",
    "商": "commercial",
    "科": "research",
    "社": "social_org",
    "法": "legal_service",
    "其": "other_org",
    "总": "total",
}
_ONE_CHARACTER_LINE = re.compile(r"^[ \t]*([\u4e00-\u9fff])[ \t]*$", re.M)


def heads_order(text: str, row: list[Token]) -> list[str] | None:
    """The columns in the order ``text`` prints their heads a character a line (each head's first character a
    line of its own, between the last ``申请人情况`` before the first of ``row`` and the last of ``row``), where that
    order is whole and not the template's; else None."""
    if len(row) != len(APPLICANT_COLUMNS):
        return None
    start = text.rfind("申请人情况", 0, row[0][START])
    if start < 0:
        return None
    order: list[str] = []
    for m in _ONE_CHARACTER_LINE.finditer(text, start, row[-1][START]):
        col = _HEAD_CHAR.get(m.group(1))
        if col is not None and col not in order:
            order.append(col)
    if sorted(order) != sorted(APPLICANT_COLUMNS) or order == list(APPLICANT_COLUMNS):
        return None
    return order


def first_row_by_heads(text: str, values: list[Token]) -> tuple[list[Token], list[str]] | None:
    """Table 三's ``values`` (in the text's order, row after row) with the first row's seven put into the template's
    column order from the order its heads print (see the module's doc), and that order; None where the heads do not
    print so."""
    width = len(APPLICANT_COLUMNS)
    order = heads_order(text, values[:width])
    if order is None:
        return None
    first = [values[order.index(col)] for col in APPLICANT_COLUMNS]
    return first + values[width:], order

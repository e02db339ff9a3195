"""Table 三's 总计 values printed right after the 总计 column's head, before their band's other columns (pdfminer).

In the national template the heads 自然人 and 总计 span the header's two lower rows, the other applicant heads
only the lowest: 总计's head box stands higher than its neighbours'. pdfminer.six (default LAParams) groups the
nearest boxes first and prints each group's two parts in the order of ``0.5 * x0 - 1.5 * (y0 + y1)``, so a part
that reaches higher prints first even where it stands to the right. Where 总计's head is grouped with the 总计
cells of the table's first rows, that part prints before the cells to its left of the same rows (tuning seeds 3540
and 3543 with Chromium's PDF: the head and the totals of rows 1–4, then 其他's rows 1–4; 3549: 总计's rows 1–2,
then 法律服务机构 and 其他 row by row). What the text shows of it: the head ``总计`` (``总 计``, one or two lines),
then at once the totals. :func:`after_total_head` finds the values so printed; :mod:`parsers.tables.column_blocks`
lets only they begin a band's totals printed first (its ``_totals_first``): elsewhere the order is not one the
head's box makes, and the identities alone do not tell two rows' or two columns' values apart where they sum
alike (a reading tried without this condition put 5 in 2.重复申请 for 1.信访举报投诉类申请 with wkhtmltopdf's PDF).
"""

from __future__ import annotations

import re

from parsers.tables.reading import Reading
from parsers.tables.tokens import END, START, Token

# the 总计 column's head at the end of the text between two values (not the row label （七）总计)
_TOTAL_HEAD = re.compile(r"(?:^|[^)）七])总计$")


def after_total_head(r: Reading, values: list[Token]) -> frozenset[int]:
    """The indexes into ``values`` of those printed right after the 总计 column's head: nothing but text that ends
    with the head (its characters on one line or two) between the value before and this one."""
    found: set[int] = set()
    for k, value in enumerate(values):
        since = values[k - 1][END] if k else max(0, value[START] - 40)
        between = re.sub(r"\s+", "", r.text[since : value[START]])
        if _TOTAL_HEAD.search(between):
            found.add(k)
    return frozenset(found)

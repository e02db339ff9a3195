"""Table 三's 总计 or 自然人 values printed right after their column's head, out of their band's order (pdfminer).

In the national template the heads 自然人 and 总计 span the header's two lower rows, the other applicant heads
only the lowest: their boxes stand higher than their neighbours'. pdfminer.six (default LAParams) groups the
nearest boxes first and prints each group's two parts in the order of ``0.5 * x0 - 1.5 * (y0 + y1)``, so a part
that reaches higher prints first even where it stands to the right, and a part lower than its neighbour (one
without the heads grouped in) after it even where it stands to the left. Tuning seeds 3540–3559, Chromium's PDF,
the boxes' places read from it: 总计's head grouped with the 总计 cells of the table's first rows prints them before
其他's cells of those rows (3540, 3543: rows 1–4; 3549: rows 1–2, then 法律服务机构 and 其他 row by row; 3544: the
rows under the header printed again); 自然人's head grouped with its first four cells prints them after the other
six columns of those rows (3558). What the text shows of it: the head alone (``总 计``, ``自然 人``) between two
values, then at once that column's values; wkhtmltopdf draws a bold head twice, and pdfminer then prints each line
of the head's box twice over (``自然自然`` / ``人人``: synth 11935, 11940), the head alone all the same.
:func:`after_head` finds the values so printed;
:mod:`parsers.tables.column_blocks` lets only they begin a band's totals printed first or its 自然人 values printed
last: elsewhere the order is not one the head's box makes, and the identities alone do not tell two rows' or two
columns' values apart where they sum alike (a reading tried without this condition put 5 in 2.重复申请 for
1.信访举报投诉类申请 with wkhtmltopdf's PDF, 3542; one that took a header printed as one line, ``项目 自然人 … 其他
总计``, for 总计's head put 科研机构's 1 in the wrong row of 不予处理 with LibreOffice's PDF, 3546).
"""

from __future__ import annotations

import re

from parsers.tables.reading import Reading
from parsers.tables.tokens import END, START, Token

# the 总计 column's head, and 自然人's, alone between two values (spaces and line breaks apart)
TOTAL_HEAD = "总计"
NATURAL_HEAD = "自然人"


def after_head(r: Reading, values: list[Token], head: str) -> frozenset[int]:
    """The indexes into ``values`` of those printed right after a column's ``head`` box: nothing but the head (its
    characters on one line or two) between the value before and this one. Not the first value: a header printed
    as one line (LibreOffice's PDF: ``项目 自然人 … 其他 总计``, then the values) ends with 总计 whatever follows."""
    return frozenset(k for k in range(1, len(values)) if _is_head(r.text[values[k - 1][END] : values[k][START]], head))


def _is_head(gap: str, head: str) -> bool:
    """Whether the text between two values is ``head`` alone: its characters on one line or more, or each of its
    lines printed twice over (``自然自然`` / ``人人``: wkhtmltopdf draws a bold head twice, pdfminer reads both)."""
    if re.sub(r"\s+", "", gap) == head:
        return True
    lines = [line for line in re.sub(r"[ \t\u3000]+", "", gap).split("\n") if line]
    halves = [line[: len(line) // 2] for line in lines if len(line) % 2 == 0 and line[: len(line) // 2] * 2 == line]
    return len(halves) == len(lines) > 0 and "".join(halves) == head

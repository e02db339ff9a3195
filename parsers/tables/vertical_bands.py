"""Table 三 printed in bands whose 总计 column prints first (pdfminer's text with vertical-text detection, ``-V``).

With ``detect_vertical``, pdfminer makes the narrow 总计 head a vertical box (``总 计``, its glyphs a space apart),
and a group of boxes holding one prints its members right to left: a band of table 三's rows prints its 总计 column
first (the head ``总 计``, then the band's totals top to bottom), then the six applicant columns, each top to bottom
(tuning synth 1602: one band of 25 rows; 1600, 10615, 10629, 10638: a band before section 三's heading, the heading
printed after the page's values, at its left). The six columns print in an order the identities cannot confirm
(1602: 自然人 first, the others in the template's order; 1600, 10638: 自然人 last; v64's section: every identity of
the table holds alike under any order of the six applicant columns), so, as :mod:`parsers.tables.vertical_span`
does, only the 总计 column and the rows whose six applicant values are one number are read.

:func:`total_box_start` gives where such a table's values begin: the first spaced ``总 计`` on the page of the
span's first token, before it (the band printed ahead of the heading) or after it; the bands are then read by
:func:`parsers.tables.band_order.read_bands` with ``total_first``, every division into bands whose rows' totals
hold tried, and read only where one table results and every identity of the 总计 column holds.
"""

from __future__ import annotations

from parsers.tables.reading import Reading
from parsers.tables.tokens import COMPACT, START, TEXT


def _is_total_box(r: Reading, k: int) -> bool:
    """Token ``k`` is the spaced ``总 计`` of a vertical box (pdfminer's ``-V``: its glyphs a space apart)."""
    t = r.tokens[k]
    return t[COMPACT] == "总计" and " " in t[TEXT]


def total_box_start(r: Reading, first: int, end: int) -> int | None:
    """The first spaced ``总 计`` (a vertical box) from the start of the page token ``first`` (table 三's span's
    first token) prints on, up to token ``end``; None where there is none (not ``-V`` text)."""
    page = r.text.rfind("\f", 0, r.tokens[first][START]) + 1
    k = first
    while k > 0 and r.tokens[k - 1][START] >= page:
        k -= 1
    return next((i for i in range(k, end) if _is_total_box(r, i)), None)


def bands_said(start: int, first: int, heights: tuple[int, ...], opened: int) -> str:
    """The warning of a table 三 read in bands printing their 总计 column first."""
    where = (
        f", from the box 总 计 printed {first - start} tokens before the table's span on the same page (section 三's "
        "heading printed after the page's values)"
        if start < first
        else ""
    )
    return (
        f"table 三: its values print in bands of rows ({'+'.join(map(str, heights))}), each column by column, a "
        f"band's 总计 column first (its head a vertical box, 总 计: pdfminer's vertical-text order) or last, the six "
        f"applicant columns each top to bottom{where}; read as the only division into bands that holds every "
        "identity of the 总计 column and every row's total. The six applicant "
        f"columns' order is not confirmed by any identity: {opened} applicant cells left blank, in the rows whose "
        "applicant values differ (the 总计 column and the rows whose applicant values are one number read whatever "
        "the order)"
    )

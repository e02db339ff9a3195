"""Table 三's 自然人 column printed as a run of its rows first, then the rows above it, then those below (pdfminer).

In LibreOffice's PDF of the national template the 自然人 column stands right beside the row labels, and
pdfminer.six (default LAParams) can put a value of it on a label's line (``5.属于三类内部事务信息 0``: synth
11944; ``3.补正后申请内容仍不明确 0``: 7917) or group a run of its cells with the labels' boxes (synth 10606):
those values print with the labels, before the rest of the column, which then prints from the top. The value
stream of such a band (its boxes' places read from the PDF: 10606 rows 2–6, then 0–1, then 7–16; 7917 rows 14–18,
then 0–13, then 19–24; 11944 row 8, then 0–7, then 9–24; 11939 a band's rows 4–10, then 3, twice) shows the
column as one run of rows, then the rows above it, then those below, the other columns after it as before.

:func:`run_first` finds that order for a column whose values are known (the band's first group, filled exactly by
what its rows' totals leave: :mod:`parsers.tables.column_blocks`), so it gives no value the in-order reading would
not: it only lets a column that prints so be read where its values are exactly what the rows leave, and only where a
value prints on a row label's line (:func:`among_labels`: the cause seen).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from parsers.tables.reading import Reading
from parsers.tables.tokens import END, START, Token

Num = int | float

# a row label's number, as table 三's labels begin: 一、 (一) （一） 1.
_LABEL = re.compile(r"[一二三四]、|[（(][一二三四五六七][）)]|\d\.\D")


def _same(x: Num, y: Num) -> bool:
    return abs(x - y) < 1e-9


def run_first(stream: Sequence[Num], want: Sequence[Num]) -> tuple[int, int] | None:
    """The run of rows ``a`` … ``b - 1`` (0 < a < b) for which ``stream`` is ``want[a:b]``, then ``want[:a]``, then
    ``want[b:]`` (a column's values ``want`` top to bottom, printed so); the first such run, None where there is none
    (or ``stream`` is ``want`` in order)."""
    n = len(want)
    if len(stream) != n or n < 2:
        return None
    tail = n  # stream and want agree from here to the end
    while tail > 0 and _same(stream[tail - 1], want[tail - 1]):
        tail -= 1
    if tail == 0:
        return None  # in order
    for a in range(1, n):
        length = 0  # want[a:] printed first, as far as the stream agrees
        while a + length < n and _same(stream[length], want[a + length]):
            length += 1
        for b in range(max(a + 1, tail), a + length + 1):
            # the rows above the run follow it, then the rows below it (from b on: agree, as b >= tail)
            if all(_same(stream[b - a + j], want[j]) for j in range(a)):
                return a, b
    return None


def among_labels(r: Reading, values: list[Token]) -> bool:
    """Whether a value of ``values`` prints on a row label's line, after the label's number and words
    (``5.属于三类内部事务信息 0``, ``7.属于行政 0``): the column beside the labels grouped with them, the values out of
    their column's order. A label merely between two values (a band's labels printed between bands, or a page's
    before its values) is not it: pdfminer's default text prints those in most tables (on q58's tuning, 92 of 107
    streams that reach this order)."""
    if values and _LABEL.search(r.text[r.text.rfind("\n", 0, values[0][START]) + 1 : values[0][START]]):
        return True  # (the first value: its line's text before it)
    for before, now in pairwise(values):
        gap = r.text[before[END] : now[START]]
        if "\f" not in gap and _LABEL.search(gap.rsplit("\n", 1)[-1]):
            return True
    return False


def after_labels(r: Reading, values: list[Token]) -> frozenset[int]:
    """The values (by index, from 1) that print after a row label's line, the label between them and the value
    before (no page's start between): where a column beside the labels may resume once its boxes were grouped with
    the labels (wkhtmltopdf's PDF, synth 10438: 自然人's rows 9–19 after the labels ``1.属于国家秘密`` …
    ``6.属于四类过程性信息``, the band's other columns before them; :mod:`parsers.tables.column_blocks`' ``split``)."""
    found = set()
    for k, (before, now) in enumerate(pairwise(values), start=1):
        gap = r.text[before[END] : now[START]]
        if "\f" not in gap and any(_LABEL.match(line.strip()) for line in gap.split("\n")):
            found.add(k)
    return frozenset(found)


def stream_rows(a: int, b: int, n: int) -> list[int]:
    """Each row's place in the stream (rows ``0`` … ``n - 1``) where rows ``a`` … ``b - 1`` print first, then the rows
    above them, then those below."""
    return [b - a + j if j < a else j - a if j < b else j for j in range(n)]

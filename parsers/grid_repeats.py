"""Table 三's rows in a grid that splits its columns, where no header says which grid columns are one column.

pymupdf4llm builds a table's grid from every rule on the page and prints a merged cell's number in each grid
column it covers; where the table's header is on another page, or lies over other grid columns than the values
(its label cells wider), :mod:`parsers.grid_columns` has nothing to group them by, and a row of table 三 prints 8
to 13 numbers for its seven cells (``1.属于国家秘密|1|0|0|0|0|0|0|0|0|0|1|1``: the first seven were read, 总计 0).

The numbers say it themselves, for a run of such rows (the same grid: as many cells, the values from the same
column on): the grid columns of one column print the same number in every row, and each row's six applicant
columns add up to its 总计. Every grouping of the grid columns into seven runs of adjacent columns that keeps both
in every row is tried; where all of them read the same seven numbers in every row, the rows are read so (the first
grid column of each run; ``grid_repeats``). Where two groupings read a row differently, or none holds, nothing
changes. A run of rows printing only zeros is left as it is (any grouping reads zeros), and so is a run whose
rows' labels name no row of table 三 (table 二's and 四's rows have other columns and no such total).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from parsers.grid_columns import BR, PLACEHOLDER

_COLUMNS = 7  # table 三: six applicant columns and 总计
_MOST = 2 * _COLUMNS - 1  # more grid columns than this: two rows' numbers, or another table
_NUMBER = re.compile(r"^\d[\d,]*$")
# words of table 三's row labels (the template's), one of which each row's label cells print; its 其他 (3.其他,
# （六）其他处理) not the head of table 二's 其他对外管理服务事项, a row of three columns whose numbers, repeated
# across a split grid, can add up like a table 三 row's (0 0 0 0 0 0 243 243 243 read 0 0 0 0 0 243 243)
_TABLE_THREE_ROW = re.compile(
    "本年新收|上年结转|予以公开|部分公开|国家秘密|禁止公开|安全一稳定|第三方合法|内部事务|过程性|执法案卷|查询事项|"
    "不掌握|另行制作|仍不明确|信访|重复申请|出版物|反复申请|重新出具|不补正|缴纳费用|其他(?!对外)|总计|结转下年"
)


def _text(cell: str) -> str:
    text = "".join(BR.sub("", cell).split())
    return "" if PLACEHOLDER.match(text) else text


def _row(texts: list[str]) -> tuple[int, list[int | None], int] | None:
    """A table 三 row of a split grid: (the index of its first value cell, its values, how many empty cells lead
    them), its values a run of numbers to the row's end, more than seven of them, after label cells that name a row
    of table 三."""
    first = next((c for c, t in enumerate(texts) if c and _NUMBER.match(t)), None)
    if first is None or not _COLUMNS < len(texts) - first <= _MOST:
        return None
    if not all(_NUMBER.match(t) for t in texts[first:]):
        return None
    if not _TABLE_THREE_ROW.search("".join(texts[:first])):
        return None
    start = first
    while start > 1 and not texts[start - 1]:
        start -= 1
    return first, [int(t.replace(",", "")) for t in texts[first:]], first - start


def _reading(rows: list[list[int | None]]) -> tuple[int, ...] | None:
    """The start of each of the seven runs of grid columns, when every grouping that keeps the repeats and the
    totals reads the rows alike (the first such grouping); None otherwise. A blank cell (None) differs from every
    number, so its grid columns are a run of their own, and counts 0 in the total."""
    m = len(rows[0])
    # a gap between two grid columns that print different numbers in some row is a column's edge
    edges = {g for g in range(1, m) if any(v[g - 1] != v[g] for v in rows)}
    if len(edges) > _COLUMNS - 1:
        return None
    free = [g for g in range(1, m) if g not in edges]
    chosen: tuple[int, ...] | None = None
    reading: list[tuple[int | None, ...]] = []
    for extra in itertools.combinations(free, _COLUMNS - 1 - len(edges)):
        starts = (0, *sorted(edges.union(extra)))
        read = [tuple(v[s] for s in starts) for v in rows]
        if any(sum(v or 0 for v in r[:-1]) != (r[-1] or 0) for r in read):
            continue
        if chosen is None:
            chosen, reading = starts, read
        elif read != reading:
            return None
    return chosen


def columns_by_repeats(
    lines: list[str], cells_of: Callable[[str], list[tuple[int, int]]], is_row: Callable[[str], bool]
) -> dict[int, set[int]]:
    """Line index → the grid columns of that pipe row to leave out (each run read in its first column), for the
    runs of table 三's rows whose grouping the numbers fix (see the module's doc)."""
    out: dict[int, set[int]] = {}
    run: list[tuple[int, int, int, list[int | None]]] = []  # (line, cells, first value cell, values)

    def close() -> None:
        rows = [values for _, _, _, values in run]
        if rows and any(any(v) for v in rows) and (starts := _reading(rows)) is not None:
            for k, _, first, values in run:
                keep = {first + s for s in starts}
                out[k] = {first + c for c in range(len(values)) if first + c not in keep}
        run.clear()

    for k, line in enumerate(lines):
        if "|" not in line or not is_row(line):
            close()
            continue
        texts = [_text(line[s:e]) for s, e in cells_of(line)]
        if all(not t or set(t) <= set("-:") for t in texts):
            continue  # the |---| rule
        row = _row(texts)
        if row is None and run and len(texts) == run[-1][1] and not any(texts[run[-1][2] :]):
            continue  # a heading row of the same grid, its value cells empty ((三)不予公开): the run goes on
        if row is None:
            close()
            continue
        first, values, lead = row
        if (
            lead
            and run
            and (run[-1][1], run[-1][2], len(run[-1][3])) == (len(texts), first - lead, len(values) + lead)
            and len(values) + lead <= _MOST
        ):
            # empty cells between the label's and the first number, where the rows above print numbers: the row's
            # first cells printed blank (自然人 empty in both its grid columns: ``|||0|0|…``), read as blank cells
            # of the run's grouping, not left for the header's grid columns to read
            first, values = first - lead, [*([None] * lead), *values]
        if run and (run[-1][1], run[-1][2], len(run[-1][3])) != (len(texts), first, len(values)):
            close()
        run.append((k, len(texts), first, values))
    close()
    return out

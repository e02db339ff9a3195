"""A table 二 row's cells printed as one run against its label (BeautifulSoup's ``get_text()`` with no separator):
every way to cut the run into the row's cells, each piece printed as its column prints a number.

Table 二's columns print three shapes of number (SCHEMA.md, the national template): counts (``0`` or a number not
starting with 0, thousands apart by commas or not), the change of a count (本年增/减: a count or a negative one,
``-2``) and amounts in 万元 (a count, or one with decimals: ``4.2``, ``0.37``). A decimal point or a minus sign
in the run so limits where the cuts fall: ``74.2`` for 采购项目数量 and 金额 is 7 and 4.2 only (a count has no
decimals), ``58-2`` for 上一年项目数量 and 本年增/减 is 58 and -2. The caller takes a split only where it is the
only one; the rest stay blank (``ambiguous_split``).

A run may hold dashes, the template's mark of a cell with nothing to report (``规章0—1``, ``行政规范性文件01—``): a
dash is a cell of its own (``—``, or ``——`` printed for one cell), never part of a number, so the digits between
dashes are split on their own (:func:`split_marked`). And 2019's 政府集中采购 may print its count and amount in one
cell, each with its unit or apart by a slash or a semicolon (``1项/29万元``): the unit or the separator ends the
count (:func:`count_and_amount`).
"""

from __future__ import annotations

import itertools
import re

_COUNT = r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*"
_SHAPES = {
    "change": re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+|-?[1-9]\d*|0"),
    "amount": re.compile(rf"(?:{_COUNT})(?:\.\d+)?"),
}
_DEFAULT = re.compile(_COUNT)
RUN = re.compile(r"\d[\d,.\-]*")
DASHES = "—―─"  # the dashes that print an empty cell (not ``-`` or ``－``, which print a minus sign too)
_MARKED = re.compile(rf"[\d,.]+|[{DASHES}]+")
# a count with its unit or not, a slash or a semicolon, an amount with its unit or not (2019's 政府集中采购 in one cell)
_COUNT_AMOUNT = re.compile(
    r"(\d[\d,]*)(?:项|个|件)?(?:\s*[/;；]\s*|\s+)(\d[\d,]*(?:\.\d+)?)(?:万元|亿元|元)?"
)  # what such a run is made of (the caller checks its shape further)
MAX_SPLITS = 6  # splits returned at most (more tell no more: the row is left blank either way)


def split_run(run: str, columns: list[str]) -> list[tuple[str, ...]]:
    """Every cut of ``run`` into one piece a column, each piece printed as its column prints a number (at most
    :data:`MAX_SPLITS` + 1 of them)."""
    shapes = [_SHAPES.get(c, _DEFAULT) for c in columns]
    out: list[tuple[str, ...]] = []
    for cuts in itertools.combinations(range(1, len(run)), len(columns) - 1):
        bounds = [0, *cuts, len(run)]
        pieces = tuple(run[a:b] for a, b in itertools.pairwise(bounds))
        if all(shape.fullmatch(p) for shape, p in zip(shapes, pieces, strict=True)):
            out.append(pieces)
            if len(out) > MAX_SPLITS:
                break
    return out


def split_marked(run: str, columns: list[str]) -> list[tuple[str, ...]]:
    """Every cut of ``run``, digits and dashes (``0—1``), into one piece a column: each dash, or pair of dashes, a
    cell of its own; each stretch of digits between them cut as :func:`split_run` cuts a run (at most
    :data:`MAX_SPLITS` + 1 of them). Empty when the run holds anything else."""
    parts = _MARKED.findall(run)
    if "".join(parts) != run:
        return []
    out: list[tuple[str, ...]] = []

    def walk(k: int, col: int, done: tuple[str, ...]) -> None:
        if len(out) > MAX_SPLITS:
            return
        if k == len(parts):
            if col == len(columns):
                out.append(done)
            return
        part, left = parts[k], len(columns) - col
        if part[0] in DASHES:
            for cells in _dash_cells(part):
                if len(cells) <= left:
                    walk(k + 1, col + len(cells), done + cells)
            return
        for n in range(1, left + 1):
            for pieces in split_run(part, columns[col : col + n]):
                walk(k + 1, col + n, done + pieces)

    walk(0, 0, ())
    return out[: MAX_SPLITS + 1]


def _dash_cells(dashes: str) -> list[tuple[str, ...]]:
    """The ways a stretch of dashes prints empty cells: each cell one dash or two (``——``)."""
    if not dashes:
        return [()]
    out = [(dashes[:1], *rest) for rest in _dash_cells(dashes[1:])]
    if len(dashes) > 1:
        out += [(dashes[:2], *rest) for rest in _dash_cells(dashes[2:])]
    return out


# 2019's 政府集中采购 count and amount in one cell apart by a space, the amount with its unit (``103 77.60万元``,
# ``0 0.5万元``: the tokenizer keeps it one word)
COUNT_SPACE_AMOUNT = re.compile(r"\d[\d,]*(?:(?:项|个|件)\s+\d[\d,]*(?:\.\d+)?|\s+\d[\d,]*\.\d+)(?:万元|亿元|元)")


def count_space_amount(text: str) -> bool:
    """Whether ``text`` is one cell printing 政府集中采购's count and amount apart by a space (``103 77.60万元``)."""
    return text.endswith("元") and COUNT_SPACE_AMOUNT.fullmatch(text) is not None and count_and_amount(text) is not None


def count_and_amount(run: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the count and the amount in ``run`` printed as one cell of 2019's 政府集中采购 (``1项/29万元``,
    ``2；4693.39``); None when it is not printed so."""
    m = _COUNT_AMOUNT.fullmatch(run)
    return (m.span(1), m.span(2)) if m else None

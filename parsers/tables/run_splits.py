"""A table 二 row's cells printed as one run against its label (BeautifulSoup's ``get_text()`` with no separator):
every way to cut the run into the row's cells, each piece printed as its column prints a number.

Table 二's columns print three shapes of number (SCHEMA.md, the national template): counts (``0`` or a number not
starting with 0, thousands apart by commas or not), the change of a count (本年增/减: a count or a negative one,
``-2``) and amounts in 万元 (a count, or one with decimals: ``4.2``, ``0.37``). A decimal point or a minus sign
in the run so limits where the cuts fall: ``74.2`` for 采购项目数量 and 金额 is 7 and 4.2 only (a count has no
decimals), ``58-2`` for 上一年项目数量 and 本年增/减 is 58 and -2. The caller takes a split only where it is the
only one; the rest stay blank (``ambiguous_split``).
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
RUN = re.compile(r"\d[\d,.\-]*")  # what such a run is made of (the caller checks its shape further)
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

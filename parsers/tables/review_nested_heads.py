"""Table 四 whose values print nested among its column heads: pdfminer.six's default text (``pdf2txt.py``).

pdfminer merges the nearest boxes of a page, over and over; a head's box and the value under it can merge before
the heads of a block merge with each other, so some values print right after their heads and the others come
later, together (tuning seeds 3540–3559, ``pdf-pdfminer``, 3543)::

    结果 维持 / 结果 纠正 / 其他 结果 / 尚未 审结 / 总 计 / 未经复议直接起诉 / 复议后起诉 /
    结果 维持 / … / 总 计 / 0 / 结果 维持 / … / 尚未 审结 / 1 2 0 1 / 总 计 / 4 0 1 1 0 2 0 0 0 0

:func:`read_nested_heads` reads such a text where it says everything:

- from table 四's first column head to its end (``stop``), the text holds nothing but pieces of the table's heads
  and exactly its 15 values; the column heads (结果维持 … 总计, joined from their pieces) make three blocks, each
  its five heads in the template's order (a head that does not follow the one before starts the next block),
  the blocks left to right (行政复议, 未经复议直接起诉, 复议后起诉);
- a run of values right after heads is the values of the cells under the last of those heads, as many as both
  have (one value after ``… 尚未审结 总计``: the 总计's; four after four heads: theirs); the values that remain
  fill the cells that remain, in the table's order (left to right);
- kept only when each of the table's three totals holds; reported as ``review_by_heads``.
"""

from __future__ import annotations

import re

from parsers.model import Cell, Check, Warning_
from parsers.tables.checks import review_checks
from parsers.tables.reading import Reading
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.tokens import COMPACT, IS_VALUE, LINE, TEXT, Token

_R = "review_litigation"
# the characters of table 四's header cells: a token of them alone is a piece of a head
_HEAD_CHARS = frozenset("结果维持纠正其他尚未审结总计行政复议诉讼未经直接起诉后")
_HEADS = {"结果维持": 0, "结果纠正": 1, "其他结果": 2, "尚未审结": 3, "总计": 4}
_FULL_HEAD = re.compile("|".join(_HEADS))
# the characters of the column heads that no group head (行政复议, 未经复议直接起诉 …) has
_COLUMN_CHARS = frozenset("结果维持纠正其他尚审总计")


def _events(r: Reading, begin: int, stop: int, skip_lines: set[int]) -> list[tuple[list[int], list[Token]]] | None:
    """The text from ``begin`` to ``stop`` as gaps of heads, each with the run of values after it: (the heads'
    columns, the values); None where a token is neither a value nor a piece of a head."""
    out: list[tuple[list[int], list[Token]]] = []
    pieces: list[str] = []
    values: list[Token] = []
    for tok in r.tokens[begin:stop]:
        if tok[IS_VALUE]:
            if tok[LINE] not in skip_lines:
                values.append(tok)
            continue
        if not set(tok[COMPACT]) <= _HEAD_CHARS:
            return None
        if values:
            out.append(([_HEADS[h] for h in _FULL_HEAD.findall("".join(pieces))], values))
            pieces, values = [], []
        pieces.append(tok[COMPACT])
    out.append(([_HEADS[h] for h in _FULL_HEAD.findall("".join(pieces))], values))
    return out


def read_nested_heads(
    r: Reading, head: int, stop: int, skip_lines: set[int]
) -> tuple[dict[str, Cell], list[Warning_], list[Check]] | None:
    """Table 四 (its first header cell at token ``head``, its end at ``stop``) read as the module says: its cells,
    warnings and checks (all holding), else None."""
    width = len(REVIEW_COLUMNS)
    keys = [f"{_R}/{row}/{c}" for row in REVIEW_ROWS for c in REVIEW_COLUMNS]
    first = next((k for k in range(head, stop) if set(r.tokens[k][COMPACT]) & _COLUMN_CHARS), None)
    if first is None:
        return None
    events = _events(r, first, stop, skip_lines)
    if events is None or sum(len(v) for _, v in events) != len(keys):
        return None
    # the blocks the heads make, each head's cell (its place in the table's order)
    blocks: list[list[int]] = []
    cell_of: list[list[int]] = []  # each gap's heads as cells
    for cols, _ in events:
        cells = []
        for c in cols:
            if not blocks or c <= blocks[-1][-1]:
                blocks.append([])
            blocks[-1].append(c)
            cells.append((len(blocks) - 1) * width + c)
        cell_of.append(cells)
    if len(blocks) != len(REVIEW_ROWS) or any(b != list(range(width)) for b in blocks):
        return None
    placed: dict[int, Token] = {}
    rest: list[Token] = []
    for cells, (_, values) in zip(cell_of, events, strict=True):
        k = min(len(cells), len(values))
        under = cells[len(cells) - k :]
        placed.update(zip(under, values[:k], strict=True))
        rest.extend(values[k:])
    if not placed or not rest:
        return None  # every value after its own head, or none: the other readings' (box_order.py)
    free = [i for i in range(len(keys)) if i not in placed]
    if len(free) != len(rest):
        return None
    placed.update(zip(free, rest, strict=True))
    t = Reading(r.extracted, r.norm, r.canonical)
    order = sorted(placed)
    t.put_cells([keys[i] for i in order], [placed[i] for i in order], placed[min(placed)])
    checks = review_checks(t.get)
    if not all(c.passed and not c.blank for c in checks) or any(t.get(k) is None for k in keys):
        return None
    n_heads = len(keys) - len(rest)
    t.warn(
        "review_by_heads",
        f"table 四: its values print nested among its column heads (pdfminer's boxes); {n_heads} read as the cells "
        f"under the heads they follow, the other {len(rest)} ({' '.join(v[TEXT] for v in rest)}) in the table's "
        f"order in the cells left; its {len(checks)} totals hold (parsers/tables/review_nested_heads.py)",
        _R,
        rest[0],
    )
    return t.cells, t.warnings, checks

"""Table 四 in pdfminer's text with vertical-text detection (``pdf2txt -V``): its blocks printed right to left.

With ``detect_vertical``, pdfminer reads the narrow 总计 column head of each block (``总 计``: a vertical box, its
glyphs printed a space apart) as vertical text, and every group of boxes holding a vertical box is ordered top right
to bottom left (``LTTextGroupTBRL``: right before left, then top before bottom). So the table's three blocks print
from the right: 复议后起诉's first, then 未经复议直接起诉's, then the two litigation labels, then 行政复议's heads, then
the values. Two shapes of this order were measured (tuning, v61):

- **heads then values** (one line of heads, one of values, for the four result columns: an ordinary group):
  复议后起诉's ``总 计``, its total, its four result heads, its four result values; 未经复议直接起诉's ``总 计``, its
  total, its four result heads; the two labels; 行政复议's five heads (in any order); 行政复议's five values in the
  template's order; then 未经复议直接起诉's four result values;
- **each head with its value** (every head a vertical box: each column's head, then its value, the block's columns
  from the right): 复议后起诉's five heads each followed by its value, then 未经复议直接起诉's; the two labels;
  行政复议's five heads; its five values in the template's order.

Read only where the tokens from a spaced ``总 计`` to section 五's heading are exactly one of those shapes (the values
before it, if any, are other tables' and set aside), and every block's total is the sum of its four results; the
reading is warned (``review_vertical``) with the order it assumed. Elsewhere (another order, a total failing) None:
the other readers read the table as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.model import Cell, Warning_
from parsers.tables.reading import Reading
from parsers.tables.review_cells import N_REVIEW, REVIEW_KEYS, review_totals_hold
from parsers.tables.templates import REVIEW_TABLE as R
from parsers.tables.templates import SECTION_FIVE
from parsers.tables.tokens import COMPACT, IS_BLANK_MARKER, IS_VALUE, TEXT, Token, number_value

# a block's column heads, each as the template's column order (结果维持, 结果纠正, 其他结果, 尚未审结, 总计)
_HEADS = {"结果维持": 0, "结果纠正": 1, "其他结果": 2, "尚未审结": 3, "总计": 4}
_TOTAL = 4
_RESULTS = [0, 1, 2, 3]
_LABELS = ("未经复议直接起诉", "复议后起诉")
_GROUPS = ("行政复议", "行政诉讼")  # the table's group heads: after its values (section 四's heading moved with them)
_ROW = -1  # a litigation row's label
_VALUE = -2
_GROUP = -3

Symbol = tuple[int, Token]


def _symbols(tokens: Sequence[Token]) -> list[Symbol] | None:
    """The tokens as table 四's heads (their pieces joined), litigation labels and values; None where any token is
    something else (prose, another table's label, a blank marker)."""
    out: list[Symbol] = []
    piece = ""
    first: Token | None = None
    names = (*_HEADS, *_LABELS, *_GROUPS)
    for t in tokens:
        if not t[TEXT]:
            continue
        if t[IS_VALUE]:
            if piece or t[IS_BLANK_MARKER]:
                return None
            out.append((_VALUE, t))
            continue
        piece += t[COMPACT]
        first = first or t
        if piece in _HEADS or piece in _LABELS or piece in _GROUPS:
            out.append((_HEADS.get(piece, _GROUP if piece in _GROUPS else _ROW), first))
            piece, first = "", None
        elif not any(name.startswith(piece) for name in names):
            return None
    return None if piece else out


def _kinds(symbols: Sequence[Symbol]) -> list[int]:
    return [kind for kind, _ in symbols]


def _heads_then_values(symbols: Sequence[Symbol]) -> list[Token | None] | None:
    """The first shape: 15 values in the template's order (行政复议, 未经复议直接起诉, 复议后起诉), or None."""
    kinds = _kinds(symbols)
    v = _VALUE
    shape = [_TOTAL, v, *_RESULTS, v, v, v, v, _TOTAL, v, *_RESULTS, _ROW, _ROW]
    if len(kinds) != len(shape) + 5 + 9 or kinds[: len(shape)] != shape:
        return None
    if sorted(kinds[len(shape) : len(shape) + 5]) != [*_RESULTS, _TOTAL] or kinds[len(shape) + 5 :] != [v] * 9:
        return None
    toks = [t for _, t in symbols]
    after = toks[1], toks[6:10]  # 复议后起诉: its total, its four results
    direct = toks[11]  # 未经复议直接起诉's total
    rest = toks[len(shape) + 5 :]
    return [*rest[:5], *rest[5:9], direct, *after[1], after[0]]


def _heads_with_values(symbols: Sequence[Symbol]) -> list[Token | None] | None:
    """The second shape: 15 values in the template's order, or None."""
    kinds = _kinds(symbols)
    if len(kinds) != 20 + 2 + 5 + 5 or kinds[20:22] != [_ROW, _ROW]:
        return None
    if sorted(kinds[22:27]) != [*_RESULTS, _TOTAL] or kinds[27:] != [_VALUE] * 5:
        return None
    blocks: list[list[Token]] = []
    for b in (0, 10):
        pairs = symbols[b : b + 10]
        heads = [kind for kind, _ in pairs[0::2]]
        if heads[0] != _TOTAL or sorted(heads) != [*_RESULTS, _TOTAL]:
            return None
        if any(kind != _VALUE for kind, _ in pairs[1::2]):
            return None
        cells = [t for _, t in pairs[1::2]]
        blocks.append([cells[heads.index(c)] for c in (*_RESULTS, _TOTAL)])
    after, direct = blocks
    return [*(t for _, t in symbols[27:]), *direct, *after]


def _blocks_in_line(symbols: Sequence[Symbol]) -> list[Token | None] | None:
    """The third shape: 15 cells in the template's order (复议后起诉's blank), or None."""
    kinds = _kinds(symbols)
    v = _VALUE
    block = [_TOTAL, v, *_RESULTS, v, v, v, v]
    if len(kinds) != 5 + 2 * len(block) + 2 or kinds[0] != _TOTAL or sorted(kinds[1:5]) != _RESULTS:
        return None
    if kinds[5:15] != block or kinds[15:17] != [_ROW, _ROW] or kinds[17:] != block:
        return None
    toks = [t for _, t in symbols]
    direct, review = toks[5:15], toks[17:]
    return [*review[6:10], review[1], *direct[6:10], direct[1], *[None] * 5]


def _heads_first(symbols: Sequence[Symbol]) -> list[Token | None] | None:
    """The fourth shape: every block's heads (复议后起诉's, 未经复议直接起诉's, the two labels, 行政复议's), then the 15
    values in the template's order (one line of values under the heads' lines), the group heads 行政复议 / 行政诉讼
    after them or not; or None."""
    kinds = _kinds(symbols)
    if kinds[-2:] == [_GROUP, _GROUP]:
        kinds, symbols = kinds[:-2], symbols[:-2]
    if len(kinds) != 3 * 5 + 2 + N_REVIEW or kinds[10:12] != [_ROW, _ROW] or kinds[17:] != [_VALUE] * N_REVIEW:
        return None
    for b in (0, 5, 12):
        if kinds[b] != _TOTAL or sorted(kinds[b + 1 : b + 5]) != _RESULTS:
            return None
    return [t for _, t in symbols[17:]]


def review_vertical(r: Reading, anchor: int, stop: int) -> tuple[list[Token | None], int] | None:
    """Table 四's 15 cells read in pdfminer's ``-V`` order (module docstring), and the index of its last value; None
    where the tokens after ``anchor`` up to ``stop`` (section 五's heading) are not that order or a block's total
    fails. Warned on ``r``."""
    stop = min(stop, len(r.tokens))
    for k in range(anchor + 1, stop):
        t = r.tokens[k]
        if t[COMPACT] != "总计" or " " not in t[TEXT]:
            continue  # the first spaced 总 计 (a vertical box) starts the shape, or nothing does
        symbols = _symbols(r.tokens[k:stop])
        if symbols is None:
            return None
        how = "each block's result heads on a line, its values on the next"
        toks = _heads_then_values(symbols)
        if toks is None:
            how = "each column's head followed by its value"
            toks = _heads_with_values(symbols)
        cells: list[Token | None] | None = toks
        if cells is None:
            how = "复议后起诉's heads with no value (a blank row), each other block's 总计 and its value, its "
            how += "result heads, their values"
            cells = _blocks_in_line(symbols)
        if cells is None:
            how = "every block's heads, then its values in the template's order"
            cells = _heads_first(symbols)
        if cells is None or len(cells) != N_REVIEW:
            return None
        if not review_totals_hold([None if x is None else number_value(x[TEXT]) for x in cells]):
            return None
        before = [x for x in r.tokens[anchor + 1 : k] if x[IS_VALUE]]
        r.warn(
            "review_vertical",
            "table 四: printed in pdfminer's vertical-text order (its 总计 heads spaced, vertical boxes: groups "
            "holding them print right to left): 复议后起诉's block first, then 未经复议直接起诉's, then 行政复议's "
            f"heads and values ({how}); read so, every block's total holding (a guess from the order of the boxes, not "
            "the identities': 未经复议直接起诉 and 复议后起诉 tell apart only by it)"
            + (f"; {len(before)} value(s) printed before it set aside as another table's" if before else ""),
            R,
            t,
        )
        return cells, max(i for i in range(k, stop) if r.tokens[i][IS_VALUE])
    return None


def vertical_regions(r: Reading, start: int) -> list[tuple[int, int]]:
    """Where table 四 can print in pdfminer's ``-V`` order, from token ``start``: from its first 行政复议 to section
    五's heading after it; and from table 三's last row label (``结转下年度``) before section 五's first heading, or
    from ``start``, to that heading (``-V`` can put section 四's heading and the group heads 行政复议 / 行政诉讼 after
    section 五's heading, or after the table's values: tables/box_order.py)."""
    out = []
    n = len(r.tokens)
    anchor = r.first_index(r"行政复议", start, n)
    if anchor is not None:
        five = r.first_index(SECTION_FIVE, anchor + 1, n)
        out.append((anchor, n if five is None else five))
    five = r.first_index(SECTION_FIVE, start, n)
    last = None
    while (
        five is not None and (i := r.first_index(r"结转下年度", start if last is None else last + 1, five)) is not None
    ):
        last = i
    begin = start if last is None else last  # (table 三's end: where table 四 is looked for from, else)
    if five is not None and begin < five and (anchor is None or begin < anchor):
        out.append((begin, five))
    return out


def read_vertical(r: Reading, start: int) -> tuple[list[Token | None], int, int] | None:
    """Table 四's cells read by :func:`review_vertical` in the first of :func:`vertical_regions` it reads, the index
    of its last value and the token its cells are said at; None where it does not read."""
    for region in vertical_regions(r, start):
        if (read := review_vertical(r, *region)) is not None:
            return read[0], read[1], region[0]
    return None


def vertical_four(r: Reading, start: int) -> tuple[dict[str, Cell], list[Warning_]] | None:
    """Table 四 read as :func:`read_vertical` reads it from token ``start``, for a text whose tables are otherwise
    read by other means (a text printed column by column): its cells and its warning, taken off ``r`` for the caller
    to keep; None where it does not read."""
    mark = len(r.warnings)
    read = read_vertical(r, start)
    if read is None:
        return None
    before = {k: r.cells[k] for k in REVIEW_KEYS if k in r.cells}
    r.put_cells(REVIEW_KEYS, read[0], r.tokens[read[2]])
    cells = {k: r.cells[k] for k in REVIEW_KEYS}
    for k in REVIEW_KEYS:
        if k in before:
            r.cells[k] = before[k]
        else:
            del r.cells[k]
    warnings = r.warnings[mark:]
    del r.warnings[mark:]
    return cells, warnings

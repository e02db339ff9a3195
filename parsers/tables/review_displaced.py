"""Table 四's 15 values in poppler's block order, a few displaced, put back by its three row totals and its heads.

``pdftotext`` without ``-layout`` prints a ruled table a cell a block (:mod:`parsers.tables.paragraph_cells`):
table 四's column heads (结果维持 … 总计, printed a character a line or a word a line) come in groups, each group
followed by the values of its columns. Its values print in the template's order but for a few: a row's 总计 whose
head poppler groups with the next row's heads prints among that row's values (1240's 未经复议直接起诉 总计 after
复议后起诉's four values), a value prints a cell early or late within its group. Read in order, two rows' totals
or more fail and the rows are left blank (``placement_open``).

:func:`review_displaced` reads the values with :func:`parsers.tables.displaced.read_displaced` (the stream in its
order but for at most :data:`~parsers.tables.displaced.MAX_MOVES` single values put back elsewhere, the fewest that
make every identity hold), the identities being the table's three row totals and nothing else: weaker than table
三's 25 row totals and column balances, so a placement must also agree with the heads. Each group of heads names
its columns by the characters only their heads have (持 结果维持, 正 结果纠正, 他 其他结果, 审 尚未审结, 总 总计);
the template's 15 columns, in its order, fall into the groups in turn (a group takes the next columns of the kinds
its heads name, the rest go to the next group: a 总计 whose head prints with the next row's heads goes there). A
table is kept only where each value's column is one that the group it printed in names (equal values being
interchangeable), and read only where exactly one such table comes of the fewest displaced values
(``displaced_values``, review suggested, naming each cell moved and where its value printed). Where two or more
do (``displaced_open``), or the heads do not name exactly the columns of the values after them, nothing is read.
"""

from __future__ import annotations

from collections import Counter

from parsers.tables.align import Fit
from parsers.tables.displaced import MAX_MOVES, read_displaced
from parsers.tables.reading import Reading
from parsers.tables.solve import Identity, Value
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_HEAD_KIND, REVIEW_ROWS
from parsers.tables.templates import REVIEW_TABLE as R
from parsers.tables.tokens import TEXT, Token, number_value

N_COLS = len(REVIEW_COLUMNS)
N_ROWS = len(REVIEW_ROWS)
_IDENTITIES = [
    Identity(f"row_total/{row}", tuple((i, c) for c in range(N_COLS - 1)), ((i, N_COLS - 1),))
    for i, row in enumerate(REVIEW_ROWS)
]


def walk_groups(r: Reading, start: int, vals: list[Token]) -> tuple[list[Counter[int]], list[str], list[int], int]:
    """The groups of heads ``vals`` print after (tokens from ``start`` on): a group is the heads since the last value
    and the run of values after them. Each group's head kinds (:data:`REVIEW_HEAD_KIND`) and head text without spaces,
    each value's group, and how many of ``vals`` were met."""
    groups: list[Counter[int]] = []
    texts: list[str] = []
    of_value: list[int] = []
    heads: Counter[int] = Counter()
    text: list[str] = []
    j = 0
    for tok in r.tokens[start:]:
        if j == len(vals):
            break
        if tok is vals[j]:
            if heads or not groups:
                groups.append(heads)
                texts.append("".join(text))
                heads, text = Counter(), []
            of_value.append(len(groups) - 1)
            j += 1
            continue
        heads.update(k for ch in tok[TEXT] if (k := REVIEW_HEAD_KIND.get(ch)) is not None)
        text.append("".join(tok[TEXT].split()))
    return groups, texts, of_value, j


def head_groups(r: Reading, start: int, vals: list[Token]) -> list[int] | None:
    """The group of heads each of ``vals`` prints after (:func:`walk_groups`). Each cell's group (row-major), where
    the heads name exactly the columns of the values after them and the template's columns fall into the groups in
    its order (see the module's doc); None otherwise, or where all print after one group (nothing to check a
    placement by)."""
    groups, _, of_value, j = walk_groups(r, start, vals)
    if j != len(vals) or len(groups) < 2 or len(vals) != N_ROWS * N_COLS:
        return None
    if [sum(g.values()) for g in groups] != [of_value.count(b) for b in range(len(groups))]:
        return None
    left = [Counter(g) for g in groups]
    cells: list[int] = []
    b = 0
    for _ in range(N_ROWS):
        for kind in range(N_COLS):
            while b < len(left) and not left[b][kind]:
                b += 1
            if b == len(left):
                return None
            left[b][kind] -= 1
            cells.append(b)
    return of_value + cells


def _n(v: Value) -> Value:
    return 0 if v is None else v


def review_displaced(r: Reading, start: int, vals: list[Token], warn_to: Reading | None = None) -> Fit | None:
    """Table 四 read from its 15 ``vals`` (printed after token ``start``, its first head) with a few displaced
    values put back (see the module's doc): the cells' tokens, or None. Warns on ``warn_to`` (``r`` if None)."""
    w = r if warn_to is None else warn_to
    placed = head_groups(r, start, vals)
    if placed is None:
        return None
    printed_in, cell_in = placed[: len(vals)], placed[len(vals) :]
    nums = [number_value(t[TEXT]) for t in vals]
    # each value's group, by value: a table agrees with the heads where its cells of each value are in the groups
    # the values printed in (equal values interchangeable)
    want: dict[Value, list[int]] = {}
    for v, b in zip(nums, printed_in, strict=True):
        want.setdefault(_n(v), []).append(b)
    for bs in want.values():
        bs.sort()

    def agrees(grid: tuple[Value, ...]) -> bool:
        got: dict[Value, list[int]] = {}
        for v, b in zip(grid, cell_in, strict=True):
            got.setdefault(_n(v), []).append(b)
        return all(sorted(got.get(v, [])) == bs for v, bs in want.items())

    reading = read_displaced(nums, N_ROWS, N_COLS, _IDENTITIES, accept=agrees)
    heads = f"{len(set(printed_in))} groups of heads"
    if reading.status in ("ambiguous", "open"):
        why = (
            f"{reading.tables} or more tables hold its three row totals with {reading.moves} value(s) put back"
            if reading.status == "ambiguous"
            else f"the search for {reading.moves} displaced value(s) reached its limit"
        )
        w.warn(
            "displaced_open",
            f"table 四: its {len(vals)} values, printed after {heads} (pdftotext's block order), fail its row "
            f"totals read in the template's order; {why} that the heads allow: not read that way",
            R,
            vals[0],
        )
        return None
    if reading.status != "unique" or not reading.moved:
        return None
    said = "; ".join(
        f"{REVIEW_ROWS[i]}/{REVIEW_COLUMNS[c]} = {vals[k][TEXT]} (printed as value {k + 1}, after heads group "
        f"{printed_in[k] + 1})"
        for (i, c), k in sorted(reading.moved)
    )
    w.warn(
        "displaced_values",
        f"table 四: its {len(vals)} values print after {heads} (pdftotext's block order), in the template's order but "
        f"for {len(reading.moved)} value(s) printed elsewhere, put back where its three row totals (its only "
        f"identities) then hold: {said} (the only table so few displaced values give that puts each value under "
        f"heads of its column, at most {MAX_MOVES} searched: a guess)",
        f"{R}/{REVIEW_ROWS[min(reading.moved)[0][0]]}",
        vals[reading.moved[0][1]],
    )
    return Fit([vals[k] for row in reading.cells for k in row], "positional", [])

"""Placing a table's values by its accounting identities, jointly rather than row by row.

When the text lost where a table's values sit — labels and values printed apart in reading order, a few rows
printed down their columns, digits printed without separators — each row alone cannot say which of its
readings is right, but the table's identities (row totals, the per-column sums of the results, the balance)
taken together often leave exactly one. The functions here search those placements and return one only when
it is the *unique* placement that satisfies every identity; otherwise they say how many there were, and the
caller leaves the cells as they were (blank) and reports it.

Everything here is table-agnostic: a table is ``n_rows`` × ``n_cols`` cells addressed ``(row, col)``, and its
identities are linear equalities between sums of cells (:class:`Identity`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

Value = int | float | None
Cell = tuple[int, int]
EPS = 1e-6
STREAM_BUDGET = 20_000  # search steps for one table's stream reading
SOLVE_BUDGET = 200_000  # search steps for placing one block's values
SPLIT_BUDGET = 50_000  # search steps for splitting one run of digits
MAX_SOLUTIONS = 6  # placements one search returns at most


@dataclass(frozen=True)
class Identity:
    """``sum(left) == sum(right)``; a blank cell counts as 0."""

    name: str
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (*self.left, *self.right)

    @property
    def rows(self) -> set[int]:
        return {r for r, _ in self.cells}


def _n(v: Value) -> int | float:
    return 0 if v is None else v


def holds(ident: Identity, get: Callable[[Cell], Value]) -> bool:
    return abs(sum(_n(get(c)) for c in ident.left) - sum(_n(get(c)) for c in ident.right)) < EPS


def row_total_holds(values: Sequence[Value]) -> bool:
    """The last cell is the sum of the others (the template's 总计 column)."""
    return abs(sum(_n(v) for v in values[:-1]) - _n(values[-1])) < EPS


# ------------------------------------------------------------------------------------------- stream reading
@dataclass(frozen=True)
class Block:
    """How a run of rows was read from the stream of values."""

    first: int  # first row
    rows: int  # number of rows
    how: str  # "rows" (row after row), "columns" (down the columns), "solved" (placed by the identities)


@dataclass
class StreamReading:
    status: str  # "unique", "by_order" (the identities left several; text order chose), "ambiguous", "none"
    cells: list[list[int]] = field(default_factory=list)  # per row, per column: index into the values
    blocks: list[Block] = field(default_factory=list)
    solutions: int = 0  # placements that satisfy every identity (capped at MAX_PLACEMENTS)


MAX_PLACEMENTS = 6


def read_stream(
    values: Sequence[Value],
    n_rows: int,
    n_cols: int,
    identities: Sequence[Identity],
    *,
    max_interleave: int = 3,
    budget: int = STREAM_BUDGET,
) -> StreamReading:
    """Place a table's values, given in text order with its labels elsewhere (``pdftotext`` reading order),
    into ``n_rows`` × ``n_cols`` cells.

    The stream is read row after row, in the template's row order. Where a row read in order fails its own
    identities, a run of up to ``max_interleave`` rows may come down its columns instead (rows side by side
    read column by column); failing that, one run of one or two rows whose values come in an order neither
    explains (header cells printed between them) is placed by the identities alone. The whole placement must
    satisfy every identity, and be the only one that does (values compared: two zeros swapped are one
    placement). When the identities leave several placements of that one run and nothing else differs (rows
    the identities treat alike, such as 本年新收 and 上年结转), the one closest to the text's order is taken if
    it is the only closest: status ``by_order``.
    """
    if len(values) != n_rows * n_cols or n_rows == 0:
        return StreamReading("none")
    row_ids: dict[int, list[Identity]] = {}
    for ident in identities:
        if len(ident.rows) == 1:
            row_ids.setdefault(next(iter(ident.rows)), []).append(ident)

    def row_ok(i: int, idx: Sequence[int]) -> bool:
        vals = [values[k] for k in idx]
        return all(holds(ident, lambda c: vals[c[1]]) for ident in row_ids.get(i, ()))

    # placements found: values (row-major) → (cells, blocks, disorder of the solved run)
    found: dict[tuple[Value, ...], tuple[list[list[int]], tuple[Block, ...], int]] = {}
    incomplete = False
    steps = 0
    Layout = list[tuple[Block, list[list[int]]]]

    def finish(layout: Layout, solved: tuple[Block, list[int]] | None) -> None:
        nonlocal incomplete
        cells: list[list[int]] = [[-1] * n_cols for _ in range(n_rows)]
        for block, idx in layout:
            for j, row in enumerate(idx):
                cells[block.first + j] = list(row)
        blocks = tuple(b for b, _ in layout)
        if solved is None:
            grid = [[values[k] for k in row] for row in cells]
            if all(holds(ident, lambda c: grid[c[0]][c[1]]) for ident in identities):
                found.setdefault(tuple(itertools.chain(*grid)), (cells, blocks, 0))
            return
        block, span = solved
        rows = range(block.first, block.first + block.rows)
        known = {(i, c): values[cells[i][c]] for i in range(n_rows) if i not in rows for c in range(n_cols)}
        unknown = [(i, c) for c in range(n_cols) for i in rows]
        placements, complete = place_values([values[k] for k in span], unknown, known, identities)
        incomplete = incomplete or not complete
        for placed in placements:
            full = [list(r) for r in cells]
            # each placed value takes the first unused token that prints it, cells taken row after row
            pool: dict[Value, list[int]] = {}
            for k in span:
                pool.setdefault(values[k], []).append(k)
            order = []
            for i, c in sorted(placed):
                full[i][c] = pool[placed[(i, c)]].pop(0)
                order.append(full[i][c])
            key = tuple(values[k] for row in full for k in row)
            disorder = sum(1 for a, b in itertools.combinations(order, 2) if a > b)
            found.setdefault(key, (full, (*blocks, block), disorder))

    def dfs(p: int, i: int, layout: Layout, solved: tuple[Block, list[int]] | None) -> None:
        nonlocal steps
        steps += 1
        if steps > budget or len(found) >= MAX_PLACEMENTS:
            return
        if i == n_rows:
            finish(layout, solved)
            return
        plain = [p + c for c in range(n_cols)]
        explained = row_ok(i, plain)
        if explained:
            dfs(p + n_cols, i + 1, [*layout, (Block(i, 1, "rows"), [plain])], solved)
        for k in range(2, max_interleave + 1):
            if i + k > n_rows:
                break
            down = [[p + c * k + j for c in range(n_cols)] for j in range(k)]
            if not all(row_ok(i + j, down[j]) for j in range(k)):
                continue
            across = [[p + j * n_cols + c for c in range(n_cols)] for j in range(k)]
            if [[values[x] for x in r] for r in down] == [[values[x] for x in r] for r in across]:
                continue  # the same values either way: reading down adds nothing
            explained = True
            dfs(p + n_cols * k, i + k, [*layout, (Block(i, k, "columns"), down)], solved)
        if not explained and solved is None:
            for k in (1, 2):
                if i + k <= n_rows:
                    span = list(range(p, p + n_cols * k))
                    dfs(p + n_cols * k, i + k, layout, (Block(i, k, "solved"), span))

    dfs(0, 0, [], None)
    incomplete = incomplete or steps > budget
    if not found:
        return StreamReading("none")
    if len(found) == 1 and not incomplete:
        cells, blocks, _ = next(iter(found.values()))
        return StreamReading("unique", cells, sorted(blocks, key=lambda b: b.first), 1)
    layouts = {blocks for _, blocks, _ in found.values()}
    if len(layouts) == 1 and not incomplete and len(found) < MAX_PLACEMENTS:
        ranked = sorted(found.values(), key=lambda f: f[2])
        if ranked[0][2] < ranked[1][2]:
            cells, blocks, _ = ranked[0]
            return StreamReading("by_order", cells, sorted(blocks, key=lambda b: b.first), len(found))
    return StreamReading("ambiguous", solutions=len(found))


def place_values(
    values: Sequence[Value],
    unknown: Sequence[Cell],
    known: dict[Cell, Value],
    identities: Sequence[Identity],
    *,
    budget: int = SOLVE_BUDGET,
) -> tuple[list[dict[Cell, Value]], bool]:
    """Every way (up to :data:`MAX_SOLUTIONS`) of putting ``values`` (a multiset) into the ``unknown`` cells so
    that every identity holds, the other cells being ``known``. Equal values are interchangeable: each
    placement returned gives different values to the cells. The flag is False when the search ran out of
    budget before it could tell (then one placement found is not known to be the only one)."""
    if len(values) != len(unknown):
        return [], True
    order = list(unknown)
    position = {cell: k for k, cell in enumerate(order)}
    # each identity is checked once its last unknown cell is placed
    due: dict[int, list[Identity]] = {}
    for ident in identities:
        ks = [position[c] for c in ident.cells if c in position]
        if ks:
            due.setdefault(max(ks), []).append(ident)
        elif not holds(ident, lambda c: known.get(c)):
            return [], True  # an identity among the known cells fails: no placement can mend it
    pool = Counter(values)
    placed: dict[Cell, Value] = {}
    out: list[dict[Cell, Value]] = []
    steps = 0

    def get(c: Cell) -> Value:
        return placed[c] if c in placed else known.get(c)

    def go(k: int) -> None:
        nonlocal steps
        if len(out) >= MAX_SOLUTIONS or steps > budget:
            return
        if k == len(order):
            out.append(dict(placed))
            return
        cell = order[k]
        for v in list(pool):
            if pool[v] == 0:
                continue
            steps += 1
            pool[v] -= 1
            placed[cell] = v
            if all(holds(ident, get) for ident in due.get(k, ())):
                go(k + 1)
            del placed[cell]
            pool[v] += 1

    go(0)
    return out, steps <= budget


# ------------------------------------------------------------------------------------------ digits run together
def split_row(digits: str, n: int, *, budget: int = SPLIT_BUDGET) -> list[tuple[int, ...]] | None:
    """Every split of a run of digits printed without separators (``374412512810103918``) into ``n`` numbers
    whose last is the sum of the others (the row's 总计), no number but 0 itself starting with 0. None when
    the search ran out of budget (too many to tell)."""
    out: list[tuple[int, ...]] = []
    steps = [0]
    length = len(digits)
    if length < n:
        return out
    for tl in range(1, length - n + 2):
        total_s = digits[length - tl :]
        if len(total_s) > 1 and total_s[0] == "0":
            continue
        total = int(total_s)
        if not _parts(digits[: length - tl], n - 1, total, [], out, total, steps, budget):
            return None
    return out


def _parts(
    head: str,
    remaining: int,
    left: int,
    parts: list[int],
    out: list[tuple[int, ...]],
    total: int,
    steps: list[int],
    budget: int,
) -> bool:
    """Splits of ``head`` into ``remaining`` numbers summing to ``left`` (appended to ``out`` with ``parts``
    before them and ``total`` after); False when the budget ran out."""
    steps[0] += 1
    if steps[0] > budget:
        return False
    if remaining == 1:
        if head and (len(head) == 1 or head[0] != "0") and int(head) == left:
            out.append((*parts, left, total))
        return True
    longest = min(len(str(left)), len(head) - (remaining - 1))
    for ln in range(1, longest + 1):
        piece = head[:ln]
        if ln > 1 and piece[0] == "0":
            break
        v = int(piece)
        if v > left:
            break
        parts.append(v)
        ok = _parts(head[ln:], remaining - 1, left - v, parts, out, total, steps, budget)
        parts.pop()
        if not ok:
            return False
    return True


def split_rows(
    digits: str, n_rows: int, n_cols: int, *, limit: int = MAX_SOLUTIONS
) -> list[list[tuple[int, ...]]] | None:
    """Splits of one run of digits into ``n_rows`` rows of ``n_cols`` numbers, each row's last the sum of the
    others (up to ``limit`` of them); None when a search ran out of budget."""
    out: list[list[tuple[int, ...]]] = []

    def go(at: int, rows: list[tuple[int, ...]]) -> bool:
        if len(out) >= limit:
            return True
        if len(rows) == n_rows:
            if at == len(digits):
                out.append(list(rows))
            return True
        rest = n_rows - len(rows) - 1
        for end in range(at + n_cols, len(digits) - rest * n_cols + 1):
            splits = split_row(digits[at:end], n_cols)
            if splits is None:
                return False
            for split in splits:
                if not go(end, [*rows, split]):
                    return False
        return True

    return out if go(0, []) else None


def every_split(digits: str, n: int) -> Iterator[tuple[int, ...]]:
    """The splits of a run of digits into ``n`` numbers (no identity checked), none but 0 starting with 0, in order."""
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = [0, *cuts, len(digits)]
        pieces = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if all(len(p) == 1 or p[0] != "0" for p in pieces):
            yield tuple(int(p) for p in pieces)


def split_any(digits: str, n: int) -> list[tuple[int, ...]]:
    """Every split of a run of digits into ``n`` numbers (no identity to check), none but 0 starting with 0: the
    first ``MAX_SOLUTIONS`` and one more at most."""
    return list(itertools.islice(every_split(digits, n), MAX_SOLUTIONS + 1))


# ------------------------------------------------------------------------------------------ rows chosen jointly
def choose_rows(
    candidates: dict[int, list[tuple[Value, ...]]],
    known: dict[Cell, Value],
    identities: Sequence[Identity],
    *,
    budget: int = SOLVE_BUDGET,
    first: Sequence[int] = (),
    cap: int = MAX_SOLUTIONS,
) -> tuple[list[dict[int, int]], bool]:
    """Every choice (up to ``cap``, :data:`MAX_SOLUTIONS` unless said) of one candidate reading per row such that
    every identity holds, the other cells being ``known``: a map row → index of its candidate. Counts are never
    negative, so a partial sum past its total prunes. The flag is False when the search ran out of budget. Rows in
    ``first`` are chosen first (a table's totals: every partial sum under them is then bounded), the others fewest
    candidates first."""
    order = sorted(candidates, key=lambda i: (i not in first, len(candidates[i])))
    position = {row: k for k, row in enumerate(order)}
    due: dict[int, list[Identity]] = {}
    partial: dict[int, list[Identity]] = {}
    for ident in identities:
        ks = sorted({position[r] for r in ident.rows if r in position})
        if not ks:
            if not holds(ident, lambda c: known.get(c)):
                return [], True
            continue
        due.setdefault(ks[-1], []).append(ident)
        for k in ks[:-1]:
            partial.setdefault(k, []).append(ident)
    chosen: dict[int, int] = {}
    out: list[dict[int, int]] = []
    steps = 0

    def get(c: Cell) -> Value:
        row = c[0]
        if row in chosen:
            return candidates[row][chosen[row]][c[1]]
        return known.get(c)

    def bounded(ident: Identity) -> bool:
        """With only some rows chosen: neither side's chosen part exceeds the other side when that side is
        complete."""
        left_done = all(c[0] not in position or c[0] in chosen for c in ident.left)
        right_done = all(c[0] not in position or c[0] in chosen for c in ident.right)
        ls = sum(_n(get(c)) for c in ident.left if c[0] not in position or c[0] in chosen)
        rs = sum(_n(get(c)) for c in ident.right if c[0] not in position or c[0] in chosen)
        return not ((right_done and ls > rs + EPS) or (left_done and rs > ls + EPS))

    def go(k: int) -> None:
        nonlocal steps
        if len(out) >= cap or steps > budget:
            return
        if k == len(order):
            out.append(dict(chosen))
            return
        row = order[k]
        for j in range(len(candidates[row])):
            steps += 1
            chosen[row] = j
            if all(holds(ident, get) for ident in due.get(k, ())) and all(bounded(i) for i in partial.get(k, ())):
                go(k + 1)
            del chosen[row]

    go(0)
    return out, steps <= budget

"""A table's values in reading order with a few single values displaced, put back by the identities.

``pdftotext`` without ``-layout`` (poppler's default reading order: text blocks, then the lines of each) prints
table 三's values in the template's row order, its labels apart, except a few cells poppler groups into another
block: such a value prints after later rows' labels and values (一、本年新收's 总计 after （六）其他处理), or a row
early (结果总计's 总计 among （六）3.其他's values). Read row after row, every row from a displaced value's place to
where it prints is off by one, and the identities fail.

:func:`read_displaced` reads the stream row after row, in its order, and where a row fails its own identities as
the stream reads there (and only there) lets single values be displaced:

- a value printed **late**: the row's cell takes the value its identities need, and a value equal to it is skipped
  where it prints, in a later row that fails as read (or after the last row);
- a value printed **early**: skipped where it prints, and placed in a cell of a later row that fails as read;
- a value printed **in its own row, in another cell** (``4 0 0 0 4 0 8`` for 4 0 4 0 0 0 8: the row's total holds as
  printed, the column balances fail): where every row holds but identities across rows fail, one or two rows each
  have one value moved to another of its cells, the cells between shifting by one.

Every row must hold as it is completed, and the whole table must then satisfy every identity. The search is bounded:
the fewest displaced values that make every identity hold, at most :data:`MAX_MOVES` (at most :data:`MAX_ROW_MOVES`
taken out of order in one row), tried one, then two, then three; a placement is returned only when that fewest
number gives *one* table (values compared: a 0 moved among zeros is the same table). Several tables, or a search
past :data:`DISPLACED_BUDGET` steps, leave the placement open (the caller leaves the cells blank and says so).

Table-agnostic, as :mod:`parsers.tables.solve`: a table is ``n_rows`` × ``n_cols`` cells addressed ``(row, col)``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parsers.tables.solve import Cell, Identity, Value, holds

MAX_MOVES = 3  # displaced values one placement puts back, at most (the search's bound)
MAX_ROW_MOVES = 2  # of which taken out of order in one row, at most
DISPLACED_BUDGET = 500_000  # search steps for one table; past it the placement is open


@dataclass
class DisplacedReading:
    status: str  # "unique", "ambiguous" (several tables), "open" (the search ran out of budget), "none"
    cells: list[list[int]] = field(default_factory=list)  # per row, per column: index into the values
    moved: list[tuple[Cell, int]] = field(default_factory=list)  # cells given a displaced value: (cell, its index)
    tables: int = 0  # distinct tables the fewest moves give (2: two or more)
    moves: int = 0  # the fewest displaced values that make every identity hold


class _OutOfBudget(Exception):
    pass


_LATE = -2  # a cell given a value printed later (its index found where that value is skipped)


def _n(v: Value) -> int | float:
    return 0 if v is None else v


def _substituted(identities: Sequence[Identity]) -> list[Identity]:
    """The identities one gets by putting, for a cell that is one side of an identity alone, the other side of that
    identity in its place in another (balance: 本年新收 + 上年结转 = 结果总计 + 结转, 结果总计 = the sum of the results:
    本年新收 + 上年结转 = the results + 结转). They hold where the others do; they only bound the search sooner."""
    out: list[Identity] = []
    for one in identities:
        if len(one.right) != 1:
            continue
        (cell,) = one.right
        for other in identities:
            if other is not one and cell in other.right:
                right = tuple(c for c in other.right if c != cell) + one.left
                out.append(Identity(f"{other.name}+{one.name}", other.left, right))
    return out


def read_displaced(
    values: Sequence[Value],
    n_rows: int,
    n_cols: int,
    identities: Sequence[Identity],
    *,
    max_moves: int = MAX_MOVES,
    max_row_moves: int = MAX_ROW_MOVES,
    budget: int = DISPLACED_BUDGET,
    accept: Callable[[tuple[Value, ...]], bool] | None = None,
) -> DisplacedReading:
    """Place ``values`` (the stream, row-major in the template's order but for a few displaced values) into
    ``n_rows`` × ``n_cols`` cells; see the module's doc. A placement with no value moved is never returned (the
    caller reads the stream in order first). ``accept``: where given, only the tables (their values, row-major) it
    accepts count, as found and as tables that make the placement ambiguous (what else the text says of where
    each value printed)."""
    if len(values) != n_rows * n_cols or n_rows == 0:
        return DisplacedReading("none")
    search = _Search(values, n_rows, n_cols, identities, max_row_moves, budget, accept)
    for moves in range(1, max_moves + 1):
        try:
            search.run(moves)
        except _OutOfBudget:
            return DisplacedReading("open", tables=len(search.found), moves=moves)
        if len(search.found) > 1:
            return DisplacedReading("ambiguous", tables=len(search.found), moves=moves)
        if search.found:
            placed, moved = next(iter(search.found.values()))
            grid = [placed[r * n_cols : (r + 1) * n_cols] for r in range(n_rows)]
            return DisplacedReading("unique", grid, [(divmod(m, n_cols), placed[m]) for m in moved], 1, moves)
    return DisplacedReading("none")


class _Search:
    """The search of :func:`read_displaced`, row after row; :meth:`run` finds the tables of at most ``moves``
    displaced values (stopping at two)."""

    def __init__(
        self,
        values: Sequence[Value],
        n_rows: int,
        n_cols: int,
        identities: Sequence[Identity],
        max_row_moves: int,
        budget: int,
        accept: Callable[[tuple[Value, ...]], bool] | None = None,
    ) -> None:
        self.values = values
        self.accept = accept
        self.n_rows, self.n_cols, self.n = n_rows, n_cols, n_rows * n_cols
        self.identities = identities
        self.row_ids: dict[int, list[Identity]] = {}
        for ident in identities:
            if len(ident.rows) == 1:
                self.row_ids.setdefault(next(iter(ident.rows)), []).append(ident)
        # a cell alone on one side of its row's identity, the row's other cells on the other (a row's total): a value
        # moved within its row (:meth:`_within_rows`) leaves it as it is
        kept_cols = {
            side[0][1]
            for ident in identities
            if len(ident.rows) == 1
            for side, other in ((ident.left, ident.right), (ident.right, ident.left))
            if len(side) == 1 and len(other) == n_cols - 1
        }
        # with no value below 0, a side of an identity all placed bounds what the other side has placed so far; those
        # whose cells a value moved within its row can change bound only placements that can move no more values
        self.bounds: list[tuple[int, tuple[Cell, ...], tuple[Cell, ...], bool]] = []
        if all(_n(v) >= 0 for v in values):
            for ident in (*identities, *_substituted(identities)):
                kept = all(c in kept_cols for _, c in ident.cells)
                for whole, part in ((ident.left, ident.right), (ident.right, ident.left)):
                    if len(ident.rows) > 1:
                        self.bounds.append((max(r for r, _ in whole) + 1, whole, part, kept))
        self.max_row_moves = max_row_moves
        self.budget = budget
        self.steps = 0
        self.cells: list[int] = [-1] * self.n  # the stream index placed in each cell, row-major (or _LATE)
        self.late: list[Value] = [0] * self.n  # the value of a cell given a value printed later
        self.moved: list[int] = []  # the cells (row-major) given a displaced value
        self.paid: list[int] = []  # the stream indexes skipped as values printed late
        self.skipped_at: dict[int, int] = {}  # an index skipped as printed early → the cell it was skipped at
        self.found: dict[tuple[Value, ...], tuple[list[int], list[int]]] = {}  # table → (cells, moved)
        self.seen: set[tuple[object, ...]] = set()
        self.max_moves = 0
        # the values the stream prints from each index on, counted once per index (:meth:`printed_from`)
        self.printed: dict[int, Counter[int | float]] = {}

    def run(self, moves: int) -> None:
        self.max_moves = moves
        self.seen.clear()
        self.row(0, 0, (), (), 0)

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > self.budget:
            raise _OutOfBudget

    def printed_from(self, p: int) -> Counter[int | float]:
        """``Counter(_n(v) for v in self.values[p:])``, a copy the caller may change. The values never change
        during a search, and :meth:`_complete` asks for the same index over and over (every way a row can be
        filled that ends there: 449 times over 64,000 values on one report's table 三), so each index's count is
        made once and copied (the same keys, in the same order, with the same counts)."""
        counted = self.printed.get(p)
        if counted is None:
            counted = self.printed[p] = Counter(_n(v) for v in self.values[p:])
        return counted.copy()

    def _value(self, pos: int) -> Value:
        k = self.cells[pos]
        return self.late[pos] if k == _LATE else self.values[k]

    def _get(self, cell: Cell) -> Value:
        return self._value(cell[0] * self.n_cols + cell[1])

    def _row_holds(self, i: int) -> bool:
        return all(holds(ident, self._get) for ident in self.row_ids.get(i, ()))

    def row(self, i: int, p: int, early: tuple[int, ...], late: tuple[Value, ...], cost: int) -> None:
        """Row ``i`` read from stream index ``p``; ``early``: indexes skipped as printed early, still to place;
        ``late``: values placed that print later, still to skip; ``cost``: values displaced so far."""
        self._tick()
        if len(self.found) > 1:
            return
        n_cols, values = self.n_cols, self.values
        if i == self.n_rows:
            # the values printed late after the last row: exactly those still owed
            if not early and sorted(map(_n, values[p:])) == sorted(map(_n, late)):
                paid = len(self.paid)
                self.paid.extend(range(p, self.n))
                self._finish(cost)
                del self.paid[paid:]
            return
        start = i * n_cols
        key = (
            i,
            p,
            cost,
            tuple(sorted(map(_n, (values[k] for k in early)))),
            tuple(sorted(map(_n, late))),
            tuple(self._value(k) for k in range(start)),
        )
        if key in self.seen:
            return
        self.seen.add(key)
        final = cost >= self.max_moves
        for after, whole, part, kept in self.bounds:
            if (
                after <= i
                and (kept or final)
                and sum(_n(self._get(c)) for c in part if c[0] < i) > sum(_n(self._get(c)) for c in whole)
            ):
                return
        if p + n_cols <= self.n:
            for c in range(n_cols):
                self.cells[start + c] = p + c
            if self._row_holds(i):  # the row holds as the stream reads there: nothing displaced in it
                self.row(i + 1, p + n_cols, early, late, cost)
                return
        self._cell(i, 0, p, early, late, cost, 0, False)

    def _cell(
        self,
        i: int,
        c: int,
        p: int,
        early: tuple[int, ...],
        late: tuple[Value, ...],
        cost: int,
        row_moves: int,
        changed: bool,
    ) -> None:
        """Cell ``c`` of row ``i`` (failing as read) filled every way the bounds allow (``row_moves``: values
        displaced in this row so far; ``changed``: the row differs from the stream's order)."""
        self._tick()
        n_cols, values = self.n_cols, self.values
        pos = i * n_cols + c
        if c == n_cols:
            if changed:
                self._complete(i, p, early, late, cost)
            return
        # the next value in the stream's order
        if p < self.n:
            self.cells[pos] = p
            self._cell(i, c + 1, p + 1, early, late, cost, row_moves, changed)
            # a value printed late, placed before: skipped here
            v = _n(values[p])
            if v in late:
                at = late.index(v)
                self.paid.append(p)
                self._cell(i, c, p + 1, early, late[:at] + late[at + 1 :], cost, row_moves, True)
                self.paid.pop()
        # a value printed early (never in the cell it was skipped at: that is the stream's order)
        for at, k in enumerate(early):
            if self.skipped_at.get(k) == pos or _n(values[k]) in (_n(values[j]) for j in early[:at]):
                continue
            self.cells[pos] = k
            self.moved.append(pos)
            self._cell(i, c + 1, p, early[:at] + early[at + 1 :], late, cost, row_moves, True)
            self.moved.pop()
        if cost >= self.max_moves or row_moves >= self.max_row_moves:
            return
        # a value printed later: its value chosen when the row is complete
        self.cells[pos] = _LATE
        self.moved.append(pos)
        self._cell(i, c + 1, p, early, late, cost + 1, row_moves + 1, True)
        self.moved.pop()
        # the next value printed early: skipped, placed in a later cell
        if p < self.n:
            self.skipped_at[p] = pos
            self._cell(i, c, p + 1, (*early, p), late, cost + 1, row_moves + 1, True)
            del self.skipped_at[p]

    def _complete(self, i: int, p: int, early: tuple[int, ...], late: tuple[Value, ...], cost: int) -> None:
        """Row ``i`` filled: its cells given values printed later take the values the row's identities need (the
        first of two any value the stream prints after ``p``), then the rows after, where the row holds."""
        start = i * self.n_cols
        holes = [pos for pos in range(start, start + self.n_cols) if self.cells[pos] == _LATE]
        if not holes:
            if self._row_holds(i):
                self.row(i + 1, p, early, late, cost)
            return
        # the values still printed after ``p`` and not owed yet: what a cell can take as printed later
        rest = self.printed_from(p)
        rest.subtract(_n(v) for v in late)
        *free, last = holes
        options: list[tuple[Value, ...]] = [()]
        for _ in free:
            options = [(*o, v) for o in options for v in sorted(rest) if rest[v] > o.count(v)]
        for chosen in options:
            self._tick()
            for pos, v in zip(free, chosen, strict=True):
                self.late[pos] = v
            need = self._needed(i, last)
            if need is None or rest[need] <= chosen.count(need):
                continue
            self.late[last] = need
            if self._row_holds(i):
                self.row(i + 1, p, early, (*late, *chosen, need), cost)

    def _needed(self, i: int, pos: int) -> Value:
        """The value cell ``pos`` of row ``i`` needs for the first of the row's identities it is in to hold, the
        row's other cells as placed; None where no identity of the row holds it."""
        at = divmod(pos, self.n_cols)
        for ident in self.row_ids.get(i, ()):
            sign = ident.left.count(at) - ident.right.count(at)
            if sign not in (1, -1):
                continue
            self.late[pos] = 0
            left = sum(_n(self._get(c)) for c in ident.left)
            right = sum(_n(self._get(c)) for c in ident.right)
            need = (right - left) * sign
            return int(need) if float(need).is_integer() else need
        return None

    def _finish(self, cost: int) -> None:
        """A complete placement, every row holding: kept (by its values) when every identity holds and a value was
        displaced; where only identities across rows fail, the placements that also move single values within
        rows (:meth:`_within_rows`) within the bound."""
        if all(holds(ident, self._get) for ident in self.identities):
            if cost:
                self._keep(self.moved)
            return
        if cost < self.max_moves:
            self._within_rows(self.max_moves - cost)

    def _keep(self, moved: list[int]) -> None:
        """The placement as it stands, the cells given values printed later matched to the indexes where those
        values were skipped."""
        grid = tuple(self._value(pos) for pos in range(self.n))
        if grid in self.found or (self.accept is not None and not self.accept(grid)):
            return
        cells = list(self.cells)
        paid = list(self.paid)
        for pos in range(self.n):
            if cells[pos] == _LATE:
                k = next(k for k in paid if _n(self.values[k]) == _n(self.late[pos]))
                paid.remove(k)
                cells[pos] = k
        self.found[grid] = (cells, list(moved))

    def _within_rows(self, spare: int) -> None:
        """Every placement (each row holding) whose identities across rows all hold once at most ``spare`` (1 or 2)
        rows each have one value printed in another of its cells (moved there, the cells between shifting by one:
        ``4 0 0 0 4 0 8`` for 4 0 4 0 0 0 8, its total unchanged), kept."""
        self._tick()
        across = [ident for ident in self.identities if len(ident.rows) > 1]
        target = tuple(
            sum(_n(self._get(c)) for c in ident.right) - sum(_n(self._get(c)) for c in ident.left) for ident in across
        )
        Move = tuple[int, list[int], int]  # a row, its columns' new order (each the column it takes), the cell moved
        by_effect: dict[tuple[int | float, ...], list[Move]] = {}
        for i in range(self.n_rows):
            for order, to, effect in self._row_moves(i, across):
                by_effect.setdefault(effect, []).append((i, order, to))
        fixes: list[list[Move]] = [[m] for m in by_effect.get(target, ())]
        if spare > 1:
            for effect, moves in by_effect.items():
                rest = tuple(t - e for t, e in zip(target, effect, strict=True))
                fixes.extend([a, b] for a in moves for b in by_effect.get(rest, ()) if a[0] < b[0])
        for fix in fixes:
            self._tick()
            saved = {i: self.cells[i * self.n_cols : (i + 1) * self.n_cols] for i, _, _ in fix}
            saved_late = {i: self.late[i * self.n_cols : (i + 1) * self.n_cols] for i, _, _ in fix}
            moved = list(self.moved)
            for i, order, to in fix:
                start = i * self.n_cols
                self.cells[start : start + self.n_cols] = [saved[i][c] for c in order]
                self.late[start : start + self.n_cols] = [saved_late[i][c] for c in order]
                # a cell of the row already given a displaced value is where its value now stands
                moved = [start + order.index(m - start) if start <= m < start + self.n_cols else m for m in moved]
                moved.append(start + to)
            if all(holds(ident, self._get) for ident in self.identities):
                self._keep(moved)
            for i in saved:
                start = i * self.n_cols
                self.cells[start : start + self.n_cols] = saved[i]
                self.late[start : start + self.n_cols] = saved_late[i]

    def _row_moves(self, i: int, across: list[Identity]) -> list[tuple[list[int], int, tuple[int | float, ...]]]:
        """Row ``i``'s readings with one value moved to another of its cells (the cells between shifting by one)
        on which the row's identities still hold, each once by its values: the columns' new order, the cell the
        value moved to, and what it changes in each identity across rows (its left side less its right)."""
        start = i * self.n_cols
        old = [self._value(start + c) for c in range(self.n_cols)]
        saved = self.cells[start : start + self.n_cols]
        saved_late = self.late[start : start + self.n_cols]
        out = []
        seen = {tuple(old)}
        for a in range(self.n_cols):
            for b in range(self.n_cols):
                order = list(range(self.n_cols))
                order.insert(b, order.pop(a))
                new = tuple(old[c] for c in order)
                if new in seen:
                    continue
                seen.add(new)
                self.cells[start : start + self.n_cols] = [saved[c] for c in order]
                self.late[start : start + self.n_cols] = [saved_late[c] for c in order]
                if self._row_holds(i):
                    delta = {(i, c): _n(new[c]) - _n(old[c]) for c in range(self.n_cols)}
                    effect = tuple(
                        sum(delta.get(c, 0) for c in ident.left) - sum(delta.get(c, 0) for c in ident.right)
                        for ident in across
                    )
                    out.append((order, b, effect))
        self.cells[start : start + self.n_cols] = saved
        self.late[start : start + self.n_cols] = saved_late
        return out

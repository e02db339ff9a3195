"""Table 三 printed as pdfminer.six's nested boxes: bands of rows, in them groups of columns, in them bands again.

pdfminer (``pdf2txt.py`` with its default LAParams, ``high_level.extract_text``) makes each cell of a wide table a
text box and orders the boxes of a page by merging the nearest two groups first, over and over: its output is the
tree of those merges, each group printed whole before the next. Cells of one column stand closer than the cells of
one row where the rows are tight, so runs of rows print column by column; a tall row (a label that wraps over four
lines) or a wide gap between columns parts the groups again. What the text shows (tuning seeds 1930–1949, their
boxes' places read from the PDF): the cells of a page come as **bands** of rows; a band comes either column after
column, or as **groups** of neighbouring columns, one after another from the left, each group in bands of its own
rows read column after column (1936: rows 1–20 of 自然人 and 商业企业 column after column, then their row 21, then
their rows 22–23; then 科研机构, 社会公益组织, 法律服务机构 each whole; then 其他 and 总计 in rows 1–20, 21, 22, 23).
A page's end always ends a band (pdfminer orders each page alone; ``\\f`` between them). A row a page break cuts
can print on both pages (wkhtmltopdf draws the row on each page, its values with it): read with that row twice, both
prints reading the same numbers (``twice``; :mod:`parsers.tables.box_order`, where the values number a row more).

:func:`read_nested` reads table 三's values (exactly its cells) so: every division of the rows into bands (none
across a page's end), of each band's columns into groups, and of each group's rows into bands is a candidate whose
rows' totals (总计, the sum of the six applicant columns) all hold; a candidate is kept where every identity of the
table holds on it (each column's balance and its sum of results). The table is read only when all the kept
candidates put the same number in every cell (divisions that differ only where values are equal, as zeros are,
give one table); else, or where the candidates pass :data:`MAX_TABLES` at any step, nothing is read. It adds the
orders of pdfminer's nesting to :mod:`parsers.tables.band_order` (a band printed column after column across all
seven columns is one of them). A band's last group may print its first rows' 总计 values first, then its other
columns in bands of their own; a band's lone 总计 group may come first, its lone 自然人 group last: only where the
text prints those values right after that head alone (:mod:`parsers.tables.totals_first`: the head's box, taller
than its neighbours', grouped with them); where both heads so print, a band's lone 自然人 group may print after
its middle groups and its lone 总计 group after it (wkhtmltopdf's PDF, its heads drawn twice; synth 11940). Where
no candidate of those orders holds every identity, a band's
first group (自然人, with 商业企业 where the columns are narrow) may print after its other groups whatever the heads
(``left_last``: the boxes beside the row labels grouped with each other, a taller group sorted after; synth 7623's
last band), in a budget of its own as large as the strict pass's (the strict pass's groups it shares counted as read
again; synth 11941). Where the strict pass passes its budget
(a page band of many rows and many zeros: most of its pieces from rows no reading from the top reaches), its orders
are read again from the top only, in a budget of their own as large as the strict pass's: the same tables (``top``;
no pass after it, for their cost: none is read where none of its tables holds; synth 7891, 7911), a band's last
group's fillings whose totals do not sum to half the band's values dropped before the divisions of the columns left
of it are tried (they fill none; in the ``left_last`` and ``deep`` passes too). Where still none holds and the
strict pass read every candidate, a group's band may itself print as two groups of columns, each in bands of its
own (``deep``: pdfminer's merges more than three levels deep, one level more; synth 7891), in a budget of its own;
there a band of the last group's rows is tried only with rows below whose totals can still sum to half the band's
values, and a band within a room is not divided where its values cannot fill it (synth 7909). Where still none
holds (or the reading from the top holds nowhere), the strict orders are read again, a band's lone 自然人 column
printed a run of its rows first, then the rows above it, then those below (``runs``: its values among the row labels'
boxes, LibreOffice's PDF; :mod:`parsers.tables.column_runs`), its values still exactly what the rows leave; then with
the deeper orders too (synth 11939). Where still none holds, the strict orders (then the deeper ones) are read again,
a band's lone 自然人 column cut in two: its first rows printed before the band's other groups, the rest after them
(``split``: the column's boxes beside the row labels grouped in two, wkhtmltopdf's PDF; synth 10438's first page, rows
0–8 of 自然人, then the other six columns' rows 0–19, then 自然人's rows 9–19), its values exactly what the rows leave.
Reported as ``column_blocks`` (review suggested: the placement is the one the
identities confirm among the orders pdfminer makes, not printed).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import partial
from itertools import pairwise, product
from operator import itemgetter

from parsers.model import Check
from parsers.tables.checks import application_checks, application_passed
from parsers.tables.column_runs import after_labels, among_labels, run_first, stream_rows
from parsers.tables.misprinted import misprinted_cell
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICANT_COLUMNS, RowDef
from parsers.tables.tokens import START, TEXT, Token, number_value
from parsers.tables.totals_first import NATURAL_HEAD, TOTAL_HEAD, after_head

_T = "applications"
MAX_TABLES = 4096  # distinct fillings of any one piece (a group, a band, the table), at most: past it, open
MAX_STEPS = 1_500_000  # candidate pieces tried, at most, for one table (both passes): past it, open (about 1.5 s)
DEEP_LEVELS = 1  # a group's bands divided into groups of columns again, this many levels down, at most
DEEP_STEPS = 2_500_000  # candidate pieces the deeper orders' pass tries, at most (its own budget)

Num = int | float
Rows = tuple[tuple[int, ...], ...]  # a piece's rows, each its values' indexes into the value stream


class _Open(Exception):
    """Too many distinct candidates: the placement is left open."""


Key = tuple[int, tuple[Num, ...]]  # a filling's row whose total fails (-1: none) and its values
GroupKey = tuple[int, int, int, int, tuple[Num, ...] | None, int, int, int]  # group()'s arguments


def _with_tails(found: dict[Key, Rows], band: Rows, head: tuple[Num, ...], tails: dict[Key, Rows]) -> None:
    """A band's filling (its rows' value indexes, ``band``, and their values, ``head``) with each filling of the
    rows below it (``tails``, by the row missed and its values): each distinct one added to ``found``."""
    for (tail_miss, tail_key), tail in tails.items():
        kk = (tail_miss, head + tail_key)
        if kk not in found:
            if len(found) >= MAX_TABLES:
                raise _Open
            found[kk] = band + tail


class _Nested:
    """The candidates of one value stream (see the module's doc), their pieces memoised. With ``slack``, a
    candidate may have one row whose total fails (a total printed wrong: :mod:`parsers.tables.misprinted`), every
    other row's holding; each filling is then kept with that row (-1 for none)."""

    def __init__(
        self,
        nums: list[Num],
        n_rows: int,
        width: int,
        page_starts: set[int],
        slack: bool = False,
        limit: int = 0,
        heads: frozenset[int] = frozenset(),
        natural_heads: frozenset[int] = frozenset(),
        left_last: bool = False,
        shared: _Nested | None = None,
        deep: int = 0,
        top: bool = False,
        runs: bool = False,
        split: frozenset[int] = frozenset(),
    ) -> None:
        self.nums = nums
        self.n_rows = n_rows
        self.width = width
        self.page_starts = page_starts  # rows a page starts at (a band cannot run across them)
        self.slack = slack
        self.heads = heads  # values printed right after the 总计 column's head (totals_first.after_head)
        self.natural_heads = natural_heads  # and after 自然人's
        self.left_last = left_last  # a band's first group (the columns beside the labels) may print after the others
        self.deep = deep  # levels of groups in a group's bands (each divided into groups of columns again), at most
        self.top = top  # bands read only from rows reached from the top (tables(): the same tables; no suffix below)
        self.runs = runs  # a band's lone 自然人 column may print a run of its rows first (parsers.tables.column_runs)
        # a band's lone 自然人 column may print its first rows before the band's other groups, the rest after them,
        # those from one of these stream positions on (column_runs.after_labels: a row label's line before it)
        self.split = split
        self._groups: dict[GroupKey, list[tuple[int, Rows]]] = {}
        # the steps each group took where no other group's reading was part of it (its reading the same in any
        # pass of the same stream, heads and slack); with ``shared``, a pass before this one on the same stream,
        # its groups are taken whole, their steps counted as if read again: the budget spent as before
        self._cost: dict[GroupKey, int] = {}
        self._shared = shared if shared is not None and shared.slack == slack else None
        self._bands: dict[tuple[int, int], dict[Key, Rows]] = {}
        self._pieces: dict[tuple[int, int, int], tuple[Rows, tuple[Num, ...], tuple[Num, ...], tuple[int, ...]]] = {}
        self._blocks: dict[tuple[int, int, int], tuple[Num, bool, Num]] = {}
        self.suffix: list[dict[Key, Rows]] = []  # tables(): the distinct fillings of rows i … the last, by i
        self.steps = 0
        self.limit = limit or MAX_STEPS  # candidate pieces tried, at most
        # the stream's values summed up to each position (a group's first rows' values: group()'s bound on its
        # totals), where no value is below 0 (a row's total then at most its values in any columns: else no bound)
        self._upto: list[Num] | None = None
        if not any(v < 0 for v in nums):
            self._upto = [0]
            for v in nums:
                self._upto.append(self._upto[-1] + v)

    def _step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.limit:
            raise _Open

    def _distinct(self, found: dict[Key, Rows], miss: int, grid: Rows) -> None:
        self._step()
        key = (miss, tuple(self.nums[i] for at in grid for i in at))
        if key not in found:
            if len(found) >= MAX_TABLES:
                raise _Open
            found[key] = grid

    def _missed(self, miss: int, row: int) -> int | None:
        """The row whose total fails once ``row``'s fails too (``miss`` the one before, -1 for none); None where
        that is a second such row."""
        return row if self.slack and miss < 0 else None

    def group(
        self,
        first: int,
        height: int,
        c0: int,
        c1: int,
        room: tuple[Num, ...] | None,
        miss: int = -1,
        base: int | None = None,
        depth: int | None = None,
        half: Num | None = None,
    ) -> list[tuple[int, Rows]]:
        """The distinct fillings of rows ``first`` … ``first + height - 1``, columns ``c0`` … ``c1 - 1`` (a group
        of a band starting at row ``first``), in bands of rows each printed column after column; each row's values
        summing to at most its ``room`` (exactly, for the first group: ``c0 == 0``), or, where ``room`` is None (the
        last group, 总计 its last column), its applicant values to at most its 总计; row ``miss`` (whose total
        fails) unchecked. Each with the row whose total fails (``miss``, or one of the group's under ``slack``).
        With ``half`` (a band's last group with groups left of it: half the band's values, what its rows' totals
        sum to where every row's total holds, :meth:`_last`), only fillings of rows i … on whose totals can still
        sum to it are kept (:meth:`_within`), each band of rows tried only with those rows below it."""
        if base is None:
            base = first * self.width + height * c0  # the band's groups to the left print before it
        if room is not None or self._upto is None or self.slack:
            half = None
        if room is not None and not self.slack:
            settled = self._settled(height, c0, c1, room, miss, base)
            if settled is not None:
                return settled
        if depth is None:
            depth = self.deep
        key = (first, height, c0, c1, room, miss, base, depth)
        done = self._groups.get(key)
        if done is not None:
            return done
        if (
            self._shared is not None
            and half is None
            and key in self._shared._cost
            and not (self.runs and c0 == 0 and (c1 == 1 or depth > 0))
        ):
            # (a band's last group with ``half`` read as a fresh pass reads it: the strict pass reads it whole)
            self._step(self._shared._cost[key])
            done = self._groups[key] = self._shared._groups[key]
            return done
        steps = self.steps
        alone = True  # no other group read as part of this one (see __init__)
        w = c1 - c0
        exact = c0 == 0
        # suffix[i]: the distinct fillings of the group's rows i … height - 1, by the row missed and their values
        suffix: list[dict[Key, Rows]] = [{} for _ in range(height + 1)]
        suffix[height][(miss, ())] = ()
        # with ``half``: by i, the fillings of rows i … on by their totals' sum (sorted), and the sums' range
        totals: list[tuple[list[Num], list[Key]]] = [([], []) for _ in range(height + 1)]
        totals[height] = ([0], [(miss, ())])
        span = (0.0, 0.0)
        for i in range(height - 1, -1, -1):
            found: dict[Key, Rows] = {}
            at = base + i * w
            if half is not None:
                span = self._span(half, base, at)
            for k in range(1, height - i + 1):
                tails = suffix[i + k]
                if not tails:
                    continue
                self.steps += k  # (_step, inline: the hottest loop)
                if self.steps > self.limit:
                    raise _Open
                band, head, sums, over = self._piece(at, w, k)
                if half is not None:
                    tails = self._within(tails, totals[i + k], span, sum(head[w - 1 :: w]))
                failed = []
                if room is None:
                    failed = [first + i + j for j in over[: 2 if self.slack else 1]]
                else:
                    for j, got_sum in enumerate(sums):
                        ok = abs(got_sum - room[i + j]) < 1e-9 if exact else got_sum <= room[i + j] + 1e-9
                        if not ok:
                            failed.append(first + i + j)
                            if len(failed) > 1 or not self.slack:
                                break
                if len(failed) <= 1:
                    self.steps += len(tails)
                    if self.steps > self.limit:
                        raise _Open
                    if not failed:
                        _with_tails(found, band, head, tails)
                    else:
                        for (tail_miss, tail_key), tail in tails.items():
                            now = tail_miss
                            if failed[0] != tail_miss:
                                if not self.slack or tail_miss >= 0:
                                    continue  # (_missed: a second row whose total fails)
                                now = failed[0]
                            kk = (now, head + tail_key)
                            if kk not in found:
                                if len(found) >= MAX_TABLES:
                                    raise _Open
                                found[kk] = band + tail
                if w == 1:
                    break  # a single column prints in its order whatever its bands
                if depth > 0 and k > 1 and not self.slack:
                    sub = None if room is None else room[i : i + k]
                    below = None if half is None else (totals[i + k], span)
                    self._divided(found, first + i, k, c0, c1, sub, at, depth - 1, suffix[i + k], below)
            if i == 0 and room is None and w > 1 and at in self.heads:
                alone = False
                self._totals_first(found, first, at, height, c0, c1, suffix)
            if half is not None:
                lo, hi = span
                ranked = sorted(((sum(key[1][w - 1 :: w]), key) for key in found), key=itemgetter(0))
                kept = [(t, key) for t, key in ranked if lo <= t <= hi]
                found = {key: found[key] for _, key in kept}
                totals[i] = ([t for t, _ in kept], [key for _, key in kept])
            suffix[i] = found
        if self.runs and w == 1 and exact and room is not None and not self.slack:
            self._run_first(suffix[0], base, height, room, miss)
        result = [(m, grid) for (m, _), grid in suffix[0].items()]
        self._groups[key] = result
        if alone:
            self._cost[key] = self.steps - steps
        return result

    def _run_first(self, found: dict[Key, Rows], base: int, height: int, room: tuple[Num, ...], miss: int) -> None:
        """The band's first group, 自然人 alone (stream position ``base``, its rows' values exactly ``room``), printed
        as a run of its rows first, then the rows above that run, then those below
        (:mod:`parsers.tables.column_runs`): that filling added to ``found``."""
        self._step(height)
        run = run_first(self.nums[base : base + height], room)
        if run is None:
            return
        grid = tuple((base + at,) for at in stream_rows(*run, height))
        key = (miss, tuple(self.nums[i] for (i,) in grid))
        if key not in found:
            if len(found) >= MAX_TABLES:
                raise _Open
            found[key] = grid

    def _divided(
        self,
        found: dict[Key, Rows],
        first: int,
        k: int,
        c0: int,
        c1: int,
        room: tuple[Num, ...] | None,
        at: int,
        depth: int,
        tails: dict[Key, Rows],
        below: tuple[tuple[list[Num], list[Key]], tuple[float, float]] | None = None,
    ) -> None:
        """A group's band of rows ``first`` … ``first + k - 1`` (stream position ``at``) printed as groups of its
        columns from the left, each in bands of its own (to ``depth`` more levels): each filling, with the group's
        rows below (``tails``), added to ``found``. With ``below`` (group()'s ``half``: the rows below by their
        totals' sum, and the range the band's and theirs must sum within), a filling of the right group (总计 its
        last column) is tried only with the rows below its totals can sum within that range, and the left group
        not read where there are none: they would fill nothing. Within ``room``, the band's values sum to its
        rows' whatever the division (exactly for the first group): where they cannot, no division fills it, and
        none is tried (each left group would find so in :meth:`_settled`, after every right group's filling)."""
        nums = self.nums
        if room is not None:
            given = self._block(at, k, c1 - c0)[0]
            if (abs(given - sum(room)) >= 1e-6) if c0 == 0 else (given > sum(room) + 1e-6):
                return
        for m in range(c0 + 1, c1):
            within = room
            if room is not None and m == c0 + 1:
                # a left group of one column prints its values in their order: the right group's rows within what
                # they leave (the left group's filling the one that fits, the others none)
                within = tuple(x - nums[at + j] for j, x in enumerate(room))
            for _, right in self.group(first, k, m, c1, within, -1, at + k * (m - c0), depth):
                if room is None:  # the right group's last column is 总计: the left group's rows within what is left
                    rest = tuple(nums[row[-1]] - sum(nums[i] for i in row[:-1]) for row in right)
                else:
                    rest = tuple(x - sum(nums[i] for i in row) for x, row in zip(room, right, strict=True))
                self._step()
                fit = tails
                if below is not None:
                    fit = self._within(tails, below[0], below[1], sum(nums[row[-1]] for row in right))
                    if not fit:
                        continue
                for _, left in self.group(first, k, c0, m, rest, -1, at, depth):
                    band = tuple(x + y for x, y in zip(left, right, strict=True))
                    head = tuple(nums[x] for row in band for x in row)
                    self._step(len(fit))
                    _with_tails(found, band, head, fit)

    def _span(self, half: Num, base: int, at: int) -> tuple[float, float]:
        """What the totals of a band's last group's rows from stream position ``at`` on (the group's from ``base``)
        can sum to where its rows' totals sum to ``half``: its rows above, whose values ``above`` sum to, have
        totals summing to at least half of those (each row's applicant values at most its total) and at most all of
        them (no value below 0); past the first group's exact tolerance, summed (:meth:`_last`)."""
        upto = self._upto
        assert upto is not None
        above = upto[at] - upto[base]
        return half - above - 1e-3, half - above / 2 + 1e-3

    @staticmethod
    def _within(
        tails: dict[Key, Rows], ranked: tuple[list[Num], list[Key]], span: tuple[float, float], got: Num
    ) -> dict[Key, Rows]:
        """The fillings of the rows below (``tails``; ``ranked``: their keys by their totals' sum, with the sums)
        whose totals with ``got`` (a band of rows' totals) sum within ``span``."""
        sums, keys = ranked
        lo = bisect_left(sums, span[0] - got)
        hi = bisect_right(sums, span[1] - got)
        if lo == 0 and hi == len(sums):
            return tails
        return {key: tails[key] for key in keys[lo:hi]}

    def _piece(self, at: int, w: int, k: int) -> tuple[Rows, tuple[Num, ...], tuple[Num, ...], tuple[int, ...]]:
        """A band of ``k`` rows of ``w`` columns at stream position ``at`` printed column after column, as
        :meth:`group` tries it (the same band tried for every room and filling below it, so read once): its rows'
        value indexes, its values row by row, each row's sum, and the rows whose applicant values pass their last
        column's (the group's 总计)."""
        piece = self._pieces.get((at, w, k))
        if piece is None:
            nums = self.nums
            band = tuple(tuple(range(at + j, at + j + w * k, k)) for j in range(k))
            rows = [[nums[x] for x in row] for row in band]
            over = tuple(j for j, vals in enumerate(rows) if not sum(vals[:-1]) <= vals[-1] + 1e-9)
            head = tuple(v for vals in rows for v in vals)
            piece = self._pieces[at, w, k] = (band, head, tuple(sum(vals) for vals in rows), over)
        return piece

    def _block(self, base: int, height: int, w: int) -> tuple[Num, bool, Num]:
        """The values of ``height`` rows of ``w`` columns from stream position ``base`` (:meth:`_settled`): their
        sum, whether they are all the same, and one row's sum as the bands sum it."""
        block = self._blocks.get((base, height, w))
        if block is None:
            values = self.nums[base : base + height * w]
            same = not any(v != values[0] for v in values)
            block = self._blocks[base, height, w] = (sum(values), same, sum(values[:w]))
        return block

    def _settled(
        self, height: int, c0: int, c1: int, room: tuple[Num, ...], miss: int, base: int
    ) -> list[tuple[int, Rows]] | None:
        """What :meth:`group` finds, known without trying its bands (the strict pass, a group within ``room``),
        or None where it must try them. Its rows' values sum to its values' sum whatever the division, so where
        that sum passes the rooms' (or misses it, exactly for the first group) no filling fits: none. Where every
        value is the same (a run of zeros), every division fills each row alike: one filling, the one the bands
        give first (a row after another), or none."""
        w = c1 - c0
        given, same, each = self._block(base, height, w)
        if (abs(given - sum(room)) >= 1e-6) if c0 == 0 else (given > sum(room) + 1e-6):
            return []  # (past each row's tolerance summed)
        if not same:
            return None
        self._step()
        if any((abs(each - x) >= 1e-9) if c0 == 0 else (each > x + 1e-9) for x in room):
            return []
        return [(miss, tuple(tuple(range(base + j * w, base + (j + 1) * w)) for j in range(height)))]

    def _totals_first(
        self,
        found: dict[Key, Rows],
        first: int,
        at: int,
        height: int,
        c0: int,
        c1: int,
        suffix: list[dict[Key, Rows]],
    ) -> None:
        """The fillings of the last group's first band (rows ``first`` on, stream position ``at``) whose 总计 values
        print first (:mod:`parsers.tables.totals_first`): its first k rows' totals, then the band's
        other columns in bands of their own, each row's values within its total; each with the group's rows below
        (``suffix``) added to ``found``."""
        nums = self.nums
        for k in range(1, height + 1):
            tails = suffix[k]
            if not tails:
                continue
            totals = tuple(nums[at + j] for j in range(k))
            self._step(k)
            for sub_miss, sub in self.group(first, k, c0, c1 - 1, totals, -1, at + k):
                head_rows = tuple((*sub[j], at + j) for j in range(k))
                head = tuple(nums[x] for row in head_rows for x in row)
                self._step(len(tails))
                for (tail_miss, tail_key), tail in tails.items():
                    if sub_miss >= 0 and tail_miss >= 0 and sub_miss != tail_miss:
                        continue
                    kk = (max(sub_miss, tail_miss), head + tail_key)
                    if kk not in found:
                        if len(found) >= MAX_TABLES:
                            raise _Open
                        found[kk] = head_rows + tail

    def band(self, first: int, height: int) -> dict[Key, Rows]:
        """The distinct fillings of the band of rows ``first`` … ``first + height - 1`` (all the columns) whose
        rows' totals hold (but one, under ``slack``): its columns in groups from the left, each group's fillings
        (chosen from the right: the group with 总计 first, each other group within what its rows leave)."""
        done = self._bands.get((first, height))
        if done is not None:
            return done
        found: dict[Key, Rows] = {}
        self._bands[first, height] = found
        nums = self.nums
        stream = nums[first * self.width : (first + height) * self.width]
        if not self.slack and all(isinstance(v, int) for v in stream) and sum(stream) % 2:  # type: ignore[operator]
            return found  # the applicants' values sum to the totals': the band's values sum to an even number
        lasts: dict[tuple[int, int], list[tuple[int, Rows, tuple[Num, ...]]]] = {}
        for cuts in product((False, True), repeat=self.width - 1):
            spans = list(pairwise([0, *(c + 1 for c, cut in enumerate(cuts) if cut), self.width]))
            for bases, cut in self._cut_orders(first, height, spans):
                last = lasts.get((spans[-1][0], bases[-1]))
                if last is None:
                    last = lasts[spans[-1][0], bases[-1]] = self._last(first, height, spans[-1][0], bases[-1], stream)
                for miss, grid, room in last:
                    if len(spans) == 1:
                        off = [first + j for j, x in enumerate(room) if abs(x) >= 1e-9 and first + j != miss]
                        if not off:
                            self._distinct(found, miss, grid)
                        elif len(off) == 1 and (got := self._missed(miss, off[0])) is not None:
                            self._distinct(found, got, grid)
                    else:
                        self._left(found, first, height, spans, len(spans) - 2, room, [grid], miss, bases, cut)
        return found

    def _cut_orders(self, first: int, height: int, spans: list[tuple[int, int]]) -> list[tuple[tuple[int, ...], int]]:
        """The band's orders (:meth:`_orders`), each with 0; with ``split``, where the band's first group is 自然人
        alone, also its first ``cut`` rows (0 < cut < height) printed before the other groups, from the left, and its
        other rows after them (the column's boxes beside the row labels grouped in two: wkhtmltopdf's PDF, synth
        10438's first page), each with ``cut``: only where the rows after the cut start printing at a position of
        ``split`` (a row label's line before them: the column's boxes grouped with the labels')."""
        orders = [(bases, 0) for bases in self._orders(first, height, spans)]
        if self.split and len(spans) > 1 and spans[0] == (0, 1):
            at = first * self.width
            for cut in range(1, height):
                if at + cut + height * (self.width - 1) in self.split:
                    orders.append(((at, *(at + cut + height * (c0 - 1) for c0, _ in spans[1:])), cut))
        return orders

    def _last(
        self, first: int, height: int, c0: int, base: int, stream: list[Num]
    ) -> list[tuple[int, Rows, tuple[Num, ...]]]:
        """The fillings of a band's last group (columns ``c0`` on, 总计 its last, stream position ``base``), each
        with its row missed and each row's room left for the groups to its left (its total less its applicant
        values): read once for every division of the columns left of it (:meth:`band`). Where groups print left of
        it (``c0`` > 0), a filling whose rows' totals do not sum to half the band's values (``stream``) is dropped
        in every pass but the strict one: the first group sums exactly to what the groups before it leave
        (:meth:`_settled`), so every row's total holds only where the totals sum to the applicants' values, half the
        band's; such a filling fills none, tried against every division left of it (a band of 23 rows, 2.25 million
        steps, none holding: synth 10705's pymupdf4llm layout text). The same tables in fewer steps: a pass that
        passed its budget may now end (synth 7919's and 7927's reading from the top, 7893's deep pass: each table
        三 read whole). Not in the strict pass, whose steps decide which passes run after it (10705's, read whole
        in 0.16 million steps where it opened at 1.5: the deep pass then runs after it, 1.4 s in vain), nor under
        ``slack`` (a row's total may fail)."""
        nums = self.nums
        whole = sum(stream) if c0 and (self.top or self.deep or self.left_last or self.split) else None
        kept = []
        half = None if whole is None else whole / 2
        for miss, grid in self.group(first, height, c0, self.width, None, base=base, half=half):
            if whole is not None and abs(2 * sum(nums[at[-1]] for at in grid) - whole) > 1e-3:
                continue  # (past the first group's exact tolerance, summed: it would fill none)
            kept.append((miss, grid, tuple(nums[at[-1]] - sum(nums[i] for i in at[:-1]) for at in grid)))
        return kept

    def _orders(self, first: int, height: int, spans: list[tuple[int, int]]) -> list[tuple[int, ...]]:
        """Where each group of a band's ``spans`` starts in the value stream: from the left (pdfminer's order of
        neighbours), and, where the text prints a lone column's values right after its head
        (:mod:`parsers.tables.totals_first`), 总计 alone first or 自然人 alone last; with ``left_last``, the band's
        first group (自然人 and any columns grouped with it) after its other groups, whatever the heads."""
        at = first * self.width
        orders = [tuple(at + height * c0 for c0, _ in spans)]
        if len(spans) > 1 and spans[-1][0] == self.width - 1 and at in self.heads:
            orders.append((*(at + height * (c0 + 1) for c0, _ in spans[:-1]), at))
        last = at + height * (self.width - 1)
        if len(spans) > 1 and spans[0][1] == 1 and last in self.natural_heads:
            orders.append((last, *(at + height * (c0 - 1) for c0, _ in spans[1:])))
        # 自然人 alone after the middle groups and 总计 alone after it, each right after its head (synth 11940)
        before = at + height * (self.width - 2)
        if (
            len(spans) > 2
            and spans[0][1] == 1
            and spans[-1][0] == self.width - 1
            and before in self.natural_heads
            and last in self.heads
        ):
            orders.append((before, *(at + height * (c0 - 1) for c0, _ in spans[1:-1]), last))
        if self.left_last and len(spans) > 1:
            w0 = spans[0][1]
            order = (at + height * (self.width - w0), *(at + height * (c0 - w0) for c0, _ in spans[1:]))
            if order not in orders:
                orders.append(order)
        return orders

    def _left(
        self,
        found: dict[Key, Rows],
        first: int,
        height: int,
        spans: list[tuple[int, int]],
        g: int,
        room: tuple[Num, ...],
        right: list[Rows],
        miss: int,
        bases: tuple[int, ...],
        cut: int = 0,
    ) -> None:
        """The band's groups ``g`` and those left of it filled within ``room`` (each row's total less the values
        of the groups to the right, ``right``), each whole filling added to ``found``; with ``cut``, the first
        group (自然人 alone) printed its first ``cut`` rows before the other groups and the rest after them
        (:meth:`_cut_orders`): its values, so placed, exactly ``room``."""
        if g < 0:
            self._distinct(found, miss, tuple(tuple(i for part in right for i in part[j]) for j in range(height)))
            return
        nums = self.nums
        self._step()
        if cut and g == 0:
            after = bases[0] + (self.width - 1) * height  # the rows after the cut: after the other groups
            column = tuple((bases[0] + j,) if j < cut else (after + j,) for j in range(height))
            fits = (
                abs(nums[i] - x) < 1e-9 or first + j == miss
                for j, ((i,), x) in enumerate(zip(column, room, strict=True))
            )
            if all(fits):
                self._left(found, first, height, spans, -1, room, [column, *right], miss, bases)
            return
        for now, grid in self.group(first, height, *spans[g], room, miss, bases[g]):
            rest = tuple(x - sum(nums[i] for i in at) for x, at in zip(room, grid, strict=True))
            self._left(found, first, height, spans, g - 1, rest, [grid, *right], now, bases, cut)

    def tables(self) -> list[tuple[int, Rows]]:
        """Every distinct table of the candidates (with its row whose total fails, -1 for none): the rows in bands,
        none across a page's start."""
        suffix: list[dict[Key, Rows]] = [{} for _ in range(self.n_rows + 1)]
        suffix[self.n_rows][(-1, ())] = ()
        reach = self._reach() if self.left_last or self.deep or self.top or self.split else [True] * (self.n_rows + 1)
        if not reach[self.n_rows]:
            self.suffix = suffix
            return []
        for first in range(self.n_rows - 1, -1, -1):
            if not reach[first]:
                continue  # no band reaches it from the top: no table has a band starting there
            found: dict[Key, Rows] = {}
            for height in range(1, self.n_rows - first + 1):
                if height > 1 and first + height - 1 in self.page_starts:
                    break  # a band ends at a page's end
                rest = suffix[first + height]
                if not rest:
                    continue
                for (miss, _), band in self.band(first, height).items():
                    for (tail_miss, _), tail in rest.items():
                        if miss >= 0 and tail_miss >= 0:
                            continue
                        self._distinct(found, max(miss, tail_miss), band + tail)
            suffix[first] = found
        self.suffix = suffix
        return [(m, grid) for (m, _), grid in suffix[0].items()]

    def _reach(self) -> list[bool]:
        """By row: whether some bands, each with a filling, fill every row above it (the last: whether a table
        can be read at all). The ``left_last`` pass reads only from those rows: where its order holds nowhere, most
        bands down from the top have no filling and the pass stops early (its fillings the same)."""
        reach = [False] * (self.n_rows + 1)
        reach[0] = True
        for first in range(self.n_rows):
            if reach[first]:
                for height in self._heights(first):
                    if not reach[first + height] and self.band(first, height):
                        reach[first + height] = True
        return reach

    def _heights(self, first: int) -> range:
        """The heights of a band starting at row ``first``: up to the table's end or the next page's start."""
        height = 1
        while first + height < self.n_rows and first + height not in self.page_starts:
            height += 1
        return range(1, height + 1)

    def prefixes(self) -> list[dict[Key, Rows]]:
        """The distinct fillings of rows 0 … i - 1 whose rows' totals all hold, by i (after :meth:`tables`)."""
        prefix: list[dict[Key, Rows]] = [{} for _ in range(self.n_rows + 1)]
        prefix[0][(-1, ())] = ()
        for first in range(self.n_rows):
            if not prefix[first]:
                continue
            for height in self._heights(first):
                bands = self.band(first, height)
                for _, head in prefix[first].items():
                    for _, band in bands.items():
                        self._distinct(prefix[first + height], -1, head + band)
        return prefix

    def let_off(self, prefix: list[dict[Key, Rows]], suffix: list[dict[Key, Rows]]) -> list[tuple[int, Rows]]:
        """Every distinct table of the candidates with one row whose total fails (``self`` under ``slack``): that
        row in a band (read here) from a row the strict pass reads every row above of (``prefix``) to one it reads
        every row below of (``suffix``): only such a band can hold it, the table's other bands being the strict
        pass's; that band read with one row let off, the rows above and below as the strict pass read them."""
        found: dict[Key, Rows] = {}
        for first in range(self.n_rows):
            if not prefix[first]:
                continue
            for height in self._heights(first):
                rest = suffix[first + height]
                if not rest:
                    continue
                for (miss, _), band in self.band(first, height).items():
                    if miss < 0:
                        continue
                    for head in prefix[first].values():
                        for tail in rest.values():
                            self._distinct(found, miss, head + band + tail)
        return [(m, grid) for (m, _), grid in found.items()]


def page_starts(r: Reading, values: list[Token], width: int) -> set[int] | None:
    """The rows at which a page starts among the values (a ``\\f`` between two of them); None where a page's end
    falls inside a row (cells printed nothing: the stream is not the table's cells)."""
    starts: set[int] = set()
    for k in range(1, len(values)):
        if "\f" in r.text[values[k - 1][START] : values[k][START]]:
            if k % width:
                return None
            starts.add(k // width)
    return starts


def read_nested(
    r: Reading, rows: list[RowDef], values: list[Token], app_fmt: str, twice: int = -1
) -> (
    tuple[Reading, list[Check], int, dict[str, tuple[Num, ...]], set[str], tuple[int, int, int, bool, int, int]] | None
):
    """Table 三 from ``values`` (exactly its cells, in the text's order) read in pdfminer's nested order (see the
    module's doc): its reading; its checks (but those of a cell left open); how many distinct tables the row totals
    allowed; the cells the tables kept put different numbers in (left blank), each with those numbers; and the
    cells printed wrong (:mod:`parsers.tables.misprinted`) where no candidate holds every identity and the tables
    kept are those on which every identity holds but those of one cell; and the most rows any table kept reads
    with its 总计 value printed first, and with its 自然人 value printed last (:mod:`parsers.tables.totals_first`;
    0: none), and with its first columns printed after the rest of its band, where only that order (``left_last``,
    tried where no other candidate holds every identity) reads the table (0: none); and whether only the deeper
    orders (a group's bands printed as groups of columns again: ``deep``, tried where no other order holds every
    identity or the search of the others passed its budget) read it; and in how many bands, at most, a table kept
    reads its lone 自然人 column printed a run of its rows first (:mod:`parsers.tables.column_runs`; 0: none); and
    the most rows a table kept reads with its 自然人 value printed after the rest of its row, where only a band's lone
    自然人 column cut in two (its first rows before the band's other groups, the rest after them: ``split``, tried
    last) reads the table (0: none). With
    ``twice``, the row of that index printed twice, at the foot of a page and again at the head of the next
    (wkhtmltopdf's row cut by a page break): the
    values number one row more, the next page starting at its second print; a candidate is kept only where both
    prints read the same numbers, the second then set aside. None where no candidate is kept, or the candidates are
    too many."""
    width = len(APPLICANT_COLUMNS)
    n_rows = len(rows) + (twice >= 0)
    if len(values) != n_rows * width:
        return None
    nums = [number_value(t[TEXT]) for t in values]
    if any(v is None for v in nums):
        return None
    starts = page_starts(r, values, width)
    if starts is None or (twice >= 0 and twice + 1 not in starts):
        return None

    def fold(grid: Rows) -> Rows | None:
        """The candidate with the row printed twice read once, where both prints read the same numbers."""
        if twice < 0:
            return grid
        if [nums[i] for i in grid[twice]] != [nums[i] for i in grid[twice + 1]]:
            return None
        return grid[: twice + 1] + grid[twice + 2 :]

    def holding(grids: list[tuple[int, Rows]]) -> list[Rows]:
        """The candidates (a row printed twice read once) on which every identity of the table holds."""
        kept = []
        for _, two in grids:
            grid = fold(two)
            if grid is None:
                continue
            table = {row.key: [nums[i] for i in at] for row, at in zip(rows, grid, strict=True)}
            if application_passed(table, app_fmt) == identities:
                kept.append(grid)
        return kept

    def last_pass(make: partial[_Nested]) -> tuple[list[tuple[int, Rows]], bool] | None:
        """A last pass, ``make`` giving its model with the order it adds: the strict orders (the strict pass's
        groups shared), then, where none of their tables holds, the deeper orders too (the deep pass's, in their
        budget); the tables that hold every identity added to ``held``. Its tables, and whether the deeper orders
        read those kept (None where the search passed its budget)."""
        try:
            last = make(shared=strict)
            grids = last.tables()
            if not holding(grids):
                last = make(limit=DEEP_STEPS, deep=DEEP_LEVELS, shared=more)
                grids = last.tables()
        except _Open:
            return None
        kept = holding(grids)
        for grid in kept:
            held.setdefault(tuple(nums[i] for at in grid for i in at), grid)
        return grids, bool(kept) and last.deep > 0

    given = [v for v in nums if v is not None]
    identities = len(application_checks(lambda _: 0, app_fmt))  # all hold on a table of zeros
    held: dict[tuple[Num | None, ...], Rows] = {}
    misprinted: set[str] = set()
    left_last = False
    searched = False
    try:
        heads, natural = after_head(r, values, TOTAL_HEAD), after_head(r, values, NATURAL_HEAD)
        runs = partial(_Nested, given, n_rows, width, starts, heads=heads, natural_heads=natural, runs=True)
        labelled = among_labels(r, values)  # a row label among the values: the run-first order tried (column_runs)
        strict = _Nested(given, n_rows, width, starts, heads=heads, natural_heads=natural)
        try:
            grids = strict.tables()
        except _Open:
            # the same orders read again from the top only (bands from rows some bands above fill), in a budget of
            # their own, as large as the strict pass's (MAX_STEPS; every tuning text's reading from the top, pruned,
            # ends within 1.12 million steps: synth 11937's; before, 3 million): the same tables, fewer pieces where
            # many bands start at rows no reading from the top reaches; no pass after it (where none of its tables
            # holds, nothing is read, as where it opened: the passes after it cost up to 2 s more on tuning texts
            # they read nothing of)
            strict = _Nested(given, n_rows, width, starts, heads=heads, natural_heads=natural, top=True)
            grids = strict.tables()
            if labelled and not holding(grids):
                # a band's lone 自然人 column printed a run of its rows first (its values among the row labels':
                # parsers.tables.column_runs), read from the top too, where the strict orders hold nowhere
                strict = runs(top=True)
                grids = strict.tables()
        searched = not strict.top  # the strict pass read every candidate of the orders above
        for grid in holding(grids):
            held.setdefault(tuple(nums[i] for at in grid for i in at), grid)
        if not held and searched:
            # a total printed wrong fails its row's total whatever the placement: one row let off, in a band from
            # where the strict pass's reading from the top ends to where its reading from the bottom begins
            prefix = strict.prefixes()
            slack = _Nested(
                given,
                n_rows,
                width,
                starts,
                slack=True,
                limit=max(1, MAX_STEPS - strict.steps),
                heads=heads,
                natural_heads=natural,
            )
            grids = slack.let_off(prefix, strict.suffix)
            for miss, two in grids:
                if miss < 0 or (one := fold(two)) is None:
                    continue
                miss -= twice >= 0 and miss > twice  # the row's index once the second print is set aside
                got = {
                    f"{_T}/{row.key}/{c}": nums[i]
                    for row, at in zip(rows, one, strict=True)
                    for c, i in zip(APPLICANT_COLUMNS, at, strict=True)
                }
                off = misprinted_cell(application_checks(got.get, app_fmt), got.get)
                if off is not None and off[0].split("/")[1] == rows[miss].key:
                    held.setdefault(tuple(nums[i] for at in one for i in at), one)
                    misprinted.add(off[0])
        if not held and searched:
            # a band's first group printed after its others (the columns beside the row labels grouped with
            # them: a taller group, sorted after), every identity holding; in a budget of its own, a fresh pass's
            # (MAX_STEPS; the strict pass's groups shared, each counted as read again). Before (version 355) it had
            # what the two passes above left of MAX_STEPS: synth 11941's pdfminer text (strict 0.47 M steps,
            # letting a row off 0.63 M) left it 0.40 M of the 1.16 M it reads its table in. Where the pass letting a
            # row off passed its budget, it does not run (the deep pass does): run there, it read nothing on 16
            # tuning texts for 2 s (q66)
            left = _Nested(
                given,
                n_rows,
                width,
                starts,
                limit=MAX_STEPS,
                heads=heads,
                natural_heads=natural,
                left_last=True,
                shared=strict,
            )
            grids = left.tables()
            for grid in holding(grids):
                held.setdefault(tuple(nums[i] for at in grid for i in at), grid)
                left_last = True
    except _Open:
        pass  # a later pass passed its budget: the deeper orders below (where the strict pass read every candidate)
    deep = False
    if not held and searched:
        # a group's bands printed as groups of columns again, each in bands of its own (pdfminer merging boxes more
        # than the three levels above deep), every identity holding; where the strict pass read all its orders and
        # none holds (where it passed its budget the deeper orders, more, would too), in a budget of its own
        more = _Nested(
            given,
            n_rows,
            width,
            starts,
            limit=DEEP_STEPS,
            heads=heads,
            natural_heads=natural,
            deep=DEEP_LEVELS,
            shared=strict,
        )
        try:
            grids = more.tables()
        except _Open:
            return None
        for grid in holding(grids):
            held.setdefault(tuple(nums[i] for at in grid for i in at), grid)
            deep = True
    if not held and searched and labelled:
        # a band's lone 自然人 column printed a run of its rows first, then the rows above and below it (its values
        # among the row labels': parsers.tables.column_runs), with the strict orders only, where no order above
        # holds: tried last, alone, as more orders at once give more tables (with left_last's, one holding every
        # identity wrong: synth 11963, LibreOffice's PDF), in a budget of its own
        # (and with the deeper orders, where those alone held nowhere either: synth 11939, two bands so, a group
        # of each divided again)
        passed = last_pass(runs)
        if passed is None:
            return None
        grids, deep = passed
    split = False
    tails = after_labels(r, values)
    if not held and searched and tails:
        # a band's lone 自然人 column printed its first rows before the band's other groups and the rest after them
        # (its boxes beside the row labels grouped in two, the rest printing after a row label's line: wkhtmltopdf's
        # PDF, synth 10438), with the strict orders, then with the deeper orders too, where no order above holds:
        # tried last, alone, in a budget of its own (more orders at once give more tables)
        cut = partial(_Nested, given, n_rows, width, starts, heads=heads, natural_heads=natural, split=tails)
        passed = last_pass(cut)
        if passed is None:
            return None
        grids, deep = passed
        split = bool(held)
    if not held:
        return None
    keys = [f"{_T}/{row.key}/{c}" for row in rows for c in APPLICANT_COLUMNS]
    tables = list(held)
    flat = [[i for at in grid for i in at] for grid in held.values()]
    t = Reading(r.extracted, r.norm, r.canonical)
    toks: list[Token | None] = []
    open_cells: dict[str, tuple[Num, ...]] = {}
    for n, key in enumerate(keys):
        found = {table[n] for table in tables}
        if len(found) == 1:
            toks.append(values[flat[0][n]])
        else:
            toks.append(None)
            open_cells[key] = tuple(sorted(v for v in found if v is not None))
    t.put_cells(keys, toks, values[0])
    # an identity of a cell left open is not checked: it held on every table kept, as printed
    checks = [c for c in application_checks(t.get, app_fmt) if not open_cells.keys() & {*c.left_keys, *c.right_keys}]
    # a row whose total prints before its 其他 value: 总计's values printed first; whose 自然人 value prints after its
    # 商业企业 value: 自然人's printed last
    moved = (
        max(sum(at[-1] < at[-2] for at in grid) for grid in held.values()),
        0 if split else max(sum(at[0] > at[1] for at in grid) for grid in held.values()),
        max(sum(at[0] > at[-1] for at in grid) for grid in held.values()) if left_last else 0,
        deep,
        max(sum(now[0] < before[0] for before, now in pairwise(grid)) for grid in held.values()),
        max(sum(at[0] > at[-1] for at in grid) for grid in held.values()) if split else 0,
    )
    return t, checks, len(grids), open_cells, misprinted, moved

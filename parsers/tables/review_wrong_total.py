"""Table 四 printed as one run of digits whose published totals do not all hold (issue 8, parser version 108).

BeautifulSoup's ``get_text()`` with no separator prints table 四's fifteen cells as one run
(``000051005600101``); the run is split so that each row's 总计 holds (``review_runs.review_run``). A report whose
published 总计 of one row is wrong (the template's real variant: the identity must fail, and be reported) leaves
no split whose three totals hold, so the whole table was blank. Here the run is split so that the *other two*
rows' totals hold, the third row's five numbers taken as printed: read only where exactly one such split exists
over all three choices of the failing row, and where no split into two rows (a row of table 四 left blank, which
prints nothing in glued text) holds both its totals either. The failing total is then reported by the table's
identity check (``identity_failed``, review required), and the split by a warning that names it.
"""

from __future__ import annotations

import itertools

from parsers.tables.solve import every_split, split_row, split_rows

Rows = list[tuple[int, ...]]
MAX_FREE_SPLITS = 2000  # splits of the failing row's digits tried at most
MAX_STEPS = 50_000  # rows tried at most over the three searches: past it, too many to tell


def _any_split(digits: str, n: int, limit: int) -> list[tuple[int, ...]] | None:
    """Every split of ``digits`` into ``n`` numbers (no number but 0 starting with 0), no identity checked; None
    past ``limit``."""
    out = list(itertools.islice(every_split(digits, n), limit + 1))
    return None if len(out) > limit else out


def one_total_failing(digits: str, n_rows: int, n_cols: int, *, limit: int) -> list[tuple[Rows, int]] | None:
    """Every split of ``digits`` into ``n_rows`` rows of ``n_cols`` numbers where every row's total but one holds
    (that row's numbers as printed), with the index of the row whose total fails; None where there are none, more
    than ``limit`` or too many to tell, or where a split into ``n_rows - 1`` rows holds every total (a blank row
    would read the run as well)."""
    if len(digits) < n_rows * n_cols:
        return None
    fewer = split_rows(digits, n_rows - 1, n_cols, limit=limit)
    if fewer is None or fewer:
        return None
    found: dict[tuple[tuple[int, ...], ...], int] = {}
    steps = [0]

    def go(at: int, rows: Rows, free: int) -> bool:
        """False when the search ran past ``limit``."""
        steps[0] += 1
        if steps[0] > MAX_STEPS or len(found) > limit:
            return False
        k = len(rows)
        if k == n_rows:
            if at == len(digits):
                found[tuple(rows)] = free
            return True
        rest = n_rows - k - 1
        for end in range(at + n_cols, len(digits) - rest * n_cols + 1):
            piece = digits[at:end]
            splits = _any_split(piece, n_cols, MAX_FREE_SPLITS) if k == free else split_row(piece, n_cols)
            if splits is None:
                return False
            for split in splits:
                if not go(end, [*rows, split], free):
                    return False
        return True

    for free in range(n_rows):
        if not go(0, [], free):
            return None
    # a split whose every total holds is none of these (the caller found none); each split found once per row
    failing = [(list(rows), free) for rows, free in found.items() if not _row_holds(rows[free])]
    return failing or None


def _row_holds(row: tuple[int, ...]) -> bool:
    return sum(row[:-1]) == row[-1]

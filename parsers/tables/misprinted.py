"""One printed value that disagrees with every identity it is in, while all the others hold: a misprint, not a
misplacement.

A reading of a table from its values in the text's order (:mod:`parsers.tables.box_order`: the labels printed
apart from the values) is kept where its identities confirm the placement. A report that prints one total wrong
(its own arithmetic: the gold of such a report says its verdict is ``review: required``) fails the identities that
total is in, whatever the reading, and the placement was then refused whole. A placement error moves two values
at least, or a row of them: it fails identities that share no one cell (a swap within a row fails two columns'
sums; a value in the wrong row fails two rows' totals). So where every failing identity holds one same cell, every
identity that cell is in fails, each by what one other value of that cell would make hold, and every other
identity holds, the placement is confirmed by the identities that hold, and the cell's value is kept as printed
(its identities reported failed, review required), as a reading row by row keeps a published total.
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.model import Check

MIN_FAILED = 2  # one failing identity names no one cell: at least a row's and a column's


def misprinted_cell(checks: list[Check], get: Callable[[str], int | float | None]) -> tuple[str, float] | None:
    """The one cell (its key) whose printed value alone fails ``checks``, and the value that would make every one of
    them hold (see the module's doc); None where the failures are not one cell's."""
    failed = [c for c in checks if not c.passed]
    if len(failed) < MIN_FAILED or any(c.blank for c in checks):
        return None
    common = failed[0].cell_keys()
    for c in failed[1:]:
        common &= c.cell_keys()
    if len(common) != 1:
        return None
    (key,) = common
    if any(key in c.left_keys or key in c.right_keys for c in checks if c.passed):
        return None
    value = get(key)
    if value is None:
        return None
    wants = set()
    for c in failed:
        n_left, n_right = c.left_keys.count(key), c.right_keys.count(key)
        if n_left + n_right != 1:
            return None
        # left - right is off by (left - right); the cell on the right must grow by it, on the left shrink
        off = c.left - c.right
        wants.add(round(value + off if n_right else value - off, 6))
    if len(wants) != 1:
        return None
    (want,) = wants
    if want < 0:
        return None
    return key, want

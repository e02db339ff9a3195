"""Rows of table 三 printed one column short: a table part that lost its 总计 column.

A table split over two parts (a DOCX table continued after a page break, pandoc's second pipe table) may print
its second part one column fewer than the first: ``| (七)总计 |  | 14 | 0 | 2 | 0 | 5 | 0 |``, the label's second
cell empty and the 总计 column gone. Right-aligned with the columns (:func:`parsers.tables.align.positional`) its
cells land one column right of their own: the empty label cell read as 自然人's blank, 自然人's 14 as 商业企业's.

Which of the two it is (自然人 printed empty, or the 总计 column lost) the row does not say; table 三's column
identities do: (七)总计 is the sum of the result rows, column by column, and 本年新收 + 上年结转 = (七)总计 +
结转下年度. Where the rows read so (a leading empty cell, the other cells all values) shifted one column left make
every one of those identities hold over the six applicant columns, and read as printed make one fail at least,
they are read shifted, their 总计 left blank (not printed: never summed), and it is said (``lost_column``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from parsers.tables.align import Fit, Value
from parsers.tables.reading import Reading
from parsers.tables.templates import APPLICATIONS_TABLE as T
from parsers.tables.templates import N_APP, RESULT_ROWS_2019, RESULT_ROWS_2021
from parsers.tables.tokens import IS_VALUE, TEXT


def shift_lost_column(r: Reading, fits: dict[str, Fit], fmt: str) -> None:
    """Read left-shifted the rows one column short (see the module's docstring), in place."""
    short = [key for key, f in fits.items() if _one_short(f)]
    if not short:
        return
    results = RESULT_ROWS_2019 if fmt == "2019" else RESULT_ROWS_2021
    shifted = {key: Fit([*fits[key].tokens[1:], None], "positional", []) for key in short}
    before = {key: f.values() for key, f in fits.items()}
    after = {**before, **{key: f.values() for key, f in shifted.items()}}
    if _failing(after, results) != 0 or _failing(before, results) == 0:
        return
    for key in short:
        fits[key] = shifted[key]
        r.warn(
            "lost_column",
            f"{T}/{key}: printed one column short (a leading empty cell, then {N_APP - 1} values): read one "
            "column left, as table 三's column identities have it; total not printed: blank",
            f"{T}/{key}",
            next(t for t in shifted[key].tokens if t is not None),
        )


def _one_short(f: Fit) -> bool:
    """A positional row whose first cell is printed empty and whose other cells all print a value."""
    first, *rest = f.tokens
    return (
        f.how == "positional"
        and first is not None
        and not first[TEXT]
        and all(t is not None and t[TEXT] and t[IS_VALUE] for t in rest)
    )


def _failing(rows: Mapping[str, Sequence[Value]], results: list[str]) -> int | None:
    """How many column identities fail over the six applicant columns (None: a row they read is not read)."""
    needed = [*results, "results_total", "new_received", "carried_over", "carried_forward"]
    if any(key not in rows for key in needed):
        return None
    failing = 0
    for c in range(N_APP - 1):
        col = {key: rows[key][c] or 0 for key in needed}  # a blank counts as 0, as in the checks
        failing += abs(sum(col[k] for k in results) - col["results_total"]) > 1e-6
        failing += abs(col["new_received"] + col["carried_over"] - col["results_total"] - col["carried_forward"]) > 1e-6
    return failing

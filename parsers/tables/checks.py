"""The tables' accounting identities (SCHEMA.md), computed on published values.

A blank (null) operand counts as 0; a check whose operands are all blank is marked ``blank``. A failed check
keeps the published numbers on both sides: nothing is ever repaired.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping, Sequence

from parsers.model import Check
from parsers.tables.solve import Identity
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    RESULT_ROWS_2019,
    RESULT_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    RowDef,
)

Value = int | float | None
Getter = Callable[[str], Value]


def _check(name: str, left: Sequence[str], right: Sequence[str], get: Getter) -> Check:
    return _check_values(name, left, right, list(map(get, left)), list(map(get, right)))


_IS_GIVEN = functools.partial(operator.is_not, None)  # ``v is not None``, called in C


def _check_values(name: str, left: Sequence[str], right: Sequence[str], lv: list[Value], rv: list[Value]) -> Check:
    # the operands given, filtered in C (dozens of checks a document); mypy cannot see the filter drops None
    lp: list[int | float] = list(filter(_IS_GIVEN, lv))  # type: ignore[arg-type]
    rp: list[int | float] = list(filter(_IS_GIVEN, rv))  # type: ignore[arg-type]
    ls, rs = sum(lp), sum(rp)
    return Check(name, list(left), list(right), _tidy(ls), _tidy(rs), abs(ls - rs) < 1e-6, not lp and not rp)


def recheck(c: Check, get: Callable[[str], Value]) -> Check:
    """The check ``c`` again on the cells as ``get`` reads them now."""
    return _check_values(
        c.name, c.left_keys, c.right_keys, [get(k) for k in c.left_keys], [get(k) for k in c.right_keys]
    )


def _tidy(v: int | float) -> int | float:
    if isinstance(v, float):
        r = round(v, 6)
        return int(r) if r.is_integer() else r
    return v


def failed_message(c: Check, get: Getter) -> str:
    """The ``identity_failed`` message of the failing check ``c``: its two sums, and, where some of its cells are
    blank (``get`` reads None: not printed, or left blank by a reading in doubt), which they are. Each side sums only
    the cells read; a blank is not a 0 (its value is not known), so the message names the blanks rather than let
    the sums read as if every cell were given."""
    said = f"{c.name}: {c.left} ≠ {c.right} (published values kept)"
    blank = [k for k in dict.fromkeys((*c.left_keys, *c.right_keys)) if get(k) is None]
    if not blank:
        return said
    return (
        f"{c.name}: {c.left} ≠ {c.right}, the sums of the cells read only; "
        f"{len(blank)} of its cells blank, not counted (not 0: unknown): {', '.join(blank)} (published values kept)"
    )


Spec = tuple[str, tuple[str, ...], tuple[str, ...]]  # a check's name, left keys, right keys


@functools.cache
def _application_specs(fmt: str) -> tuple[tuple[Spec, ...], tuple[str, ...]]:
    """The applications table's checks for a format, and every key they read (each once)."""
    results = RESULT_ROWS_2019 if fmt == "2019" else RESULT_ROWS_2021
    rows = ["new_received", "carried_over", *results, "results_total", "carried_forward"]
    specs: list[Spec] = []
    t = "applications"
    for col in APPLICANT_COLUMNS:
        specs.append(
            (
                f"{t}/balance/{col}",
                (f"{t}/new_received/{col}", f"{t}/carried_over/{col}"),
                (f"{t}/results_total/{col}", f"{t}/carried_forward/{col}"),
            )
        )
        specs.append(
            (f"{t}/results_total/{col}", tuple(f"{t}/{r}/{col}" for r in results), (f"{t}/results_total/{col}",))
        )
    for row in rows:
        specs.append(
            (f"{t}/row_total/{row}", tuple(f"{t}/{row}/{c}" for c in APPLICANT_COLUMNS[:-1]), (f"{t}/{row}/total",))
        )
    keys = dict.fromkeys(k for _, left, right in specs for k in (*left, *right))
    return tuple(specs), tuple(keys)


def identities_at(rows: Sequence[RowDef], fmt: str) -> list[Identity]:
    """Table 三's identities over (row, column) positions: row ``i`` of ``rows``, column ``j`` of the applicants'."""
    row_at = {row.key: i for i, row in enumerate(rows)}
    col_at = {c: j for j, c in enumerate(APPLICANT_COLUMNS)}

    def cell(key: str) -> tuple[int, int]:
        _, row, col = key.split("/")
        return row_at[row], col_at[col]

    return [
        Identity(c.name, tuple(cell(k) for k in c.left_keys), tuple(cell(k) for k in c.right_keys))
        for c in application_checks(lambda k: None, fmt)
    ]


def application_checks(get: Getter, fmt: str) -> list[Check]:
    """The applications table's identities. Each cell is asked of ``get`` once (the fitting of damaged rows
    calls this for every candidate reading)."""
    specs, keys = _application_specs(fmt)
    at = dict(zip(keys, map(get, keys), strict=True)).__getitem__  # each key asked once, in C
    return [_check_values(name, left, right, list(map(at, left)), list(map(at, right))) for name, left, right in specs]


# The applications identities compiled against rows of values: each operand as (row key, column index), and the
# rows an identity reads. Scoring a candidate reading runs them hundreds of times a document.
_Operand = tuple[str, int]
_Compiled = tuple[tuple[_Operand, ...], tuple[_Operand, ...], frozenset[str]]


@functools.cache
def _application_operands(fmt: str) -> tuple[_Compiled, ...]:
    specs, _ = _application_specs(fmt)
    column = {c: i for i, c in enumerate(APPLICANT_COLUMNS)}

    def operand(key: str) -> _Operand:
        _, row, col = key.split("/")
        return row, column[col]

    out = []
    for _, left, right in specs:
        lo, ro = tuple(map(operand, left)), tuple(map(operand, right))
        out.append((lo, ro, frozenset(row for row, _ in (*lo, *ro))))
    return tuple(out)


@functools.cache
def _operands_reading(fmt: str, row: str) -> tuple[_Compiled, ...]:
    return tuple(op for op in _application_operands(fmt) if row in op[2])


def application_passed(
    rows: Mapping[str, Sequence[Value]], fmt: str, *, read_rows_only: bool = False, reading: str | None = None
) -> int:
    """How many applications identities hold on ``rows`` (row key → its values by applicant column; a row
    not given is blank): ``count_passed(application_checks(...))`` without building the checks. With
    ``read_rows_only``, only the identities whose rows are all given count; with ``reading``, only those that
    read that row (the others do not change when only that row's values do: comparing readings of one row,
    they add the same to every score)."""
    if reading is None and not read_rows_only:
        return _all_passed(rows, fmt)
    return _passed(
        rows, _application_operands(fmt) if reading is None else _operands_reading(fmt, reading), read_rows_only
    )


def _passed(rows: Mapping[str, Sequence[Value]], operands: tuple[_Compiled, ...], read_rows_only: bool) -> int:
    passed = 0
    get = rows.get
    for left, right, needs in operands:
        if read_rows_only and not needs <= rows.keys():
            continue
        ls: int | float = 0  # a blank operand (or a row not given) counts as 0; loops inlined: hot
        for row, col in left:
            vals = get(row)
            if vals is not None and (v := vals[col]) is not None:
                ls += v
        rs: int | float = 0
        for row, col in right:
            vals = get(row)
            if vals is not None and (v := vals[col]) is not None:
                rs += v
        if abs(ls - rs) < 1e-6:
            passed += 1
    return passed


@functools.cache
def _flat_operands(fmt: str) -> tuple[tuple[str, ...], tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]]:
    """The rows the applications identities read, in a fixed order, and each identity's operands as indexes into
    those rows' values laid end to end (``N_COLUMNS`` a row)."""
    operands = _application_operands(fmt)
    rows = tuple(dict.fromkeys(row for left, right, _ in operands for row, _ in (*left, *right)))
    at = {row: k * N_COLUMNS for k, row in enumerate(rows)}
    flat = tuple(
        (tuple(at[row] + col for row, col in left), tuple(at[row] + col for row, col in right))
        for left, right, _ in operands
    )
    return rows, flat


N_COLUMNS = len(APPLICANT_COLUMNS)
_BLANK_ROW = (None,) * N_COLUMNS


def _all_passed(rows: Mapping[str, Sequence[Value]], fmt: str) -> int:
    """``application_passed(rows, fmt)`` over every identity: the rows' values laid end to end once, each side
    of an identity summed in C (blanks and zeros, which add nothing, filtered out; the sums run in the same order)."""
    names, identities = _flat_operands(fmt)
    flat: list[Value] = []
    for row in names:
        vals = rows.get(row)
        if vals is None:
            flat += _BLANK_ROW
        elif len(vals) == N_COLUMNS:
            flat += vals
        else:  # a row of another width: the plain loop (its columns are read by index)
            return _passed(rows, _application_operands(fmt), False)
    at = flat.__getitem__
    passed = 0
    for left, right in identities:
        # (the sums named first: compiled, ``sum(...) - sum(...)`` of ``float | Literal[0]`` takes the int path and
        # raises on a float, a fee's ``1.5``)
        ls, rs = sum(filter(None, map(at, left))), sum(filter(None, map(at, right)))
        if abs(ls - rs) < 1e-6:
            passed += 1
    return passed


def application_identities(fmt: str) -> int:
    """How many identities the applications table has in a format."""
    return len(_application_operands(fmt))


@functools.cache
def _review_specs() -> tuple[Spec, ...]:
    t = "review_litigation"
    return tuple(
        (f"{t}/row_total/{row}", tuple(f"{t}/{row}/{c}" for c in REVIEW_COLUMNS[:-1]), (f"{t}/{row}/total",))
        for row in REVIEW_ROWS
    )


def review_checks(get: Getter) -> list[Check]:
    return [_check(name, left, right, get) for name, left, right in _review_specs()]


def review_scorer(keys: Sequence[str]) -> Callable[[Sequence[Value]], int]:
    """``count_passed(review_checks(...))`` on values given in the order of ``keys`` (a key not given is
    blank), without building checks: a damaged table 四 row is scored for thousands of placements."""
    at = {k: i for i, k in enumerate(keys)}
    t = "review_litigation"
    rows = [
        ([at.get(f"{t}/{row}/{c}") for c in REVIEW_COLUMNS[:-1]], at.get(f"{t}/{row}/total")) for row in REVIEW_ROWS
    ]

    def passed(values: Sequence[Value]) -> int:
        n = 0
        for parts, total in rows:
            ls: int | float = 0
            for i in parts:
                if i is not None and (v := values[i]) is not None:
                    ls += v
            rs = values[total] if total is not None else None
            if abs(ls - (rs if rs is not None else 0)) < 1e-6:
                n += 1
        return n

    return passed


# Sub-totals the legacy 统计指标 table states by its indentation (not in SCHEMA's identities: extra checks).
LEGACY_IDENTITIES: list[tuple[str, list[str], str]] = [
    (
        "requests_by_channel",
        ["requests_in_person", "requests_fax", "requests_online", "requests_letter"],
        "requests_received",
    ),
    ("completed", ["completed_on_time", "completed_extended"], "requests_completed"),
    (
        "denied_reasons",
        [
            "denied_state_secret",
            "denied_trade_secret",
            "denied_privacy",
            "denied_security",
            "denied_not_gov_info",
            "denied_other_law",
        ],
        "reply_denied",
    ),
    ("review", ["review_upheld", "review_corrected", "review_other"], "review_total"),
    ("litigation", ["litigation_upheld", "litigation_corrected", "litigation_other"], "litigation_total"),
    ("staff", ["staff_full_time", "staff_part_time"], "staff_total"),
]


def legacy_checks(get: Getter) -> list[Check]:
    out = []
    for name, parts, total in LEGACY_IDENTITIES:
        if get(f"legacy/{total}/value") is None:
            continue  # the total is blank: nothing to check against
        out.append(_check(f"legacy/{name}", [f"legacy/{p}/value" for p in parts], [f"legacy/{total}/value"], get))
    return out


def count_passed(checks: Sequence[Check]) -> int:
    return sum(1 for c in checks if c.passed)

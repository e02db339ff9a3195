"""The tables' accounting identities (SCHEMA.md), computed on published values.

A blank (null) operand counts as 0; a check whose operands are all blank is marked ``blank``. A failed check
keeps the published numbers on both sides: nothing is ever repaired.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from parsers.model import Check
from parsers.tables.templates import (
    APPLICANT_COLUMNS,
    RESULT_ROWS_2019,
    RESULT_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
)

Value = int | float | None
Getter = Callable[[str], Value]


def _check(name: str, left: Sequence[str], right: Sequence[str], get: Getter) -> Check:
    lv = [get(k) for k in left]
    rv = [get(k) for k in right]
    ls = sum(v for v in lv if v is not None)
    rs = sum(v for v in rv if v is not None)
    blank = all(v is None for v in (*lv, *rv))
    return Check(
        name=name,
        left_keys=list(left),
        right_keys=list(right),
        left=_tidy(ls),
        right=_tidy(rs),
        passed=abs(ls - rs) < 1e-6,
        blank=blank,
    )


def _tidy(v: int | float) -> int | float:
    if isinstance(v, float):
        r = round(v, 6)
        return int(r) if r.is_integer() else r
    return v


def application_checks(get: Getter, fmt: str) -> list[Check]:
    results = RESULT_ROWS_2019 if fmt == "2019" else RESULT_ROWS_2021
    rows = ["new_received", "carried_over", *results, "results_total", "carried_forward"]
    out: list[Check] = []
    t = "applications"
    for col in APPLICANT_COLUMNS:
        out.append(
            _check(
                f"{t}/balance/{col}",
                [f"{t}/new_received/{col}", f"{t}/carried_over/{col}"],
                [f"{t}/results_total/{col}", f"{t}/carried_forward/{col}"],
                get,
            )
        )
        out.append(
            _check(f"{t}/results_total/{col}", [f"{t}/{r}/{col}" for r in results], [f"{t}/results_total/{col}"], get)
        )
    for row in rows:
        out.append(
            _check(
                f"{t}/row_total/{row}",
                [f"{t}/{row}/{c}" for c in APPLICANT_COLUMNS[:-1]],
                [f"{t}/{row}/total"],
                get,
            )
        )
    return out


def review_checks(get: Getter) -> list[Check]:
    t = "review_litigation"
    return [
        _check(
            f"{t}/row_total/{row}",
            [f"{t}/{row}/{c}" for c in REVIEW_COLUMNS[:-1]],
            [f"{t}/{row}/total"],
            get,
        )
        for row in REVIEW_ROWS
    ]


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

"""Table 四's 15 cells: their keys, its three rows and their totals."""

from __future__ import annotations

from parsers.tables.align import Value
from parsers.tables.solve import row_total_holds
from parsers.tables.templates import REVIEW_COLUMNS, REVIEW_ROWS
from parsers.tables.templates import REVIEW_TABLE as R
from parsers.tables.tokens import (
    TEXT,
    Token,
    number_value,
)

N_REVIEW = len(REVIEW_ROWS) * len(REVIEW_COLUMNS)


REVIEW_KEYS = tuple(f"{R}/{row}/{col}" for row in REVIEW_ROWS for col in REVIEW_COLUMNS)


def review_rows(values: list[Value]) -> list[list[Value]]:
    n = len(REVIEW_COLUMNS)
    return [values[k : k + n] for k in range(0, N_REVIEW, n)]


def row_values(row: list[Token | None]) -> list[Value]:
    return [None if t is None else number_value(t[TEXT]) for t in row]


def review_totals_hold(values: list[Value]) -> bool:
    n = len(REVIEW_COLUMNS)
    return all(row_total_holds(values[k : k + n]) for k in range(0, N_REVIEW, n))

"""The standard tables' cells and what they mean, generated from the schema (for ``nianbao export``).

- Which cells a standard table has, in template order: the parser's national templates
  (``parsers.tables.templates``), both formats (2021 and 2019) merged.
- What each row and column means: the labels of the data contract, ``docs/SCHEMA.md`` (``\\`key\\` label``
  in its tables and lists), read when the export runs.
- What each database column means: the column descriptions of ``nianbao/datasette/metadata.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from parsers.tables import templates as t

SCHEMA_MD = Path(__file__).resolve().parents[1] / "docs" / "SCHEMA.md"
STANDARD_TABLES = ("active", "applications", "review_litigation", "legacy")
TABLE_TITLES = {
    "active": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "legacy": "统计指标 (reports up to 2018)",
}

_TABLE_ROW = re.compile(r"^\|\s*`([a-z_.]+)`\s*\|\s*([^|]+?)\s*\|([^|\n]*)", re.M)
_ROW_GROUP = re.compile(r"`([a-z_.]+)`[ \t]+[^`(\n]*\((`[^)]*)\)")  # `row` label (`col` label, …)
_PAIR = re.compile(r"`([a-z_.]+)`[ \t]+([^`,;\n]+?)(?=\s*(?:,|;|\.\s|\.$|\(|`|\n| and |$))", re.M)
_SECTION = re.compile(r"^## Table `([a-z_]+)`.*$", re.M)
_ASCII_EDGES = re.compile(r"^[A-Za-z ]+|[A-Za-z ]+$")


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def standard_keys() -> dict[str, list[str]]:
    """Table → its ``row/col`` keys in the template's order (formats 2021 and 2019 together)."""
    active: list[str] = []
    for row in t.ACTIVE_ROWS:
        cols = _dedupe([*t.ACTIVE_DEFAULTS["2021"].get(row.key, ()), *t.ACTIVE_DEFAULTS["2019"].get(row.key, ())])
        active += [f"{row.key}/{c}" for c in cols]
    rows_2021 = [r.key for r in t.APPLICATION_ROWS_2021]
    rows_2019 = [r.key for r in t.APPLICATION_ROWS_2019]
    at = rows_2021.index("results_total")
    app_rows = _dedupe([*rows_2021[:at], *rows_2019[rows_2019.index("results_total") - 1 : -2], *rows_2021[at:]])
    return {
        "active": active,
        "applications": [f"{r}/{c}" for r in app_rows for c in t.APPLICANT_COLUMNS],
        "review_litigation": [f"{r}/{c}" for r in t.REVIEW_ROWS for c in t.REVIEW_COLUMNS],
        "legacy": [f"{r.key}/value" for r in t.LEGACY_ROWS],
    }


def _clean(label: str) -> str:
    return _ASCII_EDGES.sub("", label).strip(" ：:")


@cache
def labels(schema_md: Path = SCHEMA_MD) -> dict[str, dict[str, str]]:
    """Table → key → its label in the data contract (empty if the file is missing). A key is a row, a column,
    or ``row/col`` for a column label that belongs to one row (采购总金额 of ``procurement/amount``)."""
    try:
        text = schema_md.read_text(encoding="utf-8")
    except OSError:
        return {}
    parts = _SECTION.split(text)
    out: dict[str, dict[str, str]] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        found: dict[str, str] = {}

        def add(key: str, label: str, found: dict[str, str] = found) -> None:
            cleaned = _clean(label)
            if cleaned and key not in found:
                found[key] = cleaned

        for row, label, columns in _TABLE_ROW.findall(body):
            add(row, label)
            for col, col_label in _PAIR.findall(columns):  # this row's own columns
                add(f"{row}/{col}", col_label)
        for row, group in _ROW_GROUP.findall(body):
            for col, col_label in _PAIR.findall(group):
                add(f"{row}/{col}", col_label)
        for key, label in _PAIR.findall(body):
            add(key, label)
        out[name] = found
    return out


def describe_cell(table: str, key: str) -> str:
    """``applications``, ``new_received/total`` → "一、本年新收政府信息公开申请数量 — 总计"."""
    row, _, col = key.rpartition("/")
    known = labels().get(table, {})
    row_label = known.get(row, row)
    if table == "legacy" and col == "value":
        return row_label
    return f"{row_label} — {known.get(key) or known.get(col, col)}"

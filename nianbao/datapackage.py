"""The export's organ datasets (organs, checks, panel) and its Frictionless Data Package (``datapackage.json``).

- ``organs``: every organ (nianbao/organs.py): id, name, kind, level, parent, division code, portal.
- ``checks``: every check of every report: the accounting identities and the narrative's statements
  (kind ``narrative_vs_table``, with the sentence), both sides' values and cells.
- ``panel``: organ × year × cell, long: one row per organ, year and cell key, from one report per organ and
  year (the one with the fewest failed identities, then the latest published; ``reports`` says how many the
  organ had that year). Load it into pandas, R or Stata and pivot as needed.

``datapackage.json`` (a Tabular Data Package, https://specs.frictionlessdata.io/) describes the CSV files
(JSON Lines, then Parquet, when no CSV was written): each resource's fields with their types and
descriptions (the data dictionary's), its primary key and its foreign keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from nianbao.datasette import column_descriptions, table_descriptions

Rows = Callable[[], Iterator[tuple[Any, ...]]]
ColumnSpec = tuple[str, str, str]  # name, type (integer, number, string), description

FORMAT_MEDIA = {"csv": "text/csv", "jsonl": "application/jsonl", "parquet": "application/vnd.apache.parquet"}
FIELD_TYPES = {"integer": "integer", "number": "number", "string": "string"}

# Primary and foreign keys of every dataset (a name ending in "_" covers every dataset it starts).
KEYS: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {
    "reports": (["id"], [("organ_id", "organs", "id")]),
    "cells": (["report_id", "key"], [("report_id", "reports", "id"), ("organ_id", "organs", "id")]),
    "table_": (["report_id"], [("report_id", "reports", "id"), ("organ_id", "organs", "id")]),
    "organs": (["id"], [("parent_id", "organs", "id")]),
    "checks": (["report_id", "name"], [("report_id", "reports", "id"), ("organ_id", "organs", "id")]),
    "panel": (["organ_id", "year", "key"], [("organ_id", "organs", "id"), ("report_id", "reports", "id")]),
}

ORGANS_SQL = (
    "SELECT id, name, kind, level, parent_id, division_code, portal, source,"
    " (SELECT count(*) FROM report_organs l WHERE l.organ_id = organs.id) AS reports"
    " FROM organs ORDER BY id"
)
CHECKS_SQL = """
SELECT c.report_id, l.organ_id, r.year, c.name,
  coalesce(json_extract(c.detail, '$.kind'), 'identity') AS kind, c.passed, c.left_value, c.right_value, c.blank,
  json_extract(c.detail, '$.left_keys') AS left_keys, json_extract(c.detail, '$.right_keys') AS right_keys,
  json_extract(c.detail, '$.sentence') AS sentence
FROM checks c JOIN reports r ON r.id = c.report_id LEFT JOIN report_organs l ON l.report_id = r.id
ORDER BY c.report_id, c.name
"""
PANEL_SQL = """
WITH ranked AS (
  SELECT l.organ_id, r.year, r.id AS report_id,
    row_number() OVER (
      PARTITION BY l.organ_id, r.year ORDER BY r.checks_failed, r.published DESC, r.id DESC
    ) AS rank,
    count(*) OVER (PARTITION BY l.organ_id, r.year) AS reports
  FROM reports r JOIN report_organs l ON l.report_id = r.id
  WHERE l.organ_id IS NOT NULL AND r.year IS NOT NULL
)
SELECT k.organ_id, o.name, o.division_code, k.year, c.key, c.table_name, c.row, c.col, c.value,
  k.report_id, k.reports
FROM ranked k JOIN cells c ON c.report_id = k.report_id JOIN organs o ON o.id = k.organ_id
WHERE k.rank = 1
ORDER BY k.organ_id, k.year, c.key
"""


def organ_datasets(db: Database) -> list[dict[str, Any]]:
    """The organs, checks and panel datasets: name, description, columns and a row iterator each."""
    organs = column_descriptions().get("organs", {})
    links = column_descriptions().get("report_organs", {})
    cells = column_descriptions().get("cells", {})
    checks = column_descriptions().get("checks", {})
    report_year = column_descriptions().get("reports", {}).get("year", "")
    return [
        {
            "name": "organs",
            "description": table_descriptions().get("organs", ""),
            "columns": [
                *[
                    (name, "string", organs.get(name, ""))
                    for name in ("id", "name", "kind", "level", "parent_id", "division_code", "portal", "source")
                ],
                ("reports", "integer", "Number of reports linked to the organ"),
            ],
            "rows": lambda: iter(db.execute(ORGANS_SQL)),
        },
        {
            "name": "checks",
            "description": table_descriptions().get("checks", ""),
            "columns": [
                ("report_id", "integer", checks.get("report_id", "")),
                ("organ_id", "string", links.get("organ_id", "")),
                ("year", "integer", report_year),
                ("name", "string", checks.get("name", "")),
                ("kind", "string", "identity (an accounting identity of the tables) or narrative_vs_table"),
                ("passed", "integer", checks.get("passed", "")),
                ("left_value", "number", checks.get("left_value", "")),
                ("right_value", "number", checks.get("right_value", "")),
                ("blank", "integer", checks.get("blank", "")),
                ("left_keys", "string", "JSON list of the cells summed on the left (empty for a narrative check)"),
                ("right_keys", "string", "JSON list of the cells summed on the right"),
                ("sentence", "string", "For a narrative check: the sentence that states the left value"),
            ],
            "rows": lambda: iter(db.execute(CHECKS_SQL)),
        },
        {
            "name": "panel",
            "description": "Organ × year × cell (long): one row per organ, year and cell key, from one report per"
            " organ and year (the fewest failed identities, then the latest published).",
            "columns": [
                ("organ_id", "string", links.get("organ_id", "")),
                ("organ_name", "string", organs.get("name", "")),
                ("division_code", "string", organs.get("division_code", "")),
                ("year", "integer", report_year),
                ("key", "string", cells.get("key", "")),
                ("table_name", "string", cells.get("table_name", "")),
                ("row", "string", cells.get("row", "")),
                ("col", "string", cells.get("col", "")),
                ("value", "number", cells.get("value", "")),
                ("report_id", "integer", "The report the values come from (reports.id)"),
                ("reports", "integer", "How many reports the organ has for the year (the others: see reports)"),
            ],
            "rows": lambda: iter(db.execute(PANEL_SQL)),
        },
    ]


def _keys(name: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    if name in KEYS:
        return KEYS[name]
    for prefix, keys in KEYS.items():
        if prefix.endswith("_") and name.startswith(prefix):
            return keys
    return [], []


def descriptor(data: dict[str, Any], formats: tuple[str, ...]) -> dict[str, Any]:
    """The Data Package descriptor of an export (``data``: the data dictionary of nianbao.export)."""
    fmt = next(f for f in ("csv", "jsonl", "parquet") if f in formats)
    resources = []
    for f in data["files"]:
        names = {c["name"] for c in f["columns"]}
        primary, foreign = _keys(f["name"])
        schema: dict[str, Any] = {
            "fields": [
                {"name": c["name"], "type": FIELD_TYPES[c["type"]], "description": c["description"]}
                for c in f["columns"]
            ],
            "missingValues": [""],
        }
        if primary:
            schema["primaryKey"] = primary
        links = [
            {"fields": field, "reference": {"resource": "" if target == f["name"] else target, "fields": column}}
            for field, target, column in foreign
            if field in names
        ]
        if links:
            schema["foreignKeys"] = links
        resource: dict[str, Any] = {
            "name": f["name"],
            "path": f"{f['name']}.{fmt}",
            "profile": "tabular-data-resource",
            "format": fmt,
            "mediatype": FORMAT_MEDIA[fmt],
            "encoding": "utf-8",
            "description": f["description"],
            "schema": schema,
        }
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "nianbao",
        "title": "政府信息公开工作年度报告 · nianbao",
        "description": "Chinese government information-disclosure annual reports, parsed into the national"
        " standard tables, linked to organs (GB/T 2260 division codes), with every accounting identity and"
        " every statement of the text checked. " + " ".join(data["conventions"]),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": [{"title": "the portals' 政府信息公开工作年度报告 pages and attachments"}],
        "resources": resources,
    }


def write_datapackage(out: Path, data: dict[str, Any], formats: tuple[str, ...]) -> Path:
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor(data, formats), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

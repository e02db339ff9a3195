"""A report's history: every time its stored parse was written, by which parser version, and what changed.

``report_history(id, report_id, at, run_id, status, parser_version, previous_parser_version, content_hash,
previous_hash, changes)``: one row when a report is first stored (``new``), each time a re-parse or a
harvest rewrites it (``changed``), and when a re-parse only stamps a new parser version on an identical parse
(``restamped``). ``changes`` is JSON: for ``new`` the counts (cells, checks failing); for ``changed``
the cells added, removed and modified (with both values), the checks that now fail or now pass, and the
metadata fields that differ (with both values). :class:`storage.store.Store` records it in the same
transaction as the report; nothing else writes it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS report_history (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  status TEXT NOT NULL,
  parser_version TEXT,
  previous_parser_version TEXT,
  content_hash TEXT,
  previous_hash TEXT,
  changes TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS idx_report_history_report ON report_history(report_id);
"""
META_FIELDS = ("title", "region", "publisher", "year", "published", "format")


def ensure_table(db: Database) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


def snapshot(db: Database, report_id: int) -> dict[str, Any]:
    """What the history compares: the report's metadata, parser version, hash, cells and checks."""
    columns = [c.name for c in db.table("reports").columns]
    wanted = [f for f in (*META_FIELDS, "review") if f in columns]
    row = db.execute(
        f"SELECT parser_version, content_hash, {', '.join(wanted)} FROM reports WHERE id = ?", [report_id]
    ).fetchone()
    cells = {
        k: int(v) if isinstance(v, float) and v.is_integer() else v
        for k, v in db.execute("SELECT key, value FROM cells WHERE report_id = ?", [report_id])
    }
    checks = {n: bool(p) for n, p in db.execute("SELECT name, passed FROM checks WHERE report_id = ?", [report_id])}
    return {
        "parser_version": row[0],
        "content_hash": row[1],
        "meta": dict(zip(wanted, row[2:], strict=True)),
        "cells": cells,
        "checks": checks,
    }


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return bool(a == b)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    old, new = before["cells"], after["cells"]
    changes: dict[str, Any] = {
        "cells_added": [[k, new[k]] for k in sorted(new.keys() - old.keys())],
        "cells_removed": [[k, old[k]] for k in sorted(old.keys() - new.keys())],
        "cells_modified": [[k, old[k], new[k]] for k in sorted(old.keys() & new.keys()) if not _same(old[k], new[k])],
        "checks_now_failing": sorted(
            k for k, ok in after["checks"].items() if not ok and before["checks"].get(k, True)
        ),
        "checks_now_passing": sorted(k for k, ok in after["checks"].items() if ok and before["checks"].get(k) is False),
        "checks_added": len(after["checks"].keys() - before["checks"].keys()),
        "checks_removed": len(before["checks"].keys() - after["checks"].keys()),
        "metadata": [
            [f, before["meta"].get(f), after["meta"].get(f)]
            for f in after["meta"]
            if not _same(before["meta"].get(f), after["meta"].get(f))
        ],
    }
    return {k: v for k, v in changes.items() if v}


def record(
    db: Database, report_id: int, status: str, before: dict[str, Any] | None, *, run_id: int | None, at: str
) -> None:
    """One history row for a report just written (``before``: its snapshot before, None when new)."""
    after = snapshot(db, report_id)
    if before is None:
        changes: dict[str, Any] = {
            "cells": len(after["cells"]),
            "checks_failed": sum(1 for ok in after["checks"].values() if not ok),
        }
    else:
        changes = diff(before, after)
    db.execute(
        "INSERT INTO report_history (report_id, at, run_id, status, parser_version, previous_parser_version,"
        " content_hash, previous_hash, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            report_id,
            at,
            run_id,
            status,
            after["parser_version"],
            before["parser_version"] if before else None,
            after["content_hash"],
            before["content_hash"] if before else None,
            json.dumps(changes, ensure_ascii=False, sort_keys=True),
        ],
    )


def record_restamp(
    db: Database,
    report_id: int,
    *,
    previous_version: str | None,
    version: str | None,
    previous_hash: str,
    digest: str,
    run_id: int | None,
    at: str,
) -> None:
    """A re-parse read the same as before under a new parser version: only the version changed."""
    db.execute(
        "INSERT INTO report_history (report_id, at, run_id, status, parser_version, previous_parser_version,"
        " content_hash, previous_hash, changes) VALUES (?, ?, ?, 'restamped', ?, ?, ?, ?, '{}')",
        [report_id, at, run_id, version, previous_version, digest, previous_hash],
    )


def history(db: Database, report_id: int) -> list[dict[str, Any]]:
    if not db.table("report_history").exists():
        return []
    rows = db.query("SELECT * FROM report_history WHERE report_id = ? ORDER BY id", [report_id])
    return [{**row, "changes": json.loads(row["changes"] or "{}")} for row in rows]

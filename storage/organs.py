"""Organs and the links of reports to them: the tables and their writes (the rules are in nianbao/organs.py).

Tables (created by :func:`ensure_tables`):

- ``organs(id, name, kind, level, parent_id, division_code, portal, source, first_seen)``: one row per organ;
  ``id`` is stable across databases (a government: its GB/T 2260 code; an office or a department: the code and
  its name within its government, ``150500/民族事务委员会``); ``parent_id`` the government above it.
- ``organ_names(organ_id, name, source)``: every name an organ was found under (registry, report).
- ``report_organs(report_id, organ_id, name, name_source, rules, reason, linked)``: one row per report; the
  name as the report writes it and where it comes from (``region`` or ``publisher``), the matching rules used,
  and, when ``organ_id`` is NULL, why no organ was matched.

Writes are idempotent and only write what differs, so linking every report again costs a read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS organs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT,
  parent_id TEXT REFERENCES organs(id),
  division_code TEXT,
  portal TEXT,
  source TEXT NOT NULL,
  first_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_organs_parent ON organs(parent_id);
CREATE INDEX IF NOT EXISTS idx_organs_division ON organs(division_code);
CREATE TABLE IF NOT EXISTS organ_names (
  organ_id TEXT NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (organ_id, name)
);
CREATE TABLE IF NOT EXISTS report_organs (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  organ_id TEXT REFERENCES organs(id),
  name TEXT NOT NULL,
  name_source TEXT NOT NULL DEFAULT '',
  rules TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  linked TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_report_organs_organ ON report_organs(organ_id);
"""
ORGAN_FIELDS = ("id", "name", "kind", "level", "parent_id", "division_code", "portal", "source")
LINK_FIELDS = ("organ_id", "name", "name_source", "rules", "reason")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def has_tables(db: Database) -> bool:
    return db.table("report_organs").exists()


def ensure_tables(db: Database) -> None:
    with db.atomic():
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)


def upsert_organs(db: Database, organs: Iterable[dict[str, Any]]) -> int:
    """Insert new organs and update changed ones (parents first: each row's parent must exist). New rows."""
    known = {row[0]: tuple(row[1:]) for row in db.execute(f"SELECT {', '.join(ORGAN_FIELDS)} FROM organs")}
    new = 0
    stamp = _now()
    for organ in organs:
        values = tuple(organ.get(f) for f in ORGAN_FIELDS)
        if organ["id"] not in known:
            db.execute(
                f"INSERT INTO organs ({', '.join(ORGAN_FIELDS)}, first_seen) VALUES ({', '.join('?' * 9)})",
                [*values, stamp],
            )
            new += 1
        elif known[organ["id"]] != values[1:]:
            sets = ", ".join(f"{f} = ?" for f in ORGAN_FIELDS[1:])
            db.execute(f"UPDATE organs SET {sets} WHERE id = ?", [*values[1:], organ["id"]])
        known[organ["id"]] = values[1:]
    return new


def add_names(db: Database, names: Iterable[tuple[str, str, str]]) -> None:
    """(organ_id, name, source) rows; a name already known for the organ is left as it is."""
    db.conn.executemany("INSERT OR IGNORE INTO organ_names (organ_id, name, source) VALUES (?, ?, ?)", list(names))


def save_links(db: Database, links: Iterable[dict[str, Any]]) -> int:
    """Write each report's link (``report_id`` and ``LINK_FIELDS``); returns how many were new or changed."""
    stored = {
        row[0]: tuple(row[1:]) for row in db.execute(f"SELECT report_id, {', '.join(LINK_FIELDS)} FROM report_organs")
    }
    changed = 0
    stamp = _now()
    for link in links:
        values = tuple(link.get(f) or ("" if f != "organ_id" else None) for f in LINK_FIELDS)
        if stored.get(link["report_id"]) == values:
            continue
        db.execute(
            f"INSERT OR REPLACE INTO report_organs (report_id, {', '.join(LINK_FIELDS)}, linked)"
            f" VALUES (?, {', '.join('?' * len(LINK_FIELDS))}, ?)",
            [link["report_id"], *values, stamp],
        )
        changed += 1
    return changed


def unlinked_report_ids(db: Database) -> list[int]:
    """Reports with no row in ``report_organs`` (saved since the last linking)."""
    if not has_tables(db):
        return [int(r[0]) for r in db.execute("SELECT id FROM reports")]
    sql = "SELECT r.id FROM reports r LEFT JOIN report_organs l ON l.report_id = r.id WHERE l.report_id IS NULL"
    return [int(r[0]) for r in db.execute(sql)]


def unmatched(db: Database) -> list[dict[str, Any]]:
    """Names matched to no organ: the name as written, its reports, portals and the reason, most reports first."""
    sql = """
    SELECT l.name, l.name_source, l.reason, count(*) AS reports, group_concat(DISTINCT r.portal) AS portals,
      group_concat(r.id) AS report_ids, min(r.year) AS first_year, max(r.year) AS last_year
    FROM report_organs l JOIN reports r ON r.id = l.report_id
    WHERE l.organ_id IS NULL
    GROUP BY l.name, l.name_source, l.reason
    ORDER BY reports DESC, l.name
    """
    return [dict(row) for row in db.query(sql)]


def organ_rows(db: Database, with_reports_only: bool = False) -> list[dict[str, Any]]:
    """Every organ with its number of reports and the years they cover."""
    sql = f"""
    SELECT o.id, o.name, o.kind, o.level, o.division_code, o.parent_id, o.portal, o.source,
      count(l.report_id) AS reports, min(r.year) AS first_year, max(r.year) AS last_year,
      (SELECT count(*) FROM organ_names n WHERE n.organ_id = o.id) AS names
    FROM organs o
    LEFT JOIN report_organs l ON l.organ_id = o.id
    LEFT JOIN reports r ON r.id = l.report_id
    GROUP BY o.id
    {"HAVING count(l.report_id) > 0" if with_reports_only else ""}
    ORDER BY o.division_code, o.kind != 'government', o.id
    """
    return [dict(row) for row in db.query(sql)]

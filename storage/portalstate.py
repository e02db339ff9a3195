"""What the store knows about each portal between runs: where its annual-report column is, and how its
last harvests went.

Tables (created by :func:`ensure_tables`, which :class:`storage.store.Store` calls on open):

``portal_columns``: one row per portal and column URL.
  ``status`` is ``found`` (the column answers and lists reports, or was just discovered) or ``moved`` (it
  answered 404/410, or lists no report any more: ``reason`` says which); ``source`` is ``registry`` (the
  registry named it) or ``discovered`` (found from the home page: ``found_on`` is the page that links it,
  ``link_text`` the link's text, ``path`` the pages walked, as a JSON list of ``[url, link text]``);
  ``replaces`` names the moved column a discovered one stands in for.
``registry_portals``: the registry as the store last saw it (:func:`sync_registry`, one row per portal, in
  registry order): who should publish. ``names`` are the names a report of this organ may give as its
  publisher (the area, the organ, the organ without 人民政府/行政公署, its 办公室/办公厅), ``lineage`` the
  portals whose harvests may hold its report (itself and its ancestors: the region's portal keeps the
  leagues' reports); the ``registry_coverage`` view of :mod:`nianbao.coverage` reads both.
``portal_runs``: one row per run and portal: the crawl's figures (requests, list pages read, reports new,
  changed and unchanged, errors, browser pages and milliseconds), ``status`` (``ok`` when the crawl finished
  and read at least one list page; else ``failed``, with ``note``), and the column(s) crawled.

Nothing here imports the crawler: the crawl hands plain values in.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

COLUMN_STATUSES = ("found", "moved")
PORTAL_RUN_FIGURES = (
    "requests",
    "list_pages",
    "new_reports",
    "changed_reports",
    "unchanged_reports",
    "errors",
    "browser_pages",
    "browser_ms",
)
_FIGURE_COLUMNS = "\n".join(f"  {name} INTEGER NOT NULL DEFAULT 0," for name in PORTAL_RUN_FIGURES)

TABLES = f"""
CREATE TABLE IF NOT EXISTS portal_columns (
  portal TEXT NOT NULL,
  url TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  found_on TEXT,
  link_text TEXT,
  path TEXT NOT NULL DEFAULT '[]',
  replaces TEXT,
  reason TEXT,
  first_seen TEXT NOT NULL,
  last_checked TEXT NOT NULL,
  run_id INTEGER,
  PRIMARY KEY (portal, url)
);
CREATE TABLE IF NOT EXISTS portal_runs (
  run_id INTEGER NOT NULL,
  portal TEXT NOT NULL,
  finished TEXT NOT NULL,
  status TEXT NOT NULL,
{_FIGURE_COLUMNS}
  columns TEXT NOT NULL DEFAULT '[]',
  note TEXT,
  PRIMARY KEY (run_id, portal)
);
CREATE INDEX IF NOT EXISTS idx_portal_runs_portal ON portal_runs(portal, run_id);
CREATE TABLE IF NOT EXISTS portal_run_parts (
  id TEXT PRIMARY KEY,
  run_id INTEGER NOT NULL,
  portal TEXT NOT NULL,
  finished INTEGER NOT NULL,
  reason TEXT,
  figures TEXT NOT NULL,
  columns TEXT NOT NULL,
  final INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS portal_run_reports (
  run_id INTEGER NOT NULL,
  portal TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (run_id, portal, status)
);
CREATE TABLE IF NOT EXISTS registry_portals (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  organ TEXT NOT NULL,
  level TEXT NOT NULL,
  parent TEXT,
  division_code TEXT NOT NULL,
  region TEXT,
  site TEXT NOT NULL,
  family TEXT NOT NULL,
  needs_browser INTEGER NOT NULL DEFAULT 0,
  columns TEXT NOT NULL DEFAULT '[]',
  names TEXT NOT NULL DEFAULT '[]',
  lineage TEXT NOT NULL DEFAULT '[]',
  synced TEXT NOT NULL
);
"""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ensure_tables(db: Database) -> None:
    for statement in TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    have = {row[1] for row in db.execute("PRAGMA table_info(portal_run_parts)").fetchall()}
    if "final" not in have:  # a database made before workers told their figures as they went
        db.execute("ALTER TABLE portal_run_parts ADD COLUMN final INTEGER NOT NULL DEFAULT 1")


# -- columns ---------------------------------------------------------------------------------------
def record_column(
    db: Database,
    portal: str,
    url: str,
    *,
    status: str,
    source: str,
    run_id: int | None = None,
    found_on: str | None = None,
    link_text: str | None = None,
    path: list[tuple[str, str]] | None = None,
    replaces: str | None = None,
    reason: str | None = None,
) -> None:
    """Insert or update what is known of a portal's column (a moved column keeps how it was found)."""
    if status not in COLUMN_STATUSES:
        raise ValueError(f"column status must be one of {COLUMN_STATUSES}, not {status!r}")
    at = now()
    old = list(db.query("SELECT * FROM portal_columns WHERE portal = ? AND url = ?", [portal, url]))
    row: dict[str, Any] = {
        "portal": portal,
        "url": url,
        "status": status,
        "source": source,
        "last_checked": at,
        "run_id": run_id,
        "reason": reason,
        "first_seen": old[0]["first_seen"] if old else at,
    }
    for key, value in (("found_on", found_on), ("link_text", link_text), ("replaces", replaces)):
        row[key] = value if value is not None else (old[0][key] if old else None)
    row["path"] = json.dumps(path, ensure_ascii=False) if path is not None else (old[0]["path"] if old else "[]")
    db.table("portal_columns").upsert(row, pk=("portal", "url"))


def portal_columns(db: Database, portal: str | None = None) -> list[dict[str, Any]]:
    """The columns known for ``portal`` (or all), the most recently checked first; ``path`` decoded."""
    where, params = ("WHERE portal = ?", [portal]) if portal else ("", [])
    rows = [dict(r) for r in db.query(f"SELECT * FROM portal_columns {where} ORDER BY last_checked DESC", params)]
    for r in rows:
        r["path"] = json.loads(r["path"] or "[]")
    return rows


def column_plan(db: Database, portal: str, configured: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns to crawl for ``portal``: each configured column, unless it has moved and a discovered
    column replaces it; with no configured column, the discovered columns still found. Returns the URLs and
    the moved columns without a replacement (those call for discovery)."""
    known = {r["url"]: r for r in portal_columns(db, portal)}
    replacement = {r["replaces"]: r["url"] for r in known.values() if r["replaces"] and r["status"] == "found"}
    urls: list[str] = []
    unreplaced: list[dict[str, Any]] = []
    for url in configured:
        row = known.get(url)
        if row and row["status"] == "moved":
            if url in replacement:
                urls.append(replacement[url])
                continue
            unreplaced.append(row)
        urls.append(url)
    if not configured:
        urls = [r["url"] for r in known.values() if r["status"] == "found" and r["source"] == "discovered"]
    return list(dict.fromkeys(urls)), unreplaced


# -- per-portal run figures ------------------------------------------------------------------------
def record_portal_run(
    db: Database,
    run_id: int,
    portal: str,
    *,
    status: str,
    figures: dict[str, int],
    columns: list[str] | None = None,
    note: str | None = None,
) -> None:
    unknown = set(figures) - set(PORTAL_RUN_FIGURES)
    if unknown:
        raise ValueError(f"unknown portal run figures {sorted(unknown)}")
    row: dict[str, Any] = {
        "run_id": run_id,
        "portal": portal,
        "finished": now(),
        "status": status,
        **{k: int(figures.get(k, 0)) for k in PORTAL_RUN_FIGURES},
        "columns": json.dumps(columns or [], ensure_ascii=False),
        "note": note,
    }
    db.table("portal_runs").upsert(row, pk=("run_id", "portal"))


def add_portal_run_part(db: Database, op: dict[str, Any]) -> None:
    """One worker's share of a portal's harvest in a distributed run (a ``portal_run`` operation,
    :func:`storage.ingest.portal_run_op`), told as the crawl goes: a later telling of the same ``id`` replaces the
    earlier one, but nothing replaces the final one (``finished`` or not: the one the worker sent when its crawl
    ended), so an operation applied again changes nothing."""
    db.execute(
        "INSERT INTO portal_run_parts (id, run_id, portal, finished, reason, figures, columns, final)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET finished = excluded.finished, reason = excluded.reason,"
        " figures = excluded.figures, columns = excluded.columns, final = excluded.final"
        " WHERE portal_run_parts.final = 0",
        [
            op["id"],
            op["run_id"],
            op["portal"],
            int(bool(op["finished"])),
            op.get("reason"),
            json.dumps(op["figures"]),
            json.dumps(op["columns"], ensure_ascii=False),
            int(bool(op.get("final", True))),
        ],
    )


def count_portal_report(db: Database, run_id: int, portal: str, status: str) -> None:
    """A report of ``portal`` stored ``new``, ``changed`` or found ``unchanged`` by run ``run_id`` (counted by the
    writer, in the report's own transaction: an operation applied again is not counted again)."""
    db.execute(
        "INSERT INTO portal_run_reports (run_id, portal, status, n) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (run_id, portal, status) DO UPDATE SET n = n + 1",
        [run_id, portal, status],
    )


LISTS_UNTOLD = (
    "no list page counted: the workers that read them were killed before they told their figures, which are lost"
)


def compose_portal_runs(db: Database, run_id: int, portals: list[str]) -> None:
    """The ``portal_runs`` rows of a distributed run: the workers' shares added up (requests, list pages, browser
    figures, columns), the reports as the writer stored them, the errors as recorded. A portal's harvest is ``ok``
    once some worker finished its crawl and a list page was read (or, when the workers that read them were killed
    before they told their figures, reports were stored); the note names the crawls that did not finish (their
    requests were redone by the others; what such a worker last told is counted)."""
    for portal in portals:
        parts = db.execute(
            "SELECT finished, reason, figures, columns FROM portal_run_parts WHERE run_id = ? AND portal = ?",
            [run_id, portal],
        ).fetchall()
        figures = dict.fromkeys(PORTAL_RUN_FIGURES, 0)
        columns: list[str] = []
        for _, _, shared, cols in parts:
            for k, v in json.loads(shared).items():
                if k in figures:
                    figures[k] += int(v)
            columns += [c for c in json.loads(cols) if c not in columns]
        for field in ("new_reports", "changed_reports", "unchanged_reports"):
            row = db.execute(
                "SELECT n FROM portal_run_reports WHERE run_id = ? AND portal = ? AND status = ?",
                [run_id, portal, field.removesuffix("_reports")],
            ).fetchone()
            figures[field] = int(row[0]) if row else 0
        stored = sum(figures[f] for f in ("new_reports", "changed_reports", "unchanged_reports"))
        figures["errors"] = int(
            db.execute("SELECT count(*) FROM errors WHERE run_id = ? AND portal = ?", [run_id, portal]).fetchone()[0]
        )
        unfinished = [
            f"a worker's crawl did not finish ({reason or 'not started'})" for done, reason, *_ in parts if not done
        ]
        if not parts:
            status, notes = "failed", ["no worker told of its crawl of the portal"]
        elif len(unfinished) == len(parts):
            status, notes = "failed", ["no worker finished its crawl", *unfinished]
        elif figures["list_pages"] == 0 and not stored:
            status, notes = "failed", ["no list page was read (see the portal's errors)", *unfinished]
        elif figures["list_pages"] == 0:  # its reports were stored: a worker that read its lists was killed
            status, notes = "ok", [LISTS_UNTOLD, *unfinished]
        else:
            status, notes = "ok", unfinished
        record_portal_run(
            db, run_id, portal, status=status, figures=figures, columns=columns, note="; ".join(notes) or None
        )


def portal_overview(db: Database) -> dict[str, dict[str, Any]]:
    """Per portal: its last harvest (figures, status), its last successful harvest's time, the reports stored
    from it, and its columns (``moved`` ones included)."""
    out: dict[str, dict[str, Any]] = {}
    for row in db.query(
        "SELECT p.* FROM portal_runs p JOIN (SELECT portal, max(run_id) AS run_id FROM portal_runs GROUP BY portal)"
        " last ON last.portal = p.portal AND last.run_id = p.run_id"
    ):
        r = dict(row)
        r["columns"] = json.loads(r["columns"] or "[]")
        out.setdefault(r["portal"], {})["last"] = r
    for portal, run_id, finished in db.execute(
        "SELECT portal, max(run_id), finished FROM portal_runs WHERE status = 'ok' GROUP BY portal"
    ).fetchall():  # SQLite takes the bare column from the row holding the max
        out.setdefault(portal, {}).update(last_success=finished, last_success_run=run_id)
    for portal, n in db.execute("SELECT portal, count(*) FROM reports GROUP BY portal").fetchall():
        out.setdefault(portal, {})["reports"] = n
    for r in portal_columns(db):
        out.setdefault(r["portal"], {}).setdefault("columns", []).append(r)
    return out


# -- the registry ----------------------------------------------------------------------------------
REGISTRY_FIELDS = ("id", "name", "organ", "level", "parent", "division_code", "region", "site", "family",
                   "needs_browser", "columns", "names", "lineage")  # fmt: skip


def sync_registry(db: Database, rows: list[dict[str, Any]]) -> int:
    """Replace ``registry_portals`` with ``rows`` (plain values; lists become JSON), in one transaction."""
    at = now()
    records = []
    for position, row in enumerate(rows):
        record = {k: row.get(k) for k in REGISTRY_FIELDS}
        for key in ("columns", "names", "lineage"):
            record[key] = json.dumps(list(row.get(key) or []), ensure_ascii=False)
        record.update(position=position, needs_browser=int(bool(row.get("needs_browser"))), synced=at)
        records.append(record)
    with db.atomic():
        db.execute("DELETE FROM registry_portals")
        if records:
            db.table("registry_portals").insert_all(records)
    return len(records)

"""The one place that writes storage: SQLite (``data/nianbao.db``) plus the raw archive (``data/raw/``).

API (see each method):

- runs: ``start_run(mode, portals) -> run_id``, ``bump(run_id, field, n=1)``,
  ``finish_run(run_id, **figures)``.
  ``save_report`` counts itself in ``new_reports``/``changed_reports``/``unchanged_reports`` and
  ``record_error`` in ``errors``; callers bump ``requests``, ``list_requests``, ``detail_requests`` and
  ``attachment_downloads`` themselves.
- documents: ``archive_document(url, body, ...) -> sha256`` (= ``put_document`` + ``mark_url``),
  ``document_for_url(url)``.
- reports: ``save_report(...) -> (report_id, "new" | "changed" | "unchanged")`` — one transaction per
  report; ``known_report_urls(portal)``, ``has_report(url)``, ``report_url_for_document(sha256)``,
  ``iter_archived_reports()``.
- errors: ``record_error(...)``, ``errors(run_id, portal)``.
- revisits: ``add_revisit(...)``, ``revisits(portal)``, ``settle_revisits(portal, run_id)`` — URLs a paused
  portal left unvisited, asked first by its next run.
- ``summary(run_id)``: the figures ``nianbao summary`` prints (built by :mod:`storage.summary`).

The tables are created from ``SCHEMA`` below (docs/SCHEMA.md documents the cell keys). Cell values are
REAL (an integer count comes back as a float); a blank published cell is NULL, never 0.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlite_utils import Database

from storage import history
from storage.archive import RawArchive
from storage.portalstate import ensure_tables as ensure_portal_tables

if TYPE_CHECKING:  # storage needs no parser at run time (only detect_kind, imported lazily)
    from parsers.model import Report

SaveStatus = Literal["new", "changed", "unchanged"]

RUN_COUNTERS = (
    "requests",
    "list_requests",
    "detail_requests",
    "attachment_downloads",
    "new_reports",
    "changed_reports",
    "unchanged_reports",
    "errors",
    "browser_pages",  # list pages rendered in a browser (crawler.browser)
    "browser_ms",  # milliseconds spent rendering them
)
RUN_FIELDS = (*RUN_COUNTERS, "status", "note", "finished", "portals", "mode")
RUN_MODES = ("replay", "live", "reparse")
EVIDENCE_MAX = 500

_COUNTER_COLUMNS = ",\n".join(f"  {name} INTEGER NOT NULL DEFAULT 0" for name in RUN_COUNTERS)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  mode TEXT NOT NULL,
  portals TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'running',
{_COUNTER_COLUMNS},
  note TEXT
);
CREATE TABLE IF NOT EXISTS documents (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  content_type TEXT,
  kind TEXT,
  first_url TEXT NOT NULL,
  first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_urls (
  url TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES documents(sha256),
  status INTEGER,
  content_type TEXT,
  fetched_at TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS idx_document_urls_sha256 ON document_urls(sha256);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portal TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  page_url TEXT,
  document_sha256 TEXT REFERENCES documents(sha256),
  title TEXT,
  publisher TEXT,
  region TEXT,
  year INTEGER,
  published TEXT,
  format TEXT,
  source_kind TEXT,
  parser_version TEXT,
  review TEXT,
  checks_passed INTEGER NOT NULL DEFAULT 0,
  checks_failed INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  cells_count INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  first_stored TEXT NOT NULL,
  updated TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS idx_reports_portal_year ON reports(portal, year);
CREATE INDEX IF NOT EXISTS idx_reports_document ON reports(document_sha256);
CREATE INDEX IF NOT EXISTS idx_reports_run ON reports(run_id);
CREATE TABLE IF NOT EXISTS cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row TEXT NOT NULL,
  col TEXT NOT NULL,
  value REAL,
  raw TEXT NOT NULL DEFAULT '',
  provenance TEXT,
  PRIMARY KEY (report_id, key)
);
CREATE INDEX IF NOT EXISTS idx_cells_table_row_col ON cells(table_name, row, col);
CREATE TABLE IF NOT EXISTS sections (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  heading TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, number)
);
CREATE TABLE IF NOT EXISTS checks (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  passed INTEGER NOT NULL,
  left_value REAL,
  right_value REAL,
  blank INTEGER NOT NULL DEFAULT 0,
  detail TEXT,
  PRIMARY KEY (report_id, name)
);
CREATE INDEX IF NOT EXISTS idx_checks_passed ON checks(passed);
CREATE TABLE IF NOT EXISTS warnings (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  key TEXT,
  provenance TEXT
);
CREATE INDEX IF NOT EXISTS idx_warnings_report ON warnings(report_id);
CREATE INDEX IF NOT EXISTS idx_warnings_code ON warnings(code);
CREATE TABLE IF NOT EXISTS errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  portal TEXT,
  url TEXT,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_errors_run ON errors(run_id);
CREATE INDEX IF NOT EXISTS idx_errors_portal_code ON errors(portal, code);
CREATE TABLE IF NOT EXISTS applied_ops (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revisits (
  portal TEXT NOT NULL,
  url TEXT NOT NULL,
  entry TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  at TEXT NOT NULL,
  PRIMARY KEY (portal, url)
);
"""

KIND_EXTENSIONS = {
    "html": ".html",
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "xls": ".xls",
    "doc": ".doc",
    "wps": ".wps",
    "ofd": ".ofd",
    "zip": ".zip",
    "text": ".txt",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(report: Report) -> str:
    """SHA-256 of the canonical JSON of everything stored for a report (its ``as_json()`` without text)."""
    return hashlib.sha256(_json(report.as_json()).encode("utf-8")).hexdigest()


def _check_detail(check: Any) -> dict[str, Any]:
    """What a check row keeps beside its values: its keys, and for a narrative check its kind and sentence."""
    detail: dict[str, Any] = {"left_keys": check.left_keys, "right_keys": check.right_keys}
    if getattr(check, "kind", "identity") != "identity":
        detail.update(kind=check.kind, sentence=check.sentence, where=check.where.as_dict() if check.where else None)
    return detail


def split_key(key: str) -> tuple[str, str, str]:
    """``"table/row/column"`` → its three parts (a key without slashes is all table)."""
    table, _, rest = key.partition("/")
    row, _, col = rest.rpartition("/")
    return table, row, col


def detect_document_kind(body: bytes, url: str) -> str | None:
    from parsers.detect import detect_kind
    from parsers.extracted import UnreadableDocument

    try:
        return detect_kind(body, url)
    except UnreadableDocument:
        return None


class Store:
    def __init__(self, db_path: str | Path = "data/nianbao.db", raw_root: Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.archive = RawArchive(raw_root if raw_root is not None else self.db_path.parent / "raw")
        self.db = Database(self.db_path)
        self.db.execute("PRAGMA busy_timeout = 10000;")
        self.db.enable_wal()
        self.db.execute("PRAGMA foreign_keys = ON;")
        with self.db.atomic():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            history.ensure_table(self.db)
            if "review" not in self.db["reports"].columns_dict:  # a database made before the verdict
                self.db.execute("ALTER TABLE reports ADD COLUMN review TEXT")
            self._add_missing_run_counters()
            ensure_portal_tables(self.db)

    def _add_missing_run_counters(self) -> None:
        """A database made before a counter existed gets its column (0 for the runs it already holds)."""
        have = {row[1] for row in self.db.execute("PRAGMA table_info(runs)").fetchall()}
        for name in RUN_COUNTERS:
            if name not in have:
                self.db.execute(f"ALTER TABLE runs ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0")

    @classmethod
    def open_existing(cls, db_path: str | Path, raw_root: Path | None = None) -> Store:
        """Open a database that must already exist (raises ``FileNotFoundError`` rather than create one)."""
        if not Path(db_path).is_file():
            raise FileNotFoundError(f"no database at {db_path}")
        return cls(db_path, raw_root)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------------------

    def start_run(self, mode: str, portals: list[str] | tuple[str, ...] | str = ()) -> int:
        if mode not in RUN_MODES:
            raise ValueError(f"run mode must be one of {RUN_MODES}, not {mode!r}")
        names = [portals] if isinstance(portals, str) else list(portals)
        cursor = self.db.execute(
            "INSERT INTO runs (started, mode, portals) VALUES (?, ?, ?)", [now(), mode, _json(names)]
        )
        return int(cursor.lastrowid or 0)

    def bump(self, run_id: int, field: str, n: int = 1) -> None:
        if field not in RUN_COUNTERS:
            raise ValueError(f"unknown run counter {field!r}; one of {RUN_COUNTERS}")
        self.db.execute(f"UPDATE runs SET {field} = {field} + ? WHERE id = ?", [n, run_id])

    def finish_run(self, run_id: int, **figures: Any) -> None:
        """Close a run: ``finished`` now, ``status`` "finished" unless given; other figures overwrite."""
        unknown = set(figures) - set(RUN_FIELDS)
        if unknown:
            raise ValueError(f"unknown run fields {sorted(unknown)}")
        values: dict[str, Any] = {"finished": now(), "status": "finished", **figures}
        if isinstance(values.get("portals"), list | tuple):
            values["portals"] = _json(list(values["portals"]))
        self.db.table("runs").update(run_id, values)

    def first_time(self, op_id: str) -> bool:
        """Record that the storage operation ``op_id`` is applied; False if it already was (storage.ingest)."""
        cursor = self.db.execute("INSERT OR IGNORE INTO applied_ops (id, at) VALUES (?, ?)", [op_id, now()])
        return bool(cursor.rowcount)

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM runs WHERE id = ?", [run_id]))
        if not rows:
            return None
        run = rows[0]
        run["portals"] = json.loads(run["portals"] or "[]")
        return run

    def latest_run_id(self) -> int | None:
        row = self.db.execute("SELECT max(id) FROM runs").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    # -- documents ----------------------------------------------------------------------------------

    def archive_document(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str | None,
        status: int | None,
        run_id: int | None,
        fetched_at: str | None = None,
    ) -> str:
        """Keep ``body`` in the raw archive and point ``url`` at it; return its sha256."""
        at = fetched_at or now()
        with self.db.atomic():
            sha256 = self.put_document(url, body, content_type=content_type, fetched_at=at)
            self.mark_url(url, sha256, content_type=content_type, status=status, run_id=run_id, fetched_at=at)
        return sha256

    def put_document(self, url: str, body: bytes, *, content_type: str | None, fetched_at: str | None = None) -> str:
        """Keep ``body`` in the raw archive with its ``documents`` row (no URL points at it yet); its sha256.

        The file is written (atomically) before the row, so a crash in between leaves a raw file no row
        references, which :func:`storage.recovery.recover` removes on the next start.
        """
        kind = detect_document_kind(body, url)
        sha256, _ = self.archive.put(body, KIND_EXTENSIONS.get(kind or "", ""))
        self.db.execute(
            "INSERT OR IGNORE INTO documents (sha256, size, content_type, kind, first_url, first_seen)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [sha256, len(body), content_type, kind, url, fetched_at or now()],
        )
        return sha256

    def record_document(
        self,
        sha256: str,
        *,
        size: int,
        kind: str | None,
        content_type: str | None,
        url: str,
        fetched_at: str | None = None,
    ) -> None:
        """The ``documents`` row of a body already in the raw archive (put there by a worker sharing it)."""
        self.db.execute(
            "INSERT OR IGNORE INTO documents (sha256, size, content_type, kind, first_url, first_seen)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [sha256, size, content_type, kind, url, fetched_at or now()],
        )

    def mark_url(
        self,
        url: str,
        sha256: str,
        *,
        content_type: str | None,
        status: int | None,
        run_id: int | None,
        fetched_at: str | None = None,
    ) -> None:
        """Point ``url`` at an archived document (``document_urls``): for a page, "read, outcome settled"."""
        self.db.table("document_urls").upsert(
            {
                "url": url,
                "sha256": sha256,
                "status": status,
                "content_type": content_type,
                "fetched_at": fetched_at or now(),
                "run_id": run_id,
            },
            pk="url",
        )

    def document_for_url(self, url: str) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT u.url, u.sha256, u.status, u.content_type, u.fetched_at, u.run_id,"
                " d.size, d.kind, d.first_url, d.first_seen"
                " FROM document_urls u JOIN documents d ON d.sha256 = u.sha256 WHERE u.url = ?",
                [url],
            )
        )
        if not rows:
            return None
        row = rows[0]
        row["path"] = str(self.archive.path(row["sha256"]))
        return row

    # -- reports ------------------------------------------------------------------------------------

    def known_report_urls(self, portal: str | None = None) -> set[str]:
        if portal is None:
            return {r[0] for r in self.db.execute("SELECT url FROM reports")}
        return {r[0] for r in self.db.execute("SELECT url FROM reports WHERE portal = ?", [portal])}

    def has_report(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE url = ?", [url]).fetchone() is not None

    def stored_by_run(self, url: str, run_id: int, digest: str) -> bool:
        """Did run ``run_id`` store (or find unchanged) this very report already? (an operation applied twice)"""
        row = self.db.execute("SELECT run_id, content_hash, updated FROM reports WHERE url = ?", [url]).fetchone()
        return row is not None and row[0] == run_id and row[1] == digest

    def report_url_for_document(self, sha256: str) -> str | None:
        """The URL of the report stored from this document (by content hash), if any."""
        row = self.db.execute(
            "SELECT url FROM reports WHERE document_sha256 = ? ORDER BY id LIMIT 1", [sha256]
        ).fetchone()
        return str(row[0]) if row else None

    def save_report(
        self,
        *,
        portal: str,
        url: str,
        page_url: str | None,
        report: Report,
        document_sha256: str | None,
        run_id: int | None,
    ) -> tuple[int, SaveStatus]:
        """Store one report and all its child rows in one transaction.

        "unchanged" (same content hash): nothing is written except, if the report now comes from other
        bytes or another page (same parse), the ``document_sha256``/``page_url`` pointers.
        "changed": the report row is updated and its cells, sections, checks and warnings replaced.
        """
        digest = content_hash(report)
        stamp = now()
        with self.db.atomic():
            found = self.db.execute(
                "SELECT id, content_hash, document_sha256, page_url, portal FROM reports WHERE url = ?", [url]
            ).fetchone()
            status: SaveStatus
            if found is not None and found[1] == digest:
                report_id, status = int(found[0]), "unchanged"
                pointers = {"document_sha256": document_sha256, "page_url": page_url, "portal": portal}
                if (found[2], found[3], found[4]) != tuple(pointers.values()):
                    self.db.table("reports").update(report_id, pointers)
            else:
                before = history.snapshot(self.db, int(found[0])) if found is not None else None
                row = self._report_row(portal, url, page_url, report, document_sha256, run_id, digest, stamp)
                if found is None:
                    row["first_stored"] = stamp
                    report_id, status = self._insert_report(row), "new"
                else:
                    report_id, status = int(found[0]), "changed"
                    self.db.table("reports").update(report_id, row)
                    self._delete_children(report_id)
                self._insert_cells(report_id, report)
                self._insert_sections(report_id, report)
                self._insert_checks(report_id, report)
                self._insert_warnings(report_id, report)
                history.record(self.db, report_id, status, before, run_id=run_id, at=stamp)
            if run_id is not None:
                self.bump(run_id, f"{status}_reports")
        return report_id, status

    @staticmethod
    def _report_row(
        portal: str,
        url: str,
        page_url: str | None,
        report: Report,
        document_sha256: str | None,
        run_id: int | None,
        digest: str,
        stamp: str,
    ) -> dict[str, Any]:
        meta = report.metadata
        year = meta.get("year")
        return {
            "portal": portal,
            "url": url,
            "page_url": page_url,
            "document_sha256": document_sha256,
            "title": meta.get("title"),
            "publisher": meta.get("publisher"),
            "region": meta.get("region"),
            "year": int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
            "published": meta.get("published"),
            "format": meta.get("format"),
            "source_kind": meta.get("source_kind"),
            "parser_version": meta.get("parser_version"),
            "review": meta.get("review"),
            "checks_passed": report.checks_passed,
            "checks_failed": report.checks_failed,
            "warnings": len(report.warnings),
            "cells_count": len(report.cells),
            "content_hash": digest,
            "updated": stamp,
            "run_id": run_id,
        }

    def _insert_report(self, row: dict[str, Any]) -> int:
        cursor = self.db.execute(
            f"INSERT INTO reports ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        return int(cursor.lastrowid or 0)

    def _delete_children(self, report_id: int) -> None:
        for table in ("cells", "sections", "checks", "warnings"):
            self.db.execute(f"DELETE FROM {table} WHERE report_id = ?", [report_id])

    def _insert_cells(self, report_id: int, report: Report) -> None:
        rows = []
        for key, cell in report.cells.items():
            table, row, col = split_key(key)
            rows.append(
                {
                    "report_id": report_id,
                    "key": key,
                    "table_name": table,
                    "row": row,
                    "col": col,
                    "value": cell.value,
                    "raw": cell.raw,
                    "provenance": _json(cell.where.as_dict()) if cell.where else None,
                }
            )
        self.db.table("cells").insert_all(rows)

    def _insert_sections(self, report_id: int, report: Report) -> None:
        # A repeated section number keeps the first (the primary key is (report_id, number)).
        rows = [
            {"report_id": report_id, "number": s.number, "heading": s.heading, "text": s.text} for s in report.sections
        ]
        self.db.table("sections").insert_all(rows, ignore=True)

    def _insert_checks(self, report_id: int, report: Report) -> None:
        rows = [
            {
                "report_id": report_id,
                "name": c.name,
                "passed": int(c.passed),
                "left_value": c.left,
                "right_value": c.right,
                "blank": int(c.blank),
                "detail": _json(_check_detail(c)),
            }
            for c in report.checks
        ]
        self.db.table("checks").insert_all(rows, ignore=True)

    def _insert_warnings(self, report_id: int, report: Report) -> None:
        rows = [
            {
                "report_id": report_id,
                "code": w.code,
                "message": w.message,
                "key": w.key,
                "provenance": _json(w.where.as_dict()) if w.where else None,
            }
            for w in report.warnings
        ]
        self.db.table("warnings").insert_all(rows)

    def report_cells(self, report_id: int) -> dict[str, float | None]:
        return {
            r[0]: r[1]
            for r in self.db.execute("SELECT key, value FROM cells WHERE report_id = ? ORDER BY key", [report_id])
        }

    def iter_archived_reports(self, portal: str | None = None) -> Iterator[dict[str, Any]]:
        """Every report with its document (for a re-parse); ``path`` is the raw file, "" if missing."""
        sql = (
            "SELECT r.id, r.portal, r.url, r.page_url, r.document_sha256, r.parser_version, r.content_hash,"
            " r.source_kind, d.content_type, d.kind, d.size"
            " FROM reports r LEFT JOIN documents d ON d.sha256 = r.document_sha256"
        )
        params: list[Any] = []
        if portal is not None:
            sql += " WHERE r.portal = ?"
            params.append(portal)
        for row in self.db.query(sql + " ORDER BY r.id", params):
            sha = row["document_sha256"]
            row["path"] = str(self.archive.path(sha)) if sha and self.archive.has(sha) else ""
            yield row

    # -- errors -------------------------------------------------------------------------------------

    def record_error(
        self,
        *,
        run_id: int | None,
        portal: str | None,
        url: str | None,
        code: str,
        reason: str,
        evidence: str = "",
    ) -> int:
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO errors (run_id, portal, url, code, reason, evidence, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, portal, url, code, reason, (evidence or "")[:EVIDENCE_MAX], now()],
            )
            if run_id is not None:
                self.bump(run_id, "errors")
        return int(cursor.lastrowid or 0)

    def has_error(self, run_id: int | None, portal: str | None, url: str | None, code: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM errors WHERE run_id IS ? AND portal IS ? AND url IS ? AND code = ? LIMIT 1",
            [run_id, portal, url, code],
        ).fetchone()
        return row is not None

    def errors(self, run_id: int | None = None, portal: str | None = None) -> list[dict[str, Any]]:
        """Errors of one run (all runs when ``run_id`` is None), optionally of one portal."""
        where: list[str] = []
        params: list[Any] = []
        if run_id is not None:
            where.append("run_id = ?")
            params.append(run_id)
        if portal is not None:
            where.append("portal = ?")
            params.append(portal)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return list(self.db.query(f"SELECT * FROM errors{clause} ORDER BY portal, code, reason, url, id", params))

    # -- revisits: what a paused portal left unvisited, asked first by the next run ---------------------

    def add_revisit(self, *, portal: str, url: str, entry: dict[str, Any], run_id: int | None) -> None:
        self.db.execute(
            "INSERT INTO revisits (portal, url, entry, run_id, at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (portal, url) DO UPDATE SET entry = excluded.entry, run_id = excluded.run_id,"
            " at = excluded.at",
            [portal, url, _json(entry), run_id, now()],
        )

    def revisits(self, portal: str) -> list[dict[str, Any]]:
        """The entries (``crawler.revisit``) a paused run of ``portal`` left, oldest first."""
        rows = self.db.execute("SELECT entry FROM revisits WHERE portal = ? ORDER BY at, url", [portal])
        return [json.loads(r[0]) for r in rows]

    def settle_revisits(self, portal: str, run_id: int) -> None:
        """``run_id`` has visited what earlier runs left: keep only what it left itself."""
        self.db.execute("DELETE FROM revisits WHERE portal = ? AND (run_id IS NULL OR run_id < ?)", [portal, run_id])

    # -- summary ------------------------------------------------------------------------------------

    def summary(self, run_id: int | None = None) -> dict[str, Any]:
        from storage.summary import build_summary

        return build_summary(self, run_id)

"""The nianbao Datasette plugin: the report page, its cells' provenance, the archived original, links to them.

Routes (``DB`` is the database's name in Datasette):

- ``/-/report/DB/ID``: the report as the national form (``nianbao_report.html``, context from
  :mod:`nianbao.report_page`): tables, failing identities highlighted, the narrative's checks, the history;
- ``/-/report/DB/ID/cell.json?key=KEY``: one cell's provenance (the text around it), fetched on a click;
- ``/-/report/DB/ID/original``: the archived original document, from the raw archive beside the database
  (or the plugin setting ``nianbao: raw_root``). An archived HTML page is served under a sandbox policy
  (no scripts, no same-origin access): the portal's page is shown, never run.

The reports table links each report's title to its page. ``nianbao serve`` registers the plugin; the
``datasette`` entry point registers it for a plain ``datasette data/nianbao.db`` too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette import hookimpl  # type: ignore[import-untyped]
from datasette.utils.asgi import NotFound, Response  # type: ignore[import-untyped]
from markupsafe import Markup, escape
from sqlite_utils import Database

from nianbao.report_page import cell_provenance, report_context
from storage.archive import RawArchive

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
    "doc": "application/msword",
    "wps": "application/vnd.ms-works",
    "ofd": "application/ofd",
    "zip": "application/zip",
    "text": "text/plain; charset=utf-8",
}
EXTENSIONS = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "xls": ".xls", "doc": ".doc"}
EXTENSIONS |= {"wps": ".wps", "ofd": ".ofd", "zip": ".zip", "text": ".txt"}


def _database(datasette: Any, request: Any) -> Any:
    try:
        return datasette.get_database(request.url_vars["db"])
    except KeyError as exc:
        raise NotFound(f"no database {request.url_vars['db']}") from exc


def _report_id(request: Any) -> int:
    return int(request.url_vars["id"])


async def report_page(request: Any, datasette: Any) -> Response:
    db = _database(datasette, request)
    report_id = _report_id(request)
    context = await db.execute_fn(lambda conn: report_context(Database(conn), report_id))
    if context is None:
        raise NotFound(f"no report {report_id}")
    html = await datasette.render_template("nianbao_report.html", {**context, "db_name": db.name}, request=request)
    return Response.html(html)


async def cell_json(request: Any, datasette: Any) -> Response:
    db = _database(datasette, request)
    report_id, key = _report_id(request), request.args.get("key", "")
    found = await db.execute_fn(lambda conn: cell_provenance(Database(conn), report_id, key))
    if found is None:
        return Response.json({"error": f"report {report_id} has no cell {key}"}, status=404)
    return Response.json(found)


def raw_root(datasette: Any, db: Any) -> Path:
    config = datasette.plugin_config("nianbao") or {}
    if config.get("raw_root"):
        return Path(config["raw_root"])
    return Path(db.path).parent / "raw"


async def original(request: Any, datasette: Any) -> Response:
    db = _database(datasette, request)
    report_id = _report_id(request)
    rows = await db.execute(
        "SELECT r.document_sha256, d.kind, d.content_type FROM reports r"
        " LEFT JOIN documents d ON d.sha256 = r.document_sha256 WHERE r.id = ?",
        [report_id],
    )
    row = rows.first()
    if row is None or not row["document_sha256"]:
        raise NotFound(f"report {report_id} has no archived document")
    archive = RawArchive(raw_root(datasette, db))
    sha = row["document_sha256"]
    if not archive.has(sha):
        raise NotFound(f"the archived document {sha} is not in {archive.root}")
    kind = row["kind"] or "text"
    body = archive.path(sha).read_bytes()
    headers = {
        "content-disposition": f'inline; filename="report-{report_id}{EXTENSIONS.get(kind, "")}"',
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
    }
    return Response(body, status=200, headers=headers, content_type=CONTENT_TYPES.get(kind, "application/octet-stream"))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/report/(?P<db>[^/]+)/(?P<id>\d+)$", report_page),
        (r"^/-/report/(?P<db>[^/]+)/(?P<id>\d+)/cell\.json$", cell_json),
        (r"^/-/report/(?P<db>[^/]+)/(?P<id>\d+)/original$", original),
    ]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """The reports table: a report's title links to its page."""
    columns = row.keys() if row is not None else ()  # a sqlite3.Row: `in row` would look at its values
    if table == "reports" and column == "title" and "id" in columns:
        href = datasette.urls.path(f"-/report/{database}/{row['id']}")
        return Markup(f'<a href="{escape(href)}">{escape(value or "(no title)")}</a>')
    return None

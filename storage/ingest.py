"""What a crawl hands to storage, as operations that one writer applies: the single path to the Store.

The crawler never writes the database itself; it describes each write as an operation (a plain dict) and
hands it to a :class:`Writes`:

- :class:`StoreWrites` applies it at once to a local :class:`~storage.store.Store` (the embedded
  ``nianbao harvest``, and the writer's own side);
- ``crawler.distributed.RedisWrites`` pushes it to a Redis list, from which ``nianbao ingest`` (the one writer
  of a distributed harvest) takes it and calls :func:`apply` — the same code.

Operations (``op["op"]``):

- ``document``: a fetched body. With ``body`` it is archived here; without, a worker already put it in the
  shared content-addressed raw archive (``sha256``), which must hold it. ``mark`` points the URL at it
  ("read": a page settled, an attachment downloaded).
- ``report``: a parsed report (``report`` is the :class:`parsers.Report`), its source URL and document, and
  the page it came from (marked read only once the report is stored). A document already stored as another
  URL's report is recorded once, the second URL as ``duplicate``.
- ``error`` (with an optional ``revisit`` entry), ``bump`` (a run counter; with an ``id``, applied once),
  ``settle_revisits``;
- ``portal_run`` (with an ``id``): one worker's figures for a portal of a distributed run, added up with the
  others' when the run ends (:func:`storage.portalstate.compose_portal_runs`). A worker tells them as it goes,
  under one ``id`` per worker and portal: each telling replaces the last, and the one it sends when its crawl
  ends is final (a killed worker's figures are those it last told).

**Idempotent.** An operation applied twice changes nothing the second time: a killed worker's requests are
made again and their operations sent again, and a writer killed between committing and acknowledging applies
the same operation again. Errors are unique per (run, portal, URL, code); a report stored by the same run
with the same content is not counted twice; documents and URL marks are upserts.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Protocol

from storage.portalstate import add_portal_run_part, count_portal_report

if TYPE_CHECKING:
    from parsers.model import Report
    from storage.archive import RawArchive
    from storage.store import Store


class StoreView(Protocol):
    """What the crawl reads of earlier runs: the Store itself, or its mirror in Redis on a worker."""

    def document_for_url(self, url: str) -> dict[str, Any] | None: ...

    def has_report(self, url: str) -> bool: ...

    def get_run(self, run_id: int) -> dict[str, Any] | None: ...

    def revisits(self, portal: str) -> list[dict[str, Any]]: ...


def archive_body(archive: RawArchive, url: str, body: bytes) -> dict[str, Any]:
    """Put ``body`` in the content-addressed raw archive (by the process that fetched it: several workers may
    share one directory); returns the ``sha256``, ``size`` and ``kind`` a ``document`` operation carries."""
    from storage.store import KIND_EXTENSIONS, detect_document_kind

    kind = detect_document_kind(body, url)
    sha256, _ = archive.put(body, KIND_EXTENSIONS.get(kind or "", ""))
    return {"sha256": sha256, "size": len(body), "kind": kind}


class Writes(Protocol):
    def submit(self, op: dict[str, Any]) -> Any:
        """Hand one operation to the writer (applied now, or queued); returns :func:`apply`'s result if now."""
        ...


def document_op(
    url: str,
    *,
    body: bytes | None = None,
    sha256: str | None = None,
    size: int | None = None,
    kind: str | None = None,
    content_type: str | None,
    status: int | None,
    run_id: int | None,
    mark: bool = True,
    fetched_at: str | None = None,
) -> dict[str, Any]:
    return {
        "op": "document",
        "url": url,
        "body": body,
        "sha256": sha256,
        "size": size,
        "kind": kind,
        "content_type": content_type,
        "status": status,
        "run_id": run_id,
        "mark": mark,
        "fetched_at": fetched_at,
    }


def report_op(
    *,
    portal: str,
    url: str,
    report: Report,
    document_sha256: str | None,
    page: dict[str, Any] | None,
    run_id: int | None,
) -> dict[str, Any]:
    """``page``: ``{"url", "sha256", "content_type", "status"}`` of the page to mark read once stored."""
    return {
        "op": "report",
        "portal": portal,
        "url": url,
        "report": report,
        "document_sha256": document_sha256,
        "page": page,
        "run_id": run_id,
    }


def bump_op(run_id: int, field: str, n: int) -> dict[str, Any]:
    return {"op": "bump", "id": uuid.uuid4().hex, "run_id": run_id, "field": field, "n": n}


def portal_run_op(
    run_id: int,
    portal: str,
    *,
    finished: bool,
    reason: str | None,
    figures: dict[str, int],
    columns: list[str],
    part: str | None = None,
    final: bool = True,
) -> dict[str, Any]:
    """``part``: the worker's share it updates (the same for every telling of one worker's crawl of the portal);
    ``final``: told when the crawl ended (no later telling replaces it)."""
    return {
        "op": "portal_run",
        "id": part or uuid.uuid4().hex,
        "final": final,
        "run_id": run_id,
        "portal": portal,
        "finished": finished,
        "reason": reason,
        "figures": figures,
        "columns": columns,
    }


def error_op(
    *,
    run_id: int | None,
    portal: str,
    url: str,
    code: str,
    reason: str,
    evidence: str = "",
    revisit: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "op": "error",
        "run_id": run_id,
        "portal": portal,
        "url": url,
        "code": code,
        "reason": reason,
        "evidence": evidence,
        "revisit": revisit,
    }


def apply(store: Store, op: dict[str, Any]) -> Any:
    """Apply one operation to ``store`` (idempotent; see the module's docstring). Returns, for ``document``,
    the sha256; for ``report``, ``"new"``/``"changed"``/``"unchanged"``/``"duplicate"``/``"again"``."""
    kind = op["op"]
    if kind == "document":
        return _document(store, op)
    if kind == "report":
        return _report(store, op)
    if kind == "error":
        with store.db.atomic():
            if not store.has_error(op["run_id"], op["portal"], op["url"], op["code"]):
                store.record_error(
                    run_id=op["run_id"],
                    portal=op["portal"],
                    url=op["url"],
                    code=op["code"],
                    reason=op["reason"],
                    evidence=op.get("evidence") or "",
                )
            if op.get("revisit") is not None:
                revisit = op["revisit"]
                store.add_revisit(portal=op["portal"], url=str(revisit["url"]), entry=revisit, run_id=op["run_id"])
        return None
    if kind == "bump":
        with store.db.atomic():
            if op.get("id") is None or store.first_time(op["id"]):
                store.bump(op["run_id"], op["field"], op["n"])
        return None
    if kind == "portal_run":
        add_portal_run_part(store.db, op)
        return None
    if kind == "settle_revisits":
        store.settle_revisits(op["portal"], op["run_id"])
        return None
    raise ValueError(f"unknown storage operation {kind!r}")


def _document(store: Store, op: dict[str, Any]) -> str:
    at = op.get("fetched_at")
    with store.db.atomic():
        if op.get("body") is not None:
            sha256 = store.put_document(op["url"], op["body"], content_type=op["content_type"], fetched_at=at)
        else:
            sha256 = str(op["sha256"])
            if not store.archive.has(sha256):
                raise FileNotFoundError(
                    f"document {sha256} of {op['url']} is not in the raw archive at {store.archive.root} "
                    f"(the workers and the writer must share it)"
                )
            store.record_document(
                sha256, size=int(op["size"]), kind=op.get("kind"), content_type=op["content_type"], url=op["url"]
            )
        if op.get("mark", True):
            store.mark_url(op["url"], sha256, content_type=op["content_type"], status=op["status"], run_id=op["run_id"])
    return sha256


def _report(store: Store, op: dict[str, Any]) -> str:
    from storage.store import content_hash

    url, portal, run_id = op["url"], op["portal"], op["run_id"]
    report = op["report"]
    page = op.get("page")
    document_sha = op.get("document_sha256")
    with store.db.atomic():
        if run_id is not None and store.stored_by_run(url, run_id, content_hash(report)):
            status = "again"  # the same operation, applied before (a worker or the writer killed)
        elif document_sha is not None and not store.has_report(url):
            stored_as = store.report_url_for_document(document_sha)
            status = "duplicate" if stored_as is not None else ""
            if stored_as is not None and not store.has_error(run_id, portal, url, "duplicate"):
                store.record_error(
                    run_id=run_id,
                    portal=portal,
                    url=url,
                    code="duplicate",
                    reason=f"the same document (sha256 {document_sha[:12]}…) is already stored as the report of "
                    f"another URL: stored once",
                    evidence=stored_as,
                )
        else:
            status = ""
        if not status:
            _, status = store.save_report(
                portal=portal,
                url=url,
                page_url=page["url"] if page else None,
                report=report,
                document_sha256=document_sha,
                run_id=run_id,
            )
        if run_id is not None and status in ("new", "changed", "unchanged"):
            count_portal_report(store.db, run_id, portal, status)  # per portal (a distributed run's portal_runs)
        if page and page.get("sha256"):  # only now is the page read: a kill before this reads it again
            store.mark_url(
                page["url"],
                page["sha256"],
                content_type=page.get("content_type"),
                status=page.get("status"),
                run_id=run_id,
            )
    return status


class StoreWrites:
    """Apply each operation at once to a local Store (the embedded harvest; the writer)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def submit(self, op: dict[str, Any]) -> Any:
        return apply(self.store, op)

"""The one writer of a distributed harvest (``nianbao ingest``): storage operations from Redis into the Store.

Workers push operations (:mod:`storage.ingest`) on the Redis list ``nianbao:items``. The writer takes a batch
from its head into ``nianbao:items:processing`` (one script, :data:`TAKE`), applies the batch in order in one
SQLite transaction, updates the mirror the workers read (:class:`Mirror`), then empties ``processing``.

- ``processing`` holds one batch at a time, and :data:`TAKE` returns what it holds before taking more. Killed
  anywhere, the writer finds its batch there when it starts again and applies it again; a take whose answer was
  lost (Redis restarting) and that the client sent again returns the same batch. Operations are idempotent, so
  nothing is lost and nothing is stored twice.
- Operations are applied in the order the workers pushed them. Some depend on an earlier one: a report names
  the document (its page) that a ``document`` operation recorded just before. An operation taken out of turn
  (the old one-at-a-time ``LMOVE``, whose lost answer left an operation behind while later ones went on) made
  the report's document unknown, and the report was lost with an ``internal`` error.

It stops when the coordinator has set ``nianbao:done`` (every worker finished) and both lists are empty.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storage.ingest import apply

if TYPE_CHECKING:
    from storage.store import Store

logger = logging.getLogger(__name__)

PREFIX = "nianbao"
BATCH = 200  # operations applied in one transaction at most


def key(*parts: str) -> str:
    return ":".join((PREFIX, *parts))


ITEMS = key("items")
PROCESSING = key("items:processing")
DONE = key("done")
WRITER = key("writer")

# KEYS[1] items, KEYS[2] processing; ARGV[1] the most operations to take. The batch in processing if there is one
# (left by a writer killed, or taken by a call whose answer was lost), else up to ARGV[1] from the head of items.
TAKE = """
local held = redis.call('LRANGE', KEYS[2], 0, -1)
if #held > 0 then return held end
local taken = redis.call('LPOP', KEYS[1], ARGV[1])
if not taken then return {} end
redis.call('RPUSH', KEYS[2], unpack(taken))
return taken
"""


class Mirror:
    """Keeps Redis's copy of what the crawl reads of the Store: seeded from the database, then updated by the
    writer after each operation it applies."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.sink = server

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Send the updates of a block in one round trip."""
        self.sink = self.server.pipeline(transaction=False)
        try:
            yield
            self.sink.execute()
        finally:
            self.sink = self.server

    def seed(self, store: Store, portals: list[str]) -> None:
        pipe = self.server.pipeline(transaction=False)
        for k in ("docs", "reported", "runs", "revisits"):
            pipe.delete(key(k))
        rows = store.db.execute("SELECT url, sha256, status, run_id FROM document_urls")
        for n, (url, sha, status, run_id) in enumerate(rows, 1):
            pipe.hset(key("docs"), url, json.dumps({"sha256": sha, "status": status, "run_id": run_id}))
            if n % 5000 == 0:
                pipe.execute()
        for (url,) in store.db.execute("SELECT url FROM reports"):
            pipe.sadd(key("reported"), url)
        for run_id, status in store.db.execute("SELECT id, status FROM runs"):
            pipe.hset(key("runs"), str(run_id), json.dumps({"status": status}))
        for portal in portals:
            entries = store.revisits(portal)
            if entries:
                pipe.hset(key("revisits"), portal, json.dumps(entries, ensure_ascii=False))
        pipe.execute()

    def applied(self, op: dict[str, Any], result: Any) -> None:
        """What the operation changed in the Store, in the mirror (nothing, when it failed: ``result`` None)."""
        kind = op["op"]
        if result is None:
            return
        if kind == "document" and op.get("mark", True):
            self.doc(op["url"], str(result), op.get("status"), op.get("run_id"))
        elif kind == "report":
            if result != "duplicate":  # a duplicate is recorded as an error, not stored (storage.ingest)
                self.sink.sadd(key("reported"), op["url"])
            page = op.get("page")
            if page and page.get("sha256"):
                self.doc(page["url"], page["sha256"], page.get("status"), op.get("run_id"))

    def doc(self, url: str, sha256: str, status: int | None, run_id: int | None) -> None:
        self.sink.hset(key("docs"), url, json.dumps({"sha256": sha256, "status": status, "run_id": run_id}))


def apply_or_record(store: Store, op: dict[str, Any]) -> Any:
    """Apply one operation; if it fails, record an ``internal`` error naming it (never lost silently)."""
    try:
        with store.db.atomic():
            return apply(store, op)
    except Exception as exc:
        logger.exception("ingest: the %s operation for %s failed", op.get("op"), op.get("url"))
        store.record_error(
            run_id=op.get("run_id"),
            portal=op.get("portal"),
            url=op.get("url"),
            code="internal",
            reason=f"the writer could not apply a {op.get('op')} operation: {exc!r}",
        )
        return None


@dataclass
class Figures:
    applied: int = 0
    batches: int = 0
    recovered: int = 0  # operations found in `processing` at start (a writer killed mid-batch)
    seconds: float = 0.0
    busy: float = 0.0  # seconds spent applying (not waiting for operations)

    @property
    def per_second(self) -> float:
        """Operations applied per second of work (the writer's capacity, waits left out)."""
        return self.applied / self.busy if self.busy else 0.0


def ingest(
    server: Any, store: Store, *, until_done: bool = True, idle_exit: float | None = None, batch: int = BATCH
) -> Figures:
    """Apply the operations waiting in Redis to ``store`` until the harvest is done (or ``idle_exit`` seconds
    pass with nothing to do)."""
    mirror = Mirror(server)
    figures = Figures()
    take = server.register_script(TAKE)
    server.set(WRITER, f"{socket.gethostname()}:{os.getpid()}")  # who is writing (tests kill it by this)
    figures.recovered = int(server.llen(PROCESSING))  # the batch of a writer killed: taken first, applied again
    if figures.recovered:
        logger.warning("ingest: %d operation(s) of an unfinished batch applied again", figures.recovered)
    started = time.monotonic()
    idle_since = time.monotonic()
    while True:
        raws = take(keys=[ITEMS, PROCESSING], args=[batch])
        if not raws:
            # wait for work; what this moves to `processing` is the next take's batch
            if server.blmove(ITEMS, PROCESSING, 1.0, "LEFT", "RIGHT") is not None:
                continue
            if until_done and server.exists(DONE) and not server.llen(ITEMS) and not server.llen(PROCESSING):
                break
            if idle_exit is not None and time.monotonic() - idle_since > idle_exit:
                break
            continue
        began = time.monotonic()
        ops = [pickle.loads(raw) for raw in raws]
        try:
            with store.db.atomic():
                results = [apply(store, op) for op in ops]
        except Exception:  # one bad operation must not stop the rest: apply them one by one, in order
            results = [apply_or_record(store, op) for op in ops]
        with mirror.batch():
            for op, result in zip(ops, results, strict=True):
                mirror.applied(op, result)
        server.delete(PROCESSING)  # the batch is applied: the next take takes more
        figures.busy += time.monotonic() - began
        figures.applied += len(ops)
        figures.batches += 1
        idle_since = time.monotonic()
    figures.seconds = time.monotonic() - started
    return figures

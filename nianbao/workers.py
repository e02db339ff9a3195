"""A harvest spread over workers: ``nianbao harvest --workers N`` (and ``--redis URL``) coordinates it.

The coordinator runs where the database is (the writer's machine):

1. recovers from a harvest killed earlier, opens the run in the Store;
2. uses the Redis at ``--redis URL``, or starts one of its own on 127.0.0.1 (Debian's ``redis-server``, a
   temporary directory, a free port: :class:`crawler.distributed.LocalRedis`);
3. clears what an earlier harvest left there, seeds the "already read" mirror from the database, and
   publishes the plan (mode, cassettes, run id, the portals and their spiders, settings);
4. starts the writer (``nianbao ingest``) and ``N`` local workers (``nianbao worker``); workers on other
   machines (``nianbao worker --redis URL``) join the same plan. A writer that dies is started again;
5. when every worker has finished (no worker heartbeat left, nothing queued or in flight), tells the writer
   (``done``), waits for it to empty its list, settles the portals' revisits and closes the run. Each worker
   hands the writer its figures per portal; they are added up into the portal's ``portal_runs`` row, and a
   portal no worker told of is recorded ``failed``.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.distributed import (
    clear_harvest,
    inflight_keys,
    redis_for,
    redis_server,
    release_dead_grants,
    requeue_dead,
)
from crawler.run import Outcome
from crawler.spiders.base import ReportSpider
from storage.portalstate import compose_portal_runs
from storage.recovery import recover
from storage.store import Store
from storage.writer import DONE, ITEMS, PROCESSING, Mirror, key

logger = logging.getLogger(__name__)

POLL = 0.5
JOIN_TIMEOUT = 600.0  # seconds to wait for a first remote worker when none is started here
WRITER_RESTARTS = 20  # a writer that keeps dying (a broken database, disk full) is not started forever
WRITER_GAVE_UP = (
    "the writer died {0} time(s) and was not started again (last exit {1}); the operations it did not apply wait"
    " in Redis (nianbao:items): `nianbao ingest --redis URL --db DB` applies them"
)


@dataclass
class Plan:
    """What every worker of one harvest does (published in Redis as ``nianbao:plan``)."""

    run_id: int
    mode: str
    spiders: list[dict[str, Any]]  # {"spider": name, "kwargs": {...}, "portal": portal}
    replay_dir: str | None = None
    record_dir: str | None = None
    obey_robots: bool | None = None
    refresh: bool = False
    log_level: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def dumps(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def loads(cls, raw: str | bytes) -> Plan:
        return cls(**json.loads(raw))


def portal_of(spidercls: type[ReportSpider], kwargs: dict[str, Any]) -> str:
    return str(kwargs.get("portal") or spidercls.name)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "nianbao.cli", *args]


def start_writer(url: str, db: Path, raw_root: Path | None, log: Path | None) -> subprocess.Popen[bytes]:
    command = cli("ingest", "--redis", url, "--db", str(db), "--until-done")
    if raw_root is not None:
        command += ["--raw-root", str(raw_root)]
    out = log.open("ab") if log else subprocess.DEVNULL
    return subprocess.Popen(command, stdout=out, stderr=out)


def start_worker(url: str, db: Path, raw_root: Path | None, log: Path | None) -> subprocess.Popen[bytes]:
    command = cli("worker", "--redis", url, "--db", str(db))
    if raw_root is not None:
        command += ["--raw-root", str(raw_root)]
    out = log.open("ab") if log else subprocess.DEVNULL
    return subprocess.Popen(command, stdout=out, stderr=out)


def workers_alive(server: Any) -> int:
    return sum(1 for _ in server.scan_iter(match=key("worker", "*")))


def work_left(server: Any, portals: list[str]) -> int:
    left = 0
    release_dead_grants(server)
    for portal in portals:
        requeue_dead(server, portal)
        left += int(server.zcard(key(portal, "requests")))
        left += sum(int(server.hlen(k)) for k in inflight_keys(server, portal))
    return left


def distributed_harvest(
    spiders: list[tuple[type[ReportSpider], dict[str, Any]]],
    *,
    mode: str,
    db: Path,
    raw_root: Path | None,
    workers: int,
    redis_url: str | None,
    replay_dir: Path | None = None,
    record_dir: Path | None = None,
    obey_robots: bool | None = None,
    refresh: bool = False,
    log_level: str | None = None,
    extra: dict[str, Any] | None = None,
    log_dir: Path | None = None,
) -> Outcome:
    """Run one harvest of ``spiders`` over ``workers`` local workers (and any remote ones); see the module."""
    store = Store(db, raw_root)
    recovered = recover(store)
    if recovered:
        logger.warning("%s", recovered.note())
    portals = [portal_of(s, kw) for s, kw in spiders]
    run_id = store.start_run("replay" if mode == "replay" else "live", portals)
    notes = [recovered.note()] if recovered else []
    with redis_for(redis_url) as url:
        server = redis_server(url)
        clear_harvest(server)
        Mirror(server).seed(store, portals)
        plan = Plan(
            run_id=run_id,
            mode=mode,
            spiders=[{"spider": s.name, "kwargs": kw, "portal": portal_of(s, kw)} for s, kw in spiders],
            replay_dir=str(replay_dir) if replay_dir else None,
            record_dir=str(record_dir) if record_dir else None,
            obey_robots=obey_robots,
            refresh=refresh,
            log_level=log_level,
            extra=extra or {},
        )
        server.set(key("plan"), plan.dumps())
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
        writer_log = log_dir / "writer.log" if log_dir else None
        writer = start_writer(url, db, raw_root, writer_log)
        local = [
            start_worker(url, db, raw_root, log_dir / f"worker-{i}.log" if log_dir else None) for i in range(workers)
        ]
        restarts = 0
        spares = 0  # workers started here to replace ones that crashed
        failed = False
        seen_worker = bool(local)
        deadline = time.monotonic() + JOIN_TIMEOUT
        while True:
            time.sleep(POLL)
            if writer.poll() is not None:  # the writer died: start it again (it applies its batch again)
                restarts += 1
                logger.warning("the writer exited (%s); starting it again", writer.returncode)
                if restarts > WRITER_RESTARTS:
                    notes.append(WRITER_GAVE_UP.format(restarts - 1, writer.returncode))
                    failed = True
                    for worker in local:  # nothing would store what they hand on
                        if worker.poll() is None:
                            worker.terminate()
                    break
                writer = start_writer(url, db, raw_root, writer_log)
            alive = workers_alive(server)
            seen_worker = seen_worker or alive > 0
            running_here = [p for p in local if p.poll() is None]
            if not seen_worker:
                if time.monotonic() > deadline:
                    notes.append(f"no worker joined in {JOIN_TIMEOUT:.0f} s")
                    break
                continue
            if running_here or alive:
                continue
            left = work_left(server, portals)
            # a worker that ended normally ran every portal's spider to its end (each asks for the columns, then
            # closes once nothing of its portal is queued or in flight anywhere); one that crashed may have ended
            # before asking for them: only work left says what is left then, and it may say nothing
            finished_one = not local or any(p.returncode == 0 for p in local)
            if not left and finished_one:
                break
            if spares >= max(2, workers):
                crashed = [p.returncode for p in local if p.returncode != 0]
                notes.append(f"no worker could finish the harvest: {len(crashed)} ended abnormally ({crashed})")
                failed = True
                break
            spares += 1
            logger.warning("%s and no worker: starting one", "work left" if left else "every worker crashed")
            local.append(start_worker(url, db, raw_root, log_dir / f"worker-spare{spares}.log" if log_dir else None))
        server.set(DONE, "1")
        while not failed or restarts <= WRITER_RESTARTS:
            code = writer.wait()
            if code == 0 and not server.llen(ITEMS) and not server.llen(PROCESSING):
                break
            restarts += 1
            if restarts > WRITER_RESTARTS:
                notes.append(WRITER_GAVE_UP.format(restarts - 1, code))
                failed = True
                break
            writer = start_writer(url, db, raw_root, writer_log)
        crashed = [p.returncode for p in local if p.returncode not in (0, None)]
        if crashed and not failed:
            notes.append(f"{len(crashed)} worker(s) ended abnormally ({crashed}); their work was redone")
        if restarts:
            notes.append(f"the writer was started again {min(restarts, WRITER_RESTARTS)} time(s)")
    for portal in portals:
        store.settle_revisits(portal, run_id)
    with store.db.atomic():
        compose_portal_runs(store.db, run_id, portals)
    store.finish_run(run_id, status="failed" if failed else "finished", **({"note": "; ".join(notes)} if notes else {}))
    store.close()
    return Outcome(run_id=run_id, ran=True, stats={})

"""A harvest shared by workers on any number of machines: the queue, the dupefilter, the per-domain gate, the
"already read" mirror and the writes all live in one Redis.

Keys (prefix ``nianbao``):

- ``<spider>:requests`` — the request queue (scrapy-redis's priority queue: a sorted set), and
  ``<spider>:dupefilter`` — the fingerprints seen this run (scrapy-redis's RFPDupeFilter);
- ``<spider>:inflight:<worker>`` — the requests a worker took and has not finished (hash lease → request):
  a request leaves it only when its response or failure has been handled in full (its items written to
  the writer's list, its new requests queued). ``worker:<id>`` is the worker's heartbeat (a key that expires
  after :data:`HEARTBEAT_TTL` s). Any worker or the coordinator puts a dead worker's requests back on the
  queue (:func:`requeue_dead`): a worker killed mid-run loses nothing;
- ``gate:<domain>:*`` — the per-domain politeness slot (:mod:`crawler.politeness`);
- ``items`` / ``items:processing`` — storage operations (:mod:`storage.ingest`) for the one writer,
  ``nianbao ingest``; it takes a batch into ``processing`` while applying it, in the order pushed, so a writer
  killed mid-way applies it again on restart (operations are idempotent: nothing stored twice);
- ``docs``, ``reported``, ``runs``, ``revisits`` — the mirror of what the Store holds that the crawl reads
  ("already read": a page or attachment another worker stored is not fetched again), kept up to date by the
  writer (:class:`Mirror`), seeded from the database when a harvest starts;
- ``plan`` — what the coordinator asks the workers to do (mode, cassettes, run id, settings), ``done`` —
  set when the workers have finished: the writer empties its list and exits.

Redis runs with ``appendonly yes`` and ``appendfsync always`` when a harvest starts it (:class:`LocalRedis`), so a
Redis restarted mid-run comes back with everything; clients retry while it is away.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet.task import LoopingCall

from storage.archive import RawArchive
from storage.writer import key

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings


logger = logging.getLogger(__name__)

HEARTBEAT_TTL = 15  # seconds without a heartbeat after which a worker is taken for dead
HEARTBEAT_EVERY = 2.0
ACK_EVERY = 0.5
WAKE_EVERY = 0.2  # seconds between two looks at the shared queue when idle
REAP_EVERY = 5.0
LEASE_META = "nianbao_lease"
RETRY_FOR = 60.0  # seconds a client keeps retrying while Redis is away (a restart)

_SERVERS: dict[str, redis.Redis] = {}


def redis_server(url: str) -> redis.Redis:
    """A client for ``url`` (one per process) that retries for :data:`RETRY_FOR` s while Redis is away."""
    if url not in _SERVERS:
        retries = int(RETRY_FOR / 0.5)
        _SERVERS[url] = redis.Redis.from_url(
            url,
            retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), retries),
            retry_on_error=[redis.exceptions.ConnectionError, redis.exceptions.TimeoutError],
            socket_timeout=30,
            socket_connect_timeout=5,
            health_check_interval=5,
        )
    return _SERVERS[url]


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


# ------------------------------------------------------------------------------------------ the queue
# Both scripts may run twice for one call: a client retries a command whose answer was lost (Redis restarting).
# POP, asked again with the same lease, returns the request it took the first time; ENQUEUE adds the
# fingerprint and the request together, so a retry neither loses the request nor queues it twice.
POP = """
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held then
  local sep = string.find(held, '|', 1, true)
  return string.sub(held, sep + 1)
end
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], r[2] .. '|' .. r[1])
return r[1]
"""
ENQUEUE = """
if ARGV[4] == '0' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


def queue_name(spider: Spider) -> str:
    """The name a portal's queue and dupefilter keys carry: the portal's (the spider's, for a portal spider)."""
    return str(getattr(spider, "portal_name", None) or spider.name)


class ReliableQueue(PriorityQueue):  # type: ignore[misc]
    """scrapy-redis's priority queue, but a request popped is kept under the worker's in-flight hash until
    the worker says it is done (:meth:`ack`); a dead worker's in-flight requests go back (:func:`requeue_dead`)."""

    def __init__(self, server: Any, spider: Spider, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.worker = getattr(spider, "nianbao_worker", None) or worker_id()
        self.inflight = f"{self.key.rsplit(':', 1)[0]}:inflight:{self.worker}"
        self._pop = server.register_script(POP)

    def pop(self, timeout: int = 0) -> Request | None:
        lease = uuid.uuid4().hex
        data = self._pop(keys=[self.key, self.inflight], args=[lease])
        if not data:
            return None
        request: Request = self._decode_request(data)
        request.meta[LEASE_META] = lease
        return request

    def ack(self, leases: list[str]) -> None:
        if leases:
            self.server.hdel(self.inflight, *leases)


class Heartbeat:
    """The worker's heartbeat (one per process, shared by its crawlers), from a thread of its own: a reactor
    busy for a while (a large PDF, a loaded machine) must not make a live worker look dead, or its requests
    would be made twice."""

    running: ClassVar[dict[str, Heartbeat]] = {}

    def __init__(self, server: Any, name: str) -> None:
        self.server, self.name, self.users = server, name, 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, name="nianbao-heartbeat", daemon=True)

    @classmethod
    def of(cls, server: Any, name: str) -> Heartbeat:
        heart = cls.running.get(name)
        if heart is None:
            heart = cls.running[name] = cls(server, name)
            heart.beat()
            heart.thread.start()
        heart.users += 1
        return heart

    def beat(self) -> None:
        try:
            self.server.set(self.name, str(time.time()), ex=HEARTBEAT_TTL)
        except redis.exceptions.RedisError as exc:
            logger.warning("redis: heartbeat: %r", exc)

    def run(self) -> None:
        while not self.stopped.wait(HEARTBEAT_EVERY):
            self.beat()

    def release(self, *, forget: bool) -> None:
        """One crawler is done; the last one stops the heartbeat (and, finished, removes it at once)."""
        self.users -= 1
        if self.users > 0:
            return
        self.stopped.set()
        self.running.pop(self.name, None)
        if forget:
            with suppress(redis.exceptions.RedisError):
                self.server.delete(self.name)


def inflight_keys(server: Any, spider: str) -> list[str]:
    return [k.decode() if isinstance(k, bytes) else k for k in server.scan_iter(match=key(spider, "inflight", "*"))]


def requeue_dead(server: Any, spider: str) -> int:
    """Put the in-flight requests of workers whose heartbeat is gone back on the queue; how many."""
    moved = 0
    queue = key(spider, "requests")
    for inflight in inflight_keys(server, spider):
        owner = inflight.rsplit(":", 1)[1]
        if server.exists(key("worker", owner)):
            continue
        if not server.set(key("reaping", owner, spider), "1", nx=True, ex=30):
            continue  # another process is on it
        for lease, value in server.hgetall(inflight).items():
            score, _, data = value.partition(b"|")
            server.execute_command("ZADD", queue, float(score), data)
            server.hdel(inflight, lease)
            moved += 1
        logger.warning("%s: %d request(s) of worker %s (gone) put back on the queue", spider, moved, owner)
    return moved


def release_dead_grants(server: Any) -> int:
    """Give back the per-domain grants (crawler.politeness) held by workers whose heartbeat is gone."""
    freed = 0
    for leases in server.scan_iter(match=key("gate", "*", "leases")):
        for token in server.zrange(leases, 0, -1):
            holder = token.decode().partition("|")[0]
            if holder and not server.exists(key("worker", holder)):
                freed += int(server.zrem(leases, token))
    return freed


def pending(server: Any, spider: str) -> int:
    """Requests queued or in flight for ``spider``, over every worker."""
    return int(server.zcard(key(spider, "requests"))) + sum(int(server.hlen(k)) for k in inflight_keys(server, spider))


class Scheduler(RedisScheduler):  # type: ignore[misc]
    """scrapy-redis's Scheduler and RFPDupeFilter, with requests acknowledged once handled in full, a worker
    heartbeat, dead workers' requests put back, and the spider kept open while other workers may still add
    requests (it closes when no request of its portal is queued or in flight anywhere)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        instance: Self = super().from_crawler(crawler)
        instance.crawler = crawler
        instance.leases = {}
        instance.loops = []
        instance.worker = crawler.settings.get("NIANBAO_WORKER_ID") or worker_id()
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        return instance

    def open(self, spider: Spider) -> None:
        """scrapy-redis's ``open``, with queue and dupefilter keys named for the portal (several portals may
        share one spider class: the generic spider)."""
        spider.nianbao_worker = self.worker  # type: ignore[attr-defined]
        self.spider = spider
        self.name = queue_name(spider)
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key % {"spider": self.name}, serializer=self.serializer
        )
        self.df = RFPDupeFilter(
            self.server,
            key=self.dupefilter_key % {"spider": self.name},
            debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
        )
        self._enqueue = self.server.register_script(ENQUEUE)
        if len(self.queue):
            logger.info("%s: %d request(s) queued already", self.name, len(self.queue))
        self.heart = Heartbeat.of(self.server, key("worker", self.worker))
        loops = (
            (self.ack_done, ACK_EVERY),
            (self.reap, REAP_EVERY),
            (self.wake, WAKE_EVERY),
        )
        for call, every in loops:
            loop = LoopingCall(self.safely, call)
            loop.start(every, now=False)
            self.loops.append(loop)

    def safely(self, call: Any) -> None:
        try:
            call()
        except redis.exceptions.RedisError as exc:  # Redis away longer than the client retries: next tick
            logger.warning("redis: %r", exc)

    def close(self, reason: str) -> None:
        for loop in self.loops:
            if loop.running:
                loop.stop()
        self.ack_done(everything=reason == "finished")
        super().close(reason)
        self.heart.release(forget=reason == "finished")  # gone for good: no one waits for it to expire

    def wake(self) -> None:
        """Look at the shared queue now and then: other workers add to it while this one is idle (Scrapy itself
        would look again only every 5 s)."""
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()

    def enqueue_request(self, request: Request) -> bool:
        """The dupefilter's fingerprint and the queue's push in one script (see :data:`ENQUEUE`)."""
        fingerprint = self.df.request_fingerprint(request)
        data = self.queue._encode_request(request)
        added = self._enqueue(
            keys=[self.df.key, self.queue.key],
            args=[fingerprint, -request.priority, data, "1" if request.dont_filter else "0"],
        )
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def reap(self) -> None:
        requeue_dead(self.server, self.name)
        release_dead_grants(self.server)
        self.requeue_orphans()

    def requeue_orphans(self) -> None:
        """Requests in this worker's in-flight hash that it never received (an answer lost while Redis
        restarted): back on the queue."""
        held = set(self.leases)
        for lease, value in self.server.hgetall(self.queue.inflight).items():
            if lease.decode() in held:
                continue
            score, _, data = value.partition(b"|")
            self.server.execute_command("ZADD", self.queue.key, float(score), data)
            self.server.hdel(self.queue.inflight, lease)
            logger.warning("%s: a request taken but never received put back on the queue", self.name)

    def next_request(self) -> Request | None:
        try:
            request: Request | None = self.queue.pop(self.idle_before_close)
        except redis.exceptions.RedisError as exc:
            logger.warning("redis: %r (asking again)", exc)
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        if request is not None and LEASE_META in request.meta:
            self.leases[request.meta[LEASE_META]] = request
        return request

    def ack_done(self, everything: bool = False) -> None:
        """Acknowledge the requests the engine has finished with (response or failure handled, items handed)."""
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        busy = slot.inprogress if slot is not None and not everything else set()
        done = [lease for lease, request in self.leases.items() if request not in busy]
        if done:
            self.queue.ack(done)
            for lease in done:
                del self.leases[lease]

    def has_pending_requests(self) -> bool:
        try:
            return len(self) > 0
        except redis.exceptions.RedisError:
            return True

    def spider_idle(self, spider: Spider) -> None:
        self.safely(self.ack_done)
        try:
            self.reap()
            left = pending(self.server, self.name)
        except redis.exceptions.RedisError:
            left = 1
        if left:
            raise DontCloseSpider(f"{left} request(s) queued or in flight on other workers")


# ------------------------------------------------------------------------------------------ writes and reads
class RedisWrites:
    """Hand storage operations to the writer through Redis (``items``)."""

    def __init__(self, server: Any) -> None:
        self.server = server

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> RedisWrites:
        return cls(redis_server(settings["NIANBAO_REDIS_URL"]))

    def submit(self, op: dict[str, Any]) -> None:
        self.server.rpush(key("items"), pickle.dumps(op, protocol=pickle.HIGHEST_PROTOCOL))


class RedisView:
    """The Store as a worker sees it: the writer's mirror in Redis (:class:`storage.writer.Mirror`)."""

    def __init__(self, server: Any, archive: RawArchive) -> None:
        self.server = server
        self.archive = archive

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> RedisView:
        raw = settings.get("NIANBAO_RAW_ROOT") or str(
            Path(settings.get("NIANBAO_DB") or "data/nianbao.db").parent / "raw"
        )
        return cls(redis_server(settings["NIANBAO_REDIS_URL"]), RawArchive(raw))

    def document_for_url(self, url: str) -> dict[str, Any] | None:
        raw = self.server.hget(key("docs"), url)
        if raw is None:
            return None
        doc: dict[str, Any] = json.loads(raw)
        doc["path"] = str(self.archive.path(doc["sha256"]))
        return doc

    def has_report(self, url: str) -> bool:
        return bool(self.server.sismember(key("reported"), url))

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        raw = self.server.hget(key("runs"), str(run_id))
        return json.loads(raw) if raw is not None else None

    def revisits(self, portal: str) -> list[dict[str, Any]]:
        raw = self.server.hget(key("revisits"), portal)
        return json.loads(raw) if raw is not None else []


# ------------------------------------------------------------------------------------------ a local Redis
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalRedis:
    """A Redis server of our own on 127.0.0.1 (Debian's ``redis-server``), in a temporary directory, with an
    append-only file synced on every write; :meth:`restart` stops it and starts it again on the same port."""

    def __init__(self, directory: Path | None = None, port: int | None = None) -> None:
        self.binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.binary).exists():
            raise FileNotFoundError("redis-server is not installed (Debian: apt-get install redis-server)")
        self.own_dir = directory is None
        self.dir = Path(directory or tempfile.mkdtemp(prefix="nianbao-redis-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> LocalRedis:
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.dir),
                "--appendonly", "yes",
                "--appendfsync", "always",
                "--save", "",
                "--protected-mode", "yes",
                "--logfile", str(self.dir / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        client = redis.Redis(host="127.0.0.1", port=self.port)
        while True:
            try:
                client.ping()
                break
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start (see {self.dir / 'redis.log'})") from None
                time.sleep(0.05)
        client.close()
        return self

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        self.process.wait(timeout=30)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        if self.own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> LocalRedis:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def redis_for(url: str | None) -> Iterator[str]:
    """The Redis URL to use: ``url`` as given, or a local Redis started for the block."""
    if url:
        yield url
        return
    with LocalRedis() as local:
        yield local.url


# ------------------------------------------------------------------------------------------ settings
def worker_settings(url: str, worker: str | None = None, concurrency: int = 2) -> dict[str, Any]:
    """The Scrapy settings that make a crawler one worker of the harvest in the Redis at ``url``
    (``concurrency``: the per-domain bound, CONCURRENT_REQUESTS_PER_DOMAIN)."""
    return {
        "NIANBAO_REDIS_URL": url,
        "NIANBAO_WORKER_ID": worker or worker_id(),
        "NIANBAO_SETTLE_REVISITS": False,  # the coordinator settles them once every worker is done
        # a worker takes from the shared queue only what it may send: the rest stays for the others
        "CONCURRENT_REQUESTS": concurrency,
        "SCHEDULER": "crawler.distributed.Scheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.ReliableQueue",
        "SCHEDULER_QUEUE_KEY": key("%(spider)s", "requests"),
        "SCHEDULER_DUPEFILTER_KEY": key("%(spider)s", "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the queue outlives a worker; the coordinator clears it between runs
        "EXTENSIONS": {"crawler.shares.PortalShares": 500},  # its figures told as it goes
        "REDIS_URL": url,
        "REDIS_PARAMS": {
            "retry": Retry(ExponentialBackoff(cap=1.0, base=0.05), int(RETRY_FOR / 0.5)),
            "retry_on_error": [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError],
            "socket_timeout": 30,
        },
    }


def clear_harvest(server: Any) -> None:
    """Forget what a previous harvest left in Redis (queues, dupefilters, in-flight, items, plan), not the
    items still waiting for the writer."""
    for pattern in ("*:requests", "*:dupefilter", "*:inflight:*", "plan", "done", "gate:*", "reaping:*"):
        for k in server.scan_iter(match=key(pattern)):
            server.delete(k)

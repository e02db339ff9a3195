"""Politeness held per domain, whatever the number of processes: a gate every request passes just before it
leaves for the portal.

The gate grants a domain at most ``concurrency`` requests at once and keeps ``delay`` seconds between two
requests to it; a block's cool-down holds the domain (:meth:`hold`): nothing leaves for it until then. A
grant is a lease: a process killed while holding one cannot keep the domain's slot longer than ``lease``
seconds.

- :class:`LocalGate`: one process (the embedded ``nianbao harvest``); Scrapy's own per-domain slot would do the
  same, but the gate also holds requests already queued in that slot during a cool-down.
- :class:`RedisGate`: every worker of a distributed harvest asks the same Redis (``crawler.distributed``): the
  per-domain slot lives there (a sorted set of leases and a "not before" time per domain, changed atomically
  by one Lua script), so three workers on three machines keep the bound that one process keeps. The
  alternative, domains assigned to workers, caps a portal's speed at one worker's and leaves workers idle
  when portals differ in size; the shared slot lets any worker take any request (README "Workers").

:class:`GateMiddleware` (a downloader middleware, closest to the downloader among the ones that answer) takes a
grant in ``process_request`` and gives it back on the response or the failure.
"""

from __future__ import annotations

import itertools
import random
import time
import uuid
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from scrapy.utils.asyncio import call_later, sleep
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.exceptions import PortalPaused

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

TOKEN_META = "nianbao_gate"  # (domain, lease token) of the grant a request holds
SENT_META = "nianbao_sent"  # when the request left for the portal (crawler.blocks)
POLL = 0.02  # seconds between two looks at a full gate


class Gate(Protocol):
    def try_acquire(self, domain: str) -> tuple[str | None, float]:
        """A lease token, or ``None`` and the seconds worth waiting before asking again."""
        ...

    def release(self, domain: str, token: str) -> None: ...

    def hold(self, domain: str, seconds: float) -> None:
        """Nothing leaves for ``domain`` in the next ``seconds`` (a block's cool-down)."""
        ...

    def in_flight(self, domain: str) -> int: ...


def jittered(delay: float, jitter: float) -> float:
    return delay * random.uniform(1 - jitter, 1 + jitter) if delay > 0 and jitter > 0 else delay


class LocalGate:
    """The gate of one process."""

    def __init__(self, concurrency: int, delay: float = 0.0, *, jitter: float = 0.0, lease: float = 600.0) -> None:
        self.concurrency = max(1, concurrency)
        self.delay, self.jitter, self.lease = delay, jitter, lease
        self.leases: dict[str, dict[str, float]] = {}
        self.not_before: dict[str, float] = {}

    def try_acquire(self, domain: str) -> tuple[str | None, float]:
        now = time.monotonic()
        leases = self.leases.setdefault(domain, {})
        for token in [t for t, until in leases.items() if until < now]:
            del leases[token]
        wait = self.not_before.get(domain, 0.0) - now
        if wait > 0:
            return None, wait
        if len(leases) >= self.concurrency:
            return None, POLL
        token = uuid.uuid4().hex
        leases[token] = now + self.lease
        self.not_before[domain] = now + jittered(self.delay, self.jitter)
        return token, 0.0

    def release(self, domain: str, token: str) -> None:
        self.leases.get(domain, {}).pop(token, None)

    def hold(self, domain: str, seconds: float) -> None:
        self.not_before[domain] = max(self.not_before.get(domain, 0.0), time.monotonic() + seconds)

    def in_flight(self, domain: str) -> int:
        return len(self.leases.get(domain, {}))


# KEYS[1] leases (zset token → expiry), KEYS[2] not-before (string, seconds); ARGV: now, concurrency, delay,
# lease, token. Returns 1 (granted) or the milliseconds worth waiting.
ACQUIRE = """
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nb = tonumber(redis.call('GET', KEYS[2]) or '0')
if nb > now then return math.max(1, math.floor((nb - now) * 1000)) end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[5])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[4])) + 60)
redis.call('SET', KEYS[2], tostring(now + tonumber(ARGV[3])), 'EX', math.ceil(tonumber(ARGV[3])) + 3600)
return 0
"""
HOLD = """
local nb = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = tonumber(ARGV[1])
if until_ > nb then redis.call('SET', KEYS[1], tostring(until_), 'EX', math.ceil(tonumber(ARGV[2])) + 3600) end
return 0
"""


class RedisGate:
    """The gate every worker shares, in Redis (keys ``<prefix>:gate:<domain>:leases`` and ``…:not_before``).

    Times are Redis's own clock (``TIME``), so workers on machines whose clocks differ agree."""

    def __init__(
        self,
        server: Any,
        concurrency: int,
        delay: float = 0.0,
        *,
        jitter: float = 0.0,
        lease: float = 600.0,
        prefix: str = "nianbao",
        holder: str = "",
    ) -> None:
        self.server = server
        self.holder = holder  # the worker: a dead worker's grants are given back by whoever notices
        self.concurrency = max(1, concurrency)
        self.delay, self.jitter, self.lease, self.prefix = delay, jitter, lease, prefix
        self._acquire = server.register_script(ACQUIRE)
        self._hold = server.register_script(HOLD)

    def keys(self, domain: str) -> tuple[str, str]:
        base = f"{self.prefix}:gate:{domain}"
        return f"{base}:leases", f"{base}:not_before"

    def now(self) -> float:
        seconds, micros = self.server.time()
        return float(seconds) + float(micros) / 1e6

    def try_acquire(self, domain: str) -> tuple[str | None, float]:
        token = f"{self.holder}|{uuid.uuid4().hex}"
        delay = jittered(self.delay, self.jitter)
        got = int(self._acquire(keys=self.keys(domain), args=[self.now(), self.concurrency, delay, self.lease, token]))
        if got == 0:
            return token, 0.0
        return None, POLL if got < 0 else got / 1000.0

    def release(self, domain: str, token: str) -> None:
        self.server.zrem(self.keys(domain)[0], token)

    def hold(self, domain: str, seconds: float) -> None:
        self._hold(keys=[self.keys(domain)[1]], args=[self.now() + seconds, seconds])

    def in_flight(self, domain: str) -> int:
        return int(self.server.zcount(self.keys(domain)[0], self.now(), "+inf"))


def domain_of(request: Request) -> str:
    return (urlsplit(request.url).hostname or "").lower()


def gate_for(crawler: Crawler) -> Gate:
    """The crawler's gate: made once per crawler, shared by the middlewares (a Redis gate when the crawl is
    distributed, ``NIANBAO_REDIS_URL``)."""
    gate: Gate | None = getattr(crawler, "nianbao_gate", None)
    if gate is not None:
        return gate
    settings = crawler.settings
    concurrency = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
    jitter = (
        settings.getfloat("DOWNLOAD_DELAY_JITTER", 0.5) if settings.getbool("RANDOMIZE_DOWNLOAD_DELAY", True) else 0
    )
    lease = settings.getfloat("DOWNLOAD_TIMEOUT", 60) * 2 + 60
    url = settings.get("NIANBAO_REDIS_URL")
    if url:
        from crawler.distributed import redis_server

        gate = RedisGate(
            redis_server(url),
            concurrency,
            settings.getfloat("DOWNLOAD_DELAY", 0.0),
            jitter=jitter,
            lease=lease,
            prefix=settings.get("NIANBAO_REDIS_PREFIX", "nianbao"),
            holder=settings.get("NIANBAO_WORKER_ID") or "",
        )
    else:  # Scrapy's slot keeps the delay in one process
        gate = LocalGate(concurrency, lease=lease)
    crawler.nianbao_gate = gate  # type: ignore[attr-defined]
    return gate


class GateMiddleware:
    """Take the domain's grant before a request leaves; give it back when it comes back, whatever came back.

    Sits closer to the downloader (610) than every middleware that turns a response into a new request
    (redirects, retries, blocks), so each grant is given back before one of those can stop the chain. A
    request of a portal paused while it waited fails here with :class:`PortalPaused`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.gate = gate_for(crawler)
        self.waiting: dict[str, dict[int, tuple[int, int]]] = {}  # domain → seq → (-priority, seq)
        self.waiters: dict[str, list[Deferred[None]]] = {}  # requests waiting for a grant given back here
        self.seq = itertools.count()
        # how long a waiting request goes without news: a local gate tells of every grant given back; a
        # shared one cannot tell of grants given back by other workers
        self.fallback = 1.0 if isinstance(self.gate, LocalGate) else POLL

    def my_turn(self, domain: str, seq: int) -> bool:
        """Requests waiting at the gate go in priority order (a blocked URL, sent back last, stays last)."""
        waiting = self.waiting[domain]
        return min(waiting.values()) == waiting[seq]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        domain = domain_of(request)
        request.meta.pop(TOKEN_META, None)  # a redirect or a retry carries its parent's (given back) grant
        waited = 0.0
        seq = next(self.seq)
        waiting = self.waiting.setdefault(domain, {})
        waiting[seq] = (-request.priority, seq)
        try:
            while True:
                paused = getattr(self.crawler, "nianbao_paused", None)
                if paused is not None:
                    raise PortalPaused(request.url, paused.reason, evidence=paused.evidence)
                token, wait = self.gate.try_acquire(domain) if self.my_turn(domain, seq) else (None, -1.0)
                if token is not None:
                    break
                started = time.monotonic()
                if wait > 0:  # the domain's delay or a cool-down: a known time
                    await sleep(wait)
                else:  # full, or not our turn: until a grant of this domain is given back here
                    await self.given_back(domain)
                waited += time.monotonic() - started
        finally:
            del waiting[seq]
            self.wake(domain)  # the next in line may go (or re-check its turn)
        if waited and self.crawler.stats is not None:
            self.crawler.stats.inc_value("nianbao/gate/waited_ms", int(waited * 1000))
        request.meta[TOKEN_META] = (domain, token)
        request.meta[SENT_META] = time.monotonic()
        return None

    async def given_back(self, domain: str) -> None:
        """Wait until a grant of ``domain`` is given back in this process, or :attr:`fallback` seconds (a grant
        given back by another worker is seen then)."""
        waiter: Deferred[None] = Deferred()
        self.waiters.setdefault(domain, []).append(waiter)
        timer = call_later(self.fallback, lambda: None if waiter.called else waiter.callback(None))
        try:
            await maybe_deferred_to_future(waiter)
        finally:
            timer.cancel()

    def wake(self, domain: str) -> None:
        for waiter in self.waiters.pop(domain, []):
            if not waiter.called:
                waiter.callback(None)

    def give_back(self, request: Request) -> None:
        grant = request.meta.pop(TOKEN_META, None)
        if grant:
            self.gate.release(*grant)
            self.wake(grant[0])

    def process_response(self, request: Request, response: Response) -> Response:
        self.give_back(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self.give_back(request)
        return None

"""``nianbao worker --redis URL``: one worker of a distributed harvest, on this machine or any other.

It waits for the plan a coordinator (``nianbao harvest --workers N`` or ``--redis URL``) publishes in that Redis,
then crawls the plan's portals with the others: requests come from and go to the shared queue
(scrapy-redis's Scheduler and RFPDupeFilter), each domain's politeness is kept in Redis whatever the number of
workers, documents go into the shared raw archive (``--raw-root``: the same directory on every machine, e.g. over
NFS) and every write goes to the one writer through Redis. It exits when no request of its portals is queued or
in flight anywhere. Killed, it loses nothing: its unfinished requests go back on the queue.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from nianbao import exitcodes

DEFAULT_DB = Path("data/nianbao.db")


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "worker",
        help="one worker of a distributed harvest (needs --redis)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--redis", required=True, metavar="URL", help="the harvest's Redis (redis://host:6379/0)")
    p.add_argument(
        "--raw-root", type=Path, help="the shared raw archive directory (default: raw/ beside --db's location)"
    )
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="only locates the default raw archive")
    p.add_argument("--wait", type=float, default=600.0, metavar="SECONDS", help="how long to wait for a plan")
    p.add_argument("--log-level", default=None, help="Scrapy's log level (default: the plan's)")
    p.add_argument(
        "--share-every",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="tell the writer this worker's figures per portal this often (a killed worker's last telling counts)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.distributed import redis_server, worker_settings
    from crawler.portals import spider_class
    from crawler.run import build_settings, run_crawlers
    from nianbao.workers import Plan
    from storage.writer import key

    server = redis_server(args.redis)
    deadline = time.monotonic() + args.wait
    while (raw := server.get(key("plan"))) is None:
        if time.monotonic() > deadline:
            print(f"nianbao worker: no harvest plan in {args.redis} after {args.wait:.0f} s", file=sys.stderr)
            return exitcodes.USAGE
        time.sleep(0.5)
    plan = Plan.loads(raw)
    spiders = [(spider_class(s["spider"]), dict(s["kwargs"])) for s in plan.spiders]
    from crawler.portals import project_settings

    per_domain = int(
        plan.extra.get("CONCURRENT_REQUESTS_PER_DOMAIN") or project_settings().getint("CONCURRENT_REQUESTS_PER_DOMAIN")
    )
    if plan.mode == "replay":
        per_domain = int(plan.extra.get("CONCURRENT_REQUESTS_PER_DOMAIN") or 8)
    extra = {
        **plan.extra,
        **worker_settings(args.redis, concurrency=per_domain),
        "NIANBAO_RUN_ID": plan.run_id,
        "NIANBAO_SHARE_EVERY": args.share_every,
    }
    settings = build_settings(
        plan.mode,
        db=args.db,
        raw_root=args.raw_root,
        replay_dir=Path(plan.replay_dir) if plan.replay_dir else None,
        record_dir=Path(plan.record_dir) if plan.record_dir else None,
        obey_robots=plan.obey_robots,
        refresh=plan.refresh,
        log_level=args.log_level or plan.log_level,
        extra=extra,
    )
    ran, stats = run_crawlers(settings, spiders)
    from crawler.distributed import RedisWrites
    from crawler.portalruns import portal_run_ops

    writes = RedisWrites(server)
    # each portal's figures, final: the writer adds the workers' up
    for op in portal_run_ops(plan.run_id, stats, str(settings.get("NIANBAO_WORKER_ID"))):
        writes.submit(op)
    requests = sum(int(st.get("nianbao/requests", 0)) for st in stats.values())
    items = sum(int(st.get("item_scraped_count", 0)) for st in stats.values())
    print(
        f"nianbao worker {settings.get('NIANBAO_WORKER_ID')}: {'finished' if ran else 'failed'}, "
        f"{requests} request(s), {items} item(s) handed to the writer",
        file=sys.stderr,
    )
    return exitcodes.OK if ran else exitcodes.FAILED

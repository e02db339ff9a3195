"""``nianbao harvest``: run the portal spiders, store what they find, print the summary.

With no network option it replays the bundled ``cassettes/`` (the quick start): no request leaves the
machine. ``--replay DIR`` replays other cassettes, ``--live`` crawls the portals, ``--record DIR`` crawls
them live while writing cassettes. The harvest holds the database's harvest lock (``nianbao.lock``).

Exit codes (``nianbao.exitcodes``): 0 when the crawl ran, recorded item errors included; 2 when it could
not run (no cassettes, unknown portal …); 1 when a crawler failed to start or finish; 75 when another
process holds the harvest lock.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crawler.portals import BUNDLED, CASSETTES, UnknownPortal
from nianbao import exitcodes

DEFAULT_DB = Path("data/nianbao.db")


def add_network_options(p: argparse.ArgumentParser, *, default_replay: Path | None) -> None:
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite database (default {DEFAULT_DB})")
    p.add_argument("--raw-root", type=Path, help="raw archive directory (default: raw/ beside the database)")
    net = p.add_mutually_exclusive_group()
    replay_help = "replay the cassettes under DIR (never a live request)"
    if default_replay is not None:
        replay_help += f"; the default is the bundled {default_replay.name}/"
    net.add_argument("--replay", type=Path, metavar="DIR", help=replay_help)
    net.add_argument("--live", action="store_true", help="crawl the portals over the network")
    net.add_argument(
        "--record",
        type=Path,
        metavar="DIR",
        help="crawl live and record every response into DIR/<spider>.yaml cassettes",
    )
    p.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt (live and record)")
    p.add_argument(
        "--refresh", action="store_true", help="fetch again detail pages and attachments already read in an earlier run"
    )
    p.add_argument(
        "--delay",
        type=float,
        metavar="SECONDS",
        help="live and record: seconds between requests to one domain (default 1, ±50 %% jitter)",
    )
    p.add_argument(
        "--max-list-pages",
        type=int,
        metavar="N",
        help="pages of one column's pagination to request at most, whatever its countPage says "
        "(default 50); past it a page_cap error is recorded",
    )
    p.add_argument(
        "--max-portal-pages",
        type=int,
        metavar="N",
        help="list pages of one portal to request at most in this crawl (default 2000); past it a "
        "page_cap error is recorded",
    )
    p.add_argument(
        "--browser-pages",
        type=int,
        metavar="N",
        help="live: list pages to render in the browser at most, per portal (default 20); past it browser_cap",
    )
    p.add_argument(
        "--browser-timeout",
        type=float,
        metavar="SECONDS",
        help="live: seconds for a page's document in the browser (default 30)",
    )
    p.add_argument(
        "--block-cooldown",
        type=float,
        metavar="SECONDS",
        help="after a block, no request to its portal for this long (default 30 live, 0.1 replay), ×4 for each "
        "next block in a row, at most 10 min; the blocked URL is tried again last",
    )
    p.add_argument(
        "--block-pause-after",
        type=int,
        metavar="K",
        help="K blocks in a row pause the portal for the run (default 3); its unvisited URLs come first next run",
    )
    p.add_argument(
        "--block-tries",
        type=int,
        metavar="N",
        help="a URL blocked on each of N tries is recorded `blocked` and the crawl goes on (default 3)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="spread the crawl over N worker processes sharing a Redis queue (default 0: one process, no Redis)",
    )
    p.add_argument(
        "--redis",
        metavar="URL",
        help="the Redis workers share (redis://host:6379/0); default with --workers: one started on 127.0.0.1 for "
        "the harvest. Workers on other machines join with `nianbao worker --redis URL`",
    )
    p.add_argument("--worker-logs", type=Path, metavar="DIR", help="the workers' and the writer's logs go to DIR")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a live status line on stderr (portals done, reports, errors, the portal now crawled); "
        "default: only when stderr is a terminal",
    )
    p.add_argument("--log-level", default="WARNING", help="Scrapy's log level (default WARNING)")
    p.add_argument(
        "--json-log",
        type=Path,
        metavar="FILE",
        help="append the run's log records and its summary to FILE as JSON Lines",
    )


def extra_settings(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if args.delay is not None:
        out.update({"DOWNLOAD_DELAY": args.delay, "AUTOTHROTTLE_START_DELAY": args.delay})
    for option, setting in (
        ("block_cooldown", "NIANBAO_BLOCK_COOLDOWN"),
        ("block_pause_after", "NIANBAO_BLOCK_PAUSE_AFTER"),
        ("block_tries", "NIANBAO_BLOCK_TRIES"),
    ):
        if getattr(args, option, None) is not None:
            out[setting] = getattr(args, option)
    if args.max_list_pages is not None:
        out["NIANBAO_MAX_LIST_PAGES"] = args.max_list_pages
    if args.max_portal_pages is not None:
        out["NIANBAO_MAX_DEPTH_PAGES"] = args.max_portal_pages
    if args.browser_pages is not None:
        out["NIANBAO_BROWSER_MAX_PAGES"] = args.browser_pages
    if args.browser_timeout is not None:
        out["NIANBAO_BROWSER_TIMEOUT"] = args.browser_timeout
    return out


def network_mode(args: argparse.Namespace, default_replay: Path | None) -> tuple[str, dict[str, Any]]:
    if args.record is not None:
        return "record", {"record_dir": args.record}
    if args.live:
        return "live", {}
    replay = args.replay if args.replay is not None else default_replay
    if replay is None:
        return "live", {}
    return "replay", {"replay_dir": replay}


def run_harvest(
    args: argparse.Namespace,
    spiders: list[tuple[type[Any], dict[str, Any]]],
    portals: list[str],
    mode: str,
    dirs: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> Any:
    """The embedded harvest, or (``--workers``/``--redis``) one spread over workers (:mod:`nianbao.workers`)."""
    from crawler.run import harvest

    common: dict[str, Any] = {
        "mode": mode,
        "db": args.db,
        "raw_root": args.raw_root,
        "obey_robots": False if args.ignore_robots else None,
        "refresh": args.refresh,
        "log_level": args.log_level,
        "extra": extra if extra is not None else extra_settings(args),
        **dirs,
    }
    if args.workers or args.redis:
        if args.workers < 0:
            raise ValueError("--workers must be 0 or more")
        from nianbao.workers import distributed_harvest

        return distributed_harvest(
            spiders, workers=args.workers, redis_url=args.redis, log_dir=args.worker_logs, **common
        )
    return harvest(spiders, portals=portals, **common)


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "harvest",
        help="run the portal spiders and store their reports",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--portal",
        action="append",
        metavar="NAME",
        help=f"a portal to harvest: a registry id (repeatable; default: in replay the bundled portals "
        f"{', '.join(BUNDLED)}; live, every registry portal with a column)",
    )
    add_network_options(p, default_replay=CASSETTES)
    p.set_defaults(run=run)


def report_outcome(
    command: str, store_db: Path, raw_root: Path | None, run_id: int, ran: bool, json_log: Path | None = None
) -> int:
    from nianbao.jsonlog import JsonLinesHandler
    from nianbao.organs import link_after
    from storage.store import Store
    from storage.summary import format_summary

    with Store(store_db, raw_root) as store:
        link_after(command, store.db)
        summary = store.summary(run_id)
    sys.stdout.write(format_summary(summary))
    if json_log is not None:
        with json_log.open("a", encoding="utf-8") as stream:
            JsonLinesHandler(stream).write({"event": "run_finished", "command": command, "ran": ran, **summary})
    if not ran:
        print(f"nianbao {command}: a crawler failed to start or finish (see the log)", file=sys.stderr)
        return exitcodes.FAILED
    return exitcodes.OK


def locked_harvest(command: str, db: Path, work: Callable[[], int]) -> int:
    """Run ``work`` holding the harvest lock of ``db``; exit LOCKED (75) when another process holds it."""
    from nianbao.lock import LockHeld, harvest_lock

    try:
        with harvest_lock(db, purpose=command):
            return work()
    except LockHeld as exc:
        print(f"nianbao {command}: {exc}", file=sys.stderr)
        return exitcodes.LOCKED


def run(args: argparse.Namespace) -> int:
    return locked_harvest("harvest", args.db, lambda: _harvest(args))


def _harvest(args: argparse.Namespace) -> int:
    from crawler.portals import portal_spiders
    from crawler.run import CannotRun
    from nianbao.jsonlog import json_log
    from nianbao.progress import harvest_progress

    try:
        mode, dirs = network_mode(args, CASSETTES)
        spiders = portal_spiders(args.portal, replay=mode == "replay", cassettes=dirs.get("replay_dir"))
        with json_log(args.json_log), harvest_progress(len(spiders), extra_settings(args), args.progress) as extra:
            outcome = run_harvest(args, [(s, {}) for s in spiders], [s.name for s in spiders], mode, dirs, extra)
    except (UnknownPortal, CannotRun) as exc:
        print(f"nianbao harvest: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    return report_outcome("harvest", args.db, args.raw_root, outcome.run_id, outcome.ran, args.json_log)

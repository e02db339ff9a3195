"""``nianbao ingest --redis URL``: the one writer of a distributed harvest.

Takes the storage operations the workers push to Redis and applies them to the database (``--db``) in batches,
one transaction each; a batch interrupted by a kill is applied again on the next start (operations are
idempotent: nothing lost, nothing stored twice). ``nianbao harvest --workers N`` starts it; run it by hand on the
database's machine when the coordinator runs elsewhere. With ``--until-done`` it exits once the coordinator has
marked the harvest done and nothing is left to apply; otherwise after ``--idle`` seconds with nothing to do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao import exitcodes

DEFAULT_DB = Path("data/nianbao.db")


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "ingest",
        help="the writer of a distributed harvest: storage operations from Redis into the database",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--redis", required=True, metavar="URL", help="the harvest's Redis (redis://host:6379/0)")
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite database (default {DEFAULT_DB})")
    p.add_argument("--raw-root", type=Path, help="the shared raw archive (default: raw/ beside the database)")
    p.add_argument("--until-done", action="store_true", help="exit when the coordinator marks the harvest done")
    p.add_argument("--idle", type=float, default=60.0, metavar="SECONDS", help="otherwise, exit after this idle time")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.distributed import redis_server
    from storage.store import Store
    from storage.writer import ingest

    with Store(args.db, args.raw_root) as store:
        figures = ingest(
            redis_server(args.redis),
            store,
            until_done=args.until_done,
            idle_exit=None if args.until_done else args.idle,
        )
    print(
        f"nianbao ingest: {figures.applied} operation(s) in {figures.batches} batch(es), {figures.seconds:.1f} s "
        f"({figures.busy:.1f} s applying: {figures.per_second:.0f}/s)"
        + (f"; {figures.recovered} of an unfinished batch applied again" if figures.recovered else ""),
        file=sys.stderr,
    )
    return exitcodes.OK

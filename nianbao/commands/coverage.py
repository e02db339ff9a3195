"""``nianbao coverage``: which reports exist, are missing or late (publishers × years), and the cross-year identity."""

from __future__ import annotations

import argparse
import json
import sys

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store
from nianbao.coverage import build_coverage, format_coverage
from nianbao.expected import sync


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "coverage",
        help="publishers × years: reports present, missing, late; carried_forward(Y) = carried_over(Y+1)",
        description="A matrix of publishers × years showing which reports exist, which are missing and which"
        " were published after the legal deadline (31 January of the following year; 31 March for years up"
        " to 2018), the late reports, and the cross-year identity: a publisher's carried_forward for year Y"
        " equals its carried_over for year Y+1.",
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--from", dest="first", type=int, metavar="YEAR", help="first year shown")
    p.add_argument("--to", dest="last", type=int, metavar="YEAR", help="last year shown")
    p.add_argument(
        "--organs",
        action="store_true",
        help="show every organ of the registry × year (who should publish; missing is — )",
    )
    p.add_argument("--json", action="store_true", help="print the matrix, late reports and identity as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, "coverage")
    if store is None:
        return exitcodes.USAGE
    with store:
        sync(store.db)  # the registry's organs: who should publish (nianbao.expected)
        cov = build_coverage(store.db, args.first, args.last)
    if args.json:
        json.dump(cov.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_coverage(cov, organs=args.organs))
    return exitcodes.OK

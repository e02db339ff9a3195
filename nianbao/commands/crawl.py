"""``nianbao crawl URL``: harvest any portal from its annual-report column URL with the generic spider.

The spider follows pagination and folders under the column, takes pages whose link text names a report,
skips everything else and stays on the URL's domain. Live by default (a URL means the network);
``--replay DIR`` serves it from cassettes, ``--record DIR`` records while crawling.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

from nianbao import exitcodes
from nianbao.commands.harvest import (
    add_network_options,
    extra_settings,
    locked_harvest,
    network_mode,
    report_outcome,
)


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "crawl",
        help="harvest any portal from its annual-report column URL",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("url", help="the annual-report column's URL")
    p.add_argument("--portal", help="the portal name to store reports under (default: the URL's host)")
    p.add_argument(
        "--discover",
        action="store_true",
        help="URL is the portal's home page: find its annual-report column by link text, then crawl it",
    )
    p.add_argument("--browser", action="store_true", help="render the column's list pages in a browser (chromium)")
    add_network_options(p, default_replay=None)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    parts = urlsplit(args.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        print(f"nianbao crawl: not an http(s) URL: {args.url}", file=sys.stderr)
        return exitcodes.USAGE
    return locked_harvest("crawl", args.db, lambda: _crawl(args))


def spider_arguments(args: argparse.Namespace, portal: str) -> dict[str, object]:
    kwargs: dict[str, object] = {"url": args.url, "portal": portal}
    if args.discover:
        kwargs["discover"] = "1"
    if args.browser:
        kwargs["needs_browser"] = True
    return kwargs


def _crawl(args: argparse.Namespace) -> int:
    parts = urlsplit(args.url)
    from crawler.portals import GENERIC, spider_class
    from crawler.run import CannotRun, harvest
    from nianbao.jsonlog import json_log

    portal = args.portal or parts.hostname or args.url
    try:
        mode, dirs = network_mode(args, None)
        with json_log(args.json_log):
            outcome = harvest(
                [(spider_class(GENERIC), spider_arguments(args, portal))],
                mode=mode,
                db=args.db,
                raw_root=args.raw_root,
                portals=[portal],
                obey_robots=False if args.ignore_robots else None,
                refresh=args.refresh,
                log_level=args.log_level,
                extra=extra_settings(args),
                **dirs,
            )
    except CannotRun as exc:
        print(f"nianbao crawl: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    return report_outcome("crawl", args.db, args.raw_root, outcome.run_id, outcome.ran, args.json_log)

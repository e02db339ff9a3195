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
    locked_harvest,
    network_mode,
    report_outcome,
    run_harvest,
)


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "crawl",
        help="harvest any portal from its annual-report column URL",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("url", nargs="+", help="the annual-report column's URL (several: several portals, crawled together)")
    p.add_argument("--portal", help="the portal name to store reports under (default: the URL's host; one URL only)")
    p.add_argument(
        "--discover",
        action="store_true",
        help="URL is the portal's home page: find its annual-report column by link text, then crawl it",
    )
    p.add_argument("--browser", action="store_true", help="render the column's list pages in a browser (chromium)")
    add_network_options(p, default_replay=None)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for url in args.url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            print(f"nianbao crawl: not an http(s) URL: {url}", file=sys.stderr)
            return exitcodes.USAGE
    if args.portal and len(args.url) > 1:
        print("nianbao crawl: --portal names one portal: give one URL with it", file=sys.stderr)
        return exitcodes.USAGE
    return locked_harvest("crawl", args.db, lambda: _crawl(args))


def spider_arguments(args: argparse.Namespace, url: str, portal: str) -> dict[str, object]:
    kwargs: dict[str, object] = {"url": url, "portal": portal}
    if args.discover:
        kwargs["discover"] = "1"
    if args.browser:
        kwargs["needs_browser"] = True
    return kwargs


def _crawl(args: argparse.Namespace) -> int:
    from crawler.portals import GENERIC, spider_class
    from crawler.run import CannotRun
    from nianbao.jsonlog import json_log

    spiders = [
        (spider_class(GENERIC), spider_arguments(args, url, args.portal or urlsplit(url).hostname or url))
        for url in args.url
    ]
    portals = [str(kwargs["portal"]) for _, kwargs in spiders]
    try:
        mode, dirs = network_mode(args, None)
        with json_log(args.json_log):
            outcome = run_harvest(args, spiders, portals, mode, dirs)
    except CannotRun as exc:
        print(f"nianbao crawl: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    return report_outcome("crawl", args.db, args.raw_root, outcome.run_id, outcome.ran, args.json_log)

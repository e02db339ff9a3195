"""``nianbao errors``: what failed, grouped by portal and reason, with the URLs.

Per portal, per error code (see ``crawler.exceptions.ERROR_CODES``): when every error of a code has the same
reason, the reason heads the group and the URLs follow; otherwise each URL carries its own reason. Evidence
(a challenge page's tell-tale, a ``Retry-After``, the redirect chain …) follows in parentheses.
"""

from __future__ import annotations

import argparse
import sys
from itertools import groupby
from typing import Any

from nianbao.commands.summary import DEFAULT_DB, open_store

EVIDENCE_SHOWN = 120


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("errors", help="list failures grouped by portal and reason, with their URLs")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--run", dest="run_id", type=int, metavar="ID", help="one run (default: the latest)")
    scope.add_argument("--all", action="store_true", help="the errors of every run")
    p.add_argument("--portal", help="only this portal")
    p.add_argument(
        "--code",
        action="append",
        metavar="CODE",
        help="only errors with this code (repeatable: --code blocked --code paused)",
    )
    p.set_defaults(run=run)


def format_errors(errors: list[dict[str, Any]], scope: str) -> str:
    if not errors:
        return f"No errors ({scope}).\n"
    lines = [f"{len(errors)} error(s) ({scope})"]
    for portal, in_portal in groupby(errors, key=lambda e: e["portal"] or "-"):
        portal_errors = list(in_portal)
        lines.append(f"\n{portal}: {len(portal_errors)}")
        for code, group in groupby(portal_errors, key=lambda e: e["code"]):
            items = list(group)
            reasons = {e["reason"] for e in items}
            if len(reasons) == 1:
                lines.append(f"  [{code}] {items[0]['reason']} ({len(items)})")
            else:
                lines.append(f"  [{code}] ({len(items)})")
            for e in items:
                reason = "" if len(reasons) == 1 else f"  {e['reason']}"
                evidence = f"  ({_short(e['evidence'])})" if e["evidence"] else ""
                lines.append(f"    {e['url'] or '-'}{reason}{evidence}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = EVIDENCE_SHOWN) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, "errors")
    if store is None:
        return 2
    with store:
        run_id = None if args.all else (args.run_id if args.run_id is not None else store.latest_run_id())
        if run_id is not None and store.get_run(run_id) is None:
            print(f"nianbao errors: no run {run_id} in {args.db}", file=sys.stderr)
            return 2
        errors = store.errors(run_id, args.portal)
    if args.code:
        errors = [e for e in errors if e["code"] in set(args.code)]
    scope = "all runs" if run_id is None else f"run {run_id}"
    if args.portal:
        scope += f", portal {args.portal}"
    if args.code:
        scope += f", code {', '.join(args.code)}"
    sys.stdout.write(format_errors(errors, scope))
    return 0

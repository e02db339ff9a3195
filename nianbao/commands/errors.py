"""``nianbao errors``: what failed, grouped by portal and reason, with the URLs."""

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
    p.set_defaults(run=run)


def format_errors(errors: list[dict[str, Any]], scope: str) -> str:
    if not errors:
        return f"No errors ({scope}).\n"
    lines = [f"{len(errors)} error(s) ({scope})"]
    for portal, in_portal in groupby(errors, key=lambda e: e["portal"] or "-"):
        portal_errors = list(in_portal)
        lines.append(f"\n{portal}: {len(portal_errors)}")
        for (code, reason), group in groupby(portal_errors, key=lambda e: (e["code"], e["reason"])):
            items = list(group)
            lines.append(f"  [{code}] {reason} ({len(items)})")
            for e in items:
                evidence = f"  ({_short(e['evidence'])})" if e["evidence"] else ""
                lines.append(f"    {e['url'] or '-'}{evidence}")
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
    scope = "all runs" if run_id is None else f"run {run_id}"
    if args.portal:
        scope += f", portal {args.portal}"
    sys.stdout.write(format_errors(errors, scope))
    return 0

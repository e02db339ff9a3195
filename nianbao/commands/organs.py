"""``nianbao organs``: the organs reports are linked to, and the names matched to none (``--unmatched``).

Linking runs first (it writes only what changed): the registry's organs are seeded and every report is linked
through the name it gives (see ``nianbao/organs.py`` for the rules).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store
from storage.summary import table


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "organs",
        help="link reports to organs; list the organs, or the names matched to none (--unmatched)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    show = p.add_mutually_exclusive_group()
    show.add_argument("--unmatched", action="store_true", help="the names (as written) matched to no organ")
    show.add_argument("--all", action="store_true", help="every organ, also those with no report yet")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def format_organs(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No organ has a report yet.\n"
    body = [[r["id"], r["name"], r["level"] or "", r["division_code"] or "", r["reports"], _years(r)] for r in rows]
    return "\n".join(table(["organ_id", "name", "level", "division", "reports", "years"], body)) + "\n"


def format_unmatched(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "Every report's name is matched to an organ.\n"
    body = [[r["name"], r["name_source"], r["reports"], r["portals"] or "", _years(r), r["reason"]] for r in rows]
    return "\n".join(table(["name as written", "from", "reports", "portals", "years", "why"], body)) + "\n"


def _years(row: dict[str, Any]) -> str:
    first, last = row.get("first_year"), row.get("last_year")
    if first is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def run(args: argparse.Namespace) -> int:
    from nianbao.organs import link_reports
    from storage import organs

    store = open_store(args.db, "organs")
    if store is None:
        return exitcodes.USAGE
    with store:
        result = link_reports(store.db)
        rows = organs.unmatched(store.db) if args.unmatched else organs.organ_rows(store.db, not args.all)
    if args.json:
        json.dump({"linking": result.as_dict(), "rows": rows}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return exitcodes.OK
    print(
        f"{result.reports} report(s): {result.matched} linked to an organ, {result.unmatched} to none"
        f" ({result.changed} link(s) written, {result.new_organs} new organ(s))"
    )
    sys.stdout.write(format_unmatched(rows) if args.unmatched else format_organs(rows))
    return exitcodes.OK

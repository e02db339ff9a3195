"""``nianbao portals``: the registry, each portal with its last harvest.

One line per portal of the registry (``crawler/registry.yaml``), then any portal harvested that the registry
does not hold (a ``nianbao crawl`` of another site):

- ``level``, ``family``, ``columns`` (how many the registry names; ``discover`` when none: the crawl walks
  from the home page), ``browser`` (``yes`` for ``needs_browser``);
- ``last harvest``: when the portal's crawl last ended, ``ok`` or ``failed`` (finished and read at least one
  list page, or not), the reports it found (new + changed + unchanged), its errors and pages rendered;
- ``reports``: reports stored from the portal, all runs; ``last success``: the last ``ok`` harvest;
- ``column``: ``moved`` when a column answered 404/410 or listed nothing (``→ found again`` when discovery
  found where it went), ``discovered`` when the column in use was found from the home page.

``--moved`` lists only portals with a moved column, ``--never`` those never harvested, ``--failed`` those
whose last harvest failed; ``--level``/``--family`` filter; ``--json`` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nianbao import exitcodes

DEFAULT_DB = "data/nianbao.db"


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "portals",
        help="the registry's portals with their last harvest: reports, errors, last success, column moved",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--registry", type=Path, help="another registry file (default crawler/registry.yaml)")
    p.add_argument("--level", help="only this level (自治区, 盟市, 旗县区, 部门)")
    p.add_argument("--family", help="only this CMS family")
    show = p.add_mutually_exclusive_group()
    show.add_argument("--moved", action="store_true", help="only portals whose column has moved")
    show.add_argument("--never", action="store_true", help="only portals never harvested")
    show.add_argument("--failed", action="store_true", help="only portals whose last harvest failed")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p.set_defaults(run=run)


def column_state(columns: list[dict[str, Any]]) -> str:
    """What the portal's columns say: moved (and found again or not), discovered, or nothing to say."""
    moved = [c for c in columns if c["status"] == "moved"]
    found = [c for c in columns if c["status"] == "found"]
    if moved:
        replaced = {c["replaces"] for c in found if c["replaces"]}
        again = all(c["url"] in replaced for c in moved)
        return "moved → found again" if again else "moved"
    if any(c["source"] == "discovered" for c in found):
        return "discovered"
    return ""


def portal_rows(registry: Any, overview: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    listed: set[str] = set()
    entries = list(registry) if registry is not None else []
    for p in entries:
        listed.add(p.id)
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "level": p.level,
                "parent": p.parent,
                "family": p.family,
                "columns": len(p.columns),
                "needs_browser": p.needs_browser,
                "in_registry": True,
                **harvest_of(overview.get(p.id, {})),
            }
        )
    for portal_id in sorted(set(overview) - listed):
        rows.append(
            {
                "id": portal_id,
                "name": "",
                "level": "",
                "parent": None,
                "family": "",
                "columns": None,
                "needs_browser": False,
                "in_registry": False,
                **harvest_of(overview[portal_id]),
            }
        )
    return rows


def harvest_of(known: dict[str, Any]) -> dict[str, Any]:
    last = known.get("last") or {}
    columns = known.get("columns") or []
    return {
        "last_harvest": last.get("finished"),
        "last_run": last.get("run_id"),
        "status": last.get("status"),
        "found": sum(int(last.get(k) or 0) for k in ("new_reports", "changed_reports", "unchanged_reports"))
        if last
        else None,
        "errors": last.get("errors") if last else None,
        "browser_pages": last.get("browser_pages") if last else None,
        "note": last.get("note"),
        "reports": int(known.get("reports") or 0),
        "last_success": known.get("last_success"),
        "last_success_run": known.get("last_success_run"),
        "column": column_state(columns),
        "column_urls": [
            {k: c[k] for k in ("url", "status", "source", "found_on", "link_text", "replaces", "reason")}
            for c in columns
        ],
    }


def select(rows: list[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    out = rows
    if args.level:
        out = [r for r in out if r["level"] == args.level]
    if args.family:
        out = [r for r in out if r["family"] == args.family]
    if args.moved:
        out = [r for r in out if r["column"].startswith("moved")]
    if args.never:
        out = [r for r in out if not r["last_harvest"]]
    if args.failed:
        out = [r for r in out if r["status"] == "failed"]
    return out


def day(stamp: str | None) -> str:
    return (stamp or "")[:16].replace("T", " ")


def format_rows(rows: list[dict[str, Any]], everything: list[dict[str, Any]]) -> str:
    from storage.summary import table

    registry = [r for r in everything if r["in_registry"]]
    harvested = [r for r in registry if r["last_harvest"]]
    levels: dict[str, int] = {}
    for r in registry:
        levels[r["level"]] = levels.get(r["level"], 0) + 1
    moved = [r for r in everything if r["column"].startswith("moved")]
    lines = [
        f"Registry: {len(registry)} portals ("
        + ", ".join(f"{n} {level}" for level, n in levels.items())
        + f"); {len(harvested)} harvested, {len(registry) - len(harvested)} never;"
        f" {sum(1 for r in everything if r['status'] == 'failed')} failed last time; {len(moved)} column(s) moved",
    ]
    others = len(everything) - len(registry)
    if others:
        lines[0] += f"; {others} harvested portal(s) not in the registry"
    header = ["portal", "name", "level", "family", "columns", "browser", "last harvest", "status", "found",
              "errors", "reports", "last success", "column"]  # fmt: skip
    body = [
        [
            r["id"],
            r["name"],
            r["level"],
            r["family"],
            ("discover" if r["columns"] == 0 else r["columns"]) if r["in_registry"] else "",
            "yes" if r["needs_browser"] else "",
            day(r["last_harvest"]) or "never",
            r["status"] or "",
            "" if r["found"] is None else r["found"],
            "" if r["errors"] is None else r["errors"],
            r["reports"],
            day(r["last_success"]),
            r["column"],
        ]
        for r in rows
    ]
    lines += table(header, body) if body else ["  (no portal matches)"]
    for r in rows:
        for c in r["column_urls"]:
            if c["status"] == "moved":
                lines.append(f"  {r['id']}: column moved: {c['url']} ({c['reason'] or 'no reason recorded'})")
            elif c["replaces"]:
                lines.append(f"  {r['id']}: found again at {c['url']} ({c['link_text']!r} on {c['found_on']})")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from crawler.registry import RegistryError, load
    from storage.portalstate import portal_overview
    from storage.store import Store

    try:
        registry = load(args.registry) if args.registry else load()
    except (RegistryError, OSError) as exc:
        print(f"nianbao portals: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    overview: dict[str, dict[str, Any]] = {}
    if Path(args.db).is_file():
        with Store.open_existing(args.db) as store:
            overview = portal_overview(store.db)
    else:
        print(f"nianbao portals: no database at {args.db}: no harvest to show", file=sys.stderr)
    everything = portal_rows(registry, overview)
    rows = select(everything, args)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_rows(rows, everything))
    return exitcodes.OK

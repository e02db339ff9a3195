"""Each portal's figures for a run, from its crawler's stats, into ``portal_runs`` (:mod:`storage.portalstate`),
and the run's browser figures into ``runs`` (``browser_pages``, ``browser_ms``).

A portal's harvest is ``ok`` when its crawl finished and read at least one list page (a 200 answer to a
list request); otherwise ``failed``, with a note saying why (the crawl did not finish; no list page read:
the column answered an error, was blocked, or is missing from the cassettes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.browser import STATS as BROWSER_STATS
from crawler.browser import run_figures
from crawler.middlewares import STATS_PREFIX
from storage.ingest import bump_op, portal_run_op
from storage.portalstate import record_portal_run

if TYPE_CHECKING:
    from storage.store import Store

PORTAL_STAT = "nianbao/portal"  # the portal's name (a crawler's spider name may differ: the generic spider)
LISTS_READ = "nianbao/lists_read"  # list pages answered 200 and read by a callback
COLUMNS_STAT = "nianbao/columns"  # the columns the crawl started from


def portal_figures(stats: dict[str, Any]) -> dict[str, int]:
    def n(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    errors = sum(int(v or 0) for k, v in stats.items() if k.startswith("nianbao/errors/"))
    return {
        "requests": n(STATS_PREFIX),
        "list_pages": n(LISTS_READ),
        "new_reports": n("nianbao/reports/new"),
        "changed_reports": n("nianbao/reports/changed"),
        "unchanged_reports": n("nianbao/reports/unchanged"),
        "errors": errors,
        "browser_pages": n(f"{BROWSER_STATS}/pages"),
        "browser_ms": n(f"{BROWSER_STATS}/ms"),
    }


def record_portal_runs(store: Store, run_id: int, stats: dict[str, dict[str, Any]]) -> None:
    """One ``portal_runs`` row per crawler of the run, and the run's browser figures."""
    for name, s in stats.items():
        figures = portal_figures(s)
        finished = s.get("finish_reason") == "finished"
        ok = finished and figures["list_pages"] > 0
        note = None
        if not finished:
            note = f"the crawl did not finish ({s.get('finish_reason') or 'not started'})"
        elif not ok:
            note = "no list page was read (see the portal's errors)"
        record_portal_run(
            store.db,
            run_id,
            str(s.get(PORTAL_STAT) or name),
            status="ok" if ok else "failed",
            figures=figures,
            columns=list(s.get(COLUMNS_STAT) or []),
            note=note,
        )
    for field, value in run_figures(stats.values()).items():
        if value:
            store.bump(run_id, field, value)


def part_id(worker: str, run_id: int, portal: str) -> str:
    """One worker's share of one portal's harvest in one run: the same for each telling (:mod:`crawler.shares`)."""
    return f"{worker}/{run_id}/{portal}"


def portal_run_ops(run_id: int, stats: dict[str, dict[str, Any]], worker: str) -> list[dict[str, Any]]:
    """A worker's share of a distributed run when its crawl ended, as storage operations: a final ``portal_run``
    per crawler (replacing what the worker told as it went, :mod:`crawler.shares`; added up when the run ends:
    :func:`storage.portalstate.compose_portal_runs`) and the run's browser figures."""
    ops = []
    for name, s in stats.items():
        portal = str(s.get(PORTAL_STAT) or name)
        ops.append(
            portal_run_op(
                run_id,
                portal,
                finished=s.get("finish_reason") == "finished",
                reason=s.get("finish_reason"),
                figures=portal_figures(s),
                columns=list(s.get(COLUMNS_STAT) or []),
                part=part_id(worker, run_id, portal),
            )
        )
    ops += [bump_op(run_id, field, value) for field, value in run_figures(stats.values()).items() if value]
    return ops

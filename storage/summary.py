"""What a harvest holds and how a run went: ``build_summary`` (a dict) and ``format_summary`` (text).

Scope: reports, identities and warnings cover the whole database; the run's figures and its errors cover
one run (the latest when none is named).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage.store import Store

UNKNOWN_YEAR = "unknown"
FIGURES = (
    ("requests", "requests"),
    ("list_requests", "list requests"),
    ("detail_requests", "detail requests"),
    ("attachment_downloads", "attachment downloads"),
    ("new_reports", "new reports"),
    ("changed_reports", "changed reports"),
    ("unchanged_reports", "unchanged reports"),
    ("errors", "errors"),
)
BROWSER_FIGURES = (("browser_pages", "pages rendered in a browser"), ("browser_ms", "browser time (ms)"))


class UnknownRun(LookupError):
    pass


def build_summary(store: Store, run_id: int | None = None) -> dict[str, Any]:
    if run_id is None:
        run_id = store.latest_run_id()
        run = store.get_run(run_id) if run_id is not None else None
    else:
        run = store.get_run(run_id)
        if run is None:
            raise UnknownRun(f"no run {run_id} in {store.db_path}")
    db = store.db

    by_portal_year: dict[str, dict[str, int]] = {}
    for portal, year, n in db.execute(
        "SELECT portal, year, count(*) FROM reports GROUP BY portal, year ORDER BY portal, year"
    ):
        by_portal_year.setdefault(portal, {})[UNKNOWN_YEAR if year is None else str(year)] = n
    years = sorted({y for counts in by_portal_year.values() for y in counts}, key=_year_order)

    checks_by_portal: dict[str, dict[str, int]] = {}
    for portal, passed, failed, failing in db.execute(
        "SELECT portal, sum(checks_passed), sum(checks_failed), sum(checks_failed > 0)"
        " FROM reports GROUP BY portal ORDER BY portal"
    ):
        checks_by_portal[portal] = {
            "passed": passed or 0,
            "failed": failed or 0,
            "reports_with_failures": failing or 0,
        }

    review_by_portal: dict[str, dict[str, int]] = {}
    for portal, review, n in db.execute(
        "SELECT portal, coalesce(review, 'unknown'), count(*) FROM reports GROUP BY portal, review ORDER BY portal"
    ):
        review_by_portal.setdefault(portal, {})[review] = n

    warnings_by_code = dict(
        db.execute("SELECT code, count(*) FROM warnings GROUP BY code ORDER BY count(*) DESC, code").fetchall()
    )

    errors_by_portal: dict[str, dict[str, int]] = {}
    error_rows = db.execute(
        "SELECT coalesce(portal, ''), code, count(*) FROM errors"
        + (" WHERE run_id = ?" if run_id is not None else "")
        + " GROUP BY portal, code ORDER BY portal, code",
        [run_id] if run_id is not None else [],
    ).fetchall()
    by_code: dict[str, int] = {}
    for portal, code, n in error_rows:
        errors_by_portal.setdefault(portal, {})[code] = n
        by_code[code] = by_code.get(code, 0) + n

    return {
        "db": str(store.db_path),
        "run": run,
        "reports": {
            "total": sum(sum(c.values()) for c in by_portal_year.values()),
            "years": years,
            "by_portal_year": by_portal_year,
        },
        "checks": {
            "passed": sum(c["passed"] for c in checks_by_portal.values()),
            "failed": sum(c["failed"] for c in checks_by_portal.values()),
            "reports_with_failures": sum(c["reports_with_failures"] for c in checks_by_portal.values()),
            "by_portal": checks_by_portal,
        },
        "review": {
            level: sum(c.get(level, 0) for c in review_by_portal.values())
            for level in ("none", "suggested", "required", "unknown")
        }
        | {"by_portal": review_by_portal},
        "warnings": {"total": sum(warnings_by_code.values()), "by_code": warnings_by_code},
        "errors": {
            "run_id": run_id,
            "total": sum(by_code.values()),
            "by_code": by_code,
            "by_portal": errors_by_portal,
        },
    }


def _year_order(year: str) -> tuple[int, str]:
    return (0, year.zfill(6)) if year.isdigit() else (1, year)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], indent: str = "  ") -> list[str]:
    """A plain-text table: numbers right-aligned (and their headers), text left-aligned."""
    numeric = [
        all(isinstance(r[i], int | float) or r[i] in ("", None) for r in rows) and i > 0 for i in range(len(header))
    ]
    cells = [[str(v) for v in header], *[[("" if v is None else str(v)) for v in r] for r in rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for r in cells:
        parts = [
            " " * (widths[i] - _width(v)) + v if numeric[i] else v + " " * (widths[i] - _width(v))
            for i, v in enumerate(r)
        ]
        lines.append((indent + "  ".join(parts)).rstrip())
    return lines


def _run_lines(run: dict[str, Any] | None) -> list[str]:
    if run is None:
        return ["No runs recorded."]
    portals = ", ".join(run.get("portals") or []) or "-"
    lines = [
        f"Run {run['id']} ({run['mode']}, {run['status']}): started {run['started']},"
        f" finished {run.get('finished') or '-'}; portals: {portals}",
    ]
    if run.get("note"):
        lines.append(f"  note: {run['note']}")
    shown = FIGURES + (BROWSER_FIGURES if run.get("browser_pages") else ())  # a run that rendered nothing: no rows
    lines += table(["figure", "count"], [(label, run.get(key, 0)) for key, label in shown])
    return lines


def _report_lines(reports: dict[str, Any]) -> list[str]:
    if not reports["total"]:
        return ["Reports: none stored."]
    years: list[str] = reports["years"]
    rows = []
    for portal, counts in reports["by_portal_year"].items():
        rows.append([portal, *[counts.get(y, "") for y in years], sum(counts.values())])
    totals = [sum(c.get(y, 0) for c in reports["by_portal_year"].values()) for y in years]
    rows.append(["total", *totals, reports["total"]])
    return ["Reports per portal and year", *table(["portal", *years, "total"], rows)]


def _check_lines(checks: dict[str, Any]) -> list[str]:
    if not checks["by_portal"]:
        return []
    rows = [[p, c["passed"], c["failed"], c["reports_with_failures"]] for p, c in checks["by_portal"].items()]
    rows.append(["total", checks["passed"], checks["failed"], checks["reports_with_failures"]])
    return ["Identities (accounting checks)", *table(["portal", "passed", "failed", "reports failing"], rows)]


def _review_lines(review: dict[str, Any] | None) -> list[str]:
    """Can these numbers be trusted as read? Reports per portal by review verdict (parsers.review)."""
    if not review or not review.get("by_portal"):
        return []
    levels = [lv for lv in ("none", "suggested", "required", "unknown") if review.get(lv)]
    rows = [[p, *[c.get(lv, "") for lv in levels]] for p, c in review["by_portal"].items()]
    rows.append(["total", *[review[lv] for lv in levels]])
    return ["Review verdict (none: read plainly; required: a person must look)", *table(["portal", *levels], rows)]


def _error_lines(errors: dict[str, Any]) -> list[str]:
    scope = f"run {errors['run_id']}" if errors["run_id"] is not None else "all runs"
    if not errors["total"]:
        return [f"Errors ({scope}): none."]
    rows = [[portal or "-", code, n] for portal, codes in errors["by_portal"].items() for code, n in codes.items()]
    rows.append(["total", "", errors["total"]])
    return [f"Errors ({scope}) by portal and code", *table(["portal", "code", "count"], rows)]


def format_summary(summary: dict[str, Any]) -> str:
    blocks = [
        [f"nianbao summary: {summary.get('db', '')}"],
        _run_lines(summary.get("run")),
        _report_lines(summary["reports"]),
        _check_lines(summary["checks"]),
        _review_lines(summary.get("review")),
    ]
    warnings = summary.get("warnings") or {}
    if warnings.get("total"):
        blocks.append(["Parser warnings (all reports)", *table(["code", "count"], list(warnings["by_code"].items()))])
    blocks.append(_error_lines(summary["errors"]))
    return "\n\n".join("\n".join(b) for b in blocks if b) + "\n"

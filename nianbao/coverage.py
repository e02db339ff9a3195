"""Coverage, timeliness and the cross-year identity, as SQL views (one source for the commands and Datasette).

A *publisher* here is the organ a report covers: its ``region`` as the report names it (内蒙古自治区, 通辽市,
通辽市民族事务委员会 …), else its ``publisher``. Years run from the first to the last year any report covers
(only plausible years, 2008 — when the 条例 came into force — to this year).

The legal deadline for a year's report: 31 January of the following year (条例 of 2019, 第五十条), and for
years up to 2018, 31 March of the following year (条例 of 2008, 第三十一条, in force until 15 May 2019).
A report is *late* when its publication date is after the deadline, *undated* when no date is known.

The cross-year identity: a publisher's ``applications/carried_forward/<col>`` for year Y must equal its
``applications/carried_over/<col>`` for year Y+1 (结转下年度继续办理 = 上年结转政府信息公开申请数量).

Views (``ensure_views`` creates them; ``nianbao serve`` does so, the commands only read them inline):
``report_timeliness`` (one row per report), ``coverage`` (publisher × year, missing ones included),
``registry_coverage`` (organ of the registry × year: who should publish, and what was found; the notion of
missing is :mod:`nianbao.expected`'s), ``cross_year_identity`` (one row per publisher, year pair and column)
and ``failing_identities`` (one row per failed accounting check of a report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from storage.summary import table

FIRST_YEAR = 2008
NEW_RULES_FROM = 2019  # reports on 2019 on are due by 31 January; earlier ones by 31 March

COLUMN_ORDER = "natural_person,commercial,research,social_org,legal_service,other_org,total"
PUBLISHER = "coalesce(nullif(trim(r.region), ''), nullif(trim(r.publisher), ''), '(unknown)')"
ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"


def deadline_sql(year: str) -> str:
    return f"CASE WHEN {year} >= {NEW_RULES_FROM} THEN ({year} + 1) || '-01-31' ELSE ({year} + 1) || '-03-31' END"


def deadline(year: int) -> str:
    """The legal deadline of the report on ``year`` (ISO date)."""
    return f"{year + 1}-01-31" if year >= NEW_RULES_FROM else f"{year + 1}-03-31"


REPORT_TIMELINESS = f"""
SELECT report_id, publisher, portal, year, published, deadline,
  CASE WHEN year IS NULL THEN 'no year'
       WHEN published IS NULL THEN 'undated'
       WHEN published > deadline THEN 'late'
       ELSE 'on time' END AS status,
  CASE WHEN published > deadline
       THEN CAST(julianday(published) - julianday(deadline) AS INTEGER) END AS days_late,
  title, url
FROM (
  SELECT r.id AS report_id, {PUBLISHER} AS publisher, r.portal, r.year,
    CASE WHEN r.published GLOB {ISO_DATE} THEN substr(r.published, 1, 10) END AS published,
    CASE WHEN r.year IS NOT NULL THEN {deadline_sql("r.year")} END AS deadline,
    r.title, r.url
  FROM reports r
)
"""

COVERAGE = f"""
WITH RECURSIVE t AS (
  SELECT * FROM report_timeliness
  WHERE year BETWEEN {FIRST_YEAR} AND CAST(strftime('%Y', 'now') AS INTEGER)
),
span AS (SELECT min(year) AS lo, max(year) AS hi FROM t),
years(year) AS (
  SELECT lo FROM span WHERE lo IS NOT NULL
  UNION ALL SELECT year + 1 FROM years WHERE year < (SELECT hi FROM span)
),
publishers AS (SELECT DISTINCT publisher FROM t),
per AS (
  SELECT publisher, year, count(*) AS reports, min(published) AS published,
    group_concat(report_id) AS report_ids, group_concat(DISTINCT portal) AS portals
  FROM t GROUP BY publisher, year
)
SELECT publisher, year, reports, published, deadline,
  CASE WHEN reports = 0 THEN 'missing'
       WHEN published IS NULL THEN 'undated'
       WHEN published > deadline THEN 'late'
       ELSE 'on time' END AS status,
  CASE WHEN published > deadline
       THEN CAST(julianday(published) - julianday(deadline) AS INTEGER) END AS days_late,
  report_ids, portals
FROM (
  SELECT p.publisher, y.year, coalesce(per.reports, 0) AS reports, per.published,
    {deadline_sql("y.year")} AS deadline, per.report_ids, per.portals
  FROM publishers p CROSS JOIN years y
  LEFT JOIN per ON per.publisher = p.publisher AND per.year = y.year
)
ORDER BY publisher, year
"""

CROSS_YEAR_IDENTITY = f"""
WITH carried AS (
  SELECT {PUBLISHER} AS publisher, r.year, r.id AS report_id, c.row, c.col, c.value
  FROM reports r JOIN cells c ON c.report_id = r.id
  WHERE c.table_name = 'applications' AND c.row IN ('carried_forward', 'carried_over') AND r.year IS NOT NULL
)
SELECT f.publisher, f.year, o.year AS next_year, f.col AS col,
  f.value AS carried_forward, o.value AS next_carried_over,
  CASE WHEN f.value IS NULL OR o.value IS NULL THEN NULL WHEN f.value = o.value THEN 1 ELSE 0 END AS passed,
  o.value - f.value AS difference, f.report_id, o.report_id AS next_report_id
FROM carried f JOIN carried o
  ON o.publisher = f.publisher AND o.year = f.year + 1 AND o.col = f.col
WHERE f.row = 'carried_forward' AND o.row = 'carried_over'
ORDER BY f.publisher, f.year, instr('{COLUMN_ORDER}', f.col), f.col
"""

# Organs the registry lists × years: who should publish, and whether a report was found (nianbao.expected).
REGISTRY_COVERAGE = f"""
WITH RECURSIVE t AS (
  SELECT * FROM report_timeliness
  WHERE year BETWEEN {FIRST_YEAR} AND CAST(strftime('%Y', 'now') AS INTEGER)
),
span AS (SELECT min(year) AS lo, max(year) AS hi FROM t),
years(year) AS (
  SELECT lo FROM span WHERE lo IS NOT NULL
  UNION ALL SELECT year + 1 FROM years WHERE year < (SELECT hi FROM span)
),
matched AS (
  SELECT e.id AS portal_id, t.year, t.report_id, t.published
  FROM registry_portals e JOIN t
    ON t.portal IN (SELECT value FROM json_each(e.lineage))
   AND (t.publisher IN (SELECT value FROM json_each(e.names)) OR (t.portal = e.id AND t.publisher = '(unknown)'))
),
per AS (
  SELECT portal_id, year, count(*) AS reports, min(published) AS published, group_concat(report_id) AS report_ids
  FROM matched GROUP BY portal_id, year
)
SELECT portal, name, organ, level, parent, division_code, year, reports, published, deadline,
  CASE WHEN reports = 0 THEN 'missing'
       WHEN published IS NULL THEN 'undated'
       WHEN published > deadline THEN 'late'
       ELSE 'on time' END AS status,
  CASE WHEN published > deadline
       THEN CAST(julianday(published) - julianday(deadline) AS INTEGER) END AS days_late,
  report_ids
FROM (
  SELECT e.id AS portal, e.name, e.organ, e.level, e.parent, e.division_code, e.position, y.year,
    coalesce(per.reports, 0) AS reports, per.published, {deadline_sql("y.year")} AS deadline, per.report_ids
  FROM registry_portals e CROSS JOIN years y
  LEFT JOIN per ON per.portal_id = e.id AND per.year = y.year
)
ORDER BY position, year
"""

FAILING_IDENTITIES = f"""
SELECT r.id AS report_id, {PUBLISHER} AS publisher, r.portal, r.year, r.format, c.name AS identity,
  c.left_value, c.right_value, c.left_value - c.right_value AS difference, c.detail, r.title, r.url
FROM checks c JOIN reports r ON r.id = c.report_id
WHERE c.passed = 0 AND c.name NOT LIKE 'narrative_vs_table/%'
ORDER BY r.year DESC, publisher, r.id, c.name
"""

# In dependency order: coverage reads report_timeliness.
VIEWS: dict[str, str] = {
    "report_timeliness": REPORT_TIMELINESS,
    "coverage": COVERAGE,
    "registry_coverage": REGISTRY_COVERAGE,
    "cross_year_identity": CROSS_YEAR_IDENTITY,
    "failing_identities": FAILING_IDENTITIES,
}


def ensure_views(db: Database) -> None:
    """(Re)create the views, in one transaction (a newer definition replaces an older one)."""
    with db.atomic():
        for name in reversed(VIEWS):
            db.execute(f"DROP VIEW IF EXISTS {name}")
        for name, sql in VIEWS.items():
            db.execute(f"CREATE VIEW {name} AS {sql}")


def query_view(db: Database, name: str, where: str = "", params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a view computed inline (read-only: works whether or not ``ensure_views`` ran)."""
    needed = ["report_timeliness", name] if name in ("coverage", "registry_coverage") else [name]
    ctes = ", ".join(f"{n} AS ({VIEWS[n]})" for n in needed)
    sql = f"WITH {ctes} SELECT * FROM {name}" + (f" WHERE {where}" if where else "")
    return [dict(row) for row in db.query(sql, params or [])]


STATUS_MARK = {"on time": "✓", "late": "late", "undated": "?", "missing": "—"}


@dataclass
class Coverage:
    years: list[int] = field(default_factory=list)
    matrix: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    late: list[dict[str, Any]] = field(default_factory=list)
    identity: list[dict[str, Any]] = field(default_factory=list)
    no_year: int = 0
    organs: list[dict[str, Any]] = field(default_factory=list)  # registry_coverage rows: organ × year

    def organ_counts(self) -> dict[str, Any]:
        """The registry's organs × years by status, by level, and the organs with no report in any year."""
        by_status = {status: 0 for status in STATUS_MARK}
        by_level: dict[str, dict[str, int]] = {}
        found: dict[str, bool] = {}
        for row in self.organs:
            by_status[row["status"]] += 1
            level = by_level.setdefault(row["level"], {"present": 0, "missing": 0})
            level["missing" if row["status"] == "missing" else "present"] += 1
            found[row["portal"]] = found.get(row["portal"], False) or row["status"] != "missing"
        return {
            "organs": len(found),
            "years": sorted({r["year"] for r in self.organs}),
            "by_status": by_status,
            "by_level": by_level,
            "never_found": sorted(p for p, f in found.items() if not f),
        }

    def counts(self) -> dict[str, int]:
        out = {status: 0 for status in STATUS_MARK}
        for by_year in self.matrix.values():
            for cell in by_year.values():
                out[cell["status"]] += 1
        return out

    def identity_counts(self) -> dict[str, int]:
        passed = sum(1 for r in self.identity if r["passed"] == 1)
        failed = sum(1 for r in self.identity if r["passed"] == 0)
        return {
            "pairs": len(self.identity),
            "passed": passed,
            "failed": failed,
            "blank": len(self.identity) - passed - failed,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "years": self.years,
            "counts": self.counts(),
            "matrix": {p: {str(y): cell for y, cell in by_year.items()} for p, by_year in self.matrix.items()},
            "late": self.late,
            "reports_without_year": self.no_year,
            "cross_year_identity": {
                **self.identity_counts(),
                "failures": [r for r in self.identity if r["passed"] == 0],
            },
            "registry": {**self.organ_counts(), "rows": self.organs},
        }


def build_coverage(db: Database, first: int | None = None, last: int | None = None) -> Coverage:
    cov = Coverage()
    for row in query_view(db, "coverage"):
        year = row["year"]
        if (first is not None and year < first) or (last is not None and year > last):
            continue
        cov.matrix.setdefault(row["publisher"], {})[year] = {
            k: row[k] for k in ("status", "reports", "published", "deadline", "days_late", "report_ids")
        }
    cov.years = sorted({y for by_year in cov.matrix.values() for y in by_year})
    in_span = "year BETWEEN ? AND ?"
    span = [first or FIRST_YEAR, last or 9999]
    cov.late = query_view(db, "report_timeliness", f"status = 'late' AND {in_span} ORDER BY days_late DESC", span)
    cov.identity = query_view(db, "cross_year_identity", in_span, span)
    cov.no_year = len(query_view(db, "report_timeliness", "status = 'no year'"))
    if "registry_portals" in db.table_names():
        cov.organs = query_view(db, "registry_coverage", in_span, span)
    return cov


def _mark(cell: dict[str, Any]) -> str:
    mark = STATUS_MARK[cell["status"]]
    if cell["status"] == "late":
        mark = f"+{cell['days_late']}d"
    return mark + (f" ×{cell['reports']}" if cell["reports"] > 1 else "")


def format_coverage(cov: Coverage, organs: bool = False) -> str:
    if not cov.matrix:
        return "No reports with a year: nothing to cover.\n"
    counts = cov.counts()
    header = ["publisher", *[str(y) for y in cov.years]]
    rows = [[p, *[_mark(by_year[y]) if y in by_year else "" for y in cov.years]] for p, by_year in cov.matrix.items()]
    blocks = [
        [
            f"Coverage: {len(cov.matrix)} publisher(s) × {len(cov.years)} year(s):"
            f" {counts['on time']} on time, {counts['late']} late, {counts['undated']} undated,"
            f" {counts['missing']} missing",
            "  ✓ on time   +Nd published N days after the deadline   ? no publication date   — missing   ×N N reports",
            "  deadline: 31 January of the following year (31 March for years up to 2018)",
            *table(header, rows),
        ]
    ]
    if cov.no_year:
        blocks.append([f"{cov.no_year} report(s) state no plausible year and are left out."])
    if cov.late:
        late_rows = [
            [r["publisher"], r["year"], r["published"], r["deadline"], r["days_late"], r["url"]] for r in cov.late
        ]
        blocks.append(
            [
                f"Late reports ({len(cov.late)})",
                *table(["publisher", "year", "published", "deadline", "days late", "url"], late_rows),
            ]
        )
    blocks.append(_identity_lines(cov))
    if cov.organs:
        blocks.append(_organ_lines(cov, matrix=organs))
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


def _organ_lines(cov: Coverage, *, matrix: bool) -> list[str]:
    """The registry's organs × years: who should publish and was not found (see nianbao.expected)."""
    n = cov.organ_counts()
    years = n["years"]
    st = n["by_status"]
    lines = [
        f"Registry: {n['organs']} organ(s) × {len(years)} year(s) ({years[0]}–{years[-1]}):"
        f" {st['on time']} on time, {st['late']} late, {st['undated']} undated, {st['missing']} missing",
        "  by level: "
        + ", ".join(f"{level} {c['present']} found / {c['missing']} missing" for level, c in n["by_level"].items()),
        f"  organs with no report in any year: {len(n['never_found'])}"
        + ("" if matrix else " (nianbao coverage --organs shows every organ × year)"),
    ]
    if matrix:
        by_organ: dict[str, dict[int, dict[str, Any]]] = {}
        label: dict[str, str] = {}
        for row in cov.organs:
            by_organ.setdefault(row["portal"], {})[row["year"]] = row
            label[row["portal"]] = row["organ"]
        rows = [[p, label[p], *[_mark(b[y]) if y in b else "" for y in years]] for p, b in by_organ.items()]
        lines += table(["portal", "organ", *[str(y) for y in years]], rows)
    return lines


def _identity_lines(cov: Coverage) -> list[str]:
    n = cov.identity_counts()
    lines = [
        "Cross-year identity (carried_forward of year Y = carried_over of year Y+1, per column):"
        f" {n['pairs']} checked, {n['passed']} hold, {n['failed']} fail, {n['blank']} blank"
    ]
    failures = [r for r in cov.identity if r["passed"] == 0]
    if failures:
        rows = [
            [
                r["publisher"],
                f"{r['year']}→{r['next_year']}",
                r["col"],
                _num(r["carried_forward"]),
                _num(r["next_carried_over"]),
                _num(r["difference"]),
            ]
            for r in failures
        ]
        lines += table(["publisher", "years", "column", "carried forward", "next carried over", "difference"], rows)
    return lines


def _num(value: float | None) -> int | float | str:
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value

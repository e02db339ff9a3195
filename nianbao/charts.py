"""Charts: one definition (SQL and a Vega-Lite spec) for Datasette's dashboards and ``nianbao export --charts``.

Views (``ensure_views``; ``nianbao serve`` creates them, the static export computes them inline):

- ``organ_coverage``: organs × years, from the first to the last year reported on. The organs are those
  that should publish (every organ of the portal registry) and every organ with a report; each year is
  ``on time``, ``late`` (after 31 January of the next year; 31 March up to 2018), ``undated`` or ``missing``.
- ``organ_measures``: organ × year × measure (long), from one report per organ and year (as the export's
  panel): applications received (本年新收; 收到申请数 up to 2018), carried over and forward, the results
  (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理; 同意公开, 同意部分公开, 不同意公开 up to 2018),
  reviews and lawsuits.

Dashboards (datasette-dashboards, at ``/-/dashboards``): ``coverage`` (the heatmap, by league and level),
``organ`` (an organ's applications and results across years), ``league`` (a league's or city's banners,
counties and districts side by side, for a year) and ``review`` (reports needing review, by portal).
The same specs are rendered to SVG and PNG by :func:`render_static` (vl-convert, offline).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from nianbao.coverage import FIRST_YEAR, ISO_DATE, deadline_sql

STATUS_DOMAIN = ["on time", "late", "undated", "missing"]
STATUS_RANGE = ["#2e7d32", "#f59e0b", "#90a4ae", "#f4c7c3"]  # missing: pale, so what was found stands out
REVIEW_DOMAIN = ["none", "suggested", "required"]
REVIEW_RANGE = ["#2e7d32", "#f59e0b", "#d32f2f"]
FONT = "Noto Sans CJK SC"

# measure → (label, cells of a 2019/2021 table summed, cells of the legacy table summed)
MEASURES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "new_received": ("本年新收申请", ("applications/new_received/total",), ("legacy/requests_received/value",)),
    "carried_over": ("上年结转", ("applications/carried_over/total",), ()),
    "results_total": ("办理结果总计", ("applications/results_total/total",), ("legacy/replies_total/value",)),
    "carried_forward": ("结转下年度", ("applications/carried_forward/total",), ()),
    "granted": ("予以公开", ("applications/granted/total",), ("legacy/reply_granted/value",)),
    "partially_granted": (
        "部分公开",
        ("applications/partially_granted/total",),
        ("legacy/reply_partially_granted/value",),
    ),
    "withheld": ("不予公开", ("applications/withheld.%/total",), ("legacy/reply_denied/value",)),
    "unavailable": ("无法提供", ("applications/unavailable.%/total",), ()),
    "not_processed": ("不予处理", ("applications/not_processed.%/total",), ()),
    "other_processing": ("其他处理", ("applications/other%/total",), ()),
    "review": ("行政复议", ("review_litigation/review/total",), ("legacy/review_total/value",)),
    "litigation": (
        "行政诉讼",
        ("review_litigation/litigation_direct/total", "review_litigation/litigation_after_review/total"),
        ("legacy/litigation_total/value",),
    ),
}
FLOW = ["new_received", "carried_over", "results_total", "carried_forward"]
RESULTS = ["granted", "partially_granted", "withheld", "unavailable", "not_processed", "other_processing"]
CASES = ["review", "litigation"]

_LEAGUE_NAME = "replace(replace(p.name, '人民政府', ''), '行政公署', '')"  # 鄂尔多斯市, 兴安盟
ORGAN_COVERAGE = f"""
WITH RECURSIVE t AS (
  SELECT l.organ_id, r.id AS report_id, r.year,
    CASE WHEN r.published GLOB {ISO_DATE} THEN substr(r.published, 1, 10) END AS published
  FROM reports r JOIN report_organs l ON l.report_id = r.id
  WHERE l.organ_id IS NOT NULL AND r.year BETWEEN {FIRST_YEAR} AND CAST(strftime('%Y', 'now') AS INTEGER)
),
span AS (SELECT min(year) AS lo, max(year) AS hi FROM t),
years(year) AS (
  SELECT lo FROM span WHERE lo IS NOT NULL
  UNION ALL SELECT year + 1 FROM years WHERE year < (SELECT hi FROM span)
),
expected AS (SELECT id FROM organs WHERE portal IS NOT NULL UNION SELECT organ_id FROM t),
per AS (
  SELECT organ_id, year, count(*) AS reports, min(published) AS published, group_concat(report_id) AS report_ids
  FROM t GROUP BY organ_id, year
)
SELECT organ_id, organ, level, kind, division_code, league, year, reports, published, deadline,
  CASE WHEN reports = 0 THEN 'missing' WHEN published IS NULL THEN 'undated'
       WHEN published > deadline THEN 'late' ELSE 'on time' END AS status,
  CASE WHEN published > deadline THEN CAST(julianday(published) - julianday(deadline) AS INTEGER) END AS days_late,
  report_ids
FROM (
  SELECT o.id AS organ_id, o.name AS organ, o.level, o.kind, o.division_code,
    coalesce({_LEAGUE_NAME}, o.name) AS league, y.year, coalesce(per.reports, 0) AS reports, per.published,
    {deadline_sql("y.year")} AS deadline, per.report_ids
  FROM expected e JOIN organs o ON o.id = e.id
  LEFT JOIN organs p ON p.id = CASE WHEN o.division_code LIKE '__0000' THEN NULL
                                    ELSE substr(o.division_code, 1, 4) || '00' END
  CROSS JOIN years y
  LEFT JOIN per ON per.organ_id = e.id AND per.year = y.year
)
ORDER BY division_code, kind != 'government', organ_id, year
"""


def _measure_sql() -> str:
    parts = []
    for name, (label, standard, legacy) in MEASURES.items():
        keys = [*standard, *legacy]
        like = " OR ".join(f"c.key LIKE '{k}'" if "%" in k else f"c.key = '{k}'" for k in keys)
        parts.append(
            f"SELECT k.organ_id, '{name}' AS measure, '{label}' AS label, k.year, k.report_id,"
            f" sum(c.value) AS value, count(c.value) AS cells"
            f" FROM ranked k JOIN cells c ON c.report_id = k.report_id AND ({like})"
            f" WHERE k.rank = 1 GROUP BY k.organ_id, k.year"
        )
    union = "\nUNION ALL\n".join(parts)
    return f"""
WITH ranked AS (
  SELECT l.organ_id, r.year, r.id AS report_id,
    row_number() OVER (
      PARTITION BY l.organ_id, r.year ORDER BY r.checks_failed, r.published DESC, r.id DESC
    ) AS rank
  FROM reports r JOIN report_organs l ON l.report_id = r.id
  WHERE l.organ_id IS NOT NULL AND r.year IS NOT NULL
),
m AS ({union})
SELECT m.organ_id, o.name AS organ, o.parent_id, o.kind, o.division_code,
  coalesce({_LEAGUE_NAME}, o.name) AS league, m.year, m.measure, m.label, m.value, m.report_id
FROM m JOIN organs o ON o.id = m.organ_id
LEFT JOIN organs p ON p.id = CASE WHEN o.division_code LIKE '__0000' THEN NULL
                                  ELSE substr(o.division_code, 1, 4) || '00' END
WHERE m.cells > 0
ORDER BY m.organ_id, m.year, m.measure
"""


ORGAN_MEASURES = _measure_sql()
VIEWS = {"organ_coverage": ORGAN_COVERAGE, "organ_measures": ORGAN_MEASURES}


def ensure_views(db: Database) -> None:
    with db.atomic():
        for name, sql in VIEWS.items():
            db.execute(f"DROP VIEW IF EXISTS {name}")
            db.execute(f"CREATE VIEW {name} AS {sql}")


def _order(names: list[str]) -> str:
    return "CASE measure " + " ".join(f"WHEN '{n}' THEN {i}" for i, n in enumerate(names)) + " END"


def _in(names: list[str]) -> str:
    return "(" + ", ".join(f"'{n}'" for n in names) + ")"


def _labels(names: list[str]) -> list[str]:
    return [MEASURES[n][0] for n in names]


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    query: str  # SQL over the views; [[ … :param … ]] parts are dropped when the parameter is not given
    spec: dict[str, Any]  # Vega-Lite, without data


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    description: str
    charts: list[Chart]
    filters: dict[str, dict[str, Any]] = field(default_factory=dict)
    layout: list[list[str]] = field(default_factory=list)


def _tooltip(*fields: tuple[str, str]) -> list[dict[str, str]]:
    return [{"field": f, "type": t} for f, t in fields]


COVERAGE = Dashboard(
    "coverage",
    "Coverage · 年度报告发布情况",
    "Every organ that should publish (the portal registry's) and every organ with a report, year by year:"
    " on time, late (after 31 January; 31 March up to 2018), undated, or missing.",
    [
        Chart(
            "heatmap",
            "Organs × years: on time, late, missing",
            "SELECT organ, organ_id, league, level, year, status, reports, published, deadline, days_late"
            " FROM organ_coverage WHERE 1 = 1 [[ AND league = :league ]] [[ AND level = :level ]]",
            {
                "mark": {"type": "rect", "tooltip": True, "stroke": "white", "strokeWidth": 1},
                "encoding": {
                    "x": {
                        "field": "year",
                        "type": "ordinal",
                        "title": None,
                        "axis": {"orient": "top", "labelAngle": 0},
                    },
                    "y": {"field": "organ", "type": "nominal", "sort": None, "title": None},
                    "color": {
                        "field": "status",
                        "type": "nominal",
                        "title": "status",
                        "scale": {"domain": STATUS_DOMAIN, "range": STATUS_RANGE},
                        "legend": {"orient": "bottom"},
                    },
                    "tooltip": _tooltip(
                        ("organ", "nominal"),
                        ("organ_id", "nominal"),
                        ("year", "ordinal"),
                        ("status", "nominal"),
                        ("published", "nominal"),
                        ("deadline", "nominal"),
                        ("days_late", "quantitative"),
                    ),
                },
                "height": {"step": 16},
            },
        )
    ],
    filters={
        "league": {
            "name": "League or city · 盟市",
            "type": "select",
            "query": "SELECT DISTINCT league FROM organ_coverage ORDER BY division_code",
        },
        "level": {
            "name": "Level · 层级",
            "type": "select",
            "query": "SELECT DISTINCT level FROM organ_coverage ORDER BY level",
        },
    },
    layout=[["heatmap"]],
)

_YEAR_X = {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}}


def _results_bars(category: dict[str, Any], value_channel: str, category_channel: str) -> dict[str, Any]:
    """The results (予以公开 … 其他处理) stacked in the form's order, one bar per ``category``."""
    return {
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            category_channel: category,
            value_channel: {"field": "value", "type": "quantitative", "title": "件", "stack": "zero"},
            "color": {
                "field": "label",
                "type": "nominal",
                "title": None,
                "sort": _labels(RESULTS),
                "legend": {"orient": "bottom"},
            },
            "order": {"field": "measure_order", "type": "quantitative"},
        },
        "transform": [{"calculate": f"indexof({json.dumps(RESULTS)}, datum.measure)", "as": "measure_order"}],
    }


ORGAN = Dashboard(
    "organ",
    "An organ across years · 机关历年依申请公开",
    "One organ's applications and their results, year by year, from one report per year (reports up to 2018:"
    " their 统计指标 table's 收到申请数, 申请答复数, 同意公开 …).",
    [
        Chart(
            "flow",
            "Applications: received, carried over, answered, carried forward",
            f"SELECT year, measure, label, value FROM organ_measures WHERE measure IN {_in(FLOW)}"
            f" [[ AND organ = :organ ]] ORDER BY year, {_order(FLOW)}",
            {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {
                    "x": _YEAR_X,
                    "xOffset": {"field": "label", "sort": _labels(FLOW)},
                    "y": {"field": "value", "type": "quantitative", "title": "件"},
                    "color": {
                        "field": "label",
                        "type": "nominal",
                        "title": None,
                        "sort": _labels(FLOW),
                        "legend": {"orient": "bottom"},
                    },
                },
            },
        ),
        Chart(
            "results",
            "Results · 办理结果",
            f"SELECT year, measure, label, value FROM organ_measures WHERE measure IN {_in(RESULTS)}"
            f" [[ AND organ = :organ ]] ORDER BY year, {_order(RESULTS)}",
            _results_bars(_YEAR_X, "y", "x"),
        ),
        Chart(
            "cases",
            "Reviews and lawsuits · 行政复议、行政诉讼",
            f"SELECT year, measure, label, value FROM organ_measures WHERE measure IN {_in(CASES)}"
            " [[ AND organ = :organ ]] ORDER BY year, measure",
            {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {
                    "x": _YEAR_X,
                    "xOffset": {"field": "label"},
                    "y": {"field": "value", "type": "quantitative", "title": "件"},
                    "color": {"field": "label", "type": "nominal", "title": None, "legend": {"orient": "bottom"}},
                },
            },
        ),
    ],
    filters={
        "organ": {
            "name": "Organ · 机关",
            "type": "select",
            "query": "SELECT DISTINCT organ FROM organ_measures ORDER BY division_code, organ",
        }
    },
    layout=[["flow", "flow"], ["results", "cases"]],
)

LEAGUE = Dashboard(
    "league",
    "A league's banners side by side · 盟市所属旗县区",
    "The governments of a league's (or city's) banners, counties and districts, side by side for one year:"
    " applications received and their results.",
    [
        Chart(
            "banners",
            "Results of the applications, by banner, county or district",
            f"SELECT m.organ, m.measure, m.label, m.value FROM organ_measures m"
            f" WHERE m.kind = 'government' AND m.division_code NOT LIKE '____00' AND m.measure IN {_in(RESULTS)}"
            f" [[ AND m.league = :league ]] [[ AND m.year = :year ]] ORDER BY m.division_code, {_order(RESULTS)}",
            {
                **_results_bars({"field": "organ", "type": "nominal", "sort": None, "title": None}, "x", "y"),
                "height": {"step": 22},
            },
        ),
        Chart(
            "received",
            "Applications received · 本年新收",
            "SELECT m.organ, m.value FROM organ_measures m WHERE m.kind = 'government'"
            " AND m.division_code NOT LIKE '____00' AND m.measure = 'new_received'"
            " [[ AND m.league = :league ]] [[ AND m.year = :year ]] ORDER BY m.division_code",
            {
                "mark": {"type": "bar", "tooltip": True, "color": "#1565c0"},
                "encoding": {
                    "y": {"field": "organ", "type": "nominal", "sort": None, "title": None},
                    "x": {"field": "value", "type": "quantitative", "title": "件"},
                },
                "height": {"step": 22},
            },
        ),
    ],
    filters={
        "league": {
            "name": "League or city · 盟市",
            "type": "select",
            "query": "SELECT DISTINCT league FROM organ_measures WHERE division_code NOT LIKE '____00'"
            " ORDER BY division_code",
        },
        "year": {
            "name": "Year · 年度",
            "type": "select",
            "query": "SELECT DISTINCT CAST(year AS TEXT) FROM organ_measures ORDER BY year DESC",
        },
    },
    layout=[["banners", "received"]],
)

REVIEW = Dashboard(
    "review",
    "Reports needing review · 需要复核的报告",
    "The parser's verdict on every report, by portal: none (every cell read plainly, every identity holds),"
    " suggested (a guess was made, or the text disagrees with the tables), required (an identity fails, or"
    " rows or tables are missing).",
    [
        Chart(
            "by_portal",
            "Reports by portal and verdict",
            "SELECT portal, coalesce(review, 'none') AS review, count(*) AS reports FROM reports"
            " GROUP BY portal, coalesce(review, 'none') ORDER BY portal",
            {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {
                    "y": {"field": "portal", "type": "nominal", "title": None},
                    "x": {"field": "reports", "type": "quantitative", "title": "reports", "stack": "zero"},
                    "color": {
                        "field": "review",
                        "type": "nominal",
                        "title": "review",
                        "scale": {"domain": REVIEW_DOMAIN, "range": REVIEW_RANGE},
                        "legend": {"orient": "bottom"},
                    },
                    "order": {"field": "review_order", "type": "quantitative"},
                },
                "transform": [
                    {"calculate": f"indexof({json.dumps(REVIEW_DOMAIN)}, datum.review)", "as": "review_order"}
                ],
                "height": {"step": 24},
            },
        ),
        Chart(
            "narrative",
            "Statements of the text that disagree with the tables, by portal",
            "SELECT r.portal, count(*) AS disagreements, count(DISTINCT r.id) AS reports FROM checks c"
            " JOIN reports r ON r.id = c.report_id WHERE c.passed = 0 AND c.name LIKE 'narrative_vs_table/%'"
            " GROUP BY r.portal ORDER BY r.portal",
            {
                "mark": {"type": "bar", "tooltip": True, "color": "#f59e0b"},
                "encoding": {
                    "y": {"field": "portal", "type": "nominal", "title": None},
                    "x": {"field": "disagreements", "type": "quantitative", "title": "narrative_vs_table failed"},
                },
                "height": {"step": 24},
            },
        ),
    ],
    layout=[["by_portal", "narrative"]],
)

DASHBOARDS = [COVERAGE, ORGAN, LEAGUE, REVIEW]


def _defaults(db: Database | None) -> dict[str, dict[str, Any]]:
    """Sensible filter defaults from the data: the organ with most years, the league with most banners."""
    if db is None or not db.table("report_organs").exists():
        return {}
    out: dict[str, dict[str, Any]] = {}
    inline = f"WITH organ_measures AS ({ORGAN_MEASURES})"
    row = db.execute(
        f"{inline} SELECT organ FROM organ_measures WHERE measure = 'new_received'"
        " GROUP BY organ ORDER BY count(DISTINCT year) DESC, organ LIMIT 1"
    ).fetchone()
    if row:
        out["organ"] = {"organ": row[0]}
    row = db.execute(
        f"{inline} SELECT league, year FROM organ_measures WHERE kind = 'government'"
        " AND division_code NOT LIKE '____00' GROUP BY league, year"
        " ORDER BY count(DISTINCT organ_id) DESC, year DESC LIMIT 1"
    ).fetchone()
    if row:
        out["league"] = {"league": row[0], "year": str(row[1])}
    return out


def dashboards_config(db_name: str, db: Database | None = None) -> dict[str, Any]:
    """The ``datasette-dashboards`` plugin configuration for the database ``db_name``."""
    defaults = _defaults(db)
    config: dict[str, Any] = {}
    for board in DASHBOARDS:
        filters = {}
        for key, spec in board.filters.items():
            f = {**spec, "db": db_name} if "query" in spec else dict(spec)
            if key in defaults.get(board.slug, {}):
                f["default"] = defaults[board.slug][key]
            filters[key] = f
        config[board.slug] = {
            "title": board.title,
            "description": board.description,
            "settings": {"allow_fullscreen": True},
            "layout": board.layout,
            "filters": filters,
            "charts": {
                c.slug: {
                    "title": c.title,
                    "db": db_name,
                    "query": c.query,
                    "library": "vega-lite",
                    "display": {
                        **deepcopy(c.spec),
                        "config": {"font": FONT},
                        "usermeta": {"embedOptions": {"renderer": "svg"}},  # marks in the DOM
                    },
                }
                for c in board.charts
            },
        }
    return config


# -- static charts ---------------------------------------------------------------------------------------------

_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)
_PARAM = re.compile(r":([A-Za-z0-9_]+)")


def bind(query: str, params: dict[str, Any]) -> str:
    """Keep a ``[[ … ]]`` part when its parameter is given, drop it otherwise (datasette-dashboards' rule)."""

    def keep(m: re.Match[str]) -> str:
        names = _PARAM.findall(m.group(1))
        return m.group(1) if all(params.get(n) not in (None, "") for n in names) else ""

    return _OPTIONAL.sub(keep, query)


def chart_rows(db: Database, chart: Chart, params: dict[str, Any]) -> list[dict[str, Any]]:
    ctes = ", ".join(f"{name} AS ({sql})" for name, sql in VIEWS.items())
    sql = f"WITH {ctes} {bind(chart.query, params)}" if "organ_" in chart.query else bind(chart.query, params)
    used = {n: params[n] for n in _PARAM.findall(bind(chart.query, params))}
    return [dict(r) for r in db.query(sql, used)]


def static_spec(chart: Chart, rows: list[dict[str, Any]], title: str, width: int = 640) -> dict[str, Any]:
    spec = deepcopy(chart.spec)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": title, "anchor": "start"},
        "width": width,
        "background": "white",
        "padding": 12,
        "config": {"font": FONT, "line": {"point": True}},
        "data": {"values": rows},
        **spec,
    }


@dataclass
class StaticResult:
    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "-", text).strip("-")


def static_charts(db: Database) -> Iterable[tuple[str, Chart, dict[str, Any], str]]:
    """(file stem, chart, parameters, title) of every chart ``export --charts`` draws."""
    ctes = ", ".join(f"{name} AS ({sql})" for name, sql in VIEWS.items())
    yield "coverage", COVERAGE.charts[0], {}, COVERAGE.charts[0].title
    for board in (REVIEW,):
        for chart in board.charts:
            yield f"review-{chart.slug}", chart, {}, chart.title
    organs = db.execute(
        f"WITH {ctes} SELECT organ, organ_id FROM organ_measures WHERE measure = 'new_received'"
        " GROUP BY organ_id HAVING count(DISTINCT year) >= 2 ORDER BY organ_id"
    ).fetchall()
    for organ, organ_id in organs:
        for chart in ORGAN.charts:
            yield f"organ-{_slug(organ_id)}-{chart.slug}", chart, {"organ": organ}, f"{organ}: {chart.title}"
    leagues = db.execute(
        f"WITH {ctes} SELECT league, year, min(division_code) FROM organ_measures WHERE kind = 'government'"
        " AND division_code NOT LIKE '____00' AND measure = 'new_received' GROUP BY league, year"
        " HAVING count(DISTINCT organ_id) >= 2 ORDER BY 3, year"
    ).fetchall()
    for league, year, code in leagues:
        for chart in LEAGUE.charts:
            yield (
                f"league-{code[:4]}00-{year}-{chart.slug}",
                chart,
                {"league": league, "year": year},
                f"{league} {year}: {chart.title}",
            )


def render_static(db: Database, out: Path, formats: tuple[str, ...] = ("svg", "png")) -> StaticResult:
    """Every chart of :func:`static_charts` as SVG and/or PNG files in ``out`` (created)."""
    import vl_convert as vlc  # type: ignore[import-untyped]

    out.mkdir(parents=True, exist_ok=True)
    result = StaticResult()
    for stem, chart, params, title in static_charts(db):
        rows = chart_rows(db, chart, params)
        if not rows:
            result.skipped.append(stem)
            continue
        spec = static_spec(chart, rows, title)
        if "svg" in formats:
            path = out / f"{stem}.svg"
            path.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
            result.files.append(path)
        if "png" in formats:
            path = out / f"{stem}.png"
            path.write_bytes(vlc.vegalite_to_png(spec, scale=2))
            result.files.append(path)
    return result

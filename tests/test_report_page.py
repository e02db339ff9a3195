"""The report page and the charts in headless Chromium (Debian's /usr/bin/chromium through Playwright).

A richer database (tests/chart_store.py: a league's banners over three years, late and missing reports,
every review verdict, a report with a history) is served by ``nianbao serve`` on 127.0.0.1. Each page is
loaded in a real browser, checked through its DOM, and screenshotted (to ``NIANBAO_SCREENSHOTS`` when set).
"""

from __future__ import annotations

import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chart_store import build_chart_store
from serving import serving

from nianbao import exitcodes
from nianbao.charts import DASHBOARDS, render_static
from nianbao.cli import main
from nianbao.datasette import prepare
from storage.store import Store

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("charts") / "nianbao.db"
    with build_chart_store(path) as store:
        prepare(store, workers=1)
    return path


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def keep(shot: Path) -> None:
    target = os.environ.get("NIANBAO_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / shot.name)


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[str]:
    with serving(db_path) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, device_scale_factor=1)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    context.close()
    assert errors == [], errors  # no script error on any page


def report_id(db_path: Path, url_part: str) -> int:
    with Store(db_path) as store:
        row = store.db.execute("SELECT id FROM reports WHERE url LIKE ?", [f"%{url_part}%"]).fetchone()
    return int(row[0])


def test_the_report_page_is_the_national_form(server: str, db_path: Path, page: Any, shots: Path) -> None:
    rid = report_id(db_path, "wsq2023")  # 乌审旗 2023: one cell of 本年新收 off by one
    page.goto(f"{server}/-/report/nianbao/{rid}")
    assert page.title() == "乌审旗 2023 年政府信息公开工作年度报告"
    # table 三: the 2021 form's 30 rows: 5 headings (三、（三）（四）（五）（六）) and 25 rows of 7 cells
    rows = page.locator("#applications tbody tr")
    assert rows.count() == 30
    assert page.locator("#applications tbody tr.heading").count() == 5
    assert page.locator("#applications td.cell").count() == 25 * 7
    assert page.locator("#review_litigation td.cell").count() == 15
    # the failing identities' cells are highlighted, and listed with both sides
    failing = {
        page.locator("td.cell.fail").nth(i).get_attribute("data-key")
        for i in range(page.locator("td.cell.fail").count())
    }
    assert "applications/new_received/natural_person" in failing and "applications/new_received/total" in failing
    listed = page.locator("#failing tbody tr").all_inner_texts()
    assert any("applications/row_total/new_received" in row for row in listed)
    assert page.locator("#review").inner_text() == "review: required"
    # the narrative's statements, with their sentence: the text says 13 (the seed's), the table was doubled
    told = page.locator("#told tbody tr").all_inner_texts()
    assert any("✗" in row and "收到依申请公开政府信息" in row for row in told)
    # provenance on demand: the text the cell was read from, and around it
    page.click('td.cell[data-key="applications/granted/total"]')
    page.wait_for_selector("#provenance-body mark")
    assert page.locator("#provenance-body mark").inner_text() == "44"  # the text read: the seed's 11, ×4
    assert "予以公开" in page.locator("#provenance-body .ctx").inner_text()
    shot = shots / "report-page.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)
    assert shot.stat().st_size > 50_000


def test_the_report_page_shows_its_history(server: str, db_path: Path, page: Any, shots: Path) -> None:
    rid = report_id(db_path, "etkqq2023")  # saved twice: a "newer parse" read one more application
    page.goto(f"{server}/-/report/nianbao/{rid}#history")
    rows = page.locator("#history-table tbody tr").all_inner_texts()
    assert len(rows) == 2 and "new" in rows[0] and "changed" in rows[1]
    assert "applications/new_received/natural_person 18 → 19" in rows[1]
    assert "now failing: applications/balance/natural_person" in rows[1]
    assert "review: suggested → required" in rows[1]
    others = page.locator("text=other years").locator("xpath=..").inner_text()
    assert "2021" in others and "2022" in others
    page.locator("#history").scroll_into_view_if_needed()
    shot = shots / "report-history.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)


def test_the_archived_original_and_the_links(server: str, db_path: Path, page: Any) -> None:
    rid = report_id(db_path, "hjq2022")
    page.goto(f"{server}/-/report/nianbao/{rid}")
    href = page.locator("#original").get_attribute("href")
    with urllib.request.urlopen(f"{server}{href}", timeout=10) as response:
        body = response.read()
        assert "sandbox" in response.headers["content-security-policy"]
    with Store(db_path) as store:
        sha = store.db.execute("SELECT document_sha256 FROM reports WHERE id = ?", [rid]).fetchone()[0]
        assert body == store.archive.path(sha).read_bytes()
    page.goto(f"{server}/nianbao/reports?_sort=id")
    link = page.locator(f'a[href="/-/report/nianbao/{rid}"]')
    assert link.count() == 1 and "杭锦旗" in link.inner_text()
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{server}/-/report/nianbao/999999", timeout=10)


@pytest.mark.parametrize("board", DASHBOARDS, ids=[b.slug for b in DASHBOARDS])
def test_each_dashboard_draws_its_charts(server: str, db_path: Path, page: Any, shots: Path, board: Any) -> None:
    page.goto(f"{server}/-/dashboards/{board.slug}")
    for chart in board.charts:
        page.wait_for_selector(f"#chart-{chart.slug} svg.marks", timeout=30_000)
    marks = {
        chart.slug: page.locator(f"#chart-{chart.slug} g.role-mark path, #chart-{chart.slug} g.role-mark rect").count()
        for chart in board.charts
    }
    assert all(n > 0 for n in marks.values()), marks
    if board.slug == "coverage":
        with Store(db_path) as store:
            cells = store.db.execute("SELECT count(*) FROM organ_coverage").fetchone()[0]
            late = store.db.execute("SELECT count(*) FROM organ_coverage WHERE status = 'late'").fetchone()[0]
        assert marks["heatmap"] == cells  # one rect per organ and year
        assert late >= 3
    if board.slug == "league":  # the default: the league with most banners, its latest year
        assert page.locator("#league").input_value() == "鄂尔多斯市"
        assert page.locator("#year").input_value() == "2023"
        axis = page.locator("#chart-banners g.role-axis-label text")
        labels = [axis.nth(i).text_content() for i in range(axis.count())]
        assert {"鄂托克前旗人民政府", "鄂托克旗人民政府", "乌审旗人民政府", "杭锦旗人民政府"} <= set(labels)
    shot = shots / f"dashboard-{board.slug}.png"
    page.screenshot(path=str(shot), full_page=True)
    keep(shot)


def test_static_charts(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(db_path) as store:
        drawn = render_static(store.db, tmp_path / "charts")
    names = {p.name for p in drawn.files}
    for stem in ("coverage", "review-by_portal", "organ-150623-flow", "league-150600-2023-banners"):
        assert {f"{stem}.svg", f"{stem}.png"} <= names, stem
    svg = (tmp_path / "charts" / "league-150600-2023-banners.svg").read_text(encoding="utf-8")
    assert "乌审旗人民政府" in svg and "<svg" in svg
    png = (tmp_path / "charts" / "coverage.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    keep(tmp_path / "charts" / "coverage.png")
    keep(tmp_path / "charts" / "league-150600-2023-banners.png")

    out = tmp_path / "export"
    assert main(["export", "--db", str(db_path), "--out", str(out), "--format", "csv", "--charts"]) == exitcodes.OK
    assert "charts:" in capsys.readouterr().out
    assert (out / "charts" / "coverage.svg").is_file() and (out / "datapackage.json").is_file()


def test_the_heatmap_has_the_registry_coverage_notion(db_path: Path) -> None:
    """organ_coverage (organ identity) and registry_coverage (nianbao/expected.py) share one notion of who
    should publish and of "missing": the same registry organs × years; they differ only where a report came
    from a portal outside the registry (which only organ identity can place)."""
    with Store(db_path) as store:
        theirs = {(r["portal"], r["year"]): r["status"] for r in store.db.query("SELECT * FROM registry_coverage")}
        mine = {
            (r["portal"], r["year"]): r["status"]
            for r in store.db.query(
                "SELECT o.portal, c.year, c.status FROM organ_coverage c JOIN organs o ON o.id = c.organ_id"
                " WHERE o.portal IS NOT NULL"
            )
        }
        outside = {
            (o["portal"], r["year"])
            for r in store.db.query(
                "SELECT r.year, l.organ_id FROM reports r JOIN report_organs l ON l.report_id = r.id"
                " WHERE r.portal NOT IN (SELECT id FROM registry_portals)"
            )
            for o in store.db.query("SELECT portal FROM organs WHERE id = ?", [r["organ_id"]])
        }
    assert set(theirs) == set(mine)
    differ = {k for k in theirs if theirs[k] != mine[k]}
    assert differ and differ <= outside
    assert all(theirs[k] == "missing" for k in differ)

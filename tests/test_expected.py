"""Coverage knows who should publish: the registry's organs × years, and an honest "missing"
(:mod:`nianbao.expected`, the ``registry_coverage`` view of :mod:`nianbao.coverage`).

Reports are written into the store as a harvest leaves them (portal, region or publisher, year, publication
date), against a small registry: the region, two leagues, a county, a department. Each rule of the notion of
missing is checked: the organ's own portal, a portal above it, the names a report may give, a report naming
nobody, a report on a sibling's portal (does not count), the deadline, the years covered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crawler.registry import load, parse_registry
from nianbao.cli import main
from nianbao.coverage import build_coverage, query_view
from nianbao.expected import names_of, sync
from storage.store import Store

REGISTRY = """
portals:
  - {id: nmg, name: 内蒙古自治区, organ: 内蒙古自治区人民政府, level: 自治区, division_code: "150000",
     site: "https://www.nmg.gov.cn/", family: trs}
  - {id: tongliao, name: 通辽市, organ: 通辽市人民政府, level: 盟市, parent: nmg, division_code: "150500",
     site: "https://www.tongliao.gov.cn/", family: trs_folder}
  - {id: xam, name: 兴安盟, organ: 兴安盟行政公署, level: 盟市, parent: nmg, division_code: "152200",
     site: "http://www.xam.gov.cn/", family: easysite}
  - {id: qsq, name: 青山区, organ: 包头市青山区人民政府, level: 旗县区, parent: tongliao, division_code: "150204",
     site: "https://www.qsq.gov.cn/", family: trs}
  - {id: tongliao-mw, name: 通辽市民族事务委员会, organ: 通辽市民族事务委员会, level: 部门, parent: tongliao,
     division_code: "150500", site: "https://mw.tongliao.gov.cn/", family: trs}
"""


def add_report(store: Store, portal: str, url: str, year: int, published: str | None, *,
               region: str | None = None, publisher: str | None = None) -> None:  # fmt: skip
    store.db["reports"].insert(
        {"portal": portal, "url": url, "year": year, "published": published, "region": region,
         "publisher": publisher, "content_hash": url, "first_stored": "2024-01-01", "updated": "2024-01-01"}
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nb.db"
    with Store(path) as store:
        add_report(store, "nmg", "https://nmg/2022", 2022, "2023-01-20", region="内蒙古自治区")
        add_report(store, "nmg", "https://nmg/tl2021", 2021, "2022-03-08", region="通辽市")  # a league's, above it
        add_report(store, "xam", "https://xam/tl2020", 2020, "2021-01-10", region="通辽市")  # a sibling's portal
        add_report(store, "qsq", "https://qsq/2022", 2022, "2023-01-15", region="包头市青山区")  # organ stem
        add_report(store, "qsq", "https://qsq/2021", 2021, None, publisher="包头市青山区人民政府办公室")  # undated
        add_report(store, "xam", "https://xam/2021", 2021, "2022-01-31")  # names nobody: its own portal's
        add_report(store, "tongliao", "https://tl/mw2022", 2022, "2023-02-01", region="通辽市民族事务委员会")
        add_report(store, "tongliao", "https://tl/other", 2022, "2023-01-30", region="科尔沁区")  # not registered
        sync(store.db, parse_registry(REGISTRY))
    return path


def cells(db: Path) -> dict[tuple[str, int], dict[str, Any]]:
    with Store(db) as store:
        return {(r["portal"], r["year"]): r for r in query_view(store.db, "registry_coverage")}


def test_names_a_report_may_give() -> None:
    registry = load()
    assert names_of(registry.get("qsq")) == [
        "青山区", "包头市青山区人民政府", "包头市青山区", "包头市青山区人民政府办公室", "包头市青山区人民政府办公厅"
    ]  # fmt: skip
    assert "兴安盟" in names_of(registry.get("xam")) and "兴安盟行政公署办公室" in names_of(registry.get("xam"))


def test_organs_by_years_with_an_honest_missing(db: Path) -> None:
    got = {key: (row["status"], row["reports"]) for key, row in cells(db).items()}
    assert {y for _, y in got} == {2020, 2021, 2022}  # the years the database covers
    assert len(got) == 5 * 3  # every organ, every year
    assert got[("nmg", 2022)] == ("on time", 1)
    assert got[("tongliao", 2021)] == ("late", 1)  # found on the region's portal, above it; after 31 January
    assert got[("tongliao", 2020)] == ("missing", 0)  # named on a sibling's portal: does not count
    assert got[("qsq", 2022)] == ("on time", 1) and got[("qsq", 2021)] == ("undated", 1)
    assert got[("xam", 2021)] == ("on time", 1)  # a report naming nobody counts for its own portal
    assert got[("tongliao-mw", 2022)] == ("late", 1) and got[("tongliao", 2022)] == ("missing", 0)
    assert sum(status == "missing" for status, _ in got.values()) == 15 - 6
    row = cells(db)[("tongliao", 2021)]
    assert (row["organ"], row["level"], row["parent"], row["division_code"], row["days_late"]) == (
        "通辽市人民政府", "盟市", "nmg", "150500", 36
    )  # fmt: skip


def test_coverage_counts_and_years_filter(db: Path) -> None:
    with Store(db) as store:
        counts = build_coverage(store.db).organ_counts()
        assert counts["by_status"] == {"on time": 3, "late": 2, "undated": 1, "missing": 9}
        assert counts["never_found"] == []
        assert counts["by_level"]["盟市"] == {"present": 2, "missing": 4}
        assert build_coverage(store.db, first=2022).organ_counts()["never_found"] == ["tongliao", "xam"]


def test_nianbao_coverage_shows_the_registry(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "--db", str(db), "--organs"]) == 0  # syncs the bundled registry first
    out = capsys.readouterr().out
    organs = len(load())
    # the bundled registry holds 科尔沁区 too (under 通辽市): its report on the city's portal now counts
    assert f"Registry: {organs} organ(s) × 3 year(s) (2020–2022): 4 on time, 2 late, 1 undated," in out
    assert f"{organs * 3 - 7} missing" in out
    [line] = [x for x in out.splitlines() if x.split()[:1] == ["tongliao"]]
    assert line.split()[1:] == ["通辽市人民政府", "—", "+36d", "—"]


def test_datasette_shows_who_should_publish(db: Path) -> None:
    import asyncio

    from nianbao.datasette import build_datasette, prepare

    with Store(db) as store:
        prepare(store, index=False)  # syncs the bundled registry, creates the views

    async def get(path: str) -> Any:
        ds = build_datasette(db)
        await ds.invoke_startup()
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text[:300]
        return response.json()

    rows = asyncio.run(get(f"/{db.stem}/missing_by_registry.json?_shape=array"))
    by_portal = {r["portal"]: r for r in rows}
    assert len(rows) == len(load())
    assert (by_portal["tongliao"]["missing_years"], by_portal["tongliao"]["found"]) == ("2020 2022", 1)
    assert by_portal["huhhot"]["missing_years"] == "2020 2021 2022"
    view = asyncio.run(get(f"/{db.stem}/registry_coverage.json?_shape=array&portal=qsq&_sort=year"))
    assert [(r["year"], r["status"]) for r in view] == [(2020, "missing"), (2021, "undated"), (2022, "on time")]

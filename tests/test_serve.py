"""nianbao serve: Datasette with titles, descriptions and canned queries; the page tested in headless Chromium."""

from __future__ import annotations

import asyncio
import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from seed_store import SEEDS, build_multi_year_store, save_document, variant
from serving import serving

from nianbao.coverage import VIEWS
from nianbao.datasette import build_datasette, load_metadata, prepare
from nianbao.search import FTS_TABLE
from storage.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
BROKEN_URL = "https://www.example.gov.cn/zwgk/ndbg/qsq2021.txt"


def broken_qingshan() -> bytes:
    """Seed 003 (青山区 2022) as a 2021 report whose 本年新收 row no longer adds up (14 natural persons, total 13)."""
    text = SEEDS[3].read_bytes().decode("utf-8")
    row = "一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13"
    assert row in text
    broken = text.replace(row, row.replace("\t13\t0", "\t14\t0", 1)).encode()
    return variant(broken, year=2021, year_from=2022, published="2022年1月20日", published_from="2023年2月8日")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "nianbao.db"
    with build_multi_year_store(path) as store:
        save_document(store, BROKEN_URL, broken_qingshan())
        prepare(store, workers=1)
    return path


def fetch(db_path: Path, path: str) -> Any:
    """GET a path from Datasette in process (no socket), JSON decoded."""

    async def get() -> Any:
        ds = build_datasette(db_path)
        await ds.invoke_startup()
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    return asyncio.run(get())


def test_metadata_describes_every_table_view_and_table_column(db_path: Path) -> None:
    tables = load_metadata()["databases"]["nianbao"]["tables"]
    with Store(db_path) as store:
        names = store.db.table_names() + store.db.view_names()
        for name in names:
            if name.startswith(FTS_TABLE) or name.startswith("sqlite_"):
                continue
            assert tables.get(name, {}).get("title") and tables[name].get("description"), name
            if name in store.db.table_names():
                described = set(tables[name].get("columns") or {})
                assert set(store.db.table(name).columns_dict) <= described, name
    assert set(VIEWS) <= set(tables)


def test_metadata_follows_the_database_file_name() -> None:
    metadata = load_metadata("harvest2024")
    assert list(metadata["databases"]) == ["harvest2024"]
    assert 'href="/harvest2024/reports"' in metadata["description_html"]


def test_canned_queries(db_path: Path) -> None:
    queries = load_metadata()["databases"]["nianbao"]["queries"]
    expected = {
        "reports_failing_an_identity",
        "late_reports",
        "coverage_matrix",
        "cross_year_failures",
        "search_reports",
    }
    assert expected <= set(queries)
    tables = load_metadata()["databases"]["nianbao"]["tables"]
    assert not set(queries) & set(tables), "a canned query would hide the table or view of the same name"
    assert all(q.get("title") and q.get("description") for q in queries.values())

    failing = fetch(db_path, "/nianbao/reports_failing_an_identity.json?_shape=array")
    assert sorted((r["url"], r["identity"], r["difference"]) for r in failing) == [
        (BROKEN_URL, "applications/balance/natural_person", 1),
        (BROKEN_URL, "applications/row_total/new_received", 1),
    ]

    late = fetch(db_path, "/nianbao/late_reports.json?_shape=array")
    assert [(r["publisher"], r["year"], r["days_late"]) for r in late] == [("通辽市", 2021, 36), ("青山区", 2022, 8)]

    coverage = {r["publisher"]: r for r in fetch(db_path, "/nianbao/coverage_matrix.json?_shape=array")}
    assert coverage["通辽市"]["years"] == "2018 — · 2019 — · 2020 ✓ · 2021 +36d · 2022 ✓"
    assert (coverage["青山区"]["late"], coverage["青山区"]["undated"]) == (1, 0)

    missing = fetch(db_path, "/nianbao/missing_reports.json?_shape=array")
    assert {"publisher": "通辽市", "year": 2019, "deadline": "2020-01-31"} in missing

    carry = fetch(db_path, "/nianbao/cross_year_failures.json?_shape=array")
    assert len(carry) == 7 and {(r["publisher"], r["year"], r["next_year"]) for r in carry} == {
        ("内蒙古自治区", 2021, 2022)
    }

    found = fetch(db_path, "/nianbao/search_reports.json?_shape=array&q=%E8%92%99%E9%80%9F%E5%8A%9E")  # 蒙速办
    assert {r["publisher"] for r in found} == {"通辽市"} and all("蒙速办" in r["context"] for r in found)
    short = fetch(db_path, "/nianbao/search_reports.json?_shape=array&q=%E5%A4%8D%E8%AE%AE")  # 复议
    assert len(short) == 9


def test_table_search_uses_the_trigram_index(db_path: Path) -> None:
    page = fetch(
        db_path, "/nianbao/report_texts.json?_search=%E4%BE%9D%E7%94%B3%E8%AF%B7%E5%85%AC%E5%BC%80&_col=source"
    )
    assert page["filtered_table_rows_count"] == 9  # 依申请公开 is in every report


def test_views_facet_in_datasette(db_path: Path) -> None:
    page = fetch(db_path, "/nianbao/coverage.json?_facet=status&_size=0")
    counts = {f["value"]: f["count"] for f in page["facet_results"]["status"]["results"]}
    assert counts["late"] == 2 and counts["missing"] > 0


# -- the page in a real browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db_path: Path) -> Iterator[str]:
    with serving(db_path) as base:
        yield base


def chromium(args: list[str], profile: Path) -> str:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    result = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_reports_page_in_headless_chromium(server: str, tmp_path: Path) -> None:
    url = f"{server}/nianbao/reports"
    dom = chromium(["--virtual-time-budget=5000", "--dump-dom", url], tmp_path / "profile-dom")
    assert "Reports · 年度报告" in dom and "9 rows" in dom
    for title in ("通辽市2021年政府信息公开工作年度报告", "青山区 2022 年政府信息公开工作年度报告", "鄂托克前旗"):
        assert title in dom
    assert 'class="nianbao-columns"' in dom  # the column descriptions are folded away

    shot = tmp_path / "reports.png"
    chromium(["--window-size=1600,1000", f"--screenshot={shot}", url], tmp_path / "profile-shot")
    assert png_size(shot) == (1600, 1000) and shot.stat().st_size > 20_000
    keep = os.environ.get("NIANBAO_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "reports.png")


def test_canned_query_pages_in_headless_chromium(server: str, tmp_path: Path) -> None:
    dom = chromium(["--dump-dom", f"{server}/nianbao/coverage_matrix"], tmp_path / "profile-coverage")
    assert "Coverage · 年度报告发布情况" in dom and "2021 +36d" in dom
    home = chromium(["--dump-dom", f"{server}/nianbao"], tmp_path / "profile-home")
    for title in ("Reports failing an identity", "Late reports", "Coverage", "Cross-year identity failures"):
        assert title in home

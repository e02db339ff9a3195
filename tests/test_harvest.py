"""A full harvest of the bundled cassettes into a temporary database, then a second, incremental one.

Each harvest runs in a subprocess (``python -m nianbao.cli harvest``): Twisted's reactor runs once per
process. What must be stored and recorded comes from ``cassettes/manifest.json`` and the gold files.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import run_nianbao

from nianbao.lock import harvest_lock

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
GOLD = ROOT / "tests" / "fixtures" / "gold"
MANIFEST = json.loads((CASSETTES / "manifest.json").read_text(encoding="utf-8"))


def nianbao(*args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args)


@dataclass
class Harvested:
    db: Path
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as con:
            return con.execute(sql, params).fetchall()

    def run(self, run_id: int) -> dict[str, Any]:
        with sqlite3.connect(self.db) as con:
            con.row_factory = sqlite3.Row
            return dict(con.execute("SELECT * FROM runs WHERE id = ?", [run_id]).fetchone())

    def cells(self, url: str) -> dict[str, float | None]:
        return dict(
            self.query("SELECT c.key, c.value FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.url = ?", url)
        )


@pytest.fixture(scope="module")
def harvested(tmp_path_factory: pytest.TempPathFactory) -> Harvested:
    db = tmp_path_factory.mktemp("harvest") / "nianbao.db"
    first = nianbao("harvest", "--db", str(db))  # the default: replay the bundled cassettes
    second = nianbao("harvest", "--db", str(db))
    return Harvested(db, first, second)


def test_both_harvests_ran(harvested: Harvested) -> None:
    assert harvested.first.returncode == 0, harvested.first.stderr
    assert harvested.second.returncode == 0, harvested.second.stderr
    for done in (harvested.first, harvested.second):
        assert "Reports per portal and year" in done.stdout
        assert "Identities (accounting checks)" in done.stdout
    assert harvested.run(1)["mode"] == "replay" and harvested.run(1)["status"] == "finished"


SEEDED = [r for r in MANIFEST["reports"] if r["seed"]]
DERIVED = [r for r in MANIFEST["reports"] if not r["seed"]]


def gold(stem: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", SEEDED, ids=[r["seed"] for r in SEEDED])
def test_seed_reports_cells_equal_gold(harvested: Harvested, entry: dict[str, Any]) -> None:
    expected = gold(entry["seed"])
    assert harvested.cells(entry["url"]) == expected["cells"]


@pytest.mark.parametrize("entry", SEEDED, ids=[r["seed"] for r in SEEDED])
def test_seed_reports_metadata(harvested: Harvested, entry: dict[str, Any]) -> None:
    expected = gold(entry["seed"])["metadata"]
    rows = harvested.query(
        "SELECT portal, page_url, region, year, format, source_kind, published FROM reports WHERE url = ?", entry["url"]
    )
    assert rows == [
        (
            entry["portal"],
            entry["page_url"],
            expected["region"],
            expected["year"],
            expected["format"],
            expected["source_kind"],
            expected.get("published", entry["published"]),
        )
    ]


@pytest.mark.parametrize("entry", DERIVED, ids=[r["url"].rsplit("/", 1)[-1] for r in DERIVED])
def test_derived_reports_carry_their_seeds_cells(harvested: Harvested, entry: dict[str, Any]) -> None:
    assert harvested.cells(entry["url"]) == gold(entry["derived_from"])["cells"]
    assert harvested.query("SELECT year, published, source_kind FROM reports WHERE url = ?", entry["url"]) == [
        (entry["year"], entry["published"], entry["kind"])
    ]


def test_exactly_the_manifests_reports_are_stored(harvested: Harvested) -> None:
    stored = sorted(harvested.query("SELECT portal, url FROM reports"))
    assert stored == sorted((r["portal"], r["url"]) for r in MANIFEST["reports"])
    assert harvested.query("SELECT count(*) FROM reports WHERE checks_failed > 0") == [(0,)]


def test_errors_are_recorded_with_their_urls(harvested: Harvested) -> None:
    first = sorted(harvested.query("SELECT portal, code, url FROM errors WHERE run_id = 1"))
    assert first == sorted((e["portal"], e["code"], e["url"]) for e in MANIFEST["errors"])
    second = sorted(harvested.query("SELECT portal, code, url FROM errors WHERE run_id = 2"))
    assert second == sorted((e["portal"], e["code"], e["url"]) for e in MANIFEST["errors"] if e["repeats"])
    evidence = dict(harvested.query("SELECT portal, evidence FROM errors WHERE run_id = 1 AND code = 'blocked'"))
    assert evidence["etkqq"].startswith("blocked on each of 3 tries: ruishu: HTTP 412")
    assert evidence["qsq"].startswith("blocked on each of 3 tries: block_page: HTTP 200")


def list_requests() -> int:
    """List requests of a harvest: each list page once, a blocked one three times (tried again last, twice)."""
    blocked = sum(1 for e in MANIFEST["errors"] if e["code"] == "blocked")
    return sum(len(v) for v in MANIFEST["list_pages"].values()) + 2 * blocked


def test_first_harvest_figures(harvested: Harvested) -> None:
    run = harvested.run(1)
    lists = list_requests()
    details = len({r["page_url"] for r in MANIFEST["reports"]})  # nmg's infographic (图解) is never requested
    details += len(MANIFEST.get("extra_detail_requests", []))  # a detail page's own API call (Epoint shells)
    attachments = sum(1 for r in MANIFEST["reports"] if r["url"] != r["page_url"]) + 1  # + the 404
    assert (run["list_requests"], run["detail_requests"], run["attachment_downloads"]) == (lists, details, attachments)
    assert run["requests"] == lists + details + attachments
    assert (run["new_reports"], run["changed_reports"], run["unchanged_reports"]) == (len(MANIFEST["reports"]), 0, 0)
    assert run["errors"] == len(MANIFEST["errors"])


def test_second_harvest_requests_list_pages_only(harvested: Harvested) -> None:
    run = harvested.run(2)
    lists = list_requests()
    assert run["new_reports"] == 0
    assert run["changed_reports"] == 0
    assert run["attachment_downloads"] == 0
    assert run["detail_requests"] == 0
    assert run["list_requests"] == lists
    assert run["requests"] == lists


def test_documents_are_archived_content_addressed(harvested: Harvested) -> None:
    rows = harvested.query(
        "SELECT r.url, r.document_sha256, u.status, u.content_type, d.size FROM reports r"
        " JOIN document_urls u ON u.url = r.url JOIN documents d ON d.sha256 = r.document_sha256"
    )
    assert len(rows) == len(MANIFEST["reports"])
    raw = harvested.db.parent / "raw"
    for url, sha, status, content_type, size in rows:
        assert status == 200, url
        assert content_type, url
        stored = [p for p in (raw / sha[:2]).iterdir() if p.name.startswith(sha)]
        assert len(stored) == 1, url
        body = stored[0].read_bytes()
        assert hashlib.sha256(body).hexdigest() == sha and len(body) == size
    pages = {r["page_url"] for r in MANIFEST["reports"]}
    archived = {u for (u,) in harvested.query("SELECT url FROM document_urls")}
    assert pages <= archived  # the detail pages of attachment reports are kept too


def test_a_harvest_cannot_run_without_cassettes(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = nianbao("harvest", "--db", str(tmp_path / "nb.db"), "--replay", str(tmp_path / "empty"))
    assert done.returncode == 2
    assert "no cassettes" in done.stderr
    assert not (tmp_path / "nb.db").exists()  # checked before a run is opened: nothing recorded


def test_unknown_portal_is_a_usage_error(tmp_path: Path) -> None:
    done = nianbao("harvest", "--db", str(tmp_path / "nb.db"), "--portal", "nowhere")
    assert done.returncode == 2
    assert "no portal spider named 'nowhere'" in done.stderr


def test_a_held_lock_stops_a_second_harvest(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    with harvest_lock(db, purpose="test"):
        done = nianbao("harvest", "--db", str(db), "--portal", "qsq")
    assert done.returncode == 75
    assert "harvest lock" in done.stderr


def test_one_portal_only(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    done = nianbao("harvest", "--db", str(db), "--portal", "qsq", "--portal", "etkqq")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        assert sorted(con.execute("SELECT portal FROM reports").fetchall()) == [("etkqq",), ("qsq",)]
        assert json.loads(con.execute("SELECT portals FROM runs").fetchone()[0]) == ["qsq", "etkqq"]


# ------------------------------------------------------------------------------------------ the pipeline
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
PAGE = "https://www.example.gov.cn/nb/202401/t20240131_1.html"
BLOCK_PAGE = (
    "<html><head><title>访问被拦截</title></head><body><h1>您的访问已被拦截</h1><p>电信云堤 安全防护</p></body></html>"
).encode()
IMAGE_PAGE = (
    '<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="2023年年度报告（图解）"></head>'
    '<body><h1>2023年年度报告（图解）</h1><div class="view"><img src="a.jpg"></div></body></html>'
).encode()


@pytest.fixture
def pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A ReportPipeline on a temporary Store; parsing runs inline (no reactor thread pool in a unit test)."""
    from scrapy.utils.test import get_crawler

    import crawler.pipelines as pipelines
    from crawler.portals import spider_class

    async def inline(func: Any, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    monkeypatch.setattr(pipelines, "in_thread", inline)
    QsqSpider = spider_class("qsq")
    crawler = get_crawler(QsqSpider, settings_dict={"NIANBAO_DB": str(tmp_path / "nb.db")})
    crawler.spider = QsqSpider.from_crawler(crawler)
    return pipelines.ReportPipeline.from_crawler(crawler)


def item(**fields: Any) -> Any:
    from crawler.items import ReportItem

    base: dict[str, Any] = {
        "portal": "qsq",
        "page_url": PAGE,
        "list_url": None,
        "title": "t",
        "published": None,
        "publisher": None,
        "page_body": b"",
        "page_status": 200,
        "page_content_type": "text/html; charset=utf-8",
    }
    return ReportItem(**{**base, **fields})


def process(pipeline: Any, it: Any) -> tuple[list[tuple[str, str]], list[tuple[Any, ...]], set[str]]:
    import asyncio

    asyncio.run(pipeline.process_item(it))
    db = pipeline.store.db
    errors = [(r[0], r[1]) for r in db.execute("SELECT code, url FROM errors ORDER BY id").fetchall()]
    reports = db.execute("SELECT url, page_url, title, published, publisher, source_kind FROM reports").fetchall()
    archived = {r[0] for r in db.execute("SELECT url FROM document_urls").fetchall()}
    return errors, reports, archived


def test_a_block_page_is_an_error_never_a_report(pipeline: Any) -> None:
    errors, reports, archived = process(pipeline, item(page_body=BLOCK_PAGE))
    assert errors == [("blocked", PAGE)]
    assert reports == []
    assert archived == set()  # not marked as read: the next run asks again


def test_a_page_without_a_report_is_an_error_and_is_not_fetched_again(pipeline: Any) -> None:
    errors, reports, archived = process(pipeline, item(page_body=IMAGE_PAGE))
    assert errors == [("no_report", PAGE)]
    assert reports == []
    assert archived == {PAGE}


def test_an_attachment_is_the_report_with_the_pages_metadata(pipeline: Any) -> None:
    url = "https://www.example.gov.cn/nb/202401/P1.docx"
    data = (RENDERED / "000_ac91ced63409bf38.docx").read_bytes()
    sha = pipeline.store.archive_document(url, data, content_type="application/msword", status=200, run_id=None)
    errors, reports, archived = process(
        pipeline,
        item(
            page_body=IMAGE_PAGE,
            published="2023-01-31",
            publisher="自治区人民政府办公厅",
            file_urls=[url],
            files=[
                {"url": url, "path": str(pipeline.store.archive.path(sha)), "checksum": sha, "status": "downloaded"}
            ],
        ),
    )
    assert errors == []
    assert reports == [
        (url, PAGE, "内蒙古自治区2022年政府信息公开工作年度报告", "2023-01-31", "自治区人民政府办公厅", "docx")
    ]
    assert archived == {PAGE, url}


def test_a_failed_attachment_leaves_the_page_to_be_tried_again(pipeline: Any) -> None:
    url = "https://www.example.gov.cn/nb/202401/P2.pdf"
    errors, reports, archived = process(
        pipeline,
        item(
            page_body=IMAGE_PAGE,
            file_urls=[url],
            file_errors=[{"url": url, "code": "http_404", "reason": "the attachment answered HTTP 404"}],
        ),
    )
    assert errors == [("http_404", url), ("no_report", PAGE)]
    assert reports == []
    assert archived == set()


def test_an_unreadable_attachment_is_recorded(pipeline: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    url = "https://www.example.gov.cn/nb/202401/P3.pdf"
    errors, reports, _ = process(
        pipeline,
        item(page_body=IMAGE_PAGE, file_urls=[url], files=[{"url": url, "path": str(bad), "checksum": "0" * 64}]),
    )
    assert [code for code, _ in errors] == ["corrupt", "no_report"]  # the parser's code
    assert errors[0][1] == url
    assert reports == []


def test_settings_per_mode(tmp_path: Path) -> None:
    from crawler.run import CannotRun, build_settings

    replay = build_settings("replay", db=tmp_path / "nb.db", replay_dir=CASSETTES)
    assert replay["DOWNLOAD_HANDLERS"]["https"] == "crawler.replay.ReplayDownloadHandler"
    assert replay.getbool("ROBOTSTXT_OBEY") is False
    assert replay.getfloat("DOWNLOAD_DELAY") == 0
    live = build_settings("live", db=tmp_path / "nb.db")
    assert live.getbool("ROBOTSTXT_OBEY") is True
    assert live.getbool("AUTOTHROTTLE_ENABLED") is True
    assert live.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert live.getfloat("DOWNLOAD_DELAY") == 1.0
    assert "nianbao" in live["USER_AGENT"] and "+http" in live["USER_AGENT"]
    assert "https" not in (live.getdict("DOWNLOAD_HANDLERS") or {})
    browser = build_settings("live", db=tmp_path / "nb.db", browser=True)
    assert browser["DOWNLOAD_HANDLERS"]["https"] == "crawler.browser.BrowserDownloadHandler"  # scrapy-playwright
    assert build_settings("live", db=tmp_path / "nb.db", obey_robots=False).getbool("ROBOTSTXT_OBEY") is False
    record = build_settings("record", db=tmp_path / "nb.db", record_dir=tmp_path / "rec")
    assert record["DOWNLOAD_HANDLERS"]["http"] == "crawler.replay.RecordingDownloadHandler"
    with pytest.raises(CannotRun):
        build_settings("replay", db=tmp_path / "nb.db", replay_dir=tmp_path / "none")


def test_requests_no_cassette_holds_are_recorded_errors(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load((CASSETTES / "nmg.yaml").read_text(encoding="utf-8"))
    first_page = "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/zfxxgknb/index.html"
    data["interactions"] = [i for i in data["interactions"] if i["request"]["uri"] == first_page]
    (tmp_path / "partial").mkdir()
    (tmp_path / "partial" / "nmg.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    db = tmp_path / "nb.db"
    done = nianbao("harvest", "--db", str(db), "--portal", "nmg", "--replay", str(tmp_path / "partial"))
    assert done.returncode == 0, done.stderr  # the crawl ran; what it could not fetch is recorded
    with sqlite3.connect(db) as con:
        misses = {r[0]: r[1] for r in con.execute("SELECT url, reason FROM errors WHERE code = 'cassette_miss'")}
        assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == 0
    column = first_page.rsplit("/", 1)[0]
    assert set(misses) == {  # a list stops at a page that fails: index_2 is never asked
        f"{column}/index_1.html",
        f"{column}/202301/t20230131_2218001.html",
        "https://www.nmg.gov.cn/xxgkml/zzqzf/zfxxgknb/gms/index.html",
    }
    assert all(url in reason for url, reason in misses.items())


def test_two_harvests_started_together_the_second_exits_at_once(tmp_path: Path) -> None:
    import time

    db = tmp_path / "nb.db"
    env = {**os.environ, "NIANBAO_REPLAY_DELAY": "1.0"}  # the first harvest is slow: still running
    cmd = [sys.executable, "-m", "nianbao.cli", "harvest", "--db", str(db), "--portal", "nmg"]
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "nb.db.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        assert first.poll() is None, "the first harvest should still be running"
        started = time.monotonic()
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        took = time.monotonic() - started
        assert second.returncode == 75
        assert "harvest lock" in second.stderr and len(second.stderr.strip().splitlines()) == 1
        # at once: it does not wait for the first, which is still running when the second has ended (the time
        # bound is loose for a loaded machine; the first harvest's replay takes far longer)
        assert took < 30
        assert first.poll() is None
    finally:
        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "new reports               3" in out

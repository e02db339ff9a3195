"""Recording: a crawl of a local portal (http.server on 127.0.0.1) writes vcrpy cassettes through vcrpy +
requests; with the server gone, a replay of those cassettes stores the same reports."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import run_nianbao
from portal_server import Page, Served, served

from crawler.exceptions import RecordingError
from crawler.replay import CassetteLibrary, record_request, vcr_request

ROOT = Path(__file__).resolve().parent.parent
RENDERED = ROOT / "tests" / "fixtures" / "rendered"
GOLD = ROOT / "tests" / "fixtures" / "gold"


def li(links: list[tuple[str, str, str]], count: int) -> bytes:
    items = "".join(f'<li><a href="{h}">{t}</a><span>{d}</span></li>' for t, h, d in links)
    return (
        f'<html><head><meta charset="utf-8"></head><body><ul>{items}</ul>'
        f"<script>var countPage = {count};</script></body></html>"
    ).encode()


def detail(title: str, body: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
        f'<meta name="PubDate" content="2024-01-25 10:00"></head><body><h1>{title}</h1>'
        f'<div class="view TRS_UEDITOR trs_paper_default">{body}</div></body></html>'
    ).encode()


PAGES: dict[str, Page] = {
    "/robots.txt": (200, "text/plain", b"User-agent: *\nAllow: /\n"),
    "/nb/index.html": (
        200,
        "text/html; charset=utf-8",
        li(
            [
                ("通辽市2021年政府信息公开工作年度报告", "./202401/t20240120_1.html", "2024-01-20"),
                ("青山区2022年政府信息公开工作年度报告", "./202401/t20240125_2.html", "2024-01-25"),
                ("关于报送2023年政府信息公开工作年度报告的通知", "./202312/t20231201_9.html", "2023-12-01"),
            ],
            2,
        ),
    ),
    "/nb/index_1.html": (
        200,
        "text/html; charset=utf-8",
        li(
            [
                ("某局2023年政府信息公开工作年度报告", "./202401/t20240126_3.html", "2024-01-26"),
            ],
            2,
        ),
    ),
    "/nb/202401/t20240120_1.html": (
        200,
        "text/html; charset=utf-8",
        (RENDERED / "004_779f9be447f66d1d.html").read_bytes(),
    ),
    "/nb/202401/t20240125_2.html": (
        200,
        "text/html; charset=utf-8",
        detail(
            "青山区2022年政府信息公开工作年度报告",
            '<p>附件：<a href="./P1.pdf">青山区2022年政府信息公开工作年度报告.pdf</a></p>',
        ),
    ),
    "/nb/202401/P1.pdf": (200, "application/pdf", (RENDERED / "003_b42612b20553a5ab.pdf").read_bytes()),
    "/nb/202401/t20240126_3.html": (
        200,
        "text/html; charset=utf-8",
        detail(
            "某局2023年政府信息公开工作年度报告",
            '<p>附件：<a href="./missing.pdf">某局2023年政府信息公开工作年度报告.pdf</a></p>',
        ),
    ),
}


@pytest.fixture
def portal() -> Iterator[Served]:
    with served(PAGES) as portal:
        yield portal


def nianbao(*args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args)


def stored(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        return {
            "reports": sorted(con.execute("SELECT url, content_hash, year, published FROM reports").fetchall()),
            "errors": sorted(con.execute("SELECT code, url FROM errors").fetchall()),
            "run": con.execute(
                "SELECT mode, list_requests, detail_requests, attachment_downloads, new_reports FROM runs"
            ).fetchall(),
        }


def test_record_then_replay(portal: Served, tmp_path: Path) -> None:
    root = portal.root
    column = f"{root}/nb/index.html"
    cassettes = tmp_path / "cassettes"
    recorded = nianbao(
        "crawl",
        column,
        "--record",
        str(cassettes),
        "--db",
        str(tmp_path / "rec.db"),
        "--portal",
        "local",
        "--delay",
        "0",
    )
    assert recorded.returncode == 0, recorded.stderr
    portal.stop()  # from here on, a live request would fail

    cassette = cassettes / "generic.yaml"
    data = yaml.safe_load(cassette.read_text(encoding="utf-8"))  # vcrpy YAML: bodies as text or !!binary
    uris = sorted(i["request"]["uri"] for i in data["interactions"])
    assert uris == sorted(f"{root}{p}" for p in [*PAGES, "/nb/202401/missing.pdf"])
    assert {i["response"]["status"]["code"] for i in data["interactions"]} == {200, 404}

    replayed = nianbao(
        "crawl", column, "--replay", str(cassettes), "--db", str(tmp_path / "replay.db"), "--portal", "local"
    )
    assert replayed.returncode == 0, replayed.stderr

    live, again = stored(tmp_path / "rec.db"), stored(tmp_path / "replay.db")
    assert live["reports"] == again["reports"]
    assert [u for u, *_ in live["reports"]] == [f"{root}/nb/202401/P1.pdf", f"{root}/nb/202401/t20240120_1.html"]
    assert (
        live["errors"]
        == again["errors"]
        == [
            ("http_404", f"{root}/nb/202401/missing.pdf"),
            ("no_report", f"{root}/nb/202401/t20240126_3.html"),
        ]
    )
    assert live["run"] == [("live", 2, 3, 2, 2)]
    assert again["run"] == [("replay", 2, 3, 2, 2)]

    with sqlite3.connect(tmp_path / "replay.db") as con:
        cells = dict(
            con.execute(
                "SELECT c.key, c.value FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.url = ?",
                [f"{root}/nb/202401/P1.pdf"],
            ).fetchall()
        )
    gold = json.loads((GOLD / "003_b42612b20553a5ab.json").read_text(encoding="utf-8"))
    assert cells == gold["cells"]


def test_record_request_writes_and_plays_back(portal: Served, tmp_path: Path) -> None:
    url = f"{portal.root}/nb/202401/P1.pdf"
    cassette = tmp_path / "one.yaml"
    first = record_request(cassette, "GET", url, headers={"User-Agent": "nianbao-test"})
    assert first["status"]["code"] == 200
    assert first["body"]["string"] == PAGES["/nb/202401/P1.pdf"][2]
    portal.stop()
    again = record_request(cassette, "GET", url)  # the cassette holds it: played back, no request made
    assert again["body"]["string"] == first["body"]["string"]
    assert CassetteLibrary(cassette).lookup(vcr_request("GET", url)) is not None


def test_recording_a_dead_server_is_an_error(tmp_path: Path) -> None:
    with served(PAGES) as portal:
        url = f"{portal.root}/nb/index.html"
    # closed: nothing listens there any more
    with pytest.raises(RecordingError) as caught:
        record_request(tmp_path / "dead.yaml", "GET", url, timeout=5)
    assert caught.value.url == url

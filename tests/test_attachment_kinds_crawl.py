"""A real crawl path for the attachment kinds an OFD or a zip brings: a local portal (a real HTTP server on
127.0.0.1) lists two reports whose detail pages only link their attachment, one an OFD (seed 004, converted by
easyofd: ``scripts/build_ofd_fixtures.py``), one a zip holding the report beside a read-me (seed 003's PDF, zipped
by Info-ZIP: ``scripts/build_zip_fixtures.py``). ``nianbao crawl`` fetches both, stores them under their own kind,
reads them to the seeds' hand-read gold, and ``nianbao reparse`` reads them again to the same reports."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, run_nianbao
from portal_server import Page, Served, served

OFD_STEM, ZIP_STEM = "004_779f9be447f66d1d", "003_b42612b20553a5ab"
OFD_TITLE, ZIP_TITLE = "通辽市2021年政府信息公开工作年度报告", "青山区2022年政府信息公开工作年度报告"


def detail(title: str, link: str, label: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
        f'<meta name="PubDate" content="2023-01-20 10:00"></head><body><h1>{title}</h1>'
        f'<div class="view TRS_UEDITOR trs_paper_default"><p>附件：<a href="{link}">{label}</a></p></div></body></html>'
    ).encode()


@pytest.fixture(scope="module")
def portal() -> Iterator[Served]:
    ofd = (FIXTURES / "ofd" / f"{OFD_STEM}.easyofd.ofd").read_bytes()
    archive = (FIXTURES / "zip" / "report-and-readme.zip").read_bytes()
    pages: dict[str, Page] = {
        "/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
        "/nb/index.html": (
            "text/html; charset=utf-8",
            (
                '<html><head><meta charset="utf-8"></head><body><ul>'
                f'<li><a href="./202301/t20230120_1.html">{OFD_TITLE}</a><span>2022-01-20</span></li>'
                f'<li><a href="./202301/t20230121_2.html">{ZIP_TITLE}</a><span>2023-01-21</span></li>'
                "</ul></body></html>"
            ).encode(),
        ),
        "/nb/202301/t20230120_1.html": (
            "text/html; charset=utf-8",
            detail(OFD_TITLE, "./P020230120.ofd", f"{OFD_TITLE}.ofd"),
        ),
        "/nb/202301/t20230121_2.html": (
            "text/html; charset=utf-8",
            detail(ZIP_TITLE, "./P020230121.zip", f"{ZIP_TITLE}.zip"),
        ),
        # what portals send for these: OFD's own type, and a zip as bytes of no particular kind
        "/nb/202301/P020230120.ofd": ("application/ofd", ofd),
        "/nb/202301/P020230121.zip": ("application/octet-stream", archive),
    }
    with served(pages) as portal:
        yield portal


def nianbao(*args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args, timeout=600)


def test_an_ofd_and_a_zip_attachment_are_harvested_to_reports(portal: Served, tmp_path: Path) -> None:
    root, asked = portal.root, portal.asked
    db = tmp_path / "nianbao.db"
    run = nianbao("crawl", f"{root}/nb/index.html", "--db", str(db), "--portal", "local", "--delay", "0")
    assert run.returncode == 0, run.stderr[-3000:]
    assert asked.get("/nb/202301/P020230120.ofd") == 1 and asked.get("/nb/202301/P020230121.zip") == 1
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT r.id, r.url, d.kind, r.source_kind FROM reports r JOIN documents d ON d.sha256 = r.document_sha256"
        ).fetchall()
        found = {url.rsplit("/", 1)[1]: (rid, kind, source) for rid, url, kind, source in rows}
        cells = {
            name: dict(con.execute("SELECT key, value FROM cells WHERE report_id = ?", [rid]).fetchall())
            for name, (rid, _, _) in found.items()
        }
        errors = con.execute("SELECT code, url FROM errors").fetchall()
    assert {name: (kind, source) for name, (_, kind, source) in found.items()} == {
        "P020230120.ofd": ("ofd", "ofd"),
        "P020230121.zip": ("zip", "pdf"),  # the zip is stored as it came; the report read is its PDF member
    }
    assert errors == []
    for name, stem in (("P020230120.ofd", OFD_STEM), ("P020230121.zip", ZIP_STEM)):
        gold = json.loads((FIXTURES / "gold" / f"{stem}.json").read_text(encoding="utf-8"))["cells"]
        off = {k: (v, cells[name].get(k)) for k, v in gold.items() if cells[name].get(k) != v}
        assert not off, (name, off)

    again = nianbao("reparse", "--db", str(db), "--json")
    assert again.returncode == 0, again.stderr[-2000:]
    assert json.loads(again.stdout)["unchanged"] == 2

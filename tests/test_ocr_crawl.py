"""A real crawl path: a detail page whose report is a column of ``<img>`` pages is harvested to a report.

A local portal (a real HTTP server on 127.0.0.1) lists two reports: one published as four page images (seed
001, printed at 200 dpi by ``scripts/build_scans.py``: two pages committed under ``tests/fixtures/scans/``,
the others printed here) and an infographic (图解) of two images, which is never requested. ``nianbao crawl``
fetches the page images as the report's attachments, reads them as one document in page order (OCR), and
stores it; ``nianbao reparse`` reads the stored bundle again to the same report.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_nianbao
from portal_server import Page, Served, served

from crawler.page_images import page_image_urls

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
STEM = "001_641fc7d161c03c36"
TITLE = "鄂托克前旗2022年政府信息公开工作年度报告"


def page_images() -> list[bytes]:
    committed = [(FIXTURES / "scans" / f"{STEM}-200-clean-p{i}.png").read_bytes() for i in (1, 2)]
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is needed to print the seed's other pages")
    from test_ocr_corpus import build_scans

    printed = build_scans().build(STEM, 200, "clean").pages
    assert printed[:2] == committed  # the committed pages are the printed ones
    return list(printed)


def detail(title: str, body: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
        f'<meta name="PubDate" content="2023-01-20 10:00"></head><body><h1>{title}</h1>'
        f'<div class="view TRS_UEDITOR trs_paper_default">{body}</div></body></html>'
    ).encode()


def img_column(names: list[str]) -> str:
    return "".join(f'<p style="text-align:center"><img src="./{n}" width="800" alt=""></p>' for n in names)


@pytest.fixture(scope="module")
def portal() -> Iterator[Served]:
    images = page_images()
    names = [f"W02023012000{i}.png" for i in range(1, len(images) + 1)]
    pages: dict[str, Page] = {
        "/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
        "/nb/index.html": (
            "text/html; charset=utf-8",
            (
                '<html><head><meta charset="utf-8"></head><body><ul>'
                f'<li><a href="./202301/t20230120_1.html">{TITLE}</a><span>2023-01-20</span></li>'
                '<li><a href="./202301/t20230121_2.html">2022年政府信息公开工作年度报告（图解）</a>'
                "<span>2023-01-21</span></li></ul></body></html>"
            ).encode(),
        ),
        "/nb/202301/t20230120_1.html": ("text/html; charset=utf-8", detail(TITLE, img_column(names))),
        "/nb/202301/t20230121_2.html": (
            "text/html; charset=utf-8",
            detail("2022年政府信息公开工作年度报告（图解）", img_column(names[:2])),
        ),
    }
    pages.update({f"/nb/202301/{n}": ("image/png", data) for n, data in zip(names, images, strict=True)})
    with served(pages) as portal:
        yield portal


def nianbao(*args: str) -> subprocess.CompletedProcess[str]:
    return run_nianbao(*args, timeout=600)


def test_page_images_are_found_in_page_order_and_only_where_they_are_the_report() -> None:
    url = "https://www.example.gov.cn/nb/202301/t20230120_1.html"
    body = detail(TITLE, img_column(["a.jpg", "b.jpg"]) + '<img src="/logo.png" width="40">')
    assert page_image_urls(body, url, TITLE) == [
        "https://www.example.gov.cn/nb/202301/a.jpg",
        "https://www.example.gov.cn/nb/202301/b.jpg",
    ]
    assert page_image_urls(detail(TITLE, img_column(["a.jpg"])), url, TITLE) == []  # one image: no report
    assert page_image_urls(body, url, "2022年年度报告（图解）") == []  # an infographic
    prose = "<p>" + "本机关依法公开政府信息。" * 60 + "</p>"
    assert page_image_urls(detail(TITLE, prose + img_column(["a.jpg", "b.jpg"])), url, TITLE) == []


def test_a_column_of_page_images_is_harvested_to_a_report(portal: Served, tmp_path: Path) -> None:
    root, asked = portal.root, portal.asked
    db = tmp_path / "nianbao.db"
    run = nianbao("crawl", f"{root}/nb/index.html", "--db", str(db), "--portal", "local", "--delay", "0")
    assert run.returncode == 0, run.stderr[-3000:]
    assert all(asked.get(f"/nb/202301/W02023012000{i}.png") for i in range(1, 5))  # fetched as attachments
    with sqlite3.connect(db) as con:
        reports = con.execute("SELECT id, url, document_sha256, year FROM reports").fetchall()
        assert [(u, y) for _, u, _, y in reports] == [(f"{root}/nb/202301/t20230120_1.html", 2022)]
        report_id, _, sha, _ = reports[0]
        cells = dict(con.execute("SELECT key, value FROM cells WHERE report_id = ?", [report_id]).fetchall())
        doc = con.execute("SELECT first_url, content_type FROM documents WHERE sha256 = ?", [sha]).fetchone()
        errors = con.execute("SELECT code, url FROM errors").fetchall()
    assert doc == (f"{root}/nb/202301/t20230120_1.html#page-images", "image/tiff")
    gold = json.loads((FIXTURES / "gold" / f"{STEM}.json").read_text(encoding="utf-8"))["cells"]
    right = sum(1 for k, v in gold.items() if k in cells and cells[k] == v)
    assert right >= 0.98 * len(gold)
    # the infographic is not a report link: never requested, nothing recorded
    assert errors == [] and not asked.get("/nb/202301/t20230121_2.html")

    again = nianbao("reparse", "--db", str(db), "--json")
    assert again.returncode == 0, again.stderr[-2000:]
    assert json.loads(again.stdout)["unchanged"] == 1  # the bundle reads again to the same report

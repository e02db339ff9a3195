"""Test databases built the way the harvest builds them: real seeds archived and parsed, then saved.

``build_seed_store(db_path)`` archives the five bundled seeds (``tests/fixtures/seeds``) under portal URLs
and saves each one's parse (``nianbao.reparse.parse_document``, the harvest's call) with
``Store.save_report``. ``variant(data, ...)`` makes another real-looking document from a seed (another year,
another publication date) so coverage and cross-year tests have several years of one publisher.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from nianbao.reparse import ParseFn, merge_page_metadata, parse_document
from storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "gold").glob("*.json"))}
PORTAL = "seeds"


def seed_url(stem: str) -> str:
    return f"https://www.example.gov.cn/zwgk/ndbg/{stem}.txt"


def save_document(
    store: Store,
    url: str,
    data: bytes,
    *,
    portal: str = PORTAL,
    run_id: int | None = None,
    parse_fn: ParseFn = parse_document,
    page: dict[str, str] | None = None,
) -> int:
    """Archive and save one document as ``crawler.pipelines`` does (``page``: what the portal page says)."""
    sha = store.archive_document(url, data, content_type="text/plain", status=200, run_id=run_id)
    page_url = url.rsplit(".", 1)[0] + ".html"
    report = parse_fn(data, url)
    merge_page_metadata(report, page or {}, page_url)
    report_id, _ = store.save_report(
        portal=portal, url=url, page_url=page_url, report=report, document_sha256=sha, run_id=run_id
    )
    return report_id


def build_seed_store(db_path: Path, parse_fn: ParseFn = parse_document) -> Store:
    """A store holding the five seeds (one replay run), each archived and saved as the harvest does."""
    store = Store(db_path)
    run_id = store.start_run("replay", [PORTAL])
    for seed in SEEDS:
        save_document(store, seed_url(seed.stem), seed.read_bytes(), run_id=run_id, parse_fn=parse_fn)
    store.finish_run(run_id)
    return store


def variant(
    data: bytes,
    *,
    year: int | None = None,
    published: str | None = None,
    year_from: int = 2021,
    published_from: str = "2022-03-08",
) -> bytes:
    """A seed moved to another year and/or publication date (defaults: seed 004, 通辽市 2021, 2022-03-08)."""
    text = data.decode("utf-8").replace(published_from, "\0")
    if year is not None:
        text = text.replace(str(year_from), str(year))
    return text.replace("\0", published or published_from).encode("utf-8")


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Everything a reparse may touch, for before/after comparisons."""
    tables = {
        "reports": "SELECT * FROM reports ORDER BY id",
        "cells": "SELECT * FROM cells ORDER BY report_id, key",
        "sections": "SELECT * FROM sections ORDER BY report_id, number",
        "checks": "SELECT * FROM checks ORDER BY report_id, name",
        "warnings": "SELECT * FROM warnings ORDER BY report_id, rowid",
    }
    return {name: store.db.execute(sql).fetchall() for name, sql in tables.items()}


BASE = "https://www.example.gov.cn/zwgk/ndbg/"


def build_multi_year_store(db_path: Path) -> Store:
    """The seeds plus variants: 通辽市 2020 (on time), 2021 (the seed, late), 2022 (on the deadline);
    内蒙古自治区 2018 (legacy), 2021 (a variant of seed 000) and 2022 (seed 000, its page dated 2023-01-20)."""
    build_seed_store(db_path).close()
    store = Store(db_path)
    tongliao, neimenggu = SEEDS[4].read_bytes(), SEEDS[0].read_bytes()
    save_document(store, BASE + "tl2020.txt", variant(tongliao, year=2020, published="2021-01-15"))
    save_document(store, BASE + "tl2022.txt", variant(tongliao, year=2022, published="2023-01-31"))
    save_document(store, BASE + "nmg2021.txt", variant(neimenggu, year=2021, year_from=2022))
    # seed 000 itself states no date; the portal page gave one (the harvest merges it)
    store.db.execute("DELETE FROM reports WHERE url = ?", [seed_url("000_ac91ced63409bf38")])
    save_document(store, seed_url("000_ac91ced63409bf38"), neimenggu, page={"published": "2023-01-20"})
    return store


def harvest(db_path: Path) -> subprocess.CompletedProcess[str]:
    """``nianbao harvest`` into ``db_path``, replaying the bundled cassettes (no request leaves the machine)."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "nianbao.cli", "harvest", "--db", str(db_path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

"""The review verdict travels: stored on the report, counted by ``nianbao summary``, exported, and older
databases gain the column."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import snippets as s
from seed_store import save_document

from nianbao.export import export
from storage.store import Store
from storage.summary import format_summary


def _store_three(store: Store) -> None:
    clean = s.report().encode()
    rows = s.default_rows()
    rows["results_total"] = [5, 1, 0, 0, 1, 0, 9]  # a wrong published total
    broken = s.report(apps=s.app_table(rows)).encode()
    fuzzy = s.report().replace("5.属于三类内部事务信息", "5.属于三类内部亊务信怠").encode()
    for name, data in (("clean", clean), ("broken", broken), ("fuzzy", fuzzy)):
        save_document(store, f"https://www.example.gov.cn/ndbg/{name}.txt", data)


def test_verdict_is_stored_summarised_and_exported(tmp_path: Path) -> None:
    with Store(tmp_path / "nianbao.db") as store:
        _store_three(store)
        got = dict(store.db.execute("SELECT url, review FROM reports").fetchall())
        assert {u.rsplit("/", 1)[1]: v for u, v in got.items()} == {
            "clean.txt": "none",
            "broken.txt": "required",
            "fuzzy.txt": "suggested",
        }
        summary = store.summary()
        assert {k: summary["review"][k] for k in ("none", "suggested", "required")} == {
            "none": 1,
            "suggested": 1,
            "required": 1,
        }
        text = format_summary(summary)
        assert "Review verdict" in text and "required" in text
        export(store.db, tmp_path / "out", ("jsonl",))
    reports = [json.loads(ln) for ln in (tmp_path / "out" / "reports.jsonl").read_text().splitlines()]
    assert sorted(r["review"] for r in reports) == ["none", "required", "suggested"]
    cell = json.loads((tmp_path / "out" / "cells.jsonl").read_text().splitlines()[0])
    assert cell["review"] in ("none", "required", "suggested")


def test_a_database_made_before_the_verdict_gains_the_column(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE reports DROP COLUMN review")
    con.commit()
    con.close()
    with Store(db) as store:
        assert "review" in store.db["reports"].columns_dict

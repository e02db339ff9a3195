"""A report's history (storage/history.py): first stored, rewritten, restamped, with what changed."""

from __future__ import annotations

from pathlib import Path

from seed_store import SEEDS, build_seed_store, seed_url

from nianbao.reparse import parse_document, reparse
from parsers import PARSER_VERSION
from parsers.model import Cell, Report
from storage.history import history

TARGET = SEEDS[3].stem  # 青山区 2022


def test_new_changed_and_restamped(tmp_path: Path) -> None:
    with build_seed_store(tmp_path / "h.db") as store:
        rid, sha = store.db.execute(
            "SELECT id, document_sha256 FROM reports WHERE url = ?", [seed_url(TARGET)]
        ).fetchone()
        first = history(store.db, rid)
        assert [h["status"] for h in first] == ["new"]
        assert first[0]["changes"]["cells"] == 200 and first[0]["previous_hash"] is None

        # the same URL read again, one cell different and an identity now failing
        report: Report = parse_document(SEEDS[3].read_bytes(), seed_url(TARGET))
        key = "applications/new_received/natural_person"
        report.cells[key] = Cell(key, 14, "14", report.cells[key].where)
        for check in report.checks:
            if key in check.left_keys + check.right_keys and check.name.endswith("new_received"):
                check.passed = False
        store.save_report(
            portal="seeds", url=seed_url(TARGET), page_url=None, report=report, document_sha256=sha, run_id=None
        )
        changed = history(store.db, rid)[-1]
        assert changed["status"] == "changed" and changed["previous_hash"] == first[0]["content_hash"]
        assert changed["changes"]["cells_modified"] == [[key, 13, 14]]
        assert changed["changes"]["checks_now_failing"] == ["applications/row_total/new_received"]
        assert "cells_added" not in changed["changes"]

        # a re-parse under a new parser version that reads every report as before: restamped, nothing else
        newer_version = str(int(PARSER_VERSION) + 1)  # (a fixed "99" was the current version itself from version 99 on)

        def newer(data: bytes, url: str) -> Report:
            parsed = parse_document(data, url)
            parsed.metadata["parser_version"] = newer_version
            return parsed

        result = reparse(store, workers=1, parse_fn=newer)
        assert result.restamped == 4 and result.changed == 1  # the one changed above is read back as it was
        others = store.db.execute("SELECT id FROM reports WHERE id != ?", [rid]).fetchall()
        for (other,) in others:
            entries = history(store.db, other)
            assert [h["status"] for h in entries] == ["new", "restamped"]
            assert (
                entries[1]["parser_version"] == newer_version and entries[1]["previous_parser_version"] != newer_version
            )
            assert entries[1]["run_id"] == result.run_id
        back = history(store.db, rid)[-1]
        assert back["status"] == "changed" and back["changes"]["cells_modified"] == [[key, 14, 13]]
        assert back["changes"]["checks_now_passing"] == ["applications/row_total/new_received"]
        # deleting a report deletes its history
        store.db.execute("DELETE FROM reports WHERE id = ?", [rid])
        assert history(store.db, rid) == []

"""Storage: the raw archive, one-transaction report saves, errors, and the summary/errors commands."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nianbao.cli import main
from parsers import parse
from parsers.model import Cell, Check, Report, Section, Warning_, Where
from storage.archive import RawArchive, sanitise_ext
from storage.store import Store, split_key
from storage.summary import format_summary

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = sorted((FIXTURES / "gold").glob("*.json"))
SEED_004 = FIXTURES / "seeds" / "004_779f9be447f66d1d.txt"


def gold_report(path: Path) -> Report:
    """A Report carrying a gold file's metadata and cells (what a correct parse produces)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    cells = {}
    for i, (key, value) in enumerate(gold["cells"].items()):
        where = Where(offset=10 * i, end=10 * i + 3, page=1, table=0, row=i, col=1)
        cells[key] = Cell(key=key, value=value, raw="" if value is None else str(value), where=where)
    report = Report(metadata={**gold["metadata"], "parser_version": "test"}, text="", cells=cells)
    report.sections = [Section(1, "一、总体情况", "text one", 0), Section(2, "二、主动公开", "text two", 9)]
    report.checks = [
        Check("ok", ["a", "b"], ["c"], 3, 3, True),
        Check("bad", ["a"], ["c"], 1, 2, False),
        Check("empty", ["x"], ["y"], 0, 0, True, blank=True),
    ]
    report.warnings = [Warning_("glued_number", "a number glued to its label", key="x/y/z", where=Where(1, 2))]
    return report


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db" / "nianbao.db") as s:
        yield s


def rows(store: Store, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return store.db.execute(sql, params or []).fetchall()


def count(store: Store, table: str) -> int:
    return int(rows(store, f"SELECT count(*) FROM {table}")[0][0])


def save(store: Store, report: Report, run_id: int | None, url: str = "https://x.gov.cn/r/1.pdf") -> tuple[int, str]:
    sha = store.archive_document(
        url, b"%PDF-1.4 body of " + url.encode(), content_type="application/pdf", status=200, run_id=run_id
    )
    return store.save_report(
        portal="p1",
        url=url,
        page_url="https://x.gov.cn/r/1.html",
        report=report,
        document_sha256=sha,
        run_id=run_id,
    )


# -- the raw archive ---------------------------------------------------------------------------------


def test_archive_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path / "raw")
    sha, path = archive.put(b"hello", ".PDF")
    assert path == tmp_path / "raw" / sha[:2] / f"{sha}.pdf"
    assert archive.get(sha) == b"hello" and archive.has(sha) and archive.path(sha) == path
    assert archive.put(b"hello", ".html") == (sha, path)  # stored once, under its first name
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp files left
    assert not archive.has("0" * 64)
    with pytest.raises(KeyError):
        archive.get("0" * 64)
    with pytest.raises(ValueError):
        archive.path("../etc/passwd")


def test_archive_extension_cannot_escape_root(tmp_path: Path) -> None:
    assert sanitise_ext("../../x/evil") == ".xevil"
    assert sanitise_ext("") == "" and sanitise_ext(".tar.gz") == ".targz"
    assert len(sanitise_ext("." + "a" * 40)) == 8
    _, path = RawArchive(tmp_path / "raw").put(b"x", "/../../../tmp/e")
    assert path.resolve().is_relative_to((tmp_path / "raw").resolve())


def test_same_bytes_under_many_urls_is_one_document(store: Store) -> None:
    run = store.start_run("replay", ["p1"])
    a = store.archive_document(
        "https://a/1", b"<html><body>x</body></html>", content_type="text/html", status=200, run_id=run
    )
    b = store.archive_document(
        "https://a/2", b"<html><body>x</body></html>", content_type="text/html", status=200, run_id=run
    )
    assert a == b
    assert count(store, "documents") == 1 and count(store, "document_urls") == 2
    assert rows(store, "SELECT kind, first_url, size FROM documents") == [("html", "https://a/1", 27)]
    assert len(list(store.archive.root.rglob("*.html"))) == 1
    # a URL maps to its latest bytes
    c = store.archive_document("https://a/1", b"%PDF-1.7 new", content_type="application/pdf", status=200, run_id=run)
    assert c != a and count(store, "documents") == 2
    doc = store.document_for_url("https://a/1")
    assert doc is not None and doc["sha256"] == c and doc["kind"] == "pdf"
    assert Path(doc["path"]).read_bytes() == b"%PDF-1.7 new"
    assert store.document_for_url("https://nowhere") is None


# -- reports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_cells_round_trip_gold_exactly(store: Store, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    run = store.start_run("replay", ["p1"])
    report_id, status = save(store, gold_report(gold_path), run)
    assert status == "new"
    stored = store.report_cells(report_id)
    assert stored == gold["cells"]
    nulls = {k for (k,) in rows(store, "SELECT key FROM cells WHERE value IS NULL")}
    assert nulls == {k for k, v in gold["cells"].items() if v is None}
    row = store.db.table("reports").get(report_id)
    meta = gold["metadata"]
    assert (row["region"], row["year"], row["format"], row["source_kind"]) == (
        meta["region"],
        meta["year"],
        meta["format"],
        meta["source_kind"],
    )
    assert row["published"] == meta.get("published")
    assert (row["cells_count"], row["checks_passed"], row["checks_failed"], row["warnings"]) == (
        len(gold["cells"]),
        2,
        1,
        1,
    )
    key = next(iter(gold["cells"]))
    cell = store.db.table("cells").get((report_id, key))
    assert (cell["table_name"], cell["row"], cell["col"]) == split_key(key)
    assert json.loads(cell["provenance"]) == {
        "offset": 0,
        "end": 3,
        "page": 1,
        "table": 0,
        "row": 0,
        "col": 1,
    }


def test_split_key() -> None:
    assert split_key("applications/withheld.state_secret/total") == (
        "applications",
        "withheld.state_secret",
        "total",
    )
    assert split_key("legacy/active_total/value") == ("legacy", "active_total", "value")


def test_round_trip_a_parsed_seed(store: Store) -> None:
    gold = json.loads((FIXTURES / "gold" / f"{SEED_004.stem}.json").read_text(encoding="utf-8"))
    report = parse(SEED_004.read_bytes(), "x.txt")
    report_id, status = save(store, report, store.start_run("reparse"))
    assert status == "new"
    assert store.report_cells(report_id) == {k: c.value for k, c in report.cells.items()} == gold["cells"]
    nulls = rows(store, "SELECT count(*) FROM cells WHERE value IS NULL")[0][0]
    assert nulls == sum(v is None for v in gold["cells"].values())
    assert count(store, "sections") == len({s.number for s in report.sections})
    assert count(store, "checks") == len(report.checks)
    row = store.db.table("reports").get(report_id)
    assert (row["region"], row["year"], row["published"]) == ("通辽市", 2021, "2022-03-08")
    # a fresh parse of the same bytes is the same report
    again = parse(SEED_004.read_bytes(), "x.txt")
    assert save(store, again, None) == (report_id, "unchanged")


def test_resave_unchanged_touches_nothing(store: Store) -> None:
    run = store.start_run("replay", ["p1"])
    report = gold_report(GOLD[0])
    report_id, _ = save(store, report, run)
    before = rows(store, "SELECT rowid, * FROM cells ORDER BY rowid")
    report_row = store.db.table("reports").get(report_id)
    changes = store.db.conn.total_changes
    again_id, status = save(store, gold_report(GOLD[0]), run)
    assert (again_id, status) == (report_id, "unchanged")
    assert rows(store, "SELECT rowid, * FROM cells ORDER BY rowid") == before
    assert store.db.table("reports").get(report_id) == report_row
    # the only writes: document_urls' fetched_at upsert (archive_document) and the run counter
    assert store.db.conn.total_changes - changes == 2
    run_row = store.get_run(run)
    assert run_row is not None and (run_row["new_reports"], run_row["unchanged_reports"]) == (1, 1)


def test_changed_save_replaces_child_rows(store: Store) -> None:
    run = store.start_run("replay", ["p1"])
    report = gold_report(GOLD[3])
    report_id, _ = save(store, report, run)
    first = store.db.table("reports").get(report_id)
    changed = gold_report(GOLD[3])
    gone = next(iter(changed.cells))
    del changed.cells[gone]
    changed.cells["active/fees/amount"].value = 1.5
    changed.warnings = []
    changed.sections = changed.sections[:1]
    new_id, status = save(store, changed, run)
    assert (new_id, status) == (report_id, "changed")
    assert store.report_cells(report_id) == {k: c.value for k, c in changed.cells.items()}
    assert gone not in store.report_cells(report_id)
    assert count(store, "warnings") == 0 and count(store, "sections") == 1 and count(store, "checks") == 3
    row = store.db.table("reports").get(report_id)
    assert row["first_stored"] == first["first_stored"] and row["content_hash"] != first["content_hash"]
    assert row["cells_count"] == len(changed.cells) and row["warnings"] == 0
    assert count(store, "reports") == 1


def test_crash_mid_save_leaves_no_half_written_report(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    run = store.start_run("replay", ["p1"])

    def boom(report_id: int, report: Report) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_warnings", boom)
    with pytest.raises(RuntimeError):
        save(store, gold_report(GOLD[0]), run)
    for table in ("reports", "cells", "sections", "checks", "warnings"):
        assert count(store, table) == 0, table
    run_row = store.get_run(run)
    assert run_row is not None and run_row["new_reports"] == 0
    assert not store.db.conn.in_transaction

    # a failed "changed" save keeps the previous version whole
    monkeypatch.undo()
    report_id, _ = save(store, gold_report(GOLD[0]), run)
    before = store.report_cells(report_id)
    monkeypatch.setattr(store, "_insert_warnings", boom)
    changed = gold_report(GOLD[0])
    changed.cells["active/fees/amount"].value = 99.0
    with pytest.raises(RuntimeError):
        save(store, changed, run)
    assert store.report_cells(report_id) == before
    assert count(store, "warnings") == 1 and count(store, "sections") == 2


def test_foreign_keys_are_enforced(store: Store) -> None:
    assert rows(store, "PRAGMA foreign_keys") == [(1,)]
    assert rows(store, "PRAGMA journal_mode") == [("wal",)]
    with pytest.raises(sqlite3.IntegrityError):
        store.save_report(
            portal="p",
            url="u",
            page_url=None,
            report=gold_report(GOLD[0]),
            document_sha256="f" * 64,
            run_id=None,
        )
    assert count(store, "reports") == 0 and count(store, "cells") == 0


def test_known_urls_and_archived_reports(store: Store) -> None:
    run = store.start_run("live", "p1")
    save(store, gold_report(GOLD[0]), run, url="https://x/1.pdf")
    save(store, gold_report(GOLD[1]), run, url="https://x/2.pdf")
    assert store.known_report_urls() == {"https://x/1.pdf", "https://x/2.pdf"}
    assert store.known_report_urls("p1") == store.known_report_urls() and store.known_report_urls("p2") == set()
    assert store.has_report("https://x/1.pdf") and not store.has_report("https://x/3.pdf")
    archived = list(store.iter_archived_reports())
    assert [r["url"] for r in archived] == ["https://x/1.pdf", "https://x/2.pdf"]
    assert Path(archived[0]["path"]).read_bytes() == b"%PDF-1.4 body of https://x/1.pdf"
    assert archived[0]["kind"] == "pdf" and archived[0]["parser_version"] == "test"


# -- runs, errors, summary -----------------------------------------------------------------------


def test_runs_and_counters(store: Store) -> None:
    with pytest.raises(ValueError):
        store.start_run("sometimes", [])
    run = store.start_run("replay", ["p1", "p2"])
    store.bump(run, "requests", 5)
    store.bump(run, "list_requests")
    with pytest.raises(ValueError):
        store.bump(run, "requests; DROP TABLE runs")
    with pytest.raises(ValueError):
        store.finish_run(run, bogus=1)
    store.finish_run(run, detail_requests=3, note="ok")
    row = store.get_run(run)
    assert row is not None
    assert (row["requests"], row["list_requests"], row["detail_requests"]) == (5, 1, 3)
    assert row["status"] == "finished" and row["finished"] and row["portals"] == ["p1", "p2"]
    assert store.latest_run_id() == run


def populate(store: Store) -> int:
    run = store.start_run("replay", ["p1", "p2"])
    store.bump(run, "requests", 12)
    store.bump(run, "attachment_downloads", 2)
    save(store, gold_report(GOLD[0]), run, url="https://x/1.pdf")
    save(store, gold_report(GOLD[2]), run, url="https://x/2.pdf")
    store.record_error(
        run_id=run, portal="p2", url="https://y/a", code="http_404", reason="Not Found", evidence="status 404"
    )
    store.record_error(run_id=run, portal="p2", url="https://y/b", code="http_404", reason="Not Found")
    store.record_error(
        run_id=run,
        portal="p1",
        url="https://x/9.doc",
        code="unreadable",
        reason="corrupt zip container",
        evidence="x" * 2000,
    )
    store.finish_run(run)
    return run


def test_record_error_and_summary(store: Store) -> None:
    old = store.start_run("live", ["p2"])
    store.record_error(run_id=old, portal="p2", url="https://old", code="timeout", reason="slow")
    run = populate(store)
    assert count(store, "errors") == 4
    assert len(rows(store, "SELECT evidence FROM errors WHERE code = 'unreadable'")[0][0]) == 500
    summary = store.summary()
    assert summary["run"]["id"] == run and summary["run"]["errors"] == 3
    assert summary["reports"]["by_portal_year"] == {"p1": {"2018": 1, "2022": 1}}
    assert summary["checks"] == {
        "passed": 4,
        "failed": 2,
        "reports_with_failures": 2,
        "by_portal": {"p1": {"passed": 4, "failed": 2, "reports_with_failures": 2}},
    }
    assert summary["errors"]["by_portal"] == {"p1": {"unreadable": 1}, "p2": {"http_404": 2}}
    assert store.summary(old)["errors"]["by_code"] == {"timeout": 1}
    json.dumps(summary)
    text = format_summary(summary)
    for needle in (
        "Reports per portal and year",
        "2018",
        "2022",
        "http_404",
        "unreadable",
        "attachment downloads",
        "unchanged reports",
        f"Run {run} (replay, finished)",
    ):
        assert needle in text


def test_summary_of_an_empty_database(store: Store) -> None:
    text = format_summary(store.summary())
    assert "No runs recorded." in text and "Reports: none stored." in text


def test_summary_and_errors_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nianbao.db"
    with Store(db) as store:
        run = populate(store)
    assert main(["summary", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Reports per portal and year" in out and "http_404" in out
    assert main(["summary", "--db", str(db), "--run", str(run), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["errors"]["total"] == 3
    assert main(["summary", "--db", str(db), "--run", "99"]) == 2
    assert "no run 99" in capsys.readouterr().err

    assert main(["errors", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "3 error(s) (run 1)" in out
    assert "[http_404] Not Found (2)" in out and "https://y/a  (status 404)" in out and "https://y/b" in out
    assert out.index("p1:") < out.index("[unreadable]") < out.index("p2:") < out.index("[http_404]")
    assert main(["errors", "--db", str(db), "--portal", "p1"]) == 0
    out = capsys.readouterr().out
    assert "https://x/9.doc" in out and "https://y/a" not in out


def test_commands_refuse_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    for command in ("summary", "errors"):
        assert main([command, "--db", str(missing)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no database at" in err
    assert not missing.exists()

"""nianbao reparse: offline, parallel, and it changes exactly the reports whose parse changed."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from seed_store import SEEDS, build_seed_store, harvest, save_document, seed_url, snapshot, variant

from nianbao import exitcodes
from nianbao.cli import main
from nianbao.reparse import document_name, parse_document, reparse
from parsers import PARSER_VERSION, UnreadableDocument
from parsers.model import Report
from storage.store import Store

TARGET = seed_url("003_b42612b20553a5ab")
BROKEN = seed_url("001_641fc7d161c03c36")
CHANGED_KEY = "applications/new_received/total"


# Parse functions handed to the worker processes: module-level so they pickle by reference.
def parser_with_one_difference(data: bytes, url: str) -> Report:
    """The "parser after a change": it alters exactly one cell of exactly one report (seed 003)."""
    report = parse_document(data, url)
    if url == TARGET:
        cell = report.cells[CHANGED_KEY]
        cell.value = (cell.value or 0) + 1000
    return report


def parser_with_new_version(data: bytes, url: str) -> Report:
    report = parse_document(data, url)
    report.metadata["parser_version"] = "2-test"
    return report


def parser_that_crashes_on_one(data: bytes, url: str) -> Report:
    if url == BROKEN:
        os._exit(3)  # a worker dying as if a native PDF library had crashed
    return parse_document(data, url)


def parser_that_fails_on_one(data: bytes, url: str) -> Report:
    if url == BROKEN:
        raise UnreadableDocument("the test parser refuses this one", code="encrypted")
    return parse_document(data, url)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with build_seed_store(tmp_path / "nianbao.db") as s:
        yield s


def test_document_name_is_the_url_file_name() -> None:
    assert document_name("https://a.gov.cn/x/2022%E5%B9%B4.pdf?x=1") == "2022年.pdf"
    assert document_name("https://a.gov.cn/") is None


def test_unchanged_parser_changes_nothing_on_all_cores(store: Store) -> None:
    before = snapshot(store)
    result = reparse(store, workers=2)
    assert (result.examined, result.unchanged, result.restamped, result.changed, result.failed) == (5, 5, 0, 0, 0)
    assert result.cells_changed == 0 and result.workers == 2
    assert snapshot(store) == before
    run = store.get_run(result.run_id or 0)
    assert run is not None and run["mode"] == "reparse" and run["status"] == "finished"
    assert run["unchanged_reports"] == 5 and run["changed_reports"] == 0


def test_parser_change_updates_exactly_the_affected_report_and_twice_changes_nothing(store: Store) -> None:
    before = snapshot(store)
    target_id = store.db.execute("SELECT id FROM reports WHERE url = ?", [TARGET]).fetchone()[0]
    old_value = store.report_cells(target_id)[CHANGED_KEY]

    result = reparse(store, workers=2, parse_fn=parser_with_one_difference)
    assert (result.examined, result.changed, result.unchanged, result.failed) == (5, 1, 4, 0)
    assert (result.cells_modified, result.cells_added, result.cells_removed) == (1, 0, 0)
    assert result.changes == [
        {
            "report_id": target_id,
            "url": TARGET,
            "parser_version": PARSER_VERSION,
            "cells_added": [],
            "cells_removed": [],
            "cells_modified": [CHANGED_KEY],
        }
    ]
    after = snapshot(store)
    assert old_value is not None and store.report_cells(target_id)[CHANGED_KEY] == old_value + 1000
    for table in ("reports", "cells", "sections", "checks", "warnings"):
        untouched_before = [r for r in before[table] if r[0] != target_id]
        untouched_after = [r for r in after[table] if r[0] != target_id]
        assert untouched_after == untouched_before, table
    changed_row = next(r for r in after["reports"] if r[0] == target_id)
    assert changed_row != next(r for r in before["reports"] if r[0] == target_id)

    again = reparse(store, workers=2, parse_fn=parser_with_one_difference)
    assert (again.changed, again.unchanged, again.cells_changed) == (0, 5, 0)
    assert snapshot(store) == after


def test_parser_version_bump_is_recorded_without_rewriting_reports(store: Store) -> None:
    before = snapshot(store)
    result = reparse(store, workers=1, parse_fn=parser_with_new_version)
    assert (result.restamped, result.changed, result.unchanged) == (5, 0, 0)
    after = snapshot(store)
    for table in ("cells", "sections", "checks", "warnings"):
        assert after[table] == before[table], table
    assert {r[0] for r in store.db.execute("SELECT parser_version FROM reports")} == {"2-test"}
    again = reparse(store, workers=1, parse_fn=parser_with_new_version)
    assert (again.unchanged, again.restamped) == (5, 0)
    # the stored hash is the harvest's: saving the same parse again is "unchanged"
    data = SEEDS[3].read_bytes()
    report = parser_with_new_version(data, TARGET)
    row = store.db.execute("SELECT page_url, document_sha256 FROM reports WHERE url = ?", [TARGET]).fetchone()
    from nianbao.reparse import merge_page_metadata

    merge_page_metadata(report, {}, row[0])
    _, status = store.save_report(
        portal="seeds", url=TARGET, page_url=row[0], report=report, document_sha256=row[1], run_id=None
    )
    assert status == "unchanged"


def test_failures_are_reported_with_reasons_and_leave_reports_as_stored(store: Store) -> None:
    missing_sha = store.db.execute("SELECT document_sha256 FROM reports WHERE url = ?", [TARGET]).fetchone()[0]
    store.archive.path(missing_sha).unlink()
    before = snapshot(store)
    result = reparse(store, workers=2, parse_fn=parser_that_fails_on_one)
    assert (result.examined, result.failed, result.unchanged, result.changed) == (5, 2, 3, 0)
    assert sorted((f["url"], f["code"]) for f in result.failures) == [(BROKEN, "encrypted"), (TARGET, "raw_missing")]
    assert snapshot(store) == before
    errors = {(e["url"], e["code"]): e["reason"] for e in store.errors(result.run_id)}
    assert errors[(BROKEN, "encrypted")] == "the test parser refuses this one"
    assert "not in the archive" in errors[(TARGET, "raw_missing")]
    run = store.get_run(result.run_id or 0)
    assert run is not None and run["status"] == "partial" and run["errors"] == 2


def test_a_dying_worker_fails_the_run_and_keeps_what_was_saved(store: Store) -> None:
    before = snapshot(store)
    with pytest.raises(BrokenProcessPool):
        reparse(store, workers=2, parse_fn=parser_that_crashes_on_one)
    run = store.get_run(store.latest_run_id() or 0)
    assert run is not None and run["mode"] == "reparse" and run["status"] == "failed"
    assert snapshot(store) == before


def test_page_metadata_from_the_harvest_survives_a_reparse(tmp_path: Path) -> None:
    with Store(tmp_path / "nianbao.db") as store:
        url = seed_url("000_ac91ced63409bf38")
        page = {"published": "2023-01-20", "title": "内蒙古自治区2022年政府信息公开工作年度报告"}
        report_id = save_document(store, url, SEEDS[0].read_bytes(), page=page)
        result = reparse(store, workers=1)
        assert (result.unchanged, result.changed) == (1, 0)
        row = store.db.execute("SELECT published, title FROM reports WHERE id = ?", [report_id]).fetchone()
        assert row == ("2023-01-20", page["title"])


def test_new_documents_of_other_years_are_reparsed_too(store: Store) -> None:
    save_document(store, "https://www.example.gov.cn/zwgk/ndbg/tl2020.txt", variant(SEEDS[4].read_bytes(), year=2020))
    result = reparse(store, workers=2)
    assert (result.examined, result.unchanged) == (6, 6)


def test_cli_reparse_json_and_exit_codes(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.db_path)
    assert main(["reparse", "--db", db, "--json", "--workers", "2"]) == exitcodes.OK
    figures = json.loads(capsys.readouterr().out)
    assert figures["examined"] == 5 and figures["changed"] == 0 and figures["cells"]["changed"] == 0
    assert main(["reparse", "--db", db]) == exitcodes.OK
    out = capsys.readouterr().out
    assert "Re-parsed 5 report(s)" in out and "reports/s" in out and "changed    0" in out
    assert main(["reparse", "--db", str(Path(db).parent / "nope.db")]) == exitcodes.USAGE


def test_cli_reparse_reports_partial_failure(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    sha = store.db.execute("SELECT document_sha256 FROM reports WHERE url = ?", [TARGET]).fetchone()[0]
    store.archive.path(sha).unlink()
    assert main(["reparse", "--db", str(store.db_path), "--workers", "1"]) == exitcodes.PARTIAL
    out = capsys.readouterr().out
    assert "[raw_missing]" in out and TARGET in out


def test_cli_reparse_refuses_while_another_process_holds_the_harvest_lock(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from nianbao.lock import harvest_lock\n"
            "with harvest_lock(sys.argv[1], purpose='harvest'):\n"
            "    print('locked', flush=True); sys.stdin.readline()",
            str(store.db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = snapshot(store)
        assert main(["reparse", "--db", str(store.db_path)]) == exitcodes.LOCKED
        err = capsys.readouterr().err
        assert "harvest lock" in err and f"pid {holder.pid}" in err
        assert snapshot(store) == before
    finally:
        holder.communicate("\n", timeout=10)
    assert main(["reparse", "--db", str(store.db_path)]) == exitcodes.OK


# -- acceptance: the database the harvest builds ---------------------------------------------------------


@pytest.fixture(scope="module")
def harvested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("harvested") / "nianbao.db"
    done = harvest(db)
    assert done.returncode == 0, done.stderr[-2000:]
    return db


def test_reparse_of_the_harvested_database_changes_nothing(harvested: Path) -> None:
    with Store(harvested) as store:
        before = snapshot(store)
        assert len(before["reports"]) >= 8
        first = reparse(store, workers=2)
        second = reparse(store, workers=2)
        assert (first.examined, first.changed, first.restamped, first.failed) == (len(before["reports"]), 0, 0, 0)
        assert (second.changed, second.failed) == (0, 0)
        assert snapshot(store) == before


def test_every_command_works_on_the_harvested_database(
    harvested: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(harvested)
    assert main(["reparse", "--db", db, "--json"]) == exitcodes.OK
    assert json.loads(capsys.readouterr().out)["changed"] == 0
    assert main(["coverage", "--db", db, "--json"]) == exitcodes.OK
    coverage = json.loads(capsys.readouterr().out)
    assert coverage["matrix"]["通辽市"]["2021"]["status"] == "late"
    assert coverage["matrix"]["内蒙古自治区"]["2022"]["status"] == "on time"
    assert main(["search", "--db", db, "--json", "政务公开"]) == exitcodes.OK
    assert len(json.loads(capsys.readouterr().out)) >= 3
    assert main(["export", "--db", db, "--out", str(tmp_path / "export")]) == exitcodes.OK
    assert "table_applications" in capsys.readouterr().out
    assert len(list((tmp_path / "export").glob("*.parquet"))) == 9


def test_the_benchmark_runs_on_a_small_archive(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "reparse.py"
    spec = importlib.util.spec_from_file_location("reparse_benchmark", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["reparse_benchmark"] = bench  # the worker processes find its parse functions by name
    spec.loader.exec_module(bench)
    assert bench.main(["--documents", "10", "--workers", "2", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 10
    runs = {(r["scenario"], r["workers"]): r for r in figures["runs"]}
    assert set(runs) == {(s, w) for s in ("unchanged", "version", "changed") for w in (1, 2)}
    assert runs[("changed", 2)]["changed"] == 10 and runs[("unchanged", 2)]["changed"] == 0

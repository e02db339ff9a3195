"""Crash safety: a harvest killed with SIGKILL mid-run, then started again.

The bundled cassettes are replayed slowly (``NIANBAO_REPLAY_DELAY``: every answer 0.4 s late) so that the
harvest is surely mid-run when it has stored its first report; it is then killed (no cleanup of any kind can
run), and harvested again at full speed. The database must pass SQLite's integrity check, hold no half-written
report, keep every report stored before the kill unchanged, end with exactly the bundle's reports and their gold
cells, and the raw archive must hold no file that no ``documents`` row references.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storage.archive import RawArchive
from storage.recovery import orphan_files
from storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
GOLD = ROOT / "tests" / "fixtures" / "gold"
MANIFEST = json.loads((CASSETTES / "manifest.json").read_text(encoding="utf-8"))
SLOW = "0.4"  # seconds added to every replayed answer


def harvest_command(db: Path) -> list[str]:
    # faulthandler on: a native crash (CI and loaded machines saw SIGABRT and SIGBUS here) leaves its trace in stderr
    return [sys.executable, "-X", "faulthandler", "-m", "nianbao.cli", "harvest", "--db", str(db)]


def reports_stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute("SELECT count(*) FROM reports").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def kill_mid_run(db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NIANBAO_REPLAY_DELAY": SLOW}
    err = db.parent / "harvest.stderr"  # kept: a native crash leaves faulthandler's trace there
    with err.open("wb") as sink:
        proc = subprocess.Popen(
            harvest_command(db),
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=sink,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while reports_stored(db) < 1:
            if proc.poll() is not None:
                tail = err.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise AssertionError(f"the harvest ended (exit {proc.returncode}) before it could be killed:\n{tail}")
            assert time.monotonic() < deadline, "no report stored in two minutes"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def test_a_harvest_killed_mid_run_resumes_and_leaves_the_database_consistent(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.db"
    kill_mid_run(db)
    with sqlite3.connect(db) as con:
        killed_run = con.execute("SELECT id, status FROM runs").fetchall()
        before = dict(con.execute("SELECT url, content_hash FROM reports").fetchall())
    assert killed_run == [(1, "running")]  # killed mid-run: never closed
    assert 1 <= len(before) < len(MANIFEST["reports"])
    # A kill can also land between a raw file's write and its documents row, or in the middle of the write:
    # leave what that leaves (the kill above lands where it lands), for the restart to clean up.
    archive = RawArchive(tmp_path / "raw")
    orphan_sha, orphan = archive.put(b"%PDF-1.7 written, then the process was killed before its row\n%%EOF\n", ".pdf")
    (orphan.parent / f".{orphan_sha[:8]}.k1ll3d.tmp").write_bytes(b"%PDF-1.7 half a wri")

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        harvest_command(db), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"exit {done.returncode}:\n{done.stderr[-3000:]}"

    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        runs = con.execute("SELECT id, status, note FROM runs ORDER BY id").fetchall()
        assert [(r[0], r[1]) for r in runs] == [(1, "interrupted"), (2, "finished")]
        recovered = re.match(
            r"recovered from an interrupted run \(1\): (\d+) orphan raw file\(s\) and (\d+) "
            r"unfinished",
            runs[1][2],
        )
        assert recovered and int(recovered[1]) >= 1 and int(recovered[2]) >= 1  # ours, and any the kill left
        # nothing stored before the kill is lost or changed
        after = dict(con.execute("SELECT url, content_hash FROM reports").fetchall())
        assert {url: after.get(url) for url in before} == before
        # every report complete: its rows all there (one transaction each)
        incomplete = con.execute(
            "SELECT r.url FROM reports r WHERE"
            " r.cells_count != (SELECT count(*) FROM cells c WHERE c.report_id = r.id)"
            " OR r.checks_passed + r.checks_failed != (SELECT count(*) FROM checks k WHERE k.report_id = r.id"
            "   AND k.name NOT LIKE 'narrative_vs_table/%')"  # the narrative's checks are not counted there
            " OR r.warnings != (SELECT count(*) FROM warnings w WHERE w.report_id = r.id)"
            " OR NOT EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id)"
        ).fetchall()
        assert incomplete == []
        # exactly the bundle's reports, each with its gold cells
        assert sorted(after) == sorted(r["url"] for r in MANIFEST["reports"])
        for entry in MANIFEST["reports"]:
            cells = dict(
                con.execute(
                    "SELECT c.key, c.value FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.url = ?",
                    [entry["url"]],
                ).fetchall()
            )
            stem = entry["seed"] or entry["derived_from"]
            assert cells == json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["cells"], entry["url"]
        # every page or document marked as read points at an archived document
        assert con.execute(
            "SELECT count(*) FROM document_urls u LEFT JOIN documents d ON d.sha256 = u.sha256 WHERE d.sha256 IS NULL"
        ).fetchone() == (0,)

    with Store.open_existing(db) as store:
        assert orphan_files(store) == []  # every raw file is referenced by a documents row
        assert not orphan.exists()
        missing = [sha for (sha,) in store.db.execute("SELECT sha256 FROM documents") if not store.archive.has(sha)]
        assert missing == []

"""``--json-log``: a harvest's log records and its summary as JSON Lines, appended run after run."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from nianbao.jsonlog import json_log


def test_handler_writes_one_object_per_record_and_detaches(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "run.jsonl"
    log = logging.getLogger("nianbao.test")
    log.setLevel(logging.INFO)
    with json_log(path):
        log.info("fetched %s", "https://www.nmg.gov.cn/a.html")
        log.warning("blocked")
    log.warning("after the block: not written")
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [e["message"] for e in events] == ["fetched https://www.nmg.gov.cn/a.html", "blocked"]
    assert events[1]["level"] == "WARNING" and events[1]["logger"] == "nianbao.test"


def test_harvest_json_log_ends_with_the_run_summary(tmp_path: Path) -> None:
    db, path = tmp_path / "n.db", tmp_path / "harvest.jsonl"
    cmd = [sys.executable, "-m", "nianbao.cli", "harvest", "--db", str(db), "--json-log", str(path), "--portal", "nmg"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 2
    last = json.loads(lines[-1])
    assert last["event"] == "run_finished" and last["ran"] is True
    assert last["run"]["new_reports"] == 3 and last["run"]["portals"] == ["nmg"]
    assert all("time" in json.loads(line) for line in lines[:-1])

"""Progress on long runs: a live status line on a terminal, nothing more under cron.

The bundled harvest runs in a subprocess whose stderr is a pseudo-terminal (as when a person runs it), then
with stderr a pipe (as under cron): the first draws ``N/12 portals`` with the reports, errors and the portal
being crawled, ending on the run's own figures; the second writes no status line at all.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import sqlite3
import struct
import subprocess
import sys
import termios
from pathlib import Path

from crawler.portals import BUNDLED

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
COMMAND = [sys.executable, "-m", "nianbao.cli", "harvest"]
TOTAL = len(BUNDLED)  # the portals a default harvest replays


def on_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run nianbao with stderr on a pseudo-terminal of 120 columns: exit code, stdout, what the terminal got."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen([*COMMAND, *args], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    stdout = process.stdout.read() if process.stdout else b""
    process.wait(timeout=60)
    os.close(master)
    return process.returncode, stdout.decode(), seen.decode()


def test_a_terminal_sees_the_harvest_progress(tmp_path: Path) -> None:
    db = tmp_path / "nb.db"
    code, stdout, terminal = on_a_terminal("--db", str(db))
    assert code == 0, terminal[-2000:]
    states = [s.strip() for s in terminal.split("\r") if "portals |" in s]
    assert states, terminal[-2000:]
    done = [int(m.group(1)) for s in states if (m := re.match(rf"(\d+)/{TOTAL} portals", s))]
    assert done == sorted(done) and done[0] == 0 and done[-1] == TOTAL  # portals done of total, counting up
    now = "|".join(re.escape(p) for p in BUNDLED)
    assert any(re.search(rf"now: ({now})$", s) for s in states)  # the portal being crawled
    with sqlite3.connect(db) as con:
        errors = con.execute("SELECT count(*) FROM errors WHERE run_id = 1").fetchone()[0]
        new = con.execute("SELECT new_reports FROM runs WHERE id = 1").fetchone()[0]
    # the last state: every portal done, the run's own figures, no portal "now"
    assert states[-1].endswith(f"reports {new} ({new} new) · errors {errors}"), states[-1]
    assert "Reports per portal and year" in stdout  # the summary, as always, on stdout


def test_cron_sees_no_progress(tmp_path: Path) -> None:
    done = subprocess.run(
        [*COMMAND, "--db", str(tmp_path / "nb.db")], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "portals |" not in done.stderr and "\r" not in done.stderr
    forced = subprocess.run(
        [*COMMAND, "--db", str(tmp_path / "nb.db"), "--progress"],
        cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert forced.returncode == 0 and f"{TOTAL}/{TOTAL} portals |" in forced.stderr

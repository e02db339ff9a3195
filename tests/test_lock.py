"""The harvest lock, exercised by two real processes, and the exit codes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from nianbao import exitcodes
from nianbao.lock import LockHeld, harvest_lock, lock_path_for

HOLDER = textwrap.dedent(
    """
    import sys
    from nianbao.lock import harvest_lock

    with harvest_lock(sys.argv[1], purpose="harvest test"):
        print("locked", flush=True)
        sys.stdin.readline()  # hold until the parent writes a line (or closes stdin)
    print("released", flush=True)
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A second process that holds the lock of tmp_path/nianbao.db until told to let go."""
    db = tmp_path / "nianbao.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    try:
        yield proc, db
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


def release(proc: subprocess.Popen[str]) -> None:
    out, _ = proc.communicate("go\n", timeout=10)
    assert out.strip() == "released"
    assert proc.returncode == 0


def test_lock_file_sits_next_to_the_database(tmp_path: Path) -> None:
    assert lock_path_for(tmp_path / "data" / "nianbao.db") == tmp_path / "data" / "nianbao.db.lock"
    with harvest_lock(tmp_path / "data" / "nianbao.db", purpose="test") as path:
        assert path.is_file()
        assert "test since" in path.read_text()


def test_second_process_is_refused_at_once_then_succeeds_after_release(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    proc, db = holder
    with pytest.raises(LockHeld) as info, harvest_lock(db, purpose="second"):
        pytest.fail("the lock was granted twice")
    message = str(info.value)
    assert str(lock_path_for(db)) in message
    assert f"pid {proc.pid}" in message and "harvest test" in message
    release(proc)
    with harvest_lock(db, purpose="second") as path:
        assert "second since" in path.read_text()


def test_lock_is_freed_when_its_holder_dies(holder: tuple[subprocess.Popen[str], Path]) -> None:
    proc, db = holder
    proc.kill()
    proc.wait(timeout=10)
    with harvest_lock(db):
        pass


def test_lock_is_released_on_exception_and_reusable(tmp_path: Path) -> None:
    db = tmp_path / "nianbao.db"
    with pytest.raises(ValueError), harvest_lock(db):
        raise ValueError("boom")
    # not re-entrant: a second descriptor in the same process is refused
    with harvest_lock(db), pytest.raises(LockHeld), harvest_lock(db):
        pass


def test_exit_codes_are_distinct_and_documented() -> None:
    codes = [exitcodes.OK, exitcodes.FAILED, exitcodes.USAGE, exitcodes.PARTIAL, exitcodes.LOCKED]
    assert codes == [0, 1, 2, 3, 75]
    assert len(set(exitcodes.MEANINGS)) == len(exitcodes.MEANINGS)
    assert exitcodes.describe(75).startswith("another nianbao process")
    assert exitcodes.describe(99) == "exit code 99"
    assert all(name in (exitcodes.__doc__ or "") for name in ("OK", "FAILED", "USAGE", "PARTIAL", "LOCKED"))

"""The harvest lock: at most one process writes a database's reports at a time (harvest, reparse …).

``with harvest_lock("data/nianbao.db", purpose="harvest"):`` takes an exclusive, non-blocking
``fcntl.flock`` on ``data/nianbao.db.lock``, next to the database. If another process holds it,
:class:`LockHeld` is raised at once (its message names the holder: pid, purpose and since when); commands
turn it into exit code :data:`nianbao.exitcodes.LOCKED` (75).

The kernel releases a ``flock`` when its holder exits, however it exits, so a crashed harvest never
leaves a stale lock. The lock file itself is kept (removing it would let two processes lock two different
files); it holds one line describing the current or last holder, for humans and for the error message.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"


class LockHeld(RuntimeError):
    """Another process holds the lock; ``path`` is the lock file, ``holder`` what it says about its holder."""

    def __init__(self, path: Path, holder: str) -> None:
        self.path = path
        self.holder = holder
        who = f" ({holder})" if holder else ""
        super().__init__(
            f"another nianbao process holds the harvest lock {path}{who}; wait for it to finish and try again"
        )


def lock_path_for(db_path: str | Path) -> Path:
    """The lock file of a database: its path plus ``.lock`` (``data/nianbao.db`` → ``data/nianbao.db.lock``)."""
    db = Path(db_path)
    return db.with_name(db.name + LOCK_SUFFIX)


def _holder_line(purpose: str) -> str:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid {os.getpid()}, {purpose} since {since}"


def read_holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


@contextmanager
def harvest_lock(db_path: str | Path, purpose: str | None = None) -> Iterator[Path]:
    """Hold the harvest lock of ``db_path`` for the ``with`` block; yields the lock file's path.

    Raises :class:`LockHeld` immediately (never waits) when another process holds it. The lock is not
    re-entrant across file descriptors: taking it twice in one process also raises ``LockHeld``.
    """
    path = lock_path_for(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(path, read_holder(path)) from None
        label = purpose or " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv[:2]))
        os.ftruncate(fd, 0)
        os.pwrite(fd, (_holder_line(label or "nianbao") + "\n").encode("utf-8"), 0)
        try:
            yield path
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)

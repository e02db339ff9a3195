"""Crash recovery: what a harvest killed mid-run (SIGKILL, a power cut) leaves behind, put right on the next start.

What a kill can leave, and what cannot happen:

- a half-written report cannot: :meth:`storage.store.Store.save_report` writes a report and all its rows in
  one SQLite transaction (WAL: an interrupted transaction is rolled back when the database is next opened);
- a page whose report was lost cannot: a page is marked as read (``document_urls``) only after its report is
  stored, so a kill in between means the page is fetched and read again, and the report saved "unchanged";
- a raw file no ``documents`` row references can (the file is written and fsynced before its row), and so can
  a temporary ``.tmp`` file of a write that never finished: :func:`recover` removes both;
- a run row left ``running``: :func:`recover` marks it ``interrupted``.

:func:`recover` must run while holding the harvest lock (:mod:`nianbao.lock`), so that no other process is
writing: every ``running`` run then belongs to a process that is gone. The archive is only swept when such a
run exists, since only a run that did not finish can leave orphans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storage.store import now

if TYPE_CHECKING:
    from storage.store import Store

INTERRUPTED = "interrupted"
_RAW_NAME = re.compile(r"^([0-9a-f]{64})(\.[a-z0-9]{1,7})?$")
_SHARD = re.compile(r"^[0-9a-f]{2}$")


@dataclass
class Recovery:
    interrupted_runs: list[int] = field(default_factory=list)
    orphans_removed: list[Path] = field(default_factory=list)  # raw files no documents row references
    temp_removed: list[Path] = field(default_factory=list)  # unfinished writes

    def __bool__(self) -> bool:
        return bool(self.interrupted_runs or self.orphans_removed or self.temp_removed)

    def note(self) -> str:
        """One line for the run's note."""
        runs = ", ".join(str(r) for r in self.interrupted_runs)
        return (
            f"recovered from an interrupted run ({runs}): {len(self.orphans_removed)} orphan raw file(s) and "
            f"{len(self.temp_removed)} unfinished write(s) removed"
        )


def recover(store: Store) -> Recovery:
    """Close runs left ``running`` as ``interrupted`` and, if there were any, sweep the raw archive."""
    found = Recovery()
    found.interrupted_runs = [int(r[0]) for r in store.db.execute("SELECT id FROM runs WHERE status = 'running'")]
    if not found.interrupted_runs:
        return found
    with store.db.atomic():
        for run_id in found.interrupted_runs:
            store.db.execute(
                "UPDATE runs SET status = ?, note = coalesce(note || '; ', '') || ? WHERE id = ?",
                [INTERRUPTED, f"the process ended without closing the run (found {now()})", run_id],
            )
    sweep_archive(store, found)
    return found


def sweep_archive(store: Store, found: Recovery) -> None:
    """Remove raw files that no ``documents`` row references, and temporary files of unfinished writes."""
    root = store.archive.root
    if not root.is_dir():
        return
    known = {r[0] for r in store.db.execute("SELECT sha256 FROM documents")}
    for shard in sorted(p for p in root.iterdir() if p.is_dir() and _SHARD.match(p.name)):
        for path in sorted(shard.iterdir()):
            if not path.is_file():
                continue
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
                found.temp_removed.append(path)
                continue
            m = _RAW_NAME.match(path.name)
            if m and m.group(1) not in known:
                path.unlink(missing_ok=True)
                found.orphans_removed.append(path)


def orphan_files(store: Store) -> list[Path]:
    """Raw files (or unfinished writes) that no ``documents`` row references: none after :func:`recover`."""
    root = store.archive.root
    if not root.is_dir():
        return []
    known = {r[0] for r in store.db.execute("SELECT sha256 FROM documents")}
    out: list[Path] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        m = _RAW_NAME.match(path.name)
        if m is None or m.group(1) not in known or path.parent.name != m.group(1)[:2]:
            out.append(path)
    return out

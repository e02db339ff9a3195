"""Re-parse every archived document with the current parser: offline, on all cores, changing only what changed.

For each stored report the raw document is read back from the archive (``Store.iter_archived_reports``)
and parsed in a worker process; the parent compares the result with what is stored and writes:

- nothing, when the new parse has the stored content hash (``unchanged``);
- only ``parser_version`` and ``content_hash`` when the parse differs from the stored one in nothing but
  the parser version (``restamped``: the report records the version that produced it, no rows replaced);
- the whole report, in one transaction through ``Store.save_report``, when anything else differs
  (``changed``; the cells added, removed and with another value are counted);
- an error row (``errors`` table, codes ``raw_missing``/``unreadable``/``parse_error``) when the document is
  missing or cannot be parsed; the stored report is then left as it was (``failed``).

Then the archived documents no report was read from (a parser error on their URL: :mod:`nianbao.recover`) are
read again, and stored as reports (``recovered``) where they read as one now; the others are left as they were.

Documents are parsed the way the harvest parses them: :func:`parse_document` (the URL's file name as the
name hint, and the URL), then :func:`merge_page_metadata` as ``crawler.pipelines`` does: metadata that only
the portal page gave (``PAGE_KEYS``, taken from the stored report) where the document states none, and
the page's URL. So a re-parse with an unchanged parser reproduces the stored content hash exactly.
A run of mode ``reparse`` records the figures (``nianbao summary --run ID`` shows them).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from nianbao import recover
from parsers import UnreadableDocument
from storage import history
from storage.harvested import PAGE_KEYS, document_name, merge_page_metadata, parse_document
from storage.store import Store, content_hash, now

if TYPE_CHECKING:
    from parsers.model import Report

ParseFn = Callable[[bytes, str], "Report"]
Status = Literal["unchanged", "restamped", "changed", "failed"]

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Job:
    report_id: int
    portal: str
    url: str
    page_url: str | None
    document_sha256: str | None
    path: str
    content_hash: str
    parser_version: str | None
    page: tuple[tuple[str, Any], ...] = ()


@dataclass
class Outcome:
    job: Job
    status: Status
    digest: str = ""
    parser_version: str | None = None
    report: Report | None = None
    code: str = ""
    reason: str = ""


def examine(job: Job, parse_fn: ParseFn = parse_document, keep_text: bool = False) -> Outcome:
    """Parse one archived document and classify it against the stored report (runs in a worker)."""
    if not job.path:
        return Outcome(job, "failed", code="raw_missing", reason="the raw document is not in the archive")
    try:
        data = Path(job.path).read_bytes()
    except OSError as exc:
        return Outcome(job, "failed", code="raw_missing", reason=f"cannot read {job.path}: {exc.strerror or exc}")
    try:
        report = parse_fn(data, job.url)
    except UnreadableDocument as exc:
        return Outcome(job, "failed", code=exc.code or "unreadable", reason=exc.reason)
    except Exception as exc:  # a parser bug must not stop the other reports
        return Outcome(job, "failed", code="parse_error", reason=f"{type(exc).__name__}: {exc}")
    merge_page_metadata(report, dict(job.page), job.page_url)
    digest = content_hash(report)
    version = report.metadata.get("parser_version")
    if digest == job.content_hash:
        return Outcome(job, "unchanged", digest, version)
    if version != job.parser_version:  # the same parse under another version? (a second hash only then)
        as_before = replace(report, metadata={**report.metadata, "parser_version": job.parser_version})
        if content_hash(as_before) == job.content_hash:
            return Outcome(job, "restamped", digest, version)
    if not keep_text:
        report.text = ""
    return Outcome(job, "changed", digest, version, report=report)


def run_parallel(
    fn: Callable[[T], R], items: list[T], workers: int, progress: bool, desc: str = "reparse"
) -> Iterator[R]:
    """``fn`` over ``items`` on ``workers`` processes (in this one when 1), in order, with a progress bar."""
    from tqdm import tqdm  # type: ignore[import-untyped]

    with tqdm(total=len(items), desc=desc, unit="doc", file=sys.stderr, disable=not progress) as bar:
        if workers <= 1 or len(items) <= 1:
            for item in items:
                yield fn(item)
                bar.update(1)
            return
        chunksize = max(1, min(64, len(items) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(fn, items, chunksize=chunksize):
                yield result
                bar.update(1)


@dataclass
class ReparseResult:
    run_id: int | None = None
    workers: int = 1
    examined: int = 0
    unchanged: int = 0
    restamped: int = 0
    changed: int = 0
    failed: int = 0
    recovered: int = 0  # archived documents no report was read from before, read as one now (nianbao.recover)
    still_unread: int = 0
    cells_added: int = 0
    cells_removed: int = 0
    cells_modified: int = 0
    seconds: float = 0.0
    changes: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    recoveries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def cells_changed(self) -> int:
        return self.cells_added + self.cells_removed + self.cells_modified

    @property
    def rate(self) -> float:
        return self.examined / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        names = ("run_id", "workers", "examined", "unchanged", "restamped", "changed", "failed", "recovered")
        out: dict[str, Any] = {name: getattr(self, name) for name in names}
        out["cells"] = {
            "changed": self.cells_changed,
            "added": self.cells_added,
            "removed": self.cells_removed,
            "modified": self.cells_modified,
        }
        out["seconds"] = round(self.seconds, 3)
        out["reports_per_second"] = round(self.rate, 1)
        out["changes"] = self.changes
        out["failures"] = self.failures
        out["still_unread"] = self.still_unread
        out["recoveries"] = self.recoveries
        return out


def jobs_for(store: Store, portal: str | None = None, carry_page_metadata: bool = True) -> list[Job]:
    page: dict[int, tuple[tuple[str, Any], ...]] = {}
    if carry_page_metadata:
        for row in store.db.query(f"SELECT id, {', '.join(PAGE_KEYS)} FROM reports"):
            page[row["id"]] = tuple((k, row[k]) for k in PAGE_KEYS if row[k] not in (None, ""))
    return [
        Job(
            report_id=row["id"],
            portal=row["portal"],
            url=row["url"],
            page_url=row["page_url"],
            document_sha256=row["document_sha256"],
            path=row["path"],
            content_hash=row["content_hash"],
            parser_version=row["parser_version"],
            page=page.get(row["id"], ()),
        )
        for row in store.iter_archived_reports(portal)
    ]


def cell_diff(store: Store, report_id: int, report: Report) -> tuple[list[str], list[str], list[str]]:
    """Keys added, removed, and whose value changed, between the stored cells and ``report``'s."""
    old = dict(store.db.execute("SELECT key, value FROM cells WHERE report_id = ?", [report_id]).fetchall())
    new = {key: cell.value for key, cell in report.cells.items()}
    added = sorted(new.keys() - old.keys())
    removed = sorted(old.keys() - new.keys())
    modified = sorted(k for k in new.keys() & old.keys() if not _same(old[k], new[k]))
    return added, removed, modified


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return float(a) == float(b)


def reparse(
    store: Store,
    *,
    workers: int | None = None,
    parse_fn: ParseFn = parse_document,
    portal: str | None = None,
    progress: bool = False,
    carry_page_metadata: bool = True,
) -> ReparseResult:
    """Re-parse every archived report of ``store`` (of one portal); see the module docstring."""
    from nianbao import search

    started = time.perf_counter()
    jobs = jobs_for(store, portal, carry_page_metadata)
    unread = recover.candidates(store, portal)
    result = ReparseResult(workers=workers or default_workers())
    portals = [portal] if portal else sorted({j.portal for j in jobs} | {c.portal for c in unread})
    result.run_id = store.start_run("reparse", portals)
    keep_text = search.has_index(store.db)
    work = partial(examine, parse_fn=parse_fn, keep_text=keep_text)
    status = "finished"
    try:
        for outcome in run_parallel(work, jobs, result.workers, progress):
            _apply(store, result, outcome, keep_text)
        again = partial(recover.read_again, parse_fn=parse_fn, keep_text=keep_text)
        for read in run_parallel(again, unread, result.workers, progress, desc="recover"):
            _recover(store, result, read, keep_text)
    except BaseException as exc:  # the run is closed with what was done, and says how it ended
        status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        raise
    finally:
        result.seconds = time.perf_counter() - started
        if status == "finished" and result.failed:
            status = "partial"
        store.finish_run(
            result.run_id,
            status=status,
            unchanged_reports=result.unchanged + result.restamped,
            note=f"reparse: {result.examined} examined, {result.changed} changed, {result.restamped} restamped,"
            f" {result.failed} failed, {result.cells_changed} cells changed, {result.recovered} recovered;"
            f" {result.workers} workers",
        )
    return result


def _apply(store: Store, result: ReparseResult, outcome: Outcome, keep_text: bool) -> None:
    from nianbao import search

    job = outcome.job
    result.examined += 1
    if outcome.status == "unchanged":
        result.unchanged += 1
    elif outcome.status == "restamped":
        result.restamped += 1
        with store.db.atomic():
            store.db.execute(
                "UPDATE reports SET parser_version = ?, content_hash = ? WHERE id = ?",
                [outcome.parser_version, outcome.digest, job.report_id],
            )
            history.record_restamp(
                store.db,
                job.report_id,
                previous_version=job.parser_version,
                version=outcome.parser_version,
                previous_hash=job.content_hash,
                digest=outcome.digest,
                run_id=result.run_id,
                at=now(),
            )
            if keep_text:
                search.restamp_text(store.db, job.report_id, job.content_hash, outcome.digest)
    elif outcome.status == "failed":
        result.failed += 1
        result.failures.append({"url": job.url, "portal": job.portal, "code": outcome.code, "reason": outcome.reason})
        store.record_error(
            run_id=result.run_id, portal=job.portal, url=job.url, code=outcome.code, reason=outcome.reason
        )
    else:
        assert outcome.report is not None
        added, removed, modified = cell_diff(store, job.report_id, outcome.report)
        with store.db.atomic():
            store.save_report(
                portal=job.portal,
                url=job.url,
                page_url=job.page_url,
                report=outcome.report,
                document_sha256=job.document_sha256,
                run_id=result.run_id,
            )
            if keep_text:
                search.store_text(store.db, job.report_id, outcome.report.text, outcome.digest)
        result.changed += 1
        result.cells_added += len(added)
        result.cells_removed += len(removed)
        result.cells_modified += len(modified)
        result.changes.append(
            {
                "report_id": job.report_id,
                "url": job.url,
                "parser_version": outcome.parser_version,
                "cells_added": added,
                "cells_removed": removed,
                "cells_modified": modified,
            }
        )


def _recover(store: Store, result: ReparseResult, read: recover.Recovered, keep_text: bool) -> None:
    """Store a document's report read now (``recovered``); one still unread is counted, its error row left."""
    from nianbao import search

    found = read.candidate
    if read.report is None:
        result.still_unread += 1
        return
    with store.db.atomic():
        report_id, _ = store.save_report(
            portal=found.portal,
            url=found.url,
            page_url=None,
            report=read.report,
            document_sha256=found.sha256,
            run_id=result.run_id,
        )
        if keep_text:
            search.store_text(store.db, report_id, read.report.text, content_hash(read.report))
    result.recovered += 1
    result.recoveries.append(
        {"report_id": report_id, "url": found.url, "portal": found.portal, "cells": len(read.report.cells)}
    )


def format_result(result: ReparseResult, *, verbose: bool = False) -> str:
    lines = [
        f"Re-parsed {result.examined} report(s) in {result.seconds:.1f} s on {result.workers} worker(s)"
        f" ({result.rate:.1f} reports/s); run {result.run_id}",
        f"  changed    {result.changed}",
        f"  unchanged  {result.unchanged + result.restamped}"
        + (f" (of which {result.restamped} only took the new parser version)" if result.restamped else ""),
        f"  failed     {result.failed}",
        f"  cells changed {result.cells_changed} ({result.cells_added} added, {result.cells_removed} removed,"
        f" {result.cells_modified} with another value)",
    ]
    if result.changes:
        lines.append("Changed reports" + ("" if verbose else " (cells added/removed/modified)"))
        for change in result.changes:
            counts = [len(change[k]) for k in ("cells_added", "cells_removed", "cells_modified")]
            lines.append(f"  {change['url']}  +{counts[0]} -{counts[1]} ~{counts[2]}")
            if verbose:
                for kind, sign in (("cells_added", "+"), ("cells_removed", "-"), ("cells_modified", "~")):
                    lines.extend(f"      {sign} {key}" for key in change[kind])
    if result.recovered or result.still_unread:
        lines.append(
            f"Archived documents no report was read from before: {result.recovered} read as reports now,"
            f" {result.still_unread} still not"
        )
        lines.extend(f"  {r['url']}  {r['cells']} cells" for r in result.recoveries)
    if result.failures:
        lines.append(f"Failures (kept as stored; see `nianbao errors --run {result.run_id}`)")
        for failure in _grouped(result.failures):
            lines.append(failure)
    return "\n".join(lines) + "\n"


def _grouped(failures: Iterable[dict[str, Any]]) -> list[str]:
    groups: dict[tuple[str, str], list[str]] = {}
    for f in failures:
        groups.setdefault((f["code"], f["reason"]), []).append(f["url"])
    lines = []
    for (code, reason), urls in sorted(groups.items()):
        lines.append(f"  [{code}] {reason} ({len(urls)})")
        lines.extend(f"    {url}" for url in urls)
    return lines


__all__ = [
    "PAGE_KEYS",
    "Job",
    "Outcome",
    "ParseFn",
    "ReparseResult",
    "default_workers",
    "document_name",
    "examine",
    "format_result",
    "parse_document",
    "reparse",
    "run_parallel",
]

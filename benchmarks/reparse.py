"""Benchmark ``nianbao reparse``: reports per second on an archive of (by default) 1,000 documents.

The archive is generated from the five bundled seeds (tests/fixtures/seeds): each document is a seed moved to
another year (2018–2024, the legacy seed kept at 2018 and earlier) with a distinct serial line, so every
document has its own bytes in the raw archive, and is stored as the harvest stores it (parse, merge of the
page metadata, ``Store.save_report``). Then it times, on 1 worker and on all cores:

- ``unchanged``: a re-parse with the same parser (nothing is written);
- ``version``: a new parser version that changes nothing else (every report restamped, no rows replaced);
- ``changed``: a parser change that alters one cell of every report (every report rewritten, one transaction each).

Usage: ``.venv/bin/python benchmarks/reparse.py [--documents 1000] [--workers N] [--dir DIR] [--json]``.

Measured (1,000 documents, the project's 2-core machine, load average ≈2 from other work, 2026-11):

    scenario   workers  seconds  reports/s
    unchanged        1     7.8       129
    version          1    11.2        90
    changed          1    29.2        34
    unchanged        2     3.8       263
    version          2     5.5       182
    changed          2    27.6        36

Parsing scales with the workers; when every report changes, the parent's writes (``Store.save_report``,
one transaction per report, which hashes the report again) are the bottleneck. Figures vary with the
machine's load: the JSON output records the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nianbao.reparse import ReparseResult, default_workers, merge_page_metadata, parse_document, reparse  # noqa: E402
from parsers.model import Report  # noqa: E402
from storage.store import Store  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
SEED_YEARS = {"000": 2022, "001": 2022, "002": 2018, "003": 2022, "004": 2021}
BASE = "https://bench.example.gov.cn/ndbg/"


def document(seed: Path, serial: int) -> tuple[str, bytes]:
    """A distinct, realistic document made from a seed: another year, and a serial line at the end."""
    prefix = seed.name[:3]
    year_from = SEED_YEARS[prefix]
    years = range(2012, 2019) if year_from == 2018 else range(2018, 2025)
    year = years[serial % len(years)]
    text = seed.read_text(encoding="utf-8").replace(str(year_from), str(year))
    text += f"\n（本报告电子版编号：{prefix}-{serial:06d}）\n"
    return f"{BASE}{prefix}/{year}/{serial:06d}.txt", text.encode("utf-8")


def build_archive(db_path: Path, documents: int) -> float:
    """Store ``documents`` generated documents; returns the seconds it took (one process)."""
    started = time.perf_counter()
    with Store(db_path) as store:
        run_id = store.start_run("replay", ["bench"])
        for serial in range(documents):
            url, body = document(SEEDS[serial % len(SEEDS)], serial)
            sha = store.archive_document(url, body, content_type="text/plain", status=200, run_id=run_id)
            report = parse_document(body, url)
            page_url = url.rsplit(".", 1)[0] + ".html"
            merge_page_metadata(report, {}, page_url)
            store.save_report(
                portal="bench", url=url, page_url=page_url, report=report, document_sha256=sha, run_id=run_id
            )
        store.finish_run(run_id)
    return time.perf_counter() - started


# Parsers "after a change" (module-level: worker processes import them by name).
def new_version(data: bytes, url: str) -> Report:
    report = parse_document(data, url)
    report.metadata["parser_version"] = f"bench-{os.environ.get('NIANBAO_BENCH_ROUND', '0')}"
    return report


def one_cell_more(data: bytes, url: str) -> Report:
    report = new_version(data, url)
    for cell in report.cells.values():
        cell.value = (cell.value or 0) + 1
        break
    return report


SCENARIOS = {"unchanged": None, "version": new_version, "changed": one_cell_more}


def fresh_copy(pristine: Path, target: Path) -> Path:
    """A copy of the freshly built database (the raw archive stays shared), so each series starts alike."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(pristine) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def run_round(db_path: Path, raw: Path, scenario: str, workers: int, round_no: int) -> ReparseResult:
    os.environ["NIANBAO_BENCH_ROUND"] = str(round_no)
    parse_fn = SCENARIOS[scenario] or parse_document
    with Store(db_path, raw_root=raw) as store:
        return reparse(store, workers=workers, parse_fn=parse_fn)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--documents", type=int, default=1000, help="documents in the generated archive (default 1000)")
    p.add_argument("--workers", type=int, default=default_workers(), help="the parallel run's workers (default: all)")
    p.add_argument("--dir", type=Path, help="where to build the archive (default: a temporary directory)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        db_path = (args.dir or Path(tmp)) / "nianbao.db"
        if db_path.exists():
            p.error(f"{db_path} exists; give an empty --dir")
        build_seconds = build_archive(db_path, args.documents)
        figures: dict[str, Any] = {
            "documents": args.documents,
            "cores": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "build": {
                "seconds": round(build_seconds, 2),
                "reports_per_second": round(args.documents / build_seconds, 1),
            },
            "runs": [],
        }
        round_no = 0
        for workers in dict.fromkeys([1, args.workers]):
            db_copy = fresh_copy(db_path, db_path.with_name(f"series-{workers}.db"))
            for scenario in SCENARIOS:  # each on the database the previous one left
                round_no += 1
                result = run_round(db_copy, db_path.parent / "raw", scenario, workers, round_no)
                expected = {"unchanged": result.unchanged, "version": result.restamped, "changed": result.changed}
                if expected[scenario] != args.documents or result.failed:
                    raise SystemExit(f"{scenario} on {workers} worker(s): unexpected figures {result.as_dict()}")
                figures["runs"].append(
                    {
                        "scenario": scenario,
                        "workers": workers,
                        "seconds": round(result.seconds, 2),
                        "reports_per_second": round(result.rate, 1),
                        "changed": result.changed,
                        "cells_changed": result.cells_changed,
                    }
                )
    figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        json.dump(figures, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    print(
        f"nianbao reparse benchmark: {figures['documents']} documents, {figures['cores']} cores"
        f" (archive built in {figures['build']['seconds']} s, {figures['build']['reports_per_second']} reports/s);"
        f" load average {figures['load_average_before'][0]} before, {figures['load_average_after'][0]} after"
    )
    print(f"  {'scenario':<10} {'workers':>7} {'seconds':>8} {'reports/s':>10} {'changed':>8} {'cells':>6}")
    for r in figures["runs"]:
        print(
            f"  {r['scenario']:<10} {r['workers']:>7} {r['seconds']:>8} {r['reports_per_second']:>10}"
            f" {r['changed']:>8} {r['cells_changed']:>6}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

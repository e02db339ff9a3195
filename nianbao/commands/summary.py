"""``nianbao summary``: what the database holds and how a run went."""

from __future__ import annotations

import argparse
import json
import sys

from storage.store import Store
from storage.summary import UnknownRun, format_summary

DEFAULT_DB = "data/nianbao.db"


def open_store(path: str, prog: str) -> Store | None:
    """Open an existing database, or print one line on stderr and return None."""
    try:
        return Store.open_existing(path)
    except FileNotFoundError:
        print(f"nianbao {prog}: no database at {path} (harvest first, or pass --db)", file=sys.stderr)
    except Exception as exc:  # a corrupt or foreign file
        print(f"nianbao {prog}: cannot open {path}: {exc}", file=sys.stderr)
    return None


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("summary", help="reports per portal and year, identities, errors and run figures")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument(
        "--run",
        dest="run_id",
        type=int,
        metavar="ID",
        help="the run whose figures and errors to show (default: the latest)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, "summary")
    if store is None:
        return 2
    with store:
        try:
            summary = store.summary(args.run_id)
        except UnknownRun as exc:
            print(f"nianbao summary: {exc}", file=sys.stderr)
            return 2
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_summary(summary))
    return 0

"""``nianbao reparse``: re-parse every archived document with the current parser (offline, all cores)."""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures.process import BrokenProcessPool

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store
from nianbao.lock import LockHeld, harvest_lock
from nianbao.organs import link_after
from nianbao.reparse import default_workers, format_result, reparse


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "reparse",
        help="re-parse every archived document with the current parser; change only the reports that differ",
        description="Re-parse every archived document from the raw archive (no network) on all cores, and"
        " store only the reports whose parse changed; archived documents no report was read from before (an error"
        " of the parser's) are read again, and stored where they read as a report now. Holds the harvest lock."
        " Exit codes: 0 ok, 2 no database,"
        " 3 some documents failed (recorded in the errors table), 75 the harvest lock is held.",
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--portal", help="only this portal's reports")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: all cores, {default_workers()})",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="list every changed cell key")
    p.add_argument(
        "--no-progress", action="store_true", help="no progress bar (it is off anyway when stderr is no TTY)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        print("nianbao reparse: --workers must be at least 1", file=sys.stderr)
        return exitcodes.USAGE
    store = open_store(args.db, "reparse")
    if store is None:
        return exitcodes.USAGE
    try:
        with store, harvest_lock(args.db, purpose="reparse"):
            result = reparse(
                store,
                workers=args.workers,
                portal=args.portal,
                progress=sys.stderr.isatty() and not args.no_progress,
            )
            link_after("reparse", store.db)
    except LockHeld as exc:
        print(f"nianbao reparse: {exc}", file=sys.stderr)
        return exitcodes.LOCKED
    except KeyboardInterrupt:
        print("nianbao reparse: interrupted; the reports saved so far are kept", file=sys.stderr)
        return exitcodes.INTERRUPT
    except BrokenProcessPool:
        print(
            "nianbao reparse: a worker process died (the parser crashed on a document?); the reports saved so far"
            " are kept. Run again with --workers 1 to see which document it is.",
            file=sys.stderr,
        )
        return exitcodes.FAILED
    if args.json:
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_result(result, verbose=args.verbose))
    return exitcodes.PARTIAL if result.failed else exitcodes.OK

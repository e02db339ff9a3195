"""``nianbao serve``: browse the database in Datasette, with titles, descriptions and canned queries."""

from __future__ import annotations

import argparse
import asyncio
import sys

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store

DEFAULT_PORT = 8001


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "serve",
        help="browse the database in Datasette (canned queries: failing identities, late reports, coverage …)",
        description="Serve the database with Datasette: described tables, the coverage/timeliness views and canned"
        " queries (reports failing an identity, late and missing reports, coverage, cross-year identity,"
        " full-text search). The views and the text index are brought up to date first (no network).",
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--no-index", action="store_true", help="do not refresh the full-text index before serving")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="processes for indexing (default: all)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn
    from datasette.app import StartupError  # type: ignore[import-untyped]

    from nianbao.datasette import build_datasette, prepare

    store = open_store(args.db, "serve")
    if store is None:
        return exitcodes.USAGE
    with store:
        prepare(store, index=not args.no_index, workers=args.workers, progress=sys.stderr.isatty())
    try:
        ds = build_datasette(args.db)
    except StartupError as exc:
        print(f"nianbao serve: {exc}", file=sys.stderr)
        return exitcodes.FAILED
    print(f"nianbao serve: http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning", lifespan="on")
    return exitcodes.OK

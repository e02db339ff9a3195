"""``nianbao search WORDS``: full-text search over the reports' text (FTS5 trigram, works for Chinese)."""

from __future__ import annotations

import argparse
import json
import sys

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store
from nianbao.search import format_hits, has_index, search, update_index


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "search",
        help="full-text search of the reports' text (Chinese works: FTS5 trigram index)",
        description="Find the reports whose text contains every given term (terms of three or more characters use"
        " the trigram index, shorter ones a scan). The text index is brought up to date first, from the raw"
        " archive (no network): `nianbao search --index` does only that.",
    )
    p.add_argument("terms", nargs="*", help="the words to find, e.g. 行政复议 or 依申请公开")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--portal", help="only this portal's reports")
    p.add_argument("--year", type=int, help="only reports on this year")
    p.add_argument("--limit", type=int, default=20, help="at most this many reports (default 20)")
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    p.add_argument("--index", action="store_true", help="only build or refresh the text index")
    p.add_argument("--no-update", action="store_true", help="search the index as it is, without refreshing it")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="processes for indexing (default: all)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.terms and not args.index:
        print("nianbao search: give the words to find (or --index to build the index)", file=sys.stderr)
        return exitcodes.USAGE
    store = open_store(args.db, "search")
    if store is None:
        return exitcodes.USAGE
    with store:
        if not args.no_update or not has_index(store.db):
            figures = update_index(store, workers=args.workers, progress=sys.stderr.isatty())
            if args.index or figures.indexed:
                fallback = f", {figures.from_sections} from stored sections" if figures.from_sections else ""
                print(
                    f"nianbao search: text index: {figures.indexed} report(s) indexed{fallback},"
                    f" {figures.current} already current",
                    file=sys.stderr,
                )
        if not args.terms:
            return exitcodes.OK
        query = " ".join(args.terms)
        hits = search(store.db, query, limit=args.limit, portal=args.portal, year=args.year)
    if args.json:
        json.dump([h.as_dict() for h in hits], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_hits(hits, query))
    return exitcodes.OK

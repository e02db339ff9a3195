"""``nianbao export``: reports, tidy cells and one wide table per standard table, as CSV, JSON Lines, Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao import exitcodes
from nianbao.commands.summary import DEFAULT_DB, open_store
from nianbao.export import FORMATS, export

DEFAULT_OUT = "data/export"


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "export",
        help="write reports, tidy cells and wide tables (CSV, JSON Lines, Parquet) with a data dictionary",
        description="Export the database: reports, the tidy cells, and one wide table per standard table (a row"
        " per report, a column per cell), in CSV, JSON Lines and Parquet, with data_dictionary.md/.json"
        " generated from the schema.",
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    p.add_argument("--out", type=Path, default=Path(DEFAULT_OUT), help=f"output directory (default {DEFAULT_OUT})")
    p.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        help="a format to write (repeat for several; default: all three)",
    )
    p.add_argument("--bom", action="store_true", help="start CSV files with a UTF-8 BOM (for Excel)")
    p.add_argument(
        "--charts",
        action="store_true",
        help="also draw the charts (coverage heatmap, each organ across years, each league's banners, reports"
        " to review by portal) as SVG and PNG in OUT/charts",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db, "export")
    if store is None:
        return exitcodes.USAGE
    formats = tuple(dict.fromkeys(args.formats or FORMATS))
    drawn = None
    try:
        with store:
            result = export(store.db, args.out, formats, bom=args.bom)
            if args.charts:
                from nianbao.charts import render_static

                drawn = render_static(store.db, args.out / "charts")
    except OSError as exc:
        print(f"nianbao export: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return exitcodes.FAILED
    print(f"Exported to {result.out} ({', '.join(result.formats)}):")
    for dataset in result.datasets:
        print(f"  {dataset.name:<26} {dataset.count:>8} rows  {len(dataset.columns):>4} columns")
    print(f"  data dictionary: {result.out / 'data_dictionary.md'}")
    if drawn is not None:
        print(f"  charts: {len(drawn.files)} file(s) in {args.out / 'charts'} (SVG and PNG)")
    return exitcodes.OK

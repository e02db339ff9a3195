"""``nianbao parse FILE``: print one document's report as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parsers import UnreadableDocument, parse


def add_parser(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("parse", help="parse one report document (any kind) and print it as JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--url", help="the URL the document came from (metadata only)")
    p.add_argument("--text", action="store_true", help="include the extracted text in the output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"nianbao parse: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        report = parse(data, path.name, url=args.url)
    except UnreadableDocument as exc:
        print(f"nianbao parse: {path}: {exc.reason}", file=sys.stderr)
        return 1
    json.dump(report.as_json(with_text=args.text), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0

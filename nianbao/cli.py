"""The ``nianbao`` command line. Each sub-command lives in ``nianbao.commands.<name>``."""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import sys
from importlib import import_module

# Sub-command modules, in the order ``--help`` lists them.
COMMANDS = [
    "parse",
    "summary",
    "errors",
    "harvest",
    "crawl",
    "worker",
    "ingest",
    "checkall",
    "portals",
    "reparse",
    "search",
    "coverage",
    "organs",
    "serve",
    "export",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description=__doc__)
    subs = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        import_module(f"nianbao.commands.{name}").add_parser(subs)
    return parser


def main(argv: list[str] | None = None) -> int:
    # a crash in a native library (PDFium, lxml, Tesseract …) prints every thread's Python stack on stderr
    if not faulthandler.is_enabled():
        with contextlib.suppress(RuntimeError, ValueError, OSError, AttributeError):  # no usable stderr
            faulthandler.enable()
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())

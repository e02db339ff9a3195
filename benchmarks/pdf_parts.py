"""Instructions per part of a PDF parse, by callgrind, on a folder of PDFs (the timing set's ``tuning/`` or
``held_back/``, ``scripts/build_pdf_timing_set.py``): the floor (pypdfium2's text, as ``benchmarks/parse.py``
times it), the reader, the shared parse on the reader's output, the whole parse (one pass).

As ``benchmarks/html_parts.py``: each part runs inside ``functools.reduce``, the one C function callgrind is told
to count in, after a warm-up pass; counts are deterministic to well under 1 %, unlike wall-clock ratios on a
shared machine.

    .venv/bin/python benchmarks/pdf_parts.py DIR [PART ...] [--root DIR]   # prints "part  instructions"

``--root``: a copy of the repository to measure instead (e.g. main).
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import tempfile
from pathlib import Path

from html_parts import counted, part_arguments

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("floor", "reader", "shared", "parse")


def _run(part: str, root: Path, folder: Path) -> None:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(ROOT / "benchmarks"))
    from parse import floor_pdf

    from parsers import parse
    from parsers.api import parse_extracted
    from parsers.readers import read

    docs = [p.read_bytes() for p in sorted(folder.glob("*.pdf"))]
    extracted = {d: read(d, "pdf") for d in docs} if part == "shared" else {}
    fns = {
        "floor": floor_pdf,
        "reader": lambda d: read(d, "pdf"),
        "shared": lambda d: parse_extracted(extracted[d]),
        "parse": lambda d: parse(d),
    }
    fn = fns[part]
    for d in docs:
        fn(d)
    gc.collect()
    functools.reduce(lambda acc, d: (fn(d), acc)[1], docs, 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    part_arguments(ap, PARTS)
    args = ap.parse_args(argv)
    if args.run:
        _run(args.run, args.root, args.folder)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for part in args.parts:
            out = (args.keep or Path(tmp)) / f"pdf-{args.folder.name}-{part}.out"
            count = counted(out, [__file__, str(args.folder), "--run", part, "--root", str(args.root)])
            print(f"{part:8s} {count:9.1f} M" if count is not None else f"{part:8s} ?", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

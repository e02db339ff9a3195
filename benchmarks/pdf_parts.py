"""Instructions per part of a PDF parse, by callgrind, on a folder of PDFs (the timing set's ``tuning/`` or
``held_back/``, ``scripts/build_pdf_timing_set.py``): the floor (pypdfium2's text, as ``benchmarks/parse.py``
times it), the reader, the shared parse on the reader's output, the whole parse (one pass).

As ``benchmarks/html_parts.py``: each part runs inside ``functools.reduce``, the one C function callgrind is told
to count in, after a warm-up pass; the shared parse runs on the reader's output read outside valgrind. Counts are
deterministic to well under 1 %, unlike wall-clock ratios on a shared machine.

    .venv/bin/python benchmarks/pdf_parts.py DIR [PART ...] [--root DIR]   # prints "part  instructions"

``--root``: a copy of the repository to measure instead (e.g. main).
"""

from __future__ import annotations

import argparse
import functools
import gc
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from html_parts import counted, part_arguments

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("floor", "reader", "shared", "parse")


def _floor_pdf() -> Callable[[bytes], object]:
    """benchmarks/parse.py's floor. parse.py puts this checkout first on the path and imports the parser from it:
    imported after the parser of ``--root``, it gets that one (the modules imported first are those every later
    import gets), so that ``--root`` measures its own checkout, not this one."""
    from parse import floor_pdf

    return floor_pdf


def _run(part: str, root: Path, folder: Path, extracted_file: Path | None) -> None:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(ROOT / "benchmarks"))
    from parsers import parse
    from parsers.api import parse_extracted
    from parsers.readers import read

    floor_pdf = _floor_pdf()  # after ``--root``'s parser is imported

    docs = [p.read_bytes() for p in sorted(folder.glob("*.pdf"))]
    if part == "save":  # the reader's output, read outside valgrind for the shared parse
        assert extracted_file is not None
        extracted_file.write_bytes(pickle.dumps([read(d, "pdf") for d in docs]))
        return
    extracted = dict(zip(docs, pickle.loads(extracted_file.read_bytes()), strict=True)) if extracted_file else {}
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
    ap.add_argument("--extracted", type=Path, help=argparse.SUPPRESS)  # inside valgrind: the reader's output
    args = ap.parse_args(argv)
    if args.run:
        _run(args.run, args.root, args.folder, args.extracted)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for part in args.parts:
            out = (args.keep or Path(tmp)) / f"pdf-{args.folder.name}-{part}.out"
            run = [__file__, str(args.folder), "--run", part, "--root", str(args.root)]
            if part == "shared":  # the reader run under valgrind would take longer than the part itself
                run += ["--extracted", str(Path(tmp) / "extracted.pkl")]
                subprocess.run([sys.executable, *run[:3], "save", *run[4:]], check=True)
            count = counted(out, run)
            print(f"{part:8s} {count:9.1f} M" if count is not None else f"{part:8s} ?", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

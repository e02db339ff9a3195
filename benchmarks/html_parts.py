"""Instructions per part of an HTML parse, by callgrind: the floor, the tree, the container choice, the page's
metadata, the hidden marks, the whole reader, the shared parse, the whole parse (the rendered seeds, one pass).

Each part runs cumulatively (``cont`` is the tree and the container choice …) inside ``functools.reduce``, the one
C function callgrind is told to count in (``--toggle-collect=functools_reduce``), after three warm-up passes: a
part's own instructions are the difference from the one before. Counts are deterministic to about ±0.5 M a pass
(hash seeds), unlike wall-clock ratios on a shared machine.

    .venv/bin/python benchmarks/html_parts.py [PART ...] [--root DIR]   # prints "part  instructions"

``--root``: a copy of the repository to measure instead (e.g. a build with compiled modules, or main).
"""

from __future__ import annotations

import argparse
import functools
import gc
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("floor", "tree", "cont", "meta", "marks", "reader", "shared", "parse")


def _run(part: str, root: Path, kind: str = "html") -> None:
    sys.path.insert(0, str(root))
    import io

    import python_calamine as pc
    from lxml import html as lxml_html

    from parsers import parse
    from parsers.api import parse_extracted
    from parsers.readers import html, read
    from parsers.readers.chrome import best_container

    docs = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures" / "rendered").glob(f"*.{kind}"))]
    extracted = {d: read(d, kind) for d in docs}

    def upto(d: bytes, last: str) -> None:
        tree = html.parse_tree(d)
        if last == "tree":
            return
        texts: dict = {}
        container, _ = best_container(tree, texts)
        if last == "cont":
            return
        html.extract_page_metadata(tree, texts)
        if last == "meta" or container is None:
            return
        html._Marks(container, texts)

    def xlsx_floor(d: bytes) -> None:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(d))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()

    fns = {
        "floor": (lambda d: lxml_html.document_fromstring(d).text_content()) if kind == "html" else xlsx_floor,
        "tree": lambda d: upto(d, "tree"),
        "cont": lambda d: upto(d, "cont"),
        "meta": lambda d: upto(d, "meta"),
        "marks": lambda d: upto(d, "marks"),
        "reader": lambda d: read(d, kind),
        "shared": lambda d: parse_extracted(extracted[d]),
        "parse": lambda d: parse(d),
    }
    fn = fns[part]
    for _ in range(3):
        for d in docs:
            fn(d)
    gc.collect()
    functools.reduce(lambda acc, d: (fn(d), acc)[1], docs, 0)


def part_arguments(ap: argparse.ArgumentParser, parts: tuple[str, ...]) -> None:
    """The arguments of a benchmark that counts instructions per part: the parts, ``--root``, ``--keep`` and
    ``--run`` (inside valgrind: run one part)."""
    ap.add_argument("parts", nargs="*", default=list(parts), help=f"of {', '.join(parts)} (all)")
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--keep", type=Path, help="keep the callgrind files in this folder")
    ap.add_argument("--run", help=argparse.SUPPRESS)


def counted(out: Path, script: list[str]) -> float | None:
    """Millions of instructions callgrind counts inside ``functools.reduce`` while Python runs ``script`` (a
    script's path and its arguments), its counts kept in ``out``."""
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
         f"--callgrind-out-file={out}", sys.executable, *script],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    m = re.search(r"^summary:\s*(\d+)", out.read_text(), re.M)
    return int(m.group(1)) / 1e6 if m else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    part_arguments(ap, PARTS)
    ap.add_argument("--kind", choices=("html", "xlsx"), default="html", help="xlsx: floor, reader, shared, parse only")
    args = ap.parse_args(argv)
    if args.run:
        _run(args.run, args.root, args.kind)
        return 0
    parts = args.parts if args.kind == "html" or args.parts != list(PARTS) else ["floor", "reader", "shared", "parse"]
    with tempfile.TemporaryDirectory() as tmp:
        for part in parts:
            out = (args.keep or Path(tmp)) / f"{args.kind}-{part}.out"
            count = counted(out, [__file__, "--run", part, "--root", str(args.root), "--kind", args.kind])
            print(f"{part:8s} {count:8.1f} M" if count is not None else f"{part:8s} ?", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

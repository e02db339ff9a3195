"""Snapshot what the shared parse makes of every document at hand, and compare a later parse with it.

A change meant only to make the parse faster must leave its output byte-identical: cells, warnings, checks,
review verdict, provenance. ``save`` reads every document (the fixtures, seeded damaged copies of the text
fixtures, and any ``--extra`` folders: OCR texts, PDFs rendered other ways), keeps each document's extraction
and the JSON of its report; ``compare`` runs ``build_report`` again on the kept extractions (so that a reader
changed meanwhile does not count) and, with ``--full``, ``parsers.parse`` on the bytes too.

    .venv/bin/python scripts/parse_snapshot.py save /tmp/base.pkl [--extra DIR ...]
    .venv/bin/python scripts/parse_snapshot.py compare /tmp/base.pkl [--full]

Prints how many documents were compared and lists those that differ (exit status 1 when any does).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse  # noqa: E402
from parsers.detect import detect_kind  # noqa: E402
from parsers.extracted import Extracted  # noqa: E402
from parsers.model import Report  # noqa: E402
from parsers.readers import read  # noqa: E402
from parsers.report import build_report  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SKIP = {".json", ".csv", ".yaml", ".png", ".jpg", ".pgm", ".pbm"}


def _documents(extra: list[str]) -> dict[str, bytes]:
    paths = [p for d in [FIXTURES, *map(Path, extra)] for p in sorted(d.rglob("*")) if p.is_file()]
    docs = {str(p): p.read_bytes() for p in paths if p.suffix and p.suffix.lower() not in SKIP}
    docs.update(_damaged([p for p in paths if p.suffix in (".txt", ".md") and "fixtures" in p.parts]))
    return docs


def _damaged(paths: list[Path], n: int = 300, seed: int = 13) -> dict[str, bytes]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return {f"damaged/{k:03d}.txt": t.encode("utf-8") for k, t in enumerate(damaged_texts(texts, n, seed))}


def damaged_texts(texts: list[str], n: int, seed: int = 13) -> list[str]:
    """Seeded damaged copies of ``texts``: characters dropped, digits changed, lines joined, split, dropped or
    swapped, numbers glued (what OCR and converters do), to reach the parse's repair paths."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        lines = rnd.choice(texts).split("\n")
        for _ in range(rnd.randint(1, 8)):
            i = rnd.randrange(len(lines))
            line, op = lines[i], rnd.randrange(7)
            if op == 0 and line:
                j = rnd.randrange(len(line))
                lines[i] = line[:j] + line[j + 1 :]
            elif op == 1:
                lines[i] = "".join(str(rnd.randrange(10)) if c.isdigit() and rnd.random() < 0.2 else c for c in line)
            elif op == 2 and i + 1 < len(lines):
                lines[i] = line + lines.pop(i + 1)
            elif op == 3 and line:
                j = rnd.randrange(len(line))
                lines[i : i + 1] = [line[:j], line[j:]]
            elif op == 4 and len(lines) > 1:
                lines.pop(i)
            elif op == 5:
                lines[i] = line.replace("0 0", "00", 1).replace("\t0\t", "\t\t", 1)
            elif i + 1 < len(lines):
                lines[i], lines[i + 1] = lines[i + 1], line
        out.append("\n".join(lines))
    return out


def _dump(report: Report) -> str:
    out = report.as_json()
    out.get("metadata", {}).pop("parser_version", None)
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)


def _attempt(fn: object, *args: object) -> str:
    try:
        return _dump(fn(*args))  # type: ignore[operator]
    except Exception as e:  # an error is an outcome to compare like any other
        return f"ERR {type(e).__name__}: {e}"[:300]


def _build(extracted: Extracted | None) -> str:
    return "ERR unreadable" if extracted is None else _attempt(build_report, extracted)


def _extract(name: str, data: bytes) -> Extracted | None:
    try:
        return read(data, detect_kind(data, name.rsplit("/", 1)[-1]))
    except Exception:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("save", "compare"))
    ap.add_argument("file")
    ap.add_argument("--extra", action="append", default=[], help="another folder of documents (save)")
    ap.add_argument("--full", action="store_true", help="compare parsers.parse on the bytes too")
    args = ap.parse_args()
    if args.mode == "save":
        docs = _documents(args.extra)
        extracted = {name: _extract(name, data) for name, data in docs.items()}
        snap = {
            "docs": docs,
            "extracted": extracted,
            "build": {name: _build(e) for name, e in extracted.items()},
            "full": {name: _attempt(parse, data, name.rsplit("/", 1)[-1]) for name, data in docs.items()},
        }
        Path(args.file).write_bytes(pickle.dumps(snap))
        print(f"{len(docs)} documents saved")
        return 0
    snap = pickle.loads(Path(args.file).read_bytes())
    differ = [name for name, e in snap["extracted"].items() if _build(e) != snap["build"][name]]
    print(f"build_report: {len(snap['extracted'])} documents compared; {len(differ)} differ")
    if args.full:
        full = [n for n, d in snap["docs"].items() if _attempt(parse, d, n.rsplit("/", 1)[-1]) != snap["full"][n]]
        print(f"parse: {len(snap['docs'])} documents compared; {len(full)} differ")
        differ += full
    for name in differ[:30]:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

"""OCR: cells read right, seconds per page and peak memory, per engine, resolution and damage.

The scan corpus is built on the fly by ``scripts/build_scans.py`` (the rendered seeds printed by pdftoppm at
each dpi, then damaged: ``clean``, ``rotate``, ``noise``, ``jpeg``, ``scan``). Every (engine, dpi) runs in a
child process of its own, so that its peak memory (``ru_maxrss``) is its own; documents are split over
``--jobs`` such children (each reads its pages on one core: ``NIANBAO_OCR_WORKERS=1``), and seconds per
page are the children's own parse times. A cell is right when the parsed value equals the hand-read gold
value (a blank equals only a blank).

Seeds 000–002 are the part the OCR was tuned on; 003–004 are held back: the figures are given for each.

Run: ``.venv/bin/python benchmarks/ocr.py [--engine tesseract rapidocr] [--dpi 150 200 300]
[--kind clean scan] [--seeds 000 003] [--jobs 2] [--json FILE]``. Prints markdown tables.
``--throughput`` also times one multi-page document read by the shared pool on every core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

GOLD = ROOT / "tests" / "fixtures" / "gold"


def score(cells: dict[str, Any], gold: dict[str, Any]) -> tuple[int, list[str]]:
    wrong = [k for k, v in gold.items() if k not in cells or cells[k] != v]
    return len(gold) - len(wrong), wrong


class Stopwatch:
    """Wraps a function of a module: how many calls, and the seconds they took (the child's own)."""

    def __init__(self, module: Any, name: str) -> None:
        self.calls, self.seconds, self.inner = 0, 0.0, getattr(module, name)
        setattr(module, name, self)

    def __call__(self, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return self.inner(*args)
        finally:
            self.calls += 1
            self.seconds += time.perf_counter() - started

    def take(self) -> tuple[int, float]:
        out = (self.calls, round(self.seconds, 3))
        self.calls, self.seconds = 0, 0.0
        return out


def child(args: argparse.Namespace) -> None:
    """Parse the given documents with one engine at one dpi; print one JSON line per document."""
    import build_scans  # type: ignore[import-not-found]

    import parsers
    from parsers.ocr import document, preprocess

    # what finding a page's orientation costs: the skew search, OSD, the readings (more than one a page: a
    # page read again turned)
    skew = Stopwatch(preprocess, "skew_angle")
    osd = Stopwatch(document, "orientation")
    reads = Stopwatch(document, "_read")
    for stem in args.stems:
        for kind in args.kind:
            scan = build_scans.build(stem, args.dpi[0], kind)
            pdf = scan.pdf()
            skew.take(), osd.take(), reads.take()
            started = time.perf_counter()
            try:
                report = parsers.parse(pdf, f"{stem}.pdf")
                cells = {k: c.value for k, c in report.cells.items()}
                failed = [c.name for c in report.checks if not c.passed]
                corrected = [w.key for w in report.warnings if w.code == "ocr_corrected"]
                turned = [w.message for w in report.warnings if w.code == "page_turned"]
                error = None
            except parsers.UnreadableDocument as exc:
                cells, failed, corrected, turned, error = {}, [], [], [], f"{exc.code}: {exc.reason}"
            seconds = time.perf_counter() - started
            gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["cells"]
            right, wrong = score(cells, gold)
            row = {
                "engine": args.engine[0],
                "dpi": args.dpi[0],
                "kind": kind,
                "stem": stem,
                "pages": len(scan.pages),
                "seconds": round(seconds, 3),
                "right": right,
                "total": len(gold),
                "wrong": wrong,
                "failed_identities": failed,
                "corrected": corrected,
                "turned": turned,
                "skew": skew.take(),
                "osd": osd.take(),
                "reads": reads.take(),
                "error": error,
                "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
            print(json.dumps(row, ensure_ascii=False), flush=True)


def run_children(engine: str, dpi: int, kinds: list[str], stems: list[str], jobs: int) -> list[dict[str, Any]]:
    env = {**os.environ, "NIANBAO_OCR_ENGINE": engine, "NIANBAO_OCR_WORKERS": "1", "OMP_THREAD_LIMIT": "1"}
    parts = [stems[i::jobs] for i in range(jobs) if stems[i::jobs]]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child",
                "--engine",
                engine,
                "--dpi",
                str(dpi),
                "--kind",
                *kinds,
                "--seeds",
                *part,
            ],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        for part in parts
    ]
    rows: list[dict[str, Any]] = []
    for proc in procs:
        out, _ = proc.communicate()
        rows += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return rows


def pct(right: int, total: int) -> str:
    return f"{100 * right / total:.1f} % ({right}/{total})" if total else "–"


def report(rows: list[dict[str, Any]]) -> None:
    held = {"003", "004"}
    by: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    speed: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for r in rows:
        key = (r["engine"], r["dpi"])
        split = "held_back" if r["stem"][:3] in held else "tune"
        for bucket in (split, f"kind:{r['kind']}", "all"):
            by[key][bucket][0] += r["right"]
            by[key][bucket][1] += r["total"]
        speed[key][0] += r["seconds"]
        speed[key][1] += r["pages"]
        speed[key][2] = max(speed[key][2], r["maxrss_mb"])
    kinds = sorted({r["kind"] for r in rows})
    by_kind: dict[tuple[str, int, str, str], list[int]] = defaultdict(lambda: [0, 0])
    cost: dict[tuple[str, int, str], list[float]] = defaultdict(lambda: [0.0] * 7)
    for r in rows:
        split = "held_back" if r["stem"][:3] in held else "tune"
        for bucket in (split, "all"):
            by_kind[(r["engine"], r["dpi"], r["kind"], bucket)][0] += r["right"]
            by_kind[(r["engine"], r["dpi"], r["kind"], bucket)][1] += r["total"]
        c = cost[(r["engine"], r["dpi"], r["kind"])]
        extra = r["reads"][1] * (r["reads"][0] - r["pages"]) / max(1, r["reads"][0])  # a re-read's share
        for i, v in enumerate(
            (r["pages"], r["seconds"], r["skew"][1], r["osd"][0], r["osd"][1], r["reads"][0] - r["pages"], extra)
        ):
            c[i] += v
    print("| engine | dpi | cells right (all) | tuned on 000–002 | held back 003–004 | s/page (1 core) | peak MB |")
    print("|---|---|---|---|---|---|---|")
    for (engine, dpi), b in sorted(by.items()):
        s = speed[(engine, dpi)]
        print(
            f"| {engine} | {dpi} | {pct(*b['all'])} | {pct(*b['tune'])} | {pct(*b['held_back'])} | "
            f"{s[0] / max(1, s[1]):.2f} | {s[2]:.0f} |"
        )
    print()
    print("| engine | dpi | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    for (engine, dpi), b in sorted(by.items()):
        print(f"| {engine} | {dpi} | " + " | ".join(pct(*b[f"kind:{k}"]) for k in kinds) + " |")
    print()
    print(
        "| engine | dpi | kind | tuned on 000–002 | held back 003–004 | pages turned (warned) | s/page | "
        "skew search s/page | OSD calls (s) | pages read again (≈ s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (engine, dpi, kind), c in sorted(cost.items()):
        turned = sum(len(r["turned"]) for r in rows if (r["engine"], r["dpi"], r["kind"]) == (engine, dpi, kind))
        print(
            f"| {engine} | {dpi} | {kind} | {pct(*by_kind[(engine, dpi, kind, 'tune')])} | "
            f"{pct(*by_kind[(engine, dpi, kind, 'held_back')])} | {turned} | {c[1] / max(1, c[0]):.2f} | "
            f"{c[2] / max(1, c[0]):.3f} | {c[3]:.0f} ({c[4]:.1f}) | {c[5]:.0f} ({c[6]:.1f}) |"
        )
    failing = [
        (r["engine"], r["dpi"], r["kind"], r["stem"][:3], r["failed_identities"])
        for r in rows
        if r["failed_identities"]
    ]
    if failing:
        print()
        print("failing identities (reported as identity_failed):")
        for f in failing:
            print(f"  {f[0]} {f[1]} dpi {f[2]} {f[3]}: {', '.join(f[4])}")


def throughput(engine: str, dpi: int) -> None:
    """One 8-page document read by the shared pool on every core, against the same pages one by one."""
    import build_scans

    from parsers.ocr.document import workers

    pdf = build_scans.build("002_153f5bf49180240b", dpi, "scan").pdf()
    env = {**os.environ, "NIANBAO_OCR_ENGINE": engine}
    code = (
        "import sys,time,parsers;d=open(sys.argv[1],'rb').read();"
        "t=time.perf_counter();parsers.parse(d);print(time.perf_counter()-t)"
    )
    path = Path("/tmp") / f"nianbao-ocr-bench-{os.getpid()}.pdf"
    path.write_bytes(pdf)
    try:
        pooled = float(
            subprocess.run(
                [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        env["NIANBAO_OCR_WORKERS"] = "1"
        serial = float(
            subprocess.run(
                [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
    finally:
        path.unlink(missing_ok=True)
    print(
        f"\nthroughput ({engine}, {dpi} dpi, 8 pages): {8 / pooled:.2f} pages/s on {workers()} workers, "
        f"{8 / serial:.2f} pages/s on one; ratio {serial / pooled:.2f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", nargs="*", default=["tesseract", "rapidocr"])
    ap.add_argument("--dpi", type=int, nargs="*", default=[150, 200, 300])
    ap.add_argument(
        "--kind",
        nargs="*",
        default=["clean", "rotate", "noise", "jpeg", "scan"],
        help="damage kinds of scripts/build_scans.py (also turn90 turn180 turn270 crooked)",
    )
    ap.add_argument("--seeds", nargs="*", default=["000", "001", "002", "003", "004"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write every document's figures as JSON Lines")
    ap.add_argument("--throughput", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    stems = sorted(p.stem for p in GOLD.glob("*.json") if any(p.stem.startswith(s) for s in args.seeds))
    if args.child:
        args.stems = [s for s in stems if any(s.startswith(x) for x in args.seeds)]
        child(args)
        return 0
    rows: list[dict[str, Any]] = []
    for engine in args.engine:
        for dpi in args.dpi:
            rows += run_children(engine, dpi, args.kind, stems, args.jobs)
    if args.json:
        args.json.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report(rows)
    if args.throughput:
        for engine in args.engine:
            throughput(engine, 200)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

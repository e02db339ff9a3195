"""Score the parser on synthetic reports (``scripts/synth_reports.py``) against their exact gold.

    .venv/bin/python scripts/synth_score.py /tmp/synth                 # per kind, tuning and held back
    .venv/bin/python scripts/synth_score.py /tmp/synth --json out.json
    .venv/bin/python scripts/synth_score.py /tmp/synth --wrong 20 --kind pdf   # what went wrong (tuning part only)

Every kind of every report is parsed with ``parsers.parse`` on its bytes (the file name as the only hint). Per
kind and split: gold cells read right; cells read as a **wrong number** (a value where the gold has another value,
or a value where the gold is blank: worse than a blank); cells left **blank** (null or missing where the gold has a
number); and **verdicts** that are wrong: a report whose gold says an identity must fail (or a 第二十条 block is
missing) must be ``review: required``; a clean report should not be. Region, year and format are counted apart.
For text kinds (``.txt``, ``.md``), ``printed`` is the share of gold cells whose number the text prints at all
(``score_corpus.printed_cells``): the ceiling of any reading, what OCR text simply lacks.
Details (``--wrong``) are printed for the tuning part only: the held-back part is measured, never looked at.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from parsers import parse  # noqa: E402

SPLITS = ("tuning", "held_back")


def same(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    try:
        return math.isclose(float(want), float(got), rel_tol=0, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def read_kind(folder: Path, gold: dict[str, Any], kind: str) -> tuple[dict[str, Any], str | None]:
    """One kind of one report parsed (``as_json``), and the error if the parser refused it (then no cells)."""
    path = folder / gold["inputs"][kind]
    try:
        return parse(path.read_bytes(), path.name).as_json(), None
    except Exception as e:  # a report the parser refuses scores 0, with the reason
        return {"cells": {}, "metadata": {}}, f"{type(e).__name__}: {e}"


def compare_cells(
    gold_cells: dict[str, Any], got: dict[str, Any]
) -> tuple[int, dict[str, list[Any]], dict[str, list[Any]]]:
    """Cells read right (a count), read as a wrong number and left blank (key → [gold, read])."""
    wrong: dict[str, list[Any]] = {}
    blank: dict[str, list[Any]] = {}
    right = 0
    for key, want in gold_cells.items():
        value = got.get(key)
        if same(want, value):
            right += 1
        elif value is None:
            blank[key] = [want, None]
        else:
            wrong[key] = [want, value]
    return right, wrong, blank


def score_one(folder: Path, gold: dict[str, Any], kind: str) -> dict[str, Any]:
    path = folder / gold["inputs"][kind]
    report, error = read_kind(folder, gold, kind)
    got, meta = report.get("cells", {}), report.get("metadata", {})
    # text kinds: the cells the text prints at all (the ceiling any reading of it has: OCR text loses cells)
    printed = None
    if path.suffix in (".txt", ".md"):
        from score_corpus import printed_cells

        printed = printed_cells(path.read_text(encoding="utf-8", errors="replace"), gold["cells"])
    right, wrong, blank = compare_cells(gold["cells"], got)
    expect = gold["synth"]["expect_review"]
    review = meta.get("review")
    verdict_ok = (review == "required") == (expect == "required")
    want_meta = gold["metadata"]
    meta_right = sum(meta.get(k) == want_meta[k] for k in ("region", "year", "format"))
    return {
        "stem": path.name.split(".")[0],
        "kind": kind,
        "split": gold["synth"]["split"],
        "cells": len(gold["cells"]),
        "right": right,
        "wrong": wrong,
        "blank": blank,
        "expect_review": expect,
        "review": review,
        "review_reasons": meta.get("review_reasons", []),
        "verdict_ok": verdict_ok,
        "meta_right": meta_right,
        "printed": None if printed is None else len(printed),
        "printed_right": None if printed is None else len(printed - set(wrong) - set(blank)),
        "error": error,
        "warnings": [w.get("code") for w in report.get("warnings", [])],
    }


def _job(args: tuple[str, str, str]) -> dict[str, Any]:
    folder, gold_file, kind = args
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    return score_one(Path(folder), gold, kind)


def kinds_of(folder: Path, kinds: list[str] | None = None) -> list[tuple[Path, str]]:
    """(gold file, kind) of every report of a synth folder, every kind its gold lists (or only ``kinds``)."""
    out = []
    for gold_file in sorted(folder.glob("synth_*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        out += [(gold_file, kind) for kind in gold["inputs"] if kinds is None or kind in kinds]
    return out


def score(folder: Path, kinds: list[str] | None = None, workers: int = 2) -> list[dict[str, Any]]:
    jobs = [(str(folder), str(gold_file), kind) for gold_file, kind in kinds_of(folder, kinds)]
    if workers <= 1:
        return [_job(j) for j in jobs]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_job, jobs, chunksize=4))


def summarise(results: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """kind → split → figures."""
    out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in results:
        f = out[r["kind"]].setdefault(
            r["split"],
            {"reports": 0, "cells": 0, "right": 0, "wrong": 0, "blank": 0, "verdict_wrong": 0,
             "missed_required": 0, "false_required": 0, "meta_right": 0, "errors": 0, "printed": 0,
             "printed_right": 0, "table_errors": 0},
        )  # fmt: skip
        f["reports"] += 1
        f["cells"] += r["cells"]
        f["right"] += r["right"]
        f["wrong"] += len(r["wrong"])
        f["blank"] += len(r["blank"])
        f["meta_right"] += r["meta_right"]
        f["errors"] += bool(r["error"])
        # a table whose reader raised, read blank (parsers/tables/guarded.py): a bug, counted apart from the cells
        f["table_errors"] += "table_read_error" in r.get("warnings", [])
        if r.get("printed") is not None:
            f["printed"] += r["printed"]
            f["printed_right"] += r["printed_right"]
        if not r["verdict_ok"]:
            f["verdict_wrong"] += 1
            f["missed_required" if r["expect_review"] == "required" else "false_required"] += 1
    for kind in out.values():
        for f in kind.values():
            f["percent"] = round(100 * f["right"] / f["cells"], 2) if f["cells"] else 0.0
    return dict(out)


def below_floor(
    results: list[dict[str, Any]], floors: dict[tuple[str, str], tuple[float, int]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, split) → its figures, wherever fewer cells are right than the floor (a % of cells) or more are read
    as a wrong number than the ceiling: the tests' per-kind check, in one place."""
    summary = summarise(results)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (kind, split), (floor, ceiling) in floors.items():
        figures = summary.get(kind, {}).get(split)
        if figures is None or figures["percent"] < floor or figures["wrong"] > ceiling:
            out[(kind, split)] = figures or {"missing": True}
    return out


def missed_required(results: list[dict[str, Any]]) -> list[str]:
    """``stem.kind`` of every reading whose gold says an identity must fail (review: required) and that is not
    ``review: required``. Raises if no report of the results must fail: such a check could not fail."""
    broken = [r for r in results if r["expect_review"] == "required"]
    if not broken:
        raise ValueError("no report here has a wrong published total or a missing block")
    return [r["stem"] + "." + r["kind"] for r in broken if r["review"] != "required"]


def print_table(summary: dict[str, dict[str, dict[str, Any]]]) -> None:
    print(f"{'kind':24} {'split':9} {'reports':>7} {'cells right':>17} {'%':>7} {'wrong#':>6} {'blank':>6} "
          f"{'verdict✗':>8} {'(missed/false)':>14} {'meta':>7} {'printed':>8}")  # fmt: skip
    for kind in sorted(summary):
        for split in SPLITS:
            f = summary[kind].get(split)
            if not f:
                continue
            print(
                f"{kind:24} {split:9} {f['reports']:7d} {f['right']:8d}/{f['cells']:<8d} {f['percent']:7.2f} "
                f"{f['wrong']:6d} {f['blank']:6d} {f['verdict_wrong']:8d} "
                f"{f['missed_required']:>6d}/{f['false_required']:<7d} {f['meta_right']:3d}/{3 * f['reports']:<3d}"
                + (f" {100 * f['printed'] / f['cells']:7.2f}%" if f.get("printed") else "")
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, nargs="?", default=ROOT / "tests" / "fixtures" / "synth")
    ap.add_argument("--kind", action="append", default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--wrong", type=int, default=0, help="print up to N wrong/blank cells per tuning report")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    results = score(args.folder, args.kind, args.workers)
    summary = summarise(results)
    print_table(summary)
    stopped = [f"{r['stem']}.{r['kind']}" for r in results if r["error"] or "table_read_error" in r["warnings"]]
    if stopped:  # the parse or one table's reader raised: a bug to look for, whichever the split
        print(f"readers that raised (error, or a table_read_error warning): {len(stopped)}: {' '.join(stopped)}")
    if args.wrong:
        for r in results:
            if r["split"] != "tuning":
                continue  # held back: whole figures only
            bad = {**r["wrong"], **r["blank"]}
            if bad or not r["verdict_ok"] or r["error"]:
                items = list(bad.items())[: args.wrong]
                print(f"{r['stem']} {r['kind']}: {r['right']}/{r['cells']} review={r['review']} "
                      f"(expect {r['expect_review']}) {r['review_reasons']} {r['error'] or ''}")  # fmt: skip
                for k, (w, g) in items:
                    print(f"    {k}: gold {w!r} got {g!r}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

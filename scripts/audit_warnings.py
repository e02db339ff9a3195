"""Silent cells: what a parse leaves blank, or reads as a wrong number, without a warning that names it (issue 8).

    .venv/bin/python scripts/audit_warnings.py /tmp/synth                  # counts per kind, tuning and held back
    .venv/bin/python scripts/audit_warnings.py /tmp/synth --list --kind pdf  # the silent cells (tuning part only)

Over a ``synth_reports.py`` folder (the layout ``synth_score.py`` reads, by its own loading): for every parse, the
cells the gold fills that the parse leaves **blank**, and the cells it reads as a **wrong number**, for which no
warning of the parse has a ``key`` naming the cell, its row or its table (``active/fees/amount``, ``active/fees``,
``active``): a guess or a loss nobody is told of. A warning without a key (a whole-document note) names no cell,
but ``no_table`` (no table found at all) names every cell.
Per kind and split: parses, blank and wrong cells, and how many of each are silent. ``--list`` prints the silent
cells of the tuning part only: the held-back part is counted, never looked at.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_score import SPLITS, compare_cells, kinds_of, read_kind

# warnings without a key that are about every table: the text holds none (``no_table``), so no cell is read
EVERY_CELL = frozenset({"no_table"})


def names(warning: dict[str, Any], cell: str) -> bool:
    """Whether a warning (``as_json``'s) names the cell: its key is the cell, its row or its table, or it says no
    table was found at all."""
    key = warning.get("key")
    if not key:
        return warning.get("code") in EVERY_CELL
    return bool(cell == key or cell.startswith(f"{key}/"))


def silent_cells(gold_cells: dict[str, Any], report: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The gold-filled cells a parse (``as_json``) leaves blank with no warning naming them (key → gold), and the
    cells it reads as a wrong number with none (key → [gold, read])."""
    _, wrong, blank = compare_cells(gold_cells, report.get("cells", {}))
    warnings = report.get("warnings", [])
    blank_silent = {k: want for k, (want, _) in blank.items() if not any(names(w, k) for w in warnings)}
    wrong_silent = {k: pair for k, pair in wrong.items() if not any(names(w, k) for w in warnings)}
    return blank_silent, wrong_silent


def audit(folder: Path, kinds: list[str] | None = None) -> list[dict[str, Any]]:
    """One record a parse: stem, kind, split, its blank and wrong counts, its silent cells."""
    out = []
    for gold_file, kind in kinds_of(folder, kinds):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        report, error = read_kind(folder, gold, kind)
        _, wrong, blank = compare_cells(gold["cells"], report.get("cells", {}))
        blank_silent, wrong_silent = silent_cells(gold["cells"], report)
        out.append(
            {"stem": gold_file.stem, "kind": kind, "split": gold["synth"]["split"], "error": error,
             "blank": len(blank), "wrong": len(wrong), "blank_silent": blank_silent, "wrong_silent": wrong_silent}
        )  # fmt: skip
    return out


def print_counts(records: list[dict[str, Any]]) -> None:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in records:
        c = counts[(r["kind"], r["split"])]
        c[0] += 1
        c[1] += r["blank"]
        c[2] += len(r["blank_silent"])
        c[3] += r["wrong"]
        c[4] += len(r["wrong_silent"])
    print(f"{'kind':24} {'split':9} {'parses':>6} {'blank':>6} {'silent':>6} {'wrong#':>6} {'silent':>6}")
    for kind, split in sorted(counts, key=lambda ks: (ks[0], SPLITS.index(ks[1]))):
        print(f"{kind:24} {split:9} " + " ".join(f"{n:6d}" for n in counts[(kind, split)]))
    total = [sum(c[i] for c in counts.values()) for i in range(5)]
    print(f"{'all':24} {'':9} " + " ".join(f"{n:6d}" for n in total))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--kind", action="append", default=None)
    ap.add_argument("--list", action="store_true", help="print the silent cells (tuning part only)")
    ap.add_argument("--json", type=Path, default=None, help="the tuning part's silent cells, a record a parse")
    args = ap.parse_args(argv)
    records = audit(args.folder, args.kind)
    print_counts(records)
    tuning = [r for r in records if r["split"] == "tuning"]
    if args.list:
        for r in tuning:
            for key, want in r["blank_silent"].items():
                print(f"{r['stem']} {r['kind']} blank {key}: gold {want!r}")
            for key, (want, got) in r["wrong_silent"].items():
                print(f"{r['stem']} {r['kind']} wrong {key}: gold {want!r} read {got!r}")
    if args.json:
        args.json.write_text(json.dumps(tuning, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

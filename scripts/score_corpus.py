"""Score the parser on the generalisation corpus (``tests/fixtures/corpus/``) against the hand-read gold cells.

    .venv/bin/python scripts/score_corpus.py                  # table per convention and per damage kind
    .venv/bin/python scripts/score_corpus.py --json           # the same as JSON
    .venv/bin/python scripts/score_corpus.py --wrong 5 --convention md-pymupdf4llm   # what went wrong

Every variant is parsed with ``parsers.parse`` on its bytes, the file name as the only hint (``.md``/``.txt``).
A gold cell is right when the parser's value equals it (``null`` where the gold is ``null``; a cell the parser
did not give counts as ``null``). Figures are given separately for the tuning part (seeds 000–002) and the
held-back part (seeds 003–004). For damaged variants, the cells the damage touched are also counted apart
(``touched``). The exit status is 0 whatever the accuracy: this is a measuring tool.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse  # noqa: E402
from parsers.tables.tokens import normalise  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SPLITS = ("tuning", "held_back")


def load_manifest(corpus: Path = CORPUS) -> dict[str, Any]:
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))


def gold_cells(stem: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["cells"]


def score_variant(variant: dict[str, Any], corpus: Path = CORPUS) -> dict[str, Any]:
    """One variant parsed and compared with its gold: right/total, the touched cells apart, the wrong cells."""
    path = corpus / variant["path"]
    want = gold_cells(variant["seed_report"])
    error = None
    try:
        got = parse(path.read_bytes(), path.name).as_json()["cells"]
    except Exception as e:  # a variant the parser refuses scores 0, with the reason
        got, error = {}, f"{type(e).__name__}: {e}"
    wrong = {k: [v, got.get(k)] for k, v in want.items() if got.get(k) != v}
    printed = printed_cells(path.read_text(encoding="utf-8", errors="replace"), want)
    touched = set(variant.get("touched_keys", []))
    unrecoverable = set(variant.get("unrecoverable_keys", []))
    return {
        "path": variant["path"],
        "convention": variant["convention"],
        "split": variant["split"],
        "damage": variant.get("damage", []),
        "right": len(want) - len(wrong),
        "total": len(want),
        "touched_right": len(touched - set(wrong)),
        "touched_total": len(touched),
        "unrecoverable_total": len(unrecoverable),
        "printed_total": len(printed),
        "printed_right": len(printed - set(wrong)),
        "wrong_numbers": sum(1 for want_got in wrong.values() if want_got[1] is not None),
        "error": error,
        "wrong": wrong,
    }


_TEXT_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def tables_region(text: str) -> str:
    """The tables' part of the normalised text: from 第二十条 to the first paragraph after table 四's 行政复议."""
    norm = normalise(text)
    start = norm.find("第二十条")
    region = norm[start if start >= 0 else 0 :]
    anchor = region.rfind("行政复议")
    if anchor >= 0:
        para = re.search(r"[^\n]{60,}", region[anchor:])
        if para:
            region = region[: anchor + para.start()]
    return region


def printed_cells(text: str, want: dict[str, Any]) -> set[str]:
    """The gold cells whose value the text prints at all: a blank cell always; a value when the tables' part of
    the text (from table 二's first 第二十条 block, or the whole text, to the first paragraph after table 四)
    prints that number as often as the gold has it — counted as a multiset, cells taken in table order.
    Mechanical and generous (it ignores where the number sits): the share of cells any reading could get from
    the printed numbers, OCR'd letters not counted as digits."""
    region = tables_region(text)
    available = Counter(_TEXT_NUMBER.findall(region.replace(",", "")))
    out: set[str] = set()
    for key, value in want.items():
        if value is None:
            out.add(key)
            continue
        printed = str(value)
        if available[printed] > 0:
            available[printed] -= 1
            out.add(key)
    return out


def score(corpus: Path = CORPUS, conventions: set[str] | None = None) -> list[dict[str, Any]]:
    variants = load_manifest(corpus)["variants"]
    return [score_variant(v, corpus) for v in variants if conventions is None or v["convention"] in conventions]


def _add(acc: dict[str, list[int]], split: str, right: int, total: int) -> None:
    for s in (split, "all"):
        acc.setdefault(s, [0, 0])
        acc[s][0] += right
        acc[s][1] += total


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Cells right/total per convention and per damage kind, for the tuning part, the held-back part and all."""
    by_convention: dict[str, dict[str, list[int]]] = defaultdict(dict)
    by_damage: dict[str, dict[str, list[int]]] = defaultdict(dict)
    touched: dict[str, dict[str, list[int]]] = defaultdict(dict)
    printed: dict[str, dict[str, list[int]]] = defaultdict(dict)
    read_of_printed: dict[str, dict[str, list[int]]] = defaultdict(dict)
    wrong_numbers: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for r in results:
        _add(wrong_numbers[r["convention"]], r["split"], r.get("wrong_numbers", 0), r["total"])
        _add(by_convention[r["convention"]], r["split"], r["right"], r["total"])
        _add(printed[r["convention"]], r["split"], r["printed_total"], r["total"])
        _add(read_of_printed[r["convention"]], r["split"], r["printed_right"], r["printed_total"])
        for kind in r["damage"]:
            _add(by_damage[kind], r["split"], r["right"], r["total"])
            if len(r["damage"]) == 1:
                _add(touched[kind], r["split"], r["touched_right"], r["touched_total"])
    return {
        "conventions": dict(sorted(by_convention.items())),
        "damage_kinds": dict(sorted(by_damage.items())),
        "touched_cells": dict(sorted(touched.items())),
        "printed_cells": dict(sorted(printed.items())),
        "printed_cells_right": dict(sorted(read_of_printed.items())),
        # cells read as a value that is not the gold's (a wrong number is worse than a blank)
        "wrong_numbers": dict(sorted(wrong_numbers.items())),
    }


def percent(pair: list[int] | None) -> float | None:
    if not pair or not pair[1]:
        return None
    return 100.0 * pair[0] / pair[1]


def _cell(pair: list[int] | None) -> str:
    if not pair or not pair[1]:
        return "—" if not pair else "0/0"
    return f"{pair[0]}/{pair[1]} {percent(pair):5.1f} %"


def print_table(title: str, rows: dict[str, dict[str, list[int]]]) -> None:
    print(f"\n{title}")
    print(f"{'':32} {'tuning (000–002)':>22} {'held back (003–004)':>22} {'all':>22}")
    for name, acc in rows.items():
        print(f"{name:32} {_cell(acc.get('tuning')):>22} {_cell(acc.get('held_back')):>22} {_cell(acc.get('all')):>22}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the summary and every variant's score as JSON")
    ap.add_argument("--convention", action="append", help="only these conventions (repeatable)")
    ap.add_argument("--wrong", type=int, default=0, metavar="N", help="list up to N wrong cells per variant")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--printed", action="store_true", help="also: the cells the text prints at all, read right")
    args = ap.parse_args(argv)
    results = score(args.corpus, set(args.convention) if args.convention else None)
    summary = summarise(results)
    if args.json:
        print(json.dumps({"summary": summary, "variants": results}, ensure_ascii=False, indent=1))
        return 0
    print_table("cells right per convention", summary["conventions"])
    print_table("cells right per damage kind (every variant with that damage)", summary["damage_kinds"])
    print_table("touched cells right (the cells each single damage changed)", summary["touched_cells"])
    print_table("cells read as a wrong value (not blank: worse than a blank)", summary["wrong_numbers"])
    if args.printed:
        print_table(
            "cells the text prints at all (blank cells, and values printed as numbers)", summary["printed_cells"]
        )
        print_table("of the cells the text prints, read right", summary["printed_cells_right"])
    errors = [r for r in results if r["error"]]
    for r in errors:
        print(f"\nrefused: {r['path']}: {r['error']}")
    if args.wrong:
        for r in results:
            if r["wrong"]:
                print(f"\n{r['path']}: {r['right']}/{r['total']}")
                for k, (want, got) in list(r["wrong"].items())[: args.wrong]:
                    print(f"  {k}: gold {want}, read {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

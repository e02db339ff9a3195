"""How far the parser is from what an OCR text holds: the cells a reader could place, per report and kind.

    .venv/bin/python scripts/ocr_ceiling.py /tmp/synth-ocr --kind tess-psm3 --kind tess-psm4
    .venv/bin/python scripts/ocr_ceiling.py /tmp/synth-ocr --gap 30      # the tuning part's cells held, not read

A gold cell is **held** by a text when a reader who knows the tables' rows could place it from the printed numbers:

- the tables' part of the text (``score_corpus.printed_cells``'s region) is cut into segments at the rows' labels:
  each row of tables 二 and 三 is anchored at the first line, after the previous anchor, that matches one of its
  template patterns (``parsers/tables/templates.py``; spaces and punctuation ignored, a label wrapped over two
  lines matched on the two joined, at the first); table 四 (no row labels in print: its 15 cells are one line) is
  anchored at ``行政复议``;
- a segment runs from its anchor to the next anchor; its gold values are those of its row and of the rows after it
  that found no anchor (row-major, column order);
- a segment's printed numbers are the numbers on its lines (``(?<![\\d.])\\d+(\\.\\d+)?``), in reading order;
- the segment holds as many cells as the longest common subsequence of its gold values and its printed numbers
  (values present *in order*; a number printed out of order, or in another row's segment, is not held).

Gold blanks count as held (nothing to read). ``--zero-letters`` also takes a lone ``o O 〇 θ Θ ø Ø`` (a 0 OCR read
as a letter, with at most one rule mark ``| l I j J [ ] { }`` beside it) as a printed 0. Per kind and split: cells,
held, parser right, wrong numbers, and the gap (per segment, the cells it holds beyond those of its rows the
parser read right, summed: a cell read right by deduction beyond its segment's hold offsets no other segment's
gap). The parser's own output is never the reference: the held cells come from the text and the gold alone.
Details (``--gap``) are printed for the tuning part only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from score_corpus import tables_region  # noqa: E402
from synth_reports import split_of  # noqa: E402
from synth_score import same  # noqa: E402

from parsers import parse  # noqa: E402
from parsers.tables.templates import ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS_2019, APPLICATION_ROWS_2021  # noqa: E402

_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_ZERO_LETTER = re.compile(r"(?<=\s)[|lIjJ\[\]{}]?[oO〇θΘøØ][|lIjJ\[\]{}]?(?=\s)")
_NOISE = re.compile(r"[\s|_.,:;'\"“”‘’`~\-—=()\[\]{}（）【】、，。：；·]")
REVIEW = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def region_lines(text: str) -> list[str]:
    """The tables' part of the text, by line (as ``score_corpus.printed_cells`` cuts it)."""
    return tables_region(text).split("\n")


def numbers(line: str, zero_letters: bool) -> list[str]:
    if zero_letters:
        line = _ZERO_LETTER.sub("0", f" {line} ")
    return _NUMBER.findall(line.replace(",", ""))


def lcs(want: list[str], got: list[str]) -> set[int]:
    """Indices of ``want`` in one longest common subsequence with ``got``."""
    n, m = len(want), len(got)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if want[i] == got[j] else max(table[i + 1][j], table[i][j + 1])
    out, i, j = set(), 0, 0
    while i < n and j < m:
        if want[i] == got[j]:
            out.add(i)
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _patterns(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p.replace("^", "").replace("$", "").replace(r"\(", "").replace(r"\)", "")) for p in patterns]


def rows_of(gold: dict[str, Any]) -> list[tuple[str, list[str], list[re.Pattern[str]]]]:
    """(row, its gold cell keys in column order, its anchor patterns), in the order the report prints them."""
    cells = gold["cells"]
    out: list[tuple[str, list[str], list[re.Pattern[str]]]] = []
    for row in ACTIVE_ROWS:
        keys = [k for k in cells if k.startswith(f"active/{row.key}/")]
        if keys:
            out.append((f"active/{row.key}", keys, _patterns(row.patterns)))
    fmt = "2019" if any(k.startswith("applications/other/") for k in cells) else "2021"
    for row in APPLICATION_ROWS_2019 if fmt == "2019" else APPLICATION_ROWS_2021:
        keys = [f"applications/{row.key}/{c}" for c in APPLICANT_COLUMNS if f"applications/{row.key}/{c}" in cells]
        if keys:
            out.append((f"applications/{row.key}", keys, _patterns(row.patterns)))
    keys = [f"review_litigation/{r}/{c}" for r in REVIEW for c in REVIEW_COLUMNS]
    keys = [k for k in keys if k in cells]
    out.append(("review_litigation", keys, [re.compile("行政复议")]))
    return out


def segments(text: str, gold: dict[str, Any], zero_letters: bool = False) -> list[tuple[list[str], list[str], int]]:
    """Per segment: its gold cell keys (blanks left out), its printed numbers, how many cells it holds."""
    lines = region_lines(text)
    bare = [_NOISE.sub("", line) for line in lines]
    rows = rows_of(gold)
    anchors: list[int | None] = []
    at = 0
    for _, _, patterns in rows:
        found = None
        for i in range(at, len(lines)):
            after = bare[i + 1] if i + 1 < len(lines) else ""
            if any(p.search(bare[i]) or (p.search(bare[i] + after) and not p.search(after)) for p in patterns):
                found = i
                break
        anchors.append(found)
        if found is not None:
            at = found + 1
    cells = gold["cells"]
    out: list[tuple[list[str], list[str], int]] = []
    starts = [i for i, a in enumerate(anchors) if a is not None]
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(rows)
        keys = [k for _, ks, _ in rows[first:last] for k in ks if cells[k] is not None]
        lo = anchors[first]
        assert lo is not None
        hi = anchors[starts[n + 1]] if n + 1 < len(starts) else len(lines)
        printed = [x for line in lines[lo:hi] for x in numbers(line, zero_letters)]
        want = [_printed(cells[k]) for k in keys]
        out.append((keys, printed, len(lcs(want, printed))))
    return out


def _printed(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def score_one(folder: Path, gold: dict[str, Any], kind: str, zero_letters: bool) -> dict[str, Any]:
    path = folder / gold["inputs"][kind]
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        got = parse(path.read_bytes(), path.name).as_json().get("cells", {})
    except Exception:  # a text the parser refuses: nothing read
        got = {}
    cells = gold["cells"]
    segs = segments(text, gold, zero_letters)
    right = {k for k, v in cells.items() if same(v, got.get(k))}
    wrong = {k for k, v in cells.items() if got.get(k) is not None and not same(v, got.get(k))}
    held = sum(1 for v in cells.values() if v is None) + sum(n for _, _, n in segs)
    return {"cells": len(cells), "held": held, "right": right, "wrong": wrong, "got": got, "segments": segs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--kind", action="append", default=None)
    ap.add_argument("--zero-letters", action="store_true")
    ap.add_argument("--gap", type=int, default=0, help="print up to N tuning cells held but not read right")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    kinds = args.kind or ["tess-psm3", "tess-psm4", "tess-psm6"]
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    gaps: list[str] = []
    for gold_file in sorted(args.folder.glob("synth_*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        split = split_of(int(gold["synth"]["seed"]))
        for kind in kinds:
            if kind not in gold["inputs"]:
                continue
            r = score_one(args.folder, gold, kind, args.zero_letters)
            a = acc[(kind, split)]
            a[0] += r["cells"]
            a[1] += r["held"]
            a[2] += len(r["right"])
            a[3] += len(r["wrong"])
            for keys, printed, n in r["segments"]:
                right = sum(k in r["right"] for k in keys)
                a[4] += max(0, n - right)
                if right < n and split == "tuning":
                    rows = list(dict.fromkeys(k.rsplit("/", 1)[0] for k in keys))
                    want = " ".join(_printed(gold["cells"][k]) for k in keys)
                    read = " ".join(str(r["got"].get(k)) for k in keys)
                    gaps.append(
                        f"{gold_file.stem} {kind} {'+'.join(rows)} held {n} right {right}\n  gold  {want}\n"
                        f"  text  {' '.join(printed)}\n  read  {read}"
                    )
    print("| kind | split | cells | held (ceiling) | right | wrong numbers | held, not read right |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (kind, split), (n, held, right, wrong, gap) in sorted(acc.items()):
        print(f"| {kind} | {split} | {n} | {held} ({held / n:.1%}) | {right} ({right / n:.1%}) | {wrong} | {gap} |")
    for line in gaps[: args.gap]:
        print(line)
    if args.json:
        args.json.write_text(json.dumps({f"{k}|{s}": v for (k, s), v in acc.items()}) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

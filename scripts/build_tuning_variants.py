"""More tuning material: the corpus's damaged conventions rebuilt from the TUNING seeds (000–002) only, each at
several other random seeds, so a failure the held-back figure shows can be studied without looking at the
held-back texts.

    .venv/bin/python scripts/build_tuning_variants.py --out /tmp/tuning --rounds 8
    .venv/bin/python scripts/score_corpus.py --corpus /tmp/tuning

The variants are made exactly as ``scripts/build_corpus.py`` makes the corpus's (the same model, the same
corrupter, the same renderers); only the random seed differs: ``variant_seed(stem, "<convention>#<round>")``.
The manifest has the corpus's shape, so ``scripts/score_corpus.py --corpus`` scores it (every variant is
"tuning").
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_corpus import GOLD, RENDERED, Corpus, split_of, variant_seed
from corpus_damage import MD_KINDS, OCR_KINDS, TABLE_KINDS, apply
from corpus_model import flatten, read_model, render_html_tables, render_joined, render_pipe

MD_MIX = ["label_chars", "fullwidth_digits", "page_noise", *MD_KINDS]


def plans() -> dict[str, tuple[list[str], str]]:
    """convention → (damage kinds, renderer: ``joined`` plain text, ``pipe`` Markdown or ``html`` tables in
    Markdown, the tables with their spans), as build_corpus."""
    out: dict[str, tuple[list[str], str]] = {}
    for kind in OCR_KINDS:
        out[f"damage-{kind}"] = ([kind], "joined")
    for kind in MD_KINDS:
        out[f"damage-{kind}"] = ([kind], "pipe")
    out["damage-mixed-ocr"] = (list(OCR_KINDS), "joined")
    out["damage-mixed-md"] = (MD_MIX, "pipe")
    for kind in TABLE_KINDS:
        out[f"damage-html-{kind}"] = ([kind], "html")
    out["damage-zero_letters"] = (["zero_letters"], "joined")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=5, help="random seeds per seed report and convention")
    ap.add_argument("--convention", action="append", help="only these damaged conventions (repeatable)")
    args = ap.parse_args(argv)
    table = plans()
    wanted = args.convention or sorted(table)
    unknown = [c for c in wanted if c not in table]
    if unknown:
        ap.error(f"unknown convention(s): {', '.join(unknown)}; known: {', '.join(sorted(table))}")
    corpus = Corpus(args.out)
    for gold_path in sorted(GOLD.glob("*.json")):
        stem = gold_path.stem
        if split_of(stem) != "tuning":
            continue  # never the held-back seeds
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["cells"]
        doc = read_model(RENDERED / f"{stem}.html", gold)
        for convention in wanted:
            kinds, how = table[convention]
            for k in range(args.rounds):
                seed = variant_seed(stem, f"{convention}#{k}")
                damaged = copy.deepcopy(doc) if how == "html" else flatten(doc)
                touches = apply(damaged, kinds, seed)
                if how == "joined":
                    text, suffix = render_joined(damaged, None, random.Random(seed + 1)), ".txt"
                elif how == "html":
                    text, suffix = render_html_tables(damaged), ".md"
                else:
                    text, suffix = render_pipe(damaged), ".md"
                corpus.add(
                    f"{stem}", convention, text, source=f"rendered/{stem}.html",
                    tool="corrupter (scripts/corpus_damage.py)", suffix=f"#{k}{suffix}",
                    damage=kinds, touches=touches, seed=seed,
                )  # fmt: skip
    corpus.write_manifest(
        "Tuning material: the corpus's damaged conventions from seeds 000–002 at other random seeds "
        "(scripts/build_tuning_variants.py).",
        {"tuning": sorted({str(v["seed_report"]) for v in corpus.variants}), "held_back": []},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

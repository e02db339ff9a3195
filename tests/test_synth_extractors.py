"""The extractors' text of synthetic reports (tests/fixtures/synth-extractors/, written by
``scripts/synth_extractors.py --slice``) read against their exact gold: the tools users run (lynx, pandoc,
BeautifulSoup, inscriptis, docx2txt, pypdf, pdfplumber, pymupdf4llm, markitdown) on reports never seen.

Per convention and split (seeds 900–999 are held back): the cells read right must stay at or above a floor, the
cells read as a wrong number at or below a ceiling (a wrong number is worse than a blank), and every report whose
gold says an identity must fail must be ``review: required``. Floors are what the parser achieved when they were
set: raise them as it improves, never lower them to let a regression pass. Where a floor is below 100 the text
lacks cells (pandoc's ``[TABLE]`` for a table it cannot draw) or a blank row's place is open (lynx, pypdf:
table 四's blank cells print nothing). ``scripts/synth_score.py`` prints the figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth_extractors import SLICE, SLICE_CONVENTIONS, SLICE_SEEDS  # noqa: E402
from synth_reports import build, gold  # noqa: E402
from synth_score import below_floor, missed_required, score  # noqa: E402

# (convention, split) → (floor: % of cells right, ceiling: cells read as a wrong number)
FLOOR: dict[tuple[str, str], tuple[float, int]] = {
    ("docx-docx2txt", "tuning"): (100.0, 0),
    ("docx-docx2txt", "held_back"): (99.83, 0),
    ("html-bs4-lines", "tuning"): (100.0, 0),
    ("html-bs4-lines", "held_back"): (99.83, 0),
    ("html-inscriptis", "tuning"): (98.25, 9),
    ("html-inscriptis", "held_back"): (100.0, 0),
    ("html-lynx", "tuning"): (98.25, 9),
    ("html-lynx", "held_back"): (99.83, 0),
    ("html-pandoc-plain", "tuning"): (76.88, 0),
    ("html-pandoc-plain", "held_back"): (100.0, 0),
    ("md-markitdown-pdf", "tuning"): (97.75, 9),
    ("md-markitdown-pdf", "held_back"): (99.67, 0),
    ("md-pymupdf4llm", "tuning"): (100.0, 0),
    ("md-pymupdf4llm", "held_back"): (100.0, 0),
    ("md-pymupdf4llm-layout", "tuning"): (100.0, 0),
    ("md-pymupdf4llm-layout", "held_back"): (99.67, 0),
    ("pdf-pdfplumber", "tuning"): (98.25, 9),
    ("pdf-pdfplumber", "held_back"): (100.0, 0),
    ("pdf-pypdf", "tuning"): (98.25, 9),
    ("pdf-pypdf", "held_back"): (99.5, 1),
}


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return score(SLICE, workers=1)


def test_every_convention_of_the_slice_has_floors() -> None:
    assert {c for c, _ in FLOOR} == set(SLICE_CONVENTIONS)


@pytest.mark.parametrize(("convention", "split"), sorted(FLOOR))
def test_cells_right_per_convention(results: list[dict], convention: str, split: str) -> None:
    assert below_floor(results, {(convention, split): FLOOR[(convention, split)]}) == {}


def test_broken_identities_are_review_required(results: list[dict]) -> None:
    assert missed_required(results) == []


def test_slice_gold_is_what_the_generator_makes() -> None:
    for seed in SLICE_SEEDS:
        stem = f"synth_{seed:03d}"
        committed = json.loads((SLICE / f"{stem}.json").read_text(encoding="utf-8"))
        s, m = build(seed)
        fresh = gold(s, m, stem, "html", f"{stem}.html")
        assert fresh["cells"] == committed["cells"], stem
        assert set(committed["inputs"]) == set(SLICE_CONVENTIONS), stem
        assert all((SLICE / name).exists() for name in committed["inputs"].values()), stem

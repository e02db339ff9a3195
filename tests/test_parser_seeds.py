"""The five seeds, as extracted from the portals, against their hand-read gold cells."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, gold

from parsers import parse


def _parse_seed(stem: str):
    path = FIXTURES / "seeds" / f"{stem}.txt"
    return parse(path.read_bytes(), path.name)


def test_every_gold_cell_is_read_exactly(seed_stem: str) -> None:
    want = gold(seed_stem)["cells"]
    got = _parse_seed(seed_stem).as_json()["cells"]
    wrong = {k: (v, got.get(k, "<missing>")) for k, v in want.items() if k not in got or got[k] != v}
    assert not wrong, wrong
    # blank stays blank: null, never 0
    for key, value in want.items():
        if value is None:
            assert got[key] is None


def test_metadata_matches_gold(seed_stem: str) -> None:
    want = gold(seed_stem)["metadata"]
    meta = _parse_seed(seed_stem).metadata
    for field in ("region", "year", "format", "published"):
        if field in want:
            assert meta[field] == want[field], field
    assert meta["source_kind"] == "text"  # the seeds are text as extracted; gold names the original kind


def test_every_cell_has_provenance(seed_stem: str) -> None:
    report = _parse_seed(seed_stem)
    for key, cell in report.cells.items():
        assert cell.where is not None, key
        if cell.value is not None:
            # the offset points at the text the value was read from
            assert report.text[cell.where.offset : cell.where.end].translate(
                str.maketrans("０１２３４５６７８９", "0123456789")
            ).replace(",", "") == cell.raw.replace(",", ""), key


def test_2021_seeds_pass_every_identity(seed_stem: str) -> None:
    report = _parse_seed(seed_stem)
    if report.metadata["format"] != "2021":
        return
    identities = [c for c in report.checks if c.kind == "identity"]  # narrative checks: test_narrative.py
    names = {c.name for c in identities}
    # 7 balance + 7 results_total + 25 row totals + 3 review rows
    assert len(names) == 42
    failed = [c.name for c in identities if not c.passed]
    assert not failed


def test_sections_found_in_order() -> None:
    report = _parse_seed("004_779f9be447f66d1d")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[0].heading == "一、总体情况"
    assert report.sections[5].text.startswith("(一)收取信息处理费情况")


def test_legacy_seed_has_five_sections_and_its_subtotals_hold() -> None:
    report = _parse_seed("002_153f5bf49180240b")
    assert report.metadata["format"] == "legacy"
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5]
    assert report.checks and all(c.passed for c in report.checks)


def test_damaged_seed_reports_its_damage() -> None:
    codes = [w.code for w in _parse_seed("001_641fc7d161c03c36").warnings]
    assert "glued_number" in codes  # 3.危及“三安全一稳定”0
    assert "extra_values" in codes  # the sixteenth zero of table 四


def test_cli_prints_json_and_fails_cleanly(tmp_path) -> None:
    seed = FIXTURES / "seeds" / "004_779f9be447f66d1d.txt"
    run = subprocess.run([sys.executable, "-m", "nianbao.cli", "parse", str(seed)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["cells"]["applications/new_received/total"] == 239
    assert set(out) >= {"metadata", "cells", "checks", "warnings", "sections"}

    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n this is not a pdf at all")
    run = subprocess.run([sys.executable, "-m", "nianbao.cli", "parse", str(bad)], capture_output=True, text=True)
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.pdf" in lines[0]

    run = subprocess.run(
        [sys.executable, "-m", "nianbao.cli", "parse", str(tmp_path / "nope.txt")], capture_output=True, text=True
    )
    assert run.returncode != 0 and "cannot read" in run.stderr

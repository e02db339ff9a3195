"""A print that lost its heading (LibreOffice Writer/Web's PDF of the print page leaves its first page blank, the
title with it): the region is the organ the national template's contact sentence names (如对本报告有疑问，请与某某
办公室联系), said as a guess (``region_from_contact``). Gold from the generator (``scripts/synth_reports.py``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from parsers import parse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from synth_reports import body_html, build, print_page, split_of

SEEDS = [seed for seed in range(7890, 7900) if split_of(seed) == "tuning"]


def _codes(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.code for w in report.warnings]


def test_a_print_without_its_title_reads_the_region_of_the_contact_sentence() -> None:
    assert SEEDS
    for seed in SEEDS:
        s, m = build(seed)
        page = re.sub(r"<h2[^>]*>.*?</h2>", "", print_page(s, m, body_html(s, m)))
        report = parse(page.encode(), f"print_{seed}.html")
        assert report.metadata["region"] == s.region, seed
        assert "region_from_contact" in _codes(report), seed


def test_a_titled_print_reads_the_title_and_guesses_nothing() -> None:
    for seed in SEEDS:
        s, m = build(seed)
        report = parse(print_page(s, m, body_html(s, m)).encode(), f"print_{seed}.html")
        assert report.metadata["region"] == s.region, seed
        assert "region_from_contact" not in _codes(report), seed


def test_a_contact_sentence_wrapped_inside_the_name_is_read_joined() -> None:
    for seed in SEEDS:
        s, m = build(seed)
        page = re.sub(r"<h2[^>]*>.*?</h2>", "", print_page(s, m, body_html(s, m)))
        wrapped = page.replace(f"请与{s.region}", f"请与{s.region[:1]}<br>\n{s.region[1:]}", 1)
        assert wrapped != page, seed
        report = parse(wrapped.encode(), f"print_{seed}.html")
        assert report.metadata["region"] == s.region, seed
        assert "region_from_contact" in _codes(report), seed

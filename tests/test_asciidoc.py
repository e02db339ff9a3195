"""AsciiDoc text (``parsers/asciidoc.py``): pandoc's ``-t asciidoc`` of two synthetic reports' HTML pages
(``tests/fixtures/extractor_snippets/synth-126[16]-asciidoc.txt``, written by ``scripts/build_synth_snippets.py`` from
the probe's tuning half). Each cell is checked against the report's gold (its generator's numbers): the cells
named here, every other cell of the tables 0."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.asciidoc import read_asciidoc

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"
GOLD_1261 = {
    "active/rules/new_made": 1, "active/rules/new_published": 1, "active/normative_docs/new_made": 1,
    "active/normative_docs/new_published": 1, "active/licensing/prior_items": 759, "active/licensing/decisions": 26,
    "active/other_services/decisions": 28, "active/penalty/prior_items": 224, "active/coercion/prior_items": 6,
    "active/coercion/decisions": 6, "active/fees/change": 1, "active/procurement/items": 3,
    "active/procurement/amount": 2, "applications/new_received/other_org": 11, "applications/granted/other_org": 7,
    "applications/unavailable.not_held/other_org": 1, "applications/not_processed.excessive/other_org": 1,
    "applications/other/other_org": 1, "applications/results_total/other_org": 10,
    "applications/carried_forward/other_org": 1, "applications/new_received/total": 11,
    "applications/granted/total": 7, "applications/unavailable.not_held/total": 1,
    "applications/not_processed.excessive/total": 1, "applications/other/total": 1,
    "applications/results_total/total": 10, "applications/carried_forward/total": 1,
    "review_litigation/review/upheld": 1, "review_litigation/review/total": 1,
}  # fmt: skip
GOLD_1266 = {
    "active/rules/in_force": 2, "active/normative_docs/issued": 1, "active/licensing/decisions": 710,
    "active/penalty/decisions": 57, "active/coercion/decisions": 3, "active/fees/amount": 223,
    "applications/new_received/natural_person": 62, "applications/granted/natural_person": 20,
    "applications/partially_granted/natural_person": 30, "applications/withheld.query_matters/natural_person": 4,
    "applications/not_processed.excessive/natural_person": 8, "applications/results_total/natural_person": 62,
    "applications/new_received/commercial": 9, "applications/granted/commercial": 3,
    "applications/partially_granted/commercial": 1, "applications/withheld.state_secret/commercial": 3,
    "applications/withheld.third_party_rights/commercial": 1, "applications/not_processed.petition/commercial": 1,
    "applications/results_total/commercial": 9, "applications/new_received/other_org": 7,
    "applications/granted/other_org": 3, "applications/withheld.state_secret/other_org": 1,
    "applications/unavailable.not_held/other_org": 1, "applications/not_processed.petition/other_org": 1,
    "applications/results_total/other_org": 6, "applications/carried_forward/other_org": 1,
    "applications/new_received/total": 78, "applications/granted/total": 26, "applications/partially_granted/total": 31,
    "applications/withheld.state_secret/total": 4, "applications/withheld.third_party_rights/total": 1,
    "applications/withheld.query_matters/total": 4, "applications/unavailable.not_held/total": 1,
    "applications/not_processed.petition/total": 2, "applications/not_processed.excessive/total": 8,
    "applications/results_total/total": 77, "applications/carried_forward/total": 1,
    "review_litigation/review/upheld": 1, "review_litigation/review/corrected": 3, "review_litigation/review/total": 4,
    "review_litigation/litigation_after_review/corrected": 1, "review_litigation/litigation_after_review/total": 1,
}  # fmt: skip


def _check(name: str, gold: dict[str, int], cells: int, region: str) -> None:
    report = parse((SNIPPETS / name).read_bytes(), name)
    got = {
        k: c.value
        for k, c in report.cells.items()
        if k.split("/")[0] in ("active", "applications", "review_litigation")
    }
    assert len(got) == cells, name
    assert {k: v for k, v in got.items() if v != gold.get(k, 0)} == {}, name
    assert all(c.passed for c in report.checks), name
    assert report.metadata["review"] == "none", (name, report.metadata["review_reasons"])
    assert report.metadata["region"] == region


def test_asciidoc_rows_flow_by_the_column_count() -> None:
    # (二)部分公开's row runs over two lines: its last cell alone on the next line
    assert "不计其他情形) |0 |0 |0 |0 |0 |0\n|0\n" in (SNIPPETS / "synth-1261-asciidoc.txt").read_text(encoding="utf-8")
    _check("synth-1261-asciidoc.txt", GOLD_1261, 198, "酒泉市")


def test_asciidoc_layout_table_around_nested_tables() -> None:
    text = (SNIPPETS / "synth-1266-asciidoc.txt").read_text(encoding="utf-8")
    assert '[width="100%",cols="100%",]\n|===\n' in text and "\n!===\n!第二十条第（一）项 ! ! !\n" in text
    _check("synth-1266-asciidoc.txt", GOLD_1266, 200, "辽宁省")


def test_asciidoc_spans_and_ragged_tables_are_left_as_printed() -> None:
    # a cell spanning two columns: which cells it covers is left to the readers of the text as printed
    text = '[cols=",,",]\n|===\n2+|规章 |1\n|===\n'
    assert read_asciidoc(text) is None
    # five cells for three columns: no whole rows
    assert read_asciidoc('[cols=",,",]\n|===\n|规章 |1 |2\n|行政规范性文件 |1\n|===\n') is None
    # whole rows: TAB rows, offsets back into the text
    out = read_asciidoc('== 二、主动公开\n\n[cols=",,",]\n|===\n|规章 |1 |2\n|行政规范性文件\n|3 |4\n|===\n')
    assert out is not None and out[0] == "二、主动公开\n\n\n规章\t1\t2\n行政规范性文件\t3\t4\n"

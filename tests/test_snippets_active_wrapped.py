"""Table 二's numbers broken over two lines in narrow cells, their rest on the line under the row's, under them
(pypdf's layout mode of the narrow-print battery: ``parsers/tables/active_wrapped.py``). Snippets cut from a52's
tuning batch (``/tmp/a52/tune``, seeds 6000–6029) by ``scripts/build_synth_snippets.py``'s ``excerpt``; gold from
the generator's ``synth_<seed>.json``."""

from __future__ import annotations

from tests.snippet_reports import cell_values, snippet_report

# the generator's gold: table 二's cells (synth_6013.json, 2021 format; synth_6006.json, 2019 format)
GOLD_6013 = {
    "active/rules/issued": 1,
    "active/rules/repealed": 0,
    "active/rules/in_force": 0,
    "active/normative_docs/issued": 1,
    "active/normative_docs/repealed": 11,
    "active/normative_docs/in_force": 181,
    "active/licensing/decisions": 0,
    "active/penalty/decisions": 163,
    "active/coercion/decisions": 0,
    "active/fees/amount": 0,
}
GOLD_6006 = {
    "active/penalty/prior_items": 12,
    "active/penalty/change": 6,
    "active/penalty/decisions": 17,
    "active/fees/prior_items": 1,
    "active/fees/change": 0,
    "active/procurement/items": 1,
    "active/procurement/amount": 21.15,
}


def _said(report, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.message for w in report.warnings if w.code == "merged_digits" and w.key == key]


def test_a_count_broken_beside_its_wrapped_label() -> None:
    # ``行政处   16`` / ``  罚    3``: 163, the 3 under the 6 on the line of the label's rest; version 201 read 16
    report = snippet_report("synth-6013-pypdf-layout-table2.txt")
    assert dict(zip(GOLD_6013, cell_values(report, list(GOLD_6013)), strict=True)) == GOLD_6013
    assert any("16 / 3" in m and "163" in m and "a guess" in m for m in _said(report, "active/penalty"))


def test_an_amount_broken_after_its_point() -> None:
    # ``政府集中采购     1  21.`` / ``15`` under 21.: 21.15; version 201 read the 15 as the amount
    report = snippet_report("synth-6006-pypdf-layout-table2.txt")
    assert dict(zip(GOLD_6006, cell_values(report, list(GOLD_6006)), strict=True)) == GOLD_6006
    assert any("21. / 15" in m and "1 | 21.15" in m for m in _said(report, "active/procurement"))

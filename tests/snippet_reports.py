"""What the extractor snippet tests share: the snippets' folder, a snippet's parse, and the cells they read."""

from __future__ import annotations

from pathlib import Path

from parsers import parse
from parsers.tables.templates import APPLICANT_COLUMNS as APPLICANT
from parsers.tables.templates import APPLICATION_ROWS_2021, RowDef

SNIPPETS = Path(__file__).parent / "fixtures" / "extractor_snippets"


REVIEW_KEYS = [
    f"review_litigation/{row}/{col}"
    for row in ("review", "litigation_direct", "litigation_after_review")
    for col in ("upheld", "corrected", "other", "pending", "total")
]


def snippet_report(name: str):  # type: ignore[no-untyped-def]
    return parse((SNIPPETS / name).read_bytes(), name)


def against_draw(name: str, seed: int, prefix: str):  # type: ignore[no-untyped-def]
    """Snippet ``name``'s report, and the keys under ``prefix`` as the generator drew seed ``seed``
    (``synth_model.draw``) with the values read and the gold; no cell read as another number (asserted)."""
    import sys

    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import draw, gold_value

    gold = {k: gold_value(v) for k, v in draw(seed).cells.items() if k.startswith(prefix)}
    report = snippet_report(name)
    got = {k: report.cells[k].value if k in report.cells else None for k in gold}
    assert not [k for k in gold if got[k] is not None and got[k] != gold[k]]  # no wrong number
    return report, got, gold


def three_against_draw(name: str, seed: int):  # type: ignore[no-untyped-def]
    """Snippet ``name``'s report, table 三's keys as the generator drew seed ``seed`` (``synth_model.draw``), the
    values read and the gold by key, and table 三's warnings by code; no cell read as another number (asserted)."""
    import sys

    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import draw, gold_value

    synth = draw(seed)
    report = snippet_report(name)
    keys = [k for k in synth.cells if k.startswith("applications/")]
    got = {k: report.cells[k].value if k in report.cells else None for k in keys}
    gold = {k: gold_value(synth.cells[k]) for k in keys}
    assert not [k for k in keys if got[k] is not None and got[k] != gold[k]]  # no wrong number
    warnings = {w.code: w.message for w in report.warnings if w.key == "applications"}
    return report, keys, got, warnings


def app_row(report, row: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [report.cells[f"applications/{row}/{c}"].value for c in APPLICANT]


def wrong_rows(report, gold: dict[str, list[int]]) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    """The table 三 rows of ``gold`` with a cell read as another number (a blank is no wrong number)."""
    out = {}
    for row, want in gold.items():
        got = app_row(report, row)
        if any(g is not None and g != w for g, w in zip(got, want, strict=True)):
            out[row] = got
    return out


# own-blank-zeros-*: three rows of zeros, each with one cell left empty (a blank the report published)
BLANK_ZERO_ROWS = {
    "partially_granted": [0, 0, None, 0, 0, 0, 0],
    "withheld.state_secret": [0, 0, 0, 0, 0, None, 0],
    "withheld.prohibited_by_law": [None, 0, 0, 0, 0, 0, 0],
}


# ---- issue 8, the blanks: the whole table 三 of scripts/build_extractor_snippets.py (full_three)
FULL_THREE = {
    "new_received": [30, 2, 1, 0, 1, 0, 34],
    "carried_over": [3, 0, 0, 0, 0, 0, 3],
    "granted": [15, 1, 0, 0, 1, 0, 17],
    "withheld.state_secret": [0] * 7,
    "withheld.process_info": [1, 0, 0, 0, 0, 0, 1],
    "unavailable.not_held": [5, 1, 0, 0, 0, 0, 6],
    "not_processed.petition": [2, 0, 0, 0, 0, 0, 2],
    "results_total": [30, 2, 1, 0, 1, 0, 34],
    "carried_forward": [3, 0, 0, 0, 0, 0, 3],
}


def row_or_none(report, row: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value if (c := report.cells.get(f"applications/{row}/{col}")) else None for col in APPLICANT]


# ---- pdfminer.six's text boxes (parsers/tables/box_order.py)
FULL_FOUR = [2, 1, 0, 3, 6, 0, 1, 0, 0, 1, 0, 15, 0, 0, 15]


# ---- pdfminer.six's wide table 三: bands of rows, each column by column (parsers/tables/band_order.py)
# synthetic report 1200's gold (scripts/synth_reports.py: the generator's exact values)
SYNTH_1200_THREE = {
    "new_received": [6, 0, 1, 0, 0, 0, 7],
    "carried_over": [0, 5, 0, 0, 0, 0, 5],
    "granted": [0, 1, 1, 0, 0, 0, 2],
    "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    "withheld.state_secret": [0, 0, 0, 0, 0, 0, 0],
    "withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
    "withheld.three_safeties": [0, 0, 0, 0, 0, 0, 0],
    "withheld.third_party_rights": [0, 0, 0, 0, 0, 0, 0],
    "withheld.internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "withheld.process_info": [1, 0, 0, 0, 0, 0, 1],
    "withheld.enforcement_files": [0, 0, 0, 0, 0, 0, 0],
    "withheld.query_matters": [0, 0, 0, 0, 0, 0, 0],
    "unavailable.not_held": [0, 1, 0, 0, 0, 0, 1],
    "unavailable.needs_creation": [0, 0, 0, 0, 0, 0, 0],
    "unavailable.unclear_after_correction": [1, 1, 0, 0, 0, 0, 2],
    "not_processed.petition": [0, 1, 0, 0, 0, 0, 1],
    "not_processed.duplicate": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.publication": [0, 1, 0, 0, 0, 0, 1],
    "not_processed.excessive": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.confirm_existing": [0, 0, 0, 0, 0, 0, 0],
    "other.no_correction": [1, 0, 0, 0, 0, 0, 1],
    "other.unpaid_fee": [0, 0, 0, 0, 0, 0, 0],
    "other.other": [1, 0, 0, 0, 0, 0, 1],
    "results_total": [6, 5, 1, 0, 0, 0, 12],
    "carried_forward": [0, 0, 0, 0, 0, 0, 0],
}


BANDS_1200 = "synth-1200-bands-pdfminer.txt"


def cell_values(report, keys: list[str]) -> list[object]:  # type: ignore[no-untyped-def]
    return [report.cells[k].value if k in report.cells else None for k in keys]


OTHER_SERVICES = [f"active/other_services/{c}" for c in ("prior_items", "change", "decisions")]


FEES_AND_PROCUREMENT = [
    "active/fees/prior_items",
    "active/fees/change",
    "active/procurement/items",
    "active/procurement/amount",
]


# table 三's columns, in the template's order
APP_COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")


def gold_rows(nonzero: dict[str, list[int]], rows: list[RowDef] = APPLICATION_ROWS_2021) -> dict[str, list[int]]:
    """Table 三's gold rows from the generator's rows that are not all 0 (``nonzero``): every other row 0s."""
    return {row.key: nonzero.get(row.key, [0] * 7) for row in rows}


def read_rows(report, gold: dict[str, list[int]]) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    """The table 三 rows of ``gold`` as ``report`` reads them."""
    return {row: app_row(report, row) for row in gold}


def total_and_one_number_rows(keys: list[str], seed: int) -> set[str]:
    """Of table 三's ``keys``, the cells a reading that cannot confirm the six applicant columns' order reads (tables
    ``vertical_span`` and ``vertical_bands``): the 总计 column, and each row whose six applicant values are one number
    as the generator drew seed ``seed`` (``synth_model.draw``)."""
    import sys

    scripts = str(Path(__file__).resolve().parent.parent / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from synth_model import draw, gold_value

    cells = draw(seed).cells
    rows: dict[str, list[str]] = {}
    for k in keys:
        rows.setdefault(k.split("/")[1], []).append(k)
    out = set()
    for row_keys in rows.values():
        applicant = [k for k in row_keys if not k.endswith("/total")]
        out |= {k for k in row_keys if k.endswith("/total")}
        if len({gold_value(cells[k]) for k in applicant}) == 1:
            out |= set(applicant)
    return out
